"""Who a command that changes settings acts as: a desk user who signs in, or the database's owner.

A command line is no proof of who types it: anyone who can reach the database may run ``desk``.
So a command that changes a setting (the mail server, a terminal, ...) either signs a desk user in
with their password (asked without echo, or read from ``DESK_USER`` and ``DESK_PASSWORD`` for a
script), whose role must then allow the change like anywhere else, or runs connected as the role
that owns the tables on PostgreSQL: whoever has that role could change any row anyway.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys

from sqlalchemy import text

from desk.db.engine import Database
from desk.people.auth import Actor, sign_in_with_password, trusted_actor
from desk.people.models import Role

USER_ENV = "DESK_USER"
PASSWORD_ENV = "DESK_PASSWORD"


def this_host() -> str:
    return (socket.gethostname() or "desk")[:40]


def owner_role(database: Database) -> str | None:
    """The PostgreSQL role this connection uses when it owns the desk's tables (or is a superuser)."""
    if database.engine.dialect.name != "postgresql":
        return None
    with database.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT current_user, pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = 'alembic_version'")).first()
    return str(row[0]) if row is not None and row[1] else None


def ask_secret(prompt: str, env: str) -> str:
    """A secret from the environment (scripts), else typed without echo: never an argument, which
    every local user can read in the process list."""
    from_env = os.environ.get(env)
    if from_env is not None:
        return from_env
    return getpass.getpass(prompt)


def settings_operator(database: Database) -> Actor:
    """The actor a settings command runs as; SignInRefused or AccountLocked when the sign-in fails."""
    owner = owner_role(database)
    if owner is not None:
        return trusted_actor(f"db:{owner}"[:40], this_host(), Role.MANAGER)
    username = os.environ.get(USER_ENV, "").strip()
    if not username:
        print("Desk user: ", end="", file=sys.stderr, flush=True)
        username = sys.stdin.readline().strip()
    password = ask_secret(f"Password of {username}: ", PASSWORD_ENV)
    with database.writing() as session:
        return sign_in_with_password(session, username, password, this_host())
