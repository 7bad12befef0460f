"""Bills and folios as PDF (ReportLab), with a font that has Cyrillic for guests' names."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.folios import BillView, FolioView, load_folio
from desk.lookup import get
from desk.models import Bill, Hotel, Payment, Posting
from desk.money import Money, total
from desk.names import Names, load_names
from desk.reports.labels import label
from desk.texts import payment_text, posting_text

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


def _amount(money: Money) -> str:
    return f"{money.amount:,}".replace(",", "\u00a0") + f" {money.currency}"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16, alignment=0),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9, leading=12),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontName=regular, fontSize=8, leading=10,
                                textColor=colors.grey),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10),
        "regular": ParagraphStyle("regular", fontName=regular),
        "bold": ParagraphStyle("bold", fontName=bold),
    }


def _table(rows: list[list[object]], widths: list[float], styles: dict[str, ParagraphStyle],
           numeric_from: int) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName),
        ("FONTNAME", (0, 0), (-1, 0), styles["bold"].fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.lightgrey),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _posting_text(posting: Posting, names: Names) -> str:
    desk_text = posting_text(posting)
    if desk_text is not None:
        return label(names.language, desk_text.template, **desk_text.params)
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
    return label(language, desk_text.template, **desk_text.params)


def _bill_story(view: BillView, folio: FolioView, styles: dict[str, ParagraphStyle], names: Names) -> list[Flowable]:
    bill = view.bill
    lang = names.language
    story: list[Flowable] = [
        Paragraph(label(lang, "Bill {number}", number=bill.number), styles["h2"]),
        Paragraph(label(lang, "Payer: {payer}", payer=bill.payer_name), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    # Reversed charges and their reversals net to nothing: a printed bill shows what is owed.
    charges = [line.posting for line in view.postings if line.is_active]
    rows: list[list[object]] = [[label(lang, word) for word in ("Date", "Service", "Qty", "Price", "VAT %", "Amount")]]
    for posting in charges:
        rows.append([
            posting.ordered_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            Paragraph(_posting_text(posting, names), styles["cell"]),
            f"{posting.quantity.normalize():f}",
            _amount(posting.unit_price),
            f"{posting.tax_percent.normalize():f}",
            _amount(posting.amount),
        ])
    rows.append(["", label(lang, "Total"), "", "", "", _amount(view.charges)])
    story.append(_table(rows, [28 * mm, 62 * mm, 12 * mm, 26 * mm, 14 * mm, 28 * mm], styles, 2))

    vat: dict[Decimal, Money] = defaultdict(lambda: Money.zero(folio.currency))
    for posting in charges:
        vat[posting.tax_percent] += posting.tax_amount
    if any(vat.values()):
        story.append(Spacer(1, 2 * mm))
        lines = ", ".join(label(lang, "VAT {rate}%: {amount}", rate=f"{rate.normalize():f}", amount=_amount(amount))
                          for rate, amount in sorted(vat.items()))
        story.append(Paragraph(label(lang, "Included VAT: {lines}", lines=lines), styles["small"]))

    payments = [line for line in view.payments if line.voided_by is None and line.payment.voids_id is None]
    if payments:
        story.append(Spacer(1, 3 * mm))
        rows = [[label(lang, word) for word in ("Date", "Method", "Reference", "Amount", "Counts as")]]
        for line in payments:
            payment = line.payment
            rows.append([payment.paid_on.isoformat(), names.method(payment.method), _payment_text(payment, lang),
                         _amount(payment.amount), _amount(payment.base_amount)])
        story.append(_table(rows, [24 * mm, 34 * mm, 58 * mm, 26 * mm, 28 * mm], styles, 3))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(f"<b>{label(lang, 'Paid:')}</b> {_amount(view.paid)} &nbsp;&nbsp; "
                           f"<b>{label(lang, 'Balance due:')}</b> {_amount(view.balance)}", styles["body"]))
    return story


def _header(session: Session, folio: FolioView, styles: dict[str, ParagraphStyle], title: str,
            lang: str) -> list[Flowable]:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    story: list[Flowable] = [
        Paragraph(hotel.name, styles["title"]),
        Paragraph(f"{hotel.address} · {label(lang, 'VAT number {tax_id}', tax_id=hotel.tax_id)}", styles["small"]),
        Spacer(1, 4 * mm),
        Paragraph(title, styles["h2"]),
    ]
    reservation = folio.folio.reservation
    if reservation is not None:
        guests = ", ".join(g.full_name for g in reservation.guests)
        room = reservation.room.number if reservation.room else "—"
        story.append(Paragraph(label(
            lang, "Reservation {number} · {guests} · room {room} · {arrival} – {departure}",
            number=reservation.number, guests=guests, room=room, arrival=reservation.arrival.isoformat(),
            departure=reservation.departure.isoformat()), styles["body"]))
    else:
        story.append(Paragraph(folio.folio.owner_label, styles["body"]))
    story.append(Paragraph(label(lang, "Printed {when}", when=datetime.now().strftime('%Y-%m-%d %H:%M')),
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
    styles = _styles()
    names = load_names(session, language)
    story = _header(session, folio, styles, label(language, "Bill"), language)
    story += _bill_story(folio.bill(bill_id), folio, styles, names)
    return _write(story, Path(path), label(language, "Bill {number}", number=bill.number))


def render_folio_pdf(session: Session, folio_id: int, path: Path | str, language: str = "en") -> Path:
    """The final folio: every bill, the deposit account, and what the folio owes, in ``language``."""
    folio = load_folio(session, folio_id)
    styles = _styles()
    names = load_names(session, language)
    story = _header(session, folio, styles, label(language, "Folio"), language)
    for view in folio.bills:
        story += _bill_story(view, folio, styles, names)
        story.append(Spacer(1, 6 * mm))
    deposits = folio.deposit_payments
    if deposits:
        story.append(Paragraph(label(language, "Deposit account"), styles["h2"]))
        rows: list[list[object]] = [[label(language, word) for word in ("Date", "Kind", "Reference", "Amount")]]
        for line in deposits:
            rows.append([line.payment.paid_on.isoformat(), label(language, line.payment.kind.value),
                         _payment_text(line.payment, language), _amount(line.payment.base_amount)])
        rows.append(["", label(language, "Balance"), "", _amount(folio.deposit_balance)])
        story.append(_table(rows, [26 * mm, 30 * mm, 84 * mm, 30 * mm], styles, 3))
    charges = total((view.charges for view in folio.bills), folio.currency)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(f"<b>{label(language, 'Total charges:')}</b> {_amount(charges)} &nbsp;&nbsp; "
                           f"<b>{label(language, 'Folio balance:')}</b> {_amount(folio.balance)}", styles["body"]))
    return _write(story, Path(path), label(language, "Folio {owner}", owner=folio.folio.owner_label))
