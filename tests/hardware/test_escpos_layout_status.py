"""Layout bytes (code pages, images, QR, drawer, widths) and DLE EOT status decoding."""

from __future__ import annotations

import itertools

import pytest
from PIL import Image

from hardware.errors import CoverOpen, DeviceOffline, PaperOut, PrinterFault, ProtocolError
from hardware.escpos.layout import Layout, PrinterProfile
from hardware.escpos.status import QUERY_ALL, decode_status, encode_status
from hardware.interfaces import (
    COPY_BANNER,
    Amount,
    Columns,
    PrinterStatus,
    QrCode,
    ReceiptDocument,
    Row,
    Text,
)
from hardware.simulators.printer_engine import PrintedImage, PrintedLine, PrintedQr, SimulatedPrinter

BULGARIAN = "Фискален бон: нощувка, закуска, туристически данък"


def render(profile: PrinterProfile, *blocks, **kw) -> bytes:
    return Layout(profile).render(ReceiptDocument(tuple(blocks), **kw))


def decode(profile_name: str, data: bytes) -> SimulatedPrinter:
    engine = SimulatedPrinter(profile=profile_name)
    assert engine.feed(data) == b""
    assert engine.unknown == []
    return engine


# -- status ----------------------------------------------------------------------------------------


def test_status_bits_round_trip():
    flags = ("online", "cover_open", "paper_out", "paper_near_end", "drawer_open", "cutter_error",
             "unrecoverable_error")
    for values in itertools.product((False, True), repeat=len(flags)):
        status = PrinterStatus(**dict(zip(flags, values, strict=True)))  # type: ignore[arg-type]
        answer = encode_status(status)
        back = decode_status(answer)
        for name in flags:
            assert getattr(back, name) == getattr(status, name), (name, answer.hex())


def test_known_epson_answers():
    assert bytes.fromhex("10040110040210040310 0404".replace(" ", "")) == QUERY_ALL
    ready = decode_status(bytes([0x16, 0x12, 0x12, 0x12]))
    assert ready.ready and ready.drawer_open is True  # pin 3 high
    cover = decode_status(bytes([0x1E, 0x16, 0x12, 0x12]))
    assert not cover.online and cover.cover_open
    assert isinstance(cover.problem(), CoverOpen)
    paper = decode_status(bytes([0x1A, 0x32, 0x12, 0x72]))
    assert paper.paper_out and isinstance(paper.problem(), PaperOut)
    near = decode_status(bytes([0x12, 0x12, 0x12, 0x1E]))
    assert near.ready and near.paper_near_end and "low" in near.describe()
    cutter = decode_status(bytes([0x1A, 0x52, 0x1A, 0x12]))
    assert isinstance(cutter.problem(), PrinterFault) and "cutter" in str(cutter.problem())
    offline = decode_status(bytes([0x1A, 0x12, 0x12, 0x12]))
    assert isinstance(offline.problem(), DeviceOffline)
    assert decode_status(bytes([0x12] * 4), drawer_open_when_high=None).drawer_open is None
    assert decode_status(bytes([0x12] * 4), drawer_open_when_high=False).drawer_open is True


@pytest.mark.parametrize("answer", [b"\x12\x12\x12", bytes([0x12, 0x12, 0x12, 0x00]), bytes([0xFF] * 4)])
def test_garbage_status_is_a_protocol_error(answer):
    with pytest.raises(ProtocolError):
        decode_status(answer)


# -- code pages ------------------------------------------------------------------------------------


def test_cyrillic_goes_through_cp866_on_an_epson_profile():
    profile = PrinterProfile.from_capabilities("TM-T20II")
    data = render(profile, Text("Привет"))
    assert b"\x1bt\x11" + "Привет".encode("cp866") + b"\n" in data
    assert b"?" not in data


def test_cp1251_when_that_is_the_page_the_printer_has():
    profile = PrinterProfile("custom", 48, 576, {"cp1251": 46}, True, 80)
    data = render(profile, Text(BULGARIAN))
    assert b"\x1bt\x2e" in data and BULGARIAN[:20].encode("cp1251") in data


def test_bulgarian_text_decodes_back_line_by_line():
    profile = PrinterProfile.from_capabilities("TM-T20II")
    engine = decode("TM-T20II", render(profile, Text(BULGARIAN), Row("Нощувка", Amount(12345, "BGN"))))
    lines = [i.text for i in engine.printed if isinstance(i, PrintedLine) and i.text]
    assert lines == [
        "Фискален бон: нощувка, закуска, туристически",
        "данък",
        "Нощувка" + " " * 31 + "123.45 BGN",
    ]


@pytest.mark.parametrize("profile_name", ["TM-T88IV-SA", "simple"])
def test_no_cyrillic_page_means_an_image_never_question_marks(profile_name):
    profile = PrinterProfile.from_capabilities(profile_name, paper_mm=80)
    assert not {"cp866", "cp1251"} & set(profile.code_pages)
    data = render(profile, Text("Hotel"), Text("Хотел Рила"), Text("ѝ and 中"))
    engine = decode(profile_name, data)
    assert not any("?" in i.text for i in engine.printed if isinstance(i, PrintedLine))
    kinds = [type(i).__name__ for i in engine.printed if not isinstance(i, PrintedLine) or i.text]
    assert kinds[:2] == ["PrintedLine", "PrintedImage"]
    image = next(i for i in engine.printed if isinstance(i, PrintedImage)).image
    # Both lines no page carries, in one image of two text rows.
    assert image.width == profile.dots and image.height == 2 * 2 * (profile.dots // profile.columns)
    # Ink on the line: the text was drawn, not left blank.
    assert image.convert("L").getextrema()[0] == 0


def test_a_character_no_page_has_is_drawn_even_on_a_cyrillic_printer():
    profile = PrinterProfile.from_capabilities("TM-T20II")
    engine = decode("TM-T20II", render(profile, Text("Обичам те, ѝ")))
    assert [type(i) for i in engine.printed][:1] == [PrintedImage]


# -- widths, QR, drawer, copy ----------------------------------------------------------------------


@pytest.mark.parametrize(("profile_name", "paper", "columns", "dots"), [
    ("POS-5890", None, 32, 384), ("TM-T20II", None, 48, 576), ("default", 58, 32, 384), ("default", 80, 48, 576),
])
def test_paper_widths(profile_name, paper, columns, dots):
    profile = PrinterProfile.from_capabilities(profile_name, paper_mm=paper)
    assert (profile.columns, profile.dots) == (columns, dots)
    engine = decode(profile_name, render(profile, Row("Total", Amount(100, "EUR")),
                                         Columns(("2 x", "Coffee", Amount(700, "EUR")), widths=(1, 3, 2))))
    lines = [i.text for i in engine.printed if isinstance(i, PrintedLine) and i.text]
    assert all(len(line) == columns for line in lines)
    assert lines[0].startswith("Total") and lines[0].endswith("1.00 EUR")


def test_qr_native_or_as_image():
    native = PrinterProfile.from_capabilities("TM-T20II")
    data = render(native, QrCode("https://example.org/r/1", size=5))
    assert b"\x1d(k" in data and b"https://example.org/r/1" in data
    engine = decode("TM-T20II", data)
    assert [(q.data, q.size) for q in engine.printed if isinstance(q, PrintedQr)] == [
        ("https://example.org/r/1", 5)
    ]
    no_qr = PrinterProfile.from_capabilities("POS-5890")
    data = render(no_qr, QrCode("https://example.org/r/1"))
    assert b"\x1d(k" not in data and b"\x1dv0" in data


def test_drawer_kick_cut_and_copy_banner():
    profile = PrinterProfile.from_capabilities("TM-T20II")
    doc = ReceiptDocument((Text("x"),), kick_drawer=True)
    data = Layout(profile).render(doc)
    assert data.startswith(b"\x1b@")
    assert data.endswith(b"\x1bp\x00\x32\x32")  # ESC p pin 2, 100 ms on / off
    assert b"\x1dV\x00" in data
    copy = decode("TM-T20II", Layout(profile).render(doc.as_copy()))
    texts = [i.text for i in copy.printed if isinstance(i, PrintedLine) and i.text]
    assert texts == [COPY_BANNER, "x", COPY_BANNER]
    assert copy.drawer_kicks == 0  # a reprint does not open the drawer again


def test_amount_formatting():
    assert Amount(123456789, "BGN").format() == "1 234 567.89 BGN"
    assert Amount(-5, "EUR").format() == "-0.05 EUR"
    assert Amount(1500, "JPY").format() == "1 500 JPY"
    with pytest.raises(ValueError):
        Amount(1, "leva")


def test_simulator_png_shows_the_text(tmp_path):
    profile = PrinterProfile.from_capabilities("TM-T20II")
    engine = decode("TM-T20II", render(profile, Text("Хотел Рила", "center", large=True)))
    path = engine.save_png(tmp_path / "r.png")
    with Image.open(path) as image:
        assert image.width == 576 + 32
        assert image.convert("L").getextrema()[0] == 0


def test_text_after_an_image_qr_keeps_its_code_page():
    profile = PrinterProfile.from_capabilities("POS-5890")  # no native QR: python-escpos draws it
    engine = decode("POS-5890", render(profile, Text("Привет"), QrCode("x"), Text("Благодарим")))
    texts = [i.text for i in engine.printed if isinstance(i, PrintedLine) and i.text]
    assert texts == ["Привет", "Благодарим"]
