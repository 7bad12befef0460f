"""Code pages a printer really has, text drawn as an image, and the test page's Cyrillic sample (issue 22).

A profile only claims code pages: a TM-T20II sold without WPC1251 (page 46) printed «» wrong.
The simulator models what the printer really has (ESC t for a page it lacks is ignored, as the
ESC/POS reference says of any parameter out of range); the bytes are decoded by the simulator.
"""

from __future__ import annotations

from hardware.escpos import testpage
from hardware.escpos.layout import Layout, PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.escpos.testpage import CYRILLIC_SAMPLE
from hardware.interfaces import ReceiptDocument, Text
from hardware.simulators.printer_engine import (
    NO_GLYPH,
    LoopbackTransport,
    PrintedImage,
    PrintedLine,
    SimulatedPrinter,
)

GUEST_LINE = "Гость: «Иван Петров» № 12 — 15,00 €"


def printed(engine: SimulatedPrinter, document: ReceiptDocument, *, text_as_image: bool = False,
            profile: str = "TM-T20II", paper_mm: int = 80) -> tuple[bytes, list[object]]:
    """Print ``document`` on ``engine``; the job's bytes and what came out on paper."""
    printer = EscposPrinter(LoopbackTransport(engine), PrinterProfile.from_capabilities(profile, paper_mm=paper_mm),
                            text_as_image=text_as_image, status_timeout=0.5, write_timeout=0.5)
    job = printer.render(document)
    printer.transport.open()
    try:
        printer.print_document(document)
    finally:
        printer.close()
    return job, list(engine.printed)


def lines(items: list[object]) -> list[str]:
    return [item.text for item in items if isinstance(item, PrintedLine)]


def images(items: list[object]) -> list[PrintedImage]:
    return [item for item in items if isinstance(item, PrintedImage)]


def test_a_printer_lacking_a_page_its_profile_claims_prints_garbage_where_the_profile_promised_glyphs():
    lacking = SimulatedPrinter(profile="TM-T20II", missing_code_pages=frozenset({46}))
    _job, items = printed(lacking, ReceiptDocument((Text(GUEST_LINE),)))
    (line,) = lines(items)
    # ESC t 46 is ignored: the CP1251 bytes print in PC437, selected by ESC @; only the ASCII survives.
    assert line == GUEST_LINE.encode("cp1251").decode("cp437")
    assert "«" not in line and "Иван" not in line and line.endswith(" 15,00 \u20ac".encode("cp1251").decode("cp437"))
    # The same bytes on a printer that has page 46 read as they were meant.
    whole = SimulatedPrinter(profile="TM-T20II")
    _job, items = printed(whole, ReceiptDocument((Text(GUEST_LINE),)))
    assert lines(items) == [GUEST_LINE]


def test_selecting_a_page_the_printer_lacks_is_ignored_and_the_page_before_stays():
    # ESC/POS: a parameter out of the model's range is ignored. Here the page before is PC866.
    lacking = SimulatedPrinter(profile="TM-T20II", missing_code_pages=frozenset({46}))
    lacking.feed(b"\x1b@\x1bt\x11" + "Ёлка".encode("cp866") + b"\n\x1bt\x2e" + "Ёлка".encode("cp1251") + b"\n")
    assert lines(list(lacking.printed)) == ["Ёлка", "Ёлка".encode("cp1251").decode("cp866")]
    # A page no profile names (99) is out of range on every printer; a position a page leaves empty is a box.
    engine = SimulatedPrinter(profile="TM-T20II")
    engine.feed(b"\x1b@\x1bt\x63" + "Ёлка".encode("cp1251") + b" ok\n\x1bt\x2e\x98\n")
    assert lines(list(engine.printed)) == ["Ёлка".encode("cp1251").decode("cp437") + " ok", NO_GLYPH]


def test_drawn_as_an_image_the_cyrillic_line_sends_no_text_bytes_and_prints_whole_on_a_lacking_printer():
    lacking = SimulatedPrinter(profile="TM-T20II", missing_code_pages=frozenset({46}))
    job, items = printed(lacking, ReceiptDocument((Text(GUEST_LINE),), cut=False), text_as_image=True)
    for codec in ("cp1251", "cp866"):
        assert "Иван".encode(codec, errors="ignore") not in job
    assert b"\x1bt" not in job  # no code page is even selected
    assert lines(items) == []
    (image,) = images(items)
    assert image.image.width == 576  # the 80 mm paper's dots
    assert image.image.height == 24  # one text row of the printer's 12x24 font
    # Something is drawn on it (the glyphs), in the left part where the text is.
    black = image.image.convert("L").point(lambda v: 255 if v < 128 else 0)
    box = black.getbbox()
    assert box is not None and box[0] < 12 and box[2] > 300


def test_on_58_mm_paper_the_drawn_line_is_as_wide_as_that_paper():
    engine = SimulatedPrinter(profile="POS-5890", paper_mm=58)
    _job, items = printed(engine, ReceiptDocument((Text("Итого: 10,00 €"),)), text_as_image=True,
                          profile="POS-5890", paper_mm=58)
    (image,) = images(items)
    assert image.image.width == 384


def test_without_the_setting_a_character_no_page_carries_draws_that_line_and_only_that_line():
    engine = SimulatedPrinter(profile="TM-T20II")
    document = ReceiptDocument((Text("Room 101"), Text("Оплачено ✓ «Люкс»"), Text("Итого 10,00 €")))
    job, items = printed(engine, document)
    assert lines(items) == ["Room 101", "Итого 10,00 €"]
    (image,) = images(items)
    assert image.image.width == 576
    # Nothing of the drawn line went out as text (so nothing of it was dropped or replaced by "?").
    assert "Оплачено".encode("cp1251") not in job and "Оплачено".encode("cp866") not in job


def test_a_line_in_the_page_chosen_for_it_is_text_and_says_which_page():
    profile = PrinterProfile.from_capabilities("TM-T20II")
    job = Layout(profile).render(ReceiptDocument((Text(GUEST_LINE),)))
    assert b"\x1bt" + bytes([46]) + GUEST_LINE.encode("cp1251") in job


def test_the_test_page_prints_the_cyrillic_sample_with_quotes_numero_and_euro():
    assert all(sign in CYRILLIC_SAMPLE for sign in "«»№€Ё")
    engine = SimulatedPrinter(profile="TM-T20II")
    _job, items = printed(engine, testpage.test_page("Front receipts", 48, workstation="FRONT-1"))
    assert CYRILLIC_SAMPLE in lines(items)
    # On the printer that lacks page 46 the hotel sees the boxes on that line, and can tell.
    lacking = SimulatedPrinter(profile="TM-T20II", missing_code_pages=frozenset({46}))
    _job, items = printed(lacking, testpage.test_page("Front receipts", 48, workstation="FRONT-1"))
    # The sample goes out in page 46, which is ignored: it prints in the page of the line before (PC866).
    assert CYRILLIC_SAMPLE not in lines(items)
    assert CYRILLIC_SAMPLE.encode("cp1251").decode("cp866").rstrip() in lines(items)
    # With "draw text as image" the whole page is drawn: no text line at all.
    drawn = SimulatedPrinter(profile="TM-T20II", missing_code_pages=frozenset({46}))
    _job, items = printed(drawn, testpage.test_page("Front receipts", 48, workstation="FRONT-1"), text_as_image=True)
    assert lines(items) == [] and images(items)


def test_the_font_folder_named_by_the_setting_wins_with_liberation_mono_too(tmp_path, monkeypatch):
    from hardware.escpos import fonts

    # A hotel that points HARDWARE_FONT_DIR at its Liberation Mono gets it, though DejaVu is elsewhere.
    for name in ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"):
        (tmp_path / name).write_bytes(fonts.font_path().read_bytes())
    monkeypatch.setenv("HARDWARE_FONT_DIR", str(tmp_path))
    fonts.font_path.cache_clear()
    try:
        assert fonts.font_path() == tmp_path / "LiberationMono-Regular.ttf"
        assert fonts.font_path(bold=True) == tmp_path / "LiberationMono-Bold.ttf"
    finally:
        fonts.font_path.cache_clear()
