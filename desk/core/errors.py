"""Domain errors: each carries a message a clerk can read, and what ui/ needs to translate it.

A refusal is raised with an English template holding named placeholders and the values for them::

    raise InvalidInput("Bill {bill} owes only {balance}", field="amount", bill="000123", balance=money)

``.message`` (and ``str()``) is the English text; ``.template`` is the translation key and
``.params`` the values, which ui/ formats in the clerk's locale (Money, dates and numbers). A
template is always a literal at the raise site (or marked with :func:`N_` where it is chosen
away from it), so a script can collect every template into ui/'s catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


def N_(template: str) -> str:
    """Marks a message template that is picked away from its raise, for the catalogue script."""
    return template


class Phrase(str):
    """A word inside a message that is itself translated (a role, an action), marked with N_."""


class Finding(str):
    """What a check found (a broken link of a chain, a row changed behind the desk): it reads as its English
    sentence, for the audit trail's record and the command line, and keeps its template (marked with N_: its
    kind) and the ids and numbers in it, so that ui/ says it in the clerk's language. A parameter may be a
    Finding itself (the row a link names)."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, **params: object) -> Finding:
        found = super().__new__(cls, render(template, params))
        found.template = template
        found.params = params
        return found


def english(value: object) -> str:
    """A parameter as the English message shows it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and value and all(isinstance(item, Finding) for item in value):
        return "; ".join(value)  # findings are sentences, commas and all
    if isinstance(value, list):
        return ", ".join(english(item) for item in value)
    if isinstance(value, tuple):
        return ": ".join(english(item) for item in value)
    return str(value)


def render(template: str, params: Mapping[str, object], convert: Any = english) -> str:
    """``template`` with each ``{name}`` replaced by ``convert(params[name])``."""
    return template.format_map({name: convert(value) for name, value in params.items()})


class DeskError(Exception):
    """A refused operation; nothing was written."""

    field: str | None = None

    def __init__(self, template: str, *, field: str | None = None, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        super().__init__(render(template, params))
        if field is not None:
            self.field = field

    @property
    def code(self) -> str:
        """The kind of refusal, stable across languages (``InvalidInput``, ``NotFound``...)."""
        return type(self).__name__

    @property
    def message(self) -> str:
        return str(self.args[0])


class InvalidAmount(DeskError):
    field = "amount"


class UnknownCurrency(DeskError):
    field = "currency"

    def __init__(self, currency: object) -> None:
        super().__init__("Unknown currency “{currency}”", currency=str(currency))


class CurrencyMismatch(DeskError):
    field = "currency"

    def __init__(self, left: str, right: str) -> None:
        super().__init__("Cannot combine {left} with {right}", left=left, right=right)


class NotFound(DeskError):
    pass


class InvalidInput(DeskError):
    pass


class ClosedForPosting(DeskError):
    pass


class RefundTooLarge(DeskError):
    field = "amount"


class BillNotSettled(DeskError):
    pass


class AlreadyReversed(DeskError):
    pass


class NotAuthorised(DeskError):
    pass


class InvalidTransition(DeskError):
    pass


class LedgerImmutable(DeskError):
    """A ledger record was about to be changed or deleted in place."""


class DatabaseProblem(DeskError):
    """The database failed underneath an operation (gone, full, damaged): said plainly, with what to do."""


class ConcurrentChange(DeskError):
    """Another workstation kept changing the same records; the operation was not done."""


class WouldOverpay(DeskError):
    """A payment larger than what the bill owes, not confirmed as an overpayment."""

    field = "amount"

    def __init__(self, template: str, *, owed: object, overpaid: object, field: str | None = None,
                 **params: object) -> None:
        super().__init__(template, field=field, owed=owed, overpaid=overpaid, **params)
        self.owed = owed
        self.overpaid = overpaid
