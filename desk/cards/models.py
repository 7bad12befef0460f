"""Card terminals per workstation and what each card operation did."""

from __future__ import annotations

import enum
from datetime import date, datetime
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
    __table_args__ = (UniqueConstraint("workstation", "name"),)  # also the look-up by workstation
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40))
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
# The card operations that put money on a bill (on a terminal or at an online operator, OnlineKind):
# while one is unresolved the bill takes no other payment.
CARD_MONEY_IN = frozenset({CardKind.SALE, CardKind.CAPTURE, "online_charge", "online_capture"})


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
    reference: Mapped[str] = mapped_column(String(64), default="", server_default="")  # an online operator's
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # end-of-day totals
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))



class OnlineKind(enum.StrEnum):
    """What the desk asks of an online card operator (a saved card, no terminal): its journal intent's kind."""

    SAVE = "online_save"
    CHARGE = "online_charge"
    PRE_AUTHORISATION = "online_preauth"
    CAPTURE = "online_capture"
    RELEASE = "online_release"
    REFUND = "online_refund"
    DELETE = "online_delete"


ONLINE_KINDS = frozenset(kind.value for kind in OnlineKind)


class CardCame(enum.StrEnum):
    """How the card of an online operation came: typed by the guest on the operator's own page (new),
    read by the terminal and tokenised there (terminal), or a card saved before (saved)."""

    NEW = "new"
    TERMINAL = "terminal"
    SAVED = "saved"


class CardOperatorConfig(Base):
    """The hotel's account at an online card operator (Stripe, ...): how the desk reaches it.

    The secret key is sealed as desk.core.sealed does it, never stored in clear, shown or logged.
    """

    __tablename__ = "card_operator"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)  # what the clerk sees ("Stripe")
    operator: Mapped[str] = mapped_column(String(20))  # "stripe"
    account: Mapped[str] = mapped_column(String(80), default="")
    api_base: Mapped[str] = mapped_column(String(200), default="")  # empty: the operator's own address
    currencies: Mapped[str] = mapped_column(String(200), default="")  # "EUR,CHF"
    secret_sealed: Mapped[str] = mapped_column(Text, default="")
    key_id: Mapped[str] = mapped_column(String(16), default="")
    # Put before every idempotency key sent: our journal keys restart with a new database, the
    # operator's memory of keys does not.
    key_prefix: Mapped[str] = mapped_column(String(16), default="")
    retention_days: Mapped[int] = mapped_column(default=30)  # a saved card is deleted this long after departure


class SavedCard(Base):
    """A guest's card saved at an operator: its token and what identifies it to a person.

    Never a full card number or security code (R11). ``deleted_at`` is set once the operator deleted
    the token; the deletion itself is the journal's ``online_delete`` intent.
    """

    __tablename__ = "saved_card"
    id: Mapped[int] = mapped_column(primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("card_operator.id"), index=True)
    token: Mapped[str] = mapped_column(String(80), unique=True)
    customer: Mapped[str] = mapped_column(String(80), default="")  # the operator's holder of the token
    masked_pan: Mapped[str] = mapped_column(String(32))
    brand: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[str] = mapped_column(String(7))  # "MM/YYYY"
    holder: Mapped[str] = mapped_column(String(160), default="")
    reservation_id: Mapped[int | None] = mapped_column(ForeignKey("reservation.id"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), index=True)
    delete_after: Mapped[date]
    intent_id: Mapped[int | None] = mapped_column(ForeignKey("journal_intent.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[datetime | None]
    deleted_by: Mapped[str] = mapped_column(String(40), default="")


class CardOperatorReader(Base):
    """The operator's card reader at one workstation (a Stripe Terminal reader's id, ``tmr_...``): where
    "Verify and save credit card" with the terminal sends the guest's card to be tokenised (R10)."""

    __tablename__ = "card_operator_reader"
    __table_args__ = (UniqueConstraint("operator_id", "workstation", name="uq_card_operator_reader_workstation"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique constraint's leading column serves a look-up by operator.
    operator_id: Mapped[int] = mapped_column(ForeignKey("card_operator.id"))
    workstation: Mapped[str] = mapped_column(String(40))
    reader: Mapped[str] = mapped_column(String(80))
