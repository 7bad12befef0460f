"""Secrets kept outside the database, each in a file readable by its owner only.

A database copy, a backup or a role that can write every table must not be enough to open a saved
password or to sign a fiscal document, so the key lives in a file of the workstation's user: the
mail key (desk.mail.outbox) and each fiscal register's signing key (desk.fiscal.keys). The folder
is made 0700 and the file 0600, linked into place whole so that two desks starting at once keep one key.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

APP_FOLDER = "frontdesk-cashier"
OWNER_ONLY_FOLDER = 0o700
OWNER_ONLY_FILE = 0o600


def config_folder() -> Path:
    """The user's configuration folder of the desk, where its key files live unless told otherwise."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_FOLDER, appauthor=False))


def data_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_FOLDER, appauthor=False))


def configured_path(environment_variable: str, default: Path) -> Path:
    configured = os.environ.get(environment_variable, "").strip()
    return Path(configured) if configured else default


def read_key_file(path: Path) -> bytes | None:
    """The key in ``path`` (surrounding blanks dropped), or None when there is no such file.

    Any other failure (a file the user may not read, a folder that is not one) is the caller's to
    word: it is raised as the OSError it is.
    """
    try:
        return path.read_bytes().strip() or None
    except FileNotFoundError:
        return None


def make_owner_only_folder(folder: Path) -> None:
    folder.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)


def create_key_file(path: Path, new_key: Callable[[], bytes]) -> bytes:
    """The key in ``path``, written there first from ``new_key()`` when the file does not exist yet.

    The key is written whole to a file of its own, then linked to ``path`` only if no file is
    there: another process never sees the file half written, and when another process linked its
    key first, that key is the one returned, never a second one that no file holds.
    """
    existing = read_key_file(path)
    if existing is not None:
        return existing
    make_owner_only_folder(path.parent)
    key = new_key()
    descriptor, written = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(written, OWNER_ONLY_FILE)  # mkstemp's own mode, said where it matters
        with os.fdopen(descriptor, "wb") as out:
            out.write(key + b"\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(written, path)
        except FileExistsError:
            theirs = read_key_file(path)
            if theirs is None:
                raise OSError(errno.EEXIST, "an empty key file is in the way", str(path)) from None
            return theirs
    finally:
        os.unlink(written)
    return key


def key_id(key: bytes) -> str:
    """A short name of a key that tells two keys apart and reveals nothing of either."""
    return hashlib.sha256(key).hexdigest()[:16]


@dataclass(frozen=True)
class KeyFolder:
    """A folder of keys, one file per name, which an environment variable moves."""

    environment_variable: str
    default_name: str  # under the configuration folder

    def folder(self) -> Path:
        return configured_path(self.environment_variable, config_folder() / self.default_name)

    def path(self, name: str) -> Path:
        # Names are short codes typed by the admin; anything but letters, digits, - and _ is replaced
        # so that a name can never point outside the folder.
        return self.folder() / f"{re.sub(r'[^A-Za-z0-9_-]', '_', name)}.key"


# Each fiscal register's signing key (desk.fiscal.keys); here, where migrations may reach it too.
FISCAL_KEYS = KeyFolder("DESK_FISCAL_KEY_DIR", "fiscal-keys")
