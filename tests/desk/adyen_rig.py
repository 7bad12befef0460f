"""The fake Adyen on loopback as the hotel's card operator, and `desk serve`'s web application on
loopback receiving its signed webhooks (held until a test sends them, so each step is seen)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn
from sqlalchemy import select

from desk.cards.models import CardRecord, SavedCard
from desk.cards.operator_workflow import save_card
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.saved_cards import add_operator
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.auth import Actor
from desk.people.models import Role
from desk.pos.api import Guard, create_app
from tests.actors import signed_in

from .conftest import Hotel, Stay, charged_stay

API_KEY = "AQEyhmfxK4_test_api_key_7Hq2"
MERCHANT = "HotelAdlerECOM"
HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
VISA = "adyenjs_test$visa"


class ServiceThread:
    """`desk serve`'s application under uvicorn in a thread: where the fake sends its webhooks."""

    def __init__(self, app: object) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                   access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the service did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@dataclass
class AdyenRig:
    hotel: Hotel
    fake: FakeAdyen
    operator_id: int
    cashier: Actor
    service_url: str

    @property
    def runner(self) -> Runner:
        return Runner(self.hotel.database)

    def saved_card(self, source: str = VISA, stay: Stay | None = None) -> tuple[Stay, int]:
        stay = stay or charged_stay(self.hotel)
        done = save_card(self.runner, self.cashier, self.operator_id, source, "Anna Gast",
                         reservation_id=stay.reservation_id)
        assert done.settled, done.intent
        self.fake.send_webhooks()  # its AUTHORISATION: already settled, nothing more
        card_id = self.hotel.query(lambda s: s.scalars(select(SavedCard.id).where(
            SavedCard.intent_id == done.intent.id)).one())
        return stay, card_id

    def records(self) -> list[CardRecord]:
        return self.hotel.query(lambda s: list(s.scalars(select(CardRecord).order_by(CardRecord.id))))

    def card_payments(self, folio_id: int) -> list[Payment]:
        return self.hotel.query(lambda s: [p for p in s.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.id)) if p.method.kind.value == "card"])


def make_adyen_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[AdyenRig]:
    service = ServiceThread(Guard(create_app(hotel.database)))
    service_url = service.start()
    fake = FakeAdyen(API_KEY, MERCHANT, hmac_key=HMAC_KEY, webhook_url=f"{service_url}/webhooks/adyen",
                     hold_days=hold_days)
    fake.hold_webhooks = True
    url = fake.serve()
    manager = signed_in(hotel.database, Role.MANAGER, hotel.actor.workstation)
    with hotel.database.writing() as session:
        info = add_operator(session, manager, "Adyen", "adyen", API_KEY, account=MERCHANT, api_base=url,
                            currencies=("EUR",), retention_days=30, hmac_key=HMAC_KEY)
    cashier = signed_in(hotel.database, Role.CASHIER, hotel.actor.workstation)
    try:
        yield AdyenRig(hotel, fake, info.id, cashier, service_url)
    finally:
        fake.close()
        service.stop()
