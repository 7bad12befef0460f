"""Card terminals per workstation and what each card operation did."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, LedgerRecord, enum_column


class CardTerminalConfig(Base):
    """A card terminal beside a workstation, as the desk connects to it (several per workstation)."""

    __tablename__ = "card_terminal"
    __table_args__ = (UniqueConstraint("workstation", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(String(200))  # tcp://host:20007 or serial:///dev/ttyACM0
    currency: Mapped[str] = mapped_column(String(3))
    # The ZVT cashier password (a terminal setting, digits), sealed as desk.core.sealed does it;
    # never stored in clear, shown or logged.
    password_sealed: Mapped[str] = mapped_column(Text, default="")
    key_id: Mapped[str] = mapped_column(String(16), default="")  # which key sealed it
    # False: the terminal sends its slips as text (the desk's ZVT client asks for them) and the
    # workstation's receipt printer prints them; True: the terminal prints on its own paper.
    own_printer: Mapped[bool] = mapped_column(default=False, server_default=false())
    merchant_copy: Mapped[bool] = mapped_column(default=False, server_default=false())  # printed by the desk too


class CardKind(enum.StrEnum):
    """What a clerk asks of a card terminal: the kind of its journal intent."""

    SALE = "card_sale"
    REFUND = "card_refund"
    REVERSAL = "card_reversal"
    PRE_AUTHORISATION = "card_preauth"
    CAPTURE = "card_capture"
    RELEASE = "card_release"


# The journal kinds of every card operation, as stored.
CARD_KINDS = frozenset(kind.value for kind in CardKind)
# The card operations that put money on a bill: while one is unresolved the bill takes no other payment.
CARD_MONEY_IN = frozenset({CardKind.SALE, CardKind.CAPTURE})


class CardRecordKind(enum.StrEnum):
    """What a card record says the terminal did."""


    SALE = "sale"
    REFUND = "refund"
    REVERSAL = "reversal"
    PRE_AUTHORISATION = "pre_authorisation"
    CAPTURE = "capture"
    RELEASE = "release"
    EXPIRED = "expired"  # the bank had already dropped the hold when we tried to capture it (R16)
    END_OF_DAY = "end_of_day"


class CardRecord(LedgerRecord, Base):
    """What a card terminal did, as it said so: never a full card number, only its masked form.

    A refund, capture, release or reversal points at the record it acts on (``original_id``);
    a hold's state is read from the records pointing at it.
    """

    __tablename__ = "card_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[CardRecordKind] = mapped_column(enum_column(CardRecordKind))
    intent_id: Mapped[int | None] = mapped_column(ForeignKey("journal_intent.id"), unique=True)
    folio_id: Mapped[int | None] = mapped_column(ForeignKey("folio.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    original_id: Mapped[int | None] = mapped_column(ForeignKey("card_record.id"), index=True)
    amount: Mapped[Money]
    terminal: Mapped[str] = mapped_column(String(80))  # our name for it
    terminal_id: Mapped[str] = mapped_column(String(16), default="")  # the terminal's own id
    receipt_no: Mapped[int | None]
    trace_no: Mapped[int | None]
    auth_code: Mapped[str] = mapped_column(String(16), default="")
    brand: Mapped[str] = mapped_column(String(40), default="")
    masked_pan: Mapped[str] = mapped_column(String(32), default="")
    # The terminal's receipts ({"kind", "lines"}), kept to print when the terminal has no printer.
    receipts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # end-of-day totals
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))

