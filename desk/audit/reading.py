"""What the trail's viewer shows: entries by date, user, workstation, kind and folio, newest first,
each with the reservation whose card it opens (a payment's, a void's folio's)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.audit.models import AuditEntry, AuditKind
from desk.core.errors import InvalidInput
from desk.hotel.models import PaymentMethod
from desk.hotel.names import load_names
from desk.ledger.models import Folio
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.models import Reservation

MOST_SHOWN = 2000  # a day of a busy hotel; a narrower filter finds older ones


@dataclass(frozen=True)
class TrailFilter:
    """Empty fields filter nothing; ``since`` included, ``until`` not (the desk gives its local days' bounds)."""

    since: datetime | None = None
    until: datetime | None = None
    username: str = ""
    workstation: str = ""
    kind: str = ""
    folio_id: int | None = None


@dataclass(frozen=True)
class TrailLine:
    seq: int
    at: datetime
    kind: str
    username: str
    workstation: str
    authorised_by: str | None
    subject: str
    summary: str
    folio_id: int | None
    reservation_id: int | None  # the card an entry opens
    reservation_number: str | None
    detail: dict[str, Any]  # what the entry recorded, for the viewer to say in the reader's language


@dataclass(frozen=True)
class TrailPage:
    lines: list[TrailLine]
    more: bool  # more entries match than are shown
    users: list[str]
    workstations: list[str]
    # Payment methods' names in the reader's language: an entry records the method's code.
    method_names: dict[str, str] = field(default_factory=dict)


def read_trail(session: Session, actor: Actor, wanted: TrailFilter, *, language: str = "en") -> TrailPage:
    """The entries that match, newest first (at most MOST_SHOWN), and the names to filter by."""
    require(actor, Right.READ_AUDIT_TRAIL)
    if wanted.kind and wanted.kind not in {kind.value for kind in AuditKind}:
        raise InvalidInput("There is no kind of entry “{kind}”", field="kind", kind=wanted.kind)
    if wanted.since is not None and wanted.until is not None and wanted.since >= wanted.until:
        raise InvalidInput("The first day is after the last", field="since")
    query = (select(AuditEntry, Reservation.id, Reservation.number)
             .outerjoin(Folio, Folio.id == AuditEntry.folio_id)
             .outerjoin(Reservation, Reservation.id == Folio.reservation_id))
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEntry.at < wanted.until)
    if wanted.username:
        query = query.where(AuditEntry.username == wanted.username)
    if wanted.workstation:
        query = query.where(AuditEntry.workstation == wanted.workstation)
    if wanted.kind:
        query = query.where(AuditEntry.kind == wanted.kind)
    if wanted.folio_id is not None:
        query = query.where(AuditEntry.folio_id == wanted.folio_id)
    rows = session.execute(query.order_by(AuditEntry.seq.desc()).limit(MOST_SHOWN + 1)).all()
    lines = [TrailLine(entry.seq, entry.at, entry.kind, entry.username, entry.workstation, entry.authorised_by,
                       entry.subject, entry.summary, entry.folio_id, reservation_id, number,
                       _detail(entry.content))
             for entry, reservation_id, number in rows[:MOST_SHOWN]]
    users = list(session.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username)))
    workstations = list(session.scalars(select(AuditEntry.workstation).distinct().order_by(AuditEntry.workstation)))
    names = load_names(session, language)
    method_names = {method.code: names.method(method) for method in session.scalars(select(PaymentMethod))}
    return TrailPage(lines, len(rows) > MOST_SHOWN, users, workstations, method_names)


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """The moments a filter from ``first`` to ``last`` (local calendar days, both included) runs between."""
    since = datetime.combine(first, time()).astimezone() if first is not None else None
    until = datetime.combine(last + timedelta(days=1), time()).astimezone() if last is not None else None
    return since, until


def _detail(content: str) -> dict[str, Any]:
    try:
        detail = json.loads(content).get("detail", {})
    except (ValueError, AttributeError):
        return {}  # an unreadable entry is shown by its summary; desk audit verify names it
    return detail if isinstance(detail, dict) else {}
