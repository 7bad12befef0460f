"""The test hotels themselves: each a copy of a template built once per run (tests/desk/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desk.hotel.models import Room
from tests.pg_server import PgServer

from .conftest import _snapshot_engine, make_hotel


def test_a_hotel_written_to_leaves_the_next_copy_as_it_was(tmp_path: Path):
    first = make_hotel(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    try:
        with first.database.writing() as session:
            session.add(Room(number="999", floor=9, room_type="Single"))
        second = make_hotel(f"sqlite:///{tmp_path / 'second.sqlite3'}")
        try:
            assert second.query(lambda s: list(s.scalars(select(Room.number).order_by(Room.number)))) == [
                "101", "102"]
        finally:
            second.database.dispose()
    finally:
        first.database.dispose()


def test_snapshots_keep_the_engines_of_a_few_hotels_not_of_the_whole_run(tmp_path: Path):
    for n in range(8):
        hotel = make_hotel(f"sqlite:///{tmp_path / f'h{n}.sqlite3'}")
        hotel.snapshot()
        hotel.database.dispose()
    assert _snapshot_engine.cache_info().currsize <= 4


def test_a_hotel_migrated_for_another_desk_role_grants_that_role(pg_server: PgServer, monkeypatch):
    # Migration 0016 grants the desk role named by DESK_DB_DESK_ROLE: a template made for the default
    # role is not what the migrations build for another.
    make_hotel(pg_server.create_database("t_template_default_role")).database.dispose()
    monkeypatch.setenv("DESK_DB_DESK_ROLE", "desk_other")
    make_hotel(pg_server.create_database("t_template_other_role")).database.dispose()
    with pg_server.connect("t_template_other_role") as connection:
        granted = connection.execute(
            "SELECT has_table_privilege(rolname, 'payment', 'INSERT') FROM pg_roles WHERE rolname = 'desk_other'"
        ).fetchall()
    assert granted == [(True,)]
