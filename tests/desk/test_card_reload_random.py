"""A card reloaded from what changed since it was read shows exactly what reading its folio whole
shows, after any sequence of changes (issue 23): random payments, refunds, voids, deposits,
postings (one ordered earlier, from another workstation), reversals, moves and splits between bills."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.ledger.bills import move_postings, open_bill, split_bill
from desk.ledger.payments import Tender, apply_deposit, refund_payment, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_charge, post_service, void_posting
from desk.stays.reservation_card import ReservationCardData, load_reservation_card, reload_reservation_card
from tests.desk.conftest import Hotel, Stay, make_hotel
from tests.desk.test_card_reload import shown
from tests.desk.test_query_plans import _whole_reads

SERVICES = ("LAUNDRY", "MB-WATER", "MB-BEER", "PARKING")


@pytest.fixture
def stay(hotel: Hotel) -> Stay:
    stay = hotel.stay()
    for code in SERVICES:
        hotel.run(post_service, bill_id=stay.bill_id, service_code=code)
    return stay


def _change(hotel: Hotel, stay: Stay, card: ReservationCardData, rng: random.Random) -> str:
    """One random change of the folio as the desk (or another workstation) makes it; its name."""
    view = card.folio
    bills = [b.bill.id for b in view.bills]
    bill_id = rng.choice(bills)
    active = [line for line in view.postings if line.is_active]
    paid = [line for line in view.payments if line.refundable.is_positive]
    kind = rng.choice(["post", "post", "pay", "pay", "earlier", "void posting", "move", "split", "new bill",
                       "void payment", "refund", "deposit", "apply deposit"])
    if kind == "post":
        hotel.run(post_service, bill_id=bill_id, service_code=rng.choice(SERVICES))
    elif kind == "pay":
        hotel.run(take_payment, bill_id, Tender("cash", hotel.money(f"{rng.randint(1, 9)}.50")))
    elif kind == "earlier":  # the POS, on its own connection, with an order taken a while ago
        pos = Database(hotel.database.url)
        try:
            with pos.writing() as session:
                post_charge(session, hotel.actor, bill_id=bill_id, description="Lunch", quantity=1,
                            unit_price=hotel.money("14.00"),
                            ordered_at=datetime.now(UTC) - timedelta(minutes=rng.randint(1, 600)))
        finally:
            pos.dispose()
    elif kind == "void posting" and active:
        hotel.run(void_posting, rng.choice(active).posting.id, reason="keyed twice", approval=hotel.approval())
    elif kind == "move" and active and len(bills) > 1:
        line = rng.choice(active)
        hotel.run(move_postings, [line.posting.id], rng.choice([b for b in bills if b != line.bill_id]))
    elif kind == "split" and active:
        line = rng.choice(active)
        hotel.run(split_bill, line.bill_id, [line.posting.id], payer_name="Office")
    elif kind == "new bill":
        hotel.run(open_bill, stay.folio_id, payer_name="Agency")
    elif kind == "void payment" and paid:
        hotel.run(void_payment, rng.choice(paid).payment.id, reason="wrong bill", approval=hotel.approval())
    elif kind == "refund" and paid:
        hotel.run(refund_payment, rng.choice(paid).payment.id, hotel.money("0.50"), reason="too much",
                  approval=hotel.approval())
    elif kind == "deposit":
        hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("20.00")))
    elif kind == "apply deposit" and view.deposit_balance.is_positive:
        hotel.run(apply_deposit, bill_id, hotel.money("1.00"))
    else:
        return "nothing"
    return kind


def test_random_changes_reloaded_from_what_changed_show_what_a_whole_read_shows(hotel: Hotel, stay: Stay) -> None:
    rng = random.Random(23)
    card = hotel.query(load_reservation_card, stay.folio_id)
    done: list[str] = []
    incremental = 0
    for _ in range(40):
        try:
            done.append(_change(hotel, stay, card, rng))
        except DeskError as refused:  # a change the rules refuse (a move off an overpaid bill): nothing written
            done.append(f"refused: {type(refused).__name__}")
        again = hotel.query(reload_reservation_card, card)
        whole = hotel.query(load_reservation_card, stay.folio_id)
        assert shown(again) == shown(whole), done
        incremental += again.changes is not None
        card = again
    assert incremental == len(done), "every reload read only what changed"
    assert {"post", "pay", "move", "split", "void posting", "void payment", "refund", "earlier"} <= set(done), done


def test_a_row_the_card_did_not_see_below_its_mark_makes_it_read_the_folio_whole(hotel: Hotel, stay: Stay) -> None:
    """On PostgreSQL a row with a lower id may commit after one with a higher: the bills' totals
    then disagree with what the card added up, and the folio is read whole rather than missing it."""
    card = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(post_service, bill_id=stay.bill_id, service_code="PARKING")
    assert card.seen is not None
    past_it = dataclasses.replace(card, seen=dataclasses.replace(card.seen, posting_id=card.seen.posting_id + 1000))

    again = hotel.query(reload_reservation_card, past_it)

    assert again.changes is None  # read whole
    assert shown(again) == shown(hotel.query(load_reservation_card, stay.folio_id))


def test_a_reload_keeps_every_line_and_bill_list_no_new_row_touched(hotel: Hotel, stay: Stay) -> None:
    """What the card's tables take as unchanged (the same object) is exactly what did not change."""
    office = hotel.run(open_bill, stay.folio_id, payer_name="Office")
    agency = hotel.run(open_bill, stay.folio_id, payer_name="Agency")
    hotel.run(post_service, bill_id=office.id, service_code="PARKING")
    hotel.run(post_service, bill_id=agency.id, service_code="LAUNDRY")
    card = hotel.query(load_reservation_card, stay.folio_id)
    moved = card.folio.postings[0].posting.id
    hotel.run(move_postings, [moved], office.id)
    hotel.run(post_service, bill_id=office.id, service_code="MB-WATER")

    again = hotel.query(reload_reservation_card, card)

    assert again.changes is not None
    assert again.changes.changed == {moved}
    assert len(again.changes.added) == 1
    kept = [line for line in again.folio.postings if line.posting.id not in again.changes.added | {moved}]
    assert kept and all(any(line is old for old in card.folio.postings) for line in kept)
    # Only the bills a line left or joined have new lists.
    assert again.folio.bill(agency.id).postings is card.folio.bill(agency.id).postings
    assert again.folio.bill(office.id).postings is not card.folio.bill(office.id).postings


def test_a_card_s_load_and_reload_read_no_large_table_whole(sqlite_url: str) -> None:
    """On the big hotel's statistics, what a card reads after a payment, a move and a void, by the
    rows' ids above its mark, goes by index: nothing in a reload grows with the ledger."""
    hotel = make_hotel(sqlite_url)
    stay = hotel.stay()
    for code in SERVICES:
        hotel.run(post_service, bill_id=stay.bill_id, service_code=code)
    office = hotel.run(open_bill, stay.folio_id, payer_name="Office")
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    card = hotel.query(load_reservation_card, stay.folio_id)
    posted = card.folio.postings[0].posting.id
    hotel.run(move_postings, [posted], office.id)
    hotel.run(void_posting, card.folio.postings[1].posting.id, reason="keyed twice", approval=hotel.approval())
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("2.00")))
    again = hotel.query(reload_reservation_card, card)
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    hotel.database.dispose()
    assert again.changes is not None and again.changes.changed
    assert any("posting_move.id >" in statement for statement, _parameters in sent)  # the reload's own reads

    assert not _whole_reads(sqlite_url, sent)
