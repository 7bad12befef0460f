"""A card operation the terminal was asked for ends in the ledger though its clerk may no longer act.

A manager deactivates or demotes a clerk while a card sale is on the terminal (30 to 60 s). The
clerk's right was checked when the intent was written and sent; what the terminal answered (or
that no answer came) and the payment it took are recorded all the same, in the clerk's name: the
card was charged. The clerk's next action is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from desk.cards.terminal_workflow import Watch, card_sale, pending_card_operations, reconcile_cards
from desk.journal.intents import EventType, IntentState
from desk.people.auth import Actor, SignInAgain
from desk.people.models import Role, User
from tests.actors import signed_in
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel, charged_stay, refused


@pytest.fixture
def rig(hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(hotel, tmp_path)


class Meanwhile:
    """A manager changes the clerk's user row at the terminal's first prompt, the card already in it."""

    def __init__(self, hotel: Hotel, username: str, **values: object) -> None:
        self.hotel, self.username, self.values = hotel, username, values
        self.prompts: list[str] = []

    def progress(self, key: str) -> None:
        if not self.prompts:
            with self.hotel.database.writing() as session:
                session.execute(update(User).where(User.username == self.username).values(**self.values))
        self.prompts.append(key)

    @property
    def watch(self) -> Watch:
        return Watch(progress=self.progress)


def _assert_theirs(rig: Rig, done, username: str, folio_id: int, amount: str) -> None:
    """The payment, its card record and every event up to the terminal's answer name the clerk who asked."""
    [payment] = rig.payments(folio_id)
    assert payment.id == done.payment_id and payment.amount == eur(amount)
    assert payment.created_by == username
    [record] = [r for r in rig.records() if r.intent_id == done.intent.id]
    assert record.created_by == username and record.payment_id == payment.id
    assert done.intent.created_by == username
    assert {e.recorded_by for e in done.intent.events} == {username}
    rig.assert_matches_terminal()


def _next_sale_refused(rig: Rig, actor: Actor, bill_id: int, template: str) -> None:
    # Only the end of the operation already on the terminal was let through: nothing new starts.
    refused(rig.hotel, SignInAgain, template,
            lambda: card_sale(rig.runner, actor, rig.terminal_id, bill_id, eur("5.00")))


def test_a_sale_approved_after_the_clerk_was_deactivated_is_paid_in_the_clerks_name(rig: Rig):
    clerk = signed_in(rig.hotel.database, Role.CLERK, rig.hotel.actor.workstation)
    stay = charged_stay(rig.hotel)
    manager = Meanwhile(rig.hotel, clerk.username, active=False)
    done = card_sale(rig.runner, clerk, rig.terminal_id, stay.bill_id, eur("50.00"), watch=manager.watch)
    assert done.settled, done
    assert manager.prompts, "the terminal sent no prompt: the clerk was never deactivated meanwhile"
    # Every prompt the terminal showed is journalled, the ones after the deactivation too.
    journalled = [e.payload["text"] for e in done.intent.events if e.type is EventType.PROGRESS]
    assert journalled == manager.prompts
    _assert_theirs(rig, done, clerk.username, stay.folio_id, "50.00")
    _next_sale_refused(rig, clerk, stay.bill_id, "{user} may no longer act at this desk")


@pytest.mark.parametrize("role,demoted_to", [
    (Role.CASHIER, Role.CLERK),  # the rights a cashier signed in with are gone
    (Role.CLERK, Role.POS),  # left with no right to take payments or operate devices at all
])
def test_a_sale_approved_after_the_clerk_was_demoted_is_paid_in_the_clerks_name(rig: Rig, role: Role,
                                                                                 demoted_to: Role):
    clerk = signed_in(rig.hotel.database, role, rig.hotel.actor.workstation)
    stay = charged_stay(rig.hotel)
    manager = Meanwhile(rig.hotel, clerk.username, role=demoted_to)
    done = card_sale(rig.runner, clerk, rig.terminal_id, stay.bill_id, eur("50.00"), watch=manager.watch)
    assert done.settled, done
    assert manager.prompts
    _assert_theirs(rig, done, clerk.username, stay.folio_id, "50.00")
    _next_sale_refused(rig, clerk, stay.bill_id, "The rights of {user} have changed: sign in again")


@pytest.mark.parametrize("change", [{"active": False}, {"role": Role.POS}], ids=["deactivated", "demoted"])
def test_a_lost_reply_after_the_clerk_lost_the_right_leaves_the_sale_pending_for_another_clerk(
        rig: Rig, change: dict[str, object]):
    clerk = signed_in(rig.hotel.database, Role.CLERK, rig.hotel.actor.workstation)
    stay = charged_stay(rig.hotel)
    # The terminal approves and the line drops before its answer; it will not repeat its last receipt yet.
    rig.sim.script("drop", "refuse_repeat")
    manager = Meanwhile(rig.hotel, clerk.username, **change)
    done = card_sale(rig.runner, clerk, rig.terminal_id, stay.bill_id, eur("50.00"), watch=manager.watch)
    assert manager.prompts
    assert done.state is IntentState.UNKNOWN, done
    assert done.error
    unknown = [e for e in done.intent.events if e.type is EventType.UNKNOWN]
    assert [e.recorded_by for e in unknown] == [clerk.username]
    assert [i.id for i in rig.hotel.query(pending_card_operations, clerk.workstation)] == [done.intent.id]
    assert rig.payments(stay.folio_id) == []
    # Another clerk at the desk asks the terminal again: the bank had the money, and the ledger has it
    # now, in the name of the clerk who took the card.
    assert reconcile_cards(rig.runner, rig.cashier).settled == [done.intent.id]
    [payment] = rig.payments(stay.folio_id)
    assert payment.amount == eur("50.00") and payment.created_by == clerk.username
    assert rig.hotel.query(pending_card_operations, clerk.workstation) == []
    rig.assert_matches_terminal()
