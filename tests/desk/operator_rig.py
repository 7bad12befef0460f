"""A fake card operator on loopback, configured as the hotel's operator, and a card saved on a stay:
the same for every operator but for the fake, its keys and the card the fake takes by default."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select

from desk.cards.models import CardRecord, SavedCard
from desk.cards.operator_workflow import save_card
from desk.cards.operators.fakes.base import LoopbackFake
from desk.cards.saved_cards import add_operator
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.auth import Actor
from desk.people.models import Role
from tests.actors import signed_in

from .conftest import Hotel, Stay, charged_stay

FakeT = TypeVar("FakeT", bound=LoopbackFake)


@dataclass
class OperatorRig(Generic[FakeT]):
    hotel: Hotel
    fake: FakeT
    operator_id: int
    cashier: Actor
    test_card: str  # what the fake's card form gives for a card it saves and charges

    @property
    def runner(self) -> Runner:
        return Runner(self.hotel.database)

    def saved_card(self, source: str = "", stay: Stay | None = None) -> tuple[Stay, int]:
        """A charged stay with a card saved on its reservation (``source``: one of the fake's test cards)."""
        stay = stay or charged_stay(self.hotel)
        done = save_card(self.runner, self.cashier, self.operator_id, source or self.test_card, "Anna Gast",
                         reservation_id=stay.reservation_id)
        assert done.settled, done.intent
        self.after_saving()
        card_id = self.hotel.query(lambda s: s.scalars(select(SavedCard.id).where(
            SavedCard.intent_id == done.intent.id)).one())
        return stay, card_id

    def after_saving(self) -> None:
        """What the operator does once a card is saved, beyond its answer (nothing, for most)."""

    def token(self, card_id: int) -> str:
        return self.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)

    def records(self) -> list[CardRecord]:
        return self.hotel.query(lambda s: list(s.scalars(select(CardRecord).order_by(CardRecord.id))))

    def card_payments(self, folio_id: int) -> list[Payment]:
        return self.hotel.query(lambda s: [p for p in s.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.id)) if p.method.kind.value == "card"])


@contextmanager
def operator_on_loopback(hotel: Hotel, fake: FakeT, *, name: str, kind: str, secret: str, account: str,
                         currencies: Sequence[str], **settings: Any) -> Iterator[tuple[FakeT, int, Actor]]:
    """The fake served and added by a manager as the hotel's operator: (fake, operator id, a cashier)."""
    url = fake.serve()
    try:
        manager = signed_in(hotel.database, Role.MANAGER, hotel.actor.workstation)
        with hotel.database.writing() as session:
            info = add_operator(session, manager, name, kind, secret, account=account, api_base=url,
                                currencies=tuple(currencies), retention_days=30, **settings)
        yield fake, info.id, signed_in(hotel.database, Role.CASHIER, hotel.actor.workstation)
    finally:
        fake.close()
