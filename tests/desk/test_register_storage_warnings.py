"""Check connection tells a manager what the register's fiscal storage warns of (ATOL's getFnStatus, KKM-server's
GetDataKKT): nearly full, to be replaced soon, documents not reaching the fiscal data operator; and nothing when
all is well."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk.db.runner import Runner
from desk.fiscal.connection import check_connection
from desk.fiscal.errors import RegisterUnreachable
from desk.fiscal.settings import RegisterKind, RegisterSettings
from desk.fiscal.storage import read_storage, workstation_storage
from hardware.simulators.atol import MSK

from .atol_rig import AtolServerProcess, atol_hotel, start_atol_server
from .conftest import Hotel
from .kkmserver_rig import LOGIN, PASSWORD, KkmServerProcess, start_kkm_server


@pytest.fixture
def atol(tmp_path: Path) -> Iterator[AtolServerProcess]:
    server = start_atol_server(tmp_path / "fn.json")
    yield server
    server.stop()


@pytest.fixture
def kkm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KkmServerProcess]:
    monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)
    monkeypatch.setenv("KKMSERVER_PASSWORD", PASSWORD)
    server = start_kkm_server(tmp_path / "kkm.json")
    yield server
    server.stop()


def settings(kind: RegisterKind, address: str) -> RegisterSettings:
    return RegisterSettings("FP-1", "FP-1", kind, address, "", "osn", {}, "")


def test_atol_storage_warnings_are_named_and_a_sound_storage_has_none(atol: AtolServerProcess):
    assert check_connection(settings(RegisterKind.ATOL, atol.address)).storage == ()
    atol.control("fault", fault="fn_expiring")
    atol.control("fault", fault="ofd_offline")
    assert check_connection(settings(RegisterKind.ATOL, atol.address)).storage == ("replace_soon", "ofd_not_sent")
    atol.control("fault", fault="fn_full")
    assert "nearly_full" in check_connection(settings(RegisterKind.ATOL, atol.address)).storage


def test_kkm_storage_nearly_full_is_named(kkm: KkmServerProcess):
    assert check_connection(settings(RegisterKind.KKMSERVER, kkm.address)).storage == ()
    kkm.control("fault", fault="fn_full")
    assert check_connection(settings(RegisterKind.KKMSERVER, kkm.address)).storage == ("nearly_full",)


# --- the status bar's reading: the validity date, the memory, the OFD's backlog ----------------------------------

@pytest.fixture
def now() -> datetime:
    """Read as the test runs: the simulators count their days from then, not from when this module was imported."""
    return datetime.now(UTC)


def test_atol_storage_read_from_getfninfo_names_the_day_to_replace_it_30_days_ahead(
        atol: AtolServerProcess, now: datetime):
    far = read_storage(settings(RegisterKind.ATOL, atol.address))
    assert far is not None and far.valid_until is not None
    assert far.replace_by(now.date()) is None and not far.action_due(now)
    atol.control("storage", valid_days=29)
    near = read_storage(settings(RegisterKind.ATOL, atol.address))
    assert near is not None and near.valid_until is not None
    assert near.replace_by(now.date()) == near.valid_until == (now + timedelta(days=29)).astimezone(MSK).date()
    assert near.action_due(now)


def test_atol_documents_not_reaching_the_ofd_are_counted_in_days(atol: AtolServerProcess, now: datetime):
    assert read_storage(settings(RegisterKind.ATOL, atol.address)).unsent_days(now) == 0  # type: ignore[union-attr]
    atol.control("storage", unsent_days=4.5)
    state = read_storage(settings(RegisterKind.ATOL, atol.address))
    assert state is not None and state.unsent_days(now) == 4 and state.action_due(now)
    atol.control("fault", fault="fn_full")
    assert read_storage(settings(RegisterKind.ATOL, atol.address)).flags == (  # type: ignore[union-attr]
        "nearly_full",)


def test_kkm_storage_read_from_getdatakkt_fn_dateend_and_ofd_dateerrordoc(kkm: KkmServerProcess, now: datetime):
    far = read_storage(settings(RegisterKind.KKMSERVER, kkm.address))
    assert far is not None and far.valid_until is not None and not far.action_due(now)
    kkm.control("storage", valid_days=10, unsent_days=3.2)
    kkm.control("fault", fault="fn_full")
    near = read_storage(settings(RegisterKind.KKMSERVER, kkm.address))
    assert near is not None
    assert near.replace_by(now.date()) == (now + timedelta(days=10)).astimezone(MSK).date()
    assert near.unsent_days(now) == 3 and near.flags == ("nearly_full",)


def test_a_register_that_does_not_answer_is_unreachable_not_a_sound_storage(atol: AtolServerProcess):
    address = atol.address
    atol.stop()
    with pytest.raises(RegisterUnreachable):
        read_storage(settings(RegisterKind.ATOL, address))


def test_the_workstations_register_is_the_one_read_and_a_printer_without_fn_reads_nothing(
        hotel: Hotel, atol: AtolServerProcess, now: datetime):
    assert workstation_storage(Runner(hotel.database), hotel.actor) is None  # no register follows its shift
    atol.control("storage", valid_days=5)
    rig = atol_hotel(hotel, atol, open_shift=False)
    state = workstation_storage(rig.runner, rig.hotel.actor)
    assert state is not None and state.register == "FP-1" and state.replace_by(now.date()) is not None
