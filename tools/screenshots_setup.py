"""Render the set-up window (its three pages, filled with a long hotel name) and the Administration
windows (People; Services and payments, each of its tabs) on the demo hotel, with a long user,
service and company name added, to docs/screenshots/setup_hotel_, setup_money_, setup_manager_,
people_, services_ and services_<tab>_{en,ru}.png.

    python -m tools.screenshots_setup
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableWidgetItem, QWidget

from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.hotel.catalogue import add_service
from desk.people.admin import add_user
from desk.people.auth import sign_in
from desk.people.models import Role
from desk.stays.companies import add_company
from tools.screenshots import save_in_each_language, settle, wait_until
from ui.admin.catalogue import CatalogueDialog
from ui.admin.people import PeopleDialog
from ui.context import DeskContext
from ui.ops import delivery
from ui.setup.wizard import SetUpWizard

LONG_NAME = "Grand Hotel & Congress Centre “Black Sea Pearl” — Golden Sands Resort"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        empty = Database(f"sqlite:///{folder}/empty.sqlite3")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", "FRONT-1")
        # Long names, as a real hotel has them: each list shows one.
        runner = Runner(database)
        runner.run(add_user, manager, "konstantin.aleksandrov", "Konstantin Aleksandrovich Vasilevsky-Dobrev",
                   Role.CASHIER, "temporary-pass-1")
        runner.run(add_service, manager, "TRANSFER-VIP", "Airport transfer by minivan, up to seven passengers",
                   Money.of("95.00", "EUR"), "VAT20", "transport",
                   {"ru": "Трансфер из аэропорта на микроавтобусе, до семи пассажиров",
                    "bg": "Трансфер от летището с микробус, до седем пътници"})
        runner.run(add_company, manager, "Black Sea Tourism & Congress Organisers International Ltd.",
                   "BG175482936", "12 Primorski Boulevard, Varna 9000", Money.of("15000.00", "EUR"))
        ctx = DeskContext(database, manager)

        def wizard_on(page: int) -> QWidget:
            wizard = SetUpWizard(empty, "FRONT-1")
            wizard.name_edit.setText(LONG_NAME)
            wizard.address_edit.setText("1 Crystal Beach Boulevard, Golden Sands, 9007 Varna")
            wizard.tax_id_edit.setText("BG204567891")
            wizard.vat_number_edit.setText("BG204567891")
            wizard.accountable_person_edit.setText("Elena Ivanova-Konstantinova")
            wizard.city_edit.setText("Golden Sands, Varna")
            wizard.country_combo.setCurrentText("BG")
            wizard.time_zone_combo.setCurrentText("Europe/Sofia")
            wizard.currencies_table.setItem(0, 0, QTableWidgetItem("USD"))
            wizard.currencies_table.setItem(0, 1, QTableWidgetItem("0.92"))
            wizard.username_edit.setText("elena.ivanova")
            wizard.full_name_edit.setText("Elena Ivanova-Konstantinova")
            wizard.show()
            for _ in range(page):
                wizard.next()
            return wizard

        for page, name in enumerate(("setup_hotel", "setup_money", "setup_manager")):
            save_in_each_language(app, name, lambda _language, p=page: wizard_on(p))

        def people(_language: str) -> QWidget:
            dialog = PeopleDialog(ctx)
            dialog.open()
            wait_until(lambda: dialog.model.rowCount() > 0)
            dialog.view.selectRow(0)
            return dialog

        def services(_language: str) -> QWidget:
            dialog = CatalogueDialog(ctx)
            dialog.open()
            wait_until(lambda: dialog.services_model.rowCount() > 0)
            dialog.services_view.selectRow(2)
            settle()
            dialog.resize(dialog.width(), 720)
            return dialog

        def tab(index: int) -> Callable[[str], QWidget]:
            def show(language: str) -> QWidget:
                dialog = services(language)
                dialog.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
                return dialog
            return show

        save_in_each_language(app, "people", people)
        save_in_each_language(app, "services", services)
        for index, name in enumerate(("outlets", "methods", "currencies", "companies", "registers"), start=1):
            save_in_each_language(app, f"services_{name}", tab(index))
        delivery.wait_all(10_000)
        ctx.close()
        database.dispose()
        empty.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
