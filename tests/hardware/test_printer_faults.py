"""Faults on every transport: each ends in a clear error, and nothing is silently lost.

The simulator stands in for the printer over TCP, a pty (serial and device-file transports) and
an injected pyusb backend (USB).
"""

from __future__ import annotations

import pytest

from hardware.errors import (
    CoverOpen,
    DeviceError,
    DeviceNotFound,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnplugged,
    PaperOut,
    PrinterFault,
)
from hardware.interfaces import COPY_BANNER, Amount, QrCode, ReceiptDocument, Row, Rule, Text
from tests.hardware.printer_rigs import KINDS, printer_rig


def receipt(lines: int = 12) -> ReceiptDocument:
    blocks: list = [Text("Хотел Рила", "center", bold=True, large=True), Rule()]
    blocks += [Row(f"Нощувка {n}", Amount(1000 + n, "BGN")) for n in range(lines)]
    blocks += [Rule(), Row("ОБЩО", Amount(sum(1000 + n for n in range(lines)), "BGN"), bold=True), QrCode("doc 42")]
    return ReceiptDocument(tuple(blocks), label="sale 42")


def printed_lines(engine) -> list[str]:
    return [line for line in engine.text().splitlines() if line.strip()]


EXPECTED = ["Хотел Рила", "-" * 48, *[f"Нощувка {n}".ljust(39) + f"{(1000 + n) / 100:.2f} BGN" for n in range(12)]]


@pytest.fixture(params=KINDS)
def rig(request):
    with printer_rig(request.param) as rig:
        yield rig


def test_a_receipt_prints_whole_with_cyrillic(rig):
    result = rig.printer.print_document(receipt())
    assert result.bytes_sent == len(rig.printer.render(receipt()))
    assert result.status_before is not None and result.status_before.ready
    lines = printed_lines(rig.engine)
    assert lines[: len(EXPECTED)] == EXPECTED
    assert lines[-2:] == ["[QR doc 42]", "--- cut ---"]
    assert rig.engine.unknown == []


@pytest.mark.parametrize(
    ("fault", "error"),
    [("paper_out", PaperOut), ("cover_open", CoverOpen), ("offline", DeviceOffline), ("cutter_error", PrinterFault)],
)
def test_a_stopped_printer_gets_no_job(rig, fault, error):
    rig.engine.fail(fault)
    with pytest.raises(error) as info:
        rig.printer.print_document(receipt())
    assert info.value.params["bytes_sent"] == 0
    assert info.value.params["document"] == "sale 42"
    assert rig.engine.printed == [] and rig.engine.held == []
    # Once the clerk fixes it, the same document prints.
    rig.engine.recover()
    rig.printer.print_document(receipt())
    assert printed_lines(rig.engine)[: len(EXPECTED)] == EXPECTED


def test_paper_out_mid_job_is_reported_with_progress_and_reprinted_whole_as_copy(rig):
    rig.engine.fail("paper_out", after=300)
    job_size = len(rig.printer.render(receipt()))
    with pytest.raises(PaperOut) as info:
        rig.printer.print_document(receipt())
    error = info.value
    assert error.mid_job
    assert 300 <= error.params["bytes_sent"] < job_size
    assert error.total_bytes == job_size
    assert rig.engine.held, "the printer stopped with part of the job in hand"
    rig.engine.recover("paper_out")
    rig.engine.reset_output()
    rig.printer.print_document(receipt().as_copy())
    lines = printed_lines(rig.engine)
    assert lines[0] == COPY_BANNER and lines[-2] == COPY_BANNER
    assert lines[1 : 1 + len(EXPECTED)] == EXPECTED


def test_paper_out_at_the_last_byte_is_not_taken_for_success(rig):
    job_size = len(rig.printer.render(receipt()))
    rig.engine.fail("paper_out", after=job_size)
    with pytest.raises(PaperOut) as info:
        rig.printer.print_document(receipt())
    assert info.value.bytes_sent == job_size
    assert info.value.mid_job


def test_paper_out_after_a_job_stops_the_next_one_before_it_starts(rig):
    rig.printer.print_document(receipt())
    rig.engine.fail("paper_out")
    with pytest.raises(PaperOut) as info:
        rig.printer.print_document(receipt())
    assert info.value.bytes_sent == 0


def test_cover_opened_mid_job(rig):
    rig.engine.fail("cover_open", after=200)
    with pytest.raises(CoverOpen) as info:
        rig.printer.print_document(receipt())
    assert 0 < info.value.params["bytes_sent"] < info.value.params["total_bytes"]


def test_a_silent_printer_times_out(rig):
    rig.stall(True)
    with pytest.raises(DeviceTimeout) as info:
        rig.printer.print_document(receipt())
    assert info.value.params["bytes_sent"] == 0
    assert rig.engine.printed == []


def test_unplugged_printer(rig):
    rig.printer.status()  # connection open
    rig.unplug()
    with pytest.raises(DeviceError) as info:
        rig.printer.print_document(receipt())
    # The old link fails, the reopen finds no device: the error says so.
    expected = (DeviceOffline,) if rig.kind == "tcp" else (DeviceUnplugged, DeviceNotFound)
    assert isinstance(info.value, expected), repr(info.value)
    assert info.value.params["bytes_sent"] == 0
    assert not rig.printer.transport.is_open


def test_status_and_drawer(rig):
    assert rig.printer.drawer_open() is False
    rig.printer.kick_drawer()
    assert rig.printer.drawer_open() is True  # answered after the kick was taken
    assert rig.engine.drawer_kicks == 1
    rig.engine.drawer_open = False
    assert rig.printer.status().drawer_open is False


def test_network_printer_switched_off_mid_job_is_not_lost_silently():
    with printer_rig("tcp") as rig:
        server = rig.extra["server"]
        rig.printer.status()
        server.power_off(after=300)  # type: ignore[attr-defined]
        with pytest.raises(DeviceOffline) as info:
            rig.printer.print_document(receipt())
        assert 0 < info.value.params["bytes_sent"] <= info.value.params["total_bytes"]
        assert "outcome is unknown" in str(info.value)
        with pytest.raises(DeviceOffline):  # refused, or reset if it caught the switch-off
            rig.printer.status()
        server.power_on()  # type: ignore[attr-defined]
        rig.engine.reset_output()
        rig.printer.print_document(receipt().as_copy())
        assert printed_lines(rig.engine)[0] == COPY_BANNER


def test_network_printer_switched_off_after_the_last_byte_is_found_by_the_status_check():
    with printer_rig("tcp", chunk_size=100_000) as rig:
        server = rig.extra["server"]
        total = len(rig.printer.render(receipt()))
        rig.printer.status()
        server.power_off(after=total)  # type: ignore[attr-defined]
        with pytest.raises(DeviceOffline) as info:
            rig.printer.print_document(receipt())
        assert info.value.params["bytes_sent"] == total


def test_network_printer_that_goes_silent_mid_job_leaves_the_outcome_unknown_and_its_rest_unread():
    """It takes the first bytes, then answers nothing more (a hung printer): the host's next status read
    times out with the job's end unknown, and nothing past those bytes was taken."""
    with printer_rig("tcp") as rig:
        server = rig.extra["server"]
        rig.printer.status()
        taken = rig.engine.received
        server.stall(after=300)  # type: ignore[attr-defined]
        with pytest.raises(DeviceTimeout) as info:
            rig.printer.print_document(receipt())
        assert 0 < info.value.params["bytes_sent"] <= info.value.params["total_bytes"]
        assert "outcome is unknown" in str(info.value)
        assert rig.engine.received == taken + 300
        server.power_off()  # type: ignore[attr-defined]  # switched off and on: the hang is over
        server.power_on()  # type: ignore[attr-defined]
        server.stall(False)  # type: ignore[attr-defined]
        rig.engine.reset_output()
        rig.printer.print_document(receipt().as_copy())
        assert printed_lines(rig.engine)[0] == COPY_BANNER
