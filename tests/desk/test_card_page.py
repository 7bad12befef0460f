""""New card" on Saferpay's own hosted page (Alias/Insert, then Alias/AssertInsert), with the browser
replaced by a guest who fills and sends the fake's real HTML form over HTTP: the card saved once under
our key, a bad card refused on the page, the guest's Cancel, a page that cannot be reached, a window
closed or crashed after the card was sent (resolved by asking Saferpay for the alias under our key),
and no card number anywhere in the database or the logs."""

from __future__ import annotations

import html
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest
from sqlalchemy import select

from desk.cards.card_page import RETURN_URL, NewCardOwner, PageNotReached, save_card_on_operator_page
from desk.cards.models import SavedCard
from desk.cards.operator_workflow import OnlineOutcome, idempotency_key, reconcile_online
from desk.cards.operators.converge import kept_token
from desk.cards.operators.saferpay import alias_id
from desk.core.card_numbers import has_card_number
from desk.journal.intents import IntentState, unresolved

from .adyen_rig import AdyenRig, make_adyen_rig
from .conftest import Hotel, Stay, charged_stay
from .converge_rig import ConvergeRig, make_converge_rig
from .online_rig import OnlineRig, make_online_rig
from .operator_rig import OperatorRig
from .saferpay_rig import SaferpayRig, make_saferpay_rig

VISA = {"card_number": "4111 1111 1111 1111", "exp_month": "09", "exp_year": "2031", "cvc": "123",
        "holder": "Anna Gast"}
INSERT = "/api/Payment/v1/Alias/Insert"


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[SaferpayRig]:
    yield from make_saferpay_rig(hotel)


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel) -> Iterator[SaferpayRig]:
    yield from make_saferpay_rig(sqlite_hotel)


class Killed(BaseException):
    """The desk's process ends here: nothing after it runs, the journal keeps what was committed."""


@contextmanager
def guests_own_logs_apart() -> Iterator[None]:
    """The guest's browser is not the desk: what its HTTP library logs (the page's redirect, with
    Converge's token in it) is not the desk's logs, which the tests search for card numbers."""
    loggers = {logging.getLogger(name): logging.getLogger(name).level for name in ("httpx", "httpcore")}
    for each in loggers:
        each.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for each, level in loggers.items():
            each.setLevel(level)


class Guest:
    """Stands in for the web view: loads the operator's page and does what a guest does there, over
    HTTP, following the page's own form; gives back the address the page sent it to under our
    RETURN_URL (never loading it), or None when the window was "closed"."""

    def __init__(self, *steps: dict[str, str] | str, close_after: bool = False, crash_after: bool = False,
                 killed_after: bool = False, unreachable: SaferpayRig | None = None) -> None:
        self.steps = steps  # each a form to send, or "cancel"
        self.close_after = close_after
        self.crash_after = crash_after
        self.killed_after = killed_after
        self.unreachable = unreachable
        self.pages: list[str] = []  # what the guest read on each page

    def show(self, page_url: str, return_url: str, cancel: threading.Event) -> str | None:
        assert return_url == RETURN_URL
        with guests_own_logs_apart(), httpx.Client(follow_redirects=False, timeout=5) as client:
            try:
                if self.unreachable is not None:
                    self.unreachable.fake.unreachable = True
                page = client.get(page_url)
            except httpx.TransportError as exc:
                raise PageNotReached(str(exc)) from None
            finally:
                if self.unreachable is not None:
                    self.unreachable.fake.unreachable = False
            self.pages.append(page.text)
            answer = page
            for step in self.steps:
                # As a browser does: each form's own action, the card form first, Cancel's second.
                save_action, cancel_action = (urljoin(page_url, html.unescape(action)) for action in
                                              re.findall(r'<form[^>]*action="([^"]+)"', self.pages[-1]))
                cancelled = step == "cancel"
                answer = client.post(cancel_action) if cancelled else client.post(save_action, data=step)
                if answer.status_code == 200:
                    self.pages.append(answer.text)
        if self.killed_after:
            raise Killed
        if self.crash_after:
            raise RuntimeError("the window's process died")
        if self.close_after:
            return None
        assert answer.status_code == 303, answer.text
        location = urljoin(page_url, answer.headers["location"])
        assert location.startswith(return_url)
        return location


def save(rig: OperatorRig[Any], guest: Guest) -> tuple[Stay, OnlineOutcome]:
    stay = charged_stay(rig.hotel)
    outcome = save_card_on_operator_page(rig.runner, rig.cashier, rig.operator_id, guest, "Anna Gast",
                                         NewCardOwner(reservation_id=stay.reservation_id))
    return stay, outcome


def saved_rows(rig: OperatorRig[Any]) -> list[SavedCard]:
    return rig.hotel.query(lambda s: list(s.scalars(select(SavedCard))))


def test_the_card_typed_on_saferpays_page_is_saved_under_our_key_and_nothing_else_is_kept(rig: SaferpayRig, caplog):
    caplog.set_level(logging.DEBUG)
    stay, outcome = save(rig, Guest(VISA))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    assert (card.brand, card.masked_pan, card.expiry, card.holder, card.reservation_id) == (
        "visa", "•••• 1111", "09/2031", "Anna Gast", stay.reservation_id)
    # The alias Saferpay's page registered is the one under our key: a crash is resolved by it.
    assert card.token == alias_id(idempotency_key(outcome.intent))
    assert card.token.lower() in rig.fake.aliases
    [(_, request_id, retry)] = [r for r in rig.fake.requests if r[0] == INSERT]
    assert request_id == idempotency_key(outcome.intent) and retry == 0
    # Saferpay keeps it no longer than a week after the desk deletes it (R11).
    assert rig.fake.aliases[card.token.lower()]["Lifetime"] == (card.delete_after - date.today()).days + 7
    dump = repr(rig.hotel.snapshot())
    assert not has_card_number(dump) and not has_card_number(caplog.text)


def test_a_bad_number_and_a_card_failing_the_check_are_refused_on_the_page_and_a_good_one_then_saved(
        sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    guest = Guest({**VISA, "card_number": "4111 1111 1111 1112"}, {**VISA, "card_number": "4000000000000002"},
                  {**VISA, "card_number": "5555555555554444"})
    _, outcome = save(rig, guest)
    assert "The card number is not valid." in guest.pages[1]
    assert "The card check failed" in guest.pages[2]
    assert outcome.settled
    [card] = saved_rows(rig)
    assert (card.brand, card.masked_pan) == ("mastercard", "•••• 4444")
    assert len(rig.fake.aliases) == 1


def test_the_guest_cancelling_on_the_page_saves_nothing(rig: SaferpayRig):
    _, outcome = save(rig, Guest("cancel"))
    assert outcome.intent.state is IntentState.CANCELLED
    assert outcome.reason == "left_card_page"
    assert saved_rows(rig) == [] and rig.fake.aliases == {}


def test_a_page_that_cannot_be_reached_is_said_so_and_nothing_is_saved(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    _, outcome = save(rig, Guest(VISA, unreachable=rig))
    assert outcome.intent.state is IntentState.FAILED and outcome.reason == "page_not_reached"
    assert saved_rows(rig) == [] and rig.fake.aliases == {}


def test_a_window_closed_right_after_the_guest_sent_the_card_still_saves_it_once(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    _, outcome = save(rig, Guest(VISA, close_after=True))
    assert outcome.settled
    assert len(saved_rows(rig)) == 1 and len(rig.fake.aliases) == 1


def test_a_window_closed_before_any_card_was_sent_saves_nothing(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    _, outcome = save(rig, Guest(close_after=True))
    assert outcome.intent.state is IntentState.CANCELLED and saved_rows(rig) == []


def test_a_crash_after_the_card_was_sent_is_resolved_by_asking_saferpay_for_our_alias(rig: SaferpayRig):
    _, outcome = save(rig, Guest(VISA, crash_after=True))
    # The window died before the desk heard the answer; the alias under our key tells it was saved.
    assert outcome.settled, outcome.intent
    assert [e.type.value for e in outcome.intent.events].count("unknown") == 1
    [card] = saved_rows(rig)
    assert card.token == alias_id(idempotency_key(outcome.intent))
    assert rig.hotel.query(unresolved) == []


def test_a_crash_before_any_card_was_sent_is_resolved_as_nothing_saved(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    _, outcome = save(rig, Guest(crash_after=True))
    # Saferpay has no alias under our key: reconciled as not done.
    assert outcome.intent.state is IntentState.CANCELLED and outcome.reason == "reconciled"
    assert saved_rows(rig) == []


def test_a_refusal_to_assert_insert_is_not_taken_as_nothing_saved_saferpay_is_asked_for_our_alias(
        sqlite_rig: SaferpayRig):
    rig = sqlite_rig

    class RefusedGuest(Guest):
        def show(self, page_url: str, return_url: str, cancel: threading.Event) -> str | None:
            returned = super().show(page_url, return_url, cancel)
            rig.fake.next_error = (403, "PERMISSION_DENIED", "ABORT")  # the enquiry refused, the card saved
            return returned

    _, outcome = save(rig, RefusedGuest(VISA))
    assert outcome.settled, outcome.intent
    assert [e.type.value for e in outcome.intent.events].count("unknown") == 1
    assert len(saved_rows(rig)) == 1 and len(rig.fake.aliases) == 1


def test_a_lost_answer_to_assert_insert_is_asked_again_and_the_card_saved_once(sqlite_rig: SaferpayRig):
    rig = sqlite_rig

    class LosingGuest(Guest):
        def show(self, page_url: str, return_url: str, cancel: threading.Event) -> str | None:
            returned = super().show(page_url, return_url, cancel)
            rig.fake.lose_next_answer()  # the AssertInsert is answered, and the answer lost on the line
            return returned

    _, outcome = save(rig, LosingGuest(VISA))
    assert outcome.settled
    assert len(saved_rows(rig)) == 1 and len(rig.fake.aliases) == 1


# --- Stripe: a Checkout Session in setup mode ---------------------------------------------------


@pytest.fixture
def stripe_rig(hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(hotel)


@pytest.fixture
def sqlite_stripe_rig(sqlite_hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(sqlite_hotel)


def test_the_card_typed_on_stripes_checkout_page_is_saved_from_the_sessions_setup_intent(stripe_rig: OnlineRig):
    rig = stripe_rig
    _, outcome = save(rig, Guest(VISA))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    assert (card.brand, card.masked_pan, card.expiry) == ("visa", "•••• 1111", "09/2031")
    [session] = rig.fake.checkout_sessions.values()
    intent = rig.fake.setup_intents[session["setup_intent"]]
    # Stripe's page saved it for the customer made under our key, its SetupIntent carrying our key.
    assert (session["status"], session["mode"], intent["payment_method"], intent["customer"]) == (
        "complete", "setup", card.token, card.customer)
    assert intent["metadata"] == {"desk_key": idempotency_key(outcome.intent)}


def test_a_guest_cancelling_on_stripes_page_expires_the_session_and_saves_nothing(sqlite_stripe_rig: OnlineRig):
    rig = sqlite_stripe_rig
    _, outcome = save(rig, Guest("cancel"))
    assert outcome.intent.state is IntentState.CANCELLED and outcome.reason == "left_card_page"
    [session] = rig.fake.checkout_sessions.values()
    # Expired, so that nothing can be saved on it after the clerk was told nothing was.
    assert session["status"] == "expired" and saved_rows(rig) == [] and rig.fake.setup_intents == {}


def test_a_crash_after_the_card_was_sent_on_stripes_page_is_found_by_our_key(sqlite_stripe_rig: OnlineRig):
    rig = sqlite_stripe_rig
    _, outcome = save(rig, Guest(VISA, crash_after=True))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    [intent] = rig.fake.setup_intents.values()
    assert card.token == intent["payment_method"] and len(rig.fake.customers) == 1


def test_the_operators_said_to_have_a_card_page_are_the_ones_whose_client_opens_one():
    from desk.cards.card_page import CARD_PAGE_OPERATORS
    from desk.cards.operators.adyen import AdyenOperator
    from desk.cards.operators.converge import ConvergeOperator
    from desk.cards.operators.interface import HostsCardPage
    from desk.cards.operators.saferpay import SaferpayOperator
    from desk.cards.operators.stripe import StripeOperator

    clients = {"stripe": StripeOperator, "adyen": AdyenOperator, "saferpay": SaferpayOperator,
               "converge": ConvergeOperator}
    with_a_page = {kind for kind, client in clients.items()
                   if all(hasattr(client, name) for name in ("start_card_page", "finish_card_page"))}
    assert with_a_page == CARD_PAGE_OPERATORS
    assert all(issubclass(clients[kind], HostsCardPage) for kind in CARD_PAGE_OPERATORS)


# --- Converge: the Hosted Payment Page ------------------------------------------------------------


@pytest.fixture
def converge_rig(sqlite_hotel: Hotel) -> Iterator[ConvergeRig]:
    yield from make_converge_rig(sqlite_hotel)


def test_the_card_typed_on_converges_payment_page_is_saved_once_converge_confirms_its_token(
        converge_rig: ConvergeRig, caplog):
    rig = converge_rig
    caplog.set_level(logging.DEBUG)
    _, outcome = save(rig, Guest(VISA))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    assert (card.brand, card.masked_pan, card.expiry) == ("visa", "•••• 1111", "09/2031")
    # The token the page's redirect carried was asked of Converge before it was kept.
    assert [kind for kind, _ in rig.fake.requests] == ["ccquerytoken"]
    [token] = [t for t, v in rig.fake.tokens.items() if v["added"]]
    assert card.token == kept_token(token)
    dump = repr(rig.hotel.snapshot())
    assert not has_card_number(dump) and not has_card_number(caplog.text)


def test_converges_declined_check_and_the_guests_cancel_save_nothing(converge_rig: ConvergeRig):
    rig = converge_rig
    _, declined = save(rig, Guest({**VISA, "card_number": "4000000000000002"}))
    assert declined.intent.state is IntentState.DECLINED and declined.code == "DECLINED"
    _, cancelled = save(rig, Guest("cancel"))
    assert cancelled.intent.state is IntentState.CANCELLED and cancelled.reason == "left_card_page"
    assert saved_rows(rig) == [] and rig.fake.tokens == {}


# --- Adyen: Hosted Checkout ----------------------------------------------------------------------


@pytest.fixture
def adyen_rig(sqlite_hotel: Hotel) -> Iterator[AdyenRig]:
    yield from make_adyen_rig(sqlite_hotel)


def test_the_card_typed_on_adyens_hosted_checkout_is_saved_from_the_shoppers_stored_methods(adyen_rig: AdyenRig):
    rig = adyen_rig
    _, outcome = save(rig, Guest(VISA))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    assert (card.brand, card.masked_pan, card.expiry) == ("visa", "•••• 1111", "09/2031")
    [session] = rig.fake.sessions.values()
    [(stored_id, stored)] = rig.fake.stored.items()
    # Stored for the shopperReference made from our key, for charges without the guest.
    assert session["status"] == "completed" and session["body"]["storePaymentMethodMode"] == "enabled"
    assert (card.token, card.customer) == (stored_id, stored["shopperReference"])


def test_a_guest_cancelling_adyens_page_saves_nothing(adyen_rig: AdyenRig):
    rig = adyen_rig
    _, outcome = save(rig, Guest("cancel"))
    assert outcome.intent.state is IntentState.CANCELLED and outcome.reason == "left_card_page"
    assert saved_rows(rig) == [] and rig.fake.stored == {}


def test_a_crash_after_the_card_was_sent_on_adyens_page_is_found_by_our_shopper_reference(adyen_rig: AdyenRig):
    rig = adyen_rig
    _, outcome = save(rig, Guest(VISA, crash_after=True))
    assert outcome.settled, outcome.intent
    [card] = saved_rows(rig)
    assert [card.token] == list(rig.fake.stored)


# --- the desk killed while the page was open -------------------------------------------------------


@pytest.mark.parametrize("make_rig", [make_saferpay_rig, make_online_rig, make_adyen_rig],
                         ids=["saferpay", "stripe", "adyen"])
def test_a_desk_killed_after_the_guest_sent_the_card_saves_it_once_when_the_journal_is_reconciled(
        sqlite_hotel: Hotel, make_rig):
    for rig in make_rig(sqlite_hotel):
        with pytest.raises(Killed):
            save(rig, Guest(VISA, killed_after=True))
        [left] = rig.hotel.query(unresolved)
        assert left.state is IntentState.SENT and saved_rows(rig) == []
        # The desk starts again: the journal asks the operator by our key what its page saved.
        reconcile_online(rig.runner, rig.cashier)
        [card] = saved_rows(rig)
        assert card.intent_id == left.id and card.masked_pan == "•••• 1111"
        assert rig.hotel.query(unresolved) == []
        reconcile_online(rig.runner, rig.cashier)  # asked again: nothing more
        assert len(saved_rows(rig)) == 1
