"""The hotel's city, a field of its own since invoices, is printed with its address on the folio, the
bill and the shift reports; an address that already ends with the city does not get it twice."""

from __future__ import annotations

from sqlalchemy import select

from desk.cash.shift_pdf import write_x_report
from desk.hotel.models import Hotel as HotelRow
from desk.people.models import Role
from desk.reports import render_bill_pdf, render_folio_pdf
from tests.helpers import pdf_words

from .conftest import Hotel


def _located(hotel: Hotel, address: str, city: str) -> None:
    with hotel.database.writing() as session:
        row = session.scalars(select(HotelRow)).one()
        row.address, row.city = address, city


def test_the_folio_bill_and_shift_report_print_the_city(sqlite_hotel: Hotel, tmp_path):
    hotel = sqlite_hotel
    _located(hotel, "12 Vitosha Blvd", "Sofia")
    stay = hotel.stay()
    for render in (render_bill_pdf, render_folio_pdf):
        document = stay.bill_id if render is render_bill_pdf else stay.folio_id
        assert "12 Vitosha Blvd, Sofia" in pdf_words(hotel.query(render, document, tmp_path / "doc.pdf").read_bytes())
    cashier = hotel.as_role(Role.CASHIER)
    _report, path = cashier.query(write_x_report, cashier.actor.workstation, tmp_path)
    assert "12 Vitosha Blvd, Sofia" in pdf_words(path.read_bytes())


def test_an_address_that_names_its_city_is_printed_as_it_is():
    assert HotelRow(address="12 Vitosha Blvd, 1000 Sofia", city="Sofia").postal_address == "12 Vitosha Blvd, 1000 Sofia"
    assert HotelRow(address="", city="Sofia").postal_address == "Sofia"
    assert HotelRow(address="12 Vitosha Blvd", city="").postal_address == "12 Vitosha Blvd"
