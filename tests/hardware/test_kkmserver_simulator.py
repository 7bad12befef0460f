"""The KKM-server fake is as strict as KKM-server's published API: what it refuses, how it numbers, and
what a second command under one IdCommand and GetRezult answer."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hardware.simulators import kkmserver as fake
from hardware.simulators.kkmserver import KkmServer, serve

AUTH = ("User", "secret")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[KkmServer]:
    running = serve(0, tmp_path / "kkm.json", password="secret")
    yield running
    running.shutdown()
    running.server_close()


def execute(server: KkmServer, command: str, key: str, **fields: Any) -> dict[str, Any]:
    answer = httpx.post(f"http://127.0.0.1:{server.server_address[1]}/Execute", auth=AUTH,
                        json={"Command": command, "NumDevice": 0, "IdCommand": key, **fields})
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def check(total: float = 100.0, **change: Any) -> dict[str, Any]:
    line = {"Name": "Проживание", "Quantity": 1, "Price": total, "Amount": total, "Tax": 20,
            "SignMethodCalculation": 4, "SignCalculationObject": 4}
    body = {"IsFiscalCheck": True, "TypeCheck": 0, "CashierName": "Иванова А.", "TaxVariant": 0,
            "ClientAddress": "+79161234567", "CheckStrings": [{"PrintText": {"Text": "Номер 101"}}, {"Register": line}],
            "Cash": total, "ElectronicPayment": 0}
    body.update(change)
    return body


def test_without_its_credentials_nothing_is_executed(server):
    answer = httpx.post(f"http://127.0.0.1:{server.server_address[1]}/Execute", auth=("User", "wrong"),
                        json={"Command": "OpenShift", "IdCommand": "a", "CashierName": "Иванова А."})
    assert answer.status_code == 401 and server.register.documents() == []


def test_a_receipt_in_an_open_shift_is_numbered_and_its_qr_code_carries_its_fiscal_data(server):
    opened = execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    assert (opened["Status"], opened["CheckNumber"], opened["SessionNumber"]) == (fake.OK, 1, 1)
    sold = execute(server, "RegisterCheck", "sale-1", **check())
    assert sold["Status"] == fake.OK and sold["Error"] == "" and sold["CheckNumber"] == 2
    assert sold["QRCode"].startswith("t=") and "&s=100.00&fn=9999078902004388&i=2&fp=" in sold["QRCode"]
    assert sold["QRCode"].endswith("&n=1") and server.register.documents()[-1]["ClientAddress"] == "+79161234567"


def test_a_second_command_under_the_same_id_is_refused_as_already_done_and_issues_nothing(server):
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    first = execute(server, "RegisterCheck", "sale-1", **check())
    again = execute(server, "RegisterCheck", "sale-1", **check(250.0))
    assert (again["Status"], again["Error"]) == (fake.ALREADY_DONE, fake.ALREADY)
    assert len(server.register.documents()) == 2 and execute(server, "GetRezult", "sale-1")["Rezult"] == first


def test_a_command_that_failed_may_run_again_under_its_id(server):
    assert execute(server, "RegisterCheck", "sale-1", **check())["Status"] == fake.ERROR  # no shift yet
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    assert execute(server, "RegisterCheck", "sale-1", **check())["Status"] == fake.OK


def test_only_the_last_hundred_commands_are_kept_for_get_rezult(server):
    for n in range(101):
        execute(server, "XReport", f"x-{n}", CashierName="Иванова А.")
    assert execute(server, "GetRezult", "x-0")["Status"] == fake.NOT_FOUND
    assert execute(server, "GetRezult", "x-1")["Status"] == fake.OK


def test_get_rezult_finds_a_command_by_its_id_and_says_not_found_for_an_unknown_one(server):
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    sold = execute(server, "RegisterCheck", "sale-1", **check())
    found = execute(server, "GetRezult", "sale-1")
    assert found["Status"] == fake.OK and found["Rezult"] == sold
    unknown = execute(server, "GetRezult", "never-sent")
    assert (unknown["Status"], unknown["Error"], unknown["Rezult"]["Status"]) == (
        fake.NOT_FOUND, fake.UNKNOWN_ID, fake.NOT_FOUND)


@pytest.mark.parametrize(("change", "error"), [
    ({"CheckStrings": [{"PrintText": {"Text": "только текст"}}]}, fake.NO_REQUIRED_PROPERTY),
    ({"CashierName": ""}, fake.NO_CASHIER),
    ({"Cash": 50.0}, fake.NOT_FULLY_PAID),
    ({"Cash": 0, "ElectronicPayment": 150.0}, fake.INVALID_TOTAL),
    ({"ClientAddress": "8 916 123"}, fake.NO_REQUIRED_PROPERTY),
])
def test_a_receipt_the_api_does_not_take_is_an_error_and_issues_nothing(server, change, error):
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    refused = execute(server, "RegisterCheck", "bad", **check(**change))
    assert refused["Status"] == fake.ERROR and error in refused["Error"]
    assert len(server.register.documents()) == 1


def test_a_wrong_tax_code_is_refused(server):
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    body = check()
    body["CheckStrings"][1]["Register"]["Tax"] = 9
    assert fake.WRONG_VAT in execute(server, "RegisterCheck", "bad", **body)["Error"]
    del body["CheckStrings"][1]["Register"]["SignMethodCalculation"]
    assert fake.NO_METHOD in execute(server, "RegisterCheck", "bad-2", **body)["Error"]


def test_a_closed_or_expired_shift_and_the_registers_faults_refuse_with_the_drivers_texts(server):
    assert fake.SHIFT_CLOSED in execute(server, "RegisterCheck", "s0", **check())["Error"]
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    server.register.age_shift(25)
    info = execute(server, "GetDataKKT", "q-1")["Info"]
    assert info["SessionState"] == 3
    assert fake.SHIFT_EXPIRED in execute(server, "RegisterCheck", "s1", **check())["Error"]
    closed = execute(server, "CloseShift", "z-1", CashierName="Иванова А.")  # the Z still ends an expired shift
    assert closed["Status"] == fake.OK and execute(server, "GetDataKKT", "q-2")["Info"]["SessionState"] == 1
    execute(server, "OpenShift", "open-2", CashierName="Иванова А.")
    for fault, text in (("paper", fake.NO_PAPER), ("fn_full", fake.FN_OVERFLOW)):
        server.register.faults = {fault}
        assert text in execute(server, "RegisterCheck", f"s-{fault}", **check())["Error"]
    assert [d["Command"] for d in server.register.documents()] == ["OpenShift", "CloseShift", "OpenShift"]


def test_it_runs_as_its_own_process(tmp_path: Path):
    process = subprocess.Popen([sys.executable, "-m", "hardware.simulators.kkmserver", "--port", "0", "--state",
                                str(tmp_path / "kkm.json")], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        address = process.stdout.readline().split()[-1]
        answer = httpx.post(f"{address}/Execute", auth=("User", ""),
                            json={"Command": "GetDataKKT", "NumDevice": 0, "IdCommand": "q"})
        assert answer.json()["Info"]["SessionState"] == 1
    finally:
        process.terminate()
        process.wait(10)


def test_a_command_longer_than_its_timeout_answers_running_and_ends_on_its_own(server):
    execute(server, "OpenShift", "open-1", CashierName="Иванова А.")
    server.slow = 2.0
    running = execute(server, "RegisterCheck", "sale-1", Timeout=1, **check())
    assert running["Status"] == fake.RUNNING and execute(server, "GetRezult", "sale-1")["Rezult"]["Status"] == 1
    assert execute(server, "RegisterCheck", "sale-1", **check())["Status"] == fake.ALREADY_DONE  # still running
    deadline = time.monotonic() + 10
    while (found := execute(server, "GetRezult", "sale-1")["Rezult"])["Status"] == fake.RUNNING:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert found["Status"] == fake.OK and found["CheckNumber"] == 2 and len(server.register.documents()) == 2
