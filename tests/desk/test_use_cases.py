"""Each use case on SQLite and on PostgreSQL: what it writes, and that a refusal writes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from desk.core.errors import (
    AlreadyReversed,
    BillNotSettled,
    ClosedForPosting,
    InvalidAmount,
    InvalidInput,
    LedgerImmutable,
    NotAuthorised,
    NotFound,
    RefundTooLarge,
    UnknownCurrency,
)
from desk.core.money import Money
from desk.ledger.bills import move_postings, open_bill, split_bill
from desk.ledger.folios import BillStatus
from desk.ledger.models import Payment, Posting, PostingKind
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
from desk.ledger.postings import (
    OrderItem,
    ServiceLine,
    post_charge,
    post_service,
    post_services,
    reverse_posting,
    void_posting,
)
from desk.people.auth import ManagerApproval
from desk.people.models import Role
from desk.stays.models import Company
from desk.stays.reservations import check_out, post_night

from .conftest import NOT_A_MANAGER, Hotel, refused

CLOSED = "Reservation {reservation} is checked out: its bills are closed"


def test_part_payment_then_full_payment_moves_the_status(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_night, stay.reservation_id, date.today())
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER", quantity=2)
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert bill.charges == hotel.money("110.00")
    assert bill.status is BillStatus.NOT_PAID

    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("40.00")))
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert (bill.paid, bill.balance, bill.status) == (
        hotel.money("40.00"), hotel.money("70.00"), BillStatus.PARTIALLY_PAID)

    hotel.run(take_payment, stay.bill_id, Tender("card", hotel.money("70.00"), text="AUTH 123456"))
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert bill.status is BillStatus.PAID
    assert [line.payment.text for line in bill.payments] == ["", "AUTH 123456"]


def test_tax_is_inside_the_price(hotel: Hotel):
    stay = hotel.stay()
    posting = hotel.run(post_service, bill_id=stay.bill_id, service_code="LAUNDRY", quantity="1.5")
    assert posting.amount == hotel.money("27.00")
    assert posting.tax_amount == hotel.money("4.50")  # 27.00 * 20 / 120
    assert posting.tax_percent == Decimal(20)


def test_a_night_is_charged_once_however_often_the_audit_runs(hotel: Hotel):
    stay = hotel.stay()
    charges = [hotel.run(post_night, stay.reservation_id, date.today()) for _ in range(3)]
    assert hotel.view(stay.folio_id).bill(stay.bill_id).charges == hotel.money("100.00")
    assert len({charge.id for charge in charges}) == 1  # each run answers with the night's one charge


def test_foreign_currency_payment_counts_at_the_hotel_rate(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=4)  # 140.00
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("50", "USD")))
    assert payment.amount == hotel.money("50.00", "USD")
    assert payment.base_amount == hotel.money("46.00")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("15000", "JPY")))  # 91.50
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert bill.balance == hotel.money("2.50")

    full = hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("50", "USD"))
    assert full.base_amount == hotel.money("-46.00")
    assert hotel.view(stay.folio_id).bill(stay.bill_id).balance == hotel.money("48.50")


def test_deposit_pays_a_bill_later_and_the_rest_is_refunded(hotel: Hotel):
    stay = hotel.stay()
    deposit = hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("200")))
    assert hotel.view(stay.folio_id).deposit_balance == hotel.money("200.00")
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)  # 70.00
    hotel.run(apply_deposit, stay.bill_id, hotel.money("70"))
    view = hotel.view(stay.folio_id)
    assert view.bill(stay.bill_id).status is BillStatus.PAID
    assert view.deposit_balance == hotel.money("130.00")

    refused(hotel, RefundTooLarge, "The deposit holds only {balance}",
            lambda: hotel.as_role(Role.CASHIER).run(refund_payment, deposit.id, hotel.money("140")))
    hotel.as_role(Role.CASHIER).run(refund_payment, deposit.id, hotel.money("130"), reason="guest leaves")
    view = hotel.view(stay.folio_id)
    assert view.deposit_balance == hotel.money("0.00")
    assert view.balance == hotel.money("0.00")


def test_deposit_cannot_pay_more_than_it_holds_or_the_bill_owes(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("50")))
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)  # 70.00
    refused(hotel, InvalidInput, "The deposit holds only {balance}",
            lambda: hotel.run(apply_deposit, stay.bill_id, hotel.money("60")), field="amount")
    water = hotel.run(open_bill, stay.folio_id, payer_name="Second guest")
    hotel.run(post_service, bill_id=water.id, service_code="MB-WATER")
    error = refused(hotel, InvalidInput, "Bill {bill} owes only {balance}",
                    lambda: hotel.run(apply_deposit, water.id, hotel.money("10")), field="amount")
    assert error.params["balance"] == hotel.view(stay.folio_id).bill(water.id).balance
    other = hotel.stay()  # another stay's bill draws on its own deposit, which holds nothing
    refused(hotel, InvalidInput, "The deposit holds only {balance}",
            lambda: hotel.run(apply_deposit, other.bill_id, hotel.money("1")), field="amount")


def test_refund_to_the_payer_and_into_the_deposit(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)  # 70.00
    payment = hotel.as_role(Role.CASHIER).run(take_payment, stay.bill_id, Tender("card", hotel.money("100")),
                                              allow_overpay=True)
    assert hotel.view(stay.folio_id).bill(stay.bill_id).status is BillStatus.OVERPAID

    cashier = hotel.as_role(Role.CASHIER)
    cashier.run(refund_payment, payment.id, hotel.money("20"), method_code="cash", reason="overpaid")
    cashier.run(refund_payment, payment.id, hotel.money("10"), direction=RefundDirection.DEPOSIT)
    view = hotel.view(stay.folio_id)
    bill = view.bill(stay.bill_id)
    assert bill.status is BillStatus.PAID
    assert view.deposit_balance == hotel.money("10.00")
    line = view.payment(payment.id)
    assert line.refundable == hotel.money("70.00")
    assert [r.amount for r in line.refunds] == [hotel.money("-20"), hotel.money("-10")]
    assert [r.method_code for r in line.refunds] == ["cash", "deposit"]

    refused(hotel, RefundTooLarge, "At most {amount} of this payment can be refunded",
            lambda: hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("70.01")))


@pytest.mark.parametrize(
    ("amount", "currency", "error", "template", "field"),
    [
        ("0", "EUR", InvalidInput, "The amount must be more than zero (got {amount})", "amount"),
        ("-5", "EUR", InvalidInput, "The amount must be more than zero (got {amount})", "amount"),
        ("10.001", "EUR", InvalidAmount, "{amount} has more decimals than {currency} allows ({digits})", "amount"),
        ("10", "XYZ", UnknownCurrency, "Unknown currency “{currency}”", "currency"),
        # a real currency the hotel does not accept
        ("10", "PLN", InvalidInput, "The hotel does not accept {currency}", "currency"),
    ],
)
def test_bad_payments_are_refused_and_write_nothing(hotel: Hotel, amount, currency, error, template, field):
    stay = hotel.stay()

    def pay():
        hotel.run(take_payment, stay.bill_id, Tender("cash", Money.of(amount, currency)))

    refused(hotel, error, template, pay, field=field)


def test_unknown_method_and_internal_methods_are_not_tender(hotel: Hotel):
    stay = hotel.stay()
    for code, template in [("bitcoin", "There is no payment method “{method}”"),
                           ("deposit", "{method} is not taken at the desk this way"),
                           ("company", "{method} is not taken at the desk this way")]:
        refused(hotel, InvalidInput, template,
                lambda c=code: hotel.run(take_payment, stay.bill_id, Tender(c, hotel.money("1"))), field="method")


def test_closed_stays_take_no_postings_or_payments(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(check_out, stay.reservation_id)
    refused(hotel, ClosedForPosting, CLOSED, lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA"))
    refused(hotel, ClosedForPosting, CLOSED,
            lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1"))))
    refused(hotel, ClosedForPosting, CLOSED,
            lambda: hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("1"))))


def test_check_out_is_refused_while_a_bill_is_open_unless_a_manager_overrides(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    refused(hotel, BillNotSettled, "Settle every bill before check-out (bills {bills})",
            lambda: hotel.run(check_out, stay.reservation_id))

    clerk = ManagerApproval("anna", "anna")
    refused(hotel, NotAuthorised, NOT_A_MANAGER,
            lambda: hotel.run(check_out, stay.reservation_id, override=clerk, reason="x"), field="username")
    manager = hotel.approval()
    refused(hotel, InvalidInput, "Say why check-out is allowed with an open balance",
            lambda: hotel.run(check_out, stay.reservation_id, override=manager, reason=" "), field="reason")
    reservation = hotel.run(check_out, stay.reservation_id, override=manager, reason="company pays later")
    assert reservation.checkout_authorised_by == "maria"


def test_paid_stay_checks_out(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    assert hotel.run(check_out, stay.reservation_id).checked_out_by == "anna"


def test_reversal_and_void_keep_the_original_and_say_who_and_why(hotel: Hotel):
    stay = hotel.stay()
    minibar = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "Say why the service is reversed",
            lambda: manager.run(reverse_posting, minibar.id, reason=""), field="reason")
    manager.run(reverse_posting, minibar.id, reason="guest did not take it")
    refused(hotel, AlreadyReversed, "{service} was already reversed",
            lambda: manager.run(reverse_posting, minibar.id, reason="again"))
    clerk = ManagerApproval("anna", "anna")
    refused(hotel, NotAuthorised, NOT_A_MANAGER,
            lambda: hotel.run(void_posting, spa.id, reason="wrong room", approval=clerk), field="username")
    hotel.run(void_posting, spa.id, reason="wrong room", approval=hotel.approval())

    view = hotel.view(stay.folio_id)
    assert view.bill(stay.bill_id).charges == hotel.money("0.00")
    lines = {line.posting.id: line for line in view.postings}
    assert lines[minibar.id].reversed_by is not None
    void = lines[spa.id].reversed_by
    assert void is not None and void.kind is PostingKind.VOID
    assert (void.created_by, void.authorised_by, void.reason) == ("anna", "maria", "wrong room")
    assert len(view.postings) == 4


def test_void_payment_needs_a_manager_and_stays_visible(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    clerk = ManagerApproval("anna", "anna")
    refused(hotel, NotAuthorised, NOT_A_MANAGER,
            lambda: hotel.run(void_payment, payment.id, reason="typo", approval=clerk), field="username")
    hotel.run(void_payment, payment.id, reason="typed on the wrong bill", approval=hotel.approval())
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert bill.status is BillStatus.NOT_PAID
    assert bill.payments[0].voided_by is not None
    assert bill.payments[0].refundable == hotel.money("0")
    refused(hotel, InvalidInput, "This payment is already voided",
            lambda: hotel.run(void_payment, payment.id, reason="x", approval=hotel.approval()), field="payment")


def test_move_and_split_between_bills(hotel: Hotel):
    stay = hotel.stay()
    night = hotel.run(post_night, stay.reservation_id, date.today())
    assert (night.service_code, night.bill_id) == ("ROOM", stay.bill_id)
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    with hotel.database.writing() as session:
        company = Company(name="ACME", search_name="acme")
        session.add(company)
        session.flush()
        company_id = company.id
    company_bill = hotel.run(split_bill, stay.bill_id, [spa.id], payer_company_id=company_id)
    assert company_bill.payer_name == "ACME"
    extra = hotel.run(open_bill, stay.folio_id, payer_name="Second guest")
    hotel.run(move_postings, [beer.id], extra.id)

    view = hotel.view(stay.folio_id)
    assert [b.charges for b in view.bills] == [hotel.money("100"), hotel.money("35"), hotel.money("5")]
    refused(hotel, InvalidInput, "{service} is already on bill {bill}",
            lambda: hotel.run(move_postings, [beer.id], extra.id), field="postings")
    refused(hotel, InvalidInput, "Choose the services to move",
            lambda: hotel.run(move_postings, [], extra.id), field="postings")
    hotel.as_role(Role.MANAGER).run(reverse_posting, beer.id, reason="not taken")
    assert hotel.view(stay.folio_id).bill(extra.id).charges == hotel.money("0")
    refused(hotel, InvalidInput, "{service} is reversed and stays where it is",
            lambda: hotel.run(move_postings, [beer.id], stay.bill_id), field="postings")


def test_transfer_to_a_company_account_settles_the_bill(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    with hotel.database.writing() as session:
        company = Company(name="ACME", search_name="acme")
        session.add(company)
        session.flush()
        company_id = company.id
    hotel.run(transfer_to_company, stay.bill_id, company_id)
    assert hotel.view(stay.folio_id).bill(stay.bill_id).status is BillStatus.PAID
    hotel.run(check_out, stay.reservation_id)
    from desk.ledger.accounts import company_folio

    account = hotel.run(company_folio, company_id)
    assert hotel.view(account.id).balance == hotel.money("35.00")


def test_pos_order_keeps_its_composition_and_is_posted_once(hotel: Hotel):
    stay = hotel.stay()
    items = [OrderItem("Soup", Decimal(2), hotel.money("6.50")), OrderItem("Wine", Decimal(1), hotel.money("14"))]
    order = dict(bill_id=stay.bill_id, description="Restaurant", quantity=1, unit_price=hotel.money("27"),
                 tax_code="VAT20", source="pos", outlet_code="REST", check_number="1042",
                 external_ref="pos:REST:1042", items=items)
    posting = hotel.run(post_charge, **order)
    stored = hotel.view(stay.folio_id).posting(posting.id).posting
    assert stored.source_label == "Restaurant Panorama, check 1042"
    with hotel.database.unit_of_work() as session:
        composition = session.get_one(Posting, posting.id).items
        assert [(i.name, i.quantity, i.amount) for i in composition] == [
            ("Soup", Decimal(2), hotel.money("13")), ("Wine", Decimal(1), hotel.money("14"))]
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        hotel.run(post_charge, **order)
    wrong = dict(order, external_ref="pos:REST:1043", unit_price=hotel.money("28"))
    refused(hotel, InvalidInput, "The order's items do not add up to its amount",
            lambda: hotel.run(post_charge, **wrong), field="items")


NOT_A_QUANTITY = "The quantity must be positive with at most 3 decimals (got {value})"


@pytest.mark.parametrize(("quantity", "template"), [
    (0, NOT_A_QUANTITY), (-1, NOT_A_QUANTITY), ("1.0001", NOT_A_QUANTITY),
    ("abc", "“{value}” is not a quantity"),
    (1.5, "“{value}” is not an exact quantity"),  # any float
])
def test_bad_quantities_are_refused(hotel: Hotel, quantity, template):
    stay = hotel.stay()
    refused(hotel, InvalidInput, template,
            lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=quantity),
            field="quantity")


def test_prices_in_another_currency_and_unknown_services_are_refused(hotel: Hotel):
    stay = hotel.stay()
    refused(hotel, InvalidInput, "There is no service {service}",
            lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="NOPE"), field="service")
    refused(hotel, InvalidInput, "Services are charged in {base}, not {currency}",
            lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA",
                              unit_price=hotel.money("5", "USD")), field="currency")
    refused(hotel, NotFound, "Bill {key} does not exist",
            lambda: hotel.run(post_service, bill_id=9999, service_code="SPA"))


def test_several_services_are_posted_all_or_none(hotel: Hotel):
    stay = hotel.stay()
    lines = [ServiceLine("MB-BEER", 2), ServiceLine("SPA", 1, hotel.money("30"))]
    unknown = refused(hotel, InvalidInput, "There is no service {service}",
                      lambda: hotel.run(post_services, bill_id=stay.bill_id, lines=[*lines, ServiceLine("NOPE")]),
                      field="service")
    bad_quantity = refused(hotel, InvalidInput, "The quantity must be positive with at most 3 decimals (got {value})",
                           lambda: hotel.run(post_services, bill_id=stay.bill_id,
                                             lines=[lines[0], ServiceLine("SPA", 0), lines[1]]),
                           field="quantity")
    # Each refusal names the line it refused (its position), for the dialog that lists them.
    assert (unknown.params["line"], unknown.params["service"]) == (3, "NOPE")
    assert bad_quantity.params["line"] == 2
    refused(hotel, InvalidInput, "Choose the services to post",
            lambda: hotel.run(post_services, bill_id=stay.bill_id, lines=[]), field="service")
    posted = hotel.run(post_services, bill_id=stay.bill_id, lines=lines)
    assert [(p.service_code, p.quantity, p.amount) for p in posted] == [
        ("MB-BEER", Decimal(2), hotel.money("10")), ("SPA", Decimal(1), hotel.money("30"))]
    assert [line.posting.id for line in hotel.view(stay.folio_id).bill(stay.bill_id).postings[-2:]] == [
        p.id for p in posted]


def test_the_ledger_refuses_edits_through_the_orm(hotel: Hotel):
    stay = hotel.stay()
    posting = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    with pytest.raises(LedgerImmutable), hotel.database.writing() as session:
        session.get_one(Posting, posting.id).amount = hotel.money("0")
    with pytest.raises(LedgerImmutable), hotel.database.writing() as session:
        session.delete(session.get_one(Payment, payment.id))


@pytest.mark.parametrize(
    "statement",
    ["UPDATE payment SET text = 'edited'", "DELETE FROM payment", "UPDATE posting SET reason = 'x'",
     "DELETE FROM posting_item"],
)
def test_the_database_refuses_edits_from_any_client(hotel: Hotel, statement):
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Bar", quantity=1, unit_price=hotel.money("3"),
              items=[OrderItem("Tea", Decimal(1), hotel.money("3"))])
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("3")))
    with pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"), hotel.database.engine.begin() as c:
        c.execute(text(statement))
