"""What became of each payment's fiscal receipt, as the card's Bills and payments tab shows it.

The rule for offering **Print receipt** again lives here, not in a widget: a payment that should
have a receipt and has none on paper (skipped, failed, unsure, or issued and cut) is offered it;
a voided payment only for a document already issued (its paper is owed whatever became of it).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from desk.fiscal.content import receipt_refusal
from desk.fiscal.interface import DocumentKind, Paper
from desk.fiscal.models import FiscalDocument, FiscalPrint, RegisterDocument
from desk.fiscal.registers import atol
from desk.journal.intents import intents_of_payments
from desk.journal.models import JournalIntent
from desk.ledger.folios import FolioView, PaymentLine
from desk.ledger.models import PaymentKind

RECEIPT_INTENT = "fiscal_receipt"  # the journal kind desk.fiscal.workflow records


class ReceiptState(enum.StrEnum):
    PRINTED = "printed"  # issued and printed whole
    WAITING = "waiting"  # issued; its paper was cut, is unsure or never came: reprint (as a COPY)
    UNSURE = "unsure"  # asked, no answer yet: Check receipts asks the register
    FAILED = "failed"  # asked, nothing was issued (printer not ready, refused)
    NONE = "none"  # never asked for (skipped)


@dataclass(frozen=True)
class ReceiptMark:
    """A payment's fiscal receipt: its document number (when issued) and whether to offer it again."""

    kind: DocumentKind
    state: ReceiptState
    number: int | None = None
    register: str | None = None
    may_print: bool = False

    @property
    def number_text(self) -> str:
        return f"{self.number:07d}" if self.number is not None else ""


def _wanted_kind(line: PaymentLine, receipted_sales: set[int]) -> DocumentKind | None:
    """The receipt a payment should have, or None (not fiscal, or not money that changed hands)."""
    payment = line.payment
    if receipt_refusal(payment.method, payment.kind, voids_a_receipted_sale=payment.voids_id in receipted_sales):
        return None
    return DocumentKind.SALE if payment.kind in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT) else DocumentKind.REFUND


def receipt_marks(session: Session, view: FolioView, lines: Sequence[PaymentLine] | None = None
                  ) -> dict[int, ReceiptMark]:
    """Each receipt-worthy payment of the folio (by id) with its mark; of ``lines`` only, if given
    (a reloaded card's new and changed ones)."""
    if lines is None:
        lines = [line for bill in view.bills for line in bill.payments] + list(view.deposit_payments)
    if not lines:
        return {}
    return _marks(lines, _recorded(session, lines))


def unrecorded_marks(lines: Sequence[PaymentLine]) -> dict[int, ReceiptMark]:
    """The marks of payments that no row :func:`names_a_receipt_row` looks for names, and that void
    nothing (a void's mark depends on its sale's documents): what :func:`receipt_marks` finds for
    them, without reading."""
    assert all(line.payment.voids_id is None for line in lines), "a void's mark depends on its sale's documents"
    return _marks(lines, _Recorded())


def names_a_receipt_row(payment_ids: Select[int]) -> ColumnElement[bool]:
    """Whether any row a receipt's mark is read from (a fiscal or a register document, a receipt's
    intent) names one of ``payment_ids``: false, and :func:`unrecorded_marks` gives their marks."""
    return or_(exists().where(FiscalDocument.payment_id.in_(payment_ids)),
               exists().where(RegisterDocument.payment_id.in_(payment_ids)),
               exists().where(JournalIntent.kind == RECEIPT_INTENT, JournalIntent.payment_id.in_(payment_ids)))


@dataclass
class _Recorded:
    """The rows the marks of some payments are made of, by payment."""

    documents: dict[tuple[int | None, str], FiscalDocument] = field(default_factory=dict)
    registered: dict[tuple[int | None, str], RegisterDocument] = field(default_factory=dict)
    unprinted: set[tuple[str, int]] = field(default_factory=set)  # registered receipts whose paper is owed
    last_paper: dict[int, str] = field(default_factory=dict)  # document id -> its last print's result
    open_or_failed: dict[int, bool] = field(default_factory=dict)  # payment id -> an intent still waits


def _recorded(session: Session, lines: Sequence[PaymentLine]) -> _Recorded:
    ids = [line.payment.id for line in lines]
    # A void's mark depends on whether the sale it voids was receipted: that sale's documents too.
    asked = ids + [line.payment.voids_id for line in lines if line.payment.voids_id is not None]
    rows = session.scalars(select(FiscalDocument).where(
        FiscalDocument.payment_id.in_(asked),
        FiscalDocument.kind.in_([DocumentKind.SALE.value, DocumentKind.REFUND.value]))).all()
    recorded = _Recorded(documents={(row.payment_id, row.kind): row for row in rows})
    # A registered register (ATOL, KKM-server, ErpNet.FP) prints what it issues, unless it said it did not (ATOL's
    # notPrinted): that receipt's paper is owed until a copy of it is printed.
    recorded.registered = {(row.payment_id, row.kind): row for row in session.scalars(select(RegisterDocument).where(
        RegisterDocument.payment_id.in_(asked), RegisterDocument.number.is_not(None),
        RegisterDocument.kind.in_([DocumentKind.SALE.value, DocumentKind.REFUND.value])))}
    unprinted = recorded.unprinted
    for issued_row in recorded.registered.values():
        if atol.unprinted(issued_row) and issued_row.number is not None:
            unprinted.add((issued_row.register_code, issued_row.number))
    for code in {code for code, _number in unprinted}:
        copied = atol.copied_numbers(session, code, [number for c, number in unprinted if c == code])
        unprinted -= {(code, number) for number in copied}
    if rows:
        for print_row in session.scalars(select(FiscalPrint).where(
                FiscalPrint.document_id.in_([row.id for row in rows])).order_by(FiscalPrint.id)):
            recorded.last_paper[print_row.document_id] = print_row.result
    open_or_failed = recorded.open_or_failed
    for intent in intents_of_payments(session, RECEIPT_INTENT, ids):
        if intent.payment_id is not None:
            open_or_failed[intent.payment_id] = (open_or_failed.get(intent.payment_id, False)
                                                 or intent.outcome is None)
    return recorded


def _marks(lines: Sequence[PaymentLine], recorded: _Recorded) -> dict[int, ReceiptMark]:
    documents, registered, open_or_failed = recorded.documents, recorded.registered, recorded.open_or_failed
    receipted_sales = {pid for pid, kind in [*documents, *registered]
                       if kind == DocumentKind.SALE.value and pid is not None}
    marks: dict[int, ReceiptMark] = {}
    for line in lines:
        kind = _wanted_kind(line, receipted_sales)
        if kind is None:
            continue
        payment_id = line.payment.id
        voided = line.voided_by is not None
        row = documents.get((payment_id, kind.value))
        if row is not None:
            printed = recorded.last_paper.get(row.id) == Paper.PRINTED.value
            state = ReceiptState.PRINTED if printed else ReceiptState.WAITING
            marks[payment_id] = ReceiptMark(kind, state, row.number, row.register_code, may_print=not printed)
            continue
        issued = registered.get((payment_id, kind.value))
        if issued is not None:
            owed = (issued.register_code, issued.number) in recorded.unprinted
            marks[payment_id] = ReceiptMark(kind, ReceiptState.WAITING if owed else ReceiptState.PRINTED,
                                            issued.number, issued.register_code, may_print=owed)
            continue
        if payment_id in open_or_failed:
            state = ReceiptState.UNSURE if open_or_failed[payment_id] else ReceiptState.FAILED
        else:
            state = ReceiptState.NONE
        marks[payment_id] = ReceiptMark(kind, state, may_print=not voided)
    return marks
