"""Texts the desk itself writes on ledger rows, and how to read them back for translation.

The ledger keeps the English text it was written with. To show it in another language, ui/
asks :func:`payment_text` / :func:`posting_text` for the template and parameters the desk wrote
it from (told apart by the row's kind and links), and translates that; a clerk's own text is
not recognised and is shown as typed. A card payment's or refund's text is read from what the
terminal said (its :class:`~desk.cards.operations.models.CardRecord`), not from the English kept on the row.

A parameter of a :class:`LedgerText` may itself be a text, or a list of texts and plain values
(a card's brand, its masked number) shown one after the other: :func:`fill` renders them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect

from desk.cards.models import CardRecord, CardRecordKind
from desk.hotel.models import MethodKind
from desk.ledger.models import Payment, PaymentKind, Posting

VOID_OF_PAYMENT = "Void of payment {payment}"
# A card payment whose money went back outside the desk (the terminal's own menu, the bank).
REFUNDED_OUTSIDE_DESK = "Payment {payment} refunded outside the desk"
REFUND_OF_PAYMENT = "Refund of payment {payment}"
TO_BILL = "To bill {bill}"
FROM_DEPOSIT = "From deposit"
TO_ACCOUNT_OF = "To the account of {company}"
BILL_OF_PAYER = "Bill {bill}, {payer}"
REVERSAL_OF_TRANSFER = "Reversal of the transfer to {company}"
# The terminal's reference on a card payment (R12): brand and masked number are shown as they are.
CARD_RECEIPT = "receipt {receipt}"
CARD_TRACE = "trace {trace}"
CARD_AUTH = "auth {auth}"
CARD_OPERATOR_REFERENCE = "ref. {reference}"  # an online operator's own (a Stripe PaymentIntent)
CARD_REFUND_OF_PAYMENT = "Refund of payment {payment}: {card}"
CARD_REVERSAL_OF_PAYMENT = "Reversal of payment {payment}: {card}"



def written(template: str, **params: object) -> str:
    """The English text the desk stores for ``template``: every desk-written ledger text is made
    here, from the same template :func:`payment_text` and :func:`posting_text` read it back by."""
    return template.format_map(params)


# Rows whose text only the desk writes: every text on them comes from one of these templates.
_DESK_PAYMENT_KINDS = (PaymentKind.VOID, PaymentKind.REFUND, PaymentKind.TRANSFER)
_MOVEMENT_TEMPLATES = (VOID_OF_PAYMENT, REFUNDED_OUTSIDE_DESK, REFUND_OF_PAYMENT, TO_BILL, FROM_DEPOSIT,
                       REVERSAL_OF_TRANSFER)


@dataclass(frozen=True)
class LedgerText:
    template: str
    params: dict[str, object] = field(default_factory=dict)


Translate = Callable[[str, Mapping[str, object]], str]


def english(template: str, params: Mapping[str, object]) -> str:
    return template.format_map(params)


def fill(text: LedgerText, translate: Translate = english) -> str:
    """``text`` with its nested texts rendered first, each through ``translate(template, params)``."""

    def value(param: object) -> object:
        if isinstance(param, LedgerText):
            return fill(param, translate)
        if isinstance(param, list):
            return ", ".join(str(value(item)) for item in param)
        return param

    return translate(text.template, {name: value(param) for name, param in text.params.items()})


def card_reference(answer: Mapping[str, Any]) -> LedgerText:
    """The terminal's reference for an operation (R12): brand, the last digits of the masked number,
    receipt, trace and authorisation code, as far as the terminal gave them; never the card number."""
    parts: list[object] = []
    if answer.get("brand"):
        parts.append(str(answer["brand"]))
    if answer.get("masked_pan"):
        parts.append(str(answer["masked_pan"])[-8:])
    if answer.get("receipt_no") is not None:
        parts.append(LedgerText(CARD_RECEIPT, {"receipt": f"{int(answer['receipt_no']):04d}"}))
    if answer.get("trace_no") is not None:
        parts.append(LedgerText(CARD_TRACE, {"trace": f"{int(answer['trace_no']):06d}"}))
    if answer.get("auth_code"):
        parts.append(LedgerText(CARD_AUTH, {"auth": str(answer["auth_code"])}))
    if answer.get("reference"):
        parts.append(LedgerText(CARD_OPERATOR_REFERENCE, {"reference": str(answer["reference"])}))
    # A bare list, not a phrase: the placeholder alone needs no translation.
    return LedgerText("{card}", {"card": parts})


def card_refund_text(kind: CardRecordKind, original_payment_id: int, card: LedgerText) -> LedgerText:
    template = CARD_REVERSAL_OF_PAYMENT if kind is CardRecordKind.REVERSAL else CARD_REFUND_OF_PAYMENT
    return LedgerText(template, {"payment": str(original_payment_id), "card": card})


def _card_record(payment: Payment) -> CardRecord | None:
    state = inspect(payment)
    if "card_record" in state.unloaded and state.session is None:
        # Loaded without its card record and out of its session: the stored text is all there is.
        return None
    return payment.card_record


def _card_text(payment: Payment, record: CardRecord) -> LedgerText:
    card = card_reference({"brand": record.brand, "masked_pan": record.masked_pan, "receipt_no": record.receipt_no,
                           "trace_no": record.trace_no, "auth_code": record.auth_code,
                           "reference": record.reference})
    if payment.kind is PaymentKind.REFUND and payment.refund_of_id is not None:
        return card_refund_text(record.operation, payment.refund_of_id, card)
    return card


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    # Even parts are literal text, odd ones the names of placeholders. Each placeholder but the last
    # takes as little as it can: "Bill {bill}, {payer}" keeps a payer's own commas in the payer.
    last = len(parts) - 2
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+{'' if i == last else '?'})"
                              for i, p in enumerate(parts)))


_PATTERNS = {template: _pattern(template) for template in (*_MOVEMENT_TEMPLATES, TO_ACCOUNT_OF, BILL_OF_PAYER)}


def _match(text: str, templates: tuple[str, ...]) -> LedgerText | None:
    for template in templates:
        found = _PATTERNS[template].fullmatch(text)
        if found is not None:
            return LedgerText(template, dict(found.groupdict()))
    return None


def payment_text(payment: Payment) -> LedgerText | None:
    """How the desk wrote ``payment.text``, or None when a clerk typed it (or it is empty)."""
    if not payment.text:
        return None
    record = _card_record(payment)
    if record is not None:
        return _card_text(payment, record)
    if payment.kind in _DESK_PAYMENT_KINDS:
        return _match(payment.text, _MOVEMENT_TEMPLATES)
    if payment.kind is PaymentKind.PAYMENT and payment.method.kind is MethodKind.COMPANY_ACCOUNT:
        return _match(payment.text, (TO_ACCOUNT_OF,))
    return None


def posting_text(posting: Posting) -> LedgerText | None:
    """How the desk wrote a posting's description, for the charges it makes itself."""
    if posting.source == "transfer":
        return _match(posting.description, (BILL_OF_PAYER,))
    return None
