"""Electronic receipts by e-mail: an outbox in the database, sent by a thread, retried until taken.

A receipt request with an e-mail address puts a row in ``mail_outbox`` in the same transaction,
so nothing waits on the mail server: a payment commits whether the server is up or down. The
:class:`MailWorker` thread sends what is due and, on failure, records the error and tries again
later (30 s, 1 min, 2 min, ... up to an hour apart).

The SMTP server's host, port, security, user, sender and trusted CA are settings in the database
(``mail_settings``). Its password is typed by a manager in Settings -> E-mail and kept in the
database only *sealed* (Fernet: AES with an HMAC) with a key that lives in a file outside the
database (``DESK_MAIL_KEY_FILE``, by default ``mail.key`` in the user's configuration folder; see
``desk.core.sealed``, which seals a card terminal's password the same way). A
database copy or backup alone never reveals it; a workstation that sends e-receipts needs the
key file, copied there by the admin once (the password may then change without touching it).
``DESK_SMTP_PASSWORD`` in a workstation's environment, where set, is used instead. The password
is never logged, printed or shown.
"""

from __future__ import annotations

import contextlib
import logging
import os
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core import sealed
from desk.core.addresses import EMAIL_PATTERN
from desk.core.errors import DeskError, InvalidInput
from desk.core.types import utcnow
from desk.db.engine import Database
from desk.fiscal.models import ReceiptRequest
from desk.mail.models import MailOutbox, MailSettings
from desk.people.auth import Actor
from desk.people.rights import Right, require

logger = logging.getLogger(__name__)

PASSWORD_ENV = "DESK_SMTP_PASSWORD"
KEY_FILE_ENV = sealed.KEY_FILE_ENV
SECURITIES = ("none", "starttls", "tls")
SMTP_TIMEOUT = 20.0
FIRST_RETRY = timedelta(seconds=30)
LAST_RETRY = timedelta(hours=1)
# The steps of one delivery, as reported to a progress callback (the GUI words them).
STEPS = ("connect", "tls", "login", "send")


class MailKeyError(DeskError):
    """This workstation cannot open the saved SMTP password (no key file, or another one)."""


class MailSendError(DeskError):
    """The mail server could not be reached or refused the message; the text says which.

    ``kind`` (one of FAILURE_KINDS) and ``detail`` (the server's own words, or which server) are what
    the outbox keeps of a failure: a window words the kind in its reader's language.
    """

    def __init__(self, template: str, *, kind: str = "other", detail: str = "", field: str | None = None,
                 **params: object) -> None:
        super().__init__(template, field=field, **params)
        self.kind, self.detail = kind, detail


# What the outbox records of a failed e-mail, worded by the GUI (ui/dialogs/email_document.py).
FAILURE_KINDS = ("refused", "authentication", "timeout", "certificate", "recipient", "other")


class MailCancelled(DeskError):
    """The sending was cancelled before the server took the message."""


@dataclass(frozen=True)
class MailConfig:
    host: str
    port: int
    security: str
    username: str
    sender: str
    ca_pem: str = field(default="", repr=False)  # the hotel's own CA, trusted besides the system's

    def __repr__(self) -> str:  # no password here anyway; say so for whoever reads a log
        return f"MailConfig({self.host}:{self.port}, {self.security}, user={self.username!r}, password not here)"


@dataclass(frozen=True)
class MailSetup:
    """What Settings -> E-mail shows: the settings, and where this workstation's password comes from."""

    config: MailConfig | None
    password_saved: bool
    password_from_env: bool
    key_file: str
    key_opens_password: bool  # the saved password can be opened here (False when none is saved)
    ca_subjects: tuple[str, ...]


# --- the key that seals the password -------------------------------------------------------------


def key_file() -> Path:
    return sealed.key_file()


def _seal(password: str) -> tuple[str, str]:
    try:
        made = sealed.seal(password)
    except sealed.KeyUnwritable as exc:
        raise MailKeyError("The key file {path} cannot be written ({reason})", path=str(key_file()),
                           reason=exc.reason) from None
    except sealed.NotAKey:
        raise MailKeyError("The file {path} is not a mail key: move it away and save the password again",
                           path=str(key_file())) from None
    return made.token, made.key_id


def _open(row: MailSettings) -> str:
    try:
        return sealed.unseal(sealed.Sealed(row.password_sealed, row.key_id))
    except sealed.KeyMissing:
        raise MailKeyError("This workstation has no key for the saved mail password: copy {path} here from the "
                           "workstation where it was saved, or type the password again", path=str(key_file())) from None
    except sealed.KeyMismatch:
        raise MailKeyError("The key in {path} is not the one the mail password was saved with: copy the right "
                           "key file here, or type the password again", path=str(key_file())) from None


def smtp_password(session: Session) -> str:
    """The password to log in with on this workstation: the environment's, else the saved one, else none."""
    from_env = os.environ.get(PASSWORD_ENV, "")
    if from_env:
        return from_env
    row = session.scalars(select(MailSettings).limit(1)).first()
    return _open(row) if row is not None and row.password_sealed else ""


# --- settings ------------------------------------------------------------------------------------


def _config(row: MailSettings) -> MailConfig:
    return MailConfig(row.host, row.port, row.security, row.username, row.sender, row.ca_pem)


def mail_config(session: Session) -> MailConfig | None:
    row = session.scalars(select(MailSettings).limit(1)).first()
    return None if row is None else _config(row)


def ca_subjects(pem: str) -> tuple[str, ...]:
    from cryptography import x509

    if not pem:
        return ()
    return tuple(cert.subject.rfc4514_string() for cert in x509.load_pem_x509_certificates(pem.encode()))


def mail_setup(session: Session) -> MailSetup:
    row = session.scalars(select(MailSettings).limit(1)).first()
    opens = False
    if row is not None and row.password_sealed:
        try:
            _open(row)
            opens = True
        except MailKeyError:
            pass
    return MailSetup(None if row is None else _config(row), bool(row and row.password_sealed),
                     bool(os.environ.get(PASSWORD_ENV)), str(key_file()), opens,
                     ca_subjects(row.ca_pem) if row is not None else ())


def read_ca_file(path: str) -> str:
    """The PEM certificates in ``path``, checked, for ``set_mail_settings(ca_pem=...)``."""
    try:
        data = Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput("{path} cannot be read as a PEM certificate file", field="ca", path=path) from None
    return _checked_ca(data)


def _checked_ca(pem: str) -> str:
    pem = pem.strip()
    if not pem:
        return ""
    try:
        subjects = ca_subjects(pem)
        ssl.create_default_context(cadata=pem)
    except (ValueError, ssl.SSLError):
        subjects = ()
    if not subjects or len(pem) > 100_000:
        raise InvalidInput("This is not a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)", field="ca")
    return pem + "\n"


def checked_config(host: str, port: int, security: str, username: str, sender: str, ca_pem: str = "") -> MailConfig:
    """The settings as typed, trimmed and checked; InvalidInput names the field that is wrong."""
    host, username, sender = host.strip(), username.strip(), sender.strip()
    if not host or len(host) > 160:
        raise InvalidInput("A mail server needs a host name", field="host")
    if not 0 < port < 65536:
        raise InvalidInput("A port is a number from 1 to 65535", field="port")
    if security not in SECURITIES:
        raise InvalidInput("Security is one of: {values}", field="security", values=", ".join(SECURITIES))
    if len(username) > 120:
        raise InvalidInput("A user name is at most {n} characters", field="username", n=120)
    _refuse_clear_login(security, username)
    if not EMAIL_PATTERN.match(sender) or len(sender) > 120:
        raise InvalidInput("{email} is not an e-mail address", field="sender", email=sender)
    return MailConfig(host, port, security, username, sender, _checked_ca(ca_pem))


def _refuse_clear_login(security: str, username: str) -> None:
    # Without TLS the login would carry the password across the network in clear text.
    if username and security == "none":
        raise InvalidInput("A login sends the password: choose STARTTLS or TLS, or clear the user", field="username")


def _checked_password(password: str) -> str:
    # smtplib sends a login in ASCII only: refuse now what would fail at every sending.
    if len(password) > 200 or not password.isascii() or not password.isprintable():
        raise InvalidInput("A mail password may hold only Latin letters, digits and signs", field="password")
    return password


def set_mail_settings(session: Session, actor: Actor, host: str, port: int, security: str, *,
                      username: str = "", sender: str, password: str | None = None,
                      ca_pem: str | None = None) -> MailConfig:
    """The SMTP server e-receipts go through.

    ``password``: None keeps the saved one while the server stays the same (a new host, port, user
    or CA forgets it: it must be typed again), "" forgets it, else it is sealed (see the module).
    ``ca_pem``: None keeps the trusted CA, "" trusts the system's certificates only.
    """
    require(actor, Right.MANAGE_DEVICES)
    row = session.scalars(select(MailSettings).limit(1)).first()
    keep_ca = row.ca_pem if row is not None else ""
    config = checked_config(host, port, security, username, sender, keep_ca if ca_pem is None else ca_pem)
    new_password: tuple[str, str] | None = None
    if password:
        new_password = _seal(_checked_password(password))
    elif password == "" or (row is not None and row.password_sealed and _another_server(row, config)):
        # The saved password was given for one server and login: a changed host, port, user or
        # trusted CA would hand it to whoever is there now (the attacker's own server).
        new_password = ("", "")
    if row is None:
        row = MailSettings(changed_by=actor.username)
        session.add(row)
    row.host, row.port, row.security, row.username, row.sender = (config.host, config.port, config.security,
                                                                 config.username, config.sender)
    row.ca_pem = config.ca_pem
    if new_password is not None:
        row.password_sealed, row.key_id = new_password
    row.changed_by, row.changed_at = actor.username, utcnow()
    session.flush()
    return config


def _another_server(row: MailSettings, config: MailConfig) -> bool:
    return (row.host.lower(), row.port, row.username, row.ca_pem.strip()) != (
        config.host.lower(), config.port, config.username, config.ca_pem.strip())


def enqueue_receipt_email(session: Session, request: ReceiptRequest) -> MailOutbox:
    """Put the e-receipt of ``request`` in the outbox (part of the request's own transaction)."""
    row = MailOutbox(receipt_request_id=request.id, recipient=request.email)
    session.add(row)
    session.flush()
    return row


def outbox(session: Session) -> list[MailOutbox]:
    return list(session.scalars(select(MailOutbox).order_by(MailOutbox.id)))


def _message(session: Session, item: MailOutbox, config: MailConfig) -> EmailMessage:
    from desk.mail.receipt_pdf import receipt_message, receipt_pdf

    if item.receipt_request_id is None:
        return _document_message(item, config)
    request = session.get_one(ReceiptRequest, item.receipt_request_id)
    number = f"{request.id:07d}"
    subject, text = receipt_message(session, request.id)
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = item.recipient
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(idstring=f"receipt-{request.id}")
    message.set_content(text)
    message.add_attachment(receipt_pdf(session, request.id), maintype="application", subtype="pdf",
                           filename=f"receipt-{number}.pdf")
    return message


def _document_message(item: MailOutbox, config: MailConfig) -> EmailMessage:
    # Sent as it was kept when queued (desk.mailing.documents): never rendered again here.
    if item.pdf is None:
        raise MailSendError("The e-mail {id} has no document to attach", id=item.id)
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = item.recipient
    message["Subject"] = item.subject
    message["Message-ID"] = make_msgid(idstring=f"{item.document_kind}-{item.document_id}-{item.id}")
    message.set_content(item.body)
    message.add_attachment(item.pdf, maintype="application", subtype="pdf", filename=item.filename)
    return message


def ssl_context(config: MailConfig) -> ssl.SSLContext:
    """The system's trusted certificates, plus the hotel's own CA if one is set; never unverified."""
    context = ssl.create_default_context()
    if config.ca_pem:
        context.load_verify_locations(cadata=config.ca_pem)
    return context


def _reply(error: smtplib.SMTPResponseException | tuple[int, bytes]) -> tuple[int, str]:
    code, text = (error.smtp_code, error.smtp_error) if isinstance(error, smtplib.SMTPResponseException) else error
    reply = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return code, " ".join(reply.split())[:160]


def _joined(where: str, reason: object) -> str:
    return f"{where}: {reason}" if reason else where


def explain(exc: BaseException, config: MailConfig, step: str) -> DeskError:
    """What went wrong, in words a manager can act on (translated by the GUI from the template)."""
    host, port = config.host, config.port
    if isinstance(exc, DeskError):
        return exc
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailSendError("The certificate of {host} is not trusted ({reason}): set the hotel's CA certificate "
                             "or check the host name", host=host, reason=exc.verify_message or exc.reason,
                             kind="certificate", detail=_joined(host, exc.verify_message))
    if isinstance(exc, ssl.SSLError):
        return MailSendError("The TLS handshake with {host}:{port} failed ({reason}): check the security setting "
                             "and the port", host=host, port=port, reason=exc.reason or exc.strerror or "",
                             kind="certificate", detail=_joined(f"{host}:{port}", exc.reason or exc.strerror))
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        code, reply = _reply(exc)
        return MailSendError("The mail server refused the login {user}: check the user and the password",
                             user=config.username, kind="authentication", detail=f"{code} {reply}")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        address, answer = next(iter(exc.recipients.items()))
        code, reply = _reply(answer)
        return MailSendError("The mail server refused the recipient {address} ({code} {reply})",
                             address=address, code=code, reply=reply, kind="recipient",
                             detail=f"{address}: {code} {reply}")
    if isinstance(exc, smtplib.SMTPSenderRefused):
        code, reply = _reply(exc)
        return MailSendError("The mail server refused the sender {address} ({code} {reply})",
                             address=config.sender, code=code, reply=reply, detail=f"{config.sender}: {code} {reply}")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        if step == "tls":
            return MailSendError("The mail server {host} does not offer STARTTLS: choose TLS or another port",
                                 host=host, detail=host)
        return MailSendError("The mail server {host} does not accept a login on this connection: choose STARTTLS "
                             "or TLS, or clear the user", host=host, detail=host)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailSendError("The mail server {host}:{port} closed the connection: check the security setting "
                             "and the port", host=host, port=port, detail=f"{host}:{port}")
    if isinstance(exc, smtplib.SMTPResponseException):
        code, reply = _reply(exc)
        return MailSendError("The mail server answered {code} {reply}", code=code, reply=reply,
                             detail=f"{code} {reply}")
    if isinstance(exc, ConnectionRefusedError):
        return MailSendError("The mail server {host}:{port} refused the connection: check the host and the port",
                             host=host, port=port, kind="refused", detail=f"{host}:{port}")
    if isinstance(exc, socket.gaierror):
        return MailSendError("No mail server named {host} was found: check the host name", host=host,
                             kind="refused", detail=host)
    if isinstance(exc, TimeoutError):
        return MailSendError("The mail server {host}:{port} did not answer in time", host=host, port=port,
                             kind="timeout", detail=f"{host}:{port}")
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return MailSendError("The mail server {host}:{port} cannot be reached ({reason})", host=host, port=port,
                             reason=reason, kind="refused", detail=f"{host}:{port} ({reason})")
    return MailSendError("The mail was not sent ({reason})", reason=type(exc).__name__, detail=type(exc).__name__)


def _abort_when_cancelled(smtp: smtplib.SMTP, cancel: threading.Event, done: threading.Event) -> None:
    # smtplib blocks in recv; shutting the socket down from here is what makes Cancel immediate.
    while not done.is_set():
        if not cancel.wait(0.1):
            continue
        sock = smtp.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            return
        done.wait(0.05)


def send_message(config: MailConfig, message: EmailMessage, password: str, *,
                 step: Callable[[str], None] | None = None, cancel: threading.Event | None = None) -> None:
    """Hand one message to the SMTP server; raises MailSendError (or MailCancelled) saying why not."""
    _refuse_clear_login(config.security, config.username)  # settings saved before this rule
    context = ssl_context(config)
    smtp = (smtplib.SMTP_SSL(timeout=SMTP_TIMEOUT, context=context) if config.security == "tls"
            else smtplib.SMTP(timeout=SMTP_TIMEOUT))
    # Made unconnected so Cancel has a socket to close while the greeting is awaited; smtplib
    # names the host to TLS (and checks its certificate) from what the constructor would have set.
    smtp._host = config.host  # type: ignore[attr-defined]
    done = threading.Event()
    if cancel is not None:
        threading.Thread(target=_abort_when_cancelled, args=(smtp, cancel, done), name="smtp cancel",
                         daemon=True).start()
    current = "connect"

    def begin(name: str) -> None:
        nonlocal current
        current = name
        if cancel is not None and cancel.is_set():
            raise MailCancelled("The e-mail was not sent: cancelled")
        if step is not None:
            step(name)

    try:
        begin("connect")
        smtp.connect(config.host, config.port)
        if config.security == "starttls":
            begin("tls")
            smtp.starttls(context=context)
        if config.username:
            begin("login")
            smtp.login(config.username, password)
        begin("send")
        smtp.send_message(message)
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        if cancel is not None and cancel.is_set():
            raise MailCancelled("The e-mail was not sent: cancelled") from None
        raise explain(exc, config, current) from None  # the chain could quote what was sent
    finally:
        done.set()
        try:
            if smtp.sock is not None:
                smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _same_server(saved: MailConfig | None, typed: MailConfig) -> bool:
    return saved is not None and (saved.host.lower(), saved.port, saved.username) == (
        typed.host.lower(), typed.port, typed.username)


def send_test_email(database: Database, actor: Actor, config: MailConfig, password: str | None, recipient: str,
                    *, subject: str, body: str, step: Callable[[str], None] | None = None,
                    cancel: threading.Event | None = None) -> None:
    """Send a test e-mail with the settings as typed (not yet saved); ``password`` None: the saved one, "": none.

    A manager's right. The saved password (or the environment's) goes only to the saved host and
    port as the saved user; for any other the password must be typed.
    """
    require(actor, Right.MANAGE_DEVICES)
    config = checked_config(config.host, config.port, config.security, config.username, config.sender,
                            config.ca_pem)
    recipient = recipient.strip()
    if not EMAIL_PATTERN.match(recipient) or len(recipient) > 120:
        raise InvalidInput("{email} is not an e-mail address", field="recipient", email=recipient)
    if password:
        _checked_password(password)
    elif password is None:
        with database.unit_of_work() as session:  # read, then closed: no transaction waits on the network
            saved = mail_config(session)
            if config.username and not _same_server(saved, config):
                # A mistyped host would otherwise receive the saved password.
                raise InvalidInput("Type the password: the saved one is sent only to the saved server and user",
                                   field="password")
            password = smtp_password(session) if config.username else ""
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(idstring="desk-test")
    message.set_content(body)
    send_message(config, message, password, step=step, cancel=cancel)
    logger.info("test e-mail sent to %s through %s:%s", recipient, config.host, config.port)


def _failure(exc: BaseException, password: str) -> tuple[str, str]:
    """The kind of failure and the server's own words (a password never among them)."""
    if isinstance(exc, MailSendError):
        kind, text = exc.kind, exc.detail
    else:  # a document that could not be built: ours, not the server's
        kind, text = "other", exc.message if isinstance(exc, DeskError) else f"{type(exc).__name__}: {exc}"
    if password:
        text = text.replace(password, "***")
    return kind, text[:240]


def send_due(database: Database, *, limit: int = 20) -> int:
    """Send the outbox's due e-mails once; the number sent. Failures are rescheduled, not raised."""
    with database.unit_of_work() as session:
        config = mail_config(session)
        if config is None:
            return 0
        try:
            password = smtp_password(session)
        except MailKeyError as exc:
            # Leave the outbox to a workstation that has the key, rather than count failures here.
            logger.warning("e-receipts not sent from this workstation: %s", exc.message)
            return 0
        due = [item.id for item in session.scalars(
            select(MailOutbox).where(MailOutbox.sent_at.is_(None), MailOutbox.next_attempt_at <= utcnow())
            .order_by(MailOutbox.next_attempt_at).limit(limit))]
    sent = 0
    for item_id in due:
        try:
            # Built inside the try: one receipt that cannot be built must not hold up the others.
            with database.unit_of_work() as session:
                message = _message(session, session.get_one(MailOutbox, item_id), config)
            send_message(config, message, password)
        except (DeskError, ValueError) as exc:
            kind, error = _failure(exc, password)
            logger.warning("e-mail %s not sent (%s): %s", item_id, kind, error)
            with database.writing() as session:
                item = session.get_one(MailOutbox, item_id)
                item.attempts += 1
                item.error_kind, item.last_error = kind, error
                delay = min(FIRST_RETRY * 2 ** (item.attempts - 1), LAST_RETRY)
                item.next_attempt_at = utcnow() + delay
            continue
        with database.writing() as session:
            item = session.get_one(MailOutbox, item_id)
            item.attempts += 1
            item.sent_at = utcnow()
            item.error_kind, item.last_error = "", ""
        sent += 1
        logger.info("e-mail %s sent to %s", item_id, message["To"])
    return sent


class MailWorker:
    """The thread that empties the outbox: woken by a new receipt, and every ``interval`` seconds."""

    def __init__(self, database: Database, *, interval: float = 30.0) -> None:
        self.database = database
        self.interval = interval
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
                send_due(self.database)
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
