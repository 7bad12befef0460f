"""Each register's signing key: a file outside the database, readable by its owner only.

Whoever can write the database must not be able to sign, or a changed total would be re-signed
with everything after it and the chain would still hold. So the secret of register ``FP-1`` is the
file ``FP-1.key`` in the key folder (``DESK_FISCAL_KEY_DIR``, by default ``fiscal-keys`` in the
user's configuration folder), made the way the mail key is (desk.core.key_files). It is created
when the register issues its first document; a register that has documents and no key file here
refuses to sign rather than start a second key, since that would re-key its chain silently.
"""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path

from desk.core.key_files import FISCAL_KEYS, create_key_file, key_id, read_key_file
from desk.fiscal.errors import FiscalKeyProblem

logger = logging.getLogger(__name__)

KEY_DIR_ENV = FISCAL_KEYS.environment_variable
_HEX_KEY = re.compile(rb"[0-9a-f]{64}")


def key_folder() -> Path:
    return FISCAL_KEYS.folder()


def key_path(register_code: str) -> Path:
    return FISCAL_KEYS.path(register_code)


def _new_key() -> bytes:
    return secrets.token_hex(32).encode("ascii")


def _checked(register_code: str, path: Path, key: bytes) -> str:
    if not _HEX_KEY.fullmatch(key):
        raise FiscalKeyProblem("The file {path} is not the signing key of register {register}: put the register's "
                               "key file there; nothing was printed", path=str(path), register=register_code)
    return key.decode("ascii")


def _unreadable(register_code: str, path: Path, exc: OSError) -> FiscalKeyProblem:
    return FiscalKeyProblem("The key file {path} of register {register} cannot be read ({reason}); nothing was "
                            "printed", path=str(path), register=register_code,
                            reason=exc.strerror or type(exc).__name__)


def signing_key(register_code: str, *, chain_started: bool) -> str:
    """The register's key (hex) to sign its next document with; made now for a register's first document."""
    path = key_path(register_code)
    try:
        key = read_key_file(path)
        if key is None and not chain_started:
            key = create_key_file(path, _new_key)
            # Losing this file loses the register's chain: whoever administers the desk must know it exists.
            logger.warning("register %s signs with the new key file %s: back it up", register_code, path)
    except OSError as exc:
        raise _unreadable(register_code, path, exc) from None
    if key is None:
        raise FiscalKeyProblem(
            "Register {register} has fiscal documents but its key file {path} is not on this workstation: copy it "
            "here from where the register's documents were signed; nothing was printed",
            path=str(path), register=register_code)
    return _checked(register_code, path, key)


def existing_key(register_code: str) -> str | None:
    """The register's key (hex) as it is here, to verify with; None when there is no key file."""
    path = key_path(register_code)
    try:
        key = read_key_file(path)
    except OSError as exc:
        raise _unreadable(register_code, path, exc) from None
    return None if key is None else _checked(register_code, path, key)


def fingerprint(secret_hex: str) -> str:
    return key_id(secret_hex.encode("ascii"))
