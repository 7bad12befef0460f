"""Rules written once: every caller asks the same function, so they cannot disagree.

- Whether a payment may be refunded: ``desk.ledger.payments.refund_refusal``, asked by a refund at
  the desk, by a refund on the card terminal, and by the reservation card that offers Refund.
- The texts the desk writes on ledger rows: made from the templates of ``desk.ledger.texts`` that
  also read them back, so a changed text cannot silently lose its translation.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.terminal_workflow import card_refund, card_sale
from desk.core.errors import InvalidInput, RefundTooLarge
from desk.core.money import Money
from desk.ledger import texts
from desk.ledger.models import Payment
from desk.ledger.payments import Tender, refund_payment, refund_refusal, take_payment, void_payment
from desk.people.models import Role

from .card_rig import Rig, make_rig
from .conftest import Hotel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def _line(hotel: Hotel, payment: Payment):
    return hotel.view(payment.folio_id).payment(payment.id)


def test_refund_refusal_names_each_reason(sqlite_hotel: Hotel):
    hotel = sqlite_hotel.as_role(Role.MANAGER)
    stay = hotel.stay()
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("100.00")), allow_overpay=True)
    assert refund_refusal(_line(hotel, paid)) is None
    assert refund_refusal(_line(hotel, paid), hotel.money("100.00")) is None

    too_much = refund_refusal(_line(hotel, paid), hotel.money("100.01"))
    assert isinstance(too_much, RefundTooLarge)
    assert (too_much.field, too_much.params["amount"]) == ("amount", hotel.money("100.00"))

    other_currency = refund_refusal(_line(hotel, paid), Money.of("10.00", "USD"))
    assert isinstance(other_currency, InvalidInput) and other_currency.field == "currency"

    hotel.run(refund_payment, paid.id, hotel.money("100.00"))
    spent = refund_refusal(_line(hotel, paid))
    assert isinstance(spent, RefundTooLarge) and spent.params["amount"] == hotel.money("0.00")

    voided = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")), allow_overpay=True)
    hotel.run(void_payment, voided.id, reason="typed twice")
    refusal = refund_refusal(_line(hotel, voided))
    assert isinstance(refusal, InvalidInput) and refusal.template == "A voided payment cannot be refunded"


def test_a_refund_too_large_is_the_same_refusal_at_the_desk_and_on_the_terminal(sqlite_rig: Rig):
    """It was InvalidInput on the terminal and RefundTooLarge at the desk: one rule gives one answer."""
    rig = sqlite_rig
    hotel = rig.hotel.as_role(Role.CASHIER)
    stay = hotel.stay()
    cash = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("40.00")), allow_overpay=True)
    sale = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, hotel.money("40.00"), allow_overpay=True)
    assert sale.settled and sale.payment_id is not None

    with pytest.raises(RefundTooLarge) as at_desk:
        hotel.run(refund_payment, cash.id, hotel.money("40.01"))
    with pytest.raises(RefundTooLarge) as on_terminal:
        card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, hotel.money("40.01"))
    assert at_desk.value.template == on_terminal.value.template
    assert at_desk.value.params == on_terminal.value.params == {"amount": hotel.money("40.00")}
    assert [r.operation.value for r in rig.records()] == ["sale"]  # the terminal was never asked


# -- ledger texts -----------------------------------------------------------------------------------

DESK_TEMPLATES = [
    texts.VOID_OF_PAYMENT, texts.REFUNDED_OUTSIDE_DESK, texts.REFUND_OF_PAYMENT, texts.TO_BILL, texts.FROM_DEPOSIT,
    texts.TO_ACCOUNT_OF,
    texts.BILL_OF_PAYER, texts.REVERSAL_OF_TRANSFER,
]


@pytest.mark.parametrize("template", DESK_TEMPLATES)
def test_every_text_the_desk_writes_reads_back_as_its_template(template: str):
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    # Numbers are numbers; names may hold anything, commas included.
    params = {name: "000042" if name in ("bill", "payment") else f"Ölçü {i} «x», 42" for i, name in enumerate(names)}
    stored = texts.written(template, **params)
    assert texts._match(stored, (template,)) == texts.LedgerText(template, params)


def _literal_texts(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.keyword) and node.arg in ("text", "description") and isinstance(
                node.value, ast.Constant | ast.JoinedStr):
            if isinstance(node.value, ast.Constant) and node.value.value == "":
                continue
            yield node.lineno, ast.unparse(node.value)


def test_the_ledger_writes_no_text_of_its_own_outside_the_templates():
    """A text typed straight into a use case is one the reading side does not know: untranslatable."""
    found = [f"{path.relative_to(ROOT)}:{line}: {text}"
             for path in sorted((ROOT / "desk" / "ledger").glob("*.py")) if path.name != "texts.py"
             for line, text in _literal_texts(path)]
    assert not found, found


def test_the_literal_text_check_bites(tmp_path: Path):
    source = tmp_path / "x.py"
    source.write_text('record(text=f"Refund of payment {p}")\nrecord(text="")\nrecord(text=t.written(T))\n')
    assert [line for line, _ in _literal_texts(source)] == [1]
