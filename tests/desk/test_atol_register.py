"""Receipts, reports and cash moves on an ATOL register through its web server (the fake, over loopback):
what is sent, what is kept, what is refused, and that a lost answer neither doubles nor loses a document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.cash.shifts import cash_in, cash_out
from desk.core.money import Money
from desk.fiscal.errors import RefundWithoutOriginal, RegisterNotSetUp, RegisterRefused
from desk.fiscal.interface import DocumentKind
from desk.fiscal.models import RegisterDocument
from desk.fiscal.receipts import request_receipt
from desk.fiscal.workflow import (
    close_register_shifts,
    print_receipt,
    print_shift_documents,
    print_x_report,
    reconcile_receipts,
)
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment
from hardware.simulators import atol as fake

from .atol_rig import AtolHotel, AtolServerProcess, atol_hotel, start_atol_server
from .conftest import Hotel, make_hotel


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AtolServerProcess]:
    running = start_atol_server(tmp_path / "fn.json")
    yield running
    running.stop()


@pytest.fixture
def rub_hotel(hotel_url: str) -> Iterator[Hotel]:
    hotel = make_hotel(hotel_url, "RUB")
    yield hotel
    hotel.database.dispose()


@pytest.fixture
def rig(rub_hotel: Hotel, server: AtolServerProcess) -> AtolHotel:
    return atol_hotel(rub_hotel, server)


def kept(hotel: Hotel) -> list[RegisterDocument]:
    with hotel.database.unit_of_work() as session:
        rows = list(session.scalars(select(RegisterDocument).order_by(RegisterDocument.id)))
        session.expunge_all()
        return rows


def receipt(rig: AtolHotel, payment_id: int, **kwargs):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers, **kwargs)


def test_a_sale_goes_to_the_register_with_the_guests_phone_and_its_fiscal_answer_is_kept(rig: AtolHotel):
    payment_id = rig.paid_bill()
    outcome = receipt(rig, payment_id, phone="+7 916 123-45-67")  # as the Receipt window sends it
    assert outcome.printed and outcome.problem is None and outcome.state is IntentState.SETTLED
    [opening, sale] = rig.server.documents()
    assert opening["type"] == "openShift" and sale["type"] == "sell"
    assert sale["clientInfo"] == {"emailOrPhone": "+79161234567"}  # tag 1008: the e-receipt goes there
    params = sale["fiscalParams"]
    document = outcome.document
    assert document is not None and document.kind is DocumentKind.SALE
    assert (document.number, document.sign, document.shift) == (
        params["fiscalDocumentNumber"], params["fiscalDocumentSign"], params["shiftNumber"])
    fiscal = document.content["fiscal"]
    assert fiscal["fn"] == params["fnNumber"] and fiscal["registration"] == params["registrationNumber"]
    assert fiscal["at"] == params["fiscalDocumentDateTime"] and params["total"] == 3950.0
    stamp = params["fiscalDocumentDateTime"][:16].replace("-", "").replace(":", "")
    assert document.content["qr"] == (f"t={stamp}&s=3950.00&fn={params['fnNumber']}"
                                      f"&i={params['fiscalDocumentNumber']}&fp={params['fiscalDocumentSign']}&n=1")
    again = receipt(rig, payment_id)  # Print receipt pressed again: the one it has, nothing new on the register
    assert again.already and again.document.number == document.number
    assert len(rig.server.receipts()) == 1 and [r.kind for r in kept(rig.hotel)] == ["shift_open", "sale"]


def test_a_contact_asked_for_before_goes_to_the_register_the_e_mail_first(rig: AtolHotel):
    payment_id = rig.paid_bill()
    rig.hotel.run(request_receipt, payment_id, "FP-1", email="guest@example.ru", phone="+79161234567")
    assert receipt(rig, payment_id).printed
    assert rig.server.receipts()[0]["clientInfo"] == {"emailOrPhone": "guest@example.ru"}


def test_a_refund_receipt_refers_to_its_sale_on_the_same_register(rig: AtolHotel):
    payment_id = rig.paid_bill()
    sale = receipt(rig, payment_id)
    refund = rig.hotel.run(refund_payment, payment_id, Money.of("450", "RUB"), reason="мини-бар")
    outcome = receipt(rig, refund.id)
    assert outcome.printed and outcome.document.kind is DocumentKind.REFUND
    assert outcome.document.refers_to == sale.document.number
    assert [r["type"] for r in rig.server.receipts()] == ["sell", "sellReturn"]
    assert outcome.document.content["qr"].endswith("&n=2") and "s=450.00" in outcome.document.content["qr"]


def test_a_refund_without_its_sale_receipt_on_the_register_is_refused_before_the_register_is_asked(rig: AtolHotel):
    payment_id = rig.paid_bill()  # paid, but its sale receipt never issued on FP-1
    refund = rig.hotel.run(refund_payment, payment_id, Money.of("450", "RUB"), reason="мини-бар")
    with pytest.raises(RefundWithoutOriginal):
        receipt(rig, refund.id)
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


def test_x_cash_in_and_out_and_the_z_follow_the_cash_shift(rig: AtolHotel):
    rig.hotel.run(cash_in, Money.of("5000", "RUB"), "размен")
    rig.hotel.run(cash_out, Money.of("1200", "RUB"), "инкассация")
    outcomes = print_shift_documents(rig.runner, rig.hotel.actor, rig.cash_shift_id(), opening=False,
                                     registers=rig.registers)
    assert [o.problem for o in outcomes] == [None, None]
    [x] = print_x_report(rig.runner, rig.hotel.actor, registers=rig.registers)
    assert x.problem is None and x.document.kind is DocumentKind.X_REPORT
    # Moves already on the register are not sent again when the shift closes; the Z ends the register's shift.
    closed = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert [o.problem for o in closed] == [None] and closed[0].document.kind is DocumentKind.Z_REPORT
    assert [d["type"] for d in rig.server.documents()] == ["openShift", "closeShift"]  # cash moves are no FD
    assert [r.kind for r in kept(rig.hotel)] == ["shift_open", "cash_in", "cash_out", "x_report", "z_report"]
    assert [r.total for r in kept(rig.hotel)][1:3] == [Money.of("5000", "RUB"), Money.of("1200", "RUB")]
    with pytest.raises(RegisterRefused) as refused:  # the register's shift is closed: no receipt until it opens
        receipt(rig, rig.paid_bill())
    assert refused.value.register_code == fake.DENIED_IN_CLOSED_SHIFT


def test_a_shift_over_24_hours_is_refused_before_the_intent_and_the_cashier_told_to_close_it(rig: AtolHotel):
    rig.server.control("age_shift", hours=25)
    with pytest.raises(RegisterRefused) as refused:
        receipt(rig, rig.paid_bill())
    assert refused.value.register_code == fake.SHIFT_EXPIRED
    assert "close the cash shift (Z report)" in refused.value.message
    assert rig.hotel.query(unresolved) == [] and rig.server.receipts() == []


@pytest.mark.parametrize(("fault", "code", "words"), [
    ("paper", fake.NO_PAPER, "load a paper roll"),
    ("fn_full", fake.FN_OVERFLOW, "call the service centre"),
    ("ofd_offline", fake.FN_RESOURCE_HAS_EXPIRED, "check its internet connection"),
])
def test_a_register_fault_issues_nothing_and_tells_the_cashier_what_to_do(rig: AtolHotel, fault, code, words):
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault=fault)
    outcome = receipt(rig, payment_id)
    assert not outcome.printed and outcome.state is IntentState.FAILED
    assert isinstance(outcome.problem, RegisterRefused) and outcome.problem.register_code == code
    assert words in outcome.problem.message and fake.DESCRIPTIONS[code] in outcome.problem.message
    rig.server.control("fault", fault=fault, on=False)
    assert receipt(rig, payment_id).printed and len(rig.server.receipts()) == 1


def test_an_item_whose_rate_has_no_vat_code_is_refused_before_the_register_is_asked(rig: AtolHotel):
    payment_id = rig.paid_bill(lines=(("Проживание", "3500", "VAT9"),))
    with pytest.raises(Exception, match="has no VAT code for the rate") as refused:
        receipt(rig, payment_id)
    assert type(refused.value).__name__ == "RegisterNotSetUp"
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


@pytest.mark.parametrize("forget", [False, True])
def test_a_lost_answer_is_asked_for_and_settled_once(rig: AtolHotel, forget: bool):
    """The task is done and its answer lost: asked by our uuid; a server that forgot its tasks (reinstalled,
    restarted) is asked for its fiscal storage's last document, which is ours by its count and total."""
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="lose_answer", forget=forget)
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.state is IntentState.SETTLED, outcome.problem
    [sale] = rig.server.receipts()
    assert outcome.document.number == sale["fiscalParams"]["fiscalDocumentNumber"]
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1


def test_a_receipt_done_whose_answer_is_a_server_error_is_read_back_never_issued_twice(rig: AtolHotel):
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="fail_answer")  # the task is taken and done, then the server answers 500
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.state is IntentState.SETTLED, outcome.problem
    [sale] = rig.server.receipts()
    assert outcome.document.number == sale["fiscalParams"]["fiscalDocumentNumber"]
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1


def test_cancel_stops_the_waiting_not_the_receipt_which_check_receipts_then_keeps_once(rig: AtolHotel):
    import threading
    import time

    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="slow", seconds=3)  # the task reads "inProgress" while the register prints
    cancel = threading.Event()
    outcome = receipt(rig, payment_id, cancel=cancel, progress=lambda step: cancel.set())  # pressed at once
    assert not outcome.printed and outcome.state is IntentState.UNKNOWN
    assert "(FP-1) did not say whether it issued the document" in outcome.problem.message
    deadline = time.monotonic() + 20
    while (first := reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)).settled == 0:
        assert first.still_unknown == 1 and time.monotonic() < deadline, first
        time.sleep(0.2)
    second = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    assert (first.settled, second.settled, first.still_unknown) == (1, 0, 0), first
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1


def child(url: str, payment_id: int, flag: str, point: str) -> None:
    """Run in a subprocess: print a receipt on the ATOL register and hang at ``point`` (the test kills us there):
    ``intent`` before the task is posted, ``post`` once the register did it, ``answer`` with its answer read
    and not yet kept."""
    import threading

    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.fiscal.registers import atol as driver
    from desk.fiscal.workflow import Registers
    from desk.people.models import Role
    from tests.actors import signed_in

    def hang() -> None:
        Path(flag).write_text(point)
        threading.Event().wait()

    submit, record = driver.AtolClient.submit, driver._record

    def submit_then_hang(self, key, tasks):
        document = not key.startswith("q-")  # not one of the questions asked before the intent
        if document and point == "intent":
            hang()
        submit(self, key, tasks)
        if document and point == "post":
            hang()

    def record_after_hanging(*args, **kwargs):
        hang()
        return record(*args, **kwargs)

    driver.AtolClient.submit = submit_then_hang  # type: ignore[method-assign]
    if point == "answer":
        driver._record = record_after_hanging
    database = Database(url)
    print_receipt(Runner(database), signed_in(database, Role.CASHIER), payment_id, "FP-1", registers=Registers())


@pytest.mark.parametrize(("point", "forget"), [("intent", False), ("post", False), ("post", True), ("answer", False)])
def test_sigkill_at_each_step_makes_one_document_per_payment(sqlite_url: str, server: AtolServerProcess,
                                                             tmp_path: Path, point: str, forget: bool):
    from tests.helpers import kill_child_when

    hotel = make_hotel(sqlite_url, "RUB")
    rig = atol_hotel(hotel, server)
    payment_id = rig.paid_bill()
    flag = tmp_path / "hanging"
    code = f"from tests.desk.test_atol_register import child; child({sqlite_url!r}, {payment_id}, {str(flag)!r}, " \
           f"{point!r})"
    kill_child_when(code, flag.exists, "ATOL register")
    [pending] = rig.hotel.query(unresolved)
    assert pending.state is IntentState.SENT
    if forget:  # the web server restarted meanwhile: only the fiscal storage can tell
        server.control("forget_tasks")
    first = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    second = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    if point == "intent":  # never posted: closed once, and Print receipt issues it now
        assert (first.cancelled, second.cancelled, rig.server.receipts()) == (1, 0, [])
        assert receipt(rig, payment_id).printed
    else:
        assert (first.settled, second.settled, first.still_unknown) == (1, 0, 0), first
        assert receipt(rig, payment_id).already
    assert len(rig.server.receipts()) == 1
    assert [r.kind for r in kept(rig.hotel)].count("sale") == 1 and rig.hotel.query(unresolved) == []
    hotel.database.dispose()


def test_a_receipt_not_in_roubles_is_refused_before_the_register_is_asked(hotel_url: str,
                                                                          server: AtolServerProcess):
    hotel = make_hotel(hotel_url, "EUR")
    try:
        rig = atol_hotel(hotel, server)
        payment_id = rig.paid_bill()
        with pytest.raises(RegisterNotSetUp, match=r"takes receipts in roubles only, not EUR"):
            receipt(rig, payment_id)
        assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []
    finally:
        hotel.database.dispose()


def test_russias_22_percent_rate_goes_to_the_register_as_vat22(rig: AtolHotel):
    """From 1 January 2026 Russia's general VAT rate is 22 %: ATOL's vat22 code (and vat122 for 22/122)."""
    import json

    from desk.fiscal.settings import parse_vat_map, set_register
    from desk.hotel.models import TaxRate
    from desk.people.models import Role

    with rig.hotel.database.writing() as session:
        session.add(TaxRate(code="VAT22", name="НДС 22%", percent=22))
    rig.hotel.as_role(Role.MANAGER).run(set_register, "FP-1", vat_map=parse_vat_map("22=vat22,20=vat20,none=none"))
    outcome = receipt(rig, rig.paid_bill(lines=(("Проживание, номер 101", "3660", "VAT22"),)))
    assert outcome.printed and outcome.problem is None
    [sale] = [row for row in kept(rig.hotel) if row.kind == "sale"]
    assert [item["tax"]["type"] for item in json.loads(sale.content)["task"]["items"]] == ["vat22"]
    assert parse_vat_map("22=vat122") == {"22": "vat122"}


def test_the_cashiers_taxpayer_number_goes_to_the_register_as_operator_vatin(rig: AtolHotel):
    import json

    from desk.core.errors import InvalidInput
    from desk.people.admin import set_tax_id
    from desk.people.models import Role

    manager = rig.hotel.as_role(Role.MANAGER)
    with pytest.raises(InvalidInput, match="is not a person's taxpayer number"):
        manager.run(set_tax_id, rig.hotel.actor.username, "500100732258")  # a check digit wrong
    manager.run(set_tax_id, rig.hotel.actor.username, "5001 0073 2259")
    assert receipt(rig, rig.paid_bill()).printed
    [sale] = [row for row in kept(rig.hotel) if row.kind == "sale"]
    operator = json.loads(sale.content)["task"]["operator"]
    assert operator["vatin"] == "500100732259" and operator["name"]


def test_a_copy_of_the_payments_receipt_is_atols_last_receipt_copy_and_an_older_one_says_where_to_read_it(
        rig: AtolHotel):
    import json

    from desk.fiscal.workflow import print_copy
    from desk.people.auth import trusted_actor
    from desk.people.models import Role
    from desk.people.rights import MissingRight

    first = rig.paid_bill()
    second = rig.paid_bill()
    assert receipt(rig, first).printed and receipt(rig, second).printed
    copied = print_copy(rig.runner, rig.hotel.actor, second, registers=rig.registers)
    assert copied.copy and copied.document.payment_id == second
    assert json.loads(rig.server.state.read_text("utf-8"))["copies"] == [copied.document.number]
    with pytest.raises(RegisterNotSetUp, match=r"prints a copy of its last receipt only.*fiscal data operator"):
        print_copy(rig.runner, rig.hotel.actor, first, registers=rig.registers)
    pos = trusted_actor("pos", rig.hotel.actor.workstation, Role.POS)
    with pytest.raises(MissingRight):
        print_copy(rig.runner, pos, second, registers=rig.registers)
    assert len(rig.server.receipts()) == 2  # a copy is no fiscal document


# --- corrections inside a receipt (a negative line) -------------------------------------------------------------

CORRECTED = (("Проживание, номер 101", "3500", "20"), ("Мини-бар", "450", "20"), ("Трансфер", "1000", ""),
             ("Скидка на проживание", "-600", "20"))


def correction_receipt(lines: tuple[tuple[str, str, str], ...]):
    """A receipt whose lines carry a correction (a negative line), as a discount or a POS correction would make it."""
    from decimal import Decimal

    from desk.fiscal.interface import Receipt, SaleLine

    total = str(sum(Decimal(amount) for _name, amount, _tax in lines))
    return Receipt(kind=DocumentKind.SALE, currency="RUB", total=total, taxes=(), tenders=(),
                   lines=tuple(SaleLine(name, "1", amount, tax) for name, amount, tax in lines))


def test_a_correction_is_taken_off_its_vat_rates_lines_never_sent_as_a_negative_price(rig: AtolHotel):
    from decimal import Decimal

    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    task, _refers_to, _contact = rig.runner.read(register._receipt_task, correction_receipt(CORRECTED))
    assert [(i["name"], i["price"], i["amount"], i["tax"]["type"]) for i in task["items"]] == [
        ("Проживание, номер 101", 3350.0, 3350.0, "vat20"), ("Мини-бар", 0.0, 0.0, "vat20"),
        ("Трансфер", 1000.0, 1000.0, "none")]  # the last lines of its rate first
    assert fake._check_receipt(task) == Decimal("4350")  # the register's own sum is the receipt's total


def test_a_correction_larger_than_its_vat_rates_lines_is_refused_before_the_register_is_asked(rig: AtolHotel):
    from desk.core.errors import InvalidInput

    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    too_much = correction_receipt((("Проживание, номер 101", "3500", "20"), ("Трансфер", "1000", ""),
                                   ("Скидка на трансфер", "-1200", "")))
    with pytest.raises(InvalidInput, match=r"corrections at tax group none take off 200\.00 more"):
        rig.runner.read(register._receipt_task, too_much)


# --- a receipt registered without its paper (ATOL's notPrinted) ----------------------------------------------------


def _mark(rig: AtolHotel, payment_id: int):
    from desk.ledger.models import Payment
    from desk.stays.reservation_card import load_reservation_card

    with rig.hotel.database.unit_of_work() as session:
        folio_id = session.get(Payment, payment_id).folio_id
        return load_reservation_card(session, folio_id).receipts[payment_id]


def test_a_receipt_registered_but_not_printed_is_owed_on_paper_until_its_copy_prints(
        rig: AtolHotel, monkeypatch: pytest.MonkeyPatch):
    import json

    from desk.fiscal.errors import ReceiptNotPrinted
    from desk.fiscal.interface import Paper
    from desk.fiscal.marks import ReceiptState

    from .register_server_rig import device_calls_in_transactions

    asked_inside = device_calls_in_transactions(monkeypatch, rig.hotel.database)
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="not_printed")
    outcome = receipt(rig, payment_id)
    assert outcome.state is IntentState.SETTLED and outcome.document is not None
    assert outcome.paper is Paper.FAILED and not outcome.printed
    assert isinstance(outcome.problem, ReceiptNotPrinted) and "issued but not printed" in outcome.problem.message
    assert "the register recorded the receipt but did not print it" in outcome.problem.message
    number = outcome.document.number
    mark = _mark(rig, payment_id)
    assert (mark.state, mark.may_print, mark.number) == (ReceiptState.WAITING, True, number)

    rig.server.control("fault", fault="not_printed", on=False)
    again = receipt(rig, payment_id)  # Print receipt (or Retry): the copy, never a second fiscal document
    assert again.printed and again.copy and again.already and again.document.number == number
    assert json.loads(rig.server.state.read_text("utf-8"))["copies"] == [number]
    assert len(rig.server.receipts()) == 1
    mark = _mark(rig, payment_id)
    assert (mark.state, mark.may_print) == (ReceiptState.PRINTED, False)
    assert receipt(rig, payment_id).already and json.loads(rig.server.state.read_text("utf-8"))["copies"] == [number]
    assert asked_inside == []


# --- what a copy of a payment's receipt refuses --------------------------------------------------------------------


def test_a_copy_is_refused_for_a_payment_without_a_receipt_and_for_a_voided_sale_no_longer_the_last(rig: AtolHotel):
    import json

    from desk.core.errors import NotFound
    from desk.fiscal.workflow import print_copy
    from desk.ledger.payments import void_payment
    from desk.people.models import Role

    never = rig.paid_bill()  # paid, its receipt never asked for
    with pytest.raises(NotFound, match=rf"Payment {never} has no fiscal receipt to copy"):
        print_copy(rig.runner, rig.hotel.actor, never, registers=rig.registers)

    sold = rig.paid_bill()
    assert receipt(rig, sold).printed
    void = rig.hotel.as_role(Role.MANAGER).run(void_payment, sold, reason="ошибка кассира")
    assert receipt(rig, void.id).printed  # the void's refund receipt is now the register's last
    with pytest.raises(RegisterNotSetUp, match=r"prints a copy of its last receipt only"):
        print_copy(rig.runner, rig.hotel.actor, sold, registers=rig.registers)
    copied = print_copy(rig.runner, rig.hotel.actor, void.id, registers=rig.registers)
    assert copied.copy and copied.document.kind is DocumentKind.REFUND
    assert json.loads(rig.server.state.read_text("utf-8"))["copies"] == [copied.document.number]


def test_a_copy_on_a_register_that_does_not_answer_is_unreachable_and_writes_nothing(rig: AtolHotel):
    from desk.fiscal.errors import RegisterUnreachable
    from desk.fiscal.workflow import Registers, print_copy

    payment_id = rig.paid_bill()
    assert receipt(rig, payment_id).printed
    before = [row.key for row in kept(rig.hotel)]
    rig.server.stop()
    # A fresh pool: the stopped fake's threads would still answer on a kept-alive connection, as no real server does.
    with pytest.raises(RegisterUnreachable, match=r"does not answer"):
        print_copy(rig.runner, rig.hotel.actor, payment_id, registers=Registers())
    assert [row.key for row in kept(rig.hotel)] == before  # no copy recorded that never printed


def test_the_fiscal_storage_is_read_after_the_z_report_as_before_it(rig: AtolHotel):
    from desk.fiscal.storage import workstation_storage

    rig.server.control("storage", valid_days=20)
    before = workstation_storage(rig.runner, rig.hotel.actor)
    [z] = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert z.problem is None and z.document.kind is DocumentKind.Z_REPORT
    after = workstation_storage(rig.runner, rig.hotel.actor)
    assert before is not None and after is not None
    assert (after.register, after.valid_until, after.flags) == ("FP-1", before.valid_until, ())
    assert after.read_at >= before.read_at
