"""The fake Adyen as a newcomer starts it (a process on loopback), answered through the official SDK:
Adyen's idempotent replay, its refusal of a key reused for another body, a lost answer replayed by
its key, a wrong API key, and its webhooks signed as Adyen documents them (checked by the SDK's own
HMAC validation)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from Adyen import util as adyen_util

from desk.cards.operators.adyen import AdyenOperator
from desk.cards.operators.interface import AnswerLost, CardOnFile, Finding, NotYetDone, Operation, Refused

ROOT = Path(__file__).resolve().parents[2]
KEY, MERCHANT, HMAC = "AQE_process_key", "HotelProcessECOM", "AB" * 32


class Receiver:
    """A webhook receiver on loopback that keeps what it got and answers [accepted]."""

    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.got.append(body)
                receiver.arrived.set()
                data = b"[accepted]"
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhooks/adyen"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    got = Receiver()
    yield got
    got.server.shutdown()
    got.server.server_close()


@pytest.fixture
def fake_url(receiver: Receiver) -> Iterator[str]:
    process = subprocess.Popen([sys.executable, "-m", "desk.cards.operators.fakes.adyen", "--port", "0", "--key", KEY,
                                "--merchant", MERCHANT, "--hmac-key", HMAC, "--webhook-url", receiver.url],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "fake Adyen on http://127.0.0.1:PORT (stop with Ctrl+C)"
        yield line.split()[3]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_same_key_and_body_replay_and_another_body_is_refused(fake_url: str):
    adyen = AdyenOperator(KEY, MERCHANT, api_base=fake_url, timeout=10)
    saved = adyen.save_card("adyenjs_test$visa", "Anna Gast", "save-1")
    card = CardOnFile(saved.token, saved.customer)
    first = adyen.charge(card, 4200, "EUR", "charge-1")
    assert adyen.charge(card, 4200, "EUR", "charge-1") == first
    state = httpx.get(f"{fake_url}/_fake/state").json()
    assert [p for p in state["payments"] if p == first.reference] == [first.reference]
    assert len([p for p in state["payments"].values() if p.get("shopperInteraction")]) == 1
    with pytest.raises(Refused) as refused:
        adyen.charge(card, 9900, "EUR", "charge-1")
    assert refused.value.code == "704"


def test_a_lost_answer_is_replayed_by_its_key_and_a_modification_is_only_received(fake_url: str):
    adyen = AdyenOperator(KEY, MERCHANT, api_base=fake_url, timeout=10)
    saved = adyen.save_card("adyenjs_test$visa", "Anna Gast", "save-2")
    card = CardOnFile(saved.token, saved.customer)
    httpx.post(f"{fake_url}/_fake/lose_next")
    with pytest.raises(AnswerLost):
        adyen.pre_authorise(card, 10000, "EUR", "hold-1")
    found = adyen.find(Operation.PRE_AUTHORISE, "hold-1", card=card, asked={"amount_minor": 10000, "currency": "EUR"})
    assert found.finding is Finding.DONE and found.done is not None and found.done.amount_minor == 10000
    holds = [p for p in httpx.get(f"{fake_url}/_fake/state").json()["payments"].values() if p.get("preAuth")]
    assert len(holds) == 1
    with pytest.raises(NotYetDone):
        adyen.capture(found.done.reference, 6000, "capture-1", "EUR")
    found_again = adyen.find(Operation.CAPTURE, "capture-1", reference=found.done.reference)
    assert found_again.finding is Finding.AWAITING_CONFIRMATION


def test_its_webhooks_are_signed_as_adyen_documents(fake_url: str, receiver: Receiver):
    adyen = AdyenOperator(KEY, MERCHANT, api_base=fake_url, timeout=10)
    adyen.save_card("adyenjs_test$visa", "Anna Gast", "save-3")
    assert receiver.arrived.wait(10)
    [body] = receiver.got
    [entry] = body["notificationItems"]
    item = entry["NotificationRequestItem"]
    assert (item["eventCode"], item["success"], item["merchantAccountCode"]) == ("AUTHORISATION", "true", MERCHANT)
    assert item["merchantReference"] == "save-3"
    assert adyen_util.is_valid_hmac_notification(item, HMAC)
    assert not adyen_util.is_valid_hmac_notification(item, "CD" * 32)


def test_a_wrong_api_key_or_merchant_account_is_refused(fake_url: str):
    with pytest.raises(Refused):
        AdyenOperator("AQE_wrong", MERCHANT, api_base=fake_url, timeout=10).save_card("adyenjs_test$visa", "A", "k1")
    with pytest.raises(Refused) as refused:
        AdyenOperator(KEY, "OtherECOM", api_base=fake_url, timeout=10).save_card("adyenjs_test$visa", "A", "k2")
    assert refused.value.code == "901"
