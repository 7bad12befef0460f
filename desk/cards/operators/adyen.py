"""Adyen, through its official SDK (``Adyen``, Checkout API): a card stored with
``storePaymentMethod`` and ``recurringProcessingModel=UnscheduledCardOnFile``, charged without the
guest (``shopperInteraction=ContAuth``, ``storedPaymentMethodId``), held with
``additionalData.authorisationType=PreAuth``, captured (in part), cancelled and refunded by the
payment's PSP reference (a whole payment reversed the same day: ``/reversals``), and deleted
(``DELETE /storedPaymentMethods``).

Every call carries our ``Idempotency-Key`` (the journal's) and our ``reference`` (the same key).
Adyen answers a capture, a cancel or a refund with ``status: received``: whether it was done comes
later in a webhook (desk.cards.adyen_webhooks), so those stay pending (:class:`AwaitingConfirmation`) until it
arrives. Checkout has no look-up by our reference: what became of a lost answer is learnt by
sending the same request under the same key again, which Adyen replays (or does now, once, if the
first never reached it), or from the webhook.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import Adyen
from Adyen.exceptions import AdyenAPIResponseError, AdyenError

from desk.cards.operators.adyen_terminal import AdyenTerminalSaves, TerminalApi
from desk.cards.operators.interface import (
    ON_OPERATOR_PAGE,
    READER_SOURCE_PREFIX,
    AnswerLost,
    AwaitingConfirmation,
    CardOnFile,
    Declined,
    Done,
    Finding,
    Found,
    GuestLeftPage,
    HostedPage,
    NotYetDone,
    Operation,
    OperatorError,
    ReaderWait,
    Refused,
    SavedToken,
)
from desk.core.card_numbers import has_card_number

API_VERSION = "v71"
ANSWER_TIMEOUT_S = 60
RECURRING_MODEL = "UnscheduledCardOnFile"
# A stored-card payment's resultCode that is neither done nor refused: pending, asked again by our key.
PENDING_RESULTS = frozenset({"Pending", "Received", "PresentToShopper", "RedirectShopper", "IdentifyShopper",
                             "ChallengeShopper"})
# A capture refused because the authorisation is no longer there (R16): expired, or already used up.
HOLD_GONE_REASONS = frozenset({"Insufficient balance on payment", "Authorisation expired"})
_SERVICES = ("payments_api", "modifications_api", "recurring_api")
# Adyen's brand codes as the desk names brands everywhere else (Stripe's and the terminals' names).
BRANDS = {"mc": "mastercard", "amex": "amex", "visa": "visa", "maestro": "maestro", "diners": "diners",
          "discover": "discover", "jcb": "jcb", "cup": "unionpay", "cartebancaire": "cartes_bancaires"}


_GROUPED = re.compile(r"^\d{4}(?:\.\d{1,4})+$")


# Hosted Checkout's language for the desk's (``shopperLocale``).
SHOPPER_LOCALES = {"en": "en-US", "ru": "ru-RU", "bg": "bg-BG"}

def brand_name(code: str) -> str:
    return BRANDS.get(code.lower(), code.lower())


def desk_reference(reference: str) -> str:
    """An Adyen reference as the desk keeps it. Adyen's PSP references and stored-method ids may be 16
    digits that pass the Luhn check: kept whole, the journal would rightly refuse them as a card
    number, and the payment would never be booked. Such a one is kept in groups of four with dots."""
    if not has_card_number(reference):
        return reference
    return ".".join(reference[i:i + 4] for i in range(0, len(reference), 4))


def adyen_reference(reference: str) -> str:
    """The reference as Adyen spells it (its references never hold a dot)."""
    return reference.replace(".", "") if _GROUPED.match(reference) else reference


def _failure(error: AdyenError) -> Exception:
    """The SDK's error as the interface's: refused (4xx, Adyen's errorCode) or an answer that may be lost."""
    status = int(getattr(error, "status_code", 0) or 0)
    code = str(getattr(error, "error_code", "") or "")
    message = error.message if isinstance(error.message, str) else str(
        (error.message or {}).get("message", type(error).__name__))
    if isinstance(error, AdyenAPIResponseError) and 400 <= status < 500 and status not in (408, 429):
        return Refused(message, code)
    return AnswerLost(f"{type(error).__name__}: {status} {message}")


class AdyenOperator:
    """One Adyen merchant account; ``api_base`` points the SDK's Checkout services at another address."""

    def __init__(self, api_key: str, merchant_account: str, *, api_base: str = "", name: str = "Adyen",
                 timeout: float | None = None, save_currency: str = "EUR") -> None:
        self.name = name
        self.save_currency = save_currency
        self.merchant_account = merchant_account
        # Past the timeout the operation is pending and asked about again by our key; the SDK never retries.
        self._adyen = Adyen.Adyen(xapikey=api_key, platform="test" if api_base else "live", http_force="requests",
                                  http_timeout=ANSWER_TIMEOUT_S if timeout is None else timeout)
        checkout = self._adyen.checkout
        if api_base:
            # The SDK builds each call's URL from its service's base URL: the fake's, with Adyen's version.
            for service in _SERVICES:
                getattr(checkout, service).baseUrl = f"{api_base.rstrip('/')}/{API_VERSION}"
        self._terminal = AdyenTerminalSaves(TerminalApi(api_key, api_base=api_base, live=not api_base, timeout=timeout),
                                            currency=save_currency, shopper_of=_shopper)

    def _do(self, call: Any, *args: Any, key: str, **kwargs: Any) -> dict[str, Any]:
        import requests

        try:
            result = call(*args, idempotency_key=key, **kwargs)
        except AdyenError as error:
            raise _failure(error) from None
        except (requests.RequestException, OSError) as error:
            # No answer, a cut line: it may or may not have been done.
            raise AnswerLost(f"{type(error).__name__}: {error}") from None
        return dict(result.message or {})

    # --- the requests, the same each time for the same key (Adyen replays it) -----------------

    def _store_request(self, card_source: str, holder: str, key: str) -> dict[str, Any]:
        method = _payment_method(card_source)
        if holder:
            method.setdefault("holderName", holder)
        return {"merchantAccount": self.merchant_account, "reference": key,
                "amount": {"value": 0, "currency": self.save_currency},
                "paymentMethod": method, "shopperReference": _shopper(key), "storePaymentMethod": True,
                "shopperInteraction": "Ecommerce", "recurringProcessingModel": RECURRING_MODEL}

    def _payment_request(self, card: CardOnFile, amount_minor: int, currency: str, key: str, *,
                         hold: bool) -> dict[str, Any]:
        request: dict[str, Any] = {
            "merchantAccount": self.merchant_account, "reference": key,
            "amount": {"value": amount_minor, "currency": currency.upper()},
            "paymentMethod": {"type": "scheme", "storedPaymentMethodId": adyen_reference(card.token)},
            "shopperReference": card.customer, "shopperInteraction": "ContAuth",
            "recurringProcessingModel": RECURRING_MODEL}
        if hold:
            request["additionalData"] = {"authorisationType": "PreAuth", "manualCapture": "true"}
        return request

    # --- the operations -------------------------------------------------------------------------

    def save_card(self, card_source: str, holder: str, key: str) -> SavedToken:
        answer = self._do(self._adyen.checkout.payments_api.payments, self._store_request(card_source, holder, key),
                          key=key)
        _authorised(answer)
        return _saved(answer, holder)

    def start_card_page(self, key: str, return_url: str, holder: str, keep_until: date | None = None,
                        language: str = "") -> HostedPage:
        """Adyen's Hosted Checkout (a session in ``hosted`` mode) that stores the card for a
        shopperReference made from our key, for later charges without the guest; it sends the guest to
        ``return_url`` with the session's id and result."""
        shopper = _shopper(key)
        answer = self._do(self._adyen.checkout.payments_api.sessions, {
            "merchantAccount": self.merchant_account, "reference": key, "mode": "hosted",
            "amount": {"value": 0, "currency": self.save_currency}, "returnUrl": return_url,
            "shopperReference": shopper, "storePaymentMethodMode": "enabled",
            "recurringProcessingModel": RECURRING_MODEL, "shopperInteraction": "Ecommerce",
            "allowedPaymentMethods": ["scheme"],
            # Adyen's page in the clerk's language (a language and country code, as its docs ask).
            "shopperLocale": SHOPPER_LOCALES.get(language, "en-US")}, key=f"{key}:session")
        return HostedPage(str(answer["url"]), str(answer["id"]), shopper)

    def finish_card_page(self, page: HostedPage, holder: str, returned: str = "") -> SavedToken:
        """The session's result, then the card Adyen stored for the shopperReference (also when the
        window was closed before the guest came back: what Adyen stored is what counts)."""
        result = parse_qs(urlsplit(returned).query).get("sessionResult", [""])[0]
        if result:
            session = self._do(self._adyen.checkout.payments_api.get_result_of_payment_session, page.session,
                               key="", query_parameters={"sessionResult": result})
            status = str(session.get("status") or "")
            if status == "paymentPending":
                raise NotYetDone(f"session {page.session} is {status}")
            if status in ("canceled", "expired"):
                raise GuestLeftPage(f"session {page.session} is {status}", status)
            if status == "refused":
                raise Declined(f"session {page.session} was refused", status)
        saved = self._stored(page.saved_under, holder)
        if saved is None:
            raise GuestLeftPage("Adyen stored no card for this page", "no_stored_method")
        return saved

    def save_card_on_reader(self, reader: str, holder: str, key: str, wait: ReaderWait) -> SavedToken:
        """The card presented on the Adyen terminal ``reader`` (its POIID), saved there by a zero-amount
        payment asking for a token (Terminal API, see desk.cards.operators.adyen_terminal)."""
        return self._terminal.save(reader, holder, key, wait)

    def _stored(self, shopper: str, holder: str) -> SavedToken | None:
        answer = self._do(self._adyen.checkout.recurring_api.get_tokens_for_stored_payment_details, key="",
                          query_parameters={"shopperReference": shopper, "merchantAccount": self.merchant_account})
        methods = answer.get("storedPaymentMethods") or []
        if not methods:
            return None
        method = methods[0]
        return SavedToken(desk_reference(str(method["id"])), shopper, brand_name(str(method.get("brand") or "")),
                          str(method.get("lastFour") or ""), int(method.get("expiryMonth") or 0),
                          int(method.get("expiryYear") or 0), holder or str(method.get("holderName") or ""))

    def _payment(self, card: CardOnFile, amount_minor: int, currency: str, key: str, *, hold: bool) -> Done:
        answer = self._do(self._adyen.checkout.payments_api.payments,
                          self._payment_request(card, amount_minor, currency, key, hold=hold), key=key)
        _authorised(answer)
        return _done(answer, amount_minor, currency)

    def charge(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return self._payment(card, amount_minor, currency, key, hold=False)

    def pre_authorise(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return self._payment(card, amount_minor, currency, key, hold=True)

    def _modification(self, call: Any, reference: str, key: str, amount: dict[str, Any] | None) -> None:
        request: dict[str, Any] = {"merchantAccount": self.merchant_account, "reference": key}
        if amount is not None:
            request["amount"] = amount
        answer = self._do(call, request, adyen_reference(reference), key=key)
        # Adyen only says it has the request; the webhook says whether it was done.
        raise AwaitingConfirmation(f"{desk_reference(str(answer.get('pspReference', '')))} "
                                   f"{answer.get('status', 'no status')}")

    def capture(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        self._modification(self._adyen.checkout.modifications_api.capture_authorised_payment, reference, key,
                           {"value": amount_minor, "currency": currency})
        raise AssertionError("unreachable")

    def release(self, reference: str, key: str) -> Done:
        self._modification(self._adyen.checkout.modifications_api.cancel_authorised_payment_by_psp_reference,
                           reference, key, None)
        raise AssertionError("unreachable")

    def refund(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        self._modification(self._adyen.checkout.modifications_api.refund_captured_payment, reference, key,
                           {"value": amount_minor, "currency": currency})
        raise AssertionError("unreachable")

    def reverse(self, reference: str, key: str) -> Done:
        # The whole payment: Adyen cancels it if not yet captured, or refunds it; its CANCEL_OR_REFUND
        # webhook says which (modification.action) and whether it was done.
        self._modification(self._adyen.checkout.modifications_api.refund_or_cancel_payment, reference, key, None)
        raise AssertionError("unreachable")

    def delete_card(self, card: CardOnFile, key: str) -> None:
        try:
            self._do(self._adyen.checkout.recurring_api.delete_token_for_stored_payment_details,
                     adyen_reference(card.token), key=key,
                     query_parameters={"shopperReference": card.customer, "merchantAccount": self.merchant_account})
        except Refused as refused:
            if refused.code != "800":
                raise
            # "Contract not found": deleted already (by an earlier try whose answer was lost).

    def check_connection(self) -> None:
        # The payment methods of the merchant account: refused for a wrong API key or merchant account,
        # and nothing is done. Without an idempotency key: there is nothing to do twice.
        import requests

        try:
            self._adyen.checkout.payments_api.payment_methods({"merchantAccount": self.merchant_account})
        except AdyenError as error:
            raise _failure(error) from None
        except (requests.RequestException, OSError) as error:
            raise AnswerLost(f"{type(error).__name__}: {error}") from None

    # --- asking what became of an operation -----------------------------------------------------

    def find(self, operation: Operation, key: str, *, card: CardOnFile | None = None, reference: str = "",
             holder: str = "", asked: Mapping[str, Any] | None = None) -> Found:
        """The same request again under the same key: Adyen replays its answer (or does it now, once).

        A capture, a cancel or a refund is answered "received" again: still pending until the webhook.
        """
        asked = asked or {}
        try:
            match operation:
                case Operation.SAVE if asked.get("card_source") == ON_OPERATOR_PAGE:
                    # Saved on Adyen's own page, if at all, under the shopperReference made from our key.
                    saved = self._stored(_shopper(key), holder)
                    return Found(Finding.DONE, saved=saved) if saved else Found(Finding.NOT_DONE)
                case Operation.SAVE if str(asked.get("card_source", "")).startswith(READER_SOURCE_PREFIX):
                    # Its status at the terminal, by the payment's ServiceID: one still in progress may yet
                    # save the card, so it is left alone and asked again.
                    poiid = str(asked["card_source"])[len(READER_SOURCE_PREFIX):]
                    saved = self._terminal.found(poiid, key, holder)
                    return Found(Finding.DONE, saved=saved) if saved else Found(Finding.NOT_DONE)
                case Operation.SAVE:
                    return Found(Finding.DONE, saved=self.save_card(str(asked.get("card_source", "")), holder, key))
                case Operation.CHARGE | Operation.PRE_AUTHORISE:
                    assert card is not None
                    done = self._payment(card, int(asked.get("amount_minor") or 0), str(asked.get("currency", "")),
                                         key, hold=operation is Operation.PRE_AUTHORISE)
                    return Found(Finding.DONE, done)
                case Operation.DELETE:
                    assert card is not None
                    self.delete_card(card, key)
                    return Found(Finding.DONE)
                case Operation.CAPTURE | Operation.RELEASE | Operation.REFUND:
                    # Adyen documents no enquiry for a modification (by its PSP reference, our merchant
                    # reference or our idempotency key); sent again under our key it replays "received".
                    # Its webhook tells the end; failing that a person reads the Customer Area
                    # (Pending card operations says where) and settles it by hand.
                    return Found(Finding.AWAITING_CONFIRMATION)
        except (Declined, Refused):
            return Found(Finding.NOT_DONE)
        except (AnswerLost, OperatorError):
            return Found(Finding.CANNOT_TELL)
        raise AssertionError(operation)


def _payment_method(card_source: str) -> dict[str, Any]:
    """What Adyen's card component gave: its paymentMethod object (JSON), or its encrypted card alone."""
    text = card_source.strip()
    if text.startswith("{"):
        method = json.loads(text)
        if not isinstance(method, dict):
            raise Refused("The card page gave no payment method", "card_source")
        return {"type": "scheme", **method}
    return {"type": "scheme", "encryptedCardNumber": text}


_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def _shopper(key: str) -> str:
    """The shopperReference a saved card is kept under at Adyen: one per saved card, the same for the
    same key (a replay sends the same body). Letters only: the key's own digits could read as a card
    number where the desk keeps it."""
    return "desk-" + hashlib.sha256(key.encode()).hexdigest()[:32].translate(_LETTERS)


def _authorised(answer: Mapping[str, Any]) -> None:
    result = str(answer.get("resultCode") or "")
    if result == "Authorised":
        return
    if result in PENDING_RESULTS or not result:
        raise NotYetDone(f"{desk_reference(str(answer.get('pspReference', '')))} is {result or 'without a result'}")
    reason = str(answer.get("refusalReason") or result)
    raise Declined(reason, result, str(answer.get("refusalReasonCode") or ""))


def _saved(answer: Mapping[str, Any], holder: str) -> SavedToken:
    extra = answer.get("additionalData") or {}
    token = str(extra.get("tokenization.storedPaymentMethodId") or extra.get("recurring.recurringDetailReference")
                or "")
    if not token:
        raise NotYetDone(f"{desk_reference(str(answer.get('pspReference', '')))}: authorised, but Adyen gave no "
                         "stored method")
    month, _, year = str(extra.get("expiryDate") or "0/0").partition("/")
    brand = brand_name(str(extra.get("paymentMethod") or (answer.get("paymentMethod") or {}).get("brand") or ""))
    return SavedToken(desk_reference(token), str(extra.get("tokenization.shopperReference") or ""), brand,
                      str(extra.get("cardSummary") or ""), int(month or 0), int(year or 0),
                      str(extra.get("cardHolderName") or holder))


def _done(answer: Mapping[str, Any], amount_minor: int, currency: str) -> Done:
    amount = answer.get("amount") or {}
    return Done(desk_reference(str(answer["pspReference"])), int(amount.get("value", amount_minor)),
                str(amount.get("currency", currency)).upper())
