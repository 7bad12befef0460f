"""Receipts, reports and cash moves on a register through KKM-server (the fake, over loopback): what is
sent, what is kept, what is refused, and that a lost answer neither doubles nor loses a document.
The flows both routes share are in test_register_routes.py."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desk.core.money import Money
from desk.fiscal.connection import check_connection
from desk.fiscal.errors import PrinterNotReady, RegisterAnswerUnknown, RegisterNotSetUp, RegisterRefused
from desk.fiscal.interface import DocumentKind
from desk.fiscal.models import RegisterDocument
from desk.fiscal.receipts import request_receipt
from desk.fiscal.registers.kkmserver import KkmClient
from desk.fiscal.settings import RegisterKind, RegisterSettings, set_register
from desk.fiscal.workflow import (
    Registers,
    close_register_shifts,
    print_receipt,
    reconcile_receipts,
)
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment
from desk.people.models import Role
from hardware.simulators import kkmserver as fake

from .atol_rig import AtolHotel
from .conftest import Hotel, make_hotel
from .kkmserver_rig import LOGIN, PASSWORD, KkmServerProcess, kkm_hotel, start_kkm_server


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)
    monkeypatch.setenv("KKMSERVER_PASSWORD", PASSWORD)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[KkmServerProcess]:
    running = start_kkm_server(tmp_path / "kkm.json")
    yield running
    running.stop()


@pytest.fixture
def rub_hotel(hotel_url: str) -> Iterator[Hotel]:
    hotel = make_hotel(hotel_url, "RUB")
    yield hotel
    hotel.database.dispose()


@pytest.fixture
def rig(rub_hotel: Hotel, server: KkmServerProcess) -> AtolHotel:
    return kkm_hotel(rub_hotel, server)


def kept(hotel: Hotel) -> list[RegisterDocument]:
    with hotel.database.unit_of_work() as session:
        rows = list(session.scalars(select(RegisterDocument).order_by(RegisterDocument.id)))
        session.expunge_all()
        return rows


def receipt(rig: AtolHotel, payment_id: int, **kwargs):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers, **kwargs)


def test_a_sale_goes_to_kkm_server_with_the_guests_phone_and_its_fiscal_data_are_kept(rig: AtolHotel):
    payment_id = rig.paid_bill()
    outcome = receipt(rig, payment_id, phone="+7 916 123-45-67")  # as the Receipt window sends it
    assert outcome.printed and outcome.problem is None and outcome.state is IntentState.SETTLED
    [opening, sale] = rig.server.documents()
    assert opening["Command"] == "OpenShift" and (sale["Command"], sale["TypeCheck"]) == ("RegisterCheck", 0)
    assert sale["ClientAddress"] == "+79161234567"  # tag 1008: the e-receipt goes there
    document = outcome.document
    assert document is not None and document.kind is DocumentKind.SALE
    assert (document.number, document.sign, document.shift) == (
        sale["CheckNumber"], sale["FiscalSign"], sale["SessionNumber"])
    fiscal = document.content["fiscal"]
    assert fiscal["fn"] == "9999078902004388" and fiscal["registration"] == "0000000002003345"
    assert document.content["qr"] == sale["QRCode"] and "s=3950.00" in sale["QRCode"]
    again = receipt(rig, payment_id)  # Print receipt pressed again: the one it has, nothing new on the register
    assert again.already and again.document.number == document.number
    assert len(rig.server.receipts()) == 1 and [r.kind for r in kept(rig.hotel)] == ["shift_open", "sale"]


def test_a_contact_asked_for_before_goes_to_the_register_the_e_mail_first(rig: AtolHotel):
    payment_id = rig.paid_bill()
    rig.hotel.run(request_receipt, payment_id, "FP-1", email="guest@example.ru", phone="+79161234567")
    assert receipt(rig, payment_id).printed
    assert rig.server.receipts()[0]["ClientAddress"] == "guest@example.ru"


def test_a_refund_receipt_refers_to_its_sale_on_the_same_register(rig: AtolHotel):
    payment_id = rig.paid_bill()
    sale = receipt(rig, payment_id)
    refund = rig.hotel.run(refund_payment, payment_id, Money.of("450", "RUB"), reason="мини-бар")
    outcome = receipt(rig, refund.id)
    assert outcome.printed and outcome.document.kind is DocumentKind.REFUND
    assert outcome.document.refers_to == sale.document.number
    assert [r["TypeCheck"] for r in rig.server.receipts()] == [0, 1]
    assert outcome.document.content["qr"].endswith("&n=2") and "s=450.00" in outcome.document.content["qr"]


def test_a_shift_over_24_hours_is_refused_before_the_intent_and_the_cashier_told_to_close_it(rig: AtolHotel):
    rig.server.control("age_shift", hours=25)
    with pytest.raises(RegisterRefused) as refused:
        receipt(rig, rig.paid_bill())
    assert refused.value.register_code == 68 and "close the cash shift (Z report)" in refused.value.message
    assert rig.hotel.query(unresolved) == [] and rig.server.receipts() == []


def test_closing_the_cash_shift_ends_a_register_shift_over_24_hours_with_its_z(rig: AtolHotel):
    rig.server.control("age_shift", hours=25)
    closed = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert [o.problem for o in closed] == [None] and closed[0].document.kind is DocumentKind.Z_REPORT
    assert [d["Command"] for d in rig.server.documents()] == ["OpenShift", "CloseShift"]


@pytest.mark.parametrize(("fault", "code", "words"), [
    ("fn_full", 121, "call the service centre"),
    ("ofd_offline", 137, "check its internet connection"),
])
def test_a_register_fault_issues_nothing_and_tells_the_cashier_what_to_do(rig: AtolHotel, fault, code, words):
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault=fault)
    outcome = receipt(rig, payment_id)
    assert not outcome.printed and outcome.state is IntentState.FAILED
    assert isinstance(outcome.problem, RegisterRefused) and outcome.problem.register_code == code
    assert words in outcome.problem.message and fake.FAULTS[fault] in outcome.problem.message
    rig.server.control("fault", fault=fault, on=False)
    assert receipt(rig, payment_id).printed and len(rig.server.receipts()) == 1


def test_a_register_out_of_paper_is_refused_before_the_intent_as_an_escpos_printer_is(rig: AtolHotel):
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="paper")  # GetDataKKT's Info.PaperOver
    intents = rig.hotel.row_counts()["journal_intent"]
    with pytest.raises(PrinterNotReady, match="the printer is out of paper; load paper") as refused:
        receipt(rig, payment_id)
    assert refused.value.device_code == "device.paper_out"
    assert rig.hotel.row_counts()["journal_intent"] == intents and rig.server.receipts() == []  # no intent at all
    status = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").status()
    assert not status.printer_ready and status.printer.startswith("The printer is out of paper")
    rig.server.control("fault", fault="paper", on=False)
    assert receipt(rig, payment_id).printed and len(rig.server.receipts()) == 1


def test_check_connection_says_a_register_out_of_paper(server: KkmServerProcess):
    settings = RegisterSettings("FP-1", "FP-1", RegisterKind.KKMSERVER, server.address, "1", "osn", {}, "")
    checked = check_connection(settings)
    assert checked.paper is not None and checked.paper.ready and checked.problems == ""
    server.control("fault", fault="paper")  # GetDataKKT's Info.PaperOver
    checked = check_connection(settings)
    assert checked.paper is not None and checked.paper.paper_out and not checked.paper.ready
    assert checked.shift == "closed" and checked.problems == ""  # said as the paper's state, in the desk's words


def test_an_item_whose_rate_has_no_vat_code_is_refused_before_the_register_is_asked(rig: AtolHotel):
    payment_id = rig.paid_bill(lines=(("Проживание", "3500", "VAT9"),))
    with pytest.raises(RegisterNotSetUp, match="has no VAT code for the rate"):
        receipt(rig, payment_id)
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


def test_a_workstation_without_kkm_servers_login_is_told_to_set_it_and_nothing_is_journalled(
        rig: AtolHotel, monkeypatch: pytest.MonkeyPatch):
    from desk.fiscal.workflow import Registers

    monkeypatch.setenv("KKMSERVER_PASSWORD", "wrong")
    payment_id = rig.paid_bill()
    with pytest.raises(RegisterNotSetUp, match="refused this workstation's login: set KKMSERVER_LOGIN"):
        print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=Registers())
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


# The desk's command Timeout and its pause between questions, shorter than a real register's (3 s and 0.5 s) so
# that a register slower than the Timeout takes a second of the test, not four.
QUICK_TIMEOUT_S = 1


def quick_waits(rig: AtolHotel) -> None:
    rig.registers = Registers(kkm_client=lambda address: KkmClient(address, command_timeout=QUICK_TIMEOUT_S,
                                                                   poll=0.1))


def test_a_command_kkm_server_did_already_under_our_key_is_read_back_not_done_again(rig: AtolHotel):
    """An earlier try of the Z reached KKM-server and its answer never came back: the desk's Z under the same
    key is refused as already done, and the desk keeps the first one's answer (GetRezult)."""
    import httpx

    from .kkmserver_rig import LOGIN, PASSWORD

    key = f"z-FP-1-cash-{rig.cash_shift_id()}"
    earlier = {"Command": "CloseShift", "NumDevice": 1, "IdCommand": key, "CashierName": "Иванов"}
    first = httpx.post(f"{rig.server.address}/Execute", json=earlier, auth=(LOGIN, PASSWORD)).json()
    closed = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert closed == []  # the register's shift is closed: nothing to do
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    z = register.close_shift(key)
    assert z.document.kind is DocumentKind.Z_REPORT and z.document.number == first["CheckNumber"]
    assert [d["Command"] for d in rig.server.documents()] == ["OpenShift", "CloseShift"]


def child(url: str, payment_id: int, flag: str, point: str) -> None:
    """Run in a subprocess: print a receipt through KKM-server and hang at ``point`` (the test kills us there):
    ``intent`` before the command is posted, ``post`` once the register did it and before its answer is read."""
    import threading

    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.fiscal.registers import kkmserver as driver
    from desk.fiscal.workflow import Registers
    from desk.people.models import Role
    from tests.actors import signed_in

    def hang() -> None:
        Path(flag).write_text(point)
        threading.Event().wait()

    send = driver.KkmClient.send

    def send_then_hang(self, body):
        document = not body["IdCommand"].startswith("q-") and body["Command"] != "GetRezult"
        if document and point == "intent":
            hang()
        answer = send(self, body)
        if document and point == "post":
            hang()
        return answer

    driver.KkmClient.send = send_then_hang  # type: ignore[method-assign]
    database = Database(url)
    print_receipt(Runner(database), signed_in(database, Role.CASHIER), payment_id, "FP-1", registers=Registers())


@pytest.mark.parametrize(("point", "forget"), [("intent", False), ("post", False), ("post", True)])
def test_sigkill_at_each_step_makes_one_document_per_payment(sqlite_url: str, server: KkmServerProcess,
                                                             tmp_path: Path, point: str, forget: bool):
    from tests.helpers import kill_child_when

    hotel = make_hotel(sqlite_url, "RUB")
    rig = kkm_hotel(hotel, server)
    payment_id = rig.paid_bill()
    flag = tmp_path / "hanging"
    code = f"from tests.desk.test_kkmserver_register import child; child({sqlite_url!r}, {payment_id}, " \
           f"{str(flag)!r}, {point!r})"
    kill_child_when(code, flag.exists, "KKM-server register")
    [pending] = rig.hotel.query(unresolved)
    assert pending.state is IntentState.SENT
    if forget:  # KKM-server restarted meanwhile: nothing can tell, and nothing is issued again
        server.control("forget_commands")
    first = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    second = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    if point == "intent" or forget:  # GetRezult does not know it: nothing can tell, it waits for the clerk
        assert (first.still_unknown, second.still_unknown, first.settled) == (1, 1, 0), first
        with pytest.raises(RegisterAnswerUnknown):
            receipt(rig, payment_id)
    else:  # posted, issued, its answer never read: found by its IdCommand and settled once
        assert (first.settled, second.settled, first.still_unknown) == (1, 0, 0), first
        assert receipt(rig, payment_id).already
        assert rig.hotel.query(unresolved) == []
    assert len(rig.server.receipts()) == (0 if point == "intent" else 1)  # never two
    assert [r.kind for r in kept(rig.hotel)].count("sale") == (1 if point == "post" and not forget else 0)
    hotel.database.dispose()


def test_a_receipt_done_whose_answer_is_a_server_error_is_read_back_never_issued_twice(rig: AtolHotel):
    payment_id = rig.paid_bill()
    rig.server.control("fault", fault="fail_answer")  # the receipt is done, then KKM-server answers HTTP 500
    outcome = receipt(rig, payment_id)
    [sale] = rig.server.receipts()
    assert outcome.printed and outcome.state is IntentState.SETTLED and outcome.document.number == sale["CheckNumber"]
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1


def test_an_answer_of_a_status_the_desk_does_not_know_is_read_back_not_taken_for_a_refusal(rig: AtolHotel):
    payment_id = rig.paid_bill()
    issue = fake.KkmServer.execute

    def odd(self: fake.KkmServer, body: dict) -> tuple[dict, bool]:  # a Status the desk does not know
        answer, lose = issue(self, body)
        return ({**answer, "Status": 7} if body["Command"] == "RegisterCheck" else answer), lose

    server = fake.serve(0, None, login=LOGIN, password=PASSWORD)
    server.execute = odd.__get__(server)  # type: ignore[method-assign]
    address = f"http://127.0.0.1:{server.server_port}"
    try:
        httpx.post(f"{address}/Execute", auth=(LOGIN, PASSWORD), json={
            "Command": "OpenShift", "NumDevice": 1, "IdCommand": "open", "CashierName": "Иванова А."})
        rig.hotel.as_role(Role.MANAGER).run(set_register, "FP-1", address=address)
        outcome = receipt(rig, payment_id)
        sales = [d for d in server.register.documents() if d["Command"] == "RegisterCheck"]
    finally:
        server.shutdown()
    assert outcome.printed and outcome.state is IntentState.SETTLED, outcome.problem
    assert len(sales) == 1 and outcome.document.number == sales[0]["CheckNumber"]


def test_russias_22_percent_rate_goes_to_kkm_server_as_tax_22(rig: AtolHotel):
    import json

    from desk.fiscal.settings import parse_vat_map
    from desk.hotel.models import TaxRate

    with rig.hotel.database.writing() as session:
        session.add(TaxRate(code="VAT22", name="НДС 22%", percent=22))
    rig.hotel.as_role(Role.MANAGER).run(set_register, "FP-1", vat_map=parse_vat_map("22=vat22,20=vat20,none=none"))
    outcome = receipt(rig, rig.paid_bill(lines=(("Проживание, номер 101", "3660", "VAT22"),)))
    assert outcome.printed and outcome.problem is None
    [sale] = [row for row in kept(rig.hotel) if row.kind == "sale"]
    assert [s["Register"]["Tax"] for s in json.loads(sale.content)["task"]["CheckStrings"]] == [22]


def test_the_cashiers_taxpayer_number_goes_to_kkm_server_as_cashier_vatin(rig: AtolHotel):
    import json

    from desk.people.admin import set_tax_id

    rig.hotel.as_role(Role.MANAGER).run(set_tax_id, rig.hotel.actor.username, "500100732259")
    assert receipt(rig, rig.paid_bill()).printed
    [sale] = [row for row in kept(rig.hotel) if row.kind == "sale"]
    assert json.loads(sale.content)["task"]["CashierVATIN"] == "500100732259"


def printed_copies(rig: AtolHotel) -> list[dict]:
    import json

    return list(json.loads(rig.server.state.read_text("utf-8")).get("copies", []))


def test_a_copy_of_any_receipt_is_kkm_servers_get_data_check_from_the_fiscal_storage(rig: AtolHotel):
    first = receipt(rig, rig.paid_bill())
    assert receipt(rig, rig.paid_bill()).printed  # the first is no longer the register's last
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    copy = register.copy(first.document.number)
    assert copy.copy and copy.document.number == first.document.number and copy.document.key == first.document.key
    assert printed_copies(rig) == [{"FiscalNumber": first.document.number, "NumberCopies": 1}]
    with pytest.raises(RegisterNotSetUp, match="has no receipt 999"):  # not one of its receipts: the server not asked
        register.copy(999)
    assert len(printed_copies(rig)) == 1 and len(rig.server.receipts()) == 2  # a copy is no fiscal document


def test_a_copy_the_register_cannot_print_is_its_own_refusal(rig: AtolHotel):
    first = receipt(rig, rig.paid_bill())
    rig.server.control("fault", fault="paper")
    with pytest.raises(RegisterRefused, match="paper"):
        rig.registers.register(rig.runner, rig.hotel.actor, "FP-1").copy(first.document.number)
    assert printed_copies(rig) == []


def test_a_correction_is_taken_off_its_vat_rates_lines_and_one_too_large_is_refused_before_the_register(
        rig: AtolHotel):
    from desk.core.errors import InvalidInput

    from .test_atol_register import CORRECTED, correction_receipt

    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    fields, _refers_to, _contact = rig.runner.read(register._receipt_task, correction_receipt(CORRECTED))
    assert [(s["Register"]["Name"], s["Register"]["Price"], s["Register"]["Amount"])
            for s in fields["CheckStrings"]] == [
        ("Проживание, номер 101", 3350.0, 3350.0), ("Мини-бар", 0.0, 0.0), ("Трансфер", 1000.0, 1000.0)]
    assert fake._check_receipt({**fields, "Cash": 4350.0})[0] == Decimal("4350")
    too_much = correction_receipt((("Мини-бар", "450", "20"), ("Скидка", "-451", "20")))
    with pytest.raises(InvalidInput, match=r"corrections at tax group vat20 take off 1\.00 more"):
        rig.runner.read(register._receipt_task, too_much)
