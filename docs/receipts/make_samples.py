"""Make the sample receipt PNGs in this folder from the bytes the printer simulator received.

    python docs/receipts/make_samples.py

Each document goes through the real driver and a real TCP connection to the simulator, which
decodes the ESC/POS stream (code pages, raster images, QR) and draws the paper.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from hardware.escpos.layout import PrinterProfile  # noqa: E402
from hardware.escpos.printer import EscposPrinter  # noqa: E402
from hardware.interfaces import Amount, Columns, QrCode, ReceiptDocument, Row, Rule, Text  # noqa: E402
from hardware.simulators.printer import TcpPrinterServer  # noqa: E402
from hardware.simulators.printer_engine import SimulatedPrinter  # noqa: E402
from hardware.transport.tcp import TcpTransport  # noqa: E402


def sale() -> ReceiptDocument:
    return ReceiptDocument(
        (
            Text("Хотел Рила", "center", bold=True, large=True),
            Text("ул. Витоша 1, 1000 София", "center"),
            Text("ЕИК 123456789", "center"),
            Rule(),
            Text("КАСОВА БЕЛЕЖКА", "center", bold=True),
            Columns(("Стая 204", "2 нощи", Amount(24000, "BGN")), widths=(2, 2, 2)),
            Row("Закуска, 2 бр.", Amount(3000, "BGN")),
            Row("Туристически данък", Amount(440, "BGN")),
            Rule(),
            Row("ДДС Б 9%", Amount(2230, "BGN")),
            Row("ДДС А 20%", Amount(500, "BGN")),
            Row("ОБЩО", Amount(27440, "BGN"), bold=True),
            Row("В брой", Amount(30000, "BGN")),
            Row("Ресто", Amount(2560, "BGN")),
            Rule(),
            Text("Документ 0000123  Смяна 7", "center"),
            Text("Фискален знак 1A2B3C4D5E6F", "center"),
            QrCode("https://example.org/r/0000123/1A2B3C4D5E6F", size=5),
            Text("Благодарим Ви! Ще се радваме да ни посетите отново.", "center"),
        ),
        kick_drawer=True,
        label="sale 0000123",
    )


def make(name: str, profile_name: str, document: ReceiptDocument) -> Path:
    engine = SimulatedPrinter(profile=profile_name)
    server = TcpPrinterServer(engine, port=0).start()
    try:
        printer = EscposPrinter(TcpTransport("127.0.0.1", server.port), PrinterProfile.from_capabilities(profile_name))
        printer.print_document(document)
        printer.close()
    finally:
        server.stop()
    (HERE / f"{name}.txt").write_text(engine.text() + "\n", encoding="utf-8")
    return engine.save_png(HERE / f"{name}.png")


if __name__ == "__main__":
    for name, profile, document in (
        ("sale-80mm-cp866", "TM-T20II", sale()),
        ("sale-58mm-cp866", "POS-5890", sale()),
        ("sale-80mm-no-cyrillic-page-as-image", "TM-T88IV-SA", sale()),
        ("sale-80mm-copy", "TM-T20II", sale().as_copy()),
    ):
        print(make(name, profile, document))
