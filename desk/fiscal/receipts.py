"""Fiscal receipts asked for payments: the choice is recorded; printing is the devices' work."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from desk.core.addresses import EMAIL_PATTERN
from desk.core.errors import InvalidInput
from desk.fiscal.content import receipt_kind
from desk.fiscal.interface import DocumentKind
from desk.fiscal.models import CashRegister, ReceiptKind, ReceiptRequest
from desk.ledger.lookup import get
from desk.ledger.models import Payment
from desk.mail.outbox import enqueue_receipt_email
from desk.people.auth import Actor
from desk.people.rights import Right, require

PHONE = re.compile(r"^\+[1-9][0-9]{6,14}$")


def normalise_phone(phone: str) -> str:
    """An international number, +CC..., without spaces, dashes or brackets."""
    return re.sub(r"[\s\-()./]", "", phone)


def validate_contact(email: str, phone: str) -> tuple[str, str]:
    email = email.strip()
    phone = normalise_phone(phone.strip())
    if email and not EMAIL_PATTERN.match(email):
        raise InvalidInput("{email} is not an e-mail address", field="email", email=email)
    if phone and not PHONE.match(phone):
        raise InvalidInput("A phone number starts with + and the country code, e.g. +359 88 123 4567",
                           field="phone")
    return email, phone


def request_receipt(
    session: Session, actor: Actor, payment_id: int, register_code: str, *, email: str = "", phone: str = ""
) -> ReceiptRequest:
    """Ask for a sale receipt (for a payment) or a refund receipt (for a refund)."""
    require(actor, Right.REQUEST_RECEIPT)
    payment = get(session, Payment, payment_id, "Payment")
    # The fiscal rule: a payment or deposit gets a sale receipt; a refund, or the void of a
    # payment that had its sale receipt, a refund receipt.
    kind = ReceiptKind.SALE if receipt_kind(session, payment) is DocumentKind.SALE else ReceiptKind.REFUND
    if session.get(CashRegister, register_code) is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    email, phone = validate_contact(email, phone)
    request = ReceiptRequest(
        payment_id=payment.id,
        kind=kind,
        register_code=register_code,
        email=email,
        phone=phone,
        requested_by=actor.username,
        workstation=actor.workstation,
    )
    session.add(request)
    session.flush()
    if email:  # sent by the mail worker after the commit; a server that is down blocks nothing

        enqueue_receipt_email(session, request)
    return request
