"""The set-up window asks what a hotel's first invoice prints for the seller."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from tests.ui.test_set_up_window import fill_set_up


def test_the_set_up_window_asks_the_vat_number_accountable_person_and_city(qtbot, demo_database) -> None:
    from ui.setup.wizard import SetUpWizard

    wizard = SetUpWizard(demo_database, "TEST-1")
    qtbot.addWidget(wizard)
    fill_set_up(wizard, password="first-manager-9")
    wizard.findChild(QLineEdit, "vatNumberEdit").setText("BG999888777")
    wizard.findChild(QLineEdit, "accountablePersonEdit").setText("Elena Ivanova")
    wizard.findChild(QLineEdit, "cityEdit").setText("Varna")
    setup = wizard.read_setup()
    assert (setup.vat_number, setup.accountable_person, setup.city) == ("BG999888777", "Elena Ivanova", "Varna")
    assert wizard.findChild(QLineEdit, "cityEdit").maxLength() == 80  # the column's length: no refusal to type past
