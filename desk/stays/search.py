"""Finding folios from the main window: by room, reservation number, guest, company or arrival.

Every text match is an indexed equality or prefix range, so a search stays fast with a hundred
thousand reservations. Prefixes are ranges (``col >= 'ab' AND col < 'ac'``) rather than LIKE:
ranges use an ordinary index on SQLite and, with the search columns in the "C" collation, on
PostgreSQL too, whatever the server's locale.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    CompoundSelect,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from desk.core.errors import InvalidInput
from desk.core.money import Money, minor_units
from desk.fiscal.models import CashRegister
from desk.hotel.models import Hotel, Room
from desk.hotel.names import NameKind, load_names
from desk.ledger.models import Folio, Payment, Posting
from desk.people.models import User
from desk.stays.business_day import business_date
from desk.stays.models import (
    Company,
    Event,
    Guest,
    Reservation,
    ReservationGuest,
    ReservationStatus,
    StaySearchTerm,
)

MAX_TEXT_LENGTH = 80
MAX_LIMIT = 1000


class FolioKind(enum.StrEnum):
    RESERVATION = "reservation"
    COMPANY = "company"
    EVENT = "event"
    WALK_IN = "walk_in"


ALL_KINDS: frozenset[FolioKind] = frozenset(FolioKind)


@dataclass(frozen=True)
class FolioQuery:
    """What the clerk typed and ticked.

    ``text`` matches a room number (exactly), a reservation number, a guest's last or first name,
    or a company name (each by prefix, case-insensitively); companies, events and walk-in
    clients match by name. ``in_house_only`` and ``arrival`` narrow reservations; with
    ``arrival`` set, only reservations arriving and events starting that day are found.
    """

    text: str = ""
    arrival: date | None = None
    # Only stays leaving that day (and events ending on it): the day's departures.
    departure: date | None = None
    in_house_only: bool = True
    kinds: frozenset[FolioKind] = ALL_KINDS
    limit: int = 200


@dataclass(frozen=True)
class FolioRow:
    """One line of the results: a folio, or an account that has no folio yet (``folio_id`` None).

    ``owner_id`` is the reservation, company or event id (None for walk-ins), so an account
    without a folio can be opened by creating it.
    """

    kind: FolioKind
    folio_id: int | None
    owner_id: int | None
    name: str
    reservation_id: int | None = None
    number: str = ""
    status: ReservationStatus | None = None
    room: str = ""
    guests: tuple[str, ...] = ()
    arrival: date | None = None
    departure: date | None = None
    company: str = ""
    balance: Money | None = None

    @property
    def key(self) -> tuple[FolioKind, int | None]:
        """Identifies the row across refreshes, with or without a folio."""
        return self.kind, self.owner_id if self.folio_id is None else self.folio_id


@dataclass
class _Terms:
    """The typed text in the forms each column stores it."""

    raw: str
    lower: str
    upper: str
    candidates: tuple[str, ...] = field(default=())


def normalise_text(text: str) -> str:
    """Collapse spaces and lower-case, as guest and company search keys are stored."""
    normal = " ".join(text.split())
    if len(normal) > MAX_TEXT_LENGTH:
        raise InvalidInput("The search text is too long (at most {limit} characters)", field="text",
                           limit=MAX_TEXT_LENGTH)
    return normal


def _check(query: FolioQuery) -> _Terms:
    if not isinstance(query.limit, int) or not 1 <= query.limit <= MAX_LIMIT:
        raise InvalidInput("Ask for between 1 and {limit} results", field="limit", limit=MAX_LIMIT)
    raw = normalise_text(query.text)
    return _Terms(raw, raw.lower(), raw.upper(), tuple(dict.fromkeys((raw, raw.upper()))))


def _after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix`` (code-point order)."""
    last = ord(prefix[-1])
    following = last + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates cannot be stored: jump over them
        following = 0xE000
    if following > 0x10FFFF:
        return prefix + "\U0010ffff"
    return prefix[:-1] + chr(following)


def starts_with(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, as an index-friendly range."""
    return and_(column >= prefix, column < _after_prefix(prefix))


# --- reservations ---------------------------------------------------------------------------


def _narrowed(statement: Select[int, date], query: FolioQuery) -> Select[int, date]:
    """Only the stays the filters allow, newest first, at most a page of them."""
    if query.in_house_only:
        statement = statement.where(Reservation.status == ReservationStatus.IN_HOUSE)
    if query.arrival is not None:
        statement = statement.where(Reservation.arrival == query.arrival)
    if query.departure is not None:
        statement = statement.where(Reservation.departure == query.departure)
    return statement.order_by(Reservation.arrival.desc(), Reservation.id.desc()).limit(query.limit)


def _matching_reservation_ids(query: FolioQuery, terms: _Terms) -> CompoundSelect[int]:
    """Ids of the stays the text finds: a union of small indexed lookups, each cut to a page.

    Cutting each lookup to its newest page first keeps a common name prefix from dragging tens
    of thousands of past stays through the joins.
    """
    # Pages select the arrival they are ordered by: PostgreSQL orders a DISTINCT select (a stay found
    # through two of its guests is one stay) only by columns it selects.
    columns = (Reservation.id, Reservation.arrival)
    by_room = (
        select(*columns)
        .join(Room, Room.id == Reservation.room_id)
        .where(Room.number.in_(terms.candidates))
    )
    by_number = select(*columns).where(or_(*(starts_with(Reservation.number, c) for c in terms.candidates)))
    by_guest = _by_guest_name(query, terms)
    by_company = (
        select(*columns)
        .join(Company, Company.id == Reservation.company_id)
        .where(starts_with(Company.search_name, terms.lower))
    )
    pages = [_narrowed(branch, query).subquery() for branch in (by_room, by_number, by_company)]
    pages.append(by_guest.subquery())
    return union(*(select(page.c.id) for page in pages))


def _by_guest_name(query: FolioQuery, terms: _Terms) -> Select[int, date]:
    """The newest page of stays with a guest whose last or first name starts with the text.

    All stays: read from the search terms' key (term, arrival, stay) alone, newest first, so a
    prefix that names thousands of past stays costs a range of one index, not a row of each stay.
    In house, or leaving on one day: those few stays are walked newest first and each asked for a
    matching guest, as a common prefix would otherwise name thousands of stays to throw away (and
    the newest page of all of them need not hold that day's departures).
    """
    matching = starts_with(StaySearchTerm.term, terms.lower)
    if query.in_house_only or query.departure is not None:
        has_guest = select(StaySearchTerm.reservation_id).where(
            StaySearchTerm.reservation_id == Reservation.id, matching).exists()
        return _narrowed(select(Reservation.id, Reservation.arrival).where(has_guest), query)
    statement = (
        # A stay found through two of its guests, or a guest by both names, is one stay.
        select(StaySearchTerm.reservation_id.label("id"), StaySearchTerm.arrival)
        .distinct()
        .where(matching)
        .order_by(StaySearchTerm.arrival.desc(), StaySearchTerm.reservation_id.desc())
        .limit(query.limit)
    )
    if query.arrival is not None:
        statement = statement.where(StaySearchTerm.arrival == query.arrival)
    return statement


def _reservation_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[FolioRow]:
    statement = (
        select(
            Reservation.id,
            Reservation.number,
            Reservation.status,
            Reservation.arrival,
            Reservation.departure,
            Room.number,
            Company.name,
            Folio.id,
        )
        .outerjoin(Room, Room.id == Reservation.room_id)
        .outerjoin(Company, Company.id == Reservation.company_id)
        .outerjoin(Folio, Folio.reservation_id == Reservation.id)
        .order_by(Reservation.arrival.desc(), Reservation.id.desc())
        .limit(query.limit)
    )
    if query.in_house_only:
        statement = statement.where(Reservation.status == ReservationStatus.IN_HOUSE)
    if query.arrival is not None:
        statement = statement.where(Reservation.arrival == query.arrival)
    if query.departure is not None:
        statement = statement.where(Reservation.departure == query.departure)
    if terms.raw:
        statement = statement.where(Reservation.id.in_(_matching_reservation_ids(query, terms)))
    found = session.execute(statement).all()
    names = _guest_names(session, [row[0] for row in found])
    return [
        FolioRow(
            kind=FolioKind.RESERVATION,
            folio_id=folio_id,
            owner_id=reservation_id,
            name=", ".join(names.get(reservation_id, ())),
            reservation_id=reservation_id,
            number=number,
            status=status,
            room=room or "",
            guests=tuple(names.get(reservation_id, ())),
            arrival=arrival,
            departure=departure,
            company=company or "",
        )
        for reservation_id, number, status, arrival, departure, room, company, folio_id in found
    ]


def _guest_names(session: Session, reservation_ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    if not reservation_ids:
        return names
    rows = session.execute(
        select(ReservationGuest.reservation_id, Guest.first_name, Guest.last_name)
        .join(Guest, Guest.id == ReservationGuest.guest_id)
        .where(ReservationGuest.reservation_id.in_(reservation_ids))
        .order_by(ReservationGuest.reservation_id, ReservationGuest.position, Guest.id)
    )
    for reservation_id, first, last in rows:
        names[reservation_id].append(f"{first} {last}".strip())
    return names


# --- accounts: companies, events, walk-in clients -------------------------------------------


def _word_prefix(name: str, text: str) -> bool:
    """Whether ``text`` starts ``name`` or one of its words, ignoring case."""
    if not text:
        return True
    name = " ".join(name.lower().split())
    return name.startswith(text) or any(word.startswith(text) for word in name.split(" "))


def _company_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[FolioRow]:
    if query.arrival is not None or query.departure is not None:
        return []
    statement = (
        select(Company.id, Company.name, Folio.id)
        .outerjoin(Folio, Folio.company_id == Company.id)
        .order_by(Company.search_name, Company.id)
        .limit(query.limit)
    )
    if terms.raw:
        statement = statement.where(starts_with(Company.search_name, terms.lower))
    return [
        FolioRow(kind=FolioKind.COMPANY, folio_id=folio_id, owner_id=company_id, name=name, company=name)
        for company_id, name, folio_id in session.execute(statement)
    ]


def _event_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[FolioRow]:
    # A hotel holds few events a year: matching their names in Python handles every script.
    statement = (
        select(Event.id, Event.name, Event.starts_on, Event.ends_on, Company.name, Folio.id)
        .outerjoin(Company, Company.id == Event.company_id)
        .outerjoin(Folio, Folio.event_id == Event.id)
        .order_by(Event.starts_on.desc(), Event.id.desc())
    )
    if query.arrival is not None:
        statement = statement.where(Event.starts_on == query.arrival)
    if query.departure is not None:
        statement = statement.where(Event.ends_on == query.departure)
    rows = []
    for event_id, name, starts_on, ends_on, company, folio_id in session.execute(statement):
        if not _word_prefix(name, terms.lower):
            continue
        rows.append(FolioRow(kind=FolioKind.EVENT, folio_id=folio_id, owner_id=event_id, name=name,
                             arrival=starts_on, departure=ends_on, company=company or ""))
        if len(rows) >= query.limit:
            break
    return rows


def _walk_in_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[FolioRow]:
    if query.arrival is not None or query.departure is not None:
        return []
    # Walk-in names are free text (any case, any script): an indexed scan of the walk-in folios
    # only, matched in Python.
    statement = (
        select(Folio.id, Folio.walk_in_name)
        .where(Folio.walk_in_name.is_not(None))
        .order_by(Folio.id.desc())
    )
    rows = []
    for folio_id, name in session.execute(statement):
        if not _word_prefix(name or "", terms.lower):
            continue
        rows.append(FolioRow(kind=FolioKind.WALK_IN, folio_id=folio_id, owner_id=None, name=name or ""))
        if len(rows) >= query.limit:
            break
    return rows


# --- balances -------------------------------------------------------------------------------


def folio_balances(session: Session, folio_ids: Iterable[int]) -> dict[int, Money]:
    """What each folio owes after payments and deposits (positive: the client owes the hotel).

    The database adds the amounts up, one row per folio: a page of long stays must not turn every
    posting of their years into a Money here.
    """
    ids = sorted(set(folio_ids))
    if not ids:
        return {}
    currency = session.scalar(select(Hotel.base_currency).limit(1))
    if currency is None:
        return {}
    minor = dict.fromkeys(ids, 0)
    for folio_id, amount in _minor_sums(session, Posting.folio_id, Posting.amount, ids, currency).items():
        minor[folio_id] += amount
    for folio_id, amount in _minor_sums(session, Payment.folio_id, Payment.base_amount, ids, currency).items():
        minor[folio_id] -= amount
    digits = minor_units(currency)
    return {folio_id: Money(Decimal(value).scaleb(-digits), currency) for folio_id, value in minor.items()}


def _minor_sums(session: Session, folio_column: InstrumentedAttribute[int], amount_column: InstrumentedAttribute[Money],
                ids: list[int], currency: str) -> dict[int, int]:
    """Each folio's amounts added up in minor units, exactly.

    A Money's text is ``"EUR 12.50"`` with exactly the currency's digits after the point, so its
    digits without the point are the amount in minor units; text in another currency is refused.
    """
    prefix = f"{currency} "
    text_of = cast(amount_column, String)
    in_minor = cast(func.replace(func.substr(text_of, len(prefix) + 1), ".", ""), BigInteger)
    foreign = func.min(case((func.substr(text_of, 1, len(prefix)) != prefix, text_of)))
    sums: dict[int, int] = {}
    for folio_id, summed, other in session.execute(
        select(folio_column, func.sum(in_minor), foreign).where(folio_column.in_(ids)).group_by(folio_column)
    ):
        if other is not None:
            raise InvalidInput("A ledger amount is in {currency}, not the hotel's {base}",
                               currency=str(other).split(" ")[0], base=currency)
        sums[folio_id] = int(summed)
    return sums


# --- the search -----------------------------------------------------------------------------


def search_folios(session: Session, query: FolioQuery) -> list[FolioRow]:
    """Reservations first (latest arrival first), then companies, events and walk-in clients.

    At most ``query.limit`` rows, each with its folio's balance.
    """
    terms = _check(query)
    rows: list[FolioRow] = []
    finders = (
        (FolioKind.RESERVATION, _reservation_rows),
        (FolioKind.COMPANY, _company_rows),
        (FolioKind.EVENT, _event_rows),
        (FolioKind.WALK_IN, _walk_in_rows),
    )
    for kind, finder in finders:
        if kind in query.kinds and len(rows) < query.limit:
            rows.extend(finder(session, query, terms))
    rows = rows[: query.limit]
    balances = folio_balances(session, (row.folio_id for row in rows if row.folio_id is not None))
    return [
        _with_balance(row, balances.get(row.folio_id)) if row.folio_id is not None else row for row in rows
    ]


def _with_balance(row: FolioRow, balance: Money | None) -> FolioRow:
    return replace(row, balance=balance)


# --- the main window's status bar -------------------------------------------------------------


@dataclass(frozen=True)
class DeskStatus:
    """Who is at the desk and which cash registers (code, name) the hotel has configured."""

    cashier_name: str | None
    cash_registers: tuple[tuple[str, str], ...]
    business_date: date | None = None  # the day whose arrivals and departures the desk lists


def desk_status(session: Session, username: str, language: str = "en") -> DeskStatus:
    user = session.get(User, username)
    names = load_names(session, language)
    registers = session.execute(select(CashRegister.code, CashRegister.name).order_by(CashRegister.code)).all()
    return DeskStatus(
        cashier_name=user.full_name if user is not None else None,
        cash_registers=tuple((code, names.of(NameKind.CASH_REGISTER, code, name)) for code, name in registers),
        business_date=business_date(session),
    )
