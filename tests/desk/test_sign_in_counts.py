"""A wrong password inside a use case is counted, and counting it ends nobody's transaction.

It used to be committed in the middle of the caller's unit of work: whatever the use case had
written before it checked a manager's approval was committed with the count, and its row locks
were released while the use case went on.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.core.errors import NotAuthorised
from desk.people.auth import ManagerApproval, SignInRefused, authorise, sign_in
from desk.people.models import User
from desk.people.rights import Right
from desk.stays.models import Guest

from .conftest import Hotel


def _failures(hotel: Hotel, username: str) -> int:
    return hotel.query(lambda s: s.scalar(select(User.failed_sign_ins).where(User.username == username)))


def _guests(hotel: Hotel, name: str) -> int:
    return hotel.query(lambda s: s.scalar(select(func.count()).select_from(Guest).where(Guest.last_name == name)))


def test_a_refused_approval_is_counted_and_what_the_use_case_wrote_before_is_not_committed(hotel: Hotel):
    with pytest.raises(NotAuthorised) as refused, hotel.database.writing() as session:
        session.add(Guest(first_name="Half", last_name="Written", search_name="written half"))
        session.flush()
        authorise(session, hotel.actor, Right.VOID_PAYMENT, ManagerApproval("maria", "guess"))
        session.add(Guest(first_name="After", last_name="Written", search_name="written after"))
    assert refused.value.field == "password"
    assert _guests(hotel, "Written") == 0
    assert _failures(hotel, "maria") == 1


def test_a_refusal_the_caller_handles_is_counted_once_with_its_commit(hotel: Hotel):
    with hotel.database.writing() as session:
        with pytest.raises(SignInRefused):
            sign_in(session, "maria", "guess", "TEST-1")
        session.add(Guest(first_name="Kept", last_name="Caller", search_name="caller kept"))
    assert _guests(hotel, "Caller") == 1
    assert _failures(hotel, "maria") == 1
