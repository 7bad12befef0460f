"""The trail's anchors outside the database: its last link as each night audit left it, and the ledger's
chain's last link beside it (desk.ledger.chain), so a ledger whose last rows were removed and its tail
chained again is found as a trail's would be.

A chain shows that no entry was changed or removed between two others; it cannot show that the last
ones were not removed and the tail hashed again. Each night audit therefore appends the trail's last
(seq, hash) as one JSON line to ``trail.anchors.jsonl`` in the anchor folder (``DESK_AUDIT_ANCHOR_DIR``,
by default ``audit-anchors`` in the user's data folder; point it at a share or a medium the database's
users cannot write), as the fiscal Z report anchors its register (desk.fiscal.anchors).
``desk audit verify`` checks the trail against those lines.
"""

from __future__ import annotations

import errno
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.audit.models import AuditEntry
from desk.core.errors import N_, DeskError, Phrase
from desk.core.key_files import configured_path, data_folder
from desk.ledger.models import LedgerAnchor
from desk.ledger.models import last_link as ledger_last_link

logger = logging.getLogger(__name__)
ANCHOR_DIR_ENV = "DESK_AUDIT_ANCHOR_DIR"


class TrailAnchorNotWritten(DeskError):
    """The trail's anchor could not be appended to the anchor file (the night audit itself is done)."""


@dataclass(frozen=True)
class TrailAnchor:
    seq: int
    hash: str
    at: str  # ISO 8601: when the anchored entry was written
    business_date: str  # the day whose night audit left it
    # The ledger's chain's last link at the same moment (desk.ledger.chain); None in lines written before it.
    ledger_seq: int | None = None
    ledger_hash: str | None = None

    def ledger_anchor(self) -> LedgerAnchor | None:
        if self.ledger_seq is None or self.ledger_hash is None:
            return None
        return LedgerAnchor(self.ledger_seq, self.ledger_hash, self.business_date)


# What kept the anchor from being written, by the OS's error number (the reader's words, translated by ui/).
FAILURES = {
    errno.EACCES: N_("no permission to write there"),
    errno.EPERM: N_("no permission to write there"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EEXIST: N_("a file is in the way of the folder"),
    errno.ENOTDIR: N_("a file is in the way of the folder"),
    errno.EISDIR: N_("a folder is in the way of the file"),
    errno.ENOENT: N_("the folder cannot be found"),
    errno.EIO: N_("the disk reported an error"),
}
UNREADABLE = N_("the anchor file holds a line that is not an anchor")
OTHER_FAILURE = N_("the system refused it (the log says why)")


def anchor_failure(exc: BaseException) -> Phrase:
    if isinstance(exc, OSError):
        return Phrase(FAILURES.get(exc.errno or 0, OTHER_FAILURE))
    return Phrase(UNREADABLE)


def anchor_file() -> Path:
    return configured_path(ANCHOR_DIR_ENV, data_folder() / "audit-anchors") / "trail.anchors.jsonl"


def read_anchors(path: Path | str) -> list[TrailAnchor]:
    """Every anchor of a file; a line that is not one is refused, since an anchor file is evidence."""
    anchors = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            ledger_seq = data.get("ledger_seq")
            anchors.append(TrailAnchor(int(data["seq"]), str(data["hash"]), str(data["at"]),
                                       str(data.get("business_date", "")),
                                       int(ledger_seq) if ledger_seq is not None else None,
                                       str(data["ledger_hash"]) if ledger_seq is not None else None))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}, line {number}: not an anchor ({exc})") from None
    return anchors


def write_anchor(session: Session, business_date: str) -> TrailAnchor | None:
    """Append the trail's last link to the anchor file (once: the same link again adds nothing)."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    if last is None:
        return None
    ledger_seq, ledger_hash = ledger_last_link(session)
    anchor = TrailAnchor(last.seq, last.hash, last.at.isoformat(), business_date,
                         ledger_seq if ledger_seq else None, ledger_hash if ledger_seq else None)
    path = anchor_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and any(kept == anchor for kept in read_anchors(path)):
            return anchor
        # One at this seq that differs stays as it is, for verify to name (or a restore's entry to explain).
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({k: v for k, v in asdict(anchor).items() if v is not None}, sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
    except (OSError, ValueError) as exc:
        # The OS's own words are English whatever the reader's language: the log keeps them, the
        # message names the kind of failure in words the desk translates.
        logger.warning("audit trail anchor not written to %s: %s", path, exc)
        reason = anchor_failure(exc)
        raise TrailAnchorNotWritten(
            "The night audit is done, but the audit trail's anchor could not be written to {path} ({reason}): "
            "fix the anchor folder and run “desk audit anchor”", path=str(path), reason=reason) from None
    return anchor
