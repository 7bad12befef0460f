"""The electronic receipt: a one-page PDF of a payment or refund, for the guest's mailbox.

It is a copy of a fiscal document, so it is worded and its numbers and dates written as the register's
paper is (:func:`desk.hotel.country.register_format`: the register's or the hotel country's language),
whoever sends it and whatever language their screen is in.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.core.pdf_layout import document_table, paragraph_styles
from desk.fiscal.models import ReceiptKind, ReceiptRequest
from desk.hotel.country import register_format
from desk.hotel.models import Hotel
from desk.hotel.names import load_names
from desk.ledger.lookup import get
from desk.ledger.models import Payment, Posting
from desk.people.models import User

# The e-receipt speaks the hotel's languages; English is the key (see desk.reports.labels).
WORDS = {
    "ru": {"Sale receipt": "Кассовый чек (приход)", "Refund receipt": "Кассовый чек (возврат прихода)",
           "Receipt {number}": "Чек {number}", "Payer: {payer}": "Плательщик: {payer}",
           "Service": "Услуга", "Amount": "Сумма", "Paid by {method}": "Оплачено: {method}",
           "Refunded by {method}": "Возвращено: {method}", "Date: {when}": "Дата: {when}",
           "Cashier: {who}": "Кассир: {who}",
           "{hotel}: receipt {number}": "{hotel}: кассовый чек {number}",
           "{hotel}: refund receipt {number}": "{hotel}: чек возврата {number}",
           "Thank you for staying with {hotel}.": "Благодарим, что остановились в {hotel}.",
           "Your receipt {number} is attached as a PDF.": "Ваш кассовый чек {number} приложен в формате PDF.",
           "Your refund receipt {number} is attached as a PDF.": "Ваш чек возврата {number} приложен в формате PDF."},
    "bg": {"Sale receipt": "Касова бележка (продажба)", "Refund receipt": "Касова бележка (сторно)",
           "Receipt {number}": "Бележка {number}", "Payer: {payer}": "Платец: {payer}",
           "Service": "Услуга", "Amount": "Сума", "Paid by {method}": "Платено: {method}",
           "Refunded by {method}": "Върнато: {method}", "Date: {when}": "Дата: {when}",
           "Cashier: {who}": "Касиер: {who}",
           "{hotel}: receipt {number}": "{hotel}: касова бележка {number}",
           "{hotel}: refund receipt {number}": "{hotel}: сторно бележка {number}",
           "Thank you for staying with {hotel}.": "Благодарим ви, че отседнахте в {hotel}.",
           "Your receipt {number} is attached as a PDF.": "Касовата ви бележка {number} е приложена като PDF.",
           "Your refund receipt {number} is attached as a PDF.": "Сторно бележката ви {number} е приложена като PDF."},
}


def _word(language: str, english: str, **params: object) -> str:
    # Paragraphs read markup: what a guest or clerk typed is escaped.
    return WORDS.get(language, {}).get(english, english).format(**{k: escape(str(v)) for k, v in params.items()})


def receipt_pdf(session: Session, request_id: int) -> bytes:
    """The PDF of receipt request ``request_id``: hotel, the bill's services, the payment."""
    request = get(session, ReceiptRequest, request_id, "Receipt request")
    payment = get(session, Payment, request.payment_id, "Payment")
    document_format = register_format(session, request.register_code)
    language = document_format.language
    names = load_names(session, language)
    hotel = session.scalars(select(Hotel).limit(1)).one()
    styles = paragraph_styles()
    refund = request.kind is ReceiptKind.REFUND
    story: list[Flowable] = [
        Paragraph(hotel.name, styles["title"]),
        Paragraph(" · ".join(part for part in (hotel.postal_address, hotel.tax_id) if part), styles["small"]),
        Spacer(1, 3 * mm),
        Paragraph(_word(language, "Refund receipt" if refund else "Sale receipt"), styles["h2"]),
        Paragraph(_word(language, "Receipt {number}", number=f"{request.id:07d}"), styles["body"]),
        Paragraph(_word(language, "Payer: {payer}", payer=payment.payer_name), styles["body"]),
        Paragraph(_word(language, "Date: {when}", when=document_format.date_time(request.requested_at)),
                  styles["body"]),
        Spacer(1, 3 * mm),
    ]
    if payment.bill_id is not None and not refund:
        postings = session.scalars(select(Posting).where(Posting.bill_id == payment.bill_id).order_by(Posting.id))
        rows: list[list[object]] = [[_word(language, "Service"), _word(language, "Amount")]]
        rows += [[Paragraph(escape(names.posting(posting)), styles["cell"]), document_format.money(posting.amount)]
                 for posting in postings]
        if len(rows) > 1:
            story += [document_table(rows, [80 * mm, 35 * mm], styles, 1), Spacer(1, 3 * mm)]
    amount: Money = abs(payment.amount)
    method = names.method(payment.method)
    story.append(Paragraph(
        _word(language, "Refunded by {method}" if refund else "Paid by {method}", method=method)
        + f": <b>{document_format.money(amount)}</b>", styles["body"]))
    # As on the paper: the cashier's name, not a login.
    cashier = session.scalars(select(User.full_name).where(User.username == request.requested_by)).first()
    story.append(Paragraph(_word(language, "Cashier: {who}", who=cashier or request.requested_by), styles["small"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A5, title=_word(language, "Receipt {number}",
                                                                  number=f"{request.id:07d}"),
                                 leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm)
    document.build(story)
    return buffer.getvalue()


def receipt_message(session: Session, request_id: int) -> tuple[str, str]:
    """The subject and text of the e-mail that carries the e-receipt, in the receipt's own language."""
    request = get(session, ReceiptRequest, request_id, "Receipt request")
    language = register_format(session, request.register_code).language
    hotel = session.scalars(select(Hotel).limit(1)).one().name
    number = f"{request.id:07d}"
    refund = request.kind is ReceiptKind.REFUND
    words = WORDS.get(language, {})

    def word(english: str) -> str:  # plain text, not markup: nothing escaped
        return words.get(english, english).format(hotel=hotel, number=number)

    subject = word("{hotel}: refund receipt {number}" if refund else "{hotel}: receipt {number}")
    text = (word("Thank you for staying with {hotel}.") + "\n\n"
            + word("Your refund receipt {number} is attached as a PDF." if refund
                   else "Your receipt {number} is attached as a PDF.") + "\n")
    return subject, text
