""""New card": the guest types the card on the operator's own hosted page (R11), and the card the page
saved becomes the hotel's saved card, on the journal like every operator call.

The flow, one journal intent with our key:
1. the intent (a save) is committed before anything is asked;
2. the operator opens its page for our key (Saferpay's Alias/Insert) and says where the guest goes;
3. the browser (the one seam: a window of ours with a web view, or a test's stand-in) shows that page
   and gives back the address the page sent the guest to, which starts with :data:`RETURN_URL` and is
   caught, never loaded; or nothing, when the window was closed or cancelled;
4. the operator is asked what the page saved (Saferpay's Alias/AssertInsert), also when the window was
   closed: a guest who sent the card just before is not lost.
A crash or a lost answer anywhere after step 1 leaves the intent open; the journal's reconciliation
asks the operator by our key what the page saved (Saferpay: the alias registered under our id), so a
card is saved once, never twice and never silently lost.

No code of ours reads the page's fields: only the address it returns to.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards import operations as cards
from desk.cards.models import CardKind, OnlineKind, SavedCard
from desk.cards.operations import record_card_intent
from desk.cards.operator_workflow import (
    OnlineOutcome,
    OnlineRequest,
    OnlineResolver,
    Watch,
    charge_saved_card,
    idempotency_key,
    plan_online_operation,
    pre_authorise_saved_card,
    reconcile_online,
)
from desk.cards.operators.interface import (
    ON_OPERATOR_PAGE,
    AnswerLost,
    Declined,
    GuestLeftPage,
    HostedPage,
    HostsCardPage,
    Refused,
    SavedToken,
)
from desk.cards.saved_cards import OperatorInfo, connect_operator, list_operators, operator_settings
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentView
from desk.journal.steps import Answer, DeviceCall, Progress, perform
from desk.people.auth import Actor
from desk.people.rights import Right, require

logger = logging.getLogger(__name__)

# Where the operator's page sends the guest back. ".invalid" never resolves (RFC 2606): the browser
# catches this address and never loads it, so no server of ours, nor anyone's, receives it.
RETURN_URL = "https://desk.invalid/card-page/return"
# The operators whose client here opens their own card page (implements HostsCardPage).
CARD_PAGE_OPERATORS = frozenset({"saferpay", "stripe", "converge", "adyen"})


class PageNotReached(Exception):
    """The browser could not load the operator's page (no network, the operator down)."""


class Browser(Protocol):
    """Shows the operator's page to the guest; the only part of "New card" that needs a screen."""

    def show(self, page_url: str, return_url: str, cancel: threading.Event) -> str | None:
        """Open ``page_url`` and wait: the address starting with ``return_url`` the page sent the guest
        to, or None when the window was closed or ``cancel`` was set. :class:`PageNotReached` if it
        could not be loaded."""
        ...


@dataclass(frozen=True)
class NewCardOwner:
    """Whom the card is saved for: exactly one of them."""

    reservation_id: int | None = None
    company_id: int | None = None
    event_id: int | None = None


def card_page_operators(session: Session) -> list[OperatorInfo]:
    """The hotel's operators whose own page takes a new card, by name; refused when there is none."""
    found = [info for info in list_operators(session) if info.operator in CARD_PAGE_OPERATORS]
    if not found:
        raise InvalidInput("No card operator with its own card page is set up: take the card on the terminal",
                           field="operator")
    return found


def card_page_operator(session: Session) -> OperatorInfo:
    """The hotel's operator whose own page takes a new card (the first by name when there are several)."""
    return card_page_operators(session)[0]


def _saved_payload(saved: SavedToken) -> dict[str, object]:
    return {"token": saved.token, "customer": saved.customer, "brand": saved.brand,
            "masked_pan": saved.masked_pan, "expiry": saved.expiry}


def _page_call(operator: HostsCardPage, browser: Browser, holder: str, keep_until: date | None,
               language: str) -> DeviceCall:
    def call(intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        if cancel.is_set():
            return Answer(EventType.CANCELLED, {"reason": "aborted", "by_us": True})
        progress("opening_card_page")
        try:
            page = operator.start_card_page(idempotency_key(intent), RETURN_URL, holder, keep_until, language)
        except Refused as exc:
            return Answer(EventType.FAILED, {"reason": "refused", "code": exc.code, "error": exc.message})
        progress("card_page_open")
        try:
            returned = browser.show(page.page_url, RETURN_URL, cancel) or ""
        except PageNotReached as exc:
            return Answer(EventType.FAILED, {"reason": "page_not_reached", "error": str(exc)})
        # Returned or closed alike, the operator says what its page saved: a card sent just before
        # the window closed is kept, not lost.
        progress("contacting_operator")
        return _finish(operator, page, holder, returned)

    return call


def _finish(operator: HostsCardPage, page: HostedPage, holder: str, returned: str) -> Answer:
    try:
        saved = operator.finish_card_page(page, holder, returned)
    except GuestLeftPage as exc:
        return Answer(EventType.CANCELLED, {"reason": "left_card_page", "code": exc.code})
    except Declined as exc:
        return Answer(EventType.DECLINED, {"reason": "declined", "code": exc.code,
                                           "decline_code": exc.decline_code, "error": exc.message})
    except Refused as exc:
        # Asking what the page saved is an enquiry: its refusal does not say nothing was saved. The
        # journal asks the operator by our key instead (Saferpay's alias, Stripe's SetupIntent...).
        raise AnswerLost(f"the operator refused to tell what its page saved: {exc.code} {exc.message}") from None
    except AnswerLost:
        raise  # unknown: reconciliation asks the operator by our key
    return Answer(EventType.APPROVED, _saved_payload(saved))


def save_card_on_operator_page(runner: Runner, actor: Actor, operator_id: int, browser: Browser, holder: str,
                               owner: NewCardOwner, watch: Watch | None = None, *,
                               language: str = "") -> OnlineOutcome:
    """Verify and save credit card with "New card" (R10): the operator's own page takes the card, shown in
    ``language`` (the clerk's) where the operator has it."""
    watch = watch or Watch()
    asked = OnlineRequest(card_source=ON_OPERATOR_PAGE, holder=holder, reservation_id=owner.reservation_id,
                          company_id=owner.company_id, event_id=owner.event_id)
    request, settings = runner.read(plan_online_operation, actor, OnlineKind.SAVE, operator_id, asked)
    operator = connect_operator(settings)
    if not isinstance(operator, HostsCardPage):
        raise InvalidInput("{operator} has no card page of its own here: take the card on the terminal",
                           field="operator", operator=settings.info.name)
    keep_until = date.fromisoformat(str(request.request["delete_after"]))
    done = perform(runner, actor, request, _page_call(operator, browser, holder.strip(), keep_until, language),
                   OnlineResolver(runner), progress=watch.progress, cancel=watch.cancel, record=record_card_intent)
    intent = done.intent
    if intent.state.is_open:
        # The answer was lost: what the page saved under our key is asked at once.
        try:
            reconcile_online(runner, actor, [intent.id])
        except Exception:  # left for the pending operations, which ask again
            logger.warning("new card %s left pending", intent.key, exc_info=True)
        intent = runner.read(journal.load_intent, intent.id)
    return OnlineOutcome(intent, done.error)


@dataclass(frozen=True)
class ThenCharge:
    """What follows a new card's saving in the same flow (R12, R14): a charge on ``bill_id``, or a hold
    on ``folio_id`` (``hold``), of ``amount`` in one of the operator's currencies."""

    amount: Money
    bill_id: int | None = None
    folio_id: int | None = None
    hold: bool = False


@dataclass(frozen=True)
class SavedThenCharged:
    """How "New card" then charge (or hold) ended: the save, and the charge when the save was settled."""

    saved: OnlineOutcome
    charged: OnlineOutcome | None = None


def check_then_charge(session: Session, actor: Actor, operator_id: int, then: ThenCharge) -> None:
    """Refuse, before the card page opens, a charge or hold the desk would refuse once the card is saved:
    the amount, the bill or folio, the clerk's rights, the operator's currencies."""
    require(actor, Right.TAKE_PAYMENT)
    kind = CardKind.PRE_AUTHORISATION if then.hold else CardKind.SALE
    cards.plan_rules(session, actor, kind, cards.CardRequest(bill_id=then.bill_id, folio_id=then.folio_id,
                                                             amount=then.amount))
    info = operator_settings(session, operator_id).info
    if then.amount.currency not in info.currencies:
        raise InvalidInput("{operator} is not set up to take {currency}", field="currency",
                           operator=info.name, currency=then.amount.currency)


def save_card_then_charge(runner: Runner, actor: Actor, operator_id: int, browser: Browser, holder: str,
                          owner: NewCardOwner, then: ThenCharge, watch: Watch | None = None, *,
                          language: str = "") -> SavedThenCharged:
    """Card payment or Pre-authorise with "New card" in one flow: the operator's page saves the card (its
    own journal intent), then the charge or hold on that saved card is its own intent, recorded only once
    the card is saved. A crash between the two leaves the card saved and nothing charged; the charge
    is never sent twice, since it is recorded only here, after the save settled."""
    runner.read(check_then_charge, actor, operator_id, then)
    saved = save_card_on_operator_page(runner, actor, operator_id, browser, holder, owner, watch, language=language)
    if not saved.settled:
        return SavedThenCharged(saved)
    card_id = runner.read(lambda session: session.scalars(select(SavedCard.id).where(
        SavedCard.intent_id == saved.intent.id)).one())
    watch = Watch(watch.progress if watch else None)  # the page's Cancel is spent: the charge starts anew
    if then.hold:
        assert then.folio_id is not None
        charged = pre_authorise_saved_card(runner, actor, operator_id, card_id, then.folio_id, then.amount,
                                           watch=watch)
    else:
        assert then.bill_id is not None
        charged = charge_saved_card(runner, actor, operator_id, card_id, then.bill_id, then.amount, watch=watch)
    return SavedThenCharged(saved, charged)
