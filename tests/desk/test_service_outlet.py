"""A service belongs to an outlet: a manager sets it (recorded), the desk's postings of the service
carry it, an unknown outlet and a clerk are refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import InvalidInput, NotFound
from desk.hotel.catalogue import add_outlet, catalogue, set_service_outlet
from desk.ledger.postings import post_service
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from tests.actors import demo_credentials
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused


def _outlet(hotel: Hotel, service: str) -> str | None:
    return next(s.outlet_code for s in hotel.query(catalogue).services if s.code == service)


def test_a_service_posted_at_the_desk_carries_its_outlet(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(add_outlet, "SPA", "Spa and wellness")
    manager.run(set_service_outlet, "CITYTAX", "SPA")
    assert _outlet(hotel, "CITYTAX") == "SPA"
    stay = hotel.stay()
    posting = hotel.run(post_service, bill_id=stay.bill_id, service_code="CITYTAX")
    assert posting.outlet_code == "SPA"
    manager.run(set_service_outlet, "CITYTAX", None)
    assert _outlet(hotel, "CITYTAX") is None
    assert hotel.run(post_service, bill_id=stay.bill_id, service_code="CITYTAX").outlet_code is None
    assert [c.summary for c in manager.query(changes_of, "service", "CITYTAX")] == [
        "outlet: - -> SPA", "outlet: SPA -> -"]


def test_an_unknown_outlet_or_service_and_a_clerk_are_refused(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "There is no outlet {outlet} at the hotel",
            lambda: manager.run(set_service_outlet, "CITYTAX", "NOPE"), field="outlet")
    refused(hotel, NotFound, "There is no service {service}",
            lambda: manager.run(set_service_outlet, "NOPE", None), field="service")
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(set_service_outlet, "CITYTAX", None))


def test_desk_services_outlet(sqlite_hotel: Hotel, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str], tmp_path: Path):
    from desk.cli.main import main

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    sqlite_hotel.as_role(Role.MANAGER).run(add_outlet, "SPA", "Spa and wellness")
    url = sqlite_hotel.database.url
    assert main(["--database", url, "services", "outlet", "CITYTAX", "SPA"]) == 0
    assert any(line.startswith("CITYTAX ") and line.endswith("  SPA") for line in capsys.readouterr().out.splitlines())
    assert main(["--database", url, "services", "outlet", "CITYTAX", "-"]) == 0
    assert _outlet(sqlite_hotel, "CITYTAX") is None
