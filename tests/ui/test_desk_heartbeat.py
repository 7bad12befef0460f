"""A desk says it is signed in: at sign-in, every minute off the GUI thread, and no more at quit; quitting
waits for a write still running, saying so."""

from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

import desk.people.desks
from desk.core.types import utcnow
from desk.db.engine import Database
from desk.people.models import DeskSession
from tests.ui.conftest import sign_in_at_start, started_desk

WORKSTATION = "BEAT-1"


def _rows(url: str) -> list[tuple[str, str, object]]:
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            return [(row.workstation, row.username, row.last_seen) for row in session.scalars(select(DeskSession))]
    finally:
        database.dispose()


def test_a_signed_in_desk_is_recorded_beats_off_the_gui_thread_and_goes_at_quit(qtbot, demo_url, monkeypatch):
    beats: list[threading.Thread] = []
    original = desk.people.desks.desk_seen

    def noted(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        beats.append(threading.current_thread())
        original(*args, **kwargs)

    monkeypatch.setattr(desk.people.desks, "desk_seen", noted)
    with started_desk(demo_url, WORKSTATION, "anna") as startup:
        sign_in_at_start(qtbot, startup, "anna")
        [(workstation, username, _seen)] = _rows(demo_url)
        assert (workstation, username) == (WORKSTATION, "anna")

        assert startup.heartbeat is not None and startup.heartbeat.interval() == 60_000
        long_ago = utcnow() - timedelta(minutes=10)
        assert startup.database is not None
        with startup.database.writing() as session:
            session.execute(update(DeskSession).values(last_seen=long_ago))
        startup.heartbeat.timeout.emit()  # the minute has passed
        qtbot.waitUntil(lambda: _rows(demo_url)[0][2] > long_ago + timedelta(minutes=9), timeout=10_000)
        assert beats and all(thread is not threading.main_thread() for thread in beats)

        # While a restore replaces the database, a beat would open a connection the restore counts as
        # another desk: it waits.
        assert startup.context is not None
        startup.context.database_being_replaced = True
        seen = _rows(demo_url)[0][2]
        beats.clear()
        startup.heartbeat.timeout.emit()
        qtbot.wait(300)
        assert beats == [] and _rows(demo_url)[0][2] == seen
        startup.context.database_being_replaced = False
    assert _rows(demo_url) == []


def test_quitting_waits_for_a_running_write_and_says_so(qtbot, demo_url, monkeypatch):
    """Quitting used to wait 5 s for the sign-out and 10 s for the rest, frozen, then cut off what still ran."""
    import time

    import ui.app
    from desk.people.changes import changes_of, record_change
    from ui.ops.op import Op

    monkeypatch.setattr(ui.app, "QUIT_QUIETLY_S", 0.05)
    shown: list[str] = []
    with started_desk(demo_url, WORKSTATION, "maria") as startup:
        sign_in_at_start(qtbot, startup, "manager")
        assert startup.context is not None
        database, actor = startup.database, startup.context.actor
        assert database is not None

        started = threading.Event()

        def slow_write() -> None:  # a payment still being written when the clerk quits
            started.set()
            time.sleep(1.0)
            with database.writing() as session:
                record_change(session, actor, "backup", "slow.backup", "written while the desk quits")

        def closing_window() -> None:
            shown.extend(widget.objectName() for widget in QApplication.topLevelWidgets()
                         if widget.objectName() == "closingProgress" and widget.isVisible())

        Op(startup.app, slow_write).run()
        qtbot.waitUntil(started.is_set, timeout=30_000)  # running, not queued (a queued op never starts)
        QTimer.singleShot(500, closing_window)  # fires while quitting waits, the event loop turning
    assert shown == ["closingProgress"]
    after = Database(demo_url)
    try:
        with after.unit_of_work() as session:
            assert [change.code for change in changes_of(session, "backup")] == ["slow.backup"]
    finally:
        after.dispose()
    assert _rows(demo_url) == []
