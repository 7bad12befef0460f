"""A restore is refused while another desk is signed in, naming it; a desk gone silent does not count."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desk.backup.copy import OtherDesksSignedIn, back_up, restore
from desk.core.types import utcnow
from desk.people.desks import desk_signed_in
from desk.people.models import Role
from tests.actors import signed_in
from tests.desk.conftest import Hotel, refused


def _desk_at(hotel: Hotel, workstation: str, role: Role, *, minutes_ago: float = 0) -> None:
    actor = signed_in(hotel.database, role, workstation)
    with hotel.database.writing() as session:
        desk_signed_in(session, actor, now=utcnow() - timedelta(minutes=minutes_ago))


def test_a_restore_is_refused_while_another_desk_is_signed_in_naming_it(hotel: Hotel, tmp_path: Path):
    manager = hotel.as_role(Role.MANAGER)
    backup = tmp_path / "hotel.backup"
    back_up(manager.database, manager.actor, backup)
    _desk_at(hotel, "FRONT-2", Role.CLERK)
    _desk_at(hotel, manager.actor.workstation, Role.MANAGER)  # the restoring desk itself does not count
    refusal = refused(hotel, OtherDesksSignedIn,
                      "Someone is signed in at other workstations ({desks}): sign out there, then restore",
                      lambda: restore(hotel.database.url, manager.actor, backup))
    assert refusal.message == ("Someone is signed in at other workstations (FRONT-2: anna): "
                               "sign out there, then restore")


def test_a_desk_not_seen_for_three_minutes_does_not_stop_a_restore(sqlite_hotel: Hotel, tmp_path: Path):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    backup = tmp_path / "hotel.backup"
    back_up(manager.database, manager.actor, backup)
    _desk_at(sqlite_hotel, "FRONT-2", Role.CLERK, minutes_ago=3.5)  # killed: its heartbeat stopped
    sqlite_hotel.database.dispose()
    summary = restore(sqlite_hotel.database.url, manager.actor, backup)
    assert summary.check.tampered == ()


def test_a_restore_is_refused_while_the_pos_service_runs_and_allowed_once_it_stopped(hotel: Hotel, tmp_path: Path):
    from desk.pos.service import PosService, service_workstation

    manager = hotel.as_role(Role.MANAGER)
    backup = tmp_path / "hotel.backup"
    back_up(manager.database, manager.actor, backup)
    service = PosService(hotel.database, workstation=service_workstation("till-host"))  # as desk serve starts it
    try:
        refusal = refused(hotel, OtherDesksSignedIn,
                          "Someone is signed in at other workstations ({desks}): sign out there, then restore",
                          lambda: restore(hotel.database.url, manager.actor, backup))
        assert refusal.message == ("Someone is signed in at other workstations (pos:till-host: pos-service): "
                                   "sign out there, then restore")
    finally:
        service.close()  # a clean stop signs the service out
    hotel.database.dispose()
    assert restore(hotel.database.url, manager.actor, backup).check.tampered == ()
