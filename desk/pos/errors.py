"""Why the POS service refuses: each refusal has a stable code a till can act on, and a text."""

from __future__ import annotations

from desk.core.errors import DeskError


class PosRefusal(DeskError):
    code = "refused"


class UnknownKey(PosRefusal):
    code = "unknown_key"


class RevokedKey(PosRefusal):
    code = "revoked_key"


class RoomUnknown(PosRefusal):
    code = "room_unknown"


class NotInHouse(PosRefusal):
    code = "not_in_house"


class PostingNotAllowed(PosRefusal):
    code = "posting_not_allowed"


class TotalsDoNotAddUp(PosRefusal):
    code = "totals_do_not_add_up"


class BillAlreadyPaid(PosRefusal):
    code = "bill_already_paid"


class PaymentCodeUnknown(PosRefusal):
    code = "payment_code_unknown"


class CheckUnknown(PosRefusal):
    code = "check_unknown"


class CheckConflict(PosRefusal):
    """The same check id (or Idempotency-Key) came back with a different content."""

    code = "check_conflict"


def refusal_code(error: DeskError) -> str:
    """The code of any domain error, POS-specific or from the ledger underneath."""
    if isinstance(error, PosRefusal):
        return error.code
    name = type(error).__name__
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


class OutletNotAllowed(PosRefusal):
    """A key made for one outlet sent a check of another."""

    code = "outlet_not_allowed"


class RefundTooLarge(PosRefusal):
    """A refund of more than what is left of the check after its earlier refunds."""

    code = "refund_too_large"


class TooManyLookups(PosRefusal):
    """A key asked who stays in rooms faster than a till at work ever does."""

    code = "too_many_lookups"
