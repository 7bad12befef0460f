"""Secrets the desk must replay (the SMTP password, a card terminal's password), kept sealed.

A secret is stored in the database only as a Fernet token (AES with an HMAC) made with a key that
lives in a file outside the database (``DESK_MAIL_KEY_FILE``, by default ``mail.key`` in the user's
configuration folder; the name stays from when the mail password was the only such secret). A copy
of the database alone never reveals a secret; a workstation that uses one needs the key file,
copied there once by whoever administers the desk. One key and one mechanism for every secret.

The errors here carry no text for people: each feature says in its own words what is missing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

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
    configured = os.environ.get(KEY_FILE_ENV, "").strip()
    if configured:
        return Path(configured)
    from platformdirs import user_config_dir

    return Path(user_config_dir("frontdesk-cashier", appauthor=False)) / "mail.key"


def _read_key() -> bytes | None:
    try:
        return key_file().read_bytes().strip() or None
    except FileNotFoundError:
        return None


def _key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


def _sealing_key() -> bytes:
    """This workstation's key; made (readable by its owner only) the first time a secret is sealed."""
    from cryptography.fernet import Fernet

    key = _read_key()
    if key is not None:
        return key
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    try:  # exclusive: two desks sealing at once must not each write a key of their own
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key() or key
    with os.fdopen(descriptor, "wb") as out:
        out.write(key + b"\n")
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
        return Sealed(Fernet(key).encrypt(secret.encode()).decode("ascii"), _key_id(key))
    except ValueError:
        raise NotAKey() from None


def unseal(sealed: Sealed) -> str:
    """The secret; KeyMissing or KeyMismatch when this workstation cannot open it."""
    from cryptography.fernet import Fernet, InvalidToken

    key = _read_key()
    if key is None:
        raise KeyMissing()
    try:
        if _key_id(key) != sealed.key_id:
            raise InvalidToken
        return Fernet(key).decrypt(sealed.token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        raise KeyMismatch() from None
