"""E-mail settings and the outbox of electronic receipts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    LargeBinary,
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
    """An e-mail waiting to go out, or gone: tried again until the server takes it.

    An e-receipt names its receipt request and is rendered when sent (a fiscal copy never changes).
    Any other document (a folio, a bill, an invoice) is kept here as the PDF the clerk sent, with its
    subject and text, made when it was queued: a folio changes after, and what the payer receives
    must be what the desk showed when the clerk pressed Send.
    """

    __tablename__ = "mail_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_request_id: Mapped[int | None] = mapped_column(ForeignKey("receipt_request.id"), unique=True)
    document_kind: Mapped[str] = mapped_column(String(16), default="receipt")  # a key of desk.mailing.documents
    document_id: Mapped[int | None] = mapped_column(index=True)  # the folio's, bill's... id; None for a receipt
    folio_id: Mapped[int | None] = mapped_column(index=True)  # the folio it belongs to, to list its e-mails
    language: Mapped[str] = mapped_column(String(8), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(120), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    queued_by: Mapped[str] = mapped_column(String(40), default="")
    recipient: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # The last failure's kind (desk.mail.outbox.FAILURE_KINDS; empty before 0049: last_error is then the
    # English sentence) and the server's own words, which no translation changes.
    error_kind: Mapped[str] = mapped_column(String(16), default="", server_default="")
    last_error: Mapped[str] = mapped_column(String(240), default="")
    sent_at: Mapped[datetime | None]

