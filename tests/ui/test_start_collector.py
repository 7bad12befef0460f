"""The objects start-up built are kept out of the garbage collector's passes while the desk runs (issue 23)."""

from __future__ import annotations

import gc

from tests.ui.conftest import sign_in_at_start, started_desk


def test_start_up_s_objects_are_frozen_at_sign_in_and_let_go_at_shut_down(qtbot, demo_url: str):
    with started_desk(demo_url, "GC-1", "anna") as startup:
        qtbot.waitUntil(lambda: startup.database is not None, timeout=30_000)
        assert gc.get_freeze_count() == 0  # nothing frozen for a window that may never be used
        sign_in_at_start(qtbot, startup, "anna")
        assert gc.get_freeze_count() > 10_000
    assert gc.get_freeze_count() == 0
