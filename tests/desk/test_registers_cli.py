"""`desk registers`: a manager makes FP-1 an ATOL register and sees it, with its shift, in the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli.main import main
from desk.fiscal.settings import all_register_settings, register_settings

from .atol_rig import start_atol_server
from .conftest import Hotel
from .kkmserver_rig import LOGIN, PASSWORD, start_kkm_server


@pytest.fixture(autouse=True)
def _a_manager_signs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_USER", "maria")  # setting a register signs a manager in, as every settings command
    monkeypatch.setenv("DESK_PASSWORD", "manager")


def _status_listed(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The lines ``desk registers list --status`` prints (what was printed before is set aside)."""
    capsys.readouterr()
    assert main(["--database", url, "registers", "list", "--status"]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_register_is_set_to_atol_and_listed_with_its_shift(sqlite_hotel: Hotel, sqlite_url: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]):
    server = start_atol_server(tmp_path / "fn.json", own_process=True)  # as a hotel runs it
    try:
        code = main(["--database", sqlite_url, "registers", "set", "FP-1", "--kind", "atol", "--address",
                     server.address, "--taxation", "osn", "--vat", "20=vat20, 10=vat10, none=none",
                     "--workstation", "FRONT-1"])
        assert code == 0, capsys.readouterr().err
        settings = sqlite_hotel.query(register_settings, "FP-1")
        assert settings.vat_map == {"20": "vat20", "10": "vat10", "": "none"} and settings.vat_code("20.00") == "vat20"
        out = _status_listed(sqlite_url, capsys)
    finally:
        server.stop()
    line = next(n for n, text in enumerate(out) if text.startswith("FP-1: "))
    assert f"[atol], at {server.address}, taxation osn, VAT none=none,10=vat10,20=vat20" in out[line]
    assert out[line + 1] == "    shift 0: closed"


def test_a_register_is_set_to_kkm_server_and_listed_with_its_shift(sqlite_hotel: Hotel, sqlite_url: str,
                                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch):
    server = start_kkm_server(tmp_path / "kkm.json", own_process=True)  # as a hotel runs it, its login given
    monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)  # the workstation's, never the database's
    monkeypatch.setenv("KKMSERVER_PASSWORD", PASSWORD)
    try:
        code = main(["--database", sqlite_url, "registers", "set", "FP-1", "--kind", "kkmserver", "--address",
                     server.address, "--device-id", "1", "--taxation", "osn", "--vat", "20=vat20, none=none"])
        assert code == 0, capsys.readouterr().err
        out = _status_listed(sqlite_url, capsys)
        server.control("fault", fault="paper")
        out_of_paper = _status_listed(sqlite_url, capsys)
    finally:
        server.stop()
    line = next(n for n, text in enumerate(out) if text.startswith("FP-1: "))
    assert f"[kkmserver], at {server.address} device 1, taxation osn" in out[line]
    assert out[line + 1] == "    shift 0: closed"
    assert out_of_paper[line + 1] == "    shift 0: closed; out of paper"


@pytest.mark.parametrize(("arguments", "refusal"), [
    (["--kind", "atol", "--address", "http://127.0.0.1:16732"], "needs its taxation system"),
    (["--kind", "atol", "--address", "16732", "--taxation", "osn"], "its server's URL"),
    (["--vat", "20=vat18"], "no rate=VAT code pair"),
    (["--kind", "atol", "--address", "http://127.0.0.1:16732", "--taxation", "simple", "--vat", "20=vat20"],
     "A taxation system is one of"),
    (["--kind", "kkmserver", "--address", "http://User:secret@127.0.0.1:5893", "--taxation", "osn", "--vat",
      "20=vat20"], "no login or password in it: they stay in the workstation's KKMSERVER_LOGIN"),
])
def test_a_register_set_wrong_is_refused_and_nothing_changes(sqlite_hotel: Hotel, sqlite_url: str,
                                                             capsys: pytest.CaptureFixture[str], arguments, refusal):
    assert main(["--database", sqlite_url, "registers", "set", "FP-1", *arguments]) == 1
    assert refusal in capsys.readouterr().err
    assert sqlite_hotel.query(register_settings, "FP-1").kind.value == "escpos"


def test_a_cashier_may_not_change_a_register(sqlite_hotel: Hotel):
    from desk.fiscal.settings import set_register
    from desk.people.models import Role
    from desk.people.rights import MissingRight

    with pytest.raises(MissingRight):
        sqlite_hotel.as_role(Role.CASHIER).run(set_register, "FP-1", kind="atol", address="http://127.0.0.1:1",
                                               taxation="osn", vat_map={"20": "vat20"})
    assert sqlite_hotel.query(register_settings, "FP-1").kind.value == "escpos"


def test_an_erpnet_register_takes_tax_groups_and_one_whose_server_is_down_journals_nothing(sqlite_hotel: Hotel):
    from desk.core.errors import InvalidInput
    from desk.db.runner import Runner
    from desk.fiscal.errors import RegisterUnreachable
    from desk.fiscal.settings import set_register
    from desk.fiscal.workflow import Registers, print_receipt
    from desk.journal.intents import unresolved
    from desk.people.models import Role

    from .fiscal_rig import paid_bill

    manager = sqlite_hotel.as_role(Role.MANAGER)
    with pytest.raises(InvalidInput, match="takes the VAT codes А, Б"):  # ATOL's codes mean nothing to it
        manager.run(set_register, "FP-1", kind="erpnet", address="http://127.0.0.1:1", vat_map={"20": "vat20"})
    manager.run(set_register, "FP-1", kind="erpnet", address="http://127.0.0.1:1", vat_map={"9": "Г", "20": "Б"})
    cashier = sqlite_hotel.as_role(Role.CASHIER)
    payment_id = paid_bill(cashier)
    with pytest.raises(RegisterUnreachable, match="does not answer"):
        print_receipt(Runner(sqlite_hotel.database), cashier.actor, payment_id, "FP-1", registers=Registers())
    assert sqlite_hotel.query(unresolved) == []


def test_a_kkm_server_refusing_the_workstations_login_is_said_on_its_line_and_the_list_goes_on(
        sqlite_hotel: Hotel, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch):
    server = start_kkm_server(tmp_path / "kkm.json")
    monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)
    monkeypatch.setenv("KKMSERVER_PASSWORD", "not-its-password")
    try:
        assert main(["--database", sqlite_url, "registers", "set", "FP-1", "--kind", "kkmserver", "--address",
                     server.address, "--taxation", "osn", "--vat", "20=vat20, none=none"]) == 0
        out = _status_listed(sqlite_url, capsys)
    finally:
        server.stop()
    line = next(n for n, text in enumerate(out) if text.startswith("FP-1: "))
    assert out[line + 1].startswith("    refused: KKM-server at ") and "KKMSERVER_PASSWORD" in out[line + 1]
    codes = [settings.code for settings in sqlite_hotel.query(all_register_settings)]
    assert [text.split(":")[0] for text in out if not text.startswith(" ")] == codes  # none left out after FP-1


def test_a_register_is_set_to_an_erpnet_printer_with_tax_groups_and_listed_with_its_state(
        sqlite_hotel: Hotel, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from .erpnet_rig import start_erpnet_server

    server = start_erpnet_server(tmp_path / "fm.json", own_process=True)  # as a hotel runs it
    try:
        code = main(["--database", sqlite_url, "registers", "set", "FP-1", "--kind", "erpnet", "--address",
                     server.address, "--device-id", "dt279013", "--vat", "9=г, 20=Б, none=А"])
        assert code == 0, capsys.readouterr().err
        listed = _status_listed(sqlite_url, capsys)
        server.control("fault", fault="paper_low")
        server.control("fault", fault="cutter")
        faulty = _status_listed(sqlite_url, capsys)
        server.control("fault", fault="paper")
        out_of_paper = _status_listed(sqlite_url, capsys)
    finally:
        server.stop()
    line = next(n for n, text in enumerate(listed) if text.startswith("FP-1: "))
    assert f"[erpnet], at {server.address} device dt279013, VAT none=А,20=Б,9=Г" in listed[line]
    assert listed[line + 1] == "    DT279013 Datecs FP-2000: ready"
    # The printer's own words on each fault, and the desk's on its paper: a jammed cutter is never "ready".
    assert faulty[line + 1] == ("    DT279013 Datecs FP-2000: printer not ready (The printer's cutter is jammed. "
                                "Open the cover, clear it and close it.); paper low"), faulty[line + 1]
    assert out_of_paper[line + 1] == "    DT279013 Datecs FP-2000: out of paper", out_of_paper[line + 1]
