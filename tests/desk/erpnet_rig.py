"""A Bulgarian hotel whose register FP-1 is a fiscal printer behind the fake ErpNet.FP, run as its own process."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from desk.db.runner import Runner
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import Registers
from desk.people.models import Role

from .atol_rig import AtolHotel
from .conftest import Hotel

ROOT = Path(__file__).resolve().parents[2]
PRINTER = "dt279013"


@dataclass
class ErpNetServerProcess:
    """``python -m hardware.simulators.erpnet`` on a free loopback port, its printer's fiscal memory in ``state``."""

    process: subprocess.Popen[str]
    address: str
    state: Path

    def control(self, command: str, **body: Any) -> None:
        httpx.post(f"{self.address}/sim/{command}", json=body).raise_for_status()

    def documents(self) -> list[dict[str, Any]]:
        """Read from the fiscal memory's file, as the fake keeps it whoever asked and whatever became of them."""
        return list(json.loads(self.state.read_text("utf-8"))["documents"]) if self.state.exists() else []

    def receipts(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if d["type"] in ("receipt", "reversalreceipt")]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def start_erpnet_server(state: Path) -> ErpNetServerProcess:
    process = subprocess.Popen([sys.executable, "-m", "hardware.simulators.erpnet", "--port", "0", "--state",
                                str(state)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    address = process.stdout.readline().split()[-1]
    assert address.startswith("http://127.0.0.1:"), address
    return ErpNetServerProcess(process, address, state)


def erpnet_hotel(hotel: Hotel, server: ErpNetServerProcess, *, open_shift: bool = True) -> AtolHotel:
    """The hotel with FP-1 a fiscal printer through ErpNet.FP following the cashier's shift: accommodation in
    tax group Г (9 %), the rest in Б (20 %)."""
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="erpnet", address=server.address, device_id=PRINTER,
                vat_map={"9": "Г", "20": "Б", "": "А"}, workstation=manager.actor.workstation)
    rig = AtolHotel(hotel.as_role(Role.CASHIER), server, Registers(), Runner(hotel.database))  # type: ignore[arg-type]
    if open_shift:
        rig.open_register_shift()
    return rig
