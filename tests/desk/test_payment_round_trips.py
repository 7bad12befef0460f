"""How many statements one payment's unit sends (issue 23): on PostgreSQL each is a round trip to the
server, paid by every sale, every Apply and every writer. The reads that depend only on the bill (the
Apply's key, an unresolved card payment, what the bill owes, the drawer's shift) ride on as few
statements as the locking allows; the rules still decide from what was read, in their order (their own
tests, unchanged, prove each refusal)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event

from desk.core.errors import ClosedForPosting
from desk.ledger.payments import Payment, Tender, take_payment
from desk.stays.reservations import check_out

from .conftest import Hotel, charged_stay, refused

# What each rule read in a statement of its own before (issue 23): the Apply's key, an unresolved card
# payment, what the bill owes, the drawer's shift, the audit trail's last entry.
OWN_READS = ("SELECT payment.", "SELECT journal_intent.", "SELECT bill_total.", "SELECT cash_shift.",
             "SELECT audit_entry.")


def _statements(hotel: Hotel, method: str) -> list[str]:
    """The statements of a payment's unit, the process having paid once already (what it remembers set)."""
    stay = charged_stay(hotel)
    seen: list[str] = []

    def keep(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    hotel.run(take_payment, stay.bill_id, Tender(method, hotel.money("10.00")))
    key = uuid.uuid4().hex
    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    try:
        payment = hotel.run(take_payment, stay.bill_id, Tender(method, hotel.money("20.00")), idempotency_key=key)
    finally:
        event.remove(hotel.database.engine, "before_cursor_execute", keep)
    assert isinstance(payment, Payment) and payment.idempotency_key == key
    return seen


@pytest.mark.parametrize("method", ["cash", "card"])
def test_a_payment_reads_what_its_rules_decide_from_with_the_bill(hotel: Hotel, method: str):
    statements = _statements(hotel, method)
    own = [s for s in statements if s.startswith(OWN_READS)]
    bill = [s for s in statements if s.startswith("SELECT bill.id")]
    rules = ("payment.idempotency_key", "journal_intent", "bill_total", "reservation.status")
    if hotel.database.engine.dialect.name == "sqlite":
        # The unit holds the whole file from BEGIN: all of it rides on the bill's statement.
        assert len(bill) == 1 and own == []
        assert all(read in bill[0] for read in rules)
        assert ("cash_shift" in bill[0]) is (method == "cash")
    else:
        # The bill's lock alone, then one statement once it is held (a statement that waited for the lock
        # would read the rest as it was before the wait); the drawer's shift is read locked, as before.
        lock, after_lock = bill
        assert "FOR NO KEY UPDATE" in lock and "reservation" not in lock
        assert "FOR " not in after_lock and all(read in after_lock for read in rules)
        assert [s.split(" ", 2)[1] for s in own] == (["cash_shift.id,"] if method == "cash" else [])
    assert sum(s.startswith("INSERT INTO audit_entry") for s in statements) == 1


def test_a_retry_after_the_guest_checked_out_returns_the_payment_its_first_try_recorded(hotel: Hotel):
    """The Apply's key is decided before the bill's stay is: the payment was recorded, its reply lost, the
    guest checked out at another desk; the retry is answered with the payment, not refused as closed."""
    stay = charged_stay(hotel)
    owed = hotel.view(stay.folio_id).bill(stay.bill_id).balance
    first = hotel.run(take_payment, stay.bill_id, Tender("cash", owed), idempotency_key="apply-full")
    hotel.run(check_out, stay.reservation_id)
    again = hotel.run(take_payment, stay.bill_id, Tender("cash", owed), idempotency_key="apply-full")
    assert again.id == first.id
    refused(hotel, ClosedForPosting, "Reservation {reservation} is checked out: its bills are closed",
            lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")),
                              idempotency_key="apply-other"))
