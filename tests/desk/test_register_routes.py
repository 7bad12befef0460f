"""The flows ErpNet.FP (Bulgaria) and KKM-server (Russia) share, each run on both routes' fakes (over loopback
HTTP) and both databases: a lost answer is asked for and settled once, one the restarted server forgot stays
pending and is never issued again, a refund without its sale on the register is refused before it is asked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desk.core.money import Money
from desk.fiscal.errors import RefundWithoutOriginal, RegisterAnswerUnknown
from desk.fiscal.workflow import print_receipt, reconcile_receipts
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import refund_payment

from .atol_rig import AtolHotel
from .conftest import make_hotel
from .erpnet_rig import erpnet_hotel, start_erpnet_server
from .kkmserver_rig import LOGIN, PASSWORD, kkm_hotel, start_kkm_server


@dataclass(frozen=True)
class Route:
    """What differs between the routes in these flows: the hotel's currency, its bill, how the fake numbers."""

    name: str
    currency: str
    lines: tuple[tuple[str, str, str], ...] | None  # None: the rig's own
    number_field: str  # the fake's field holding the fiscal document's number

    def number(self, issued: dict[str, Any]) -> int:
        return int(issued[self.number_field])

    def kept_as_issued(self, content: dict[str, Any], issued: dict[str, Any]) -> bool:
        """What the receipt says of itself, kept as the register issued it: the УНП, or the QR code's text."""
        if self.name == "erpnet":
            return bool(content["sale_number"]) and content["sale_number"] == issued["uniqueSaleNumber"]
        return bool(content["qr"]) and content["qr"] == issued["QRCode"]


ROUTES = {
    "erpnet": Route("erpnet", "EUR", (("Нощувка, стая 101", "100", "VAT9"), ("Минибар", "12.50", "VAT20")),
                    "receiptNumber"),
    "kkmserver": Route("kkmserver", "RUB", None, "CheckNumber"),
}


@pytest.fixture(params=sorted(ROUTES))
def route(request: pytest.FixtureRequest) -> Route:
    return ROUTES[request.param]


@pytest.fixture
def rig(route: Route, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AtolHotel]:
    hotel = make_hotel(database_url, route.currency)
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


def receipt(rig: AtolHotel, payment_id: int):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)


def test_a_lost_answer_is_asked_for_by_our_key_and_settled_once(rig: AtolHotel, route: Route):
    payment_id = paid(rig, route)
    rig.server.control("fault", fault="lose_answer")
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.state is IntentState.SETTLED, outcome.problem
    [sale] = rig.server.receipts()
    assert outcome.document.number == route.number(sale) and route.kept_as_issued(outcome.document.content, sale)
    assert receipt(rig, payment_id).already and len(rig.server.receipts()) == 1


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
