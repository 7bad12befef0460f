"""Check connection tells a manager what the register's fiscal storage warns of (ATOL's getFnStatus, KKM-server's
GetDataKKT): nearly full, to be replaced soon, documents not reaching the fiscal data operator; and nothing when
all is well."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.fiscal.connection import check_connection
from desk.fiscal.settings import RegisterKind, RegisterSettings

from .atol_rig import AtolServerProcess, start_atol_server
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
