"""A refusal reads red in every window, as the clerk learnt it in the first one they used."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from desk.people.models import Role
from ui.dialogs.common import ERROR_COLOR


def text_colour(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def windows(database, context_of):  # type: ignore[no-untyped-def]
    from ui.admin.people import PeopleDialog
    from ui.admin.register_settings import RegisterSettingsDialog
    from ui.audit.trail import AuditTrailDialog
    from ui.invoices.seller import InvoiceSellerDialog
    from ui.setup.wizard import SetUpWizard
    from ui.sign_in import SignInDialog

    manager = context_of(Role.MANAGER)
    return [(SignInDialog(database, "TEST-1", username="anna"), "signInError"),
            (SetUpWizard(database, "TEST-1"), "setUpError"),
            (PeopleDialog(manager), "peopleError"),
            (RegisterSettingsDialog(manager, "FP-1"), "registerSettingsError"),
            (AuditTrailDialog(manager), "trailError"),
            (InvoiceSellerDialog(manager), "sellerError")]


def test_each_windows_refusal_is_red(qtbot, demo_database, context_of) -> None:
    for window, name in windows(demo_database, context_of):
        qtbot.addWidget(window)
        label = window.findChild(QLabel, name)
        assert label is not None, name
        label.setText("Refused")
        assert text_colour(label) == QColor(ERROR_COLOR), name


def test_a_plain_label_does_not_read_red(qtbot) -> None:
    """The reading above tells a red label from a plain one."""
    plain = QLabel("Plain")
    qtbot.addWidget(plain)
    assert text_colour(plain) != QColor(ERROR_COLOR)
