"""Bills and folios as PDF (ReportLab), with a font that has Cyrillic for guests' names."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money, total
from desk.core.pdf_layout import amount_text, document_table, money_cell, paragraph_styles, text_cell
from desk.hotel.models import Hotel
from desk.hotel.names import Names, load_names
from desk.ledger.folios import BillView, FolioView, load_folio
from desk.ledger.lookup import get
from desk.ledger.models import Bill, Payment, Posting
from desk.ledger.texts import LedgerText, fill, payment_text, posting_text
from desk.reports.labels import label


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
        text_cell(label(lang, "Payer: {payer}", payer=bill.payer_name), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    # Reversed charges and their reversals net to nothing: a printed bill shows what is owed.
    charges = [line.posting for line in view.postings if line.is_active]
    rows: list[list[object]] = [[label(lang, word) for word in ("Date", "Service", "Qty", "Price", "VAT %", "Amount")]]
    for posting in charges:
        rows.append([
            posting.ordered_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            text_cell(_posting_text(posting, names), styles["cell"]),
            f"{posting.quantity.normalize():f}",
            money_cell(posting.unit_price, styles),
            f"{posting.tax_percent.normalize():f}",
            money_cell(posting.amount, styles),
        ])
    rows.append(["", label(lang, "Total"), "", "", "", money_cell(view.charges, styles)])
    charge_widths = [28 * mm, 63 * mm, 12 * mm, 30 * mm, 13 * mm, 34 * mm]  # the full 180 mm, as the others

    vat: dict[Decimal, Money] = defaultdict(lambda: Money.zero(folio.currency))
    for posting in charges:
        vat[posting.tax_percent] += posting.tax_amount
    vat_note: list[Flowable] = []
    if any(vat.values()):
        lines = ", ".join(label(lang, "VAT {rate}%: {amount}", rate=f"{rate.normalize():f}", amount=amount_text(amount))
                          for rate, amount in sorted(vat.items()))
        vat_note = [Spacer(1, 2 * mm), text_cell(label(lang, "Included VAT: {lines}", lines=lines), styles["small"])]
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
        rows.append([payment.paid_on.isoformat(), text_cell(names.method(payment.method), styles["cell"]),
                     text_cell(_payment_text(payment, lang), styles["cell"]), money_cell(payment.amount, styles),
                     money_cell(payment.base_amount, styles)])
    story.append(document_table(rows, [24 * mm, 32 * mm, 56 * mm, 34 * mm, 34 * mm], styles, 3, footer=totals))
    return story


def _header(session: Session, folio: FolioView, styles: dict[str, ParagraphStyle], title: str,
            lang: str) -> list[Flowable]:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    story: list[Flowable] = [
        text_cell(hotel.name, styles["title"]),
        text_cell(f"{hotel.postal_address} · {label(lang, 'VAT number {tax_id}', tax_id=hotel.tax_id)}",
                  styles["small"]),
        Spacer(1, 4 * mm),
        text_cell(title, styles["h2"]),
    ]
    reservation = folio.folio.reservation
    if reservation is not None:
        guests = ", ".join(g.full_name for g in reservation.guests)
        room = reservation.room.number if reservation.room else "—"
        story.append(text_cell(label(
            lang, "Reservation {number} · {guests} · room {room} · {arrival} – {departure}",
            number=reservation.number, guests=guests, room=room, arrival=reservation.arrival.isoformat(),
            departure=reservation.departure.isoformat()), styles["body"]))
    else:
        story.append(text_cell(folio.folio.owner_label, styles["body"]))
    story.append(text_cell(label(lang, "Printed {when}", when=datetime.now().strftime('%Y-%m-%d %H:%M')),
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
        story.append(text_cell(label(language, "Deposit account"), styles["h2"]))
        rows: list[list[object]] = [[label(language, word) for word in ("Date", "Kind", "Reference", "Amount")]]
        for line in deposits:
            rows.append([line.payment.paid_on.isoformat(), label(language, line.payment.kind.value),
                         text_cell(_payment_text(line.payment, language), styles["cell"]),
                         money_cell(line.payment.base_amount, styles)])
        rows.append(["", label(language, "Balance"), "", money_cell(folio.deposit_balance, styles)])
        story.append(document_table(rows, [26 * mm, 30 * mm, 90 * mm, 34 * mm], styles, 3, footer=closing))
    elif not folio.bills:
        story += closing
    return _write(story, Path(path), label(language, "Folio {owner}", owner=folio.folio.owner_label))
