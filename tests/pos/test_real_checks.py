"""What real tills send every night: split tender, a discount on the whole check, a returned line.

All three were refused ("lines ... not the total", the outside check, issue 22). The room is charged
the room's share, with the lines as sent; the discount and what was paid at the till are lines of
their own, so that the bill's lines add up to what is posted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from desk.db.runner import Runner
from desk.pos.checks import CheckLine, ClosedCheck, post_check
from desk.pos.errors import TotalsDoNotAddUp
from desk.pos.service import pos_actor
from tests.desk.conftest import refused

from .conftest import Pos
from .helpers import check_body, guest_ids, pos_postings

CARD = "10101"


def _items(pos: Pos) -> list[tuple[str, Decimal, str]]:
    hotel = pos.hotel
    return hotel.query(lambda s: sorted((i.name, i.quantity, str(i.amount)) for p in pos_postings(hotel)
                                        for i in s.merge(p).items))


def _posted(pos: Pos) -> str:
    return str(sum((p.amount.amount for p in pos_postings(pos.hotel)), Decimal(0)))


def test_farcards_split_tender_discount_and_a_returned_line_post_what_the_room_owes(pos: Pos):
    pos.hotel.stay()
    lines = [("Grilled trout", "18.50", 2), ("House wine 0.5 l", "14.00", 1), ("Espresso", "2.50", -1)]  # 48.50
    answer = pos.sim.transactions(CARD, 51, lines, discount=Decimal("5.00"),  # 43.50 in all
                                  paid_otherwise=(("1", Decimal("20.00")),))  # cash 20.00, the room 23.50
    assert answer["Result"] == "0", answer
    assert _posted(pos) == "23.50"
    items = _items(pos)
    assert ("Espresso (returned)", Decimal(1), "EUR -2.50") in items
    assert ("Discount", Decimal(1), "EUR -5.00") in items
    assert ("Paid at the till", Decimal(1), "EUR -20.00") in items
    assert ("Grilled trout", Decimal(2), "EUR 37.00") in items
    # Cancelled, the room gets back its share, no more.
    assert pos.sim.transactions(CARD, 51, lines, discount=Decimal("5.00"), paid_otherwise=(("1", Decimal("20.00")),),
                                cancel=True)["Result"] == "0"
    assert pos.hotel.query(lambda s: str(sum((p.amount.amount for p in pos_postings(pos.hotel)), Decimal(0)))) == "0.00"


def test_rest_split_tender_discount_and_a_returned_line(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    lines = [("Grilled trout", "2", "18.50", "20"), ("Espresso", "-1", "2.80", "20"),
             ("Mineral water", "1", "3.00", "0")]
    body = check_body(hotel, stay, "n-1", lines=lines)  # 34.20 at 20 %, 3.00 at 0 %
    body.update(discount="4.00", total="33.20", charge_to_room="30.00")  # and 3.20 paid in cash
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    assert answer.json()["amount"] == "EUR 30.00"
    postings = pos_postings(hotel)
    assert _posted(pos) == "30.00"
    # The discount and the cash are shared between the two tax rates in proportion: each rate's tax stays right.
    by_rate = {p.tax_percent: str(p.amount) for p in postings}
    assert by_rate == {Decimal(20): "EUR 27.57", Decimal(0): "EUR 2.43"}
    wrong = dict(body, check_id="n-2", total="40.00")
    refusal = pos.rest("POST", "/checks", json=wrong)
    assert (refusal.status_code, refusal.json()["error"]) == (422, "totals_do_not_add_up")
    more = dict(body, check_id="n-3", charge_to_room="33.21")
    assert pos.rest("POST", "/checks", json=more).json()["error"] == "totals_do_not_add_up"


def test_a_discount_is_off_what_was_sold_never_off_the_tip(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    body = check_body(hotel, stay, "d-1", lines=[("Soup", "1", "10.00", "20")], tip="10.00")
    body.update(discount="2.00", total="18.00")
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    # The 20 % rate's tax is on the soup less the discount; the tip carries no tax and no discount.
    assert {p.tax_percent: str(p.amount) for p in pos_postings(hotel)} == {Decimal(20): "EUR 8.00",
                                                                          Decimal(0): "EUR 10.00"}


def test_a_discount_of_more_than_was_sold_is_refused_by_name(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    check = ClosedCheck("d-2", "2", "REST", "25", stay.reservation_id, guest_ids(hotel, stay)[0], datetime.now(UTC),
                        (CheckLine("Soup", Decimal(1), hotel.money("10.00"), Decimal(20)),), hotel.money("5.00"),
                        tip=hotel.money("10.00"), discount=hotel.money("15.00"))
    refused(hotel, TotalsDoNotAddUp, "The discount {discount} is more than the lines ({lines})",
            lambda: Runner(hotel.database).run(post_check, pos_actor("till-1"), "till-1", check))
