"""A Bulgarian hotel whose register FP-1 is a fiscal printer behind the fake ErpNet.FP."""

from __future__ import annotations

from pathlib import Path

from desk.db.runner import Runner
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import Registers
from desk.people.models import Role

from .atol_rig import AtolHotel
from .conftest import Hotel
from .register_server_rig import FakeRegisterServer, start_fake_server

PRINTER = "dt279013"


class ErpNetServerProcess(FakeRegisterServer):
    """ErpNet.FP's fake (hardware.simulators.erpnet) on a loopback port, its printer's fiscal memory in ``state``."""

    module = "hardware.simulators.erpnet"
    receipt_types = ("receipt", "reversalreceipt")


def start_erpnet_server(state: Path, *, own_process: bool = False) -> ErpNetServerProcess:
    return start_fake_server(ErpNetServerProcess, state, own_process=own_process)


def erpnet_hotel(hotel: Hotel, server: ErpNetServerProcess, *, open_shift: bool = True) -> AtolHotel:
    """The hotel with FP-1 a fiscal printer through ErpNet.FP following the cashier's shift: accommodation in
    tax group Г (9 %), the rest in Б (20 %)."""
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="erpnet", address=server.address, device_id=PRINTER,
                vat_map={"9": "Г", "20": "Б", "": "А"}, workstation=manager.actor.workstation)
    rig = AtolHotel(hotel.as_role(Role.CASHIER), server, Registers(), Runner(hotel.database))
    if open_shift:
        rig.open_register_shift()
    return rig
