"""E-mail settings and the outbox of electronic receipts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.types import utcnow
from desk.db.base import Base


class MailSettings(Base):
    """The SMTP server electronic receipts go out through (one row). Its password is here only
    sealed (Fernet) with a key kept outside the database (desk/mail/outbox.py), or not at all."""

    __tablename__ = "mail_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(160))
    port: Mapped[int]
    security: Mapped[str] = mapped_column(String(16))  # "none", "starttls" or "tls"
    username: Mapped[str] = mapped_column(String(120), default="")
    sender: Mapped[str] = mapped_column(String(120))
    password_sealed: Mapped[str] = mapped_column(Text, default="")  # a Fernet token, never the password
    key_id: Mapped[str] = mapped_column(String(16), default="")  # which key sealed it, to say so when missing
    ca_pem: Mapped[str] = mapped_column(Text, default="")  # the hotel's own CA, trusted besides the system's
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class MailOutbox(Base):
    """An e-mail waiting to go out, or gone: tried again until the server takes it."""

    __tablename__ = "mail_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_request_id: Mapped[int] = mapped_column(ForeignKey("receipt_request.id"), unique=True)
    recipient: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_error: Mapped[str] = mapped_column(String(240), default="")
    sent_at: Mapped[datetime | None]

