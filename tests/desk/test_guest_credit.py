"""A guest's credit limit: set by a manager, counted against what the folio owes less its deposit, shown
over the limit in Open balances."""

from __future__ import annotations

from datetime import date

from desk.core.errors import InvalidInput
from desk.ledger.payments import Tender, take_deposit
from desk.ledger.postings import post_service
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.reports.balances import STAY_COLUMNS, balances_report
from desk.stays.credit import over_credit_limit, set_credit_limit
from desk.stays.reservations import post_night

from .conftest import MISSING_RIGHT, Hotel, refused

LIMIT, OVER = STAY_COLUMNS.index("Credit limit"), STAY_COLUMNS.index("Over the limit")


def _in_house_row(hotel: Hotel, number: str) -> tuple:
    manager = hotel.as_role(Role.MANAGER)
    with hotel.database.unit_of_work() as session:
        report = balances_report(session, manager.actor, date.today())
    (row,) = [r for r in report.section("In-house guests").rows if r[0] == number]
    return row


def test_a_guest_over_the_limit_is_named_in_open_balances_and_the_deposit_counts(hotel: Hotel):
    stay = hotel.stay(number="C00001")
    other = hotel.stay(number="C00002")
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_credit_limit, stay.reservation_id, hotel.money("100"))
    hotel.run(post_night, stay.reservation_id, date.today())  # 100
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")  # 35
    hotel.run(post_night, other.reservation_id, date.today())

    row = _in_house_row(hotel, "C00001")
    assert row[LIMIT] == hotel.money("100") and row[OVER] == hotel.money("35")
    assert _in_house_row(hotel, "C00002")[LIMIT:] == (None, None)  # no limit set: never over

    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("50")))  # owes 135, holds 50
    assert _in_house_row(hotel, "C00001")[OVER] is None
    manager.run(set_credit_limit, stay.reservation_id, hotel.money("80"))
    assert _in_house_row(hotel, "C00001")[OVER] == hotel.money("5")
    manager.run(set_credit_limit, stay.reservation_id, None)
    assert _in_house_row(hotel, "C00001")[LIMIT:] == (None, None)


def test_only_a_manager_sets_it_in_the_hotels_currency_and_never_below_zero(hotel: Hotel):
    stay = hotel.stay()
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.as_role(Role.CASHIER).run(set_credit_limit, stay.reservation_id, hotel.money("100")))
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "A credit limit is in the hotel's currency, {currency}",
            lambda: manager.run(set_credit_limit, stay.reservation_id, hotel.money("100", "USD")), field="limit")
    refused(hotel, InvalidInput, "A credit limit cannot be below zero",
            lambda: manager.run(set_credit_limit, stay.reservation_id, hotel.money("-1")), field="limit")


def test_over_the_limit_is_what_the_folio_owes_beyond_it(hotel: Hotel):
    assert over_credit_limit(hotel.money("100"), hotel.money("100")) is None
    assert over_credit_limit(hotel.money("100"), hotel.money("100.01")) == hotel.money("0.01")
    assert over_credit_limit(None, hotel.money("1000")) is None
