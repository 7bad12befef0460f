"""Exact money: a Decimal amount in an ISO 4217 currency, never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from desk.core.errors import CurrencyMismatch, InvalidAmount, UnknownCurrency

# Minor units per ISO 4217 (the currencies a hotel is likely to accept; extend as needed).
MINOR_UNITS: dict[str, int] = {
    "AED": 2, "AUD": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0, "CNY": 2,
    "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "GEL": 2, "HKD": 2, "HUF": 2, "IDR": 2,
    "ILS": 2, "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0, "KRW": 0, "KWD": 3, "KZT": 2, "MXN": 2,
    "NOK": 2, "NZD": 2, "OMR": 3, "PLN": 2, "RON": 2, "RSD": 2, "RUB": 2, "SAR": 2, "SEK": 2,
    "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "UAH": 2, "USD": 2, "VND": 0, "ZAR": 2,
}


# The largest amounts the ledger holds: 15 whole digits keep every sum and every product with a
# quantity exact within Decimal's 28 significant digits, and fit the ledger's text columns.
MAX_WHOLE_DIGITS = 15
MAX_AMOUNT = Decimal(10) ** MAX_WHOLE_DIGITS


def check_magnitude(amount: Decimal) -> Decimal:
    """``amount`` if the ledger can hold it; InvalidAmount (not a decimal trap) otherwise."""
    if not -MAX_AMOUNT < amount < MAX_AMOUNT:
        raise InvalidAmount("{amount} is too large an amount (at most {digits} digits before the point)",
                            amount=amount, digits=MAX_WHOLE_DIGITS)
    return amount


def minor_units(currency: str) -> int:
    """Digits after the decimal point for ``currency``; raises UnknownCurrency."""
    try:
        return MINOR_UNITS[currency]
    except (KeyError, TypeError):
        raise UnknownCurrency(currency) from None


def _to_decimal(value: Any) -> Decimal:
    # Floats are refused: 0.1 + 0.2 must never reach a ledger.
    if isinstance(value, bool | float):
        raise InvalidAmount("“{value}” is not an exact amount", value=value)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidAmount("“{value}” is not an amount", value=value) from None
    if not amount.is_finite():
        raise InvalidAmount("“{value}” is not an amount", value=value)
    return amount


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount of one currency, with no more decimals than the currency has."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        digits = minor_units(self.currency)
        amount = check_magnitude(_to_decimal(self.amount))
        exponent = amount.as_tuple().exponent
        assert isinstance(exponent, int)
        if -exponent > digits and amount != amount.quantize(Decimal(1).scaleb(-digits)):
            raise InvalidAmount(
                "{amount} has more decimals than {currency} allows ({digits})",
                amount=amount, currency=self.currency, digits=digits,
            )
        object.__setattr__(self, "amount", amount.quantize(Decimal(1).scaleb(-digits)))

    @classmethod
    def of(cls, amount: Any, currency: str) -> Money:
        return cls(_to_decimal(amount), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def rounded(cls, amount: Any, currency: str, rounding: str = ROUND_HALF_UP) -> Money:
        """Money from an amount of any precision, rounded explicitly to the currency."""
        quantum = Decimal(1).scaleb(-minor_units(currency))
        return cls(check_magnitude(_to_decimal(amount)).quantize(quantum, rounding=rounding), currency)

    @classmethod
    def from_minor(cls, minor: int | Decimal, currency: str) -> Money:
        """Money from a count of the currency's minor units (cents, stotinki): how sums are kept and added up.

        A whole Decimal is taken too (PostgreSQL's sum of integers is numeric); anything else is refused, never cut."""
        whole = (isinstance(minor, int) and not isinstance(minor, bool)) or (
            isinstance(minor, Decimal) and minor.is_finite() and minor == minor.to_integral_value())
        if not whole:
            raise InvalidAmount("“{value}” is not a whole count of minor units", value=minor)
        return cls(Decimal(minor).scaleb(-minor_units(currency)), currency)

    @property
    def minor(self) -> int:
        """The amount as a count of the currency's minor units (see :meth:`from_minor`)."""
        return int(self.amount.scaleb(minor_units(self.currency)))

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read the canonical form ``"EUR 12.50"``."""
        try:
            currency, amount = text.split(" ")
        except (ValueError, AttributeError):
            raise InvalidAmount("“{text}” is not money", text=text) from None
        return cls(_to_decimal(amount), currency)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"

    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(self.currency, other.currency)
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: int) -> Money:
        # Only whole factors stay exact; fractional ones go through times() with a rounding.
        if not isinstance(factor, int) or isinstance(factor, bool):
            raise TypeError("multiply Money by an int, or use times() with a rounding")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def times(self, factor: Decimal | int, rounding: str = ROUND_HALF_UP) -> Money:
        return Money.rounded(self.amount * _to_decimal(factor), self.currency, rounding)

    def convert(self, rate: Decimal, currency: str, rounding: str = ROUND_HALF_UP) -> Money:
        """This amount in ``currency`` at ``rate`` units of it per unit of ours."""
        return Money.rounded(self.amount * _to_decimal(rate), currency, rounding)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other).amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    @property
    def is_negative(self) -> bool:
        return self.amount < 0


def total(amounts: Any, currency: str) -> Money:
    """Sum of Money values, all in ``currency`` (an empty sum is zero)."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
