"""What a reservation card (or any folio's card) shows, read in one unit of work."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from desk.cards.models import CardRecord
from desk.cards.operations import HOLD_WARN_DAYS, CardPaymentInfo, HoldState, card_payments_of_folio, holds_of_folio
from desk.cards.saved_cards import saved_cards
from desk.cards.slips import payments_with_card_slip
from desk.core.errors import NotFound
from desk.core.money import Money
from desk.db.changes import LedgerStamp, poll_changes
from desk.fiscal.marks import ReceiptMark, names_a_receipt_row, receipt_marks, unrecorded_marks
from desk.fiscal.models import CashRegister, FiscalDocument, FiscalPrint, RegisterDocument
from desk.hotel.models import CatalogueChange, PaymentMethod, Service
from desk.hotel.names import Names, load_names
from desk.hotel.rates import rates_on
from desk.hotel.reference import SETTINGS_WINDOW, base_currency
from desk.journal.models import JournalEvent, JournalIntent
from desk.ledger.folios import (
    BillView,
    FolioView,
    PaymentLine,
    PostingLine,
    collector_paused,
    folio_options,
    folio_view,
    load_folio,
)
from desk.ledger.models import Bill, BillTotal, Folio, Payment, Posting, PostingMove
from desk.people.confirming import Carrier, carrying, note_carried
from desk.stays.models import Company
from desk.stays.search import one_of


@dataclass(frozen=True)
class SavedCard:
    """A tokenised card on file: never the number, only what the operator lets us show."""

    masked_number: str
    brand: str
    expiry: str
    holder: str
    days_until_deleted: int
    id: int = 0
    operator_id: int = 0
    operator: str = ""


@dataclass(frozen=True)
class PreAuthorisation:
    amount: Money
    created_at: datetime
    state: HoldState
    id: int = 0  # the hold's card record, for Capture and Release
    terminal: str = ""
    masked_pan: str = ""
    operator_id: int | None = None  # held at an online operator: captured and released there
    saved_card_id: int | None = None

    @property
    def age_days(self) -> int:
        return (datetime.now(self.created_at.tzinfo) - self.created_at).days

    @property
    def is_old(self) -> bool:
        """Open for longer than a bank may keep it (R16): the desk warns, the capture may fail."""
        return self.usable and self.age_days > HOLD_WARN_DAYS

    @property
    def usable(self) -> bool:
        """Capture and Release are offered: each pre-authorisation is used once (R15)."""
        return self.state is HoldState.OPEN


@dataclass(frozen=True, eq=False)
class CardCatalogues:
    """The choices every card's dialogs offer (payment methods, services, companies, registers) and
    the catalogue names in one language: the same for every folio, so one copy serves every card.

    ``stamp`` is :func:`catalogue_stamp` when they were read: equal stamps, the same catalogues."""

    language: str
    stamp: tuple[int, int]
    methods: list[PaymentMethod]
    services: list[Service]
    companies: list[Company]
    registers: list[CashRegister]
    names: Names


# Any write to the tables the catalogues are built from adds a row to this log (a trigger of
# migration 0061_catalogue_stamp): its highest id and its count say whether anything was written
# since. The count too, as on PostgreSQL a write given a lower id may commit after one with a higher
# id was read; counted only within SETTINGS_WINDOW ids below the highest, as the settings' version
# is (desk.hotel.reference): the log grows with every company added, and every card's reload read
# it whole (906 rows on the bench's hotel, a year's desk work several thousand).
_latest_catalogue_change = select(func.coalesce(func.max(CatalogueChange.id), 0)).scalar_subquery()
_CATALOGUE_STAMP_COLUMNS = (select(_latest_catalogue_change),
                            select(func.count()).select_from(CatalogueChange)
                            .where(CatalogueChange.id > _latest_catalogue_change - SETTINGS_WINDOW))
_CATALOGUE_STAMP = select(*(column.scalar_subquery() for column in _CATALOGUE_STAMP_COLUMNS))


def catalogue_stamp(session: Session) -> tuple[int, int]:
    """A stamp of the catalogues as they are now: equal stamps, no catalogue row written between."""
    highest, count = session.connection().execute(_CATALOGUE_STAMP).one()
    return int(highest), int(count)


def load_card_catalogues(session: Session, language: str = "en") -> CardCatalogues:
    return CardCatalogues(
        language=language,
        stamp=catalogue_stamp(session),  # read first: a write after it makes the next check read again
        methods=list(session.scalars(select(PaymentMethod).order_by(PaymentMethod.code))),
        services=list(session.scalars(select(Service).order_by(Service.category, Service.name))),
        companies=list(session.scalars(select(Company).order_by(Company.name))),
        registers=list(session.scalars(select(CashRegister).order_by(CashRegister.code))),
        names=load_names(session, language),
    )


def current_catalogues(session: Session, language: str, known: CardCatalogues | None,
                       stamp: tuple[int, int] | None = None) -> CardCatalogues:
    """``known`` while nothing in the catalogues changed since it was read, else read again;
    ``stamp`` the catalogues' stamp if this unit read it already."""
    if known is not None and known.language == language and known.stamp == (stamp or catalogue_stamp(session)):
        return known
    return load_card_catalogues(session, language)


def poll_changes_and_catalogues(
    session: Session, since: LedgerStamp | None, catalogues: CardCatalogues | None
) -> tuple[LedgerStamp, frozenset[int], CardCatalogues | None]:
    """What other workstations changed (:func:`desk.db.changes.poll_changes`), and the cards'
    catalogues if they changed: a service or a company added, a price changed, which no folio's
    change would make a card read again."""
    stamp, folios = poll_changes(session, since)
    current = None if catalogues is None else current_catalogues(session, catalogues.language, catalogues)
    return stamp, folios, current


@dataclass
class ReservationCardData:
    """A folio and every choice its dialogs offer, loaded before any window shows it."""

    folio: FolioView
    rates: dict[str, Decimal]  # accepted currency -> base units per unit; the base currency is 1
    catalogues: CardCatalogues  # shared with the desk's other cards while unchanged
    saved_cards: list[SavedCard] = field(default_factory=list)
    pre_authorisations: list[PreAuthorisation] = field(default_factory=list)
    card_payments: dict[int, CardPaymentInfo] = field(default_factory=dict)  # payment id -> terminal payment
    card_slips: frozenset[int] = frozenset()  # payments (and refunds) with a card slip to print again
    receipts: dict[int, ReceiptMark] = field(default_factory=dict)  # payment id -> its fiscal receipt
    seen: LedgerSeen | None = None  # what the folio was read up to: a reload reads only what came after
    changes: FolioChanges | None = None  # a reload's: the lines that differ from the card it was reloaded from

    @property
    def currency(self) -> str:
        return self.folio.currency

    @property
    def methods(self) -> list[PaymentMethod]:
        return self.catalogues.methods

    @property
    def services(self) -> list[Service]:
        return self.catalogues.services

    @property
    def companies(self) -> list[Company]:
        return self.catalogues.companies

    @property
    def registers(self) -> list[CashRegister]:
        return self.catalogues.registers

    @property
    def names(self) -> Names:
        """Catalogue names in the clerk's language."""
        return self.catalogues.names


def load_reservation_card(session: Session, folio_id: int, language: str = "en",
                          catalogues: CardCatalogues | None = None) -> ReservationCardData:
    """The folio's card; ``catalogues`` (another card's) are reused if they are still current."""
    folio, seen, stamp = _whole_folio(session, folio_id)
    return _card(session, folio, seen, stamp, None, language, catalogues)


def reload_reservation_card(session: Session, shown: ReservationCardData, language: str = "en",
                            catalogues: CardCatalogues | None = None) -> ReservationCardData:
    """The card again after a change of its folio: what :func:`load_reservation_card` gives, with
    only the ledger rows written since ``shown`` was read.

    The ledger is append-only, so what a card shows changes only by rows added after it: postings,
    moves and payments with an id above the highest the card has seen. Only those are read, with the
    lines they touch (a reversed posting, a moved one) and the bills' totals the database keeps
    (``bill_total``); every other line, and every bill's list that none of them touches, is the
    shown card's own object. Should the totals not be what the shown card and the new rows add up
    to (a row with a lower id committed later, on PostgreSQL), the folio is read whole instead.
    ``changes`` tells the card's tables which posting lines are new or changed.
    """
    known = catalogues if catalogues is not None else shown.catalogues
    since = _folio_since(session, shown) if shown.seen is not None else None
    if since is None:
        folio, seen, stamp = _whole_folio(session, shown.folio.folio.id)
        return _card(session, folio, seen, stamp, None, language, known)
    folio, seen, changes, stamp = since
    return _card(session, folio, seen, stamp, changes, language, known, shown)


@dataclass(frozen=True)
class LedgerSeen:
    """What a card's folio was read up to: the highest ids of the ledger's tables when it was read
    (a row above is new to the card), the folio's payments, and what each bill added up to; and
    the highest ids of the tables its card payments and holds, and its receipts' marks, are read
    from: while they stay the same, a reload keeps the card's own (issue 23). On PostgreSQL a row
    of those committed after a higher id was read shows at the next reload that sees a higher id
    (the folio's own rows are checked against the bills' totals instead)."""

    posting_id: int
    move_id: int
    payment_id: int
    payments: int
    totals: dict[tuple[int, str], tuple[int, int, int]]  # (bill, currency) -> charges, paid, entries (minor units)
    card_record_id: int = 0
    receipt_rows: tuple[int, ...] = ()  # fiscal documents, prints, register documents, journal intents, events


@dataclass(frozen=True)
class FolioChanges:
    """How a reloaded card's folio differs from ``since``, the view it was reloaded from: the posting
    lines added and those whose line changed (moved to another bill, reversed); every other line is
    the very object ``since`` had."""

    since: FolioView
    added: frozenset[int]
    changed: frozenset[int]
    # No receipt row names a payment new to the card (desk.fiscal.marks.names_a_receipt_row): their
    # marks are known without reading.
    new_payments_unrecorded: bool = False


# Every table here is only ever added to, so its highest id is a complete change counter: the
# ledger's rows the folio is read from, the card records its card payments, holds and slips are
# (LedgerSeen.card_record_id), and the rows its receipts' marks are (LedgerSeen.receipt_rows).
_TOP_COLUMNS = (Posting.id, PostingMove.id, Payment.id, CardRecord.id,
                FiscalDocument.id, FiscalPrint.id, RegisterDocument.id, JournalIntent.id, JournalEvent.id)


@dataclass(frozen=True)
class _Tops:
    """What a card's first statement reads: the highest ids of :data:`_TOP_COLUMNS`, the folio's
    payments, the catalogues' stamp; and it carries the reads other features registered
    (desk.people.confirming: the settings' version the base currency is remembered by)."""

    ids: tuple[int, ...]
    payments: int
    catalogue_stamp: tuple[int, int]
    new_payments_unrecorded: bool = False


_tops_statement: list[Carrier] = []
_OWN_TOPS = len(_TOP_COLUMNS) + 4


def _build_tops(also: list[ColumnElement[object]]) -> Select[Any]:
    # One statement, not five: on PostgreSQL each is a round trip, and a reload's first reads
    # (these ids, the folio's payments, the catalogues' stamp, the settings' version) were a
    # quarter of its statements (issue 23).
    payments = select(func.count()).select_from(Payment).where(Payment.folio_id == bindparam("folio_id"))
    # Read with the payments' count, so of exactly the new payments the reload reads (their count is
    # checked against it): their receipts' marks then need no read of their own (issue 23). None
    # (a whole read) names no payment.
    new_payments = select(Payment.id).where(Payment.folio_id == bindparam("folio_id"),
                                            Payment.id > bindparam("after_payment", type_=Integer))
    return select(*(select(func.max(column)).scalar_subquery() for column in _TOP_COLUMNS),
                  payments.scalar_subquery(), *(column.scalar_subquery() for column in _CATALOGUE_STAMP_COLUMNS),
                  names_a_receipt_row(new_payments), *also)


def _tops(session: Session, folio_id: int, after_payment: int | None = None) -> _Tops:
    """Read before the rows, so that every row at or below the highest ids that was committed then
    is among the rows read after; the payments counted then too, which the reload checks the
    payments it read against (a payment committed in between makes it read the folio whole), and
    whether a receipt row names one above ``after_payment``."""
    statement, reads = carrying(_tops_statement, _build_tops)
    row = session.execute(statement, {"folio_id": folio_id, "after_payment": after_payment}).one()
    note_carried(session, reads, row[_OWN_TOPS:])
    count = len(_TOP_COLUMNS)
    highest, changes, named = row[count + 1:count + 4]
    return _Tops(tuple(value or 0 for value in row[:count]), row[count], (int(highest), int(changes)),
                 new_payments_unrecorded=after_payment is not None and not named)


def _side_seen(tops: tuple[int, ...]) -> dict[str, Any]:
    """LedgerSeen's highest ids of the tables beside the ledger's, from :func:`_tops`."""
    return {"card_record_id": tops[3], "receipt_rows": tops[4:]}


def _add(totals: dict[tuple[int, str], list[int]], bill_id: int, amount: Money, column: int, sign: int = 1) -> None:
    entry = totals.setdefault((bill_id, amount.currency), [0, 0, 0])
    entry[column] += sign * amount.minor
    entry[2] += sign


def _settled(totals: dict[tuple[int, str], list[int]] | dict[tuple[int, str], tuple[int, int, int]]
             ) -> dict[tuple[int, str], tuple[int, int, int]]:
    """Totals without the rows that add up to nothing (a bill whose postings all moved away keeps
    its row in ``bill_total`` at zero)."""
    return {key: (charges, paid, entries) for key, (charges, paid, entries) in totals.items()
            if charges or paid or entries}


def _whole_folio(session: Session, folio_id: int) -> tuple[FolioView, LedgerSeen, tuple[int, int]]:
    """The folio read whole (:func:`desk.ledger.folios.load_folio`), what it was read up to, and the
    catalogues' stamp."""
    tops = _tops(session, folio_id)
    posting_top, move_top, payment_top = tops.ids[:3]
    with collector_paused():
        folio = session.get(Folio, folio_id, options=folio_options(),
                            populate_existing=True)  # its bills may have been added by plain INSERTs since
        if folio is None:
            raise NotFound("Folio {folio} does not exist", folio=folio_id)
        postings = session.scalars(
            select(Posting).where(Posting.folio_id == folio_id).options(joinedload(Posting.outlet))
            .order_by(Posting.ordered_at, Posting.id)).all()
        moves = session.scalars(_folio_moves(folio_id)).all()
        payments = session.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.created_at, Payment.id)
            .options(selectinload(Payment.card_record))).all()
        view = folio_view(folio, base_currency(session), postings, moves, payments)
    totals: dict[tuple[int, str], list[int]] = {}
    for line in view.postings:
        _add(totals, line.bill_id, line.posting.amount, 0)
    for payment in payments:
        if payment.bill_id is not None:
            _add(totals, payment.bill_id, payment.base_amount, 1)
    seen = LedgerSeen(
        posting_id=max([posting_top, *(p.id for p in postings)]),
        move_id=max([move_top, *(m.id for m in moves)]),
        payment_id=max([payment_top, *(p.id for p in payments)]),
        payments=len(payments),
        totals=_settled(totals),
        **_side_seen(tops.ids),
    )
    return view, seen, tops.catalogue_stamp


def _folio_moves(folio_id: int) -> Select[PostingMove]:
    return (select(PostingMove).join(Posting, Posting.id == PostingMove.posting_id)
            .where(Posting.folio_id == folio_id).order_by(PostingMove.id))


def line_key(line: PostingLine) -> tuple[datetime, int]:
    """A posting line's place on the card: postings in (ordered_at, id) order, as the ledger reads them."""
    return line.posting.ordered_at, line.posting.id


def _position(lines: list[PostingLine], key: tuple[datetime, int]) -> int | None:
    at = bisect.bisect_left(lines, key, key=line_key)
    return at if at < len(lines) and line_key(lines[at]) == key else None


@dataclass
class _NewRows:
    """What a reload reads: the folio and its bills again, the ledger rows above what the card has
    seen, and the bills' totals as the database keeps them."""

    folio: Folio
    currency: str
    postings: Sequence[Posting]
    moves: Sequence[PostingMove]
    payments: Sequence[Payment]
    totals: dict[tuple[int, str], tuple[int, int, int]]
    tops: _Tops


@functools.cache
def _since_statements() -> tuple[Select[Posting], Select[PostingMove], Select[Payment]]:
    """A reload's reads of the folio's postings, moves and payments above the ids the card has seen,
    built once: building them at every reload cost more than the server took to run them. Built
    when first asked: naming a relationship configures every mapper (see folio_options)."""
    folio_id, after = bindparam("folio_id", type_=Integer), bindparam("after", type_=Integer)
    postings = (select(Posting).where(Posting.folio_id == folio_id, Posting.id > after)
                .options(joinedload(Posting.outlet)).order_by(Posting.id))
    moves = (select(PostingMove).join(Posting, Posting.id == PostingMove.posting_id)
             .where(Posting.folio_id == folio_id, PostingMove.id > after).order_by(PostingMove.id))
    # Its card record joined, not a statement of its own: one round trip fewer on PostgreSQL.
    # Only up to the highest id _tops saw, which the folio's payments were counted at: a payment
    # committed in between is read by the next reload, never shown uncounted (on PostgreSQL its count
    # could cancel out a lower id committed late and never read).
    payments = (select(Payment).where(Payment.folio_id == folio_id, Payment.id > after,
                                      Payment.id <= bindparam("upto", type_=Integer))
                .options(joinedload(Payment.card_record)).order_by(Payment.id))
    return postings, moves, payments


def _read_since(session: Session, folio_id: int, seen: LedgerSeen) -> _NewRows:
    tops = _tops(session, folio_id, seen.payment_id)
    folio = session.get(Folio, folio_id, options=folio_options(), populate_existing=True)
    if folio is None:
        raise NotFound("Folio {folio} does not exist", folio=folio_id)
    postings_since, moves_since, payments_since = _since_statements()
    # Nothing above the card's ids in a table (an Apply adds no posting and no move): no read of it. On
    # PostgreSQL a row committed since the first statement is then read by the next reload, or, if
    # the bills' totals read below count it, the folio is read whole.
    posting_top, move_top = tops.ids[:2]
    postings = (session.scalars(postings_since, {"folio_id": folio_id, "after": seen.posting_id}).all()
                if posting_top > seen.posting_id else [])
    moves = (session.scalars(moves_since, {"folio_id": folio_id, "after": seen.move_id}).all()
             if move_top > seen.move_id else [])
    payments = session.scalars(payments_since, {"folio_id": folio_id, "after": seen.payment_id,
                                                "upto": tops.ids[2]}).all()
    bill_ids = [bill.id for bill in folio.bills]
    totals = _settled({(row.bill_id, row.currency): (row.charges, row.paid, row.entries)
                       for row in session.execute(_BILL_TOTALS, {"bills": bill_ids})} if bill_ids else {})
    return _NewRows(folio, base_currency(session), postings, moves, payments, totals, tops)


def _touched_lines(session: Session, old: FolioView, new: _NewRows) -> dict[int, tuple[int, PostingLine]] | None:
    """The shown lines the new rows touch (a posting moved, one reversed), by posting id, with their
    index in ``old.postings``: found by their place (ordered_at, id), not by walking the list. None
    if one is not on the card."""
    new_ids = {p.id for p in new.postings}
    touched = ({m.posting_id for m in new.moves}
               | {p.reverses_id for p in new.postings if p.reverses_id is not None}) - new_ids
    found: dict[int, tuple[int, PostingLine]] = {}
    if touched:
        for posting_id, ordered_at in session.execute(
                select(Posting.id, Posting.ordered_at).where(Posting.id.in_(touched))):
            at = _position(old.postings, (ordered_at, posting_id))
            if at is None:
                return None
            found[posting_id] = (at, old.postings[at])
    return found if len(found) == len(touched) else None


def _folio_since(session: Session, shown: ReservationCardData
                 ) -> tuple[FolioView, LedgerSeen, FolioChanges, tuple[int, int]] | None:
    """The shown folio brought up to date from the rows written since, or None when it must be read
    whole (a row missed, a line in a currency the bills do not add up in)."""
    seen, old = shown.seen, shown.folio
    assert seen is not None
    with collector_paused():
        new = _read_since(session, old.folio.id, seen)
        old_lines = _touched_lines(session, old, new)
        if old_lines is None:
            return None
        # Each touched or new posting's bill and reversal, the moves taken in their order.
        postings = {p.id: p for p in new.postings} | {pid: line.posting for pid, (_at, line) in old_lines.items()}
        bill_of = {pid: line.bill_id for pid, (_at, line) in old_lines.items()}
        reversed_by = {pid: line.reversed_by for pid, (_at, line) in old_lines.items()}
        delta: dict[tuple[int, str], list[int]] = {}
        for posting in new.postings:
            _add(delta, posting.bill_id, posting.amount, 0)
            bill_of[posting.id] = posting.bill_id
            reversed_by.setdefault(posting.id, None)
            if posting.reverses_id is not None:
                reversed_by[posting.reverses_id] = posting
        for move in new.moves:
            amount = postings[move.posting_id].amount
            _add(delta, bill_of[move.posting_id], amount, 0, -1)
            _add(delta, move.to_bill_id, amount, 0)
            bill_of[move.posting_id] = move.to_bill_id
        for payment in new.payments:
            if payment.bill_id is not None:
                _add(delta, payment.bill_id, payment.base_amount, 1)
        if not _adds_up(seen, delta, new):
            return None  # a row the card missed, or amounts the bills do not add up in: read it whole

        lines = {pid: PostingLine(postings[pid], bill_of[pid], reversed_by[pid]) for pid in postings}
        changed = set()
        for pid, (_at, line) in old_lines.items():
            if lines[pid] == line:
                lines[pid] = line  # nothing of it changed: the card keeps its very object
            else:
                changed.add(pid)
        new_ids = frozenset(p.id for p in new.postings)
        all_lines = list(old.postings)
        for pid in changed:
            all_lines[old_lines[pid][0]] = lines[pid]
        _insert_in_order(all_lines, [lines[p.id] for p in new.postings])
        entering = [lines[pid] for pid in sorted(new_ids | changed)]
        leaving = [old_lines[pid][1] for pid in changed]
        payment_lines = _payment_lines(old.payments, new.payments)
        view = FolioView(new.folio, new.currency, _bills(old, new, payment_lines, entering, leaving), all_lines,
                         payment_lines)
    posting_top, move_top, payment_top = new.tops.ids[:3]
    now_seen = LedgerSeen(
        posting_id=max(posting_top, seen.posting_id, *new_ids),
        move_id=max(move_top, seen.move_id, *(m.id for m in new.moves)),
        payment_id=max(payment_top, seen.payment_id, *(p.id for p in new.payments)),
        payments=new.tops.payments,
        totals=new.totals,
        **_side_seen(new.tops.ids),
    )
    changes = FolioChanges(old, new_ids, frozenset(changed), new.tops.new_payments_unrecorded)
    return view, now_seen, changes, new.tops.catalogue_stamp


def _adds_up(seen: LedgerSeen, delta: dict[tuple[int, str], list[int]], new: _NewRows) -> bool:
    """Whether what the card had seen and the new rows add up to the bills' totals now, all in the
    base currency, and the folio's payments are those seen and the new ones."""
    expected = {key: list(value) for key, value in seen.totals.items()}
    for key, (charges, paid, entries) in delta.items():
        entry = expected.setdefault(key, [0, 0, 0])
        entry[0] += charges
        entry[1] += paid
        entry[2] += entries
    return (_settled(expected) == new.totals and new.tops.payments == seen.payments + len(new.payments)
            and all(currency == new.currency for _bill, currency in new.totals))


def _bills(old: FolioView, new: _NewRows, payment_lines: list[PaymentLine], entering: list[PostingLine],
           leaving: list[PostingLine]) -> list[BillView]:
    """Each bill's view: its list of lines the shown one unless a line joined or left it, its figures
    the database's totals."""
    old_bills = {view.bill.id: view for view in old.bills}
    affected = {line.bill_id for line in entering} | {line.bill_id for line in leaving}
    payments_by_bill: dict[int | None, list[PaymentLine]] = defaultdict(list)
    for pline in payment_lines:
        payments_by_bill[pline.payment.bill_id].append(pline)
    bills = []
    for bill in new.folio.bills:
        before = old_bills.get(bill.id)
        on_bill = before.postings if before is not None else []
        if bill.id in affected:
            on_bill = list(on_bill)
            for line in leaving:
                if line.bill_id == bill.id and (at := _position(on_bill, line_key(line))) is not None:
                    del on_bill[at]
            _insert_in_order(on_bill, [line for line in entering if line.bill_id == bill.id])
        charges, paid, _entries = new.totals.get((bill.id, new.currency), (0, 0, 0))
        bills.append(BillView(bill, on_bill, payments_by_bill.get(bill.id, []),
                              Money.from_minor(charges, new.currency), Money.from_minor(paid, new.currency)))
    return bills


# The bills' ids as one array on PostgreSQL (one_of): a statement of the same text however many
# bills the folio has, so one prepared statement and, after a few runs, one plan.
_BILL_TOTALS = (select(BillTotal.bill_id, BillTotal.currency, BillTotal.charges, BillTotal.paid, BillTotal.entries)
                .where(one_of(BillTotal.bill_id, "bills")))


def _insert_in_order(lines: list[PostingLine], new: list[PostingLine]) -> None:
    """``new`` put into ``lines`` (in (ordered_at, id) order) where each goes: a few look-ups each,
    however long the list."""
    for line in sorted(new, key=line_key):
        if not lines or line_key(lines[-1]) < line_key(line):
            lines.append(line)
        else:
            bisect.insort(lines, line, key=line_key)


def _payment_lines(old: list[PaymentLine], new_payments: Sequence[Payment]) -> list[PaymentLine]:
    """The payment lines as :func:`desk.ledger.folios.folio_view` puts them together, from the shown
    payments and the new ones; a line nothing changed is the shown object."""
    if not new_payments:
        return old
    payments = sorted([*(line.payment for line in old), *new_payments], key=lambda p: (p.created_at, p.id))
    voids = {p.voids_id: p for p in payments if p.voids_id is not None}
    refunds: dict[int, list[Payment]] = defaultdict(list)
    for p in payments:
        if p.refund_of_id is not None and p.id not in voids:
            refunds[p.refund_of_id].append(p)
    shown = {line.payment.id: line for line in old}
    lines = []
    for p in payments:
        line = PaymentLine(p, voids.get(p.id), refunds.get(p.id, []))
        before = shown.get(p.id)
        lines.append(before if before is not None and before == line else line)
    return lines


def _card(session: Session, folio: FolioView, seen: LedgerSeen, stamp: tuple[int, int], changes: FolioChanges | None,
          language: str, known: CardCatalogues | None, shown: ReservationCardData | None = None) -> ReservationCardData:
    """The card of ``folio``; reloaded from ``shown`` (the folio brought up to date from it), what
    the card read beside the folio is ``shown``'s own where no row it is read from was added since."""
    folio_id = folio.folio.id
    # Today's rates, as a payment taken today converts (desk.hotel.rates.rate_on decides them).
    rates = {folio.currency: Decimal(1), **rates_on(session, date.today())}
    before = shown.seen if shown is not None else None
    added = [] if before is None else [line.payment for line in folio.payments if line.payment.id > before.payment_id]
    # Holds, card payments and slips are read from card records; a card payment is marked refunded
    # by a refund, a payment of its own.
    if (shown is not None and before is not None and before.card_record_id == seen.card_record_id
            and all(payment.refund_of_id is None for payment in added)):
        holds, card_payments, card_slips = shown.pre_authorisations, shown.card_payments, shown.card_slips
    else:
        holds = [PreAuthorisation(h.amount, h.created_at, h.state, h.id, h.terminal, h.masked_pan, h.operator_id,
                                  h.saved_card_id)
                 for h in holds_of_folio(session, folio_id)]
        card_payments = card_payments_of_folio(session, folio_id)
        card_slips = payments_with_card_slip(session, folio_id)
    if shown is not None and before is not None and before.receipt_rows == seen.receipt_rows:
        # _payment_lines keeps the shown list when no payment was added.
        receipts = (shown.receipts if folio.payments is shown.folio.payments
                    else _receipts_since(session, shown, folio, changes))
    else:
        receipts = receipt_marks(session, folio)
    return ReservationCardData(
        folio=folio,
        rates=rates,
        catalogues=current_catalogues(session, language, known, stamp),
        pre_authorisations=holds,
        saved_cards=_saved_cards(session, folio.folio),
        card_payments=card_payments,
        card_slips=card_slips,
        receipts=receipts,
        seen=seen,
        changes=changes,
    )


def _receipts_since(session: Session, shown: ReservationCardData, folio: FolioView, changes: FolioChanges | None
                    ) -> dict[int, ReceiptMark]:
    """The receipts' marks when no receipt row was added since ``shown`` was read: the shown marks,
    and those of the payment lines that are new or changed (a payment added, one voided). A new
    payment no receipt row names, and that voids nothing, has its mark without a read: an Apply's."""
    kept = {id(line) for line in _all_payment_lines(shown.folio)}
    changed = [line for line in _all_payment_lines(folio) if id(line) not in kept]
    again = {line.payment.id for line in changed}
    receipts = {pid: mark for pid, mark in shown.receipts.items() if pid not in again}
    assert shown.seen is not None
    after = shown.seen.payment_id
    unrecorded = [line for line in changed if changes is not None and changes.new_payments_unrecorded
                  and line.payment.id > after and line.payment.voids_id is None]
    receipts.update(unrecorded_marks(unrecorded))
    known = {id(line) for line in unrecorded}
    receipts.update(receipt_marks(session, folio, [line for line in changed if id(line) not in known]))
    return receipts


def _all_payment_lines(view: FolioView) -> list[PaymentLine]:
    return [line for bill in view.bills for line in bill.payments] + list(view.deposit_payments)


def _saved_cards(session: Session, folio: Folio) -> list[SavedCard]:
    """The cards saved on the folio's reservation, company or event (R10), with their days left (R11).

    Read at every reload, not kept: a card is saved or deleted without a ledger row, and the days
    left change with the date."""
    if folio.reservation_id is None and folio.company_id is None and folio.event_id is None:
        return []
    cards = saved_cards(session, reservation_id=folio.reservation_id, company_id=folio.company_id,
                        event_id=folio.event_id)
    return [SavedCard(c.masked_pan, c.brand, c.expiry, c.holder, c.days_left(), c.id, c.operator_id, c.operator)
            for c in cards]


@dataclass
class PostingDetails:
    """An order as the service-details window shows it (R5)."""

    posting: Posting
    bill_number: str
    items: list[tuple[str, Decimal, Money, Money]]  # name, quantity, unit price, amount
    moves: list[PostingMove]
    reversal: Posting | None
    names: Names = field(default_factory=Names)


def posting_details(session: Session, posting_id: int, language: str = "en") -> PostingDetails:
    posting = session.scalar(
        select(Posting).where(Posting.id == posting_id).options(selectinload(Posting.items))
    )
    if posting is None:
        raise NotFound("Service {posting} does not exist", posting=posting_id)
    line = load_folio(session, posting.folio_id).posting(posting_id)
    bill = session.get_one(Bill, line.bill_id)
    moves = list(session.scalars(select(PostingMove).where(PostingMove.posting_id == posting_id)
                                 .order_by(PostingMove.id)))
    items = [(i.name, i.quantity, i.unit_price, i.amount) for i in posting.items]
    if not items:
        items = [(posting.description, posting.quantity, posting.unit_price, posting.amount)]
    return PostingDetails(posting, bill.number, items, moves, line.reversed_by, load_names(session, language))


def payment_of(session: Session, payment_id: int) -> Payment:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound("Payment {payment} does not exist", payment=payment_id)
    return payment
