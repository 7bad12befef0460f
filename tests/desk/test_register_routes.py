"""The flows ErpNet.FP (Bulgaria) and KKM-server (Russia) share, each run on both routes' fakes (over loopback
HTTP) and both databases: a lost answer is asked for and settled once, one the restarted server forgot stays
pending and is never issued again, a refund without its sale on the register is refused before it is asked, a slow
register is waited for, Cancel stops the waiting and Check receipts keeps the receipt once, and the X, the cash
moves and the Z follow the cash shift."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desk.cash.shifts import cash_in, cash_out
from desk.core.money import Money
from desk.fiscal.errors import RefundWithoutOriginal, RegisterAnswerUnknown, RegisterRefused
from desk.fiscal.interface import DocumentKind
from desk.fiscal.models import RegisterDocument
from desk.fiscal.registers.kkmserver import KkmClient
from desk.fiscal.settings import register_settings
from desk.fiscal.workflow import (
    Registers,
    close_register_shifts,
    print_receipt,
    print_shift_documents,
    print_x_report,
    reconcile_receipts,
)
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment

from .atol_rig import AtolHotel
from .conftest import make_hotel
from .erpnet_rig import erpnet_hotel, start_erpnet_server
from .kkmserver_rig import LOGIN, PASSWORD, kkm_hotel, start_kkm_server
from .register_server_rig import device_calls_in_transactions


@dataclass(frozen=True)
class Route:
    """What differs between the routes in these flows: the hotel's currency, its bill, how the fake numbers."""

    name: str
    currency: str
    lines: tuple[tuple[str, str, str], ...] | None  # None: the rig's own
    number_field: str  # the fake's field holding the fiscal document's number
    kind_field: str  # the fake's field naming a document's kind
    shift_documents: tuple[str, ...]  # what the fake holds after cash in, cash out, X and Z

    def slow(self, rig: AtolHotel) -> None:
        """The register prints past the desk's first wait: KKM-server answers "running" past the command's Timeout
        (then GetRezult), ErpNet.FP answers with the task's id past asyncTimeout (then taskinfo)."""
        if self.name == "kkmserver":
            rig.registers = Registers(kkm_client=lambda address: KkmClient(address, command_timeout=1, poll=0.1))
            rig.server.control("fault", fault="slow", seconds=2)
        else:
            rig.registers._erpnet_client(rig.runner.read(register_settings, "FP-1")).async_timeout_ms = 100
            rig.server.control("fault", fault="slow", seconds=1)

    def number(self, issued: dict[str, Any]) -> int:
        return int(issued[self.number_field])

    def kept_as_issued(self, content: dict[str, Any], issued: dict[str, Any]) -> bool:
        """What the receipt says of itself, kept as the register issued it: the УНП, or the QR code's text."""
        if self.name == "erpnet":
            return bool(content["sale_number"]) and content["sale_number"] == issued["uniqueSaleNumber"]
        return bool(content["qr"]) and content["qr"] == issued["QRCode"]


ROUTES = {
    "erpnet": Route("erpnet", "EUR", (("Нощувка, стая 101", "100", "VAT9"), ("Минибар", "12.50", "VAT20")),
                    "receiptNumber", "type", ("deposit", "withdraw", "xreport", "zreport")),
    # KKM-server's cash moves and X report are no fiscal documents of the storage
    "kkmserver": Route("kkmserver", "RUB", None, "CheckNumber", "Command", ("OpenShift", "CloseShift")),
}


@pytest.fixture(params=sorted(ROUTES))
def route(request: pytest.FixtureRequest) -> Route:
    return ROUTES[request.param]


@pytest.fixture
def rig(route: Route, hotel_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AtolHotel]:
    hotel = make_hotel(hotel_url, route.currency)
    if route.name == "kkmserver":
        monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)
        monkeypatch.setenv("KKMSERVER_PASSWORD", PASSWORD)
        server: Any = start_kkm_server(tmp_path / "kkm.json")
        built = kkm_hotel(hotel, server)
    else:
        server = start_erpnet_server(tmp_path / "fm.json")
        built = erpnet_hotel(hotel, server)
    yield built
    server.stop()
    hotel.database.dispose()


def paid(rig: AtolHotel, route: Route) -> int:
    return rig.paid_bill(lines=route.lines) if route.lines is not None else rig.paid_bill()


def receipt(rig: AtolHotel, payment_id: int, **kwargs: Any):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers, **kwargs)


def test_a_lost_answer_is_asked_for_by_our_key_and_settled_once(rig: AtolHotel, route: Route,
                                                                monkeypatch: pytest.MonkeyPatch):
    asked_inside = device_calls_in_transactions(monkeypatch, rig.hotel.database)
    payment_id = paid(rig, route)
    rig.server.control("fault", fault="lose_answer")
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.state is IntentState.SETTLED, outcome.problem
    [sale] = rig.server.receipts()
    assert outcome.document.number == route.number(sale) and route.kept_as_issued(outcome.document.content, sale)
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1
    assert asked_inside == []  # the register is asked between units, never inside one


def test_a_lost_answer_the_restarted_server_forgot_stays_pending_and_is_never_issued_again(rig: AtolHotel,
                                                                                           route: Route):
    payment_id = paid(rig, route)
    rig.server.control("fault", fault="lose_answer", forget=True)
    outcome = receipt(rig, payment_id)
    assert not outcome.printed and outcome.state is IntentState.UNKNOWN
    assert "(FP-1) did not say whether it issued the document" in outcome.problem.message
    assert "Do not issue it again by hand" in outcome.problem.message
    check = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    assert check.still_unknown == 1 and not check.clean
    [pending] = rig.hotel.query(unresolved)
    assert pending.payment_id == payment_id and len(rig.server.receipts()) == 1
    with pytest.raises(RegisterAnswerUnknown, match=r"still unanswered by register .*\(FP-1\)"):
        receipt(rig, payment_id)  # Print receipt pressed again meanwhile: its receipt is awaited, none issued
    assert len(rig.server.receipts()) == 1


def test_a_refund_without_its_sale_on_the_register_is_refused_before_the_register_is_asked(rig: AtolHotel,
                                                                                           route: Route):
    payment_id = paid(rig, route)
    refund = rig.hotel.run(refund_payment, payment_id, Money.of("12.50", route.currency), reason="мини-бар")
    with pytest.raises(RefundWithoutOriginal):
        receipt(rig, refund.id)
    assert rig.server.receipts() == [] and rig.hotel.query(unresolved) == []


def kept(rig: AtolHotel) -> list[RegisterDocument]:
    with rig.hotel.database.unit_of_work() as session:
        rows = list(session.query(RegisterDocument).order_by(RegisterDocument.id))
        session.expunge_all()
        return rows


def test_x_cash_in_and_out_and_the_z_follow_the_cash_shift(rig: AtolHotel, route: Route,
                                                           monkeypatch: pytest.MonkeyPatch):
    asked_inside = device_calls_in_transactions(monkeypatch, rig.hotel.database)
    rig.hotel.run(cash_in, rig.hotel.money("200"), "размен")
    rig.hotel.run(cash_out, rig.hotel.money("50"), "инкассо")
    outcomes = print_shift_documents(rig.runner, rig.hotel.actor, rig.cash_shift_id(), opening=False,
                                     registers=rig.registers)
    assert [o.problem for o in outcomes] == [None, None]
    [x] = print_x_report(rig.runner, rig.hotel.actor, registers=rig.registers)
    assert x.problem is None and x.document.kind is DocumentKind.X_REPORT
    closed = close_register_shifts(rig.runner, rig.hotel.actor, rig.cash_shift_id(), registers=rig.registers)
    assert [o.problem for o in closed] == [None] and closed[0].document.kind is DocumentKind.Z_REPORT
    assert tuple(d[route.kind_field] for d in rig.server.documents()) == route.shift_documents
    assert [r.kind for r in kept(rig)] == ["shift_open", "cash_in", "cash_out", "x_report", "z_report"]
    assert [r.total for r in kept(rig)][1:3] == [rig.hotel.money("200"), rig.hotel.money("50")]
    with pytest.raises(RegisterRefused) as refused:  # the register's shift ended with the Z: no receipt until it opens
        receipt(rig, paid(rig, route))
    assert refused.value.register_code == 73
    assert asked_inside == []


def test_a_register_slower_than_the_first_wait_is_waited_for_and_its_receipt_kept(rig: AtolHotel, route: Route):
    payment_id = paid(rig, route)
    route.slow(rig)
    steps: list[str] = []
    outcome = receipt(rig, payment_id, progress=steps.append)
    assert outcome.printed and outcome.state is IntentState.SETTLED and "Printing the receipt" in steps
    [sale] = rig.server.receipts()
    assert outcome.document.number == route.number(sale)


def test_cancel_stops_the_waiting_not_the_register_and_check_receipts_then_keeps_the_receipt_once(rig: AtolHotel,
                                                                                                   route: Route):
    payment_id = paid(rig, route)
    route.slow(rig)
    cancel = threading.Event()
    # Pressed as soon as the receipt is sent: the desk stops waiting there, while the register still prints.
    outcome = receipt(rig, payment_id, cancel=cancel, progress=lambda step: cancel.set())
    assert not outcome.printed and outcome.state is IntentState.UNKNOWN
    assert "(FP-1) did not say whether it issued the document" in outcome.problem.message
    deadline = time.monotonic() + 20
    # The register finishes the receipt all the same; Check receipts settles it once the server has its answer.
    while (first := reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)).settled == 0:
        assert first.still_unknown == 1 and time.monotonic() < deadline, first
        time.sleep(0.2)
    second = reconcile_receipts(rig.runner, rig.hotel.actor, registers=rig.registers)
    assert (first.settled, second.settled, first.still_unknown) == (1, 0, 0), first
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1
