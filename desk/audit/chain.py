"""Appending to the trail: each entry's hash covers the one before, so a changed or removed entry
breaks every link after it (the fiscal chain's approach, with a plain hash instead of a keyed sign:
the trail proves order and wholeness; the anchors outside the database prove its tail)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.audit.models import AuditEntry, AuditHead
from desk.core.canonical import canonical
from desk.db.base import locks_rows

GENESIS = "0" * 64
HEAD_ROW = 1
SUMMARY_LENGTH = 400
SUBJECT_LENGTH = 80
NAME_LENGTH = 40

# The columns each entry copies from its content (what verify compares).
COLUMNS = ("seq", "kind", "username", "workstation", "authorised_by", "folio_id", "reservation_id",
           "subject", "summary")


_LOCK_HEAD = select(AuditHead.id).where(AuditHead.id == HEAD_ROW).with_for_update()


def link_hash(prev_hash: str, content_bytes: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + content_bytes).hexdigest()


def last_link(session: Session) -> tuple[int, str]:
    """(seq, hash) of the last entry, (0, GENESIS) when there is none."""
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


def append(session: Session, *, kind: str, username: str, workstation: str, at: datetime, summary: str,
           subject: str = "", authorised_by: str | None = None, folio_id: int | None = None,
           reservation_id: int | None = None, detail: Mapping[str, Any] | None = None) -> AuditEntry:
    """Add one entry after the chain's last, in the caller's unit of work."""
    # Taken before the last entry is read: a second desk waits here until this unit commits, then reads
    # this entry as the last one (READ COMMITTED reads anew at each statement). SQLite has no row
    # locks: its writing unit has held the whole file since it began, and the statement would only read.
    if locks_rows(session):
        session.execute(_LOCK_HEAD).first()
    seq, prev_hash = last_link(session)
    content = {
        "seq": seq + 1, "at": at.isoformat(), "kind": kind, "username": username[:NAME_LENGTH],
        "workstation": workstation[:NAME_LENGTH],
        "authorised_by": authorised_by[:NAME_LENGTH] if authorised_by is not None else None,
        "folio_id": folio_id, "reservation_id": reservation_id, "subject": subject[:SUBJECT_LENGTH],
        "summary": summary[:SUMMARY_LENGTH], "detail": dict(detail or {}),
    }
    data = canonical(content)
    entry = AuditEntry(at=at, content=data.decode("utf-8"), prev_hash=prev_hash, hash=link_hash(prev_hash, data),
                       **{name: content[name] for name in COLUMNS})
    session.add(entry)
    session.flush()
    return entry
