"""The fake Saferpay as a newcomer starts it (a process on loopback), answered through our client: its
strictness (credentials, RequestHeader, content type), replay by RequestId, a lost answer found by our
OrderId, and an alias whose lifetime ended."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desk.cards.operators.interface import CardOnFile, Finding, Operation, Refused
from desk.cards.operators.saferpay import SaferpayOperator

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = "API_245294_08670203:process-password"
ACCOUNT = "245294/17795278"


@pytest.fixture
def fake_url() -> Iterator[str]:
    process = subprocess.Popen([sys.executable, "-m", "desk.cards.operators.fakes.saferpay", "--port", "0",
                                "--password", "process-password"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "fake Saferpay on http://127.0.0.1:PORT/api (stop with Ctrl+C)"
        yield line.split()[3]
    finally:
        process.terminate()
        process.wait(timeout=10)


def header(request_id: str, retry: int = 0, customer: str = "245294") -> dict[str, object]:
    return {"SpecVersion": "1.40", "CustomerId": customer, "RequestId": request_id, "RetryIndicator": retry}


def test_the_fake_refuses_what_saferpay_refuses(fake_url: str):
    auth = ("API_245294_08670203", "process-password")
    alias = {"AliasId": "nothing"}
    wrong = httpx.post(f"{fake_url}/Payment/v1/Alias/Inquire", json={"RequestHeader": header("r1"), **alias},
                       auth=("API_245294_08670203", "wrong"), headers={"Accept": "application/json"})
    assert (wrong.status_code, wrong.json()["ErrorName"]) == (401, "AUTHENTICATION_FAILED")
    no_accept = httpx.post(f"{fake_url}/Payment/v1/Alias/Inquire", json={"RequestHeader": header("r2"), **alias},
                           auth=auth, headers={"Accept": "text/html"})
    assert no_accept.status_code == 406
    bad_retry = httpx.post(f"{fake_url}/Payment/v1/Alias/Inquire", json={"RequestHeader": header("r3", 10), **alias},
                           auth=auth, headers={"Accept": "application/json"})
    assert (bad_retry.status_code, bad_retry.json()["ErrorName"], bad_retry.json()["Behavior"]) == (
        400, "VALIDATION_FAILED", "DO_NOT_RETRY")
    other = httpx.post(f"{fake_url}/Payment/v1/Alias/Inquire",
                       json={"RequestHeader": header("r4", customer="1"), **alias}, auth=auth,
                       headers={"Accept": "application/json"})
    assert (other.status_code, other.json()["ErrorName"]) == (403, "PERMISSION_DENIED")
    with pytest.raises(Refused) as refused:
        SaferpayOperator("API_245294_08670203:wrong", ACCOUNT, api_base=fake_url, timeout=10).save_card(
            "fields_visa", "A", "k")
    assert refused.value.code == "AUTHENTICATION_FAILED"


def test_a_retry_replays_and_another_body_under_the_same_request_id_is_refused(fake_url: str):
    saferpay = SaferpayOperator(CREDENTIALS, ACCOUNT, api_base=fake_url, timeout=10)
    saved = saferpay.save_card("fields_visa", "Anna Gast", "save-1")
    card = CardOnFile(saved.token)
    first = saferpay.repeating().pre_authorise(card, 4200, "EUR", "hold-1")  # never sent before: done now
    again = saferpay.repeating().pre_authorise(card, 4200, "EUR", "hold-1")
    assert again == first
    state = httpx.get(f"{fake_url.removesuffix('/api')}/_fake/state").json()
    assert list(state["transactions"]) == [first.reference]
    with pytest.raises(Refused) as refused:
        saferpay.repeating().pre_authorise(card, 9900, "EUR", "hold-1")
    assert refused.value.code == "VALIDATION_FAILED"


def test_a_lost_answer_is_found_by_our_order_id_and_a_lapsed_alias_is_gone(fake_url: str):
    saferpay = SaferpayOperator(CREDENTIALS, ACCOUNT, api_base=fake_url, timeout=10)
    saved = saferpay.save_card("fields_mastercard", "Anna Gast", "save-2")
    card = CardOnFile(saved.token)
    base = fake_url.removesuffix("/api")
    httpx.post(f"{base}/_fake/lose_next", json={"count": 3})
    with pytest.raises(Exception) as lost:
        saferpay.pre_authorise(card, 10000, "EUR", "hold-2")
    assert type(lost.value).__name__ == "AnswerLost"
    found = saferpay.find(Operation.PRE_AUTHORISE, "hold-2", card=card)
    assert found.finding is Finding.DONE and found.done is not None and found.done.amount_minor == 10000
    assert saferpay.find(Operation.PRE_AUTHORISE, "hold-3", card=card).finding is Finding.NOT_DONE
    assert saferpay.find(Operation.SAVE, "save-2", holder="Anna Gast").finding is Finding.DONE
    httpx.post(f"{base}/_fake/advance", json={"days": 1200})  # past the default lifetime of 1096 days
    assert saferpay.find(Operation.DELETE, "x", card=card).finding is Finding.DONE
