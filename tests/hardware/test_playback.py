"""Recorded byte transcripts replayed byte-exact (as stoqdrivers' tests do).

The transcripts in transcripts/ were recorded from the simulator over TCP with
`HARDWARE_RECORD=1 pytest tests/hardware/test_playback.py`; replay needs no simulator. Any change
in the bytes we send (layout, code pages, status queries, chunking points) fails here until the
transcript is recorded again on purpose and the diff read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hardware.errors import PaperOut
from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.interfaces import Amount, Columns, QrCode, ReceiptDocument, Row, Rule, Text
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from hardware.transport.playback import PlaybackTransport, RecordingTransport, TranscriptMismatch
from hardware.transport.tcp import TcpTransport

HERE = Path(__file__).parent / "transcripts"
RECORD = os.environ.get("HARDWARE_RECORD") == "1"


def sale(number: int = 1) -> ReceiptDocument:
    return ReceiptDocument(
        (
            Text("Хотел Рила", "center", bold=True, large=True),
            Text("ул. Витоша 1, София", "center"),
            Rule(),
            Row("Нощувка 2 нощи", Amount(24000, "BGN")),
            Row("Туристически данък", Amount(440, "BGN")),
            Columns(("ДДС 9%", Amount(1982, "BGN"))),
            Rule("="),
            Row("ОБЩО", Amount(24440, "BGN"), bold=True),
            Row("В брой", Amount(25000, "BGN")),
            Row("Ресто", Amount(560, "BGN")),
            QrCode(f"doc:{number:07d}", caption=f"Документ {number:07d}"),
        ),
        kick_drawer=True,
        label=f"sale {number}",
    )


def printer_on(transport) -> EscposPrinter:
    return EscposPrinter(transport, PrinterProfile.from_capabilities("TM-T20II"), chunk_size=256)


def record(name: str, fault_after: int | None = None) -> None:
    engine = SimulatedPrinter()
    if fault_after is not None:
        engine.fail("paper_out", fault_after)
    server = TcpPrinterServer(engine, port=0).start()
    recorder = RecordingTransport(TcpTransport("127.0.0.1", server.port))
    try:
        printer_on(recorder).print_document(sale())
    except PaperOut:
        pass
    finally:
        recorder.close()
        server.stop()
    (HERE / name).write_text(f"# sale receipt on TM-T20II, recorded from the simulator\n{recorder.transcript()}")


@pytest.fixture(scope="module", autouse=True)
def transcripts():
    if RECORD:
        record("sale_receipt_tm_t20ii.txt")
        record("sale_receipt_paper_out_mid_job.txt", fault_after=400)


def test_sale_receipt_replays_byte_exact():
    playback = PlaybackTransport.from_file(HERE / "sale_receipt_tm_t20ii.txt")
    result = printer_on(playback).print_document(sale())
    playback.assert_finished()
    assert result.status_after is not None and result.status_after.drawer_open is True


def test_a_different_document_is_caught():
    playback = PlaybackTransport.from_file(HERE / "sale_receipt_tm_t20ii.txt")
    with pytest.raises(TranscriptMismatch, match="written data differs from the expected"):
        printer_on(playback).print_document(sale(2))


def test_paper_out_mid_job_replays_to_the_same_error():
    playback = PlaybackTransport.from_file(HERE / "sale_receipt_paper_out_mid_job.txt")
    with pytest.raises(PaperOut) as info:
        printer_on(playback).print_document(sale())
    playback.assert_finished()
    assert info.value.mid_job and info.value.params["bytes_sent"] >= 400


def test_playback_checks_itself():
    playback = PlaybackTransport("> 1b40\n< 16\n> 0a\n")
    playback.write(b"\x1b", 1)
    playback.write(b"@", 1)
    assert playback.read(5, 1) == b"\x16"
    with pytest.raises(TranscriptMismatch, match="not finished"):
        playback.assert_finished()
    with pytest.raises(TranscriptMismatch, match="differs"):
        playback.write(b"\x0d", 1)
