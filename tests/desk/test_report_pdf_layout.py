"""The reports' PDFs of a busy day in Russian and Bulgarian: fourteen columns on an A4 landscape page,
and still no header word broken and no amount wrapped (a smaller font, columns empty in every row
left out of the PDF; the CSV keeps them all)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from desk.core.document_format import format_of_language
from desk.core.money import Money
from desk.core.pdf_layout import fonts
from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.reports.report_words import word
from desk.reports.tables import (
    CELL_PADDING,
    USABLE_WIDTH,
    make_report,
    report_csv,
    report_names,
    report_pdf,
    section_layout,
)
from desk.stays.models import stored_business_date
from tools.screenshots_reports import busy_day


@pytest.fixture(scope="module")
def busy_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('busy') / 'demo.sqlite3'}")
    with database.writing() as session:
        seed_demo(session, today=date.today())  # read once: the tests report on the day stored here
    busy_day(database)
    yield database
    database.dispose()


def _seeded_day(database: Database) -> date:
    """The demo's business day: the fixture's module may have seeded it before midnight and run this test after."""
    with database.unit_of_work() as session:
        day = stored_business_date(session)
    assert day is not None
    return day


@pytest.mark.parametrize("language", ["ru", "bg", "en"])
def test_no_header_word_is_broken_and_no_amount_wraps(busy_demo: Database, language: str):
    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
    regular, _bold = fonts()
    fmt = format_of_language(language)
    day = _seeded_day(busy_demo)
    for name in report_names():
        first = day - timedelta(days=6 if name == "revenue" else 0)
        with busy_demo.unit_of_work() as session:
            report = make_report(session, manager, name, first, day, None, language)
        assert report_pdf(report, fmt).startswith(b"%PDF")
        for section in report.sections:
            if not section.rows:
                continue
            layout = section_layout(section, fmt)
            assert layout.size >= 6.5
            for column, (header, width) in enumerate(zip(layout.headers, layout.widths, strict=True)):
                for header_word in header.split():
                    assert stringWidth(header_word, regular, layout.size) + CELL_PADDING <= width, (
                        name, section.title, header_word, layout.size)
                if column >= layout.numeric_from:
                    for row in layout.texts:
                        assert stringWidth(row[column], regular, layout.size) + CELL_PADDING <= width, (
                            name, section.title, row[column], layout.size)
            # Only columns empty in every row are left out.
            assert all(all(row[i] in (None, "") for row in section.rows) for i in layout.left_out)
            assert len(layout.headers) + len(layout.left_out) == len(section.columns)


def test_the_csv_keeps_the_columns_the_pdf_leaves_out(busy_demo: Database):
    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
    day = _seeded_day(busy_demo)
    with busy_demo.unit_of_work() as session:
        report = make_report(session, manager, "cashier", day, day, None, "ru")
    rows = list(csv.reader(io.StringIO(report_csv(report, "ru"))))
    for section in report.sections:
        assert [word("ru", column) for column in section.columns] in rows


def test_a_table_too_wide_even_in_the_smallest_font_leaves_out_its_empty_columns():
    from desk.reports.tables import TABLE_SIZES, Section

    columns = tuple(f"Reconciliation{n:02d}" for n in range(14))
    rows = tuple(("Text", *[(Money.of("123456.78", "EUR") if n % 2 else None) for n in range(1, 14)])
                 for _ in range(3))
    layout = section_layout(Section("Wide", columns, 1, rows), format_of_language("en"))
    assert layout.left_out == tuple(n for n in range(1, 14) if n % 2 == 0)
    assert len(layout.headers) == 14 - len(layout.left_out) and layout.numeric_from == 1
    regular, _bold = fonts()
    assert layout.size in TABLE_SIZES
    assert all(stringWidth(h, regular, layout.size) + CELL_PADDING <= w
               for h, w in zip(layout.headers, layout.widths, strict=True))
    assert sum(layout.widths) <= USABLE_WIDTH + 0.01
