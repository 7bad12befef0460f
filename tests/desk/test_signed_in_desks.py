"""Which desks are signed in: recorded at sign-in, kept fresh by a heartbeat, gone at sign-out or
when a killed desk stops beating (on both databases)."""

from __future__ import annotations

from datetime import timedelta

from desk.core.types import utcnow
from desk.people.desks import SignedInDesk, desk_seen, desk_signed_in, desk_signed_out, signed_in_desks
from desk.people.models import Role
from tests.actors import signed_in

from .conftest import Hotel


def _signed_in_at(hotel: Hotel, workstation: str, role: Role, at=None):
    actor = signed_in(hotel.database, role, workstation)
    with hotel.database.writing() as session:
        desk_signed_in(session, actor, now=at)
    return actor


def _others(hotel: Hotel, workstation: str, at=None) -> list[SignedInDesk]:
    with hotel.database.unit_of_work() as session:
        return signed_in_desks(session, except_workstation=workstation, now=at)


def test_a_sign_in_is_seen_by_the_other_desks_not_by_itself(hotel: Hotel):
    start = utcnow()
    _signed_in_at(hotel, "FRONT-2", Role.CLERK, start)
    _signed_in_at(hotel, "BACK-OFFICE", Role.MANAGER, start)
    others = _others(hotel, "BACK-OFFICE", start + timedelta(seconds=30))
    assert [(desk.workstation, desk.username) for desk in others] == [("FRONT-2", "anna")]
    assert abs(others[0].signed_in_at - start) < timedelta(seconds=1)


def test_a_desk_that_stops_beating_counts_as_gone_and_the_heartbeat_keeps_it(hotel: Hotel):
    start = utcnow()
    clerk = _signed_in_at(hotel, "FRONT-2", Role.CLERK, start)
    _signed_in_at(hotel, "FRONT-3", Role.CASHIER, start)
    with hotel.database.writing() as session:
        desk_seen(session, clerk, now=start + timedelta(minutes=2))
    later = start + timedelta(minutes=4)
    assert [desk.workstation for desk in _others(hotel, "BACK-OFFICE", later)] == ["FRONT-2"]
    assert _others(hotel, "BACK-OFFICE", start + timedelta(minutes=5, seconds=1)) == []


def test_a_switch_of_user_replaces_the_desk_and_sign_out_removes_it(hotel: Hotel):
    start = utcnow()
    _signed_in_at(hotel, "FRONT-2", Role.CLERK, start)
    cashier = _signed_in_at(hotel, "FRONT-2", Role.CASHIER, start + timedelta(seconds=10))
    assert [desk.username for desk in _others(hotel, "X", start + timedelta(seconds=20))] == [cashier.username]
    with hotel.database.writing() as session:
        desk_signed_out(session, workstation="FRONT-2")
    assert _others(hotel, "X", start + timedelta(seconds=20)) == []


def test_a_heartbeat_after_the_row_was_lost_records_the_desk_again(hotel: Hotel):
    clerk = signed_in(hotel.database, Role.CLERK, "FRONT-2")
    with hotel.database.writing() as session:
        desk_seen(session, clerk)
    assert [desk.workstation for desk in _others(hotel, "X")] == ["FRONT-2"]
