"""A ZVT card terminal simulator, on TCP or on a pty, with a "bank" behind it.

    python -m hardware.simulators.zvt_terminal --tcp 20007 [--journal FILE] [--script approve,decline:05]
    python -m hardware.simulators.zvt_terminal --pty            (prints the pty path to open)

It plays the terminal side with its own codec instances and builds its own answers. What it does
for each money transaction is taken from a script (default: approve); see `Behaviour`. It keeps a
journal of every transaction it approved (appended to FILE as JSON lines, flushed and synced, so a
test that kills the ECR can compare), the pre-authorisations it holds, the batch for end of day,
and the last transaction for repeat-receipt. `--control PORT` takes JSON lines to change the script
or read the journal from another process.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import socket
import sys
import threading
import time
import tty
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from hardware.errors import DeviceError, DeviceOffline, DeviceTimeout
from hardware.terminal.zvt import apdu as apdus
from hardware.terminal.zvt import bmp, tlv
from hardware.terminal.zvt.apdu import Apdu
from hardware.terminal.zvt.framing import Link, SerialLink, TcpLink
from hardware.transport.base import BaseTransport, check_timeout

# The simulator's card: it knows the whole number, as a terminal does, and sends it masked.
TEST_CARD_PAN = "4761739001010010"
TEST_CARD_MASKED = TEST_CARD_PAN[:6] + "*" * 6 + TEST_CARD_PAN[-4:]
TEST_CARD_NAME = "VISA"
TEST_CARD_TYPE = 10

PREAUTH_GONE = 0xB8
AMOUNT_TOO_HIGH = 0xB7
ABORT_TIMEOUT = 0x6C
NOT_POSSIBLE = 0x83
ALREADY_REVERSED = 0xB4
NOT_REGISTERED = 0x6B  # "function deactivated (PT not registered)"

# Registration config byte (PA00P015, 06 00): what the ECR asked the terminal to do.
CONFIG_ECR_PAYMENT_RECEIPTS = 0x02  # payment receipts go to the ECR, the terminal prints none
CONFIG_ECR_ADMIN_RECEIPTS = 0x04  # administration receipts (end of day) go to the ECR
CONFIG_INTERMEDIATE_STATUS = 0x08  # the ECR wants intermediate status (04 FF)
CONFIG_ECR_PRINT_LINES = 0x80  # the ECR takes the receipt text (06 D1, or 06 D3 if permitted); else it
#                               builds receipts itself from the Status-Information and gets no text
TLV_PERMITTED_COMMANDS = 0x26
TLV_COMMAND = 0x0A

# Print-line attribute (06 D1): bit 7 marks the last line of a receipt (not 80 alone, RFU); below it
# 0x40 centred, 0x20 double width, 0x10 double height, the low nibble an indent.
ATTR_LAST = 0x80
ATTR_CENTRED = 0x40
ATTR_DOUBLE_WIDTH = 0x20

MONEY_COMMANDS = {
    apdus.AUTHORISATION: "sale",
    apdus.REFUND: "refund",
    apdus.PRE_AUTHORISATION: "pre_authorisation",
    apdus.BOOK_TOTAL: "capture",
    apdus.PRE_AUTH_REVERSAL: "release",
    apdus.PARTIAL_REVERSAL: "partial_release",
    apdus.REVERSAL: "reversal",
}


@dataclass(frozen=True)
class Behaviour:
    """What the terminal does with the next money transaction.

    kind: approve | decline (result_code) | pin (asks for the PIN for `delay` s, then approves; an
    abort meanwhile is accepted) | pin_timeout (asks for the PIN, then aborts with 6C after `delay`)
    | slow_approval (approves, then waits `delay` s before answering; an abort then is refused) |
    drop (approves, then drops the connection before answering) | drop_before (drops without
    approving) | twice (approves, and after its Completion was acknowledged sends the Completion again
    `delay` s later (default 0.05) and waits for that to be acknowledged too; a command that comes
    meanwhile is refused with 84 83, as such terminals do) | late (approves, answers after `delay`
    s) | silent (approves and never answers) | hang (approves, then the whole terminal freezes: no
    answer to anything, on any connection, for `delay` s, as a terminal whose host link hung) |
    drop_after_status (approves, sends its Status-Information with result 00, and drops the line once
    the ECR acknowledged it, before the receipts and the Completion: the payment is done, PA00P015
    2.2.9) | refuse_repeat (for the next Repeat Receipt: refuses it with 84 83, "function not
    possible", as terminals that keep no last receipt or are busy do) | refuse_command (refuses the
    next money command itself with 84 83, as a busy terminal does: nothing is asked of the card).
    """

    kind: str = "approve"
    result_code: int = 0x05
    delay: float = 0.0

    @classmethod
    def parse(cls, text: str) -> Behaviour:
        """'approve', 'decline:05' (hex result code), 'pin:1.5', 'late:3', ..."""
        kind, _, arg = text.strip().partition(":")
        if kind == "decline":
            return cls(kind, result_code=int(arg or "05", 16))
        return cls(kind, delay=float(arg) if arg else 0.0)


@dataclass
class Transaction:
    operation: str
    receipt_no: int
    trace_no: int
    amount_minor: int
    currency: int
    auth_code: str
    masked_pan: str
    card_name: str
    when: str
    original_receipt_no: int | None = None
    result_code: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PreAuth:
    receipt_no: int
    amount_minor: int
    currency: int
    state: str = "open"  # open | captured | released


@dataclass
class SimState:
    terminal_id: str = "52500001"
    journal: list[Transaction] = field(default_factory=list)
    batch: list[Transaction] = field(default_factory=list)
    preauths: dict[int, PreAuth] = field(default_factory=dict)
    last: Transaction | None = None
    receipt_counter: int = 0
    trace_counter: int = 0
    # What the last Registration (06 00) asked for; a restart forgets it. Unregistered, the terminal
    # runs on its stored configuration: it prints its own receipts and sends no intermediate status.
    registered: bool = False
    config_byte: int = 0
    permitted: frozenset[tuple[int, int]] = frozenset()
    registrations: int = 0
    # Receipts the terminal printed on its own paper (the ECR did not ask for them), newest last.
    printed_here: list[list[str]] = field(default_factory=list)


class ZvtSimulator:
    """The terminal and its bank. Thread-safe; serve it on TCP and/or a pty."""

    def __init__(
        self,
        *,
        terminal_id: str = "52500001",
        journal_path: Path | None = None,
        ack_timeout: float = 5.0,
        itemised_end_of_day: bool = True,
        refuse_unregistered: bool = False,
        print_text_blocks: bool = True,
    ):
        self.state = SimState(terminal_id=terminal_id)
        # End of day with individual totals (BMP 60: receipt range, count and amount per brand), or
        # only the total, as terminals that do not send BMP 60.
        self.itemised_end_of_day = itemised_end_of_day
        # A terminal that refuses every transaction (84 6B) until an ECR registered with it.
        self.refuse_unregistered = refuse_unregistered
        # Sends receipts as text blocks (06 D3) when the ECR permits them; False: a terminal that
        # knows only print lines (06 D1).
        self.print_text_blocks = print_text_blocks
        self._links: list[Link] = []
        self.journal_path = journal_path
        self.ack_timeout = ack_timeout
        self.default = Behaviour()
        self._script: deque[Behaviour] = deque()
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._closers: list[Any] = []
        self.requests: list[tuple[int, int]] = []  # control fields received, for tests
        self._frozen_until = 0.0  # monotonic time; see Behaviour "hang"
        # A careless terminal prints the whole card number on its receipts: the desk must mask it.
        self.print_full_pan = False
        self._repeat_refusals = 0  # see Behaviour "refuse_repeat"
        self._command_refusals = 0  # see Behaviour "refuse_command"

    # -- driving it --------------------------------------------------------------------------------

    def script(self, *behaviours: Behaviour | str) -> None:
        with self._lock:
            for item in behaviours:
                behaviour = item if isinstance(item, Behaviour) else Behaviour.parse(item)
                if behaviour.kind == "refuse_repeat":
                    self._repeat_refusals += 1  # about the next enquiry, not the next transaction
                elif behaviour.kind == "refuse_command":
                    self._command_refusals += 1
                else:
                    self._script.append(behaviour)

    def take_command_refusal(self) -> bool:
        with self._lock:
            if self._command_refusals:
                self._command_refusals -= 1
                return True
            return False

    def take_repeat_refusal(self) -> bool:
        with self._lock:
            if self._repeat_refusals:
                self._repeat_refusals -= 1
                return True
            return False

    def next_behaviour(self) -> Behaviour:
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def freeze(self, seconds: float) -> None:
        """Answer nothing at all for ``seconds`` (Behaviour "hang")."""
        with self._lock:
            self._frozen_until = time.monotonic() + seconds

    @property
    def frozen(self) -> bool:
        with self._lock:
            return time.monotonic() < self._frozen_until

    def bank_release(self, receipt_no: int | None = None) -> None:
        """The bank drops a pre-authorisation on its own (all open ones when no number is given)."""
        with self._lock:
            for preauth in self.state.preauths.values():
                if receipt_no in (None, preauth.receipt_no) and preauth.state == "open":
                    preauth.state = "released"

    def restart(self) -> None:
        """The terminal restarts: it forgets the registration and drops its network connections."""
        with self._lock:
            self.state.registered = False
            self.state.config_byte = 0
            self.state.permitted = frozenset()
            links, self._links = self._links, []
        for link in links:
            with contextlib.suppress(DeviceError, OSError):
                link.close()

    def config(self, bit: int) -> bool:
        with self._lock:
            return self.state.registered and bool(self.state.config_byte & bit)

    def permits(self, command: tuple[int, int]) -> bool:
        with self._lock:
            return command in self.state.permitted

    @property
    def journal(self) -> list[Transaction]:
        with self._lock:
            return list(self.state.journal)

    # -- serving -----------------------------------------------------------------------------------

    def serve_tcp(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Listen in a background thread; returns the port."""
        server = socket.create_server((host, port))
        server.settimeout(0.2)
        self._closers.append(server)

        def accept_loop() -> None:
            while not self._stop.is_set():
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                link = TcpLink(SocketTransport(conn))
                with self._lock:
                    self._links.append(link)
                self._spawn(self._session, link)

        self._spawn(accept_loop)
        return int(server.getsockname()[1])

    def serve_pty(self) -> str:
        """Open a pty; returns the path the ECR opens as its serial port."""
        master, slave = os.openpty()
        tty.setraw(slave)
        path = os.ttyname(slave)
        transport = FdTransport(master, f"pty {path}")
        # Our own slave descriptor keeps the pty alive while the ECR closes and reopens it.
        self._closers.append(_FdCloser(slave))
        self._closers.append(transport)
        self._spawn(self._session, SerialLink(transport))
        return path

    def close(self) -> None:
        self._stop.set()
        for item in self._closers:
            with contextlib.suppress(OSError):
                item.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="zvt-sim")
        self._threads.append(thread)
        thread.start()

    def _session(self, link: Link) -> None:
        session = _Session(self, link)
        try:
            session.run()
        finally:
            if not isinstance(link, SerialLink):
                link.close()
                with self._lock:
                    if link in self._links:
                        self._links.remove(link)

    def open_connections(self) -> int:
        """How many ECR connections are open on TCP (a terminal serves one ECR at a time)."""
        with self._lock:
            return len(self._links)

    # -- the bank ----------------------------------------------------------------------------------

    def record(self, operation: str, amount: int, currency: int, original: int | None = None) -> Transaction:
        with self._lock:
            st = self.state
            st.receipt_counter = st.receipt_counter % 9999 + 1
            st.trace_counter = st.trace_counter % 999999 + 1
            txn = Transaction(
                operation=operation,
                receipt_no=st.receipt_counter,
                trace_no=st.trace_counter,
                amount_minor=amount,
                currency=currency,
                auth_code=f"{(st.trace_counter * 7919) % 1000000:06d}",
                masked_pan=TEST_CARD_MASKED,
                card_name=TEST_CARD_NAME,
                when=datetime.now().replace(microsecond=0).isoformat(),
                original_receipt_no=original,
            )
            st.journal.append(txn)
            st.batch.append(txn)
            st.last = txn
            if self.journal_path is not None:
                with open(self.journal_path, "a", encoding="utf-8") as out:
                    out.write(json.dumps(txn.as_json()) + "\n")
                    out.flush()
                    os.fsync(out.fileno())
            return txn


class _Dropped(Exception):
    """The scripted behaviour closes the connection."""


class _Superseded(Exception):
    """The ECR sent a new command while we were still answering: it gave up on this one."""


class _Session:
    """One ECR connection: read commands, answer them."""

    def __init__(self, sim: ZvtSimulator, link: Link) -> None:
        self.sim = sim
        self.link = link
        self.abort_requested = False
        self.pending: deque[Apdu] = deque()
        self.serial = isinstance(link, SerialLink)

    def run(self) -> None:
        while not self.sim._stop.is_set():
            try:
                request = self.pending.popleft() if self.pending else self.link.receive(0.2)
            except DeviceOffline:
                return
            except DeviceError:
                continue  # nothing came, or a damaged frame
            if request.is_answer:
                continue  # a late acknowledgement of something we sent
            self.note(request)
            try:
                self.handle(request)
            except _Superseded:
                continue
            except _Dropped:
                if self.serial:
                    continue  # a cut serial cable: the terminal simply stops talking
                self.link.close()
                return
            except DeviceOffline:
                return
            except DeviceError:
                if not self.serial:
                    return
                # The ECR stopped acknowledging (it gave up on this transaction); a pty stays.

    def moved_on(self, message: Apdu) -> None:
        self.pending.append(message)
        raise _Superseded

    def note(self, request: Apdu) -> None:
        with self.sim._lock:
            self.sim.requests.append(request.command)

    # -- sending -----------------------------------------------------------------------------------

    def send(self, message: Apdu, *, wait_ack: bool = True) -> None:
        self.link.send(message, self.sim.ack_timeout)
        if not wait_ack:
            return
        deadline = time.monotonic() + self.sim.ack_timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return  # the ECR did not acknowledge; a terminal carries on
            try:
                answer = self.link.receive(remaining)
            except DeviceTimeout:
                return
            if answer.is_answer:
                return
            if answer.command == apdus.ABORT:
                self.note(answer)
                self.abort_requested = True
            else:
                self.moved_on(answer)

    def ack(self) -> None:
        self.link.send(apdus.ack(), self.sim.ack_timeout)

    def status(self, code: int) -> None:
        if not self.sim.config(CONFIG_INTERMEDIATE_STATUS):
            return  # nobody asked for intermediate status: a terminal sends none
        self.send(apdus.command(apdus.INTERMEDIATE_STATUS, bytes([code])))

    def wait(self, seconds: float, *, abortable: bool) -> bool:
        """Wait `seconds`, watching for the ECR's abort; True when one came (and was answered)."""
        deadline = time.monotonic() + seconds
        while True:
            if self.abort_requested:
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                message = self.link.receive(min(remaining, 0.05))
            except DeviceTimeout:
                continue
            if message.command == apdus.ABORT:
                self.note(message)
                self.abort_requested = True
                if abortable:
                    self.ack()
                else:
                    self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)
            elif not message.is_answer:
                self.moved_on(message)

    def abort(self, code: int) -> None:
        self.send(apdus.command(apdus.ABORTED, bytes([code])))

    # -- commands ----------------------------------------------------------------------------------

    def handle(self, request: Apdu) -> None:
        control = request.command
        self.abort_requested = False
        if self.sim.frozen:
            return  # not even acknowledged
        if (
            self.sim.refuse_unregistered
            and not self.sim.state.registered
            and (control in MONEY_COMMANDS or control in (apdus.END_OF_DAY, apdus.REPEAT_RECEIPT))
        ):
            self.link.send(apdus.nack(NOT_REGISTERED), self.sim.ack_timeout)
        elif control in MONEY_COMMANDS and self.sim.take_command_refusal():
            self.note(request)
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)
        elif control in MONEY_COMMANDS:
            self.money(MONEY_COMMANDS[control], request)
        elif control == apdus.REGISTRATION:
            self.registration(request)
        elif control == apdus.STATUS_ENQUIRY:
            self.ack()
            self.send(self._completion())
        elif control == apdus.LOG_OFF:
            with self.sim._lock:
                self.sim.state.registered = False
                self.sim.state.config_byte = 0
                self.sim.state.permitted = frozenset()
            self.ack()
        elif control == apdus.ABORT:
            self.ack()
        elif control == apdus.REPEAT_RECEIPT:
            self.repeat_receipt()
        elif control == apdus.END_OF_DAY:
            self.end_of_day()
        else:
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)

    def registration(self, request: Apdu) -> None:
        """06 00: <password 3> <config byte> [<currency 2> [03 <service byte>] [06 <TLV>]]."""
        data = request.data
        if len(data) < 4:
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)
            return
        config = data[3]
        currency = data[4:6] if len(data) >= 6 else b""
        permitted: set[tuple[int, int]] = set()
        try:
            fields = bmp.decode(data[6:]) if len(data) > 6 else []
        except DeviceError:
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)
            return
        for item in fields:
            if item.number == bmp.TLV_CONTAINER:
                for obj in tlv.decode(item.value):
                    if obj.tag == TLV_PERMITTED_COMMANDS:
                        permitted.update(
                            (c.value[0], c.value[1]) for c in obj.children if c.tag == TLV_COMMAND and len(c.value) == 2
                        )
        with self.sim._lock:
            st = self.sim.state
            st.registered, st.config_byte, st.permitted = True, config, frozenset(permitted)
            st.registrations += 1
        self.ack()
        # The terminal sends a currency code back only if the ECR sent one.
        self.send(self._completion(include_currency=bool(currency)))

    def _completion(self, *, include_currency: bool = False) -> Apdu:
        fields = [
            bmp.Bmp(bmp.PAYMENT_TYPE, b"\x00"),
            bmp.Bmp(bmp.TERMINAL_ID, bytes.fromhex(self.sim.state.terminal_id)),
        ]
        if include_currency:
            fields.append(bmp.currency(978))
        return apdus.command(apdus.COMPLETION, bmp.encode(fields))

    def money(self, operation: str, request: Apdu) -> None:
        data = request.data
        if operation in ("refund", "reversal"):
            data = data[3:]  # the password
        fields = bmp.as_dict(bmp.decode(data))
        amount = bmp.from_bcd(fields[bmp.AMOUNT]) if bmp.AMOUNT in fields else 0
        currency = bmp.from_bcd(fields[bmp.CURRENCY]) if bmp.CURRENCY in fields else 978
        receipt_no = bmp.from_bcd(fields[bmp.RECEIPT]) if bmp.RECEIPT in fields else None
        self.ack()
        behaviour = self.sim.next_behaviour()
        kind = behaviour.kind

        if operation in ("sale", "refund", "pre_authorisation"):
            self.status(0x0A)  # insert card
        if kind == "drop_before":
            raise _Dropped
        if kind in ("pin", "pin_timeout"):
            self.status(0x01)  # enter PIN
            aborted = self.wait(behaviour.delay, abortable=True)
            if aborted or kind == "pin_timeout":
                self.abort(ABORT_TIMEOUT)
                return
        if kind == "decline":
            self.send(apdus.command(apdus.STATUS_INFORMATION, bmp.encode([
                bmp.Bmp(bmp.RESULT_CODE, bytes([behaviour.result_code])), bmp.amount(amount) if amount else
                bmp.Bmp(bmp.RESULT_CODE_AS, b"\x00"),
            ])))
            self.abort(behaviour.result_code)
            return
        if self.abort_requested:
            self.abort(ABORT_TIMEOUT)
            return
        self.status(0x04)  # waiting for the bank

        refusal, original = self.bank_check(operation, receipt_no, amount)
        if refusal:
            self.abort(refusal)
            return
        txn = self.sim.record(operation, amount or (original.amount_minor if original else 0), currency, receipt_no)
        self.bank_book(operation, txn, receipt_no)

        if kind == "slow_approval":
            self.status(0x1C)  # approved
            self.wait(behaviour.delay, abortable=False)
        if kind == "drop":
            raise _Dropped
        if kind == "drop_after_status":
            self.send(apdus.command(apdus.STATUS_INFORMATION, bmp.encode(self._fields(txn))))
            raise _Dropped
        if kind == "hang":
            self.sim.freeze(behaviour.delay or 3600)
            return
        if kind == "silent":
            self.wait(behaviour.delay or 3600, abortable=False)
            return
        if kind == "late":
            self.wait(behaviour.delay, abortable=False)
        self.answer(txn)
        if kind == "twice":
            self.completion_again(behaviour.delay or 0.05)

    def bank_check(self, operation: str, receipt_no: int | None, amount: int) -> tuple[int, Any]:
        """(refusal code or 0, the pre-authorisation or sale referred to)."""
        st = self.sim.state
        with self.sim._lock:
            if operation in ("capture", "release", "partial_release"):
                preauth = st.preauths.get(receipt_no) if receipt_no is not None else None
                if preauth is None or preauth.state != "open":
                    return PREAUTH_GONE, None
                if amount > preauth.amount_minor:
                    return AMOUNT_TOO_HIGH, None
                return 0, preauth
            if operation == "reversal":
                sale = next((t for t in st.batch if t.receipt_no == receipt_no and t.operation == "sale"), None)
                if sale is None:
                    return NOT_POSSIBLE, None
                if any(t.operation == "reversal" and t.original_receipt_no == receipt_no for t in st.batch):
                    return ALREADY_REVERSED, None
                return 0, sale
        return 0, None

    def bank_book(self, operation: str, txn: Transaction, receipt_no: int | None) -> None:
        with self.sim._lock:
            st = self.sim.state
            if operation == "pre_authorisation":
                st.preauths[txn.receipt_no] = PreAuth(txn.receipt_no, txn.amount_minor, txn.currency)
            elif operation in ("capture", "release") and receipt_no is not None:
                st.preauths[receipt_no].state = "captured" if operation == "capture" else "released"
            elif operation == "partial_release" and receipt_no is not None:
                st.preauths[receipt_no].amount_minor -= txn.amount_minor

    def _fields(self, txn: Transaction) -> list[bmp.Bmp]:
        when = datetime.fromisoformat(txn.when)
        return [
            bmp.Bmp(bmp.RESULT_CODE, bytes([txn.result_code])),
            bmp.amount(txn.amount_minor),
            bmp.currency(txn.currency),
            bmp.trace(txn.trace_no),
            bmp.Bmp(bmp.TIME, bmp.bcd(int(when.strftime("%H%M%S")), 3)),
            bmp.Bmp(bmp.DATE, bmp.bcd(int(when.strftime("%m%d")), 2)),
            bmp.Bmp(bmp.TERMINAL_ID, bytes.fromhex(self.sim.state.terminal_id)),
            bmp.Bmp(bmp.AUTH_ATTRIBUTE, txn.auth_code.encode("ascii").ljust(8, b"\x00")),
            bmp.receipt(txn.receipt_no),
            bmp.Bmp(bmp.CARD_TYPE, bytes([TEST_CARD_TYPE])),
            bmp.Bmp(bmp.CARD_NAME, txn.card_name.encode("ascii") + b"\x00"),
            bmp.pan_field(txn.masked_pan),
        ]

    def _receipt(self, kind: int, lines: list[str]) -> Apdu:
        texts = tlv.Tlv(0x25, children=tuple(tlv.Tlv(0x07, line.encode("cp437")) for line in lines))
        objects = (tlv.Tlv(0x1F07, bytes([kind])), texts)
        return apdus.command(apdus.PRINT_TEXT_BLOCK, bmp.encode([bmp.Bmp(bmp.TLV_CONTAINER, tlv.encode(objects))]))

    def _receipt_lines(self, txn: Transaction, copy: str) -> list[str]:
        return [
            f"{copy} RECEIPT",
            f"Terminal {self.sim.state.terminal_id}",
            f"{txn.operation.upper()} {txn.amount_minor / 100:.2f}",
            f"{txn.card_name} {TEST_CARD_PAN if self.sim.print_full_pan else txn.masked_pan}",
            f"Receipt {txn.receipt_no:04d} Trace {txn.trace_no:06d}",
            f"Auth {txn.auth_code}",
            "APPROVED",
        ]

    def print_receipt(self, kind: int, lines: list[str], *, administration: bool = False) -> None:
        """Send a receipt to the ECR as the registration asked, or print it on the terminal (send nothing).

        ECR printing (config 02 payment / 04 administration) with print type 80: as a text block (06 D3)
        if the ECR permitted 06 D3 in its registration, else line by line (06 D1), the last line marked
        by bit 7 of its attribute. Without 80 the ECR builds receipts from the Status-Information.
        """
        wanted = CONFIG_ECR_ADMIN_RECEIPTS if administration else CONFIG_ECR_PAYMENT_RECEIPTS
        if not self.sim.config(wanted):
            with self.sim._lock:
                self.sim.state.printed_here.append(list(lines))
            return
        if not self.sim.config(CONFIG_ECR_PRINT_LINES):
            return  # the ECR prints, from the Status-Information: the terminal prints nothing and sends no text
        if self.sim.print_text_blocks and self.sim.permits(apdus.PRINT_TEXT_BLOCK):
            self.send(self._receipt(kind, lines))
            return
        for index, line in enumerate(lines):
            if index == 0:
                attribute = ATTR_CENTRED | ATTR_DOUBLE_WIDTH
            elif index == len(lines) - 1:
                attribute = ATTR_LAST | ATTR_CENTRED  # 80 alone is RFU
            else:
                attribute = 0x02 if line.startswith("Auth") else 0x00  # an indented line
            self.send(apdus.command(apdus.PRINT_LINE, bytes([attribute]) + line.encode("cp437")))

    def answer(self, txn: Transaction, *, wait_ack: bool = True) -> None:
        self.send(apdus.command(apdus.STATUS_INFORMATION, bmp.encode(self._fields(txn))), wait_ack=wait_ack)
        self.print_receipt(1, self._receipt_lines(txn, "MERCHANT"))
        self.print_receipt(2, self._receipt_lines(txn, "CUSTOMER"))
        self.send(apdus.command(apdus.COMPLETION), wait_ack=wait_ack)

    def completion_again(self, pause: float) -> None:
        """The Completion once more, `pause` s after the first; busy (84 83) to any command until acknowledged."""
        deadline = time.monotonic() + pause
        sent = False
        ack_deadline = 0.0
        while True:
            now = time.monotonic()
            if not sent and now >= deadline:
                self.link.send(apdus.command(apdus.COMPLETION), self.sim.ack_timeout)
                sent, ack_deadline = True, now + self.sim.ack_timeout
            if sent and now >= ack_deadline:
                return  # never acknowledged: the terminal gives up on it
            wait = (deadline - now) if not sent else (ack_deadline - now)
            try:
                message = self.link.receive(max(0.001, min(wait, 0.05)))
            except DeviceTimeout:
                continue
            if message.is_answer:
                if sent:
                    return
                continue
            # The terminal has not finished its transaction: it refuses what comes.
            self.note(message)
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)

    def repeat_receipt(self) -> None:
        if self.sim.take_repeat_refusal():
            self.link.send(apdus.nack(NOT_POSSIBLE), self.sim.ack_timeout)
            return
        self.ack()
        last = self.sim.state.last
        if last is None:
            self.abort(NOT_POSSIBLE)
            return
        self.answer(last)

    def end_of_day(self) -> None:
        self.ack()
        self.status(0x0E)
        with self.sim._lock:
            st = self.sim.state
            batch, st.batch = st.batch, []
        signed = {"sale": 1, "capture": 1, "refund": -1}
        reversed_receipts = {t.original_receipt_no for t in batch if t.operation == "reversal"}
        counted = [t for t in batch if t.operation in signed and t.receipt_no not in reversed_receipts]
        total = sum(signed[t.operation] * t.amount_minor for t in counted)
        first = batch[0].receipt_no if batch else 0
        last = batch[-1].receipt_no if batch else 0
        # Individual totals: receipt range, then count and amount per brand (Visa is the fifth).
        totals = bytearray(bmp.bcd(first, 2) + bmp.bcd(last, 2))
        for index in range(7):
            if index == 4:
                totals += bytes([len(counted)]) + bmp.bcd(max(total, 0), 6)
            else:
                totals += bytes([0]) + bmp.bcd(0, 6)
        now = datetime.now()
        with self.sim._lock:
            st.trace_counter = st.trace_counter % 999999 + 1
            trace = st.trace_counter
        fields = [
            bmp.Bmp(bmp.RESULT_CODE, b"\x00"),
            bmp.amount(max(total, 0)),
            bmp.currency(978),
            bmp.trace(trace),
            bmp.Bmp(bmp.TIME, bmp.bcd(int(now.strftime("%H%M%S")), 3)),
            bmp.Bmp(bmp.DATE, bmp.bcd(int(now.strftime("%m%d")), 2)),
        ]
        if self.sim.itemised_end_of_day:
            fields.append(bmp.Bmp(bmp.INDIVIDUAL_TOTALS, bytes(totals)))
        self.send(apdus.command(apdus.STATUS_INFORMATION, bmp.encode(fields)))
        lines = ["END OF DAY", f"{len(counted)} transactions", f"TOTAL {total / 100:.2f}"]
        if self.sim.print_full_pan:
            lines += [f"{t.amount_minor / 100:.2f} {t.card_name} {TEST_CARD_PAN}" for t in counted]
        self.print_receipt(3, lines, administration=True)
        self.send(apdus.command(apdus.COMPLETION))


# -- transports for the terminal side -----------------------------------------------------------------


class SocketTransport(BaseTransport):
    """An accepted connection (the terminal's end)."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__("tcp ecr")
        self._sock: socket.socket | None = sock

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        if self._sock is None:
            raise DeviceOffline("closed", device=self.name)

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        if self._sock is None:
            raise DeviceOffline("closed", device=self.name)
        self._sock.settimeout(timeout)
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise DeviceOffline(str(exc), device=self.name) from exc

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        sock = self._sock  # another thread may close it (a restart)
        if sock is None:
            raise DeviceOffline("closed", device=self.name)
        try:
            ready, _, _ = select.select([sock], [], [], timeout)
        except (OSError, ValueError) as exc:
            raise DeviceOffline(str(exc), device=self.name) from exc
        if not ready:
            raise DeviceTimeout("nothing", device=self.name)
        try:
            data = sock.recv(size)
        except OSError as exc:
            raise DeviceOffline(str(exc), device=self.name) from exc
        if not data:
            raise DeviceOffline("the ECR closed the connection", device=self.name)
        return data


class FdTransport(BaseTransport):
    """The master side of a pty."""

    def __init__(self, fd: int, name: str) -> None:
        super().__init__(name)
        self._fd: int | None = fd

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def open(self) -> None:
        pass

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        if self._fd is None:
            raise DeviceOffline("closed", device=self.name)
        view = memoryview(data)
        deadline = time.monotonic() + timeout
        while view:
            _, ready, _ = select.select([], [self._fd], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise DeviceTimeout("pty full", device=self.name)
            view = view[os.write(self._fd, view) :]

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        fd = self._fd
        if fd is None:
            raise DeviceOffline("closed", device=self.name)
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise DeviceTimeout("nothing", device=self.name)
            return os.read(fd, size)
        except (OSError, ValueError) as exc:
            raise DeviceOffline(str(exc), device=self.name) from exc


class _FdCloser:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        os.close(self.fd)


# -- the control channel and the command line -------------------------------------------------------


def serve_control(sim: ZvtSimulator, port: int, host: str = "127.0.0.1") -> int:
    """JSON lines: {"script": ["decline:05"]}, {"bank_release": 12 | null}, {"journal": true}, {"restart": true}."""
    server = socket.create_server((host, port))
    server.settimeout(0.2)
    sim._closers.append(server)

    def handle(conn: socket.socket) -> None:
        with conn, conn.makefile("rwb") as stream:
            for raw in stream:
                try:
                    request = json.loads(raw)
                    if "script" in request:
                        sim.script(*request["script"])
                    if "bank_release" in request:
                        sim.bank_release(request["bank_release"])
                    if request.get("restart"):
                        sim.restart()
                    reply: dict[str, Any] = {"ok": True}
                    if request.get("journal"):
                        reply["journal"] = [t.as_json() for t in sim.journal]
                except (ValueError, KeyError, TypeError) as exc:
                    reply = {"ok": False, "error": str(exc)}
                stream.write(json.dumps(reply).encode() + b"\n")
                stream.flush()

    def accept_loop() -> None:
        while not sim._stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    sim._spawn(accept_loop)
    return int(server.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.simulators.zvt_terminal", description="A ZVT card terminal simulator."
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--tcp", type=int, metavar="PORT", help="listen on this TCP port (ZVT uses 20007)")
    where.add_argument("--pty", action="store_true", help="open a pty and print its path")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--journal", type=Path, help="append every approved transaction here (JSON lines)")
    parser.add_argument("--script", default="", help="behaviours for the next transactions: approve,decline:05,pin:2")
    parser.add_argument("--default", default="approve", help="behaviour once the script is used up")
    parser.add_argument("--control", type=int, metavar="PORT", help="JSON-lines control port")
    parser.add_argument("--terminal-id", default="52500001")
    parser.add_argument(
        "--no-individual-totals", action="store_true", help="end of day without BMP 60 (only the total)"
    )
    parser.add_argument(
        "--refuse-unregistered", action="store_true", help="refuse transactions (84 6B) until an ECR registers"
    )
    args = parser.parse_args(argv)

    sim = ZvtSimulator(
        terminal_id=args.terminal_id,
        journal_path=args.journal,
        itemised_end_of_day=not args.no_individual_totals,
        refuse_unregistered=args.refuse_unregistered,
    )
    sim.default = Behaviour.parse(args.default)
    if args.script:
        sim.script(*args.script.split(","))
    if args.pty:
        print(f"ZVT terminal on pty {sim.serve_pty()}", flush=True)
    else:
        print(f"ZVT terminal on tcp {args.host}:{sim.serve_tcp(args.host, args.tcp)}", flush=True)
    if args.control is not None:
        print(f"control on tcp {args.host}:{serve_control(sim, args.control, args.host)}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
