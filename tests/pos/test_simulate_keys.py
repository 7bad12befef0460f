"""`desk pos simulate` makes a key for its run and revokes it after: no working key is left behind."""

from __future__ import annotations

from desk.cli.main import main
from desk.pos.keys import list_keys

from .conftest import Pos


def test_a_simulator_run_leaves_no_active_key(sqlite_pos: Pos, capsys, monkeypatch):
    pos = sqlite_pos
    monkeypatch.setenv("DESK_USER", "maria")  # making and revoking its key signs a manager in
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    pos.hotel.stay()
    before = {k.name for k in pos.hotel.query(list_keys) if k.revoked_at is None}
    url = str(pos.hotel.database.engine.url)
    assert main(["--database", url, "pos", "simulate", "--url", pos.url, "--protocol", "rest"]) == 0
    after = pos.hotel.query(list_keys)
    simulator_keys = [k for k in after if k.name.startswith("simulator-")]
    assert simulator_keys and all(k.revoked_at is not None for k in simulator_keys)
    assert {k.name for k in after if k.revoked_at is None} == before
