"""Appending to the trail: each entry's hash covers the one before, so a changed or removed entry
breaks every link after it (the fiscal chain's approach, with a plain hash instead of a keyed sign:
the trail proves order and wholeness; the anchors outside the database prove its tail)."""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

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

_ENTRIES = AuditEntry.__table__
_WRITTEN = [column.name for column in _ENTRIES.c if column.name != "id"]
_NEW_ENTRY = insert(AuditEntry)
# The next entry, written only if the one it follows is still the trail's last: what this process last
# appended is remembered, and another process that appended since (or a rolled-back unit or savepoint
# that took the remembered entry away, or a restore) makes this insert nothing. "Last" as the greatest
# seq, which the unique index on seq answers from its end (see desk.ledger.chain._next_links).
_NEXT_ENTRY = insert(AuditEntry).from_select(
    _WRITTEN,
    select(*(bindparam(name, type_=_ENTRIES.c[name].type) for name in _WRITTEN))
    .where(exists().where(_ENTRIES.c.seq == bindparam("after", type_=_ENTRIES.c.seq.type),
                          _ENTRIES.c.hash == bindparam("prev_hash")),
           select(func.max(_ENTRIES.c.seq)).scalar_subquery() == bindparam("after")),
).execution_options(preserve_rowcount=True)  # how many rows it wrote, which an INSERT does not tell otherwise
# The last entry each database's pool appended in this process: a guess, checked by _NEXT_ENTRY.
_last_entries: weakref.WeakKeyDictionary[Pool, tuple[int, str]] = weakref.WeakKeyDictionary()


def link_hash(prev_hash: str, content_bytes: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + content_bytes).hexdigest()


def last_link(session: Session) -> tuple[int, str]:
    """(seq, hash) of the last entry, (0, GENESIS) when there is none."""
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


def append(session: Session, *, kind: str, username: str, workstation: str, at: datetime, summary: str,
           subject: str = "", authorised_by: str | None = None, folio_id: int | None = None,
           reservation_id: int | None = None, detail: Mapping[str, Any] | None = None) -> tuple[int, str]:
    """Add one entry after the chain's last, in the caller's unit of work; the entry's (seq, hash)."""
    # Taken before the last entry is read: a second desk waits here until this unit commits, then reads
    # this entry as the last one (READ COMMITTED reads anew at each statement). SQLite has no row
    # locks: its writing unit has held the whole file since it began, and the statement would only read.
    if locks_rows(session):
        session.execute(_LOCK_HEAD).first()
    connection = session.connection()
    pool = connection.engine.pool
    fields: dict[str, Any] = {
        "kind": kind, "username": username, "workstation": workstation, "at": at, "summary": summary,
        "subject": subject, "authorised_by": authorised_by, "folio_id": folio_id, "reservation_id": reservation_id,
        "detail": detail}
    remembered = _last_entries.get(pool)
    if remembered is not None:
        row = _entry(*remembered, **fields)
        if connection.execute(_NEXT_ENTRY, {**row, "after": remembered[0]}).rowcount == 1:
            _last_entries[pool] = (row["seq"], row["hash"])
            return row["seq"], row["hash"]
    # None remembered, or it is no longer the last: where the trail ends is read.
    row = _entry(*last_link(session), **fields)
    connection.execute(_NEW_ENTRY, row)
    _last_entries[pool] = (row["seq"], row["hash"])
    return row["seq"], row["hash"]


def _entry(after: int, prev_hash: str, *, kind: str, username: str, workstation: str, at: datetime, summary: str,
           subject: str, authorised_by: str | None, folio_id: int | None, reservation_id: int | None,
           detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """The row of the entry after (``after``, ``prev_hash``)."""
    content = {
        "seq": after + 1, "at": at.isoformat(), "kind": kind, "username": username[:NAME_LENGTH],
        "workstation": workstation[:NAME_LENGTH],
        "authorised_by": authorised_by[:NAME_LENGTH] if authorised_by is not None else None,
        "folio_id": folio_id, "reservation_id": reservation_id, "subject": subject[:SUBJECT_LENGTH],
        "summary": summary[:SUMMARY_LENGTH], "detail": dict(detail or {}),
    }
    data = canonical(content)
    return {"at": at, "content": data.decode("utf-8"), "prev_hash": prev_hash, "hash": link_hash(prev_hash, data),
            **{name: content[name] for name in COLUMNS}}
