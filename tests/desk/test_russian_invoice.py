"""A Russian hotel's invoice is a счёт-фактура (ПП РФ № 1137) and its credit note a корректировочный
счёт-фактура, on SQLite and PostgreSQL: the form's fields, the lines' values without tax, and each
credited line before and after the change, counting the credit notes issued before."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desk.hotel.models import Hotel as HotelRow
from desk.invoices.issuing import CreditLine, issue_credit_note, issue_invoice
from desk.invoices.pdf import invoice_file
from desk.invoices.russian import unit_price_without_tax
from desk.ledger import postings
from desk.people.models import Role
from tests.helpers import pdf_words

from .conftest import Hotel, Stay


def russian(hotel: Hotel) -> None:
    with hotel.database.writing() as session:
        row = session.scalars(select(HotelRow)).one()
        row.country, row.tax_id, row.city = "RU", "7701234567/770101001", "Москва"
        row.accountable_person = "Иванова Мария Петровна"


def charged(hotel: Hotel) -> Stay:
    stay = hotel.stay()
    hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Проживание, номер «Стандарт»", quantity=3,
              unit_price=hotel.money("120.00"), tax_code="VAT20")
    hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Ужин", quantity=2,
              unit_price=hotel.money("18.50"), tax_code="VAT20")
    return stay


def test_a_russian_invoice_is_a_schet_faktura_with_the_forms_fields(hotel: Hotel):
    russian(hotel)
    invoice = hotel.as_role(Role.CASHIER).run(issue_invoice, [charged(hotel).bill_id])
    name, pdf = hotel.query(invoice_file, invoice.id)
    words = pdf_words(pdf)
    assert name == "invoice-0000000001.pdf"
    for field in ("№ 1137", "СЧЁТ-ФАКТУРА № 0000000001 от", "ИСПРАВЛЕНИЕ: № — от — (1а)", "Продавец: Hotel Aurora (2)",
                  "ИНН/КПП продавца: 7701234567/770101001 (2б)", "Грузоотправитель и его адрес: — (3)",
                  "Грузополучатель и его адрес: — (4)", "К платёжно-расчётному документу: № — от — (5)",
                  "Покупатель: Guest0 Test (6)", "Валюта: наименование, код: Евро, 978 (7)",
                  "Идентификатор государственного контракта", "Код вида товара", "Налоговая ставка",
                  "без акциза", "20%", "Всего к оплате (9)", "Главный бухгалтер", "Иванова Мария Петровна",
                  "Руководитель организации"):
        assert field in words, field
    # Column 4 is the price without tax: 120.00 with 20 % VAT is 100.00 a night.
    assert "100,00" in words and "300,00 без акциза 20% 60,00 360,00" in words


def test_a_credit_note_is_a_corrective_schet_faktura_line_before_and_after(hotel: Hotel):
    russian(hotel)
    hotel.as_role(Role.CASHIER).run(issue_invoice, [charged(hotel).bill_id])
    boss = hotel.as_role(Role.MANAGER)
    boss.run(issue_credit_note, 1, "Скидка по договору", lines=[CreditLine(1, hotel.money("60.00"))])
    second = boss.run(issue_credit_note, 1, "Ужин не состоялся", lines=[CreditLine(1, hotel.money("30.00")),
                                                                        CreditLine(2)])
    words = pdf_words(hotel.query(invoice_file, second.id)[1])
    for field in ("№ 1137", "КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА № 0000000003 от",
                  "К СЧЁТУ-ФАКТУРЕ: № 0000000001 от", "Основание: Ужин не состоялся", "А (до изменения)",
                  "Б (после изменения)", "В (увеличение)", "Г (уменьшение)", "Всего уменьшение (сумма строк Г)"):
        assert field in words, field
    # The night line held 360.00, less the first credit note's 60.00: 300.00 before, 270.00 after.
    assert "250,00 без акциза 20% 50,00 300,00" in words
    assert "225,00 без акциза 20% 45,00 270,00" in words
    # The dinner credited whole: nothing after, all of it the decrease.
    assert "30,83 без акциза 20% 6,17 37,00" in words


def test_the_price_without_tax_is_the_lines_value_without_tax_a_unit():
    assert unit_price_without_tax(Decimal("300.00"), Decimal("3"), "RUB") == Decimal("100.00")
    assert unit_price_without_tax(Decimal("10.00"), Decimal("0.5"), "RUB") == Decimal("20.00")
    # Half a kopeck rounds up, as every amount of the desk does (Money), never to the even kopeck.
    assert unit_price_without_tax(Decimal("0.25"), Decimal("2"), "RUB") == Decimal("0.13")
    assert unit_price_without_tax(Decimal("0.05"), Decimal("2"), "RUB") == Decimal("0.03")
    # A currency without minor units prints whole units.
    assert unit_price_without_tax(Decimal("1001"), Decimal("2"), "JPY") == Decimal("501")


def test_no_word_of_the_forms_column_headings_is_broken():
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desk.core.pdf_layout import fonts
    from desk.invoices.russian import CORRECTIVE_COLUMNS, HEAD_FONT_SIZE, INVOICE_COLUMNS

    regular, _bold = fonts()
    padding = 4  # points: the grid's 2 on each side
    for columns in (INVOICE_COLUMNS, CORRECTIVE_COLUMNS):
        assert sum(width for _title, _number, width in columns) == 267  # A4 landscape within its margins
        for title, number, width in columns:
            for word in title.split():
                assert stringWidth(word, regular, HEAD_FONT_SIZE) + padding <= width * mm, (number, word)
