"""Adyen's standard webhooks, received by ``desk serve`` at ``/webhooks/adyen``: each item's HMAC
signature checked with the merchant account's key (sealed with the operator's settings), then the
journal settled once from it.

Adyen answers a capture, a cancel, a refund and a reversal only with "received"; its CAPTURE, CANCELLATION,
REFUND and CANCEL_OR_REFUND webhooks say whether they were done, and AUTHORISATION says what became of a
payment whose answer was lost. Each item names our operation by ``merchantReference`` (the idempotency key we
sent, the operator's prefix and the journal's key). An item for an operation already ended is a repeat, and
does nothing; an item without a valid signature is refused, and nothing of its request is used.
"""

from __future__ import annotations

import binascii
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from Adyen import util as adyen_util
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.cards.models import ONLINE_KINDS, CardOperatorConfig
from desk.cards.operations import note_hold_expired
from desk.cards.operator_workflow import settle_online_intent
from desk.cards.operators.adyen import HOLD_GONE_REASONS, brand_name, desk_reference
from desk.cards.operators.interface import Operation
from desk.cards.saved_cards import OperatorKeyError, OperatorSettings, operator_settings
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentState
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role

logger = logging.getLogger(__name__)

# What settles an operation, by Adyen's eventCode.
EVENT_OPERATIONS: dict[str, frozenset[Operation]] = {
    "AUTHORISATION": frozenset({Operation.SAVE, Operation.CHARGE, Operation.PRE_AUTHORISE}),
    "CAPTURE": frozenset({Operation.CAPTURE}),
    "CANCELLATION": frozenset({Operation.RELEASE}),
    "REFUND": frozenset({Operation.REFUND}),
    # A reversal's outcome (a manager's same-day void): the payment cancelled or refunded, whole.
    "CANCEL_OR_REFUND": frozenset({Operation.REFUND}),
}
# CANCEL_OR_REFUND's additionalData["modification.action"] when Adyen cancelled the payment rather than
# refunding it: nothing was ever captured, which the desk records as a reversal.
CANCELLED_ACTION = "cancel"


def webhook_actor() -> Actor:
    """Who a webhook's settlement says settled it (the record stays the clerk's who asked)."""
    return trusted_actor("webhook:adyen", "desk serve", Role.CASHIER)


@dataclass
class Received:
    """What one webhook request did: refused items (bad signature), settled, closed and ignored intents."""

    refused: list[str] = field(default_factory=list)
    settled: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    repeated: list[int] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return not self.refused


def _adyen_settings(session: Session, merchant_account: str) -> OperatorSettings | None:
    operator_id = session.scalar(select(CardOperatorConfig.id).where(
        CardOperatorConfig.operator == "adyen", CardOperatorConfig.account == merchant_account))
    return None if operator_id is None else operator_settings(session, operator_id)


def _items(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = body.get("notificationItems")
    if not isinstance(items, list):
        return []
    return [dict(entry["NotificationRequestItem"]) for entry in items
            if isinstance(entry, Mapping) and isinstance(entry.get("NotificationRequestItem"), Mapping)]


def _signed(item: dict[str, Any], hmac_key: str) -> bool:
    extra = item.get("additionalData")
    if not isinstance(extra, Mapping) or not extra.get("hmacSignature") or not isinstance(item.get("amount"), Mapping):
        return False
    try:
        return bool(adyen_util.is_valid_hmac_notification(item, hmac_key))
    except (ValueError, TypeError, KeyError, binascii.Error):
        return False


def receive_notifications(runner: Runner, body: Mapping[str, Any]) -> Received:
    """Check every item's signature, then settle the journal from the signed ones.

    One item unsigned, wrongly signed or for an account we do not have refuses the whole request
    (Adyen sends one item a request, and sends it again until it is accepted).
    """
    received = Received()
    checked: list[tuple[dict[str, Any], OperatorSettings]] = []
    items = _items(body)
    if not items:
        received.refused.append("no notification items")
    for item in items:
        psp, event = desk_reference(str(item.get("pspReference", ""))[:32]), str(item.get("eventCode", ""))[:40]
        settings = runner.read(_adyen_settings, str(item.get("merchantAccountCode", "")))
        try:
            why = ("no Adyen operator has its merchant account" if settings is None
                   else "" if _signed(item, settings.hmac_key) else "its HMAC signature is missing or wrong")
        except OperatorKeyError as exc:
            # Adyen sends it again later: by then the key file may have been copied here.
            why = f"its HMAC key cannot be opened here: {exc.message}"
        if why or settings is None:
            # Never the signature or the key in the log: what it claims to be, and why it was refused.
            logger.warning("Adyen webhook %s %s refused: %s", event, psp, why)
            received.refused.append(psp)
        else:
            checked.append((item, settings))
    if received.refused:
        return received
    actor = webhook_actor()
    for item, settings in checked:
        _apply(runner, actor, item, settings, received)
    return received


def _apply(runner: Runner, actor: Actor, item: dict[str, Any], settings: OperatorSettings, received: Received) -> None:
    psp, event = desk_reference(str(item.get("pspReference", ""))), str(item.get("eventCode", ""))
    prefix = f"{settings.info.key_prefix}-"
    reference = str(item.get("merchantReference", ""))
    intent = runner.read(journal.intent_by_key, reference[len(prefix):]) if reference.startswith(prefix) else None
    if (intent is None or intent.kind not in ONLINE_KINDS or intent.request.get("operator_id") != settings.info.id
            or Operation(intent.request["operation"]) not in EVENT_OPERATIONS.get(event, frozenset())):
        logger.info("Adyen webhook %s %s: no operation of ours waits for it", event, psp)
        received.ignored.append(psp)
        return
    if not intent.state.is_open:
        received.repeated.append(intent.id)
        return
    operation = Operation(intent.request["operation"])
    amount = item.get("amount") or {}
    success = str(item.get("success", "")).lower() == "true"
    try:
        if success:
            payload = _happened(operation, item, amount)
            if payload is None:
                received.ignored.append(psp)
                return
            if intent.state is not IntentState.HAPPENED:
                runner.run(journal.record_event, actor, intent.id, EventType.APPROVED, payload)
            runner.run(journal.settle, actor, intent.id, settle_online_intent, {"webhook": psp})
            received.settled.append(intent.id)
            return
        reason = str(item.get("reason") or "")[:200]
        gone = operation is Operation.CAPTURE and reason in HOLD_GONE_REASONS
        runner.run(journal.close, actor, intent.id, EventType.DECLINED,
                   {"reason": "preauth_unavailable" if gone else "declined", "code": reason, "error": reason,
                    "webhook": psp})
        if gone:
            runner.run(note_hold_expired, actor, intent.id)
        received.closed.append(intent.id)
    except (journal.IntentClosed, IntegrityError):
        # Settled a moment ago by the desk's own answer or by the same webhook sent twice.
        received.repeated.append(intent.id)


def _happened(operation: Operation, item: Mapping[str, Any], amount: Mapping[str, Any]) -> dict[str, Any] | None:
    psp = desk_reference(str(item.get("pspReference", "")))
    money = {"amount_minor": int(amount.get("value") or 0), "currency": str(amount.get("currency") or "")}
    if operation is Operation.SAVE:
        extra = item.get("additionalData") or {}
        token = str(extra.get("tokenization.storedPaymentMethodId") or "")
        if not token:
            return None  # the desk's own answer, or the same request replayed, saves it
        month, _, year = str(extra.get("expiryDate") or "0/0").partition("/")
        return {"token": desk_reference(token), "customer": str(extra.get("tokenization.shopperReference") or ""),
                "brand": brand_name(str(extra.get("paymentMethod") or "")),
                "masked_pan": f"•••• {extra.get('cardSummary', '')}",
                "expiry": f"{int(month or 0):02d}/{int(year or 0):04d}", "webhook": True}
    if operation in (Operation.CAPTURE, Operation.RELEASE):
        # The record keeps the payment's reference: a refund is asked by it.
        original = desk_reference(str(item.get("originalReference") or ""))
        return {"reference": original or psp, "modification": psp, **money,
                "webhook": True}
    payload: dict[str, Any] = {"reference": psp, **money, "webhook": True}
    if (item.get("additionalData") or {}).get("modification.action") == CANCELLED_ACTION:
        payload["reversed"] = True
    return payload
