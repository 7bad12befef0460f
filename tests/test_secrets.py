"""The database password is never shown: not by `desk db`, `desk demo`, `desk run`, nor in its logs."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from psycopg import sql

from desk.db.engine import display_url, hide_password

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Kn0wn-Secret-7319"
USER = "desk_pw_user"


@pytest.fixture(scope="module")
def secret_url(pg_server) -> str:
    """A database owned by a real user with a password (the test server trusts, so it is sent)."""
    with pg_server.connect() as connection:
        # The desk's own role is made once per server by whoever administers it (the superuser here,
        # or the first test that upgraded a database); this owner may not create roles.
        if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = 'desk_app'").fetchone() is None:
            connection.execute("CREATE ROLE desk_app NOLOGIN")
        connection.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(USER), sql.Literal(PASSWORD)))
        connection.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier("t_secret"), sql.Identifier(USER)))
    return f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{pg_server.port}/t_secret"


def desk(*args: str, exit_after_ms: int = 300) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "DESK_DATABASE_URL"}
    env.update(QT_QPA_PLATFORM="offscreen", DESK_EXIT_AFTER_MS=str(exit_after_ms))
    return subprocess.run([sys.executable, "-m", "desk", "--verbose", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def shows_nothing_secret(result: subprocess.CompletedProcess[str]) -> str:
    output = result.stdout + result.stderr
    assert PASSWORD not in output
    return output


def test_desk_commands_never_print_the_password(secret_url: str):
    upgraded = desk("--database", secret_url, "db", "upgrade")
    assert upgraded.returncode == 0, shows_nothing_secret(upgraded)
    assert f"{USER}:***@127.0.0.1" in shows_nothing_secret(upgraded)

    seeded = desk("--database", secret_url, "demo")
    assert seeded.returncode == 0, shows_nothing_secret(seeded)
    assert "Demo hotel seeded into" in shows_nothing_secret(seeded)

    shown = desk("--database", secret_url, "db", "url")
    assert shows_nothing_secret(shown).strip().endswith("/t_secret")

    # The workstation's start-up log line names the database it opened.
    started = desk("--database", secret_url, "run", "--workstation", "SECRET-1")
    assert started.returncode == 0, shows_nothing_secret(started)
    assert "workstation SECRET-1 open on" in shows_nothing_secret(started)


def test_failures_to_open_the_database_never_print_the_password(secret_url: str):
    missing = secret_url.replace("/t_secret", "/no_such_database")
    failed = desk("--database", missing, "run")  # the start-up error dialog's text goes to stderr too
    assert failed.returncode == 1
    assert "could not be opened" in shows_nothing_secret(failed)

    upgrade = desk("--database", missing, "db", "upgrade")
    assert upgrade.returncode == 1
    assert "no_such_database" in shows_nothing_secret(upgrade)

    malformed = f"postgresql+psycopg://{USER}:{PASSWORD}@host:port:x/db"  # SQLAlchemy cannot read it
    for command in (("db", "upgrade"), ("run",)):
        result = desk("--database", malformed, *command)
        assert result.returncode == 1
        assert f"{USER}:***@host" in shows_nothing_secret(result) or command == ("db", "upgrade")

def test_display_url_and_hide_password():
    url = f"postgresql+psycopg://{USER}:{PASSWORD}@db.example:5432/hotel"
    assert display_url(url) == f"postgresql+psycopg://{USER}:***@db.example:5432/hotel"
    assert display_url("sqlite:////var/desk.sqlite3") == "sqlite:////var/desk.sqlite3"
    assert PASSWORD not in hide_password(f"could not connect with {PASSWORD}", url)
    assert display_url(f"postgresql://{USER}:{PASSWORD}@host:port:x/db") == f"postgresql://{USER}:***@host:port:x/db"


def test_a_key_file_being_written_by_another_desk_never_yields_a_key_no_file_holds(tmp_path: Path):
    """Two desks make the same key file at once: the one that loses must use the winner's key. When
    the file is there but not yet filled, the loser's own key (kept nowhere) must not come back, or a
    secret sealed or a fiscal document signed with it could never be opened or verified again."""
    from desk.core.key_files import create_key_file, read_key_file

    path = tmp_path / "keys" / "mail.key"

    def another_desk_is_writing_it() -> bytes:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()  # the other desk created the file and has not written its key yet
        return b"key-of-this-desk"

    with pytest.raises(OSError) as refused:  # worded by the caller: "the key file cannot be written"
        create_key_file(path, another_desk_is_writing_it)
    assert refused.value.errno == errno.EEXIST and read_key_file(path) is None
    assert [p.name for p in path.parent.iterdir()] == ["mail.key"]


def test_a_new_key_file_is_whole_and_the_owners_only(tmp_path: Path):
    from desk.core.key_files import create_key_file

    path = tmp_path / "keys" / "fiscal.key"
    assert create_key_file(path, lambda: b"first") == b"first"
    assert create_key_file(path, lambda: b"second") == b"first"
    assert path.read_bytes() == b"first\n"
    assert [p.name for p in path.parent.iterdir()] == ["fiscal.key"]  # no half-written file left beside it
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
