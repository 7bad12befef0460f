"""Which of the hotel's services a POS check's lines post as: per outlet, by the till's item code or
category code, else as the outlet's default service.

A manager (``MANAGE_CATALOGUE``) edits the mapping in the services administration and with
``desk pos map``; each change is recorded in ``admin_change``. A line nobody mapped is never a
reason to refuse a check (the till has closed it, the guest has left the restaurant): it posts as
the outlet's default service, or as the outlet's sales when the outlet has none, and its check
counts it as unmapped for the revenue report.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, NotFound
from desk.hotel.models import Outlet, Service, TaxRate
from desk.hotel.reference import forget, remembered
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.pos.models import MapKind, PosItemMap

POS_CODE_LENGTH = 40


@dataclass(frozen=True)
class MappedService:
    code: str
    name: str
    tax_percent: Decimal


@dataclass(frozen=True)
class ItemMapRow:
    outlet: str
    kind: MapKind
    pos_code: str  # empty for the outlet's default
    service: str
    service_name: str
    tax_percent: Decimal
    revenue_group: str  # the service's category


@dataclass(frozen=True)
class OutletMap:
    """One outlet's mapping, read once per check."""

    items: dict[str, MappedService]
    categories: dict[str, MappedService]
    default: MappedService | None

    def service_for(self, code: str, category: str) -> tuple[MappedService | None, bool]:
        """The service a line posts as, and whether its item or category code was mapped."""
        found = self.items.get(code.strip()) if code.strip() else None
        if found is None and category.strip():
            found = self.categories.get(category.strip())
        if found is not None:
            return found, True
        return self.default, False


def outlet_map(session: Session, outlet: str | None) -> OutletMap:
    """The outlet's mapping; kept per process like the hotel's other settings (desk.hotel.reference):
    every change to it is a recorded administrator's change, and every check of a POS reads it."""
    if not outlet:
        return OutletMap({}, {}, None)
    return remembered(session, _OUTLET_MAP_CACHE, outlet, lambda: _read_outlet_map(session, outlet))


_OUTLET_MAP_CACHE = "pos_outlet_map"


def _read_outlet_map(session: Session, outlet: str) -> OutletMap:
    if session.new or session.dirty or session.deleted:
        session.flush()  # a mapping this unit changed: the plain statement below does not flush
    items: dict[str, MappedService] = {}
    categories: dict[str, MappedService] = {}
    default = None
    for kind, pos_code, code, name, percent in session.connection().execute(_OUTLET_MAP, {"outlet": outlet}):
        service = MappedService(code, name, Decimal(str(percent)))
        kind = MapKind(kind)
        if kind is MapKind.ITEM:
            items[pos_code] = service
        elif kind is MapKind.CATEGORY:
            categories[pos_code] = service
        else:
            default = service
    return OutletMap(items, categories, default)


_map, _services, _rates = PosItemMap.__table__.c, Service.__table__.c, TaxRate.__table__.c
# Built once: a POS may send hundreds of checks a second (see desk.pos.checks).
_OUTLET_MAP = (select(_map.kind, _map.pos_code, _services.code, _services.name, _rates.percent)
               .join_from(PosItemMap.__table__, Service.__table__, _services.code == _map.service_code)
               .join(TaxRate.__table__, _rates.code == _services.tax_code)
               .where(_map.outlet_code == bindparam("outlet")))


def item_map(session: Session, outlet: str | None = None) -> list[ItemMapRow]:
    query = (select(PosItemMap, Service, TaxRate.percent)
             .join(Service, Service.code == PosItemMap.service_code)
             .join(TaxRate, TaxRate.code == Service.tax_code)
             .order_by(PosItemMap.outlet_code, PosItemMap.kind, PosItemMap.pos_code))
    if outlet:
        query = query.where(PosItemMap.outlet_code == outlet)
    return [ItemMapRow(row.outlet_code, MapKind(row.kind), row.pos_code, service.code, service.name,
                       Decimal(str(percent)), service.category)
            for row, service, percent in session.execute(query)]


def _checked(session: Session, outlet: str, kind: str, pos_code: str) -> tuple[str, MapKind, str]:
    outlet = outlet.strip()
    if session.get(Outlet, outlet) is None:
        raise NotFound("There is no outlet {outlet} at the hotel", field="outlet", outlet=outlet)
    try:
        map_kind = MapKind(kind)
    except ValueError:
        raise InvalidInput("A POS mapping is one of: {values}", field="kind",
                           values=[m.value for m in MapKind]) from None
    pos_code = pos_code.strip()
    if map_kind is MapKind.DEFAULT:
        pos_code = ""
    elif not pos_code or len(pos_code) > POS_CODE_LENGTH:
        raise InvalidInput("A POS item or category code is 1-{limit} characters", field="pos_code",
                           limit=POS_CODE_LENGTH)
    return outlet, map_kind, pos_code


def set_item_map(session: Session, actor: Actor, outlet: str, kind: str, pos_code: str, service: str) -> None:
    """Post the till's item (or category) ``pos_code`` at ``outlet`` as ``service``; kind ``default``:
    the service the outlet's other lines post as."""
    require(actor, Right.MANAGE_CATALOGUE)
    outlet, map_kind, pos_code = _checked(session, outlet, kind, pos_code)
    service = service.strip()
    if session.get(Service, service) is None:
        raise NotFound("There is no service {service}", field="service", service=service)
    row = session.get(PosItemMap, (outlet, map_kind, pos_code))
    before = row.service_code if row is not None else "-"
    if row is None:
        session.add(PosItemMap(outlet_code=outlet, kind=map_kind, pos_code=pos_code, service_code=service))
    else:
        row.service_code = service
    record_change(session, actor, "pos_item_map", f"{outlet}:{map_kind.value}:{pos_code}",
                  f"{before} -> {service}")
    forget(session, _OUTLET_MAP_CACHE)


def remove_item_map(session: Session, actor: Actor, outlet: str, kind: str, pos_code: str) -> None:
    require(actor, Right.MANAGE_CATALOGUE)
    outlet, map_kind, pos_code = _checked(session, outlet, kind, pos_code)
    row = session.get(PosItemMap, (outlet, map_kind, pos_code))
    if row is None:
        raise NotFound("Outlet {outlet} has no POS mapping {kind} {pos_code}", field="pos_code", outlet=outlet,
                       kind=map_kind.value, pos_code=pos_code)
    record_change(session, actor, "pos_item_map", f"{outlet}:{map_kind.value}:{pos_code}",
                  f"{row.service_code} -> -")
    session.delete(row)
    forget(session, _OUTLET_MAP_CACHE)
