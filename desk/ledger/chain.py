"""The ledger's chain: every posting and payment, in the order their units committed, each link carrying
the hash of the one before, so a row changed or removed behind the database's guards (by whoever has the
file or the server's superuser) is found and named, not only a bill whose stored total no longer adds up.

Which rows to chain is told by the database itself: an AFTER INSERT trigger on ``posting`` and
``payment`` (migration 0052) notes each new row in ``ledger_unlinked``, whichever path inserted it (the
ORM, the POS service's Core inserts). On SQLite, just before a unit that inserted one commits (it holds
the file's write lock: no other unit chains meanwhile), ``chain_new_rows`` appends one ``ledger_link``
per noted row after the chain's last link, hashed over the row's content as the database holds it: from
the values the unit flushed, as their column types give them back, or read when the unit did not flush
them. The last link is the one this process wrote last when the database still ends there (the link's
INSERT checks it), else it is read.
On PostgreSQL the same is done just before the unit commits, in its own transaction, only if the one
``ledger_head`` row is free (SKIP LOCKED): writers never wait for one another's chaining, and the desk
holding the head chains every row it finds, its own and those others committed. A desk that found the
head taken tries once more just after its commit, in a short transaction of its own; if the head is
taken again, its rows wait for the next unit that chains. Each desk chains in one pass, never "until no
row is left": under a steady stream of postings that loop kept one desk chaining the others' rows for
20-30 s. A row is unchained only for those moments (``desk audit verify`` counts such rows as waiting,
not as a break). A row whose desk stopped between its commit and its chaining waits for the next unit
that chains, or for the night audit, which chains what is left before its anchor names the last link.
A unit that inserted no ledger row does none of this.

The content is a fixed list of columns per table: a column a later migration adds is not covered, and
does not break the chain of the rows written before it.
"""

from __future__ import annotations

import functools
import hmac
import logging
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    Integer,
    String,
    bindparam,
    delete,
    event,
    exists,
    func,
    insert,
    select,
    union_all,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, object_session
from sqlalchemy.pool import Pool
from sqlalchemy.sql.dml import ReturningDelete

from desk.core.errors import N_, Finding
from desk.ledger.models import (
    GENESIS,
    LINKED_TABLES,
    NEW_LINK,
    PAYMENT,
    POSTING,
    LedgerAnchor,
    LedgerHead,
    LedgerLink,
    LedgerUnlinked,
    Payment,
    Posting,
    content_bytes,
    flushed_content,
    last_link,
    link_contents,
    link_hash,
    new_links,
    rows_by_id,
)

logger = logging.getLogger(__name__)
_LINK_BATCH = 500
HEAD_ROW = 1
_LOCK_HEAD = select(LedgerHead.__table__.c.id).where(LedgerHead.__table__.c.id == HEAD_ROW).with_for_update()
_TRY_HEAD = select(LedgerHead.id).where(LedgerHead.id == HEAD_ROW).with_for_update(skip_locked=True)
_TAKE_NOTED = delete(LedgerUnlinked).returning(LedgerUnlinked.id, LedgerUnlinked.kind, LedgerUnlinked.row_id)
# PostgreSQL: the same, only if the head is free, in one round trip: the uncorrelated sub-select runs once,
# before any row is taken, and locks the head until the unit commits; nothing is taken when another holds it.
# A row the head's last holder took meanwhile is not taken twice (a row deleted since is skipped), and the
# links go in the next statement, which reads the chain as that holder left it (READ COMMITTED).
_TAKE_NOTED_IF_HEAD_FREE = _TAKE_NOTED.where(exists(_TRY_HEAD))


# The next links, written only if the one they follow is still the chain's last: what this process last
# chained is remembered, and another process that chained since makes this insert nothing. The condition
# reads nothing the insert writes (it is uncorrelated, and the statement reads the table as it was before
# it), so all of a unit's links are written or none.
_GUARDED_AT_ONCE = 16  # links in one such statement; a longer tail (leftovers of many units) follows it


@functools.cache
def _next_links(count: int) -> Insert:
    """The guarded insert of ``count`` links: parameters seq_0, kind_0, ... and ``after``."""
    rows = [select(bindparam(f"seq_{i}", type_=Integer).label("seq"),
                   bindparam(f"kind_{i}", type_=String).label("kind"),
                   bindparam(f"row_id_{i}", type_=Integer).label("row_id"),
                   bindparam(f"prev_hash_{i}", type_=String).label("prev_hash"),
                   bindparam(f"hash_{i}", type_=String).label("hash"))
            for i in range(count)]
    links = (rows[0] if count == 1 else union_all(*rows)).subquery("links")
    return insert(LedgerLink).from_select(
        ["seq", "kind", "row_id", "prev_hash", "hash"],
        select(links.c.seq, links.c.kind, links.c.row_id, links.c.prev_hash, links.c.hash)
        # "Still the last link" as the chain's greatest seq, which its unique index answers from its end
        # whatever the plan: as "no link after it", PostgreSQL's generic plan for a prepared statement
        # scanned the whole ledger_link table at every posting (7 ms a unit on 200,000 links).
        .where(exists().where(LedgerLink.seq == bindparam("after", type_=Integer),
                              LedgerLink.hash == bindparam("prev_hash_0", type_=String)),
               select(func.max(LedgerLink.seq)).scalar_subquery() == bindparam("after", type_=Integer))
    ).execution_options(preserve_rowcount=True)  # how many rows it wrote, which an INSERT does not tell otherwise


# The last link each database's pool chained in this process: a guess, checked by _next_links.
_last_links: weakref.WeakKeyDictionary[Pool, tuple[int, str]] = weakref.WeakKeyDictionary()


def chain_new_rows(connection: Connection, known: Mapping[tuple[str, int], bytes] | None = None) -> int:
    """Link every posting and payment noted as unlinked that this unit sees, leftovers of units that
    committed and never chained included; how many were linked. ``known``: the content of the rows this
    unit flushed, by (kind, id), so they are not read back."""
    # Taken before the last link is read: another unit chaining waits here until this one commits, then
    # reads this unit's links as the last ones (READ COMMITTED reads anew at each statement). SQLite's
    # writing unit holds the file's write lock from BEGIN: nothing to take.
    if connection.dialect.name != "sqlite":
        connection.execute(_LOCK_HEAD).first()
    return _take_and_link(connection, known or {})


def _take_and_link(connection: Connection, known: Mapping[tuple[str, int], bytes],
                   taking: ReturningDelete[int, str, int] = _TAKE_NOTED) -> int:
    """Called holding the chain (SQLite's write lock, PostgreSQL's head row), or taking it with
    ``taking``: no other unit appends meanwhile."""
    # This unit's rows, and any a unit outside the desk left (committed, never chained): taken in one go.
    noted = sorted(connection.execute(taking).all())
    if not noted:
        return 0
    contents = link_contents(connection, [(row.kind, row.row_id) for row in noted], known)
    if not contents:
        return len(noted)
    pool = connection.engine.pool
    remembered = _last_links.get(pool)
    if remembered is not None:
        links = new_links(contents, *remembered)
        guarded = links[:_GUARDED_AT_ONCE]
        values = {f"{name}_{i}": value for i, link in enumerate(guarded) for name, value in link.items()}
        if connection.execute(_next_links(len(guarded)), {**values, "after": remembered[0]}).rowcount == len(guarded):
            if len(links) > len(guarded):
                connection.execute(NEW_LINK, links[len(guarded):])
            _last_links[pool] = (links[-1]["seq"], links[-1]["hash"])
            return len(noted)
    # None remembered, or another process chained since (or the database is not the one remembered: a
    # restore): where the chain ends is read.
    links = new_links(contents, *last_link(connection))
    connection.execute(NEW_LINK, links)
    _last_links[pool] = (links[-1]["seq"], links[-1]["hash"])
    return len(noted)


_WROTE_LEDGER = "desk.ledger.chain.wrote"
_FLUSHED = "desk.ledger.chain.flushed"
_CHAIN_AFTER_COMMIT = "desk.ledger.chain.after_commit"


@event.listens_for(Session, "after_flush")
def _note_orm_rows(session: Session, _context: Any) -> None:
    flushed = [record for record in session.new if isinstance(record, Posting | Payment)]
    if flushed:
        session.info[_WROTE_LEDGER] = True
        session.info.setdefault(_FLUSHED, []).extend(flushed)


def _flushed_contents(session: Session, dialect: Dialect) -> dict[tuple[str, int], bytes]:
    """The content of each ledger row this unit flushed and still holds: one a savepoint's rollback took
    back is no longer in the session, and its id may be another row's now."""
    known = {}
    for record in session.info.pop(_FLUSHED, ()):
        if object_session(record) is not session or record.id is None:
            continue
        kind = POSTING if isinstance(record, Posting) else PAYMENT
        content = flushed_content(kind, record, dialect)
        if content is not None:
            known[(kind, record.id)] = content
    return known


@event.listens_for(Engine, "before_execute")
def _note_core_rows(connection: Connection, statement: object, *_args: Any) -> None:
    # The POS service inserts its postings as plain statements (desk.pos.checks): no ORM object is flushed.
    if isinstance(statement, Insert) and statement.table.name in LINKED_TABLES:
        connection.info[_WROTE_LEDGER] = True


@event.listens_for(Engine, "rollback")
def _forget_core_rows(connection: Connection) -> None:
    # A connection the server ended keeps no note to forget, and asking it for one would raise over the
    # error the unit is rolling back for.
    if connection.invalidated:
        return
    connection.info.pop(_WROTE_LEDGER, None)


@event.listens_for(Session, "after_rollback")
def _forget_orm_rows(session: Session) -> None:
    session.info.pop(_WROTE_LEDGER, None)
    session.info.pop(_FLUSHED, None)


# First among the listeners (insert=True): the chain is read and extended before the audit trail's entries
# are added, in every unit and every process, whichever module was imported first.
@event.listens_for(Session, "before_commit", insert=True)
def _chain_before_commit(session: Session) -> None:
    session.flush()
    wrote = session.info.pop(_WROTE_LEDGER, False)
    connection = session.connection()
    wrote = connection.info.pop(_WROTE_LEDGER, False) or wrote
    if not wrote:  # a unit that wrote no ledger row reads nothing more
        session.info.pop(_FLUSHED, None)
        return
    # Hashed from the values the unit wrote, as the database gives them back, instead of reading the rows.
    known = _flushed_contents(session, connection.dialect)
    if connection.dialect.name == "sqlite":
        chain_new_rows(connection, known)  # the unit holds the file's write lock: it is the only one chaining
        return
    # In the unit's own transaction: no second transaction, and the head is held only until this commit.
    # Nothing taken: another unit held the head (this unit's own rows are noted, unless a savepoint's
    # rollback took them back, and then the try after the commit finds nothing either).
    if _take_and_link(connection, known, _TAKE_NOTED_IF_HEAD_FREE) == 0:
        session.info[_CHAIN_AFTER_COMMIT] = known


@event.listens_for(Session, "after_commit")
def _chain_after_commit(session: Session) -> None:
    """PostgreSQL, a unit that found the head taken before its commit: one more try just after it, in a
    short transaction of its own that takes the head only if it is free. Waiting for it inside the unit
    would make every desk's commit wait for the one before, which postings to different bills never did."""
    known = session.info.pop(_CHAIN_AFTER_COMMIT, None)
    if known is None:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    try:
        with engine.connect() as connection, connection.begin():
            _take_and_link(connection, known, _TAKE_NOTED_IF_HEAD_FREE)
    except DBAPIError as exc:  # the unit is committed whatever happens here: its rows wait for the next
        logger.warning("ledger rows left for the next unit to chain: %s", exc.orig)


# -- verify -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerReport:
    links: int
    anchors_held: int = 0
    broken_at: int | None = None  # the link (seq) where the chain stops holding
    row: str = ""  # "posting 17", the row it names, when there is one (a Finding, said in the clerk's language)
    reason: str = ""  # a Finding
    waiting: int = 0  # rows inserted but not yet chained (written outside a unit of work)

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    def describe(self) -> str:
        if self.intact:
            return (f"{self.links} postings and payments, chain intact"
                    + (f", {self.anchors_held} anchors held" if self.anchors_held else "")
                    + (f", {self.waiting} not yet chained" if self.waiting else ""))
        return Finding(N_("BROKEN at {row}: {reason}"), row=self.row or Finding(N_("link {link}"), link=self.broken_at),
                       reason=self.reason)


def _row_name(kind: str, row_id: int) -> Finding:
    """The ledger row a link names, as the clerk knows it."""
    return (Finding(N_("posting {id}"), id=row_id) if kind == POSTING
            else Finding(N_("payment {id}"), id=row_id))


def verify_ledger(reading: Session | Connection, anchors: Sequence[LedgerAnchor] = ()) -> LedgerReport:
    """Every link against the row it names and the link before it, then the rows no link names, then
    the anchors. The first thing that does not hold is named."""
    session = reading.connection() if isinstance(reading, Session) else reading
    count = 0
    prev_hash = GENESIS
    last_row: str = Finding(N_("the start"))
    anchored = {anchor.seq for anchor in anchors}
    hashes: dict[int, str] = {}  # of the anchored links only: a big ledger's hashes are not all kept
    start = 0
    while True:
        links = session.execute(select(LedgerLink.seq, LedgerLink.kind, LedgerLink.row_id, LedgerLink.prev_hash,
                                       LedgerLink.hash).where(LedgerLink.seq > start).order_by(LedgerLink.seq)
                                .limit(_LINK_BATCH * 4)).all()
        if not links:
            break
        rows = {kind: rows_by_id(session, kind, [link.row_id for link in links if link.kind == kind])
                for kind in LINKED_TABLES}
        for link in links:
            expected = count + 1
            name = _row_name(link.kind, link.row_id)
            if link.seq != expected:
                missing = (Finding(N_("link {link}"), link=expected) if link.seq == expected + 1
                           else Finding(N_("links {first} to {last}"), first=expected, last=link.seq - 1))
                return LedgerReport(count, broken_at=expected, row=name,
                                    reason=Finding(N_("{missing} removed, between {before} and {row}: a posting or "
                                                      "payment was taken out of the chain"),
                                                   missing=missing, before=last_row, row=name))
            if link.prev_hash != prev_hash:
                return LedgerReport(count, broken_at=link.seq, row=name,
                                    reason=Finding(
                                        N_("its link does not follow the one before (a link was changed)")))
            row = rows[link.kind].get(link.row_id) if link.kind in rows else None
            if row is None:
                return LedgerReport(count, broken_at=link.seq, row=name,
                                    reason=Finding(N_("it was removed (chained after {before})"), before=last_row))
            if not hmac.compare_digest(link_hash(prev_hash, content_bytes(link.kind, row)), link.hash):
                when = f"{row['created_at']:%Y-%m-%d %H:%M}"
                return LedgerReport(count, broken_at=link.seq, row=name,
                                    reason=Finding(N_("it was changed after it was written (on {when} UTC): its "
                                                      "content no longer matches its link"), when=when))
            prev_hash, last_row, count = link.hash, name, link.seq
            if link.seq in anchored:
                hashes[link.seq] = link.hash
        start = links[-1].seq
    waiting = session.execute(select(func.count(LedgerUnlinked.id))).scalar_one()
    for kind, (table, _columns) in LINKED_TABLES.items():
        stray = session.execute(
            select(table.c.id).where(~select(LedgerLink.id).where(LedgerLink.kind == kind,
                                                                   LedgerLink.row_id == table.c.id).exists(),
                                     ~select(LedgerUnlinked.id).where(LedgerUnlinked.kind == kind,
                                                                      LedgerUnlinked.row_id == table.c.id).exists())
            .order_by(table.c.id).limit(1)).first()
        if stray is not None:
            return LedgerReport(count, broken_at=count + 1, row=_row_name(kind, stray.id),
                                reason=Finding(N_("no link names it: it was written behind the desk")))
    held = 0
    for anchor in sorted(anchors, key=lambda a: a.seq):
        kept = hashes.get(anchor.seq)
        if kept is None:
            return LedgerReport(count, broken_at=count + 1, row="",
                                reason=Finding(N_("links {first} to {last} removed: the anchor of the night audit "
                                                  "of {date} names link {last}"),
                                               first=count + 1, last=anchor.seq, date=anchor.business_date))
        if not hmac.compare_digest(kept, anchor.hash):
            return LedgerReport(count, broken_at=anchor.seq, row=Finding(N_("link {link}"), link=anchor.seq),
                                reason=Finding(N_("it is not the link the anchor of the night audit of {date} "
                                                  "names: the chain was written again from there"),
                                               date=anchor.business_date))
        held += 1
    return LedgerReport(count, held, waiting=waiting)
