"""The record of administrators' changes: one row per change, who and where and when.

Every administration use case (people, the catalogue, rates...) adds its row here in its own unit
of work, so the record and the change commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.types import utcnow
from desk.db.audit_notes import attach_detail
from desk.people.auth import Actor
from desk.people.models import AdminChange

SUMMARY_LENGTH = 400


def record_change(session: Session, by: Actor, kind: str, code: str, summary: str,
                  detail: Mapping[str, Any] | None = None) -> None:
    """Part of the use case that made the change (which checked the right): not one of its own.
    ``detail`` goes into the change's trail entry, hashed with it, for what verify must read back."""
    change = AdminChange(changed_at=utcnow(), username=by.username, workstation=by.workstation,
                         kind=kind, code=code[:40], summary=summary[:SUMMARY_LENGTH])
    session.add(change)
    if detail:
        attach_detail(session, change, detail)


def changes_of(session: Session, kind: str, code: str | None = None) -> list[AdminChange]:
    """The changes of one kind (of one record when ``code`` is given), oldest first."""
    statement = select(AdminChange).where(AdminChange.kind == kind)
    if code is not None:
        statement = statement.where(AdminChange.code == code)
    return list(session.scalars(statement.order_by(AdminChange.id)))
