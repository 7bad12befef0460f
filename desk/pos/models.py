"""What the POS service keeps: its keys, its settings, the checks it posted, and its answers."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base


class PaymentMeaning(enum.StrEnum):
    CREDIT = "credit"  # charge to room: an unpaid bill for the chosen guest
    DEPOSIT = "deposit"  # charge to room, paid at once from the stay's deposit


class PosKey(Base):
    """One POS's access key; only its SHA-256 is kept, so a stolen database opens no till."""

    __tablename__ = "pos_key"
    name: Mapped[str] = mapped_column(String(24), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Where this POS's checks are posted when its protocol names no outlet (FarCards).
    outlet_code: Mapped[str | None] = mapped_column(ForeignKey("outlet.code"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(40))


class PosSetting(Base):
    __tablename__ = "pos_setting"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class PosPaymentCode(Base):
    """Which POS payment (r_keeper's currency code) means what on our side (R2)."""

    __tablename__ = "pos_payment_code"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    meaning: Mapped[PaymentMeaning] = mapped_column(
        Enum(PaymentMeaning, native_enum=False, create_constraint=False, length=16,
             values_callable=lambda members: [m.value for m in members]))
    name: Mapped[str] = mapped_column(String(80), default="")


class PosCheck(Base):
    """A check a POS charged to a room; its postings carry ``pos:<pos>:<check>:<n>`` as key."""

    __tablename__ = "pos_check"
    __table_args__ = (UniqueConstraint("pos_name", "check_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pos_name: Mapped[str] = mapped_column(String(24))
    check_id: Mapped[str] = mapped_column(String(40))
    check_number: Mapped[str] = mapped_column(String(40))
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the check's content, to spot a changed resend
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"), index=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id"))
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"))
    postings: Mapped[int]
    amount: Mapped[Money]
    meaning: Mapped[str] = mapped_column(String(16))
    # Arrived after the stay checked out and was posted on its last bill: the desk must look.
    after_checkout: Mapped[bool] = mapped_column(default=False)
    # Lines that no item or category mapping named: posted as the outlet's default service (or as
    # the outlet's sales when it has none), for the revenue report to show.
    unmapped_lines: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MapKind(enum.StrEnum):
    ITEM = "item"  # the till's item (dish) code
    CATEGORY = "category"  # the till's category (group) code
    DEFAULT = "default"  # what the outlet's other lines post as; its pos_code is empty


class PosItemMap(Base):
    """Which of the hotel's services a till's item or category code posts as, per outlet."""

    __tablename__ = "pos_item_map"
    outlet_code: Mapped[str] = mapped_column(ForeignKey("outlet.code"), primary_key=True)
    kind: Mapped[MapKind] = mapped_column(
        Enum(MapKind, native_enum=False, create_constraint=False, length=16,
             values_callable=lambda members: [m.value for m in members]), primary_key=True)
    pos_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_code: Mapped[str] = mapped_column(ForeignKey("service.code"))


class PosRequest(Base):
    """The first answer to a request sent with an Idempotency-Key, replayed to its retries."""

    __tablename__ = "pos_request"
    pos_name: Mapped[str] = mapped_column(String(24), primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[int]
    answer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PosRefund(Base):
    """A refund a POS made of part of a check (or of what was left of it): sent again, it changes nothing."""

    __tablename__ = "pos_refund"
    __table_args__ = (UniqueConstraint("pos_name", "check_id", "refund_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pos_name: Mapped[str] = mapped_column(String(24))
    check_id: Mapped[str] = mapped_column(String(40))
    refund_id: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Money]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
