"""Reference data (the hotel's currency, tax rates, outlets, payment codes) read once per unit of work,
and the settings every workstation shares read once per process.

A use case, or a group of POS postings committed together, asks for the same few rows again and
again; nobody changes them meanwhile except through a use case of the same unit, which then
forgets what was read (see ``forget``). The statements are built once by their callers: building
one costs more than running it.

The hotel's settings (its currency, services, VAT rates, outlets, payment methods) change seldom
and only through an administrator's use case, which records each change in ``admin_change`` in
the same transaction (desk.people.changes). So they are also remembered per process and database
(issue 23: they were a third of a sale's statements), tagged with the number of recorded changes
the unit that read them saw. Each unit reads that version once (one statement, in place of the
three or four rows a posting or a payment read); a different version, and the remembered rows are
dropped: a change made at another workstation is used by the next unit here. The version is the
highest id and how many rows lie within ``SETTINGS_WINDOW`` ids below it: on PostgreSQL ids are
handed out before commit, so a change could commit after one with a higher id, which the highest
id alone would miss and the count (the record is append-only) sees; counting only the latest ids
keeps it one short index range however long the record grows (a change would have to stay
uncommitted while that many others committed to be missed). A unit that changes settings itself
never shares what it read (it may still roll back).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import Engine, Executable, bindparam, event, func, select
from sqlalchemy.orm import Session, make_transient_to_detached

from desk.core.errors import NotFound
from desk.core.money import Money
from desk.hotel.models import CurrencyRate, ExchangeRate, Hotel, Outlet, PaymentMethod, Service, TaxRate
from desk.people.confirming import read_with_confirmation
from desk.people.models import AdminChange

T = TypeVar("T")
_CACHES = "desk.hotel.reference"


def per_unit(session: Session, kind: str) -> dict[object, object]:
    """A cache that lives as long as the session's unit of work."""
    caches: dict[str, dict[object, object]] = session.info.setdefault(_CACHES, {})
    return caches.setdefault(kind, {})


def forget(session: Session, kind: str) -> None:
    """After a use case changed what ``kind`` caches: its change is flushed, so that the plain
    statements that read it again (they do not flush on their own) find it."""
    session.info[_CHANGES_SETTINGS] = True  # nothing this unit reads is shared: it may roll back
    session.flush()
    per_unit(session, kind).clear()


def reference(session: Session, kind: str, key: object, statement: Executable, *, shared: bool = False,
              **params: Any) -> Any:
    """The first column of ``statement``'s first row, or None; read once per unit and ``key``, and
    (``shared``: a hotel setting, changed only by a recorded administrator's change) once per
    process until such a change is recorded."""
    if shared:
        return remembered(session, kind, key, lambda: _first_value(session, statement, params))
    known = per_unit(session, kind)
    if key not in known:
        value = _first_value(session, statement, params)
        if value is None:
            return None  # not remembered: the unit may still add it
        known[key] = value
    return known[key]


def _first_value(session: Session, statement: Executable, params: dict[str, Any]) -> Any:
    value = session.connection().execute(statement, params).scalar()
    if value is None and (session.new or session.dirty):
        # Rows this unit added but did not flush yet (setting up a hotel) are found too.
        session.flush()
        value = session.connection().execute(statement, params).scalar()
    return value


def remembered(session: Session, kind: str, key: object, load: Callable[[], T]) -> T:
    """What ``load()`` builds from hotel settings, kept as a shared ``reference`` is: once per unit
    and ``key``, and once per process until an administrator's change is recorded (a value built
    from several rows, which ``reference``'s one column cannot hold). None is not remembered: the
    unit may still add what it was built from."""
    known = per_unit(session, kind)
    if key not in known:
        remembered_rows = _remembered_settings(session)
        if remembered_rows is not None and (kind, key) in remembered_rows:
            known[key] = remembered_rows[kind, key]
        else:
            value = load()
            if value is None:
                return value
            known[key] = value
            if remembered_rows is not None and not _changes_settings(session):
                remembered_rows[kind, key] = value
    return known[key]  # type: ignore[return-value]


# --- settings remembered per process ---------------------------------------------------------------

_SETTINGS_CLASSES = (Hotel, Service, TaxRate, Outlet, PaymentMethod, CurrencyRate, ExchangeRate, AdminChange)
_CHANGES_SETTINGS = "desk.hotel.reference.changes_settings"
SETTINGS_WINDOW = 256
_changes = AdminChange.__table__.c
_latest_change = select(func.coalesce(func.max(_changes.id), 0)).scalar_subquery()
_SETTINGS_VERSION = select(func.max(_changes.id), func.count()).where(_changes.id > _latest_change - SETTINGS_WINDOW)
# The same version as two columns, read with the actor's confirmation (desk.people.confirming).
_SETTINGS_VERSION_COLUMNS = (
    select(func.max(_changes.id)).where(_changes.id > _latest_change - SETTINGS_WINDOW).scalar_subquery(),
    select(func.count()).where(_changes.id > _latest_change - SETTINGS_WINDOW).scalar_subquery(),
)


class _Remembered:
    """One database's settings as of one version of the record of changes. Replaced whole, never
    edited across versions, so threads sharing it need no lock: a unit uses it only if its version
    matches."""

    def __init__(self, version: tuple[int | None, int]) -> None:
        self.version = version
        self.rows: dict[tuple[str, object], Any] = {}


_by_engine: weakref.WeakKeyDictionary[Engine, _Remembered] = weakref.WeakKeyDictionary()
_by_engine_lock = threading.Lock()


def _changes_settings(session: Session) -> bool:
    if session.info.get(_CHANGES_SETTINGS):
        return True
    return any(isinstance(obj, _SETTINGS_CLASSES) for obj in chain(session.new, session.dirty, session.deleted))


@event.listens_for(Session, "before_flush")
def _note_settings_changes(session: Session, _context: Any, _instances: Any) -> None:
    if _changes_settings(session):
        session.info[_CHANGES_SETTINGS] = True


def _remembered_settings(session: Session) -> dict[tuple[str, object], Any] | None:
    """The settings this process remembers for the unit's database, as of the count of recorded
    changes this unit sees; None in a unit that changes settings itself."""
    if _changes_settings(session):
        return None
    versions = per_unit(session, _VERSION)
    if None not in versions:
        latest, count = session.connection().execute(_SETTINGS_VERSION).one()
        versions[None] = (latest, count)
    version: tuple[int | None, int] = versions[None]  # type: ignore[assignment]
    engine = session.get_bind()
    if not isinstance(engine, Engine):
        engine = engine.engine
    with _by_engine_lock:
        remembered = _by_engine.get(engine)
        if remembered is None or remembered.version != version:
            remembered = _by_engine[engine] = _Remembered(version)
    return remembered.rows


_VERSION = "settings_version"


def _note_settings_version(session: Session, values: Sequence[object]) -> None:
    """The version :data:`_SETTINGS_VERSION_COLUMNS` read in this unit, so that it is not read again."""
    per_unit(session, _VERSION)[None] = tuple(values)


read_with_confirmation(_SETTINGS_VERSION_COLUMNS, _note_settings_version)


@dataclass(frozen=True)
class ServiceRow:
    """A catalogue service as a posting uses it."""

    code: str
    name: str
    price: Money
    tax_code: str
    outlet_code: str | None  # where it is sold: its postings carry it


_services = Service.__table__.c
_SERVICE = select(_services.code, _services.name, _services.price, _services.tax_code, _services.outlet_code).where(
    _services.code == bindparam("code"))


def service_row(session: Session, code: str) -> ServiceRow | None:
    """The service ``code``, or None if the hotel has no such service."""
    known = per_unit(session, "service")
    if _changes_settings(session):
        known.clear()  # a unit that changes the catalogue reads what it changed
    elif code in known:
        return known[code]  # type: ignore[return-value]
    remembered = _remembered_settings(session)
    if remembered is not None and ("service", code) in remembered:
        row = remembered["service", code]
    else:
        session.flush()  # a service this unit added is found too (its statements do not flush)
        found = session.connection().execute(_SERVICE, {"code": code}).one_or_none()
        if found is None:
            return None
        row = ServiceRow(found.code, found.name, found.price, found.tax_code, found.outlet_code)
        if remembered is not None and not _changes_settings(session):
            remembered["service", code] = row
    known[code] = row
    return row


_methods = PaymentMethod.__table__.c
_METHOD = select(_methods.code, _methods.name, _methods.kind, _methods.opens_drawer, _methods.fiscal).where(
    _methods.code == bindparam("code"))


def payment_method(session: Session, code: str) -> PaymentMethod | None:
    """The payment method ``code`` as a row of the unit's session, or None if there is none.

    Remembered as a detached copy and merged into the unit without a statement (``load=False``):
    payments refer to their method as an object.
    """
    remembered = _remembered_settings(session)
    if remembered is None or ("payment_method", code) not in remembered:
        return session.get(PaymentMethod, code) if remembered is None else _remember_method(session, code, remembered)
    return session.merge(remembered["payment_method", code], load=False)


def _remember_method(session: Session, code: str, remembered: dict[tuple[str, object], Any]) -> PaymentMethod | None:
    in_session = session.identity_map.get(session.identity_key(PaymentMethod, code))
    if in_session is not None:
        return in_session
    found = session.connection().execute(_METHOD, {"code": code}).one_or_none()
    if found is None:
        return session.get(PaymentMethod, code)  # one this unit added is found too
    copy = PaymentMethod(code=found.code, name=found.name, kind=found.kind, opens_drawer=found.opens_drawer,
                         fiscal=found.fiscal)
    make_transient_to_detached(copy)
    remembered["payment_method", code] = copy
    return session.merge(copy, load=False)


def base_currency(session: Session) -> str:
    # Asked several times by one use case; the hotel's currency does not change within a unit.
    currency = reference(session, "base_currency", None, _BASE_CURRENCY, shared=True)
    if currency is None:
        raise NotFound("The hotel is not set up")
    return str(currency)


_BASE_CURRENCY = select(Hotel.__table__.c.base_currency).order_by(Hotel.__table__.c.id).limit(1)
