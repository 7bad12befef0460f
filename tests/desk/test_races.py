"""Desks in real processes racing on one database, on SQLite and on PostgreSQL.

No "database is locked", no deadlock or raw error reaching a desk, every refusal a domain error,
and every invariant of the ledger held afterwards (tests/desk/races.py). Heavier rounds with
figures: bench/bench_races.py.
"""

from __future__ import annotations

from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_deposit, take_payment
from desk.ledger.postings import post_charge, post_service

from .conftest import Hotel
from .races import kill_repeatedly, ledger_faults, race

ROUNDS = 4


def _owing(hotel: Hotel, number: str, charges: str):
    stay = hotel.stay(number=number)
    hotel.run(post_charge, bill_id=stay.bill_id, description="Room", quantity=1, unit_price=hotel.money(charges))
    return stay


def test_sixteen_desks_post_at_once_and_every_posting_lands(hotel: Hotel):
    shared = hotel.stay(number="SHARED")
    own = [hotel.stay(number=f"OWN{n}") for n in range(4)]
    desks = [("post", shared.bill_id)] * 12 + [("post", stay.bill_id) for stay in own]

    tally = race(hotel.database.engine.url.render_as_string(hide_password=False), desks, ROUNDS)

    assert tally.failed == [] and not tally.refused
    assert tally.done == 16 * ROUNDS
    # SQLite writers queued at BEGIN; nobody was turned away. A retry is allowed only after a wait
    # that ran out the busy timeout: on a starved machine one writer can lose every poll for 15 s.
    assert tally.turned_away == [] and tally.retried == tally.waits_ran_out
    assert len(hotel.view(shared.folio_id).bill(shared.bill_id).postings) == 12 * ROUNDS
    assert [len(hotel.view(s.folio_id).bill(s.bill_id).postings) for s in own] == [ROUNDS] * 4
    assert ledger_faults(hotel.database) == []


def test_desks_racing_for_the_same_money_leave_a_whole_ledger(hotel: Hotel):
    refunded = _owing(hotel, "REFUND", "300")  # one payment of 100, refunded in full by two desks
    payment = hotel.run(take_payment, refunded.bill_id, Tender("cash", hotel.money("100")))
    applied = _owing(hotel, "DEPOSIT", "300")  # one deposit of 100, applied whole by two desks
    hotel.run(take_deposit, applied.folio_id, Tender("cash", hotel.money("100")))
    mixed = _owing(hotel, "MIXED", "1000")  # refunds of a payment while the deposit pays the bill
    mixed_payment = hotel.run(take_payment, mixed.bill_id, Tender("cash", hotel.money("100")))
    hotel.run(take_deposit, mixed.folio_id, Tender("cash", hotel.money("100")))
    paid = _owing(hotel, "PAID", "1000")  # two desks paying the same bill
    desks = [
        ("refund_all", payment.id), ("refund_all", payment.id),
        ("apply_whole_deposit", applied.bill_id), ("apply_whole_deposit", applied.bill_id),
        ("refund_part", mixed_payment.id), ("refund_part", mixed_payment.id),
        ("apply_deposit", mixed.bill_id), ("apply_deposit", mixed.bill_id),
        ("pay", paid.bill_id), ("pay", paid.bill_id),
    ]

    tally = race(hotel.database.engine.url.render_as_string(hide_password=False), desks, ROUNDS)

    assert tally.failed == []
    assert tally.turned_away == [] and tally.retried == tally.waits_ran_out  # one lock order: no deadlock
    # The whole refund and the whole deposit went once; every other try was refused plainly.
    assert tally.refused == {"RefundTooLarge": 2 * ROUNDS - 1, "InvalidInput": 2 * ROUNDS - 1}
    assert tally.done == 2 + 6 * ROUNDS
    assert hotel.view(refunded.folio_id).payment(payment.id).refundable == hotel.money("0")
    assert hotel.view(applied.folio_id).deposit_balance == hotel.money("0")
    mixed_view = hotel.view(mixed.folio_id)
    assert mixed_view.payment(mixed_payment.id).refundable == hotel.money(str(100 - 3 * 2 * ROUNDS))
    assert hotel.view(paid.folio_id).bill(paid.bill_id).paid == hotel.money(str(2 * ROUNDS))
    assert ledger_faults(hotel.database) == []


def test_a_writer_killed_mid_transaction_leaves_no_trace(hotel: Hotel):
    stay = _owing(hotel, "KILLED", "500")
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("50")))
    url = hotel.database.engine.url.render_as_string(hide_password=False)

    kills = kill_repeatedly(url, stay.bill_id, stay.folio_id, kills=4)

    assert kills.alive == 4  # every kill found the writer at work (most inside a transaction)
    assert ledger_faults(hotel.database) == []
    # Nothing the killed writers held is still locked: the next desk writes at once.
    outcome = Runner(hotel.database, attempts=1).run(post_service, hotel.actor, bill_id=stay.bill_id,
                                                     service_code="MB-BEER")
    assert outcome.changed_folios == {stay.folio_id}
