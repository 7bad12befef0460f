"""Render Shift → Check receipts with documents waiting to be printed again (en, ru) to
docs/screenshots/receipts_check_{en,ru}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_receipts_check

On the demo hotel, register FP-1 prints on the printer simulator: a cash payment's receipt is cut short by
a paper-out, then the cash shift closes and its Z report is cut short too; the window lists both.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.cash.shifts import close_shift, open_shift_of
from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.workflow import close_register_shifts, print_receipt, reconcile_receipts
from desk.ledger.folios import load_folio
from tools.screenshots import add_payments, busiest_in_house_folio, fiscal_demo, save_in_each_language
from ui.context import DeskContext
from ui.receipts_check import ReceiptsCheckDialog


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with fiscal_demo() as demo:
        runner, cashier, engine, registers = demo.runner, demo.cashier, demo.engine, demo.registers
        folio_id = busiest_in_house_folio(demo.database)
        add_payments(demo.database, folio_id)
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
        ctx = DeskContext(demo.database, cashier)

        def show(_language: str) -> QWidget:
            dialog = ReceiptsCheckDialog(ctx, check)
            dialog.resize(820, 440)
            dialog.show()
            dialog.table.selectRow(1)  # the Z report, as the clerk is about to print it again
            return dialog

        save_in_each_language(app, "receipts_check", show)
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
