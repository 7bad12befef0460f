"""USB: the real pyusb code and our transport against an injected pyusb backend that is the printer."""

from __future__ import annotations

import pytest

from hardware.discovery import list_usb_printers
from hardware.errors import DeviceBusy, DeviceNotFound, DeviceTimeout, DeviceUnplugged
from hardware.escpos.printer import EscposPrinter
from hardware.interfaces import ReceiptDocument, Text
from hardware.simulators.printer_engine import SimulatedPrinter
from hardware.simulators.printer_usb import SimulatedUsbBackend, SimulatedUsbPrinter
from hardware.transport.url import transport_from_url
from hardware.transport.usb import UsbTransport


def doc(lines: int = 20) -> ReceiptDocument:
    return ReceiptDocument(tuple(Text(f"Ред {n} — нощувка") for n in range(lines)), label="sale 7")


@pytest.fixture
def bus():
    first = SimulatedUsbPrinter(SimulatedPrinter(), serial_number="AAA111", address=4)
    second = SimulatedUsbPrinter(SimulatedPrinter(), serial_number="BBB222", address=5)
    return first, second, SimulatedUsbBackend(first, second)


def test_matched_by_serial_number_and_the_kernel_driver_given_back(bus):
    first, second, backend = bus
    transport = transport_from_url("usb://04b8:0202/BBB222", usb_backend=backend)
    printer = EscposPrinter(transport)
    printer.print_document(doc(2))
    assert "Ред 1 — нощувка" in second.engine.text()
    assert first.engine.received == 0
    assert second.detach_calls == 1 and second.claimed
    printer.close()
    assert second.attach_calls == 1 and second.kernel_driver_active and not second.claimed
    # First one found without a serial number.
    with UsbTransport(0x04B8, 0x0202, backend=backend) as t:
        t.write(b"\x1b@", 1)
    assert first.engine.received == 2


def test_not_found_and_busy_are_told_plainly(bus):
    _, second, backend = bus
    with pytest.raises(DeviceNotFound, match="serial number ZZZ"):
        UsbTransport(0x04B8, 0x0202, "ZZZ", backend=backend).open()
    with pytest.raises(DeviceNotFound):
        UsbTransport(0x0519, 0x0001, backend=backend).open()
    second.held_elsewhere = True
    transport = UsbTransport(0x04B8, 0x0202, "BBB222", backend=backend)
    with pytest.raises(DeviceBusy) as info:
        transport.open()
    assert "CUPS" in str(info.value) and info.value.code == "device.busy"
    # Nothing left half-open: the kernel driver we detached is back.
    assert not transport.is_open and second.kernel_driver_active


def test_write_timeout_is_never_forever(bus):
    first, _, backend = bus
    printer = EscposPrinter(UsbTransport(0x04B8, 0x0202, "AAA111", backend=backend), write_timeout=0.2)
    printer.status()
    first.write_stall = True  # the backend also refuses timeout 0, which would mean forever
    with pytest.raises(DeviceTimeout) as info:
        printer.print_document(doc())
    assert info.value.params["bytes_sent"] == 0


def test_unplugged_mid_job_reports_progress_and_replug_works(bus):
    first, _, backend = bus
    printer = EscposPrinter(UsbTransport(0x04B8, 0x0202, "AAA111", backend=backend), chunk_size=128)
    total = len(printer.render(doc()))
    printer.status()
    first.unplug_after = 300
    with pytest.raises(DeviceUnplugged) as info:
        printer.print_document(doc())
    assert 0 < info.value.params["bytes_sent"] < total
    assert info.value.params["total_bytes"] == total
    assert "outcome is unknown" in str(info.value)
    assert not printer.transport.is_open
    with pytest.raises(DeviceNotFound):
        printer.status()
    # Plugged back in (the kernel's usblp takes it first, as in life): the next job reopens.
    first.unplugged, first.unplug_after, first.kernel_driver_active = False, None, True
    first.engine.reset_output()
    printer.print_document(doc(2).as_copy())
    assert first.engine.text().splitlines()[0] == "*** COPY ***"


def test_discovery_lists_printers(bus):
    _, _, backend = bus
    found = list_usb_printers(backend)
    assert [(p.serial_number, p.printer_class, p.url) for p in found] == [
        ("AAA111", True, "usb://04b8:0202/AAA111"),
        ("BBB222", True, "usb://04b8:0202/BBB222"),
    ]
    assert "Simulated ESC/POS receipt printer" in found[0].describe()


class _HidBackend(SimulatedUsbBackend):
    """A mouse on the bus: its interface is class 3 (HID)."""

    def get_interface_descriptor(self, dev, intf, alt, config):
        descriptor = super().get_interface_descriptor(dev, intf, alt, config)
        descriptor.__dict__["bInterfaceClass"] = 3
        return descriptor


def test_discovery_skips_what_is_not_a_printer():
    mouse = SimulatedUsbPrinter(SimulatedPrinter(), vendor_id=0x046D, product_id=0xC077)
    assert list_usb_printers(_HidBackend(mouse)) == []
    assert len(list_usb_printers(SimulatedUsbBackend(mouse))) == 1


def test_why_not_python_escpos_own_usb_class(bus):
    """python-escpos's Usb printer, on the same injected backend, passes libusb timeout 0 (forever):
    the backend refuses it. That is why our transport carries the bytes."""
    from escpos.printer import Usb

    first, _, backend = bus
    first.kernel_driver_active = False
    escpos_usb = Usb(0x04B8, 0x0202, usb_args={"backend": backend, "serial_number": "AAA111"})
    escpos_usb.open()
    with pytest.raises(AssertionError, match="timeout 0 waits forever"):
        escpos_usb.textln("hello")
