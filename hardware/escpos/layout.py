"""Turn a `ReceiptDocument` into ESC/POS bytes for one printer profile.

python-escpos generates the commands (styles, cut, drawer, QR, raster images) into its `Dummy`
printer, and our transports carry the bytes. We do not give python-escpos a device: its device
classes are where the unbounded waits live (USB timeout 0, serial writes without timeout, network
jobs lost silently), and a job built in memory first lets us time the build, send it in chunks
with a status check between them, know how far it got when paper runs out, and record and replay
it byte for byte.

Text goes through our own code-page choice instead of python-escpos's magic encoder, which prints
"?" for a character no code page of the profile has; a line no code page carries is drawn as an
image with DejaVu Sans Mono instead.
"""

from __future__ import annotations

import codecs
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from escpos.capabilities import CAPABILITIES, get_profile
from escpos.printer import Dummy
from PIL import Image, ImageDraw

from hardware.escpos.fonts import mono_font
from hardware.interfaces import (
    Align,
    Columns,
    Feed,
    QrCode,
    ReceiptDocument,
    Row,
    Rule,
    Text,
    cell_text,
)

ESC = b"\x1b"
GS = b"\x1d"
SELECT_CODE_PAGE = ESC + b"t"

# Code pages tried for text that is not ASCII, in this order, among those the profile has.
PREFERRED_CODE_PAGES = (
    "CP866", "CP1251", "CP855", "ISO_8859-5", "CP858", "CP437", "CP1252", "CP850", "CP852", "CP1250",
)

PAPER_DOTS = {58: 384, 80: 576}
PAPER_COLUMNS = {58: 32, 80: 48}


@dataclass(frozen=True)
class PrinterProfile:
    """What layout needs to know about a printer model."""

    name: str
    columns: int
    dots: int
    code_pages: dict[str, int]  # python codec name -> ESC t number
    native_qr: bool
    paper_mm: int

    @classmethod
    def from_capabilities(cls, name: str = "TM-T20II", *, paper_mm: int | None = None,
                          columns: int | None = None) -> PrinterProfile:
        """A python-escpos capabilities profile; `paper_mm` (58/80) fills what the profile leaves unknown."""
        profile = get_profile(name)
        media = profile.profile_data.get("media", {}).get("width", {})
        pixels = media.get("pixels")
        known_width = isinstance(pixels, int)
        if paper_mm is None:
            mm = media.get("mm")
            paper_mm = 58 if isinstance(mm, (int, float)) and mm < 65 else 80
        if paper_mm not in PAPER_DOTS:
            raise ValueError("paper width must be 58 or 80 mm")
        if columns is None:
            columns = int(profile.profile_data["fonts"]["0"]["columns"]) if known_width else PAPER_COLUMNS[paper_mm]
        dots = pixels if known_width else PAPER_DOTS[paper_mm]
        pages: dict[str, int] = {}
        for number, page in profile.profile_data.get("codePages", {}).items():
            codec = _codec(page)
            if codec and _single_byte(codec):
                pages.setdefault(codec, int(number))
        return cls(
            name=name,
            columns=columns,
            dots=int(dots),
            code_pages=pages,
            native_qr=bool(profile.supports("qrCode")),
            paper_mm=paper_mm,
        )


def _codec(page: str) -> str | None:
    info = CAPABILITIES["encodings"].get(page, {})
    name = info.get("python_encode")
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def _single_byte(codec: str) -> bool:
    """A printer code page is one byte a character; Python's cp932 (Shift-JIS) is not what
    printers call CP932 (half-width katakana), so multi-byte codecs are left out."""
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256


@dataclass(frozen=True)
class _Line:
    text: str
    align: Align = "left"
    bold: bool = False
    large: bool = False


@dataclass(frozen=True)
class _Qr:
    data: str
    size: int


@dataclass(frozen=True)
class _Feed:
    lines: int


class Layout:
    """Lays out documents for one profile; reuse it, it caches nothing per document."""

    def __init__(self, profile: PrinterProfile, *, drawer_pin: int = 2, text_as_image: bool = False) -> None:
        self.profile = profile
        self.drawer_pin = drawer_pin
        # A printer may lack a code page its profile claims (boxes instead of «»): then no text is
        # trusted to its fonts, every line is drawn.
        self.text_as_image = text_as_image
        order = [c for c in (_codec(p) for p in PREFERRED_CODE_PAGES) if c]
        self._pages = [c for c in order if c in profile.code_pages]
        self._pages += [c for c in profile.code_pages if c not in self._pages]

    # -- document -> lines -------------------------------------------------------------------------

    def lines(self, document: ReceiptDocument) -> Iterator[_Line | _Qr | _Feed]:
        banner = document.copy_banner if document.copy else ""
        if banner:
            yield _Line(banner, "center", bold=True, large=True)
        for block in document.blocks:
            yield from self._block(block)
        if banner:
            yield _Line(banner, "center", bold=True, large=True)

    def _block(self, block: object) -> Iterator[_Line | _Qr | _Feed]:
        width = self.profile.columns
        if isinstance(block, Text):
            cols = width // 2 if block.large else width
            for paragraph in block.text.splitlines() or [""]:
                for piece in textwrap.wrap(paragraph, cols) or [""]:
                    yield _Line(piece, block.align, block.bold, block.large)
        elif isinstance(block, Row):
            value = cell_text(block.value)
            label_lines = textwrap.wrap(block.label, width) or [""]
            last = label_lines[-1]
            for piece in label_lines[:-1]:
                yield _Line(piece, bold=block.bold)
            if len(last) + 1 + len(value) <= width:
                yield _Line(last + " " * (width - len(last) - len(value)) + value, bold=block.bold)
            else:
                yield _Line(last, bold=block.bold)
                yield _Line(value, "right", block.bold)
        elif isinstance(block, Columns):
            yield from self._columns(block)
        elif isinstance(block, Rule):
            yield _Line((block.char or "-")[0] * width)
        elif isinstance(block, QrCode):
            yield _Qr(block.data, max(1, min(16, block.size)))
            if block.caption:
                yield _Line(block.caption, "center")
        elif isinstance(block, Feed):
            yield _Feed(max(0, block.lines))
        else:
            raise TypeError(f"not a receipt block: {block!r}")

    def _columns(self, block: Columns) -> Iterator[_Line]:
        count = len(block.cells)
        if count == 0:
            return
        weights = block.widths or (1,) * count
        if len(weights) != count or any(w <= 0 for w in weights):
            raise ValueError("Columns.widths needs one positive weight per cell")
        gaps = count - 1
        usable = self.profile.columns - gaps
        sizes = [max(1, usable * w // sum(weights)) for w in weights]
        sizes[-1] += usable - sum(sizes)
        default: list[Align] = ["left"] * (count - 1)
        aligns = block.aligns or (*default, "right")
        wrapped = [textwrap.wrap(cell_text(c), size) or [""] for c, size in zip(block.cells, sizes, strict=True)]
        for row in range(max(len(w) for w in wrapped)):
            parts = []
            for cell_lines, size, align in zip(wrapped, sizes, aligns, strict=True):
                piece = cell_lines[row] if row < len(cell_lines) else ""
                parts.append(piece.rjust(size) if align == "right" else
                             piece.center(size) if align == "center" else piece.ljust(size))
            yield _Line(" ".join(parts).rstrip(), bold=block.bold)

    # -- lines -> bytes ----------------------------------------------------------------------------

    def _generator(self) -> Dummy:
        known = self.profile.name in CAPABILITIES["profiles"]
        return Dummy(profile=self.profile.name if known else "default")

    def render(self, document: ReceiptDocument) -> bytes:
        return b"".join(self.render_commands(document))

    def render_commands(self, document: ReceiptDocument) -> list[bytes]:
        """The job as whole commands, in order: a status query may go between two of them but
        never inside one (a printer would take its bytes as the command's parameters)."""
        out = self._generator()
        out.hw("INIT")
        state = _State()
        pending_images: list[_Line] = []
        for item in self.lines(document):
            if isinstance(item, _Line):
                encoded = None if self.text_as_image else self._encode(item.text)
                if encoded is None:
                    pending_images.append(item)
                    continue
                self._flush_images(out, pending_images, state)
                page, data = encoded
                self._style(out, state, item)
                if page is not None and page != state.page:
                    out._raw(SELECT_CODE_PAGE + bytes([page]))
                    state.page = page
                out._raw(data + b"\n")
            else:
                self._flush_images(out, pending_images, state)
                if isinstance(item, _Qr):
                    self._style(out, state, _Line("", "center"))
                    out.qr(item.data, size=item.size, native=self.profile.native_qr, center=not self.profile.native_qr)
                    if not self.profile.native_qr:
                        # python-escpos writes the newlines around an image QR through its own
                        # encoder, which selects a code page of its choosing: ours must be again.
                        state.page = None
                else:
                    if item.lines:
                        out.ln(item.lines)
        self._flush_images(out, pending_images, state)
        self._style(out, state, _Line(""))
        if document.cut:
            out.cut()
        if document.kick_drawer:
            out.cashdraw(self.drawer_pin)
        # Dummy keeps one entry per _raw() call, and python-escpos makes each call a whole
        # command (an image fragment, a QR function, a style) for everything we use.
        return [bytes(piece) for piece in out._output_list]

    def kick_bytes(self) -> bytes:
        out = self._generator()
        out.cashdraw(self.drawer_pin)
        return bytes(out.output)

    def _encode(self, text: str) -> tuple[int | None, bytes] | None:
        """(code page number or None for plain ASCII, bytes), or None when no page carries it."""
        if text.isascii():
            return None, text.encode("ascii")
        for codec in self._pages:
            try:
                return self.profile.code_pages[codec], text.encode(codec)
            except UnicodeEncodeError:
                continue
        return None

    def _style(self, out: Dummy, state: _State, line: _Line) -> None:
        if line.align != state.align:
            out.set(align=line.align)
            state.align = line.align
        if line.bold != state.bold:
            out.set(bold=line.bold)
            state.bold = line.bold
        if line.large != state.large:
            if line.large:
                out.set(double_width=True, double_height=True)
            else:
                out.set(normal_textsize=True)
            state.large = line.large

    def _flush_images(self, out: Dummy, lines: list[_Line], state: _State) -> None:
        if not lines:
            return
        self._style(out, state, _Line(""))
        out.image(self.draw_lines(lines), impl="bitImageRaster", center=False)
        lines.clear()

    def draw_lines(self, lines: list[_Line]) -> Image.Image:
        """Draw lines in a monospace face whose cell matches the printer font (12x24 at 576 dots)."""
        dots, columns = self.profile.dots, self.profile.columns
        cell_w = dots // columns
        # DejaVu Sans Mono advances 0.602 em: round down so a full line stays inside the paper.
        size = max(8, int(cell_w / 0.602))
        row_h = cell_w * 2
        heights = [row_h * (2 if line.large else 1) for line in lines]
        image = Image.new("1", (dots, sum(heights)), 1)
        draw = ImageDraw.Draw(image)
        y = 0
        for line, height in zip(lines, heights, strict=True):
            scale = 2 if line.large else 1
            font = mono_font(size * scale, line.bold)
            width = draw.textlength(line.text, font=font)
            x = {"left": 0, "center": (dots - width) / 2, "right": dots - width}[line.align]
            draw.text((max(0, x), y + height * 0.05), line.text, font=font, fill=0)
            y += height
        return image


@dataclass
class _State:
    align: Align = "left"
    bold: bool = False
    large: bool = False
    page: int | None = None
