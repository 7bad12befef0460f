"""A card operation whose end the terminal never told, settled by a manager with the evidence.

An operation stays pending (its bill blocked) until the terminal says how it ended. When it cannot
(it keeps no last receipt, it was replaced, it refuses the enquiry), a manager settles it by hand
from what the terminal printed or the bank's statement: it happened, with the terminal's receipt
number and the amount on that receipt, or it did not happen. Who settled it, the evidence and the
reason are kept on the journal and in the audit trail (with the manager who authorised it), and the
ledger gets what a settled operation always gets.

An online operation (a card operator's) is settled the same way from what the operator's back office
shows: done, with the operator's reference and the amount, or not done.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CARD_KINDS, ONLINE_KINDS, CardRecord, OnlineKind
from desk.cards.operations import settle_card_intent
from desk.cards.operator_workflow import settle_online_intent
from desk.core.card_numbers import has_card_number
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.db.audit_notes import AuditNote, note
from desk.journal.intents import EventType, IntentView, close, load_intent, record_event, settle
from desk.ledger.lookup import require_fits
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right

# The trail's kind for it, shared with a register's document settled by hand (desk.audit.models.AuditKind).
AUDIT_KIND = "settled_by_hand"


def settle_card_by_hand(
    session: Session,
    actor: Actor,
    intent_id: int,
    *,
    happened: bool,
    reason: str,
    receipt_no: int | None = None,
    amount: Money | None = None,
    reference: str = "",
    approval: ManagerApproval | None = None,
) -> IntentView:
    """Settle a pending card operation from the evidence: the terminal's receipt (number and amount), or
    for an online operation the operator's reference and amount, when it happened; the reason (what
    was checked) either way."""
    manager = authorise(session, actor, Right.SETTLE_CARD_BY_HAND, approval)
    if not reason.strip():
        raise InvalidInput("Say what shows how the operation ended", field="reason")
    require_fits(reason, 240, "reason")
    view = load_intent(session, intent_id, lock=True)
    if view.kind not in CARD_KINDS and view.kind not in ONLINE_KINDS:
        raise InvalidInput("Operation {key} is not a card operation", field="operation", key=view.key)
    if not view.state.is_open:
        raise InvalidInput("Operation {key} is already {state}", field="operation", key=view.key,
                           state=view.state.value)
    evidence = {"by_hand": True, "settled_by": manager, "reason": reason.strip()}
    if not happened:
        _note(session, actor, view, manager, {"happened": False, "reason": reason.strip()})
        return close(session, actor, intent_id, EventType.CANCELLED, evidence)
    if view.kind in ONLINE_KINDS:
        return _settle_online(session, actor, view, evidence, reference, amount)
    if receipt_no is None or receipt_no <= 0:
        raise InvalidInput("Enter the receipt number the terminal printed", field="receipt")
    assert view.amount is not None  # every card intent is for an amount
    if amount is None or amount.currency != view.amount.currency or amount != view.amount:
        raise InvalidInput("The receipt must show {amount}, the amount the terminal was asked for",
                           field="amount", amount=view.amount)
    if session.scalar(select(CardRecord.id).where(CardRecord.terminal == view.device,
                                                  CardRecord.receipt_no == receipt_no)) is not None:
        raise InvalidInput("Receipt {receipt} of this terminal is already on a card operation", field="receipt",
                           receipt=receipt_no)
    record_event(session, actor, intent_id, EventType.APPROVED,
                 {**evidence, "receipt_no": receipt_no, "amount_minor": amount.minor, "currency": amount.currency})
    _note(session, actor, view, manager, {"happened": True, "receipt_no": receipt_no, "amount": str(amount),
                                          "reason": reason.strip()})
    return settle(session, actor, intent_id, settle_card_intent, evidence)


def _note(session: Session, actor: Actor, view: IntentView, manager: str, what: dict[str, object]) -> None:
    """The trail's entry: who settled which operation, as what, on whose authority, and from what evidence."""
    how = "done" if what["happened"] else "not done"
    summary = f"card operation {view.key} ({view.kind}) settled by hand as {how}"
    note(session, AuditNote(
        AUDIT_KIND, actor.username, actor.workstation, summary,
        subject=f"card operation {view.key}"[:80], authorised_by=manager, folio_id=view.folio_id,
        detail={"key": view.key, "card_operation": view.kind, **what}))


def _settle_online(session: Session, actor: Actor, view: IntentView, evidence: dict[str, object], reference: str,
                   amount: Money | None) -> IntentView:
    kind = OnlineKind(view.kind)
    if kind is OnlineKind.SAVE:
        # What was saved is known only by the token the operator's answer carries: never typed here.
        raise InvalidInput("A card saved by hand cannot be recorded: settle it as not done and save the card "
                           "again", field="operation")
    if kind is OnlineKind.DELETE:
        record_event(session, actor, view.id, EventType.APPROVED, {**evidence, "deleted": True})
        _note(session, actor, view, str(evidence["settled_by"]), {"happened": True, "reason": evidence["reason"]})
        return settle(session, actor, view.id, settle_online_intent, evidence)
    reference = reference.strip()
    if not reference:
        raise InvalidInput("Enter the operator's reference for it", field="reference")
    require_fits(reference, 64, "reference")
    if has_card_number(reference):
        raise InvalidInput("This looks like a card number: enter the operator's reference, never the card",
                           field="reference")
    assert view.amount is not None  # every online money operation is for an amount
    if amount is None or amount.currency != view.amount.currency or amount != view.amount:
        raise InvalidInput("The operator must show {amount}, the amount it was asked for", field="amount",
                           amount=view.amount)
    record_event(session, actor, view.id, EventType.APPROVED,
                 {**evidence, "reference": reference, "amount_minor": amount.minor, "currency": amount.currency})
    _note(session, actor, view, str(evidence["settled_by"]), {"happened": True, "reference": reference,
                                                              "amount": str(amount), "reason": evidence["reason"]})
    return settle(session, actor, view.id, settle_online_intent, evidence)
