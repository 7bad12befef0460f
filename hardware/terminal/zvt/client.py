"""The ECR side of ZVT: one method per operation, each a request and the terminal's dialogue.

Master and slave: we send a command and the terminal answers 80 00 00; it is then master and sends
intermediate status (04 FF), status information (04 0F), print lines (06 D1) and text blocks
(06 D3), each of which we answer 80 00 00, until it hands mastership back with a completion (06 0F)
or an abort (06 1E). Our abort (06 B0) may be sent while the terminal is master.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from hardware.errors import DeviceError, DeviceTimeout
from hardware.terminal import interface as api
from hardware.terminal.errors import Declined, OutcomeUnknown, PreauthUnavailable, Refused, TerminalAborted
from hardware.terminal.interface import CardOperation, Hooks, PrintOut, Receipt, ReceiptKind
from hardware.terminal.zvt import apdu as apdus
from hardware.terminal.zvt import bmp, codes, tlv
from hardware.terminal.zvt.apdu import Apdu
from hardware.terminal.zvt.framing import Link

# Registration config byte (PA00P015, 06 00):
CONFIG_ECR_PAYMENT_RECEIPTS = 0x02  # payment receipts are printed by the ECR, not the terminal
CONFIG_ECR_ADMIN_RECEIPTS = 0x04  # administration receipts (end of day) too
CONFIG_INTERMEDIATE_STATUS = 0x08  # the terminal sends intermediate status (04 FF) to the ECR
CONFIG_ECR_CONTROLS_PAYMENT = 0x10  # no amount entry on the terminal
CONFIG_ECR_CONTROLS_ADMIN = 0x20  # no administration started on the terminal
CONFIG_ECR_PRINT_LINES = 0x80  # the terminal sends the receipt text (06 D1, or 06 D3 if permitted)
CONFIG_ECR_PRINTS = CONFIG_ECR_PAYMENT_RECEIPTS | CONFIG_ECR_ADMIN_RECEIPTS | CONFIG_ECR_PRINT_LINES
CONFIG_BYTE = CONFIG_INTERMEDIATE_STATUS | CONFIG_ECR_CONTROLS_PAYMENT | CONFIG_ECR_CONTROLS_ADMIN | CONFIG_ECR_PRINTS
# Registration TLV: the list of permitted ZVT commands (tag 26, one tag 0A each). Permitting Print
# Text-Block (06 D3) gets receipts whole and typed (merchant, customer, administration).
TLV_PERMITTED_COMMANDS = 0x26
TLV_COMMAND = 0x0A
# The refusal (84 xx) of a terminal that has no registration (it restarted): register, then retry.
NOT_REGISTERED = 0x6B

# Print-line attribute (06 D1): 1xxx xxxx (not 80, RFU) is the last line of a receipt, which is also
# where the merchant's copy ends and the customer's begins; FF followed by one count byte is that many
# line feeds. Below bit 7: 40 centred, 20 double width, 10 double height, low nibble an indent.
ATTR_LAST = 0x80
ATTR_CENTRED = 0x40
ATTR_DOUBLE_WIDTH = 0x20
ATTR_DOUBLE_HEIGHT = 0x10
ATTR_LINE_FEED = 0xFF

TLV_PRINT_TEXTS = 0x25
TLV_TEXT_LINE = 0x07
TLV_RECEIPT_TYPE = 0x1F07
RECEIPT_KINDS = {1: ReceiptKind.MERCHANT, 2: ReceiptKind.CUSTOMER, 3: ReceiptKind.ADMINISTRATION}
# Print lines (06 D1) carry no receipt type; a receipt names its copy in its heading, which is the
# only evidence. Matched in the first lines only: a merchant's copy also says "cardholder signature".
COPY_HEADINGS = (
    (ReceiptKind.MERCHANT, ("MERCHANT COPY", "MERCHANT RECEIPT", "HÄNDLERBELEG", "HAENDLERBELEG", "HANDLERBELEG")),
    (ReceiptKind.CUSTOMER, ("CUSTOMER COPY", "CUSTOMER RECEIPT", "CARDHOLDER COPY", "KUNDENBELEG")),
)
HEADING_LINES = 4


def copy_kind(lines: tuple[str, ...]) -> ReceiptKind:
    """Whose copy a receipt sent line by line is, by its heading; UNKNOWN when it does not say."""
    heading = " ".join(" ".join(line.split()) for line in lines[:HEADING_LINES]).upper()
    for kind, words in COPY_HEADINGS:
        if any(word in heading for word in words):
            return kind
    return ReceiptKind.UNKNOWN

TERMINAL_STATES = {
    0x00: "Ready",
    0x51: "Initialisation required",
    0x62: "Date and time invalid",
    0x9C: "Please wait",
    0xA0: "Receiver not ready",
    0xDF: "Out of order",
}


@dataclass
class _Dialogue:
    """Everything the terminal said during one call."""

    fields: dict[int, bytes] = field(default_factory=dict)
    tlvs: list[tlv.Tlv] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)
    open_lines: list[str] = field(default_factory=list)
    abort_sent: bool = False
    completion: Apdu | None = None
    # A Status-Information with result 00 that we acknowledged: the transaction is done (PA00P015
    # 2.2.9), whatever happens to the line before the Completion.
    approved: bool = False

    def take(self, fields: list[bmp.Bmp]) -> None:
        for item in fields:
            if item.number == bmp.TLV_CONTAINER:
                self.tlvs.extend(tlv.decode(item.value))
            else:
                self.fields[item.number] = item.value


# Seconds a client listens after each Completion unless told otherwise. A knob for the test suite,
# whose simulator sends a second Completion only when a test asks for it: the program keeps this.
SETTLE_TIME = 0.25


class ZvtTerminal:
    """A ZVT terminal over a `Link` (TCP or serial). Calls are serialised; one at a time."""

    def __init__(
        self,
        link: Link,
        *,
        password: int = 0,
        currency: str = "EUR",
        ack_timeout: float = 5.0,
        answer_timeout: float = 180.0,
        cancel_poll: float = 0.05,
        settle_time: float | None = None,
        ecr_prints: bool = True,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._link = link
        self.password = password
        self.currency = currency
        self.ack_timeout = ack_timeout
        self.answer_timeout = answer_timeout
        self.cancel_poll = cancel_poll
        # After a Completion: how long to listen for what some terminals send after it (the Completion
        # again), acknowledging it, so that it neither blocks nor answers the next command.
        self.settle_time = SETTLE_TIME if settle_time is None else settle_time
        # False for a terminal that prints its own slips: registration then leaves receipts to it,
        # and the desk receives none to print twice.
        self.ecr_prints = ecr_prints
        self._now = now
        self._lock = threading.Lock()
        self._open = False
        # Registered on this connection: a new connection (the terminal restarted, the line dropped)
        # or a refusal "not registered" registers again before the next command.
        self._registered = False

    @property
    def name(self) -> str:
        return self._link.name

    # -- operations --------------------------------------------------------------------------------

    def sale(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> api.CardResult:
        data = self._amount(amount_minor, currency)
        return self._money(apdus.AUTHORISATION, data, CardOperation.SALE, hooks)

    def refund(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> api.CardResult:
        data = self._password() + self._amount(amount_minor, currency)
        return self._money(apdus.REFUND, data, CardOperation.REFUND, hooks)

    def pre_authorise(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> api.CardResult:
        data = self._amount(amount_minor, currency)
        return self._money(apdus.PRE_AUTHORISATION, data, CardOperation.PRE_AUTHORISATION, hooks)

    def capture(
        self,
        receipt_no: int,
        amount_minor: int,
        currency: str,
        *,
        trace_no: int | None = None,
        auth_code: str | None = None,
        hooks: Hooks | None = None,
    ) -> api.CardResult:
        fields = [bmp.receipt(receipt_no)]
        if trace_no is not None:
            fields.append(bmp.trace(trace_no))
        if auth_code:
            fields.append(bmp.Bmp(bmp.AUTH_ATTRIBUTE, auth_code.encode("ascii")[:8].ljust(8, b"\x00")))
        data = bmp.encode(fields) + self._amount(amount_minor, currency)
        return self._money(apdus.BOOK_TOTAL, data, CardOperation.CAPTURE, hooks)

    def release(
        self, receipt_no: int, amount_minor: int, currency: str, *, partial: bool = False, hooks: Hooks | None = None
    ) -> api.CardResult:
        data = bmp.encode([bmp.receipt(receipt_no)]) + self._amount(amount_minor, currency)
        control = apdus.PARTIAL_REVERSAL if partial else apdus.PRE_AUTH_REVERSAL
        return self._money(control, data, CardOperation.RELEASE, hooks)

    def reversal(self, receipt_no: int, hooks: Hooks | None = None) -> api.CardResult:
        data = self._password() + bmp.encode([bmp.receipt(receipt_no)])
        return self._money(apdus.REVERSAL, data, CardOperation.REVERSAL, hooks)

    def repeat_last_receipt(self, hooks: Hooks | None = None) -> api.CardResult:
        return self._money(apdus.REPEAT_RECEIPT, self._password(), CardOperation.REPEAT_RECEIPT, hooks)

    def end_of_day(self, hooks: Hooks | None = None) -> api.EndOfDayResult:
        dialogue = self._call(apdus.command(apdus.END_OF_DAY, self._password()), None, hooks)
        return self._end_of_day_result(dialogue)

    def status(self) -> api.TerminalState:
        dialogue = self._call(apdus.command(apdus.STATUS_ENQUIRY, self._password()), None, None)
        return self._state(dialogue)

    def register(self) -> api.TerminalState:
        """Registration (06 00); the driver also registers by itself before the first command."""
        with self._lock:
            self._ensure_open()
            return self._state(self._register())

    @property
    def config_byte(self) -> int:
        """The registration's config byte: receipts through the desk unless the terminal prints."""
        return CONFIG_BYTE if self.ecr_prints else CONFIG_BYTE & ~CONFIG_ECR_PRINTS

    def _registration(self) -> Apdu:
        permitted = tlv.Tlv(
            TLV_PERMITTED_COMMANDS,
            children=tuple(tlv.Tlv(TLV_COMMAND, bytes(c)) for c in (apdus.PRINT_TEXT_BLOCK, apdus.PRINT_LINE)),
        )
        data = (
            self._password()
            + bytes([self.config_byte])
            + bmp.bcd(codes.currency_number(self.currency), 2)
            + bmp.encode([bmp.Bmp(bmp.TLV_CONTAINER, tlv.encode([permitted]))])
        )
        return apdus.command(apdus.REGISTRATION, data)

    def _register(self) -> _Dialogue:
        """Register and read the terminal's Completion; the lock is held."""
        hooks = Hooks()
        request = self._registration()
        self._request(request, hooks, register=False)
        dialogue = self._follow(request, None, hooks)
        self._registered = True
        return dialogue

    def _register_first(self) -> None:
        """Register before a command: a failure here means the command itself never left."""
        try:
            self._register()
        except (OutcomeUnknown, Declined, Refused) as exc:
            raise DeviceError(f"Registering with the terminal failed: {exc.message}", device=self.name) from exc

    def log_off(self) -> None:
        with self._lock:
            self._request(apdus.command(apdus.LOG_OFF), Hooks(), register=False)
            self._registered = False

    def abort(self) -> None:
        with self._lock:
            self._ensure_open()
            try:
                self._link.send(apdus.command(apdus.ABORT), self.ack_timeout)
                self._link.receive(self.ack_timeout)
            except DeviceError:
                self._drop()
                raise

    def close(self) -> None:
        with self._lock:
            self._drop()

    # -- the dialogue ------------------------------------------------------------------------------

    def _money(
        self, control: tuple[int, int], data: bytes, operation: CardOperation, hooks: Hooks | None
    ) -> api.CardResult:
        dialogue = self._call(apdus.command(control, data), operation, hooks)
        return self._result(dialogue, operation)

    def _call(self, request: Apdu, operation: CardOperation | None, hooks: Hooks | None) -> _Dialogue:
        hooks = hooks or Hooks()
        with self._lock:
            self._request(request, hooks)
            return self._follow(request, operation, hooks)

    def _ensure_open(self) -> None:
        if not self._open:
            self._link.open()
            self._open = True

    def _drop(self) -> None:
        self._open = False
        self._registered = False
        self._link.close()

    def _request(self, request: Apdu, hooks: Hooks, *, register: bool = True) -> None:
        """Send the command and wait for the terminal's 80 00 00 (registering first if need be).

        A refusal "not registered" registers and sends the command once more: refused, it did not
        start. A refusal that follows a late message of the last transaction (which the terminal
        was still waiting to have acknowledged) is retried once too.
        """
        self._ensure_open()
        try:
            self._drain(0.0)
            self._link.discard_input()
        except DeviceError:
            # The old connection died while idle (the terminal restarted): start a fresh one.
            self._drop()
            self._ensure_open()
        if register and not self._registered:
            self._register_first()
        try:
            self._send_command(request)
        except Refused as refused:
            if register and refused.result_code == NOT_REGISTERED:
                self._register_first()
            elif not refused.params.get("after_stale"):
                raise
            self._send_command(request)
        if hooks.on_sent is not None:
            hooks.on_sent()

    def _send_command(self, request: Apdu) -> None:
        try:
            self._link.send(request, self.ack_timeout)
        except DeviceError as exc:
            self._drop()
            raise OutcomeUnknown(f"Sending the request failed: {exc.message}", device=self.name) from exc
        deadline = time.monotonic() + self.ack_timeout
        stale = False
        while True:
            try:
                answer = self._link.receive(max(0.0, deadline - time.monotonic()))
            except DeviceError as exc:
                self._drop()
                raise OutcomeUnknown(
                    f"The terminal did not acknowledge the request: {exc.message}", device=self.name
                ) from exc
            if answer.is_ack:
                return
            if answer.is_nack:
                raise Refused(
                    f"The terminal refused the command: {codes.result_text(answer.ins)}.",
                    result_code=answer.ins,
                    device=self.name,
                    after_stale=stale,
                )
            # A late message of an earlier transaction (an answer sent twice, or after we gave up).
            stale = True
            self._acknowledge()

    def _drain(self, window: float) -> None:
        """Acknowledge what the terminal still sends, until it has been quiet for `window` s.

        A message left unacknowledged keeps the terminal waiting; it then refuses our next command.
        """
        while True:
            try:
                message = self._link.receive(window)
            except DeviceTimeout:
                return
            if not message.is_answer:
                self._acknowledge()

    def _acknowledge(self) -> bool:
        try:
            self._link.send(apdus.ack(), self.ack_timeout)
        except DeviceError:
            # We already have what the terminal said; a lost acknowledgement changes nothing for us.
            self._drop()
            return False
        return True

    def _follow(self, request: Apdu, operation: CardOperation | None, hooks: Hooks) -> _Dialogue:
        dialogue = _Dialogue()
        deadline = time.monotonic() + self.answer_timeout
        while True:
            if hooks.cancel is not None and hooks.cancel.is_set() and not dialogue.abort_sent:
                dialogue.abort_sent = True
                try:
                    self._link.send(apdus.command(apdus.ABORT), self.ack_timeout)
                except DeviceError as exc:
                    self._drop()
                    raise self._unknown(hooks, f"sending the abort failed: {exc.message}") from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._drop()
                if dialogue.approved and operation is not None:
                    return dialogue
                raise self._unknown(hooks, f"no final answer within {self.answer_timeout:g} s")
            wait = remaining
            if hooks.cancel is not None and not dialogue.abort_sent:
                wait = min(wait, self.cancel_poll)
            try:
                message = self._link.receive(wait)
            except DeviceTimeout:
                continue
            except DeviceError as exc:
                self._drop()
                if dialogue.approved and operation is not None:
                    return dialogue  # the line dropped after the approval we acknowledged: it is paid
                raise self._unknown(hooks, exc.message) from exc
            if message.is_answer:
                continue  # the terminal's answer to our abort; what counts is how it ends
            deadline = time.monotonic() + self.answer_timeout
            acknowledged = self._acknowledge()
            if self._handle(message, dialogue, hooks):
                if acknowledged and self.settle_time > 0:
                    with contextlib.suppress(DeviceError):
                        self._drain(self.settle_time)  # a second Completion, ...: not the next answer
                return self._finish(dialogue, operation)
            if message.command == apdus.STATUS_INFORMATION and not acknowledged:
                dialogue.approved = False  # the terminal may still reverse what we did not confirm

    def _unknown(self, hooks: Hooks, why: str) -> OutcomeUnknown:
        return OutcomeUnknown(
            f"The card terminal did not say how the transaction ended ({why}).",
            last_status=hooks.last_status,
            device=self.name,
        )

    def _handle(self, message: Apdu, dialogue: _Dialogue, hooks: Hooks) -> bool:
        """Take one terminal message; True when it ends the dialogue."""
        control = message.command
        if control == apdus.INTERMEDIATE_STATUS:
            if message.data:
                status = codes.prompt(message.data[0])
                hooks.last_status = status
                if hooks.on_status is not None:
                    hooks.on_status(status)
            return False
        if control == apdus.STATUS_INFORMATION:
            dialogue.take(bmp.decode(message.data))
            dialogue.approved = dialogue.fields.get(bmp.RESULT_CODE, b"\x00")[:1] == b"\x00"
            return False
        if control == apdus.PRINT_LINE:
            self._print_line(message.data, dialogue, hooks)
            return False
        if control == apdus.PRINT_TEXT_BLOCK:
            self._print_block(message.data, dialogue, hooks)
            return False
        if control in (apdus.COMPLETION, apdus.ABORTED):
            dialogue.completion = message
            return True
        return False  # a command we do not use (display text, ...): acknowledged, ignored

    def _print_line(self, data: bytes, dialogue: _Dialogue, hooks: Hooks) -> None:
        if not data:
            return
        attribute, text = data[0], data[1:]
        if attribute == ATTR_LINE_FEED and len(text) == 1 and text[0] < 0x20:
            lines = ("",) * text[0]  # FF <count>: line feeds
            dialogue.open_lines.extend(lines)
            if hooks.on_print is not None and lines:
                hooks.on_print(PrintOut(ReceiptKind.UNKNOWN, lines, complete=False))
            return
        last = bool(attribute & ATTR_LAST) and attribute != ATTR_LAST  # 80 alone is RFU
        line = bmp.text(text)
        if attribute != ATTR_LINE_FEED and not attribute & ATTR_CENTRED:
            line = " " * (attribute & 0x0F) + line  # the indent
        dialogue.open_lines.append(line)
        if hooks.on_print is not None:
            hooks.on_print(PrintOut(ReceiptKind.UNKNOWN, (line,), complete=last))
        if last:
            lines = tuple(dialogue.open_lines)
            dialogue.receipts.append(Receipt(copy_kind(lines), lines))
            dialogue.open_lines.clear()

    def _print_block(self, data: bytes, dialogue: _Dialogue, hooks: Hooks) -> None:
        fields = bmp.as_dict(bmp.decode(data))
        objects = tlv.decode(fields.get(bmp.TLV_CONTAINER, b""))
        texts = next((obj for obj in objects if obj.tag == TLV_PRINT_TEXTS), None)
        if texts is None:
            return
        kind_obj = next((obj for obj in objects if obj.tag == TLV_RECEIPT_TYPE), None) or texts.find(
            TLV_RECEIPT_TYPE
        )
        kind = RECEIPT_KINDS.get(kind_obj.value[-1], ReceiptKind.UNKNOWN) if kind_obj and kind_obj.value else (
            ReceiptKind.UNKNOWN
        )
        lines = tuple(bmp.text(obj.value) for obj in texts.children if obj.tag == TLV_TEXT_LINE)
        dialogue.receipts.append(Receipt(kind, lines))
        if hooks.on_print is not None:
            hooks.on_print(PrintOut(kind, lines, complete=True))

    def _finish(self, dialogue: _Dialogue, operation: CardOperation | None) -> _Dialogue:
        end = dialogue.completion
        assert end is not None
        if end.command == apdus.COMPLETION:
            # A completion may lead with fields we did not ask for; the end is what counts.
            with contextlib.suppress(DeviceError):
                dialogue.take(bmp.decode(end.data))
            code = dialogue.fields.get(bmp.RESULT_CODE, b"\x00")[0]
            if code == 0:
                return dialogue
        else:
            code = end.data[0] if end.data else codes.SYSTEM_ERROR
            if len(end.data) > 1:
                # What follows the result code is optional; the code is what matters.
                with contextlib.suppress(DeviceError):
                    dialogue.take(bmp.decode(end.data[1:]))
        result = self._build(dialogue, operation, code) if operation is not None else None
        text = codes.result_text(code)
        if code == codes.ABORT_TIMEOUT:
            raise TerminalAborted(
                f"Aborted on the terminal: {text}.", result_code=code, result=result, device=self.name,
                by_us=dialogue.abort_sent,
            )
        if operation in (CardOperation.CAPTURE, CardOperation.RELEASE) and code in (
            codes.PREAUTH_GONE, codes.ALREADY_REVERSED
        ):
            raise PreauthUnavailable(result_code=code, result=result, device=self.name)
        raise Declined(f"Declined: {text}.", result_code=code, result=result, device=self.name)

    # -- building results --------------------------------------------------------------------------

    def _result(self, dialogue: _Dialogue, operation: CardOperation) -> api.CardResult:
        return self._build(dialogue, operation, 0)

    def _build(self, dialogue: _Dialogue, operation: CardOperation, code: int) -> api.CardResult:
        f = dialogue.fields
        card_name = bmp.text(f[bmp.CARD_NAME]) if bmp.CARD_NAME in f else None
        card_type = f[bmp.CARD_TYPE][0] if bmp.CARD_TYPE in f else None
        if card_name is None and card_type is not None:
            card_name = codes.CARD_TYPES.get(card_type)
        receipts = list(dialogue.receipts)
        if dialogue.open_lines:
            receipts.append(Receipt(ReceiptKind.UNKNOWN, tuple(dialogue.open_lines)))
        return api.CardResult(
            operation=operation,
            result_code=code,
            amount_minor=bmp.from_bcd(f[bmp.AMOUNT]) if bmp.AMOUNT in f else None,
            currency=codes.currency_alpha(bmp.from_bcd(f[bmp.CURRENCY])) if bmp.CURRENCY in f else None,
            receipt_no=bmp.from_bcd(f[bmp.RECEIPT]) if bmp.RECEIPT in f else None,
            trace_no=bmp.from_bcd(f[bmp.TRACE]) if bmp.TRACE in f else None,
            auth_code=(bmp.text(f[bmp.AUTH_ATTRIBUTE]) or None) if bmp.AUTH_ATTRIBUTE in f else None,
            card_name=card_name,
            card_type=card_type,
            masked_pan=bmp.masked_pan(f[bmp.PAN]) if bmp.PAN in f else None,
            terminal_id=bmp.bcd_digits(f[bmp.TERMINAL_ID]) if bmp.TERMINAL_ID in f else None,
            when=self._when(f),
            receipts=tuple(receipts),
            cancel_too_late=dialogue.abort_sent and code == 0,
        )

    def _when(self, f: dict[int, bytes]) -> datetime | None:
        """BMP 0C (HHMMSS) and 0D (MMDD) or AA (YYMMDD); the year comes from our clock if missing."""
        if bmp.TIME not in f or (bmp.DATE not in f and bmp.DATE_TIME not in f):
            return None
        try:
            hh, mi, ss = (int(bmp.bcd_digits(f[bmp.TIME])[i : i + 2]) for i in (0, 2, 4))
            if bmp.DATE_TIME in f:
                digits = bmp.bcd_digits(f[bmp.DATE_TIME])
                year, month, day = 2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6])
            else:
                digits = bmp.bcd_digits(f[bmp.DATE])
                today = self._now()
                month, day = int(digits[:2]), int(digits[2:4])
                # A receipt of 31 December read on 1 January belongs to last year.
                year = today.year - 1 if (month, day) > (today.month, today.day + 1) else today.year
            return datetime(year, month, day, hh, mi, ss)
        except (ValueError, DeviceError):
            return None

    def _end_of_day_result(self, dialogue: _Dialogue) -> api.EndOfDayResult:
        f = dialogue.fields
        brands: list[api.BrandTotal] = []
        first = last = None
        totals = f.get(bmp.INDIVIDUAL_TOTALS, b"")
        if len(totals) >= 4:
            first, last = bmp.from_bcd(totals[0:2]), bmp.from_bcd(totals[2:4])
            pos = 4
            for brand in codes.TOTALS_BRANDS:
                if pos + 7 > len(totals):
                    break
                count, amount = totals[pos], bmp.from_bcd(totals[pos + 1 : pos + 7])
                if count or amount:
                    brands.append(api.BrandTotal(brand, count, amount))
                pos += 7
        return api.EndOfDayResult(
            result_code=f.get(bmp.RESULT_CODE, b"\x00")[0],
            amount_minor=bmp.from_bcd(f[bmp.AMOUNT]) if bmp.AMOUNT in f else None,
            currency=codes.currency_alpha(bmp.from_bcd(f[bmp.CURRENCY])) if bmp.CURRENCY in f else None,
            count=sum(b.count for b in brands),
            brands=tuple(brands),
            first_receipt_no=first,
            last_receipt_no=last,
            trace_no=bmp.from_bcd(f[bmp.TRACE]) if bmp.TRACE in f else None,
            when=self._when(f),
            # Print lines carry no kind; what an end of day prints is its administration receipt.
            receipts=tuple(
                Receipt(ReceiptKind.ADMINISTRATION, r.lines) if r.kind is ReceiptKind.UNKNOWN else r
                for r in dialogue.receipts
            ),
        )

    def _state(self, dialogue: _Dialogue) -> api.TerminalState:
        f = dialogue.fields
        status = f.get(bmp.PAYMENT_TYPE, b"\x00")[0]
        return api.TerminalState(
            ready=status == 0,
            status_code=status,
            terminal_id=bmp.bcd_digits(f[bmp.TERMINAL_ID]) if bmp.TERMINAL_ID in f else None,
            text=TERMINAL_STATES.get(status, f"Terminal status {status:02X}"),
        )

    # -- request parts -----------------------------------------------------------------------------

    def _password(self) -> bytes:
        return bmp.bcd(self.password, 3)

    @staticmethod
    def _amount(amount_minor: int, currency: str) -> bytes:
        if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor <= 0:
            raise ValueError(f"amount must be a positive whole number of minor units, not {amount_minor!r}")
        return bmp.encode([bmp.amount(amount_minor), bmp.currency(codes.currency_number(currency))])


ZVT_TCP_PORT = 20007


def tcp_terminal(host: str, port: int = ZVT_TCP_PORT, **options: object) -> ZvtTerminal:
    """A terminal on the network (ZVT over TCP, port 20007 by default)."""
    from hardware.terminal.zvt.framing import TcpLink
    from hardware.transport.tcp import TcpTransport

    return ZvtTerminal(TcpLink(TcpTransport(host, port)), **options)  # type: ignore[arg-type]


def serial_terminal(port: str, baudrate: int = 9600, **options: object) -> ZvtTerminal:
    """A terminal on a serial line; a USB terminal shows up as /dev/ttyACM* (CDC-ACM). 8N2 as ZVT asks."""
    from hardware.terminal.zvt.framing import SerialLink
    from hardware.transport.serial import SerialTransport

    transport = SerialTransport(port, baudrate, stopbits=2)
    return ZvtTerminal(SerialLink(transport), **options)  # type: ignore[arg-type]
