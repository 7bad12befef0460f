"""Turning each unit of work into trail entries, just before it commits, in the same transaction.

Every writing unit passes through SQLAlchemy's commit, whoever opened it (the runner, a sign-in, a
kept failure count): listening there, the trail records what the unit did without a call in each use
case. ``after_flush`` gathers the rows the unit wrote (with each changed column's before and after);
``before_commit`` makes the entries: the notes features left (desk.db.audit_notes: sign-ins, locks,
approvals) and what the rows say (a payment, refund or void; a setting, device or key changed; a
night audit). A unit that rolls back writes no entry: a refused use case leaves nothing in the trail
(a refused sign-in is counted in a unit of its own that commits, and is recorded there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from desk.audit.chain import append
from desk.audit.models import AuditEntry, AuditKind
from desk.cards.models import CardOperatorConfig, CardTerminalConfig
from desk.core.types import utcnow
from desk.db.audit_notes import acting, attached_detail, forget_notes, take_notes
from desk.devices.models import WorkstationPrinter
from desk.fiscal.models import CashRegister
from desk.hotel.models import CurrencyRate, ExchangeRate, Hotel, Outlet, PaymentMethod, RoomType, Service, TaxRate
from desk.ledger.models import Payment, PaymentKind, Posting, PostingKind
from desk.mail.models import MailSettings
from desk.people.models import AdminChange
from desk.pos.models import PosKey, PosPaymentCode, PosSetting
from desk.stays.models import NightAudit

_GATHERED_KEY = "desk.audit.recording.gathered"
# Whoever writes the database without signing in (its owner seeding it, a migration).
NOBODY = "-"
SETTING_TABLES = (Hotel, CurrencyRate, ExchangeRate, TaxRate, PaymentMethod, Outlet, Service, RoomType,
                  MailSettings, PosSetting, PosPaymentCode)
DEVICE_TABLES = (WorkstationPrinter, CardTerminalConfig, CardOperatorConfig, CashRegister)
# A column whose value is a secret or protects one: its change is recorded, never its value.
SECRET_WORDS = ("sealed", "hash", "secret", "password")
MOST_CHANGES = 40  # a unit that changes more rows (a set-up) lists these and counts the rest
PAYMENT_KINDS = {PaymentKind.PAYMENT: AuditKind.PAYMENT, PaymentKind.DEPOSIT: AuditKind.PAYMENT,
                 PaymentKind.REFUND: AuditKind.REFUND, PaymentKind.VOID: AuditKind.VOID}


@dataclass
class Gathered:
    """The rows one unit wrote that the trail records, in the order they were flushed."""

    records: list[object] = field(default_factory=list)
    settings: list[dict[str, Any]] = field(default_factory=list)
    devices: list[dict[str, Any]] = field(default_factory=list)
    revoked_keys: list[PosKey] = field(default_factory=list)


def _shown(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _changes(record: object, state: str) -> dict[str, Any]:
    """Each changed column's value before and after (a new row: after only; a deleted one: before)."""
    mapper = inspect(record).mapper
    table = mapper.local_table.name
    key = "/".join(str(v) for v in mapper.primary_key_from_instance(record))
    columns: dict[str, Any] = {}
    for attribute in mapper.column_attrs:
        name = attribute.key
        history = inspect(record).attrs[name].history
        if state == "changed" and not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else (history.unchanged[0] if state == "deleted" and
                                                              history.unchanged else None)
        after = history.added[0] if history.added else (history.unchanged[0] if state == "added" and
                                                        history.unchanged else None)
        if state == "deleted":
            after = None
        if any(word in name for word in SECRET_WORDS):
            if before == after or (not before and not after):
                continue
            columns[name] = {"secret": "changed"}
            continue
        columns[name] = {"before": _shown(before), "after": _shown(after)}
    return {"table": table, "key": key, "state": state, "columns": columns}


@event.listens_for(Session, "after_flush")
def _gather(session: Session, _context: Any) -> None:
    gathered: Gathered = session.info.setdefault(_GATHERED_KEY, Gathered())
    for record in session.new:
        if isinstance(record, Payment | Posting | AdminChange | NightAudit | PosKey):
            gathered.records.append(record)
        if isinstance(record, SETTING_TABLES):
            gathered.settings.append(_changes(record, "added"))
        elif isinstance(record, DEVICE_TABLES):
            gathered.devices.append(_changes(record, "added"))
    for record in session.dirty:
        if not session.is_modified(record, include_collections=False):
            continue
        if isinstance(record, SETTING_TABLES):
            gathered.settings.append(_changes(record, "changed"))
        elif isinstance(record, DEVICE_TABLES):
            gathered.devices.append(_changes(record, "changed"))
        elif isinstance(record, PosKey) and inspect(record).attrs["revoked_at"].history.added:
            gathered.revoked_keys.append(record)
    for record in session.deleted:
        if isinstance(record, SETTING_TABLES):
            gathered.settings.append(_changes(record, "deleted"))
        elif isinstance(record, DEVICE_TABLES):
            gathered.devices.append(_changes(record, "deleted"))


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_GATHERED_KEY, None)
    forget_notes(session)


@event.listens_for(Session, "before_commit")
def _record(session: Session) -> None:
    session.flush()  # the last rows are gathered before the entries are made of them
    notes = take_notes(session)
    gathered: Gathered | None = session.info.pop(_GATHERED_KEY, None)
    if not notes and (gathered is None or not _anything(gathered)):
        return
    now = utcnow()
    for made in notes:
        append(session, kind=made.kind, username=made.username, workstation=made.workstation, at=now,
               summary=made.summary, subject=made.subject, authorised_by=made.authorised_by, folio_id=made.folio_id,
               detail=made.detail)
    if gathered is not None:
        _record_rows(session, gathered, now)
    session.info.pop(_GATHERED_KEY, None)  # what the entries' own flush gathered
    forget_notes(session)  # the details attached to this unit's rows, now in their entries


def _anything(gathered: Gathered) -> bool:
    return bool(gathered.records or gathered.settings or gathered.devices or gathered.revoked_keys)


def _who(session: Session, record: object | None = None) -> tuple[str, str]:
    actor = acting(session)
    if actor is not None:
        return actor.username, actor.workstation
    return (str(getattr(record, "created_by", None) or getattr(record, "started_by", None) or NOBODY),
            str(getattr(record, "workstation", None) or ""))


def _limited(changes: list[dict[str, Any]]) -> dict[str, Any]:
    listed: dict[str, Any] = {"changes": changes[:MOST_CHANGES]}
    if len(changes) > MOST_CHANGES:
        listed["more"] = len(changes) - MOST_CHANGES
    return listed


def _record_rows(session: Session, gathered: Gathered, now: datetime) -> None:
    admin_changes = [r for r in gathered.records if isinstance(r, AdminChange)]
    for record in gathered.records:
        if isinstance(record, Payment):
            _payment(session, record, now)
        elif isinstance(record, Posting) and record.kind is PostingKind.VOID:
            username, workstation = _who(session, record)
            append(session, kind=AuditKind.VOID, username=username, workstation=workstation, at=now,
                   subject=f"posting {record.id}", authorised_by=record.authorised_by, folio_id=record.folio_id,
                   summary=f"void of posting {record.reverses_id}: {record.amount}, {record.reason}",
                   detail={"posting": record.id, "voids_posting": record.reverses_id, "amount": str(record.amount),
                           "reason": record.reason})
        elif isinstance(record, AdminChange):
            settings = gathered.settings if record is admin_changes[0] else []
            append(session, kind=AuditKind.SETTING, username=record.username, workstation=record.workstation,
                   at=now, subject=f"{record.kind} {record.code}", summary=record.summary,
                   detail={"admin_change": record.id, **_limited(settings), **attached_detail(session, record)})
        elif isinstance(record, NightAudit):
            username, workstation = _who(session, record)
            append(session, kind=AuditKind.NIGHT_AUDIT, username=username, workstation=workstation, at=now,
                   subject=f"business day {record.business_date.isoformat()}",
                   summary=f"night audit of {record.business_date.isoformat()}"
                           + (f", over open items: {record.reason}" if record.reason else ""),
                   detail={"night_audit": record.id, "business_date": record.business_date.isoformat(),
                           "reason": record.reason})
        elif isinstance(record, PosKey):
            username, workstation = _who(session, record)
            append(session, kind=AuditKind.KEY, username=username, workstation=workstation, at=now,
                   subject=f"POS key {record.name}", summary=f"POS key {record.name} created",
                   detail={"pos_key": record.name, "state": "created"})
    for key in gathered.revoked_keys:
        username, workstation = _who(session, key)
        append(session, kind=AuditKind.KEY, username=username, workstation=workstation, at=now,
               subject=f"POS key {key.name}", summary=f"POS key {key.name} revoked",
               detail={"pos_key": key.name, "state": "revoked"})
    if gathered.settings and not admin_changes and acting(session) is not None:
        username, workstation = _who(session)
        append(session, kind=AuditKind.SETTING, username=username, workstation=workstation, at=now,
               subject=_subject(gathered.settings), summary=_summary(gathered.settings),
               detail=_limited(gathered.settings))
    if gathered.devices:
        username, workstation = _who(session)
        if acting(session) is None:
            record = gathered.devices[0]["columns"].get("changed_by", {})
            username = str(record.get("after") or record.get("before") or NOBODY)
        append(session, kind=AuditKind.DEVICE, username=username, workstation=workstation, at=now,
               subject=_subject(gathered.devices), summary=_summary(gathered.devices),
               detail=_limited(gathered.devices))


def _subject(changes: list[dict[str, Any]]) -> str:
    first = changes[0]
    return f"{first['table']} {first['key']}" + (f" (+{len(changes) - 1})" if len(changes) > 1 else "")


def _summary(changes: list[dict[str, Any]]) -> str:
    parts = []
    for change in changes:
        shown = []
        for name, values in change["columns"].items():
            if name in ("id", "changed_at", "changed_by"):
                continue
            if "before" not in values:
                shown.append(f"{name} changed")
            elif change["state"] == "added":
                if values["after"] not in (None, ""):
                    shown.append(f"{name}: {values['after']!s}")
            elif change["state"] == "deleted":
                shown.append(f"{name}: {values['before']!s}")
            else:
                shown.append(f"{name}: {values['before']!s} -> {values['after']!s}")
        parts.append(f"{change['table']} {change['key']} {change['state']}: {', '.join(shown)}")
    return "; ".join(parts)


def _payment(session: Session, payment: Payment, now: datetime) -> None:
    kind = PAYMENT_KINDS.get(payment.kind)
    if kind is None:  # a transfer between the deposit and a bill moves no money in or out
        return
    username, workstation = _who(session, payment)
    of = payment.refund_of_id if kind is AuditKind.REFUND else payment.voids_id if kind is AuditKind.VOID else None
    what = {AuditKind.PAYMENT: "payment", AuditKind.REFUND: "refund", AuditKind.VOID: "void"}[kind]
    append(session, kind=kind, username=username, workstation=workstation, at=now,
           subject=f"payment {payment.id}", authorised_by=payment.authorised_by, folio_id=payment.folio_id,
           summary=f"{what} {payment.amount} ({payment.method_code})" + (f" of payment {of}" if of else "")
                   + (f": {payment.reason}" if payment.reason else ""),
           detail={"payment": payment.id, "kind": payment.kind.value, "amount": str(payment.amount),
                   "method": payment.method_code, "of_payment": of, "bill": payment.bill_id,
                   "reason": payment.reason})


def entry_kinds() -> list[str]:
    return [kind.value for kind in AuditKind]


__all__ = ["AuditEntry", "entry_kinds"]
