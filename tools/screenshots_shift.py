"""Render the X report of a demo shift to PNG (en, ru), and the register's X report as the printer got it.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_shift

The shift takes cash, a card, dollars, a refund, cash in and cash out; its opening and moves print on
register FP-1 (in Russian) through the printer simulator, then the X report is printed there too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from desk.cash.shift_pdf import write_x_report
from desk.cash.shifts import cash_in, cash_out, open_shift_of
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.devices.models import WorkstationPrinter
from desk.fiscal.anchors import ANCHOR_DIR_ENV
from desk.fiscal.keys import KEY_DIR_ENV
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers, print_shift_documents, x_report
from desk.people.auth import sign_in
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tools.screenshots import add_payments, busiest_in_house_folio, save, settle
from ui.dialogs.shift import ShiftReportDialog
from ui.i18n import install_translator, remove_translators

RECEIPTS = Path("docs/receipts")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    registers = Registers()
    with tempfile.TemporaryDirectory() as folder:
        # The register's key and anchors stay in the throw-away folder, not the user's own.
        os.environ[KEY_DIR_ENV] = f"{folder}/fiscal-keys"
        os.environ[ANCHOR_DIR_ENV] = f"{folder}/fiscal-anchors"
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
            session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(language="ru"))
            # FP-1 prints on the simulator, assigned on the demo workstation as Devices does it.
            session.add(WorkstationPrinter(workstation=DEMO_WORKSTATION, name="Receipts",
                                           url=f"tcp://127.0.0.1:{server.port}", profile="TM-T20II", paper_mm=80,
                                           register_code="FP-1", drawer=True, changed_by="screenshots"))
        with database.unit_of_work() as session:
            cashier = sign_in(session, "ivan", "ivan", DEMO_WORKSTATION)
        runner = Runner(database)
        add_payments(database, busiest_in_house_folio(database))
        runner.run(cash_in, cashier, Money.of("50.00", "EUR"), "Размен из сейфа")
        runner.run(cash_out, cashier, Money.of("30.00", "EUR"), "Цветы для лобби")
        shift = runner.read(open_shift_of, DEMO_WORKSTATION)
        assert shift is not None
        for outcome in print_shift_documents(runner, cashier, shift.id, registers=registers):
            assert outcome.problem is None, outcome.problem
        engine.reset_output()
        assert x_report(runner, cashier, "FP-1", registers=registers).printed
        [printed] = engine.receipts()[-1:]
        engine.save_png(RECEIPTS / "fiscal-x-report-80mm-ru.png", printed)
        (RECEIPTS / "fiscal-x-report-80mm-ru.txt").write_text(engine.text(printed) + "\n", encoding="utf-8")
        print(RECEIPTS / "fiscal-x-report-80mm-ru.png")
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            report, path = runner.read(write_x_report, DEMO_WORKSTATION, folder, language)
            dialog = ShiftReportDialog(report, path)
            dialog.resize(640, 560)
            dialog.show()
            settle(600)
            save(dialog, "shift_x_report", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
        registers.close()
        database.dispose()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
