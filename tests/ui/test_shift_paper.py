# ruff: noqa: F811 - the shift tests' fixtures are imported, then requested by name
"""The drawer's fiscal documents at the desk: the opening and cash in print on the register; the X report,
on screen and on the register, shows every payment method."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView
from sqlalchemy import select

from desk.core.money import Money
from desk.ledger.models import Folio
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.models import Reservation
from tests.helpers import pdf_words
from tests.ui.test_flows import activate, apply, ledger, type_into, wait_closed, wait_dialog
from tests.ui.test_shift import CASHIER, opened, till  # noqa: F401 - fixtures
from ui.main_window import MainWindow
from ui.ops import delivery


def pay(database, method: str, amount: str) -> None:
    with database.unit_of_work() as session:
        folio_id = session.scalar(select(Folio.id).join(Reservation, Folio.reservation_id == Reservation.id)
                                  .where(Reservation.number == "R10028"))
    bill_id = ledger(database, folio_id).bills[0].bill.id
    with database.writing() as session:
        take_payment(session, trusted_actor("ivan", CASHIER.workstation, Role.CASHIER), bill_id,
                     Tender(method, Money.of(amount, "EUR")))


def rows_of(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_opening_and_cash_in_print_and_the_x_report_lists_every_method(qtbot, till: MainWindow, demo_database,
                                                                      opened, fiscal_printer):
    window = till
    engine = fiscal_printer.engine
    qtbot.waitUntil(lambda: window.open_shift_action.isEnabled(), timeout=30_000)
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    type_into(qtbot, dialog, "floatEUREdit", "200")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: "ОТВОРЕНА СМЯНА" in engine.text(), timeout=30_000)
    assert any(line.startswith("Начална наличност") and line.rstrip().endswith("200,00 EUR")
               for line in engine.text().splitlines())

    qtbot.waitUntil(lambda: window.cash_in_action.isEnabled(), timeout=30_000)
    activate(qtbot, window)
    window.cash_in_action.trigger()
    dialog = wait_dialog(qtbot, window, "cashInDialog")
    type_into(qtbot, dialog, "amountEdit", "50")
    type_into(qtbot, dialog, "reasonEdit", "Change from the safe")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: "СЛУЖЕБНО ВЪВЕДЕНИ" in engine.text(), timeout=30_000)
    assert "Основание: Change from the safe" in engine.text()

    pay(demo_database, "cash", "60.00")
    pay(demo_database, "card", "25.00")
    activate(qtbot, window)
    window.x_report_action.trigger()
    x_dialog = wait_dialog(qtbot, window, "shiftReportDialog")
    table = x_dialog.findChild(QTableView, "shiftMethodsTable")
    assert table is not None
    rows = [row[:4] for row in rows_of(table)]
    assert rows[0][:3] == ["Cash", "EUR", "1"] and "60.00" in rows[0][3]
    assert rows[1][:3] == ["Bank card", "EUR", "1"] and "25.00" in rows[1][3]
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30_000)
    text = pdf_words(opened[0])
    assert "Плащания по вид" in text and "Банкова карта EUR 1 25,00" in text  # the hotel's (BG) PDF
    # The register's X report is printed beside the one on screen, with every method.
    qtbot.waitUntil(lambda: "X ОТЧЕТ" in engine.text(), timeout=30_000)
    assert delivery.wait_all(30_000)
    printed = [line.rstrip() for line in engine.text().splitlines()]
    assert "ПЛАЩАНИЯ ПО ВИД" in printed
    assert any(line.startswith("Банкова карта (1)") and line.endswith("25,00 EUR") for line in printed)
    x_dialog.close()


def test_a_register_that_cannot_print_the_opening_is_told_in_the_status_bar_and_the_shift_stands(
        qtbot, till: MainWindow, demo_database, opened, fiscal_printer):
    window = till
    fiscal_printer.engine.fail("offline")
    qtbot.waitUntil(lambda: window.open_shift_action.isEnabled(), timeout=30_000)
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    type_into(qtbot, dialog, "floatEUREdit", "200")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("The register did not print: "),
                    timeout=30_000)
    qtbot.waitUntil(lambda: window.shift_label.text().startswith("Shift 1"), timeout=30_000)
    assert "ОТВОРЕНА СМЯНА" not in fiscal_printer.engine.text()
