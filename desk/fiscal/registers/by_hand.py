"""A registered register's document whose end nothing could tell, settled by a manager from the register's report.

When the answer to a document is lost and neither the register's server nor its fiscal storage can say whether
it was issued (ErpNet.FP restarted and forgot the task; the register issued another document since), the journal
intent stays pending and its payment gets no receipt: printing it again could make a second fiscal document. A
manager reads the register's own report (the fiscal storage's last documents, the printer's electronic journal)
and records what it shows, once: "issued", with the fiscal document number and fiscal sign (ATOL, KKM-server) or
the unique sale number (УНП) and receipt number (ErpNet.FP), which the desk then keeps as the receipt; or "not
issued", which closes the intent so the receipt may be printed again. Who settled it and why are in the journal
and in the audit trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.audit_notes import AuditNote, note
from desk.fiscal.interface import DocumentKind
from desk.fiscal.models import CashRegister, RegisterDocument, SaleNumber
from desk.fiscal.registers.atol import _TASK_TYPES, _original_number, _record
from desk.fiscal.registers.erpnet import _DOCUMENTS
from desk.fiscal.settings import RegisterKind
from desk.hotel.models import Hotel
from desk.journal.intents import EventType, IntentView, close, load_intent, record_event, settle, unresolved
from desk.ledger.lookup import get, require_fits
from desk.ledger.models import Payment
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, require

# The journal's kind of a fiscal document's intent (desk.fiscal.workflow.KIND, which imports this package's drivers).
FISCAL_KIND = "fiscal_receipt"
REGISTERED = frozenset({RegisterKind.ATOL, RegisterKind.KKMSERVER, RegisterKind.ERPNET})
# The УНП as ErpNet.FP's printers take it: the printer's serial (2 letters, 6 digits), operator code, sequence.
SALE_NUMBER = re.compile(r"[A-Z]{2}\d{6}-[A-Z0-9]{4}-\d{7}")
AUDIT_KIND = "settled_by_hand"
# How a register's report shows a document's date and time (the Russian one first), and how far its clock may be off.
_REPORT_CLOCKS = ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
CLOCK_DRIFT = timedelta(minutes=5)


@dataclass(frozen=True)
class PendingDocument:
    """A register document whose end is unknown, with what the desk knows of it."""

    intent_id: int
    key: str
    register: str
    register_name: str
    register_kind: RegisterKind
    document: DocumentKind
    amount: Money | None
    asked_at: datetime
    asked_by: str
    workstation: str
    last_event: EventType  # SENT: nothing came back; UNKNOWN: an answer that did not say
    last_words: str  # what the register, its server or the line said last, as it said it
    sale_number: str = ""  # the УНП the desk sent with an ErpNet.FP sale

    @property
    def sale_sequence(self) -> str:
        """The УНП's last part the desk sent (ErpNet.FP's sale receipts)."""
        return self.sale_number.rsplit("-", 1)[-1] if self.sale_number else _old_sequence(self.intent_id)


def _old_sequence(intent_id: int) -> str:
    """The sequence of a sale sent before sale numbers were kept (0046): its intent's id."""
    return f"{intent_id % 10_000_000:07d}"


def _sent_sale_number(session: Session, key: str) -> str:
    taken = session.scalars(select(SaleNumber).where(SaleNumber.key == key)).first()
    return taken.text if taken is not None else ""


def _register_clock(session: Session, typed: str, intent: IntentView) -> datetime:
    """The date and time the register's report shows, on the hotel's clock (the register's), checked against when the
    desk asked for the document: a register answers after it is asked, its clock a few minutes off at most."""
    typed = " ".join(typed.replace("T", " ").split())
    found = None
    for layout in _REPORT_CLOCKS:
        try:
            found = datetime.strptime(typed, layout)
            break
        except ValueError:
            continue
    if found is None:
        raise InvalidInput("Type the date and time the register's report shows, like 07.12.2026 14:05",
                           field="issued_at")
    zone = session.scalars(select(Hotel.time_zone).limit(1)).first()
    try:
        when = found.replace(tzinfo=ZoneInfo(zone)) if zone else found.astimezone()
    except (ZoneInfoNotFoundError, ValueError):
        when = found.astimezone()
    asked = intent.created_at
    if not asked - CLOCK_DRIFT <= when <= utcnow() + CLOCK_DRIFT:
        raise InvalidInput("The register cannot have issued it at {when}: the desk asked for it at {asked}",
                           field="issued_at", when=when.strftime("%d.%m.%Y %H:%M"),
                           asked=asked.astimezone(when.tzinfo).strftime("%d.%m.%Y %H:%M"))
    return when


def _document_kind(intent: IntentView) -> DocumentKind:
    return DocumentKind(intent.request.get("receipt") or intent.request.get("document") or "")


def _last_answer(intent: IntentView) -> tuple[EventType, str]:
    if not intent.events:
        return EventType.SENT, ""
    last = intent.events[-1]
    return last.type, str(last.payload.get("error") or last.payload.get("check") or "")


def pending_register_documents(session: Session, actor: Actor) -> list[PendingDocument]:
    """Every registered register's document still without an outcome, oldest first, on any workstation. Whoever
    works the desk's devices sees them (to fetch a manager); settling them is a manager's."""
    require(actor, Right.OPERATE_DEVICES)
    registers = {row.code: row for row in session.scalars(select(CashRegister))}
    found = []
    for intent in unresolved(session):
        code = intent.request.get("register") or intent.device
        register = registers.get(code)
        if intent.kind != FISCAL_KIND or register is None or RegisterKind(register.kind or "escpos") not in REGISTERED:
            continue
        found.append(PendingDocument(
            intent.id, intent.key, code, register.name, RegisterKind(register.kind), _document_kind(intent),
            intent.amount, intent.created_at, intent.created_by, intent.workstation, *_last_answer(intent),
            _sent_sale_number(session, intent.key)))
    return found


def settle_register_document_by_hand(
    session: Session,
    actor: Actor,
    intent_id: int,
    *,
    issued: bool,
    reason: str,
    number: int | None = None,
    fiscal_sign: str = "",
    sale_number: str = "",
    issued_at: str = "",
    approval: ManagerApproval | None = None,
) -> IntentView:
    """Record what the register's report shows for a pending document: issued (ATOL and KKM-server: its fiscal
    document ``number``, ``fiscal_sign`` and the date and time ``issued_at`` its receipt's QR code needs;
    ErpNet.FP: its receipt ``number`` and ``sale_number``, the УНП) or not issued; ``reason`` says what was checked.
    Once: a settled document is refused."""
    manager = authorise(session, actor, Right.SETTLE_RECEIPT_BY_HAND, approval)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Say what the register's report shows", field="reason")
    require_fits(reason, 240, "reason")
    view = load_intent(session, intent_id, lock=True)
    if view.kind != FISCAL_KIND:
        raise InvalidInput("Operation {key} is not a register's document", field="operation", key=view.key)
    if not view.state.is_open:
        raise InvalidInput("Operation {key} is already {state}", field="operation", key=view.key,
                           state=view.state.value)
    code = view.request.get("register") or view.device
    register = session.get(CashRegister, code)
    kind = RegisterKind(register.kind or "escpos") if register is not None else RegisterKind.ESCPOS
    if kind not in REGISTERED:
        raise InvalidInput("Operation {key} is on {register}, whose own journal settles it; use Check receipts",
                           field="operation", key=view.key, register=code)
    evidence = {"by_hand": True, "settled_by": manager, "reason": reason}
    summary = "{register}: document {key} settled by hand as {how}"
    if not issued:
        note(session, AuditNote(AUDIT_KIND, actor.username, actor.workstation,
                                summary.format(register=code, key=view.key, how="not issued"),
                                subject=f"register {code}"[:80], authorised_by=manager,
                                detail={"key": view.key, "register": code, "issued": False, "reason": reason}))
        return close(session, actor, intent_id, EventType.CANCELLED, evidence)
    document = _document_kind(view)
    if number is None or number <= 0:
        raise InvalidInput("Type the document number the register's report shows", field="number")
    if session.scalar(select(RegisterDocument.id).where(RegisterDocument.register_code == code,
                                                        RegisterDocument.number == number)) is not None:
        raise InvalidInput("Document {number} of {register} is already on another receipt", field="number",
                           number=number, register=code)
    task: dict[str, Any]
    params: dict[str, Any]
    if kind is RegisterKind.ERPNET:
        sale_number = sale_number.strip().upper()
        if not SALE_NUMBER.fullmatch(sale_number):
            raise InvalidInput("Type the unique sale number as the printer's report shows it, like "
                               "DT279013-0001-0000042", field="sale_number")
        sent = _sent_sale_number(session, view.key)
        sequence = sent.rsplit("-", 1)[-1] if sent else _old_sequence(view.id)
        the_one_sent = sale_number == sent if sent else sale_number.endswith(f"-{sequence}")
        if document is DocumentKind.SALE and not the_one_sent:
            raise InvalidInput("Sale number {number} is not the one the desk sent for this receipt (it ends in "
                               "{sequence}): that receipt is another sale's", field="sale_number",
                               number=sale_number, sequence=sequence)
        task = {"document": _DOCUMENTS[document], "uniqueSaleNumber": sale_number, **evidence}
        params = {"fiscalDocumentNumber": number, "fiscalReceiptNumber": number}
        recorded = {"number": number, "sale_number": sale_number}
    else:
        fiscal_sign = fiscal_sign.strip()
        if not (fiscal_sign.isdigit() and len(fiscal_sign) <= 10):
            raise InvalidInput("Type the fiscal sign (ФП) the register's report shows: up to 10 digits",
                               field="fiscal_sign")
        when = _register_clock(session, issued_at, view)
        task = {"type": _TASK_TYPES[document], **evidence}
        params = {"fiscalDocumentNumber": number, "fiscalDocumentSign": fiscal_sign,
                  "fiscalDocumentDateTime": when.isoformat()}
        recorded = {"number": number, "fiscal_sign": fiscal_sign, "issued_at": when.isoformat()}
    payment_id = view.request.get("payment_id")
    refers_to = None
    if document is DocumentKind.REFUND:
        refers_to = _original_number(session, code, get(session, Payment, payment_id, "Payment"))
    total = Money.parse(view.request["total"]) if view.request.get("total") else None
    _record(session, actor, code, view.key, document, task, {"fiscalParams": params, "by_hand": True},
            payment_id=payment_id, move_id=view.request.get("move_id"), refers_to=refers_to, total=total)
    note(session, AuditNote(AUDIT_KIND, actor.username, actor.workstation,
                            summary.format(register=code, key=view.key, how=f"issued, number {number}"),
                            subject=f"register {code}"[:80], authorised_by=manager,
                            detail={"key": view.key, "register": code, "issued": True, "reason": reason,
                                    **recorded}))
    record_event(session, actor, intent_id, EventType.PRINTED, {**evidence, **recorded, "register": code})
    # Nothing goes to the ledger: the register's document row names its payment.
    return settle(session, actor, intent_id, lambda _session, _actor, _intent: None, evidence)
