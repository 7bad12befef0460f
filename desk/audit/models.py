"""The trail's tables: its entries, and the one row each writer locks before it appends."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.db.base import Base, LedgerRecord


class AuditKind(enum.StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCK = "lock"
    SWITCH_USER = "switch_user"
    OVERRIDE = "override"  # a manager's credentials typed in to allow what the user may not do
    PAYMENT = "payment"
    REFUND = "refund"
    VOID = "void"
    SETTING = "setting"
    DEVICE = "device"
    KEY = "key"
    NIGHT_AUDIT = "night_audit"
    SETTLED_BY_HAND = "settled_by_hand"  # a register's document whose end its register could not tell
    MAIL = "document_mailed"  # a folio, bill or invoice put in the outbox for its payer (desk.mailing.documents)
    INVOICE = "invoice"  # an invoice or a credit note issued (desk.invoices leaves the note)
    # A card save whose answer was lost, which the operator may keep though the desk never got it (desk.cards).
    CARD_LEFT_AT_OPERATOR = "card_left_at_operator"


class AuditEntry(LedgerRecord, Base):
    """One thing that happened. ``content`` is what the hash covers (the columns are copies of it for
    searching): ``hash`` = SHA-256 of ``prev_hash`` and the canonical bytes of ``content``."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)  # 1, 2, 3... without gaps: a gap is a removed entry
    at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    username: Mapped[str] = mapped_column(String(40), index=True)
    workstation: Mapped[str] = mapped_column(String(40))
    authorised_by: Mapped[str | None] = mapped_column(String(40))
    folio_id: Mapped[int | None] = mapped_column(index=True)
    reservation_id: Mapped[int | None]
    subject: Mapped[str] = mapped_column(String(80))  # what it touched: "payment 12", "user anna"
    summary: Mapped[str] = mapped_column(String(400))
    content: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row, never changed: locked by each appending unit so appends take turns on PostgreSQL."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
