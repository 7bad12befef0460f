"""Stripe, through its official SDK: SetupIntent to save a card, PaymentIntent off-session to charge
it, ``capture_method=manual`` to hold, capture with ``amount_to_capture``, cancel to release,
Refund, and PaymentMethod detach to delete the token. "New card" is a Checkout Session in setup mode:
Stripe's own page takes the card, and the session's SetupIntent gives its PaymentMethod.

Every request that changes something carries our own ``Idempotency-Key`` (the journal's); each
object made carries it in ``metadata[desk_key]`` too, so that a lost answer is found again by
listing the customer's objects (lists are read-after-write; Stripe's search is not). The SDK does
not retry by itself: whether to ask again is the journal's decision.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date
from typing import Any

import stripe
from stripe._base_address import BaseAddresses

from desk.cards.operators.interface import (
    AnswerLost,
    CardOnFile,
    Declined,
    Done,
    Finding,
    Found,
    GuestLeftPage,
    HoldExpired,
    HostedPage,
    NotYetDone,
    Operation,
    OperatorError,
    ReaderBusy,
    ReaderStopped,
    ReaderWait,
    Refused,
    SavedToken,
)

KEY_FIELD = "desk_key"
HOLD_EXPIRED_CODES = frozenset({"charge_expired_for_capture"})
LIST_LIMIT = 100
# An intent in one of these is neither done nor refused yet: pending, whatever it becomes.
PENDING_STATUSES = frozenset({"processing", "requires_action", "requires_confirmation"})
# A refund in one of these gives the money back (a card refund may stay pending for days).
REFUNDED_STATUSES = frozenset({"succeeded", "pending"})
# The Checkout page's language for the desk's (Stripe's ``locale``; "auto": the guest's browser's).
CHECKOUT_LOCALES = {"en": "en", "ru": "ru", "bg": "bg"}
# How long the desk waits for Stripe's answer; past it the operation is asked about by our key.
ANSWER_TIMEOUT_S = 60.0
# The reader could not start (offline, or busy with another action): nothing was started on it.
READER_NOT_STARTED_CODES = frozenset({"terminal_reader_busy", "terminal_reader_offline"})
# The reader did not answer Stripe in time: the action may have started, its state tells.
READER_MAY_HAVE_STARTED_CODES = frozenset({"terminal_reader_timeout"})
# A SetupIntent in one of these can still be given a card: cancelled, it never saves one afterwards.
SETUP_CANCELLABLE = frozenset({"requires_payment_method", "requires_confirmation", "requires_action"})


def _failure(error: stripe.StripeError) -> Exception:
    """The SDK's error as the interface's: declined, hold gone, refused, or an answer that may be lost."""
    body: dict[str, Any] = (error.json_body or {}).get("error", {}) if isinstance(error.json_body, dict) else {}
    code = str(error.code or body.get("code") or "")
    message = str(body.get("message") or error.user_message or type(error).__name__)
    if isinstance(error, stripe.CardError):
        return Declined(message, code, str(body.get("decline_code") or ""))
    if code in HOLD_EXPIRED_CODES:
        return HoldExpired(message, code)
    if isinstance(error, stripe.InvalidRequestError | stripe.IdempotencyError | stripe.AuthenticationError
                  | stripe.PermissionError):
        return Refused(message, code or str(body.get("type") or ""))
    # No answer, a cut line, Stripe's own 5xx or a rate limit: it may or may not have been done.
    return AnswerLost(f"{type(error).__name__}: {message}")


class StripeOperator:
    """One Stripe account; ``api_base`` points the SDK at another address (the fake, in tests)."""

    # Asked again under the same key, the reader's save replays its setup and watches the same action.
    resumes_on_reader = True

    def __init__(self, secret_key: str, *, api_base: str = "", name: str = "Stripe",
                 timeout: float | None = None) -> None:
        self.name = name
        timeout = ANSWER_TIMEOUT_S if timeout is None else timeout
        base: BaseAddresses = {"api": api_base.rstrip("/")} if api_base else {}
        self._client = stripe.StripeClient(
            secret_key, base_addresses=base, max_network_retries=0,
            http_client=stripe.HTTPXClient(timeout=timeout, allow_sync_methods=True) if _has_httpx() else None)

    def _do(self, call: Any, *args: Any, key: str = "", **params: Any) -> Any:
        options: dict[str, Any] = {"idempotency_key": key} if key else {}
        try:
            return call(*args, params=params, options=options) if (params or options) else call(*args)
        except stripe.StripeError as error:
            raise _failure(error) from None

    # --- the operations -------------------------------------------------------------------------

    def save_card(self, card_source: str, holder: str, key: str) -> SavedToken:
        customer = self._customer(holder, key)
        intent = self._do(self._client.v1.setup_intents.create, key=key, customer=customer,
                          payment_method=card_source, confirm=True, usage="off_session",
                          payment_method_types=["card"], metadata={KEY_FIELD: key})
        _expect(intent, "succeeded")
        return self._saved(str(intent.payment_method), customer, holder)

    def start_card_page(self, key: str, return_url: str, holder: str, keep_until: date | None = None,
                        language: str = "") -> HostedPage:
        """A Checkout Session in setup mode: Stripe's own page saves the card for the customer made under
        our key, through a SetupIntent that carries our key (so a lost end is found by it), then sends
        the guest to ``return_url`` with the session's id; Cancel there sends them back without it."""
        customer = self._customer(holder, key)
        session = self._do(self._client.v1.checkout.sessions.create, key=f"{key}:checkout", mode="setup",
                           customer=customer, payment_method_types=["card"],
                           locale=CHECKOUT_LOCALES.get(language, "auto"),
                           success_url=f"{return_url}?session_id={{CHECKOUT_SESSION_ID}}",
                           cancel_url=f"{return_url}?cancelled=1",
                           setup_intent_data={"metadata": {KEY_FIELD: key}}, metadata={KEY_FIELD: key})
        return HostedPage(str(session.url), str(session.id))

    def finish_card_page(self, page: HostedPage, holder: str, returned: str = "") -> SavedToken:
        """The session's SetupIntent and its card; a session left open is expired, so that nothing can
        be saved on it after the desk was told nothing was."""
        session = self._do(self._client.v1.checkout.sessions.retrieve, page.session)
        if session.status == "open":
            try:
                session = self._do(self._client.v1.checkout.sessions.expire, page.session)
            except Refused:
                # Completed between the two calls: it is read again below.
                session = self._do(self._client.v1.checkout.sessions.retrieve, page.session)
        if session.status != "complete":
            raise GuestLeftPage(f"Checkout Session {page.session} is {session.status}", str(session.status))
        intent = self._do(self._client.v1.setup_intents.retrieve, str(session.setup_intent))
        _expect(intent, "succeeded")
        return self._saved(str(intent.payment_method), str(session.customer), holder)

    def save_card_on_reader(self, reader: str, holder: str, key: str, wait: ReaderWait) -> SavedToken:
        """Stripe Terminal's server-driven saving: a card_present SetupIntent under our key, processed on
        the reader, whose action is watched until it ends; the card kept is the ``generated_card`` (a
        ``card`` PaymentMethod Stripe makes from the card presented, attached to the customer and usable
        off-session). Cancel, or no card in time, asks the reader to stop (``cancel_action``)."""
        customer = self._customer(holder, key)
        intent = self._do(self._client.v1.setup_intents.create, key=key, customer=customer,
                          payment_method_types=["card_present"], usage="off_session", metadata={KEY_FIELD: key})
        try:
            self._do(self._client.v1.terminal.readers.process_setup_intent, reader, key=f"{key}:reader",
                     setup_intent=str(intent.id), allow_redisplay="always")
        except Refused as refused:
            if refused.code in READER_NOT_STARTED_CODES:
                # Nothing reached the reader: the setup made for it is not left open for anything to use later.
                with contextlib.suppress(Refused, AnswerLost):
                    self._do(self._client.v1.setup_intents.cancel, str(intent.id))
                raise ReaderBusy(refused.message, refused.code) from None
            if refused.code not in READER_MAY_HAVE_STARTED_CODES:
                raise
        except AnswerLost:
            pass  # it may have reached the reader: the reader's action says
        wait.progress("present_card")
        started, looks_since_stop = wait.clock(), None
        while True:
            wait.wait()
            if looks_since_stop is None and (wait.cancel.is_set() or wait.clock() - started > wait.give_up_s):
                looks_since_stop = 0
                wait.progress("stopping_reader")
                self._stop_reader(reader)
            elif looks_since_stop is not None:
                looks_since_stop += 1  # each look comes a pause after the one before
                if looks_since_stop * wait.poll_s > wait.stop_patience_s:
                    raise AnswerLost(f"reader {reader} did not stop within {wait.stop_patience_s:.0f} s of being asked")
            action = self._do(self._client.v1.terminal.readers.retrieve, reader).action
            ours = (action is not None and action.type == "process_setup_intent"
                    and str(action.process_setup_intent.setup_intent) == str(intent.id))
            if not (ours and action.status == "in_progress"):
                break
        wait.progress("contacting_operator")
        failure = str(action.failure_code or "") if ours and action.status == "failed" else ""
        return self._setup_ended(str(intent.id), customer, holder, failure)

    def _stop_reader(self, reader: str) -> None:
        # Refused: nothing left to stop, the action ended by itself (as its state then shows).
        with contextlib.suppress(Refused):
            self._do(self._client.v1.terminal.readers.cancel_action, reader)

    def _setup_ended(self, intent_id: str, customer: str, holder: str, failure: str = "") -> SavedToken:
        """What a card_present SetupIntent gave: its generated card; else it is cancelled so that no card
        is saved on it afterwards, and the reason told (declined, or stopped)."""
        intent = self._do(self._client.v1.setup_intents.retrieve, intent_id, expand=["latest_attempt"])
        if intent.status in SETUP_CANCELLABLE:
            try:
                intent = self._do(self._client.v1.setup_intents.cancel, intent_id)
            except Refused:
                # It succeeded between the two calls: read again below.
                intent = self._do(self._client.v1.setup_intents.retrieve, intent_id, expand=["latest_attempt"])
        if intent.status == "succeeded":
            attempt = intent.latest_attempt
            generated = attempt.payment_method_details.card_present.generated_card if attempt else None
            if not generated:
                raise Refused("Stripe made no card for later charges from the card presented "
                              "(generated_card is empty)", "no_generated_card")
            return self._saved(str(generated), customer, holder)
        if intent.status == "processing":
            raise NotYetDone(f"{intent.id} is processing")
        error = intent.last_setup_error
        if failure == "card_declined" or (error is not None and error.type == "card_error"):
            code = str(error.code or "card_declined") if error is not None else failure
            decline = str(error.decline_code or "") if error is not None else ""
            raise Declined(str(error.message or "") if error is not None else failure, code, decline)
        raise ReaderStopped(f"the reader ended without a card ({failure or intent.status})", failure or "canceled")

    def _customer(self, holder: str, key: str) -> str:
        # A key of its own, derived from ours: asked again, it is the same customer (replayed).
        made = self._do(self._client.v1.customers.create, key=f"{key}:customer", name=holder,
                        metadata={KEY_FIELD: key})
        return str(made.id)

    def _saved(self, method_id: str, customer: str, holder: str) -> SavedToken:
        method = self._do(self._client.v1.payment_methods.retrieve, method_id)
        card = method.card
        return SavedToken(method_id, customer, str(card.brand), str(card.last4), int(card.exp_month),
                          int(card.exp_year), holder)

    def _payment(self, card: CardOnFile, amount_minor: int, currency: str, key: str, *, hold: bool) -> Done:
        params: dict[str, Any] = {
            "amount": amount_minor, "currency": currency.lower(), "customer": card.customer,
            "payment_method": card.token, "off_session": True, "confirm": True,
            "payment_method_types": ["card"], "metadata": {KEY_FIELD: key}}
        if hold:
            params["capture_method"] = "manual"
        intent = self._do(self._client.v1.payment_intents.create, key=key, **params)
        _expect(intent, "requires_capture" if hold else "succeeded")
        return _done(intent, hold=hold)

    def charge(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return self._payment(card, amount_minor, currency, key, hold=False)

    def pre_authorise(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return self._payment(card, amount_minor, currency, key, hold=True)

    def capture(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        intent = self._do(self._client.v1.payment_intents.capture, reference, key=key,
                          amount_to_capture=amount_minor)
        _expect(intent, "succeeded")
        return _done(intent, hold=False)

    def release(self, reference: str, key: str) -> Done:
        intent = self._do(self._client.v1.payment_intents.cancel, reference, key=key)
        return Done(str(intent.id), int(intent.amount), str(intent.currency).upper())

    def refund(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        refund = self._do(self._client.v1.refunds.create, key=key, payment_intent=reference, amount=amount_minor,
                          metadata={KEY_FIELD: key})
        if refund.status not in REFUNDED_STATUSES:
            raise NotYetDone(f"refund {refund.id} is {refund.status}")
        return Done(str(refund.id), int(refund.amount), str(refund.currency).upper(), payment_reference=reference)

    def delete_card(self, card: CardOnFile, key: str) -> None:
        try:
            self._do(self._client.v1.payment_methods.detach, card.token, key=key)
        except Refused as refused:
            if refused.code != "payment_method_unexpected_state":
                raise
            # Already detached (by an earlier try whose answer was lost, or at Stripe's dashboard): deleted.

    def check_connection(self) -> None:
        # Listing one PaymentIntent needs a valid secret key and changes nothing.
        self._do(self._client.v1.payment_intents.list, limit=1)

    # --- asking what became of an operation -----------------------------------------------------

    def find(self, operation: Operation, key: str, *, card: CardOnFile | None = None, reference: str = "",
             holder: str = "", asked: Mapping[str, Any] | None = None) -> Found:
        try:
            return self._find(operation, key, card, reference, holder)
        except (AnswerLost, OperatorError):
            return Found(Finding.CANNOT_TELL)

    def _find(self, operation: Operation, key: str, card: CardOnFile | None, reference: str, holder: str) -> Found:
        match operation:
            case Operation.SAVE:
                # The customer is asked for again under its own key: Stripe replays it if it was made.
                customer = self._customer(holder, key)
                intents = self._do(self._client.v1.setup_intents.list, customer=customer, limit=LIST_LIMIT)
                for intent in intents.data:
                    from_reader = "card_present" in (getattr(intent, "payment_method_types", None) or [])
                    if _key_of(intent) == key and from_reader:
                        return self._reader_found(str(intent.id), customer, holder)
                    if _key_of(intent) == key and intent.status == "succeeded":
                        return Found(Finding.DONE, saved=self._saved(str(intent.payment_method), customer, holder))
                    if _key_of(intent) == key and intent.status in PENDING_STATUSES:
                        return Found(Finding.CANNOT_TELL)
                return Found(Finding.NOT_DONE)
            case Operation.CHARGE | Operation.PRE_AUTHORISE:
                assert card is not None
                intents = self._do(self._client.v1.payment_intents.list, customer=card.customer, limit=LIST_LIMIT)
                wanted = "requires_capture" if operation is Operation.PRE_AUTHORISE else "succeeded"
                for intent in intents.data:
                    if _key_of(intent) == key:
                        if intent.status == wanted or (operation is Operation.PRE_AUTHORISE and intent.status in (
                                "succeeded", "canceled") and intent.latest_charge):
                            return Found(Finding.DONE, _done(intent, hold=operation is Operation.PRE_AUTHORISE))
                        return Found(Finding.CANNOT_TELL if intent.status in PENDING_STATUSES else Finding.NOT_DONE)
                return Found(Finding.NOT_DONE)
            case Operation.CAPTURE:
                intent = self._do(self._client.v1.payment_intents.retrieve, reference)
                if intent.status == "succeeded":
                    return Found(Finding.DONE, _done(intent, hold=False))
                return Found(Finding.NOT_DONE if intent.status in ("requires_capture", "canceled")
                             else Finding.CANNOT_TELL)
            case Operation.RELEASE:
                intent = self._do(self._client.v1.payment_intents.retrieve, reference)
                if intent.status == "canceled" and intent.cancellation_reason != "automatic":
                    return Found(Finding.DONE, Done(str(intent.id), int(intent.amount), str(intent.currency).upper()))
                return Found(Finding.NOT_DONE if intent.status in ("requires_capture", "succeeded")
                             else Finding.CANNOT_TELL)
            case Operation.REFUND:
                refunds = self._do(self._client.v1.refunds.list, payment_intent=reference, limit=LIST_LIMIT)
                for refund in refunds.data:
                    if _key_of(refund) == key:
                        if refund.status not in REFUNDED_STATUSES:
                            return Found(Finding.NOT_DONE if refund.status in ("failed", "canceled")
                                         else Finding.CANNOT_TELL)
                        return Found(Finding.DONE, Done(str(refund.id), int(refund.amount),
                                                        str(refund.currency).upper(), payment_reference=reference))
                return Found(Finding.NOT_DONE)
            case Operation.DELETE:
                assert card is not None
                method = self._do(self._client.v1.payment_methods.retrieve, card.token)
                return Found(Finding.DONE if method.customer is None else Finding.NOT_DONE)
        raise AssertionError(operation)


    def _reader_found(self, intent_id: str, customer: str, holder: str) -> Found:
        # A setup still waiting at the reader is cancelled here: "not done" stays true afterwards.
        try:
            return Found(Finding.DONE, saved=self._setup_ended(intent_id, customer, holder))
        except (Declined, ReaderStopped):
            return Found(Finding.NOT_DONE)
        except NotYetDone:
            return Found(Finding.CANNOT_TELL)


def _expect(intent: Any, status: str) -> None:
    """An intent Stripe answered in another status than done is pending (processing, 3-D Secure), not declined."""
    if intent.status != status:
        raise NotYetDone(f"{intent.id} is {intent.status}")


def _done(intent: Any, *, hold: bool) -> Done:
    amount = int(intent.amount_capturable if hold else intent.amount_received)
    return Done(str(intent.id), amount or int(intent.amount), str(intent.currency).upper())


def _has_httpx() -> bool:
    try:
        import httpx  # noqa: F401 - a dependency of the desk already
    except ImportError:
        return False
    return True


def _key_of(made: Any) -> str:
    """Our key in a Stripe object's metadata ("" when another program made it)."""
    metadata = made.metadata.to_dict() if made.metadata is not None else {}
    return str(metadata.get(KEY_FIELD) or "")
