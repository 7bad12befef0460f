"""People and secrets (issue 22): who may change settings from a command line, what a PIN opens,
a session that follows its user's role, the terminal's password sealed, and a payment that a
retried Apply cannot take twice."""

from __future__ import annotations

import dataclasses
import getpass
import io
from datetime import date

import pytest
import sqlalchemy.exc
import trustme
from alembic import command
from sqlalchemy import make_url, select, text, update

from desk.cards.models import CardTerminalConfig
from desk.cards.terminals import TerminalKeyError, add_terminal, terminal_settings
from desk.cli.main import main
from desk.core import sealed
from desk.core.errors import InvalidInput
from desk.db.engine import Database, alembic_config, make_engine
from desk.db.problems import UNREACHABLE, database_problem
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.ledger.payments import Tender, take_deposit, take_payment
from desk.mail.outbox import mail_config, mail_setup, set_mail_settings
from desk.people.auth import PinNotForManagers, SignInAgain, SignInRefused, sign_in, sign_in_with_password
from desk.people.models import Role, User
from desk.people.rights import MissingRight
from tests.actors import demo_pin, signed_in
from tests.pg_server import PgServer

from .conftest import MISSING_RIGHT, Hotel, charged_stay, make_hotel, refused
from .lost_reply import CommitReplyCutter, lose_the_next_commit_reply

SMTP_SECRET = "smtp-secret-1"


def as_desk_user(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> None:
    monkeypatch.setenv("DESK_USER", username)
    monkeypatch.setenv("DESK_PASSWORD", password)


def mail_set(url: str, *extra: str) -> int:
    return main(["--database", url, "mail", "set", "--host", "smtp.example.org", "--user", "desk",
                 "--sender", "desk@example.org", *extra])


# --- 1. settings commands sign in ------------------------------------------------------------------


def test_desk_mail_set_signs_a_manager_in_and_refuses_a_wrong_password_or_a_clerk(sqlite_hotel: Hotel, monkeypatch,
                                                                                  capsys):
    url = sqlite_hotel.database.url
    as_desk_user(monkeypatch, "maria", "not her password")
    assert mail_set(url) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    as_desk_user(monkeypatch, "anna", "anna")
    assert mail_set(url) == 1
    assert "A clerk may not set up devices" in capsys.readouterr().err
    assert sqlite_hotel.query(mail_config) is None

    as_desk_user(monkeypatch, "maria", "manager")
    assert mail_set(url) == 0
    config = sqlite_hotel.query(mail_config)
    assert config is not None and config.host == "smtp.example.org"


def test_desk_devices_refuses_a_clerk_on_stderr_and_changes_nothing(sqlite_hotel: Hotel, monkeypatch, capsys):
    from desk.devices.printers import printer_settings

    as_desk_user(monkeypatch, "anna", "anna")
    assert main(["--database", sqlite_hotel.database.url, "devices", "--workstation", "FRONT-7", "add", "Printer A",
                 "tcp://10.0.0.5"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", "desk: A clerk may not set up devices: a manager must authorise it\n")
    assert sqlite_hotel.query(printer_settings, "FRONT-7") == []


def test_desk_mail_set_asks_the_password_without_echo_when_no_script_gives_it(sqlite_hotel: Hotel, monkeypatch):
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    monkeypatch.setenv("DESK_SMTP_NEW_PASSWORD", SMTP_SECRET)
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return "manager"

    monkeypatch.setattr(getpass, "getpass", typed)
    assert mail_set(sqlite_hotel.database.url, "--ask-password") == 0
    assert asked == ["Password of maria: "]
    setup = sqlite_hotel.query(mail_setup)
    assert setup.password_saved and setup.key_opens_password


@pytest.mark.parametrize("change", ["host", "port", "user", "ca"])
def test_a_new_host_port_user_or_ca_forgets_the_saved_smtp_password(sqlite_hotel: Hotel, change: str):
    manager = signed_in(sqlite_hotel.database, Role.MANAGER)
    runner = Runner(sqlite_hotel.database)
    saved = {"host": "smtp.example.org", "port": 587, "security": "starttls"}
    runner.run(set_mail_settings, manager, **saved, username="desk", sender="desk@example.org", password=SMTP_SECRET)
    runner.run(set_mail_settings, manager, **saved, username="desk", sender="frontdesk@example.org")
    assert sqlite_hotel.query(mail_setup).password_saved  # the same server: the password stays

    moved = dict(saved, username="desk", sender="desk@example.org")
    if change == "host":
        moved["host"] = "smtp.attacker.example"
    elif change == "port":
        moved["port"] = 2525
    elif change == "user":
        moved["username"] = "someone"
    else:
        moved["ca_pem"] = trustme.CA().cert_pem.bytes().decode()
    runner.run(set_mail_settings, manager, **moved)
    assert not sqlite_hotel.query(mail_setup).password_saved


@pytest.fixture
def owner_and_desk_urls(pg_server: PgServer) -> tuple[str, str]:
    owner_url = pg_server.create_database("t_people_cli")
    make_hotel(owner_url).database.dispose()
    with pg_server.connect() as dba:
        dba.execute("ALTER ROLE desk_app LOGIN")
    return owner_url, make_url(owner_url).set(username="desk_app").render_as_string(hide_password=False)


def test_on_postgresql_the_owner_role_sets_mail_without_signing_in_the_desk_role_must(owner_and_desk_urls,
                                                                                       monkeypatch, capsys):
    owner_url, desk_url = owner_and_desk_urls
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.setenv("DESK_PASSWORD", "guess")
    monkeypatch.setattr("sys.stdin", io.StringIO("maria\n"))
    assert mail_set(desk_url) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    assert mail_set(owner_url) == 0
    database = Database(owner_url)
    try:
        with database.unit_of_work() as session:
            assert session.scalar(text("SELECT changed_by FROM mail_settings")).startswith("db:")
    finally:
        database.dispose()


# --- 2. a session follows its user ----------------------------------------------------------------


def test_a_pin_does_not_open_a_managers_session(hotel: Hotel):
    def with_pin():
        with hotel.database.writing() as session:
            sign_in(session, "maria", demo_pin(Role.MANAGER), "TEST-1")

    refused(hotel, PinNotForManagers, "A manager signs in with the password, not a PIN", with_pin,
            also_writes="user_account")  # counted: PINs are not guessed for free
    with hotel.database.writing() as session:
        assert sign_in(session, "maria", "manager", "TEST-1").role is Role.MANAGER
        assert sign_in(session, "anna", demo_pin(Role.CLERK), "TEST-1").role is Role.CLERK


def _set_user(hotel: Hotel, username: str, **values: object) -> None:
    with hotel.database.writing() as session:
        session.execute(update(User).where(User.username == username).values(**values))


def test_a_user_demoted_between_two_actions_is_refused_at_the_second(hotel: Hotel):
    manager = signed_in(hotel.database, Role.MANAGER)
    runner = Runner(hotel.database)
    stay = charged_stay(hotel)
    dated = Tender("cash", hotel.money("10.00"), paid_on=date(2020, 1, 1))
    runner.run(take_payment, manager, stay.bill_id, dated)  # back-dated: a manager's right
    _set_user(hotel, "maria", role=Role.CLERK)
    refused(hotel, SignInAgain, "The rights of {user} have changed: sign in again",
            lambda: runner.run(take_payment, manager, stay.bill_id, dated))


def test_a_deactivated_user_acts_no_more_and_cannot_sign_in(hotel: Hotel):
    clerk = signed_in(hotel.database, Role.CLERK)
    runner = Runner(hotel.database)
    stay = charged_stay(hotel)
    runner.run(take_payment, clerk, stay.bill_id, Tender("cash", hotel.money("10.00")))
    _set_user(hotel, "anna", active=False)
    refused(hotel, SignInAgain, "{user} may no longer act at this desk",
            lambda: runner.run(take_payment, clerk, stay.bill_id, Tender("cash", hotel.money("10.00"))))
    with pytest.raises(SignInRefused), hotel.database.writing() as session:
        sign_in(session, "anna", "anna", "TEST-1")


def test_an_actor_copied_with_a_managers_role_is_refused(hotel: Hotel):
    clerk = signed_in(hotel.database, Role.CLERK)
    with pytest.raises(TypeError, match="keeps the user, workstation and role"):
        dataclasses.replace(clerk, role=Role.MANAGER)
    with pytest.raises(TypeError, match="keeps the user, workstation and role"):
        dataclasses.replace(clerk, username="maria")
    # What the clerk may not do stays refused through the runner as well.
    stay = charged_stay(hotel)
    dated = Tender("cash", hotel.money("10.00"), paid_on=date(2020, 1, 1))
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: Runner(hotel.database).run(take_payment, clerk, stay.bill_id, dated))


def test_a_settings_command_signs_in_by_password_only(hotel: Hotel):
    with pytest.raises(SignInRefused), hotel.database.writing() as session:
        sign_in_with_password(session, "anna", demo_pin(Role.CLERK), "TEST-1")


# --- 3. the terminal's password is sealed ---------------------------------------------------------


def test_a_terminals_password_is_stored_sealed_and_opened_with_the_key(hotel: Hotel, tmp_path, monkeypatch):
    manager = signed_in(hotel.database, Role.MANAGER)
    info = Runner(hotel.database).run(add_terminal, manager, "TEST-1", "Front", "tcp://127.0.0.1:20007", "EUR",
                                      "493817").value
    rows = [tuple(row) for table in ("card_terminal",) for row in hotel.snapshot()[table]]
    assert rows and not any("493817" in str(value) for row in rows for value in row)
    assert hotel.query(terminal_settings, info.id).password == "493817"
    monkeypatch.setenv(sealed.KEY_FILE_ENV, str(tmp_path / "elsewhere.key"))
    with pytest.raises(TerminalKeyError, match="no key for the password of terminal"):
        _ = hotel.query(terminal_settings, info.id).password


def test_the_terminals_command_asks_the_password_and_takes_none_on_the_command_line(sqlite_hotel: Hotel,
                                                                                     monkeypatch, capsys):
    url = sqlite_hotel.database.url
    as_desk_user(monkeypatch, "maria", "manager")
    monkeypatch.delenv("DESK_TERMINAL_PASSWORD", raising=False)
    with pytest.raises(SystemExit) as refused_option:
        main(["--database", url, "terminals", "add", "Front", "tcp://127.0.0.1:20007", "--password", "123456"])
    assert refused_option.value.code == 2 and "unrecognized arguments: --password" in capsys.readouterr().err
    asked: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or "123456")
    assert main(["--database", url, "terminals", "add", "Front", "tcp://127.0.0.1:20007",
                 "--workstation", "FRONT-1"]) == 0
    assert asked == ["Cashier password of terminal Front: "]
    [terminal_id] = sqlite_hotel.query(lambda s: list(s.scalars(select(CardTerminalConfig.id))))
    assert sqlite_hotel.query(terminal_settings, terminal_id).password == "123456"
    as_desk_user(monkeypatch, "anna", "anna")
    assert main(["--database", url, "terminals", "remove", str(terminal_id)]) == 1
    assert "A clerk may not set up devices" in capsys.readouterr().err


def test_the_upgrade_seals_a_password_stored_in_clear(sqlite_url: str):
    engine = make_engine(sqlite_url)
    try:
        command.upgrade(alembic_config(engine), "0016_desk_role")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO card_terminal (workstation, name, url, currency, password, own_printer, merchant_copy) "
                "VALUES ('FRONT-1', 'Front', 'tcp://127.0.0.1:20007', 'EUR', '271828', false, false)"))
        command.upgrade(alembic_config(engine), "head")
        with engine.connect() as connection:
            row = connection.execute(text("SELECT * FROM card_terminal")).mappings().one()
        assert "password" not in row and "271828" not in str(dict(row))
        assert sealed.unseal(sealed.Sealed(row["password_sealed"], row["key_id"])) == "271828"
    finally:
        engine.dispose()


# --- 4. an Apply retried after a lost reply pays once -----------------------------------------------


def _payments(hotel: Hotel, bill_id: int) -> list[int]:
    return hotel.query(lambda s: list(s.scalars(select(Payment.id).where(Payment.bill_id == bill_id))))


def test_the_same_apply_twice_records_one_payment(hotel: Hotel):
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    tender = Tender("cash", hotel.money("25.00"))
    first = runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="apply-1").value
    again = runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="apply-1").value
    assert again.id == first.id
    assert _payments(hotel, stay.bill_id) == [first.id]
    other = runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="apply-2").value
    assert _payments(hotel, stay.bill_id) == [first.id, other.id]


RECORDED_OTHERWISE = ("This Apply was already recorded, as {amount}: close the window and look at the bill before "
                      "you record more")


def test_a_retry_of_the_same_apply_with_another_amount_or_method_is_refused(hotel: Hotel):
    """The clerk changed the dialog after its Apply failed: answering with the first payment would
    report money as taken that was not recorded (or recorded as cash what came by transfer)."""
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    first = runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("25.00")),
                       idempotency_key="apply-changed").value
    for changed in (Tender("cash", hotel.money("30.00")), Tender("transfer", hotel.money("25.00"))):
        error = refused(hotel, InvalidInput, RECORDED_OTHERWISE,
                        lambda changed=changed: runner.run(take_payment, hotel.actor, stay.bill_id, changed,
                                                           idempotency_key="apply-changed"),
                        field="amount")
        assert error.params["amount"] == hotel.money("25.00")
    assert _payments(hotel, stay.bill_id) == [first.id]


def test_a_commit_whose_reply_was_lost_is_not_paid_again_on_retry(hotel: Hotel, monkeypatch):
    """The commit reaches the database, the answer never reaches the desk: the clerk's retry, with the
    dialog's key, finds the payment."""
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    tender = Tender("cash", hotel.money("25.00"))
    lose_the_next_commit_reply(monkeypatch, hotel.database)
    with pytest.raises(sqlalchemy.exc.OperationalError):
        runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="apply-lost")
    [paid] = _payments(hotel, stay.bill_id)
    again = runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="apply-lost").value
    assert again.id == paid and _payments(hotel, stay.bill_id) == [paid]


def test_a_real_lost_commit_reply_on_postgresql_is_not_paid_twice(pg_server: PgServer):
    url = pg_server.create_database("t_lost_commit")
    make_hotel(url).database.dispose()
    parts = make_url(url)
    cutter = CommitReplyCutter(parts.host or "127.0.0.1", parts.port or 5432)
    database = cutter.database(url)
    try:
        clerk = signed_in(database, Role.CLERK)
        runner = Runner(database)
        through = Hotel(database, clerk, "EUR")
        stay = charged_stay(through)
        tender = Tender("cash", through.money("25.00"))
        cutter.armed.set()
        with pytest.raises(sqlalchemy.exc.DBAPIError) as lost:
            runner.run(take_payment, clerk, stay.bill_id, tender, idempotency_key="apply-cut")
        assert cutter.cut.is_set(), f"the reply was not the one cut: {lost.value!r}"
        # The clerk is told the line was lost and that it may have been saved.
        assert getattr(database_problem(lost.value), "template", None) == UNREACHABLE, repr(lost.value)
        [paid] = _payments(through, stay.bill_id)  # committed though the desk never heard
        again = runner.run(take_payment, clerk, stay.bill_id, tender, idempotency_key="apply-cut").value
        assert again.id == paid and _payments(through, stay.bill_id) == [paid]
    finally:
        database.dispose()
        cutter.close()


def test_the_same_deposit_apply_twice_records_one_deposit(hotel: Hotel):
    stay = hotel.stay()
    runner = Runner(hotel.database)
    tender = Tender("cash", hotel.money("50.00"))
    first = runner.run(take_deposit, hotel.actor, stay.folio_id, tender, idempotency_key="deposit-1").value
    again = runner.run(take_deposit, hotel.actor, stay.folio_id, tender, idempotency_key="deposit-1").value
    assert again.id == first.id
    deposits = hotel.query(lambda s: list(s.scalars(select(Payment.id).where(Payment.folio_id == stay.folio_id))))
    assert deposits == [first.id]
    refused(hotel, InvalidInput, "This payment was already recorded on another bill",
            lambda: runner.run(take_payment, hotel.actor, stay.bill_id, tender, idempotency_key="deposit-1"),
            field="bill")
