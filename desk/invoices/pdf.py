"""An issued invoice or credit note as PDF (ReportLab), drawn from its frozen content only.

Nothing here reads the hotel, the catalogue or the ledger: what the document says was decided when
it was issued (desk.invoices.issuing). The layout is a Bulgarian invoice's (ФАКТУРА, Оригинал, Номер,
the dates, Доставчик and Получател side by side, the lines, the tax base and VAT per rate, Сума за
плащане, Словом, Начин на плащане, the signatures); English takes the same layout; Russian is the
счёт-фактура of desk.invoices.russian.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from desk.core.document_format import DocumentFormat, format_of_language
from desk.core.money import Money
from desk.core.pdf_layout import document_table, paragraph_styles, text_cell
from desk.invoices.issuing import credited_per_line, invoice_content, number_text
from desk.invoices.models import Invoice, InvoiceKind
from desk.invoices.russian import render_russian
from desk.invoices.texts import document_label
from desk.ledger.lookup import get

# The lines' columns on A4 portrait's 180 mm: No., description, qty, unit price, VAT %, net, VAT, amount.
LINE_WIDTHS = [9 * mm, 50 * mm, 14 * mm, 24 * mm, 11 * mm, 24 * mm, 24 * mm, 24 * mm]
LINE_HEADERS = ("No.", "Description", "Qty", "Unit price", "VAT %", "Net", "VAT", "Amount")
NUMERIC_FROM = 2
LINE_FONT_SIZE = 7.5
CELL_PADDING = 12  # ReportLab's default left and right padding of a cell, in points


def amount(fmt: DocumentFormat, value: str) -> str:
    """An amount that never wraps: its thousands joined by a non-breaking space."""
    return fmt.number(Decimal(value)).replace(" ", "\u00a0")


def _date(fmt: DocumentFormat, iso: str) -> str:
    return date.fromisoformat(iso).strftime(fmt.date_pattern)


def line_rows(content: dict[str, Any]) -> list[list[str]]:
    """The lines' cells as printed (the header first): what the layout test measures."""
    language = content["language"]
    fmt = format_of_language(language)
    rows = [[document_label(language, header) for header in LINE_HEADERS]]
    for number, line in enumerate(content["lines"], 1):
        rows.append([str(line.get("line", number)), line["description"],
                     fmt.number(Decimal(line["quantity"])), amount(fmt, line["unit_price"]),
                     fmt.number(Decimal(line["vat_percent"])), amount(fmt, line["net"]), amount(fmt, line["vat"]),
                     amount(fmt, line["gross"])])
    return rows


def _party(title: str, party: dict[str, Any], language: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    def row(word: str, value: str) -> Paragraph:
        return Paragraph(f"{escape(document_label(language, word))}: {escape(value)}", styles["body"])

    cells: list[Flowable] = [Paragraph(f"<b>{escape(title)}</b>", styles["body"]),
                             Paragraph(f"<b>{escape(party['name'])}</b>", styles["body"])]
    if party.get("tax_id"):
        cells.append(row("Company number", party["tax_id"]))
    if party.get("vat_number"):
        cells.append(row("VAT number", party["vat_number"]))
    address = ", ".join(part for part in (party.get("address", ""), party.get("city", "")) if part)
    if address:
        cells.append(row("Address", address))
    if party.get("accountable_person"):
        cells.append(row("Accountable person", party["accountable_person"]))
    return cells


def _story(content: dict[str, Any]) -> list[Flowable]:
    language = content["language"]
    fmt = format_of_language(language)
    styles = paragraph_styles()
    styles["line"] = ParagraphStyle("line", parent=styles["cell"], fontSize=LINE_FONT_SIZE, leading=9)
    styles["line_number"] = ParagraphStyle("line_number", parent=styles["number"], fontSize=LINE_FONT_SIZE, leading=9)

    def word(english: str, **params: object) -> str:
        return document_label(language, english, **params)

    credit = content["kind"] == "credit_note"
    title = word("CREDIT NOTE" if credit else "INVOICE")
    heading = Table([[Paragraph(escape(title), styles["title"]),
                      Paragraph(f"<b>{escape(word('Original'))}</b>", styles["number"])]],
                    colWidths=[130 * mm, 50 * mm])
    heading.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    facts = [(word("Number"), content["number"]), (word("Date of issue"), _date(fmt, content["issued_on"])),
             (word("Date of supply"), _date(fmt, content["supply_date"]))]
    if content["seller"].get("city"):
        facts.append((word("Place of supply"), content["seller"]["city"]))
    story: list[Flowable] = [heading, Spacer(1, 2 * mm)]
    story += [Paragraph(f"{escape(name)}: <b>{escape(value)}</b>", styles["body"]) for name, value in facts]
    if credit:
        credited = content["credited"]
        reference = word("to invoice No. {number} of {date}", number=credited["number"],
                         date=_date(fmt, credited["issued_on"]))
        story.append(Paragraph(f"<b>{escape(reference)}</b>", styles["body"]))
    story.append(Spacer(1, 4 * mm))
    parties = Table([[_party(word("Seller"), content["seller"], language, styles),
                      _party(word("Buyer"), content["buyer"], language, styles)]], colWidths=[90 * mm, 90 * mm])
    parties.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (0, 0), 0.4, colors.grey),
                                 ("BOX", (1, 0), (1, 0), 0.4, colors.grey)]))
    story += [parties, Spacer(1, 4 * mm)]

    rows: list[list[object]] = []
    for index, cells in enumerate(line_rows(content)):
        if index == 0:
            rows.append([Paragraph(escape(cell), styles["line"] if k < NUMERIC_FROM else styles["line_number"])
                         for k, cell in enumerate(cells)])
        else:
            rows.append([cells[0], text_cell(cells[1], styles["line"]),
                         *(Paragraph(escape(cell), styles["line_number"]) for cell in cells[2:])])

    # One row per VAT rate: its tax base and its VAT; then the totals and the amount due.
    total_rows: list[list[object]] = [["", word("Tax base"), word("VAT")]]
    for rate in content["rates"]:
        percent = fmt.number(Decimal(rate["vat_percent"]))
        total_rows.append([word("VAT {rate}%", rate=percent), amount(fmt, rate["net"]), amount(fmt, rate["vat"])])
    total_rows.append([word("Total"), amount(fmt, content["net"]), amount(fmt, content["vat"])])
    total_rows.append([word("Amount credited" if credit else "Amount due"), "",
                       f"{amount(fmt, content['gross'])}\u00a0{content['currency']}"])
    totals = Table(total_rows, colWidths=[46 * mm, 34 * mm, 34 * mm], hAlign="RIGHT")
    totals.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("FONTNAME", (0, -1), (-1, -1), styles["bold"].fontName), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, colors.grey), ("LINEABOVE", (0, -2), (-1, -2), 0.4, colors.grey),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    wrapper = Table([["", totals]], colWidths=[180 * mm - 114 * mm, 114 * mm])
    wrapper.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    closing: list[Flowable] = [
        Spacer(1, 2 * mm), wrapper, Spacer(1, 2 * mm),
        Paragraph(f"<b>{escape(word('In words'))}:</b> {escape(content['words'])}", styles["body"]),
        Paragraph(f"<b>{escape(word('Payment method'))}:</b> {escape(content['payment_method'])}", styles["body"]),
        Paragraph(f"<b>{escape(word('Currency'))}:</b> {escape(content['currency'])}", styles["body"]),
        Paragraph(f"<b>{escape(word('Bills'))}:</b> {escape(', '.join(content['bills']))}", styles["small"]),
    ]
    if credit:
        closing.append(Paragraph(f"<b>{escape(word('Reason'))}:</b> {escape(content['reason'])}", styles["body"]))
    signatures = Table([[f"{word('Received by')}: ____________________",
                         f"{word('Issued by')}: {content['issued_by']} ____________"]], colWidths=[90 * mm, 90 * mm])
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName),
                                    ("FONTSIZE", (0, 0), (-1, -1), 8.5), ("TOPPADDING", (0, 0), (-1, -1), 6 * mm)]))
    closing.append(signatures)
    # The totals, words and signatures stay on the page of the last lines, never on a page alone.
    lines = document_table(rows, LINE_WIDTHS, styles, NUMERIC_FROM, footer=closing)
    lines.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -2), LINE_FONT_SIZE)]))
    story.append(lines)
    return story


def render_invoice(content: dict[str, Any]) -> bytes:
    """The document of this content, as PDF bytes."""
    language = content["language"]
    word = "Credit note {number}" if content["kind"] == "credit_note" else "Invoice {number}"
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, title=document_label(language, word, number=content["number"]),
                                 leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(_story(content))
    return out.getvalue()


def _lines_before(session: Session, credited: Invoice, content: dict[str, Any],
                  credit_number: int) -> dict[int, dict[str, Decimal]]:
    """What each line of the ``credited`` invoice held before credit note ``credit_number``: as invoiced,
    less the credit notes issued before it (all frozen: the document reads the same every time)."""
    currency = credited.total.currency
    taken = credited_per_line(session, credited, before=credit_number)
    return {k: {key: (Money.of(line[key], currency) - taken[k][key]).amount for key in ("net", "vat", "gross")}
            for k, line in enumerate(content["lines"], 1)}


def _document(session: Session, invoice: Invoice) -> bytes:
    content = invoice_content(invoice)
    if content["language"] != "ru":
        return render_invoice(content)
    # A Russian hotel's счёт-фактура; a credit note's corrective one shows each line before and after.
    word = "Credit note {number}" if invoice.kind is InvoiceKind.CREDIT_NOTE else "Invoice {number}"
    title = document_label("ru", word, number=content["number"])
    if invoice.credited_invoice_id is None:
        return render_russian(content, title=title)
    credited = get(session, Invoice, invoice.credited_invoice_id, "Invoice")
    original = invoice_content(credited)
    return render_russian(content, original, _lines_before(session, credited, original, invoice.number), title=title)


def invoice_file(session: Session, invoice_id: int) -> tuple[str, bytes]:
    """The file name ("invoice-0000000001.pdf", "credit-note-...") and PDF bytes of an issued document."""
    invoice = get(session, Invoice, invoice_id, "Invoice")
    name = "credit-note" if invoice.kind is InvoiceKind.CREDIT_NOTE else "invoice"
    return f"{name}-{number_text(invoice.number)}.pdf", _document(session, invoice)


def invoice_pdf(session: Session, invoice_id: int) -> bytes:
    """The issued invoice or credit note ``invoice_id`` as PDF bytes (for saving, printing, mailing)."""
    return _document(session, get(session, Invoice, invoice_id, "Invoice"))
