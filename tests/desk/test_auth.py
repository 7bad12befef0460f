"""Signing in: argon2, old scrypt hashes upgraded, malformed hashes, PINs, and lockout."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta

import pytest

from desk.core.errors import InvalidInput, NotAuthorised
from desk.core.types import utcnow
from desk.ledger.postings import post_service, void_posting
from desk.people.auth import (
    DEFAULT_LOCKOUT,
    AccountLocked,
    LockoutPolicy,
    ManagerApproval,
    SignInRefused,
    check_password,
    set_pin,
    sign_in,
)
from desk.people.models import Role, User

from .conftest import Hotel


def old_scrypt_hash(password: str) -> str:
    """A hash as the first releases wrote it."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def user(hotel: Hotel, username: str) -> User:
    with hotel.database.unit_of_work() as session:
        found = session.get(User, username)
        assert found is not None
        return found


def set_hash(hotel: Hotel, username: str, stored: str) -> None:
    with hotel.database.writing() as session:
        session.get_one(User, username).password_hash = stored


def try_sign_in(hotel: Hotel, username: str, secret: str, policy: LockoutPolicy = DEFAULT_LOCKOUT):
    with hotel.database.unit_of_work() as session:
        return sign_in(session, username, secret, "TEST-1", policy=policy)


def test_sign_in_gives_the_users_role_and_name(hotel: Hotel):
    actor = try_sign_in(hotel, "maria", "manager")
    assert (actor.username, actor.role, actor.full_name, actor.workstation) == (
        "maria", Role.MANAGER, "Maria Dimitrova", "TEST-1")
    assert user(hotel, "maria").password_hash.startswith("$argon2id$")


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(hotel: Hotel):
    with pytest.raises(SignInRefused) as wrong:
        try_sign_in(hotel, "maria", "nope")
    with pytest.raises(SignInRefused) as unknown:
        try_sign_in(hotel, "nobody", "nope")
    assert str(wrong.value) == str(unknown.value)
    assert wrong.value.field == unknown.value.field == "password"


def test_an_old_scrypt_hash_is_accepted_and_upgraded_to_argon2(hotel: Hotel):
    set_hash(hotel, "ivan", old_scrypt_hash("ivan"))
    with pytest.raises(SignInRefused):
        try_sign_in(hotel, "ivan", "wrong")
    assert user(hotel, "ivan").password_hash.startswith("scrypt$")  # a failure changes no hash
    assert try_sign_in(hotel, "ivan", "ivan").role is Role.CASHIER
    upgraded = user(hotel, "ivan").password_hash
    assert upgraded.startswith("$argon2id$")
    assert check_password("ivan", upgraded) == (True, False)
    assert try_sign_in(hotel, "ivan", "ivan").username == "ivan"


@pytest.mark.parametrize("stored", [
    "", "scrypt$", "scrypt$zz$00", "scrypt$00$11$22", "bcrypt$x$y", "$argon2id$v=19$m=65536,t=3,p=4$bad",
    "$argon2id$garbage", "plain-text-password",
])
def test_a_malformed_stored_hash_is_a_failed_sign_in(hotel: Hotel, stored: str):
    set_hash(hotel, "ivan", stored)
    with pytest.raises(SignInRefused):
        try_sign_in(hotel, "ivan", "ivan")
    assert user(hotel, "ivan").failed_sign_ins == 1
    assert check_password("ivan", stored) == (False, False)


def test_wrong_passwords_are_counted_and_lock_the_user_out(hotel: Hotel):
    policy = LockoutPolicy(max_failures=3, lock_for=timedelta(minutes=10))
    for attempt in (1, 2):
        with pytest.raises(SignInRefused):
            try_sign_in(hotel, "anna", "guess", policy)
        assert user(hotel, "anna").failed_sign_ins == attempt  # committed although refused
    with pytest.raises(AccountLocked) as locked:
        try_sign_in(hotel, "anna", "guess", policy)
    assert locked.value.until > utcnow() + timedelta(minutes=9)
    # Locked: even the right password is refused until the time is up.
    with pytest.raises(AccountLocked):
        try_sign_in(hotel, "anna", "anna", policy)
    with hotel.database.writing() as session:
        session.get_one(User, "anna").locked_until = utcnow() - timedelta(seconds=1)
    assert try_sign_in(hotel, "anna", "anna", policy).username == "anna"
    assert user(hotel, "anna").failed_sign_ins == 0


def test_a_success_resets_the_count(hotel: Hotel):
    for _ in range(DEFAULT_LOCKOUT.max_failures - 1):
        with pytest.raises(SignInRefused):
            try_sign_in(hotel, "anna", "guess")
    try_sign_in(hotel, "anna", "anna")
    with pytest.raises(SignInRefused):
        try_sign_in(hotel, "anna", "guess")
    assert user(hotel, "anna").failed_sign_ins == 1


def test_a_pin_signs_in_and_wrong_pins_lock_out(hotel: Hotel):
    assert try_sign_in(hotel, "anna", "1111").username == "anna"
    assert user(hotel, "anna").pin_hash != "1111"
    policy = LockoutPolicy(max_failures=2)
    with pytest.raises(SignInRefused):
        try_sign_in(hotel, "anna", "1112", policy)
    assert user(hotel, "anna").failed_sign_ins == 1
    with pytest.raises(AccountLocked):
        try_sign_in(hotel, "anna", "1113", policy)
    with pytest.raises(AccountLocked):
        try_sign_in(hotel, "anna", "1111", policy)


def test_a_pin_is_four_to_eight_digits(hotel: Hotel):
    with hotel.database.writing() as session:
        for bad in ("123", "123456789", "12a4", "١٢٣٤"):
            with pytest.raises(InvalidInput):
                set_pin(session, "anna", bad)
        set_pin(session, "anna", "4321")
    assert try_sign_in(hotel, "anna", "4321").username == "anna"
    with pytest.raises(SignInRefused):
        try_sign_in(hotel, "anna", "1111")  # the old PIN is gone


def test_wrong_manager_credentials_in_a_void_count_towards_the_lockout(hotel: Hotel):
    stay = hotel.stay()
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    for _ in range(DEFAULT_LOCKOUT.max_failures):
        with pytest.raises(NotAuthorised):
            hotel.run(void_posting, spa.id, reason="r", approval=ManagerApproval("maria", "guess"))
    assert user(hotel, "maria").locked_until is not None
    with pytest.raises(AccountLocked):
        hotel.run(void_posting, spa.id, reason="r", approval=hotel.approval())
    assert not any(line.reversed_by for line in hotel.view(stay.folio_id).postings)


def test_an_approval_never_shows_the_password():
    assert "manager" not in repr(ManagerApproval("maria", "manager"))
