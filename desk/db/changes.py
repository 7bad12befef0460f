"""What other workstations changed: a cheap stamp of the ledger, and the folios behind a change.

Ledger rows are only inserted, so each ledger table's highest id is a complete change counter;
a reservation updated in place (check-in, check-out) is logged in ``stay_change`` by a trigger.
Every read here is a primary-key maximum or range, or a unique-index lookup: its cost does not
grow with the hotel's history.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.ledger.models import Bill, Folio, Payment, Posting, PostingMove
from desk.stays.models import StayChange


class LedgerStamp(NamedTuple):
    """The highest id of each table whose rows change what a folio shows."""

    posting: int
    payment: int
    move: int
    bill: int
    stay: int


def ledger_stamp(session: Session) -> LedgerStamp:
    """Changes whenever any workstation or the POS adds to the ledger or updates a stay."""
    row = session.execute(
        select(*(
            select(func.coalesce(func.max(column), 0)).scalar_subquery()
            for column in (Posting.id, Payment.id, PostingMove.id, Bill.id, StayChange.id)
        ))
    ).one()
    return LedgerStamp(*(int(value) for value in row))


def folios_changed_since(session: Session, since: LedgerStamp, now: LedgerStamp) -> frozenset[int]:
    """The folios with rows added (or stays updated) after ``since``, up to ``now``."""
    queries = []
    if now.posting > since.posting:
        queries.append(select(Posting.folio_id).where(Posting.id > since.posting, Posting.id <= now.posting))
    if now.payment > since.payment:
        queries.append(select(Payment.folio_id).where(Payment.id > since.payment, Payment.id <= now.payment))
    if now.bill > since.bill:
        queries.append(select(Bill.folio_id).where(Bill.id > since.bill, Bill.id <= now.bill))
    if now.move > since.move:
        queries.append(
            select(Bill.folio_id)
            .join(PostingMove, PostingMove.to_bill_id == Bill.id)
            .where(PostingMove.id > since.move, PostingMove.id <= now.move)
        )
    if now.stay > since.stay:
        queries.append(
            select(Folio.id)
            .join(StayChange, StayChange.reservation_id == Folio.reservation_id)
            .where(StayChange.id > since.stay, StayChange.id <= now.stay)
        )
    found: set[int] = set()
    for query in queries:
        found.update(session.scalars(query))
    return frozenset(found)


def poll_changes(session: Session, since: LedgerStamp | None) -> tuple[LedgerStamp, frozenset[int]]:
    """The stamp now, and the folios changed since ``since`` (none on the first poll)."""
    now = ledger_stamp(session)
    if since is None or now == since:
        return now, frozenset()
    return now, folios_changed_since(session, since, now)
