"""A report as the manager reads it: sections of rows with their filters and the time it was made,
written as CSV or as a PDF in the hotel's language (ReportLab), and shown on screen by ui/reports.

A report is derived from the ledger each time it is asked for, never stored. Its titles, column
names and filter names are English templates marked with N_ (the screen translates them with Qt's
catalogue); the PDF and CSV translate them with :mod:`desk.reports.report_words`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session

from desk.core.document_format import DocumentFormat
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.core.pdf_layout import document_table, fonts, paragraph_styles, text_cell
from desk.people.auth import Actor
from desk.reports.report_words import word

if TYPE_CHECKING:
    from desk.reports.charts import Chart

Cell = str | int | Decimal | Money | date | datetime | None


@dataclass(frozen=True)
class Section:
    """One table of a report; columns from ``numeric_from`` on hold counts and amounts."""

    title: str
    columns: tuple[str, ...]
    numeric_from: int
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Report:
    name: str  # as `desk report NAME` calls it
    title: str
    hotel_name: str
    filters: tuple[tuple[str, Cell], ...]  # (what, value) as the report was asked for
    made_at: datetime
    made_by: str
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...] = ()

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The instants (UTC) a report of the days ``first`` to ``last`` covers, days as the desk's clock
    counts them: from the first's midnight to the midnight after the last."""
    start = datetime.combine(first, time.min).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time.min).astimezone(UTC)
    return start, end


def cell_text(value: Cell, fmt: DocumentFormat | None = None, *, for_csv: bool = False) -> str:
    """A cell as the CSV (plain amounts, ISO dates) or the PDF (the hotel's formats) writes it."""
    if value is None:
        return ""
    if isinstance(value, Money):
        if for_csv or fmt is None:
            return f"{value.amount:f}"
        return fmt.money(value)
    if isinstance(value, datetime):
        local = value.astimezone()
        return local.strftime("%Y-%m-%d %H:%M") if for_csv or fmt is None else fmt.date_time(local)
    if isinstance(value, date):
        return value.isoformat() if for_csv or fmt is None else value.strftime(fmt.date_pattern)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def report_csv(report: Report, language: str = "en") -> str:
    """The report as CSV: a heading of its title, filters and making, then each section under its title."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([word(language, report.title), report.hotel_name])
    for what, value in report.filters:
        writer.writerow([word(language, what), cell_text(value, for_csv=True)])
    writer.writerow([word(language, "Made"), cell_text(report.made_at, for_csv=True), report.made_by])
    for section in report.sections:
        writer.writerow([])
        writer.writerow([word(language, section.title)])
        writer.writerow([word(language, c) for c in section.columns])
        for row in section.rows:
            writer.writerow([_translated(language, v, for_csv=True) for v in row])
    return out.getvalue()


def _translated(language: str, value: Cell, fmt: DocumentFormat | None = None, *, for_csv: bool = False) -> str:
    # Words the desk itself put in a cell (a kind, "Total") are translated; names and reasons are not.
    if isinstance(value, Word):
        return word(language, value)
    return cell_text(value, fmt, for_csv=for_csv)


class Word(str):
    """A cell that is one of the report's own words (a kind of record), translated when written."""


def report_pdf(report: Report, fmt: DocumentFormat) -> bytes:
    """The report as an A4 landscape PDF in the hotel's language."""
    styles = paragraph_styles()
    lang = fmt.language
    filters = " · ".join(f"{word(lang, what)}: {_translated(lang, value, fmt)}" for what, value in report.filters)
    story: list[Flowable] = [
        Paragraph(escape(word(lang, report.title)), styles["title"]),
        text_cell(report.hotel_name, styles["body"]),
        text_cell(filters, styles["body"]),
        text_cell(word(lang, "Made {when} by {who}", when=cell_text(report.made_at, fmt), who=report.made_by),
                  styles["small"]),
    ]
    usable = USABLE_WIDTH
    for chart in report.charts:
        story += [Spacer(1, 4 * mm),
                  Paragraph(escape(word(lang, chart.title, currency=chart.currency)), styles["h2"]),
                  _drawing(chart, usable)]
    for section in report.sections:
        story += [Spacer(1, 4 * mm), Paragraph(escape(word(lang, section.title)), styles["h2"])]
        if not section.rows:
            story.append(text_cell(word(lang, "Nothing in these days"), styles["body"]))
            continue
        layout = section_layout(section, fmt, usable)
        sized = {name: ParagraphStyle(name, parent=styles[name], fontSize=layout.size, leading=layout.size * 1.2)
                 for name in ("cell", "number")}
        rows: list[list[object]] = [[text_cell(cell, sized["number" if i >= layout.numeric_from else "cell"])
                                     for i, cell in enumerate(layout.headers)]]
        rows += [[_body_cell(cell, layout.widths[i], layout.size, sized["number" if i >= layout.numeric_from
                                                                           else "cell"])
                  for i, cell in enumerate(row)] for row in layout.texts]
        table = document_table(rows, layout.widths, styles, layout.numeric_from)
        # The plain cells in the font and line height of the wrapped ones.
        table.setStyle([("FONTSIZE", (0, 1), (-1, -1), layout.size),
                        ("LEADING", (0, 1), (-1, -1), layout.size * 1.2)])
        story.append(table)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=12 * mm, bottomMargin=12 * mm, title=word(lang, report.title))
    document.build(story)
    return buffer.getvalue()


def _body_cell(text: str, width: float, size: float, style: ParagraphStyle) -> object:
    """A text that fits its column on one line as a plain string, else a paragraph that wraps.

    A table draws a string as it is, where a paragraph is broken into lines on every page the table
    is measured for: a month's cashier report (736 rows) took 4.2 s as paragraphs only.
    """
    if "\n" not in text and stringWidth(text, style.fontName, size) + CELL_PADDING <= width:
        return text
    return text_cell(text, style)


# Each series its own colour, the same on screen (ui.reports.chart).
SERIES_COLOURS = ("#2f6db5", "#e08a1e", "#3a9b48", "#c23b3b", "#7b55b3", "#8c6d3f", "#d462a6", "#6f6f6f")


def _drawing(chart: Chart, width: float) -> Drawing:
    """Stacked bars of the chart, with its legend: ReportLab graphics."""
    regular, _bold = fonts()
    drawing = Drawing(width, 62 * mm)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 14 * mm, 10 * mm, width - 60 * mm, 48 * mm
    bars.data = [[float(v) for v in values] for _name, values in chart.series] or [[0.0]]  # drawing only
    bars.categoryAxis.categoryNames = list(chart.categories) or [""]
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.labels.fontName = bars.valueAxis.labels.fontName = regular
    bars.categoryAxis.labels.fontSize = bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    for k in range(len(chart.series)):
        bars.bars[k].fillColor = colors.HexColor(SERIES_COLOURS[k % len(SERIES_COLOURS)])
        bars.bars[k].strokeColor = None
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = width - 40 * mm, 54 * mm
    legend.alignment = "right"  # the swatch, then its name
    legend.columnMaximum = max(len(chart.series), 1)
    legend.fontName, legend.fontSize = regular, 7
    legend.colorNamePairs = [(colors.HexColor(SERIES_COLOURS[k % len(SERIES_COLOURS)]), name)
                             for k, (name, _values) in enumerate(chart.series)]
    drawing.add(legend)
    return drawing


CELL_PADDING = 13.0  # a cell's own padding, 6 pt each side, and a point to spare
# The report's table font, and the smallest it may shrink to before columns empty in every row are left out.
TABLE_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5)
USABLE_WIDTH = landscape(A4)[0] - 30 * mm


@dataclass(frozen=True)
class TableLayout:
    """How a section prints: the columns kept, the font size and the width of each column."""

    headers: list[str]
    texts: list[list[str]]  # the rows' cells as printed, kept columns only
    numeric_from: int
    left_out: tuple[int, ...]  # the section's columns empty in every row, left out to fit the page
    size: float
    widths: list[float]


def section_layout(section: Section, fmt: DocumentFormat, usable: float = USABLE_WIDTH) -> TableLayout:
    """The largest font at which every header word and every amount fits its column unbroken; columns
    empty in every row are left out before the font goes below what still fits (the CSV keeps them all)."""
    lang = fmt.language
    headers = [word(lang, c) for c in section.columns]
    texts = [[_translated(lang, value, fmt) for value in row] for row in section.rows]
    every = list(range(len(headers)))
    filled = [i for i in every if i < section.numeric_from or any(row[i] for row in texts)]
    choices = [every, filled] if filled != every else [every]
    for size in TABLE_SIZES:
        for kept in choices:
            layout = _layout(headers, texts, section.numeric_from, kept, size, usable)
            if layout is not None:
                return layout
    kept = choices[-1]
    layout = _layout(headers, texts, section.numeric_from, kept, TABLE_SIZES[-1], float("inf"))
    assert layout is not None
    squeeze = usable / sum(layout.widths)  # wider than any page: the last resort wraps inside words
    return TableLayout(layout.headers, layout.texts, layout.numeric_from, layout.left_out, layout.size,
                       [w * squeeze for w in layout.widths])


def _layout(headers: list[str], texts: list[list[str]], numeric_from: int, kept: list[int], size: float,
            usable: float) -> TableLayout | None:
    """Columns as wide as their widest cell; when the page is too narrow for that, amounts keep their width
    (never wrapped), headers their longest word, and texts wrap word by word. None: it does not fit."""
    regular, _bold = fonts()

    def width(text: str) -> float:
        return stringWidth(text, regular, size) + CELL_PADDING

    least, wanted = [], []
    for column in kept:
        cells = [row[column] for row in texts]
        full = max([width(c) for c in cells] or [CELL_PADDING])
        header_word = max(width(w) for w in headers[column].split() or [""])
        if column >= numeric_from:
            least.append(max(full, header_word))
        else:
            longest_word = max([width(w) for c in cells for w in c.split()] or [CELL_PADDING])
            least.append(max(header_word, min(max(longest_word, 9 * mm), 35 * mm)))
        wanted.append(max(full, header_word, least[-1]))
    if sum(least) > usable:
        return None
    if usable == float("inf"):
        widths = least
    elif sum(wanted) <= usable:
        spare = (usable - sum(wanted)) / len(wanted)
        widths = [w + spare for w in wanted]
    else:
        give = (usable - sum(least)) / (sum(wanted) - sum(least))
        widths = [low + (want - low) * give for low, want in zip(least, wanted, strict=True)]
    numeric = sum(1 for column in kept if column >= numeric_from)
    return TableLayout([headers[c] for c in kept], [[row[c] for c in kept] for row in texts],
                       len(kept) - numeric, tuple(c for c in range(len(headers)) if c not in kept), size, widths)


def report_names() -> dict[str, str]:
    """Each report `desk report NAME` and the Reports menu know: its name and its title (English)."""
    from desk.reports import balances, card_totals, cashier, revenue, voids

    return {"cashier": cashier.TITLE, "voids": voids.TITLE, "balances": balances.TITLE, "revenue": revenue.TITLE,
            "cards": card_totals.TITLE}


def make_report(session: Session, reader: Actor, name: str, first: date, last: date | None = None,
                workstation: str | None = None, language: str = "en") -> Report:
    """The report called ``name``, for the reader, of the days ``first`` to ``last``."""
    from desk.reports.balances import balances_report
    from desk.reports.card_totals import card_totals_report
    from desk.reports.cashier import cashier_report
    from desk.reports.revenue import revenue_report
    from desk.reports.voids import voids_report

    makers = {"cashier": cashier_report, "voids": voids_report, "balances": balances_report,
              "revenue": revenue_report, "cards": card_totals_report}
    if name not in makers:
        raise InvalidInput("There is no report called {name}", field="name", name=name)
    return makers[name](session, reader, first, last, workstation, language)


def export_report(session: Session, report: Report, path: Path, kind: str) -> Path:
    """Write the report to ``path`` as "pdf" or "csv", in the hotel's language (its documents' language)."""
    from desk.hotel.country import hotel_format

    fmt = hotel_format(session)
    if kind == "pdf":
        path.write_bytes(report_pdf(report, fmt))
    else:
        path.write_text(report_csv(report, fmt.language), encoding="utf-8")
    return path
