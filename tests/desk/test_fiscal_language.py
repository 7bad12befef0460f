"""A Russian hotel's fiscal documents are Russian on paper and in the PDF, whoever asks for them.

The register names no language of its own, so it follows the hotel's country; the clerk's screen
language plays no part (desk has none). Words, numbers ("1 234,50") and dates (dd.mm.yyyy) are
read back from the ESC/POS bytes the printer simulator decoded, and from the PDF's text.
"""

from __future__ import annotations

import re

from sqlalchemy import update

from desk.cash.shift_pdf import write_x_report
from desk.cash.shifts import close_shift, open_shift_of, z_report_pdf
from desk.cli.main import main
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.fiscal.document_format import set_hotel_country, set_register_language
from desk.fiscal.receipts import request_receipt
from desk.fiscal.render import COPY_WORDS, LABELS
from desk.fiscal.workflow import close_register_shifts, print_receipt, x_report
from desk.hotel.country import register_format
from desk.hotel.models import Hotel as HotelRow
from desk.ledger.payments import refund_payment
from desk.mail.receipt_pdf import receipt_pdf
from desk.people.models import Role, User
from tests.helpers import pdf_words

from .conftest import Hotel, refused
from .fiscal_rig import FiscalHotel, fiscal_hotel, paid_bill

RUSSIAN_LINES = (("Проживание, номер 101", "1234.50", "VAT9"), ("Мини-бар", "12.50", "VAT20"))
# Every word the register prints in English, and the English PDF's, none of which may show.
ENGLISH_WORDS = {word for text in LABELS["en"].values() for word in re.findall(r"[A-Za-z]{3,}", text)} | {
    COPY_WORDS["en"], "Float", "Cash", "report", "shift", "Opened", "Closed", "Expected", "Counted", "Amount"}
RUSSIAN_NUMBER = re.compile(r"\d{1,3}(?: \d{3})*,\d{2} EUR")
RUSSIAN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}")


def russian_hotel(hotel: Hotel) -> FiscalHotel:
    rig = fiscal_hotel(hotel, language="")  # no language of its own: the hotel's country decides
    with hotel.database.writing() as session:
        session.execute(update(HotelRow).values(country="RU", name="Гостиница «Аврора»",
                                                address="Тверская ул., 1", city="Москва", tax_id="7701234567"))
        session.execute(update(User).values(full_name="Иван Петров"))
    return rig


def printed_text(rig: FiscalHotel) -> str:
    """What came out of the printer, less what is not words to read: the QR code's data, the sign and
    the simulator's mark of a cut."""
    return "\n".join(line for line in rig.engine.text().splitlines()
                     if not line.startswith(("[QR", "--- cut")) and not re.fullmatch(r"[0-9a-f]{32}", line.strip()))


def latin_words(text: str, *, allowed: set[str]) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", text)) - allowed


def test_a_russian_hotels_register_prints_russian_words_numbers_and_dates(hotel: Hotel):
    rig = russian_hotel(hotel)
    assert rig.hotel.query(register_format, "FP-1").language == "ru"
    sale = print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel, lines=RUSSIAN_LINES), "FP-1",
                         tendered=Money.of("2000", "EUR"), registers=rig.registers)
    assert sale.printed and sale.document is not None
    paper = printed_text(rig)
    assert "КАССОВЫЙ ЧЕК: ПРИХОД" in paper and "ИНН: 7701234567" in paper and "в т.ч. НДС 9%" in paper
    assert "1 234,50 EUR" in paper and "2 000,00 EUR" in paper  # the line, and the cash handed over
    assert RUSSIAN_DATE.search(paper) and not re.search(r"\d{4}-\d{2}-\d{2}", paper)
    assert not re.search(r"\d\.\d{2} EUR", paper), paper
    assert not latin_words(paper, allowed={"EUR", "FP"}) and not ENGLISH_WORDS & set(re.findall(r"\w+", paper))

    rig.engine.reset_output()
    refund = rig.hotel.run(refund_payment, sale.document.payment_id, Money.of("1000", "EUR"), reason="отмена")
    assert print_receipt(rig.runner, rig.hotel.actor, refund.id, "FP-1", registers=rig.registers).printed
    paper = printed_text(rig)
    assert "КАССОВЫЙ ЧЕК: ВОЗВРАТ ПРИХОДА" in paper and "1 000,00 EUR" in paper
    assert any(line.startswith("Возврат по документу") and line.endswith(f"{sale.document.number:07d}")
               for line in paper.splitlines())
    assert not latin_words(paper, allowed={"EUR", "FP"})

    rig.engine.reset_output()
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    copy = register.copy(sale.document.number)
    assert copy.copy
    paper = printed_text(rig)
    assert paper.count("КОПИЯ") == 1 and "COPY" not in paper and "1 234,50 EUR" in paper

    cashier = rig.hotel.as_role(Role.CASHIER)
    rig.engine.reset_output()
    assert x_report(rig.runner, cashier.actor, "FP-1", registers=rig.registers).printed
    paper = printed_text(rig)
    assert "X-ОТЧЕТ" in paper and "Чеки прихода (1)" in paper and "Чеки возврата (1)" in paper
    assert RUSSIAN_NUMBER.search(paper) and not latin_words(paper, allowed={"EUR", "FP"}), paper

    cash_shift = cashier.query(open_shift_of, cashier.actor.workstation)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, cash_shift.id, registers=rig.registers)
    assert z.printed
    paper = printed_text(rig)
    assert "Z-ОТЧЕТ (ЗАКРЫТИЕ СМЕНЫ)" in paper and "КОНТРОЛЬНАЯ ТОЧКА ЦЕПОЧКИ" in paper
    assert RUSSIAN_NUMBER.search(paper) and RUSSIAN_DATE.search(paper)
    assert not latin_words(paper, allowed={"EUR", "FP"}) and not ENGLISH_WORDS & set(re.findall(r"\w+", paper))


def test_a_russian_hotels_x_and_z_pdfs_are_russian(hotel: Hotel, tmp_path):
    rig = russian_hotel(hotel)
    print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel, lines=RUSSIAN_LINES), "FP-1",
                  registers=rig.registers)
    cashier = rig.hotel.as_role(Role.CASHIER)
    workstation = cashier.actor.workstation
    _report, x_path = cashier.query(write_x_report, workstation, tmp_path)
    x_text = pdf_words(x_path.read_bytes())
    assert "X-отчет · смена" in x_text and "Размен" in x_text and "Получено наличными" in x_text
    closure = cashier.run(close_shift, {})
    z_text = pdf_words(cashier.query(z_report_pdf, closure.report.shift_id))
    assert "Z-отчет · смена" in z_text and "Должно быть в кассе" in z_text and "Пересчитано" in z_text
    for text in (x_text, z_text):
        assert RUSSIAN_NUMBER.search(text) and RUSSIAN_DATE.search(text), text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text) and not re.search(r"\d\.\d{2} EUR", text), text
        assert not latin_words(text, allowed={"EUR", workstation.split("-")[0]}), text


def test_a_russian_hotels_e_receipt_pdf_is_russian_whoever_sends_it(hotel: Hotel):
    """The e-receipt is a copy of a fiscal document: the register's language and number format,
    not the mail worker's (which is English by default)."""
    rig = russian_hotel(hotel)
    payment_id = paid_bill(rig.hotel, lines=RUSSIAN_LINES)
    request = rig.hotel.run(request_receipt, payment_id, "FP-1", email="guest@example.com")
    text = pdf_words(rig.hotel.query(receipt_pdf, request.id))
    assert "Кассовый чек (приход)" in text and "Плательщик: Иван Петров" in text
    assert "1 234,50 EUR" in text and "1 247,00 EUR" in text and "Проживание, номер 101" in text
    assert RUSSIAN_DATE.search(text) and not re.search(r"\d{4}-\d{2}-\d{2}", text), text
    assert not re.search(r"\d[.,]\d{3}[.,]\d{2}|\d\.\d{2} EUR", text), text
    assert not latin_words(text, allowed={"EUR"}), text


NOT_A_COUNTRY = "“{country}” is not a country code: two letters (ISO 3166), such as BG or RU"
NOT_A_LANGUAGE = "Fiscal documents can be in {languages}; “{language}” is not one of them"


def test_the_country_and_a_registers_own_language_are_set_by_command(sqlite_hotel: Hotel, capsys, monkeypatch):
    hotel = sqlite_hotel
    url = hotel.database.url
    monkeypatch.setenv("DESK_USER", "anna")
    monkeypatch.setenv("DESK_PASSWORD", "anna")
    assert main(["--database", url, "fiscal", "country", "ru"]) == 1  # a clerk may not
    assert capsys.readouterr().err == "desk: A clerk may not set up devices: a manager must authorise it\n"
    assert hotel.query(register_format, "FP-1").language == "en"
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    assert hotel.query(register_format, "FP-1").language == "en"  # the test hotel has no country
    assert main(["--database", url, "fiscal", "country", "ru"]) == 0
    assert hotel.query(register_format, "FP-1").language == "ru"
    assert main(["--database", url, "fiscal", "language", "FP-2", "bg"]) == 0
    assert "FP-1: documents in ru" in capsys.readouterr().out
    assert [hotel.query(register_format, code).language for code in ("FP-1", "FP-2")] == ["ru", "bg"]
    assert main(["--database", url, "fiscal", "language", "FP-2", "country"]) == 0
    assert hotel.query(register_format, "FP-2").language == "ru"
    manager = hotel.as_role(Role.MANAGER)
    refused(manager, InvalidInput, NOT_A_COUNTRY, lambda: manager.run(set_hotel_country, "Russia"), field="country")
    refused(manager, InvalidInput, NOT_A_LANGUAGE, lambda: manager.run(set_register_language, "FP-1", "de"),
            field="language")
