"""A Russian hotel whose register FP-1 is reached through the fake KKM-server."""

from __future__ import annotations

from pathlib import Path

from desk.db.runner import Runner
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import Registers
from desk.people.models import Role

from .atol_rig import AtolHotel
from .conftest import Hotel
from .register_server_rig import FakeRegisterServer, start_fake_server

LOGIN, PASSWORD = "User", "kkm-secret"


class KkmServerProcess(FakeRegisterServer):
    """KKM-server's fake (hardware.simulators.kkmserver) on a free loopback port, its register in ``state``."""

    module = "hardware.simulators.kkmserver"
    type_field = "Command"
    receipt_types = ("RegisterCheck",)


def start_kkm_server(state: Path, *, own_process: bool = False) -> KkmServerProcess:
    return start_fake_server(KkmServerProcess, state, own_process=own_process, login=LOGIN, password=PASSWORD)


def kkm_hotel(hotel: Hotel, server: KkmServerProcess, *, open_shift: bool = True) -> AtolHotel:
    """The hotel with FP-1 a KKM-server register following the cashier's shift (the workstation's
    environment holds KKM-server's login and password: set by the test)."""
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="kkmserver", address=server.address, device_id="1", taxation="osn",
                vat_map={"20": "vat20", "": "none"}, workstation=manager.actor.workstation)
    rig = AtolHotel(hotel.as_role(Role.CASHIER), server, Registers(), Runner(hotel.database))
    if open_shift:
        rig.open_register_shift()
    return rig
