"""Who acts: signing in, passwords and PINs, lockout, and a manager's approval inside a use case.

Secrets are hashed with argon2id. Hashes of the first releases (``scrypt$salt$digest``) are still
accepted and replaced by argon2 on the next successful sign-in. A stored hash that cannot be read
is a failed sign-in, like a wrong password.

Wrong passwords and PINs are counted on the user's row, and the count is kept although the
sign-in is refused and the caller's unit of work rolls back (``desk.db.engine.keep_whatever_happens``):
the caller's transaction is never ended half-way, so its locks hold until it ends.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, NotAuthorised
from desk.core.types import utcnow
from desk.db.audit_notes import AuditNote, note
from desk.db.engine import keep_whatever_happens
from desk.people.confirming import Carrier, carrying, note_carried
from desk.people.models import DeskSession, Role, User
from desk.people.passwords import check_new_password
from desk.people.rights import ROLE_RIGHTS, Right, holds_manager_rights, may, require

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_ARGON2 = PasswordHasher()  # argon2id with the library's RFC 9106 "low memory" profile
PIN_LENGTHS = range(4, 9)


@dataclass(frozen=True)
class LockoutPolicy:
    """How many wrong passwords or PINs in a row lock a user out, and for how long."""

    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=15)


DEFAULT_LOCKOUT = LockoutPolicy()


class SignInRefused(NotAuthorised):
    """Wrong user name, password or PIN; deliberately does not say which."""

    field = "password"

    def __init__(self) -> None:
        super().__init__("Wrong user name or password")


class PinNotForManagers(NotAuthorised):
    """A user who may authorise others proves it with the password: a PIN is four digits away from
    a guess, and an approval in a dialog asks the password anyway."""

    field = "password"

    def __init__(self) -> None:
        super().__init__("A manager signs in with the password, not a PIN")


class SignInAgain(NotAuthorised):
    """The signed-in user may no longer do what this session was opened for."""

    field = "username"


class AccountLocked(NotAuthorised):
    """Too many failed attempts: nobody signs in as this user until ``until``."""

    field = "password"

    def __init__(self, username: str, until: datetime) -> None:
        super().__init__("Too many failed attempts: {user} cannot sign in until {time}",
                         user=username, time=f"{until.astimezone():%H:%M}")
        self.username = username
        self.until = until


@dataclass(frozen=True)
class _Grant:
    """What a sign-in (or a trusted process) was granted; made only in this module."""

    username: str
    workstation: str
    role: Role
    person: bool  # a person at a desk, whose user row is read again at each action


@dataclass(frozen=True)
class Actor:
    """The signed-in user at a workstation; every record says who wrote it and where.

    Only :func:`sign_in` (or :func:`trusted_actor`) makes one, and it keeps what was granted: an
    Actor made by hand, or copied with another name, desk or role (``dataclasses.replace``), is
    refused at once. The runner calls :meth:`confirm` at each action, so a user demoted or
    deactivated since signing in acts no more.
    """

    username: str
    workstation: str
    role: Role
    full_name: str = ""
    _proof: object = field(default=None, repr=False, compare=False)
    # Signed in with a password someone else chose: the desk asks for their own before anything else.
    must_change_secret: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        grant = self._proof
        if not isinstance(grant, _Grant):
            raise TypeError("an Actor is made by desk.people.auth.sign_in, not by hand")
        if (grant.username, grant.workstation, grant.role) != (self.username, self.workstation, self.role):
            raise TypeError("an Actor keeps the user, workstation and role it was signed in with")

    def may(self, right: Right) -> bool:
        return may(self.role, right)

    def confirm(self, session: Session) -> None:
        """Refuse unless the user may still act with this session's rights (one indexed read)."""
        grant = self._proof
        assert isinstance(grant, _Grant)
        if not grant.person:
            return
        statement, reads = _confirm_statement()
        row = session.execute(statement, {"username": self.username}).first()
        if row is None or not row.active:
            raise SignInAgain("{user} may no longer act at this desk", user=self.full_name or self.username)
        if row.must_change_secret:
            raise SignInAgain("{user} must choose a new password: sign in again",
                              user=row.full_name or self.username)
        if not ROLE_RIGHTS.get(self.role, frozenset()) <= ROLE_RIGHTS.get(row.role, frozenset()):
            raise SignInAgain("The rights of {user} have changed: sign in again",
                              user=row.full_name or self.username)
        note_carried(session, reads, row[len(_STANDING):])


_STANDING = (User.role, User.active, User.full_name, User.must_change_secret)
_confirm: list[Carrier] = []


def _confirm_statement() -> Carrier:
    """The runner's first statement in each unit: the actor's standing, and what the other features
    registered (desk.people.confirming), with the registrations it carries."""
    return carrying(_confirm, lambda also: select(*_STANDING, *also).where(User.username == bindparam("username")))


@dataclass(frozen=True)
class ManagerApproval:
    """The credentials a manager typed into a dialog, checked inside the use case they authorise."""

    username: str
    password: str = field(repr=False)


# --- hashes ---------------------------------------------------------------------------------


def use_hash_cost(*, time_cost: int, memory_kib: int, parallelism: int = 1) -> None:
    """Set argon2's cost for new hashes (a slow desk computer; the test suite). Older hashes
    still verify, and are re-hashed at the new cost on their next successful sign-in."""
    global _ARGON2, _dummy_hash
    _ARGON2 = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
    _dummy_hash = None


def hash_password(secret: str) -> str:
    return _ARGON2.hash(secret)


def _check_scrypt(secret: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def check_password(secret: str, stored: str | None) -> tuple[bool, bool]:
    """(matches, should be re-hashed); an unreadable hash simply does not match."""
    if not stored:
        return False, False
    if stored.startswith("scrypt$"):
        ok = _check_scrypt(secret, stored)
        return ok, ok
    try:
        _ARGON2.verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError, ValueError):
        return False, False
    try:
        return True, _ARGON2.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True, True


_dummy_hash: str | None = None


def _waste_a_verification(secret: str) -> None:
    """Cost what checking a real hash costs, so unknown names cannot be told apart by timing."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password(os.urandom(16).hex())
    check_password(secret, _dummy_hash)


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS


def set_pin(session: Session, username: str, pin: str) -> None:
    """Give a user a PIN for quick switching at the desk (4 to 8 digits)."""
    if not valid_pin(pin):
        raise InvalidInput("A PIN is 4 to 8 digits", field="pin")
    user = session.get(User, username)
    if user is None:
        raise InvalidInput("There is no user {username}", field="username", username=username)
    user.pin_hash = hash_password(pin)


# --- signing in -----------------------------------------------------------------------------


def _verify(session: Session, username: str, secret: str, *, allow_pin: bool, policy: LockoutPolicy,
            workstation: str, purpose: str) -> User:
    """The user these credentials belong to; counts a failure (committed) and raises otherwise.

    Every refusal is noted for the audit trail (``purpose``: a sign-in, or a manager's approval) in a
    unit that commits whatever becomes of the caller's: a failed attempt is recorded though it failed.
    """
    user = session.scalar(
        select(User).where(User.username == username.strip()).with_for_update()
    ) if username.strip() else None
    if user is None or not user.active:
        _waste_a_verification(secret)
        if allow_pin:
            _waste_a_verification(secret)
        _note_failure(session, username, workstation, purpose, "unknown or inactive user")
        raise SignInRefused()
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        _waste_a_verification(secret)
        _note_failure(session, user.username, workstation, purpose, "locked out")
        raise AccountLocked(user.username, user.locked_until)
    ok, rehash = check_password(secret, user.password_hash)
    pin_refused = False
    if ok:
        if rehash:
            user.password_hash = hash_password(secret)
    elif allow_pin and holds_manager_rights(user.role):
        # Never compared with the PIN: a manager's session may authorise anything, so only the
        # password opens it. Counted as a failure all the same, or PINs could be tried for free.
        _waste_a_verification(secret)
        pin_refused = valid_pin(secret)
    elif allow_pin:
        if user.pin_hash is None:
            _waste_a_verification(secret)
        else:
            ok, rehash = check_password(secret, user.pin_hash)
            if ok and rehash:
                user.pin_hash = hash_password(secret)
    if not ok:
        # Kept although refused: a rollback would forget the attempt and allow endless guessing.
        # The name is read now: after a rollback the row is expired, and reading it would begin
        # another transaction on the caller's session.
        username = user.username
        keep_whatever_happens(session, lambda unit: _count_failure(unit, username, policy))
        _note_failure(session, username, workstation, purpose, "wrong password or PIN")
        if (user.failed_sign_ins or 0) + 1 >= policy.max_failures:
            raise AccountLocked(user.username, now + policy.lock_for)
        if pin_refused:
            raise PinNotForManagers()
        raise SignInRefused()
    user.failed_sign_ins = 0
    user.locked_until = None
    return user


def _note_failure(session: Session, username: str, workstation: str, purpose: str, why: str) -> None:
    # The name as typed, cut to a column's length: it may be anything, and is never the secret.
    typed = username.strip()[:40]
    keep_whatever_happens(session, lambda unit: note(unit, AuditNote(
        "sign_in_failed", typed or "?", workstation, f"{purpose} refused: {why}", subject=f"user {typed}",
        detail={"purpose": purpose, "why": why})))


def _note_sign_in(session: Session, user: User, workstation: str, replacing: str | None) -> None:
    if replacing is not None and replacing != user.username:
        note(session, AuditNote("switch_user", user.username, workstation, f"{replacing} -> {user.username}",
                                subject=f"user {user.username}", detail={"from": replacing}))
    else:
        note(session, AuditNote("sign_in", user.username, workstation, f"{user.username} signed in",
                                subject=f"user {user.username}"))


def lock_desk(session: Session, actor: Actor) -> None:
    """Record that the desk was locked behind the sign-in (by its user, or after their idle minutes).
    Anyone signed in may lock: it needs no right, and a deactivated user's desk locks all the same."""
    note(session, AuditNote("lock", actor.username, actor.workstation, f"desk locked by {actor.username}",
                            subject=f"user {actor.username}"))


def _count_failure(session: Session, username: str, policy: LockoutPolicy) -> None:
    user = session.scalar(select(User).where(User.username == username).with_for_update())
    if user is None:
        return
    user.failed_sign_ins = (user.failed_sign_ins or 0) + 1
    if user.failed_sign_ins >= policy.max_failures:
        user.failed_sign_ins = 0
        user.locked_until = utcnow() + policy.lock_for


def sign_in(
    session: Session,
    username: str,
    password_or_pin: str,
    workstation: str,
    *,
    policy: LockoutPolicy = DEFAULT_LOCKOUT,
    replacing: str | None = None,
) -> Actor:
    """The signed-in user, by password or PIN (a PIN only for those without a manager's rights);
    SignInRefused, PinNotForManagers or AccountLocked otherwise. ``replacing``: the user signed in at
    this desk until now (a switch of user, recorded as one; the same user again is a sign-in)."""
    user = _verify(session, username, password_or_pin, allow_pin=True, policy=policy, workstation=workstation,
                   purpose="sign-in")
    _note_sign_in(session, user, workstation, replacing)
    actor = Actor(user.username, workstation, user.role, user.full_name,
                  _Grant(user.username, workstation, user.role, person=True), user.must_change_secret)
    desk_signed_in(session, actor)  # other desks' restores now wait for this one
    return actor


def sign_in_with_password(
    session: Session,
    username: str,
    password: str,
    workstation: str,
    *,
    policy: LockoutPolicy = DEFAULT_LOCKOUT,
) -> Actor:
    """The signed-in user, by password only (a command that changes settings). A command is no desk kept
    open: it is not recorded among the signed-in desks, which it would never leave (it does not sign out)."""
    user = _verify(session, username, password, allow_pin=False, policy=policy, workstation=workstation,
                   purpose="sign-in")
    _note_sign_in(session, user, workstation, None)
    return Actor(user.username, workstation, user.role, user.full_name,
                 _Grant(user.username, workstation, user.role, person=True), user.must_change_secret)


def change_own_secret(
    session: Session,
    username: str,
    current_password: str,
    new_password: str,
    workstation: str,
    *,
    new_pin: str | None = None,
    policy: LockoutPolicy = DEFAULT_LOCKOUT,
) -> Actor:
    """The user replaces their password (and PIN) after proving the current one: part of signing in,
    so it needs no right, only the password. Returns the signed-in user, free to act."""
    user = _verify(session, username, current_password, allow_pin=False, policy=policy, workstation=workstation,
                   purpose="sign-in")
    check_new_password(user.username, new_password)
    if new_password == current_password:
        raise InvalidInput("Choose a password other than the one you were given", field="password")
    if new_pin:
        if holds_manager_rights(user.role):
            raise PinNotForManagers()
        if not valid_pin(new_pin):
            raise InvalidInput("A PIN is 4 to 8 digits", field="pin")
        user.pin_hash = hash_password(new_pin)
    user.password_hash = hash_password(new_password)
    user.must_change_secret = False
    _note_sign_in(session, user, workstation, None)
    actor = Actor(user.username, workstation, user.role, user.full_name,
                  _Grant(user.username, workstation, user.role, person=True))
    desk_signed_in(session, actor)
    return actor


def trusted_actor(username: str, workstation: str, role: Role, full_name: str = "") -> Actor:
    """An actor for a process that proved who it is another way: the POS service once it has
    checked the till's key, the database's owner, or a worker the desk started itself. Never for
    a person at a desk."""
    return Actor(username, workstation, role, full_name or username,
                 _Grant(username, workstation, role, person=False))


def authorise(
    session: Session,
    actor: Actor,
    rights: Right | Collection[Right],
    approval: ManagerApproval | None,
    *,
    policy: LockoutPolicy = DEFAULT_LOCKOUT,
) -> str:
    """Who authorises ``rights`` for this actor: the user whose credentials are in ``approval``
    (verified here; their role must have every right), else the actor itself if its role has them.
    """
    wanted = (rights,) if isinstance(rights, Right) else tuple(rights)
    if approval is None:
        for right in wanted:
            require(actor, right)
        return actor.username
    try:
        user = _verify(session, approval.username, approval.password, allow_pin=False, policy=policy,
                       workstation=actor.workstation, purpose="manager's approval")
    except SignInRefused:
        raise NotAuthorised("Wrong user name or password", field="password") from None
    if not all(may(user.role, right) for right in wanted):
        raise NotAuthorised("{user} is not a manager and may not authorise this", field="username", user=user.full_name)
    names = ", ".join(right.value for right in wanted)
    note(session, AuditNote("override", actor.username, actor.workstation,
                            f"{user.username} authorised {names} for {actor.username}",
                            subject=names[:80], authorised_by=user.username,
                            detail={"rights": [r.value for r in wanted]}))
    return user.username


# -- which desks are signed in (read by desk.people.desks): kept by each desk for itself, no right --


def database_now(session: Session) -> datetime:
    """The database server's clock, which every desk shares: a workstation's own may be wrong by hours,
    and a desk whose clock is behind would count as gone (ahead: as present long after it was killed)."""
    if session.get_bind().dialect.name == "sqlite":
        # SQLite keeps UTC text (desk.core.types.UtcDateTime): its own clock, read as such.
        said = session.execute(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one()
        return datetime.fromisoformat(said).replace(tzinfo=UTC)
    moment = session.execute(select(func.statement_timestamp())).scalar_one()
    return moment.astimezone(UTC)


def desk_signed_in(session: Session, actor: Actor, *, now: datetime | None = None) -> None:
    """``actor`` signed in at their workstation (a switch of user there replaces the one before), at the
    database's time unless ``now`` is given."""
    now = now or database_now(session)
    row = session.get(DeskSession, actor.workstation)
    if row is None:
        session.add(DeskSession(workstation=actor.workstation, username=actor.username, signed_in_at=now,
                                last_seen=now))
    else:
        row.username, row.signed_in_at, row.last_seen = actor.username, now, now


def desk_seen(session: Session, actor: Actor, *, now: datetime | None = None) -> None:
    """The heartbeat of ``actor``'s desk; it records the desk again if its row went (a restore)."""
    now = now or database_now(session)
    row = session.get(DeskSession, actor.workstation)
    if row is None or row.username != actor.username:
        desk_signed_in(session, actor, now=now)
    else:
        row.last_seen = now


def desk_signed_out(session: Session, *, workstation: str) -> None:
    session.execute(delete(DeskSession).where(DeskSession.workstation == workstation))
