"""Render the Import window of the demo hotel to PNG (en, ru): a services file with two bad lines,
refused whole with each line listed; a dry run of another system's book of reservations, a row of
each status and two refused.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_import
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.people.auth import sign_in
from desk.stays.booking import free_rooms
from desk.stays.business_day import business_date
from desk.stays.models import Reservation, ReservationStatus
from tools.screenshots import save, settle, wait_until
from ui.admin.imports import ImportDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators

SERVICES = ("\ufeffcode;name;price;vat;name_ru\r\n"
            "MASSAGE;Relaxing full-body massage with aromatic oils (50 minutes);45,00;VAT20;"
            "Расслабляющий массаж всего тела с ароматическими маслами (50 минут)\r\n"
            "SAUNA;Finnish sauna;12,345;VAT20;Финская сауна\r\n"
            "TRANSFER;Airport transfer;60,00;VAT7;Трансфер из аэропорта\r\n")


def reservations_file(today: date, room: str) -> str:
    def day(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    return ("external_id;guests;guest_ids;room_type;room;arrival;departure;rate;company;status\n"
            f"OPERA-884120;Konstantinopolskaya, Yekaterina Vladimirovna|Konstantinopolsky, Aleksandr;G-1|G-2;;"
            f"{room};{day(-3)};{day(4)};145,00;;in_house\n"
            f"OPERA-884121;Wolfeschlegelsteinhausen, Hubert Blaine;G-3;Double;;{day(-12)};{day(-9)};;;checked_out\n"
            f"OPERA-884122;Ivanova, Svetlana;;Double;;{day(-1)};{day(2)};;;no_show\n"
            f"OPERA-884123;Ivanova, Svetlana;;Double;;{day(-2)};{day(1)};;;confirmed\n"
            f"OPERA-884124;Petrov, Dmitry;;Double;;{day(20)};{day(23)};;;confirmed\n"
            f"OPERA-884125;Berg, Olga;;Double;;{day(40)};{day(42)};;;cancelled\n"
            f"OPERA-884126;Novak, Jan;;;{room};{day(0)};{day(2)};;;in_house\n")


def reservations_dry_run(app: QApplication, language: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            today = business_date(session)
            # A room free for the in-house row's stay: the one it asks free rooms of is any confirmed stay.
            some_stay = session.scalars(select(Reservation.id).where(
                Reservation.status == ReservationStatus.CONFIRMED).limit(1)).one()
            room = free_rooms(session, some_stay)[0].number
        ctx = DeskContext(database, manager)
        install_translator(app, language)  # type: ignore[arg-type]
        file = Path(folder) / "opera-export-2026-12.csv"
        file.write_text(reservations_file(today, room), encoding="utf-8")
        dialog = ImportDialog(ctx)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("reservations"))
        dialog.file_edit.setText(str(file))
        results: list[object] = []
        dialog.finished_import.connect(results.append)
        dialog.resize(900, 560)
        dialog.show()
        dialog.start(dry_run=True)
        wait_until(lambda seen=results: bool(seen), 60_000)
        settle(300)
        save(dialog, "import_reservation_statuses", language)
        dialog.close()
        remove_translators(app)  # type: ignore[arg-type]
        ctx.close()
        database.dispose()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for language in ("en", "ru"):
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{folder}/demo.sqlite3")
            with database.unit_of_work() as session:
                seed_demo(session, today=date.today())
            with database.unit_of_work() as session:
                manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            ctx = DeskContext(database, manager)
            install_translator(app, language)  # type: ignore[arg-type]
            file = Path(folder) / "services-from-the-old-system.csv"
            file.write_bytes(SERVICES.encode())
            dialog = ImportDialog(ctx)
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("services"))
            dialog.file_edit.setText(str(file))
            results: list[object] = []
            dialog.finished_import.connect(results.append)
            dialog.show()
            dialog.start()
            wait_until(lambda seen=results: bool(seen), 60_000)
            settle(300)
            save(dialog, "import_refused", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
            ctx.close()
            database.dispose()
        reservations_dry_run(app, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
