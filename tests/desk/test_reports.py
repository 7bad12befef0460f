"""Bills and folios as PDF: what a guest would read on them."""

from __future__ import annotations

from pypdf import PdfReader

from desk.ledger.bills import open_bill
from desk.ledger.payments import Tender, take_deposit, take_payment
from desk.ledger.postings import post_service, reverse_posting
from desk.people.models import Role
from desk.reports import render_bill_pdf, render_folio_pdf
from desk.stays.reservations import new_guest
from tests.helpers import pdf_text

from .conftest import Hotel


def page_x(cm, tm) -> float:
    """Where a text fragment starts on the page: its text matrix placed by the current matrix."""
    return tm[4] * cm[0] + tm[5] * cm[2] + cm[4]


def test_bill_shows_charges_vat_payments_and_balance(sqlite_hotel: Hotel, tmp_path):
    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.as_role(Role.MANAGER).run(reverse_posting, beer.id, reason="not taken")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("20", "USD"), text="dollars"))
    path = hotel.query(render_bill_pdf, stay.bill_id, tmp_path / "bill.pdf")
    text = pdf_text(path)
    assert "Spa visit" in text and "Minibar: beer" not in text
    assert "70.00 EUR" in text
    assert "VAT 20%: 11.67 EUR" in text
    assert "20.00 USD" in text and "18.40 EUR" in text
    assert "Balance due: 51.60 EUR" in text


def test_folio_prints_cyrillic_names_every_bill_and_the_deposit(sqlite_hotel: Hotel, tmp_path):
    hotel = sqlite_hotel
    stay = hotel.stay()
    with hotel.database.writing() as session:
        guest = new_guest(session, hotel.actor, "Надежда", "Стоянова")
        session.flush()
        second = open_bill(session, hotel.actor, stay.folio_id, payer_guest_id=guest.id).id
    hotel.run(post_service, bill_id=second, service_code="LAUNDRY")
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("50")))
    text = pdf_text(hotel.query(render_folio_pdf, stay.folio_id, tmp_path / "folio.pdf"))
    assert "Надежда Стоянова" in text
    assert text.count("Bill 0") == 2
    assert "Deposit account" in text and "50.00 EUR" in text
    assert "Folio balance: -32.00 EUR" in text


def test_a_long_reference_wraps_inside_its_column(sqlite_hotel: Hotel, tmp_path):
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desk.core.pdf_layout import fonts

    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)
    reference = " ".join(f"Booking.com-collect-{k:04d}" for k in range(8))
    hotel.run(take_payment, stay.bill_id, Tender("transfer", hotel.money("70"), text=reference))
    path = hotel.query(render_bill_pdf, stay.bill_id, tmp_path / "bill.pdf")
    fragments: list[tuple[str, float, str, float]] = []

    def visit(text, cm, tm, font, size):
        if "Booking.com" in text:
            fragments.append((text.strip(), page_x(cm, tm), font.get("/BaseFont", "") if font else "", size))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    assert len(fragments) > 1, "the reference stayed on one line"
    amount_column = 15 * mm + (24 + 32 + 56) * mm
    regular, _bold = fonts()
    for text, x, _font, _size in fragments:
        assert x + stringWidth(text, regular, 8.5) <= amount_column, text
    assert "".join(t for t, *_ in fragments).replace(" ", "") == reference.replace(" ", "")


def test_the_closing_totals_never_stand_alone_on_the_last_page(sqlite_hotel: Hotel, tmp_path):
    from desk.ledger.postings import post_charge

    hotel = sqlite_hotel
    stay = hotel.stay()
    lonely = []
    for k in range(1, 80):
        hotel.run(post_charge, bill_id=stay.bill_id, description=f"Room service order {k}", quantity=1,
                  unit_price=hotel.money("1"))
        if k < 35:
            continue
        pages = PdfReader(hotel.query(render_folio_pdf, stay.folio_id, tmp_path / f"folio{k}.pdf")).pages
        last = pages[-1].extract_text()
        assert "Folio balance" in last
        if "Room service order" not in last:
            lonely.append(k)
    assert lonely == []


def test_a_large_amount_stays_inside_its_column(sqlite_hotel: Hotel, tmp_path):
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desk.core.pdf_layout import fonts
    from desk.ledger.postings import post_charge

    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Hall", quantity=1,
              unit_price=hotel.money("123456789012.34"))
    path = hotel.query(render_bill_pdf, stay.bill_id, tmp_path / "bill.pdf")
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, _font, _size):
        if "456 789" in text and "Balance" not in text:
            found.append((text.strip(), page_x(cm, tm)))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    regular, _bold = fonts()
    left = 15 * mm
    price_from, price_to = left + (28 + 63 + 12) * mm, left + (28 + 63 + 12 + 30) * mm
    amount_to = left + 180 * mm
    assert len(found) >= 3  # price, amount, total
    for text, x in found:
        assert x >= price_from - 1, text
        assert x + stringWidth(text, regular, 8.5) <= amount_to + 1, text
    assert any(x + stringWidth(text, regular, 8.5) <= price_to for text, x in found)
