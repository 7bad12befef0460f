"""`desk pos key|code|setting` and `desk pos simulate` change settings: they sign a desk user in
(issue 22), as `desk mail set` does; listing needs nobody."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import make_url

from desk.cli.main import main
from desk.db.engine import Database
from desk.pos.checks import get_setting, payment_codes
from desk.pos.item_map import item_map
from desk.pos.keys import list_keys
from tests.desk.conftest import make_hotel
from tests.pg_server import PgServer

from .conftest import Pos

CHANGES = [
    ["key", "create", "bar-2"],
    ["key", "revoke", "bar-1"],
    ["code", "set", "77", "credit", "--name", "Room"],
    ["code", "remove", "55"],
    ["setting", "set", "after_checkout", "refuse"],
    ["map", "set", "REST", "--item", "31", "BREAKFAST"],
    ["map", "remove", "BAR", "--default"],
]


def pos_command(pos: Pos, *args: str) -> int:
    return main(["--database", str(pos.hotel.database.engine.url), "pos", *args])


@pytest.fixture
def settings(sqlite_pos: Pos, monkeypatch) -> Pos:
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    assert pos_command(sqlite_pos, "key", "create", "bar-1") == 0
    assert pos_command(sqlite_pos, "code", "set", "55", "deposit") == 0
    assert pos_command(sqlite_pos, "map", "set", "BAR", "--default", "MB-BEER") == 0
    return sqlite_pos


def state(pos: Pos) -> tuple[object, ...]:
    keys = {(k.name, k.created_by, k.revoked_at is None) for k in pos.hotel.query(list_keys)}
    codes = {(c.code, c.meaning.value) for c in pos.hotel.query(payment_codes)}
    mapping = {(m.outlet, m.kind.value, m.pos_code, m.service) for m in pos.hotel.query(item_map)}
    return keys, codes, pos.hotel.query(get_setting, "after_checkout"), mapping


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: " ".join(c[:2]))
def test_a_pos_settings_change_refuses_a_wrong_password_and_a_clerk(settings: Pos, change: list[str], monkeypatch,
                                                                    capsys):
    before = state(settings)
    capsys.readouterr()
    monkeypatch.setenv("DESK_PASSWORD", "not her password")
    assert pos_command(settings, *change) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("DESK_USER", "anna")
    monkeypatch.setenv("DESK_PASSWORD", "anna")
    assert pos_command(settings, *change) == 1
    assert "A clerk may not" in capsys.readouterr().err
    assert state(settings) == before

    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    assert pos_command(settings, *change) == 0
    assert state(settings) != before


def test_a_pos_key_is_created_by_the_desk_user_who_signed_in(settings: Pos):
    assert {k.created_by for k in settings.hotel.query(list_keys) if k.name == "bar-1"} == {"maria"}


def test_listing_pos_keys_codes_and_settings_asks_nobody(settings: Pos, monkeypatch, capsys):
    monkeypatch.delenv("DESK_USER")
    monkeypatch.delenv("DESK_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a prompt would read nothing and fail
    for listing in (["key", "list"], ["code", "list"], ["setting", "get", "after_checkout"], ["map", "list"]):
        assert pos_command(settings, *listing) == 0
    out = capsys.readouterr().out
    assert "bar-1" in out and "MB-BEER" in out


def test_pos_simulate_signs_in_before_it_makes_its_own_key(sqlite_pos: Pos, monkeypatch, capsys):
    sqlite_pos.hotel.stay()
    before = sqlite_pos.hotel.query(list_keys)
    monkeypatch.setenv("DESK_USER", "anna")
    monkeypatch.setenv("DESK_PASSWORD", "anna")
    assert pos_command(sqlite_pos, "simulate", "--url", sqlite_pos.url, "--protocol", "rest") == 1
    assert "A clerk may not" in capsys.readouterr().err
    assert sqlite_pos.hotel.query(list_keys) == before


def test_on_postgresql_the_owner_role_makes_a_pos_key_without_signing_in_the_desk_role_must(pg_server: PgServer,
                                                                                             monkeypatch, capsys):
    owner_url = pg_server.create_database("t_pos_cli_sign_in")
    make_hotel(owner_url).database.dispose()
    with pg_server.connect() as dba:
        dba.execute("ALTER ROLE desk_app LOGIN")
    desk_url = make_url(owner_url).set(username="desk_app").render_as_string(hide_password=False)
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.setenv("DESK_PASSWORD", "guess")
    monkeypatch.setattr("sys.stdin", io.StringIO("maria\n"))
    assert main(["--database", desk_url, "pos", "key", "create", "bar-9"]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    assert main(["--database", owner_url, "pos", "key", "create", "bar-9"]) == 0
    database = Database(owner_url)
    try:
        with database.unit_of_work() as session:
            [(name, created_by)] = [(k.name, k.created_by) for k in list_keys(session)]
    finally:
        database.dispose()
    assert name == "bar-9" and created_by.startswith("db:")
