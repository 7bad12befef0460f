"""The POS service inside the desktop program: on when the hotel's setting says so, off at exit."""

from __future__ import annotations

import httpx
import pytest

from desk.core.errors import InvalidInput
from desk.db.runner import Runner
from desk.pos.checks import SETTING_RUN_IN_DESK, set_setting
from desk.pos.embedded import start_if_configured
from tests.helpers import free_port

from .conftest import ADMIN, Pos


def test_runs_inside_the_desk_only_when_set_and_stops_at_exit(sqlite_pos: Pos):
    database = sqlite_pos.hotel.database
    assert start_if_configured(database, "127.0.0.1", free_port()) is None  # off by default
    with pytest.raises(InvalidInput):
        Runner(database).run(set_setting, ADMIN, SETTING_RUN_IN_DESK, "yes")
    Runner(database).run(set_setting, ADMIN, SETTING_RUN_IN_DESK, "on")

    port = free_port()
    service = start_if_configured(database, "127.0.0.1", port)
    assert service is not None
    try:
        answer = httpx.get(f"{service.url}/api/v1/rooms/999/guests", timeout=10,
                           headers={"Authorization": f"Bearer {sqlite_pos.key}"})
        assert answer.status_code == 404 and answer.json()["error"] == "room_unknown"
        # The port is the desk's now: a second start on it reports that it could not listen.
        assert start_if_configured(database, "127.0.0.1", port) is None
    finally:
        service.stop()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{service.url}/healthz", timeout=2)
