"""ESC/POS printer simulator over TCP (port 9100 like a network printer) and over a pty.

    python -m hardware.simulators.printer --tcp 9100 --out /tmp/receipts
    python -m hardware.simulators.printer --pty --paper-out-after 600

Each cut writes receipt-NNNN.txt and .png to --out. A control port takes one command a line:
paper-out [N], paper-in, cover-open [N], cover-close, offline [N], online, cutter-error, recover,
drawer-open, drawer-close, power-off [N], power-on, stall [N], unstall, unplug, status, connections, text,
png PATH, reset. N = after that many more bytes (mid-job); without N, at once.

Like a real network printer it serves one connection at a time: a second one waits until the first
closes (``--refuse-second``: it is reset at once instead). ``connections`` tells how many came, the
most open at once, and how many were refused.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import signal
import socket
import struct
import sys
import threading
import tty
from collections.abc import Callable
from pathlib import Path

from hardware.simulators.printer_engine import FAULTS, SimulatedPrinter


class TcpPrinterServer:
    """Serves one connection at a time, as a printer's port 9100 does.

    A connection that arrives while another is served waits for it to close, or with
    ``refuse_second`` is reset at once (printers do either). ``peak_connections`` is the most that
    were open at once (a waiting one counts) and ``refused`` how many were reset.
    """

    def __init__(self, engine: SimulatedPrinter, host: str = "127.0.0.1", port: int = 9100, *,
                 refuse_second: bool = False) -> None:
        self.engine = engine
        self.refuse_second = refuse_second
        self.peak_connections = 0
        self.refused = 0
        self.host = host
        self._port = port
        self._listener: socket.socket | None = None
        self._client: socket.socket | None = None
        self._stop = threading.Event()
        self._stalled = threading.Event()
        self._powered = threading.Event()
        self._thread: threading.Thread | None = None
        self._power_off_after: int | None = None
        self._stall_after: int | None = None
        self.connections = 0
        # power_off runs on the serving thread too (after N bytes): a power_on from the test's
        # thread must not find the old listener still set and then lose it.
        self._power = threading.Lock()

    @property
    def port(self) -> int:
        return self._port

    def start(self) -> TcpPrinterServer:
        self._listen()
        self._powered.set()
        self._thread = threading.Thread(target=self._serve, name="printer-sim-tcp", daemon=True)
        self._thread.start()
        return self

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self._port))
        listener.listen(4)
        self._port = listener.getsockname()[1]
        self._listener = listener

    def _serve(self) -> None:
        while not self._stop.is_set():
            listener = self._listener
            if listener is None or not self._powered.is_set():
                self._stop.wait(0.02)
                continue
            try:
                readable, _, _ = select.select([listener], [], [], 0.05)
                if not readable:
                    continue
                client, _ = listener.accept()
            except (OSError, ValueError):
                continue
            self.connections += 1
            self.peak_connections = max(self.peak_connections, 1)
            self._client = client
            try:
                self._talk(client)
            finally:
                self._client = None
                with contextlib.suppress(OSError):
                    client.close()

    def _talk(self, client: socket.socket) -> None:
        # A waiting second connection keeps the listener readable: noticed once, then left waiting.
        second_seen = False
        while not self._stop.is_set() and self._powered.is_set():
            if self._stalled.is_set():
                self._stop.wait(0.02)
                continue
            listener = self._listener
            watched = [client] if second_seen or listener is None else [client, listener]
            try:
                readable, _, _ = select.select(watched, [], [], 0.05)
            except (OSError, ValueError):
                return
            if listener is not None and listener in readable and client not in readable:
                second_seen = self._second_connection(client, listener)
                continue
            if client not in readable or self._stalled.is_set():
                continue
            # About to go silent: what comes after stays unread on the line, as in a hung printer. Only bytes
            # read once it was armed count (an answer already sent may reach a host that arms it at once).
            stall_after = self._stall_after
            try:
                data = client.recv(65536 if stall_after is None else max(1, stall_after))
            except OSError:
                return
            if not data:
                return
            if self._power_off_after is not None:
                data = data[: self._power_off_after]
                self._power_off_after -= len(data)
            answer = self.engine.feed(data)
            if self._power_off_after is not None and self._power_off_after <= 0:
                self._power_off_after = None
                self.power_off()
                return
            if answer:
                try:
                    client.sendall(answer)
                except OSError:
                    return
            if stall_after is not None and self._stall_after == stall_after:  # not disarmed meanwhile
                if stall_after <= len(data):
                    self._stall_after = None
                    self._stalled.set()
                else:
                    self._stall_after = stall_after - len(data)

    def _second_connection(self, client: socket.socket, listener: socket.socket) -> bool:
        """A connection came while ``client`` is served; True when it is left waiting."""
        try:
            closing, _, _ = select.select([client], [], [], 0.02)
        except (OSError, ValueError):
            return False
        if closing:
            return False  # the first one is just closing (its end is read next): not at once
        self.peak_connections = max(self.peak_connections, 2)
        if not self.refuse_second:
            return True
        try:
            second, _ = listener.accept()
        except OSError:
            return False
        self.refused += 1
        with contextlib.suppress(OSError):
            second.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            second.close()
        return False

    def power_off(self, after: int = 0) -> None:
        """Switch off: connections reset, new ones refused. `after`: once that many more bytes came."""
        if after > 0:
            self._power_off_after = after
            return
        with self._power:
            self._powered.clear()
            self.engine.power_cycle()
            # The listener goes first: once the host sees its connection reset, a new one is refused.
            listener, self._listener = self._listener, None
            client, self._client = self._client, None
            for sock in (listener, client):
                if sock is not None:
                    # Linger 0: the peer gets a reset, as from a printer that lost power and came back.
                    with contextlib.suppress(OSError):
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    with contextlib.suppress(OSError):
                        sock.close()

    def power_on(self) -> None:
        with self._power:
            if self._listener is None:
                self._listen()
            self._powered.set()

    def stall(self, on: bool = True, after: int = 0) -> None:
        """Stop (or resume) taking bytes: the host's writes and status reads time out. `after`: once that
        many more bytes came (a printer that hangs mid-job)."""
        if on and after > 0:
            self._stall_after = after
            return
        self._stall_after = None
        (self._stalled.set if on else self._stalled.clear)()

    def stop(self) -> None:
        self._stop.set()
        self.power_off()
        if self._thread is not None:
            self._thread.join(5)


class PtyPrinter:
    """The printer on a pseudo-terminal: a serial printer's port is `path`."""

    def __init__(self, engine: SimulatedPrinter) -> None:
        self.engine = engine
        self._master: int | None = None
        self._slave: int | None = None
        self.path = ""
        self._stop = threading.Event()
        self._stalled = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> PtyPrinter:
        master, slave = os.openpty()
        tty.setraw(master)
        tty.setraw(slave)
        self._master, self._slave = master, slave
        self.path = os.ttyname(slave)
        self._thread = threading.Thread(target=self._serve, name="printer-sim-pty", daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        while not self._stop.is_set():
            master = self._master
            if master is None:
                return
            if self._stalled.is_set():
                self._stop.wait(0.02)
                continue
            try:
                readable, _, _ = select.select([master], [], [], 0.05)
                if not readable or self._stalled.is_set():
                    continue
                data = os.read(master, 65536)
            except (OSError, ValueError):
                return
            if not data:
                continue
            answer = self.engine.feed(data)
            if answer:
                with contextlib.suppress(OSError):
                    os.write(master, answer)

    def stall(self, on: bool = True) -> None:
        (self._stalled.set if on else self._stalled.clear)()

    def unplug(self) -> None:
        """Close the far end: the host's port fails as when a USB-serial cable is pulled."""
        fds = (self._master, self._slave)
        self._master = self._slave = None
        for fd in fds:
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self.unplug()


class ControlServer:
    """Line commands on a TCP port (see the module docstring)."""

    def __init__(
        self,
        engine: SimulatedPrinter,
        link: TcpPrinterServer | PtyPrinter,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.engine = engine
        self.link = link
        self._server = socket.create_server((host, port))
        self.port = self._server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="printer-sim-control", daemon=True)

    def start(self) -> ControlServer:
        self._thread.start()
        return self

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            with conn, conn.makefile("rw", encoding="utf-8", newline="\n") as stream:
                for line in stream:
                    stream.write(self.command(line.strip()) + "\n")
                    stream.flush()

    def command(self, line: str) -> str:
        words = line.split()
        if not words:
            return "error: empty command"
        name, args = words[0].lower(), words[1:]
        try:
            after = int(args[0]) if args and args[0].isdigit() else 0
            engine = self.engine
            faults = {"paper-out": "paper_out", "cover-open": "cover_open", "offline": "offline",
                      "cutter-error": "cutter_error"}
            recoveries = {"paper-in": "paper_out", "cover-close": "cover_open", "online": "offline"}
            if name in faults:
                engine.fail(faults[name], after)  # type: ignore[arg-type]
            elif name in recoveries:
                engine.recover(recoveries[name])  # type: ignore[arg-type]
            elif name == "recover":
                engine.recover()
            elif name in ("drawer-open", "drawer-close"):
                engine.drawer_open = name == "drawer-open"
            elif name == "power-off" and isinstance(self.link, TcpPrinterServer):
                self.link.power_off(after)
            elif name == "power-on" and isinstance(self.link, TcpPrinterServer):
                self.link.power_on()
            elif name == "stall" and after and isinstance(self.link, TcpPrinterServer):
                self.link.stall(True, after)
            elif name in ("stall", "unstall"):
                self.link.stall(name == "stall")
            elif name == "unplug" and isinstance(self.link, PtyPrinter):
                self.link.unplug()
            elif name == "status":
                return "ok " + engine.status().describe()
            elif name == "connections" and isinstance(self.link, TcpPrinterServer):
                link = self.link
                return f"ok {link.connections} served, at most {link.peak_connections} at once, {link.refused} refused"
            elif name == "text":
                return "ok\n" + engine.text() + "\n."
            elif name == "png" and args:
                return f"ok {engine.save_png(args[0])}"
            elif name == "reset":
                engine.reset_output()
            else:
                return f"error: unknown command {line!r}"
        except (ValueError, OSError) as exc:
            return f"error: {exc}"
        return "ok"

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._server.close()


def receipt_writer(folder: Path) -> Callable[[SimulatedPrinter], None]:
    """A cut callback that writes the receipt just finished as text and PNG."""
    folder.mkdir(parents=True, exist_ok=True)
    done = {"count": 0}

    def on_cut(engine: SimulatedPrinter) -> None:
        receipts = engine.receipts()
        # `receipts()` drops the empty piece after the final cut, so the last one is the new one.
        new = receipts[done["count"] :]
        for items in new:
            done["count"] += 1
            stem = folder / f"receipt-{done['count']:04d}"
            stem.with_suffix(".txt").write_text(engine.text(items) + "\n", encoding="utf-8")
            engine.save_png(stem.with_suffix(".png"), items)
            print(f"printed {stem}.png", flush=True)

    return on_cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardware.simulators.printer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--tcp", type=int, metavar="PORT", help="listen on this TCP port (9100 is usual)")
    where.add_argument("--pty", action="store_true", help="open a pseudo-terminal and print its path")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--profile", default="TM-T20II", help="python-escpos capabilities profile")
    parser.add_argument("--paper", type=int, choices=(58, 80), help="paper width when the profile leaves it open")
    parser.add_argument("--lacks-code-page", type=int, action="append", default=[], metavar="N",
                        help="an ESC t page the profile claims but this printer lacks (e.g. 46, WPC1251); repeatable")
    parser.add_argument("--control", type=int, default=0, metavar="PORT", help="control port (0: any free one)")
    parser.add_argument("--refuse-second", action="store_true",
                        help="reset a second TCP connection at once instead of letting it wait")
    parser.add_argument("--out", type=Path, help="write receipt-NNNN.txt/.png here at each cut")
    for fault in FAULTS:
        parser.add_argument(f"--{fault.replace('_', '-')}-after", type=int, metavar="N",
                            help=f"{fault.replace('_', ' ')} after N bytes")
    args = parser.parse_args(argv)

    engine = SimulatedPrinter(profile=args.profile, paper_mm=args.paper,
                              missing_code_pages=frozenset(args.lacks_code_page))
    if args.out:
        engine.on_cut = receipt_writer(args.out)
    for fault in FAULTS:
        after = getattr(args, f"{fault}_after")
        if after is not None:
            engine.fail(fault, after)
    link: TcpPrinterServer | PtyPrinter
    if args.tcp is not None:
        link = TcpPrinterServer(engine, args.host, args.tcp, refuse_second=args.refuse_second).start()
        print(f"ESC/POS printer simulator ({args.profile}) on tcp {args.host}:{link.port}", flush=True)
    else:
        link = PtyPrinter(engine).start()
        print(f"ESC/POS printer simulator ({args.profile}) on pty {link.path}", flush=True)
    control = ControlServer(engine, link, args.host, args.control).start()
    print(f"control port {control.port} (e.g. `echo paper-out | nc {args.host} {control.port}`)", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        control.stop()
        link.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
