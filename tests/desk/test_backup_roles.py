"""PostgreSQL: a workstation backs up as the desk's own role; only the tables' owner restores.

The desk role (desk_app, made by migration 0016_desk_role) reads every table, which is all pg_dump
asks of it: a manager at any desk takes a backup without the owner's password anywhere near it.
A restore drops and re-creates the schema, which only the owner may.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from desk.backup.copy import BackupFailed, RestoreNeedsOwner, back_up, check_backup, inspect_backup, restore
from desk.db.engine import Database, shipped_schema_heads
from desk.ledger.postings import post_charge
from desk.people.models import Role
from tests.pg_server import PgServer

from .conftest import Hotel, make_hotel, refused

DESK_ROLE = "desk_app"


@pytest.fixture(scope="module")
def owner_and_desk(pg_server: PgServer) -> Iterator[tuple[str, Hotel]]:
    """A hotel migrated by the owner, then used as the desk role (as test_pg_roles does)."""
    owner_url = pg_server.create_database("t_backup_roles")
    Database(owner_url).dispose()
    with pg_server.connect() as dba:
        dba.execute(f"ALTER ROLE {DESK_ROLE} LOGIN")
    desk_url = make_url(owner_url).set(username=DESK_ROLE).render_as_string(hide_password=False)
    hotel = make_hotel(desk_url)
    yield owner_url, hotel
    hotel.database.dispose()


def test_a_manager_backs_up_as_the_desk_role_and_only_the_owner_restores(owner_and_desk: tuple[str, Hotel],
                                                                       tmp_path: Path):
    owner_url, hotel = owner_and_desk
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Dinner", quantity=1, unit_price=hotel.money("42.00"))
    manager = hotel.as_role(Role.MANAGER)
    with manager.database.engine.connect() as connection:
        assert connection.execute(text("SELECT current_user")).scalar_one() == DESK_ROLE

    target = tmp_path / "desk-role.backup"
    info = back_up(manager.database, manager.actor, target)
    assert info.kind == "postgresql" and info.schema == shipped_schema_heads()
    assert inspect_backup(target).size == target.stat().st_size

    hotel.database.dispose()
    error = refused(hotel, RestoreNeedsOwner,
                    "Only the role that owns the desk's tables may restore them (a restore replaces the schema); "
                    "this connection is {role}: run desk restore with the owner's database address",
                    lambda: restore(hotel.database.url, manager.actor, target))
    assert error.params["role"] == DESK_ROLE

    restore(owner_url, manager.actor, target)
    owner = Database(owner_url)
    try:
        with owner.engine.connect() as connection:
            amounts = connection.execute(text("SELECT amount FROM posting WHERE description = 'Dinner'")).scalars()
            assert [str(amount) for amount in amounts] == [f"{hotel.currency} 42.00"]
    finally:
        owner.dispose()


def test_a_check_by_a_role_that_may_not_create_the_scratch_database_says_what_to_do(
        owner_and_desk: tuple[str, Hotel], tmp_path: Path):
    """The desks' role has no CREATEDB: the check names the scratch database and how to allow it (README)."""
    _owner_url, hotel = owner_and_desk
    manager = hotel.as_role(Role.MANAGER)
    target = tmp_path / "to-check.backup"
    back_up(manager.database, manager.actor, target)
    error = refused(hotel, BackupFailed,
                    "A backup is checked in a scratch database, {name}, which {role} may not create: give the role "
                    "CREATEDB, or have the server's administrator create {name} owned by {role}",
                    lambda: check_backup(hotel.database.url, manager.actor, target))
    assert error.params["role"] == DESK_ROLE and error.params["name"] == "t_backup_roles_restore_check"
