"""A backup is one moment of the whole database in a file only its owner can read; a restore puts
that moment back, or refuses before anything is replaced.

SQLite: the online backup API copies the file page by page inside one read transaction, so other
desks go on posting meanwhile and the copy is the moment the copy began (WAL keeps that snapshot).
A restore stages the backup beside the database, upgrades the staged copy through Alembic when it
is older, then copies it into the database while holding SQLite's exclusive lock, which it only
gets when no other process has the file open: one desk still connected and nothing is replaced.

PostgreSQL: ``pg_dump --format=custom`` (one snapshot of its own) and, for a restore, the dump's
SQL through ``psql --single-transaction`` after dropping what is there: one transaction, so a
failure half-way leaves the database as it was. A backup needs only to read every table, which the
desks' own role may (migration 0016_desk_role grants it SELECT on every table and sequence, and so do
the default privileges on every later one): a manager backs up from any desk, and the owner's password
is never needed on a workstation. Only the role that owns the tables may restore (the desks' own
role may not drop the ledger), and only with no other client connected. Passwords
go to the tools through the environment, never their arguments (every local user reads those).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desk.audit.anchors import TrailAnchor
from desk.audit.anchors import anchor_file as trail_anchor_file
from desk.audit.anchors import read_anchors as read_trail_anchors
from desk.backup.check import RestoreCheck, check_restored
from desk.core.errors import DeskError, Finding, InvalidInput
from desk.db.engine import MIGRATIONS, Database, hide_password, make_engine, shipped_schema_heads, sqlite_file
from desk.db.write_queue import queue_path
from desk.fiscal import keys
from desk.fiscal.anchors import Anchor
from desk.fiscal.anchors import anchor_folder as fiscal_anchor_folder
from desk.fiscal.anchors import read_anchors as read_fiscal_anchors
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.desks import SignedInDesk, signed_in_desks
from desk.people.models import DeskSession
from desk.people.rights import Right, require

# Called with (done, total) as the copy goes on; total is 0 when it cannot be known (a dump's size).
# Whatever it raises stops the copy, and nothing is left behind: Cancel raises BackupCancelled.
Progress = Callable[[int, int], None]

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DUMP_MAGIC = b"PGDMP"
# Pages per step of SQLite's backup: a progress report every megabyte of a 4 KiB-page file.
_STEP_PAGES = 256
# How long a restore waits for SQLite's exclusive lock: a desk that is only writing lets go at once;
# one that keeps the file open never does.
_EXCLUSIVE_PATIENCE_S = 2.0
_POLL_S = 0.1
_OWNER_ONLY = 0o600


class NotADeskBackup(DeskError):
    field = "file"

    def __init__(self, file: Path) -> None:
        super().__init__("{file} is not a backup of the desk's database", file=file.name)


class BackupDamaged(DeskError):
    field = "file"

    def __init__(self, file: Path, reason: str) -> None:
        super().__init__("{file} is damaged: {reason}", file=file.name, reason=reason)


class BackupFromNewerSchema(DeskError):
    field = "file"

    def __init__(self, file: Path, schema: frozenset[str]) -> None:
        super().__init__("{file} was made by a newer version of the desk (schema {schema}): upgrade this one first",
                         file=file.name, schema=", ".join(sorted(schema)))


class BackupOfAnotherDatabase(DeskError):
    field = "file"


class OtherDesksConnected(DeskError):
    def __init__(self) -> None:
        super().__init__("Other workstations are connected to the database: close the desk and the POS service "
                         "on each of them, then restore")


class OtherDesksSignedIn(DeskError):
    def __init__(self, desks: Sequence[SignedInDesk]) -> None:
        super().__init__("Someone is signed in at other workstations ({desks}): sign out there, then restore",
                         desks=[(desk.workstation, desk.username) for desk in desks])


class RestoreNeedsOwner(DeskError):
    def __init__(self, role: str) -> None:
        super().__init__("Only the role that owns the desk's tables may restore them (a restore replaces the schema); "
                         "this connection is {role}: run desk restore with the owner's database address", role=role)


class BackupFailed(DeskError):
    pass


class BackupTampered(DeskError):
    field = "file"

    def __init__(self, file: Path, found: Sequence[Finding]) -> None:
        super().__init__("{file} does not hold what was written, and nothing was replaced: {found}",
                         file=file.name, found=list(found))


class RegisterKeyNotHere(DeskError):
    """The backup holds a register's signed documents but this machine lacks the key that checks them:
    nothing is wrong with the backup, the file is simply elsewhere."""

    field = "file"

    def __init__(self, register: str) -> None:
        super().__init__("The key file of register {register} is not on this machine: copy it to {path} from the "
                         "workstation where the register's documents were signed before restoring; nothing was "
                         "replaced", register=register, path=str(keys.key_path(register)))


def refusal_of(source: Path, check: RestoreCheck) -> DeskError | None:
    """Why a checked backup may not be restored at all (confirmation aside); None when it may."""
    if check.tampered:
        return BackupTampered(source, check.tampered)
    if check.keys_not_here:
        return RegisterKeyNotHere(check.keys_not_here[0])
    return None


class RestoreLosesAnchoredEntries(DeskError):
    field = "file"


class BackupCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was written or replaced")


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # SQLITE or POSTGRESQL: where it can be restored
    schema: frozenset[str]  # its Alembic revisions
    size: int


@dataclass(frozen=True)
class RestoreSummary:
    schema: frozenset[str]
    upgraded_from: frozenset[str] | None  # the backup's schema when it was older than this program's
    check: RestoreCheck  # what the scratch copy showed before anything was replaced


_REVISION = re.compile(r"""^revision(?::[^=]*)? = ["']([^"']+)["']""", re.MULTILINE)


def _known_revisions() -> frozenset[str]:
    """Every schema this program can upgrade from (or is at)."""
    found = (_REVISION.search(file.read_text(encoding="utf-8")) for file in (MIGRATIONS / "versions").glob("*.py"))
    return frozenset(match.group(1) for match in found if match is not None)


def inspect_backup(path: Path) -> BackupInfo:
    """What ``path`` holds, read without changing it: NotADeskBackup, BackupDamaged or
    BackupFromNewerSchema when it could not be restored here."""
    info = _read_backup(Path(path))
    if not info.schema <= _known_revisions():
        raise BackupFromNewerSchema(Path(path), info.schema)
    return info


def _read_backup(path: Path) -> BackupInfo:
    try:
        with path.open("rb") as file:
            start = file.read(len(_SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError:
        raise NotADeskBackup(path) from None
    if start.startswith(_SQLITE_MAGIC):
        kind, schema = SQLITE, _sqlite_schema(path, size)
    elif start.startswith(_DUMP_MAGIC):
        kind, schema = POSTGRESQL, _dump_schema(path)
    else:
        raise NotADeskBackup(path)
    return BackupInfo(kind, schema, size)


def _sqlite_schema(path: Path, size: int) -> frozenset[str]:
    with path.open("rb") as file:
        header = file.read(100)
    page_size = int.from_bytes(header[16:18], "big") or 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size and pages and size < page_size * pages:
        raise BackupDamaged(path, f"{size} of its {page_size * pages} bytes are there")
    try:
        # immutable: nothing beside it is created or read (no -wal, no -shm), the file is not locked.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise BackupDamaged(path, str(exc)) from None
    try:
        try:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            raise BackupDamaged(path, str(exc)) from None
        if problems != ["ok"]:
            raise BackupDamaged(path, problems[0])
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "posting", "admin_change"} <= tables:
            raise NotADeskBackup(path)
        return frozenset(row[0] for row in connection.execute("SELECT version_num FROM alembic_version"))
    finally:
        connection.close()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupFailed("{tool} is not installed: install PostgreSQL's client programs", tool=name)
    return found


def _dump_schema(path: Path) -> frozenset[str]:
    # Reading the whole archive (its SQL thrown away) finds a dump cut short; --list reads only its start.
    whole = subprocess.run([_tool("pg_restore"), "--file", os.devnull, str(path)], capture_output=True, text=True)
    if whole.returncode != 0:
        raise BackupDamaged(path, _first_error(whole.stderr))
    versions = subprocess.run(
        [_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file", "-", str(path)],
        capture_output=True, text=True)
    lines = versions.stdout.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("COPY ") and "alembic_version" in line), None)
    if versions.returncode != 0 or start is None:
        raise NotADeskBackup(path)
    schema = []
    for line in lines[start + 1:]:
        if line == "\\.":
            break
        schema.append(line.strip())
    return frozenset(schema)


def _first_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return next((line for line in lines if "error" in line.lower()), lines[0] if lines else "?")[:300]


# -- backup ----------------------------------------------------------------------------------------


def back_up(database: Database, actor: Actor, target: Path, progress: Progress | None = None) -> BackupInfo:
    """Copy the whole database to ``target`` (a new file, owner-only) and record who did."""
    require(actor, Right.BACK_UP)
    target = Path(target)
    if target.exists():
        raise InvalidInput("{file} exists already: choose another name", field="file", file=target.name)
    if not target.parent.is_dir():
        raise InvalidInput("There is no folder {folder}", field="file", folder=str(target.parent))
    with _staged(target.parent, target.name) as staged:
        file = sqlite_file(database.url)
        if database.engine.dialect.name == SQLITE and file is not None:
            _copy_sqlite(file, staged, progress)
        elif database.engine.dialect.name == POSTGRESQL:
            _dump(database.url, staged, progress)
        else:
            raise BackupFailed("Only an SQLite file or a PostgreSQL database can be backed up")
        info = _read_backup(staged)  # what was written is read back before it is called a backup
        try:
            os.link(staged, target)  # never over a file that appeared meanwhile
        except FileExistsError:
            raise InvalidInput("{file} exists already: choose another name", field="file",
                               file=target.name) from None
    with database.writing() as session:
        record_change(session, actor, "backup", target.name,
                      f"{info.kind} backup, schema {', '.join(sorted(info.schema))}, {info.size} bytes, to {target}")
    return info


@contextmanager
def _staged(folder: Path, name: str) -> Iterator[Path]:
    """A new owner-only file in ``folder`` for work in progress, removed whatever happens."""
    try:
        handle, staged_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    except OSError as exc:
        raise BackupFailed("Nothing can be written in {folder}: {reason}", folder=str(folder),
                           reason=exc.strerror or str(exc)) from None
    os.close(handle)
    staged = Path(staged_name)
    os.chmod(staged, _OWNER_ONLY)
    try:
        yield staged
    finally:
        for companion in ("", "-wal", "-shm", "-journal"):
            with suppress(FileNotFoundError):
                staged.with_name(staged.name + companion).unlink()
        with suppress(FileNotFoundError):
            queue_path(staged).unlink()


def _sqlite_progress(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)


def _copy_sqlite(source: Path, target: Path, progress: Progress | None) -> None:
    origin = sqlite3.connect(source, timeout=15, isolation_level=None)
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        # The read transaction fixes the moment: the steps all copy it, however much others write.
        origin.execute("BEGIN")
        origin.execute("SELECT count(*) FROM sqlite_master").fetchone()
        origin.backup(copy, pages=_STEP_PAGES, progress=_sqlite_progress(progress))
        origin.execute("COMMIT")
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    except sqlite3.Error as exc:
        raise BackupFailed("The backup could not be made: {reason}", reason=str(exc)) from None
    finally:
        copy.close()
        origin.close()


def _libpq_environment(url: str) -> dict[str, str]:
    parsed = make_url(url)
    environment = dict(os.environ)
    for variable, value in (("PGHOST", parsed.host), ("PGPORT", parsed.port), ("PGUSER", parsed.username),
                            ("PGPASSWORD", parsed.password), ("PGDATABASE", parsed.database)):
        if value is not None:
            environment[variable] = str(value)
    for option, variable in (("host", "PGHOST"), ("port", "PGPORT"), ("sslmode", "PGSSLMODE"),
                             ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"), ("sslkey", "PGSSLKEY")):
        given = parsed.query.get(option)
        if isinstance(given, str):
            environment[variable] = given
    return environment


def _watch(processes: list[subprocess.Popen[bytes]], report: Callable[[], None] | None) -> None:
    """Wait for the processes, reporting progress meanwhile; whatever ``report`` raises ends them."""
    try:
        while any(process.poll() is None for process in processes):
            if report is not None:
                report()
            with suppress(subprocess.TimeoutExpired):
                processes[-1].wait(_POLL_S)
    except BaseException:
        for process in processes:
            process.kill()
            process.wait()
        raise


def _dump(url: str, target: Path, progress: Progress | None) -> None:
    dump = subprocess.Popen([_tool("pg_dump"), "--format=custom", "--no-password", "--file", str(target)],
                            env=_libpq_environment(url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = _Drained(dump)
    _watch([dump], None if progress is None else lambda: progress(target.stat().st_size, 0))
    if dump.wait() != 0:
        raise BackupFailed("The backup could not be made: {reason}",
                           reason=hide_password(_first_error(errors.result()), url))


class _Drained:
    """A process's stderr, read on a thread so that a chatty tool never blocks on a full pipe."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._text = b""
        self._reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._reader.start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        self._text = process.stderr.read()

    def result(self) -> str:
        self._reader.join()
        return self._text.decode("utf-8", "replace")


# -- restore ---------------------------------------------------------------------------------------


def restore(url: str, actor: Actor, source: Path, progress: Progress | None = None, *,
            confirm_lost_anchored: bool = False) -> RestoreSummary:
    """Replace the whole database at ``url`` with the backup ``source``, upgraded to this program's
    schema, once a scratch copy of it checks out (check_backup); refused, with nothing replaced, while
    any other desk or service is connected. A backup older than the last anchors is restored only when
    ``confirm_lost_anchored`` says its user knows what is lost, and holds the right to lose it.

    The caller's own connections to the database must be closed first (its Database disposed):
    they count as connected desks.
    """
    require(actor, Right.RESTORE)
    source = Path(source)
    info = _restorable(url, source)
    _no_other_desk_signed_in(url, actor)
    file = sqlite_file(url)
    kind = make_url(url).get_backend_name()
    if kind == SQLITE and file is not None:
        # The very file that was checked is the one put in place: copied and upgraded once, not twice.
        with _staged(file.parent, file.name) as staged:
            shutil.copyfile(source, staged)
            os.chmod(staged, _OWNER_ONLY)
            if progress is not None:
                progress(1, 2)
            check = _check_scratch(f"sqlite:///{staged}", info)
            _may_restore(actor, source, check, confirm_lost_anchored)
            if progress is not None:
                progress(2, 2)  # the last moment Cancel stops it: what follows is one rename
            old = _swap_sqlite(file, staged)
    elif kind == POSTGRESQL:
        _may_restore_postgresql(url)  # before the long check: its refusals need no scratch copy
        check = _checked(url, source, info, progress)
        _may_restore(actor, source, check, confirm_lost_anchored)
        _may_restore_postgresql(url)  # again: a desk may have started while the copy was checked
        _apply_dump(url, source, progress)
        old = None
    else:
        raise BackupFailed("Only an SQLite file or a PostgreSQL database can be restored")
    try:
        summary = _recorded(url, actor, source, info, check)
    except BaseException:
        if old is not None and file is not None:
            os.replace(old, file)  # the restored file did not open: the hotel's own comes back
        raise
    if old is not None:
        old.unlink(missing_ok=True)
    return summary


def _no_other_desk_signed_in(url: str, actor: Actor) -> None:
    """Refused, naming them, while other workstations have someone signed in: their clerks would lose
    what they are doing. Connections alone (the SQLite lock, PostgreSQL's sessions) are checked after."""
    database = Database(url, upgrade=False)  # the hotel's database is read, not changed, before a restore
    try:
        if not inspect(database.engine).has_table(DeskSession.__tablename__):
            return  # a schema from before desks were recorded: the connections are checked all the same
        with database.unit_of_work() as session:
            others = signed_in_desks(session, except_workstation=actor.workstation)
    finally:
        database.dispose()
    if others:
        raise OtherDesksSignedIn(others)


def _may_restore(actor: Actor, source: Path, check: RestoreCheck, confirm_lost_anchored: bool) -> None:
    refusal = refusal_of(source, check)
    if refusal is not None:
        raise refusal
    if check.needs_confirmation:
        if not confirm_lost_anchored:
            raise _loses_anchored(source, check)
        require(actor, Right.RESTORE_OLDER_THAN_ANCHORS)


def _recorded(url: str, actor: Actor, source: Path, info: BackupInfo, check: RestoreCheck) -> RestoreSummary:
    heads = shipped_schema_heads() or info.schema
    database = Database(url)  # a PostgreSQL backup of an older schema is upgraded here; SQLite's was, checked
    lost = "CONFIRMED LOSS: " if check.needs_confirmation else ""
    try:
        with database.writing() as session:
            record_change(session, actor, "restore", source.name,
                          f"restored from {source}, {lost}checked: {check.describe()}", _confirmed_loss(check, actor))
    finally:
        database.dispose()
    return RestoreSummary(heads, info.schema if info.schema != heads else None, check)


def _confirmed_loss(check: RestoreCheck, actor: Actor) -> dict[str, Any]:
    """The anchors the restore supersedes, in its trail entry: verify then reads their entries as a
    loss the manager confirmed, not a removal."""
    missing = check.missing_entries
    if missing is None:
        return {}
    return {"restore_loss": {"first": missing.first, "last": missing.last, "business_date": missing.business_date,
                             "confirmed_by": actor.username,
                             "anchors": [{"seq": a.seq, "hash": a.hash, "business_date": a.business_date}
                                         for a in missing.anchors]}}


def check_backup(url: str, actor: Actor, source: Path, progress: Progress | None = None) -> RestoreCheck:
    """What restoring ``source`` into the database at ``url`` would bring back, checked in a scratch
    copy (a temporary file, or the database ``<name>_restore_check`` on the same server): nothing of
    the hotel's database is read or replaced, and other desks may go on working."""
    require(actor, Right.RESTORE)
    source = Path(source)
    return _checked(url, source, _restorable(url, source), progress)


def _restorable(url: str, source: Path) -> BackupInfo:
    info = inspect_backup(source)
    kind = make_url(url).get_backend_name()
    if info.kind != kind:
        if info.kind == SQLITE:
            raise BackupOfAnotherDatabase("{file} is a backup of an SQLite database: restore it into one",
                                          file=source.name)
        raise BackupOfAnotherDatabase("{file} is a backup of a PostgreSQL database: restore it into one",
                                      file=source.name)
    return info


def _loses_anchored(source: Path, check: RestoreCheck) -> DeskError:
    if check.missing_entries is not None:
        missing = check.missing_entries
        return RestoreLosesAnchoredEntries(
            "{file} is older than the audit trail's last anchor: the trail's later anchored entries are missing "
            "(entries {first} to {last}, anchored by the night audit of {date}). Restoring it loses them: "
            "a manager must confirm the restore", file=source.name, first=missing.first, last=missing.last,
            date=missing.business_date)
    documents = check.missing_documents[0]
    return RestoreLosesAnchoredEntries(
        "{file} is older than the last Z report of register {register}: its fiscal documents {first} to {last} "
        "are missing. Restoring it loses them: a manager must confirm the restore", file=source.name,
        register=documents.register, first=documents.first, last=documents.last)


def _checked(url: str, source: Path, info: BackupInfo, progress: Progress | None) -> RestoreCheck:
    if info.kind == SQLITE:
        with tempfile.TemporaryDirectory(prefix="desk-restore-check-") as folder:
            scratch = Path(folder) / "check.sqlite3"
            shutil.copyfile(source, scratch)
            os.chmod(scratch, _OWNER_ONLY)
            return _check_scratch(f"sqlite:///{scratch}", info)
    with _scratch_postgresql(url) as scratch_url:
        _apply_dump(scratch_url, source, progress)
        return _check_scratch(scratch_url, info)


def _check_scratch(url: str, info: BackupInfo) -> RestoreCheck:
    trail_anchors, fiscal_anchors = _anchors()
    database = Database(url)  # upgraded as the restore upgrades it: checked as it would be used
    try:
        with database.unit_of_work() as session:
            return check_restored(session, info.schema, trail_anchors, fiscal_anchors)
    finally:
        database.dispose()


def _anchors() -> tuple[list[TrailAnchor], list[Anchor]]:
    """The anchors this installation's night audits and Z reports left outside the database."""
    files = [trail_anchor_file()]
    try:
        trail = read_trail_anchors(files[0]) if files[0].exists() else []
        fiscal: list[Anchor] = []
        folder = fiscal_anchor_folder()
        for path in sorted(folder.glob("*.anchors.jsonl")) if folder.is_dir() else []:
            files.append(path)
            fiscal += read_fiscal_anchors(path)
    except (OSError, ValueError) as exc:
        raise BackupFailed("The anchor file {file} cannot be read, so the backup cannot be checked: {reason}",
                           file=str(files[-1]), reason=str(exc)) from None
    return trail, fiscal


@contextmanager
def _scratch_postgresql(url: str) -> Iterator[str]:
    """A database beside the hotel's, for the backup to be restored into and checked; emptied after."""
    parsed = make_url(url)
    name = f"{parsed.database}_restore_check"[:63]
    scratch = parsed.set(database=name).render_as_string(hide_password=False)
    quoted = '"' + name.replace('"', '""') + '"'
    engine = make_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            role = connection.execute(text("SELECT current_user")).scalar_one()
            made = not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                          {"name": name}).first()
            if made:
                try:
                    connection.execute(text(f"CREATE DATABASE {quoted}"))
                except DBAPIError:
                    raise BackupFailed(
                        "A backup is checked in a scratch database, {name}, which {role} may not create: give the "
                        "role CREATEDB, or have the server's administrator create {name} owned by {role}",
                        name=name, role=str(role)) from None
        try:
            yield scratch
        finally:
            with engine.connect() as connection:
                if made:
                    connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
                else:  # not this program's to drop: only the hotel's data goes
                    _run_psql(scratch, _DROP_EVERYTHING.encode())
    finally:
        engine.dispose()


BEFORE_RESTORE = ".before-restore"


def _swap_sqlite(live: Path, checked: Path) -> Path:
    """Put the checked file in place of ``live`` by renaming (one filesystem: atomic); the old file is
    kept as ``<name>.before-restore`` until the new one has opened, and returned."""
    old = live.with_name(live.name + BEFORE_RESTORE)
    target = sqlite3.connect(live, timeout=_EXCLUSIVE_PATIENCE_S, isolation_level=None)
    try:
        # Exclusive locking mode keeps the lock from this first transaction until the connection
        # closes; another process that has the file open holds a shared lock and refuses it.
        target.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            target.execute("BEGIN EXCLUSIVE")
            target.execute("COMMIT")
        except sqlite3.OperationalError:
            raise OtherDesksConnected() from None
        # The old file made whole in itself (its write-ahead log folded in) before it is moved aside, and
        # left with no -wal for this connection's close to touch once the new file carries the name.
        target.execute("PRAGMA journal_mode=DELETE")
        os.replace(live, old)
        for companion in ("-wal", "-shm"):  # the old file's, of no use to it in its rollback-journal mode
            with suppress(FileNotFoundError):
                live.with_name(live.name + companion).unlink()
        os.replace(checked, live)
    except sqlite3.Error as exc:
        raise BackupFailed("The restore failed and nothing was replaced: {reason}", reason=str(exc)) from None
    finally:
        target.close()
    return old


# Everything the desk's schema holds, dropped in the restore's own transaction: what the backup
# does not have (tables of a later migration) must not stay behind.
_DROP_EVERYTHING = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT viewname FROM pg_views WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP VIEW IF EXISTS %I CASCADE', item.viewname);
    END LOOP;
    FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', item.tablename);
    END LOOP;
    FOR item IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', item.sequencename);
    END LOOP;
    FOR item IN SELECT oid::regprocedure AS routine FROM pg_proc
                WHERE pronamespace = current_schema()::regnamespace LOOP
        EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', item.routine);
    END LOOP;
    FOR item IN SELECT typname FROM pg_type WHERE typnamespace = current_schema()::regnamespace
                AND typtype IN ('e', 'd') LOOP
        EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', item.typname);
    END LOOP;
END $$;
"""


def _may_restore_postgresql(url: str) -> None:
    engine = make_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            role, owns = connection.execute(text(
                "SELECT current_user, coalesce((SELECT pg_has_role(current_user, tableowner, 'USAGE') "
                "FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'alembic_version'), true)"
            )).one()
            others = connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")).scalar_one()
    finally:
        engine.dispose()
    if not owns:
        raise RestoreNeedsOwner(str(role))
    if others:
        raise OtherDesksConnected()


def _run_psql(url: str, script: bytes) -> None:
    done = subprocess.run([_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "--no-password",
                           "--set", "ON_ERROR_STOP=1", "--file", "-"], input=script,
                          env=_libpq_environment(url), capture_output=True)
    if done.returncode != 0:
        raise BackupFailed("The scratch database could not be emptied: {reason}",
                           reason=hide_password(_first_error(done.stderr.decode("utf-8", "replace")), url))


def _apply_dump(url: str, source: Path, progress: Progress | None) -> None:
    """The dump's SQL into the database at ``url`` in one transaction, after dropping what is there."""
    environment = _libpq_environment(url)
    script = subprocess.Popen([_tool("pg_restore"), "--no-owner", "--file", "-", str(source)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    apply = subprocess.Popen([_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "--no-password",
                              "--set", "ON_ERROR_STOP=1", "--file", "-"],
                             env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    script_errors, apply_errors = _Drained(script), _Drained(apply)
    assert script.stdout is not None and apply.stdin is not None
    sent = 0
    try:
        try:
            apply.stdin.write(_DROP_EVERYTHING.encode())
            while chunk := script.stdout.read(1 << 16):
                apply.stdin.write(chunk)
                sent += len(chunk)
                if progress is not None:
                    progress(sent, 0)
            apply.stdin.close()
        except BrokenPipeError:  # psql stopped at an error: its message says which
            pass
        _watch([script, apply], None)
    except BaseException:
        for process in (script, apply):
            process.kill()
            process.wait()
        raise
    if script.wait() != 0:
        raise BackupDamaged(source, _first_error(script_errors.result()))
    if apply.wait() != 0:
        raise BackupFailed("The restore failed and nothing was replaced: {reason}",
                           reason=hide_password(_first_error(apply_errors.result()), url))
