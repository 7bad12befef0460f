"""Services and payments, POS mapping: a manager maps a till's item code to a service and removes it;
a refusal shows red in the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from desk.hotel.names import Names
from desk.people.models import Role
from desk.pos.item_map import item_map, set_item_map
from ui import i18n
from ui.admin.catalogue import CatalogueDialog, revenue_group_text
from ui.dialogs.common import ERROR_COLOR

WAIT_MS = 20_000


def test_a_manager_maps_an_item_code_and_a_refusal_shows(qtbot, context_of, demo_database):
    dialog = CatalogueDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.loaded is not None and dialog.map_service_combo.count() > 1, timeout=WAIT_MS)
    dialog.map_outlet_combo.setCurrentIndex(dialog.map_outlet_combo.findData("BAR"))
    dialog.map_kind_combo.setCurrentIndex(dialog.map_kind_combo.findData("item"))
    dialog.map_code_edit.setText("4501")
    dialog.map_service_combo.setCurrentIndex(dialog.map_service_combo.findData("MB-BEER"))
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pos_map_model.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.pos_map_model.index(0, 2).data() == "4501"
    assert "MB-BEER" in dialog.pos_map_model.index(0, 3).data()
    with demo_database.unit_of_work() as session:
        assert [(m.outlet, m.pos_code, m.service) for m in item_map(session)] == [("BAR", "4501", "MB-BEER")]

    dialog.map_code_edit.clear()  # an item code is needed: refused, shown, nothing written
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert "code is 1-40 characters" in dialog.error_label.text()
    assert ERROR_COLOR in dialog.error_label.styleSheet()  # red, as the other windows show a refusal

    dialog.pos_map_view.selectRow(0)
    assert dialog.map_code_edit.text() == "4501"
    qtbot.mouseClick(dialog.unmap_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pos_map_model.rowCount() == 0, timeout=WAIT_MS)
    assert not dialog.error_label.isVisible()


@pytest.fixture
def russian(qtbot, qm_dir) -> Iterator[None]:
    saved = QLocale()
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


def test_the_mapping_names_its_revenue_group_in_the_managers_language(qtbot, context_of, demo_database, russian):
    manager = context_of(Role.MANAGER)
    manager.runner.run(set_item_map, manager.actor, "BAR", "item", "4501", "MB-BEER")
    dialog = CatalogueDialog(manager)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.pos_map_model.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.pos_map_model.index(0, 5).data() == "Мини-бар"  # the hotel's Russian name of "minibar"
    # A group the hotel has not named: the revenue report's word for it, else the code as typed.
    assert revenue_group_text(Names("ru"), "food") == "питание"
    assert revenue_group_text(Names("ru"), "beverages") == "beverages"
