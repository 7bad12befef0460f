"""Domain errors: each carries a message a clerk can read."""

from __future__ import annotations


class DeskError(Exception):
    """A refused operation; nothing was written."""

    field: str | None = None

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        if field is not None:
            self.field = field

    @property
    def message(self) -> str:
        return str(self.args[0])


class InvalidAmount(DeskError):
    field = "amount"


class UnknownCurrency(DeskError):
    field = "currency"

    def __init__(self, currency: object) -> None:
        super().__init__(f"Unknown currency {currency!r}")


class CurrencyMismatch(DeskError):
    field = "currency"

    def __init__(self, left: str, right: str) -> None:
        super().__init__(f"Cannot combine {left} with {right}")


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


class WouldOverpay(DeskError):
    """A payment larger than what the bill owes, not confirmed as an overpayment."""

    field = "amount"

    def __init__(self, message: str, *, owed: object, overpaid: object) -> None:
        super().__init__(message)
        self.owed = owed
        self.overpaid = overpaid
