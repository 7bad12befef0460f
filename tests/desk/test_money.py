from decimal import Decimal

import pytest

from desk.core.errors import CurrencyMismatch, InvalidAmount, UnknownCurrency
from desk.core.money import Money, minor_units, total


def test_amount_keeps_the_currency_minor_units():
    assert str(Money.of("12.5", "EUR")) == "EUR 12.50"
    assert str(Money.of("1200", "JPY")) == "JPY 1200"
    assert str(Money.of("1.5", "KWD")) == "KWD 1.500"
    assert Money.of("12.500", "EUR") == Money.of("12.5", "EUR")


@pytest.mark.parametrize(
    ("amount", "currency"),
    [("1.005", "EUR"), ("10.5", "JPY"), ("0.0001", "KWD"), ("0.001", "USD")],
)
def test_more_decimals_than_the_currency_allows_is_refused(amount, currency):
    with pytest.raises(InvalidAmount, match="more decimals"):
        Money.of(amount, currency)


@pytest.mark.parametrize("value", [0.1, 1.0, "abc", "", "NaN", "Infinity", "1e", None, True])
def test_floats_and_garbage_are_not_amounts(value):
    with pytest.raises(InvalidAmount):
        Money.of(value, "EUR")


@pytest.mark.parametrize("currency", ["XXX", "eur", "", "EURO", None])
def test_unknown_currency_is_refused(currency):
    with pytest.raises(UnknownCurrency):
        Money.of("1", currency)


def test_arithmetic_refuses_to_mix_currencies():
    with pytest.raises(CurrencyMismatch):
        Money.of("1", "EUR") + Money.of("1", "USD")
    with pytest.raises(CurrencyMismatch):
        _ = Money.of("1", "EUR") < Money.of("1", "USD")
    with pytest.raises(TypeError):
        Money.of("1", "EUR") + Decimal(1)  # type: ignore[operator]


def test_fractional_factors_need_an_explicit_rounding():
    price = Money.of("3.33", "EUR")
    assert price * 3 == Money.of("9.99", "EUR")
    with pytest.raises(TypeError):
        price * Decimal("1.5")  # type: ignore[operator]
    assert price.times(Decimal("1.5")) == Money.of("5.00", "EUR")  # 4.995 rounds half up
    assert Money.rounded(Decimal("2.5"), "JPY") == Money.of("3", "JPY")


def test_exact_decimal_sums_where_floats_would_drift():
    tenths = [Money.of("0.10", "EUR")] * 3
    assert total(tenths, "EUR") == Money.of("0.30", "EUR")
    assert total([], "JPY") == Money.zero("JPY")


def test_conversion_rounds_to_the_target_currency():
    assert Money.of("100", "USD").convert(Decimal("0.92"), "EUR") == Money.of("92.00", "EUR")
    assert Money.of("1000", "JPY").convert(Decimal("0.0061"), "EUR") == Money.of("6.10", "EUR")
    assert Money.of("0.01", "EUR").convert(Decimal("163.9"), "JPY") == Money.of("2", "JPY")


def test_canonical_text_round_trips():
    for money in [Money.of("-12.34", "EUR"), Money.of("0", "JPY"), Money.of("7.125", "BHD")]:
        assert Money.parse(str(money)) == money
    with pytest.raises(InvalidAmount):
        Money.parse("12.34")
    assert minor_units("BHD") == 3


@pytest.mark.parametrize("minor", [12.9, 12.0, True, "1290", Decimal("12.9")])
def test_from_minor_refuses_a_count_that_is_not_whole_never_cutting_it(minor):
    with pytest.raises(InvalidAmount, match="is not a whole count of minor units"):
        Money.from_minor(minor, "EUR")


def test_from_minor_takes_a_whole_count_as_an_int_or_as_a_database_sums_decimal():
    assert Money.from_minor(1290, "EUR") == Money.from_minor(Decimal(1290), "EUR") == Money.of("12.90", "EUR")
