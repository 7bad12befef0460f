"""What a unit of work tells the audit trail beside the rows it writes: who acts in it, and the
events that leave no row of their own (a sign-in, a failed one, a lock, a manager's approval).

The trail (desk.audit) sits above the features whose events it records, so they cannot call it:
they leave a note on the session here, and the trail, listening to every commit, turns the notes
and the unit's rows into entries before the unit commits. A unit that rolls back takes its notes
with it, as it takes its rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

_ACTOR_KEY = "desk.db.audit_notes.actor"
_NOTES_KEY = "desk.db.audit_notes.notes"
_DETAILS_KEY = "desk.db.audit_notes.details"


class Acting(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def workstation(self) -> str: ...


@dataclass(frozen=True)
class AuditNote:
    """One event for the trail, in the words of the feature it happened in."""

    kind: str
    username: str
    workstation: str
    summary: str
    subject: str = ""
    authorised_by: str | None = None
    folio_id: int | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


def act_as(session: Session, who: Acting) -> None:
    """Who the unit's rows are recorded for (the runner says so before the use case runs)."""
    session.info[_ACTOR_KEY] = who


def acting(session: Session) -> Acting | None:
    actor = session.info.get(_ACTOR_KEY)
    return actor if actor is not None else None


def note(session: Session, event: AuditNote) -> None:
    session.info.setdefault(_NOTES_KEY, []).append(event)


def take_notes(session: Session) -> list[AuditNote]:
    notes: list[AuditNote] = session.info.pop(_NOTES_KEY, [])
    return notes


def forget_notes(session: Session) -> None:
    session.info.pop(_NOTES_KEY, None)
    session.info.pop(_DETAILS_KEY, None)


def attach_detail(session: Session, record: object, detail: Mapping[str, Any]) -> None:
    """What the trail's entry for ``record`` must carry beyond the row itself (hashed with the entry)."""
    session.info.setdefault(_DETAILS_KEY, {})[id(record)] = (record, dict(detail))


def attached_detail(session: Session, record: object) -> dict[str, Any]:
    kept = session.info.get(_DETAILS_KEY, {}).get(id(record))
    return kept[1] if kept is not None and kept[0] is record else {}
