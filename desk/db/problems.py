"""What a database failure means for the clerk: the plain message, with what to do, for each kind.

A raw driver message ("AdminShutdown: terminating connection", "database disk image is malformed")
tells a clerk nothing and frightens them. Each kind of failure gets one message in their language;
the driver's own words go to the log. The messages are honest about what is known: after a lost
connection a commit may or may not have happened, so the clerk is told to look before repeating.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from desk.core.errors import N_, DatabaseProblem

UNREACHABLE = N_("The connection to the database was lost. If you were saving something, look at the bill "
                 "before doing it again: it may have been saved.")
DISK_FULL = N_("The database has no room left on its disk: nothing more can be saved. Tell the administrator "
               "to free space.")
DAMAGED = N_("The database is damaged. Stop working at this desk and tell the administrator: it must be "
             "checked and restored from a backup.")
CANNOT_WRITE = N_("The database cannot be written to (no permission, or read-only). Tell the administrator.")
REFUSED = N_("The database refused the operation. If you were saving something, look at the bill before "
             "doing it again; if it happens again, tell the administrator.")

# PostgreSQL's SQLSTATE classes and codes (Appendix A of its manual).
_UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")
_DISK_FULL_STATES = ("53100",)
_DAMAGED_STATES = ("XX001", "XX002")
_CANNOT_WRITE_STATES = ("42501", "25006")


def database_problem(exc: BaseException) -> DatabaseProblem | None:
    """The clerk's message for ``exc`` if a database failure caused it, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        template = _kind(current)
        if template is not None:
            return DatabaseProblem(template)
        current = current.__cause__ or current.__context__
    return None


def _kind(exc: BaseException) -> str | None:
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return UNREACHABLE
        return (_kind(exc.orig) if exc.orig is not None else None) or REFUSED
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "disk is full" in text:
            return DISK_FULL
        if "malformed" in text or "not a database" in text:
            return DAMAGED
        if "readonly" in text or "unable to open" in text:
            return CANNOT_WRITE
        return REFUSED
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str):
        for states, template in ((_DISK_FULL_STATES, DISK_FULL), (_DAMAGED_STATES, DAMAGED),
                                 (_CANNOT_WRITE_STATES, CANNOT_WRITE)):
            if state in states:
                return template
        if state.startswith(_UNREACHABLE_STATES):
            return UNREACHABLE
        return REFUSED
    if type(exc).__module__.startswith("psycopg") and isinstance(exc, Exception):
        # A connection that failed before the server said anything has no SQLSTATE.
        return UNREACHABLE if "connection" in str(exc).lower() else REFUSED
    return None
