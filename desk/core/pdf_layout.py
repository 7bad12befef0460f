"""The look of every PDF the desk makes (ReportLab): a font with Cyrillic for guests' names, the
styles, tables whose totals never go to a page alone, and amounts as a reader expects them."""

from __future__ import annotations

import logging
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desk.core.money import Money

logger = logging.getLogger(__name__)

# Searched in order; Debian's fonts-dejavu-core provides the first. Helvetica has no Cyrillic.
FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
]


def fonts() -> tuple[str, str]:
    if "DeskSans" in pdfmetrics.getRegisteredFontNames():
        return "DeskSans", "DeskSans-Bold"
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("DeskSans", regular))
            pdfmetrics.registerFont(TTFont("DeskSans-Bold", bold))
            return "DeskSans", "DeskSans-Bold"
    logger.warning("no font with Cyrillic found; names in other scripts will not print")
    return "Helvetica", "Helvetica-Bold"


def amount_text(money: Money) -> str:
    return f"{money.amount:,}".replace(",", "\u00a0") + f" {money.currency}"


def paragraph_styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16, alignment=0),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9, leading=12),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontName=regular, fontSize=8, leading=10,
                                textColor=colors.grey),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10),
        "number": ParagraphStyle("number", fontName=regular, fontSize=8.5, leading=10, alignment=2),
        "regular": ParagraphStyle("regular", fontName=regular),
        "bold": ParagraphStyle("bold", fontName=bold),
    }


def text_cell(value: str, style: ParagraphStyle) -> Paragraph:
    """A cell that wraps inside its column instead of running over the next one."""
    return Paragraph(escape(value), style)


def money_cell(money: Money, styles: dict[str, ParagraphStyle]) -> Paragraph:
    """An amount that wraps before its currency rather than printing over the next column."""
    return Paragraph(amount_text(money), styles["number"])


def document_table(rows: list[list[object]], widths: list[float], styles: dict[str, ParagraphStyle],
           numeric_from: int, footer: list[Flowable] | None = None, keep_rows: int = 2) -> Table:
    """A table; ``footer`` (the totals under it) spans its width and never goes to a page alone.

    The footer and the last ``keep_rows`` rows move to the next page together when they do not fit.
    """
    rows = list(rows)
    if footer:
        rows.append([footer] + [""] * (len(widths) - 1))
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName),
        ("FONTNAME", (0, 0), (-1, 0), styles["bold"].fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -2 if footer else -1), 0.2, colors.lightgrey),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if footer:
        first_kept = max(1, len(rows) - 1 - keep_rows)
        commands += [
            ("SPAN", (0, -1), (-1, -1)),
            ("LEFTPADDING", (0, -1), (-1, -1), 0),
            ("NOSPLIT", (0, first_kept), (-1, -1)),
        ]
    table.setStyle(TableStyle(commands))
    return table


