"""The journal of device and operator operations: intents and what became of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, LedgerRecord


class JournalIntent(LedgerRecord, Base):
    """An operation a device (or operator) is about to be asked to do, committed before it is asked."""

    __tablename__ = "journal_intent"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # our idempotency key, sent to the device
    kind: Mapped[str] = mapped_column(String(32))  # e.g. "fiscal_receipt", "card_sale"
    device: Mapped[str] = mapped_column(String(80))
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    folio_id: Mapped[int | None] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    amount: Mapped[Money | None]
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class JournalEvent(LedgerRecord, Base):
    """Something the device answered, or what became of the intent; its state is read from these."""

    __tablename__ = "journal_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    intent_id: Mapped[int] = mapped_column(ForeignKey("journal_intent.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Set (to intent_id) only on an outcome event: unique, so an intent gets one outcome whoever races.
    outcome_of: Mapped[int | None] = mapped_column(ForeignKey("journal_intent.id"), unique=True)
    # The ledger record a settlement wrote, if it is a payment.
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))



class OpenIntent(Base):
    """An intent still without an outcome: kept by the database's own triggers (migration 0023),
    never by the program, so the pending list of five years' journal is read without reading it.

    Rows come and go (written when the intent is, removed when its outcome is), so this is not a
    ledger table; the desk's database role may only read it, and the triggers that keep it run as the
    tables' owner: no desk can hide an operation whose outcome is unknown.
    """

    __tablename__ = "journal_open"
    intent_id: Mapped[int] = mapped_column(ForeignKey("journal_intent.id"), primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
