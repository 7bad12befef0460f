"""Adyen's own payment terminal saving the card presented to it (R10), through Adyen's cloud Terminal
API: a ``SaleToPOIRequest`` POSTed to ``/sync``, answered when the terminal is done.

Adyen's Python SDK carries no cloud Terminal API (only the old terminal management one), so this is
our own client on httpx, pointed at the fake by the same ``api_base`` as the Checkout services.

The card is saved by a zero-amount PaymentRequest asking for a token (``TokenRequestedType
Customer``, ``recurringProcessingModel=UnscheduledCardOnFile`` and a ``shopperReference`` made from
our key in ``SaleToAcquirerData``); the answer's ``AdditionalResponse`` carries the stored method.
Each request has its own ServiceID; the payment's is made from our key, so that what became of it is
asked by a TransactionStatusRequest naming it (the answer was lost, the desk was killed), and Cancel
is an AbortRequest naming it. A status "NotFound" is not taken as "never sent": Adyen documents it as
"no such transaction on the terminal", which a terminal that has since done others also says, so it
stays unknown, asked again, and a person settles it by hand if it never turns up.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import string
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx

from desk.cards.operators.interface import (
    AnswerLost,
    Declined,
    ReaderBusy,
    ReaderStopped,
    ReaderWait,
    Refused,
    SavedToken,
)

TEST_URL = "https://terminal-api-test.adyen.com"
LIVE_URL = "https://terminal-api-live.adyen.com"
# Adyen ends a payment the terminal has not finished after about 120 s and advises asking its status
# when no answer came by 150 s; the status is asked at once when the line drops earlier.
ANSWER_TIMEOUT_S = 150.0
# Our SaleID: the system that sends the requests; one for the desk, as Adyen only asks it be ours.
SALE_ID = "HotelDesk"
# ErrorCondition by what it means for a card never saved.
DECLINED_CONDITIONS = frozenset({"Refusal", "InvalidCard", "WrongPIN", "PaymentRestriction"})
NOT_STARTED_CONDITIONS = frozenset({"Busy", "InProgress", "DeviceOut", "UnavailableDevice", "LoggedOut"})
STOPPED_CONDITIONS = frozenset({"Cancel", "Aborted"})
# What Adyen's cloud says when the terminal never answered it: it may have done the payment.
NO_TERMINAL_ANSWER = "Did not receive a response from the POI"

_ID_LETTERS = string.ascii_letters + string.digits


def service_id(key: str) -> str:
    """The ServiceID of the payment asked under our key (Adyen allows 10 characters): the same for
    the same key, so it can be named again by a status request or an abort after a crash."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    letters = []
    for _ in range(10):
        digest, index = divmod(digest, len(_ID_LETTERS))
        letters.append(_ID_LETTERS[index])
    return "".join(letters)


def _fresh_service_id() -> str:
    return "".join(secrets.choice(_ID_LETTERS) for _ in range(10))


def _additional(text: str) -> dict[str, str]:
    """Adyen's AdditionalResponse: form-encoded key=value pairs."""
    return {name: values[0] for name, values in parse_qs(text or "", keep_blank_values=True).items()}


class TerminalApi:
    """Adyen's cloud Terminal API for one API key."""

    def __init__(self, api_key: str, *, api_base: str = "", live: bool = True, timeout: float | None = None,
                 sale_id: str = SALE_ID) -> None:
        self.url = f"{(api_base.rstrip('/') or (LIVE_URL if live else TEST_URL))}/sync"
        self.sale_id = sale_id
        self._headers = {"x-api-key": api_key, "Content-Type": "application/json"}
        self.timeout = ANSWER_TIMEOUT_S if timeout is None else timeout

    def _header(self, category: str, poiid: str, service: str) -> dict[str, str]:
        return {"ProtocolVersion": "3.0", "MessageClass": "Service", "MessageCategory": category,
                "MessageType": "Request", "SaleID": self.sale_id, "ServiceID": service, "POIID": poiid}

    def send(self, category: str, poiid: str, service: str, body: Mapping[str, Any],
             timeout: float | None = None) -> dict[str, Any]:
        """The terminal's answer (``SaleToPOIResponse``), {} for an abort (which has none).

        :class:`Refused` when Adyen refused the request itself, :class:`AnswerLost` when no answer came."""
        request = {"SaleToPOIRequest": {"MessageHeader": self._header(category, poiid, service),
                                        f"{category}Request": dict(body)}}
        try:
            answer = httpx.post(self.url, json=request, headers=self._headers,
                                timeout=self.timeout if timeout is None else timeout)
        except httpx.HTTPError as error:
            raise AnswerLost(f"{type(error).__name__}: {error}") from None
        if answer.status_code in (401, 403):
            raise Refused(f"Adyen refused the API key ({answer.status_code})", str(answer.status_code))
        if answer.status_code >= 500 or answer.status_code in (408, 429):
            raise AnswerLost(f"Adyen answered {answer.status_code}")
        if answer.status_code >= 400:
            raise Refused(f"Adyen refused the request ({answer.status_code}): {answer.text[:200]}",
                          str(answer.status_code))
        text = answer.text.strip()
        if not text or text == "ok":
            return {}
        try:
            message = answer.json()
        except ValueError:
            raise AnswerLost(f"Adyen's answer is not understood: {text[:80]}") from None
        if "SaleToPOIRequest" in message:
            # An event instead of an answer: the request was rejected, or the terminal never answered.
            event = (message["SaleToPOIRequest"] or {}).get("EventNotification") or {}
            details = _additional(str(event.get("EventDetails") or "")).get("message", "")
            if NO_TERMINAL_ANSWER in details:
                raise AnswerLost(details)
            raise Refused(f"The terminal rejected the request: {details or event.get('EventToNotify', '')}",
                          "Reject")
        return dict(message.get("SaleToPOIResponse") or {})


class AdyenTerminalSaves:
    """"Verify and save credit card" on an Adyen terminal, named by its POIID (``<model>-<serial>``)."""

    def __init__(self, api: TerminalApi, *, currency: str, shopper_of: Any) -> None:
        self.api = api
        self.currency = currency
        self._shopper_of = shopper_of

    def _payment(self, key: str) -> dict[str, Any]:
        acquirer = urlencode({"recurringProcessingModel": "UnscheduledCardOnFile", "recurringContract": "RECURRING",
                              "shopperReference": self._shopper_of(key)})
        return {"SaleData": {"SaleTransactionID": {"TransactionID": key[:60],
                                                   "TimeStamp": datetime.now(UTC).isoformat(timespec="seconds")},
                             "TokenRequestedType": "Customer", "SaleToAcquirerData": acquirer},
                "PaymentTransaction": {"AmountsReq": {"Currency": self.currency, "RequestedAmount": 0}}}

    def save(self, poiid: str, holder: str, key: str, wait: ReaderWait) -> SavedToken:
        """Send the payment, watch it while the guest presents the card (Cancel, or no card within
        ``give_up_s``: an AbortRequest), and ask its status whenever the answer is lost."""
        service = service_id(key)
        ended: dict[str, Any] = {}
        finished = threading.Event()

        def send() -> None:
            try:
                ended["answer"] = self.api.send("Payment", poiid, service, self._payment(key))
            except (AnswerLost, Refused) as error:
                ended["error"] = error
            finally:
                finished.set()

        wait.progress("present_card")
        threading.Thread(target=send, name="adyen-terminal", daemon=True).start()
        looks, aborted_at = 0, None
        while not finished.is_set():
            wait.wait()
            finished.wait(0.05)
            looks += 1
            aborted_at = self._abort_when_asked(poiid, service, wait, looks, aborted_at)
        if "answer" in ended:
            return payment_ended(_payment_response(ended["answer"]), holder)
        error = ended["error"]
        if not isinstance(error, AnswerLost):
            raise error
        return self._watch_status(poiid, service, holder, wait, looks, aborted_at)

    def _abort_when_asked(self, poiid: str, service: str, wait: ReaderWait, looks: int,
                          aborted_at: int | None) -> int | None:
        if aborted_at is not None:
            if (looks - aborted_at) * wait.poll_s > wait.stop_patience_s:
                raise AnswerLost(f"terminal {poiid} did not stop within {wait.stop_patience_s:.0f} s of being asked")
            return aborted_at
        if wait.cancel.is_set() or looks * wait.poll_s > wait.give_up_s:
            wait.progress("stopping_reader")
            self.abort(poiid, service)
            return looks
        return None

    def abort(self, poiid: str, service: str) -> None:
        """Ask the terminal to stop the payment ``service``; its own answer then says it was aborted."""
        body = {"AbortReason": "MerchantAbort",
                "MessageReference": {"MessageCategory": "Payment", "SaleID": self.api.sale_id, "ServiceID": service,
                                     "POIID": poiid}}
        # Unanswered or refused, the payment's own end (or its status) still says whether it stopped.
        with contextlib.suppress(AnswerLost, Refused):
            self.api.send("Abort", poiid, _fresh_service_id(), body, timeout=min(self.api.timeout, 30.0))

    def status(self, poiid: str, service: str) -> dict[str, Any]:
        """The TransactionStatusResponse of the payment ``service``."""
        body = {"MessageReference": {"MessageCategory": "Payment", "SaleID": self.api.sale_id, "ServiceID": service},
                "DocumentQualifier": ["CashierReceipt", "CustomerReceipt"], "ReceiptReprintFlag": True}
        answer = self.api.send("TransactionStatus", poiid, _fresh_service_id(), body,
                               timeout=min(self.api.timeout, 30.0))
        return dict(answer.get("TransactionStatusResponse") or {})

    def _watch_status(self, poiid: str, service: str, holder: str, wait: ReaderWait, looks: int,
                      aborted_at: int | None) -> SavedToken:
        # The answer was lost: the payment may still be at the terminal, which the guest may still
        # complete. Its status is asked at the reader's pace until it ends or the wait gives up.
        lost_since = looks
        while True:
            try:
                found = self.status(poiid, service)
            except (AnswerLost, Refused):
                found = {}
            response = found.get("Response") or {}
            if response.get("Result") == "Success":
                repeated = (found.get("RepeatedMessageResponse") or {}).get("RepeatedResponseMessageBody") or {}
                return payment_ended(dict(repeated.get("PaymentResponse") or {}), holder)
            if (looks - lost_since) * wait.poll_s > wait.give_up_s + wait.stop_patience_s:
                raise AnswerLost(f"terminal {poiid}: payment {service} is "
                                 f"{response.get('ErrorCondition') or 'not answered'}")
            wait.wait()
            looks += 1
            aborted_at = self._abort_when_asked(poiid, service, wait, looks, aborted_at)

    def found(self, poiid: str, key: str, holder: str) -> SavedToken | None:
        """The card saved under our key, None when the payment ended without one; :class:`AnswerLost`
        while it is in progress, not found, or unanswered."""
        found = self.status(poiid, service_id(key))
        response = found.get("Response") or {}
        if response.get("Result") != "Success":
            raise AnswerLost(f"terminal {poiid}: {response.get('ErrorCondition') or 'no status'}")
        repeated = (found.get("RepeatedMessageResponse") or {}).get("RepeatedResponseMessageBody") or {}
        try:
            return payment_ended(dict(repeated.get("PaymentResponse") or {}), holder)
        except (Declined, ReaderStopped, Refused):
            return None


def _payment_response(answer: Mapping[str, Any]) -> dict[str, Any]:
    response = answer.get("PaymentResponse")
    if not isinstance(response, dict):
        raise AnswerLost("the terminal's answer holds no PaymentResponse")
    return response


def payment_ended(payment: Mapping[str, Any], holder: str) -> SavedToken:
    """The card a PaymentResponse saved; else why nothing was saved."""
    response = payment.get("Response") or {}
    result = str(response.get("Result") or "")
    condition = str(response.get("ErrorCondition") or "")
    extra = _additional(str(response.get("AdditionalResponse") or ""))
    message = extra.get("message") or extra.get("refusalReason") or condition or result
    if result in ("Success", "Partial"):
        token = extra.get("tokenization.storedPaymentMethodId") or extra.get("recurring.recurringDetailReference")
        if not token:
            raise Refused("Adyen saved no card for later charges (no stored payment method in the answer)",
                          "no_token")
        card = (((payment.get("PaymentResult") or {}).get("PaymentInstrumentData") or {}).get("CardData") or {})
        masked = str(card.get("MaskedPAN") or "")
        month, _, year = str(extra.get("expiryDate") or "0/0").partition("/")
        from desk.cards.operators.adyen import brand_name, desk_reference  # adyen imports this module

        return SavedToken(desk_reference(token),
                          extra.get("tokenization.shopperReference") or extra.get("recurring.shopperReference") or "",
                          brand_name(extra.get("paymentMethod") or str(card.get("PaymentBrand") or "")),
                          (extra.get("cardSummary") or masked[-4:])[-4:], int(month or 0), int(year or 0),
                          holder or extra.get("cardHolderName", ""))
    if result != "Failure":
        raise AnswerLost(f"the terminal's result is not understood: {result or 'none'}")
    if condition in DECLINED_CONDITIONS:
        raise Declined(message, condition, extra.get("refusalReasonCode", ""))
    if condition in NOT_STARTED_CONDITIONS:
        raise ReaderBusy(message, condition)
    if condition in STOPPED_CONDITIONS:
        raise ReaderStopped(message, condition)
    raise Refused(message, condition)
