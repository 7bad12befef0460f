"""The simulator as a program: TCP and pty, the control port, receipts written at each cut."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.errors import PaperOut
from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.escpos.queue import PrinterQueue
from hardware.interfaces import ReceiptDocument, Row, Text
from hardware.transport.url import transport_from_url

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> tuple[subprocess.Popen, dict[str, str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardware.simulators.printer", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    first, second = proc.stdout.readline(), proc.stdout.readline()
    found = {
        "where": re.search(r" on (tcp \S+|pty \S+)", first).group(1),  # type: ignore[union-attr]
        "control": re.search(r"control port (\d+)", second).group(1),  # type: ignore[union-attr]
    }
    return proc, found


def control(port: str, command: str) -> str:
    with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as sock, sock.makefile("rw") as stream:
        stream.write(command + "\n")
        stream.flush()
        return stream.readline().strip()


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()


DOC = ReceiptDocument((Text("Стая 204"), Row("Закуска", "12.00 лв.")))


@pytest.mark.parametrize("link", ["tcp", "pty"])
def test_simulator_program_prints_and_obeys_its_control_port(tmp_path, link):
    args = ["--tcp", "0"] if link == "tcp" else ["--pty"]
    proc, found = start(*args, "--out", str(tmp_path), "--paper", "58", "--profile", "default")
    try:
        kind, where = found["where"].split(" ")
        url = f"tcp://{where}" if kind == "tcp" else f"serial://{where}?baudrate=115200"
        profile = PrinterProfile.from_capabilities("default", paper_mm=58)
        printer = EscposPrinter(transport_from_url(url), profile, status_timeout=2)
        queue = PrinterQueue(printer)
        queue.print_document(DOC).result(30)
        assert proc.stdout is not None and "receipt-0001.png" in proc.stdout.readline()
        text = (tmp_path / "receipt-0001.txt").read_text(encoding="utf-8").splitlines()
        assert text[:2] == ["Стая 204", "Закуска" + " " * 16 + "12.00 лв."]  # 32 columns on 58 mm
        assert (tmp_path / "receipt-0001.png").stat().st_size > 0

        assert control(found["control"], "paper-out") == "ok"
        assert "out of paper" in control(found["control"], "status")
        with pytest.raises(PaperOut):
            queue.print_document(DOC).result(30)
        assert control(found["control"], "paper-in") == "ok"
        assert queue.status().result(30).ready
        assert control(found["control"], "bogus").startswith("error")
        queue.close()
    finally:
        stop(proc)


def test_fault_after_n_bytes_from_the_command_line(tmp_path):
    proc, found = start("--tcp", "0", "--paper-out-after", "60")
    try:
        printer = EscposPrinter(transport_from_url(f"tcp://{found['where'].split(' ')[1]}"), chunk_size=32)
        long_doc = ReceiptDocument(tuple(Text(f"line {n}") for n in range(20)))
        with pytest.raises(PaperOut) as info:
            printer.print_document(long_doc)
        assert info.value.mid_job
        printer.close()
    finally:
        stop(proc)


def test_a_printer_lacking_a_code_page_from_the_command_line_prints_garbage(tmp_path):
    proc, found = start("--tcp", "0", "--out", str(tmp_path), "--lacks-code-page", "46")
    try:
        printer = EscposPrinter(transport_from_url(f"tcp://{found['where'].split(' ')[1]}"), status_timeout=2)
        queue = PrinterQueue(printer)
        # «» are not in CP866, so the line goes out in WPC1251 (page 46), which this printer lacks.
        queue.print_document(ReceiptDocument((Text("«Люкс» 5"),))).result(30)
        assert proc.stdout is not None and "receipt-0001.png" in proc.stdout.readline()
        text = (tmp_path / "receipt-0001.txt").read_text(encoding="utf-8").splitlines()
        assert text[0] == "«Люкс» 5".encode("cp1251").decode("cp437")  # ESC t 46 ignored: still PC437
        queue.close()
    finally:
        stop(proc)
