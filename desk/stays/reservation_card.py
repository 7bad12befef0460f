"""What a reservation card (or any folio's card) shows, read in one unit of work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, joinedload, selectinload

from desk.cards.operations import HOLD_WARN_DAYS, CardPaymentInfo, HoldState, card_payments_of_folio, holds_of_folio
from desk.cards.saved_cards import saved_cards
from desk.cards.slips import payments_with_card_slip
from desk.core.errors import NotFound
from desk.core.money import Money
from desk.db.changes import LedgerStamp, poll_changes
from desk.fiscal.marks import ReceiptMark, receipt_marks
from desk.fiscal.models import CashRegister
from desk.hotel.models import NameTranslation, PaymentMethod, Service
from desk.hotel.names import Names, load_names
from desk.hotel.rates import rates_on
from desk.hotel.reference import base_currency
from desk.ledger.folios import FolioView, collector_paused, folio_options, folio_view, load_folio
from desk.ledger.models import Bill, Folio, Payment, Posting, PostingMove
from desk.stays.models import Company


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

    ``stamp`` is a digest of the rows they were built from: equal stamps, the same catalogues."""

    language: str
    stamp: int
    methods: list[PaymentMethod]
    services: list[Service]
    companies: list[Company]
    registers: list[CashRegister]
    names: Names


# Every column of each, so that any change anywhere (a company renamed, a price or a register's
# settings changed, a translation edited) changes the stamp, not only an added or removed row.
_CATALOGUE_TABLES: tuple[Table, ...] = tuple(
    model.__table__ for model in (PaymentMethod, Service, Company, CashRegister))  # type: ignore[misc]
_CATALOGUE_ROWS = [select(table).order_by(*table.primary_key.columns) for table in _CATALOGUE_TABLES]
_TRANSLATIONS = (select(NameTranslation.kind, NameTranslation.code, NameTranslation.text)
                 .order_by(NameTranslation.kind, NameTranslation.code))


def catalogue_stamp(session: Session, language: str) -> int:
    """A digest of the catalogues' rows as they are now: plain rows, no objects built, so checking
    whether known catalogues are still current costs a small fraction of loading them again."""
    connection = session.connection()
    rows = [tuple(connection.execute(statement)) for statement in _CATALOGUE_ROWS]
    rows.append(tuple(connection.execute(_TRANSLATIONS.where(NameTranslation.language == language))))
    return hash((language, tuple(rows)))


def load_card_catalogues(session: Session, language: str = "en") -> CardCatalogues:
    return CardCatalogues(
        language=language,
        stamp=catalogue_stamp(session, language),
        methods=list(session.scalars(select(PaymentMethod).order_by(PaymentMethod.code))),
        services=list(session.scalars(select(Service).order_by(Service.category, Service.name))),
        companies=list(session.scalars(select(Company).order_by(Company.name))),
        registers=list(session.scalars(select(CashRegister).order_by(CashRegister.code))),
        names=load_names(session, language),
    )


def current_catalogues(session: Session, language: str, known: CardCatalogues | None) -> CardCatalogues:
    """``known`` while nothing in the catalogues changed since it was read, else read again."""
    if known is not None and known.language == language and known.stamp == catalogue_stamp(session, language):
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
    return _card(session, load_folio(session, folio_id), language, catalogues)


def reload_reservation_card(session: Session, shown: ReservationCardData, language: str = "en",
                            catalogues: CardCatalogues | None = None) -> ReservationCardData:
    """The card again after a change of its folio: what :func:`load_reservation_card` gives, with
    only the postings the card does not show yet read from the ledger.

    A long stay's thousands of postings are what a reload spent its time on; posted rows never
    change (the ledger is append-only), so the card's own are kept. Everything else a posting's
    line depends on (the bill it is on now, its reversal) and the folio's bills and payments, few
    and small, are read again, so the card shows exactly what a fresh load shows.
    """
    known = catalogues if catalogues is not None else shown.catalogues
    return _card(session, _folio_with_new_postings(session, shown.folio), language, known)


def _folio_with_new_postings(session: Session, shown: FolioView) -> FolioView:
    folio_id = shown.folio.id
    with collector_paused():
        folio = session.get(
            Folio, folio_id, options=folio_options(),
            populate_existing=True,  # its bills may have been added by plain INSERTs since
        )
        if folio is None:
            raise NotFound("Folio {folio} does not exist", folio=folio_id)
        kept = {line.posting.id: line.posting for line in shown.postings}
        on_folio = set(session.scalars(select(Posting.id).where(Posting.folio_id == folio_id)))
        if not kept.keys() <= on_folio:  # never, on an append-only ledger: read it all rather than guess
            return load_folio(session, folio_id)
        new_ids = sorted(on_folio - kept.keys())
        new = session.scalars(select(Posting).where(Posting.id.in_(new_ids)).options(
            joinedload(Posting.outlet))).all() if new_ids else []
        postings = sorted([*kept.values(), *new], key=lambda posting: (posting.ordered_at, posting.id))
        moves = session.scalars(
            select(PostingMove).join(Posting, Posting.id == PostingMove.posting_id)
            .where(Posting.folio_id == folio_id).order_by(PostingMove.id)
        ).all()
        payments = session.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.created_at, Payment.id)
            .options(selectinload(Payment.card_record))
        ).all()
        return folio_view(folio, base_currency(session), postings, moves, payments)


def _card(session: Session, folio: FolioView, language: str, known: CardCatalogues | None) -> ReservationCardData:
    folio_id = folio.folio.id
    # Today's rates, as a payment taken today converts (desk.hotel.rates.rate_on decides them).
    rates = {folio.currency: Decimal(1), **rates_on(session, date.today())}
    return ReservationCardData(
        folio=folio,
        rates=rates,
        catalogues=current_catalogues(session, language, known),
        pre_authorisations=[
            PreAuthorisation(h.amount, h.created_at, h.state, h.id, h.terminal, h.masked_pan, h.operator_id,
                             h.saved_card_id)
            for h in holds_of_folio(session, folio_id)
        ],
        saved_cards=_saved_cards(session, folio_id),
        card_payments=card_payments_of_folio(session, folio_id),
        card_slips=payments_with_card_slip(session, folio_id),
        receipts=receipt_marks(session, folio),
    )


def _saved_cards(session: Session, folio_id: int) -> list[SavedCard]:
    """The cards saved on the folio's reservation, company or event (R10), with their days left (R11)."""
    folio = session.get_one(Folio, folio_id)
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
