"""The reports' figures against sums computed here from the raw ledger rows (plain SQL), on SQLite and
PostgreSQL, over days of payments, deposits, refunds, voids, voided charges and shifts drawn by hypothesis."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desk.cards.models import CardRecord, CardRecordKind
from desk.cash.shifts import close_shift, open_shift
from desk.core.errors import DeskError, InvalidInput
from desk.core.money import Money
from desk.ledger.payments import Tender, refund_payment, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_charge, void_posting
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.reports.balances import aged, balances_report
from desk.reports.cashier import cashier_report
from desk.reports.revenue import revenue_report
from desk.reports.tables import report_csv
from desk.reports.voids import voids_report
from tests.actors import demo_credentials, signed_in

from .conftest import MISSING_RIGHT, Hotel, charged_stay, refused

METHODS = ["cash", "card", "transfer"]
BRANDS = ["VISA", "MASTERCARD", ""]

operation = st.one_of(
    st.tuples(st.just("pay"), st.sampled_from(METHODS), st.integers(1, 20000), st.sampled_from(BRANDS)),
    st.tuples(st.just("deposit"), st.sampled_from(METHODS), st.integers(1, 20000), st.sampled_from(BRANDS)),
    st.tuples(st.just("refund"), st.integers(0, 20), st.integers(1, 100)),
    st.tuples(st.just("void"), st.integers(0, 20)),
    st.tuples(st.just("charge"), st.integers(1, 5000), st.booleans()),
    st.tuples(st.just("close"),),
)


def _day(hotel: Hotel, ops: list[tuple]) -> None:
    cashier = hotel.as_role(Role.CASHIER)
    manager = hotel.approval()
    stay = charged_stay(hotel)
    hotel.run(post_charge, bill_id=stay.bill_id, description="Suite", quantity=1, unit_price=hotel.money("90000"))
    payments: list[int] = []
    for op in ops:
        try:
            if op[0] in ("pay", "deposit"):
                _, method, minor, brand = op
                tender = Tender(method, Money.of(Decimal(minor).scaleb(-2), hotel.currency))
                paid = (hotel.run(take_payment, stay.bill_id, tender) if op[0] == "pay"
                        else hotel.run(take_deposit, stay.folio_id, tender))
                payments.append(paid.id)
                if method == "card" and brand:
                    with hotel.database.writing() as session:  # what a terminal's answer would have recorded
                        session.add(CardRecord(operation=CardRecordKind.SALE, payment_id=paid.id,
                                               folio_id=stay.folio_id, amount=paid.amount,
                                               terminal=f"T-{brand[0]}", brand=brand,
                                               created_by=hotel.actor.username, workstation=hotel.actor.workstation))
            elif op[0] == "refund" and payments:
                original = payments[op[1] % len(payments)]
                amount = Money.of(Decimal(op[2]).scaleb(-2), hotel.currency)
                cashier.run(refund_payment, original, amount, reason="guest asked")
            elif op[0] == "void" and payments:
                hotel.run(void_payment, payments[op[1] % len(payments)], reason="typed twice", approval=manager)
            elif op[0] == "charge":
                posting = hotel.run(post_charge, bill_id=stay.bill_id, description="Minibar", quantity=1,
                                    unit_price=Money.of(Decimal(op[1]).scaleb(-2), hotel.currency))
                if op[2]:
                    hotel.run(void_posting, posting.id, reason="not taken", approval=manager)
            elif op[0] == "close":
                cashier.run(close_shift, {hotel.currency: {Decimal("1"): 3}})
                cashier.run(open_shift, [hotel.money("50")])
        except DeskError:
            pass  # refused (refunded twice, voided twice, more than owed): it wrote nothing, the report sees nothing


def _sql_rows(hotel: Hotel, statement: str) -> list:
    with hotel.database.engine.connect() as connection:
        return list(connection.execute(text(statement)))


def _expected_payment_lines(hotel: Hotel) -> dict[tuple, tuple]:
    rows = _sql_rows(hotel, """
        SELECT s.id, s.number, s.workstation, p.created_by, m.name, p.kind, p.amount, cr.brand, cr.terminal
        FROM cash_shift s
        LEFT JOIN shift_close c ON c.shift_id = s.id
        JOIN payment p ON (p.workstation = s.workstation AND p.created_at >= s.opened_at
                           AND (c.closed_at IS NULL OR p.created_at <= c.closed_at))
                       OR p.id IN (SELECT payment_id FROM shift_payment WHERE shift_id = s.id)
        JOIN payment_method m ON m.code = p.method_code
        LEFT JOIN card_record cr ON cr.payment_id = p.id AND m.kind = 'card'
        WHERE p.kind <> 'transfer'""")
    sums: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0), 0, Decimal(0), 0, Decimal(0)])
    for shift_id, number, workstation, user, method, kind, amount, brand, terminal in rows:
        money = Money.parse(amount)
        entry = sums[(shift_id, number, workstation, user, method, brand or "", terminal or "", money.currency)]
        at = {"payment": 0, "deposit": 0, "refund": 2, "void": 4}[kind]
        entry[at] += 1
        entry[at + 1] += money.amount if at == 0 else -money.amount
    return {key[1:]: tuple(value) for key, value in sums.items()}


def _expected_drawers(hotel: Hotel) -> dict[tuple, tuple]:
    moves = _sql_rows(hotel, "SELECT shift_id, kind, amount FROM shift_cash_move")
    linked = _sql_rows(hotel, "SELECT sp.shift_id, p.amount FROM shift_payment sp "
                              "JOIN payment p ON p.id = sp.payment_id")
    counts = {(s, Money.parse(c).currency): (Money.parse(c).amount, Money.parse(d).amount)
              for s, c, d in _sql_rows(hotel, "SELECT shift_id, counted, difference FROM shift_count")}
    figures: dict[tuple, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for shift_id, kind, amount in moves:
        money = Money.parse(amount)
        figures[(shift_id, money.currency)][kind] += money.amount
    for shift_id, amount in linked:
        money = Money.parse(amount)
        figures[(shift_id, money.currency)]["received" if money.amount >= 0 else "given_back"] += abs(money.amount)
    expected = {}
    for (shift_id, currency), f in figures.items():
        should = f["float"] + f["received"] - f["given_back"] + f["cash_in"] - f["cash_out"]
        counted, difference = counts.get((shift_id, currency), (None, None))
        expected[(shift_id, currency)] = (f["float"], f["received"], f["given_back"], should, counted, difference)
    return expected


def _expected_exceptions(hotel: Hotel) -> list[tuple]:
    postings = _sql_rows(hotel, """SELECT kind, created_by, authorised_by, reason, amount FROM posting
                                   WHERE kind <> 'charge' OR authorised_by IS NOT NULL""")
    payments = _sql_rows(hotel, """SELECT kind, created_by, authorised_by, reason, amount FROM payment
                                   WHERE kind IN ('void', 'refund') OR authorised_by IS NOT NULL""")
    names = {("posting", "void"): "Charge voided", ("posting", "reversal"): "Charge reversed",
             ("payment", "void"): "Payment voided", ("payment", "refund"): "Refund"}
    found = [(names.get((table, kind), "Override"), user, manager or "", reason, Money.parse(amount))
             for table, rows in (("posting", postings), ("payment", payments))
             for kind, user, manager, reason, amount in rows]
    return sorted(found, key=repr)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=14))
def test_cashier_and_voids_reports_add_up_to_the_ledger_rows(hotel: Hotel, ops: list[tuple]) -> None:
    _day(hotel, ops)
    manager = signed_in(hotel.database, Role.MANAGER)
    today = date.today()
    with hotel.database.unit_of_work() as session:
        report = cashier_report(session, manager, today - timedelta(days=1), today + timedelta(days=1))
        voids = voids_report(session, manager, today - timedelta(days=1), today + timedelta(days=1))
    got = {row[:7]: (row[7], row[8].amount, row[9], row[10].amount, row[11], row[12].amount)
           for row in report.section("Payments by shift, cashier and method").rows}
    assert got == _expected_payment_lines(hotel)
    for row in report.section("Payments by shift, cashier and method").rows:
        assert row[13] == row[8] - row[10] - row[12]  # net: received less refunded less voided

    numbers = {(number, ws): shift_id for shift_id, number, ws in
               _sql_rows(hotel, "SELECT id, number, workstation FROM cash_shift")}
    drawers = {(numbers[(row[0], row[1])], row[5]):
               (row[6].amount, row[7].amount, row[8].amount, row[11].amount,
                row[12].amount if row[12] is not None else None, row[13].amount if row[13] is not None else None)
               for row in report.section("Cash drawer by shift").rows}
    expected = _expected_drawers(hotel)
    # A shift with nothing in a currency shows it as zeros (the hotel's own currency always).
    assert {k: v for k, v in drawers.items() if any(x for x in v if x is not None) or k in expected} == {
        k: v for k, v in expected.items()}

    got_exceptions = sorted(((row[1], row[5], row[6], row[8], row[10])
                             for row in voids.section("Every void, refund and override").rows), key=repr)
    assert got_exceptions == _expected_exceptions(hotel)

    with hotel.database.unit_of_work() as session:
        balances = balances_report(session, manager, today)
    got_balances = {row[0]: (row[6].amount, row[7].amount, row[8].amount, row[9].amount)
                    for row in balances.section("In-house guests").rows}
    assert got_balances == _expected_in_house(hotel)

    with hotel.database.unit_of_work() as session:
        revenue = revenue_report(session, manager, today - timedelta(days=180), today + timedelta(days=180))
    got_revenue = {(row[3], row[2]): (row[4], row[5].amount, row[6].amount, row[7].amount)
                   for row in revenue.section("Revenue by outlet, service group and VAT rate").rows}
    assert got_revenue == _expected_revenue(hotel)
    chart = revenue.charts[0]
    assert sum(sum(values) for _place, values in chart.series) == sum(
        gross for (_percent, currency), (_count, _net, _vat, gross) in _expected_revenue(hotel).items()
        if currency == hotel.currency)


def _expected_revenue(hotel: Hotel) -> dict[tuple, tuple]:
    """Per VAT rate and currency (the test's postings are all the front desk's): count, net, VAT, gross."""
    sums: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0), Decimal(0), Decimal(0)])
    for percent, amount, tax in _sql_rows(hotel, "SELECT tax_percent, amount, tax_amount FROM posting "
                                                 "WHERE source <> 'transfer'"):
        gross, vat = Money.parse(amount), Money.parse(tax)
        line = sums[(Decimal(str(percent)), gross.currency)]
        line[0] += 1
        line[1] += gross.amount - vat.amount
        line[2] += vat.amount
        line[3] += gross.amount
    return {key: tuple(value) for key, value in sums.items()}


def _expected_in_house(hotel: Hotel) -> dict[str, tuple]:
    folios = {folio: number for folio, number in _sql_rows(hotel, """
        SELECT f.id, r.number FROM reservation r JOIN folio f ON f.reservation_id = r.id
        WHERE r.status = 'in_house'""")}
    sums: dict[str, list[Decimal]] = {number: [Decimal(0)] * 3 for number in folios.values()}
    for folio, amount in _sql_rows(hotel, "SELECT b.folio_id, p.amount FROM posting p JOIN bill b ON b.id = p.bill_id"):
        if folio in folios:
            sums[folios[folio]][0] += Money.parse(amount).amount
    for folio, bill, amount in _sql_rows(hotel, "SELECT folio_id, bill_id, base_amount FROM payment"):
        if folio in folios:
            sums[folios[folio]][1 if bill is not None else 2] += Money.parse(amount).amount
    return {number: (charges, paid, charges - paid, deposit) for number, (charges, paid, deposit) in sums.items()}


def test_a_company_balance_is_aged_by_its_unpaid_charges_oldest_paid_first() -> None:
    as_of = date(2026, 11, 30)
    charges = [(as_of - timedelta(days=100), 5000), (as_of - timedelta(days=45), 3000),
               (as_of - timedelta(days=70), 2000), (as_of - timedelta(days=3), 1000)]
    # 6,000 paid settles the 100-day charge and 1,000 of the 70-day one.
    assert aged(charges, 6000, as_of) == (1000, 3000, 1000, 0)
    assert aged(charges, 0, as_of) == (1000, 3000, 2000, 5000)
    assert aged(charges, 12000, as_of) == (-1000, 0, 0, 0)  # paid more: a credit, the newest
    assert aged([(as_of - timedelta(days=30), 10), (as_of - timedelta(days=31), 20),
                 (as_of - timedelta(days=90), 40), (as_of - timedelta(days=91), 80)], 0, as_of) == (10, 20, 40, 80)


def test_reports_of_other_days_hold_nothing_of_today(hotel: Hotel) -> None:
    _day(hotel, [("pay", "cash", 1000, ""), ("void", 0)])
    manager = signed_in(hotel.database, Role.MANAGER)
    yesterday = date.today() - timedelta(days=1)
    with hotel.database.unit_of_work() as session:
        report = cashier_report(session, manager, yesterday)
        voids = voids_report(session, manager, yesterday)
    assert all(not section.rows for section in report.sections + voids.sections)


def test_a_cashier_reads_only_the_shifts_they_opened(hotel: Hotel) -> None:
    cashier = signed_in(hotel.database, Role.CASHIER)
    other = signed_in(hotel.database, Role.MANAGER, "TILL-2")
    with hotel.database.writing() as session:
        open_shift(session, other, [hotel.money("20")])
    with hotel.database.unit_of_work() as session:
        own = cashier_report(session, cashier, date.today())
        every = cashier_report(session, other, date.today())
    assert {row[1] for row in own.section("Cash drawer by shift").rows} == {"TEST-1"}
    assert {row[1] for row in every.section("Cash drawer by shift").rows} == {"TEST-1", "TILL-2"}
    assert ("Cashier", cashier.username) in own.filters


def test_a_cashier_may_not_read_the_voids_of_the_hotel(hotel: Hotel) -> None:
    cashier = signed_in(hotel.database, Role.CASHIER)
    with pytest.raises(MissingRight) as caught:
        hotel.query(voids_report, cashier, date.today())
    assert caught.value.template == MISSING_RIGHT


def test_a_clerk_may_not_read_the_cashier_report(hotel: Hotel) -> None:
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.query(cashier_report, hotel.actor, date.today()))


def test_a_report_ending_before_it_begins_is_refused(hotel: Hotel) -> None:
    manager = signed_in(hotel.database, Role.MANAGER)
    refused(hotel, InvalidInput, "The report ends on {last} before it begins on {first}",
            lambda: hotel.query(cashier_report, manager, date(2026, 5, 2), date(2026, 5, 1)), field="to")


def test_the_csv_states_the_filters_and_the_sections(hotel: Hotel) -> None:
    _day(hotel, [("pay", "cash", 1250, ""), ("refund", 0, 50)])
    manager = signed_in(hotel.database, Role.MANAGER)
    with hotel.database.unit_of_work() as session:
        report = cashier_report(session, manager, date.today())
    lines = report_csv(report).splitlines()
    assert lines[0].startswith("Cashier report,")
    assert lines[1] == f"From,{date.today().isoformat()}"
    assert "\"Payments by shift, cashier and method\"" in lines
    assert "1,TEST-1,anna,Cash,,,EUR,1,12.50,0,0.00,0,0.00,12.50" in lines  # the clerk took it
    assert "1,TEST-1,ivan,Cash,,,EUR,0,0.00,1,0.50,0,0.00,-0.50" in lines  # the cashier gave some back


def test_desk_report_writes_the_csv_and_the_pdf_and_refuses_a_cashier_the_voids(sqlite_hotel: Hotel, tmp_path,
                                                                                 capsys, monkeypatch) -> None:
    from desk.cli.main import main
    from tests.helpers import pdf_words

    hotel = sqlite_hotel
    _day(hotel, [("pay", "cash", 4200, ""), ("void", 0)])
    url, today = hotel.database.url, date.today().isoformat()
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    assert main(["--database", url, "report", "voids", "--date", today, "--csv", str(tmp_path / "v.csv")]) == 0
    assert "Payment voided" in (tmp_path / "v.csv").read_text() and "typed twice" in (tmp_path / "v.csv").read_text()
    assert main(["--database", url, "report", "cashier", "--date", today, "--pdf", str(tmp_path / "c.pdf")]) == 0
    words = pdf_words((tmp_path / "c.pdf").read_bytes())
    assert "Cashier report" in words and "42.00 EUR" in words
    capsys.readouterr()
    cashier, password = demo_credentials(Role.CASHIER)
    monkeypatch.setenv("DESK_USER", cashier)
    monkeypatch.setenv("DESK_PASSWORD", password)
    assert main(["--database", url, "report", "voids", "--date", today]) == 1
    assert "may not read the hotel's reports" in capsys.readouterr().err


def test_every_word_of_the_reports_prints_in_russian_and_bulgarian() -> None:
    from desk.reports import balances, card_totals, cashier, revenue, voids
    from desk.reports.report_words import WORDS

    used = {cashier.TITLE, cashier.PAYMENTS, cashier.DRAWERS, *cashier.PAYMENT_COLUMNS, *cashier.DRAWER_COLUMNS,
            voids.TITLE, voids.SUMMARY, voids.DETAILS, *voids.SUMMARY_COLUMNS, *voids.DETAIL_COLUMNS,
            voids.CHARGE_VOID, voids.CHARGE_REVERSAL, voids.PAYMENT_VOID, voids.REFUND, voids.OVERRIDE,
            balances.TITLE, balances.IN_HOUSE, balances.DEPARTED, balances.COMPANIES, *balances.STAY_COLUMNS,
            *balances.COMPANY_COLUMNS, revenue.TITLE, revenue.BY_GROUP, revenue.CHECKS, revenue.NIGHTS,
            revenue.FRONT_DESK, revenue.NO_GROUP, *revenue.GROUP_NAMES.values(), *revenue.GROUP_COLUMNS,
            *revenue.CHECK_COLUMNS, *revenue.NIGHT_COLUMNS, revenue.UNMAPPED, *revenue.UNMAPPED_COLUMNS,
            card_totals.TITLE, card_totals.TOTALS,
            card_totals.DIFFERENCES, card_totals.ALL_BRANDS, card_totals.NOT_IN_BATCH, card_totals.NOT_IN_LEDGER,
            card_totals.TOTAL_ONLY, *card_totals.TOTAL_COLUMNS, *card_totals.DIFFERENCE_COLUMNS,
            "Takings by hour and method ({currency})", revenue.BY_OUTLET_CHART, "Business date from", "Aged on",
            "From", "To", "Workstation", "Cashier", "Made", "Made {when} by {who}", "Nothing in these days"}
    for language in ("ru", "bg"):
        assert sorted(used - set(WORDS[language])) == [], language


def _card(session, kind: CardRecordKind, amount: str, brand: str = "", receipt: int | None = None, **extra):
    record = CardRecord(operation=kind, amount=Money.parse(amount), terminal="Desk terminal", brand=brand,
                        receipt_no=receipt, created_by="ivan", workstation="TEST-1", **extra)
    session.add(record)
    session.flush()
    return record


def test_card_totals_compare_each_end_of_day_with_its_batch_and_name_each_difference(hotel: Hotel) -> None:
    from desk.reports.card_totals import card_totals_report

    with hotel.database.writing() as session:  # as the terminal's answers and its end of day were journalled
        _card(session, CardRecordKind.SALE, "EUR 10.00", "VISA", 7)
        _card(session, CardRecordKind.END_OF_DAY, "EUR 10.00", details={"count": 1, "itemised": False})
        _card(session, CardRecordKind.SALE, "EUR 40.00", "VISA CREDIT", 11)
        _card(session, CardRecordKind.SALE, "EUR 25.50", "MASTERCARD", 12)
        refunded = _card(session, CardRecordKind.SALE, "EUR 5.00", "Visa", 13)
        _card(session, CardRecordKind.REVERSAL, "EUR 5.00", "Visa", 14, original_id=refunded.id)
        _card(session, CardRecordKind.REFUND, "EUR 4.00", "MASTERCARD", 15)
        _card(session, CardRecordKind.SALE, "EUR 9.99", "VISA", None)  # its receipt never came back
        _card(session, CardRecordKind.END_OF_DAY, "EUR 91.50", details={
            "count": 4, "itemised": True, "first_receipt": 11, "last_receipt": 16,
            "brands": [{"brand": "Visa", "count": 2, "amount_minor": 7000},
                       {"brand": "Eurocard/Mastercard", "count": 2, "amount_minor": 2150}]})
    manager = signed_in(hotel.database, Role.MANAGER)
    with hotel.database.unit_of_work() as session:
        report = card_totals_report(session, manager, date.today())
    totals = [(row[3], row[5], row[6].amount, row[7], row[8].amount, row[9].amount)
              for row in report.section("Terminal end of day against the ledger").rows]
    assert totals == [
        ("All brands", 1, Decimal("10.00"), 1, Decimal("10.00"), Decimal("0.00")),
        # The reversed sale counts on neither side; the refund takes from its brand.
        ("Eurocard/Mastercard", 2, Decimal("21.50"), 2, Decimal("21.50"), Decimal("0.00")),
        ("Visa", 2, Decimal("70.00"), 2, Decimal("49.99"), Decimal("20.01")),
        ("All brands", 4, Decimal("91.50"), 4, Decimal("71.49"), Decimal("20.01")),
    ]
    differences = [(row[3], row[5], row[7].amount if row[7] is not None else None)
                   for row in report.section("Differences").rows]
    assert differences == [
        ("The terminal sent only its total: no payment can be named", None, Decimal("0.00")),
        ("In the ledger, not in the terminal's batch", None, Decimal("9.99")),
        ("Booked by the terminal, not in the ledger", 16, None),
    ]


def test_the_takings_chart_adds_up_to_the_payments_by_hour_and_method(hotel: Hotel) -> None:
    from datetime import UTC, datetime

    from desk.reports.charts import takings_by_hour

    _day(hotel, [("pay", "cash", 1250, ""), ("pay", "card", 9000, "VISA"), ("deposit", "transfer", 5000, ""),
                 ("refund", 0, 250), ("void", 1)])
    with hotel.database.unit_of_work() as session:
        chart = takings_by_hour(session, date.today(), date.today())
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for created_at, name, amount in _sql_rows(hotel, """
            SELECT p.created_at, m.name, p.base_amount FROM payment p JOIN payment_method m ON m.code = p.method_code
            WHERE p.kind <> 'transfer'"""):
        moment = created_at if isinstance(created_at, datetime) else datetime.fromisoformat(created_at)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        expected[(name, f"{moment.astimezone().hour:02d}")] += Money.parse(amount).amount
    got = {(name, hour): value for name, values in chart.series for hour, value in zip(chart.categories, values,
                                                                                         strict=True) if value}
    assert got == {key: value for key, value in expected.items() if value}
    assert {name for name, _values in chart.series} == {"Bank card", "Bank transfer", "Cash"}


def test_the_command_offers_every_report_the_desk_makes():
    from desk.cli.report import REPORTS
    from desk.reports.tables import report_names

    assert sorted(REPORTS) == sorted(report_names())
