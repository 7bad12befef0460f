"""Appending to the audit trail after the entry this process remembers writing, on SQLite and PostgreSQL:
one statement instead of two, which the database itself refuses unless that entry is still the last;
another process's entries, a rolled-back unit or savepoint make the desk read where the trail ends."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from desk.audit import chain
from desk.audit.models import AuditEntry
from desk.audit.verify import verify
from desk.core.types import utcnow
from desk.db.engine import Database

from .conftest import Hotel


def _append(session: Session, summary: str) -> tuple[int, str]:
    return chain.append(session, kind="setting", username="anna", workstation="DESK-1", at=utcnow(), summary=summary)


def _written(database: Database, summary: str) -> list[str]:
    """The statements of a unit that appends one entry."""
    seen: list[str] = []

    def keep(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        with database.writing() as session:
            _append(session, summary)
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)
    return [statement for statement in seen if "audit_entry" in statement]


def _reads_the_end(statements: list[str]) -> bool:
    return any(statement.startswith("SELECT audit_entry.seq, audit_entry.hash") for statement in statements)


def _intact(hotel: Hotel) -> int:
    with hotel.database.unit_of_work() as session:
        report = verify(session)
        assert report.intact, report.describe()
        return report.entries


def test_an_append_after_the_remembered_entry_is_one_statement(hotel: Hotel):
    fresh = Database(hotel.database.url)  # a process that remembers nothing yet
    try:
        first = _written(fresh, "first")
        second = _written(fresh, "second")
    finally:
        fresh.dispose()
    assert _reads_the_end(first) and len(first) == 2
    assert not _reads_the_end(second) and len(second) == 1
    assert second[0].startswith("INSERT INTO audit_entry")
    _intact(hotel)


def test_two_processes_appending_in_turn_read_the_end_only_after_the_other_wrote(hotel: Hotel):
    other = Database(hotel.database.url)  # another desk, its own process: its own remembered entry
    try:
        reads = [_reads_the_end(_written(database, f"turn {turn}"))
                 for turn, database in enumerate((hotel.database, other, other, hotel.database, hotel.database,
                                                  other))]
    finally:
        other.dispose()
    assert reads[1:] == [True, False, True, False, True]  # the first: whatever the set-up left remembered
    entries = _intact(hotel)
    with hotel.database.unit_of_work() as session:
        last = session.scalars(select(AuditEntry.summary).order_by(AuditEntry.seq.desc()).limit(6)).all()
    assert list(reversed(last)) == [f"turn {turn}" for turn in range(6)] and entries >= 6


@pytest.mark.parametrize("how", ["savepoint", "unit"])
def test_an_entry_taken_back_by_a_rollback_is_never_followed(hotel: Hotel, how: str):
    """The process remembers an entry its savepoint or unit then rolled back: the next entry's own check
    finds it missing, the desk reads the real end, and the trail holds."""
    with hotel.database.writing() as session:
        kept = _append(session, "kept")
    if how == "savepoint":
        with hotel.database.writing() as session:
            with session.begin_nested() as savepoint:
                lost = _append(session, "taken back")
                savepoint.rollback()
            after = _append(session, "after the savepoint")
    else:
        with pytest.raises(LookupError, match="taken back on purpose"), hotel.database.writing() as session:
            lost = _append(session, "taken back")
            raise LookupError("taken back on purpose")
        with hotel.database.writing() as session:
            after = _append(session, "after the unit")
    assert lost[0] == kept[0] + 1 and chain._last_entries[hotel.database.engine.pool] == after
    assert after[0] == kept[0] + 1 and after[1] != lost[1]
    with hotel.database.unit_of_work() as session:
        assert session.scalar(select(AuditEntry.prev_hash).where(AuditEntry.seq == after[0])) == kept[1]
    _intact(hotel)
