"""Each register's own fiscal journal in the database: numbered documents in a signed chain.

A document's sign is HMAC-SHA256, keyed by the register's secret, over the previous document's
sign and this document's canonical bytes (sorted-key JSON, UTF-8); the first document follows
:data:`GENESIS`. The secret is a file outside the database (desk.fiscal.keys), so whoever can
write the database cannot sign; before signing, the key is proven to be the one that signed the
register's last document. Rows are only ever inserted (migration 0011_fiscal). :func:`verify`
walks a chain and names the first link that does not hold, and checks it against the anchors
every Z report wrote outside the database (desk.fiscal.anchors). Prints are recorded per attempt, so a
document whose paper was cut or is unsure is known to wait for a reprint.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cash.models import ShiftCashMove
from desk.cash.shifts import MAX_SHIFT_AGE, open_shift_of, payment_figures
from desk.core.canonical import canonical
from desk.core.errors import N_, Finding, InvalidInput, NotFound
from desk.core.money import Money
from desk.core.types import utcnow
from desk.fiscal import keys
from desk.fiscal.anchors import Anchor
from desk.fiscal.errors import FiscalKeyProblem, FiscalShiftClosed, FiscalShiftTooOld
from desk.fiscal.interface import Document, DocumentKind, Paper, Receipt
from desk.fiscal.models import CashRegister, FiscalDocument, FiscalPrint
from desk.hotel.country import register_format
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.models import User
from desk.people.rights import Right, require

GENESIS = "0" * 64
RECEIPT_KINDS = (DocumentKind.SALE, DocumentKind.REFUND)
SHIFT_KINDS = (DocumentKind.SHIFT_OPEN, DocumentKind.X_REPORT, DocumentKind.Z_REPORT,
               DocumentKind.CASH_IN, DocumentKind.CASH_OUT)


def make_sign(secret_hex: str, prev_sign: str, content_bytes: bytes) -> str:
    return hmac.new(bytes.fromhex(secret_hex), prev_sign.encode("ascii") + content_bytes, hashlib.sha256).hexdigest()


def _signing_key(register_code: str, last: FiscalDocument | None) -> str:
    """The register's key, proven to be the one its chain is signed with before anything is signed."""
    secret = keys.signing_key(register_code, chain_started=last is not None)
    if last is not None and not hmac.compare_digest(
            make_sign(secret, last.prev_sign, last.content.encode("utf-8")), last.sign):
        raise FiscalKeyProblem(
            "Document {number} of register {register} was not signed with the key file {path}: either the file is "
            "another register's or workstation's, or the document was changed in the database. Nothing was "
            "printed; run “desk fiscal verify” and call the manager",
            number=f"{last.number:07d}", register=register_code, path=str(keys.key_path(register_code)))
    return secret


def _register(session: Session, code: str) -> CashRegister:
    register = session.get(CashRegister, code)
    if register is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=code)
    return register


def last_document(session: Session, register_code: str, *, lock: bool = False) -> FiscalDocument | None:
    query = (select(FiscalDocument).where(FiscalDocument.register_code == register_code)
             .order_by(FiscalDocument.number.desc()).limit(1))
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


# --- shifts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalShift:
    register: str
    number: int
    opened_at: datetime
    cash_shift_id: int | None

    @property
    def expired(self) -> bool:
        return utcnow() - self.opened_at > MAX_SHIFT_AGE


def open_fiscal_shift(session: Session, register_code: str) -> FiscalShift | None:
    """The register's open shift: its last shift-open document with no Z report after it."""
    row = session.scalars(
        select(FiscalDocument)
        .where(FiscalDocument.register_code == register_code,
               FiscalDocument.kind.in_([DocumentKind.SHIFT_OPEN.value, DocumentKind.Z_REPORT.value]))
        .order_by(FiscalDocument.number.desc()).limit(1)
    ).first()
    if row is None or row.kind != DocumentKind.SHIFT_OPEN.value:
        return None
    return FiscalShift(register_code, row.shift_number, _issued_at(row), row.cash_shift_id)


def _last_shift_number(session: Session, register_code: str) -> int:
    last = last_document(session, register_code)
    return last.shift_number if last is not None else 0


def _issued_at(row: FiscalDocument) -> datetime:
    return datetime.fromisoformat(json.loads(row.content)["issued_at"])


# --- issuing ------------------------------------------------------------------------------------


def _issue(session: Session, actor: Actor, register_code: str, key: str, kind: DocumentKind, shift: int,
           body: Mapping[str, Any], *, payment_id: int | None = None, refers_to: int | None = None,
           cash_shift_id: int | None = None, total: Money | None = None) -> FiscalDocument:
    register = _register(session, register_code)
    last = last_document(session, register_code, lock=True)
    secret = _signing_key(register_code, last)
    number = (last.number if last is not None else 0) + 1
    prev_sign = last.sign if last is not None else GENESIS
    hotel = session.scalars(select(Hotel).limit(1)).one()
    user = session.get(User, actor.username)
    content = {
        "register": register_code, "register_name": register.name, "number": number, "shift": shift,
        "kind": kind.value, "key": key, "issued_at": utcnow().isoformat(), "cashier": actor.username,
        "cashier_name": user.full_name if user is not None else actor.username, "workstation": actor.workstation,
        "payment_id": payment_id, "refers_to": refers_to, "cash_shift_id": cash_shift_id,
        "total": str(total) if total is not None else None,
        "hotel": {"name": hotel.name, "address": hotel.address, "tax_id": hotel.tax_id},
        "body": dict(body),
    }
    data = canonical(content)
    row = FiscalDocument(
        register_code=register_code, number=number, shift_number=shift, kind=kind.value, key=key,
        payment_id=payment_id, refers_to=refers_to, cash_shift_id=cash_shift_id, total=total,
        content=data.decode("utf-8"), prev_sign=prev_sign, sign=make_sign(secret, prev_sign, data),
    )
    session.add(row)
    session.flush()
    return row


def _by_key(session: Session, key: str) -> FiscalDocument | None:
    return session.scalars(select(FiscalDocument).where(FiscalDocument.key == key)).first()


def _current_shift(session: Session, actor: Actor, register_code: str) -> FiscalShift:
    """The register's open shift for a receipt; opened with the workstation's cash shift when none is."""
    shift = open_fiscal_shift(session, register_code)
    cash = open_shift_of(session, actor.workstation)
    if shift is None:
        if cash is None:
            raise FiscalShiftClosed(
                "No shift is open on register {register}: open the cash shift first (Shift → Open shift)",
                register=register_code)
        number = _last_shift_number(session, register_code) + 1
        row = _issue(session, actor, register_code, f"open-{register_code}-{number}", DocumentKind.SHIFT_OPEN,
                     number, {}, cash_shift_id=cash.id)
        return FiscalShift(register_code, row.shift_number, _issued_at(row), cash.id)
    if shift.expired:
        raise FiscalShiftTooOld(
            "Shift {shift} of register {register} was opened more than 24 hours ago: close it (Z report) before "
            "the next sale", shift=shift.number, register=register_code)
    return shift


def check_receipt_shift(session: Session, workstation: str, register_code: str) -> None:
    """Refuse now what issuing would refuse: no shift to open a register's with, or one too old."""
    _register(session, register_code)
    shift = open_fiscal_shift(session, register_code)
    if shift is None and open_shift_of(session, workstation) is None:
        raise FiscalShiftClosed(
            "No shift is open on register {register}: open the cash shift first (Shift → Open shift)",
            register=register_code)
    if shift is not None and shift.expired:
        raise FiscalShiftTooOld(
            "Shift {shift} of register {register} was opened more than 24 hours ago: close it (Z report) before "
            "the next sale", shift=shift.number, register=register_code)


def issue_receipt(session: Session, actor: Actor, register_code: str, key: str, receipt: Receipt) -> Document:
    """Issue a sale or refund receipt with our ``key``; the same key, or the same payment and kind, again
    returns the document already issued (a retry never makes a second one)."""
    require(actor, Right.REQUEST_RECEIPT)
    if receipt.kind not in RECEIPT_KINDS:
        raise InvalidInput("{kind} is not a receipt", kind=receipt.kind.value)
    existing = _by_key(session, key)
    if existing is None and receipt.payment_id is not None:
        existing = session.scalars(select(FiscalDocument).where(
            FiscalDocument.payment_id == receipt.payment_id, FiscalDocument.kind == receipt.kind.value)).first()
    if existing is not None:
        return document_view(session, existing)
    shift = _current_shift(session, actor, register_code)
    body = receipt.as_json()
    body["refund_of"] = receipt.refund_of
    row = _issue(session, actor, register_code, key, receipt.kind, shift.number, body,
                 payment_id=receipt.payment_id, refers_to=receipt.refund_of, cash_shift_id=shift.cash_shift_id,
                 total=Money.of(receipt.total, receipt.currency))
    return document_view(session, row)


def issue_shift_document(session: Session, actor: Actor, register_code: str, key: str, kind: DocumentKind,
                         body: Mapping[str, Any] | None = None) -> Document:
    """Open a shift, an X or Z report, cash in or out; the same key again returns what was issued."""
    require(actor, Right.RUN_CASH_SHIFT)
    if kind not in SHIFT_KINDS:
        raise InvalidInput("{kind} is not a shift document", kind=kind.value)
    existing = _by_key(session, key)
    if existing is not None:
        return document_view(session, existing)
    move_id = (body or {}).get("move_id")
    if kind in MOVE_KINDS and move_id is not None:
        last_document(session, register_code, lock=True)  # decided after the issuers' lock, not before it
        existing = _move_document(session, register_code, move_id)
        if existing is not None:  # asked again under another key (a second print of the shift's paper)
            return document_view(session, existing)
    shift = open_fiscal_shift(session, register_code)
    if kind is DocumentKind.SHIFT_OPEN:
        if shift is not None:
            return document_view(session, _shift_opening(session, register_code, shift))
        cash = open_shift_of(session, actor.workstation)
        row = _issue(session, actor, register_code, key, kind, _last_shift_number(session, register_code) + 1,
                     body or {}, cash_shift_id=cash.id if cash is not None else None)
        return document_view(session, row)
    if kind in (DocumentKind.CASH_IN, DocumentKind.CASH_OUT):
        # Cash moves with the drawer's shift: the register's opens with it, as for a receipt.
        shift = _current_shift(session, actor, register_code)
    if shift is None:
        raise FiscalShiftClosed("No shift is open on register {register}", register=register_code)
    summary = dict(body or {})
    if kind in (DocumentKind.X_REPORT, DocumentKind.Z_REPORT):
        summary.update(shift_summary(session, register_code, shift.number))
    total = Money.parse(summary["amount"]) if kind in (DocumentKind.CASH_IN, DocumentKind.CASH_OUT) else None
    row = _issue(session, actor, register_code, key, kind, shift.number, summary,
                 cash_shift_id=shift.cash_shift_id, total=total)
    return document_view(session, row)


MOVE_KINDS = (DocumentKind.CASH_IN, DocumentKind.CASH_OUT)


def _move_documents(session: Session, cash_shift_id: int, register_code: str | None = None) -> list[FiscalDocument]:
    query = select(FiscalDocument).where(FiscalDocument.cash_shift_id == cash_shift_id,
                                         FiscalDocument.kind.in_([k.value for k in MOVE_KINDS]))
    if register_code is not None:
        query = query.where(FiscalDocument.register_code == register_code)
    return list(session.scalars(query.order_by(FiscalDocument.id)))


def move_documents(session: Session, cash_shift_id: int) -> list[Document]:
    """The cash shift's cash in and out documents."""
    return [document_view(session, row) for row in _move_documents(session, cash_shift_id)]


def documented_moves(session: Session, cash_shift_id: int) -> set[int]:
    """The cash shift's moves (ShiftCashMove ids) that have their cash in or out document."""
    return {json.loads(row.content)["body"].get("move_id") for row in _move_documents(session, cash_shift_id)}


def _move_document(session: Session, register_code: str, move_id: int) -> FiscalDocument | None:
    move = session.get(ShiftCashMove, move_id)
    if move is None:
        return None
    return next((row for row in _move_documents(session, move.shift_id, register_code)
                 if json.loads(row.content)["body"].get("move_id") == move_id), None)


def _shift_opening(session: Session, register_code: str, shift: FiscalShift) -> FiscalDocument:
    return session.scalars(select(FiscalDocument).where(
        FiscalDocument.register_code == register_code, FiscalDocument.shift_number == shift.number,
        FiscalDocument.kind == DocumentKind.SHIFT_OPEN.value)).one()


def shift_summary(session: Session, register_code: str, shift: int) -> dict[str, Any]:
    """Counts and totals of a shift's documents by kind and currency, its taxes by rate, and every payment
    the cash shift took by method, card brand and currency (for X and Z reports)."""
    rows = session.scalars(select(FiscalDocument).where(
        FiscalDocument.register_code == register_code, FiscalDocument.shift_number == shift)
        .order_by(FiscalDocument.number)).all()
    # By kind, then currency: cash moves in several currencies are never added together.
    totals: dict[str, dict[str, Money]] = {}
    counts: dict[str, int] = {}
    taxes: dict[str, dict[str, Money]] = {}
    for row in rows:
        if row.total is None:
            continue
        counts[row.kind] = counts.get(row.kind, 0) + 1
        per_currency = totals.setdefault(row.kind, {})
        currency = row.total.currency
        per_currency[currency] = per_currency.get(currency, Money.zero(currency)) + row.total
        if row.kind in (DocumentKind.SALE.value, DocumentKind.REFUND.value):
            sign = 1 if row.kind == DocumentKind.SALE.value else -1
            for tax in json.loads(row.content)["body"].get("taxes", []):
                line = taxes.setdefault(tax["percent"], {"gross": Money.zero(currency), "tax": Money.zero(currency)})
                line["gross"] = line["gross"] + Money.of(tax["gross"], currency) * sign
                line["tax"] = line["tax"] + Money.of(tax["tax"], currency) * sign
    cash_shift_id = next((row.cash_shift_id for row in rows if row.cash_shift_id is not None), None)
    return {
        "counts": counts,
        "totals": {kind: [str(m) for _c, m in sorted(by_currency.items())] for kind, by_currency in totals.items()},
        "taxes": [{"percent": p, "gross": str(v["gross"]), "tax": str(v["tax"])}
                  for p, v in sorted(taxes.items(), key=lambda item: Decimal(item[0]))],
        "methods": _methods(session, register_code, cash_shift_id),
        "first": rows[0].number if rows else None, "last": rows[-1].number if rows else None,
    }


def _methods(session: Session, register_code: str, cash_shift_id: int | None) -> list[dict[str, Any]]:
    """The cash shift's payments by method, named in the register's language (the paper's)."""
    if cash_shift_id is None:
        return []
    language = register_format(session, register_code).language
    return [{"method": figures.method_name, "brand": figures.brand, "currency": figures.currency,
             "count": figures.count, "total": str(figures.received.amount),
             "refund_count": figures.refund_count, "refunds": str(figures.given_back.amount)}
            for figures in payment_figures(session, cash_shift_id, language)]


def check_print(session: Session, actor: Actor, document_id: int) -> None:
    """Refuse now what recording a print of the document would refuse: a copy or a reprint is a new
    request (run it with ``Runner.run``, which confirms the actor too) before the printer is asked."""
    require(actor, Right.REQUEST_RECEIPT)
    _existing_document(session, document_id)


def record_print(session: Session, actor: Actor, document_id: int, copy: bool, paper: Paper,
                 bytes_sent: int = 0, message: str = "") -> None:
    """What became of one attempt to print a document.

    Recorded with ``Runner.finish``: the actor's standing was confirmed before the printer was asked
    (the document issued, or :func:`check_print`); whatever it has become since, the paper is what it is.
    """
    require(actor, Right.REQUEST_RECEIPT)
    _existing_document(session, document_id)
    session.add(FiscalPrint(document_id=document_id, copy=copy, result=paper.value, bytes_sent=bytes_sent,
                            message=message[:240], printed_by=actor.username))
    session.flush()


def _existing_document(session: Session, document_id: int) -> FiscalDocument:
    row = session.get(FiscalDocument, document_id)
    if row is None:
        raise NotFound("There is no fiscal document {document}", document=document_id)
    return row


# --- reading ------------------------------------------------------------------------------------


def document_view(session: Session, row: FiscalDocument) -> Document:
    prints = session.scalars(select(FiscalPrint).where(FiscalPrint.document_id == row.id)
                             .order_by(FiscalPrint.id)).all()
    content = json.loads(row.content)
    return Document(
        id=row.id, register=row.register_code, number=row.number, shift=row.shift_number,
        kind=DocumentKind(row.kind), key=row.key, sign=row.sign, issued_at=datetime.fromisoformat(content["issued_at"]),
        content=content, payment_id=row.payment_id, refers_to=row.refers_to,
        paper=Paper(prints[-1].result) if prints else None,
        printed_whole_once=any(p.result == Paper.PRINTED.value for p in prints),
        maybe_on_paper=not prints or any(p.result != Paper.FAILED.value for p in prints),
    )


def document_by_key(session: Session, key: str) -> Document | None:
    row = _by_key(session, key)
    return None if row is None else document_view(session, row)


def document_by_number(session: Session, register_code: str, number: int) -> Document:
    row = session.scalars(select(FiscalDocument).where(
        FiscalDocument.register_code == register_code, FiscalDocument.number == number)).first()
    if row is None:
        raise NotFound("Register {register} has no document {number}", register=register_code, number=number)
    return document_view(session, row)


def receipt_of_payment(session: Session, payment_id: int, kind: DocumentKind) -> Document | None:
    row = session.scalars(select(FiscalDocument).where(
        FiscalDocument.payment_id == payment_id, FiscalDocument.kind == kind.value)).first()
    return None if row is None else document_view(session, row)


def waiting_for_reprint(session: Session, register_code: str | None = None) -> list[Document]:
    """Issued documents whose last print did not end whole on paper (or that never printed)."""
    query = select(FiscalDocument).order_by(FiscalDocument.id)
    if register_code is not None:
        query = query.where(FiscalDocument.register_code == register_code)
    docs = [document_view(session, row) for row in session.scalars(query)]
    # A shift opened with its first receipt has no paper of its own; one that was printed (with its float)
    # waits for its paper like any document.
    return [d for d in docs if d.paper is not Paper.PRINTED
            and not (d.kind is DocumentKind.SHIFT_OPEN and d.paper is None)]


# --- verifying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    register: str
    documents: int
    broken_at: int | None = None  # the first document number whose link does not hold
    reason: str = ""  # a Finding

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(session: Session, register_code: str, anchors: Sequence[Anchor] = ()) -> ChainReport:
    """Check every link of the register's chain (numbering, previous sign, content, sign) with the
    register's key file, then that the chain still holds every anchor of the register in ``anchors``."""
    rows = session.scalars(select(FiscalDocument).where(FiscalDocument.register_code == register_code)
                           .order_by(FiscalDocument.number, FiscalDocument.id)).all()
    mine = sorted((a for a in anchors if a.register == register_code), key=lambda a: a.number)
    try:
        secret = keys.existing_key(register_code)
    except FiscalKeyProblem as exc:
        return ChainReport(register_code, len(rows), 1, Finding(exc.template, **exc.params))
    if secret is None:
        return ChainReport(register_code, len(rows), 1,
                           Finding(N_("the register's key file {path} is not here"),
                                   path=str(keys.key_path(register_code))))
    for anchor in mine:
        if anchor.key_id and anchor.key_id != keys.fingerprint(secret):
            return ChainReport(register_code, len(rows), anchor.number,
                               Finding(N_("the key file {path} is not the key the anchor of {date} was signed with "
                                          "(key {anchored}, here {here}): the chain was signed again with another key"),
                                       path=str(keys.key_path(register_code)), date=anchor.issued_at,
                                       anchored=anchor.key_id, here=keys.fingerprint(secret)))
    prev_sign = GENESIS
    for expected_number, row in enumerate(rows, start=1):
        problem = _link_problem(row, expected_number, prev_sign, secret)
        if problem:
            return ChainReport(register_code, len(rows), row.number, problem)
        prev_sign = row.sign
    signs = {row.number: row.sign for row in rows}
    for anchor in mine:
        if anchor.number not in signs:
            first = len(rows) + 1
            return ChainReport(register_code, len(rows), first,
                               Finding(N_("documents {first} to {last} are missing: the anchor of {date} names "
                                          "document {last}"), first=f"{first:07d}", last=f"{anchor.number:07d}",
                                       date=anchor.issued_at))
        if not hmac.compare_digest(signs[anchor.number], anchor.sign):
            return ChainReport(register_code, len(rows), anchor.number,
                               Finding(N_("it is not the document the anchor of {date} names (sign {sign}...)"),
                                       date=anchor.issued_at, sign=anchor.sign[:16]))
    return ChainReport(register_code, len(rows))


def _link_problem(row: FiscalDocument, number: int, prev_sign: str, secret: str) -> str:
    if row.number != number:
        return Finding(N_("document {number} is missing (found {found})"), number=number, found=row.number)
    if row.prev_sign != prev_sign:
        return Finding(N_("it does not follow the previous document's sign"))
    try:
        content = json.loads(row.content)
    except ValueError:
        return Finding(N_("its content is not readable"))
    columns = {"register": row.register_code, "number": row.number, "shift": row.shift_number, "kind": row.kind,
               "key": row.key, "payment_id": row.payment_id, "refers_to": row.refers_to,
               "cash_shift_id": row.cash_shift_id, "total": str(row.total) if row.total is not None else None}
    for name, value in columns.items():
        if content.get(name) != value:
            return Finding(N_("its {column} was changed ({value}, signed as {signed})"), column=name,
                           value=repr(value), signed=repr(content.get(name)))
    if not hmac.compare_digest(make_sign(secret, prev_sign, canonical(content)), row.sign):
        return Finding(N_("its sign does not match its content"))
    if canonical(content).decode("utf-8") != row.content:
        return Finding(N_("its content was rewritten"))
    return ""


def registers_with_documents(session: Session) -> list[str]:
    return list(session.scalars(select(FiscalDocument.register_code).distinct().order_by(FiscalDocument.register_code)))
