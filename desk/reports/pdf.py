"""Bills and folios as PDF (ReportLab), with a font that has Cyrillic for guests' names."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money, total
from desk.hotel.models import Hotel
from desk.hotel.names import Names, load_names
from desk.ledger.folios import BillView, FolioView, load_folio
from desk.ledger.lookup import get
from desk.ledger.models import Bill, Payment, Posting
from desk.ledger.texts import LedgerText, fill, payment_text, posting_text
from desk.reports.labels import label

logger = logging.getLogger(__name__)

# Searched in order; Debian's fonts-dejavu-core provides the first. Helvetica has no Cyrillic.
FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
]


def _fonts() -> tuple[str, str]:
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
    regular, bold = _fonts()
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


def _text(value: str, style: ParagraphStyle) -> Paragraph:
    """A cell that wraps inside its column instead of running over the next one."""
    return Paragraph(escape(value), style)


def _money_cell(money: Money, styles: dict[str, ParagraphStyle]) -> Paragraph:
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


def _ledger_text(text: LedgerText, language: str) -> str:
    return fill(text, lambda template, params: label(language, template, **params))


def _posting_text(posting: Posting, names: Names) -> str:
    desk_text = posting_text(posting)
    if desk_text is not None:
        return _ledger_text(desk_text, names.language)
    text = names.posting(posting)
    if posting.outlet is not None:
        outlet = names.outlet(posting.outlet)
        source = label(names.language, "{outlet}, check {check}", outlet=outlet, check=posting.check_number) \
            if posting.check_number else outlet
        text += f" ({source})"
    return text


def _payment_text(payment: Payment, language: str) -> str:
    desk_text = payment_text(payment)
    if desk_text is None:
        return payment.text  # the clerk's own words
    return _ledger_text(desk_text, language)


def _bill_story(view: BillView, folio: FolioView, styles: dict[str, ParagraphStyle], names: Names,
                after: list[Flowable] | None = None) -> list[Flowable]:
    """The bill; ``after`` (a folio's closing line) stays on the page of the bill's last rows."""
    bill = view.bill
    lang = names.language
    story: list[Flowable] = [
        Paragraph(escape(label(lang, "Bill {number}", number=bill.number)), styles["h2"]),
        _text(label(lang, "Payer: {payer}", payer=bill.payer_name), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    # Reversed charges and their reversals net to nothing: a printed bill shows what is owed.
    charges = [line.posting for line in view.postings if line.is_active]
    rows: list[list[object]] = [[label(lang, word) for word in ("Date", "Service", "Qty", "Price", "VAT %", "Amount")]]
    for posting in charges:
        rows.append([
            posting.ordered_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            _text(_posting_text(posting, names), styles["cell"]),
            f"{posting.quantity.normalize():f}",
            _money_cell(posting.unit_price, styles),
            f"{posting.tax_percent.normalize():f}",
            _money_cell(posting.amount, styles),
        ])
    rows.append(["", label(lang, "Total"), "", "", "", _money_cell(view.charges, styles)])
    charge_widths = [28 * mm, 63 * mm, 12 * mm, 30 * mm, 13 * mm, 34 * mm]  # the full 180 mm, as the others

    vat: dict[Decimal, Money] = defaultdict(lambda: Money.zero(folio.currency))
    for posting in charges:
        vat[posting.tax_percent] += posting.tax_amount
    vat_note: list[Flowable] = []
    if any(vat.values()):
        lines = ", ".join(label(lang, "VAT {rate}%: {amount}", rate=f"{rate.normalize():f}", amount=amount_text(amount))
                          for rate, amount in sorted(vat.items()))
        vat_note = [Spacer(1, 2 * mm), _text(label(lang, "Included VAT: {lines}", lines=lines), styles["small"])]
    totals: list[Flowable] = [
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{escape(label(lang, 'Paid:'))}</b> {amount_text(view.paid)} &nbsp;&nbsp; "
                  f"<b>{escape(label(lang, 'Balance due:'))}</b> {amount_text(view.balance)}", styles["body"]),
        *(after or []),
    ]

    payments = [line for line in view.payments if line.voided_by is None and line.payment.voids_id is None]
    if not payments:
        story.append(document_table(rows, charge_widths, styles, 2, footer=vat_note + totals))
        return story
    story.append(document_table(rows, charge_widths, styles, 2, footer=vat_note or None))
    story.append(Spacer(1, 3 * mm))
    rows = [[label(lang, word) for word in ("Date", "Method", "Reference", "Amount", "Counts as")]]
    for line in payments:
        payment = line.payment
        rows.append([payment.paid_on.isoformat(), _text(names.method(payment.method), styles["cell"]),
                     _text(_payment_text(payment, lang), styles["cell"]), _money_cell(payment.amount, styles),
                     _money_cell(payment.base_amount, styles)])
    story.append(document_table(rows, [24 * mm, 32 * mm, 56 * mm, 34 * mm, 34 * mm], styles, 3, footer=totals))
    return story


def _header(session: Session, folio: FolioView, styles: dict[str, ParagraphStyle], title: str,
            lang: str) -> list[Flowable]:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    story: list[Flowable] = [
        _text(hotel.name, styles["title"]),
        _text(f"{hotel.address} · {label(lang, 'VAT number {tax_id}', tax_id=hotel.tax_id)}", styles["small"]),
        Spacer(1, 4 * mm),
        _text(title, styles["h2"]),
    ]
    reservation = folio.folio.reservation
    if reservation is not None:
        guests = ", ".join(g.full_name for g in reservation.guests)
        room = reservation.room.number if reservation.room else "—"
        story.append(_text(label(
            lang, "Reservation {number} · {guests} · room {room} · {arrival} – {departure}",
            number=reservation.number, guests=guests, room=room, arrival=reservation.arrival.isoformat(),
            departure=reservation.departure.isoformat()), styles["body"]))
    else:
        story.append(_text(folio.folio.owner_label, styles["body"]))
    story.append(_text(label(lang, "Printed {when}", when=datetime.now().strftime('%Y-%m-%d %H:%M')),
                       styles["small"]))
    story.append(Spacer(1, 4 * mm))
    return story


def _write(story: list[Flowable], path: Path, title: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = SimpleDocTemplate(str(path), pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(story)
    return path


def render_bill_pdf(session: Session, bill_id: int, path: Path | str, language: str = "en") -> Path:
    """One bill: its charges, included VAT, payments and the balance due, in ``language``."""
    bill = get(session, Bill, bill_id, "Bill")
    folio = load_folio(session, bill.folio_id)
    styles = paragraph_styles()
    names = load_names(session, language)
    story = _header(session, folio, styles, label(language, "Bill"), language)
    story += _bill_story(folio.bill(bill_id), folio, styles, names)
    return _write(story, Path(path), label(language, "Bill {number}", number=bill.number))


def render_folio_pdf(session: Session, folio_id: int, path: Path | str, language: str = "en") -> Path:
    """The final folio: every bill, the deposit account, and what the folio owes, in ``language``."""
    folio = load_folio(session, folio_id)
    styles = paragraph_styles()
    names = load_names(session, language)
    story = _header(session, folio, styles, label(language, "Folio"), language)
    charges = total((view.charges for view in folio.bills), folio.currency)
    closing: list[Flowable] = [
        Spacer(1, 4 * mm),
        Paragraph(f"<b>{escape(label(language, 'Total charges:'))}</b> {amount_text(charges)} &nbsp;&nbsp; "
                  f"<b>{escape(label(language, 'Folio balance:'))}</b> {amount_text(folio.balance)}", styles["body"]),
    ]
    deposits = folio.deposit_payments
    for number, view in enumerate(folio.bills, 1):
        last = number == len(folio.bills) and not deposits
        story += _bill_story(view, folio, styles, names, after=closing if last else None)
        story.append(Spacer(1, 6 * mm))
    if deposits:
        story.append(_text(label(language, "Deposit account"), styles["h2"]))
        rows: list[list[object]] = [[label(language, word) for word in ("Date", "Kind", "Reference", "Amount")]]
        for line in deposits:
            rows.append([line.payment.paid_on.isoformat(), label(language, line.payment.kind.value),
                         _text(_payment_text(line.payment, language), styles["cell"]),
                         _money_cell(line.payment.base_amount, styles)])
        rows.append(["", label(language, "Balance"), "", _money_cell(folio.deposit_balance, styles)])
        story.append(document_table(rows, [26 * mm, 30 * mm, 90 * mm, 34 * mm], styles, 3, footer=closing))
    elif not folio.bills:
        story += closing
    return _write(story, Path(path), label(language, "Folio {owner}", owner=folio.folio.owner_label))
