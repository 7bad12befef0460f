#!/usr/bin/env python3
"""Our own time in a terminal sale, around the terminal's (the simulator's) time.

    .venv/bin/python bench/bench_terminal.py              # TCP and pty, 200 sales each
    .venv/bin/python bench/bench_terminal.py --runs 500 --link tcp

  to_wire    from `sale()` called to the last byte of the request (06 01) written to the link
  from_wire  from the read that brought the completion (06 0F) to `sale()` returning the result

Target: under 30 ms each. Prints medians and 95th percentiles; asserts nothing (a shared machine's
timings are for comparison only).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.simulators.zvt_terminal import ZvtSimulator
from hardware.terminal.zvt.client import ZvtTerminal
from hardware.terminal.zvt.framing import SerialLink, TcpLink
from hardware.transport.serial import SerialTransport
from hardware.transport.tcp import TcpTransport


class Stopwatch:
    """Wraps a transport: notes when the request left and when the completion came in."""

    def __init__(self, inner, completion: bytes) -> None:
        self.inner = inner
        self.completion = completion
        self.request_written = 0.0
        self.completion_read = 0.0
        self._recent = b""

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def write(self, data: bytes, timeout: float) -> None:
        self.inner.write(data, timeout)
        if b"\x06\x01" in data[:4]:
            self.request_written = time.perf_counter()

    def read(self, size: int, timeout: float) -> bytes:
        data = self.inner.read(size, timeout)
        self._recent = (self._recent + data)[-64:]
        if self.completion in self._recent:
            self.completion_read = time.perf_counter()
            self._recent = b""
        return data


def run(link_kind: str, runs: int) -> tuple[list[float], list[float]]:
    sim = ZvtSimulator()
    try:
        if link_kind == "tcp":
            watch = Stopwatch(TcpTransport("127.0.0.1", sim.serve_tcp()), b"\x06\x0f\x00")
            terminal = ZvtTerminal(TcpLink(watch))  # type: ignore[arg-type]
        else:
            watch = Stopwatch(SerialTransport(sim.serve_pty(), stopbits=2), b"\x06\x0f\x00\x10\x03")
            terminal = ZvtTerminal(SerialLink(watch))  # type: ignore[arg-type]
        to_wire: list[float] = []
        from_wire: list[float] = []
        terminal.sale(100, "EUR")  # warm-up: connection, imports
        for _ in range(runs):
            start = time.perf_counter()
            terminal.sale(1234, "EUR")
            done = time.perf_counter()
            to_wire.append((watch.request_written - start) * 1000)
            from_wire.append((done - watch.completion_read) * 1000)
        terminal.close()
        return to_wire, from_wire
    finally:
        sim.close()


def describe(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1]
    return f"median {statistics.median(values):7.3f} ms   p95 {p95:7.3f} ms   max {values[-1]:7.3f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--link", choices=["tcp", "pty", "both"], default="both")
    args = parser.parse_args()
    for kind in (["tcp", "pty"] if args.link == "both" else [args.link]):
        to_wire, from_wire = run(kind, args.runs)
        print(f"{kind:3}  to_wire    {describe(to_wire)}")
        print(f"{kind:3}  from_wire  {describe(from_wire)}")
    print("target: under 30 ms each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
