"""Exchange rates (issue 24): typed with a validity date or imported from the ECB's daily file; a
payment converts at the rate valid on its date, as desk.hotel.rates.rate_on decides."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.hotel.rates import import_ecb, list_rates, rate_on, rates_on, set_rate
from desk.ledger.payments import Tender, take_payment
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight

from .conftest import MISSING_RIGHT, Hotel, refused

ECB_FILE = Path(__file__).parent / "data" / "eurofxref-daily.xml"
ECB_DAY = date(2026, 12, 4)


def test_a_payment_converts_at_the_rate_valid_on_its_date(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    today = date.today()
    last_week, yesterday = today - timedelta(days=7), today - timedelta(days=1)
    manager.run(set_rate, "USD", Decimal("0.90"), last_week)
    manager.run(set_rate, "USD", Decimal("0.95"), yesterday)
    assert hotel.query(rate_on, "USD", last_week - timedelta(days=1)) == Decimal("0.92")  # as the demo accepted it
    assert hotel.query(rate_on, "USD", last_week + timedelta(days=2)) == Decimal("0.90")
    assert hotel.query(rate_on, "USD", today) == Decimal("0.95")
    for day in (last_week - timedelta(days=1), last_week, yesterday - timedelta(days=1), today):
        # What a card offers, read in one statement: rate_on's answer for every accepted currency.
        offered = hotel.query(rates_on, day)
        assert offered == {currency: hotel.query(rate_on, currency, day) for currency in offered}
        assert offered["USD"] == hotel.query(rate_on, "USD", day) and offered[hotel.currency] == 1

    stay = hotel.stay()
    dated = manager.run(take_payment, stay.bill_id, Tender("transfer", Money.of("100", "USD"),
                                                           paid_on=last_week + timedelta(days=1)),
                        allow_overpay=True)
    now = manager.run(take_payment, stay.bill_id, Tender("transfer", Money.of("100", "USD")), allow_overpay=True)
    assert (dated.rate, dated.base_amount) == (Decimal("0.90"), hotel.money("90.00"))
    assert (now.rate, now.base_amount) == (Decimal("0.95"), hotel.money("95.00"))


def test_the_ecb_file_sets_the_accepted_currencies_from_its_day(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    imported = dict(manager.run(import_ecb, ECB_FILE.read_bytes()))
    # A euro hotel: one dollar is 1/1.05 euro; JPY, GBP and CHF likewise; only currencies it accepts.
    assert imported == {"USD": Decimal("0.95238095"), "GBP": Decimal("1.19047619"),
                        "CHF": Decimal("1.06382979"), "JPY": Decimal("0.00615385")}
    assert hotel.query(rate_on, "USD", ECB_DAY) == Decimal("0.95238095")
    assert hotel.query(rate_on, "USD", ECB_DAY - timedelta(days=1)) == Decimal("0.92")
    assert {(r.currency, r.source) for r in hotel.query(list_rates) if r.valid_from == ECB_DAY} == {
        ("USD", "ECB"), ("GBP", "ECB"), ("CHF", "ECB"), ("JPY", "ECB")}
    # Imported twice (a script run again): the same rates, no second row.
    manager.run(import_ecb, ECB_FILE.read_bytes())
    assert len([r for r in hotel.query(list_rates) if r.valid_from == ECB_DAY]) == 4
    with hotel.database.unit_of_work() as session:
        assert changes_of(session, "rate", "ECB")[0].summary.startswith("2026-12-04: CHF 1.06382979")


def test_a_hotel_in_leva_takes_the_cross_rate_through_the_euro(tmp_path):
    from .conftest import make_hotel

    hotel = make_hotel(f"sqlite:///{tmp_path}/bgn.sqlite3", currency="BGN")
    try:
        manager = hotel.as_role(Role.MANAGER)
        manager.run(set_rate, "EUR", Decimal("1.95583"), ECB_DAY - timedelta(days=10))
        manager.run(set_rate, "USD", Decimal("1.8"), ECB_DAY - timedelta(days=10))
        imported = dict(manager.run(import_ecb, ECB_FILE.read_bytes()))
        assert imported["EUR"] == Decimal("1.95580000")
        assert imported["USD"] == (Decimal("1.9558") / Decimal("1.05")).quantize(Decimal("0.00000001"))
    finally:
        hotel.database.dispose()


def test_rate_refusals_are_named_and_write_nothing(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    refused(manager, InvalidInput, "This is not the ECB's daily rates file (eurofxref-daily.xml)",
            lambda: manager.run(import_ecb, b"<html>not rates</html>"), field="file")
    entities = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "1.05">]>'
                + ECB_FILE.read_bytes().split(b"?>", 1)[1].replace(b"rate='1.0500'", b"rate='&a;'"))
    refused(manager, InvalidInput, "This is not the ECB's daily rates file (eurofxref-daily.xml)",
            lambda: manager.run(import_ecb, entities), field="file")
    refused(manager, InvalidInput, "The rate of {currency} must be above zero",
            lambda: manager.run(set_rate, "USD", Decimal("0"), date.today()), field="rate")
    refused(manager, InvalidInput, "{currency} is the hotel's base currency: its rate is 1",
            lambda: manager.run(set_rate, "EUR", Decimal("1.1"), date.today()), field="currency")
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.run(set_rate, "USD", Decimal("0.9"), date.today()))
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(import_ecb, ECB_FILE.read_bytes()))


def test_desk_rates_import_and_set_from_a_script(sqlite_hotel: Hotel, monkeypatch, capsys):
    from desk.cli.main import main

    url = sqlite_hotel.database.url
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    assert main(["--database", url, "rates", "import", str(ECB_FILE)]) == 0
    assert "imported USD 0.95238095" in capsys.readouterr().out
    assert main(["--database", url, "rates", "set", "USD", "0,97", "--from", "2026-12-05"]) == 0
    assert "USD  2026-12-05  0.97000000  hand" in capsys.readouterr().out
    assert sqlite_hotel.query(rate_on, "USD", date(2026, 12, 6)) == Decimal("0.97")
    monkeypatch.setenv("DESK_USER", "anna")
    monkeypatch.setenv("DESK_PASSWORD", "anna")
    assert main(["--database", url, "rates", "set", "USD", "1", "--from", "2026-12-06"]) == 1
    assert "A clerk may not change the hotel's catalogue and exchange rates" in capsys.readouterr().err


# --- companies (in this file for its hotel fixture; desk.stays.companies) ---------------------------


def test_a_manager_adds_and_changes_a_company_with_its_credit_limit(hotel: Hotel):
    from desk.stays.companies import add_company, change_company, list_companies

    manager = hotel.as_role(Role.MANAGER)
    company_id = manager.run(add_company, "Black Sea Tours", "BG175000111", "1 Port St, Varna", hotel.money("5000"))
    manager.run(change_company, company_id, "Black Sea Tours Ltd", "BG175000111", "1 Port St, Varna",
                hotel.money("7500"))
    row = next(c for c in hotel.query(list_companies) if c.id == company_id)
    assert (row.name, row.tax_id, row.credit_limit) == ("Black Sea Tours Ltd", "BG175000111", hotel.money("7500"))
    refused(manager, InvalidInput, "There is already a company with tax ID {tax_id}",
            lambda: manager.run(add_company, "Copy", "BG175000111"), field="tax_id")
    refused(manager, InvalidInput, "A credit limit is in the hotel's currency, {currency}",
            lambda: manager.run(add_company, "Dollar Co", "", "", Money.of("10", "USD")), field="credit_limit")
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(add_company, "Clerk Co"))
    with hotel.database.unit_of_work() as session:
        assert [c.username for c in changes_of(session, "company", str(company_id))] == ["maria", "maria"]
