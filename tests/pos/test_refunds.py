"""A refund from the till gives back what it says, never the whole check by mistake, never more than the check.

r_keeper refunds part of a check as a positive Summa smaller than the check (with the refunded lines
in its INPBUF); the desk reversed the whole check (the outside check, issue 22).
"""

from __future__ import annotations

from decimal import Decimal

from desk.core.money import Money
from desk.db.runner import Runner
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import load_folio
from desk.ledger.payments import Tender, take_payment
from desk.pos.checks import refund_check
from desk.pos.errors import CheckConflict, RefundTooLarge
from desk.pos.service import pos_actor
from tests.desk.conftest import refused

from .conftest import Pos
from .helpers import check_body, pos_postings

MENU = [("Grilled trout", "18.50", 2), ("House wine 0.5 l", "14.00", 1)]  # 51.00
CARD = "10101"


def _balance(pos: Pos, folio_id: int) -> Money:
    return pos.hotel.view(folio_id).balance


def test_a_partial_refund_from_the_till_gives_back_only_its_lines_and_refunds_add_up(pos: Pos):
    stay = pos.hotel.stay()
    sim = pos.sim
    assert sim.transactions(CARD, 31, MENU, guid="o-31")["Result"] == "0"
    assert _balance(pos, stay.folio_id) == pos.hotel.money("51.00")
    wine = [("House wine 0.5 l", "14.00", 1)]
    first = sim.transactions(CARD, 31, wine, guid="o-31", refund=Decimal("14.00"), rk_uni=2)
    assert first["Result"] == "0", first
    assert _balance(pos, stay.folio_id) == pos.hotel.money("37.00")
    again = sim.transactions(CARD, 31, wine, guid="o-31", refund=Decimal("14.00"), rk_uni=2)  # resent: nothing more
    assert again["Result"] == "0" and _balance(pos, stay.folio_id) == pos.hotel.money("37.00")
    names = pos.hotel.query(lambda s: sorted(i.name for p in pos_postings(pos.hotel) if p.kind.value == "charge"
                                             and p.reverses_id is None for i in s.merge(p).items))
    assert "House wine 0.5 l (refunded)" in names
    # A refund of an amount with no lines, then one more than is left: refused by name, nothing changes.
    assert sim.transactions(CARD, 31, [("Grilled trout", "10.00", 1)], guid="o-31", refund=Decimal("10.00"),
                            rk_uni=3)["Result"] == "0"
    assert _balance(pos, stay.folio_id) == pos.hotel.money("27.00")
    too_much = sim.transactions(CARD, 31, MENU, guid="o-31", refund=Decimal("27.01"), rk_uni=4)
    assert too_much["Result"] == "1" and "27.00 left to refund" in too_much["err_text"]
    assert _balance(pos, stay.folio_id) == pos.hotel.money("27.00")
    # What is left, refunded, closes the check; never beyond it.
    assert sim.transactions(CARD, 31, MENU, guid="o-31", refund=Decimal("27.00"), rk_uni=5)["Result"] == "0"
    assert _balance(pos, stay.folio_id) == pos.hotel.money("0.00")
    closed = sim.transactions(CARD, 31, MENU, guid="o-31", refund=Decimal("0.01"), rk_uni=6)
    assert closed["Result"] == "1" and "0.00 left to refund, not EUR 0.01" in closed["err_text"], closed
    assert _balance(pos, stay.folio_id) == pos.hotel.money("0.00")


def test_rest_refunds_add_up_and_more_than_is_left_is_refused_by_name(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "rf-1")).status_code == 201  # 39.80
    espresso = {"item": "Espresso", "quantity": "1", "price": "2.80", "tax": "20"}
    done = pos.rest("POST", "/checks/rf-1/refund", json={"refund_id": "a", "amount": "2.80", "lines": [espresso]})
    assert done.status_code == 200, done.text
    assert (done.json()["refunded"], done.json()["left"]) == ("EUR 2.80", "EUR 37.00")
    assert pos.rest("POST", "/checks/rf-1/refund", json={"refund_id": "a", "amount": "2.80",
                                                          "lines": [espresso]}).json()["replayed"] is True
    assert pos.rest("POST", "/checks/rf-1/refund", json={"refund_id": "b", "amount": "7.00"}).status_code == 200
    assert _balance(pos, stay.folio_id) == hotel.money("30.00")
    answer = pos.rest("POST", "/checks/rf-1/refund", json={"refund_id": "c", "amount": "30.01"})
    assert (answer.status_code, answer.json()["error"]) == (409, "refund_too_large")
    assert _balance(pos, stay.folio_id) == hotel.money("30.00")


def test_a_refund_of_more_than_is_left_is_a_named_refusal(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "rf-2")).status_code == 201
    till = pos_actor("till-1", "TILL-1")
    refused(hotel, RefundTooLarge, "Check {check_number} has {left} left to refund, not {amount}",
            lambda: Runner(hotel.database).run(refund_check, till, "till-1", "rf-2", "x", hotel.money("39.81")))


def test_a_refund_id_sent_again_with_another_amount_is_a_conflict_not_a_replay(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "rf-3")).status_code == 201  # 39.80
    assert pos.rest("POST", "/checks/rf-3/refund", json={"refund_id": "a", "amount": "2.80"}).status_code == 200
    other = pos.rest("POST", "/checks/rf-3/refund", json={"refund_id": "a", "amount": "9.00"})
    assert (other.status_code, other.json()["error"]) == (409, "check_conflict"), other.text
    assert _balance(pos, stay.folio_id) == hotel.money("37.00")
    till = pos_actor("till-1", "TILL-1")
    refused(hotel, CheckConflict, "Refund {refund_id} of check {check_number} was already made of {earlier}, not "
            "{amount}", lambda: Runner(hotel.database).run(refund_check, till, "till-1", "rf-3", "a",
                                                            hotel.money("9.00")))


def test_a_refund_charges_what_is_left_on_the_bill_each_part_was_moved_to(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    lines = [("Grilled trout", "2", "18.50", "20"), ("Mineral water", "1", "3.00", "0")]  # 37.00 and 3.00
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "mv-1", lines=lines)).status_code == 201
    water = next(p for p in pos_postings(hotel) if p.tax_percent == 0)
    other = hotel.run(open_bill, stay.folio_id, payer_name="Company lunch").id
    hotel.run(move_postings, [water.id], other)  # the clerk gave the water its own bill
    answer = pos.rest("POST", "/checks/mv-1/refund", json={"refund_id": "a", "amount": "4.00"})
    assert answer.status_code == 200, answer.text
    # What is left of each part is charged again where that part is now: the water on its own bill.
    left = hotel.query(lambda s: {line.posting.tax_percent: (line.bill_id, str(line.posting.amount))
                                  for line in load_folio(s, stay.folio_id).postings
                                  if line.posting.source == "pos" and line.reversed_by is None
                                  and line.posting.kind.value == "charge"})
    assert left[Decimal(0)] == (other, "EUR 2.70"), left
    assert left[Decimal(20)] == (water.bill_id, "EUR 33.30"), left


def test_a_refund_names_every_bill_it_leaves_overpaid(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    lines = [("Grilled trout", "2", "18.50", "20"), ("Mineral water", "1", "3.00", "0")]  # 37.00 and 3.00
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "mv-2", lines=lines)).status_code == 201
    water = next(p for p in pos_postings(hotel) if p.tax_percent == 0)
    other = hotel.run(open_bill, stay.folio_id, payer_name="Company lunch")
    hotel.run(move_postings, [water.id], other.id)
    hotel.run(take_payment, other.id, Tender("cash", hotel.money("3.00")))
    hotel.run(take_payment, water.bill_id, Tender("card", hotel.money("37.00")))  # both bills paid
    answer = pos.rest("POST", "/checks/mv-2/refund", json={"refund_id": "a", "amount": "4.00"})
    assert answer.status_code == 200, answer.text
    action = answer.json()["desk_action"]
    assert f"Bill {other.number} was already paid and is now overpaid by EUR 0.30" in action, action
    guests = hotel.query(lambda s: load_folio(s, stay.folio_id).bill(water.bill_id).bill.number)
    assert f"Bill {guests} was already paid and is now overpaid by EUR 3.70" in action, action
