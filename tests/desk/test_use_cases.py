"""Each use case on SQLite and on PostgreSQL: what it writes, and that a refusal writes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from desk.auth import ManagerApproval
from desk.bills import move_postings, open_bill, split_bill
from desk.errors import (
    AlreadyReversed,
    BillNotSettled,
    ClosedForPosting,
    DeskError,
    InvalidAmount,
    InvalidInput,
    LedgerImmutable,
    RefundTooLarge,
    UnknownCurrency,
)
from desk.folios import BillStatus
from desk.models import Company, Payment, Posting, PostingKind, Role
from desk.money import Money
from desk.payments import (
    RefundDirection,
    Tender,
    apply_deposit,
    refund_payment,
    take_deposit,
    take_payment,
    transfer_to_company,
    void_payment,
)
from desk.postings import OrderItem, post_charge, post_service, reverse_posting, void_posting
from desk.stays import check_out, post_night

from .conftest import Hotel


def unchanged(hotel: Hotel, action) -> DeskError:
    """Run an action that must be refused, and prove it wrote nothing."""
    before = hotel.row_counts()
    with pytest.raises(DeskError) as caught:
        action()
    assert hotel.row_counts() == before
    return caught.value


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

    unchanged(hotel, lambda: hotel.as_role(Role.CASHIER).run(refund_payment, deposit.id, hotel.money("140")))
    hotel.as_role(Role.CASHIER).run(refund_payment, deposit.id, hotel.money("130"), reason="guest leaves")
    view = hotel.view(stay.folio_id)
    assert view.deposit_balance == hotel.money("0.00")
    assert view.balance == hotel.money("0.00")


def test_deposit_cannot_pay_more_than_it_holds_or_the_bill_owes(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("50")))
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=2)  # 70.00
    unchanged(hotel, lambda: hotel.run(apply_deposit, stay.bill_id, hotel.money("60")))
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    other = hotel.stay()
    unchanged(hotel, lambda: hotel.run(apply_deposit, other.bill_id, hotel.money("1")))


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

    error = unchanged(hotel, lambda: hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("70.01")))
    assert isinstance(error, RefundTooLarge)


@pytest.mark.parametrize(
    ("amount", "currency", "error"),
    [
        ("0", "EUR", InvalidInput),
        ("-5", "EUR", InvalidInput),
        ("10.001", "EUR", InvalidAmount),
        ("10", "XYZ", UnknownCurrency),
        ("10", "PLN", InvalidInput),  # a real currency the hotel does not accept
    ],
)
def test_bad_payments_are_refused_and_write_nothing(hotel: Hotel, amount, currency, error):
    stay = hotel.stay()

    def pay():
        hotel.run(take_payment, stay.bill_id, Tender("cash", Money.of(amount, currency)))

    assert isinstance(unchanged(hotel, pay), error)


def test_unknown_method_and_internal_methods_are_not_tender(hotel: Hotel):
    stay = hotel.stay()
    for code in ("bitcoin", "deposit", "company"):
        unchanged(hotel, lambda c=code: hotel.run(take_payment, stay.bill_id, Tender(c, hotel.money("1"))))


def test_closed_stays_take_no_postings_or_payments(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(check_out, stay.reservation_id)
    error = unchanged(hotel, lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA"))
    assert isinstance(error, ClosedForPosting)
    unchanged(hotel, lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1"))))
    unchanged(hotel, lambda: hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("1"))))


def test_check_out_is_refused_while_a_bill_is_open_unless_a_manager_overrides(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    assert isinstance(unchanged(hotel, lambda: hotel.run(check_out, stay.reservation_id)), BillNotSettled)

    clerk = ManagerApproval("anna", "anna")
    unchanged(hotel, lambda: hotel.run(check_out, stay.reservation_id, override=clerk, reason="x"))
    manager = hotel.approval()
    unchanged(hotel, lambda: hotel.run(check_out, stay.reservation_id, override=manager, reason=" "))
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
    unchanged(hotel, lambda: manager.run(reverse_posting, minibar.id, reason=""))
    manager.run(reverse_posting, minibar.id, reason="guest did not take it")
    assert isinstance(
        unchanged(hotel, lambda: manager.run(reverse_posting, minibar.id, reason="again")), AlreadyReversed
    )
    clerk = ManagerApproval("anna", "anna")
    unchanged(hotel, lambda: hotel.run(void_posting, spa.id, reason="wrong room", approval=clerk))
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
    unchanged(hotel, lambda: hotel.run(void_payment, payment.id, reason="typo", approval=clerk))
    hotel.run(void_payment, payment.id, reason="typed on the wrong bill", approval=hotel.approval())
    bill = hotel.view(stay.folio_id).bill(stay.bill_id)
    assert bill.status is BillStatus.NOT_PAID
    assert bill.payments[0].voided_by is not None
    assert bill.payments[0].refundable == hotel.money("0")
    unchanged(hotel, lambda: hotel.run(void_payment, payment.id, reason="x", approval=hotel.approval()))


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
    unchanged(hotel, lambda: hotel.run(move_postings, [beer.id], extra.id))
    unchanged(hotel, lambda: hotel.run(move_postings, [], extra.id))
    hotel.as_role(Role.MANAGER).run(reverse_posting, beer.id, reason="not taken")
    assert hotel.view(stay.folio_id).bill(extra.id).charges == hotel.money("0")
    unchanged(hotel, lambda: hotel.run(move_postings, [beer.id], stay.bill_id))


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
    from desk.stays import company_folio

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
    unchanged(hotel, lambda: hotel.run(post_charge, **wrong))


@pytest.mark.parametrize("quantity", [0, -1, "1.0001", "abc", 1.5])
def test_bad_quantities_are_refused(hotel: Hotel, quantity):
    stay = hotel.stay()
    unchanged(hotel, lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA", quantity=quantity))


def test_prices_in_another_currency_and_unknown_services_are_refused(hotel: Hotel):
    stay = hotel.stay()
    unchanged(hotel, lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="NOPE"))
    unchanged(hotel, lambda: hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA",
                                       unit_price=hotel.money("5", "USD")))
    unchanged(hotel, lambda: hotel.run(post_service, bill_id=9999, service_code="SPA"))


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
