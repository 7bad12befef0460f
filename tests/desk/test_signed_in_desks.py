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


def test_signing_in_records_the_desk_and_changing_ones_own_password_too(hotel: Hotel):
    from desk.people.auth import change_own_secret, sign_in

    with hotel.database.writing() as session:  # sign_in alone, as the sign-in window calls it
        sign_in(session, "anna", "anna", "FRONT-2")
        change_own_secret(session, "ivan", "ivan", "a much longer secret 7", "FRONT-3")
    assert [(desk.workstation, desk.username) for desk in _others(hotel, "X")] == [("FRONT-2", "anna"),
                                                                                 ("FRONT-3", "ivan")]


def test_a_desk_whose_clock_is_wrong_counts_by_the_databases_clock(hotel: Hotel, monkeypatch):
    import desk.people.auth

    with hotel.database.unit_of_work() as session:
        server_now = desk.people.auth.database_now(session)
    assert abs(server_now - utcnow()) < timedelta(seconds=5)  # this machine's clock is the server's here
    # FRONT-2's clock is two hours behind: by its own clock it would have been gone long ago.
    monkeypatch.setattr(desk.people.auth, "utcnow", lambda: utcnow() - timedelta(hours=2))
    with hotel.database.writing() as session:
        clerk = desk.people.auth.sign_in(session, "anna", "anna", "FRONT-2")
    with hotel.database.writing() as session:
        desk_seen(session, clerk)
    # The desk reading it is two hours ahead: by its clock FRONT-2 would be gone too.
    monkeypatch.setattr(desk.people.auth, "utcnow", lambda: utcnow() + timedelta(hours=2))
    [front] = _others(hotel, "BACK-OFFICE")
    assert front.workstation == "FRONT-2"
    assert abs(front.signed_in_at - server_now) < timedelta(minutes=1)
    assert abs(front.last_seen - server_now) < timedelta(minutes=1)


def test_a_process_kept_signed_in_beats_on_its_own_and_leaves_when_stopped(hotel: Hotel):
    from desk.people.desks import KeptSignedIn
    from desk.pos.service import service_actor

    process = KeptSignedIn(hotel.database, service_actor("pos:TILL-HOST"), every=timedelta(milliseconds=20)).start()
    try:
        [first] = _others(hotel, "X")
        assert (first.workstation, first.username) == ("pos:TILL-HOST", "pos-service")
        deadline = utcnow() + timedelta(seconds=10)
        while _others(hotel, "X")[0].last_seen == first.last_seen and utcnow() < deadline:
            pass
        assert _others(hotel, "X")[0].last_seen > first.last_seen
    finally:
        process.stop()
    assert _others(hotel, "X") == []
