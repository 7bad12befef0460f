"""A throwaway PostgreSQL server for one test session.

The server runs from Debian's `postgresql` package binaries (found under
/usr/lib/postgresql/<version>/bin), in a fresh temporary data directory, listening only on
127.0.0.1 on a free port, with `trust` authentication and, for tests, durability switched off for speed.

initdb and postgres refuse to run as root, so when the tests run as root (CI does) every server
command runs as the `postgres` system user through `runuser`, and the temporary directory is
handed to that user.

Usage::

    server = PgServer.start()
    url = server.create_database("t_1")   # postgresql+psycopg://postgres@127.0.0.1:PORT/t_1
    ...
    server.stop()

A bench keeps a loaded cluster instead of loading it again: ``server.stop(keep_data=True)`` shuts it
down cleanly and leaves ``server.data_dir`` whole; ``PgServer.start(durable=True, data_from=that)``
runs a new server on a copy of it, so whatever the run writes never reaches the saved cluster.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under "
    "/usr/lib/postgresql/*/bin. The tests need a real PostgreSQL server: install the Debian package "
    "`postgresql` (`make test` does it: packaging/system_deps.sh test, or "
    "`apt-get install postgresql`)."
)
_SERVER_CONF = """
listen_addresses = '127.0.0.1'
max_connections = 100
log_min_messages = warning
"""
# Settings that make a disposable server fast; none of them is acceptable for real data, so the
# benches, whose figures a hotel reads as its own, run without them (``durable``).
_FAST_CONF = """
fsync = off
synchronous_commit = off
full_page_writes = off
"""
# What a copied cluster is told when it runs durable: the server that saved it may have run without.
_DURABLE_CONF = """
fsync = on
synchronous_commit = on
full_page_writes = on
"""
_START_TIMEOUT_S = 60
# A run makes hundreds of databases (a gigabyte by its end). On a disk mounted with online discard
# removing them took 20 s and more at the session's end, and each CREATE DATABASE copies a template's
# files: in memory (tmpfs) both are instant. Only with room to spare, else the disk's temporary folder.
_MEMORY_DIR = Path("/dev/shm")
_MEMORY_ROOM_NEEDED = 4 * 1024**3
_START_ATTEMPTS = 5  # the free port we picked can be taken before the server binds it


class PgServerError(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The bin directory of the highest installed PostgreSQL major version."""
    candidates = []
    for path in glob.glob("/usr/lib/postgresql/*/bin"):
        version = Path(path).parent.name
        bindir = Path(path)
        if re.fullmatch(r"\d+(\.\d+)?", version) and all(
            (bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")
        ):
            candidates.append((tuple(int(p) for p in version.split(".")), bindir))
    if not candidates:
        raise PgServerError(INSTALL_HINT)
    return max(candidates)[1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _parent_dir(as_postgres: bool) -> str | None:
    """Where the server's files go: memory when it has room; else, as root, /tmp, which the postgres
    user can always reach (a TMPDIR under /root it could not); else the user's temporary folder."""
    with contextlib.suppress(OSError, ValueError):
        # tmpfs is memory: what it may still hold and what the machine has free, both.
        room = min(shutil.disk_usage(_MEMORY_DIR).free, _memory_available())
        if room >= _MEMORY_ROOM_NEEDED and os.access(_MEMORY_DIR, os.W_OK):
            return str(_MEMORY_DIR)
    return "/tmp" if as_postgres else None


def _memory_available() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0


@dataclass
class PgServer:
    bin_dir: Path
    base_dir: Path
    port: int = 0
    _as_postgres: bool = field(default=False, repr=False)
    _running: bool = field(default=False, repr=False)
    _durable: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base_dir / "sock"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "postgres.log"

    # -- lifecycle ---------------------------------------------------------------------------------

    @classmethod
    def start(cls, *, durable: bool = False, data_from: Path | None = None) -> PgServer:
        """``durable``: every commit on disk as a hotel's server keeps it (the data on disk, not in
        memory, and no setting that trades safety for speed), for benches; tests need no such care.
        A durable server's files go to /var/tmp: TMPDIR and /tmp are tmpfs on many systems, and the
        postgres user can reach /var/tmp when root starts it. ``data_from``: the data directory of a
        cluster shut down cleanly, copied instead of a new one made (``initdb``); it is only read."""
        bin_dir = find_bin_dir()
        as_postgres = os.geteuid() == 0
        parent = "/var/tmp" if durable else _parent_dir(as_postgres)
        base_dir = Path(tempfile.mkdtemp(prefix="desk-pg-", dir=parent))
        server = cls(bin_dir=bin_dir, base_dir=base_dir, _as_postgres=as_postgres, _durable=durable)
        try:
            if data_from is None:
                server._init()
            else:
                server._copy(data_from)
            server._start()
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)  # a crashed session must not leave a postgres behind
        return server

    def _server_user(self) -> pwd.struct_passwd | None:
        """Who the server runs as when it is not the caller (root): the owner its files need."""
        if not self._as_postgres:
            return None
        try:
            return pwd.getpwnam(SUPERUSER)
        except KeyError:
            raise PgServerError(
                "running as root but there is no `postgres` system user to run the server as; " + INSTALL_HINT
            ) from None

    def _make_dirs(self) -> None:
        self.socket_dir.mkdir()
        pw = self._server_user()
        if pw is not None:
            for path in (self.base_dir, self.socket_dir):
                os.chown(path, pw.pw_uid, pw.pw_gid)

    def _copy(self, data_from: Path) -> None:
        if not (data_from / "PG_VERSION").is_file() or (data_from / "postmaster.pid").exists():
            raise PgServerError(f"{data_from} is not the data directory of a cluster shut down cleanly")
        self._make_dirs()
        # cp -a keeps what a cluster's files need (modes, links); root's copy keeps their owner too,
        # which is made the server's user in any case: the saved cluster may have been built by another.
        proc = subprocess.run(["cp", "-a", str(data_from), str(self.data_dir)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise PgServerError(f"could not copy {data_from}: {proc.stderr}")
        pw = self._server_user()
        if pw is not None:
            for directory, _dirs, files in os.walk(self.data_dir):
                for path in (directory, *(os.path.join(directory, name) for name in files)):
                    os.lchown(path, pw.pw_uid, pw.pw_gid)
        self.data_dir.chmod(0o700)  # postgres refuses a data directory others can read
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            # The last setting wins: the saved cluster's name the socket directory of the server that built it.
            conf.write(_DURABLE_CONF if self._durable else _FAST_CONF)
            conf.write(f"unix_socket_directories = '{self.socket_dir}'\n")

    def _init(self) -> None:
        self._make_dirs()
        self._run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data_dir),
                "-A",
                "trust",
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                # C.UTF-8 ships with libc on Debian (no locales package needed) and, unlike plain C,
                # gives lower()/upper()/ILIKE on Cyrillic names (seed documents are RU/BG).
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(_SERVER_CONF)
            if not self._durable:
                conf.write(_FAST_CONF)
            conf.write(f"unix_socket_directories = '{self.socket_dir}'\n")

    def _start(self) -> None:
        last_error: PgServerError | None = None
        for _ in range(_START_ATTEMPTS):
            self.port = _free_port()
            try:
                self._run(
                    [
                        str(self.bin_dir / "pg_ctl"),
                        "start",
                        "-D",
                        str(self.data_dir),
                        "-l",
                        str(self.log_file),
                        "-o",
                        f"-p {self.port}",
                        "-w",
                        "-t",
                        str(_START_TIMEOUT_S),
                    ]
                )
            except PgServerError as exc:
                last_error = exc
                continue
            self._running = True
            self._wait_accepting()
            return
        assert last_error is not None
        raise last_error

    def _wait_accepting(self) -> None:
        # pg_ctl -w already waited for "ready"; this guards against a slow TCP listener anyway.
        deadline = time.monotonic() + _START_TIMEOUT_S
        while True:
            try:
                with self.connect():
                    return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PgServerError(
                        f"PostgreSQL did not accept connections.\n{self._log_tail()}"
                    ) from exc
                time.sleep(0.1)

    def stop(self, *, keep_data: bool = False) -> None:
        """Stop the server at once (no checkpoint: the data is thrown away) and remove its files; or,
        ``keep_data``, shut it down cleanly (every session ended, a checkpoint written, the cumulative
        statistics saved, the write-ahead log emptied) and leave its files for the caller to take
        ``data_dir`` away and remove."""
        if keep_data:
            if not self._running:
                raise PgServerError("the server is not running: its data directory may not be whole")
            self._run([str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "fast", "-w",
                       "-t", str(_START_TIMEOUT_S)])
            # Only now: a clean stop that failed leaves a running server for the caller's stop() to end.
            self._running = False
            # Shut down cleanly, the cluster needs none of its write-ahead log; what is left are segments
            # kept for reuse (the 20,000 hotel's load left 465 of its 698 MiB), which every copy would
            # carry. pg_resetwal empties it as pg_upgrade does, and refuses a cluster not shut down cleanly.
            self._run([str(self.bin_dir / "pg_resetwal"), "-D", str(self.data_dir)])
            return
        if self._running:
            self._running = False
            with contextlib.suppress(PgServerError):
                self._run(
                    [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate", "-w"]
                )
        shutil.rmtree(self.base_dir, ignore_errors=True)

    # -- use ---------------------------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL of a database on this server."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            dbname=dbname,
            autocommit=True,
            connect_timeout=10,
        )

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    # -- helpers -----------------------------------------------------------------------------------

    def _run(self, cmd: list[str]) -> None:
        if self._as_postgres:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        # cwd: the postgres user may not be allowed into the caller's directory (e.g. /root/...).
        proc = subprocess.run(
            cmd,
            cwd=self.base_dir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_START_TIMEOUT_S + 30,
        )
        if proc.returncode != 0:
            raise PgServerError(
                f"command failed ({proc.returncode}): {' '.join(cmd)}\n"
                f"{proc.stdout}{proc.stderr}{self._log_tail()}"
            )

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "--- postgres.log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])
