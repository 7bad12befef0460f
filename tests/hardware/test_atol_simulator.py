"""The ATOL web server fake is as strict as the driver's task API: what it refuses, and how it numbers."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hardware.simulators import atol
from hardware.simulators.atol import AtolServer, serve


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AtolServer]:
    running = serve(0, tmp_path / "fn.json")
    yield running
    running.shutdown()
    running.server_close()


def url(server: AtolServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def task(server: AtolServer, uuid: str, *tasks: dict[str, Any]) -> dict[str, Any]:
    posted = httpx.post(url(server, "/api/v2/requests"), json={"uuid": uuid, "request": list(tasks)})
    assert posted.status_code == 201, posted.text
    return httpx.get(url(server, f"/api/v2/requests/{uuid}")).json()["results"][-1]


OPERATOR = {"name": "Иванова А.", "vatin": "123456789047"}


def sell(total: float = 100.0, **change: Any) -> dict[str, Any]:
    item = {"type": "position", "name": "Проживание", "price": total, "quantity": 1, "amount": total,
            "tax": {"type": "vat20"}, "paymentMethod": "fullPayment", "paymentObject": "service"}
    body = {"type": "sell", "taxationType": "osn", "operator": OPERATOR, "items": [item],
            "payments": [{"type": "cash", "sum": total}], "clientInfo": {"emailOrPhone": "+79161234567"}}
    body.update(change)
    return body


def test_a_sale_in_an_open_shift_gets_its_fiscal_params_numbered_after_the_shift_opening(server):
    opened = task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    assert opened["status"] == "ready" and opened["result"]["fiscalParams"]["fiscalDocumentNumber"] == 1
    sold = task(server, "sale-1", sell())
    params = sold["result"]["fiscalParams"]
    assert sold["status"] == "ready" and sold["errorCode"] == 0
    assert params["fiscalDocumentNumber"] == 2 and params["fiscalReceiptNumber"] == 1 and params["total"] == 100.0
    assert len(params["fiscalDocumentSign"]) == 10 and params["fnNumber"] and params["registrationNumber"]
    assert server.storage.documents()[-1]["clientInfo"] == {"emailOrPhone": "+79161234567"}


def test_a_sale_outside_a_shift_is_refused_with_the_drivers_closed_shift_error(server):
    refused = task(server, "sale-1", sell())
    assert refused["status"] == "error" and refused["errorCode"] == atol.DENIED_IN_CLOSED_SHIFT
    assert server.storage.documents() == []


def test_a_shift_older_than_24_hours_refuses_a_sale_but_takes_its_z(server):
    task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    httpx.post(url(server, "/sim/age_shift"), json={"hours": 25})
    refused = task(server, "sale-1", sell())
    assert refused["errorCode"] == atol.SHIFT_EXPIRED and refused["errorDescription"] == "Смена превысила 24 часа"
    closed = task(server, "z-1", {"type": "closeShift", "operator": OPERATOR})
    assert closed["status"] == "ready" and closed["result"]["fiscalParams"]["fiscalDocumentNumber"] == 2


@pytest.mark.parametrize("item_change, code", [
    ({"tax": None}, atol.INVALID_TAX_TYPE),
    ({"tax": {"type": "vat18"}}, atol.INVALID_TAX_TYPE),
    ({"amount": 99.99}, atol.INVALID_TOTAL),
    ({"paymentObject": None}, atol.NO_REQUIRED_FISCAL_PROPERTY),
])
def test_an_item_without_its_vat_or_with_wrong_amounts_is_refused(server, item_change, code):
    task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    body = sell()
    body["items"][0].update(item_change)
    body["items"][0] = {k: v for k, v in body["items"][0].items() if v is not None}
    refused = task(server, "sale-1", body)
    assert refused["status"] == "error" and refused["errorCode"] == code
    assert len(server.storage.documents()) == 1


def test_a_malformed_task_is_refused_and_kept_nowhere(server):
    for body in ({"request": [sell()]}, {"uuid": "x", "request": []}, {"uuid": "x", "request": [{"type": "sale"}]}):
        assert httpx.post(url(server, "/api/v2/requests"), json=body).status_code == 400
    assert httpx.post(url(server, "/api/v2/requests"), content=b"{not json").status_code == 400
    assert httpx.get(url(server, "/api/v2/requests/x")).status_code == 404


def test_a_uuid_posted_again_is_the_same_task_and_with_another_body_a_conflict(server):
    task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    task(server, "sale-1", sell())
    again = httpx.post(url(server, "/api/v2/requests"), json={"uuid": "sale-1", "request": [sell()]})
    assert again.status_code == 201
    other = httpx.post(url(server, "/api/v2/requests"), json={"uuid": "sale-1", "request": [sell(50.0)]})
    assert other.status_code == 409
    assert len(server.storage.documents()) == 2


@pytest.mark.parametrize("fault, code", [
    ("paper", atol.NO_PAPER), ("fn_full", atol.FN_OVERFLOW), ("fn_expired", atol.FN_EXPIRED),
    ("ofd_offline", atol.FN_RESOURCE_HAS_EXPIRED)])
def test_a_device_fault_refuses_the_receipt_with_its_code(server, fault, code):
    task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    httpx.post(url(server, "/sim/fault"), json={"fault": fault})
    refused = task(server, "sale-1", sell())
    assert refused["errorCode"] == code and refused["errorDescription"] == atol.DESCRIPTIONS[code]
    assert len(server.storage.documents()) == 1


def test_a_lost_answer_leaves_the_document_issued_and_the_task_readable(server):
    task(server, "open-1", {"type": "openShift", "operator": OPERATOR})
    httpx.post(url(server, "/sim/fault"), json={"fault": "lose_answer"})
    with pytest.raises(httpx.TransportError):
        httpx.post(url(server, "/api/v2/requests"), json={"uuid": "sale-1", "request": [sell()]})
    result = httpx.get(url(server, "/api/v2/requests/sale-1")).json()["results"][0]
    assert result["status"] == "ready" and result["result"]["fiscalParams"]["fiscalDocumentNumber"] == 2
    httpx.post(url(server, "/sim/forget_tasks"), json={})
    assert httpx.get(url(server, "/api/v2/requests/sale-1")).status_code == 404
    last = task(server, "last-1", {"type": "getLastFiscalParams", "forReceipt": True})
    assert last["result"]["fiscalParams"]["fiscalDocumentNumber"] == 2


def test_it_runs_as_its_own_process_and_keeps_its_fiscal_storage_across_runs(tmp_path: Path):
    state = tmp_path / "fn.json"
    for expected in (1, 2):
        child = subprocess.Popen([sys.executable, "-m", "hardware.simulators.atol", "--port", "0", "--state",
                                  str(state)], stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None
            address = child.stdout.readline().split()[-1]
            kind = "openShift" if expected == 1 else "closeShift"
            httpx.post(f"{address}/api/v2/requests",
                       json={"uuid": f"u{expected}", "request": [{"type": kind, "operator": OPERATOR}]})
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                results = httpx.get(f"{address}/api/v2/requests/u{expected}").json()["results"]
                if results[0]["status"] == "ready":
                    break
            assert results[0]["result"]["fiscalParams"]["fiscalDocumentNumber"] == expected
        finally:
            child.terminate()
            child.wait(5)
