"""A hotel of one's own (issue 24): the first set-up, the password policy, user administration and
the catalogue, on SQLite and PostgreSQL; and the same through `desk init` and `desk users`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.catalogue import add_outlet, add_payment_method, add_service, catalogue, change_service
from desk.hotel.models import CurrencyRate, MethodKind, PaymentMethod, Service, TaxRate
from desk.hotel.models import Hotel as HotelRow
from desk.hotel.names import load_names
from desk.hotel.setup import FirstManager, HotelSetup, VatRate, set_up_hotel, setup_actor
from desk.ledger.accounts import walk_in_folio
from desk.people.admin import add_user, change_role, list_users, reset_secret, set_user_active
from desk.people.auth import Actor, SignInAgain, SignInRefused, change_own_secret, sign_in
from desk.people.changes import changes_of
from desk.people.models import Role, User
from desk.people.passwords import WeakPassword
from desk.people.rights import MissingRight
from desk.stays.models import stored_business_date
from tests.helpers import desk_in_process

from .conftest import MISSING_RIGHT, Hotel, refused

ROOT = Path(__file__).resolve().parents[2]
WS = "FRONT-9"
MANAGER_PASSWORD = "first-manager-9"
MANAGER_OWN = "elena-own-pass-7"


def a_setup(**changes: object) -> HotelSetup:
    values: dict[str, object] = dict(
        name="Hotel Morava", base_currency="EUR", address="3 Morava St, Varna", tax_id="BG999888777",
        country="BG", time_zone="Europe/Sofia", other_currencies={"USD": Decimal("0.91")},
        vat_rates=[VatRate("VAT9", "VAT 9%", Decimal(9)), VatRate("VAT20", "VAT 20%", Decimal(20))],
        manager=FirstManager("elena", "Elena Ivanova", MANAGER_PASSWORD))
    values.update(changes)
    return HotelSetup(**values)  # type: ignore[arg-type]


def signed(database: Database, username: str, password: str) -> Actor:
    with database.writing() as session:
        return sign_in(session, username, password, WS)


def own_password(database: Database, username: str, given: str, own: str, pin: str | None = None) -> Actor:
    with database.writing() as session:
        return change_own_secret(session, username, given, own, WS, new_pin=pin)


@pytest.fixture
def empty(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def set_up(empty: Database) -> Hotel:
    """The hotel just set up, its first manager signed in with their own password."""
    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup())
    own_password(empty, "elena", MANAGER_PASSWORD, MANAGER_OWN)
    return Hotel(empty, signed(empty, "elena", MANAGER_OWN), "EUR")


# --- 1. first start ---------------------------------------------------------------------------------


def test_set_up_writes_the_hotel_its_money_taxes_methods_and_first_manager(empty: Database):
    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup())
    with empty.unit_of_work() as session:
        hotel = session.scalars(select(HotelRow)).one()
        assert (hotel.name, hotel.base_currency, hotel.country, hotel.time_zone, hotel.tax_id) == (
            "Hotel Morava", "EUR", "BG", "Europe/Sofia", "BG999888777")
        assert session.get(CurrencyRate, "USD").rate == Decimal("0.91")
        assert {t.code: t.percent for t in session.scalars(select(TaxRate))} == {"VAT9": 9, "VAT20": 20}
        assert {m.code: m.kind for m in session.scalars(select(PaymentMethod))} == {
            "cash": MethodKind.CASH, "card": MethodKind.CARD}
        assert load_names(session, "bg").texts[("payment_method", "cash")] == "В брой"
        elena = session.get(User, "elena")
        assert (elena.role, elena.active, elena.must_change_secret) == (Role.MANAGER, True, True)
        assert MANAGER_PASSWORD not in elena.password_hash
        assert [c.summary for c in changes_of(session, "user", "elena")] == ["added as manager"]


def test_the_first_start_stores_the_hotels_first_business_day(empty: Database):
    """Set up and not yet audited, the business date is the hotel's own day, stored: an audit run
    after midnight closes the day the hotel opened, not the calendar's new one."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from desk.stays.business_day import open_hotel

    opened = Runner(empty).run(open_hotel, setup_actor(WS), a_setup()).value
    assert opened == datetime.now(ZoneInfo("Europe/Sofia")).date()
    with empty.unit_of_work() as session:
        assert stored_business_date(session) == opened
        assert session.scalars(select(HotelRow)).one().name == "Hotel Morava"
    # Refused as a whole on a set-up database: neither the hotel nor the day is written again.
    refused(Hotel(empty, setup_actor(WS), "EUR"), InvalidInput, "This database already holds a hotel",
            lambda: Runner(empty).run(open_hotel, setup_actor(WS), a_setup(name="Other")), field="name")


def test_the_first_manager_chooses_their_own_password_before_acting(empty: Database):
    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup())
    given = signed(empty, "elena", MANAGER_PASSWORD)
    assert given.must_change_secret
    with pytest.raises(SignInAgain) as caught:
        Runner(empty).run(add_user, given, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    assert caught.value.template == "{user} must choose a new password: sign in again"
    own = own_password(empty, "elena", MANAGER_PASSWORD, MANAGER_OWN)
    assert not own.must_change_secret
    Runner(empty).run(add_user, own, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    with pytest.raises(SignInRefused):
        signed(empty, "elena", MANAGER_PASSWORD)


def test_the_record_of_changes_cannot_be_rewritten(empty: Database):
    """Who changed what stays as written: the program's flush guard and the database's triggers refuse."""
    import sqlalchemy.exc
    from sqlalchemy import text

    from desk.core.errors import LedgerImmutable
    from desk.people.models import AdminChange

    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup())
    with pytest.raises(LedgerImmutable), empty.unit_of_work() as session:
        session.scalars(select(AdminChange)).first().username = "someone-else"  # type: ignore[union-attr]
    with pytest.raises(LedgerImmutable), empty.unit_of_work() as session:
        session.delete(session.scalars(select(AdminChange)).first())
    for sql in ("UPDATE admin_change SET username = 'someone-else'", "DELETE FROM admin_change"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"), empty.engine.begin() as connection:
            connection.execute(text(sql))
    with empty.unit_of_work() as session:
        assert {c.username for c in session.scalars(select(AdminChange))} == {"set-up"}


def test_a_second_set_up_is_refused_and_changes_nothing(empty: Database):
    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup())
    hotel = Hotel(empty, setup_actor(WS), "EUR")
    refused(hotel, InvalidInput, "This database already holds a hotel",
            lambda: hotel.run(set_up_hotel, a_setup(name="Another")), field="name")


@pytest.mark.parametrize(("password", "template"), [
    ("short-1", "A password has at least {length} characters"),
    ("ELENA", "A password has at least {length} characters"),
    ("elena.ivanova", None),
    ("aaaaaaaaaaaa", "A password may not be one character repeated"),
])
def test_the_password_policy_holds_at_set_up(sqlite_url: str, password: str, template: str | None):
    database = Database(sqlite_url)
    try:
        setup = a_setup(manager=FirstManager("elena", "Elena Ivanova", password))
        if template is None:  # long, not the name, not one key: allowed
            Runner(database).run(set_up_hotel, setup_actor(WS), setup)
            return
        with pytest.raises(WeakPassword) as caught:
            Runner(database).run(set_up_hotel, setup_actor(WS), setup)
        assert (caught.value.template, caught.value.field) == (template, "password")
        with database.unit_of_work() as session:
            assert session.scalars(select(HotelRow)).first() is None
    finally:
        database.dispose()


def test_a_password_equal_to_the_user_name_is_refused(sqlite_url: str):
    database = Database(sqlite_url)
    try:
        setup = a_setup(manager=FirstManager("elena-ivanova", "Elena Ivanova", "Elena-Ivanova"))
        with pytest.raises(WeakPassword) as caught:
            Runner(database).run(set_up_hotel, setup_actor(WS), setup)
        assert caught.value.template == "A password may not be the user name"
    finally:
        database.dispose()


def test_set_up_refuses_an_unknown_currency_or_time_zone(empty: Database):
    hotel = Hotel(empty, setup_actor(WS), "EUR")
    refused(hotel, InvalidInput, "Unknown currency “{currency}”",
            lambda: hotel.run(set_up_hotel, a_setup(base_currency="XYZ")), field="currency")
    refused(hotel, InvalidInput, "Unknown time zone “{zone}”",
            lambda: hotel.run(set_up_hotel, a_setup(time_zone="Mars/Olympus")), field="time_zone")


# --- 2. people --------------------------------------------------------------------------------------


def test_a_manager_adds_a_clerk_who_sets_a_password_and_pin_at_first_sign_in(set_up: Hotel):
    set_up.run(add_user, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    first = signed(set_up.database, "anna", "anna-temp-pass1")
    assert first.must_change_secret
    anna = own_password(set_up.database, "anna", "anna-temp-pass1", "anna-own-pass-2", pin="4321")
    assert signed(set_up.database, "anna", "4321").username == "anna"  # the PIN she chose
    Runner(set_up.database).run(walk_in_folio, anna, "Walk-in Client")  # she acts
    with set_up.database.unit_of_work() as session:
        change = changes_of(session, "user", "anna")[0]
        assert (change.username, change.workstation, change.summary) == ("elena", WS, "added as clerk")


def test_adding_a_user_is_refused_for_a_weak_password_a_taken_name_or_a_clerk(set_up: Hotel):
    refused(set_up, WeakPassword, "A password may not be the user name",
            lambda: set_up.run(add_user, "ivan.petrov", "Ivan", Role.CASHIER, "Ivan.Petrov"))
    set_up.run(add_user, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    refused(set_up, InvalidInput, "There is already a user {username}",
            lambda: set_up.run(add_user, "anna", "Anna Other", Role.CLERK, "another-pass-1"), field="username")
    own_password(set_up.database, "anna", "anna-temp-pass1", "anna-own-pass-2")
    clerk = Hotel(set_up.database, signed(set_up.database, "anna", "anna-own-pass-2"), "EUR")
    refused(clerk, MissingRight, MISSING_RIGHT,
            lambda: clerk.run(add_user, "ivan", "Ivan", Role.CASHIER, "ivan-temp-pass1"))
    refused(clerk, MissingRight, MISSING_RIGHT,
            lambda: clerk.run(add_service, "SPA", "Spa", Money.of("30", "EUR"), "VAT20"))


def test_a_deactivated_user_is_refused_at_the_next_action_and_at_sign_in(set_up: Hotel):
    set_up.run(add_user, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    anna = own_password(set_up.database, "anna", "anna-temp-pass1", "anna-own-pass-2")
    set_up.run(set_user_active, "anna", False)
    with pytest.raises(SignInAgain) as caught:
        Runner(set_up.database).run(walk_in_folio, anna, "Walk-in Client")
    assert caught.value.template == "{user} may no longer act at this desk"
    with pytest.raises(SignInRefused):
        signed(set_up.database, "anna", "anna-own-pass-2")
    refused(set_up, InvalidInput, "You cannot deactivate yourself",
            lambda: set_up.run(set_user_active, "elena", False), field="username")


def test_a_reset_password_is_temporary_and_ends_the_open_session(set_up: Hotel):
    set_up.run(add_user, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1", "1111")
    anna = own_password(set_up.database, "anna", "anna-temp-pass1", "anna-own-pass-2")
    set_up.run(reset_secret, "anna", "anna-reset-pass3")
    with pytest.raises(SignInAgain):
        Runner(set_up.database).run(walk_in_folio, anna, "Walk-in Client")
    with pytest.raises(SignInRefused):
        signed(set_up.database, "anna", "1111")  # the PIN went with the reset
    assert signed(set_up.database, "anna", "anna-reset-pass3").must_change_secret
    refused(set_up, WeakPassword, "A password has at least {length} characters",
            lambda: set_up.run(reset_secret, "anna", "short"))


def test_a_new_role_takes_effect_at_the_next_action_and_the_last_manager_stays(set_up: Hotel):
    set_up.run(add_user, "ivan", "Ivan Georgiev", Role.MANAGER, "ivan-temp-pass1")
    ivan = own_password(set_up.database, "ivan", "ivan-temp-pass1", "ivan-own-pass-2")
    set_up.run(change_role, "ivan", Role.CLERK)
    with pytest.raises(SignInAgain) as caught:
        Runner(set_up.database).run(add_user, ivan, "x1", "X", Role.CLERK, "x-temp-pass-1")
    assert caught.value.template == "The rights of {user} have changed: sign in again"
    refused(set_up, InvalidInput, "You cannot change your own role",
            lambda: set_up.run(change_role, "elena", Role.CLERK), field="username")
    rows = {row.username: row.role for row in set_up.query(list_users)}
    assert rows == {"elena": Role.MANAGER, "ivan": Role.CLERK}


# --- 2b. the catalogue ------------------------------------------------------------------------------


def test_a_manager_adds_a_service_named_per_language_and_changes_its_price(set_up: Hotel):
    set_up.run(add_service, "SPA", "Spa visit", Money.of("35.00", "EUR"), "VAT20", "spa",
               {"ru": "Посещение спа", "bg": "Посещение на спа"})
    with set_up.database.unit_of_work() as session:
        assert load_names(session, "ru").service(session.get(Service, "SPA")) == "Посещение спа"
    set_up.run(change_service, "SPA", "Spa visit", Money.of("40.00", "EUR"), "VAT20")
    [row] = set_up.query(catalogue).services
    assert (row.code, row.price, row.names["bg"]) == ("SPA", Money.of("40.00", "EUR"), "Посещение на спа")
    with set_up.database.unit_of_work() as session:
        assert [c.summary for c in changes_of(session, "service", "SPA")] == [
            "added: Spa visit, EUR 35.00, VAT20", "changed: Spa visit, EUR 35.00, VAT20 -> Spa visit, EUR 40.00, VAT20"]


def test_catalogue_refusals_name_what_is_wrong(set_up: Hotel):
    set_up.run(add_service, "SPA", "Spa visit", Money.of("35.00", "EUR"), "VAT20")
    refused(set_up, InvalidInput, "There is already a service {code}",
            lambda: set_up.run(add_service, "SPA", "Spa again", Money.of("1", "EUR"), "VAT20"), field="code")
    refused(set_up, InvalidInput, "There is no VAT rate {code}",
            lambda: set_up.run(add_service, "GYM", "Gym", Money.of("1", "EUR"), "VAT99"), field="tax")
    refused(set_up, InvalidInput, "A price is in the hotel's currency, {currency}",
            lambda: set_up.run(add_service, "GYM", "Gym", Money.of("1", "USD"), "VAT20"), field="price")
    set_up.run(add_outlet, "BAR", "Lobby bar", {"ru": "Лобби-бар"})
    refused(set_up, InvalidInput, "There is already an outlet {code}",
            lambda: set_up.run(add_outlet, "BAR", "Bar"), field="code")
    set_up.run(add_payment_method, "voucher", "Voucher", MethodKind.OTHER)
    refused(set_up, InvalidInput, "There is already a payment method {code}",
            lambda: set_up.run(add_payment_method, "cash", "Cash", MethodKind.CASH), field="code")


def test_two_managers_deactivating_each_other_at_once_leave_one_manager(set_up: Hotel):
    """Each desk sees the other manager active; the second waits for the first and is then refused,
    so the hotel is never left without a manager (PostgreSQL: SQLite writes one at a time)."""
    import threading
    import time

    if set_up.database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writers take turns: the two never overlap")
    set_up.run(add_user, "boris", "Boris Petrov", Role.MANAGER, "boris-temp-pass1")
    boris = own_password(set_up.database, "boris", "boris-temp-pass1", "boris-own-pass-2")
    second: list[BaseException] = []

    def boris_deactivates_elena() -> None:
        try:
            with set_up.database.writing() as session:
                set_user_active(session, boris, "elena", False)
        except BaseException as exc:  # the refusal, read below
            second.append(exc)

    other = threading.Thread(target=boris_deactivates_elena)
    with set_up.database.writing() as session:
        set_user_active(session, set_up.actor, "boris", False)
        other.start()
        time.sleep(0.5)  # Boris's desk reaches its check while Elena's change is not yet committed
    other.join(10)
    assert not other.is_alive()
    assert [getattr(e, "template", e) for e in second] == [
        "{username} is the last active manager: add another manager first"]
    with set_up.database.unit_of_work() as session:
        assert {u.username for u in session.scalars(select(User).where(User.active.is_(True)))} == {"elena"}


# --- 3. the same from the command line ---------------------------------------------------------------


def desk(url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "desk", "--database", url, *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def desk_here(url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # The script's own way in is proven by the calls that use desk(); the others need no interpreter of their own.
    return desk_in_process("--database", url, *args, env=env)


def test_desk_init_and_desk_users_set_up_a_hotel_from_a_script(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/hotel.sqlite3"
    config = tmp_path / "hotel.toml"
    config.write_text(
        'name = "Hotel Morava"\nbase_currency = "EUR"\ncountry = "BG"\ntime_zone = "Europe/Sofia"\n'
        'address = "3 Morava St"\ntax_id = "BG999888777"\n'
        '[other_currencies]\nUSD = "0.91"\n'
        '[[vat]]\ncode = "VAT20"\nname = "VAT 20%"\npercent = "20"\n'
        '[manager]\nusername = "elena"\nfull_name = "Elena Ivanova"\n', encoding="utf-8")
    weak = desk_here(url, "init", str(config), env={"DESK_NEW_PASSWORD": "elena"})
    assert weak.returncode == 1
    assert "A password has at least 10 characters" in weak.stderr
    made = desk(url, "init", str(config), env={"DESK_NEW_PASSWORD": MANAGER_PASSWORD})
    assert made.returncode == 0, made.stderr
    assert "Hotel Morava" in made.stdout
    assert desk_here(url, "init", str(config), env={"DESK_NEW_PASSWORD": MANAGER_PASSWORD}).returncode == 1
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            assert stored_business_date(session) is not None  # the first business day, as the window stores it
    finally:
        database.dispose()

    # The manager chose their own password at the first sign-in (as the sign-in window asks).
    database = Database(url)
    try:
        own_password(database, "elena", MANAGER_PASSWORD, MANAGER_OWN)
    finally:
        database.dispose()
    as_elena = {"DESK_USER": "elena", "DESK_PASSWORD": MANAGER_OWN, "DESK_NEW_PASSWORD": "anna-temp-pass1"}
    added = desk(url, "users", "add", "anna", "--name", "Anna Petrova", "--role", "clerk", env=as_elena)
    assert added.returncode == 0, added.stderr
    again = desk_here(url, "users", "add", "anna", "--name", "Anna Petrova", "--role", "clerk", env=as_elena)
    assert (again.returncode, again.stderr.strip()) == (1, "desk: There is already a user anna")
    as_anna = {**as_elena, "DESK_USER": "anna", "DESK_PASSWORD": "anna-temp-pass1"}
    assert "must choose a new password" in desk_here(url, "users", "deactivate", "elena", env=as_anna).stderr
    assert desk_here(url, "users", "role", "anna", "cashier", env=as_elena).returncode == 0
    reset = desk_here(url, "users", "reset", "anna", env={**as_elena, "DESK_NEW_PASSWORD": "anna-reset-pass3"})
    assert reset.returncode == 0
    assert desk_here(url, "users", "deactivate", "anna", env=as_elena).returncode == 0
    listed = desk_here(url, "users", "list", env=as_elena)
    assert "anna  Anna Petrova  cashier  inactive" in listed.stdout, listed.stdout
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            assert [c.summary for c in changes_of(session, "user", "anna")] == [
                "added as clerk", "role clerk -> cashier", "password and PIN reset", "deactivated"]
    finally:
        database.dispose()


def test_a_manager_adds_a_cash_register_and_a_clerk_may_not(set_up: Hotel):
    from desk.devices.printers import add_printer
    from desk.hotel.catalogue import add_register, list_registers

    set_up.run(add_register, "FP-1", "Front desk register", {"ru": "Касса ресепшн"})
    set_up.run(add_printer, WS, "Receipts", "tcp://10.0.0.5", register_code="FP-1")
    [register] = set_up.query(list_registers)
    assert (register.code, register.name, register.printers) == ("FP-1", "Front desk register", [(WS, "Receipts")])
    refused(set_up, InvalidInput, "There is already a cash register {code}",
            lambda: set_up.run(add_register, "FP-1", "Again"), field="code")
    set_up.run(add_user, "anna", "Anna Petrova", Role.CLERK, "anna-temp-pass1")
    own_password(set_up.database, "anna", "anna-temp-pass1", "anna-own-pass-2")
    clerk = Hotel(set_up.database, signed(set_up.database, "anna", "anna-own-pass-2"), "EUR")
    refused(clerk, MissingRight, MISSING_RIGHT, lambda: clerk.run(add_register, "FP-2", "Back office"))


# --- what an invoice needs, asked at set-up -----------------------------------------------------------


def test_set_up_stores_the_vat_number_accountable_person_and_city_an_invoice_prints(empty: Database):
    Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup(
        vat_number="bg 999 888 777", accountable_person=" Elena Ivanova ", city="Varna"))
    with empty.unit_of_work() as session:
        hotel = session.scalars(select(HotelRow)).one()
        # The same columns (and the same tidying) as Invoices → Seller's details writes.
        assert (hotel.vat_number, hotel.accountable_person, hotel.city) == ("BG999888777", "Elena Ivanova", "Varna")


def test_a_too_long_city_at_set_up_is_refused_and_nothing_is_written(empty: Database):
    with pytest.raises(InvalidInput) as refusal:
        Runner(empty).run(set_up_hotel, setup_actor(WS), a_setup(city="V" * 81))
    assert (refusal.value.template, refusal.value.field) == ("At most {limit} characters", "city")
    with empty.unit_of_work() as session:
        assert session.scalars(select(HotelRow)).first() is None


def test_desk_init_takes_the_invoice_sellers_details(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/hotel.sqlite3"
    made = desk_here(url, "init", "--name", "Hotel Morava", "--base-currency", "EUR", "--vat", "VAT20=20",
                     "--manager", "elena", "--vat-number", "BG999888777", "--accountable-person", "Elena Ivanova",
                     "--city", "Varna", env={"DESK_NEW_PASSWORD": MANAGER_PASSWORD})
    assert made.returncode == 0, made.stderr
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            hotel = session.scalars(select(HotelRow)).one()
            assert (hotel.vat_number, hotel.accountable_person, hotel.city) == (
                "BG999888777", "Elena Ivanova", "Varna")
    finally:
        database.dispose()
