"""The electronic receipt: a one-page PDF of a payment or refund, for the guest's mailbox."""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.core.pdf_layout import amount_text, document_table, paragraph_styles
from desk.fiscal.models import ReceiptKind, ReceiptRequest
from desk.hotel.models import Hotel
from desk.ledger.lookup import get
from desk.ledger.models import Payment, Posting

# The e-receipt speaks the hotel's languages; English is the key (see desk.reports.labels).
WORDS = {
    "ru": {"Sale receipt": "Кассовый чек (приход)", "Refund receipt": "Кассовый чек (возврат прихода)",
           "Receipt {number}": "Чек {number}", "Payer: {payer}": "Плательщик: {payer}",
           "Service": "Услуга", "Amount": "Сумма", "Paid by {method}": "Оплачено: {method}",
           "Refunded by {method}": "Возвращено: {method}", "Date: {when}": "Дата: {when}",
           "Cashier: {who}": "Кассир: {who}"},
    "bg": {"Sale receipt": "Касова бележка (продажба)", "Refund receipt": "Касова бележка (сторно)",
           "Receipt {number}": "Бележка {number}", "Payer: {payer}": "Платец: {payer}",
           "Service": "Услуга", "Amount": "Сума", "Paid by {method}": "Платено: {method}",
           "Refunded by {method}": "Върнато: {method}", "Date: {when}": "Дата: {when}",
           "Cashier: {who}": "Касиер: {who}"},
}


def _word(language: str, english: str, **params: object) -> str:
    # Paragraphs read markup: what a guest or clerk typed is escaped.
    return WORDS.get(language, {}).get(english, english).format(**{k: escape(str(v)) for k, v in params.items()})


def receipt_pdf(session: Session, request_id: int, language: str = "en") -> bytes:
    """The PDF of receipt request ``request_id``: hotel, the bill's services, the payment."""
    request = get(session, ReceiptRequest, request_id, "Receipt request")
    payment = get(session, Payment, request.payment_id, "Payment")
    hotel = session.scalars(select(Hotel).limit(1)).one()
    styles = paragraph_styles()
    refund = request.kind is ReceiptKind.REFUND
    story: list[Flowable] = [
        Paragraph(hotel.name, styles["title"]),
        Paragraph(" · ".join(part for part in (hotel.address, hotel.tax_id) if part), styles["small"]),
        Spacer(1, 3 * mm),
        Paragraph(_word(language, "Refund receipt" if refund else "Sale receipt"), styles["h2"]),
        Paragraph(_word(language, "Receipt {number}", number=f"{request.id:07d}"), styles["body"]),
        Paragraph(_word(language, "Payer: {payer}", payer=payment.payer_name), styles["body"]),
        Paragraph(_word(language, "Date: {when}", when=request.requested_at.strftime("%Y-%m-%d %H:%M")
                        if isinstance(request.requested_at, datetime) else ""), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    if payment.bill_id is not None and not refund:
        postings = session.scalars(select(Posting).where(Posting.bill_id == payment.bill_id).order_by(Posting.id))
        rows: list[list[object]] = [[_word(language, "Service"), _word(language, "Amount")]]
        rows += [[Paragraph(escape(posting.description), styles["cell"]), amount_text(posting.amount)]
                 for posting in postings]
        if len(rows) > 1:
            story += [document_table(rows, [80 * mm, 35 * mm], styles, 1), Spacer(1, 3 * mm)]
    amount: Money = abs(payment.amount)
    method = payment.method.name
    story.append(Paragraph(
        _word(language, "Refunded by {method}" if refund else "Paid by {method}", method=method)
        + f": <b>{amount_text(amount)}</b>", styles["body"]))
    story.append(Paragraph(_word(language, "Cashier: {who}", who=request.requested_by), styles["small"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A5, title=_word(language, "Receipt {number}",
                                                                  number=f"{request.id:07d}"),
                                 leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm)
    document.build(story)
    return buffer.getvalue()
