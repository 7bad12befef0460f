"""Voids, refunds and overrides: every charge voided or reversed, every payment refunded or voided, and
every record a manager's credentials allowed, by the user who made it and the manager who authorised
it, with the reasons given."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from desk.core.errors import N_
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel
from desk.hotel.names import load_names
from desk.ledger.models import EXCEPTIONAL_POSTING, Payment, PaymentKind, Posting, PostingKind
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.cashier import check_days
from desk.reports.tables import Report, Section, Word, day_bounds

TITLE = N_("Voids, refunds and overrides")
SUMMARY = N_("By user and authorising manager")
DETAILS = N_("Every void, refund and override")
CHARGE_VOID = N_("Charge voided")
CHARGE_REVERSAL = N_("Charge reversed")
PAYMENT_VOID = N_("Payment voided")
REFUND = N_("Refund")
OVERRIDE = N_("Override")
SUMMARY_COLUMNS = (N_("User"), N_("Authorised by"), N_("Kind"), N_("Currency"), N_("Count"), N_("Amount"))
DETAIL_COLUMNS = (N_("Time"), N_("Kind"), N_("Folio"), N_("Bill"), N_("Record"), N_("User"), N_("Authorised by"),
                  N_("Workstation"), N_("Reason"), N_("Currency"), N_("Amount"))


@dataclass(frozen=True)
class Exception_:
    at: datetime
    kind: str
    folio_id: int
    bill_id: int | None
    record: str  # what was done: the charge's description, the payment's method and id
    user: str
    authorised_by: str
    workstation: str
    reason: str
    amount: Money


def exceptions(session: Session, first: date, last: date, language: str = "en") -> list[Exception_]:
    """Every void, reversal, refund and authorised record made in these days, oldest first."""
    names = load_names(session, language)
    start, end = day_bounds(first, last)
    found: list[Exception_] = []
    postings = select(Posting).where(
        Posting.created_at >= start, Posting.created_at < end, text(EXCEPTIONAL_POSTING))
    for posting in session.scalars(postings):
        kind = {PostingKind.VOID: CHARGE_VOID, PostingKind.REVERSAL: CHARGE_REVERSAL}.get(posting.kind, OVERRIDE)
        found.append(Exception_(posting.created_at, kind, posting.folio_id, posting.bill_id, posting.description,
                                posting.created_by, posting.authorised_by or "", posting.workstation,
                                posting.reason, posting.amount))
    payments = select(Payment).where(
        Payment.created_at >= start, Payment.created_at < end,
        or_(Payment.kind.in_((PaymentKind.VOID, PaymentKind.REFUND)), Payment.authorised_by.is_not(None)))
    for payment in session.scalars(payments):
        kind = {PaymentKind.VOID: PAYMENT_VOID, PaymentKind.REFUND: REFUND}.get(payment.kind, OVERRIDE)
        target = payment.voids_id or payment.refund_of_id or payment.id
        found.append(Exception_(payment.created_at, kind, payment.folio_id, payment.bill_id,
                                f"{names.method(payment.method)} #{target}", payment.created_by,
                                payment.authorised_by or "", payment.workstation, payment.reason, payment.amount))
    return sorted(found, key=lambda e: (e.at, e.kind, e.folio_id))


def voids_report(session: Session, reader: Actor, first: date, last: date | None = None,
                 workstation: str | None = None, language: str = "en") -> Report:
    """The voids, refunds and overrides made from ``first`` to ``last`` (on one workstation if named)."""
    require(reader, Right.READ_HOTEL_REPORTS)
    last = last or first
    check_days(first, last)
    rows = [e for e in exceptions(session, first, last, language) if not workstation or e.workstation == workstation]
    totals: dict[tuple[str, str, str, str], list[Money]] = defaultdict(list)
    for e in rows:
        totals[(e.user, e.authorised_by, e.kind, e.amount.currency)].append(e.amount)
    summary = tuple(
        (user, manager, Word(kind), currency, len(amounts), sum(amounts, Money.zero(currency)))
        for (user, manager, kind, currency), amounts in sorted(totals.items()))
    details = tuple(
        (e.at, Word(e.kind), e.folio_id, e.bill_id, e.record, e.user, e.authorised_by, e.workstation, e.reason,
         e.amount.currency, e.amount)
        for e in rows)
    hotel = session.scalars(select(Hotel).limit(1)).one()
    filters: list[tuple[str, object]] = [(N_("From"), first), (N_("To"), last)]
    if workstation:
        filters.append((N_("Workstation"), workstation))
    return Report(
        name="voids", title=TITLE, hotel_name=hotel.name, filters=tuple(filters),  # type: ignore[arg-type]
        made_at=utcnow(), made_by=reader.username,
        sections=(Section(SUMMARY, SUMMARY_COLUMNS, 4, summary), Section(DETAILS, DETAIL_COLUMNS, 9, details)))
