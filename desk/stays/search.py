"""Finding folios from the main window: by room, reservation number, guest, company or arrival.

Every text match is an indexed equality or prefix range, so a search stays fast with a hundred
thousand reservations. Prefixes are ranges (``col >= 'ab' AND col < 'ac'``) rather than LIKE:
ranges use an ordinary index on SQLite and, with the search columns in the "C" collation, on
PostgreSQL too, whatever the server's locale.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnElement,
    CompoundSelect,
    Connection,
    Executable,
    Integer,
    ScalarSelect,
    Select,
    String,
    TypeDecorator,
    and_,
    any_,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    union,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.fiscal.models import CashRegister
from desk.hotel.models import Hotel, Room
from desk.hotel.names import NameKind, load_names
from desk.ledger.models import Bill, BillTotal, Folio, Payment
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


class _OneOf(FunctionElement[bool]):
    """``column`` is one of the ids given as a parameter or found by a select: see one_of."""

    # No Boolean type: SQLite would compare a boolean function with 1 ("IN (...) = 1").
    inherit_cache = True
    name = "one_of"


def one_of(column: InstrumentedAttribute[int], ids: str | CompoundSelect[int]) -> ColumnElement[bool]:
    """``column IN (ids)``: the ids a list given as the parameter named ``ids``, or those a select finds.

    On PostgreSQL ``column = ANY(ids)``. A list goes as one array: as a parameter for each id, a
    page of 200 stays made a statement whose rendering and parsing cost the client more than the
    server took to run it, and whose text changed with the number of ids, so psycopg converted it
    anew each time and the server planned it anew each time. A select's ids are gathered into an
    array (``ANY(ARRAY(select))``) before they are looked up: counting the 200 ids of a page, the
    planner read the whole reservation table of the 20,000-stay hotel to join them (5.4 ms); an
    array it takes for a few ids, each looked up by its key (1.3 ms), as the 200,000 one is anyway.
    """
    found = bindparam(ids, expanding=True) if isinstance(ids, str) else ids.scalar_subquery()
    return _OneOf(column, found)


@compiles(_OneOf)
def _one_of_as_list(element: _OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    column, ids = element.clauses
    return compiler.process(column.in_(ids.element if isinstance(ids, ScalarSelect) else ids), **kw)


class _IdsAsText(TypeDecorator[Sequence[int]]):
    """Ids sent as the text of an array (``{1,2,3}``): psycopg's dumper of a list costs ten times as much."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Sequence[int] | None, dialect: Dialect) -> str | None:
        return None if value is None else "{" + ",".join(str(int(one)) for one in value) + "}"


@compiles(_OneOf, "postgresql")
def _one_of_as_array(element: _OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    column, ids = element.clauses
    if isinstance(ids, ScalarSelect):
        return f"{compiler.process(column, **kw)} = ANY (ARRAY{compiler.process(ids, **kw)})"
    return compiler.process(column == any_(cast(bindparam(ids.key, type_=_IdsAsText()), ARRAY(Integer))), **kw)


# --- reservations ---------------------------------------------------------------------------
#
# The statements are built once for each shape of query (which filters, how many spellings of the
# text) with the typed values as parameters: building and caching a statement of a dozen joins
# costs more than SQLite takes to run it on a big hotel. They run on the session's connection, as
# plain rows: nothing here is an ORM object.


@dataclass(frozen=True)
class _Shape:
    text: bool
    in_house_only: bool
    arrival: bool
    departure: bool
    candidates: int  # the text's spellings: as typed, and upper-cased when that differs


def _shape(query: FolioQuery, terms: _Terms) -> _Shape:
    return _Shape(bool(terms.raw), query.in_house_only, query.arrival is not None, query.departure is not None,
                  len(terms.candidates) if terms.raw else 0)


def _parameters(query: FolioQuery, terms: _Terms) -> dict[str, object]:
    parameters: dict[str, object] = {"limit": query.limit}
    if query.arrival is not None:
        parameters["arrival"] = query.arrival
    if query.departure is not None:
        parameters["departure"] = query.departure
    if terms.raw:
        parameters.update(lower=terms.lower, lower_end=_after_prefix(terms.lower))
        for n, candidate in enumerate(terms.candidates):
            parameters.update({f"c{n}": candidate, f"c{n}_end": _after_prefix(candidate)})
    return parameters


def _starts_with_parameter(column: InstrumentedAttribute[str], name: str) -> ColumnElement[bool]:
    """``column`` starts with the parameter ``name``, as an index-friendly range (see _parameters)."""
    return and_(column >= bindparam(name), column < bindparam(f"{name}_end"))


def _limit() -> ColumnElement[int]:
    return bindparam("limit", type_=Integer)


def _narrowed(statement: Select[int, date], shape: _Shape) -> Select[int, date]:
    """Only the stays the filters allow, newest first, at most a page of them."""
    if shape.in_house_only:
        statement = statement.where(Reservation.status == ReservationStatus.IN_HOUSE)
    if shape.arrival:
        statement = statement.where(Reservation.arrival == bindparam("arrival"))
    if shape.departure:
        statement = statement.where(Reservation.departure == bindparam("departure"))
    return statement.order_by(Reservation.arrival.desc(), Reservation.id.desc()).limit(_limit())


def _matching_reservation_ids(shape: _Shape, postgresql: bool) -> CompoundSelect[int]:
    """Ids of the stays the text finds: a union of small indexed lookups, each cut to a page.

    Cutting each lookup to its newest page first keeps a common name prefix from dragging tens
    of thousands of past stays through the joins. Over all stays, the guests' page is read before,
    by _guest_page, and comes in as the parameter ``guest_page``.
    """
    # Pages select the arrival they are ordered by: PostgreSQL orders a DISTINCT select (a stay found
    # through two of its guests is one stay) only by columns it selects.
    columns = (Reservation.id, Reservation.arrival)
    candidates = [f"c{n}" for n in range(shape.candidates)]
    by_room = (
        select(*columns)
        .join(Room, Room.id == Reservation.room_id)
        .where(or_(*(Room.number == bindparam(name) for name in candidates)))
    )
    by_number = select(*columns).where(or_(*(_starts_with_parameter(Reservation.number, name) for name in candidates)))
    pages = [_narrowed(branch, shape).subquery() for branch in (by_room, by_number)]
    pages.append((_by_company_each(shape) if postgresql else _narrowed(_by_company(columns), shape)).subquery())
    if _walks_stays(shape):
        pages.append(_narrowed(select(*columns).where(_has_guest_named()), shape).subquery())
    by_guest = select(Reservation.id).where(one_of(Reservation.id, "guest_page"))
    return union(*(select(page.c.id) for page in pages), *(() if _walks_stays(shape) else (by_guest,)))


def _by_company(columns: tuple[InstrumentedAttribute[Any], ...]) -> Select[int, date]:
    return (
        select(*columns)
        .join(Company, Company.id == Reservation.company_id)
        .where(_starts_with_parameter(Company.search_name, "lower"))
    )


def _by_company_each(shape: _Shape) -> Select[int, date]:
    """PostgreSQL's page of the stays of the companies the text names: each company's newest page, read
    from its stays' index (company, arrival), then the newest of them.

    Joined as one, the planner guessed a tenth of all stays were those companies' and walked every stay
    newest first looking for them: for "rhine" (48 companies, 1,137 stays) 41,000 stays, 44,000 buffers,
    35 ms on the 200,000-stay hotel, where each company's own page costs 1,400 buffers.
    """
    stays = _narrowed(select(Reservation.id, Reservation.arrival).where(Reservation.company_id == Company.id),
                      shape).lateral()
    return (
        select(stays.c.id, stays.c.arrival)
        .select_from(Company)
        .join(stays, literal_column("true"))
        .where(_starts_with_parameter(Company.search_name, "lower"))
        .order_by(stays.c.arrival.desc(), stays.c.id.desc())
        .limit(_limit())
    )


def _walks_stays(shape: _Shape) -> bool:
    """In house, or leaving on one day: those few stays are walked newest first and each asked for
    a matching guest, as a common prefix would otherwise name thousands of stays to throw away (and
    the newest page of all of them need not hold that day's departures)."""
    return shape.in_house_only or shape.departure


def _has_guest_named() -> ColumnElement[bool]:
    return select(StaySearchTerm.reservation_id).where(
        StaySearchTerm.reservation_id == Reservation.id, _starts_with_parameter(StaySearchTerm.term, "lower")).exists()


@lru_cache(maxsize=4)
def _guest_terms_statement(arrival: bool) -> Select[int]:
    """The newest matching search terms, at most ``cap`` of them: read from the terms' key (term,
    arrival, stay) alone, so a prefix that names thousands of past stays costs a range of one index
    and a sort that keeps only ``cap`` rows, not a row of each stay.

    No DISTINCT: a distinct sort would keep every matching stay to the end (a one-letter prefix
    names a tenth of the hotel); _guest_page drops a stay's second term in Python instead.
    """
    statement = (
        select(StaySearchTerm.reservation_id)
        .where(_starts_with_parameter(StaySearchTerm.term, "lower"))
        .order_by(StaySearchTerm.arrival.desc(), StaySearchTerm.reservation_id.desc())
        .limit(bindparam("cap", type_=Integer))
    )
    if arrival:
        statement = statement.where(StaySearchTerm.arrival == bindparam("arrival"))
    return statement


def _guest_page(connection: Connection, query: FolioQuery, parameters: dict[str, object]) -> list[int]:
    """The newest ``query.limit`` stays with a guest whose last or first name starts with the text.

    A stay's terms come together in this order (arrival, then stay), so the first ``cap`` terms hold
    the newest stays entirely but perhaps the last; when the terms fill ``cap`` but are of too few
    stays (many guests of one stay match), the read is repeated with a larger ``cap``.
    """
    statement = _guest_terms_statement(query.arrival is not None)
    cap = 2 * query.limit  # a guest's two terms (last first, first last) can both start with the text
    while True:
        found = connection.execute(statement, {**parameters, "cap": cap}).scalars().all()
        stays = list(dict.fromkeys(found))
        if len(found) < cap or len(stays) >= query.limit:
            return stays[: query.limit]
        cap *= 4


@lru_cache(maxsize=64)
def _reservations_statement(shape: _Shape, postgresql: bool) -> Select[int, str, ReservationStatus, date, date, str,
                                                                       str, int]:
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
        .limit(_limit())
    )
    if shape.in_house_only:
        statement = statement.where(Reservation.status == ReservationStatus.IN_HOUSE)
    if shape.arrival:
        statement = statement.where(Reservation.arrival == bindparam("arrival"))
    if shape.departure:
        statement = statement.where(Reservation.departure == bindparam("departure"))
    if shape.text:
        statement = statement.where(one_of(Reservation.id, _matching_reservation_ids(shape, postgresql)))
    return statement


def _planned_for_its_values(connection: Connection, statement: Executable, parameters: dict[str, object]) -> list[Any]:
    """The rows of a page found by the typed text or a day, planned by PostgreSQL for them every time.

    psycopg prepares a statement run five times, and after five more runs the server may keep one
    generic plan for any values. For the newest stays whose number or company starts with the text,
    the generic plan walked every stay newest first looking for a few (it cannot know that a name
    prefix names no reservation number): 19,000 buffers a search on the 20,000-stay bench hotel,
    where the plan made for the text reads 1,200. For a day's arrivals, not knowing the page's size,
    it walked all 200,000 stays of the big hotel newest first for the day's hundred (4,400 buffers,
    25-36 ms) where the plan for the day reads them by their arrival (530 buffers, 2-3 ms).
    """
    if connection.dialect.name != "postgresql":
        return list(connection.execute(statement, parameters).all())
    connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
    found = list(connection.execute(statement, parameters).all())
    # The rest of the search looks stays up by id, where the generic plan is the plan for any ids.
    connection.exec_driver_sql("RESET plan_cache_mode")
    return found


# A row waiting for its folio's balance: the folio, and the row made once the balance is known.
_Pending = tuple[int | None, Callable[..., FolioRow]]


def _reservation_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[_Pending]:
    connection = session.connection()
    shape, parameters = _shape(query, terms), _parameters(query, terms)
    if shape.text and not _walks_stays(shape):
        parameters["guest_page"] = _guest_page(connection, query, parameters)
    statement = _reservations_statement(shape, connection.dialect.name == "postgresql")
    planned_for_values = shape.text or shape.arrival or shape.departure
    found = _planned_for_its_values(connection, statement, parameters) if planned_for_values else \
        connection.execute(statement, parameters).all()
    names = _guest_names(connection, [row[0] for row in found])
    return [
        (folio_id, partial(
            FolioRow,
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
        ))
        for reservation_id, number, status, arrival, departure, room, company, folio_id in found
    ]


_GUEST_NAMES = (
    select(ReservationGuest.reservation_id, Guest.first_name, Guest.last_name)
    .join(Guest, Guest.id == ReservationGuest.guest_id)
    .where(one_of(ReservationGuest.reservation_id, "ids"))
    .order_by(ReservationGuest.reservation_id, ReservationGuest.position, Guest.id)
)


def _guest_names(connection: Connection, reservation_ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    if not reservation_ids:
        return names
    for reservation_id, first, last in connection.execute(_GUEST_NAMES, {"ids": list(reservation_ids)}).all():
        names[reservation_id].append(f"{first} {last}".strip())
    return names


# --- accounts: companies, events, walk-in clients -------------------------------------------


def _word_prefix(name: str, text: str) -> bool:
    """Whether ``text`` starts ``name`` or one of its words, ignoring case."""
    if not text:
        return True
    name = " ".join(name.lower().split())
    return name.startswith(text) or any(word.startswith(text) for word in name.split(" "))


def _company_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[_Pending]:
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
        (folio_id, partial(FolioRow, kind=FolioKind.COMPANY, folio_id=folio_id, owner_id=company_id, name=name,
                           company=name))
        for company_id, name, folio_id in session.connection().execute(statement).all()
    ]


def _event_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[_Pending]:
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
    rows: list[_Pending] = []
    for event_id, name, starts_on, ends_on, company, folio_id in session.connection().execute(statement):
        if not _word_prefix(name, terms.lower):
            continue
        rows.append((folio_id, partial(FolioRow, kind=FolioKind.EVENT, folio_id=folio_id, owner_id=event_id,
                                       name=name, arrival=starts_on, departure=ends_on, company=company or "")))
        if len(rows) >= query.limit:
            break
    return rows


def _walk_in_rows(session: Session, query: FolioQuery, terms: _Terms) -> list[_Pending]:
    if query.arrival is not None or query.departure is not None:
        return []
    # Walk-in names are free text (any case, any script): an indexed scan of the walk-in folios
    # only, matched in Python.
    statement = (
        select(Folio.id, Folio.walk_in_name)
        .where(Folio.walk_in_name.is_not(None))
        .order_by(Folio.id.desc())
    )
    rows: list[_Pending] = []
    for folio_id, name in session.connection().execute(statement):
        if not _word_prefix(name or "", terms.lower):
            continue
        rows.append((folio_id, partial(FolioRow, kind=FolioKind.WALK_IN, folio_id=folio_id, owner_id=None,
                                       name=name or "")))
        if len(rows) >= query.limit:
            break
    return rows


# --- balances -------------------------------------------------------------------------------


def folio_balances(session: Session, folio_ids: Iterable[int]) -> dict[int, Money]:
    """What each folio owes after payments and deposits (positive: the client owes the hotel).

    What its bills owe is their totals as the database keeps them (``bill_total``, one row per bill
    and currency); what it holds on deposit, its payments on no bill added up by the database. Not
    a posting is read: a page of long stays costs a row or two a folio (issue 23).
    """
    ids = sorted(set(folio_ids))
    if not ids:
        return {}
    connection = session.connection()
    currency = connection.execute(_BASE_CURRENCY).scalar()
    if currency is None:
        return {}
    minor = dict.fromkeys(ids, 0)
    for folio_id, bill_currency, owed, entries in connection.execute(_BILLS_OWE, {"ids": ids}).all():
        if bill_currency != currency and entries:
            raise InvalidInput("A ledger amount is in {currency}, not the hotel's {base}",
                               currency=bill_currency, base=currency)
        minor[folio_id] += int(owed)
    for sign, folio_id, summed, other in connection.execute(_DEPOSITS, {"ids": ids, "prefix": f"{currency} "}):
        if other is not None:
            raise InvalidInput("A ledger amount is in {currency}, not the hotel's {base}",
                               currency=str(other).split(" ")[0], base=currency)
        minor[folio_id] += int(sign) * int(summed)
    # One Money for each amount: a page of past stays is mostly settled, at zero (Money is immutable).
    amounts = {value: Money.from_minor(value, currency) for value in set(minor.values())}
    return {folio_id: amounts[value] for folio_id, value in minor.items()}


def _minor_sums(sign: int, folio_column: InstrumentedAttribute[int],
                amount_column: InstrumentedAttribute[Money]) -> Select[Any, int, int, Any]:
    """Each folio's amounts added up in minor units, exactly, with ``sign``; and one amount in
    another currency than the parameter ``prefix`` names, if there is one.

    A Money's text is ``"EUR 12.50"`` with exactly the currency's digits after the point, so its
    digits without the point are the amount in minor units; text in another currency is refused.
    """
    prefix = bindparam("prefix", type_=String)
    text_of = cast(amount_column, String)
    in_minor = cast(func.replace(func.substr(text_of, func.length(prefix) + 1), ".", ""), BigInteger)
    foreign = func.min(case((func.substr(text_of, 1, func.length(prefix)) != prefix, text_of)))
    return (
        select(literal_column(str(sign)).label("sign"), folio_column.label("folio_id"), func.sum(in_minor), foreign)
        .where(one_of(folio_column, "ids"))
        .group_by(folio_column)
    )


_BASE_CURRENCY = select(Hotel.base_currency).limit(1)
# Moves keep a posting on a bill of its own folio, so a folio's bills hold every posting of it.
_BILLS_OWE = (
    select(Bill.folio_id, BillTotal.currency, func.sum(BillTotal.charges - BillTotal.paid), func.sum(BillTotal.entries))
    .join(BillTotal, BillTotal.bill_id == Bill.id)
    .where(one_of(Bill.folio_id, "ids"))
    .group_by(Bill.folio_id, BillTotal.currency)
)
_DEPOSITS = _minor_sums(-1, Payment.folio_id, Payment.base_amount).where(Payment.bill_id.is_(None))


# --- the search -----------------------------------------------------------------------------


def search_folios(session: Session, query: FolioQuery) -> list[FolioRow]:
    """Reservations first (latest arrival first), then companies, events and walk-in clients.

    At most ``query.limit`` rows, each with its folio's balance.
    """
    terms = _check(query)
    pending: list[_Pending] = []
    finders = (
        (FolioKind.RESERVATION, _reservation_rows),
        (FolioKind.COMPANY, _company_rows),
        (FolioKind.EVENT, _event_rows),
        (FolioKind.WALK_IN, _walk_in_rows),
    )
    for kind, finder in finders:
        if kind in query.kinds and len(pending) < query.limit:
            pending.extend(finder(session, query, terms))
    pending = pending[: query.limit]
    balances = folio_balances(session, (folio_id for folio_id, _row in pending if folio_id is not None))
    return [row(balance=balances.get(folio_id)) if folio_id is not None else row() for folio_id, row in pending]


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
