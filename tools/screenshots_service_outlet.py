"""Render the Services tab of the demo hotel to PNG (en, ru) with services sold at outlets, one of
them chosen: its outlet in the table and in the form.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_service_outlet
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desk.db.runner import Runner
from desk.hotel.catalogue import add_outlet, set_service_outlet
from tools.screenshots import application, demo_hotel, save_in_each_language, settle, wait_until
from ui.admin.catalogue import CatalogueDialog


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        manager = hotel.sign_in("maria", "manager", "FRONT-1")
        runner = Runner(hotel.database)
        runner.run(add_outlet, manager, "WELLNESS", "Wellness centre and panoramic rooftop pool",
                   {"ru": "Велнес-центр и панорамный бассейн на крыше"})
        runner.run(set_service_outlet, manager, "SPA", "WELLNESS")
        runner.run(set_service_outlet, manager, "PARKING", "BAR")
        ctx = hotel.context(manager)

        def services(_language: str) -> QWidget:
            dialog = CatalogueDialog(ctx)
            dialog.open()
            wait_until(lambda: dialog.loaded is not None and dialog.service_outlet_combo.count() > 1)
            assert dialog.loaded is not None
            dialog.services_view.selectRow([s.code for s in dialog.loaded.services].index("SPA"))
            settle()
            dialog.resize(dialog.width(), 720)
            return dialog

        save_in_each_language(app, "services_outlet", services)
    return 0


if __name__ == "__main__":
    sys.exit(main())
