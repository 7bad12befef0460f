"""Start the workstation: translations, the database, the sign-in, then the main window.

The sign-in window shows first: opening the database (SQLAlchemy and every table, half a second of
CPU; an upgrade of its schema or seeding the demo hotel, seconds) runs off the GUI thread while the
clerk types, its progress in the window, and a sign-in pressed meanwhile goes ahead once it is open.
An empty database closes the window for the set-up wizard instead. Nobody works without signing in:
``--user`` only fills in the name. ``DESK_EXIT_AFTER_MS`` makes the program quit by itself that
long after the database has opened (for smoke tests of ``make run`` without a screen).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import signal
import socket
import sys
import threading
import time
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication

from desk.db.location import resolve_url
from ui.i18n import install_translator
from ui.ops import delivery, feedback
from ui.ops.op import Op
from ui.ops.pools import TaskState
from ui.sign_in import SignInDialog

if TYPE_CHECKING:
    # Imported when used: the sign-in window shows sooner without SQLAlchemy and the tables, the main
    # window, the reservation card and its dialogs, PDF reports, the demo hotel and its printer
    # simulators (tests/ui/test_start_imports.py).
    from desk.db.engine import Database
    from desk.demo.printer import DemoPrinters
    from desk.people.auth import Actor
    from desk.pos.embedded import EmbeddedService
    from ui.context import DeskContext
    from ui.main_window import MainWindow
    from ui.setup.wizard import SetUpWizard

# Loaded while the clerk types the password, so the main window opens without waiting for it.
MAIN_WINDOW_MODULE = "ui.main_window"

logger = logging.getLogger(__name__)

APP_NAME = "Front desk"
EXIT_AFTER_ENV = "DESK_EXIT_AFTER_MS"
# Actor.workstation is stored in 40 characters.
WORKSTATION_LENGTH = 40
# Quitting waits this long for the running work before a window says it waits; then at most the
# patience, unless the clerk chooses Quit now.
QUIT_QUIETLY_S = 0.5
QUIT_PATIENCE_S = 120.0


class StartupError(Exception):
    """The program cannot start; the message is for the user."""


def exit_after_ms() -> int | None:
    value = os.environ.get(EXIT_AFTER_ENV, "").strip()
    if not value:
        return None
    try:
        return max(0, int(value))
    except ValueError:
        logger.warning("%s=%r is not a number of milliseconds; ignored", EXIT_AFTER_ENV, value)
        return None


class Startup(QObject):
    """Opens the database off the GUI thread, then shows the main window (or the error)."""

    def __init__(self, app: QApplication, args: argparse.Namespace) -> None:
        super().__init__()
        self.app = app
        self.url = resolve_url(args.database)
        self.demo = bool(getattr(args, "demo", False))
        self.username = str(getattr(args, "user", None) or "")
        workstation = getattr(args, "workstation", None) or socket.gethostname() or "desk"
        self.workstation = workstation[:WORKSTATION_LENGTH]
        self.exit_after = exit_after_ms()
        self.database: Database | None = None
        self.context: DeskContext | None = None
        self.pos_service: EmbeddedService | None = None
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.set_up_wizard: SetUpWizard | None = None
        self.demo_printers: DemoPrinters | None = None
        self.heartbeat: QTimer | None = None

    def start(self) -> None:
        dialog = self._ask_sign_in(self.username)
        dialog.show_progress(QCoreApplication.translate("Startup", "Opening the database…"))
        # Once the window is painted: the clerk reads it and types while the database opens.
        QTimer.singleShot(0, lambda: self._open(dialog))

    def _open(self, dialog: SignInDialog) -> None:
        # Texts are translated here, on the GUI thread, and handed to the worker ready-made.
        seeding = QCoreApplication.translate("Startup", "Setting up the demo hotel…")
        unknown_user = QCoreApplication.translate(
            "Startup", "There is no user “{user}” in this hotel. Start with --user and a user the hotel has set up."
        )
        url, demo, username, workstation = self.url, self.demo, self.username, self.workstation

        def prepare(state: TaskState) -> tuple[Database, DemoPrinters | None, bool]:
            from desk.db.engine import Database
            from desk.hotel.setup import is_set_up
            from desk.people.auth import sign_in  # noqa: F401  (the sign-in's password check, loaded here)
            from desk.people.models import User

            database = Database(url)
            try:
                if demo:
                    from desk.demo.seed import has_data, seed_demo

                    with database.writing() as session:
                        if not has_data(session):
                            state.report(None, seeding)
                            seed_demo(session)
                with database.unit_of_work() as session:
                    set_up = is_set_up(session)
                    if set_up and username and session.get(User, username) is None:
                        raise StartupError(unknown_user.format(user=username))
                # The demo's registers print on simulators here, as the README's receipts show.
                printers = None
                if demo:
                    from desk.demo.printer import start_demo_printers

                    printers = start_demo_printers(database, workstation)
            except BaseException:
                database.dispose()
                raise
            if printers is not None:
                for code in printers.servers:
                    logger.info("demo printer %s prints %s into %s", printers.url(code), code,
                                printers.receipts / code)
            return database, printers, set_up

        (
            Op(self, prepare)
            .progress(lambda _fraction, text: dialog.show_progress(text))
            .success(self._opened)
            .failure(self._failed)
            .run()
        )

    def _opened(self, opened: tuple[Database, DemoPrinters | None, bool]) -> None:
        database, self.demo_printers, set_up = opened
        self.database = database
        logger.info("workstation %s open on %s", self.workstation, database.display_url)
        if set_up:
            if self.sign_in_dialog is not None:
                self.sign_in_dialog.database_opened(database)
            # The clerk is still typing (keys wait in Qt's queue); the main window opens without waiting for it.
            QTimer.singleShot(50, lambda: importlib.import_module(MAIN_WINDOW_MODULE))
        else:
            # An empty database and no demo: the hotel is set up first, then its manager signs in.
            from ui.setup.wizard import SetUpWizard

            self._close_sign_in()

            wizard = self.set_up_wizard = SetUpWizard(database, self.workstation)
            wizard.set_up.connect(lambda: self._ask_sign_in(wizard.username_edit.text().strip()))
            wizard.rejected.connect(self.app.quit)
            wizard.show()
        if self.exit_after is not None:
            QTimer.singleShot(self.exit_after, self.app.quit)

    def _ask_sign_in(self, username: str) -> SignInDialog:
        # At start the database is still opening: the window takes it when it is (database_opened).
        dialog = self.sign_in_dialog = SignInDialog(self.database, self.workstation, username=username)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self.app.quit)
        dialog.show()
        return dialog

    def _close_sign_in(self) -> None:
        """The window shown while the database opened, when it cannot be used: no quitting with it."""
        dialog, self.sign_in_dialog = self.sign_in_dialog, None
        if dialog is not None:
            dialog.rejected.disconnect(self.app.quit)
            dialog.close()
            dialog.deleteLater()

    def _signed_in(self, actor: Actor) -> None:
        assert self.database is not None
        from ui.context import DeskContext
        from ui.main_window import MainWindow

        self.context = DeskContext(self.database, actor)
        self._start_heartbeat()
        self.window = MainWindow(self.context)
        self.window.closed.connect(self.app.quit)
        self.window.show()
        # Before the first jobs start: what they leave behind is collected as usual.
        keep_start_up_out_of_collections()
        self.context.start_watching()
        self.context.reload_devices()
        self.context.mailer.start()
        # Receipts a crash or a lost answer left open are settled with the registers now, once.
        self.window.check_receipts(quiet_when_clean=True)
        logger.info("%s signed in at %s", actor.username, self.workstation)
        from ui.cards.operations import reconcile_at_start

        # A card operation cut short last time is settled once or closed now, and the clerk told.
        reconcile_at_start(self.context, self.window)
        if self.pos_service is None:
            from desk.pos.embedded import start_if_configured

            # A one-desk hotel's POS service (setting run_in_desk): started once, stopped at exit.
            self.pos_service = start_if_configured(self.database)

    def _start_heartbeat(self) -> None:
        """Tell the other desks, every minute, that someone is still signed in here (a restore waits)."""
        from desk.people.desks import HEARTBEAT

        if self.heartbeat is None:
            self.heartbeat = QTimer(self.app)
            self.heartbeat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
            self.heartbeat.timeout.connect(self._beat)
            self.heartbeat.start()

    def _beat(self) -> None:
        database, context = self.database, self.context
        if database is None or context is None or context.database_being_replaced:
            return
        actor = context.actor  # whoever is signed in now, after a switch of user

        def beat() -> None:
            from desk.people.desks import desk_seen

            with database.writing() as session:
                desk_seen(session, actor)

        # A missed beat is harmless (the next one comes in a minute): logged, not shown.
        Op(self.app, beat).failure(lambda exc: logger.warning("heartbeat not recorded: %s", exc)).run()

    def _signed_out(self) -> threading.Thread | None:
        """This desk's row goes at quit, off the GUI thread (waited for with the rest of the running
        work): other desks may restore at once; if it cannot be removed, it stops counting after three
        minutes anyway."""
        database, workstation = self.database, self.workstation
        if database is None or self.context is None:
            return None

        def sign_out() -> None:
            from desk.people.desks import desk_signed_out

            try:
                with database.writing() as session:
                    desk_signed_out(session, workstation=workstation)
            except Exception as exc:  # quitting goes on; the row ages out
                logger.warning("sign-out not recorded: %s", exc)

        worker = threading.Thread(target=sign_out, name="sign-out", daemon=True)
        worker.start()
        return worker

    def _finish_running_work(self, sign_out: threading.Thread | None) -> None:
        """Wait for what still runs at quit (a payment being written, the sign-out) with the event loop
        turning: a write is committed or refused before the process ends, never cut off half-way. Past
        a moment a window says so, and its Quit now ends the wait for a database that does not answer."""
        from PySide6.QtCore import QThread
        from PySide6.QtWidgets import QProgressDialog

        def done() -> bool:
            return not delivery.running and (sign_out is None or not sign_out.is_alive())

        quiet_until = time.monotonic() + QUIT_QUIETLY_S
        give_up = time.monotonic() + QUIT_PATIENCE_S
        window: QProgressDialog | None = None
        while not done() and time.monotonic() < give_up:
            self.app.processEvents()
            QThread.msleep(10)
            if window is None and time.monotonic() > quiet_until:
                window = QProgressDialog(QCoreApplication.translate(
                    "Startup", "Closing: the work still running is finished first…"),
                    QCoreApplication.translate("Startup", "&Quit now"), 0, 0)
                window.setObjectName("closingProgress")
                window.setWindowTitle(QCoreApplication.translate("Startup", "Front desk"))
                window.setMinimumDuration(0)
                window.show()
            if window is not None and window.wasCanceled():
                logger.warning("quit before %d operations ended", len(delivery.running))
                break
        if not done():
            logger.warning("work was still running at exit")
        if window is not None:
            window.close()
            window.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        from desk.db.engine import display_url, hide_password

        self._close_sign_in()
        if isinstance(exc, StartupError):
            message = str(exc)
        else:
            message = QCoreApplication.translate("Startup", "The database {url} could not be opened:\n{error}")
            message = message.format(url=display_url(self.url), error=hide_password(str(exc), self.url))
            # The traceback is logged as text, so the password is masked in it too.
            details = "".join(traceback.format_exception(exc))
            logger.error("start-up failed: %s", hide_password(details, self.url))
        print(message, file=sys.stderr)
        box = feedback.show_error(None, StartupError(message))
        box.setWindowTitle(QCoreApplication.translate("Startup", "Front desk"))
        box.finished.connect(lambda _result: self.app.exit(1))
        if self.exit_after is not None:
            QTimer.singleShot(self.exit_after, lambda: self.app.exit(1))

    def shut_down(self) -> None:
        gc.unfreeze()  # what start-up built may be garbage from now on
        if self.heartbeat is not None:
            self.heartbeat.stop()
        sign_out = self._signed_out()
        if self.pos_service is not None:
            self.pos_service.stop()
            self.pos_service = None
        if self.context is not None:
            self.context.stop_watching()
        delivery.cancel_all()  # reads stop at their next check; a write's transaction runs to its end
        self._finish_running_work(sign_out)
        if self.context is not None:
            self.context.close()
        if self.window is not None:
            self.window.deleteLater()
        if self.demo_printers is not None:  # after the context let its printers go
            self.demo_printers.stop()
        if self.database is not None:
            self.database.dispose()


def keep_start_up_out_of_collections() -> None:
    """What start-up built (Qt's wrappers, SQLAlchemy and the tables, the main window) lives as long
    as the session: kept out of the collector's full passes, which with six cards open took 120-170 ms
    of the GUI thread each (about 40 ms with this, bench/bench_apply.py), now and then inside an
    Apply (issue 23). Called on the GUI thread, which alone collects once ops exist (ui.ops.delivery)."""
    gc.collect()
    gc.freeze()


def main(args: argparse.Namespace) -> int:
    """Run the workstation until its main window closes; the exit status."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        from ui.cards.web_engine import prepare_web_engine

        prepare_web_engine()
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("frontdesk-cashier")
    install_translator(app, getattr(args, "language", None))
    # Ctrl+C in the terminal ends the program (Python cannot handle it inside Qt's event loop).
    signal.signal(signal.SIGINT, signal.SIG_DFL)

    startup = Startup(app, args)
    QTimer.singleShot(0, startup.start)
    try:
        return int(app.exec())
    finally:
        startup.shut_down()
