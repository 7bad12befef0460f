"""Render Shift → Check receipts with documents waiting to be printed again (en, ru) to
docs/screenshots/receipts_check_{en,ru}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_receipts_check

On the demo hotel, register FP-1 prints on the printer simulator: a cash payment's receipt is cut short by
a paper-out, then the cash shift closes and its Z report is cut short too; the window lists both.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk.cash.shifts import close_shift, open_shift_of
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.devices.models import WorkstationPrinter
from desk.fiscal.anchors import ANCHOR_DIR_ENV
from desk.fiscal.keys import KEY_DIR_ENV
from desk.fiscal.workflow import Registers, close_register_shifts, print_receipt, reconcile_receipts
from desk.ledger.folios import load_folio
from desk.people.auth import sign_in
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tools.screenshots import add_payments, busiest_in_house_folio, save, settle
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.receipts_check import ReceiptsCheckDialog


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
            session.add(WorkstationPrinter(workstation=DEMO_WORKSTATION, name="Receipts",
                                           url=f"tcp://127.0.0.1:{server.port}", profile="TM-T20II", paper_mm=80,
                                           register_code="FP-1", drawer=True, changed_by="screenshots"))
        with database.unit_of_work() as session:
            cashier = sign_in(session, "ivan", "ivan", DEMO_WORKSTATION)
        runner = Runner(database)
        folio_id = busiest_in_house_folio(database)
        add_payments(database, folio_id)
        cash = next(p.payment for p in runner.read(load_folio, folio_id).bills[0].payments
                    if p.payment.method_code == "cash" and p.payment.amount.is_positive)
        shift = runner.read(open_shift_of, DEMO_WORKSTATION)
        assert shift is not None
        engine.fail("paper_out", after=300)
        assert print_receipt(runner, cashier, cash.id, "FP-1", registers=registers).problem is not None
        engine.recover()
        runner.run(close_shift, cashier, {})
        engine.fail("paper_out", after=200)
        for outcome in close_register_shifts(runner, cashier, shift.id, registers=registers):
            assert outcome.problem is not None, outcome
        engine.recover()
        check = reconcile_receipts(runner, cashier)
        assert len(check.waiting) == 2, check
        ctx = DeskContext(database, cashier)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            dialog = ReceiptsCheckDialog(ctx, check)
            dialog.resize(820, 440)
            dialog.show()
            dialog.table.selectRow(1)  # the Z report, as the clerk is about to print it again
            settle(600)
            save(dialog, "receipts_check", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
        ctx.close()
        registers.close()
        database.dispose()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
