"""Fiscal receipts end to end on the simulated printer: content, chain, faults, retries, crashes."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from desk.core.money import Money
from desk.fiscal import chain
from desk.fiscal.errors import FiscalShiftTooOld, PrinterNotReady, refuse_unless_ready
from desk.fiscal.interface import DocumentKind, Paper
from desk.fiscal.models import FiscalDocument
from desk.fiscal.workflow import close_register_shifts, print_receipt, reconcile_receipts, reprint
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment
from desk.people.models import Role
from hardware.interfaces import PrinterStatus

from .conftest import Hotel
from .fiscal_rig import fiscal_hotel, kill_when_it_hangs, paid_bill


def documents(hotel: Hotel) -> list[FiscalDocument]:
    with hotel.database.unit_of_work() as session:
        rows = session.scalars(select(FiscalDocument).order_by(FiscalDocument.id)).all()
        session.expunge_all()
        return list(rows)


def receipt_lines(engine) -> list[str]:
    return [line.rstrip() for line in engine.text().splitlines()]


def test_a_sale_receipt_says_what_a_fiscal_receipt_must(hotel: Hotel):
    rig = fiscal_hotel(hotel, language="bg")
    payment_id = paid_bill(rig.hotel)
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", tendered=Money.of("150", "EUR"),
                            registers=rig.registers)
    assert outcome.printed and outcome.problem is None and outcome.state is IntentState.SETTLED
    doc = outcome.document
    assert doc is not None and doc.kind is DocumentKind.SALE and doc.number == 2  # 1 opened the shift
    lines = receipt_lines(rig.engine)
    joined = "\n".join(lines)
    assert lines[0].strip() == "Hotel Aurora"
    assert "1 Vitosha Blvd, Sofia" in lines[1] and "ЕИК: BG123456789" in lines[2]
    assert "КАСОВ БОН" in joined
    assert "Нощувка / Night 101" in joined and "Минибар (Bulgarian: Минибар)" in joined
    # Numbers the Bulgarian way: a decimal comma (and a space between thousands).
    assert any("вкл. ДДС 9%" in line and "100,00 EUR" in line for line in lines)
    assert any("вкл. ДДС 20%" in line and "12,50 EUR" in line for line in lines)
    total = next(line for line in lines if line.startswith("ОБЩА СУМА"))
    # Taxes by rate: 9% of 100 gross (night; plus the stay's own nights if any) and 20% of 12.50.
    assert any(line.startswith("ДДС 20% (12,50 EUR)") and line.endswith("2,08 EUR") for line in lines)
    assert any(line.startswith("ДДС 9%") for line in lines)
    amount = total.removeprefix("ОБЩА СУМА").removesuffix("EUR").strip()
    # The method's name in the register's language (desk/hotel/names.py), not the stored English one.
    assert any(line.startswith("В брой") and line.endswith(f"{amount} EUR") for line in lines)
    assert not any(line.startswith("Cash") for line in lines)
    change = Money.of("150", "EUR") - Money.of(amount.replace(" ", "").replace(",", "."), "EUR")
    assert any(line.strip().startswith("Получено") and line.endswith("150,00 EUR") for line in lines)
    assert any(line.strip().startswith("Ресто") and line.endswith(f"{change.amount} EUR".replace(".", ","))
               for line in lines)
    assert any(line.startswith("Документ") and line.endswith("0000002") for line in lines)
    assert any(line.startswith("Смяна") and line.endswith(" 1") for line in lines)
    assert "Платец: Иван Петров" in joined
    assert doc.sign[:32] in lines and doc.sign[32:] in lines
    assert any(line.startswith("[QR ") and f"FS={doc.sign}" in line for line in lines)
    assert "КОПИЕ" not in joined and "COPY" not in joined


def test_a_58mm_register_keeps_every_line_inside_the_paper(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel, paper_mm=58, language="ru")
    payment_id = paid_bill(rig.hotel)
    assert print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers).printed
    lines = [line for line in receipt_lines(rig.engine) if not line.startswith("[")]
    assert max(len(line) for line in lines) <= 32
    assert "КАССОВЫЙ ЧЕК: ПРИХОД" in "\n".join(lines)


def test_a_part_payment_is_one_line_with_taxes_shared_by_rate(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel, amount="50", method="card")
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    lines = receipt_lines(rig.engine)
    bill = outcome.document.content["body"]["bill"]
    assert f"Payment for bill {bill}" in lines
    assert any(line.startswith("TOTAL") and line.endswith("50.00 EUR") for line in lines)
    taxes = outcome.document.content["body"]["taxes"]
    assert sum(Money.of(t["gross"], "EUR").amount for t in taxes) == 50


@pytest.mark.parametrize(("language", "payment", "refund", "method"), [
    ("ru", "Оплата по счету", "Возврат по счету", "Банковская карта"),
    ("bg", "Плащане по сметка", "Сторно по сметка", "Банкова карта"),
])
def test_bill_lines_and_the_method_are_in_the_registers_language(sqlite_hotel: Hotel, language, payment, refund,
                                                                  method):
    rig = fiscal_hotel(sqlite_hotel, language=language)
    payment_id = paid_bill(rig.hotel, amount="50", method="card")
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    bill = outcome.document.content["body"]["bill"]
    lines = receipt_lines(rig.engine)
    assert f"{payment} {bill}" in lines and not any("Payment for bill" in line for line in lines)
    assert any(line.startswith(method) and line.endswith("50,00 EUR") for line in lines)
    refunded = rig.hotel.run(refund_payment, payment_id, Money.of("10", "EUR"), reason="minibar")
    rig.engine.reset_output()
    print_receipt(rig.runner, rig.hotel.actor, refunded.id, "FP-1", registers=rig.registers)
    lines = receipt_lines(rig.engine)
    assert f"{refund} {bill}" in lines
    assert any(line.startswith(method) and line.endswith("10,00 EUR") for line in lines)


def test_refund_receipt_names_the_original_and_the_chain_verifies(hotel: Hotel):
    rig = fiscal_hotel(hotel)
    payment_id = paid_bill(rig.hotel)
    sale = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    refund = rig.hotel.run(refund_payment, payment_id, Money.of("10", "EUR"), reason="minibar")
    rig.engine.reset_output()
    outcome = print_receipt(rig.runner, rig.hotel.actor, refund.id, "FP-1", registers=rig.registers)
    assert outcome.printed and outcome.document.kind is DocumentKind.REFUND
    assert outcome.document.refers_to == sale.document.number
    lines = receipt_lines(rig.engine)
    assert "REFUND RECEIPT" in "\n".join(lines)
    assert any(line.startswith("Refund of document") and line.endswith(f"{sale.document.number:07d}")
               for line in lines)
    report = hotel.query(chain.verify, "FP-1")
    assert report.intact and report.documents == 3


@pytest.mark.parametrize("column", ["total", "content", "sign"])
def test_verify_names_the_first_link_tampered_with_by_raw_sql(sqlite_hotel: Hotel, column):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    for _ in range(3):
        print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    target = documents(hotel)[2]  # the second receipt
    value = {"total": "'EUR 1.00'", "content": "replace(content, '\"total\"', '\"totaI\"')",
             "sign": "'" + "f" * 64 + "'"}[column]
    with hotel.database.engine.begin() as connection:
        # Whoever tampers must first get past the append-only guard.
        connection.execute(text("DROP TRIGGER fiscal_document_no_update"))
        connection.execute(text(f"UPDATE fiscal_document SET {column} = {value} WHERE id = :id"), {"id": target.id})
    report = hotel.query(chain.verify, "FP-1")
    assert not report.intact and report.broken_at == target.number, report


def test_the_fiscal_journal_refuses_updates_and_deletes(hotel: Hotel):
    rig = fiscal_hotel(hotel)
    print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    for statement in ("UPDATE fiscal_document SET total = 'EUR 1.00'", "DELETE FROM fiscal_document",
                      "DELETE FROM fiscal_print"):
        with pytest.raises(Exception, match="append-only"), hotel.database.engine.begin() as connection:
            connection.execute(text(statement))


# --- faults ------------------------------------------------------------------------------------------


def test_every_registers_printer_is_refused_in_the_same_words_before_anything_is_issued():
    refuse_unless_ready("FP-1", PrinterStatus(online=True, paper_near_end=True), device="Epson")  # prints: no refusal
    with pytest.raises(PrinterNotReady, match="cover is open") as refused:  # the cause a clerk fixes first
        refuse_unless_ready("FP-1", PrinterStatus(online=True, cover_open=True, paper_out=True), device="Epson")
    assert str(refused.value) == "The printer of FP-1 is not ready: the printer's cover is open; close it"
    assert refused.value.device_code == "device.cover_open"


@pytest.mark.parametrize("fault", ["paper_out", "cover_open", "offline"])
def test_a_printer_not_ready_before_the_job_issues_nothing_and_says_why(sqlite_hotel: Hotel, fault):
    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel)
    rig.engine.fail(fault)
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert outcome.state is IntentState.FAILED and outcome.document is None
    assert outcome.problem is not None and outcome.problem.code == "PrinterNotReady"
    # Named by its code, as the status bar names it: a stored English name would stay English in Russian.
    assert outcome.problem.params["register"] == "FP-1"
    assert [d.kind for d in documents(sqlite_hotel)] == ["shift_open"] or documents(sqlite_hotel) == []
    assert rig.engine.printed == []
    rig.engine.recover()
    again = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert again.printed and not again.copy
    assert [d.kind for d in documents(sqlite_hotel)].count("sale") == 1


def test_a_database_failure_after_the_document_was_issued_leaves_the_receipt_unknown_not_failed(
        sqlite_hotel: Hotel, monkeypatch: pytest.MonkeyPatch):
    """The register issued and printed the receipt, then the database failed as its print was recorded: the
    desk cannot say how the receipt ended, so the intent stays open and Check receipts settles it from the
    register, instead of closing it as "did not happen" while the document exists."""
    from desk.core.errors import DatabaseProblem

    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel)
    really_record = chain.record_print

    def database_gone(*args, **kwargs):
        raise DatabaseProblem("The database is not answering: try again in a minute")

    monkeypatch.setattr(chain, "record_print", database_gone)
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    monkeypatch.setattr(chain, "record_print", really_record)
    assert outcome.state is not IntentState.FAILED and not outcome.printed, outcome
    [pending] = sqlite_hotel.query(unresolved)
    assert pending.request["payment_id"] == payment_id
    check = reconcile_receipts(rig.runner, rig.hotel.actor)
    assert check.settled == 1 and [d.kind for d in check.waiting] == [DocumentKind.SALE]
    assert [d.kind for d in documents(sqlite_hotel)].count("sale") == 1


def test_paper_out_mid_job_is_reprinted_whole_as_a_copy_once(hotel: Hotel):
    rig = fiscal_hotel(hotel)
    payment_id = paid_bill(rig.hotel)
    rig.engine.fail("paper_out", after=200)
    cut = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert cut.paper is Paper.CUT and cut.problem is not None and "COPY" in cut.problem.message
    assert [d.number for d in hotel.query(chain.waiting_for_reprint)] == [cut.document.number]
    # Retry while the paper is still out: refused before anything, the same document still waits.
    still = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert still.problem is not None and still.problem.code == "PrinterNotReady"
    rig.engine.recover()
    rig.engine.reset_output()
    retried = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert retried.printed and retried.copy and retried.already
    assert retried.document.number == cut.document.number
    text_out = rig.engine.text()
    assert text_out.count("COPY") == 1 and "TOTAL" in text_out and cut.document.sign[:32] in text_out
    assert [d.kind for d in documents(hotel)].count("sale") == 1
    assert hotel.query(chain.waiting_for_reprint) == []
    # A third press prints nothing more.
    rig.engine.reset_output()
    third = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert third.already and rig.engine.printed == []


def test_a_printer_that_dies_mid_job_leaves_an_unsure_document_never_a_second_one(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel)
    rig.engine.fail("offline", after=300)
    outcome = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert outcome.paper in (Paper.CUT, Paper.UNKNOWN) and outcome.problem is not None
    rig.engine.recover()
    again = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert again.printed and again.copy
    assert [d.kind for d in documents(sqlite_hotel)].count("sale") == 1


def test_a_shift_older_than_24_hours_refuses_the_next_sale_until_its_z_report(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    [opening] = [d for d in documents(sqlite_hotel) if d.kind == "shift_open"]
    with sqlite_hotel.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER fiscal_document_no_update"))
        connection.execute(text("UPDATE fiscal_document SET content = replace(content, substr(content, "
                                "instr(content, '\"issued_at\":\"') + 13, 4), '2000') WHERE id = :id"),
                           {"id": opening.id})
    with pytest.raises(FiscalShiftTooOld):
        print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)


def test_closing_the_cash_shift_prints_the_z_report_and_a_new_shift_follows(sqlite_hotel: Hotel):
    from desk.cash.shifts import close_shift, open_shift, open_shift_of

    rig = fiscal_hotel(sqlite_hotel)
    print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    cashier = rig.hotel.as_role(Role.CASHIER)
    cash_shift = cashier.query(open_shift_of, cashier.actor.workstation)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, cash_shift.id, registers=rig.registers)
    assert z.printed and z.document.kind is DocumentKind.Z_REPORT
    assert "Z REPORT (SHIFT CLOSED)" in rig.engine.text() and "Sale receipts (1)" in rig.engine.text()
    assert cashier.query(chain.open_fiscal_shift, "FP-1") is None
    cashier.run(open_shift, [])
    later = print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    assert later.document.shift == 2
    assert cashier.query(chain.verify, "FP-1").intact


def test_reconcile_reports_documents_waiting_and_reprint_clears_them(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel)
    rig.engine.fail("paper_out", after=200)
    cut = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    check = reconcile_receipts(rig.runner, rig.hotel.actor)
    assert [d.number for d in check.waiting] == [cut.document.number]
    rig.engine.recover()
    done = reprint(rig.runner, rig.hotel.actor, cut.document.id, registers=rig.registers)
    assert done.printed and done.copy
    assert reconcile_receipts(rig.runner, rig.hotel.actor).clean
    assert sqlite_hotel.query(unresolved) == []


def test_desk_fiscal_verify_reports_intact_then_names_the_broken_document(sqlite_hotel: Hotel, capsys):
    from desk.cli.main import main

    rig = fiscal_hotel(sqlite_hotel)
    for _ in range(2):
        print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    url = sqlite_hotel.database.engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "fiscal", "verify", "--register", "FP-1"]) == 0
    assert "FP-1: 3 documents, chain intact" in capsys.readouterr().out
    with sqlite_hotel.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER fiscal_document_no_update"))
        connection.execute(text("UPDATE fiscal_document SET total = 'EUR 0.01' WHERE number = 3"))
    assert main(["--database", url, "fiscal", "verify"]) == 1
    out = capsys.readouterr().out
    assert "FP-1: BROKEN at document 0000003: its total was changed" in out


# --- a real kill between the intent and the answer ------------------------------------------------


def child(url: str, payment_id: int, flag: str, after: int) -> None:
    """Run in a subprocess: print a receipt on a printer that hangs mid-job; the test kills us."""
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from tests.actors import signed_in
    from tests.desk.fiscal_rig import HangingTransport, fiscal_registers

    database = Database(url)
    actor = signed_in(database, Role.CASHIER)
    print_receipt(Runner(database), actor, payment_id, "FP-1",
                  registers=fiscal_registers(lambda engine: HangingTransport(engine, after, flag)))


@pytest.mark.parametrize(("after", "issued"), [(-1, False), (0, True), (300, True)])
def test_sigkill_between_intent_and_answer_loses_nothing_and_doubles_nothing(sqlite_hotel: Hotel, tmp_path,
                                                                              after, issued):
    rig = fiscal_hotel(sqlite_hotel)
    payment_id = paid_bill(rig.hotel)
    flag = tmp_path / "hanging"
    url = sqlite_hotel.database.engine.url.render_as_string(hide_password=False)
    code = f"from tests.desk.test_fiscal import child; child({url!r}, {payment_id}, {str(flag)!r}, {after})"
    kill_when_it_hangs(code, flag)
    [pending] = sqlite_hotel.query(unresolved)
    assert pending.state is IntentState.SENT
    first = reconcile_receipts(rig.runner, rig.hotel.actor)
    second = reconcile_receipts(rig.runner, rig.hotel.actor)
    sales = [d for d in documents(sqlite_hotel) if d.kind == "sale"]
    if not issued:
        # Killed while asking the printer's status: nothing was issued; the intent is closed once and
        # Print receipt issues the receipt now.
        assert (first.cancelled, second.cancelled, sales) == (1, 0, [])
        assert print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers).printed
        assert [d.kind for d in documents(sqlite_hotel)].count("sale") == 1
        return
    assert (first.settled, second.settled) == (1, 0), (first, second)  # asked once, settled exactly once
    assert len(sales) == 1 and sales[0].payment_id == payment_id
    # The clerk is told: the receipt is issued but its paper is unsure; Print receipt reprints it as a copy.
    assert [d.number for d in first.waiting] == [sales[0].number]
    rig.engine.reset_output()
    again = print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)
    assert again.printed and again.copy and again.document.number == sales[0].number
    assert [d.kind for d in documents(sqlite_hotel)].count("sale") == 1
