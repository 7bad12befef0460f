"""The fake Adyen on loopback as the hotel's card operator, and `desk serve`'s web application on
loopback receiving its signed webhooks (held until a test sends them, so each step is seen)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn

from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.pos.api import Guard, create_app

from .conftest import Hotel
from .operator_rig import OperatorRig, operator_on_loopback

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
class AdyenRig(OperatorRig[FakeAdyen]):
    service_url: str

    def after_saving(self) -> None:
        self.fake.send_webhooks()  # its AUTHORISATION: already settled, nothing more


def make_adyen_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[AdyenRig]:
    service = ServiceThread(Guard(create_app(hotel.database)))
    service_url = service.start()
    fake = FakeAdyen(API_KEY, MERCHANT, hmac_key=HMAC_KEY, webhook_url=f"{service_url}/webhooks/adyen",
                     hold_days=hold_days)
    fake.hold_webhooks = True
    try:
        with operator_on_loopback(hotel, fake, name="Adyen", kind="adyen", secret=API_KEY, account=MERCHANT,
                                  currencies=("EUR",), hmac_key=HMAC_KEY) as (fake, operator_id, cashier):
            yield AdyenRig(hotel, fake, operator_id, cashier, VISA, service_url)
    finally:
        service.stop()
