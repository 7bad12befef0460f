"""The fake Converge on loopback, configured as the hotel's card operator, and a card saved on a stay."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from desk.cards.models import CardRecord, SavedCard
from desk.cards.operator_workflow import save_card
from desk.cards.operators.fakes.converge import DEFAULT_MERCHANT, FakeConverge
from desk.cards.saved_cards import add_operator
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.auth import Actor
from desk.people.models import Role
from tests.actors import signed_in

from .conftest import Hotel, Stay, charged_stay

USER = "deskapi"
PIN = "K8ZQ2M4XW7T1P0RS5VNY3BHD6GJC9LFA"
ACCOUNT = f"{DEFAULT_MERCHANT}/{USER}"


@dataclass
class ConvergeRig:
    hotel: Hotel
    fake: FakeConverge
    operator_id: int
    cashier: Actor

    @property
    def runner(self) -> Runner:
        return Runner(self.hotel.database)

    def saved_card(self, source: str = "enc_visa", stay: Stay | None = None) -> tuple[Stay, int]:
        """A charged stay with a card saved on its reservation (``source``: a Converge Fields token the fake knows)."""
        stay = stay or charged_stay(self.hotel)
        done = save_card(self.runner, self.cashier, self.operator_id, source, "Anna Gast",
                         reservation_id=stay.reservation_id)
        assert done.settled, done.intent
        card_id = self.hotel.query(lambda s: s.scalars(select(SavedCard.id).where(
            SavedCard.intent_id == done.intent.id)).one())
        return stay, card_id

    def token(self, card_id: int) -> str:
        return self.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)

    def records(self) -> list[CardRecord]:
        return self.hotel.query(lambda s: list(s.scalars(select(CardRecord).order_by(CardRecord.id))))

    def card_payments(self, folio_id: int) -> list[Payment]:
        return self.hotel.query(lambda s: [p for p in s.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.id)) if p.method.kind.value == "card"])


def make_converge_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[ConvergeRig]:
    fake = FakeConverge(user=USER, pin=PIN, hold_days=hold_days)
    url = fake.serve()
    manager = signed_in(hotel.database, Role.MANAGER, hotel.actor.workstation)
    with hotel.database.writing() as session:
        info = add_operator(session, manager, "Converge", "converge", PIN, account=ACCOUNT, api_base=url,
                            currencies=("USD", "EUR"), retention_days=30)
    cashier = signed_in(hotel.database, Role.CASHIER, hotel.actor.workstation)
    try:
        yield ConvergeRig(hotel, fake, info.id, cashier)
    finally:
        fake.close()
