"""Domain fixtures: a migrated database with the hotel's settings, and a way to act on it."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import URL, Engine, func, make_url, select
from sqlalchemy.pool import NullPool

from desk.audit.models import AuditEntry
from desk.cash.shifts import open_shift
from desk.core.errors import DeskError
from desk.core.money import Money
from desk.db.engine import Database, make_engine
from desk.db.schema import metadata
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.ledger.folios import FolioView, folio_of_reservation, load_folio
from desk.ledger.postings import post_charge
from desk.people.auth import Actor, ManagerApproval
from desk.people.models import Role
from desk.stays.models import HOLDS_ROOM, Reservation
from desk.stays.reservations import check_in, create_reservation, new_guest
from tests.actors import MANAGER_APPROVAL, signed_in
from tests.pg_server import SUPERUSER

T = TypeVar("T")
E = TypeVar("E", bound=DeskError)

# Every row of every table, each table's rows in primary-key order.
Snapshot = dict[str, list[tuple[Any, ...]]]


@dataclass
class Stay:
    reservation_id: int
    folio_id: int
    bill_id: int


@dataclass
class Hotel:
    """A set-up hotel on a real database, and short ways to run use cases on it."""

    database: Database
    actor: Actor
    currency: str

    def money(self, amount: str, currency: str | None = None) -> Money:
        return Money.of(amount, currency or self.currency)

    def run(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        # As the runner writes: the write lock taken at BEGIN (IMMEDIATE on SQLite), so a use case that
        # reads before it writes waits for another writer instead of failing ("database is locked").
        with self.database.writing() as session:
            return use_case(session, self.actor, *args, **kwargs)

    def query(self, fn: Callable[..., T], *args: Any) -> T:
        with self.database.unit_of_work() as session:
            return fn(session, *args)

    def view(self, folio_id: int) -> FolioView:
        return self.query(load_folio, folio_id)

    def approval(self) -> ManagerApproval:
        """The demo manager's credentials, as typed into a void or override dialog."""
        return MANAGER_APPROVAL

    def as_role(self, role: Role) -> Hotel:
        """The same hotel, acted on by the demo user of that role (signed in)."""
        return Hotel(self.database, signed_in(self.database, role), self.currency)

    def stay(self, *, nights: int = 3, in_house: bool = True, guests: int = 1, number: str | None = None,
             room: str | None = None) -> Stay:
        """A stay from today; in room 101 unless another stay holds it (a room holds one stay a night)."""
        today = date.today()
        with self.database.writing() as session:
            people = [new_guest(session, self.actor, f"Guest{k}", "Test") for k in range(guests)]
            session.flush()
            room = room or _free_room(session, today, today + timedelta(days=nights))
            count = session.scalar(select(func.count(Reservation.id))) or 0
            reservation = create_reservation(
                session,
                self.actor,
                number=number or f"T{count + 1:05d}",
                guests=people,
                arrival=today,
                departure=today + timedelta(days=nights),
                nightly_rate=self.money("100"),
                room_number=room,
            )
            if in_house:
                check_in(session, self.actor, reservation.id, today=today)
            folio_id = folio_of_reservation(session, reservation.id)
            bill_id = load_folio(session, folio_id).bills[0].bill.id
            return Stay(reservation.id, folio_id, bill_id)

    def row_counts(self) -> dict[str, int]:
        with self.database.engine.connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables
            }

    def snapshot(self) -> Snapshot:
        """Every row of every table, read on a connection of its own: what another desk would see.

        An engine without a pool, so each snapshot opens a new connection and none the hotel used
        (or its transaction) is reused: work a use case rolled back is not there, work it committed
        is. The engine itself is kept per database for its compiled statements: compiling a select
        of every table again took most of the time of a refusal test.
        """
        with _snapshot_engine(self.database.url).connect() as connection:
            return {table.name: [tuple(row) for row in connection.execute(statement)]
                    for table, statement in _EVERY_ROW}


def _free_room(session: Any, arrival: date, departure: date) -> str:
    held = select(Reservation.room_id).where(
        Reservation.room_id.is_not(None), Reservation.status.in_(HOLDS_ROOM),
        Reservation.arrival < departure, Reservation.departure > arrival)
    free = session.scalar(select(Room.number).where(Room.id.not_in(held)).order_by(Room.number).limit(1))
    if free is not None:
        return str(free)
    count = session.scalar(select(func.count(Room.id))) or 0
    number = f"9{count:02d}"
    session.add(Room(number=number, floor=9, room_type="Double"))
    session.flush()
    return number


# Every table's rows in primary-key order (all columns where a table has no key), built once.
_EVERY_ROW = [(table, select(table).order_by(*(list(table.primary_key.columns) or list(table.columns))))
              for table in metadata.sorted_tables]


# A few, not every one of the run: an engine keeps its compiled statements (half a megabyte), and
# a run snapshots hundreds of hotels. A refusal snapshots one hotel twice; NullPool holds no
# connection, so an engine let go needs no dispose.
@functools.lru_cache(maxsize=4)
def _snapshot_engine(url: str) -> Engine:
    return make_engine(url, poolclass=NullPool)


# Refusals many tests name.
MISSING_RIGHT = "A {role} may not {action}: a manager must authorise it"  # desk.people.rights.MissingRight
NOT_A_MANAGER = "{user} is not a manager and may not authorise this"  # a ManagerApproval of someone else

_OWN_FIELD: Any = object()  # refused()'s field when not named: the refusal class's own (often None)


def refused(hotel: Hotel, kind: type[E], template: str, action: Callable[[], object], *,
            field: str | None = _OWN_FIELD, also_writes: str | None = None) -> E:
    """Run ``action``, which must be refused with exactly this refusal, and prove it wrote nothing.

    The refusal is named by its class (exactly: a subclass is another refusal), its message template
    (``DeskError.template``, the English text before its values are filled in) and its ``field``,
    which is the class's own unless named. "Wrote nothing" compares every row of every table before
    and after, read from outside the action's unit of work; ``also_writes`` names the one table a
    refusal changes on purpose (and must change), such as a failed sign-in counted. Returns the
    refusal, for its values.
    """
    expected_field = kind.field if field is _OWN_FIELD else field
    before = hotel.snapshot()
    with pytest.raises(DeskError) as caught:
        action()
    error = caught.value
    got = (type(error), error.template, error.field)
    assert got == (kind, template, expected_field), (
        f"refused with {type(error).__name__}({error.template!r}, field={error.field!r}): {error}\n"
        f"expected     {kind.__name__}({template!r}, field={expected_field!r})")
    after = hotel.snapshot()
    if also_writes is not None:
        assert before.pop(also_writes) != after.pop(also_writes), f"the refusal did not write {also_writes}"
    assert_same_rows(without_sign_ins(before), without_sign_ins(after))
    return error


# What a refused action may leave in the audit trail: the sign-in that came before the refusal (an
# action signs its user in first), or the failed sign-in it was (desk.audit.recording). Any other entry
# is the refused work recorded, and fails the test.
SIGN_IN_KINDS = frozenset({"sign_in", "sign_in_failed", "switch_user"})


def without_sign_ins(snapshot: Snapshot) -> Snapshot:
    """The snapshot without what signing in writes: its entries in the trail, and the desk it records."""
    kind = [column.name for column in AuditEntry.__table__.columns].index("kind")
    return {**snapshot, "audit_entry": [row for row in snapshot["audit_entry"] if row[kind] not in SIGN_IN_KINDS],
            "desk_session": []}


def assert_same_rows(before: Snapshot, after: Snapshot) -> None:
    """Fails naming each table whose rows changed, with the rows gone and the rows come."""
    changes = []
    for table, rows in before.items():
        gone = [row for row in rows if row not in after[table]]
        came = [row for row in after[table] if row not in rows]
        if gone or came or rows != after[table]:
            changes.append(f"{table}: gone {gone}, came {came}")
    assert not changes, "a refusal wrote:\n" + "\n".join(changes)


def charged_stay(hotel: Hotel) -> Stay:
    """A stay whose bill owes more than any payment a test takes, so none of them overpays it."""
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Accommodation", quantity=1,
              unit_price=hotel.money("1000.00"))
    return stay


def _seed_hotel(url: str, currency: str) -> None:
    """Migrate and fill an empty database with the hotel's settings: staff, rooms, rates."""
    database = Database(url)
    with database.writing() as session:
        # No country: its documents are in English unless a test names one (the demo hotel's is BG).
        seed_settings(session, base_currency=currency, country="")
        session.add(Room(number="101", floor=1, room_type="Double"))
        session.add(Room(number="102", floor=1, room_type="Double"))
    if database.engine.dialect.name == "sqlite":
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the one file
    database.dispose()


class HotelTemplates:
    """Each hotel's settings built once per run (migrations and seeding take most of a second) and
    copied for every test: an SQLite file, or a PostgreSQL database made with CREATE DATABASE ...
    TEMPLATE. A copy is what the same steps would have built, row for row; only an empty target
    is filled (a role's own database, say, is left to the slow way).
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._made: dict[tuple[str, ...], str] = {}

    def fill(self, url: str, currency: str) -> bool:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return self._fill_sqlite(parsed.database, currency)
        if parsed.get_backend_name() == "postgresql" and parsed.username == SUPERUSER:
            return self._fill_postgresql(parsed, currency)
        return False

    def _fill_sqlite(self, database: str | None, currency: str) -> bool:
        if not database or database == ":memory:" or Path(database).exists():
            return False
        key = ("sqlite", currency)
        if key not in self._made:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="desk-hotels-"))
            template = self._folder / f"hotel-{currency}.sqlite3"
            _seed_hotel(f"sqlite:///{template}", currency)
            self._made[key] = str(template)
        shutil.copy(self._made[key], database)
        return True

    def _fill_postgresql(self, url: URL, currency: str) -> bool:
        target = url.database or ""
        with self._admin(url) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (target,)).fetchone()
        if exists:
            with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=target,
                                 autocommit=True) as connection:
                tables = connection.execute(
                    "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                ).fetchone()
            if tables is None or tables[0]:
                return False
        # The migrations grant the desk role this setting names (0016): a template made for one role
        # is not what they build for another.
        key = (f"{url.host}:{url.port}", currency, os.environ.get("DESK_DB_DESK_ROLE", ""))
        if key not in self._made:
            template = f"hotel_template_{len(self._made)}"
            with self._admin(url) as admin:
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
            _seed_hotel(url.set(database=template).render_as_string(hide_password=False), currency)
            self._made[key] = template
        with self._admin(url) as admin:
            if exists:
                admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(target)))
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(self._made[key])))
        return True

    @property
    def folder(self) -> Path | None:
        """Where the SQLite templates are, once the first is made."""
        return self._folder

    def remove(self) -> None:
        """Remove the SQLite templates (at the end of the run; a PostgreSQL server goes whole)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None
        self._made.clear()

    @staticmethod
    def _admin(url: URL) -> psycopg.Connection:
        return psycopg.connect(host=url.host, port=url.port, user=url.username, dbname="postgres",
                               autocommit=True)


HOTEL_TEMPLATES = HotelTemplates()


def make_hotel(url: str, currency: str = "EUR") -> Hotel:
    if not HOTEL_TEMPLATES.fill(url, currency):
        _seed_hotel(url, currency)
    database = Database(url)
    actor = signed_in(database, Role.CLERK)
    cashier = signed_in(database, Role.CASHIER, actor.workstation)
    with database.writing() as session:
        open_shift(session, cashier, [])  # cash is taken only with an open shift on the workstation
    return Hotel(database, actor, currency)


@pytest.fixture
def hotel(hotel_url: str) -> Iterator[Hotel]:
    """A hotel on SQLite and on PostgreSQL."""
    h = make_hotel(hotel_url)
    yield h
    h.database.dispose()


@pytest.fixture
def sqlite_hotel(sqlite_url: str) -> Iterator[Hotel]:
    h = make_hotel(sqlite_url)
    yield h
    h.database.dispose()
