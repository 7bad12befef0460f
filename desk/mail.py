"""Electronic receipts by e-mail: an outbox in the database, sent by a thread, retried until taken.

A receipt request with an e-mail address puts a row in ``mail_outbox`` in the same transaction,
so nothing waits on the mail server: a payment commits whether the server is up or down. The
:class:`MailWorker` thread sends what is due and, on failure, records the error and tries again
later (30 s, 1 min, 2 min, ... up to an hour apart).

The SMTP server's host, port, security and user are settings in the database (``mail_settings``);
its password is read from the environment variable ``DESK_SMTP_PASSWORD`` only, so it is in no
database copy or backup, and it is never logged or printed.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import threading
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.auth import Actor
from desk.db import Database
from desk.errors import InvalidInput
from desk.models import Hotel, MailOutbox, MailSettings, ReceiptKind, ReceiptRequest
from desk.rights import Right, require
from desk.types import utcnow

logger = logging.getLogger(__name__)

PASSWORD_ENV = "DESK_SMTP_PASSWORD"
SECURITIES = ("none", "starttls", "tls")
SMTP_TIMEOUT = 20.0
FIRST_RETRY = timedelta(seconds=30)
LAST_RETRY = timedelta(hours=1)


@dataclass(frozen=True)
class MailConfig:
    host: str
    port: int
    security: str
    username: str
    sender: str

    def __repr__(self) -> str:  # no password here anyway; say so for whoever reads a log
        return f"MailConfig({self.host}:{self.port}, {self.security}, user={self.username!r}, password from env)"


def mail_config(session: Session) -> MailConfig | None:
    row = session.scalars(select(MailSettings).limit(1)).first()
    if row is None:
        return None
    return MailConfig(row.host, row.port, row.security, row.username, row.sender)


def set_mail_settings(session: Session, actor: Actor, host: str, port: int, security: str, *,
                      username: str = "", sender: str) -> MailConfig:
    """The SMTP server e-receipts go through (the password: ``DESK_SMTP_PASSWORD``)."""
    require(actor, Right.MANAGE_DEVICES)
    from desk.receipts import EMAIL

    host, username, sender = host.strip(), username.strip(), sender.strip()
    if not host or len(host) > 160:
        raise InvalidInput("A mail server needs a host name", field="host")
    if not 0 < port < 65536:
        raise InvalidInput("A port is a number from 1 to 65535", field="port")
    if security not in SECURITIES:
        raise InvalidInput("Security is one of: {values}", field="security", values=", ".join(SECURITIES))
    if not EMAIL.match(sender):
        raise InvalidInput("{email} is not an e-mail address", field="sender", email=sender)
    row = session.scalars(select(MailSettings).limit(1)).first()
    if row is None:
        row = MailSettings(host=host, port=port, security=security, username=username, sender=sender,
                           changed_by=actor.username)
        session.add(row)
    else:
        row.host, row.port, row.security, row.username, row.sender = host, port, security, username, sender
        row.changed_by, row.changed_at = actor.username, utcnow()
    session.flush()
    return MailConfig(host, port, security, username, sender)


def enqueue_receipt_email(session: Session, request: ReceiptRequest) -> MailOutbox:
    """Put the e-receipt of ``request`` in the outbox (part of the request's own transaction)."""
    row = MailOutbox(receipt_request_id=request.id, recipient=request.email)
    session.add(row)
    session.flush()
    return row


def outbox(session: Session) -> list[MailOutbox]:
    return list(session.scalars(select(MailOutbox).order_by(MailOutbox.id)))


def _message(session: Session, item: MailOutbox, config: MailConfig, language: str) -> EmailMessage:
    from desk.reports.receipt_pdf import receipt_pdf

    request = session.get_one(ReceiptRequest, item.receipt_request_id)
    hotel = session.scalars(select(Hotel).limit(1)).one()
    refund = request.kind is ReceiptKind.REFUND
    number = f"{request.id:07d}"
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = item.recipient
    message["Subject"] = f"{hotel.name}: {'refund receipt' if refund else 'receipt'} {number}"
    message["Message-ID"] = make_msgid(idstring=f"receipt-{request.id}")
    message.set_content(
        f"Thank you for staying with {hotel.name}.\n\n"
        f"Your {'refund receipt' if refund else 'receipt'} {number} is attached as a PDF.\n"
    )
    message.add_attachment(receipt_pdf(session, request.id, language), maintype="application", subtype="pdf",
                           filename=f"receipt-{number}.pdf")
    return message


def send_message(config: MailConfig, message: EmailMessage, password: str | None = None) -> None:
    """Hand one message to the SMTP server; raises on any refusal or network error."""
    password = os.environ.get(PASSWORD_ENV, "") if password is None else password
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if config.security == "tls":
        smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=SMTP_TIMEOUT, context=context)
    else:
        smtp = smtplib.SMTP(config.host, config.port, timeout=SMTP_TIMEOUT)
    try:
        if config.security == "starttls":
            smtp.starttls(context=context)
        if config.username:
            smtp.login(config.username, password)
        smtp.send_message(message)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _error_text(exc: BaseException) -> str:
    # smtplib's errors carry the server's answer, never what we sent; still, keep it short.
    text = f"{type(exc).__name__}: {exc}"
    password = os.environ.get(PASSWORD_ENV)
    if password:
        text = text.replace(password, "***")
    return text[:240]


def send_due(database: Database, *, language: str = "en", limit: int = 20) -> int:
    """Send the outbox's due e-mails once; the number sent. Failures are rescheduled, not raised."""
    with database.unit_of_work() as session:
        config = mail_config(session)
        if config is None:
            return 0
        due = [item.id for item in session.scalars(
            select(MailOutbox).where(MailOutbox.sent_at.is_(None), MailOutbox.next_attempt_at <= utcnow())
            .order_by(MailOutbox.next_attempt_at).limit(limit))]
    sent = 0
    for item_id in due:
        with database.unit_of_work() as session:
            item = session.get_one(MailOutbox, item_id)
            message = _message(session, item, config, language)
        try:
            send_message(config, message)
        except (smtplib.SMTPException, OSError, ValueError) as exc:  # ValueError: a non-ASCII password
            error = _error_text(exc)
            logger.warning("e-receipt %s to %s not sent: %s", item_id, message["To"], error)
            with database.unit_of_work() as session:
                item = session.get_one(MailOutbox, item_id)
                item.attempts += 1
                item.last_error = error
                delay = min(FIRST_RETRY * 2 ** (item.attempts - 1), LAST_RETRY)
                item.next_attempt_at = utcnow() + delay
            continue
        with database.unit_of_work() as session:
            item = session.get_one(MailOutbox, item_id)
            item.attempts += 1
            item.sent_at = utcnow()
            item.last_error = ""
        sent += 1
        logger.info("e-receipt %s sent to %s", item_id, message["To"])
    return sent


class MailWorker:
    """The thread that empties the outbox: woken by a new receipt, and every ``interval`` seconds."""

    def __init__(self, database: Database, *, interval: float = 30.0, language: str = "en") -> None:
        self.database = database
        self.interval = interval
        self.language = language
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.passes = 0  # finished passes, for tests and diagnostics

    def start(self) -> MailWorker:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="mail outbox", daemon=True)
            self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                send_due(self.database, language=self.language)
            except Exception:  # the database away for a moment: the next pass tries again
                logger.exception("mail outbox pass failed")
            self.passes += 1
            self._wake.wait(self.interval)
            self._wake.clear()

    def close(self, wait: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(wait)
