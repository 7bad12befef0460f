"""Services and payments: a manager sets the outlet a service is sold at, and the table shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.hotel.catalogue import catalogue
from desk.people.models import Role
from ui.admin.catalogue import CatalogueDialog

WAIT_MS = 20_000


def test_a_manager_sets_a_services_outlet(qtbot, context_of, demo_database):
    dialog = CatalogueDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.loaded is not None and dialog.service_outlet_combo.count() > 1, timeout=WAIT_MS)
    codes = [service.code for service in dialog.loaded.services]
    row = codes.index("SPA")
    dialog.services_view.selectRow(row)
    assert dialog.service_outlet_combo.currentData() == ""  # the demo's services have none yet
    dialog.service_outlet_combo.setCurrentIndex(dialog.service_outlet_combo.findData("BAR"))
    qtbot.mouseClick(dialog.save_service_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.services_model.index(row, 4).data() == "Lobby bar", timeout=WAIT_MS)
    with demo_database.unit_of_work() as session:
        assert {s.code: s.outlet_code for s in catalogue(session).services}["SPA"] == "BAR"
