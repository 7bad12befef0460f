"""What a backup holds, checked in a scratch copy before a restore replaces anything.

Three records must still be what was written: the ledger (its chain of postings and payments, every
link against the row it names, desk.ledger.chain; and each bill's total, kept by the database's own
triggers as each row was inserted, against the rows the backup now holds), every register's fiscal
chain and the audit trail's chain. A
break in any of them is a tampered backup, refused with what was found.

The anchors kept outside the database (the night audits' for the trail, the Z reports' for each
register) tell one more thing: a backup older than the last anchor lacks entries the hotel once had.
That is no tampering (an old backup is honest), but restoring it loses them, so it is shown plainly
and a restore over it needs a manager's confirmation, never silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.audit import verify as trail
from desk.audit.anchors import TrailAnchor
from desk.core.errors import N_, Finding
from desk.core.money import minor_units
from desk.fiscal import chain as fiscal
from desk.fiscal import keys
from desk.fiscal.anchors import Anchor
from desk.fiscal.errors import FiscalKeyProblem
from desk.ledger import chain as ledger_chain
from desk.ledger.models import BillTotal, Payment, Posting, PostingMove

# A tampered ledger names this many bills at most: enough to look at, short enough to read.
_MOST_BILLS_NAMED = 3


@dataclass(frozen=True)
class MissingEntries:
    """Trail entries an anchor names that the backup does not have."""

    first: int
    last: int
    business_date: str  # of the night audit that anchored ``last``
    anchors: tuple[TrailAnchor, ...] = ()  # every anchor naming one of them: the restore's entry supersedes them


@dataclass(frozen=True)
class MissingDocuments:
    """Fiscal documents of a register a Z report's anchor names that the backup does not have."""

    register: str
    first: int
    last: int
    issued_at: str


@dataclass(frozen=True)
class RestoreCheck:
    schema: frozenset[str]  # the backup's own, before any upgrade
    postings: int
    payments: int
    bills: int
    trail_entries: int
    trail_anchors_held: int
    registers: tuple[tuple[str, int], ...]  # each register with documents, and how many
    tampered: tuple[Finding, ...] = ()  # what does not hold, each said plainly (in English as a str)
    missing_entries: MissingEntries | None = None
    missing_documents: tuple[MissingDocuments, ...] = field(default_factory=tuple)
    keys_not_here: tuple[str, ...] = ()  # registers with documents whose key file this machine lacks
    ledger_links: int = 0  # postings and payments in the ledger's chain, every link holding

    @property
    def clean(self) -> bool:
        return not self.tampered and not self.keys_not_here and not self.needs_confirmation

    @property
    def needs_confirmation(self) -> bool:
        return self.missing_entries is not None or bool(self.missing_documents)

    def describe(self) -> str:
        """One line, in English, for the trail's record of the restore and the command line."""
        parts = [f"schema {', '.join(sorted(self.schema))}",
                 f"ledger: {self.postings} postings and {self.payments} payments on {self.bills} bills"
                 + (" add up" if not any(t.startswith("ledger") for t in self.tampered) else ""),
                 f"trail: {self.trail_entries} entries, {self.trail_anchors_held} anchors held"]
        parts += [f"register {code}: {documents} documents" for code, documents in self.registers]
        parts += list(self.tampered)
        parts += [f"register {code}: its key file is not on this machine" for code in self.keys_not_here]
        if self.missing_entries is not None:
            missing = self.missing_entries
            parts.append(f"the trail's later anchored entries are missing: entries {missing.first} to "
                         f"{missing.last}, anchored by the night audit of {missing.business_date}")
        parts += [f"register {m.register}: documents {m.first} to {m.last} anchored by its Z report of "
                  f"{m.issued_at} are missing" for m in self.missing_documents]
        return "; ".join(parts)


def check_restored(session: Session, schema: frozenset[str], trail_anchors: Sequence[TrailAnchor],
                   fiscal_anchors: Sequence[Anchor]) -> RestoreCheck:
    """Check the database ``session`` reads (a backup restored into a scratch copy, upgraded)."""
    tampered: list[Finding] = []
    postings, payments, bills, ledger_problems = _ledger(session)
    tampered += ledger_problems

    report = trail.verify(session)  # the links alone first: a break there is tampering, anchors or not
    held = [a for a in trail_anchors if a.seq <= report.entries]

    lost_before = trail.lost_by_restores(session) if report.intact else {}
    # The ledger's last link as each anchor the backup reaches names it: the backup holds that moment whole.
    ledger = ledger_chain.verify_ledger(session, [ledger_anchor for a in held if (a.seq, a.hash) not in lost_before
                                                  and (ledger_anchor := a.ledger_anchor()) is not None])
    if not ledger.intact:
        tampered.append(Finding(N_("ledger chain: {found}"), found=ledger.describe()))
    beyond = [a for a in trail_anchors if a.seq > report.entries and (a.seq, a.hash) not in lost_before]
    if report.intact:
        report = trail.verify(session, held)  # an anchor the backup reaches must name its very entry
    if not report.intact:
        tampered.append(Finding(N_("audit trail: {found}"), found=report.describe()))
    missing_entries = None
    if beyond and report.intact:
        last = max(beyond, key=lambda a: a.seq)
        missing_entries = MissingEntries(report.entries + 1, last.seq, last.business_date,
                                         tuple(sorted(beyond, key=lambda a: a.seq)))

    registers = []
    missing_documents = []
    keys_not_here = []
    for code in fiscal.registers_with_documents(session):
        if _key_not_here(code):  # unverifiable here, not tampered: said as its own refusal
            keys_not_here.append(code)
            continue
        links = fiscal.verify(session, code)
        mine = [a for a in fiscal_anchors if a.register == code]
        reached = [a for a in mine if a.number <= links.documents]
        later = [a for a in mine if a.number > links.documents]
        if links.intact:
            links = fiscal.verify(session, code, reached)
        registers.append((code, links.documents))
        if not links.intact:
            tampered.append(Finding(N_("fiscal journal of {register}: document {number}: {found}"), register=code,
                                    number=links.broken_at, found=links.reason))
        elif later:
            last_document = max(later, key=lambda a: a.number)
            missing_documents.append(MissingDocuments(code, links.documents + 1, last_document.number,
                                                      last_document.issued_at))
    return RestoreCheck(schema, postings, payments, bills, report.entries,
                        len(held) if report.intact else 0, tuple(registers), tuple(tampered), missing_entries,
                        tuple(missing_documents), tuple(keys_not_here), ledger.links)


def _key_not_here(register_code: str) -> bool:
    try:
        return keys.existing_key(register_code) is None
    except FiscalKeyProblem:
        return False  # a file there that is not a key: verify names it


def _ledger(session: Session) -> tuple[int, int, int, list[Finding]]:
    """Every bill's total from the ledger's rows, against the total the database kept as they came."""
    current_bill: dict[int, int] = {}
    for posting_id, to_bill in session.execute(select(PostingMove.posting_id, PostingMove.to_bill_id)
                                               .order_by(PostingMove.id)):
        current_bill[posting_id] = to_bill  # the latest move wins: a posting is on the bill it last moved to
    added: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    postings = 0
    for posting_id, bill_id, amount in session.execute(select(Posting.id, Posting.bill_id, Posting.amount)):
        entry = added[(current_bill.get(posting_id, bill_id), amount.currency)]
        entry[0] += amount.minor
        entry[2] += 1
        postings += 1
    for paid_bill, amount in session.execute(select(Payment.bill_id, Payment.base_amount)
                                             .where(Payment.bill_id.is_not(None))):
        if paid_bill is None:
            continue
        entry = added[(paid_bill, amount.currency)]
        entry[1] += amount.minor
        entry[2] += 1
    payments = session.scalar(select(func.count(Payment.id))) or 0  # deposits on no bill too
    kept = {(row.bill_id, row.currency): [row.charges, row.paid, row.entries]
            for row in session.scalars(select(BillTotal)) if (row.charges, row.paid, row.entries) != (0, 0, 0)}
    differing = sorted(key for key in added.keys() | kept.keys() if added.get(key) != kept.get(key))
    problems = []
    for bill_id, currency in differing[:_MOST_BILLS_NAMED]:
        charges, paid, _entries = added.get((bill_id, currency), [0, 0, 0])
        kept_charges, kept_paid, _kept_entries = kept.get((bill_id, currency), [0, 0, 0])
        problems.append(Finding(
            N_("ledger: bill {bill} in {currency}: its rows add up to charges {charges} and payments {paid}, but as "
               "they were written they came to {kept_charges} and {kept_paid} (a row was changed or removed)"),
            bill=bill_id, currency=currency, charges=_major(charges, currency), paid=_major(paid, currency),
            kept_charges=_major(kept_charges, currency), kept_paid=_major(kept_paid, currency)))
    if len(differing) > _MOST_BILLS_NAMED:
        problems.append(Finding(N_("ledger: and {count} more bills"), count=len(differing) - _MOST_BILLS_NAMED))
    return postings, payments, len({bill for bill, _currency in added}), problems


def _major(minor: int, currency: str) -> Decimal:
    # Only shown, never Money: a changed bill_total row may hold more than Money's bound, and saying so is the point.
    return Decimal(minor).scaleb(-minor_units(currency))
