"""POS use cases: who stays in a room, post a closed check to a guest's bill, cancel it.

Every function is a use case ``(session, actor, ...)`` (or a read ``(session, ...)``) that both
front ends of ``desk serve`` call through the runner: the FarCards adapter and the REST API only
translate.
"""

from __future__ import annotations

import enum
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from decimal import ROUND_FLOOR, Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, insert, or_, select
from sqlalchemy.orm import Session

from desk.core.card_numbers import mask_card_numbers
from desk.core.errors import InvalidInput, NotFound
from desk.core.money import Money, total
from desk.core.types import utcnow
from desk.db.base import locks_rows
from desk.db.runner import note_folio
from desk.hotel.models import MethodKind, Room, TaxRate
from desk.hotel.reference import base_currency, forget, reference
from desk.ledger.bills import insert_guest_bill
from desk.ledger.folios import BillStatus, FolioView, PostingLine, folio_of_reservation, load_folio
from desk.ledger.lookup import get
from desk.ledger.models import Bill, Folio, Posting
from desk.ledger.payments import apply_deposit
from desk.ledger.postings import (
    NEW_POSTING,
    Charge,
    OrderItem,
    charge_values,
    insert_items,
    require_outlet,
    reverse_posting,
)
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.pos.errors import (
    BillAlreadyPaid,
    CheckConflict,
    CheckUnknown,
    NotInHouse,
    OutletNotAllowed,
    PaymentCodeUnknown,
    PostingNotAllowed,
    RefundTooLarge,
    RoomUnknown,
    TotalsDoNotAddUp,
)
from desk.pos.item_map import MappedService, OutletMap, outlet_map
from desk.pos.keys import own_outlet
from desk.pos.models import PaymentMeaning, PosCheck, PosPaymentCode, PosRefund, PosSetting
from desk.stays.models import Guest, Reservation, ReservationGuest, ReservationStatus, full_name

# --- settings ------------------------------------------------------------------------------------


class AfterCheckout(enum.StrEnum):
    """What happens to a check that closed while the guest stayed but arrives after check-out."""

    FLAG = "flag"  # post it on the stay's last bill and flag it for the desk
    REFUSE = "refuse"  # refuse it: the POS keeps it and the cashier settles it another way


SETTING_AFTER_CHECKOUT = "after_checkout"
# A one-desk hotel runs the POS service inside the desktop program instead of ``desk serve``.
SETTING_RUN_IN_DESK = "run_in_desk"
# The zone of the tills' clocks: a closing time sent without a zone is read in it. Empty: the
# zone of the machine that runs the service (the hotel's own, as a rule).
SETTING_TIME_ZONE = "time_zone"
ON_OFF = ("on", "off")
DEFAULTS = {SETTING_AFTER_CHECKOUT: AfterCheckout.FLAG.value, SETTING_RUN_IN_DESK: "off", SETTING_TIME_ZONE: ""}


def get_setting(session: Session, name: str) -> str:
    if name not in DEFAULTS:
        raise InvalidInput("There is no POS setting {name}", field="name", name=name)
    row = session.get(PosSetting, name)
    return row.value if row is not None else DEFAULTS[name]


def set_setting(session: Session, actor: Actor, name: str, value: str) -> None:
    require(actor, Right.MANAGE_POS_KEYS)
    if name == SETTING_AFTER_CHECKOUT and value not in {m.value for m in AfterCheckout}:
        raise InvalidInput("{name} is one of: {values}", field="value", name=name,
                           values=[m.value for m in AfterCheckout])
    if name == SETTING_RUN_IN_DESK and value not in ON_OFF:
        raise InvalidInput("{name} is one of: {values}", field="value", name=name, values=list(ON_OFF))
    if name == SETTING_TIME_ZONE and value:
        _zone(value)
    get_setting(session, name)
    row = session.get(PosSetting, name)
    if row is None:
        session.add(PosSetting(name=name, value=value))
    else:
        row.value = value


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("{value} is not a time zone (for example Europe/Sofia)", field="value",
                           value=name) from None


def closing_time(session: Session, moment: datetime | None) -> datetime:
    """When a check closed, as a moment: a time without a zone is the hotel's local time (the
    till's clock), never the server's; no time at all is now."""
    if moment is None:
        return utcnow()
    if moment.tzinfo is not None:
        return moment
    zone = get_setting(session, SETTING_TIME_ZONE)
    if zone:
        return moment.replace(tzinfo=_zone(zone))
    # The machine's zone at that moment, summer or winter time: its offset of today would put a
    # check kept since the clocks changed an hour off.
    return moment.astimezone()


def runs_in_desk(session: Session) -> bool:
    return get_setting(session, SETTING_RUN_IN_DESK) == "on"


def after_checkout_policy(session: Session) -> AfterCheckout:
    return AfterCheckout(get_setting(session, SETTING_AFTER_CHECKOUT))


def payment_codes(session: Session) -> list[PosPaymentCode]:
    return list(session.scalars(select(PosPaymentCode).order_by(PosPaymentCode.code)))


def set_payment_code(session: Session, actor: Actor, code: str, meaning: str, name: str = "") -> None:
    """Map a POS payment code (r_keeper's currency code) to credit or deposit (R2)."""
    require(actor, Right.MANAGE_POS_KEYS)
    code = code.strip()
    if not code or len(code) > 16:
        raise InvalidInput("A payment code is 1-16 characters", field="code")
    try:
        kind = PaymentMeaning(meaning)
    except ValueError:
        raise InvalidInput("A payment code means one of: {values}", field="meaning",
                           values=[m.value for m in PaymentMeaning]) from None
    row = session.get(PosPaymentCode, code)
    before = row.meaning.value if row is not None else "-"
    if row is None:
        session.add(PosPaymentCode(code=code, meaning=kind, name=name.strip()))
    else:
        row.meaning, row.name = kind, name.strip() or row.name
    # Recorded, as every change of the hotel's settings: a service elsewhere then reads the codes again.
    record_change(session, actor, "pos_payment_code", code, f"{before} -> {kind.value}")
    forget(session, "payment_code")


def remove_payment_code(session: Session, actor: Actor, code: str) -> None:
    require(actor, Right.MANAGE_POS_KEYS)
    row = session.get(PosPaymentCode, code)
    if row is not None:
        record_change(session, actor, "pos_payment_code", code, f"{row.meaning.value} -> -")
        session.delete(row)
        forget(session, "payment_code")


def meaning_of(session: Session, code: str) -> PaymentMeaning:
    meaning = reference(session, "payment_code", code, _CODE_MEANING, shared=True, code=code)
    if meaning is None:
        raise PaymentCodeUnknown("POS payment code {code} is not mapped at the hotel: map it to credit or "
                                 "deposit (desk pos code set CODE credit)",
                                 code=code)
    return meaning if isinstance(meaning, PaymentMeaning) else PaymentMeaning(meaning)


# --- who stays in a room -------------------------------------------------------------------------

# A guest's card code is the room number followed by two digits, the guest's place in the stay:
# room 305 -> 30501, 30502. r_keeper's card numbers are numeric and one answer names one holder.
GUEST_DIGITS = 2


@dataclass(frozen=True)
class GuestChoice:
    code: str
    guest_id: int
    name: str


@dataclass(frozen=True)
class RoomGuests:
    room: str
    reservation_id: int
    reservation_number: str
    arrival: str
    departure: str
    guests: tuple[GuestChoice, ...]
    posting_allowed: bool
    reason: str = ""


def _stay_in_room(session: Session, room_number: str, at: datetime | None) -> Any:
    """The stay's id, number, status, arrival and departure. Plain statements: every FarCards
    posting asks this first, and a POS may send hundreds a second."""
    connection = session.connection()
    room = connection.execute(_ROOM_BY_NUMBER, {"number": room_number}).scalar()
    if room is None:
        raise RoomUnknown("There is no room {room_number} in the hotel", room_number=room_number)
    if at is not None:
        # A check belongs to whoever stayed in the room when it closed: not to the guest there
        # now, who may have arrived since, and not to anyone if the room was empty then.
        then = connection.execute(_STAY_IN_ROOM_AT, {"room": room, "at": at}).first()
        if then is None:
            raise NotInHouse("Nobody stayed in room {room_number} at {closed_at}", room_number=room_number,
                             closed_at=_shown(at))
        return then
    in_house = connection.execute(_STAY_IN_ROOM_NOW, {"room": room}).first()
    if in_house is None:
        raise NotInHouse("Nobody stays in room {room_number} now", room_number=room_number)
    return in_house


def _shown(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M %Z}".strip()


def guests_in_room(session: Session, room_number: str, at: datetime | None = None) -> RoomGuests:
    """The stay in the room now (or when a check closed) and the guests a cashier can charge."""
    room_number = room_number.strip()
    stay = _stay_in_room(session, room_number, at)
    guests = session.connection().execute(_GUESTS_OF_STAY, {"reservation": stay.id})
    choices = tuple(
        GuestChoice(f"{room_number}{position + 1:0{GUEST_DIGITS}d}", guest.id,
                    full_name(guest.first_name, guest.last_name))
        for position, guest in enumerate(guests)
    )
    allowed, reason = True, ""
    if _status(stay.status) is ReservationStatus.CHECKED_OUT:
        allowed = after_checkout_policy(session) is AfterCheckout.FLAG
        reason = f"Reservation {stay.number} checked out"
    return RoomGuests(room_number, stay.id, stay.number, stay.arrival.isoformat(), stay.departure.isoformat(),
                      choices, allowed, reason)


def _status(value: object) -> ReservationStatus:
    return value if isinstance(value, ReservationStatus) else ReservationStatus(str(value))


def stay_by_number(session: Session, number: str) -> int:
    """The id of the stay a REST POS names by its reservation number."""
    found = session.connection().execute(_STAY_BY_NUMBER, {"number": number}).scalar()
    if found is None:
        raise NotFound("There is no stay {stay}", field="stay", stay=number)
    return int(found)


@dataclass(frozen=True)
class CardHolder:
    """What a numeric card code typed at the till stands for."""

    room: RoomGuests
    guest: GuestChoice | None  # None: a room of several guests, the cashier must pick one


def resolve_card(session: Session, card: str, at: datetime | None = None) -> CardHolder:
    """A room number (its only guest, or the list to pick from), or a guest code ``room + NN``."""
    card = card.strip()
    if not card.isdigit():
        raise RoomUnknown("{card} is neither a room number nor a guest code", card=card)
    try:
        room = guests_in_room(session, card, at)
    except RoomUnknown:
        if len(card) <= GUEST_DIGITS:
            raise
        room_number, position = card[:-GUEST_DIGITS], int(card[-GUEST_DIGITS:])
        try:
            room = guests_in_room(session, room_number, at)
        except RoomUnknown:
            raise RoomUnknown("There is no room {card} and no guest code {card}", card=card) from None
        chosen = next((g for g in room.guests if g.code == card), None)
        if chosen is None or position == 0:
            raise NotInHouse("Room {room_number} has no guest number {position}",
                             room_number=room_number, position=position) from None
        return CardHolder(room, chosen)
    return CardHolder(room, room.guests[0] if len(room.guests) == 1 else None)


# --- posting a closed check ----------------------------------------------------------------------


@dataclass(frozen=True)
class CheckLine:
    item: str
    quantity: Decimal  # negative: a line returned on the check
    price: Money  # per unit, tax included
    tax_percent: Decimal = Decimal(0)
    code: str = ""  # the till's item code: what the outlet's POS mapping names
    category: str = ""  # the till's category (group) code, mapped when the item is not

    @property
    def amount(self) -> Money:
        return self.price.times(self.quantity)


@dataclass(frozen=True)
class ClosedCheck:
    """A check closed at a till, charged (all of it, or the room's share) to a guest of a stay."""

    check_id: str
    check_number: str
    outlet: str
    payment_code: str
    reservation_id: int
    guest_id: int
    closed_at: datetime
    lines: tuple[CheckLine, ...]
    total: Money  # what the check comes to: the lines, less the discount, with the tip
    tip: Money | None = None
    workstation: str = ""
    cashier: str = ""
    discount: Money | None = None  # off the whole check
    room_share: Money | None = None  # charged to the room; the rest was paid at the till. None: all of it

    @property
    def charged(self) -> Money:
        return self.room_share if self.room_share is not None else self.total

    def fingerprint(self) -> str:
        parts = [self.check_id, self.check_number, self.outlet, self.payment_code, str(self.reservation_id),
                 str(self.guest_id), str(self.total), str(self.tip)]
        parts += [f"{line.item}|{line.quantity}|{line.price}|{line.tax_percent}" for line in self.lines]
        if any(line.code or line.category for line in self.lines):  # the checks posted before keep their print
            parts += [f"{line.code}|{line.category}" for line in self.lines]
        if self.discount or self.room_share is not None:  # so that the checks posted before keep their print
            parts += [str(self.discount), str(self.room_share)]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class PostedCheck:
    check_id: str
    check_number: str
    reservation_number: str
    guest_name: str
    bill_id: int
    bill_number: str
    amount: Money
    meaning: str
    posting_ids: tuple[int, ...]
    after_checkout: bool
    replayed: bool = False
    changed_folios: frozenset[int] = field(default_factory=frozenset)


def external_ref(pos_name: str, check_id: str, n: int) -> str:
    return f"pos:{pos_name}:{check_id}:{n}"


def _check_totals(check: ClosedCheck, currency: str) -> None:
    if not check.lines:
        raise InvalidInput("A check needs at least one line", field="lines")
    for line in check.lines:
        if not line.item.strip():
            raise InvalidInput("Every line needs an item name", field="lines")
        if line.quantity == 0 or line.price.is_negative:
            raise InvalidInput("{item}: quantity must not be zero and price not negative", field="lines",
                               item=line.item)
        if line.price.currency != currency:
            raise InvalidInput("The hotel charges in {currency}, not {other}", field="currency",
                               currency=currency, other=line.price.currency)
    tip = check.tip or Money.zero(currency)
    discount = check.discount or Money.zero(currency)
    if tip.is_negative or discount.is_negative:
        raise InvalidInput("A tip or a discount cannot be negative", field="tip")
    if any(m.currency != currency for m in (check.total, tip, discount, check.charged)):
        raise InvalidInput("The hotel charges in {currency}", field="currency", currency=currency)
    lines = total((line.amount for line in check.lines), currency)
    if lines - discount + tip != check.total:
        raise TotalsDoNotAddUp("The lines ({lines}) less the discount ({discount}) with the tip ({tip}) make "
                               "{sum}, not the total {total}",
                               lines=lines, discount=discount, tip=tip, sum=lines - discount + tip, total=check.total)
    if not check.charged.is_positive:
        raise InvalidInput("A check charged to a room must be more than zero", field="total")
    if check.charged > check.total:
        raise TotalsDoNotAddUp("The room's share {share} is more than the check's total {total}",
                               share=check.charged, total=check.total)


def apportion(amount: Money, weights: list[Money]) -> list[Money]:
    """``amount`` split in proportion to ``weights`` (all positive), to the cent, adding up exactly."""
    whole = sum((w.amount for w in weights), Decimal(0))
    quantum = Decimal(1).scaleb(amount.amount.as_tuple().exponent)  # type: ignore[arg-type]
    shares = [(amount.amount * w.amount / whole).quantize(quantum, rounding=ROUND_FLOOR) for w in weights]
    left = amount.amount - sum(shares, Decimal(0))
    # The cents rounding left over go to the largest parts: no part moves by more than one.
    for index in sorted(range(len(weights)), key=lambda k: -weights[k].amount)[: int(left / quantum)]:
        shares[index] += quantum
    return [Money(share, amount.currency) for share in shares]


@dataclass(frozen=True)
class _Portion:
    """What one posting of a check carries: the lines of one service at one tax rate, and its part of
    what is taken off."""

    percent: Decimal
    items: tuple[OrderItem, ...]
    amount: Money
    service: MappedService | None = None  # None: the outlet's sales, as before any mapping

    @property
    def key(self) -> _PortionKey:
        return (self.service.code if self.service else None, self.percent)


_PortionKey = tuple[str | None, Decimal]


def _ordered(key: _PortionKey) -> tuple[str, Decimal]:
    return (key[0] or "", key[1])


def _line_key(line: CheckLine, mapping: OutletMap) -> tuple[_PortionKey, MappedService | None, bool]:
    """Where a line posts: its service (the service's tax rate) or, unmapped without a default, the
    outlet's sales at the line's own rate."""
    service, mapped = mapping.service_for(line.code, line.category)
    if service is None:
        return (None, line.tax_percent), None, mapped
    return (service.code, service.tax_percent), service, mapped


DISCOUNT_ITEM = "Discount"
PAID_AT_TILL_ITEM = "Paid at the till"
RETURNED_ITEM = "{item} (returned)"


def _portions(check: ClosedCheck, currency: str, mapping: OutletMap) -> tuple[list[_Portion], int]:
    """One posting per service and tax rate (per tax rate where the outlet maps nothing), with the
    lines as sent; the discount and what was paid at the till are each a line of their own, shared
    among the postings in proportion to their sums (so the tax of each rate stays right), and the room
    is charged what the guest owes. Also how many lines no item or category mapping named."""
    groups: dict[_PortionKey, list[OrderItem]] = defaultdict(list)
    services: dict[_PortionKey, MappedService | None] = {}
    unmapped = 0
    for line in check.lines:
        key, service, mapped = _line_key(line, mapping)
        services[key] = service
        unmapped += not mapped
        if line.quantity > 0:
            groups[key].append(OrderItem(line.item.strip(), line.quantity, line.price))
        else:
            groups[key].append(OrderItem(RETURNED_ITEM.format(item=line.item.strip()), -line.quantity,
                                         -line.price))
    sold = {key: total((item.amount for item in items), currency) for key, items in groups.items()}
    for key in sorted(sold, key=_ordered):
        if sold[key].is_negative:
            raise TotalsDoNotAddUp("More was returned than sold at the tax rate {percent}%: the lines make {sum}",
                                   percent=key[1], sum=sold[key])
    if check.discount and check.discount > total(sold.values(), currency):
        raise TotalsDoNotAddUp("The discount {discount} is more than the lines ({lines})", discount=check.discount,
                               lines=total(sold.values(), currency))
    if check.tip:
        tip_key: _PortionKey = (None, Decimal(0))
        services.setdefault(tip_key, None)
        groups[tip_key].append(OrderItem("Tip", Decimal(1), check.tip))
    rates = sorted(groups, key=_ordered)
    sums = {rate: total((item.amount for item in groups[rate]), currency) for rate in rates}
    # The discount is off what was sold, never off the tip; what was paid at the till paid for all of it.
    taken_off = ((DISCOUNT_ITEM, check.discount, sold), (PAID_AT_TILL_ITEM, check.total - check.charged, sums))
    for name, off, weights in taken_off:
        if off:
            weighted = [rate for rate in rates if rate in weights and weights[rate].is_positive]
            for rate, share in zip(weighted, apportion(off, [weights[r] for r in weighted]), strict=True):
                if share:
                    groups[rate].append(OrderItem(name, Decimal(1), -share))
                    sums[rate] = sums[rate] - share
    portions = [_Portion(key[1], tuple(groups[key]), sums[key], services[key]) for key in rates
                if sums[key].is_positive]
    return portions, unmapped


def _posted(session: Session, record: PosCheck, replayed: bool) -> PostedCheck:
    reservation = session.get_one(Reservation, record.reservation_id)
    guest = session.get_one(Guest, record.guest_id)
    ids = session.scalars(select(Posting.id).where(Posting.external_ref.in_(
        [external_ref(record.pos_name, record.check_id, n) for n in range(record.postings)])).order_by(Posting.id))
    return PostedCheck(record.check_id, record.check_number, reservation.number, guest.full_name, record.bill_id,
                       f"{record.bill_id:06d}", record.amount, record.meaning, tuple(ids), record.after_checkout,
                       replayed, frozenset({folio_of_reservation(session, record.reservation_id)}))


def _tax_code(session: Session, percent: Decimal) -> str | None:
    if not percent:
        return None
    code = reference(session, "tax_code", percent, _TAX_CODE, shared=True, percent=percent)
    if code is None:
        raise InvalidInput("No tax rate of {percent}% is set up at the hotel", field="lines", percent=percent)
    return str(code)


def _outlet_name(session: Session, pos_name: str, code: str) -> str:
    own = own_outlet(session, pos_name)
    if own is not None and own != code:
        raise OutletNotAllowed("The key of POS {pos_name} posts to outlet {own}, not to {outlet}",
                               pos_name=pos_name, own=own, outlet=code)
    try:
        return require_outlet(session, code)
    except NotFound:
        raise InvalidInput("There is no outlet {outlet} at the hotel", field="outlet", outlet=code) from None


def _screened(check: ClosedCheck) -> ClosedCheck:
    """The check with every card number in what it shows masked: item names, the cashier, the till,
    the check number. A till types what the guest says; a card number must not reach the ledger."""
    lines = tuple(replace(line, item=mask_card_numbers(line.item)) for line in check.lines)
    return replace(check, lines=lines, cashier=mask_card_numbers(check.cashier),
                   workstation=mask_card_numbers(check.workstation), check_number=mask_card_numbers(check.check_number))


def post_check(session: Session, actor: Actor, pos_name: str, check: ClosedCheck) -> PostedCheck:
    """Post a closed check on a bill of the chosen guest: Not paid on credit, or paid from the deposit.

    Posted once: the same check sent again gets the first answer; a different check under the same
    id is refused. Written with plain INSERTs checked by the same rules as the desk's own charges
    (``open_bill``, ``post_charge``): a POS may send hundreds a second.
    """
    require(actor, Right.POST_CHARGE)
    check = _screened(check)
    connection = session.connection()
    existing = connection.execute(_CHECK_SENT, {"pos_name": pos_name, "check_id": check.check_id}).first()
    if existing is not None:
        if existing.fingerprint != check.fingerprint():
            raise CheckConflict("Check {check_id} was already posted with a different content",
                                check_id=check.check_id)
        return _posted(session, session.get_one(PosCheck, existing.id), replayed=True)
    if not check.check_id.strip() or len(check.check_id) > 40 or len(check.check_number) > 40:
        raise InvalidInput("A check needs an id and a number of at most 40 characters", field="check_id")
    currency = base_currency(session)
    _check_totals(check, currency)
    portions, unmapped = _portions(check, currency, outlet_map(session, check.outlet))
    meaning = meaning_of(session, check.payment_code)
    outlet_name = _outlet_name(session, pos_name, check.outlet)
    stay = _locked_stay(session, check.reservation_id, check.guest_id)
    after_checkout = _may_post(session, stay.status, stay.number)
    _require_stayed_then(stay, check)
    if after_checkout and meaning is PaymentMeaning.DEPOSIT:
        raise PostingNotAllowed("Reservation {number} checked out and its deposit is settled: charge the check "
                                "on credit or settle it at the POS",
                                number=stay.number)
    if after_checkout:
        bill_id = _locked_last_bill(session, stay.folio_id)
    else:
        bill_id = insert_guest_bill(session, actor=actor, folio_id=stay.folio_id, stay_status=stay.status,
                                    stay_number=stay.number, guest_id=check.guest_id, guest_name=stay.guest_name)
    where = _Where(pos_name, check.check_id, check.check_number, outlet_name, check.outlet, check.closed_at)
    posting_ids = _insert_portions(session, actor, where, portions, stay.folio_id, bill_id, 0)
    note_folio(session, stay.folio_id)
    charged = check.charged
    if meaning is PaymentMeaning.DEPOSIT:
        session.expire_all()  # the ORM did not see the rows inserted above
        held = load_folio(session, stay.folio_id).deposit_balance
        if held < charged:
            raise PostingNotAllowed("The deposit of {number} holds only {held}: charge the check on credit instead",
                                    number=stay.number, held=held)
        apply_deposit(session, actor, bill_id, charged)
    connection.execute(_NEW_CHECK, {
        "pos_name": pos_name, "check_id": check.check_id, "check_number": check.check_number,
        "fingerprint": check.fingerprint(), "reservation_id": check.reservation_id, "guest_id": check.guest_id,
        "bill_id": bill_id, "postings": len(portions), "amount": charged, "meaning": meaning.value,
        "after_checkout": after_checkout, "unmapped_lines": unmapped,
    })
    return PostedCheck(check.check_id, check.check_number, stay.number, stay.guest_name, bill_id,
                       f"{bill_id:06d}", charged, meaning.value, tuple(posting_ids), after_checkout, False,
                       frozenset({stay.folio_id}))


@dataclass(frozen=True)
class _Where:
    """What every posting of one check says about where it came from."""

    pos_name: str
    check_id: str
    check_number: str
    outlet_name: str
    outlet_code: str | None
    closed_at: datetime


def _insert_portions(session: Session, actor: Actor, where: _Where, portions: list[_Portion], folio_id: int,
                     bill_id: int, first: int) -> list[int]:
    currency = base_currency(session)
    connection = session.connection()
    posting_ids = []
    for n, portion in enumerate(portions, first):
        # A mapped portion is its service's sale, at the service's tax rate; the rest the outlet's.
        service = portion.service
        charge = Charge(service.name if service else where.outlet_name, 1, portion.amount,
                        service_code=service.code if service else None,
                        tax_code=None if service else _tax_code(session, portion.percent),
                        ordered_at=where.closed_at, source="pos", outlet_code=where.outlet_code,
                        check_number=where.check_number, external_ref=external_ref(where.pos_name, where.check_id, n),
                        items=list(portion.items))
        assert total((item.amount for item in portion.items), currency) == portion.amount
        values = charge_values(session, actor=actor, folio_id=folio_id, bill_id=bill_id, charge=charge)
        posting_id = int(connection.execute(NEW_POSTING, values).scalar_one())
        insert_items(session, posting_id, list(portion.items))
        posting_ids.append(posting_id)
    return posting_ids


def _require_stayed_then(stay: _Stay, check: ClosedCheck) -> None:
    """A check is the stay's only if it closed while the stay was in the house: a check of 2020 is
    not today's guest's, nor one closed before the guest arrived or after they left."""
    closed = check.closed_at
    arrived, left = stay.checked_in_at, stay.checked_out_at
    if arrived is None or closed < arrived or (left is not None and closed >= left):
        raise NotInHouse("Check {check_number} closed at {closed_at}, when {number} was not staying in the hotel "
                         "(in house from {arrived} to {left})",
                         check_number=check.check_number, closed_at=_shown(closed), number=stay.number,
                         arrived=_shown(arrived.astimezone(closed.tzinfo)) if arrived else "-",
                         left=_shown(left.astimezone(closed.tzinfo)) if left else "now")


@dataclass(frozen=True)
class _Stay:
    number: str
    status: ReservationStatus
    folio_id: int
    guest_name: str
    checked_in_at: datetime | None
    checked_out_at: datetime | None


def _locked_stay(session: Session, reservation_id: int, guest_id: int) -> _Stay:
    """The stay (locked: the first lock, see desk.ledger.lookup), its folio, and the guest charged (staying in it)."""
    locks = locks_rows(session)
    row = session.connection().execute(_STAY_LOCKED if locks else _STAY,
                                       {"reservation": reservation_id, "guest": guest_id}).first()
    if row is None:
        # Say which part is missing; the common case above took one statement.
        reservation = get(session, Reservation, reservation_id, "Stay")
        if session.scalar(select(Folio.id).where(Folio.reservation_id == reservation_id)) is None:
            raise NotFound("Reservation {reservation} has no folio", reservation=reservation_id)
        raise InvalidInput("Guest {guest} does not stay in {stay}", field="guest", guest=guest_id,
                           stay=reservation.number)
    return _Stay(row.number, _status(row.status), row.id, full_name(row.first_name, row.last_name),
                 row.checked_in_at, row.checked_out_at)  # aware: the columns' type gives UTC back


def _locked_last_bill(session: Session, folio_id: int) -> int:
    locks = locks_rows(session)
    return int(session.connection().execute(_LAST_BILL_LOCKED if locks else _LAST_BILL, {"folio": folio_id})
               .scalar_one())


# The statements of a posting, built once: a POS may send hundreds of checks a second, and
# building a statement costs more than running it. Row locks only where the database has them
# (SQLite's writing unit holds the whole file).
_r, _f, _g, _links, _b = (Reservation.__table__.c, Folio.__table__.c, Guest.__table__.c,
                          ReservationGuest.__table__.c, Bill.__table__.c)
_checks = PosCheck.__table__.c
_STAY_BY_NUMBER = select(_r.id).where(_r.number == bindparam("number"))
_ROOM_BY_NUMBER = select(Room.__table__.c.id).where(Room.__table__.c.number == bindparam("number"))
_STAY_OF_ROOM = select(_r.id, _r.number, _r.status, _r.arrival, _r.departure).where(_r.room_id == bindparam("room"))
_STAY_IN_ROOM_NOW = (_STAY_OF_ROOM.where(_r.status == ReservationStatus.IN_HOUSE)
                     .order_by(_r.checked_in_at.desc()).limit(1))
_STAY_IN_ROOM_AT = (_STAY_OF_ROOM.where(_r.status.in_([ReservationStatus.IN_HOUSE, ReservationStatus.CHECKED_OUT]),
                                        _r.checked_in_at <= bindparam("at"),
                                        or_(_r.checked_out_at.is_(None), _r.checked_out_at > bindparam("at")))
                    .order_by(_r.checked_in_at.desc()).limit(1))
_GUESTS_OF_STAY = (select(_g.id, _g.first_name, _g.last_name)
                   .join_from(ReservationGuest.__table__, Guest.__table__, _g.id == _links.guest_id)
                   .where(_links.reservation_id == bindparam("reservation")).order_by(_links.position))
_CHECK_SENT = select(_checks.id, _checks.fingerprint).where(_checks.pos_name == bindparam("pos_name"),
                                                           _checks.check_id == bindparam("check_id"))
_STAY = (select(_r.number, _r.status, _f.id, _g.first_name, _g.last_name, _r.checked_in_at, _r.checked_out_at)
         .join_from(Reservation.__table__, Folio.__table__, _f.reservation_id == _r.id)
         .join(ReservationGuest.__table__, _links.reservation_id == _r.id)
         .join(Guest.__table__, _g.id == _links.guest_id)
         .where(_r.id == bindparam("reservation"), _g.id == bindparam("guest")))
_STAY_LOCKED = _STAY.with_for_update(of=Reservation.__table__, key_share=True)
_LAST_BILL = select(_b.id).where(_b.folio_id == bindparam("folio")).order_by(_b.id.desc()).limit(1)
_LAST_BILL_LOCKED = _LAST_BILL.with_for_update(key_share=True)
_NEW_CHECK = insert(PosCheck)
_CODE_MEANING = select(PosPaymentCode.__table__.c.meaning).where(PosPaymentCode.__table__.c.code == bindparam("code"))
_TAX_CODE = (select(TaxRate.__table__.c.code).where(TaxRate.__table__.c.percent == bindparam("percent"))
             .order_by(TaxRate.__table__.c.code).limit(1))


def _may_post(session: Session, status: ReservationStatus, number: str) -> bool:
    """Whether the stay takes the check only under the after-check-out policy; refuses otherwise."""
    if status is ReservationStatus.IN_HOUSE:
        return False
    if status is ReservationStatus.CHECKED_OUT:
        if after_checkout_policy(session) is AfterCheckout.REFUSE:
            raise PostingNotAllowed("Reservation {number} checked out: the hotel refuses checks after check-out, "
                                    "settle the check at the POS",
                                    number=number)
        return True
    raise NotInHouse("Reservation {number} is {status}, not in house",
                     number=number, status=status.value.replace("_", " "))


# --- cancelling a check --------------------------------------------------------------------------


@dataclass(frozen=True)
class CancelledCheck:
    check_id: str
    bill_id: int
    bill_number: str
    reversal_ids: tuple[int, ...]
    desk_action: str
    after_checkout: bool
    replayed: bool = False
    changed_folios: frozenset[int] = field(default_factory=frozenset)


def _charged_check(session: Session, pos_name: str,
                   check_id: str) -> tuple[PosCheck, Reservation, int, FolioView, list[PostingLine]]:
    """The check as charged (locked), its stay (locked), folio and the folio's lines of the check."""
    record = session.scalar(select(PosCheck).where(PosCheck.pos_name == pos_name, PosCheck.check_id == check_id)
                            .with_for_update())
    if record is None:
        raise CheckUnknown("Check {check_id} was never charged to a room by POS {pos_name}",
                           check_id=check_id, pos_name=pos_name)
    reservation = get(session, Reservation, record.reservation_id, "Stay", lock=True)
    folio_id = folio_of_reservation(session, reservation.id)
    view = load_folio(session, folio_id)
    refs = {external_ref(pos_name, check_id, n) for n in range(record.postings)}
    return record, reservation, folio_id, view, [line for line in view.postings if line.posting.external_ref in refs]


def cancel_check(session: Session, actor: Actor, pos_name: str, check_id: str, reason: str = "") -> CancelledCheck:
    """Reverse every posting of a check (R6), once; a paid bill is left overpaid for the desk to refund.

    ``reason``, as the till gave it, is kept with each reversal (a card number in it masked).
    """
    require(actor, Right.REVERSE_POSTING)
    record, reservation, folio_id, view, lines = _charged_check(session, pos_name, check_id)
    bill_id = lines[0].bill_id
    open_lines = [line for line in lines if line.reversed_by is None]
    if not open_lines:
        reversals = tuple(line.reversed_by.id for line in lines if line.reversed_by is not None)
        return CancelledCheck(check_id, bill_id, f"{bill_id:06d}", reversals, _desk_action(session, folio_id, lines),
                              record.after_checkout, True, frozenset({folio_id}))
    bill = view.bill(bill_id)
    after_checkout = reservation.status is not ReservationStatus.IN_HOUSE
    if after_checkout and after_checkout_policy(session) is AfterCheckout.REFUSE:
        if bill.status in (BillStatus.PAID, BillStatus.OVERPAID, BillStatus.PARTIALLY_PAID):
            raise BillAlreadyPaid("Bill {bill} of {stay} is paid and the stay checked out: the desk must refund "
                                  "{amount} to the guest, then cancel the check", bill=bill.bill.number,
                                  stay=reservation.number,
                                  amount=total((x.posting.amount for x in open_lines), view.currency))
        raise PostingNotAllowed("Reservation {number} checked out: the desk cancels the check",
                                number=reservation.number)
    why = f"Cancelled at the POS (check {record.check_number})"
    if reason.strip():
        why = f"{why}: {mask_card_numbers(reason.strip())}"[:240]
    reversals = tuple(
        reverse_posting(session, actor, line.posting.id, reason=why, after_checkout=after_checkout).id
        for line in open_lines
    )
    if after_checkout and not record.after_checkout:
        record.after_checkout = True
    session.flush()
    return CancelledCheck(check_id, bill_id, f"{bill_id:06d}", reversals, _desk_action(session, folio_id, lines),
                          after_checkout, False, frozenset({folio_id}))


def _desk_action(session: Session, folio_id: int, lines: list[PostingLine]) -> str:
    """What the desk must give back on each bill the check's lines are on (a clerk may have moved some)."""
    view = load_folio(session, folio_id)
    actions = []
    for bill_id in sorted({line.bill_id for line in lines}):
        bill = view.bill(bill_id)
        if bill.status is BillStatus.OVERPAID:
            kinds = {line.payment.method.kind for line in bill.payments if line.voided_by is None}
            actions.append(f"Bill {bill.bill.number} was already paid and is now overpaid by {-bill.balance}: "
                           f"the desk must {_how_to_give_back(kinds)}")
    return "; ".join(actions)


def _how_to_give_back(kinds: set[MethodKind]) -> str:
    """Where the money goes back, by how the bill was paid: a bill paid from the deposit owes the
    deposit, not a card."""
    if kinds == {MethodKind.DEPOSIT}:
        return "move it back to the stay's deposit (it was paid from the deposit)"
    if kinds == {MethodKind.CARD}:
        return "refund it to the card it was paid with"
    if kinds == {MethodKind.CASH}:
        return "refund it to the guest in cash"
    if kinds == {MethodKind.COMPANY_ACCOUNT}:
        return "credit it back to the company's account it was settled to"
    return "refund it to the guest the way it was paid"


# --- refunding part of a check ------------------------------------------------------------------


@dataclass(frozen=True)
class RefundedCheck:
    check_id: str
    bill_id: int
    bill_number: str
    refunded: Money
    left: Money  # what the room is still charged for the check
    desk_action: str
    replayed: bool = False
    changed_folios: frozenset[int] = field(default_factory=frozenset)


REFUNDED_ITEM = "{item} (refunded)"
REFUND_ITEM = "Refunded at the POS"


def refund_check(session: Session, actor: Actor, pos_name: str, check_id: str, refund_id: str, amount: Money,
                 lines: tuple[CheckLine, ...] = (), reason: str = "") -> RefundedCheck:
    """Give back part of a check, or all that is left of it; never more than that.

    The postings still open are reversed and what remains is charged again, with the refunded lines
    (``lines``, when they add up to ``amount``) or the refunded amount as lines of their own: the
    ledger only ever adds, and the bill shows what was bought and what was given back. Several
    refunds add up; ``refund_id`` makes a refund sent again change nothing.
    """
    require(actor, Right.REVERSE_POSTING)
    record, reservation, folio_id, view, mine = _charged_check(session, pos_name, check_id)
    open_lines = [line for line in mine if line.reversed_by is None]
    bill_id = (open_lines or mine)[0].bill_id
    left = total((line.posting.amount for line in open_lines), view.currency)
    earlier = session.scalar(select(PosRefund).where(PosRefund.pos_name == pos_name, PosRefund.check_id == check_id,
                                                     PosRefund.refund_id == refund_id))
    if earlier is not None and earlier.amount != amount:
        # Answered as a replay, it would say that an amount was given back that never was.
        raise CheckConflict("Refund {refund_id} of check {check_number} was already made of {earlier}, not {amount}",
                            refund_id=refund_id, check_number=record.check_number, earlier=earlier.amount,
                            amount=amount)
    if earlier is not None or (not open_lines and amount == record.amount):
        return RefundedCheck(check_id, bill_id, f"{bill_id:06d}", amount, left,
                             _desk_action(session, folio_id, mine), True, frozenset({folio_id}))
    if amount.currency != view.currency or not amount.is_positive:
        raise InvalidInput("A refund is a positive amount in {currency}", field="amount", currency=view.currency)
    if amount == left == record.amount:
        # All of the check, nothing refunded before: a cancellation, with its rules for a paid bill.
        cancelled = cancel_check(session, actor, pos_name, check_id, reason)
        return RefundedCheck(check_id, cancelled.bill_id, cancelled.bill_number, amount, left - amount,
                             cancelled.desk_action, False, cancelled.changed_folios)
    if amount > left:
        raise RefundTooLarge("Check {check_number} has {left} left to refund, not {amount}",
                             check_number=record.check_number, left=left, amount=amount)
    after_checkout = reservation.status is not ReservationStatus.IN_HOUSE
    if after_checkout and after_checkout_policy(session) is AfterCheckout.REFUSE:
        raise PostingNotAllowed("Reservation {number} checked out: the desk refunds the check",
                                number=reservation.number)
    why = f"Refunded at the POS (check {record.check_number})"
    if reason.strip():
        why = f"{why}: {mask_card_numbers(reason.strip())}"[:240]
    mapping = outlet_map(session, open_lines[0].posting.outlet_code)
    portions = _after_refund([line.posting for line in open_lines], amount, lines, view.currency, mapping)
    for line in open_lines:
        reverse_posting(session, actor, line.posting.id, reason=why, after_checkout=after_checkout)
    if portions:
        first = open_lines[0].posting
        where = _Where(pos_name, check_id, record.check_number, first.description, first.outlet_code,
                       first.ordered_at)
        # Each rate's rest goes back on the bill its posting is on now: a clerk may have moved one.
        bill_of_rate = {(line.posting.service_code, line.posting.tax_percent): line.bill_id for line in open_lines}
        for portion in portions:
            _insert_portions(session, actor, where, [portion], folio_id, bill_of_rate[portion.key],
                             record.postings)
            record.postings += 1
    session.add(PosRefund(pos_name=pos_name, check_id=check_id, refund_id=refund_id, amount=amount))
    if after_checkout and not record.after_checkout:
        record.after_checkout = True
    note_folio(session, folio_id)
    session.flush()
    session.expire_all()
    return RefundedCheck(check_id, bill_id, f"{bill_id:06d}", amount, left - amount,
                         _desk_action(session, folio_id, open_lines), False, frozenset({folio_id}))


def _after_refund(postings: list[Posting], amount: Money, lines: tuple[CheckLine, ...],
                  currency: str, mapping: OutletMap) -> list[_Portion]:
    """What each open posting of the check carries once ``amount`` is given back."""
    def key_of(posting: Posting) -> _PortionKey:
        return (posting.service_code, posting.tax_percent)

    by_key = {key_of(posting): posting for posting in postings}
    off: dict[_PortionKey, list[OrderItem]] = defaultdict(list)
    given = [(line, _line_key(line, mapping)[0]) for line in lines if line.quantity]
    if given and total((abs(line.amount) for line, _ in given), currency) == amount and all(
            key in by_key for _, key in given):
        for line, key in given:
            quantity = abs(line.quantity)
            off[key].append(OrderItem(REFUNDED_ITEM.format(item=line.item.strip()), quantity, -line.price))
    else:
        for posting, share in zip(postings, apportion(amount, [p.amount for p in postings]), strict=True):
            if share:
                off[key_of(posting)].append(OrderItem(REFUND_ITEM, Decimal(1), -share))
    portions = []
    for posting in postings:
        items = [OrderItem(i.name, i.quantity, i.unit_price) for i in posting.items] or [
            OrderItem(posting.description, posting.quantity, posting.unit_price)]
        items += off[key_of(posting)]
        left = total((item.amount for item in items), currency)
        if left.is_negative:
            raise RefundTooLarge("More is refunded at the tax rate {percent}% than the check holds ({left} left)",
                                 percent=posting.tax_percent, left=posting.amount)
        if left:
            service = (MappedService(posting.service_code, posting.description, posting.tax_percent)
                       if posting.service_code else None)
            portions.append(_Portion(posting.tax_percent, tuple(items), left, service))
    return portions


# --- for the desk --------------------------------------------------------------------------------


def flagged_checks(session: Session) -> list[PosCheck]:
    """Checks that reached a stay after its check-out: the desk settles them with the guest."""
    return list(session.scalars(select(PosCheck).where(PosCheck.after_checkout.is_(True)).order_by(PosCheck.id)))
