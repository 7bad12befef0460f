"""The cash shift's fiscal documents on the simulated printer: opening, cash in and out, X and Z by method."""

from __future__ import annotations

from desk.cash.shifts import cash_in, cash_out, close_shift, open_shift, open_shift_of
from desk.core.money import Money
from desk.fiscal import chain
from desk.fiscal.workflow import close_register_shifts, print_receipt
from desk.ledger.payments import refund_payment

from .conftest import Hotel
from .fiscal_rig import fiscal_hotel, kill_when_it_hangs, paid_bill


def lines_of(engine) -> list[str]:
    return [line.rstrip() for line in engine.text().splitlines()]


def row(lines: list[str], start: str) -> str:
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, (start, lines)
    return found[0]


def test_the_z_report_prints_the_cash_in_and_out_taken_with_the_cash_shift(hotel: Hotel):
    """Cash in 50, cash out 300 through the shift's use cases: the Z printed at closing says so."""
    rig = fiscal_hotel(hotel)
    cashier = rig.hotel
    cashier.run(cash_in, Money.of("400", "EUR"), "change from the safe")
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    cashier.run(cash_out, Money.of("300", "EUR"), "to the safe")
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    print_receipt(rig.runner, cashier.actor, paid_bill(cashier), "FP-1", registers=rig.registers)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    lines = lines_of(rig.engine)
    assert z.printed, z.problem
    assert row(lines, "CASH IN (2)").endswith("450.00 EUR")
    assert row(lines, "CASH OUT (1)").endswith("300.00 EUR")
    assert cashier.query(chain.verify, "FP-1").intact


def test_the_opening_and_each_cash_move_print_once_as_fiscal_documents(hotel: Hotel):
    from desk.fiscal.workflow import print_shift_documents

    rig = fiscal_hotel(hotel)
    cashier = rig.hotel
    cashier.run(close_shift, {})
    status = cashier.run(open_shift, [Money.of("500", "EUR"), Money.of("20", "USD")])
    [opening] = print_shift_documents(rig.runner, cashier.actor, status.shift_id, registers=rig.registers)
    lines = lines_of(rig.engine)
    assert opening.printed and opening.document.kind.value == "shift_open"
    assert "SHIFT OPENED" in lines
    assert [line.split()[-2:] for line in lines if line.startswith("Float")] == [["500.00", "EUR"], ["20.00", "USD"]]
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    cashier.run(cash_out, Money.of("300", "EUR"), "to the safe")
    cashier.run(cash_out, Money.of("5", "USD"), "taxi")
    rig.engine.reset_output()
    outcomes = print_shift_documents(rig.runner, cashier.actor, status.shift_id, registers=rig.registers)
    # The opening was on paper already: only the three moves are new.
    assert [o.document.kind.value for o in outcomes] == ["shift_open", "cash_in", "cash_out", "cash_out"]
    assert outcomes[0].printed and outcomes[0].document.number == opening.document.number
    text = rig.engine.text()
    assert text.count("SHIFT OPENED") == 0
    assert text.count("CASH IN") == 1 and text.count("CASH OUT") == 2
    assert "Reason: float top-up" in text and "Reason: to the safe" in text and "Reason: taxi" in text
    assert any(line.startswith("TOTAL") and line.endswith("5.00 USD") for line in lines_of(rig.engine))
    rig.engine.reset_output()
    assert [o.document.number for o in print_shift_documents(
        rig.runner, cashier.actor, status.shift_id, registers=rig.registers)] == [opening.document.number]
    assert rig.engine.printed == []  # a repeat issues and prints nothing more

    # Every method and currency on the Z, with counts; refunds apart; cash moves per currency.
    cash = paid_bill(cashier)
    print_receipt(rig.runner, cashier.actor, cash, "FP-1", registers=rig.registers)
    cashier.run(refund_payment, cash, Money.of("10", "EUR"), reason="minibar")
    paid_bill(cashier, amount="40", method="card")
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, status.shift_id, registers=rig.registers)
    assert z.printed, z.problem
    lines = lines_of(rig.engine)
    assert row(lines, "CASH IN (1)").endswith("50.00 EUR")
    cash_out_at = lines.index(row(lines, "CASH OUT (2)"))
    assert lines[cash_out_at].endswith("300.00 EUR") and lines[cash_out_at + 1].endswith("5.00 USD")
    assert "PAYMENTS BY METHOD" in lines
    cash_total = Money.of(z.document.content["body"]["methods"][0]["total"], "EUR")
    assert row(lines, "Cash (1)").endswith(f"{cash_total.amount} EUR") and cash_total > Money.of("100", "EUR")
    assert row(lines, "  Given back (1)").endswith("-10.00 EUR")
    assert row(lines, "Bank card (1)").endswith("40.00 EUR")
    assert cashier.query(chain.verify, "FP-1").intact


def test_the_x_report_on_paper_shows_every_method_so_far(sqlite_hotel: Hotel):
    from desk.fiscal.workflow import x_report

    rig = fiscal_hotel(sqlite_hotel, language="ru")
    cashier = rig.hotel
    print_receipt(rig.runner, cashier.actor, paid_bill(cashier), "FP-1", registers=rig.registers)
    paid_bill(cashier, amount="25.50", method="card")
    rig.engine.reset_output()
    x = x_report(rig.runner, cashier.actor, "FP-1", registers=rig.registers)
    assert x.printed, x.problem
    lines = lines_of(rig.engine)
    assert "X-ОТЧЕТ" in lines and "ОПЛАТЫ ПО ВИДАМ" in lines
    assert row(lines, "Банковская карта (1)").endswith("25,50 EUR")  # a Russian register writes a decimal comma
    assert any(line.startswith("Наличные (1)") for line in lines), lines


# --- a refund's VAT ------------------------------------------------------------------------------


def _refund_of_minibar(rig, *, language: str = "en") -> tuple[list[str], dict]:
    from sqlalchemy import select as select_

    from desk.ledger.models import Posting
    from desk.ledger.postings import void_posting
    from desk.people.models import Role

    cashier = rig.hotel
    payment_id = paid_bill(cashier)  # a night at 9% and a minibar of 12.50 at 20%, paid whole in cash
    sale = print_receipt(rig.runner, cashier.actor, payment_id, "FP-1", registers=rig.registers)
    assert {t["percent"] for t in sale.document.content["body"]["taxes"]} == {"9", "20"}
    with cashier.database.unit_of_work() as session:
        minibar = session.scalars(select_(Posting.id).where(Posting.description.startswith("Минибар"))).one()
    cashier.as_role(Role.MANAGER).run(void_posting, minibar, reason="the guest had nothing")
    refund = cashier.run(refund_payment, payment_id, Money.of("12.50", "EUR"), reason="minibar")
    rig.engine.reset_output()
    outcome = print_receipt(rig.runner, cashier.actor, refund.id, "FP-1", registers=rig.registers)
    assert outcome.printed, outcome.problem
    return lines_of(rig.engine), outcome.document.content["body"]


def test_a_refund_of_one_20_percent_item_carries_only_20_percent_vat(hotel: Hotel):
    rig = fiscal_hotel(hotel)
    lines, body = _refund_of_minibar(rig)
    assert "REFUND RECEIPT" in lines
    assert body["taxes"] == [{"percent": "20", "gross": "12.50", "tax": "2.08"}]
    assert row(lines, "VAT 20% (12.50 EUR)").endswith("2.08 EUR")
    assert not any(line.startswith("VAT 9%") for line in lines)
    refund_line = next(line for line in lines if "incl. VAT" in line)
    assert "incl. VAT 20%" in refund_line and refund_line.endswith("12.50 EUR")


def test_a_goodwill_refund_with_nothing_reversed_shares_the_original_receipts_vat(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    payment_id = paid_bill(cashier)
    sale = print_receipt(rig.runner, cashier.actor, payment_id, "FP-1", registers=rig.registers)
    refund = cashier.run(refund_payment, payment_id, Money.of("10", "EUR"), reason="goodwill")
    outcome = print_receipt(rig.runner, cashier.actor, refund.id, "FP-1", registers=rig.registers)
    taxes = outcome.document.content["body"]["taxes"]
    assert {t["percent"] for t in taxes} == {t["percent"] for t in sale.document.content["body"]["taxes"]}
    assert sum(Money.of(t["gross"], "EUR").amount for t in taxes) == 10


def test_a_terminal_card_sale_is_on_the_z_under_its_brand(sqlite_hotel: Hotel, tmp_path):
    from desk.cards.terminal_workflow import card_sale
    from desk.fiscal.workflow import x_report

    from .card_rig import make_rig

    rig = fiscal_hotel(sqlite_hotel)
    terminal = make_rig(sqlite_hotel, tmp_path)
    card_rig = next(terminal)
    try:
        stay = sqlite_hotel.stay()
        sold = card_sale(card_rig.runner, card_rig.cashier, card_rig.terminal_id, stay.bill_id, Money.of("70", "EUR"),
                         allow_overpay=True)
        assert sold.settled, (sold.state, sold.intent.outcome, sold.error)
        [record] = card_rig.records()
        assert record.brand
        print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
        rig.engine.reset_output()
        assert x_report(rig.runner, rig.hotel.actor, "FP-1", registers=rig.registers).printed
        assert row(lines_of(rig.engine), f"Bank card {record.brand} (1)").endswith("70.00 EUR")
    finally:
        terminal.close()


def test_a_cash_move_goes_through_the_journal_and_a_printer_fault_issues_it_later_once(sqlite_hotel: Hotel):
    from desk.fiscal.workflow import KIND, print_shift_documents, reconcile_receipts
    from desk.journal.intents import IntentState, unresolved

    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    rig.engine.fail("paper_out")
    [opening, refused] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    # Both refused for the paper, not for anything else.
    assert [(o.problem.code, o.problem.template, o.problem.params["problem"]) if o.problem else None
            for o in (opening, refused)] == [
        ("PrinterNotReady", "The printer of {register} is not ready: {problem}",
         "the printer is out of paper; load paper")] * 2
    assert refused.problem.code == "PrinterNotReady" and refused.state is IntentState.FAILED
    rig.engine.recover()
    rig.engine.reset_output()
    [_opening, printed] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert printed.printed and printed.state is IntentState.SETTLED
    assert printed.document.content["body"]["move_id"] is not None
    assert rig.engine.text().count("CASH IN") == 1
    assert sqlite_hotel.query(unresolved) == [] and reconcile_receipts(rig.runner, cashier.actor).clean
    rig.engine.reset_output()
    [again] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    # Only the opening, already on paper: the same document, and nothing printed again.
    assert again.printed and again.document == _opening.document and rig.engine.text() == "", again
    with sqlite_hotel.database.unit_of_work() as session:
        from desk.journal.models import JournalIntent

        kinds = [i.request.get("document") for i in session.query(JournalIntent).filter_by(kind=KIND)]
    assert kinds == ["cash_in", "cash_in"]  # the refused attempt, then the one that printed


def test_the_z_report_pdf_lists_every_method_and_currency(hotel: Hotel):
    from desk.cash.shifts import z_report_pdf
    from desk.people.models import Role
    from tests.helpers import pdf_words

    cashier = hotel.as_role(Role.CASHIER)
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    cash = paid_bill(cashier)
    cashier.run(refund_payment, cash, Money.of("10", "EUR"), reason="minibar")
    paid_bill(cashier, amount="40", method="card")
    paid_bill(cashier, amount="20", method="cash")
    closure = cashier.run(close_shift, {})
    words = pdf_words(cashier.query(z_report_pdf, shift.id))
    assert words == pdf_words(closure.z_report_pdf)
    assert "Payments by method" in words
    assert "Method Currency Payments Received Refunds Given back" in words
    assert "Bank card EUR 1 40.00 EUR 0 0.00 EUR" in words
    cash_line = next(m for m in closure.report.methods if m.method_code == "cash")
    assert (cash_line.count, cash_line.refund_count, str(cash_line.given_back)) == (2, 1, "EUR 10.00")
    assert f"Cash EUR 2 {cash_line.received.amount} EUR 1 -10.00 EUR" in words


def child_move(url: str, shift_id: int, flag: str) -> None:
    """Run in a subprocess: print the shift's cash move on a printer that hangs in the job; the test kills us."""
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.fiscal.workflow import print_shift_documents
    from desk.people.models import Role
    from tests.actors import signed_in
    from tests.desk.fiscal_rig import HangingTransport, fiscal_registers

    database = Database(url)
    actor = signed_in(database, Role.CASHIER)
    print_shift_documents(Runner(database), actor, shift_id,
                          registers=fiscal_registers(lambda engine: HangingTransport(engine, 0, flag)))


def test_sigkill_while_a_cash_move_prints_leaves_one_document_found_by_check_receipts(sqlite_hotel: Hotel, tmp_path):
    from desk.fiscal.workflow import print_shift_documents, reconcile_receipts, reprint
    from desk.journal.intents import IntentState, unresolved

    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    [opening] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert opening.printed
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    flag = tmp_path / "hanging"
    url = sqlite_hotel.database.engine.url.render_as_string(hide_password=False)
    code = (f"from tests.desk.test_shift_documents import child_move; "
            f"child_move({url!r}, {shift.id}, {str(flag)!r})")
    kill_when_it_hangs(code, flag)
    [pending] = sqlite_hotel.query(unresolved)
    assert pending.state is IntentState.SENT and pending.request["move_id"] is not None
    # Its end unknown, the move is not sent again by the next print...
    assert [o.document.kind.value for o in print_shift_documents(
        rig.runner, cashier.actor, shift.id, registers=rig.registers)] == ["shift_open"]
    # ...but settled once by asking the register, and its unsure paper reprinted as a copy.
    check = reconcile_receipts(rig.runner, cashier.actor)
    assert check.settled == 1 and [d.kind.value for d in check.waiting] == ["cash_in"]
    done = reprint(rig.runner, cashier.actor, check.waiting[0].id, registers=rig.registers)
    assert done.printed and done.copy
    assert reconcile_receipts(rig.runner, cashier.actor).clean
    assert print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)[1:] == []
    assert cashier.query(chain.verify, "FP-1").intact


def test_a_register_whose_printer_was_taken_away_does_not_stop_the_other_registers_z(sqlite_hotel: Hotel):
    """FP-1 and FP-2 both took receipts in the cash shift; FP-1's printer is then removed from Devices.
    Closing prints FP-2's Z and tells FP-1's problem, instead of failing before FP-2's turn."""
    from desk.devices.printers import printer_settings, remove_printer
    from desk.fiscal.errors import PrinterNotReady
    from desk.people.models import Role

    from .fiscal_rig import assign_printer

    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    workstation = cashier.actor.workstation
    assign_printer(sqlite_hotel.database, "FP-2", "loopback://FP-2", workstation=workstation)
    shift = cashier.query(open_shift_of, workstation)
    for code in ("FP-1", "FP-2"):
        assert print_receipt(rig.runner, cashier.actor, paid_bill(cashier), code, registers=rig.registers).printed
    [fp1] = [p for p in cashier.query(printer_settings, workstation) if p.register_code == "FP-1"]
    sqlite_hotel.as_role(Role.MANAGER).run(remove_printer, fp1.id)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    outcomes = close_register_shifts(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    problems = [o.problem for o in outcomes if o.problem is not None]
    assert len(problems) == 1 and isinstance(problems[0], PrinterNotReady), outcomes
    assert problems[0].template == "{register} has no printer on {workstation}: a manager assigns one in Devices"
    [z] = [o for o in outcomes if o.problem is None]
    assert z.printed and z.document.register == "FP-2"
    assert "Z REPORT" in rig.engine.text()


def test_an_opening_whose_paper_was_cut_waits_in_check_receipts_and_is_reprinted_as_a_copy(hotel: Hotel):
    """The shift's opening prints now (with its float); cut by a paper-out, it waits for its reprint as every
    other document does, not only until the next cash move happens to print it (or never, without one)."""
    from desk.fiscal.interface import Paper
    from desk.fiscal.workflow import print_shift_documents, reconcile_receipts, reprint

    rig = fiscal_hotel(hotel)
    cashier = rig.hotel
    cashier.run(close_shift, {})
    status = cashier.run(open_shift, [Money.of("500", "EUR")])
    rig.engine.fail("paper_out", after=100)
    [opening] = print_shift_documents(rig.runner, cashier.actor, status.shift_id, registers=rig.registers)
    assert opening.paper is Paper.CUT and opening.document.kind.value == "shift_open"
    rig.engine.recover()
    [waiting] = reconcile_receipts(rig.runner, cashier.actor).waiting
    assert waiting.number == opening.document.number
    rig.engine.reset_output()
    again = reprint(rig.runner, cashier.actor, waiting.id, registers=rig.registers)
    assert again.printed and again.copy
    assert "SHIFT OPENED" in rig.engine.text() and "COPY" in rig.engine.text()
    assert reconcile_receipts(rig.runner, cashier.actor).clean
    # An opening that never had paper of its own (the shift opened by a receipt) waits for nothing.
    cashier.run(close_shift, {})
    close_register_shifts(rig.runner, cashier.actor, status.shift_id, registers=rig.registers)
    cashier.run(open_shift, [])
    print_receipt(rig.runner, cashier.actor, paid_bill(cashier), "FP-1", registers=rig.registers)
    assert reconcile_receipts(rig.runner, cashier.actor).clean


def test_a_cash_move_asked_twice_under_two_keys_is_issued_once(hotel: Hotel):
    """Two prints of the shift's paper that both found the move undocumented (two device threads) each
    ask for its document under a key of their own: the register issues it once, so the Z counts it once."""
    from desk.fiscal.interface import DocumentKind
    from desk.fiscal.workflow import print_shift_documents

    rig = fiscal_hotel(hotel)
    cashier = rig.hotel
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    with hotel.database.unit_of_work() as session:
        from sqlalchemy import select

        from desk.cash.models import ShiftCashMove

        move_id = session.scalars(select(ShiftCashMove.id).where(ShiftCashMove.reason == "float top-up")).one()
    register = rig.registers.register(rig.runner, cashier.actor, "FP-1")
    first = register.cash_in("first-thread", "EUR 50.00", "float top-up", move_id=move_id)
    second = register.cash_in("second-thread", "EUR 50.00", "float top-up", move_id=move_id)
    assert second.document.number == first.document.number
    cashier.run(close_shift, {})
    [z] = close_register_shifts(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert z.document.kind is DocumentKind.Z_REPORT
    assert z.document.content["body"]["counts"].get("cash_in") == 1


def test_a_cash_move_whose_paper_was_cut_is_printed_again_as_a_copy_by_the_next_shift_print(sqlite_hotel: Hotel):
    """A documented move is never issued again, but its cut paper is not left behind: the next print of the
    shift's paper (another move, or the closing's) reprints it whole, marked COPY, before the Z."""
    from desk.fiscal.interface import Paper
    from desk.fiscal.workflow import print_shift_documents

    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    rig.engine.fail("paper_out", after=100)
    [_opening, cut] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert cut.paper is Paper.CUT and cut.document.kind.value == "cash_in"
    rig.engine.recover()
    rig.engine.reset_output()
    [_opening, again] = print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert again.printed and again.copy and again.document.number == cut.document.number
    assert rig.engine.text().count("CASH IN") == 1 and "COPY" in rig.engine.text()
    assert sqlite_hotel.query(chain.waiting_for_reprint) == []
    rig.engine.reset_output()
    assert print_shift_documents(rig.runner, cashier.actor, shift.id, registers=rig.registers)[1:] == []
    assert rig.engine.printed == []
