"""``desk audit verify``: check the audit trail's chain, the ledger's chain (desk.ledger.chain) and their
anchors; ``desk audit anchor``: write the
anchor a night audit could not (its folder was unwritable)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.audit.anchors import anchor_file, read_anchors, write_anchor
from desk.audit.verify import lost_by_restores, verify
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.ledger.chain import verify_ledger


def add_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the audit trail: who did what, where and when")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    check = audit_commands.add_parser("verify", help="check every link of the trail and the ledger, and the anchors")
    check.add_argument("--anchor", metavar="FILE", action="append", default=None,
                       help="an anchor file the night audits wrote (repeat for several; default: "
                            "$DESK_AUDIT_ANCHOR_DIR/trail.anchors.jsonl when it exists)")
    audit_commands.add_parser("anchor", help="append the trail's last link to the anchor file now")


def run(args: argparse.Namespace, url: str | None) -> int:
    """verify: 0 when the trail holds (and every anchor), 1 naming the first entry that does not, 2 when an
    anchor file cannot be read."""
    if args.audit_command == "anchor":
        return _anchor(url)
    files = args.anchor if args.anchor is not None else [p for p in [anchor_file()] if p.exists()]
    try:
        anchors = [anchor for path in files for anchor in read_anchors(path)]
    except (OSError, ValueError) as exc:
        print(f"desk: the anchor file cannot be read: {exc}", file=sys.stderr)
        return 2
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            report = verify(session, anchors)
            # An anchor a manager's confirmed restore superseded names links that restore lost, as for the trail.
            lost = lost_by_restores(session)
            ledger = verify_ledger(session, [ledger_anchor for anchor in anchors
                                             if (anchor.seq, anchor.hash) not in lost
                                             and (ledger_anchor := anchor.ledger_anchor()) is not None])
    finally:
        database.dispose()
    print(f"Audit trail: {report.describe()}")
    print(f"Ledger: {ledger.describe()}")
    return 0 if report.intact and ledger.intact else 1


def _anchor(url: str | None) -> int:
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            anchor = write_anchor(session, "")
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Anchored entry {anchor.seq} in {anchor_file()}" if anchor else "The trail is empty: nothing to anchor")
    return 0
