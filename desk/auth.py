"""Who acts, and a manager's authorisation for overrides."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desk.errors import NotAuthorised
from desk.models import Role, User

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Actor:
    """The signed-in user at a workstation; every record says who wrote it and where."""

    username: str
    workstation: str


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def authorise(session: Session, username: str, password: str, role: Role = Role.MANAGER) -> User:
    """The manager who typed these credentials; raises NotAuthorised otherwise."""
    user = session.get(User, username.strip())
    if user is None or not check_password(password, user.password_hash):
        raise NotAuthorised("Wrong user name or password", field="password")
    if role is Role.MANAGER and user.role is not Role.MANAGER:
        raise NotAuthorised("{user} is not a manager", field="username", user=user.full_name)
    return user
