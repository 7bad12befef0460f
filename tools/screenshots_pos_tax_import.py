"""Render the POS mapping tab, the City tax window with its rules, and a reservation import's dry
run of the demo hotel to PNG (en, ru), with long names and a refusal shown.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_pos_tax_import
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.catalogue import add_service
from desk.pos.item_map import set_item_map
from desk.stays.night_audit import set_city_tax
from tools.screenshots import application, demo_hotel, save, settle, translated, wait_until
from ui.admin.catalogue import CatalogueDialog
from ui.admin.city_tax import CityTaxDialog
from ui.admin.imports import ImportDialog


def _set_up(database: Database, manager: object) -> None:
    run = Runner(database).run
    run(add_service, manager, "REST-FOOD", "Restaurant Panorama: food and desserts", Money.of("1.00", "EUR"),
        "VAT20", "food", {"ru": "Ресторан «Панорама»: блюда и десерты"})
    run(add_service, manager, "REST-WINE", "Restaurant Panorama: wine and spirits", Money.of("1.00", "EUR"),
        "VAT20", "beverages", {"ru": "Ресторан «Панорама»: вина и крепкие напитки"})
    run(set_item_map, manager, "REST", "item", "100231", "REST-FOOD")
    run(set_item_map, manager, "REST", "category", "WINE-LIST-2026", "REST-WINE")
    run(set_item_map, manager, "REST", "default", "", "REST-FOOD")
    run(set_item_map, manager, "BAR", "category", "COCKTAILS", "MB-BEER")
    run(set_city_tax, manager, "CITYTAX", Money.of("1.80", "EUR"), date.today() + timedelta(days=30),
        percent_of_rate=Decimal("2.5"), child_age_under=14)


def main() -> int:
    app = application()
    for language in ("en", "ru"):
        with demo_hotel() as hotel, translated(app, language):
            folder, database = hotel.folder, hotel.database
            manager = hotel.sign_in("maria", "manager")
            _set_up(database, manager)
            ctx = hotel.context(manager)

            catalogue = CatalogueDialog(ctx)
            catalogue.resize(1100, 640)
            catalogue.show()
            catalogue.reload()
            wait_until(lambda shown=catalogue: shown.pos_map_model.rowCount() == 4, 60_000)
            catalogue.tabs.setCurrentIndex(2)
            catalogue.map_code_edit.clear()
            catalogue.map_kind_combo.setCurrentIndex(catalogue.map_kind_combo.findData("item"))
            catalogue.save_pos_map()  # no code: refused, shown red
            wait_until(lambda shown=catalogue: shown.error_label.isVisible(), 60_000)
            settle(300)
            save(catalogue, "pos_mapping", language)
            catalogue.close()

            city_tax = CityTaxDialog(ctx)
            city_tax.resize(1100, 560)
            city_tax.open()
            wait_until(lambda shown=city_tax: shown.model.rowCount() > 1, 60_000)
            city_tax.amount_edit.setText("1.80")
            city_tax.percent_edit.setText("250")
            city_tax.set_tax()  # refused by the desk, red
            wait_until(lambda shown=city_tax: shown.error_label.isVisible(), 60_000)
            settle(300)
            save(city_tax, "city_tax_rules", language)
            city_tax.close()

            file = Path(folder) / "export-from-the-old-system.csv"
            day = date.today() + timedelta(days=60)
            file.write_text(
                "external_id;guests;guest_ids;room_type;arrival;departure;rate;status\n"
                f"WEB-100231;Aleksandra Konstantinopolskaya-Rimskaya|Ivanov, Pyotr;G-1|G-2;Suite;{day};"
                f"{day + timedelta(days=4)};245,00;confirmed\n"
                f"WEB-100232;Mila Petrova;;Double;{day + timedelta(days=2)};{day};;confirmed\n"
                f"WEB-100233;Jan Novak;;Double;{day};{day + timedelta(days=1)};;tentative\n", encoding="utf-8")
            importer = ImportDialog(ctx)
            importer.resize(1000, 520)
            importer.show()
            importer.kind_combo.setCurrentIndex(importer.kind_combo.findData("reservations"))
            importer.file_edit.setText(str(file))
            done: list[object] = []
            importer.finished_import.connect(done.append)
            importer.start(dry_run=True)
            wait_until(lambda finished=done: bool(finished), 60_000)
            settle(300)
            save(importer, "import_reservations_dry_run", language)
            importer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
