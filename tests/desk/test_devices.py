"""Devices from configuration: printers per workstation, the drawer and its log, live states."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest

from desk.core.errors import InvalidInput
from desk.devices.printers import (
    DeviceHub,
    NoDrawer,
    add_printer,
    drawer_for_payment,
    drawer_openings,
    open_drawer,
    printer_settings,
    remove_printer,
    update_printer,
)
from desk.ledger.payments import Tender, refund_payment, take_payment
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.reservations import post_night
from hardware.escpos import printer_from_url
from hardware.escpos.owners import PrinterOwners
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter

from .conftest import MISSING_RIGHT, Hotel, refused


@pytest.fixture
def simulator() -> Iterator[tuple[SimulatedPrinter, str]]:
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    yield engine, f"tcp://127.0.0.1:{server.port}"
    server.stop()


def test_printers_are_kept_per_workstation(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    first = manager.run(add_printer, "FRONT-1", "Receipts", "tcp://10.0.0.5:9100", paper_mm=80,
                        register_code="FP-1", drawer=True)
    manager.run(add_printer, "FRONT-1", "Kitchen", "usb://04b8:0202/J2XF01", profile="TM-T88V", paper_mm=80)
    manager.run(add_printer, "FRONT-2", "Receipts", "serial:///dev/ttyUSB0?baudrate=19200", paper_mm=58)

    front1 = hotel.query(printer_settings, "FRONT-1")
    assert [(p.name, p.url, p.register_code, p.drawer) for p in front1] == [
        ("Kitchen", "usb://04b8:0202/J2XF01", None, False),
        ("Receipts", "tcp://10.0.0.5:9100", "FP-1", True),
    ]
    assert [p.paper_mm for p in hotel.query(printer_settings, "FRONT-2")] == [58]

    kitchen = front1[0]
    changed = manager.run(update_printer, kitchen.id, "Kitchen", "file:///dev/usb/lp0", profile="TM-T88V",
                          paper_mm=58, drawer=True)
    assert changed.url == "file:///dev/usb/lp0" and changed.drawer
    # One drawer a workstation: the other printer lost it.
    assert [(p.name, p.drawer) for p in hotel.query(printer_settings, "FRONT-1")] == [
        ("Kitchen", True), ("Receipts", False)]

    manager.run(remove_printer, first.id)
    assert [p.name for p in hotel.query(printer_settings, "FRONT-1")] == ["Kitchen"]
    assert [p.name for p in hotel.query(printer_settings, "FRONT-2")] == ["Receipts"]


NOT_A_PRINTER_URL = "{url} is not a printer address: use tcp://, serial://, usb:// or file://"


@pytest.mark.parametrize("url, paper, profile, field, template", [
    ("lpt1", 80, "TM-T20II", "url", NOT_A_PRINTER_URL),
    ("http://printer", 80, "TM-T20II", "url", NOT_A_PRINTER_URL),
    ("usb://epson", 80, "TM-T20II", "url", NOT_A_PRINTER_URL),
    ("tcp://", 80, "TM-T20II", "url", NOT_A_PRINTER_URL),
    ("tcp://10.0.0.5", 76, "TM-T20II", "paper", "Paper is 58 or 80 mm wide"),
    ("tcp://10.0.0.5", 80, "No Such Model", "profile", "There is no printer profile “{profile}”"),
])
def test_bad_settings_are_refused_and_nothing_is_written(sqlite_hotel: Hotel, url, paper, profile, field, template):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    refused(sqlite_hotel, InvalidInput, template,
            lambda: manager.run(add_printer, "FRONT-1", "P", url, paper_mm=paper, profile=profile), field=field)


def test_a_duplicate_name_and_an_unknown_register_are_refused(sqlite_hotel: Hotel):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(add_printer, "FRONT-1", "P", "tcp://10.0.0.5")
    refused(sqlite_hotel, InvalidInput, "{workstation} already has a printer “{name}”",
                    lambda: manager.run(add_printer, "FRONT-1", "P", "tcp://10.0.0.6"), field="name")
    refused(sqlite_hotel, InvalidInput, "There is no cash register “{register}”",
                    lambda: manager.run(add_printer, "FRONT-1", "Q", "tcp://10.0.0.6",
                                        register_code="NOPE"), field="register")


@pytest.mark.parametrize("role", [Role.CLERK, Role.CASHIER])
def test_only_a_manager_manages_devices(sqlite_hotel: Hotel, role: Role):
    refused(sqlite_hotel, MissingRight, MISSING_RIGHT, lambda: sqlite_hotel.as_role(role).run(
        add_printer, "FRONT-1", "P", "tcp://10.0.0.5"))


def test_without_settings_a_workstation_has_no_printers_whatever_the_registers(sqlite_hotel: Hotel):
    assert sqlite_hotel.query(printer_settings, "FRONT-9") == []
    sqlite_hotel.as_role(Role.MANAGER).run(add_printer, "FRONT-9", "Mine", "tcp://10.0.0.7", register_code="FP-1")
    assert [(p.url, p.register_code) for p in sqlite_hotel.query(printer_settings, "FRONT-9")] == [
        ("tcp://10.0.0.7", "FP-1")]


def test_live_state_of_a_simulated_printer_and_of_one_that_is_away(sqlite_hotel: Hotel, simulator):
    engine, url = simulator
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(add_printer, "TEST-1", "Sim", url, register_code="FP-1", drawer=True)
    manager.run(add_printer, "TEST-1", "Away", "tcp://127.0.0.1:1")  # nothing listens on port 1
    hub = DeviceHub("TEST-1", status_timeout=1.0)
    try:
        with sqlite_hotel.database.unit_of_work() as session:
            hub.load(session)
        engine.fail("paper_out")
        away, sim = hub.states()
        assert sim.online is False and sim.status is not None and sim.status.paper_out
        assert sim.status.drawer_open is False
        assert away.status is None and away.error and away.error_code.startswith("device.")
        assert "not answering" in away.describe()
        engine.recover()
        kick = hub.kick_drawer()
        assert engine.drawer_kicks == 1 and kick.drawer_open is True
        assert hub.register_states()["FP-1"].ready
    finally:
        hub.close()


def test_a_status_question_behind_a_long_receipt_says_busy_within_the_status_timeout(sqlite_hotel: Hotel,
                                                                                     simulator):
    engine, url = simulator
    sqlite_hotel.as_role(Role.MANAGER).run(add_printer, "TEST-1", "Sim", url, register_code="FP-1")
    owners = PrinterOwners()
    hub = DeviceHub("TEST-1", status_timeout=0.5, job_timeout=60.0, owners=owners)
    register = owners.lease(printer_from_url(url))  # the fiscal register's lease on the same printer
    printing, done = threading.Event(), threading.Event()

    def long_receipt(_printer: object, _cancel: threading.Event) -> None:
        printing.set()
        done.wait(30)  # a receipt on a printer that has stalled, until its job timeout

    try:
        with sqlite_hotel.database.unit_of_work() as session:
            hub.load(session)
        engine.fail("paper_out")  # what the status would say, had it been asked
        receipt = register.submit(long_receipt, timeout=60, label="fiscal receipt")
        assert printing.wait(30)
        (state,) = hub.states()
        assert not done.is_set()  # answered while the receipt still held the printer
        assert state.status is None and state.error_code == "device.busy"
        done.set()
        receipt.result(30)
        (state,) = hub.states()
        assert state.status is not None and state.status.paper_out
    finally:
        done.set()
        hub.close()
        register.release(wait=30)


def test_a_cash_payment_opens_the_drawer_once_and_is_logged(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_night, stay.reservation_id, date.today())  # 100 owed
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("10")))
    opening = hotel.run(drawer_for_payment, paid.id)
    assert opening is not None and opening.payment_id == paid.id and opening.opened_by == hotel.actor.username
    refused(hotel, InvalidInput, "The drawer was already opened for payment {payment}",
                    lambda: hotel.run(drawer_for_payment, paid.id), field="payment")
    card = hotel.run(take_payment, stay.bill_id, Tender("card", hotel.money("10")))
    assert hotel.run(drawer_for_payment, card.id) is None
    # A clerk cannot refund, so cannot open the drawer for a refund either.
    cashier = hotel.as_role(Role.CASHIER)
    refund = cashier.run(refund_payment, paid.id, hotel.money("5"))
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(drawer_for_payment, refund.id))
    assert cashier.run(drawer_for_payment, refund.id) is not None


def test_open_drawer_is_refused_to_a_clerk_and_logged_for_a_cashier(hotel: Hotel):
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(open_drawer))
    cashier = hotel.as_role(Role.CASHIER)
    cashier.run(open_drawer)
    (opening,) = hotel.query(drawer_openings, "TEST-1")
    assert opening.opened_by == cashier.actor.username and opening.payment_id is None and opening.opened_at


def test_no_drawer_configured_is_said_plainly():
    hub = DeviceHub("NOWHERE")
    with pytest.raises(NoDrawer):
        hub.kick_drawer()
    hub.close()
