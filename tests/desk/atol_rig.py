"""A Russian hotel whose register FP-1 is an ATOL register behind the fake web server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.cash.shifts import open_shift_of
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import Registers, print_shift_documents
from desk.people.models import Role

from .conftest import Hotel
from .fiscal_rig import paid_bill
from .register_server_rig import FakeRegisterServer, start_fake_server


class AtolServerProcess(FakeRegisterServer):
    """ATOL's fake web server (hardware.simulators.atol) on a loopback port, its fiscal storage in ``state``."""

    module = "hardware.simulators.atol"
    receipt_types = ("sell", "sellReturn")


def start_atol_server(state: Path, *, own_process: bool = False) -> AtolServerProcess:
    return start_fake_server(AtolServerProcess, state, own_process=own_process)


def atol_server(tmp_path: Path) -> Iterator[AtolServerProcess]:
    server = start_atol_server(tmp_path / "fn.json")
    yield server
    server.stop()


@dataclass
class AtolHotel:
    hotel: Hotel  # acted on by a cashier
    server: FakeRegisterServer  # ATOL's, KKM-server's or ErpNet.FP's fake
    registers: Registers
    runner: Runner

    def cash_shift_id(self) -> int:
        shift = self.hotel.query(open_shift_of, self.hotel.actor.workstation)
        assert shift is not None
        return int(shift.id)

    def open_register_shift(self) -> None:
        [opened] = print_shift_documents(self.runner, self.hotel.actor, self.cash_shift_id(), registers=self.registers)
        assert opened.problem is None, opened.problem

    def paid_bill(self, **kwargs: Any) -> int:
        kwargs.setdefault("lines", (("Проживание, номер 101", "3500", "VAT20"), ("Мини-бар", "450", "VAT20")))
        return paid_bill(self.hotel, **kwargs)


def atol_hotel(hotel: Hotel, server: AtolServerProcess, *, open_shift: bool = True) -> AtolHotel:
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="atol", address=server.address, taxation="osn",
                vat_map={"20": "vat20", "": "none"}, workstation=manager.actor.workstation)
    rig = AtolHotel(hotel.as_role(Role.CASHIER), server, Registers(), Runner(hotel.database))
    if open_shift:
        rig.open_register_shift()
    return rig


def in_roubles(database: Database) -> None:
    """The demo hotel (a Bulgarian one, in euros; SQLite) made a Russian one in roubles, as a registered register's
    is: every amount and currency the same figures in RUB."""
    from sqlalchemy import String, inspect, text

    with database.unit_of_work() as session:
        connection = session.connection()
        # The ledger's append-only guards stand aside while the throw-away copy is rewritten, then stand again.
        guards = connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
        for name, _sql in guards:
            connection.execute(text(f'DROP TRIGGER "{name}"'))
        for table in inspect(connection).get_table_names():
            for column in inspect(connection).get_columns(table):
                if isinstance(column["type"], String):
                    name = column["name"]
                    connection.execute(text(f'UPDATE "{table}" SET "{name}" = \'RUB\' || substr("{name}", 4) '
                                            f'WHERE "{name}" = \'EUR\' OR "{name}" LIKE \'EUR %\''))
        connection.execute(text("UPDATE hotel SET country = 'RU'"))
        for _name, sql in guards:
            connection.execute(text(sql))
