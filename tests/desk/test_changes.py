"""The change poll names the folios another desk changed, from indexed reads only."""

from __future__ import annotations

from datetime import date

from desk.db.changes import ledger_stamp, poll_changes
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.payments import Tender, take_deposit
from desk.ledger.postings import post_service
from desk.stays.reservations import check_out, post_night

from .conftest import Hotel


def test_the_poll_names_exactly_the_folios_changed_since_the_last_stamp(hotel: Hotel):
    first, second, untouched = hotel.stay(), hotel.stay(number="B"), hotel.stay(number="C")
    stamp, folios = hotel.query(poll_changes, None)
    assert folios == frozenset()
    assert hotel.query(poll_changes, stamp) == (stamp, frozenset())

    hotel.run(post_service, bill_id=first.bill_id, service_code="MB-BEER")
    stamp, folios = hotel.query(poll_changes, stamp)
    assert folios == {first.folio_id}

    hotel.run(take_deposit, second.folio_id, Tender("cash", hotel.money("20")))
    stamp, folios = hotel.query(poll_changes, stamp)
    assert folios == {second.folio_id}

    other_bill = hotel.run(open_bill, first.folio_id, payer_name="Friend")
    hotel.run(post_night, second.reservation_id, date.today())
    stamp, folios = hotel.query(poll_changes, stamp)
    assert folios == {first.folio_id, second.folio_id}

    posting_id = hotel.view(first.folio_id).bill(first.bill_id).postings[0].posting.id
    hotel.run(move_postings, [posting_id], other_bill.id)
    stamp, folios = hotel.query(poll_changes, stamp)
    assert folios == {first.folio_id}
    assert untouched.folio_id not in folios


def test_a_check_out_changes_the_stamp_and_names_its_folio(hotel: Hotel):
    stay, _other = hotel.stay(), hotel.stay(number="B")
    stamp = hotel.query(ledger_stamp)
    hotel.run(check_out, stay.reservation_id)  # no ledger row: the stay itself is updated
    now, folios = hotel.query(poll_changes, stamp)
    assert now != stamp and folios == {stay.folio_id}
