"""Where the data lives: engines, units of work, migrations, and the append-only guard."""

from __future__ import annotations

import functools
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import InsertmanyvaluesSentinelOpts

from desk.core.errors import LedgerImmutable
from desk.db import schema  # noqa: F401  (every table known before the first unit of work)
from desk.db.base import LedgerRecord
from desk.db.location import ENV_URL, default_database_path, resolve_url  # noqa: F401  (the desk's names for them)
from desk.db.write_queue import WriteQueue, close_queue, open_queue

MIGRATIONS = Path(__file__).with_name("migrations")


_OWNER_ONLY = 0o600
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def keep_private(path: Path) -> None:
    """Create the SQLite file owner-only (0600), or make an existing one so, with a warning.

    SQLite gives the -wal, -shm and -journal files it creates the database file's permissions, so
    the database file decides for all of them. A file that group or others could read is tightened
    (its companions too): anyone who copies it can try every PIN against its hashes.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _OWNER_ONLY))  # an empty file is a database
    except FileExistsError:
        pass
    except OSError as exc:  # no such folder, no right to create: connecting will say so
        logging.getLogger(__name__).debug("could not create %s: %s", path, exc)
        return
    for companion in (path.with_name(path.name + suffix) for suffix in _SQLITE_COMPANIONS):
        try:
            mode = companion.stat().st_mode & 0o777
        except FileNotFoundError:
            continue
        if mode & 0o077:
            try:
                os.chmod(companion, mode & 0o700)
            except OSError as exc:
                logging.getLogger(__name__).warning(
                    "%s can be read by other users (mode %o) and could not be made owner-only: %s",
                    companion, mode, exc)
            else:
                logging.getLogger(__name__).warning(
                    "%s could be read by other users (mode %o): made owner-only (%o)",
                    companion, mode, mode & 0o700)


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL; None for another database or one in memory."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:") or parsed.query.get("uri"):
        return None
    return Path(database)


_USERINFO_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")


def display_url(url: str) -> str:
    """The URL as people and logs may see it: the password, if any, masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # not a URL SQLAlchemy can read: mask what looks like user:password@
        return _USERINFO_PASSWORD.sub(r"\1***@", url)


def hide_password(text: str, url: str) -> str:
    """``text`` (an error message, say) with the URL's password masked wherever it appears."""
    secrets = [match.group(0)[len(match.group(1)):-1] for match in _USERINFO_PASSWORD.finditer(url)]
    try:
        password = make_url(url).password
    except (ArgumentError, ValueError):
        password = None
    if password:
        secrets.append(str(password))
    for secret in sorted(filter(None, set(secrets)), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def make_engine(url: str, *, background_checkpoints: bool = False, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None:
            keep_private(path)
        engine = create_engine(url, connect_args={"timeout": SQLITE_WRITE_PATIENCE_S}, **kwargs)
        # The rows one flush adds to a table (a minibar count's postings) go in one INSERT ... RETURNING id,
        # the ids handed to the objects in ascending order. SQLAlchemy does not assume for SQLite what holds
        # for our tables (none is AUTOINCREMENT): a VALUES list's rows are inserted in its order, each given
        # the rowid one past the largest, so it sent one INSERT per row. Were an id ever handed to the wrong
        # posting, its chain link (hashed from the object) would not match the row: verify would name it.
        engine.dialect.insertmanyvalues_implicit_sentinel = InsertmanyvaluesSentinelOpts.ANY_AUTOINCREMENT
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        if path is not None:
            event.listen(engine, "close", gather_sqlite_statistics)
        if background_checkpoints:
            event.listen(engine, "connect", _sqlite_no_automatic_checkpoint)
        return engine
    engine = create_engine(url, **kwargs)
    event.listen(engine, "checkin", _note_idle_since)
    event.listen(engine, "checkout", functools.partial(_check_if_idle, engine.dialect))
    return engine


# A pooled server connection unused for longer than this is asked whether it is still there before
# a unit of work gets it (a server restart, a firewall dropping quiet connections). Asking before
# every unit (pool_pre_ping) was one round trip in seven of a posting for every busy writer, and it
# never covered a connection lost in the middle of a unit: that one fails as it always did.
IDLE_CHECK_AFTER_S = 1.0
_IDLE_SINCE = "desk.idle_since"


def _note_idle_since(_dbapi_connection: Any, record: Any) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _check_if_idle(dialect: Any, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    idle_since = record.info.get(_IDLE_SINCE)
    if idle_since is None or time.monotonic() - idle_since < IDLE_CHECK_AFTER_S:
        return  # just connected, or back from a unit a moment ago
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as exc:  # the server ended it: the pool connects again (see SQLAlchemy's "checkout" event)
        raise DisconnectionError(str(exc)) from exc
    if not alive:
        raise DisconnectionError("the connection no longer answers")


# Rows ANALYZE samples per index: statistics good enough for the planner in milliseconds, however
# large the hotel has grown.
SQLITE_ANALYSIS_LIMIT = 1000
# How long closing waits for another desk's write lock before it leaves the statistics for later.
_OPTIMIZE_WAIT_MS = 200


def gather_sqlite_statistics(dbapi_connection: Any, _record: Any = None) -> None:
    """``PRAGMA optimize`` as a connection closes, as SQLite advises: it analyses the tables this
    connection's queries used whose statistics are missing or out of date (on the SQLite we ship,
    3.40, a table grown about 25-fold since: a hotel's ledger takes years to do that, hence also
    :meth:`Database.refresh_statistics` after every night audit).

    Without statistics the planner guesses; with stale ones (taken when the hotel was new) it can
    pick a scan over an index. The POS service and every desk close their connections when they
    stop, so a database in use keeps its statistics current without an administrator. Never a
    reason not to close: a lock held by another desk or a read-only file leaves them for next time.
    """
    try:
        dbapi_connection.execute(f"PRAGMA busy_timeout={_OPTIMIZE_WAIT_MS}")
        dbapi_connection.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        dbapi_connection.execute("PRAGMA optimize")
    except sqlite3.Error:  # a lock, a read-only file, a connection already broken
        logging.getLogger(__name__).debug("statistics not gathered on closing", exc_info=True)


def _sqlite_no_automatic_checkpoint(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


class WalCheckpointer:
    """Copies SQLite's write-ahead log into the database file from a thread of its own.

    Left to itself, SQLite checkpoints inside the commit that fills the log past 1000 pages: that
    commit waits for the copy and its fsync, tens of milliseconds, the slowest answers of a busy
    POS service. Here a passive checkpoint runs every ``interval`` seconds on its own connection:
    it never waits for a lock and writers go on meanwhile.
    """

    def __init__(self, path: str, interval: float = 0.5) -> None:
        self.path = path
        self.interval = interval
        self.checkpoints = 0  # for tests and benches: passes that copied every frame of the log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=1, isolation_level=None, check_same_thread=False)
        try:
            while not self._stop.wait(self.interval):
                try:
                    busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as exc:  # the file went away, or is being replaced: try again later
                    logging.getLogger(__name__).debug("checkpoint skipped: %s", exc)
                    continue
                if not busy and frames and frames == copied:
                    self.checkpoints += 1
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


# FULL, not NORMAL: in WAL mode NORMAL syncs only at checkpoints, so a power cut can lose a
# committed payment whose receipt already printed. FULL syncs the log at every commit.
# A knob only for the test suite, which cannot cut the power and commits tens of thousands of
# times (a sync costs milliseconds on a busy disk): never lowered by the program.
SQLITE_SYNCHRONOUS = "FULL"
_SQLITE_SYNCHRONOUS_MODES = ("OFF", "NORMAL", "FULL", "EXTRA")


# How long a writer waits for the file: first for its turn in the writers' queue, then in SQLite's
# busy handler should the queue have given up.
SQLITE_WRITE_PATIENCE_S = 15.0


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    if SQLITE_SYNCHRONOUS not in _SQLITE_SYNCHRONOUS_MODES:
        raise ValueError(f"unknown SQLite synchronous mode {SQLITE_SYNCHRONOUS!r}")
    cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_WRITE_PATIENCE_S * 1000)}")
    cursor.close()


# Execution option that marks a connection as one that will write (see Database.writing).
WRITE_OPTION = "desk_writes"


def _sqlite_on_begin(connection: Any) -> None:
    # A deferred transaction that reads and then writes cannot wait for the lock: SQLite refuses
    # the upgrade at once ("database is locked") whatever busy_timeout says. Taking the write
    # lock at BEGIN makes a second writer wait its turn instead.
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


_KEPT_KEY = "desk.db.kept"


def keep_whatever_happens(session: Session, action: Callable[[Session], None]) -> None:
    """Write ``action`` whether the caller's unit of work commits or rolls back.

    For a failed sign-in: it must be counted although the refusal rolls back the caller's work,
    and committing in the middle of that work would end its transaction and release its locks.
    On commit the action runs in the unit itself; after a rollback, in a unit of its own.
    """
    session.info.setdefault(_KEPT_KEY, []).append(action)


def _run_kept(session: Session) -> None:
    for action in session.info.pop(_KEPT_KEY, []):
        action(session)


class Database:
    """One database: an engine, its sessions, and units of work on it."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True, background_checkpoints: bool = False) -> None:
        """``background_checkpoints``: on an SQLite file, no commit of this process checkpoints the
        log; a :class:`WalCheckpointer` thread does (for a service that answers many writers)."""
        self.url = resolve_url(url)
        path = make_url(self.url).database if self.url.startswith("sqlite") else None
        background_checkpoints = background_checkpoints and bool(path) and path != ":memory:"
        self.engine = make_engine(self.url, background_checkpoints=background_checkpoints)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        # On an SQLite file, writers of every process take turns in order (see desk.db.write_queue).
        file = sqlite_file(self.url)
        self.write_queue: WriteQueue | None = open_queue(file, SQLITE_WRITE_PATIENCE_S) if file else None
        if upgrade:
            upgrade_database(self.engine)
        self.checkpointer = WalCheckpointer(str(path)) if background_checkpoints else None

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose work is committed whole, or not at all (begun deferred on SQLite)."""
        with self._unit(self.sessions) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that holds the write lock from its start on SQLite (see desk.db.runner)."""
        with self._unit(self.write_sessions, self._write_turn) as session:
            yield session

    @contextmanager
    def _write_turn(self) -> Iterator[None]:
        if self.write_queue is None:
            yield
            return
        with self.write_queue.turn():
            yield

    @contextmanager
    def _unit(self, sessions: sessionmaker[Session],
              turn: Callable[[], AbstractContextManager[None]] = nullcontext) -> Iterator[Session]:
        kept: list[Callable[[Session], None]] = []
        try:
            # The turn outlasts the session: it ends once the commit (or rollback) has released the file.
            with turn(), sessions() as session:
                try:
                    with session.begin():
                        yield session
                        _run_kept(session)
                except BaseException:
                    kept = session.info.pop(_KEPT_KEY, [])
                    raise
        except BaseException:
            if kept:
                # The unit rolled back and its session is closed: what must be kept gets a unit of its own.
                # Should that fail too, the caller still gets the failure that ended its unit, not this one.
                try:
                    with self.writing() as after:
                        for action in kept:
                            action(after)
                except Exception:
                    logging.getLogger(__name__).exception("work to keep after a rollback was lost")
            raise

    def refresh_statistics(self) -> None:
        """The planner's statistics of every table sampled again, once a day after the night audit.

        SQLite keeps them in the file for every desk and the POS service; left to ``PRAGMA optimize``
        alone they would follow a five-year ledger only when it had grown 25-fold, and a service that
        runs for months never closes its connection. Sampling (``analysis_limit``) keeps it to tens of
        milliseconds on the big hotel, taken in the writers' turn like any write. PostgreSQL's
        autovacuum does this itself. Never a reason for the audit to fail: a lock held elsewhere (it
        waits for it no longer than a closing connection's ``PRAGMA optimize`` does) or a read-only
        file leaves the statistics as they were.
        """
        if sqlite_file(self.url) is None:
            return
        try:
            with self._write_turn(), self.engine.connect() as connection:
                dbapi = connection.connection.dbapi_connection
                assert dbapi is not None
                dbapi.execute(f"PRAGMA busy_timeout={_OPTIMIZE_WAIT_MS}")
                try:
                    dbapi.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
                    dbapi.execute("ANALYZE")
                    dbapi.commit()
                finally:
                    # The connection goes back to the pool: the next unit waits for a lock as every unit does.
                    dbapi.execute(f"PRAGMA busy_timeout={int(SQLITE_WRITE_PATIENCE_S * 1000)}")
        except (sqlite3.Error, DBAPIError):
            logging.getLogger(__name__).warning("the planner's statistics were not refreshed", exc_info=True)

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    def dispose(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()
        self.engine.dispose()
        if self.write_queue is not None:
            close_queue(self.write_queue)
            self.write_queue = None


@event.listens_for(Session, "before_flush")
def _refuse_ledger_edits(session: Session, _context: Any, _instances: Any) -> None:
    for record in session.deleted:
        if isinstance(record, LedgerRecord):
            raise LedgerImmutable("{record} {id} cannot be deleted", record=type(record).__name__,
                                  id=record.id)  # type: ignore[attr-defined]
    for record in session.dirty:
        if isinstance(record, LedgerRecord) and session.is_modified(record, include_collections=False):
            changed = [a.key for a in inspect(record).attrs if a.history.has_changes()]
            raise LedgerImmutable(
                "{record} {id} cannot be changed ({columns})", record=type(record).__name__,
                id=record.id, columns=changed,  # type: ignore[attr-defined]
            )


def alembic_config(engine: Engine | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


_REVISION = re.compile(r"""^revision(?::[^=]*)? = ["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?::[^=]*)? = (.*)$", re.MULTILINE)


def shipped_schema_heads() -> frozenset[str] | None:
    """The latest schema's revisions, read from the migration files without loading Alembic (a
    quarter of a second at every start); None where the files do not say it plainly."""
    revisions: set[str] = set()
    replaced: set[str] = set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        text = file.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        replaced.update(re.findall(r"""["']([^"']+)["']""", down.group(1)))
    heads = frozenset(revisions - replaced)
    return heads or None


def _schema_revisions(engine: Engine) -> frozenset[str] | None:
    try:
        with engine.connect() as connection:
            return frozenset(connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
    except DBAPIError:  # a new database: no table yet
        return None


def upgrade_database(engine: Engine) -> None:
    """Bring a new or old database to the latest schema."""
    heads = shipped_schema_heads()
    if heads is not None and _schema_revisions(engine) == heads:
        logging.getLogger(__name__).debug("schema at %s, the latest: no alembic migration to run", ", ".join(heads))
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
