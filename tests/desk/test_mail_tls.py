"""SMTP for real on loopback (aiosmtpd): STARTTLS and implicit TLS with a certificate made here
(trustme), certificates that must not be trusted, refusals in words, the sealed password, Cancel."""

from __future__ import annotations

import email
import os
import socket
import ssl
import stat
import threading
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from desk.core.errors import InvalidInput, NotAuthorised
from desk.mail import outbox as mail
from desk.mail.models import MailSettings
from desk.mail.outbox import (
    KEY_FILE_ENV,
    PASSWORD_ENV,
    MailCancelled,
    MailConfig,
    MailKeyError,
    MailSendError,
    mail_setup,
    outbox,
    read_ca_file,
    send_due,
    send_test_email,
    set_mail_settings,
)
from desk.people.auth import trusted_actor
from desk.people.models import Role
from tests.helpers import free_port

from .conftest import Hotel, refused
from .test_mail import paid_with_receipt

SECRET = "correct horse 42!"
MANAGER = trusted_actor("maria", "TEST-1", Role.MANAGER)
CLERK = trusted_actor("anna", "TEST-1", Role.CLERK)


class Inbox:
    """Takes mail for anyone but nobody@, and one login: desk / SECRET."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, _class=EmailMessage,
                                                      policy=email.policy.default))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        self.logins.append(auth_data.login.decode())
        # handled=False: aiosmtpd then answers 535 itself (by default it answers nothing on a failure).
        ok = (auth_data.login.decode(), auth_data.password.decode()) == ("desk", SECRET)
        return AuthResult(success=ok, handled=False)


@pytest.fixture(autouse=True)
def key_here(tmp_path: Path, monkeypatch) -> Path:
    """Each test its own key file, and no password from the environment unless it sets one."""
    path = tmp_path / "keys" / "mail.key"
    monkeypatch.setenv(KEY_FILE_ENV, str(path))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    return path


@pytest.fixture(scope="module")
def hotel_ca() -> trustme.CA:
    return trustme.CA(organization_name="Hotel Example internal CA")


def server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*(names or ("127.0.0.1",))).configure_cert(context)
    return context


def serve(inbox: Inbox, **kwargs) -> Iterator[int]:
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate, **kwargs)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def starttls_server(hotel_ca) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    # AUTH only once TLS is up, as a real submission server does.
    for port in serve(inbox, tls_context=server_context(hotel_ca), require_starttls=True):
        yield inbox, port


@pytest.fixture
def tls_server(hotel_ca) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    # aiosmtpd counts only STARTTLS as TLS for AUTH; this whole connection is TLS from the start.
    for port in serve(inbox, ssl_context=server_context(hotel_ca), auth_require_tls=False):
        yield inbox, port


@pytest.fixture
def plain_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    for port in serve(inbox, auth_require_tls=False):
        yield inbox, port


def config(port: int, security: str, ca: trustme.CA | None, username: str = "desk") -> MailConfig:
    return MailConfig("127.0.0.1", port, security, username, "frontdesk@hotel.example",
                      ca.cert_pem.bytes().decode() if ca is not None else "")


def send_test(hotel: Hotel, settings: MailConfig, password: str | None = SECRET,
              recipient: str = "manager@hotel.example", **kwargs) -> None:
    send_test_email(hotel.database, MANAGER, settings, password, recipient, subject="Test", body="It works.",
                    **kwargs)


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_test_e_mail_goes_through_tls_trusting_the_hotels_ca(sqlite_hotel: Hotel, security, hotel_ca,
                                                                starttls_server, tls_server, caplog):
    inbox, port = starttls_server if security == "starttls" else tls_server
    steps: list[str] = []
    send_test(sqlite_hotel, config(port, security, hotel_ca), step=steps.append)
    (message,) = inbox.messages
    assert message["To"] == "manager@hotel.example" and message["Subject"] == "Test"
    assert inbox.logins == ["desk"]
    assert steps == (["connect", "tls", "login", "send"] if security == "starttls" else ["connect", "login", "send"])
    assert SECRET not in caplog.text


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_certificate_the_hotel_does_not_trust_is_refused_in_words(sqlite_hotel: Hotel, security, hotel_ca,
                                                                     starttls_server, tls_server):
    inbox, port = starttls_server if security == "starttls" else tls_server
    # By default only the system's certificates are trusted: our test CA is not among them.
    with pytest.raises(MailSendError) as refused:
        send_test(sqlite_hotel, config(port, security, None))
    assert "The certificate of 127.0.0.1 is not trusted" in refused.value.message
    assert "unable to get local issuer certificate" in refused.value.message
    # Trusting another CA does not help either; nothing was sent or logged in.
    with pytest.raises(MailSendError, match="is not trusted"):
        send_test(sqlite_hotel, config(port, security, trustme.CA()))
    assert inbox.messages == [] and inbox.logins == []


def test_a_certificate_for_another_host_is_refused(sqlite_hotel: Hotel, hotel_ca):
    inbox = Inbox()
    for port in serve(inbox, ssl_context=server_context(hotel_ca, "mail.elsewhere.example")):
        with pytest.raises(MailSendError) as refused:
            send_test(sqlite_hotel, config(port, "tls", hotel_ca))
        assert "is not trusted" in refused.value.message and "mismatch" in refused.value.message
    assert inbox.messages == []


def test_a_wrong_password_is_an_authentication_failure(sqlite_hotel: Hotel, hotel_ca, starttls_server):
    inbox, port = starttls_server
    with pytest.raises(MailSendError) as refused:
        send_test(sqlite_hotel, config(port, "starttls", hotel_ca), password="not-the-password")
    assert refused.value.message == "The mail server refused the login desk: check the user and the password"
    assert "not-the-password" not in str(refused.value) and inbox.messages == []


def test_each_failure_says_what_failed(sqlite_hotel: Hotel, hotel_ca, plain_server):
    inbox, port = plain_server
    with pytest.raises(MailSendError, match=r"127\.0\.0\.1:\d+ refused the connection"):
        send_test(sqlite_hotel, config(free_port(), "none", None, username=""))
    with pytest.raises(MailSendError, match=r"The TLS handshake with 127\.0\.0\.1:\d+ failed"):
        send_test(sqlite_hotel, config(port, "tls", hotel_ca))  # TLS spoken to a plain server
    with pytest.raises(MailSendError, match="does not offer STARTTLS"):
        send_test(sqlite_hotel, config(port, "starttls", hotel_ca))
    with pytest.raises(MailSendError) as refused:
        send_test(sqlite_hotel, config(port, "none", None, username=""), recipient="nobody@hotel.example")
    assert refused.value.message.startswith("The mail server refused the recipient nobody@hotel.example (550")
    assert inbox.messages == []
    send_test(sqlite_hotel, config(port, "none", None, username=""))  # and right, it goes
    assert len(inbox.messages) == 1


def test_typed_values_are_checked_and_a_clerk_may_not_send_a_test(sqlite_hotel: Hotel, plain_server):
    _inbox, port = plain_server
    with pytest.raises(InvalidInput) as wrong:
        send_test(sqlite_hotel, config(port, "none", None, username=""), recipient="not an address")
    assert wrong.value.field == "recipient"
    with pytest.raises(InvalidInput) as wrong:
        send_test(sqlite_hotel, replace(config(port, "none", None, username=""),
                                        ca_pem="-----BEGIN CERTIFICATE-----\nxx\n"))
    assert wrong.value.field == "ca"
    # A clerk could point the saved password at a server of their own: refused before any connection.
    with pytest.raises(NotAuthorised):
        send_test_email(sqlite_hotel.database, CLERK, config(port, "none", None, username=""), None, "a@b.example",
                        subject="x", body="x")


def test_cancel_stops_a_server_that_never_answers(sqlite_hotel: Hotel, monkeypatch):
    monkeypatch.setattr(mail, "SMTP_TIMEOUT", 600.0)  # only Cancel can end this wait
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = threading.Event()
    outcome: list[BaseException] = []

    def silent() -> None:
        connection, _ = listener.accept()
        accepted.set()
        with connection:
            connection.recv(1)  # until the client goes

    threading.Thread(target=silent, daemon=True).start()
    cancel = threading.Event()

    def run() -> None:
        try:
            send_test(sqlite_hotel, config(listener.getsockname()[1], "none", None, username=""), cancel=cancel)
        except BaseException as exc:
            outcome.append(exc)

    sender = threading.Thread(target=run)
    sender.start()
    assert accepted.wait(30)
    cancel.set()
    sender.join(60)
    listener.close()
    assert not sender.is_alive()
    (error,) = outcome
    assert isinstance(error, MailCancelled)


PLAIN_LOGIN = "A login sends the password: choose STARTTLS or TLS, or clear the user"


def test_a_login_without_encryption_is_refused_and_never_sent(sqlite_hotel: Hotel, plain_server):
    inbox, port = plain_server
    manager = sqlite_hotel.as_role(Role.MANAGER)
    error = refused(sqlite_hotel, InvalidInput, PLAIN_LOGIN,
                    lambda: manager.run(set_mail_settings, "127.0.0.1", port, "none", username="desk",
                                        sender="frontdesk@hotel.example", password=SECRET), field="username")
    assert error.message == PLAIN_LOGIN  # no values to fill in: the clerk reads the template as is
    with pytest.raises(InvalidInput) as caught:
        send_test(sqlite_hotel, config(port, "none", None))
    assert caught.value.field == "username"
    assert inbox.logins == [] and inbox.messages == []


def test_settings_saved_before_the_rule_do_not_log_in_in_clear(sqlite_hotel: Hotel, plain_server, monkeypatch):
    inbox, port = plain_server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    with sqlite_hotel.database.writing() as session:  # as an older version could have saved them
        session.add(MailSettings(host="127.0.0.1", port=port, security="none", username="desk",
                                 sender="frontdesk@hotel.example", changed_by="maria"))
    paid_with_receipt(sqlite_hotel, "guest@example.com")
    assert send_due(sqlite_hotel.database) == 0
    (item,) = sqlite_hotel.query(outbox)
    assert item.sent_at is None and "choose STARTTLS or TLS" in item.last_error
    assert inbox.logins == [] and inbox.messages == []


def test_the_saved_password_goes_only_to_the_saved_server_and_user(sqlite_hotel: Hotel, hotel_ca, starttls_server):
    inbox, port = starttls_server
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(set_mail_settings, "127.0.0.1", port, "starttls", username="desk", sender="frontdesk@hotel.example",
                password=SECRET, ca_pem=hotel_ca.cert_pem.bytes().decode())
    stranger = Inbox()
    for other_port in serve(stranger, tls_context=server_context(hotel_ca), require_starttls=True):
        # A port (or host) typed wrong: the saved password is not handed to whoever listens there.
        with pytest.raises(InvalidInput) as refused:
            send_test(sqlite_hotel, config(other_port, "starttls", hotel_ca), password=None)
        assert refused.value.field == "password"
        with pytest.raises(InvalidInput):
            send_test(sqlite_hotel, config(port, "starttls", hotel_ca, username="other"), password=None)
        assert stranger.logins == [] and inbox.logins == []
        # Typed, it goes wherever the manager says.
        send_test(sqlite_hotel, config(other_port, "starttls", hotel_ca), password=SECRET)
        assert stranger.logins == ["desk"]
    send_test(sqlite_hotel, config(port, "starttls", hotel_ca), password=None)  # the saved server: the saved one
    assert inbox.logins == ["desk"] and len(inbox.messages) == 1


# --- the password: sealed in the database, the key in a file outside it ---------------------------


def test_the_saved_password_is_sealed_and_e_receipts_log_in_with_it(hotel: Hotel, key_here: Path, hotel_ca,
                                                                    starttls_server, caplog):
    inbox, port = starttls_server
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_mail_settings, "127.0.0.1", port, "starttls", username="desk", sender="frontdesk@hotel.example",
                password=SECRET, ca_pem=hotel_ca.cert_pem.bytes().decode())
    with hotel.database.unit_of_work() as session:
        row = session.scalars(select(MailSettings)).one()
        stored = " ".join(str(getattr(row, column.key)) for column in MailSettings.__table__.columns)
    assert SECRET not in stored and row.password_sealed and row.key_id
    assert stat.S_IMODE(os.stat(key_here).st_mode) == 0o600  # the key: for its owner only
    setup = hotel.query(mail_setup)
    assert setup.password_saved and setup.key_opens_password and not setup.password_from_env
    assert setup.ca_subjects and "Hotel Example internal CA" in setup.ca_subjects[0]
    assert SECRET not in repr(setup)

    paid_with_receipt(hotel, "guest@example.com")
    assert send_due(hotel.database) == 1
    assert inbox.logins == ["desk"] and len(inbox.messages) == 1

    # Saving without a password keeps it; the test e-mail uses it too.
    manager.run(set_mail_settings, "127.0.0.1", port, "starttls", username="desk", sender="desk@hotel.example")
    send_test(hotel, hotel.query(mail.mail_config), password=None)
    assert len(inbox.messages) == 2
    assert SECRET not in caplog.text


def test_a_workstation_without_the_key_leaves_the_outbox_to_one_that_has_it(sqlite_hotel: Hotel, key_here: Path,
                                                                            hotel_ca, starttls_server, monkeypatch,
                                                                            tmp_path):
    inbox, port = starttls_server
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(set_mail_settings, "127.0.0.1", port, "starttls", username="desk", sender="frontdesk@hotel.example",
                password=SECRET, ca_pem=hotel_ca.cert_pem.bytes().decode())
    paid_with_receipt(sqlite_hotel, "guest@example.com")

    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "elsewhere.key"))  # another desk, no key copied there
    assert send_due(sqlite_hotel.database) == 0
    (item,) = sqlite_hotel.query(outbox)
    assert item.attempts == 0 and item.sent_at is None  # not counted as a failure of the server
    assert not sqlite_hotel.query(mail_setup).key_opens_password
    with pytest.raises(MailKeyError, match="has no key for the saved mail password"):
        send_test(sqlite_hotel, sqlite_hotel.query(mail.mail_config), password=None)
    (tmp_path / "elsewhere.key").write_bytes(b"aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28=\n")  # some other key
    with pytest.raises(MailKeyError, match="is not the one the mail password was saved with"):
        send_test(sqlite_hotel, sqlite_hotel.query(mail.mail_config), password=None)

    monkeypatch.setenv(PASSWORD_ENV, SECRET)  # the environment, where set, is used instead
    assert sqlite_hotel.query(mail_setup).password_from_env
    assert send_due(sqlite_hotel.database) == 1 and inbox.logins == ["desk"]

    monkeypatch.setenv(KEY_FILE_ENV, str(key_here))  # the key copied: the saved password opens again
    monkeypatch.delenv(PASSWORD_ENV)
    assert sqlite_hotel.query(mail_setup).key_opens_password


def test_an_empty_password_forgets_it_and_bad_input_writes_nothing(sqlite_hotel: Hotel, key_here: Path,
                                                                   hotel_ca, tmp_path):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(set_mail_settings, "smtp.example", 587, "starttls", sender="a@b.example", password=SECRET)
    for kwargs, field, template in (
            ({"password": "пароль"}, "password", "A mail password may hold only Latin letters, digits and signs"),
            ({"ca_pem": "not a certificate"}, "ca",
             "This is not a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)"),
            ({"username": "u" * 121}, "username", "A user name is at most {n} characters")):
        refused(sqlite_hotel, InvalidInput, template, lambda k=kwargs: manager.run(
            set_mail_settings, "smtp.example", 587, "starttls", sender="a@b.example", **k), field=field)
    assert sqlite_hotel.query(mail_setup).password_saved
    manager.run(set_mail_settings, "smtp.example", 587, "starttls", sender="a@b.example", password="")
    assert not sqlite_hotel.query(mail_setup).password_saved

    ca_file = tmp_path / "hotel-ca.pem"
    hotel_ca.cert_pem.write_to_path(str(ca_file))
    assert read_ca_file(str(ca_file)).startswith("-----BEGIN CERTIFICATE-----")
    with pytest.raises(InvalidInput) as wrong:
        read_ca_file(str(tmp_path / "missing.pem"))
    assert wrong.value.field == "ca"


def test_desk_mail_set_takes_a_ca_file_and_show_says_where_the_password_is(sqlite_hotel: Hotel, hotel_ca, tmp_path,
                                                                            key_here: Path, capsys, monkeypatch):
    from desk.cli.main import main
    from desk.db.engine import Database
    from desk.db.runner import Runner

    sqlite_url = sqlite_hotel.database.url
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")

    ca_file = tmp_path / "hotel-ca.pem"
    hotel_ca.cert_pem.write_to_path(str(ca_file))
    assert main(["--database", sqlite_url, "mail", "set", "--host", "smtp.example.org", "--sender", "desk@example.org",
                 "--ca-file", str(ca_file)]) == 0
    assert capsys.readouterr().out.strip().endswith("from desk@example.org; no password saved")
    assert main(["--database", sqlite_url, "mail", "set", "--host", "smtp.example.org", "--sender", "desk@example.org",
                 "--ca-file", str(tmp_path / "missing.pem")]) == 1
    assert "cannot be read as a PEM certificate file" in capsys.readouterr().err
    database = Database(sqlite_url)
    try:
        Runner(database).run(set_mail_settings, MANAGER, "smtp.example.org", 587, "starttls",
                             sender="desk@example.org", password=SECRET)
        assert Runner(database).read(mail.mail_config).ca_pem == hotel_ca.cert_pem.bytes().decode().strip() + "\n"
    finally:
        database.dispose()
    assert main(["--database", sqlite_url, "mail", "show"]) == 0
    shown = capsys.readouterr().out
    assert f"password saved encrypted, key file {key_here}" in shown and SECRET not in shown


def test_a_key_file_that_cannot_be_written_is_told_and_nothing_is_saved(sqlite_hotel: Hotel, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the key's folder should be")
    monkeypatch.setenv(KEY_FILE_ENV, str(blocked / "mail.key"))
    manager = sqlite_hotel.as_role(Role.MANAGER)
    error = refused(sqlite_hotel, MailKeyError, "The key file {path} cannot be written ({reason})",
                    lambda: manager.run(set_mail_settings, "smtp.example", 587, "starttls",
                                        sender="a@b.example", password=SECRET))
    assert "cannot be written" in error.message
