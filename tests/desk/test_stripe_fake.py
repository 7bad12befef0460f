"""The fake Stripe as a newcomer starts it (a process on loopback), answered through the official SDK:
Stripe's idempotent replay, its refusal of a key reused for another body, and a lost answer."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desk.cards.operators.interface import AnswerLost, CardOnFile, Finding, Operation, Refused
from desk.cards.operators.stripe import StripeOperator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake_url() -> Iterator[str]:
    process = subprocess.Popen([sys.executable, "-m", "desk.cards.operators.fakes.stripe", "--port", "0",
                                "--key", "sk_test_process"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "fake Stripe on http://127.0.0.1:PORT (stop with Ctrl+C)"
        yield line.split()[3]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_same_key_and_body_replay_the_first_answer_and_another_body_is_refused(fake_url: str):
    stripe = StripeOperator("sk_test_process", api_base=fake_url, timeout=10)
    saved = stripe.save_card("pm_card_visa", "Anna Gast", "save-1")
    card = CardOnFile(saved.token, saved.customer)
    first = stripe.charge(card, 4200, "EUR", "charge-1")
    again = stripe.charge(card, 4200, "EUR", "charge-1")
    assert again == first
    state = httpx.get(f"{fake_url}/_fake/state").json()
    assert [pi["id"] for pi in state["payment_intents"].values()] == [first.reference]
    with pytest.raises(Refused) as refused:
        stripe.charge(card, 9900, "EUR", "charge-1")
    assert refused.value.code == "idempotency_error"
    assert len(httpx.get(f"{fake_url}/_fake/state").json()["payment_intents"]) == 1


def test_a_lost_answer_is_done_and_found_by_its_key(fake_url: str):
    stripe = StripeOperator("sk_test_process", api_base=fake_url, timeout=10)
    saved = stripe.save_card("pm_card_visa", "Anna Gast", "save-2")
    card = CardOnFile(saved.token, saved.customer)
    httpx.post(f"{fake_url}/_fake/lose_next")
    with pytest.raises(AnswerLost):
        stripe.pre_authorise(card, 10000, "EUR", "hold-1")
    found = stripe.find(Operation.PRE_AUTHORISE, "hold-1", card=card)
    assert found.finding is Finding.DONE and found.done is not None and found.done.amount_minor == 10000
    assert stripe.find(Operation.PRE_AUTHORISE, "hold-2", card=card).finding is Finding.NOT_DONE


def test_a_wrong_key_is_refused():
    process = subprocess.Popen([sys.executable, "-m", "desk.cards.operators.fakes.stripe", "--port", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[3]
        with pytest.raises(Refused):
            StripeOperator("sk_test_wrong", api_base=url, timeout=10).save_card("pm_card_visa", "A", "k")
    finally:
        process.terminate()
        process.wait(timeout=10)
