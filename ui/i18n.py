"""Translations and locale-aware formatting for every window.

Source strings are English; Russian and Bulgarian translations live in
``resources/i18n/desk_<lang>.ts`` and are compiled to ``ui/i18n/desk_<lang>.qm`` by
``packaging/build_translations.py``.

Amounts never go through float: :func:`format_money` and :func:`parse_decimal` work on Decimal
and use the current QLocale only for its symbols (digits, separators, signs).

``DESK_PSEUDO_TRANSLATE=1`` in the environment replaces every translation by a stretched copy of
the English text (``[Save·····]``), to check that layouts survive long translations.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

if TYPE_CHECKING:
    from desk.core.money import Money

__all__ = [
    "LANGUAGES",
    "QM_DIR",
    "PseudoTranslator",
    "available_languages",
    "current_language",
    "format_amount",
    "format_date",
    "format_datetime",
    "format_money",
    "install_translator",
    "local_date_time",
    "money_text",
    "parse_decimal",
    "quantity_text",
    "remove_translators",
]

logger = logging.getLogger(__name__)

# Languages the desk is translated to; English is the source language.
LANGUAGES: tuple[str, ...] = ("en", "ru", "bg")

# Where the compiled ``desk_<lang>.qm`` files are looked up by default.
QM_DIR = Path(__file__).resolve().parent / "i18n"

PSEUDO_ENV = "DESK_PSEUDO_TRANSLATE"

NBSP = "\u00a0"

# Translators must stay referenced while installed, or Python would delete them under Qt.
_installed: list[QTranslator] = []
_language = "en"


# --- translators ------------------------------------------------------------------------------


class PseudoTranslator(QTranslator):
    """Stretches every string by ~40% and brackets it, so truncation and clipping show up."""

    STRETCH = 0.4
    PAD = "·"

    # Strings Qt parses rather than shows: stretching them would change behaviour, not looks.
    _KEEP_CONTEXTS = frozenset({"QShortcut", "QKeySequence"})
    _KEEP_SOURCES = frozenset({"QT_LAYOUT_DIRECTION"})

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source_text or context in self._KEEP_CONTEXTS or source_text in self._KEEP_SOURCES:
            return ""  # empty means "not translated here": Qt asks the next translator
        return self.stretch(source_text)

    @classmethod
    def stretch(cls, text: str) -> str:
        return f"[{text}{cls.PAD * max(1, round(len(text) * cls.STRETCH))}]"

    def isEmpty(self) -> bool:
        return False


def _system_language() -> str:
    language = QLocale.system().name().split("_")[0]
    return language if language in LANGUAGES else "en"


def current_language() -> str:
    """The language :func:`install_translator` chose last ("en" before it ran)."""
    return _language


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every translator installed by :func:`install_translator`."""
    while _installed:
        app.removeTranslator(_installed.pop())


def _load(app: QCoreApplication, name: str, directory: Path | str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, str(directory)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_translator(
    app: QCoreApplication,
    language: str | None,
    *,
    qm_dir: Path | str | None = None,
    pseudo: bool | None = None,
) -> str:
    """Translate the GUI into ``language`` and format numbers and dates for it.

    ``language`` is one of :data:`LANGUAGES`, or None to follow the system locale (falling back
    to English). Loads ``desk_<lang>.qm`` from ``qm_dir`` (default :data:`QM_DIR`) and Qt's own
    ``qtbase_<lang>.qm`` so standard buttons translate too, replacing whatever this function
    installed before. ``pseudo`` (default: ``$DESK_PSEUDO_TRANSLATE``) adds the stretching
    pseudo-translator. Returns the language chosen.
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
    chosen = language or _system_language()
    remove_translators(app)

    # With no explicit choice, keep the system's region too (ru_KZ formats as in Kazakhstan).
    use_system = language is None and QLocale.system().name().split("_")[0] == chosen
    QLocale.setDefault(QLocale.system() if use_system else QLocale(chosen))

    if chosen != "en":
        directory = Path(qm_dir) if qm_dir is not None else QM_DIR
        if not _load(app, f"desk_{chosen}", directory):
            # Running from a checkout without built translations must still work, in English.
            logger.warning(
                "no translation desk_%s.qm in %s; run packaging/build_translations.py", chosen, directory
            )
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not _load(app, f"qtbase_{chosen}", qt_translations):
            logger.info("no Qt translation qtbase_%s.qm in %s", chosen, qt_translations)

    global _language
    _language = chosen
    if pseudo is None:
        pseudo = os.environ.get(PSEUDO_ENV, "") not in ("", "0")
    if pseudo:
        # Installed last, so Qt asks it first and every string comes out stretched.
        translator = PseudoTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
    return chosen


# Each language is named in itself, so a clerk finds theirs whatever the GUI shows now.
_NATIVE_NAMES = {"en": "English", "ru": "Русский", "bg": "Български"}


def available_languages() -> list[tuple[str, str]]:
    """(code, name in that language) for a language setting's choices."""
    return [(code, _NATIVE_NAMES[code]) for code in LANGUAGES]


# --- formatting -------------------------------------------------------------------------------


def _native_digits(text: str, locale: QLocale) -> str:
    """ASCII digits in ``text`` written with the locale's own digits (Arabic-Indic, ...)."""
    zero = locale.zeroDigit()
    if zero == "0" or len(zero) != 1:
        return text
    return "".join(chr(ord(zero) + int(c)) if c.isascii() and c.isdigit() else c for c in text)


def format_amount(amount: Decimal, digits: int, locale: QLocale | None = None) -> str:
    """``amount`` with ``digits`` decimals, grouped as the locale groups: ``1 234,50`` in ru."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise TypeError(f"format_amount needs a finite Decimal, not {amount!r}")
    locale = locale or QLocale()
    quantum = Decimal(1).scaleb(-digits)
    fixed = f"{abs(amount).quantize(quantum, rounding=ROUND_HALF_UP):f}"
    whole, _, fraction = fixed.partition(".")
    # QLocale groups an integer exactly (no float involved) and knows locales with odd groups.
    text = locale.toString(int(whole))
    if digits > 0:
        text += locale.decimalPoint() + _native_digits(fraction, locale)
    if amount < 0 and Decimal(fixed) != 0:
        text = locale.negativeSign() + text
    return text


def format_money(
    amount: Decimal, currency: str, digits: int | None = None, locale: QLocale | None = None
) -> str:
    """An amount with its ISO currency code, on the side the locale writes currency:
    ``EUR 1,234.50`` in en, ``1 234,50 EUR`` in ru and bg.

    ``digits`` is the currency's minor units; when omitted it comes from ``desk.core.money``.
    """
    if digits is None:
        from desk.core.money import minor_units  # raises UnknownCurrency, a message for the clerk

        digits = minor_units(currency)
    locale = locale or QLocale()
    number = format_amount(amount, digits, locale)
    # The locale's currency pattern, probed with an integer (no float) and a marker symbol.
    pattern = locale.toCurrencyString(1, "¤")
    if pattern.find("¤") < pattern.find(locale.toString(1)):
        return f"{currency}{NBSP}{number}"
    return f"{number}{NBSP}{currency}"


def qdate(value: dt.date) -> QDate:
    """A date as a date field takes it (the inverse of ui.dialogs.common.python_date)."""
    return QDate(value.year, value.month, value.day)


def format_date(value: dt.date, locale: QLocale | None = None) -> str:
    """A date in the locale's short format."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return (locale or QLocale()).toString(qdate(value), QLocale.FormatType.ShortFormat)


def format_datetime(value: dt.datetime, locale: QLocale | None = None) -> str:
    """Date and time in the locale's short format; an aware value is shown in local time."""
    if value.tzinfo is not None:
        value = value.astimezone()
    qdatetime = QDateTime(
        qdate(value), QTime(value.hour, value.minute, value.second, value.microsecond // 1000)
    )
    return (locale or QLocale()).toString(qdatetime, QLocale.FormatType.ShortFormat)


# --- money, quantities and moments as every window shows them -----------------------------------


def money_text(money: Money) -> str:
    """An amount of money with its currency, in the current locale (:func:`format_money`)."""
    return format_money(money.amount, money.currency)


def quantity_text(quantity: Decimal) -> str:
    """1.000 as ``1``, 1.500 as ``1.5``: only the decimals that mean something."""
    exponent = quantity.normalize().as_tuple().exponent
    digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_amount(quantity, digits)


def local_date_time(moment: dt.datetime) -> tuple[str, str]:
    """A stored moment as the clerk's local date and short time."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    time_text = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return format_date(local.date()), time_text


# --- parsing ----------------------------------------------------------------------------------

_SPACES = frozenset({" ", NBSP, "\u202f", "\u2009"})


def _grouping(locale: QLocale) -> tuple[int, int]:
    """(size of the last group, size of the groups before it): (3, 3), or (3, 2) for en_IN."""
    groups = locale.toString(1234567890).split(locale.groupSeparator())
    if len(groups) < 3:
        return 3, 3
    return len(groups[-1]), len(groups[-2])


def _not_a_number(text: str) -> ValueError:
    return ValueError(QCoreApplication.translate("Numbers", "“%1” is not a number.").replace("%1", text))


def parse_decimal(text: str, locale: QLocale | None = None) -> Decimal:
    """The number typed in ``text``, exactly; ValueError if it is not a plain decimal number.

    Accepts the locale's decimal point and group separator (any space stands for a space-like
    separator), its signs and digits, and ``.`` as the decimal point where ``.`` does not group
    thousands. Groups must be complete (``1,2`` is refused in en rather than read as 12).
    Refuses exponents, ``nan``, ``inf`` and anything else.
    """
    locale = locale or QLocale()
    stripped = text.strip()
    if not stripped:
        raise ValueError(QCoreApplication.translate("Numbers", "Enter a number."))

    decimal_point = locale.decimalPoint()
    group = locale.groupSeparator()
    group_marks = set(_SPACES) if group in _SPACES else {group}
    decimal_marks = {decimal_point}
    if "." not in group_marks:
        decimal_marks.add(".")
    zero = locale.zeroDigit()

    sign = ""
    body = stripped
    for mark, value in ((locale.negativeSign(), "-"), ("-", "-"), ("\u2212", "-"),
                        (locale.positiveSign(), ""), ("+", "")):
        if mark and body.startswith(mark):
            sign, body = value, body[len(mark):]
            break

    # Normalise to ASCII: digits, "." for the decimal point, "," for a group separator.
    normal = []
    for char in body:
        if "0" <= char <= "9":
            normal.append(char)
        elif len(zero) == 1 and zero != "0" and 0 <= ord(char) - ord(zero) <= 9:
            normal.append(str(ord(char) - ord(zero)))
        elif char in decimal_marks:
            normal.append(".")
        elif char in group_marks:
            normal.append(",")
        else:
            raise _not_a_number(text)
    match = re.fullmatch(r"([0-9,]*)(?:\.([0-9]+))?", "".join(normal))
    if match is None:
        raise _not_a_number(text)
    whole, fraction = match.group(1), match.group(2) or ""
    if not whole and not fraction:
        raise _not_a_number(text)
    if "," in whole:
        last, other = _grouping(locale)
        parts = whole.split(",")
        if (not 1 <= len(parts[0]) <= other or len(parts[-1]) != last
                or any(len(p) != other for p in parts[1:-1])):
            raise _not_a_number(text)
    number = whole.replace(",", "") or "0"
    if fraction:
        number += "." + fraction
    return Decimal(sign + number)  # only digits and one point remain: cannot fail
