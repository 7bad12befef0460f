"""The POS connections window: keys shown once and revoked, payment codes, the service's settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.db.runner import Runner
from desk.people.models import Role
from desk.pos.checks import get_setting, payment_codes
from desk.pos.keys import authenticate, list_keys
from tests.actors import signed_in
from ui.context import DeskContext
from ui.ops import delivery
from ui.settings.pos import PosConnectionsDialog

DISPLAY = Qt.ItemDataRole.DisplayRole


def rows(model) -> list[list[str]]:
    return [[model.data(model.index(r, c), DISPLAY) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


@pytest.fixture
def dialog(qtbot, demo_database):
    ctx = DeskContext(demo_database, signed_in(demo_database, Role.MANAGER))
    window = PosConnectionsDialog(ctx)
    qtbot.addWidget(window)
    window.open()
    qtbot.waitUntil(lambda: window.setup is not None, timeout=30_000)
    yield window
    delivery.cancel_all()
    assert delivery.wait_all(30_000)


def test_a_key_is_shown_once_copied_and_revoked(qtbot, dialog, demo_database):
    read = Runner(demo_database).read
    dialog.name_edit.setText("bar-1")
    dialog.outlet_combo.setCurrentIndex(dialog.outlet_combo.findData("BAR"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.new_key_row.isVisible() and any(r[0] == "bar-1" for r in rows(dialog.keys_model)),
                    timeout=30_000)
    key = dialog.new_key_edit.text()
    assert key.startswith("pk_") and read(authenticate, key) == "bar-1"
    assert "bar-1" in dialog.new_key_label.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key
    row = next(r for r in rows(dialog.keys_model) if r[0] == "bar-1")
    assert row[1] == "BAR" and row[3] == ""

    dialog.keys_view.selectRow([r[0] for r in rows(dialog.keys_model)].index("bar-1"))
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: next(r for r in rows(dialog.keys_model) if r[0] == "bar-1")[3] != "", timeout=30_000)
    assert next(k for k in read(list_keys) if k.name == "bar-1").revoked_at is not None
    dialog.close()
    assert dialog.new_key_edit.text() == ""  # the key does not outlive the window


def test_a_bad_name_is_refused_and_writes_nothing(qtbot, dialog, demo_database):
    before = Runner(demo_database).read(list_keys)
    dialog.name_edit.setText("bar 1!")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox) is not None, timeout=30_000)
    assert "POS name" in dialog.findChild(QMessageBox).text()
    assert Runner(demo_database).read(list_keys) == before and not dialog.new_key_row.isVisible()


def test_payment_codes_and_settings(qtbot, dialog, demo_database):
    read = Runner(demo_database).read
    assert ["25", "Charge to room on credit", "Charge to room"] in rows(dialog.codes_model)
    dialog.code_edit.setText("31")
    dialog.meaning_combo.setCurrentIndex(dialog.meaning_combo.findData("deposit"))
    dialog.code_name_edit.setText("Room deposit 2")
    qtbot.mouseClick(dialog.save_code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ["31", "Paid from the deposit", "Room deposit 2"] in rows(dialog.codes_model),
                    timeout=30_000)
    assert ("31", "deposit") in [(c.code, c.meaning.value) for c in read(payment_codes)]
    dialog.codes_view.selectRow([r[0] for r in rows(dialog.codes_model)].index("31"))
    qtbot.mouseClick(dialog.remove_code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "31" not in [r[0] for r in rows(dialog.codes_model)], timeout=30_000)

    dialog.after_checkout_combo.setCurrentIndex(dialog.after_checkout_combo.findData("refuse"))
    dialog.after_checkout_combo.activated.emit(dialog.after_checkout_combo.currentIndex())
    qtbot.waitUntil(lambda: read(get_setting, "after_checkout") == "refuse", timeout=30_000)
    box = dialog.run_in_desk_check  # clicked on its box: the row is wider than its words
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2))
    qtbot.waitUntil(lambda: read(get_setting, "run_in_desk") == "on", timeout=30_000)
    qtbot.waitUntil(lambda: dialog.run_in_desk_check.isChecked() and dialog.setup.run_in_desk, timeout=30_000)


def test_the_menu_offers_it_only_to_who_may_manage_pos_keys(qtbot, demo_database):
    from ui.main_window import MainWindow

    for role, allowed in ((Role.CLERK, False), (Role.MANAGER, True)):
        window = MainWindow(DeskContext(demo_database, signed_in(demo_database, role)))
        qtbot.addWidget(window)
        assert window.pos_connections_action.isEnabled() is allowed
    delivery.cancel_all()
    assert delivery.wait_all(30_000)
