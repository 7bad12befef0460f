"""Device-file transport errors, connection URLs, the test page, discovery on this machine."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from hardware.discovery import list_usb_printers
from hardware.errors import (
    DeviceBusy,
    DeviceNotFound,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnplugged,
    PaperOut,
)
from hardware.escpos import printer_from_url
from hardware.escpos.testpage import test_page as make_test_page
from hardware.simulators.printer_engine import LoopbackTransport, PrintedLine, SimulatedPrinter
from hardware.transport.file import FileTransport
from hardware.transport.serial import SerialTransport
from hardware.transport.tcp import TcpTransport
from hardware.transport.url import transport_from_url
from hardware.transport.usb import UsbTransport


@pytest.mark.parametrize(("code", "kind"), [
    (errno.ENOSPC, PaperOut), (errno.ENODEV, DeviceUnplugged), (errno.EBUSY, DeviceBusy),
    (errno.ENOENT, DeviceNotFound), (errno.EIO, DeviceOffline),
])
def test_usblp_errors_become_ours(code, kind):
    transport = FileTransport("/dev/usb/lp0")
    error = transport._error(OSError(code, os.strerror(code)), "writing", bytes_sent=10)
    assert isinstance(error, kind)


def test_device_file_write_times_out_when_the_printer_takes_nothing():
    master, slave = os.openpty()
    try:
        with FileTransport(os.ttyname(slave)) as transport:
            with pytest.raises(DeviceTimeout) as info:
                transport.write(b"z" * 2_000_000, timeout=0.2)
            assert 0 < info.value.params["bytes_sent"] < 2_000_000
            with pytest.raises(DeviceTimeout):
                transport.read(1, timeout=0.05)
    finally:
        os.close(master)
        os.close(slave)


def test_missing_device_file():
    with pytest.raises(DeviceNotFound):
        FileTransport("/dev/usb/lp-none").open()


def test_urls():
    tcp = transport_from_url("tcp://10.0.0.5")
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port) == ("10.0.0.5", 9100)
    ser = transport_from_url("serial:///dev/ttyUSB0?baudrate=19200&rtscts=1")
    assert isinstance(ser, SerialTransport) and ser.settings["baudrate"] == 19200 and ser.settings["rtscts"]
    usb = transport_from_url("usb://04b8:0e15/X123")
    assert isinstance(usb, UsbTransport) and (usb.vendor_id, usb.product_id, usb.serial_number) == (
        0x04B8, 0x0E15, "X123")
    assert isinstance(transport_from_url("file:///dev/usb/lp0"), FileTransport)
    assert printer_from_url("file:///dev/usb/lp0").has_status is False
    assert printer_from_url("file:///dev/usb/lp0?read=1").has_status is True
    assert printer_from_url("tcp://h", profile="POS-5890").columns == 32
    for bad in ("tcp://", "usb://epson", "lpt://1", "serial://"):
        with pytest.raises(ValueError):
            transport_from_url(bad)


@pytest.mark.parametrize("profile", ["TM-T20II", "POS-5890"])
def test_test_page_prints_every_line(profile):
    engine = SimulatedPrinter(profile=profile)
    printer = printer_from_url("tcp://unused", profile=profile)
    printer.transport = LoopbackTransport(engine)
    printer.print_document(make_test_page("Front desk printer", printer.columns))
    texts = [i.text for i in engine.printed if isinstance(i, PrintedLine)]
    assert "".join(str(n % 10) for n in range(1, printer.columns + 1)) in texts  # the full-width ruler
    assert "Български: Щъркелите се разпръснаха по цялото небе." in " ".join(texts)
    assert engine.unknown == []


def test_discovery_on_this_machine_does_not_fail():
    # Whatever the machine has (often no libusb in CI): a list, never an exception.
    assert isinstance(list_usb_printers(), list)
    out = subprocess.run([sys.executable, "-m", "hardware.discovery"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout
