"""How a printed document writes numbers and dates: the way of its country, not of the clerk's screen.

A fiscal receipt, an X or Z report is read by the guest, the tax office and the hotel's accountant
of one country: in Russia and Bulgaria "1 234,50" and 06.12.2026, in English 1,234.50 and
2026-12-06. A document's language decides its format, and a country decides its language
(:func:`format_of_country`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from desk.core.money import Money

# The countries whose documents the desk words in their own language; any other prints in English.
COUNTRY_LANGUAGES = {"BG": "bg", "RU": "ru", "GB": "en", "IE": "en", "US": "en"}


@dataclass(frozen=True)
class DocumentFormat:
    language: str
    decimal_mark: str
    group_mark: str
    date_pattern: str

    def number(self, value: Decimal | str | int) -> str:
        """``value`` with its own decimals (12.50 stays two places), grouped by thousands."""
        text = format(Decimal(value), ",f")
        return text.replace(",", "\0").replace(".", self.decimal_mark).replace("\0", self.group_mark)

    def amount(self, value: Decimal | str, currency: str) -> str:
        return f"{self.number(value)} {currency}"

    def money(self, money: Money) -> str:
        return self.amount(money.amount, money.currency)

    def money_text(self, text: str | None, *, empty: str = "") -> str:
        """A money as the chain stores it ("EUR 12.50") written for the reader ("12,50 EUR")."""
        return self.money(Money.parse(text)) if text else empty

    def date(self, moment: datetime) -> str:
        return moment.astimezone().strftime(self.date_pattern)

    def date_time(self, moment: datetime, *, seconds: bool = False) -> str:
        return moment.astimezone().strftime(f"{self.date_pattern} %H:%M{':%S' if seconds else ''}")


FORMATS = {
    "en": DocumentFormat("en", ".", ",", "%Y-%m-%d"),
    "ru": DocumentFormat("ru", ",", " ", "%d.%m.%Y"),
    "bg": DocumentFormat("bg", ",", " ", "%d.%m.%Y"),
}


def format_of_language(language: str) -> DocumentFormat:
    return FORMATS.get(language, FORMATS["en"])


def format_of_country(country: str) -> DocumentFormat:
    return format_of_language(COUNTRY_LANGUAGES.get(country.upper(), "en"))
