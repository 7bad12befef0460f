"""A card payment's, refund's and reversal's Text read in the reader's language from the terminal's record (R12)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.cards.models import CardRecord
from desk.cards.terminal_workflow import card_refund, card_sale
from desk.ledger.folios import load_folio
from desk.ledger.models import Payment
from desk.ledger.texts import LedgerText, fill, payment_text
from desk.reports import render_bill_pdf
from desk.reports.labels import label
from hardware.simulators.zvt_terminal import TEST_CARD_PAN
from tests.helpers import eur, pdf_text

from .card_rig import Rig, make_rig
from .conftest import Hotel

ENGLISH_WORDS = re.compile(r"\b(receipt|trace|auth|Refund|Reversal|payment|of)\b")


@pytest.fixture
def rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def in_language(text: LedgerText, language: str) -> str:
    return fill(text, lambda template, params: label(language, template, **params))


def card_payments(rig: Rig, folio_id: int) -> tuple[dict[int, Payment], dict[int, CardRecord]]:
    """The folio's payments as the card and the PDF load them, and the terminal's record of each."""

    def read(session):
        payments = {line.payment.id: line.payment for line in load_folio(session, folio_id).payments}
        linked = select(CardRecord).where(CardRecord.payment_id.in_(payments))
        records = {r.payment_id: r for r in session.scalars(linked)}
        return payments, records

    return rig.hotel.query(read)


def test_card_texts_are_rendered_from_the_terminals_record_in_each_language(rig: Rig, tmp_path: Path):
    stay = rig.hotel.stay()
    sale = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("80.00"), allow_overpay=True)
    other = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("20.00"), allow_overpay=True)
    assert sale.payment_id is not None and other.payment_id is not None
    refund = card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, eur("10.00"))
    reversal = card_refund(rig.runner, rig.cashier, rig.terminal_id, other.payment_id)
    assert refund.payment_id is not None and reversal.payment_id is not None
    payments, records = card_payments(rig, stay.folio_id)
    assert set(records) == {sale.payment_id, other.payment_id, refund.payment_id, reversal.payment_id}

    for payment_id, payment in payments.items():
        record = records[payment_id]
        text = payment_text(payment)
        assert text is not None
        # The stored English (the append-only ledger keeps it) is what the record renders to in English.
        assert fill(text) == payment.text
        assert f"receipt {record.receipt_no:04d}" in payment.text and TEST_CARD_PAN not in payment.text
        for language, receipt_word in (("ru", "чек"), ("bg", "бележка")):
            shown = in_language(text, language)
            assert ENGLISH_WORDS.findall(shown) == [], shown
            # The operator's reference stays readable in any language (R12).
            assert f"{receipt_word} {record.receipt_no:04d}" in shown
            assert f"{record.trace_no:06d}" in shown and record.auth_code in shown
            assert record.masked_pan[-8:] in shown and record.brand in shown

    assert in_language(payment_text(payments[refund.payment_id]), "ru").startswith(  # type: ignore[arg-type]
        f"Возврат оплаты {sale.payment_id}: ")
    assert in_language(payment_text(payments[reversal.payment_id]), "bg").startswith(  # type: ignore[arg-type]
        f"Сторниране на плащане {other.payment_id}: ")
    assert payments[reversal.payment_id].text.startswith(f"Reversal of payment {other.payment_id}: ")

    # The bill's PDF in Russian reads the same way.
    text = rig.hotel.query(render_bill_pdf, stay.bill_id, tmp_path / "bill.pdf", "ru")
    printed = pdf_text(text)
    assert f"чек {records[sale.payment_id].receipt_no:04d}" in printed
    assert "receipt" not in printed and "auth" not in printed


def test_a_card_method_payment_typed_by_hand_keeps_the_clerks_words(rig: Rig):
    from desk.ledger.payments import Tender, take_payment
    from desk.people.models import Role

    stay = rig.hotel.stay()
    typed = rig.hotel.as_role(Role.CASHIER).run(take_payment, stay.bill_id,
                                                Tender("card", eur("5.00"), text="receipt 77 by phone"),
                                                allow_overpay=True)
    payments, records = card_payments(rig, stay.folio_id)
    assert records == {} and payment_text(payments[typed.id]) is None
    assert payments[typed.id].card_record is None
