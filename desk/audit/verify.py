"""Checking the trail: every link, every column against what was hashed, and the anchors kept outside.

A changed entry no longer hashes to its ``hash`` (or its columns differ from its content); a removed
one leaves a gap in ``seq`` or a link that does not follow; a removed and re-hashed tail no longer
holds the anchor a night audit wrote. Each is named: which entry, of when, and what broke.

A manager's confirmed restore of a backup older than an anchor loses the entries after the backup:
the restore's own entry (hashed in the chain) names the anchors it supersedes, and verify reports
those entries as a known gap (which, lost by which restore, confirmed by whom) instead of a break.
Any other anchor, or one whose hash the restore did not name, is checked as ever.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.audit.anchors import TrailAnchor
from desk.audit.chain import COLUMNS, GENESIS, link_hash
from desk.audit.models import AuditEntry, AuditKind
from desk.core.canonical import canonical
from desk.core.errors import N_, Finding


@dataclass(frozen=True)
class KnownGap:
    """Entries a manager's confirmed restore of an older backup lost: named by the restore's own entry."""

    first: int
    last: int
    business_date: str  # of the night audit that anchored ``last``
    restored_at: str  # ISO 8601, the restore's entry
    confirmed_by: str

    def describe(self) -> str:
        return (f"entries {self.first} to {self.last} lost by the restore of {self.restored_at[:10]} confirmed by "
                f"{self.confirmed_by} (anchored by the night audit of {self.business_date})")


@dataclass(frozen=True)
class TrailReport:
    entries: int
    anchors_held: int = 0
    broken_at: int | None = None  # the seq of the first entry that does not hold
    entry_id: int | None = None  # its row id, when the row is there
    when: str = ""  # its time, or the time of the entry around a gap
    reason: str = ""  # a Finding
    known_gaps: tuple[KnownGap, ...] = ()

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    def describe(self) -> str:
        if self.intact:
            return (f"{self.entries} entries, chain intact" + (f", {self.anchors_held} anchors held"
                                                                if self.anchors_held else "")
                    + "".join(f"; {gap.describe()}" for gap in self.known_gaps))
        if self.entry_id is not None:
            return Finding(N_("BROKEN at entry {entry} (id {id}) of {when}: {reason}"), entry=self.broken_at,
                           id=self.entry_id, when=self.when, reason=self.reason)
        return Finding(N_("BROKEN at entry {entry} of {when}: {reason}"), entry=self.broken_at, when=self.when,
                       reason=self.reason)


def verify(session: Session, anchors: Sequence[TrailAnchor] = ()) -> TrailReport:
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq, AuditEntry.id)).all()
    prev_hash = GENESIS
    prev_at = ""
    for expected, row in enumerate(rows, start=1):
        when = row.at.isoformat()
        if row.seq != expected:
            missing = (Finding(N_("entry {entry}"), entry=expected) if row.seq == expected + 1
                       else Finding(N_("entries {first} to {last}"), first=expected, last=row.seq - 1))
            return TrailReport(len(rows), 0, expected, None, prev_at or when,
                               Finding(N_("{missing} removed (between the entry of {before} and entry {entry} of "
                                          "{when})"), missing=missing, before=prev_at or Finding(N_("the start")),
                                       entry=row.seq, when=when))
        problem = _link_problem(row, prev_hash)
        if problem:
            return TrailReport(len(rows), 0, row.seq, row.id, when, problem)
        prev_hash, prev_at = row.hash, when
    hashes = {row.seq: row for row in rows}
    lost = _lost_by_restores(rows)
    gaps: list[KnownGap] = []
    held = 0
    for anchor in sorted(anchors, key=lambda a: a.seq):
        gap = lost.get((anchor.seq, anchor.hash))
        if gap is not None:
            if gap not in gaps:
                gaps.append(gap)
            continue
        held += 1
        anchored = hashes.get(anchor.seq)
        if anchored is None:
            first = len(rows) + 1
            return TrailReport(len(rows), 0, first, None, anchor.at,
                               Finding(N_("entries {first} to {last} removed: the anchor of the night audit of "
                                          "{date} names entry {last} of {when}"),
                                       first=first, last=anchor.seq, date=anchor.business_date, when=anchor.at))
        if not hmac.compare_digest(anchored.hash, anchor.hash):
            return TrailReport(len(rows), 0, anchor.seq, anchored.id, anchored.at.isoformat(),
                               Finding(N_("it is not the entry the anchor of the night audit of {date} names (hash "
                                          "{anchored}..., here {here}...): the trail was written again from there"),
                                       date=anchor.business_date, anchored=anchor.hash[:16],
                                       here=anchored.hash[:16]))
    return TrailReport(len(rows), held, known_gaps=tuple(gaps))


def lost_by_restores(session: Session) -> dict[tuple[int, str], KnownGap]:
    """Each anchor (seq, hash) a confirmed restore recorded in the trail supersedes, with its gap."""
    return _lost_by_restores(session.scalars(select(AuditEntry).where(AuditEntry.kind == AuditKind.SETTING)
                                             .order_by(AuditEntry.seq)).all())


def _lost_by_restores(rows: Sequence[AuditEntry]) -> dict[tuple[int, str], KnownGap]:
    lost: dict[tuple[int, str], KnownGap] = {}
    for row in rows:
        if row.kind != AuditKind.SETTING or "restore_loss" not in row.content:
            continue
        try:
            loss = json.loads(row.content)["detail"]["restore_loss"]
            gap = KnownGap(int(loss["first"]), int(loss["last"]), str(loss["business_date"]), row.at.isoformat(),
                           str(loss["confirmed_by"]))
            named = [(int(a["seq"]), str(a["hash"])) for a in loss["anchors"]]
        except (ValueError, KeyError, TypeError):
            continue  # not a restore's record: its anchors stay anchors
        # A restore can only have lost entries from where it stands on: an anchor before it is no loss of it.
        lost.update({key: gap for key in named if key[0] >= row.seq})
    return lost


def _link_problem(row: AuditEntry, prev_hash: str) -> str:
    if row.prev_hash != prev_hash:
        return Finding(N_("it does not follow the entry before it (an entry was removed or changed before it)"))
    try:
        content = json.loads(row.content)
    except ValueError:
        return Finding(N_("its content is not readable"))
    if not isinstance(content, dict):
        return Finding(N_("its content is not readable"))
    for name in COLUMNS:
        value = getattr(row, name)
        if content.get(name) != value:
            return Finding(N_("its {column} was changed ({value}, recorded as {recorded})"), column=name,
                           value=repr(value), recorded=repr(content.get(name)))
    try:
        recorded_at = datetime.fromisoformat(str(content.get("at")))
    except ValueError:
        return Finding(N_("its time is not readable"))
    if recorded_at != row.at:
        return Finding(N_("its time was changed ({value}, recorded as {recorded})"), value=row.at.isoformat(),
                       recorded=str(content.get("at")))
    data = canonical(content)
    if not hmac.compare_digest(link_hash(prev_hash, data), row.hash):
        return Finding(N_("its hash does not match its content (the entry was changed)"))
    if data.decode("utf-8") != row.content:
        return Finding(N_("its content was rewritten"))
    return ""
