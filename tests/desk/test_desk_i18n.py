"""What desk/ gives ui/ to translate: error templates, ledger texts, names, printed documents."""

from __future__ import annotations

from datetime import date

import pytest

from desk.core.errors import BillNotSettled, DeskError, InvalidInput
from desk.hotel.names import NameKind, load_names, set_names
from desk.ledger.accounts import company_folio
from desk.ledger.folios import load_folio
from desk.ledger.payments import (
    RefundDirection,
    Tender,
    apply_deposit,
    refund_payment,
    take_deposit,
    take_payment,
    transfer_to_company,
    void_payment,
)
from desk.ledger.postings import post_charge, post_service
from desk.ledger.texts import (
    BILL_OF_PAYER,
    FROM_DEPOSIT,
    REFUND_OF_PAYMENT,
    TO_ACCOUNT_OF,
    TO_BILL,
    VOID_OF_PAYMENT,
    payment_text,
    posting_text,
)
from desk.reports import render_bill_pdf, render_folio_pdf
from desk.stays.models import Company
from desk.stays.reservations import check_out, post_night
from tests.helpers import pdf_text

from .conftest import Hotel


def test_an_error_keeps_its_template_and_params_and_renders_english():
    error = InvalidInput("Bill {bill} owes only {balance}", field="amount", bill="000123", balance="EUR 5.00")
    assert error.message == str(error) == "Bill 000123 owes only EUR 5.00"
    assert error.template == "Bill {bill} owes only {balance}"
    assert error.params == {"bill": "000123", "balance": "EUR 5.00"}
    assert error.code == "InvalidInput" and error.field == "amount"


def test_a_refusal_from_a_use_case_carries_money_as_money(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    with pytest.raises(BillNotSettled) as refused:
        hotel.run(check_out, stay.reservation_id)
    error = refused.value
    assert error.template == "Settle every bill before check-out (bills {bills})"
    [(number, balance)] = error.params["bills"]  # type: ignore[misc]
    assert balance == hotel.money("35.00")
    assert error.message == f"Settle every bill before check-out (bills {number}: EUR 35.00)"


def test_a_date_parameter_stays_a_date(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    stay = hotel.stay()
    with pytest.raises(DeskError) as refused:
        hotel.run(post_night, stay.reservation_id, date(2000, 1, 1))
    assert refused.value.params["night"] == date(2000, 1, 1)
    assert "2000-01-01 is not a night" in refused.value.message


def test_every_text_the_desk_writes_on_the_ledger_is_recognised_and_a_clerks_text_is_not(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=4)
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("30"), text="To bill 000001"))
    voided = hotel.run(take_payment, stay.bill_id, Tender("card", hotel.money("10")))
    hotel.run(void_payment, voided.id, reason="typo", approval=hotel.approval())
    hotel.run(refund_payment, paid.id, hotel.money("5"), direction=RefundDirection.DEPOSIT,
              approval=hotel.approval())
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("20")))
    hotel.run(apply_deposit, stay.bill_id, hotel.money("10"))
    with hotel.database.writing() as session:
        company = Company(name="Acme Ltd", search_name="acme ltd")
        session.add(company)
        session.flush()
        company_id = company.id
    hotel.run(transfer_to_company, stay.bill_id, company_id)

    view = hotel.view(stay.folio_id)
    found = {}
    for line in view.payments:
        text = payment_text(line.payment)
        if text is not None:
            found.setdefault(text.template, text.params)
            assert text.template.format(**text.params) == line.payment.text
    assert set(found) == {VOID_OF_PAYMENT, REFUND_OF_PAYMENT, TO_BILL, FROM_DEPOSIT, TO_ACCOUNT_OF}
    assert found[VOID_OF_PAYMENT] == {"payment": str(voided.id)}
    assert found[TO_ACCOUNT_OF] == {"company": "Acme Ltd"}
    # The clerk typed "To bill 000001" on a cash payment: their words, not the desk's.
    assert payment_text(view.payment(paid.id).payment) is None

    company_view = hotel.query(load_folio, hotel.run(company_folio, company_id).id)
    [charge] = [line.posting for bill in company_view.bills for line in bill.postings]
    text = posting_text(charge)
    assert text is not None and text.template == BILL_OF_PAYER
    assert text.params["bill"] == f"{stay.bill_id:06d}"


def test_names_come_in_the_language_asked_and_fall_back_to_the_stored_name(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    stay = hotel.stay()
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    typed = hotel.run(post_charge, bill_id=stay.bill_id, description="Spa visit", quantity=1,
                      unit_price=hotel.money("1"))
    with hotel.database.writing() as session:
        set_names(session, NameKind.SERVICE, "LAUNDRY", {"ru": "Стирка"})
    russian = hotel.query(load_names, "ru")
    assert russian.posting(spa) == "Посещение спа"
    assert russian.posting(typed) == "Spa visit"  # a clerk's description is shown as typed
    assert russian.of(NameKind.SERVICE, "LAUNDRY", "Laundry") == "Стирка"
    assert russian.of(NameKind.SERVICE, "NEW", "New service") == "New service"
    assert russian.room_type("Suite") == "Люкс"
    bulgarian = hotel.query(load_names, "bg")
    assert bulgarian.posting(spa) == "Посещение на спа" and bulgarian.room_type("Suite") == "Апартамент"
    assert hotel.query(load_names, "en").posting(spa) == "Spa visit"


def test_bill_and_folio_print_in_the_language_asked(sqlite_hotel: Hotel, tmp_path):
    hotel = sqlite_hotel
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("20")))
    hotel.run(refund_payment, paid.id, hotel.money("5"), approval=hotel.approval())
    hotel.run(take_deposit, stay.folio_id, Tender("card", hotel.money("50")))
    hotel.run(apply_deposit, stay.bill_id, hotel.money("10"))

    bill = pdf_text(hotel.query(render_bill_pdf, stay.bill_id, tmp_path / "bill.pdf", "ru"))
    assert "Счёт 0" in bill and "Посещение спа" in bill and "Наличные" in bill
    assert f"Возврат оплаты {paid.id}" in bill and "С депозита" in bill
    assert "К оплате:" in bill
    folio = pdf_text(hotel.query(render_folio_pdf, stay.folio_id, tmp_path / "folio.pdf", "bg"))
    assert "Депозитна сметка" in folio and "Към сметка 0" in folio and "Салдо на фолиото:" in folio
    for english in ("Bill ", "Payer", "Balance", "Deposit account", "Refund of", "Spa visit", "Cash"):
        assert english not in bill and english not in folio
