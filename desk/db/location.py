"""Which database the desk opens, found without loading SQLAlchemy.

The workstation shows its sign-in window before SQLAlchemy and the tables are loaded (issue 23), and
it needs to know the database already then.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_URL = "DESK_DATABASE_URL"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("frontdesk-cashier", appauthor=False)) / "desk.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The database to use: an explicit URL, then DESK_DATABASE_URL, then the local file."""
    if url:
        return url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    path = default_database_path()
    # Owner only: the file holds sign-in hashes (a 4-digit PIN's hash is cracked offline in moments).
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return f"sqlite:///{path}"
