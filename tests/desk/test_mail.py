"""E-receipts by e-mail through a real SMTP server on loopback (aiosmtpd): message, PDF, retries."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import date, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import update

from desk.core.errors import InvalidInput
from desk.core.types import utcnow
from desk.fiscal.receipts import request_receipt
from desk.hotel.models import Hotel as HotelRow
from desk.ledger.payments import Tender, take_payment
from desk.mail.models import MailOutbox
from desk.mail.outbox import PASSWORD_ENV, MailWorker, outbox, send_due, set_mail_settings
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.reservations import post_night
from tests.helpers import free_port, pdf_text

from .conftest import MISSING_RIGHT, Hotel, refused

SECRET = "s3cret-pass"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, _class=EmailMessage,
                                                      policy=email.policy.default))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        login = (auth_data.login.decode(), auth_data.password.decode())
        self.logins.append(login)
        return AuthResult(success=login == ("desk", SECRET))


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate,
                            auth_require_tls=False)
    controller.start()
    yield inbox, port
    controller.stop()


def paid_with_receipt(hotel: Hotel, address: str) -> int:
    stay = hotel.stay()
    with hotel.database.writing() as session:
        from desk.ledger.models import Bill

        session.get_one(Bill, stay.bill_id).payer_name = "Иван Петров"
    hotel.run(post_night, stay.reservation_id, date.today())
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("100"), payer_name="Иван Петров"))
    request = hotel.run(request_receipt, payment.id, "FP-1", email=address, phone="+359 88 123 4567")
    assert request.phone == "+359881234567"  # kept on the request for the operator to deliver
    return request.id


def configure(hotel: Hotel, port: int) -> None:
    # No login: without TLS it would send the password in clear (test_mail_tls logs in over TLS).
    hotel.as_role(Role.MANAGER).run(set_mail_settings, "127.0.0.1", port, "none",
                                    sender="frontdesk@hotel.example")


def test_the_e_receipt_arrives_with_its_pdf(hotel: Hotel, smtp_server, monkeypatch, caplog):
    inbox, port = smtp_server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    configure(hotel, port)
    request_id = paid_with_receipt(hotel, "guest@example.com")
    with hotel.database.writing() as session:  # the PDF is a fiscal copy: the register's country words it
        session.execute(update(HotelRow).values(country="RU"))

    assert send_due(hotel.database) == 1
    (message,) = inbox.messages
    assert message["To"] == "guest@example.com" and message["From"] == "frontdesk@hotel.example"
    # The mail that carries the copy is in its language too, whatever the worker's.
    assert message["Subject"] == f"Hotel Aurora: кассовый чек {request_id:07d}"
    assert "приложен в формате PDF" in message.get_body(("plain",)).get_content()
    (attachment,) = [part for part in message.iter_attachments()]
    assert attachment.get_content_type() == "application/pdf"
    text = pdf_text(attachment.get_content())
    assert "Кассовый чек (приход)" in text
    assert "Иван Петров" in text
    assert "Оплачено: Наличные" in text and "100,00 EUR" in text
    assert inbox.logins == []
    (item,) = hotel.query(outbox)
    assert item.sent_at is not None and item.attempts == 1
    assert send_due(hotel.database) == 0  # sent once
    assert SECRET not in caplog.text


def test_a_server_that_is_down_blocks_nothing_and_the_mail_goes_later(hotel: Hotel, smtp_server, monkeypatch):
    inbox, port = smtp_server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    configure(hotel, free_port())  # nothing listens there
    paid_with_receipt(hotel, "guest@example.com")  # the payment and its request commit regardless
    assert send_due(hotel.database) == 0
    (item,) = hotel.query(outbox)
    assert item.attempts == 1 and item.sent_at is None and item.last_error
    assert item.next_attempt_at > utcnow() + timedelta(seconds=20)
    assert send_due(hotel.database) == 0 and hotel.query(outbox)[0].attempts == 1  # not due yet

    configure(hotel, port)
    with hotel.database.writing() as session:
        session.execute(update(MailOutbox).values(next_attempt_at=utcnow()))
    worker = MailWorker(hotel.database, interval=60).start()
    try:
        import time

        deadline = time.monotonic() + 30
        while not inbox.messages and time.monotonic() < deadline:
            worker.wake()
            time.sleep(0.05)
    finally:
        worker.close()
    assert len(inbox.messages) == 1
    assert hotel.query(outbox)[0].sent_at is not None


def test_mail_settings_need_a_manager_and_sane_values(sqlite_hotel: Hotel):
    refused(sqlite_hotel, MissingRight, MISSING_RIGHT,
                    lambda: sqlite_hotel.run(set_mail_settings, "smtp.example", 587, "starttls",
                                             sender="a@b.example"))
    manager = sqlite_hotel.as_role(Role.MANAGER)
    for args, field, template in ((("", 25, "none"), "host", "A mail server needs a host name"),
                                  (("h", 0, "none"), "port", "A port is a number from 1 to 65535"),
                                  (("h", 25, "ssl3"), "security", "Security is one of: {values}")):
        refused(sqlite_hotel, InvalidInput, template,
                lambda a=args: manager.run(set_mail_settings, *a, sender="a@b.example"), field=field)


def test_a_receipt_without_e_mail_puts_nothing_in_the_outbox(sqlite_hotel: Hotel):
    stay = sqlite_hotel.stay()
    sqlite_hotel.run(post_night, stay.reservation_id, date.today())
    payment = sqlite_hotel.run(take_payment, stay.bill_id, Tender("cash", sqlite_hotel.money("10")))
    sqlite_hotel.run(request_receipt, payment.id, "FP-1", phone="+359881234567")
    assert sqlite_hotel.query(outbox) == []


def test_the_outbox_counts_an_attempt_in_a_writing_unit_that_takes_its_turn(hotel: Hotel, monkeypatch):
    """On a shared SQLite file every writer waits its turn in the writers' queue; a write begun as a
    read would instead fail with "database is locked" when the POS service holds the file."""
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    configure(hotel, free_port())  # nothing listens there: the attempt is counted, not the sending
    paid_with_receipt(hotel, "guest@example.com")
    writing = hotel.database.writing
    turns: list[str] = []

    def counted() -> Any:
        turns.append("write")
        return writing()

    monkeypatch.setattr(hotel.database, "writing", counted)
    assert send_due(hotel.database) == 0
    assert turns == ["write"] and hotel.query(outbox)[0].attempts == 1
