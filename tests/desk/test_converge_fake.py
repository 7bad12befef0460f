"""The fake Converge as a newcomer starts it (a process on loopback), answered through our client: its
refusals (credentials, a card number, a malformed request), no idempotency (a sale sent twice is two
sales, which is why the desk asks first), and txnquery finding a lost sale by our invoice number."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desk.cards.operators.converge import ConvergeOperator, invoice_number
from desk.cards.operators.interface import AnswerLost, CardOnFile, Finding, Operation, Refused

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "0022587/apiuser"


@pytest.fixture
def fake_url() -> Iterator[str]:
    process = subprocess.Popen([sys.executable, "-m", "desk.cards.operators.fakes.converge", "--port", "0",
                                "--pin", "PROCESSPIN"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().split()[3]  # "fake Converge on http://127.0.0.1:PORT/... (stop ...)"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_fake_refuses_what_converge_refuses(fake_url: str):
    with pytest.raises(Refused) as wrong:
        ConvergeOperator("WRONGPIN", ACCOUNT, api_base=fake_url, timeout=10).save_card("enc_visa", "A B", "k")
    assert wrong.value.code == "4025"
    keyed = httpx.post(fake_url, data={"xmldata": "<txn><ssl_merchant_id>0022587</ssl_merchant_id><ssl_user_id>"
                                                  "apiuser</ssl_user_id><ssl_pin>PROCESSPIN</ssl_pin>"
                                                  "<ssl_transaction_type>ccgettoken</ssl_transaction_type>"
                                                  "<ssl_card_number>4000000000000002</ssl_card_number></txn>"})
    assert "<errorCode>6002</errorCode>" in keyed.text
    garbled = httpx.post(fake_url, data={"xmldata": "<txn><unclosed></txn>"})
    assert "<errorCode>6042</errorCode>" in garbled.text


def test_a_sale_sent_twice_is_two_sales_and_a_lost_one_is_found_by_txnquery(fake_url: str):
    converge = ConvergeOperator("PROCESSPIN", ACCOUNT, api_base=fake_url, timeout=10)
    card = CardOnFile(converge.save_card("enc_mastercard", "Anna Gast", "save-1").token)
    first = converge.charge(card, 4200, "USD", "sale-1")
    second = converge.charge(card, 4200, "USD", "sale-1")
    assert first.reference != second.reference  # no idempotency key at Converge
    base = fake_url.split("/VirtualMerchantDemo")[0]
    httpx.post(f"{base}/_fake/lose_next")
    with pytest.raises(AnswerLost):
        converge.pre_authorise(card, 10000, "USD", "hold-1")
    found = converge.find(Operation.PRE_AUTHORISE, "hold-1", card=card)
    assert found.finding is Finding.DONE and found.done is not None and found.done.amount_minor == 10000
    assert converge.find(Operation.PRE_AUTHORISE, "hold-2", card=card).finding is Finding.NOT_DONE
    state = httpx.get(f"{base}/_fake/state").json()
    assert [t["ssl_invoice_number"] for t in state["transactions"].values()].count(invoice_number("hold-1")) == 1
