"""The sign-in window is up before the database has opened: the clerk types meanwhile (issue 23)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import desk.db.engine
from tests.ui.conftest import started_desk

WORKSTATION = "START-1"


@pytest.fixture
def opening_held(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[threading.Thread]]:
    """Opening a database waits until the test lets it go; the threads it ran on are noted."""
    let_go = threading.Event()
    threads: list[threading.Thread] = []
    original = desk.db.engine.Database.__init__

    def held(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        assert let_go.wait(30)
        original(self, *args, **kwargs)

    monkeypatch.setattr(desk.db.engine.Database, "__init__", held)
    return let_go, threads


@contextmanager
def releasing(let_go: threading.Event) -> Iterator[None]:
    """The held opening is let go however the test ends, before the desk shuts down (which waits for it)."""
    try:
        yield
    finally:
        let_go.set()


def test_a_sign_in_pressed_while_the_database_opens_goes_ahead_once_it_is_open(qtbot, demo_url, opening_held):
    let_go, threads = opening_held
    with started_desk(demo_url, WORKSTATION, "anna") as startup, releasing(let_go):
        dialog = startup.sign_in_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: len(threads) == 1, timeout=10_000)
        assert threads[0] is not threading.main_thread()  # never the GUI thread
        assert dialog.progress_label.isVisible() and dialog.progress_label.text() == "Opening the database…"

        qtbot.keyClicks(dialog.secret_edit, "anna")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.wait(100)
        assert not dialog.sign_in_button.isEnabled()  # waiting for the database, said by the line above
        assert startup.database is None and startup.window is None

        let_go.set()
        qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=30_000)
        assert not dialog.isVisible() and not dialog.progress_label.isVisible()
        assert startup.context is not None and startup.context.actor.username == "anna"


def test_a_wrong_user_closes_the_window_shown_meanwhile_and_says_why(qtbot, demo_url, opening_held):
    let_go, _threads = opening_held
    quits: list[bool] = []
    QApplication.instance().aboutToQuit.connect(lambda: quits.append(True))
    with started_desk(demo_url, WORKSTATION, "nobody") as startup, releasing(let_go):
        dialog = startup.sign_in_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        let_go.set()

        def error_box() -> QMessageBox | None:
            boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "opErrorBox" and w.isVisible()]
            return boxes[0] if boxes else None

        qtbot.waitUntil(lambda: error_box() is not None, timeout=30_000)
        box = error_box()
        assert box is not None and "There is no user “nobody” in this hotel" in box.text()
        assert startup.sign_in_dialog is None and (not shiboken6.isValid(dialog) or not dialog.isVisible())
        assert quits == []  # the window went without quitting: the program ends when the box is read
        box.finished.disconnect()
        box.close()
