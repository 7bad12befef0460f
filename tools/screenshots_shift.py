"""Render the X report of a demo shift to PNG (en, ru), and the register's X report as the printer got it.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_shift

The shift takes cash, a card, dollars, a refund, cash in and cash out; its opening and moves print on
register FP-1 (in Russian) through the printer simulator, then the X report is printed there too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desk.cash.shift_pdf import write_x_report
from desk.cash.shifts import cash_in, cash_out, open_shift_of
from desk.core.money import Money
from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.workflow import print_shift_documents, x_report
from tools.screenshots import add_payments, application, busiest_in_house_folio, fiscal_demo, save_in_each_language
from ui.dialogs.shift import ShiftReportDialog

RECEIPTS = Path("docs/receipts")


def main() -> int:
    app = application()
    with fiscal_demo(register_language="ru") as demo, tempfile.TemporaryDirectory() as folder:
        runner, cashier, engine = demo.runner, demo.cashier, demo.engine
        add_payments(demo.database, busiest_in_house_folio(demo.database))
        runner.run(cash_in, cashier, Money.of("50.00", "EUR"), "Размен из сейфа")
        runner.run(cash_out, cashier, Money.of("30.00", "EUR"), "Цветы для лобби")
        shift = runner.read(open_shift_of, DEMO_WORKSTATION)
        assert shift is not None
        for outcome in print_shift_documents(runner, cashier, shift.id, registers=demo.registers):
            assert outcome.problem is None, outcome.problem
        engine.reset_output()
        assert x_report(runner, cashier, "FP-1", registers=demo.registers).printed
        [printed] = engine.receipts()[-1:]
        engine.save_png(RECEIPTS / "fiscal-x-report-80mm-ru.png", printed)
        (RECEIPTS / "fiscal-x-report-80mm-ru.txt").write_text(engine.text(printed) + "\n", encoding="utf-8")
        print(RECEIPTS / "fiscal-x-report-80mm-ru.png")

        def show(language: str) -> QWidget:
            report, path = runner.read(write_x_report, DEMO_WORKSTATION, folder, language)
            dialog = ShiftReportDialog(report, path)
            dialog.resize(640, 560)
            dialog.show()
            return dialog

        save_in_each_language(app, "shift_x_report", show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
