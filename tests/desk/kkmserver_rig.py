"""A Russian hotel whose register FP-1 is reached through the fake KKM-server, run as its own process."""

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
LOGIN, PASSWORD = "User", "kkm-secret"


@dataclass
class KkmServerProcess:
    """``python -m hardware.simulators.kkmserver`` on a free loopback port, its register in ``state``."""

    process: subprocess.Popen[str]
    address: str
    state: Path

    def control(self, command: str, **body: Any) -> None:
        httpx.post(f"{self.address}/sim/{command}", json=body).raise_for_status()

    def documents(self) -> list[dict[str, Any]]:
        """Read from the register's file, as the fake keeps it whoever asked and whatever became of them."""
        return list(json.loads(self.state.read_text("utf-8"))["documents"]) if self.state.exists() else []

    def receipts(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if d["Command"] == "RegisterCheck"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def start_kkm_server(state: Path) -> KkmServerProcess:
    process = subprocess.Popen([sys.executable, "-m", "hardware.simulators.kkmserver", "--port", "0", "--state",
                                str(state), "--login", LOGIN, "--password", PASSWORD],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    address = process.stdout.readline().split()[-1]
    assert address.startswith("http://127.0.0.1:"), address
    return KkmServerProcess(process, address, state)


def kkm_hotel(hotel: Hotel, server: KkmServerProcess, *, open_shift: bool = True) -> AtolHotel:
    """The hotel with FP-1 a KKM-server register following the cashier's shift (the workstation's
    environment holds KKM-server's login and password: set by the test)."""
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="kkmserver", address=server.address, device_id="1", taxation="osn",
                vat_map={"20": "vat20", "": "none"}, workstation=manager.actor.workstation)
    rig = AtolHotel(hotel.as_role(Role.CASHIER), server, Registers(), Runner(hotel.database))  # type: ignore[arg-type]
    if open_shift:
        rig.open_register_shift()
    return rig
