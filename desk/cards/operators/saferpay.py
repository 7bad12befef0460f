"""Worldline/SIX Saferpay, through its JSON API (https://saferpay.github.io/jsonapi/) with our own
client on httpx: no official Python SDK exists.

- "New card": Alias/Insert opens Saferpay's own card page (RedirectUrl) for an alias under our id; the
  guest types the card there and is sent to our ReturnUrl; Alias/AssertInsert by the page's Token tells
  the alias (or that the guest cancelled).
- A card is saved as an alias (Alias/InsertDirect with the token of Saferpay's hosted card fields, or
  OmniChannel/InsertAlias with a terminal transaction's SixTransactionReference), registered under an
  alias id we make from our key and with a ``Lifetime`` (R11): Saferpay deletes it by itself after it.
- Worldline's omni-channel (R10 with the terminal): Saferpay's guide says the SixTransactionReference of a
  POS transaction comes from the POS side, which Worldline's own ECR interface (the TIM API / SIXml:
  ``TransactionData.setSixTrxRefNum``) carries. ZVT, the protocol our terminal speaks, has no field for
  it: its answer names the receipt number (BMP 87), trace (0B), turnover (88), AID (3B, the acquirer's
  authorisation id), card type (8A), free text (3C) and TLV 06 for card and receipt data, none of them
  the ``acquirer:terminal:n:reference`` that InsertAlias takes. So the desk does not read it off the
  terminal: the clerk types it from the receipt of the card's 0.01 pre-authorisation, and Saferpay
  validates it (an unknown reference saves nothing); see desk.cards.operator_workflow.
- A charge is Transaction/AuthorizeDirect on the alias with ``Initiator=MERCHANT`` (a merchant-initiated
  transaction), then Capture; a hold is the authorisation alone; its capture is Capture in full or a
  MultipartCapture of type FINAL for a part (the rest released); Cancel releases; Refund makes a refund
  transaction, which is then captured; a whole payment the same day is cancelled until Saferpay's daily
  closing, refunded after it; Alias/Delete deletes the card.
- Every request carries a ``RequestHeader`` with our ``RequestId`` (made from the journal's key) and a
  ``RetryIndicator``: a request whose answer was lost is sent again with the same RequestId and the
  indicator raised, and Saferpay answers what it did the first time instead of doing it twice.
- An error is read by its ``ErrorName`` and ``Behavior``: DO_NOT_RETRY, OTHER_MEANS and RETRY_LATER end
  the operation (declined or refused); RETRY is tried again at once; a timeout or Saferpay's own
  failure may have done it and is asked about.
- A lost charge, hold or refund is found by our ``OrderId`` (Transaction/Inquire), a lost card by its
  alias id; a lost capture or release is sent again as a repetition.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

import httpx

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
    Refused,
    SavedToken,
)
from desk.cards.operators.tls import verifying_context

SPEC_VERSION = "1.40"
# Saferpay asks for a 100 s timeout; past it the operation is asked about again by our key.
ANSWER_TIMEOUT_S = 100.0
# A request sent again after a lost answer or a RETRY behaviour, with RetryIndicator 1, 2, ...
RETRIES_IN_CALL = 2
# Asked again later by the journal's reconciliation: an indicator above the ones used in the call.
RETRY_INDICATOR_LATER = RETRIES_IN_CALL + 1
MAX_RETRY_INDICATOR = 9
# Days an alias is kept at Saferpay past the day the desk deletes it: the desk deletes it first and
# records it; Saferpay's own lifetime is what deletes it if the desk never could (R11).
LIFETIME_MARGIN_DAYS = 7
MAX_LIFETIME_DAYS = 1600
DEFAULT_LIFETIME_DAYS = 1096

DECLINED_NAMES = frozenset({
    "TRANSACTION_DECLINED", "GENERAL_DECLINED", "PAYMENTMEANS_INVALID", "PAYMENTMEANS_NOT_SUPPORTED",
    "3DS_AUTHENTICATION_FAILED", "PAYER_AUTHENTICATION_REQUIRED", "CARD_CHECK_FAILED", "CARD_EXPIRED",
    "BLOCKED_BY_RISK_MANAGEMENT", "UPDATE_CARD_INFORMATION", "NO_CONTRACT"})
# Saferpay cannot know whether the acquirer authorised it: only asking later can tell.
UNKNOWN_NAMES = frozenset({"COMMUNICATION_TIMEOUT", "UNEXPECTED_ERROR_BY_ACQUIRER", "INTERNAL_ERROR"})
# AssertInsert's answers for a page left without a card: cancelled there, or never sent.
PAGE_LEFT_NAMES = frozenset({"TRANSACTION_ABORTED", "TRANSACTION_IN_WRONG_STATE", "TOKEN_EXPIRED"})
_ACCOUNT = re.compile(r"^(\d{1,20})/(\d{8})$")
_SIX_REFERENCE = re.compile(r"^\d+:\d+:\d+:[A-Za-z0-9]+$")
# Alias ids are made of letters only: a run of digits in one could read as a card number.
_DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


# The card page's language for the desk's (``Payer.LanguageCode``): Saferpay lists Russian, not Bulgarian.
PAGE_LANGUAGES = {"en": "en", "ru": "ru"}

class _Answered(Exception):
    """Saferpay's error answer, before it is read as declined, refused or unknown."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status = status
        self.name = str(body.get("ErrorName") or f"HTTP_{status}")
        self.behavior = str(body.get("Behavior") or "")
        self.message = str(body.get("ErrorMessage") or f"Saferpay answered {status}")
        super().__init__(self.message)


def is_six_reference(text: str) -> bool:
    """Whether ``text`` has the form of a SixTransactionReference (``1:100002:1:87768996410``)."""
    return _SIX_REFERENCE.match(text.strip()) is not None


def parse_account(account: str) -> tuple[str, str]:
    """``CustomerId/TerminalId`` as the hotel's Saferpay account is entered: (customer, terminal)."""
    match = _ACCOUNT.match(account.strip())
    if match is None:
        raise ValueError(account)
    return match.group(1), match.group(2)


def alias_id(key: str) -> str:
    """The alias id a card is saved under: from our key, so that a lost save is found by it."""
    return ("d" + re.sub(r"[^A-Za-z0-9]", "", key).translate(_DIGITS_AS_LETTERS))[:40]


def lifetime_days(keep_until: date | None, today: date | None = None) -> int:
    if keep_until is None:
        return DEFAULT_LIFETIME_DAYS
    days = (keep_until - (today or date.today())).days + LIFETIME_MARGIN_DAYS
    return max(1, min(MAX_LIFETIME_DAYS, days))


class SaferpayOperator:
    """One Saferpay account: ``account`` is ``CustomerId/TerminalId``, ``credentials`` the JSON API user
    and password as ``USER:PASSWORD`` (basic authentication)."""

    # A capture and a release are asked about by sending them again (see ``repeating``): Saferpay has
    # no enquiry that tells the amount captured. A refund carries our OrderId and is found by it.
    asked_again = frozenset({Operation.CAPTURE, Operation.RELEASE})

    def __init__(self, credentials: str, account: str, *, api_base: str = "", name: str = "Saferpay",
                 timeout: float | None = None, first_retry: int = 0,
                 cancel: threading.Event | None = None) -> None:
        self.name = name
        self._customer, self._terminal = parse_account(account)
        user, _, password = credentials.partition(":")
        self._auth = (user, password)
        self._base = (api_base or "https://www.saferpay.com/api").rstrip("/")
        self._timeout = ANSWER_TIMEOUT_S if timeout is None else timeout
        self._first_retry = first_retry
        self._cancel = cancel
        self._credentials = credentials
        self._account = account

    def repeating(self) -> SaferpayOperator:
        """This account's client that sends every request as a repetition (RetryIndicator raised): what
        Saferpay did under a RequestId it answers again, what it never received it does now."""
        return SaferpayOperator(self._credentials, self._account, api_base=self._base, name=self.name,
                                timeout=self._timeout, first_retry=RETRY_INDICATOR_LATER)

    def stopping_on(self, cancel: threading.Event) -> SaferpayOperator:
        """This account's client that sends a request no more once ``cancel`` is set (the clerk's Cancel)."""
        return SaferpayOperator(self._credentials, self._account, api_base=self._base, name=self.name,
                                timeout=self._timeout, first_retry=self._first_retry, cancel=cancel)

    # --- the wire -------------------------------------------------------------------------------

    def _post(self, path: str, body: dict[str, Any], request_id: str, *, enquiry: bool = False) -> dict[str, Any]:
        """One request, sent again under the same RequestId while its answer is lost or Saferpay says RETRY."""
        first = 0 if enquiry else self._first_retry
        retry = first
        last_error = ""
        with httpx.Client(auth=self._auth, timeout=self._timeout, verify=verifying_context(),
                          headers={"Accept": "application/json"}) as client:
            while True:
                header = {"SpecVersion": SPEC_VERSION, "CustomerId": self._customer, "RequestId": request_id,
                          "RetryIndicator": retry}
                try:
                    response = client.post(f"{self._base}{path}", json={"RequestHeader": header, **body})
                    answer = _read(response)
                except (httpx.TransportError, ValueError) as exc:
                    last_error = f"{type(exc).__name__}: {exc}"
                except _Answered as answered:
                    if answered.behavior != "RETRY" or answered.name in UNKNOWN_NAMES:
                        raise
                    last_error = f"{answered.name}: {answered.message}"
                else:
                    return answer
                if retry >= min(first + RETRIES_IN_CALL, MAX_RETRY_INDICATOR):
                    raise AnswerLost(last_error)
                if self._cancel is not None and self._cancel.is_set():
                    # Sent, unanswered: whether Saferpay did it is asked later, from the pending operations.
                    raise AnswerLost(f"{last_error}; not sent again: the clerk stopped waiting")
                retry += 1

    def _call(self, path: str, body: dict[str, Any], request_id: str, *, capturing: bool = False) -> dict[str, Any]:
        try:
            return self._post(path, body, request_id)
        except _Answered as answered:
            raise _failure(answered, capturing=capturing) from None

    def _inquire(self, reference: dict[str, str]) -> dict[str, Any] | None:
        """A transaction by its id or our OrderId; None when Saferpay has none."""
        try:
            return self._post("/Payment/v1/Transaction/Inquire", {"TransactionReference": reference},
                              _read_id(), enquiry=True)["Transaction"]
        except _Answered as answered:
            if answered.name == "TRANSACTION_NOT_FOUND":
                return None
            raise _failure(answered) from None

    # --- the operations -------------------------------------------------------------------------

    def save_card(self, card_source: str, holder: str, key: str) -> SavedToken:
        return self.save_card_until(card_source, holder, key, None)

    def save_card_until(self, card_source: str, holder: str, key: str, keep_until: date | None) -> SavedToken:
        register = {"IdGenerator": "MANUAL", "Id": alias_id(key), "Lifetime": lifetime_days(keep_until)}
        if is_six_reference(card_source):
            # Worldline's omni-channel: the card the terminal read (its 0.01 pre-authorisation) becomes an alias.
            answer = self._call("/Payment/v1/OmniChannel/InsertAlias",
                                {"SixTransactionReference": card_source, "RegisterAlias": register}, key)
        else:
            answer = self._call("/Payment/v1/Alias/InsertDirect",
                                {"PaymentMeans": {"SaferpayFields": {"Token": card_source}},
                                 "RegisterAlias": register}, key)
        return _saved(answer, holder)

    def start_card_page(self, key: str, return_url: str, holder: str, keep_until: date | None,
                        language: str = "") -> HostedPage:
        """Alias/Insert: Saferpay's own card page, which registers the alias under our id (from ``key``)
        when the guest sends the card, and then sends the guest to ``return_url``."""
        register = {"IdGenerator": "MANUAL", "Id": alias_id(key), "Lifetime": lifetime_days(keep_until)}
        answer = self._call("/Payment/v1/Alias/Insert", {
            "RegisterAlias": register, "Type": "CARD", "ReturnUrl": {"Url": return_url},
            "Payer": {"LanguageCode": PAGE_LANGUAGES.get(language, "en")}}, key)
        return HostedPage(str(answer["RedirectUrl"]), str(answer["Token"]))

    def finish_card_page(self, page: HostedPage, holder: str, returned: str = "") -> SavedToken:
        """Alias/AssertInsert by the page's Token: the alias the guest's card became, or why there is none."""
        try:
            answer = self._post("/Payment/v1/Alias/AssertInsert", {"Token": page.session}, _read_id(), enquiry=True)
        except _Answered as answered:
            if answered.name in PAGE_LEFT_NAMES:
                raise GuestLeftPage(answered.message, answered.name) from None
            raise _failure(answered) from None
        return _saved(answer, holder)

    def _authorize(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> dict[str, Any]:
        answer = self._call("/Payment/v1/Transaction/AuthorizeDirect", {
            "TerminalId": self._terminal,
            "Payment": {"Amount": {"Value": str(amount_minor), "CurrencyCode": currency.upper()}, "OrderId": key,
                        "Description": "Hotel"},
            "PaymentMeans": {"Alias": {"Id": card.token}},
            "Initiator": "MERCHANT"}, f"{key}.a")
        transaction = answer["Transaction"]
        if transaction.get("Status") != "AUTHORIZED":
            raise NotYetDone(f"{transaction.get('Id')} is {transaction.get('Status')}")
        return dict(transaction)

    def charge(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        transaction = self._authorize(card, amount_minor, currency, key)
        try:
            self._capture_whole(str(transaction["Id"]), key)
        except OperatorError:
            # Authorised, not captured: the hold must not stay on the guest's card.
            self._call("/Payment/v1/Transaction/Cancel", {"TransactionReference": {"TransactionId": transaction["Id"]}},
                       f"{key}.x")
            raise
        return _done(transaction)

    def _capture_whole(self, transaction_id: str, key: str) -> None:
        answer = self._call("/Payment/v1/Transaction/Capture",
                            {"TransactionReference": {"TransactionId": transaction_id}}, f"{key}.c", capturing=True)
        if answer.get("Status") != "CAPTURED":
            raise NotYetDone(f"capture of {transaction_id} is {answer.get('Status')}")

    def pre_authorise(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return _done(self._authorize(card, amount_minor, currency, key))

    def capture(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        hold = self._inquire({"TransactionId": reference})
        if hold is None:
            raise Refused(f"Saferpay has no transaction {reference}", "TRANSACTION_NOT_FOUND")
        authorised = int(hold["Amount"]["Value"])
        currency = str(hold["Amount"]["CurrencyCode"])
        try:
            if amount_minor >= authorised:
                self._capture_whole(reference, key)
            else:
                # A part, and the last: FINAL ends the authorisation, so the rest is released.
                answer = self._call("/Payment/v1/Transaction/MultipartCapture", {
                    "TransactionReference": {"TransactionId": reference},
                    "Amount": {"Value": str(amount_minor), "CurrencyCode": currency},
                    "Type": "FINAL", "OrderPartId": key}, f"{key}.c", capturing=True)
                if answer.get("Status") != "CAPTURED":
                    raise NotYetDone(f"capture of {reference} is {answer.get('Status')}")
        except Refused as refused:
            # Asked again after Saferpay forgot the first request: a hold is captured once, by the desk
            # alone, so "already captured" is this capture done.
            if not (self._first_retry and refused.code == "TRANSACTION_ALREADY_CAPTURED"):
                raise
        return Done(reference, min(amount_minor, authorised), currency)

    def release(self, reference: str, key: str) -> Done:
        hold = self._inquire({"TransactionId": reference})
        if hold is None:
            raise Refused(f"Saferpay has no transaction {reference}", "TRANSACTION_NOT_FOUND")
        if hold.get("Status") != "CANCELED":
            self._call("/Payment/v1/Transaction/Cancel", {"TransactionReference": {"TransactionId": reference}}, key)
        return Done(reference, int(hold["Amount"]["Value"]), str(hold["Amount"]["CurrencyCode"]))

    def refund(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        payment = self._inquire({"TransactionId": reference})
        if payment is None:
            raise Refused(f"Saferpay has no transaction {reference}", "TRANSACTION_NOT_FOUND")
        currency = str(payment["Amount"]["CurrencyCode"])  # the payment's own (R13)
        answer = self._call("/Payment/v1/Transaction/Refund", {
            "Refund": {"Amount": {"Value": str(amount_minor), "CurrencyCode": currency}, "OrderId": key,
                       "RestrictRefundAmountToCapturedAmount": True},
            "CaptureReference": {"TransactionId": reference}}, f"{key}.r")
        refund = answer["Transaction"]
        # A refund is a transaction of its own, authorised, then captured to move the money.
        if refund.get("Status") == "AUTHORIZED":
            self._capture_whole(str(refund["Id"]), key)
        return Done(str(refund["Id"]), int(refund["Amount"]["Value"]), currency, payment_reference=reference)

    def reverse(self, reference: str, key: str) -> Done:
        """The whole payment the day it was made: cancelled, so no money ever moves. Saferpay cancels a
        captured card payment until its daily closing (its integration guide, "Difference between Cancel
        and Refund"); after it the money has moved and only a refund gives it back."""
        payment = self._inquire({"TransactionId": reference})
        if payment is None:
            raise Refused(f"Saferpay has no transaction {reference}", "TRANSACTION_NOT_FOUND")
        whole, currency = int(payment["Amount"]["Value"]), str(payment["Amount"]["CurrencyCode"])
        try:
            self._call("/Payment/v1/Transaction/Cancel", {"TransactionReference": {"TransactionId": reference}},
                       f"{key}.v")
        except Refused as refused:
            if refused.code != "TRANSACTION_IN_WRONG_STATE":
                raise
            return self.refund(reference, whole, key, currency)
        return Done(reference, whole, currency, payment_reference=reference, reversed=True)

    def delete_card(self, card: CardOnFile, key: str) -> None:
        try:
            self._post("/Payment/v1/Alias/Delete", {"AliasId": card.token}, key)
        except _Answered as answered:
            if answered.name != "ALIAS_INVALID":
                raise _failure(answered) from None
            # Not known to Saferpay any more (deleted by an earlier try, or its lifetime ended): deleted.

    def check_connection(self) -> None:
        # An alias that cannot exist: "no such alias" is the answer of a user and customer Saferpay knows.
        # The terminal id is not part of this request; a wrong one shows at the first payment.
        self._alias(f"check-{uuid.uuid4().hex}")

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
                alias = self._alias(alias_id(key))
                return Found(Finding.DONE, saved=_saved(alias, holder)) if alias else Found(Finding.NOT_DONE)
            case Operation.DELETE:
                assert card is not None
                return Found(Finding.NOT_DONE if self._alias(card.token) else Finding.DONE)
            case Operation.CHARGE | Operation.PRE_AUTHORISE:
                transaction = self._inquire({"OrderId": key})
                if transaction is None:  # declined, or never received: nothing authorised under our key
                    return Found(Finding.NOT_DONE)
                status = transaction.get("Status")
                if operation is Operation.PRE_AUTHORISE:
                    return Found(Finding.DONE if status in ("AUTHORIZED", "CAPTURED", "CANCELED")
                                 else Finding.CANNOT_TELL, _done(transaction))
                if status == "AUTHORIZED":
                    # Authorised and its capture lost: the capture is sent again (same RequestId, raised
                    # RetryIndicator), which Saferpay answers once whether it had it or not.
                    self.repeating()._capture_whole(str(transaction["Id"]), key)
                    status = "CAPTURED"
                if status == "CAPTURED":
                    return Found(Finding.DONE, _done(transaction))
                return Found(Finding.NOT_DONE if status == "CANCELED" else Finding.CANNOT_TELL)
            case Operation.REFUND:
                refund = self._inquire({"OrderId": key})
                if refund is None:
                    payment = self._inquire({"TransactionId": reference}) if reference else None
                    if payment is not None and payment.get("Type", "PAYMENT") == "PAYMENT" \
                            and payment.get("Status") == "CANCELED":
                        # A same-day reversal: the payment was cancelled, whole (a captured one is
                        # cancelled by nothing else the desk asks).
                        return Found(Finding.DONE, Done(reference, int(payment["Amount"]["Value"]),
                                                        str(payment["Amount"]["CurrencyCode"]),
                                                        payment_reference=reference, reversed=True))
                    return Found(Finding.NOT_DONE)
                if refund.get("Status") == "AUTHORIZED":
                    # Made, its capture lost: the capture is sent again as a repetition.
                    self.repeating()._capture_whole(str(refund["Id"]), key)
                elif refund.get("Status") != "CAPTURED":
                    return Found(Finding.NOT_DONE if refund.get("Status") == "CANCELED" else Finding.CANNOT_TELL)
                done = _done(refund)
                return Found(Finding.DONE, Done(done.reference, done.amount_minor, done.currency,
                                                payment_reference=reference))
            case Operation.CAPTURE | Operation.RELEASE:
                # An enquiry does not tell the amount captured: the journal asks these again through
                # repeating() instead.
                return Found(Finding.CANNOT_TELL)
        raise AssertionError(operation)

    def _alias(self, alias: str) -> dict[str, Any] | None:
        try:
            return self._post("/Payment/v1/Alias/Inquire", {"AliasId": alias}, _read_id(), enquiry=True)
        except _Answered as answered:
            if answered.name == "ALIAS_INVALID":
                return None
            raise _failure(answered) from None


def _read_id() -> str:
    """An enquiry's RequestId: it changes nothing, so each is a new request."""
    return f"q-{uuid.uuid4().hex}"


def _read(response: httpx.Response) -> dict[str, Any]:
    if response.status_code == 200:
        answer = response.json()
        if not isinstance(answer, dict):
            raise ValueError("Saferpay's answer is not a JSON object")
        return answer
    body: dict[str, Any] = {}
    if response.headers.get("content-type", "").startswith("application/json"):
        try:
            parsed = response.json()
        except ValueError:
            parsed = {}
        body = parsed if isinstance(parsed, dict) else {}
    if response.status_code >= 500 and not body:
        # The web server or firewall answered, not Saferpay's API: whether it was done is unknown.
        raise ValueError(f"Saferpay answered {response.status_code} without an error message")
    raise _Answered(response.status_code, body)


def _failure(answered: _Answered, *, capturing: bool = False) -> Exception:
    """Saferpay's error as the interface's, by its ErrorName and Behavior."""
    name, behavior = answered.name, answered.behavior
    if name in UNKNOWN_NAMES or answered.status >= 500:
        return AnswerLost(f"{name}: {answered.message}")
    if capturing and name == "TRANSACTION_IN_WRONG_STATE":
        # The desk captures only a hold it knows open: the bank let it lapse (R16).
        return HoldExpired(answered.message, name)
    if name in DECLINED_NAMES:
        return Declined(answered.message, name, behavior)
    if behavior == "RETRY_LATER" and answered.status == 402:
        return Declined(answered.message, name, behavior)  # e.g. insufficient funds: later, not now
    return Refused(answered.message, name)


def _saved(answer: dict[str, Any], holder: str) -> SavedToken:
    means = answer.get("PaymentMeans") or {}
    card = means.get("Card") or {}
    display = str(card.get("MaskedNumber") or means.get("DisplayText") or "")
    brand = str((means.get("Brand") or {}).get("PaymentMethod") or "").lower()
    return SavedToken(str(answer["Alias"]["Id"]), "", brand, display[-4:], int(card.get("ExpMonth") or 0),
                      int(card.get("ExpYear") or 0),
                      holder or str(card.get("HolderName") or ""))


def _done(transaction: dict[str, Any]) -> Done:
    return Done(str(transaction["Id"]), int(transaction["Amount"]["Value"]),
                str(transaction["Amount"]["CurrencyCode"]))
