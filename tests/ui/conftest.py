"""GUI fixtures: the demo hotel on a real SQLite file, and a workstation context on it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.cash.shifts import open_shift
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.fiscal.models import CashRegister
from desk.ledger.folios import folio_of_reservation
from desk.ledger.lookup import reservation_by_number
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tests.actors import signed_in
from ui.ops import delivery

if TYPE_CHECKING:
    from ui.app import Startup

DEMO_TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build_translations.py"


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """Each GUI test ends in the language and number format it started in.

    ``install_translator(app, "en")`` is not the start: it sets the default locale to ``en``, which groups
    digits ("Folio 987,654"), where the test run starts in the system's. A test that switched to Russian
    and back to English left that to the next module.
    """
    from PySide6.QtCore import QCoreApplication, QLocale

    from ui import i18n

    locale, language = QLocale(), i18n.current_language()
    yield
    app = QCoreApplication.instance()
    if app is not None:
        i18n.remove_translators(app)
    QLocale.setDefault(locale)
    i18n._language = language


def folio_id_of(database: Database, number: str) -> int:
    """The folio of the demo reservation with this number (R10001…)."""
    with database.unit_of_work() as session:
        return folio_of_reservation(session, reservation_by_number(session, number).id)


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real .ts sources compiled by the build script into a scratch directory, once per run (no
    test writes to it)."""
    out = tmp_path_factory.mktemp("qm")
    result = subprocess.run([sys.executable, str(BUILD), "--release", "--force", "--qm-dir", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo hotel, seeded once per test run, around a fixed date so tests are repeatable."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.writing() as session:
        seed_demo(session, today=DEMO_TODAY)
        # The workstations the tests take cash at have their drawers open (a shift's own tests use another).
        for workstation in ("TEST-1", "TEST-2", "FRONT-2"):
            open_shift(session, trusted_actor("ivan", workstation, Role.CASHIER), [])
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def demo_url(demo_template: Path, tmp_path: Path) -> str:
    """A private copy of the demo hotel for one test, as the address the desk program is started with."""
    path = tmp_path / "desk.sqlite3"
    shutil.copy(demo_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def demo_database(demo_url: str) -> Iterator[Database]:
    """A private copy of the demo hotel for one test."""
    database = Database(demo_url)
    yield database
    database.dispose()


@contextmanager
def started_desk(url: str, workstation: str, user: str | None) -> Iterator[Startup]:
    """The desk program started on ``url`` as ``desk --workstation W --user U`` starts it, in this test's
    application: its sign-in window up, the database opening; shut down at the end, whatever happened."""
    from PySide6.QtWidgets import QApplication

    from ui.app import Startup

    startup = Startup(QApplication.instance(), argparse.Namespace(database=url, workstation=workstation,
                                                                  demo=False, user=user))
    try:
        startup.start()
        yield startup
    finally:
        startup.shut_down()


def sign_in_at_start(qtbot, startup: Startup, secret: str) -> None:
    """Once the started desk's database is open, types ``secret`` in its sign-in window and presses Sign in,
    as a clerk does; returns with the main window shown."""
    dialog = startup.sign_in_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: startup.database is not None, timeout=30_000)
    qtbot.keyClicks(dialog.secret_edit, secret)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=30_000)


@pytest.fixture
def desk_context(qtbot, demo_database: Database) -> Iterator[object]:
    from ui.context import DeskContext

    context = DeskContext(demo_database, signed_in(demo_database, Role.CLERK))
    yield context
    context.stop_watching()
    delivery.cancel_all()
    assert delivery.wait_all(30_000), "an op was still running at teardown"
    context.close()


def lose_the_first_reply(monkeypatch: pytest.MonkeyPatch, runner: object) -> list[object]:
    """The runner's first use case commits, but its answer never comes back (the connection dropped after
    COMMIT): the caller is told it failed. Returns the list that holds that first outcome once it ran."""
    import sqlalchemy.exc

    run = runner.run  # type: ignore[attr-defined]
    lost: list[object] = []

    def commit_then_lose_the_reply(*args: object, **kwargs: object) -> object:
        outcome = run(*args, **kwargs)
        if not lost:
            lost.append(outcome)
            raise sqlalchemy.exc.OperationalError("COMMIT", {}, Exception("server closed the connection"))
        return outcome

    monkeypatch.setattr(runner, "run", commit_then_lose_the_reply)
    return lost


@pytest.fixture
def clerk(demo_database: Database) -> Actor:
    """Anna, a front-desk clerk, signed in at another workstation of the demo hotel."""
    return signed_in(demo_database, Role.CLERK, "TEST-2")


@pytest.fixture
def cashier(demo_database: Database) -> Actor:
    return signed_in(demo_database, Role.CASHIER, "TEST-2")


@pytest.fixture
def manager(demo_database: Database) -> Actor:
    return signed_in(demo_database, Role.MANAGER, "TEST-2")


@dataclass
class FiscalPrinter:
    """The printer simulator on TCP, as every cash register's device."""

    engine: SimulatedPrinter
    server: TcpPrinterServer

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.server.port}"


@pytest.fixture
def fiscal_printer(demo_database: Database) -> Iterator[FiscalPrinter]:
    """The demo's registers print on a printer simulator over TCP (as a network printer on 9100), on the
    test workstations, whose drawer hangs on it."""
    from desk.devices.models import WorkstationPrinter
    from desk.fiscal.workflow import REGISTERS

    engine = SimulatedPrinter(profile="TM-T20II", paper_mm=80)
    server = TcpPrinterServer(engine, port=0).start()
    printer = FiscalPrinter(engine, server)
    with demo_database.writing() as session:
        codes = list(session.scalars(select(CashRegister.code).order_by(CashRegister.code)))
        for workstation in ("TEST-1", "TEST-2", "TILL-2"):
            session.add_all(WorkstationPrinter(workstation=workstation, name=f"Receipts {code}", url=printer.url,
                                               profile="TM-T20II", paper_mm=80, register_code=code,
                                               drawer=number == 0, changed_by="test")
                            for number, code in enumerate(codes))
    yield printer
    REGISTERS.close()
    server.stop()


@pytest.fixture
def context_of(qtbot, demo_database: Database):
    """``context_of(role[, workstation])``: a desk context signed in as that role, closed at the end."""
    from ui.context import DeskContext

    made: list[DeskContext] = []

    def make(role: Role, workstation: str = "TEST-1") -> DeskContext:
        ctx = DeskContext(demo_database, signed_in(demo_database, role, workstation))
        made.append(ctx)
        return ctx

    yield make
    delivery.cancel_all()
    assert delivery.wait_all(30_000)
    for ctx in made:
        ctx.close()


@pytest.fixture
def card_opener(qtbot):
    """``card_opener(ctx, folio_id)``: the folio's card opened as the desk opens it, loaded and shown; the
    cards opened are closed at the end."""
    import shiboken6

    from ui.reservation_card.window import open_reservation_card

    opened = []

    def open_card(ctx: Any, folio_id: int) -> Any:
        card = open_reservation_card(ctx, folio_id)
        opened.append(card)
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        return card

    yield open_card
    for card in opened:
        if shiboken6.isValid(card):
            card.close()


@pytest.fixture
def cashier_ctx(context_of):
    return context_of(Role.CASHIER)  # TEST-1, whose drawer is open


@pytest.fixture
def cashier_card(cashier_ctx, card_opener, demo_database: Database):
    """An in-house stay's card (R10016) opened by a cashier."""
    return card_opener(cashier_ctx, folio_id_of(demo_database, "R10016"))
