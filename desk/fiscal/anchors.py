"""The chain's anchors outside the database: what every Z report fixed, kept where the database is not.

A chain proves that no document was changed between two others; it cannot prove that the last
ones were not deleted, nor that the whole chain was not signed again with another key. Each Z
report therefore appends its anchor (register, number, sign, time and the key's fingerprint) as
one JSON line to ``<register>.anchors.jsonl`` in the anchor folder (``DESK_FISCAL_ANCHOR_DIR``,
by default ``fiscal-anchors`` in the user's data folder; point it at a share or a medium the
database's users cannot write), and prints it on the Z. ``desk fiscal verify --anchor FILE``
checks the chain against those lines (desk.fiscal.chain.verify).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from desk.core.key_files import configured_path, data_folder
from desk.fiscal import keys
from desk.fiscal.errors import FiscalAnchorNotWritten
from desk.fiscal.interface import Document

ANCHOR_DIR_ENV = "DESK_FISCAL_ANCHOR_DIR"


@dataclass(frozen=True)
class Anchor:
    register: str
    number: int
    sign: str
    issued_at: str  # ISO 8601, as signed in the document
    key_id: str  # the fingerprint of the key that signed it (desk.core.key_files.key_id)


def anchor_folder() -> Path:
    return configured_path(ANCHOR_DIR_ENV, data_folder() / "fiscal-anchors")


def anchor_file(register_code: str) -> Path:
    return anchor_folder() / f"{re.sub(r'[^A-Za-z0-9_-]', '_', register_code)}.anchors.jsonl"


def anchor_of(document: Document) -> Anchor:
    secret = keys.existing_key(document.register)
    return Anchor(document.register, document.number, document.sign, document.content["issued_at"],
                  keys.fingerprint(secret) if secret is not None else "")


def read_anchors(path: Path | str) -> list[Anchor]:
    """Every anchor of a file; a line that is not one is refused, since an anchor file is evidence."""
    anchors = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            anchors.append(Anchor(str(data["register"]), int(data["number"]), str(data["sign"]),
                                  str(data["issued_at"]), str(data.get("key_id", ""))))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}, line {number}: not an anchor ({exc})") from None
    return anchors


def write_anchor(document: Document) -> Path:
    """Append the document's anchor to its register's anchor file, once (a reprint adds nothing)."""
    path = anchor_file(document.register)
    try:
        anchor = anchor_of(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = next((a for a in read_anchors(path) if a.number == anchor.number), None) if path.exists() else None
        if kept is not None:
            if kept.sign != anchor.sign:  # the chain is no longer the one the file anchored: evidence, not a repeat
                raise ValueError(f"it names document {anchor.number:07d} with another sign already; run "
                                 "desk fiscal verify --anchor with it")
            return path
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(anchor), sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise FiscalAnchorNotWritten(
            "The anchor of document {number} could not be written to {path} ({reason}): fix the anchor folder "
            "and print the report again", number=f"{document.number:07d}", path=str(path), reason=reason) from None
    return path
