"""The REST API end to end over a loopback socket, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.ledger.payments import Tender, take_deposit, take_payment
from desk.pos.checks import set_setting
from desk.pos.keys import revoke_key
from desk.stays.models import Guest
from desk.stays.reservations import check_out

from .conftest import ADMIN, Pos
from .helpers import check_body, guest_ids, ledger_size, pos_postings


def test_payment_codes_and_room_guests(pos: Pos):
    stay = pos.hotel.stay(guests=2)
    codes = pos.rest("GET", "/payment-codes")
    assert codes.status_code == 200
    assert {(c["code"], c["meaning"]) for c in codes.json()} == {("25", "credit"), ("26", "deposit")}
    found = pos.rest("GET", "/rooms/101/guests").json()
    assert found["stay_id"] == stay.reservation_id and found["posting_allowed"] is True
    assert [g["guest_id"] for g in found["guests"]] == guest_ids(pos.hotel, stay)
    assert [g["code"] for g in found["guests"]] == ["10101", "10102"]


def test_lookup_refusals_name_the_reason(pos: Pos):
    assert pos.rest("GET", "/rooms/999/guests").json()["error"] == "room_unknown"
    answer = pos.rest("GET", "/rooms/102/guests")
    assert (answer.status_code, answer.json()["error"]) == (409, "not_in_house")
    assert "Nobody stays in room 102" in answer.json()["message"]


def test_keys_unknown_missing_revoked(pos: Pos):
    assert pos.rest("GET", "/payment-codes", key="pk_nonsense").json()["error"] == "unknown_key"
    assert pos.rest("GET", "/payment-codes", key=False).status_code == 401  # type: ignore[arg-type]
    other = pos.new_key("till-2")
    assert pos.rest("GET", "/payment-codes", key=other).status_code == 200
    Runner(pos.hotel.database).run(revoke_key, ADMIN, "till-2")
    # Refused on the very next request: no key is trusted beyond the transaction that checked it.
    answer = pos.rest("GET", "/payment-codes", key=other)
    assert (answer.status_code, answer.json()["error"]) == (403, "revoked_key")
    assert "till-2" in answer.json()["message"]


def test_a_revoked_key_posts_nothing_from_the_next_request_on(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    key = pos.new_key("till-3")
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "r-1"), key=key).status_code == 201
    Runner(hotel.database).run(revoke_key, ADMIN, "till-3")
    before = ledger_size(hotel)
    answer = pos.rest("POST", "/checks", json=check_body(hotel, stay, "r-2"), key=key)
    assert (answer.status_code, answer.json()["error"]) == (403, "revoked_key")
    # Nor may a retry of the check it already posted get its answer again.
    replay = pos.rest("POST", "/checks", json=check_body(hotel, stay, "r-1"), key=key)
    assert replay.status_code == 403
    assert pos.rest("POST", "/checks/r-1/cancel", json={}, key=key).status_code == 403
    assert ledger_size(hotel) == before


def test_post_makes_a_not_paid_bill_for_the_chosen_guest_with_its_items(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay(guests=2)
    body = check_body(hotel, stay, "c-1001", guest=1, tip="1.00")
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    posted = answer.json()
    assert posted["amount"] == "EUR 40.80" and posted["replayed"] is False
    view = hotel.view(stay.folio_id)
    bill = next(b for b in view.bills if b.bill.number == posted["bill"])
    assert bill.status is BillStatus.NOT_PAID
    assert bill.bill.payer_guest_id == guest_ids(hotel, stay)[1]
    postings = pos_postings(hotel)
    assert [p.id for p in postings] == posted["posting_ids"]
    assert {p.outlet_code for p in postings} == {"REST"} and {p.check_number for p in postings} == {"1001"}
    items = hotel.query(lambda s: sorted((i.name, i.quantity, str(i.amount)) for p in pos_postings(hotel)
                                         for i in s.merge(p).items))
    assert items == [("Espresso", 1, "EUR 2.80"), ("Grilled trout", 2, "EUR 37.00"), ("Tip", 1, "EUR 1.00")]
    taxed = next(p for p in postings if p.tax_percent)
    assert taxed.tax_percent == Decimal(20) and taxed.tax_amount == hotel.money("6.63")


def test_retry_returns_the_first_answer_and_posts_once(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    body = check_body(hotel, stay, "c-7")
    first = pos.rest("POST", "/checks", json=body, headers={"Idempotency-Key": "k-1"})
    again = pos.rest("POST", "/checks", json=body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == 201 and again.json() == first.json()
    no_key = pos.rest("POST", "/checks", json=body)  # the check id alone also deduplicates
    assert no_key.status_code == 200 and no_key.json()["replayed"] is True
    assert no_key.json()["posting_ids"] == first.json()["posting_ids"]
    assert len(pos_postings(hotel)) == 1
    changed = dict(body, total="99.00", lines=[{"item": "Wine", "quantity": "1", "price": "99.00", "tax": "20"}])
    refused = pos.rest("POST", "/checks", json=changed, headers={"Idempotency-Key": "k-1"})
    assert (refused.status_code, refused.json()["error"]) == (409, "check_conflict")
    same_id = pos.rest("POST", "/checks", json=changed)
    assert (same_id.status_code, same_id.json()["error"]) == (409, "check_conflict")
    assert len(pos_postings(hotel)) == 1


def test_totals_must_add_up_and_nothing_is_written(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    before = ledger_size(hotel)
    answer = pos.rest("POST", "/checks", json=check_body(hotel, stay, total="10.00"))
    assert (answer.status_code, answer.json()["error"]) == (422, "totals_do_not_add_up")
    assert ledger_size(hotel) == before


def test_refusals_for_stays_and_codes(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay(in_house=False)
    answer = pos.rest("POST", "/checks", json=check_body(hotel, stay))
    assert (answer.status_code, answer.json()["error"]) == (409, "not_in_house")
    live = hotel.stay()
    answer = pos.rest("POST", "/checks", json=check_body(hotel, live, code="99"))
    assert answer.json()["error"] == "payment_code_unknown"
    answer = pos.rest("POST", "/checks", json=dict(check_body(hotel, live), stay="NOPE"))
    assert answer.json()["error"] == "not_found" and answer.json()["field"] == "stay"
    assert pos_postings(hotel) == []


def test_cancel_reverses_once(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    pos.rest("POST", "/checks", json=check_body(hotel, stay, "c-5"))
    first = pos.rest("POST", "/checks/c-5/cancel", json={})
    assert first.status_code == 200 and first.json()["replayed"] is False
    again = pos.rest("POST", "/checks/c-5/cancel", json={})
    assert again.json()["reversal_ids"] == first.json()["reversal_ids"] and again.json()["replayed"] is True
    postings = pos_postings(hotel)
    assert [p.kind.value for p in postings] == ["charge", "reversal"]
    assert postings[1].reverses_id == postings[0].id
    assert hotel.view(stay.folio_id).balance == hotel.money("0.00")
    unknown = pos.rest("POST", "/checks/c-404/cancel", json={})
    assert (unknown.status_code, unknown.json()["error"]) == (404, "check_unknown")


def test_paid_then_cancelled_leaves_the_bill_overpaid_and_tells_the_desk(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    posted = pos.rest("POST", "/checks", json=check_body(hotel, stay, "c-9")).json()
    bill_id = int(posted["bill"])
    hotel.run(take_payment, bill_id, Tender("card", hotel.money("39.80")))
    answer = pos.rest("POST", "/checks/c-9/cancel", json={}).json()
    assert "overpaid by EUR 39.80" in answer["desk_action"] and "refund" in answer["desk_action"]
    assert hotel.view(stay.folio_id).bill(bill_id).status is BillStatus.OVERPAID


def test_deposit_code_pays_the_bill_from_the_deposit(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    short = pos.rest("POST", "/checks", json=check_body(hotel, stay, "d-1", code="26"))
    assert short.json()["error"] == "posting_not_allowed" and "deposit" in short.json()["message"]
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("100.00")))
    posted = pos.rest("POST", "/checks", json=check_body(hotel, stay, "d-2", code="26")).json()
    assert posted["meaning"] == "deposit"
    view = hotel.view(stay.folio_id)
    assert view.bill(int(posted["bill"])).status is BillStatus.PAID
    assert view.deposit_balance == hotel.money("60.20")


def test_check_closed_before_checkout_arriving_after_it(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    closed = datetime.now(UTC)
    hotel.run(check_out, stay.reservation_id)
    late = check_body(hotel, stay, "late-1", closed_at=closed)
    posted = pos.rest("POST", "/checks", json=late)
    assert posted.status_code == 201 and posted.json()["after_checkout"] is True  # default policy: flag
    Runner(hotel.database).run(set_setting, ADMIN, "after_checkout", "refuse")
    refused = pos.rest("POST", "/checks", json=check_body(hotel, stay, "late-2", closed_at=closed))
    assert (refused.status_code, refused.json()["error"]) == (409, "posting_not_allowed")
    assert "checked out" in refused.json()["message"]
    assert len(pos_postings(hotel)) == 1


def test_checkout_race_every_check_lands_or_is_refused_with_a_reason(pos: Pos):
    """Tills post while the desk checks the guest out: nothing vanishes, nothing doubles."""
    hotel = pos.hotel
    stay = hotel.stay()
    Runner(hotel.database).run(set_setting, ADMIN, "after_checkout", "refuse")
    answers: list[tuple[int, dict]] = []
    bodies = [check_body(hotel, stay, f"r-{n}", closed_at=datetime.now(UTC) + timedelta(seconds=5)) for n in range(6)]

    def till(part: list[dict]) -> None:
        for body in part:
            reply = pos.rest("POST", "/checks", json=body)
            answers.append((reply.status_code, reply.json()))

    workers = [threading.Thread(target=till, args=(bodies[k::2],)) for k in range(2)]
    for w in workers:
        w.start()
    hotel.run(check_out, stay.reservation_id, override=hotel.approval(), reason="leaving now")
    for w in workers:
        w.join()
    landed = [a for s, a in answers if s == 201]
    refused = [a for s, a in answers if s != 201]
    assert all(a["error"] in ("posting_not_allowed", "not_in_house") for a in refused)
    assert len(pos_postings(hotel)) == len(landed) and len(landed) + len(refused) == 6


def test_two_tills_post_to_one_stay_at_once(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    second = pos.new_key("till-2")
    results: list[int] = []

    def till(key: str, prefix: str) -> None:
        for n in range(5):
            reply = pos.rest("POST", "/checks", key=key, json=check_body(hotel, stay, f"{prefix}-{n}"))
            results.append(reply.status_code)

    workers = [threading.Thread(target=till, args=(pos.key, "a")), threading.Thread(target=till, args=(second, "b"))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert results == [201] * 10
    postings = pos_postings(hotel)
    assert len(postings) == 10
    assert {p.created_by for p in postings} == {"pos:till-1", "pos:till-2"}
    assert hotel.view(stay.folio_id).balance == hotel.money("398.00")


def test_guest_name_of_bill(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay(guests=2)
    posted = pos.rest("POST", "/checks", json=check_body(hotel, stay, "g-1", guest=1)).json()
    name = hotel.query(lambda s: s.get_one(Guest, guest_ids(hotel, stay)[1]).full_name)
    assert posted["guest"] == name
