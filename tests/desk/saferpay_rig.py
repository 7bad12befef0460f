"""The fake Saferpay on loopback, configured as the hotel's card operator, and a card saved on a stay."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from desk.cards.models import CardRecord, SavedCard
from desk.cards.operator_workflow import save_card
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.auth import Actor
from desk.people.models import Role
from tests.actors import signed_in

from .conftest import Hotel, Stay, charged_stay

USER = "API_245294_08670203"
PASSWORD = "JsonApiPwd1_8xq2TZ"
ACCOUNT = f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}"


@dataclass
class SaferpayRig:
    hotel: Hotel
    fake: FakeSaferpay
    operator_id: int
    cashier: Actor

    @property
    def runner(self) -> Runner:
        return Runner(self.hotel.database)

    def saved_card(self, source: str = "fields_visa", stay: Stay | None = None) -> tuple[Stay, int]:
        """A charged stay with a card saved on its reservation (``source``: a Saferpay Fields token the fake knows)."""
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


def make_saferpay_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[SaferpayRig]:
    fake = FakeSaferpay(user=USER, password=PASSWORD, hold_days=hold_days)
    url = fake.serve()
    manager = signed_in(hotel.database, Role.MANAGER, hotel.actor.workstation)
    with hotel.database.writing() as session:
        info = add_operator(session, manager, "Saferpay", "saferpay", f"{USER}:{PASSWORD}", account=ACCOUNT,
                            api_base=url, currencies=("EUR", "CHF"), retention_days=30)
    cashier = signed_in(hotel.database, Role.CASHIER, hotel.actor.workstation)
    try:
        yield SaferpayRig(hotel, fake, info.id, cashier)
    finally:
        fake.close()
