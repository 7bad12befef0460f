"""Secrets the desk must replay (the SMTP password, a card terminal's password), kept sealed.

A secret is stored in the database only as a Fernet token (AES with an HMAC) made with a key that
lives in a file outside the database (``DESK_MAIL_KEY_FILE``, by default ``mail.key`` in the user's
configuration folder; the name stays from when the mail password was the only such secret). A copy
of the database alone never reveals a secret; a workstation that uses one needs the key file,
copied there once by whoever administers the desk. One key and one mechanism for every secret.

The errors here carry no text for people: each feature says in its own words what is missing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desk.core.key_files import config_folder, configured_path, create_key_file, key_id, read_key_file

logger = logging.getLogger(__name__)

KEY_FILE_ENV = "DESK_MAIL_KEY_FILE"


class KeyMissing(Exception):
    """This workstation has no key file."""


class KeyMismatch(Exception):
    """The key file here is not the one the secret was sealed with (or the token is damaged)."""


class KeyUnwritable(Exception):
    """A new key could not be written; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotAKey(Exception):
    """The key file holds something that is not a Fernet key."""


@dataclass(frozen=True)
class Sealed:
    """A secret as stored: the token, and which key made it (to tell a missing key from another one)."""

    token: str
    key_id: str


def key_file() -> Path:
    return configured_path(KEY_FILE_ENV, config_folder() / "mail.key")


def _sealing_key() -> bytes:
    """This workstation's key; made (readable by its owner only) the first time a secret is sealed."""
    from cryptography.fernet import Fernet

    path = key_file()
    existed = path.exists()
    key = create_key_file(path, Fernet.generate_key)
    if not existed:
        logger.info("a new key for sealed secrets was written to %s", path)
    return key


def seal(secret: str) -> Sealed:
    """The secret sealed with this workstation's key (made if there is none yet)."""
    from cryptography.fernet import Fernet

    try:
        key = _sealing_key()
    except OSError as exc:
        raise KeyUnwritable(exc.strerror or type(exc).__name__) from None
    try:
        return Sealed(Fernet(key).encrypt(secret.encode()).decode("ascii"), key_id(key))
    except ValueError:
        raise NotAKey() from None


def unseal(sealed: Sealed) -> str:
    """The secret; KeyMissing or KeyMismatch when this workstation cannot open it."""
    from cryptography.fernet import Fernet, InvalidToken

    key = read_key_file(key_file())
    if key is None:
        raise KeyMissing()
    try:
        if key_id(key) != sealed.key_id:
            raise InvalidToken
        return Fernet(key).decrypt(sealed.token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        raise KeyMismatch() from None
