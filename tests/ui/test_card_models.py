"""The reservation card's table models, read without any view, against the ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desk.cards.operations import HoldState
from desk.core.money import Money
from desk.ledger.folios import FolioView, load_folio
from desk.ledger.payments import RefundDirection, Tender, refund_payment, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_service, reverse_posting, void_posting
from desk.stays.reservation_card import PreAuthorisation
from tests.actors import MANAGER_APPROVAL
from tests.helpers import eur
from tests.ui.conftest import folio_id_of
from ui.i18n import format_money
from ui.reservation_card.models import (
    DEPOSIT_ACCOUNT,
    ID_ROLE,
    BillsModel,
    PaymentsModel,
    PostingsModel,
    PreAuthorisationsModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def view_of(database, folio_id: int) -> FolioView:
    with database.unit_of_work() as session:
        return load_folio(session, folio_id)


def column(model, number: int) -> list[str]:
    return [model.data(model.index(row, number), DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def lived_in(demo_database, clerk, cashier, manager):
    """R10016 (two bills: the guest's and the company's) with a reversal, a void, a refund and a voided payment."""
    database = demo_database
    folio_id = folio_id_of(database, "R10016")
    with database.writing() as session:
        view = load_folio(session, folio_id)
        guest_bill = view.bills[0].bill.id
        beer = post_service(session, clerk, bill_id=guest_bill, service_code="MB-BEER")
        reverse_posting(session, manager, beer.id, reason="Order cancelled in the POS")
        laundry = post_service(session, clerk, bill_id=guest_bill, service_code="LAUNDRY")
        void_posting(session, clerk, laundry.id, reason="Posted to the wrong room", approval=MANAGER_APPROVAL)
        paid = take_payment(session, clerk, guest_bill, Tender("card", eur("40.00"), text="AUTH 448812"))
        refund = refund_payment(session, cashier, paid.id, eur("10.00"), reason="Minibar not used")
        wrong = take_payment(session, clerk, guest_bill, Tender("cash", Money.of("20.00", "USD")))
        void_payment(session, clerk, wrong.id, reason="Wrong bill", approval=MANAGER_APPROVAL)
    return {
        "folio_id": folio_id, "bill_id": guest_bill, "beer": beer.id, "laundry": laundry.id,
        "paid": paid.id, "refund": refund.id, "wrong": wrong.id,
    }


# --- postings ---------------------------------------------------------------------------------


def test_postings_model_has_one_row_per_posting_with_its_bill_and_source(qapp, demo_database, lived_in):
    view = view_of(demo_database, lived_in["folio_id"])
    model = PostingsModel()
    model.set_view(view)

    assert model.rowCount() == len(view.postings)
    assert model.columnCount() == 9
    assert [model.id_at(row) for row in range(model.rowCount())] == [line.posting.id for line in view.postings]
    numbers = {b.bill.id: b.bill.number for b in view.bills}
    assert column(model, PostingsModel.BILL) == [numbers[line.bill_id] for line in view.postings]
    assert column(model, PostingsModel.AMOUNT) == [
        format_money(line.posting.amount.amount, "EUR") for line in view.postings
    ]
    restaurant = next(line for line in view.postings if line.posting.outlet_code == "REST")
    row = model.row_of(restaurant.posting.id)
    assert model.data(model.index(row, PostingsModel.SOURCE), DISPLAY) == (
        f"Restaurant Panorama, check {restaurant.posting.check_number}"
    )
    assert model.data(model.index(row, PostingsModel.QUANTITY), DISPLAY) == "1"
    assert "(20%)" in model.data(model.index(row, PostingsModel.TAX), DISPLAY)
    assert model.data(model.index(row, 0), ID_ROLE) == restaurant.posting.id
    assert model.headerData(PostingsModel.SOURCE, Qt.Orientation.Horizontal, DISPLAY) == "Source"


def test_reversed_and_voided_lines_are_struck_out_with_who_and_why(qapp, demo_database, lived_in):
    view = view_of(demo_database, lived_in["folio_id"])
    model = PostingsModel()
    model.set_view(view)

    def font(posting_id: int):
        return model.data(model.index(model.row_of(posting_id), PostingsModel.SERVICE), Qt.ItemDataRole.FontRole)

    def tooltip(posting_id: int) -> str | None:
        return model.data(model.index(model.row_of(posting_id), PostingsModel.AMOUNT), Qt.ItemDataRole.ToolTipRole)

    beer_line = view.posting(lived_in["beer"])
    reversal_id = beer_line.reversed_by.id
    void_id = view.posting(lived_in["laundry"]).reversed_by.id
    for struck in (lived_in["beer"], reversal_id, lived_in["laundry"], void_id):
        assert font(struck) is not None and font(struck).strikeOut()
    assert "Reversed by maria" in tooltip(lived_in["beer"])
    assert "Reason: Order cancelled in the POS" in tooltip(reversal_id)
    assert "Voided by anna" in tooltip(void_id)
    assert "Authorised by maria." in tooltip(lived_in["laundry"])
    assert "Reason: Posted to the wrong room" in tooltip(lived_in["laundry"])
    assert model.data(model.index(model.row_of(reversal_id), PostingsModel.SERVICE), DISPLAY) == (
        "Reversal: Minibar: beer"
    )

    active = next(line for line in view.postings if line.is_active)
    assert font(active.posting.id) is None
    assert tooltip(active.posting.id) is None


def test_set_view_resets_and_keeps_nothing_stale(qtbot, demo_database, lived_in):
    model = PostingsModel()
    model.set_view(view_of(demo_database, lived_in["folio_id"]))
    model.texts(0)  # formatted and cached
    old_ids = [model.id_at(row) for row in range(model.rowCount())]

    other = view_of(demo_database, folio_id_of(demo_database, "R10012"))
    with qtbot.waitSignal(model.modelReset, timeout=30_000):
        model.set_view(other)
    assert model.rowCount() == len(other.postings)
    assert all(model.row_of(posting_id) is None for posting_id in old_ids)
    assert model.data(model.index(0, PostingsModel.SERVICE), DISPLAY) == other.postings[0].posting.description

    model.set_view(None)
    assert model.rowCount() == 0
    assert model.id_at(0) is None
    assert model.data(model.index(0, 0), DISPLAY) is None


# --- bills ------------------------------------------------------------------------------------


def test_bills_model_shows_each_bill_with_amounts_and_translated_status(qapp, demo_database, lived_in):
    view = view_of(demo_database, lived_in["folio_id"])
    model = BillsModel()
    model.set_view(view)

    assert model.rowCount() == len(view.bills) == 2  # no deposit was ever taken: no deposit row
    assert [model.id_at(row) for row in range(2)] == [b.bill.id for b in view.bills]
    assert column(model, BillsModel.NUMBER) == [b.bill.number for b in view.bills]
    assert column(model, BillsModel.PAYER) == [b.bill.payer_name for b in view.bills]
    assert column(model, BillsModel.BALANCE) == [format_money(b.balance.amount, "EUR") for b in view.bills]
    assert column(model, BillsModel.PAID) == [format_money(b.paid.amount, "EUR") for b in view.bills]
    assert column(model, BillsModel.STATUS) == ["Partially paid", "Not paid"]
    assert column(model, BillsModel.PAYER)[1] == "Danube Logistics GmbH"
    # A voided service is not what the bill is for.
    services = model.data(model.index(0, BillsModel.SERVICES), DISPLAY)
    assert services.startswith("Restaurant") and "Laundry" not in services
    link = model.data(model.index(0, BillsModel.SERVICES), Qt.ItemDataRole.FontRole)
    assert link.underline()
    assert model.data(model.index(0, BillsModel.SERVICES), Qt.ItemDataRole.ToolTipRole) == (
        "Click to see the service details"
    )


def test_bill_statuses_follow_the_ledger(qapp, demo_database, clerk, cashier):
    folio_id = folio_id_of(demo_database, "R10028")  # one night, not paid
    model = BillsModel()

    def status() -> str:
        model.set_view(view_of(demo_database, folio_id))
        return model.data(model.index(0, BillsModel.STATUS), DISPLAY)

    bill_id = view_of(demo_database, folio_id).bills[0].bill.id
    assert status() == "Not paid"
    with demo_database.writing() as session:
        take_payment(session, clerk, bill_id, Tender("cash", eur("60.00")))
    assert status() == "Partially paid"
    with demo_database.writing() as session:
        take_payment(session, clerk, bill_id, Tender("cash", eur("100.00")))
    assert status() == "Paid"
    with demo_database.writing() as session:
        take_payment(session, cashier, bill_id, Tender("cash", eur("1.00")), allow_overpay=True)  # a cashier may
    assert status() == "Overpaid"
    empty = view_of(demo_database, folio_id_of(demo_database, "R10035"))
    model.set_view(empty)
    assert model.data(model.index(0, BillsModel.STATUS), DISPLAY) == "Empty"


def test_deposit_account_is_a_last_row_once_a_deposit_was_taken(qapp, demo_database):
    folio_id = folio_id_of(demo_database, "R10013")  # took a deposit of 200.00
    view = view_of(demo_database, folio_id)
    model = BillsModel()
    model.set_view(view)

    assert model.rowCount() == len(view.bills) + 1
    last = model.rowCount() - 1
    assert model.id_at(last) == DEPOSIT_ACCOUNT
    assert model.row_of(DEPOSIT_ACCOUNT) == last
    assert model.bill_view(last) is None
    assert model.data(model.index(last, BillsModel.PAYER), DISPLAY) == "Deposit account"
    assert model.data(model.index(last, BillsModel.PAID), DISPLAY) == format_money(Decimal("200.00"), "EUR")


# --- payments ---------------------------------------------------------------------------------


def test_payments_model_shows_a_bills_payments_refunds_negative_and_voids_struck(qapp, demo_database, lived_in):
    view = view_of(demo_database, lived_in["folio_id"])
    model = PaymentsModel()
    model.set_view(view, lived_in["bill_id"])

    bill = view.bill(lived_in["bill_id"])
    assert [model.id_at(row) for row in range(model.rowCount())] == [line.payment.id for line in bill.payments]
    paid, refund, wrong = (model.row_of(lived_in[key]) for key in ("paid", "refund", "wrong"))
    assert model.data(model.index(paid, PaymentsModel.TYPE), DISPLAY) == "Payment"
    assert model.data(model.index(paid, PaymentsModel.METHOD), DISPLAY) == "Bank card"
    assert model.data(model.index(paid, PaymentsModel.TEXT), DISPLAY) == "AUTH 448812"
    assert model.data(model.index(refund, PaymentsModel.TYPE), DISPLAY) == "Refund"
    assert model.data(model.index(refund, PaymentsModel.AMOUNT), DISPLAY) == format_money(Decimal("-10.00"), "EUR")
    assert "Reason: Minibar not used" in model.data(model.index(refund, 0), Qt.ItemDataRole.ToolTipRole)
    # A foreign payment: its own currency, and what it counted for in the base currency.
    assert model.data(model.index(wrong, PaymentsModel.AMOUNT), DISPLAY) == format_money(Decimal("20.00"), "USD")
    assert model.data(model.index(wrong, PaymentsModel.BASE_AMOUNT), DISPLAY) == format_money(Decimal("18.40"), "EUR")
    assert model.headerData(PaymentsModel.BASE_AMOUNT, Qt.Orientation.Horizontal, DISPLAY) == "In EUR"

    void_id = view.payment(lived_in["wrong"]).voided_by.id
    for struck in (wrong, model.row_of(void_id)):
        assert model.data(model.index(struck, PaymentsModel.AMOUNT), Qt.ItemDataRole.FontRole).strikeOut()
        tip = model.data(model.index(struck, PaymentsModel.AMOUNT), Qt.ItemDataRole.ToolTipRole)
        assert "Voided by anna" in tip and "Authorised by maria." in tip and "Reason: Wrong bill" in tip
    assert model.data(model.index(paid, PaymentsModel.AMOUNT), Qt.ItemDataRole.FontRole) is None


def test_payments_model_switches_bills_and_shows_the_deposit_account(qapp, demo_database, clerk, cashier):
    folio_id = folio_id_of(demo_database, "R10013")
    with demo_database.writing() as session:
        bill_id = load_folio(session, folio_id).bills[0].bill.id
        deposit = take_deposit(session, clerk, folio_id, Tender("cash", eur("50.00"), text="second deposit"))
        refund_payment(session, cashier, deposit.id, eur("50.00"), direction=RefundDirection.PAYER)
    view = view_of(demo_database, folio_id)
    model = PaymentsModel()
    model.set_view(view, DEPOSIT_ACCOUNT)

    assert [model.id_at(row) for row in range(model.rowCount())] == [line.payment.id for line in view.deposit_payments]
    assert column(model, PaymentsModel.TYPE)[:2] == ["Deposit", "Deposit"]
    assert "Refund" in column(model, PaymentsModel.TYPE)

    model.set_bill(bill_id)
    assert model.bill_id == bill_id
    assert [model.id_at(row) for row in range(model.rowCount())] == [
        line.payment.id for line in view.bill(bill_id).payments
    ]
    model.set_bill(None)
    assert model.rowCount() == 0


# --- the Credit card section --------------------------------------------------------------------


def test_pre_authorisations_model(qapp):
    # Saved cards have no backend yet (issue 25): their model is tested when cards can be saved.
    now = datetime.now(UTC)
    holds = PreAuthorisationsModel()
    holds.set_items([
        PreAuthorisation(eur("150.00"), now - timedelta(days=1), HoldState.OPEN),
        PreAuthorisation(eur("80.00"), now - timedelta(days=7), HoldState.OPEN),
    ])
    assert holds.data(holds.index(0, PreAuthorisationsModel.AMOUNT), DISPLAY) == format_money(Decimal(150), "EUR")
    assert holds.data(holds.index(0, PreAuthorisationsModel.AGE), DISPLAY) == "1"
    assert holds.data(holds.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert "may have released" in holds.data(holds.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "over 5 days" in holds.data(holds.index(1, PreAuthorisationsModel.STATE), DISPLAY)
    assert holds.id_at(1) == 1 and holds.row_of(1) == 1


def test_views_asking_for_empty_roles_do_not_wear_out_none(qapp):
    """PySide6 6.12.0 drops a reference to None per invalid QVariant and aborts; pyproject.toml excludes it."""
    model = PostingsModel()
    for _ in range(200_000):  # more than None's whole reference count in a fresh process
        QModelIndex().data()
        model.data(QModelIndex(), Qt.ItemDataRole.FontRole)
    assert model.rowCount() == 0  # still alive: CPython aborts on "none_dealloc" otherwise
