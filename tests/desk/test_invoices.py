"""Invoices and credit notes on SQLite and PostgreSQL: numbers without gaps, content frozen at issue,
credit notes within what the invoice has, one standing invoice per bill, and the PDF's fields."""

from __future__ import annotations

import io
import threading
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy.exc
from pypdf import PdfReader
from sqlalchemy import select, text

from desk.audit.models import AuditEntry
from desk.core.errors import InvalidInput, NotFound
from desk.core.money import Money
from desk.hotel.models import Hotel as HotelRow
from desk.invoices.issuing import CreditLine, credit_left, invoice_content, issue_credit_note, issue_invoice
from desk.invoices.models import Invoice
from desk.invoices.pdf import invoice_pdf
from desk.invoices.reading import InvoiceFilter, invoiceable_bills, list_invoices
from desk.ledger import payments, postings
from desk.ledger.models import Posting, PostingKind
from desk.ledger.payments import Tender
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.models import Company
from tests.actors import demo_credentials

from .conftest import MISSING_RIGHT, Hotel, Stay, refused

APPEND_ONLY = "the ledger is append-only: record a reversal instead"


def bulgarian(hotel: Hotel) -> None:
    with hotel.database.writing() as session:
        row = session.scalars(select(HotelRow)).one()
        row.country, row.vat_number, row.accountable_person, row.city = "BG", "BG204567891", "Мария Димитрова", "София"


def charged(hotel: Hotel) -> Stay:
    """A stay's bill with a night at 9 % VAT, a spa visit at 20 % and a dinner at 20 %."""
    stay = hotel.stay()
    hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Нощувка", quantity=1,
              unit_price=hotel.money("120.00"), tax_code="VAT9")
    hotel.run(postings.post_service, bill_id=stay.bill_id, service_code="SPA")
    hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Вечеря", quantity=2,
              unit_price=hotel.money("18.50"), tax_code="VAT20")
    return stay


def cashier(hotel: Hotel) -> Hotel:
    return hotel.as_role(Role.CASHIER)


def manager(hotel: Hotel) -> Hotel:
    return hotel.as_role(Role.MANAGER)


def test_an_invoice_adds_up_per_rate_as_the_bills_postings_do(hotel: Hotel):
    bulgarian(hotel)
    stay = charged(hotel)
    # A charge reversed is not invoiced.
    wrong = hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Грешка", quantity=1,
                      unit_price=hotel.money("9.99"), tax_code="VAT20")
    manager(hotel).run(postings.void_posting, wrong.id, reason="typo")
    invoice = cashier(hotel).run(issue_invoice, [stay.bill_id])
    content = hotel.query(lambda s: invoice_content(s.get_one(Invoice, invoice.id)))

    # Recomputed from the raw posting rows of the bill: charges not reversed, grouped by VAT rate.
    def expected(session):
        rows = session.scalars(select(Posting).where(Posting.bill_id == stay.bill_id)).all()
        undone = {p.reverses_id for p in rows if p.reverses_id is not None}
        sums: dict[Decimal, list[Money]] = defaultdict(lambda: [hotel.money("0"), hotel.money("0")])
        for p in rows:
            if p.kind is PostingKind.CHARGE and p.id not in undone:
                sums[p.tax_percent][0] += p.amount - p.tax_amount
                sums[p.tax_percent][1] += p.tax_amount
        return sums

    sums = hotel.query(expected)
    assert {Decimal(r["vat_percent"]): (hotel.money(r["net"]), hotel.money(r["vat"])) for r in content["rates"]} == {
        rate: (net, vat) for rate, (net, vat) in sums.items()}
    assert hotel.money(content["gross"]) == hotel.money("192.00") == invoice.total
    assert content["number"] == "0000000001" and len(content["lines"]) == 3
    assert content["words"] == "Сто деветдесет и две евро и 00 цента"
    assert content["seller"]["vat_number"] == "BG204567891" and content["buyer"]["name"] == "Guest0 Test"


def test_a_rolled_back_issue_leaves_no_gap(hotel: Hotel):
    first, second = charged(hotel), charged(hotel)
    issuer = cashier(hotel)
    with pytest.raises(RuntimeError), hotel.database.writing() as session:
        assert issue_invoice(session, issuer.actor, [first.bill_id]).number == 1
        raise RuntimeError("the desk lost its connection before the commit")
    assert issuer.run(issue_invoice, [second.bill_id]).number == 1
    assert issuer.run(issue_invoice, [first.bill_id]).number == 2


def test_two_desks_issuing_at_once_take_the_next_numbers_in_turn(hotel: Hotel):
    first, second = charged(hotel), charged(hotel)
    issuer = cashier(hotel)
    numbers: list[int] = []
    with hotel.database.writing() as session:
        numbers.append(issue_invoice(session, issuer.actor, [first.bill_id]).number)
        other = threading.Thread(target=lambda: numbers.append(issuer.run(issue_invoice, [second.bill_id]).number))
        other.start()
        time.sleep(0.15)
        assert other.is_alive(), "the second desk read the last number while the first had not committed"
    other.join(10)
    assert numbers == [1, 2]


def test_an_issued_invoice_is_refused_any_change_by_the_database(hotel: Hotel):
    invoice = cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    for statement in (f"UPDATE invoice SET buyer_name = 'Someone else' WHERE id = {invoice.id}",
                      f"DELETE FROM invoice WHERE id = {invoice.id}",
                      f"DELETE FROM invoice_bill WHERE invoice_id = {invoice.id}",
                      "UPDATE invoice_series SET first_number = 5"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match=APPEND_ONLY), hotel.database.engine.begin() as c:
            c.execute(text(statement))
    assert hotel.query(lambda s: s.get_one(Invoice, invoice.id).buyer_name) == "Guest0 Test"


def test_the_pdf_shows_what_was_issued_not_what_was_renamed_since(hotel: Hotel):
    bulgarian(hotel)
    invoice = cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    with hotel.database.writing() as session:
        session.scalars(select(HotelRow)).one().name = "Renamed Hotel"
    pdf = hotel.query(invoice_pdf, invoice.id)
    words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for field in ("ФАКТУРА", "Оригинал", "Номер", "0000000001", "Дата на издаване", "Дата на данъчното събитие",
                  "Място на сделката", "София", "Доставчик", "Получател", "ЕИК", "204567891", "ДДС №",
                  "BG204567891", "МОЛ", "Мария Димитрова", "Нощувка", "Данъчна основа", "ДДС 9%", "ДДС 20%",
                  "Сума за плащане", "192,00", "Словом", "Сто деветдесет и две евро и 00 цента",
                  "Начин на плащане", "По банков път", "Hotel Aurora"):
        assert field in words, field
    assert "Renamed Hotel" not in words


def test_a_credit_note_never_credits_more_than_the_invoice_has(hotel: Hotel):
    bulgarian(hotel)
    invoice = cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    boss = manager(hotel)
    refused(hotel, InvalidInput, "Say why the invoice is credited",
            lambda: boss.run(issue_credit_note, 1, "  "), field="reason")
    refused(hotel, InvalidInput, "Invoice {invoice} has {left} left to credit: {amount} is more",
            lambda: boss.run(issue_credit_note, 1, "discount", amount=hotel.money("192.01")), field="amount")
    refused(hotel, NotFound, "There is no invoice {number}", lambda: boss.run(issue_credit_note, 7, "x"),
            field="invoice")
    part = boss.run(issue_credit_note, 1, "discount", amount=hotel.money("50.00"))
    assert (part.number, part.total) == (2, hotel.money("50.00"))
    content = hotel.query(lambda s: invoice_content(s.get_one(Invoice, part.id)))
    assert content["credited"] == {"number": "0000000001", "issued_on": invoice.issued_on.isoformat()}
    assert sum(Decimal(line["gross"]) for line in content["lines"]) == Decimal("50.00")
    # A part of a line reads as one of the amount credited, as Bulgarian credit notes do: its
    # quantity times its unit price is its amount, never the invoice's quantity at a price not credited.
    for credited in content["lines"]:
        assert Decimal(credited["quantity"]) * Decimal(credited["unit_price"]) == Decimal(credited["gross"])
    line = boss.run(issue_credit_note, 1, "spa not used", lines=[CreditLine(2)])
    spa_left = hotel.money("35.00") - hotel.money(next(x["gross"] for x in content["lines"] if x["line"] == 2))
    assert line.total == spa_left
    refused(hotel, InvalidInput, "Line {line} of invoice {invoice} has {left} left to credit: {amount} is more",
            lambda: boss.run(issue_credit_note, 1, "again", lines=[CreditLine(2, hotel.money("0.01"))]),
            field="lines")
    rest = boss.run(issue_credit_note, 1, "stay cancelled")
    for credited in hotel.query(lambda s: invoice_content(s.get_one(Invoice, rest.id)))["lines"]:
        assert Decimal(credited["quantity"]) * Decimal(credited["unit_price"]) == Decimal(credited["gross"])
    assert part.total + line.total + rest.total == invoice.total
    assert hotel.query(lambda s: credit_left(s, s.get_one(Invoice, invoice.id))) == hotel.money("0")
    # What every credit note took from each rate adds up to the invoice's own VAT per rate.
    notes = [hotel.query(lambda s, i=i: invoice_content(s.get_one(Invoice, i))) for i in (part.id, line.id, rest.id)]
    original = hotel.query(lambda s: invoice_content(s.get_one(Invoice, invoice.id)))
    for rate in original["rates"]:
        credited = sum(Decimal(r["vat"]) for note in notes for r in note["rates"]
                       if r["vat_percent"] == rate["vat_percent"])
        assert credited == Decimal(rate["vat"])
    refused(hotel, InvalidInput, "Invoice {invoice} is credited in full",
            lambda: boss.run(issue_credit_note, 1, "once more"), field="invoice")
    rows = hotel.query(list_invoices, InvoiceFilter(number="1"))
    assert [(r.number, r.left_to_credit) for r in rows] == [("0000000001", hotel.money("0"))]


def test_a_bill_is_invoiced_again_only_once_its_invoice_is_credited_in_full(hotel: Hotel):
    stay = charged(hotel)
    issuer = cashier(hotel)
    issuer.run(issue_invoice, [stay.bill_id])
    refused(hotel, InvalidInput, "Bill {bill} is already on invoice {invoice}: issue a credit note for the whole "
            "invoice before invoicing the bill again", lambda: issuer.run(issue_invoice, [stay.bill_id]), field="bills")
    manager(hotel).run(issue_credit_note, 1, "wrong buyer", amount=hotel.money("100.00"))
    refused(hotel, InvalidInput, "Bill {bill} is already on invoice {invoice}: issue a credit note for the whole "
            "invoice before invoicing the bill again", lambda: issuer.run(issue_invoice, [stay.bill_id]), field="bills")
    manager(hotel).run(issue_credit_note, 1, "wrong buyer")
    assert issuer.run(issue_invoice, [stay.bill_id]).number == 4


def test_a_company_invoice_lists_its_guests_services_at_their_own_rates(hotel: Hotel):
    bulgarian(hotel)
    with hotel.database.writing() as session:
        company = Company(name="Balkan Travel Ltd", search_name="balkan travel ltd", tax_id="BG131234567",
                          address="1 Rakovski St, Sofia")
        session.add(company)
        session.flush()
        company_id = company.id
    first, second = charged(hotel), charged(hotel)
    hotel.run(payments.take_payment, second.bill_id, Tender("cash", hotel.money("92.00")))
    for stay in (first, second):
        hotel.run(payments.transfer_to_company, stay.bill_id, company_id)
    bills = hotel.query(invoiceable_bills, company_id)
    assert len(bills) == 1 and bills[0].charges == hotel.money("292.00")
    invoice = cashier(hotel).run(issue_invoice, [bills[0].bill_id])
    content = hotel.query(lambda s: invoice_content(s.get_one(Invoice, invoice.id)))
    assert content["buyer"] == {"kind": "company", "company_id": company_id, "name": "Balkan Travel Ltd",
                                "address": "1 Rakovski St, Sofia", "tax_id": "131234567", "vat_number": "BG131234567"}
    assert hotel.money(content["gross"]) == hotel.money("292.00")
    # The first stay's three services as they are; the second's transferred 100.00 split by its rates.
    assert len(content["lines"]) == 3 + 2
    assert {r["vat_percent"] for r in content["rates"]} == {"9", "20"}
    # A guest's bill invoiced through the company is not invoiced again on its own.
    refused(hotel, InvalidInput, "Bill {bill} is already on invoice {invoice}: issue a credit note for the whole "
            "invoice before invoicing the bill again", lambda: cashier(hotel).run(issue_invoice, [first.bill_id]),
            field="bills")
    assert hotel.query(invoiceable_bills, company_id) == []


def test_invoices_are_a_cashiers_and_credit_notes_a_managers(hotel: Hotel):
    stay = charged(hotel)
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.as_role(Role.CLERK).run(issue_invoice, [stay.bill_id]))
    cashier(hotel).run(issue_invoice, [stay.bill_id])
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: cashier(hotel).run(issue_credit_note, 1, "r"))


def test_each_issue_and_credit_note_is_in_the_audit_trail(hotel: Hotel):
    cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    manager(hotel).run(issue_credit_note, 1, "goodwill", amount=hotel.money("10.00"))
    entries = hotel.query(lambda s: [(e.kind, e.username, e.subject) for e in s.scalars(
        select(AuditEntry).where(AuditEntry.kind == "invoice").order_by(AuditEntry.seq))])
    assert entries == [("invoice", "ivan", "invoice 0000000001"), ("invoice", "maria", "credit note 0000000002")]


def test_a_bill_with_nothing_on_it_is_not_invoiced(hotel: Hotel):
    stay = hotel.stay()
    refused(hotel, InvalidInput, "Bill {bill} has nothing to invoice",
            lambda: cashier(hotel).run(issue_invoice, [stay.bill_id]), field="bills")
    assert hotel.view(stay.folio_id).bills[0].charges == hotel.money("0")


def test_desk_invoice_issues_credits_prints_and_lists(sqlite_hotel: Hotel, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], tmp_path: Path):
    from desk.cli.main import main

    hotel = sqlite_hotel
    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = hotel.database.url
    stay = charged(hotel)
    assert main(["--database", url, "invoice", "seller", "--vat-number", "bg 204567891",
                 "--accountable-person", "Maria Dimitrova", "--city", "Sofia", "--address", "12 Vitosha Blvd"]) == 0
    assert main(["--database", url, "invoice", "issue", "--bill", str(stay.bill_id)]) == 0
    assert capsys.readouterr().out.endswith("Invoice 0000000001: EUR 192.00 to Guest0 Test\n")
    assert main(["--database", url, "invoice", "credit", "1", "--lines", "1,2:10.00", "--reason", "late check-in"]) == 0
    assert capsys.readouterr().out == "Credit note 0000000002: EUR 130.00 to invoice 0000000001\n"
    assert main(["--database", url, "invoice", "credit", "1", "--amount", "62.01", "--reason", "more"]) == 1
    assert "Invoice 0000000001 has EUR 62.00 left to credit: EUR 62.01 is more" in capsys.readouterr().err
    assert main(["--database", url, "invoice", "pdf", "2", "--out", str(tmp_path / "credit.pdf")]) == 0
    words = PdfReader(tmp_path / "credit.pdf").pages[0].extract_text()
    assert "CREDIT NOTE" in words and "to invoice No. 0000000001 of" in words and "late check-in" in words
    assert "BG204567891" in words and "Maria Dimitrova" in words and "12 Vitosha Blvd" in words
    capsys.readouterr()
    assert main(["--database", url, "invoice", "list", "--buyer", "guest0"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in listed] == [["0000000002", "credit_note"], ["0000000001", "invoice"]]
    assert "left to credit EUR 62.00" in listed[1]


@pytest.mark.parametrize("language", ["bg", "ru", "en"])
def test_no_header_word_is_broken_and_no_amount_wraps(language: str):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desk.core.pdf_layout import fonts
    from desk.invoices.pdf import CELL_PADDING, LINE_FONT_SIZE, LINE_WIDTHS, NUMERIC_FROM, line_rows, render_invoice

    line = {"description": "Нощувка в апартамент с изглед към Витоша, закуска и вечеря включени", "quantity": "1000",
            "unit_price": "99999.99", "vat_percent": "20", "net": "83333333.33", "vat": "16666666.66",
            "gross": "99999999.99"}
    content = {"kind": "invoice", "number": "0000000001", "language": language, "lines": [line]}
    regular, _bold = fonts()
    header, *rows = line_rows(content)
    for cell, width in zip(header, LINE_WIDTHS, strict=True):
        for word in cell.split():
            assert stringWidth(word, regular, LINE_FONT_SIZE) + CELL_PADDING <= width, (word, width)
    for row in rows:
        for cell, width in list(zip(row, LINE_WIDTHS, strict=True))[NUMERIC_FROM:]:
            assert stringWidth(cell, regular, LINE_FONT_SIZE) + CELL_PADDING <= width, (cell, width)
    assert render_invoice({**content, "issued_on": "2026-12-07", "supply_date": "2026-12-06", "currency": "EUR",
                           "seller": {"name": "S"}, "buyer": {"name": "B"}, "rates": [], "net": "0", "vat": "0",
                           "gross": "0", "words": "", "payment_method": "", "bills": [], "issued_by": ""}
                          ).startswith(b"%PDF")


def test_an_invoice_changed_behind_the_guards_is_refused_not_printed(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    invoice = cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    with hotel.database.engine.begin() as c:  # someone with the file and a SQLite shell
        c.execute(text("DROP TRIGGER invoice_no_update"))
        c.execute(text("UPDATE invoice SET content = replace(content, '192.00', '19.20') WHERE id = :id"),
                  {"id": invoice.id})
    with pytest.raises(InvalidInput) as caught:
        hotel.query(invoice_pdf, invoice.id)
    assert caught.value.template == "Invoice {number} does not match what was issued: its record was changed"


def test_the_date_of_issue_is_the_hotels_date_in_its_time_zone(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    issued = []
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC-11: never the same date
        with hotel.database.writing() as session:
            session.scalars(select(HotelRow)).one().time_zone = zone
        issued.append(cashier(hotel).run(issue_invoice, [charged(hotel).bill_id]).issued_on)
    assert issued[0] > issued[1]


def test_a_manager_sets_all_the_sellers_details_and_the_next_invoice_says_them(hotel: Hotel):
    from desk.audit.models import AuditKind
    from desk.db.runner import Runner
    from desk.invoices.seller import invoice_seller, set_invoice_seller

    boss = manager(hotel)
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: cashier(hotel).run(
        set_invoice_seller, vat_number="BG1", accountable_person="M", city="Sofia", address="1 A St",
        tax_id="204567891"))
    refused(hotel, InvalidInput, "At most {limit} characters", lambda: boss.run(
        set_invoice_seller, vat_number="BG1", accountable_person="M", city="Sofia", address="x" * 241,
        tax_id="204567891"), field="address")
    assert hotel.query(invoice_seller).address != "x" * 241
    Runner(hotel.database).run(set_invoice_seller, boss.actor, vat_number="bg 204567891",
                               accountable_person=" Мария Димитрова ", city="София", address="бул. Витоша 12",
                               tax_id=" 204567891 ")
    seller = hotel.query(invoice_seller)
    assert (seller.vat_number, seller.accountable_person, seller.city, seller.address, seller.tax_id) == (
        "BG204567891", "Мария Димитрова", "София", "бул. Витоша 12", "204567891")
    assert hotel.query(lambda s: s.scalars(select(AuditEntry.username).where(
        AuditEntry.kind == AuditKind.SETTING).order_by(AuditEntry.seq.desc()).limit(1)).one()) == "maria"
    invoice = cashier(hotel).run(issue_invoice, [charged(hotel).bill_id])
    content = hotel.query(lambda s: invoice_content(s.get_one(Invoice, invoice.id)))
    assert content["seller"]["address"] == "бул. Витоша 12" and content["seller"]["tax_id"] == "204567891"


def test_the_invoice_names_who_issued_it_by_their_full_name(hotel: Hotel):
    from desk.demo.seed import DEMO_WORKSTATION
    from desk.people.auth import trusted_actor

    # An actor a process made for itself (a command, the screenshots) carries the user name only.
    issuer = Hotel(hotel.database, trusted_actor("ivan", DEMO_WORKSTATION, Role.CASHIER), hotel.currency)
    invoice = issuer.run(issue_invoice, [charged(hotel).bill_id])
    assert hotel.query(lambda s: invoice_content(s.get_one(Invoice, invoice.id)))["issued_by"] == "Ivan Georgiev"
