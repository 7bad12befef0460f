"""The simulated ESC/POS printer: it parses the byte stream, answers status queries, keeps what
it printed as text and as an image, and can be made to run out of paper, open its cover or go
offline, now or after N more bytes.

The engine knows no transport: the TCP and pty servers (`printer.py`) and the pyusb backend
(`printer_usb.py`) feed it bytes and send back what it answers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import qrcode
from escpos.capabilities import CAPABILITIES, get_profile
from PIL import Image, ImageDraw

from hardware.escpos.fonts import mono_font
from hardware.escpos.status import encode_status
from hardware.interfaces import PrinterStatus

Fault = Literal["paper_out", "cover_open", "offline", "cutter_error"]
FAULTS: tuple[Fault, ...] = ("paper_out", "cover_open", "offline", "cutter_error")

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
# What a printer prints for a byte its selected code page has no glyph for.
NO_GLYPH = "\u25a1"


@dataclass
class Style:
    align: str = "left"
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1
    font_b: bool = False


@dataclass
class PrintedLine:
    text: str
    style: Style


@dataclass
class PrintedImage:
    image: Image.Image
    align: str = "left"


@dataclass
class PrintedQr:
    data: str
    size: int
    align: str = "center"


@dataclass
class Cut:
    pass


@dataclass
class FeedLines:
    lines: int


Printed = PrintedLine | PrintedImage | PrintedQr | Cut | FeedLines


class Incomplete(Exception):
    """The command at the head of the buffer needs more bytes."""


@dataclass
class _Armed:
    fault: Fault
    after: int  # bytes still to be taken before the fault strikes


@dataclass
class SimulatedPrinter:
    """An ESC/POS printer in memory. Thread-safe: servers feed it while a test or the control
    socket changes its state."""

    profile: str = "TM-T20II"
    paper_mm: int | None = None
    drawer_open_when_high: bool = True
    # A real printer resumes its buffer when paper comes back; most drivers then reprint anyway.
    # False: what arrived while stopped is dropped on recovery (and kept in `held` to inspect).
    resume_on_recovery: bool = False
    on_cut: Callable[[SimulatedPrinter], None] | None = None
    # ESC t numbers its profile claims but this printer's firmware lacks (a TM-T20II sold without
    # WPC1251, page 46). As the ESC/POS reference says of a parameter out of the model's range, ESC t
    # with such a page is ignored: the page selected before stays, and the text prints in it, garbled.
    missing_code_pages: frozenset[int] = frozenset()

    paper_out: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    offline: bool = False
    cutter_error: bool = False
    drawer_open: bool = False

    printed: list[Printed] = field(default_factory=list)
    held: list[Printed] = field(default_factory=list)
    unknown: list[bytes] = field(default_factory=list)
    received: int = 0
    drawer_kicks: int = 0
    status_queries: int = 0
    asb_enabled: bool = False

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        self._buffer = bytearray()
        self._line: list[str] = []
        self._style = Style()
        self._codepage = 0
        self._qr_data = b""
        self._qr_size = 3
        self._armed: list[_Armed] = []
        data = get_profile(self.profile).profile_data
        pixels = data.get("media", {}).get("width", {}).get("pixels")
        mm = self.paper_mm or (58 if isinstance(pixels, int) and pixels <= 432 else 80)
        self.dots = pixels if isinstance(pixels, int) else (384 if mm == 58 else 576)
        self.columns = int(data["fonts"]["0"]["columns"]) if isinstance(pixels, int) else (32 if mm == 58 else 48)
        # The pages this printer has, and the codec of each that Python knows (None: shown as boxes).
        self._pages: dict[int, str | None] = {0: "cp437"}
        for number, page in data.get("codePages", {}).items():
            if int(number) not in self.missing_code_pages:
                self._pages[int(number)] = CAPABILITIES["encodings"].get(page, {}).get("python_encode")

    # -- control -----------------------------------------------------------------------------------

    def fail(self, fault: Fault, after: int = 0) -> None:
        """Make `fault` happen now, or once `after` more bytes have arrived."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
        with self._lock:
            if after <= 0:
                setattr(self, fault, True)
            else:
                self._armed.append(_Armed(fault, after))

    def recover(self, fault: Fault | None = None) -> None:
        """Clear one fault (or all): paper loaded, cover closed, back online."""
        with self._lock:
            for name in FAULTS if fault is None else (fault,):
                setattr(self, name, False)
            self._armed = [a for a in self._armed if fault is not None and a.fault != fault]
            if not self.stopped and self.resume_on_recovery:
                self.printed.extend(self.held)
                self.held.clear()

    @property
    def stopped(self) -> bool:
        return self.paper_out or self.cover_open or self.offline or self.cutter_error

    def status(self) -> PrinterStatus:
        with self._lock:
            return PrinterStatus(
                online=not self.stopped,
                cover_open=self.cover_open,
                paper_out=self.paper_out,
                paper_near_end=self.paper_near_end or self.paper_out,
                drawer_open=self.drawer_open,
                cutter_error=self.cutter_error,
            )

    def power_cycle(self) -> None:
        """Switched off and on (or its USB link reset): a half-received command and the unprinted
        buffer are gone, what was printed stays on the paper."""
        with self._lock:
            self._buffer.clear()
            self._line = []
            self._style = Style()
            self._codepage = 0
            self.held.clear()

    def reset_output(self) -> None:
        with self._lock:
            self.printed.clear()
            self.held.clear()
            self.unknown.clear()
            self.received = 0
            self.drawer_kicks = 0

    # -- the byte stream -------------------------------------------------------------------------

    def feed(self, data: bytes) -> bytes:
        """Take bytes from the host; return what the printer sends back."""
        answers = bytearray()
        with self._lock:
            view = memoryview(data)
            while view:
                step = len(view)
                for armed in self._armed:
                    step = min(step, armed.after)
                chunk, view = view[:step], view[step:]
                self.received += len(chunk)
                self._buffer += chunk
                answers += self._parse()
                for armed in list(self._armed):
                    armed.after -= len(chunk)
                    if armed.after <= 0:
                        setattr(self, armed.fault, True)
                        self._armed.remove(armed)
        return bytes(answers)

    def _parse(self) -> bytes:
        answers = bytearray()
        buf = self._buffer
        pos = 0
        while pos < len(buf):
            try:
                used, answer = self._command(buf, pos)
            except Incomplete:
                break
            pos += used
            answers += answer
        del buf[:pos]
        return bytes(answers)

    def _emit(self, item: Printed) -> None:
        (self.held if self.stopped else self.printed).append(item)
        if isinstance(item, Cut) and not self.stopped and self.on_cut is not None:
            self.on_cut(self)

    def _need(self, buf: bytearray, pos: int, count: int) -> None:
        if pos + count > len(buf):
            raise Incomplete

    def _command(self, buf: bytearray, pos: int) -> tuple[int, bytes]:
        b = buf[pos]
        if b == 0x0A:
            self._end_line()
            return 1, b""
        if b in (0x0D, 0x0C, 0x00):
            return 1, b""
        if b == 0x09:
            self._line.append(" " * (8 - len(self._line) % 8))
            return 1, b""
        if b == ESC:
            return self._esc(buf, pos)
        if b == GS:
            return self._gs(buf, pos)
        if b == DLE:
            return self._dle(buf, pos)
        if b == FS:
            self._need(buf, pos, 2)
            if buf[pos + 1] == ord("p"):
                self._need(buf, pos, 4)
                return 4, b""
            return 2, b""
        if b < 0x20:
            self.unknown.append(bytes([b]))
            return 1, b""
        self._line.append(self._decode(b))
        return 1, b""

    def _decode(self, value: int) -> str:
        if value < 0x80:
            return chr(value)
        codec = self._pages.get(self._codepage)
        if codec is None:
            return NO_GLYPH
        try:
            return bytes([value]).decode(codec)
        except (UnicodeDecodeError, LookupError):
            return NO_GLYPH  # a position the page leaves empty

    def _end_line(self) -> None:
        text = "".join(self._line).rstrip()
        self._line = []
        self._emit(PrintedLine(text, replace(self._style)))

    def _esc(self, buf: bytearray, pos: int) -> tuple[int, bytes]:
        self._need(buf, pos, 2)
        c = chr(buf[pos + 1])
        if c == "@":
            self._style = Style()
            self._codepage = 0
            self._line = []
            return 2, b""
        if c in "2im":
            if c in "im":
                self._emit(Cut())
            return 2, b""
        if c in "!E-GMatdJR{V3 rU=c$\\p*D":
            if c == "p":
                self._need(buf, pos, 5)
                self.drawer_kicks += 1
                self.drawer_open = True
                return 5, b""
            if c in "$\\":
                self._need(buf, pos, 4)
                return 4, b""
            if c == "c":
                self._need(buf, pos, 4)
                return 4, b""
            if c == "D":
                end = buf.find(b"\x00", pos + 2)
                if end < 0:
                    raise Incomplete
                return end - pos + 1, b""
            if c == "*":
                self._need(buf, pos, 5)
                m, n = buf[pos + 2], buf[pos + 3] + 256 * buf[pos + 4]
                size = n * (3 if m in (32, 33) else 1)
                self._need(buf, pos, 5 + size)
                self._emit(PrintedImage(Image.new("1", (n, 8 if size == n else 24), 0)))
                return 5 + size, b""
            self._need(buf, pos, 3)
            n = buf[pos + 2]
            if c == "!":
                self._style.font_b = bool(n & 0x01)
                self._style.bold = bool(n & 0x08)
                self._style.height = 2 if n & 0x10 else 1
                self._style.width = 2 if n & 0x20 else 1
                self._style.underline = bool(n & 0x80)
            elif c == "E":
                self._style.bold = bool(n & 1)
            elif c == "-":
                self._style.underline = bool(n)
            elif c == "M":
                self._style.font_b = n in (1, 49)
            elif c == "a":
                self._style.align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}.get(
                    n, "left"
                )
            elif c == "t" and n in self._pages:  # a page this printer lacks: ignored, as any n out of range
                self._codepage = n
            elif c == "d":
                self._emit(FeedLines(n))
            return 3, b""
        self.unknown.append(bytes(buf[pos : pos + 2]))
        return 2, b""

    def _gs(self, buf: bytearray, pos: int) -> tuple[int, bytes]:
        self._need(buf, pos, 2)
        c = chr(buf[pos + 1])
        if c == "V":
            self._need(buf, pos, 3)
            m = buf[pos + 2]
            length = 4 if m in (65, 66, 97, 98, 103, 104) else 3
            self._need(buf, pos, length)
            self._emit(Cut())
            return length, b""
        if c == "v":
            self._need(buf, pos, 8)
            x = buf[pos + 4] + 256 * buf[pos + 5]
            y = buf[pos + 6] + 256 * buf[pos + 7]
            self._need(buf, pos, 8 + x * y)
            raw = bytes(buf[pos + 8 : pos + 8 + x * y])
            # ESC/POS raster: 1 bit = black; Pillow's mode "1" from bytes: 1 = white, so invert.
            image = Image.frombytes("1", (x * 8, y), bytes(255 - v for v in raw))
            self._emit(PrintedImage(image, self._style.align))
            return 8 + x * y, b""
        if c == "(":
            self._need(buf, pos, 5)
            length = buf[pos + 3] + 256 * buf[pos + 4]
            self._need(buf, pos, 5 + length)
            if buf[pos + 2] == ord("k"):
                self._qr(bytes(buf[pos + 5 : pos + 5 + length]))
            return 5 + length, b""
        if c == "8":
            self._need(buf, pos, 7)
            length = int.from_bytes(buf[pos + 3 : pos + 7], "little")
            self._need(buf, pos, 7 + length)
            return 7 + length, b""
        if c == "!":
            self._need(buf, pos, 3)
            n = buf[pos + 2]
            self._style.width = (n >> 4) + 1
            self._style.height = (n & 0x0F) + 1
            return 3, b""
        if c == "r":
            self._need(buf, pos, 3)
            n = buf[pos + 2]
            self.status_queries += 1
            if n in (1, 49):
                value = (0x03 if self.paper_near_end or self.paper_out else 0) | (0x0C if self.paper_out else 0)
            else:
                pin3 = self.drawer_open == self.drawer_open_when_high
                value = 0x01 if pin3 else 0
            return 3, bytes([value])
        if c == "I":
            self._need(buf, pos, 3)
            return 3, bytes([0x20])
        if c == "a":
            self._need(buf, pos, 3)
            self.asb_enabled = bool(buf[pos + 2])
            return 3, b""
        if c in "BbhwHfaPLW":
            size = 4 if c in "PLW" else 3
            self._need(buf, pos, size)
            return size, b""
        if c == "k":
            self._need(buf, pos, 3)
            m = buf[pos + 2]
            if m <= 6:
                end = buf.find(b"\x00", pos + 3)
                if end < 0:
                    raise Incomplete
                return end - pos + 1, b""
            self._need(buf, pos, 4)
            n = buf[pos + 3]
            self._need(buf, pos, 4 + n)
            return 4 + n, b""
        self.unknown.append(bytes(buf[pos : pos + 2]))
        return 2, b""

    def _qr(self, params: bytes) -> None:
        if len(params) < 2 or params[0] != 0x31:
            return
        fn = params[1]
        if fn == 0x43 and len(params) >= 3:
            self._qr_size = params[2]
        elif fn == 0x50:
            self._qr_data = params[3:]
        elif fn == 0x51:
            self._emit(PrintedQr(self._qr_data.decode("utf-8", "replace"), self._qr_size, self._style.align))

    def _dle(self, buf: bytearray, pos: int) -> tuple[int, bytes]:
        self._need(buf, pos, 2)
        c = buf[pos + 1]
        if c == 0x04:  # DLE EOT n: real-time status, answered whatever state the printer is in
            self._need(buf, pos, 3)
            n = buf[pos + 2]
            self.status_queries += 1
            answers = encode_status(self.status(), drawer_open_when_high=self.drawer_open_when_high)
            return 3, bytes([answers[n - 1]]) if 1 <= n <= 4 else b""
        if c == 0x05:  # DLE ENQ n: recover from an error
            self._need(buf, pos, 3)
            if buf[pos + 2] == 2:
                self.held.clear()
            return 3, b""
        if c == 0x14:  # DLE DC4 fn ...
            self._need(buf, pos, 3)
            fn = buf[pos + 2]
            size = {1: 5, 2: 5, 7: 4, 8: 10}.get(fn, 3)
            self._need(buf, pos, size)
            if fn == 1:
                self.drawer_kicks += 1
                self.drawer_open = True
            return size, b""
        self.unknown.append(bytes(buf[pos : pos + 2]))
        return 2, b""

    # -- what came out -----------------------------------------------------------------------------

    def text(self, items: list[Printed] | None = None) -> str:
        """The printed paper as text: a line per text line, markers for images, QR codes and cuts."""
        with self._lock:
            items = list(self.printed if items is None else items)
        out: list[str] = []
        for item in items:
            if isinstance(item, PrintedLine):
                out.append(item.text)
            elif isinstance(item, PrintedImage):
                out.append(f"[image {item.image.width}x{item.image.height}]")
            elif isinstance(item, PrintedQr):
                out.append(f"[QR {item.data}]")
            elif isinstance(item, FeedLines):
                out.extend([""] * item.lines)
            elif isinstance(item, Cut):
                out.append("--- cut ---")
        return "\n".join(out)

    def receipts(self) -> list[list[Printed]]:
        """The printed paper split at each cut (a cut ends a receipt)."""
        with self._lock:
            items = list(self.printed)
        pieces: list[list[Printed]] = [[]]
        for item in items:
            if isinstance(item, Cut):
                pieces.append([])
            else:
                pieces[-1].append(item)
        return [p for p in pieces if p]

    def render(self, items: list[Printed] | None = None) -> Image.Image:
        """Draw the paper: text in a 12x24-dot monospace face (scaled to the paper), images, QR codes."""
        with self._lock:
            items = list(self.printed if items is None else items)
        cell_w = self.dots // self.columns
        row_h = cell_w * 2
        size = max(8, int(cell_w / 0.602))  # DejaVu Sans Mono: 0.602 em a character
        blocks: list[Image.Image] = []
        for item in items:
            if isinstance(item, PrintedLine):
                style = item.style
                height = row_h * style.height
                block = Image.new("L", (self.dots, height + 4), 255)
                draw = ImageDraw.Draw(block)
                font = mono_font(size * style.height, style.bold)
                # Double width: draw at double height's size, which doubles the advance as well.
                width = draw.textlength(item.text, font=font) * (style.width / style.height)
                x = {"left": 0, "center": (self.dots - width) / 2, "right": self.dots - width}.get(style.align, 0)
                if style.width != style.height:
                    wide = Image.new("L", (int(draw.textlength(item.text, font=font)) + 1, height + 4), 255)
                    ImageDraw.Draw(wide).text((0, 2), item.text, font=font, fill=0)
                    wide = wide.resize((max(1, int(wide.width * style.width / style.height)), wide.height))
                    block.paste(wide, (max(0, int(x)), 0))
                else:
                    draw.text((max(0, x), 2), item.text, font=font, fill=0)
                blocks.append(block)
            elif isinstance(item, PrintedImage):
                image = item.image.convert("L")
                block = Image.new("L", (self.dots, image.height), 255)
                x = {"center": (self.dots - image.width) // 2, "right": self.dots - image.width}.get(item.align, 0)
                block.paste(image, (max(0, x), 0))
                blocks.append(block)
            elif isinstance(item, PrintedQr):
                qr = qrcode.QRCode(box_size=max(1, item.size), border=2)
                qr.add_data(item.data)
                image = qr.make_image().get_image().convert("L")
                block = Image.new("L", (self.dots, image.height), 255)
                block.paste(image, (max(0, (self.dots - image.width) // 2), 0))
                blocks.append(block)
            elif isinstance(item, FeedLines):
                blocks.append(Image.new("L", (self.dots, row_h * item.lines), 255))
            elif isinstance(item, Cut):
                block = Image.new("L", (self.dots, 12), 255)
                draw = ImageDraw.Draw(block)
                for x0 in range(0, self.dots, 16):
                    draw.line((x0, 6, x0 + 8, 6), fill=96, width=2)
                blocks.append(block)
        margin = 16
        total = sum(b.height for b in blocks) + 2 * margin
        paper = Image.new("L", (self.dots + 2 * margin, max(total, 2 * margin)), 255)
        y = margin
        for block in blocks:
            paper.paste(block, (margin, y))
            y += block.height
        return paper

    def save_png(self, path: str | Path, items: list[Printed] | None = None) -> Path:
        path = Path(path)
        self.render(items).save(path)
        return path


class LoopbackTransport:
    """A transport straight into a `SimulatedPrinter`, no socket or thread (fast tests, benches)."""

    def __init__(self, engine: SimulatedPrinter, name: str = "loopback printer") -> None:
        self.engine = engine
        self._name = name
        self._open = False
        self._answers = bytearray()

    @property
    def name(self) -> str:
        return self._name

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False
        self._answers.clear()

    def _check(self) -> None:
        if not self._open:
            from hardware.errors import DeviceOffline

            raise DeviceOffline("The connection is not open.", device=self._name)

    def write(self, data: bytes, timeout: float) -> None:
        self._check()
        self._answers += self.engine.feed(data)

    def read(self, size: int, timeout: float) -> bytes:
        self._check()
        if not self._answers:
            from hardware.errors import DeviceTimeout

            raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self._name)
        data = bytes(self._answers[:size])
        del self._answers[:size]
        return data

    def read_exact(self, size: int, timeout: float) -> bytes:
        data = b""
        while len(data) < size:
            data += self.read(size - len(data), timeout)
        return data

    def discard_input(self) -> None:
        self._answers.clear()

    def __enter__(self) -> LoopbackTransport:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
