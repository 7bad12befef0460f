"""A simulated printer reachable over each transport, for the fault tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.simulators.printer import PtyPrinter, TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from hardware.simulators.printer_usb import SimulatedUsbBackend, SimulatedUsbPrinter
from hardware.transport.file import FileTransport
from hardware.transport.serial import SerialTransport
from hardware.transport.tcp import TcpTransport
from hardware.transport.usb import UsbTransport

KINDS = ("tcp", "serial", "usb", "file")


@dataclass
class Rig:
    kind: str
    engine: SimulatedPrinter
    printer: EscposPrinter
    stall: Callable[[bool], None]
    unplug: Callable[[], None]
    extra: dict[str, object] = field(default_factory=dict)


@contextmanager
def printer_rig(kind: str, *, profile: str = "TM-T20II", chunk_size: int = 256) -> Iterator[Rig]:
    engine = SimulatedPrinter(profile=profile)
    # Long enough for a loaded machine to answer, short enough for the timeout tests to be quick.
    settings = dict(status_timeout=1.0, write_timeout=1.0, chunk_size=chunk_size)
    prof = PrinterProfile.from_capabilities(profile)
    if kind == "tcp":
        server = TcpPrinterServer(engine, port=0).start()
        printer = EscposPrinter(TcpTransport("127.0.0.1", server.port), prof, **settings)  # type: ignore[arg-type]
        rig = Rig(kind, engine, printer, server.stall, server.power_off, {"server": server})
        stop: Callable[[], None] = server.stop
    elif kind in ("serial", "file"):
        pty = PtyPrinter(engine).start()
        transport = SerialTransport(pty.path, 115200) if kind == "serial" else FileTransport(pty.path)
        printer = EscposPrinter(transport, prof, **settings)  # type: ignore[arg-type]
        rig = Rig(kind, engine, printer, pty.stall, pty.unplug, {"pty": pty})
        stop = pty.stop
    elif kind == "usb":
        device = SimulatedUsbPrinter(engine)
        backend = SimulatedUsbBackend(device)

        def stall(on: bool) -> None:
            device.write_stall = on
            engine_stalled["on"] = on

        engine_stalled = {"on": False}

        def unplug() -> None:
            device.unplugged = True

        transport_usb = UsbTransport(device.vendor_id, device.product_id, device.serial_number, backend=backend)
        printer = EscposPrinter(transport_usb, prof, **settings)  # type: ignore[arg-type]
        rig = Rig(kind, engine, printer, stall, unplug, {"device": device, "backend": backend})
        stop = lambda: None  # noqa: E731
    else:
        raise ValueError(kind)
    try:
        yield rig
    finally:
        printer.close()
        stop()
