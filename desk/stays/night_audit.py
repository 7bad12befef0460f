"""The night audit: close the business day, charge its nights once, mark its no-shows, open the next.

It runs in short units, so the desks keep working while it does: one to start (what is still open
is listed, and closing over it needs a manager's reason, recorded), one per in-house stay (its
room night and city tax), one per no-show, one to move the business date. Killed or cancelled
half-way, it is simply run again: each night's charges carry a key per reservation, night and
kind in the database (``night_charge``), so a night already charged is found, never charged twice,
and the date moves only at the end. Before the date moves, the saved cards past their retention are
deleted at their operator and here (R11); an operator not reached keeps its cards for the next night.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desk.audit.anchors import TrailAnchorNotWritten, write_anchor
from desk.cards.models import CARD_KINDS
from desk.cards.operator_workflow import purge_saved_cards
from desk.cards.saved_cards import cards_to_purge, saved_card
from desk.cash.models import CashShift, ShiftClose
from desk.core.errors import DeskError, InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.db.runner import Runner
from desk.fiscal.models import FiscalDocument, ReceiptRequest
from desk.hotel.models import Service
from desk.hotel.reference import base_currency
from desk.journal.models import JournalIntent, OpenIntent
from desk.ledger.folios import folio_of_reservation
from desk.ledger.lookup import get, require_fits
from desk.ledger.models import Bill, Posting
from desk.ledger.postings import post_charge
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.booking import mark_no_show
from desk.stays.business_day import business_date, open_next_business_day
from desk.stays.models import CityTax, Guest, NightAudit, NightCharge, Reservation, ReservationGuest, ReservationStatus
from desk.stays.reservations import post_night

logger = logging.getLogger(__name__)

ROOM = "room"
CITY_TAX = "city_tax"
CITY_TAX_RATE = "city_tax_rate"  # the percentage of the room night, a posting of its own


class OpenKind(enum.StrEnum):
    CASH_SHIFT = "cash_shift"  # a cash shift not closed
    CARD_OPERATION = "card_operation"  # a card operation whose outcome is not known
    RECEIPT = "receipt"  # a fiscal receipt asked for and not printed
    ARRIVAL = "arrival"  # due today (or before) and not checked in
    DEPARTURE = "departure"  # due to leave today (or before) and not checked out


@dataclass(frozen=True)
class OpenItem:
    """Something the day leaves open, as plain values a window words in its own language.

    ``reference`` finds it: a workstation and shift number, a register and workstation, a
    reservation number. ``detail``: who opened the shift, the guests' names, the payment's number,
    or the card operation's kind (``amount`` is then its amount).
    """

    kind: OpenKind
    reference: str
    detail: str = ""
    amount: Money | None = None

    def english(self) -> str:
        """As the night audit's record and the command line say it."""
        detail = {OpenKind.RECEIPT: f"payment {self.detail}"}.get(self.kind, self.detail)
        if self.amount is not None:
            detail = f"{detail} {self.amount}"
        return f"{OPEN_KIND_NAMES[self.kind]}: {self.reference}" + (f" ({detail})" if detail else "")


# English only: the window words each kind itself (ui/night_audit.py).
OPEN_KIND_NAMES: dict[OpenKind, str] = {
    OpenKind.CASH_SHIFT: "Cash shift not closed",
    OpenKind.CARD_OPERATION: "Card operation pending",
    OpenKind.RECEIPT: "Receipt not printed",
    OpenKind.ARRIVAL: "Arrival not checked in",
    OpenKind.DEPARTURE: "Departure not checked out",
}


class OpenItemsRemain(InvalidTransition):
    """The day still has open items, and no reason was given to close it over them."""

    field = "reason"


def open_items(session: Session, day: date) -> list[OpenItem]:
    """What the business day ``day`` leaves open, in the order the night audit window lists it."""
    items: list[OpenItem] = []
    shifts = session.execute(
        select(CashShift.workstation, CashShift.number, CashShift.opened_by)
        .where(~exists().where(ShiftClose.shift_id == CashShift.id)).order_by(CashShift.id))
    items += [OpenItem(OpenKind.CASH_SHIFT, f"{workstation} #{number}", opened_by)
              for workstation, number, opened_by in shifts]
    # The open intents picked by id: a join ordered by the journal's id lets the planner walk the whole journal.
    cards = session.execute(
        select(JournalIntent.kind, JournalIntent.workstation, JournalIntent.amount)
        .where(JournalIntent.id.in_(select(OpenIntent.intent_id)), JournalIntent.kind.in_(sorted(CARD_KINDS)))
        .order_by(JournalIntent.id))
    items += [OpenItem(OpenKind.CARD_OPERATION, workstation, kind, amount) for kind, workstation, amount in cards]
    # A receipt asked for whose register never issued its document (a sale or refund receipt per payment).
    receipts = session.execute(
        select(ReceiptRequest.payment_id, ReceiptRequest.register_code, ReceiptRequest.workstation)
        .where(~exists().where(FiscalDocument.payment_id == ReceiptRequest.payment_id,
                               FiscalDocument.kind == ReceiptRequest.kind))
        .order_by(ReceiptRequest.id))
    items += [OpenItem(OpenKind.RECEIPT, f"{register} / {workstation}", str(payment_id))
              for payment_id, register, workstation in receipts]
    arrivals = session.scalars(
        select(Reservation).where(Reservation.status == ReservationStatus.CONFIRMED, Reservation.arrival <= day)
        .order_by(Reservation.arrival, Reservation.number))
    items += [OpenItem(OpenKind.ARRIVAL, r.number, _guests(r)) for r in arrivals]
    departures = session.scalars(
        select(Reservation).where(Reservation.status == ReservationStatus.IN_HOUSE, Reservation.departure <= day)
        .order_by(Reservation.departure, Reservation.number))
    items += [OpenItem(OpenKind.DEPARTURE, r.number, _guests(r)) for r in departures]
    return items


def _guests(reservation: Reservation) -> str:
    return ", ".join(guest.full_name for guest in reservation.guests)


def _stays_of_the_night(session: Session, day: date) -> list[int]:
    return list(session.scalars(
        select(Reservation.id).where(Reservation.status == ReservationStatus.IN_HOUSE,
                                     Reservation.arrival <= day, Reservation.departure > day)
        .order_by(Reservation.id)))


def _no_shows_of(session: Session, day: date) -> list[int]:
    return list(session.scalars(
        select(Reservation.id).where(Reservation.status == ReservationStatus.CONFIRMED, Reservation.arrival <= day)
        .order_by(Reservation.id)))


@dataclass(frozen=True)
class AuditPlan:
    """What the night audit would do now: the day it closes, what is open, what it would charge."""

    business_date: date
    open_items: tuple[OpenItem, ...]
    stays: int  # in-house stays whose night it charges
    no_shows: int


def audit_plan(session: Session) -> AuditPlan:
    day = business_date(session)
    return AuditPlan(day, tuple(open_items(session, day)), len(_stays_of_the_night(session, day)),
                     len(_no_shows_of(session, day)))


@dataclass(frozen=True)
class AuditStart:
    business_date: date
    stays: tuple[int, ...]
    no_shows: tuple[int, ...]


class DayNotBegun(InvalidTransition):
    """The business date is ahead of the calendar (the day was closed in the evening): its nights
    are not charged, nor its arrivals marked no-shows, before the day has begun."""


def start_night_audit(session: Session, actor: Actor, day: date, reason: str = "", *,
                      today: date | None = None) -> AuditStart:
    """Begin closing business day ``day``: refused while items are open unless a reason is given,
    which is recorded with them, and refused before the day has begun by the calendar (``today``,
    the computer's date unless given). Returns the stays to charge and the reservations to mark."""
    require(actor, Right.RUN_NIGHT_AUDIT)
    current = business_date(session)
    if current != day:
        raise InvalidTransition("The business date is {date} now, not {closed}: another desk closed the day",
                                date=current, closed=day)
    today = today or date.today()
    if day > today:
        raise DayNotBegun("Business day {date} has not begun yet (today is {today}): it is closed once it has",
                          date=day, today=today)
    reason = reason.strip()
    require_fits(reason, 240, "reason")
    items = open_items(session, day)
    if items and not reason:
        raise OpenItemsRemain("Open items: {count}. Settle them, or give a reason to close the day "
                              "over them", count=len(items))
    session.add(NightAudit(business_date=day, started_by=actor.username, workstation=actor.workstation,
                           reason=reason, open_items="\n".join(item.english() for item in items)))
    return AuditStart(day, tuple(_stays_of_the_night(session, day)), tuple(_no_shows_of(session, day)))


def city_tax_on(session: Session, night: date) -> CityTax | None:
    """The city tax that applies to ``night``, or None where the hotel sets none."""
    setting = session.scalar(select(CityTax).where(CityTax.valid_from <= night)
                             .order_by(CityTax.valid_from.desc()).limit(1))
    if setting is None or not (setting.per_person_night.is_positive or setting.percent_of_rate > 0):
        return None
    return setting


CHILD_AGE_LIMIT = 18


def set_city_tax(session: Session, actor: Actor, service_code: str, per_person_night: Money,
                 valid_from: date, *, percent_of_rate: Decimal = Decimal(0),
                 child_age_under: int | None = None) -> CityTax:
    """The city tax per guest and night from ``valid_from`` on, and ``percent_of_rate`` of the room
    night for the guests it applies to; children under ``child_age_under`` pay none (zero and no
    percentage: none from then)."""
    require(actor, Right.SET_CITY_TAX)
    if (not percent_of_rate.is_finite() or not Decimal(0) <= percent_of_rate <= Decimal(100)
            or percent_of_rate != percent_of_rate.quantize(Decimal("0.001"))):
        raise InvalidInput("A percentage of the room rate is from 0 to 100", field="percent_of_rate")
    if child_age_under is not None and not 1 <= child_age_under <= CHILD_AGE_LIMIT:
        raise InvalidInput("Children are exempt under an age from 1 to {limit}", field="child_age_under",
                           limit=CHILD_AGE_LIMIT)
    if session.get(Service, service_code) is None:
        raise InvalidInput("There is no service {service}", field="service", service=service_code)
    currency = base_currency(session)
    if per_person_night.currency != currency:
        raise InvalidInput("Services are charged in {base}, not {currency}", field="currency", base=currency,
                           currency=per_person_night.currency)
    if per_person_night.is_negative:
        raise InvalidInput("The city tax cannot be negative", field="amount")
    if session.get(CityTax, valid_from) is not None:
        raise InvalidInput("The city tax from {date} is set already: set it from another date",
                           field="valid_from", date=valid_from)
    setting = CityTax(valid_from=valid_from, service_code=service_code, per_person_night=per_person_night,
                      percent_of_rate=percent_of_rate, child_age_under=child_age_under, set_by=actor.username)
    session.add(setting)
    return setting


def _liable_guests(session: Session, reservation_id: int, night: date, tax: CityTax) -> tuple[int, int]:
    """How many guests stay, and how many of them the city tax applies to on ``night``: not one
    with a recorded exemption, nor a child younger than the setting's age (a guest whose birth date
    nobody recorded pays)."""
    guests = session.execute(select(Guest.birth_date, Guest.city_tax_exemption).join(
        ReservationGuest, ReservationGuest.guest_id == Guest.id).where(
        ReservationGuest.reservation_id == reservation_id)).all()
    liable = sum(1 for born, exemption in guests
                 if not exemption and not _younger(born, night, tax.child_age_under))
    return max(1, len(guests)), liable if guests else 1


def _younger(born: date | None, night: date, age: int | None) -> bool:
    if born is None or age is None:
        return False
    years = night.year - born.year - ((night.month, night.day) < (born.month, born.day))
    return years < age


@dataclass(frozen=True)
class NightCharged:
    """What charging one stay's night did: whether its room night was posted now, and the amounts
    posted now (zero for what the night had already)."""

    reservation_id: int
    room_posted: bool
    room: Money
    city_tax: Money


def charge_night(session: Session, actor: Actor, reservation_id: int, night: date) -> NightCharged:
    """The room night and the city tax of one in-house stay, each posted unless the night has it."""
    require(actor, Right.RUN_NIGHT_AUDIT)
    # Locked first: an audit on another desk waits here and then finds this one's charges.
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    nothing = Money.zero(base_currency(session))
    if reservation.status is not ReservationStatus.IN_HOUSE or not reservation.arrival <= night < reservation.departure:
        # Checked out, or its dates amended, while the audit ran: the night is not this stay's any more.
        return NightCharged(reservation_id, False, nothing, nothing)
    done = set(session.scalars(select(NightCharge.kind).where(
        NightCharge.reservation_id == reservation_id, NightCharge.night == night)))
    room = city_tax = nothing
    bill_id: int | None = None
    if ROOM not in done:
        posting = post_night(session, actor, reservation_id, night)
        session.add(NightCharge(reservation_id=reservation_id, night=night, kind=ROOM, posting_id=posting.id))
        room, bill_id = posting.amount, posting.bill_id
    tax = city_tax_on(session, night)
    if tax is not None and not {CITY_TAX, CITY_TAX_RATE} <= done:
        people, liable = _liable_guests(session, reservation_id, night, tax)
        service = session.get_one(Service, tax.service_code)
        room_night = session.scalar(
            select(Posting.amount).join(NightCharge, NightCharge.posting_id == Posting.id).where(
                NightCharge.reservation_id == reservation_id, NightCharge.night == night, NightCharge.kind == ROOM))
        # The percentage is of the liable guests' share of the room night: a child's half is not taxed.
        rate_part = (room_night.times(tax.percent_of_rate * liable / (100 * people))
                     if room_night is not None and liable and tax.percent_of_rate else nothing)
        for kind, quantity, unit_price in ((CITY_TAX, liable, tax.per_person_night),
                                           (CITY_TAX_RATE, 1, rate_part)):
            if kind in done or not quantity or not unit_price.is_positive:
                continue  # nothing owed is not posted: run again, the night still owes nothing
            if bill_id is None:  # the room night was charged by an earlier run: its tax goes where it went
                bill_id = min(session.scalars(select(Bill.id).where(
                    Bill.folio_id == folio_of_reservation(session, reservation_id))))
            posting = post_charge(
                session, actor, bill_id=bill_id, description=service.name,
                service_code=service.code, quantity=quantity, unit_price=unit_price,
                ordered_at=datetime.combine(night, time(23, 0)).astimezone(), source="audit",
                external_ref=f"{kind}:{reservation_id}:{night.isoformat()}")
            session.add(NightCharge(reservation_id=reservation_id, night=night, kind=kind, posting_id=posting.id))
            city_tax = city_tax + posting.amount
    session.flush()
    return NightCharged(reservation_id, ROOM not in done, room, city_tax)


@dataclass(frozen=True)
class RefusedNight:
    """A stay whose night the ledger refused to charge: the audit went on with the others."""

    reservation: str  # its number
    refusal: DeskError


@dataclass(frozen=True)
class CardNotDeleted:
    """A saved card past its date that the night audit did not delete: it stays, and the next night
    tries again (a deletion whose answer was lost is asked about first)."""

    card: str  # its masked number and holder, as the Credit card section lists it
    # the operator's own words, or the desk's refusal (said in the clerk's language); empty: the operator
    # was not reached, the outcome unknown
    refusal: str | DeskError


@dataclass(frozen=True)
class AuditSummary:
    business_date: date
    nights: int  # stays whose room night this run posted
    rooms: Money
    city_tax: Money
    no_shows: int
    new_business_date: date | None  # None: stopped before the end (run it again to finish)
    # Stays not charged: the date is not moved while any is, so running again charges them once settled.
    refused: tuple[RefusedNight, ...] = ()
    # The day is closed and the trail intact, but its last link is not yet kept outside the database:
    # the manager writes it with `desk audit anchor` once the anchor folder is fixed.
    anchor_warning: TrailAnchorNotWritten | None = None
    cards_deleted: int = 0  # saved cards past their date deleted at their operator and here
    cards_not_deleted: tuple[CardNotDeleted, ...] = ()

    @property
    def finished(self) -> bool:
        return self.new_business_date is not None


def _number_of(session: Session, reservation_id: int) -> str:
    return session.get_one(Reservation, reservation_id).number


def _purge_cards(runner: Runner, actor: Actor, today: date | None) -> tuple[int, tuple[CardNotDeleted, ...]]:
    """The saved cards past their date deleted, each on the journal; an operator's trouble never stops
    the night audit, whose money is done by then."""

    def card(card_id: int, refusal: str | DeskError) -> CardNotDeleted:
        view = runner.read(saved_card, card_id)
        return CardNotDeleted(f"{view.masked_pan} {view.holder}", refusal)

    try:
        purged = purge_saved_cards(runner, actor, today)
    except Exception:  # a reconciliation that could not even start: every card waits for the next night
        logger.warning("night audit: the saved cards past their date were not purged", exc_info=True)
        return 0, tuple(card(card_id, "") for card_id in runner.read(cards_to_purge, today))

    kept = [card(card_id, "") for card_id in purged.pending]
    kept += [card(card_id, refusal) for card_id, refusal in purged.errors.items()]
    return len(purged.deleted), tuple(kept)


# progress(steps done, steps in all): a step is a stay, a no-show, the saved cards, and the new date.
Progress = Callable[[int, int], None]


def run_night_audit(runner: Runner, actor: Actor, *, reason: str = "", stop: Callable[[], bool] = lambda: False,
                    progress: Progress | None = None, today: date | None = None) -> AuditSummary:
    """The whole night audit of the current business day, one short unit per stay.

    ``stop`` is asked before each stay: when it says so, the audit ends there, unfinished, and the
    next run goes on from where it stopped. A stay whose night the ledger refuses is skipped and
    listed (``refused``): the others are charged, the no-shows marked, but the date stays, so the
    day is closed by a run after it is settled. The saved cards past their date by ``today`` are
    then deleted (``cards_deleted``); those an operator did not delete are listed and stay. Refusals
    (open items without a reason, a missing right, a day not begun by ``today``) come from the first
    unit, before anything is charged.
    """
    day = runner.read(business_date)
    start = runner.run(start_night_audit, actor, day, reason, today=today).value
    currency = runner.read(base_currency)
    rooms = city_tax = Money.zero(currency)
    nights = no_shows = 0
    total = len(start.stays) + len(start.no_shows) + 2
    refused: list[RefusedNight] = []
    for done, reservation_id in enumerate(start.stays, 1):
        if stop():
            return AuditSummary(day, nights, rooms, city_tax, no_shows, None, tuple(refused))
        try:
            charged = runner.run(charge_night, actor, reservation_id, day).value
        except DeskError as exc:  # this stay's folio refuses the charge: the others are charged still
            number = runner.read(_number_of, reservation_id)
            logger.warning("night audit of %s: the night of reservation %s not charged: %s", day, number, exc)
            refused.append(RefusedNight(number, exc))
            charged = NightCharged(reservation_id, False, Money.zero(currency), Money.zero(currency))
        rooms, city_tax = rooms + charged.room, city_tax + charged.city_tax
        nights += charged.room_posted
        if progress is not None:
            progress(done, total)
    for done, reservation_id in enumerate(start.no_shows, len(start.stays) + 1):
        if stop():
            return AuditSummary(day, nights, rooms, city_tax, no_shows, None, tuple(refused))
        try:
            runner.run(mark_no_show, actor, reservation_id, today=day)
            no_shows += 1
        except InvalidTransition as exc:  # checked in or cancelled while the audit ran
            logger.info("not a no-show after all: %s", exc)
        if progress is not None:
            progress(done, total)
    if stop():
        return AuditSummary(day, nights, rooms, city_tax, no_shows, None, tuple(refused))
    cards_deleted, cards_kept = _purge_cards(runner, actor, today)
    if progress is not None:
        progress(total - 1, total)
    if stop() or refused:
        return AuditSummary(day, nights, rooms, city_tax, no_shows, None, tuple(refused),
                            cards_deleted=cards_deleted, cards_not_deleted=cards_kept)
    new_day = runner.run(open_next_business_day, actor, day).value
    # The trail's last link, kept outside the database now that the day is closed (desk.audit.anchors).
    anchor_warning = None
    try:
        runner.read(write_anchor, day.isoformat())
    except TrailAnchorNotWritten as exc:
        logger.warning("night audit of %s: %s", day, exc.message)
        anchor_warning = exc
    # After the anchor: best-effort statistics never delay closing the day's trail.
    runner.database.refresh_statistics()
    if progress is not None:
        progress(total, total)
    return AuditSummary(day, nights, rooms, city_tax, no_shows, new_day, anchor_warning=anchor_warning,
                        cards_deleted=cards_deleted, cards_not_deleted=cards_kept)

