"""A cheap stamp of the ledger, so windows on every workstation notice new records."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import Bill, Payment, Posting, PostingMove, Reservation


def ledger_stamp(session: Session) -> tuple[int, ...]:
    """Changes whenever any workstation or the POS adds to the ledger or moves a stay on."""
    # Ledger rows are only inserted, so their highest ids are a complete change counter.
    row = session.execute(
        select(
            select(func.coalesce(func.max(Posting.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Payment.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(PostingMove.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Bill.id), 0)).scalar_subquery(),
            select(func.count(Reservation.checked_in_at)).scalar_subquery(),
            select(func.count(Reservation.checked_out_at)).scalar_subquery(),
        )
    ).one()
    return tuple(int(value) for value in row)
