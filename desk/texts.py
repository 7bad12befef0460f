"""Texts the desk itself writes on ledger rows, and how to read them back for translation.

The ledger keeps the English text it was written with. To show it in another language, ui/
asks :func:`payment_text` / :func:`posting_text` for the template and parameters the desk wrote
it from (told apart by the row's kind and links), and translates that; a clerk's own text is
not recognised and is shown as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desk.models import MethodKind, Payment, PaymentKind, Posting

VOID_OF_PAYMENT = "Void of payment {payment}"
REFUND_OF_PAYMENT = "Refund of payment {payment}"
TO_BILL = "To bill {bill}"
FROM_DEPOSIT = "From deposit"
TO_ACCOUNT_OF = "To the account of {company}"
BILL_OF_PAYER = "Bill {bill}, {payer}"
REVERSAL_OF_TRANSFER = "Reversal of the transfer to {company}"

# Rows whose text only the desk writes: every text on them comes from one of these templates.
_DESK_PAYMENT_KINDS = (PaymentKind.VOID, PaymentKind.REFUND, PaymentKind.TRANSFER)
_MOVEMENT_TEMPLATES = (VOID_OF_PAYMENT, REFUND_OF_PAYMENT, TO_BILL, FROM_DEPOSIT, REVERSAL_OF_TRANSFER)


@dataclass(frozen=True)
class LedgerText:
    template: str
    params: dict[str, object] = field(default_factory=dict)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    # Even parts are literal text, odd ones the names of placeholders.
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+)" for i, p in enumerate(parts)))


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
