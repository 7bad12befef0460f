"""The hotel's reference rows (currency, services, VAT rates, payment methods) are read once per
process, not at every unit of a sale, and a change made anywhere is used by the next unit (issue 23)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, literal
from sqlalchemy.orm import Session

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.catalogue import change_service
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.auth import Actor
from desk.people.confirming import ALSO_READ, read_with_confirmation
from desk.people.models import Role
from desk.stays.business_day import start_business_days
from tests.actors import signed_in
from tests.desk.conftest import Hotel

REFERENCE_TABLES = ("service", "tax_rate", "hotel", "payment_method")
ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def reads_of_reference_rows(seen: list[str]) -> list[str]:
    return [s for s in seen if s.startswith("SELECT") and any(f"FROM {t} " in s + " " for t in REFERENCE_TABLES)]


def sale(hotel: Hotel, cashier: Hotel, bill_id: int) -> None:
    """Three minibar lines, then paid in cash: four units, as the desk runs them."""
    for code in ("MB-WATER", "MB-BEER", "PARKING"):
        hotel.run(post_service, bill_id=bill_id, service_code=code)
    cashier.run(take_payment, bill_id, Tender("cash", hotel.money("20.50")))


def test_a_sale_after_the_first_reads_no_reference_rows(hotel: Hotel) -> None:
    stay = hotel.stay()
    cashier = hotel.as_role(Role.CASHIER)
    sale(hotel, cashier, stay.bill_id)
    with statements(hotel.database) as seen:
        sale(hotel, cashier, stay.bill_id)
    assert reads_of_reference_rows(seen) == []
    assert any(s.startswith("INSERT INTO payment ") for s in seen)


def change_price_elsewhere(url: str, price: str) -> None:
    """Another workstation (a process of its own) gives MB-WATER a new price and VAT rate."""
    script = textwrap.dedent(f"""
        from desk.core.money import Money
        from desk.db.engine import Database
        from desk.hotel.catalogue import change_service
        from desk.people.models import Role
        from tests.actors import signed_in, use_the_suites_hash_cost
        use_the_suites_hash_cost()
        database = Database({url!r})
        manager = signed_in(database, Role.MANAGER, "OFFICE-1")
        with database.writing() as session:
            change_service(session, manager, "MB-WATER", "Mineral water 0.5", Money.of({price!r}, "EUR"), "NOVAT")
        database.dispose()
    """)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_price_changed_in_another_process_is_charged_by_the_next_posting(hotel: Hotel) -> None:
    stay = hotel.stay()
    first = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    assert first.amount == hotel.money("3.50") and first.tax_percent == Decimal(20)
    change_price_elsewhere(hotel.database.url, "4.10")
    again = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    assert (again.amount, again.description, again.tax_code, again.tax_percent) == (
        hotel.money("4.10"), "Mineral water 0.5", "NOVAT", Decimal(0))


class Undone(Exception):
    pass


def test_a_change_rolled_back_is_not_remembered_for_later_units(hotel: Hotel) -> None:
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")  # remembered at 3.50
    manager = signed_in(hotel.database, Role.MANAGER)
    with pytest.raises(Undone), hotel.database.writing() as session:
        change_service(session, manager, "MB-WATER", "Water", hotel.money("9.99"), "NOVAT")
        inside = post_service(session, hotel.actor, bill_id=stay.bill_id, service_code="MB-WATER")
        assert inside.amount == hotel.money("9.99")  # the unit sees its own change
        raise Undone
    after = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    assert (after.amount, after.tax_percent) == (hotel.money("3.50"), Decimal(20))


def test_a_change_that_commits_after_a_later_one_is_still_seen(hotel: Hotel) -> None:
    """PostgreSQL hands ids out before commit: the change holding the lower id may commit last."""
    if hotel.database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writers commit one after the other, in the order of their ids")
    stay = hotel.stay()
    manager = signed_in(hotel.database, Role.MANAGER)
    with hotel.database.writing() as slow:
        change_service(slow, manager, "MB-WATER", "Water", hotel.money("4.10"), "NOVAT")
        slow.flush()  # its record has its id, the lower one
        with hotel.database.writing() as quick:
            change_service(quick, manager, "MB-BEER", "Beer", hotel.money("6.00"), "VAT20")
        before = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
        assert before.amount == hotel.money("3.50")  # the slow change is not committed yet
    after = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    assert (after.amount, after.tax_percent) == (hotel.money("4.10"), Decimal(0))


def tables_read(seen: list[str]) -> list[str]:
    """The table of each SELECT's first column (or of the first column its first column's subquery
    names), in order; the ledger's chain (desk.ledger.chain) aside, which links every unit's rows its
    own way on each database."""
    tables = [re.search(r"([a-z_]+)\.[a-z_]+", s).group(1)  # type: ignore[union-attr]
              for s in seen if s.startswith("SELECT")]
    return [table for table in tables if not table.startswith("ledger_")]


def test_each_unit_of_a_sale_reads_what_it_checks_in_as_few_statements_as_the_locks_allow(hotel: Hotel) -> None:
    """A sale's units as the desk runs them (the runner confirms the cashier first), pinned (issue 23).

    The actor's standing carries the settings' version and the business date; on SQLite, whose
    writing unit holds the whole file, the bill's statement carries its invoicing and the audit
    trail's head is not locked; PostgreSQL reads those after the row lock they wait for."""
    stay = hotel.stay()
    cashier = signed_in(hotel.database, Role.CASHIER)
    runner = Runner(hotel.database)
    runner.run(start_business_days, signed_in(hotel.database, Role.MANAGER), date.today())  # as set-up does
    postgres = hotel.database.engine.dialect.name == "postgresql"

    def charge() -> None:
        runner.run(post_service, cashier, bill_id=stay.bill_id, service_code="MB-BEER")

    def pay() -> None:
        runner.run(take_payment, cashier, stay.bill_id, Tender("cash", hotel.money("5.00")))

    charge()
    pay()
    with statements(hotel.database) as seen:
        charge()
    # PostgreSQL locks the bill alone, then reads its stay and invoicing once the lock is held
    # (tests/desk/test_checkout_race.py).
    assert tables_read(seen) == ["user_account", "bill", *(["bill"] if postgres else [])]
    with statements(hotel.database) as seen:
        pay()
    # The Apply's key, an unresolved card payment and what the bill owes ride on the bill's statement on
    # SQLite (the drawer's shift too), on the bill's statement after its lock on PostgreSQL, whose
    # shift is read locked and its close read after that lock (tests/desk/test_shift_close_race.py); the
    # trail's entry follows the one this process remembers writing.
    assert tables_read(seen) == ["user_account", "bill",
                                 *(["bill", "cash_shift", "shift_close", "audit_head"] if postgres else [])]


def test_a_feature_registered_after_the_first_confirmation_is_still_read_with_it(hotel: Hotel) -> None:
    """A module loaded late (a plug-in, a report opened once) registers after units already ran: its
    read rides on every later confirmation, not lost for the rest of the process's life."""
    runner = Runner(hotel.database)
    cashier = signed_in(hotel.database, Role.CASHIER)

    def look(_session: Session, _actor: Actor) -> None:
        return None

    runner.run(look, cashier)  # the confirmation's statement is built, without the late feature
    noted: list[Sequence[object]] = []
    read_with_confirmation([literal(41) + 1], lambda _session, values: noted.append(values))
    try:
        runner.run(look, cashier)
    finally:
        ALSO_READ.pop()
    assert [tuple(values) for values in noted] == [(42,)]
