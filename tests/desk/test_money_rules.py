"""Rules that keep money from slipping: transfers, tiny tenders, huge numbers, overpaying, moves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desk.core.errors import AlreadyReversed, InvalidAmount, InvalidInput, WouldOverpay
from desk.core.money import Money
from desk.hotel.models import CurrencyRate
from desk.ledger.accounts import company_folio
from desk.ledger.bills import move_postings, open_bill, split_bill
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind, PostingKind
from desk.ledger.payments import (
    RefundDirection,
    Tender,
    refund_payment,
    reverse_company_transfer,
    take_deposit,
    take_payment,
    transfer_to_company,
    void_payment,
)
from desk.ledger.postings import OrderItem, post_charge, post_service, reverse_posting, void_posting
from desk.people.models import Role
from desk.people.rights import MissingRight, Right
from desk.stays.models import Company

from .conftest import MISSING_RIGHT, Hotel, refused

TINY = "{amount} is worth less than the smallest {currency} amount ({base_amount}): take a larger amount"
OVERPAY = "Bill {bill} owes {owed}: {amount} would leave it overpaid by {overpaid}"
MOVEPAID = ("Bill {bill} has {paid} paid on it: moving {amount} of services off it would leave it overpaid and "
            "the other bill owing. Refund or void its payment first")
TRANSFER_NOT_A_PAYMENT = "Payment {payment} moved the bill to the account of {company}: reverse the transfer instead"
TRANSFER_NOT_A_SERVICE = ("{service} is a bill moved to this account: reverse the transfer on the guest's bill, "
                          "which undoes both halves")
COMPANY_PAID = "{company} already paid {amount} towards this transfer: refund the company first"


def _company(hotel: Hotel) -> int:
    with hotel.database.writing() as session:
        company = Company(name="ACME", search_name="acme")
        session.add(company)
        session.flush()
        return company.id


def _transferred(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")  # 35.00
    company_id = _company(hotel)
    transfer = hotel.run(transfer_to_company, stay.bill_id, company_id)
    account = hotel.run(company_folio, company_id)
    return stay, transfer, account.id


# --- company-account transfers ----------------------------------------------------------------


def test_a_company_transfer_links_its_two_legs(hotel: Hotel):
    _stay, transfer, account_id = _transferred(hotel)
    charge = hotel.view(account_id).postings[0].posting
    assert transfer.company_posting_id == charge.id
    assert charge.amount == hotel.money("35.00")


def test_a_transfer_over_the_companys_credit_limit_is_refused(hotel: Hotel):
    company_id = _company(hotel)
    with hotel.database.writing() as session:
        session.get(Company, company_id).credit_limit = hotel.money("60.00")
    first = hotel.stay()
    hotel.run(post_service, bill_id=first.bill_id, service_code="SPA")  # 35.00: within the limit
    hotel.run(transfer_to_company, first.bill_id, company_id)
    second = hotel.stay()
    hotel.run(post_service, bill_id=second.bill_id, service_code="SPA")  # 70.00 owed would be over 60.00
    refused(hotel, InvalidInput, "{company} would owe {owed}, over its credit limit of {limit}",
            lambda: hotel.run(transfer_to_company, second.bill_id, company_id), field="company")


def test_a_company_transfer_is_neither_refunded_nor_voided_as_a_payment(hotel: Hotel):
    stay, transfer, account_id = _transferred(hotel)
    manager = hotel.as_role(Role.MANAGER)  # may do all of these: only the transfer rule refuses them
    for direction in RefundDirection:
        error = refused(hotel, InvalidInput, TRANSFER_NOT_A_PAYMENT, lambda d=direction: manager.run(
            refund_payment, transfer.id, hotel.money("35"), direction=d, method_code="cash"), field="payment")
        assert "reverse the transfer" in error.message
    error = refused(hotel, InvalidInput, TRANSFER_NOT_A_PAYMENT,
                    lambda: manager.run(void_payment, transfer.id, reason="x"), field="payment")
    assert "reverse the transfer" in error.message
    # Nor is the company's half undone alone: the guest's bill would stay paid by nobody.
    charge_id = hotel.view(account_id).postings[0].posting.id
    error = refused(hotel, InvalidInput, TRANSFER_NOT_A_SERVICE,
                    lambda: manager.run(reverse_posting, charge_id, reason="dispute"), field="posting")
    assert "reverse the transfer on the guest's bill" in error.message
    error = refused(hotel, InvalidInput, TRANSFER_NOT_A_SERVICE,
                    lambda: hotel.run(void_posting, charge_id, reason="dispute", approval=hotel.approval()),
                    field="posting")
    assert "reverse the transfer on the guest's bill" in error.message
    assert hotel.view(stay.folio_id).bill(stay.bill_id).status is BillStatus.PAID
    assert hotel.view(account_id).balance == hotel.money("35.00")


def test_reversing_a_transfer_undoes_both_legs_together(hotel: Hotel):
    stay, transfer, account_id = _transferred(hotel)
    # A clerk (or a cashier) reverses a transfer only with a manager's credentials.
    for role in (Role.CLERK, Role.CASHIER):
        error = refused(hotel, MissingRight, MISSING_RIGHT,
                        lambda r=role: hotel.as_role(r).run(reverse_company_transfer, transfer.id, reason="x"))
        assert error.right is Right.REVERSE_TRANSFER
    refused(hotel, InvalidInput, "Say why the transfer is reversed",
            lambda: hotel.run(reverse_company_transfer, transfer.id, reason=" ", approval=hotel.approval()),
            field="reason")

    void = hotel.run(reverse_company_transfer, transfer.id, reason="company refused", approval=hotel.approval())
    assert (void.kind, void.voids_id, void.authorised_by) == (PaymentKind.VOID, transfer.id, "maria")
    assert void.created_by == hotel.actor.username
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert (bill.balance, bill.status) == (hotel.money("35.00"), BillStatus.NOT_PAID)
    account = hotel.view(account_id)
    assert account.balance == hotel.money("0.00")
    reversal = account.postings[0].reversed_by
    assert reversal is not None and reversal.kind is PostingKind.REVERSAL and reversal.authorised_by == "maria"

    again = refused(hotel, AlreadyReversed, "This transfer was already reversed", lambda: hotel.run(
        reverse_company_transfer, transfer.id, reason="again", approval=hotel.approval()))
    assert isinstance(again, AlreadyReversed)


def test_a_transfer_the_company_paid_is_not_reversed(hotel: Hotel):
    _stay, transfer, account_id = _transferred(hotel)
    company_bill = hotel.view(account_id).bills[0].bill.id
    hotel.run(take_payment, company_bill, Tender("transfer", hotel.money("35"), text="Bank ref 1"))
    error = refused(hotel, InvalidInput, COMPANY_PAID, lambda: hotel.run(
        reverse_company_transfer, transfer.id, reason="late", approval=hotel.approval()), field="payment")
    assert "already paid EUR 35.00" in error.message


def test_only_a_transfer_is_reversed_as_one(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    cash = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    error = refused(hotel, InvalidInput, "Payment {payment} is not a transfer to a company account",
                    lambda: hotel.run(reverse_company_transfer, cash.id, reason="x",
                                      approval=hotel.approval()), field="payment")
    assert "is not a transfer to a company account" in error.message


# --- tenders worth nothing in the base currency ---------------------------------------------


def test_a_tender_worth_zero_in_the_base_currency_is_refused(hotel: Hotel):
    with hotel.database.writing() as session:
        session.add(CurrencyRate(currency="IDR", rate=Decimal("0.000057")))
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    tiny = Tender("cash", hotel.money("0.01", "IDR"))
    error = refused(hotel, InvalidInput, TINY, lambda: hotel.run(take_payment, stay.bill_id, tiny), field="amount")
    assert "EUR 0.00" in error.message
    refused(hotel, InvalidInput, TINY, lambda: hotel.run(take_deposit, stay.folio_id, tiny), field="amount")
    # A real amount still goes through, and a part refund worth nothing is refused too.
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("100000", "IDR")))
    assert payment.base_amount == hotel.money("5.70")
    error = refused(hotel, InvalidInput, TINY,
                    lambda: hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("50", "IDR")),
                    field="amount")
    assert "worth less than" in error.message


# --- numbers too large for the ledger --------------------------------------------------------


@pytest.mark.parametrize("amount", ["1" * 30, "1e40", "1000000000000000"])
def test_amounts_beyond_the_ledger_are_a_domain_error(amount):
    with pytest.raises(InvalidAmount):
        Money.of(amount, "EUR")
    with pytest.raises(InvalidAmount):
        Money.rounded(Decimal(amount), "EUR")


@pytest.mark.parametrize("quantity", [10**10, "1" * 30, "1e30", Decimal(10) ** 9])
def test_huge_quantities_are_refused_on_every_database(hotel: Hotel, quantity):
    stay = hotel.stay()
    refused(hotel, InvalidInput, "The quantity must be less than {limit} (got {value})",
                    lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA",
                                      quantity=quantity), field="quantity")


def test_a_huge_quantity_inside_an_order_is_refused(hotel: Hotel):
    stay = hotel.stay()
    items = [OrderItem("Tea", Decimal(10) ** 10, hotel.money("0.00"))]
    refused(hotel, InvalidInput, "The quantity must be less than {limit} (got {value})",
            lambda: hotel.run(post_charge, bill_id=stay.bill_id, description="Bar", quantity=1,
                              unit_price=hotel.money("0"), items=items), field="quantity")


def test_a_price_times_quantity_beyond_the_ledger_is_refused(hotel: Hotel):
    stay = hotel.stay()
    refused(hotel, InvalidAmount, "{amount} is too large an amount (at most {digits} digits before the point)",
                    lambda: hotel.run(post_charge, bill_id=stay.bill_id, description="Gold",
                                      quantity=999_999_999, unit_price=hotel.money("99999999")))
    # The largest amounts the ledger holds still round-trip exactly on both databases.
    largest = hotel.money("999999999999999.99")
    posting = hotel.run(post_charge, bill_id=stay.bill_id, description="Everything", quantity="1",
                        unit_price=largest)
    assert hotel.view(stay.folio_id).posting(posting.id).posting.amount == largest


# --- overpaying --------------------------------------------------------------------------------


def test_overpaying_is_refused_unless_confirmed(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)  # 70.00
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("4.60")))  # owes 65.40
    error = refused(hotel, WouldOverpay, OVERPAY,
                    lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("100"))))
    assert (error.owed, error.overpaid) == (hotel.money("65.40"), hotel.money("34.60"))
    assert "overpaid by EUR 34.60" in error.message
    # In another currency, the comparison is in the base currency.
    refused(hotel, WouldOverpay, OVERPAY,
            lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("72", "USD"))))
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("71", "USD")))  # 65.32: fine

    # Confirmed, it still needs the overpay right: a clerk's confirmation alone is refused...
    error = refused(hotel, MissingRight, MISSING_RIGHT,
                    lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("10")),
                                      allow_overpay=True))
    assert error.right is Right.OVERPAY
    # ...and goes through with a manager's credentials, or for a cashier.
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("10")), allow_overpay=True,
                     approval=hotel.approval())
    assert paid.authorised_by == "maria"
    hotel.as_role(Role.CASHIER).run(take_payment, stay.bill_id, Tender("cash", hotel.money("1")), allow_overpay=True)
    assert hotel.view(stay.folio_id).bill(stay.bill_id).status is BillStatus.OVERPAID
    # A manager's credentials do not stand for the clerk's confirmation.
    error = refused(hotel, WouldOverpay, OVERPAY,
                    lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1")),
                                      approval=hotel.approval()))


def test_exact_payment_needs_no_confirmation(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    hotel.run(take_payment, stay.bill_id, Tender("card", hotel.money("35")))
    assert hotel.view(stay.folio_id).bill(stay.bill_id).status is BillStatus.PAID


# --- moving services off a paid bill ----------------------------------------------------------


def test_services_are_not_moved_off_a_paid_bill(hotel: Hotel):
    stay = hotel.stay()
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("40")))
    other = hotel.run(open_bill, stay.folio_id, payer_name="Colleague")
    error = refused(hotel, InvalidInput, MOVEPAID, lambda: hotel.run(move_postings, [beer.id], other.id),
                    field="postings")
    assert "Refund or void its payment first" in error.message
    refused(hotel, InvalidInput, MOVEPAID,
            lambda: hotel.run(split_bill, stay.bill_id, [spa.id], payer_name="Colleague"), field="postings")
    assert [b.status for b in hotel.view(stay.folio_id).bills] == [BillStatus.PAID, BillStatus.EMPTY]


def test_a_part_paid_bill_gives_up_only_what_its_payments_do_not_cover(hotel: Hotel):
    stay = hotel.stay()
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")  # 35.00
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")  # 5.00
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    other = hotel.run(open_bill, stay.folio_id, payer_name="Colleague")
    hotel.run(move_postings, [beer.id], other.id)  # 35 paid on 35 left
    refused(hotel, InvalidInput, MOVEPAID, lambda: hotel.run(move_postings, [spa.id], other.id), field="postings")
    # Services move freely onto a paid bill, and between unpaid ones.
    hotel.run(move_postings, [beer.id], stay.bill_id)


# --- texts longer than their columns ------------------------------------------------------------


def test_texts_longer_than_their_columns_are_refused_on_every_database(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    long = "x" * 241
    refused(hotel, InvalidInput, "The text is too long: at most {limit} characters",
                    lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1"), text=long)),
                    field="text")
    refused(hotel, InvalidInput, "The payer's name is too long: at most {limit} characters",
            lambda: hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("1"), payer_name=long)),
            field="payer")
    refused(hotel, InvalidInput, "The description is too long: at most {limit} characters",
            lambda: hotel.run(post_charge, bill_id=stay.bill_id, description=long, quantity=1,
                              unit_price=hotel.money("1")), field="description")
    refused(hotel, InvalidInput, "The payer's name is too long: at most {limit} characters",
            lambda: hotel.run(open_bill, stay.folio_id, payer_name=long), field="payer")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    refused(hotel, InvalidInput, "The reason is too long: at most {limit} characters",
                    lambda: hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("1"),
                                                              reason=long), field="reason")
    refused(hotel, InvalidInput, "The reason is too long: at most {limit} characters",
                    lambda: hotel.run(void_payment, payment.id, reason=long, approval=hotel.approval()), field="reason")


def test_a_long_payer_name_still_transfers_to_a_company(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    bill = hotel.run(open_bill, stay.folio_id, payer_name="Я" * 160)
    spa = hotel.view(stay.folio_id).bill(stay.bill_id).postings[0].posting.id
    hotel.run(move_postings, [spa], bill.id)
    hotel.run(transfer_to_company, bill.id, _company(hotel))
    assert hotel.view(stay.folio_id).bill(bill.id).status is BillStatus.PAID


def test_money_counts_in_its_currencys_minor_units_both_ways():
    from desk.core.money import Money

    for text, minor in (("EUR 12.34", 1234), ("JPY 1234", 1234), ("KWD 1.234", 1234), ("EUR -0.05", -5)):
        money = Money.parse(text)
        assert money.minor == minor and Money.from_minor(minor, money.currency) == money
