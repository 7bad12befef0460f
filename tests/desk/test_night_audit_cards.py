"""The night audit deletes the saved cards past their retention (issue 25, R11), against the fake
Stripe over loopback: at the operator and here, each on the journal, once; an operator not reached
leaves the card for the next night and never stops the audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from desk.cards.models import OnlineKind, SavedCard
from desk.cards.saved_cards import saved_card
from desk.db.runner import Runner
from desk.journal.intents import IntentState, load_intent
from desk.journal.models import JournalIntent
from desk.people.models import Role
from desk.stays.night_audit import AuditSummary, CardNotDeleted, run_night_audit

from .conftest import Hotel
from .online_rig import OnlineRig, make_online_rig


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(hotel)


def _audit(rig: OnlineRig, card_id: int, days_late: int = 1) -> AuditSummary:
    manager = rig.hotel.as_role(Role.MANAGER)
    today = rig.hotel.query(saved_card, card_id).delete_after + timedelta(days=days_late)
    return run_night_audit(Runner(rig.hotel.database), manager.actor, reason="Cards test", today=today)


def _deletions(rig: OnlineRig) -> list[IntentState]:
    ids = rig.hotel.query(lambda s: list(s.scalars(select(JournalIntent.id).where(
        JournalIntent.kind == OnlineKind.DELETE.value).order_by(JournalIntent.id))))
    return [rig.hotel.query(load_intent, intent_id).state for intent_id in ids]


def test_the_night_audit_deletes_a_card_past_its_date_at_the_operator_and_here_once(rig: OnlineRig):
    _stay, card_id = rig.saved_card()
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)
    summary = _audit(rig, card_id)
    assert summary.finished and (summary.cards_deleted, summary.cards_not_deleted) == (1, ())
    assert rig.fake.payment_methods[token]["customer"] is None  # detached at Stripe: never charged again
    assert rig.hotel.query(saved_card, card_id).deleted is True
    assert _deletions(rig) == [IntentState.SETTLED]  # on the journal, as `desk cards purge` records it
    again = _audit(rig, card_id, days_late=2)  # the next night
    assert again.finished and (again.cards_deleted, again.cards_not_deleted) == (0, ())
    assert _deletions(rig) == [IntentState.SETTLED]
    assert len([path for _method, path, _key in rig.fake.requests if path.endswith("/detach")]) == 1


def test_an_operator_not_reached_keeps_the_card_for_the_next_night_and_the_day_still_closes(rig: OnlineRig):
    _stay, card_id = rig.saved_card()
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)
    rig.fake.unreachable = True
    summary = _audit(rig, card_id)
    assert summary.finished and summary.new_business_date is not None
    assert summary.cards_deleted == 0
    assert summary.cards_not_deleted == (CardNotDeleted("•••• 4242 Anna Gast", ""),)  # "" : not reached
    assert rig.hotel.query(saved_card, card_id).deleted is False
    assert rig.fake.payment_methods[token]["customer"] is not None
    [state] = _deletions(rig)
    assert state.is_open  # its outcome unknown: pending and visible, never "not done"
    rig.fake.unreachable = False
    again = _audit(rig, card_id, days_late=2)  # the next night: asked about first, then deleted once
    assert (again.cards_deleted, again.cards_not_deleted) == (1, ())
    assert rig.fake.payment_methods[token]["customer"] is None
    assert rig.hotel.query(saved_card, card_id).deleted is True
    assert not any(state.is_open for state in _deletions(rig))
