"""User administration: add a colleague with a role, deactivate, reset a password, change a role.

Each is a use case for whoever holds ``MANAGE_USERS``, recorded in ``admin_change``. A password an
administrator types is temporary: the user chooses their own at the next sign-in
(``User.must_change_secret``), and a session they have open acts no more until then
(``Actor.confirm``). Deactivating a user ends their open session the same way, at their next action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, NotFound
from desk.people.auth import Actor, hash_password, valid_pin
from desk.people.changes import record_change
from desk.people.models import Role, User
from desk.people.passwords import check_new_password
from desk.people.rights import Right, holds_manager_rights, require

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
ADMIN_KIND = "user"
# Roles a person at a desk may be given; the POS service's account is set up with its key.
PEOPLE_ROLES = (Role.CLERK, Role.CASHIER, Role.MANAGER)


@dataclass(frozen=True)
class UserRow:
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_secret: bool
    has_pin: bool
    tax_id: str = ""


def list_users(session: Session) -> list[UserRow]:
    return [UserRow(u.username, u.full_name, u.role, u.active, u.must_change_secret, u.pin_hash is not None,
                    u.tax_id or "") for u in session.scalars(select(User).order_by(User.username))]


def new_user(username: str, full_name: str, role: Role, password: str, pin: str | None) -> User:
    """A user row after the same checks everywhere a user is made (set-up, administration)."""
    username = username.strip()
    if not USERNAME.fullmatch(username):
        raise InvalidInput("A user name is 2 to 40 small letters, digits, dots, dashes or underscores",
                           field="username")
    if not full_name.strip():
        raise InvalidInput("Type the user's full name", field="full_name")
    if role not in PEOPLE_ROLES:
        raise InvalidInput("Choose a clerk's, cashier's or manager's role", field="role")
    check_new_password(username, password)
    pin_hash = None
    if pin:
        if holds_manager_rights(role):
            raise InvalidInput("A manager signs in with the password, not a PIN", field="pin")
        if not valid_pin(pin):
            raise InvalidInput("A PIN is 4 to 8 digits", field="pin")
        pin_hash = hash_password(pin)
    return User(username=username, full_name=full_name.strip(), role=role, password_hash=hash_password(password),
                pin_hash=pin_hash, active=True, must_change_secret=True)


def add_user(session: Session, actor: Actor, username: str, full_name: str, role: Role, password: str,
             pin: str | None = None) -> None:
    """A colleague who signs in with ``password`` once, then chooses their own."""
    require(actor, Right.MANAGE_USERS)
    user = new_user(username, full_name, role, password, pin)
    if session.get(User, user.username) is not None:
        raise InvalidInput("There is already a user {username}", field="username", username=user.username)
    session.add(user)
    record_change(session, actor, ADMIN_KIND, user.username, f"added as {role.value}")


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()).with_for_update())
    if user is None:
        raise NotFound("There is no user {username}", field="username", username=username.strip())
    return user


def _keep_a_manager(session: Session, leaving: User) -> None:
    """Refuse to leave the hotel without an active manager: nobody could administer it any more."""
    if not (leaving.active and holds_manager_rights(leaving.role)):
        return
    # The other managers' rows are locked: two managers deactivating (or demoting) each other at once
    # cannot both see the other one staying; the second waits for the first, then is refused.
    others = session.scalars(select(User.username).where(
        User.username != leaving.username, User.active.is_(True),
        User.role.in_([r for r in PEOPLE_ROLES if holds_manager_rights(r)])).with_for_update()).all()
    if not others:
        raise InvalidInput("{username} is the last active manager: add another manager first",
                           field="username", username=leaving.username)


def set_user_active(session: Session, actor: Actor, username: str, active: bool) -> None:
    """Deactivate (their next action is refused, their session ends) or let back in."""
    require(actor, Right.MANAGE_USERS)
    user = _user(session, username)
    if user.username == actor.username and not active:
        raise InvalidInput("You cannot deactivate yourself", field="username")
    if user.active == active:
        return
    if not active:
        _keep_a_manager(session, user)
    user.active = active
    if active:
        user.failed_sign_ins = 0
        user.locked_until = None
    record_change(session, actor, ADMIN_KIND, user.username, "activated" if active else "deactivated")


def reset_secret(session: Session, actor: Actor, username: str, temporary_password: str) -> None:
    """A forgotten password or PIN: a temporary password the user replaces at the next sign-in, with a
    new PIN too (the old PIN is gone). A lockout ends with it."""
    require(actor, Right.MANAGE_USERS)
    user = _user(session, username)
    check_new_password(user.username, temporary_password)
    user.password_hash = hash_password(temporary_password)
    user.pin_hash = None
    user.must_change_secret = True
    user.failed_sign_ins = 0
    user.locked_until = None
    record_change(session, actor, ADMIN_KIND, user.username, "password and PIN reset")


def change_role(session: Session, actor: Actor, username: str, role: Role) -> None:
    """A new role; a session the user has open acts no more if it lost rights (Actor.confirm)."""
    require(actor, Right.MANAGE_USERS)
    if role not in PEOPLE_ROLES:
        raise InvalidInput("Choose a clerk's, cashier's or manager's role", field="role")
    user = _user(session, username)
    if user.username == actor.username:
        raise InvalidInput("You cannot change your own role", field="username")
    if user.role == role:
        return
    if not holds_manager_rights(role):
        _keep_a_manager(session, user)
    if holds_manager_rights(role):
        user.pin_hash = None  # a manager signs in with the password only
    before = user.role
    user.role = role
    record_change(session, actor, ADMIN_KIND, user.username, f"role {before.value} -> {role.value}")


def valid_personal_tax_id(tax_id: str) -> bool:
    """A Russian individual's ИНН: 12 digits whose last two are the check digits of the first ten and eleven."""
    if not re.fullmatch(r"[0-9]{12}", tax_id):
        return False
    digits = [int(d) for d in tax_id]

    def check(weights: tuple[int, ...]) -> int:
        return sum(w * d for w, d in zip(weights, digits, strict=False)) % 11 % 10

    return (check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == digits[10]
            and check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == digits[11])


def set_tax_id(session: Session, actor: Actor, username: str, tax_id: str) -> None:
    """The cashier's taxpayer number (ИНН) a registered register prints as the cashier's (tag 1203); "" clears it."""
    require(actor, Right.MANAGE_USERS)
    tax_id = re.sub(r"\s", "", tax_id)
    if tax_id and not valid_personal_tax_id(tax_id):
        raise InvalidInput("{tax_id} is not a person's taxpayer number (ИНН): 12 digits with their check digits",
                           field="tax_id", tax_id=tax_id)
    user = _user(session, username)
    if user.tax_id == tax_id:
        return
    user.tax_id = tax_id
    record_change(session, actor, ADMIN_KIND, user.username, f"tax id {'set' if tax_id else 'cleared'}")


def tax_id_of(session: Session, username: str) -> str:
    return session.scalar(select(User.tax_id).where(User.username == username)) or ""
