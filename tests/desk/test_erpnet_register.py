"""Receipts, reversals, reports and cash moves on a Bulgarian fiscal printer through ErpNet.FP (the fake, over
loopback HTTP): what is sent, what is kept, what is refused, and that a lost answer neither doubles nor loses one.
The flows both routes share are in test_register_routes.py."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desk.core.errors import InvalidInput
from desk.fiscal.amounts import exact_json
from desk.fiscal.connection import check_connection
from desk.fiscal.errors import (
    UNEXPLAINED_NOT_READY,
    PrinterNotReady,
    RegisterAnswerUnknown,
    RegisterNotSetUp,
    RegisterRefused,
)
from desk.fiscal.interface import DocumentKind, Receipt, SaleLine
from desk.fiscal.models import RegisterDocument
from desk.fiscal.settings import RegisterKind, RegisterSettings, parse_vat_map, set_register
from desk.fiscal.workflow import (
    close_register_shifts,
    print_receipt,
    reconcile_receipts,
)
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment
from desk.people.models import Role
from hardware.simulators import erpnet as fake

from .atol_rig import AtolHotel
from .conftest import Hotel, make_hotel
from .erpnet_rig import ErpNetServerProcess, erpnet_hotel, start_erpnet_server

LINES = (("Нощувка, стая 101", "100", "VAT9"), ("Минибар", "12.50", "VAT20"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ErpNetServerProcess]:
    running = start_erpnet_server(tmp_path / "fm.json")
    yield running
    running.stop()


@pytest.fixture
def rig(hotel: Hotel, server: ErpNetServerProcess) -> AtolHotel:
    return erpnet_hotel(hotel, server)


def kept(hotel: Hotel) -> list[RegisterDocument]:
    with hotel.database.unit_of_work() as session:
        rows = list(session.scalars(select(RegisterDocument).order_by(RegisterDocument.id)))
        session.expunge_all()
        return rows


def receipt(rig: AtolHotel, payment_id: int, **kwargs):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers, **kwargs)


def test_a_sale_is_printed_with_our_sale_number_and_tax_groups_and_its_fiscal_data_kept(rig: AtolHotel):
    payment_id = rig.paid_bill(lines=LINES)
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.problem is None and outcome.state is IntentState.SETTLED
    [sale] = rig.server.receipts()
    assert re.fullmatch(r"DT279013-0001-\d{7}", sale["uniqueSaleNumber"])
    assert [(i["text"], i["taxGroup"], i["unitPrice"]) for i in sale["items"] if "taxGroup" in i] == [
        ("Нощувка, стая 101", 4, 100.0), ("Минибар", 2, 12.5)]  # Г 9 % and Б 20 %
    assert sale["payments"] == [{"amount": 112.5, "paymentType": "cash"}] and sale["receiptAmount"] == 112.5
    document = outcome.document
    assert document is not None and document.kind is DocumentKind.SALE
    assert document.number == int(sale["receiptNumber"]) and document.content["fiscal"]["fn"] == "02279013"
    assert document.content["sale_number"] == sale["uniqueSaleNumber"] and document.content["qr"] == ""
    again = receipt(rig, payment_id)  # Print receipt pressed again: the one it has, nothing new on the printer
    assert again.already and again.document.number == document.number
    assert len(rig.server.receipts()) == 1 and [r.kind for r in kept(rig.hotel)] == ["shift_open", "sale"]


def test_the_operators_password_goes_to_the_printer_and_is_never_kept(rig: AtolHotel,
                                                                      monkeypatch: pytest.MonkeyPatch):
    from desk.journal.models import JournalIntent

    monkeypatch.setenv("ERPNET_OPERATOR", "7")
    monkeypatch.setenv("ERPNET_OPERATOR_PASSWORD", "op-secret-7")
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    [sale] = rig.server.receipts()
    assert sale["operator"] == "7" and sale["signed_in"] and sale["uniqueSaleNumber"].startswith("DT279013-0007-")
    with rig.hotel.database.unit_of_work() as session:
        stored = [row.content for row in session.scalars(select(RegisterDocument))]
        stored += [str(intent.request) for intent in session.scalars(select(JournalIntent))]
    assert stored and not any("op-secret-7" in text for text in stored)


def test_each_sale_gets_its_own_sale_number(rig: AtolHotel):
    for _ in range(2):
        assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    numbers = [r["uniqueSaleNumber"] for r in rig.server.receipts()]
    assert len(set(numbers)) == 2


def test_a_refund_is_a_reversal_quoting_the_original_sale(rig: AtolHotel):
    payment_id = rig.paid_bill(lines=LINES)
    sale = receipt(rig, payment_id)
    refund = rig.hotel.run(refund_payment, payment_id, rig.hotel.money("12.50"), reason="минибар")
    outcome = receipt(rig, refund.id)
    assert outcome.printed and outcome.document.kind is DocumentKind.REFUND
    assert outcome.document.refers_to == sale.document.number
    original, reversal = rig.server.receipts()
    assert reversal["type"] == "reversalreceipt" and reversal["reason"] == "refund"
    assert reversal["uniqueSaleNumber"] == original["uniqueSaleNumber"] and reversal["receiptAmount"] == 12.5


def test_a_day_over_24_hours_is_refused_before_the_intent_and_the_z_ends_it(rig: AtolHotel):
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    rig.server.control("age_day", hours=25)
    with pytest.raises(RegisterRefused) as refused:
        receipt(rig, rig.paid_bill(lines=LINES))
    assert refused.value.register_code == 502 and "close the cash shift (Z report)" in refused.value.message
    assert rig.hotel.query(unresolved) == [] and len(rig.server.receipts()) == 1
    closed = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert [o.problem for o in closed] == [None] and rig.server.documents()[-1]["type"] == "zreport"


@pytest.mark.parametrize(("fault", "code", "words"), [
    ("fm_full", 201, "call its service centre"),
    ("nra_blocked", 503, "check its SIM card"),
])
def test_a_printer_fault_issues_nothing_and_tells_the_cashier_what_to_do(rig: AtolHotel, fault, code, words):
    payment_id = rig.paid_bill(lines=LINES)
    rig.server.control("fault", fault=fault)
    outcome = receipt(rig, payment_id)
    assert not outcome.printed and outcome.state is IntentState.FAILED
    assert isinstance(outcome.problem, RegisterRefused) and outcome.problem.register_code == code
    assert words in outcome.problem.message and f"E{code}" in outcome.problem.message
    rig.server.control("fault", fault=fault, on=False)
    assert receipt(rig, payment_id).printed and len(rig.server.receipts()) == 1


@pytest.mark.parametrize(("fault", "device_code", "words"), [
    ("paper", "device.paper_out", "the printer is out of paper; load paper"),  # E301
    ("cover", "device.cover_open", "the printer's cover is open; close it"),  # E302
])
def test_a_printer_out_of_paper_is_refused_before_the_intent_as_an_escpos_printer_is(
        rig: AtolHotel, fault, device_code, words):
    payment_id = rig.paid_bill(lines=LINES)
    rig.server.control("fault", fault=fault)
    before = rig.hotel.row_counts()
    with pytest.raises(PrinterNotReady, match=words) as refused:
        receipt(rig, payment_id)
    assert refused.value.device_code == device_code
    after = rig.hotel.row_counts()  # no intent written (not even a settled one), no sale number taken
    assert after["journal_intent"] == before["journal_intent"] and after["sale_number"] == 0
    assert rig.server.receipts() == []
    assert not rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").status().printer_ready
    rig.server.control("fault", fault=fault, on=False)
    assert receipt(rig, payment_id).printed and len(rig.server.receipts()) == 1


def test_a_roll_near_its_end_prints_and_warns(rig: AtolHotel):
    rig.server.control("fault", fault="paper_low")  # W301 among the status's and every result's messages
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    status = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").status()
    assert status.printer_ready and status.printer == "Ready. Paper is running low."
    checked = check_connection(RegisterSettings("FP-1", "FP-1", RegisterKind.ERPNET, rig.server.address,
                                                "dt279013", "", {}, ""))
    assert checked.paper is not None and checked.paper.paper_near_end and checked.paper.ready
    assert checked.problems == ""  # said as the paper's state, not in the printer's English


def test_check_connection_says_every_fault_the_printer_reports_with_its_warnings(server: ErpNetServerProcess):
    settings = RegisterSettings("FP-1", "FP-1", RegisterKind.ERPNET, server.address, "dt279013", "", {}, "")
    server.control("fault", fault="paper")  # E301
    server.control("fault", fault="paper_low")  # W301 stands beside an error, as ErpNet.FP sends it
    checked = check_connection(settings)
    assert checked.paper is not None and checked.paper.paper_out and checked.paper.paper_near_end
    assert not checked.paper.ready and checked.problems == ""  # said as the paper's state
    server.control("fault", fault="cover")  # E302 with E301: each fault its own message
    checked = check_connection(settings)
    assert checked.paper is not None and checked.paper.cover_open and checked.paper.paper_out
    server.control("fault", fault="paper", on=False)
    checked = check_connection(settings)
    assert checked.paper is not None and checked.paper.cover_open and not checked.paper.paper_out
    assert checked.paper.paper_near_end and checked.problems == ""


def test_a_low_roll_is_still_said_beside_the_printers_other_warnings(rig: AtolHotel):
    rig.server.control("fault", fault="paper_low")  # W301
    rig.server.control("fault", fault="fm_nearly_full")  # W201
    status = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").status()
    assert status.printer_ready and status.printer == "Paper is running low. Fiscal Memory near full"


def test_an_answer_not_ok_that_says_no_error_never_reads_as_ready(rig: AtolHotel, monkeypatch):
    # ErpNet.FP adds an error for every fault: ok false without one is an answer the desk does not understand.
    monkeypatch.setattr(rig.server.server.printer, "status", lambda: {"ok": False, "messages": fake._INFO})
    status = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").status()
    assert not status.printer_ready and "Ready" not in status.printer
    assert status.printer.startswith("its printer is not ready, and its answer does not say why")
    checked = check_connection(RegisterSettings("FP-1", "FP-1", RegisterKind.ERPNET, rig.server.address,
                                                "dt279013", "", {}, ""))
    assert checked.problems == UNEXPLAINED_NOT_READY and checked.paper is None  # no paper state read from it
    # Nor is a receipt issued on it: refused before its intent and its sale number, as paper out is.
    payment_id = rig.paid_bill(lines=LINES)
    before = rig.hotel.row_counts()
    with pytest.raises(PrinterNotReady, match="its answer does not say why"):
        receipt(rig, payment_id)
    after = rig.hotel.row_counts()
    assert after["journal_intent"] == before["journal_intent"] and after["sale_number"] == 0
    assert rig.server.receipts() == []


def test_a_rate_without_a_tax_group_is_refused_before_the_printer_is_asked(rig: AtolHotel):
    rig.hotel.as_role(Role.MANAGER).run(set_register, "FP-1", vat_map={"20": "Б"})
    with pytest.raises(RegisterNotSetUp, match="has no VAT code for the rate"):
        receipt(rig, rig.paid_bill(lines=LINES))
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


def test_tax_groups_are_bulgarian_letters_and_atol_codes_are_refused_for_erpnet():
    assert parse_vat_map("9=г,20=Б,none=А", "erpnet") == {"9": "Г", "20": "Б", "": "А"}
    with pytest.raises(InvalidInput, match="the codes are А, Б"):
        parse_vat_map("20=vat20", "erpnet")


def test_a_refund_of_a_sale_found_after_a_lost_answer_quotes_its_sale_number(rig: AtolHotel):
    payment_id = rig.paid_bill(lines=LINES)
    rig.server.control("fault", fault="lose_answer")
    assert receipt(rig, payment_id).printed
    refund = rig.hotel.run(refund_payment, payment_id, rig.hotel.money("12.50"), reason="минибар")
    assert receipt(rig, refund.id).printed
    original, reversal = rig.server.receipts()
    assert reversal["uniqueSaleNumber"] == original["uniqueSaleNumber"]


def correction_receipt(lines: tuple[tuple[str, str, str], ...]) -> Receipt:
    """A receipt whose lines carry a correction (a negative line), as a discount or a POS correction would make it:
    the ledger posts none today, and the driver must never send one as a negative price if one comes."""
    total = str(sum(Decimal(amount) for _name, amount, _tax in lines))
    return Receipt(kind=DocumentKind.SALE, currency="EUR", total=total, taxes=(), tenders=(),
                   lines=tuple(SaleLine(name, "1", amount, tax) for name, amount, tax in lines))


def test_a_correction_inside_a_receipt_is_a_discount_on_the_lines_it_corrects_never_a_negative_price(rig: AtolHotel):
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    receipt_with_correction = correction_receipt((
        ("Нощувка, стая 101", "100", "9"), ("Минибар", "12.50", "20"), ("Нощувка, стая 102", "60", "9"),
        ("Отстъпка за нощувки", "-130", "9")))
    body, _ = rig.runner.read(register._receipt_body, receipt_with_correction, "", 22)
    assert [(i["text"], i["unitPrice"], i.get("priceModifierType"), i.get("priceModifierValue"))
            for i in body["items"] if "taxGroup" in i] == [
        ("Нощувка, стая 101", 100.0, "discount-amount", 70.0), ("Минибар", 12.5, None, None),
        ("Нощувка, стая 102", 60.0, "discount-amount", 60.0)]  # the last lines of its VAT group first
    sent = json.loads(exact_json({**body, "uniqueSaleNumber": "DT279013-0001-0000001"}), parse_float=Decimal)
    assert fake._check_sale(sent)[0] == Decimal("42.50")  # the printer's own sum is the receipt's total


def test_quantities_reach_the_printer_as_written_never_through_a_binary_float(rig: AtolHotel):
    from desk.ledger.payments import Tender, take_payment
    from desk.ledger.postings import post_charge

    hotel = rig.hotel
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Нощувки", quantity=Decimal("1.5"),
              unit_price=hotel.money("100"), tax_code="VAT9")
    hotel.run(post_charge, bill_id=stay.bill_id, description="Сирене, кг", quantity=Decimal("0.333"),
              unit_price=hotel.money("3.00"), tax_code="VAT20")
    owed = hotel.view(stay.folio_id).bill(stay.bill_id).balance
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", owed, payer_name="Иван Петров"))
    assert receipt(rig, payment.id).printed
    [printed] = rig.server.receipts()
    assert printed["quantities"] == ["1.5", "0.333"] and Decimal(str(printed["receiptAmount"])) == Decimal("151.00")
    items = json.loads(kept(hotel)[-1].content)["task"]["items"]
    assert [i["quantity"] for i in items if "taxGroup" in i] == ["1.5", "0.333"]
    # Digits a binary float cannot hold come through whole.
    assert exact_json({"quantity": Decimal("1234567.123456789012")}) == b'{"quantity":1234567.123456789012}'
    with pytest.raises(TypeError, match="binary float"):
        exact_json({"quantity": 0.333})


def test_a_correction_larger_than_its_vat_groups_sales_is_refused_before_the_printer_is_asked(rig: AtolHotel):
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    too_much = correction_receipt((("Нощувка, стая 101", "100", "9"), ("Минибар", "50", "20"),
                                   ("Корекция минибар", "-60", "20")))
    with pytest.raises(InvalidInput, match="corrections at"):
        rig.runner.read(register._receipt_body, too_much, "", 22)


def test_a_copy_of_the_last_receipt_is_the_printers_duplicate_and_an_older_one_is_refused(rig: AtolHotel):
    first = receipt(rig, rig.paid_bill(lines=LINES))
    last = receipt(rig, rig.paid_bill(lines=LINES))
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    copied = register.copy(last.document.number)
    assert copied.copy and copied.document.number == last.document.number
    assert [d["type"] for d in rig.server.documents()][-1] == "duplicate"
    with pytest.raises(RegisterNotSetUp, match="prints a copy of its last receipt only"):
        register.copy(first.document.number)
    rig.server.control("fault", fault="paper")
    with pytest.raises(RegisterRefused) as refused:  # the printer's own refusal, said as the cashier's task
        register.copy(last.document.number)
    assert "E301" in refused.value.message
    assert [d["type"] for d in rig.server.documents()].count("duplicate") == 1 and len(rig.server.receipts()) == 2


def test_the_fake_refuses_what_erpnet_refuses(server: ErpNetServerProcess):
    url = f"{server.address}/printers/dt279013/receipt"
    assert httpx.post(url, content=b"{not json", headers={"Content-Type": "application/json"}).status_code == 400
    assert httpx.post(f"{server.address}/printers/xx000000/receipt", json={}).status_code == 404
    body = {"uniqueSaleNumber": "DT279013-0001-0000001", "items": [
        {"text": "Нощувка", "quantity": 1, "unitPrice": 10, "taxGroup": 4}], "payments": [{"amount": 10}]}
    first = httpx.post(url, json=body).json()
    assert first["ok"] is True and first["receiptNumber"] == "0000001"
    again = httpx.post(url, json={**body, "payments": [{"amount": 20, "paymentType": "cash"}]}).json()
    assert again["ok"] is False and again["messages"][0]["code"] == "E405"  # the sale number is used
    wrong = {**body, "uniqueSaleNumber": "DT279013-0001-0000002",
             "items": [{"text": "x", "quantity": 1, "unitPrice": 10, "taxGroup": 9}]}
    assert httpx.post(url, json=wrong).json()["messages"][0]["code"] == "E411"
    other = {**body, "uniqueSaleNumber": "DT000001-0001-0000002"}  # another printer's serial
    assert httpx.post(url, json=other).json()["messages"][0]["code"] == "E401"
    queued = httpx.post(url, params={"asyncTimeout": 0, "taskId": "t-1"},
                        json={**body, "uniqueSaleNumber": "DT279013-0001-0000003"}).json()
    assert queued == {"taskId": "t-1"}
    deadline = threading.Event()
    while (info := httpx.get(f"{server.address}/printers/taskinfo", params={"id": "t-1"}).json())[
            "taskStatus"] != "finished":
        deadline.wait(0.02)
    assert info["result"]["ok"] is True
    # Read once, a finished task is forgotten, as ErpNet.FP forgets it.
    assert httpx.get(f"{server.address}/printers/taskinfo", params={"id": "t-1"}).json() == {"taskStatus": "unknown"}
    fourth = {**body, "uniqueSaleNumber": "DT279013-0001-0000004"}
    done = httpx.post(url, params={"asyncTimeout": 5000, "taskId": "t-2"}, json=fourth).json()
    assert done["ok"] is True  # answered in time; the task stays in the completed list until it is read
    again = httpx.post(url, params={"asyncTimeout": 5000, "taskId": "t-2"}, json=fourth).json()
    assert again["ok"] is False and again["messages"][0]["code"] == "E109"  # nothing printed a second time
    assert [d["uniqueSaleNumber"] for d in server.receipts()] == [
        "DT279013-0001-0000001", "DT279013-0001-0000003", "DT279013-0001-0000004"]


def child(url: str, payment_id: int, flag: str, point: str) -> None:
    """Run in a subprocess: print a receipt through ErpNet.FP and hang at ``point`` (the test kills us there):
    ``intent`` before the document is posted, ``post`` once the printer printed it and before its answer is read."""
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.fiscal.registers import erpnet as driver
    from desk.fiscal.workflow import Registers
    from tests.actors import signed_in

    def hang() -> None:
        Path(flag).write_text(point)
        threading.Event().wait()

    post = driver.ErpNetClient.post

    def post_then_hang(self, printer, document, body, key):
        if point == "intent":
            hang()
        answer = post(self, printer, document, body, key)
        if point == "post":
            hang()
        return answer

    driver.ErpNetClient.post = post_then_hang  # type: ignore[method-assign]
    database = Database(url)
    print_receipt(Runner(database), signed_in(database, Role.CASHIER), payment_id, "FP-1", registers=Registers())


@pytest.mark.parametrize(("point", "restart"), [("intent", False), ("post", False), ("post", True)])
def test_sigkill_at_each_step_makes_one_receipt_per_payment(database_url: str, server: ErpNetServerProcess,
                                                            tmp_path: Path, point: str, restart: bool):
    from tests.helpers import kill_child_when

    hotel = make_hotel(database_url)
    rig = erpnet_hotel(hotel, server)
    payment_id = rig.paid_bill(lines=LINES)
    flag = tmp_path / "hanging"
    code = f"from tests.desk.test_erpnet_register import child; child({database_url!r}, {payment_id}, " \
           f"{str(flag)!r}, {point!r})"
    kill_child_when(code, flag.exists, "ErpNet.FP printer")
    [pending] = rig.hotel.query(unresolved)
    assert pending.state is IntentState.SENT
    if restart:  # ErpNet.FP restarted meanwhile: its tasks are gone, nothing can tell, nothing is printed again
        server.control("restart")
    first = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    second = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    if point == "intent" or restart:  # the task is unknown: it waits for the clerk
        assert (first.still_unknown, second.still_unknown, first.settled) == (1, 1, 0), first
        with pytest.raises(RegisterAnswerUnknown):
            receipt(rig, payment_id)
    else:  # posted, printed, its answer never read: found by its task and settled once
        assert (first.settled, second.settled, first.still_unknown) == (1, 0, 0), first
        assert receipt(rig, payment_id).already
        assert rig.hotel.query(unresolved) == []
    assert len(rig.server.receipts()) == (0 if point == "intent" else 1)  # never two
    assert [r.kind for r in kept(rig.hotel)].count("sale") == (1 if point == "post" and not restart else 0)
    hotel.database.dispose()
