"""Time from "print this 30-line receipt" to the last byte handed to the transport.

    python bench/bench_receipt.py [--runs 50]

Target: under 50 ms, so the printer's own speed (about 0.6 s for a 15 cm receipt) is the only
wait. Measured per link: in memory (layout + status round trips with no I/O), TCP to the
simulator, USB through the simulated pyusb backend; and for a profile without a Cyrillic code
page, where every Cyrillic line is drawn as an image.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.interfaces import Amount, QrCode, ReceiptDocument, Row, Rule, Text
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import LoopbackTransport, SimulatedPrinter
from hardware.simulators.printer_usb import SimulatedUsbBackend, SimulatedUsbPrinter
from hardware.transport.base import Transport
from hardware.transport.tcp import TcpTransport
from hardware.transport.usb import UsbTransport


def receipt_30_lines() -> ReceiptDocument:
    blocks: list = [
        Text("Хотел Рила", "center", bold=True, large=True),
        Text("ул. Витоша 1, 1000 София, ЕИК 123456789", "center"),
        Rule(),
    ]
    blocks += [Row(f"Нощувка стая {200 + n}, 1 нощ", Amount(12000 + 100 * n, "BGN")) for n in range(20)]
    blocks += [
        Rule(),
        Row("ДДС 9%", Amount(21550, "BGN")),
        Row("ОБЩО", Amount(259000, "BGN"), bold=True),
        Row("В брой", Amount(260000, "BGN")),
        Row("Ресто", Amount(1000, "BGN")),
        Text("Документ 0000123, смяна 7", "center"),
        QrCode("https://example.org/r/0000123/1A2B3C4D", caption="1A2B3C4D"),
    ]
    return ReceiptDocument(tuple(blocks), kick_drawer=True, label="bench")


class LastWrite:
    """Notes when the last byte of a job was handed over."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.last_write = 0.0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def write(self, data: bytes, timeout: float) -> None:
        self.inner.write(data, timeout)
        self.last_write = time.perf_counter()


def measure(label: str, transport: Transport, profile: PrinterProfile, runs: int, engine: SimulatedPrinter) -> None:
    timed = LastWrite(transport)
    printer = EscposPrinter(timed, profile)  # type: ignore[arg-type]
    doc = receipt_30_lines()
    lines = sum(1 for _ in printer.layout.lines(doc))
    printer.print_document(doc)  # warm-up: imports, fonts, connection
    figures = []
    size = 0
    for _ in range(runs):
        engine.reset_output()
        start = time.perf_counter()
        result = printer.print_document(doc)
        # The status-after query is a write too; the job's last byte went just before it.
        figures.append((timed.last_write - start) * 1000)
        size = result.bytes_sent
    printer.close()
    figures.sort()
    p95 = figures[max(0, int(len(figures) * 0.95) - 1)]
    print(f"{label:<44} {lines:>3} lines {size:>6} B  median {statistics.median(figures):6.2f} ms  "
          f"p95 {p95:6.2f} ms  max {figures[-1]:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    cp866 = PrinterProfile.from_capabilities("TM-T20II")
    no_cyrillic = PrinterProfile.from_capabilities("TM-T88IV-SA")

    engine = SimulatedPrinter()
    measure("80 mm, CP866, in memory", LoopbackTransport(engine), cp866, runs, engine)

    engine = SimulatedPrinter(profile="TM-T88IV-SA")
    measure("80 mm, no Cyrillic page (images), in memory", LoopbackTransport(engine), no_cyrillic, runs, engine)

    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    try:
        measure("80 mm, CP866, TCP to the simulator", TcpTransport("127.0.0.1", server.port), cp866, runs, engine)
    finally:
        server.stop()

    engine = SimulatedPrinter()
    device = SimulatedUsbPrinter(engine)
    transport = UsbTransport(device.vendor_id, device.product_id, backend=SimulatedUsbBackend(device))
    measure("80 mm, CP866, USB (simulated pyusb backend)", transport, cp866, runs, engine)


if __name__ == "__main__":
    main()
