"""Domain fixtures: a migrated database with the hotel's settings, and a way to act on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select

from desk.auth import Actor, ManagerApproval
from desk.db import Database
from desk.demo import seed_settings
from desk.folios import FolioView, folio_of_reservation, load_folio
from desk.models import Base, Reservation, Role, Room
from desk.money import Money
from desk.shifts import open_shift
from desk.stays import check_in, create_reservation, new_guest
from tests.actors import MANAGER_APPROVAL, signed_in

T = TypeVar("T")


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
             room: str = "101") -> Stay:
        today = date.today()
        with self.database.writing() as session:
            people = [new_guest(session, self.actor, f"Guest{k}", "Test") for k in range(guests)]
            session.flush()
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
                for table in Base.metadata.sorted_tables
            }


def make_hotel(url: str, currency: str = "EUR") -> Hotel:
    database = Database(url)
    with database.writing() as session:
        seed_settings(session, base_currency=currency)
        session.add(Room(number="101", floor=1, room_type="Double"))
        session.add(Room(number="102", floor=1, room_type="Double"))
    actor = signed_in(database, Role.CLERK)
    cashier = signed_in(database, Role.CASHIER, actor.workstation)
    with database.writing() as session:
        open_shift(session, cashier, [])  # cash is taken only with an open shift on the workstation
    return Hotel(database, actor, currency)


@pytest.fixture
def hotel(database_url: str) -> Iterator[Hotel]:
    """A hotel on SQLite and on PostgreSQL."""
    h = make_hotel(database_url)
    yield h
    h.database.dispose()


@pytest.fixture
def sqlite_hotel(sqlite_url: str) -> Iterator[Hotel]:
    h = make_hotel(sqlite_url)
    yield h
    h.database.dispose()
