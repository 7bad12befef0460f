"""What desk/ says, in the clerk's language: its refusals and the texts it writes on the ledger.

desk/ raises errors with an English template and parameters, and writes ledger texts from
templates of its own (``desk.ledger.texts``). Both are translated here from Qt's catalogue (contexts
``DeskError`` and ``DeskText``, collected into ``ui/desk_messages.py`` by
``packaging/desk_messages.py``) and filled with the parameters formatted in the locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desk.core.errors import DeskError, Finding, Phrase, render
from desk.core.money import Money
from desk.db.problems import database_problem
from desk.hotel.names import Names
from desk.ledger.folios import PaymentLine
from desk.ledger.models import Payment, Posting
from desk.ledger.texts import LedgerText, card_reference, fill, payment_text, posting_text
from ui.i18n import format_amount, format_date, format_money

__all__ = ["card_reference_text", "error_text", "format_param", "ledger_text", "payment_reference",
           "posting_description", "translate_message"]

ERROR_CONTEXT = "DeskError"
TEXT_CONTEXT = "DeskText"


def format_param(value: object) -> str:
    """A parameter of a desk message as the rest of the GUI writes it in this locale."""
    if isinstance(value, Finding):
        return translate_message(ERROR_CONTEXT, value.template, value.params)
    if isinstance(value, Phrase):
        return QCoreApplication.translate(ERROR_CONTEXT, value)
    if isinstance(value, Money):
        return format_money(value.amount, value.currency)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_amount(Decimal(value), 0) if abs(value) >= 10000 else str(value)
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        return format_amount(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    if isinstance(value, list) and value and all(isinstance(item, Finding) for item in value):
        return "; ".join(format_param(item) for item in value)
    if isinstance(value, list):
        return ", ".join(format_param(item) for item in value)
    if isinstance(value, tuple):
        return ": ".join(format_param(item) for item in value)
    return str(value)


def translate_message(context: str, template: str, params: Mapping[str, object]) -> str:
    translated = QCoreApplication.translate(context, template)
    try:
        return render(translated, params, format_param)
    except (KeyError, IndexError, ValueError):
        # A translation that names a placeholder the template lacks: better English than nothing.
        return render(template, params, format_param)


def error_text(exc: BaseException) -> str:
    """``exc``'s message for the clerk: a desk refusal translated, a database failure as desk explains it
    (never the driver's words), anything else as it is."""
    if isinstance(exc, DeskError):
        return translate_message(ERROR_CONTEXT, exc.template, exc.params)
    problem = database_problem(exc)
    if problem is not None:
        return translate_message(ERROR_CONTEXT, problem.template, problem.params)
    return str(exc)


def ledger_text(text: LedgerText) -> str:
    """A text the desk writes on the ledger, nested parts and all, in the clerk's language."""
    return fill(text, lambda template, params: translate_message(TEXT_CONTEXT, template, params))


def card_reference_text(answer: Mapping[str, object]) -> str:
    """The terminal's reference of an operation it answered (brand, receipt, trace, authorisation)."""
    return ledger_text(card_reference(answer))


def payment_reference(payment: Payment | PaymentLine, known: Mapping[int, Payment] | None = None,
                      names: Names | None = None) -> str:
    """A payment's text: translated when the desk wrote it, the clerk's own words otherwise.

    A text naming another payment ("Refund of payment 33") names it by what the clerk can see of it
    in ``known`` (its date, method and amount), never by the database's id.
    """
    if isinstance(payment, PaymentLine):
        payment = payment.payment
    desk_text = payment_text(payment)
    if desk_text is None:
        return payment.text
    return ledger_text(_naming_the_payment(desk_text, known or {}, names or Names()))


def _naming_the_payment(text: LedgerText, known: Mapping[int, Payment], names: Names) -> LedgerText:
    ref = text.params.get("payment")
    original = known.get(int(ref)) if isinstance(ref, str) and ref.isdigit() else None
    if original is None:
        return text
    described = QCoreApplication.translate("PaymentReference", "of {date} ({method}, {amount})").format(
        date=format_date(original.paid_on), method=names.method(original.method),
        amount=format_money(original.amount.amount, original.amount.currency))
    return LedgerText(text.template, {**text.params, "payment": described})


def posting_description(posting: Posting, names: Names) -> str:
    """A posting's description: the desk's own texts translated, catalogue and POS names in
    the clerk's language (``names``), a clerk's text as typed."""
    desk_text = posting_text(posting)
    if desk_text is not None:
        return ledger_text(desk_text)
    return names.posting(posting)
