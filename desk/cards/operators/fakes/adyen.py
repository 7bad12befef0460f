"""A fake Adyen: a real HTTP server on loopback answering the part of Adyen's Checkout API the desk uses,
as Adyen documents it, so that the official SDK is pointed at it (its services' base URL), not mocked;
and the standard webhooks Adyen sends afterwards, signed with the HMAC key, POSTed to a URL.

    python -m desk.cards.operators.fakes.adyen [--port 12112] [--key AQE_fake] [--merchant HotelDemo]
        [--hmac-key HEX] [--webhook-url http://127.0.0.1:8765/webhooks/adyen] [--hold-days 7]

What it answers like Adyen (Checkout API, any version in the path, ``/v72/...``):
- ``x-api-key`` checked (401, errorType security); ``merchantAccount`` checked (403, errorCode 901);
- ``POST /payments``: saving a card (``storePaymentMethod``, zero amount) gives
  ``additionalData.tokenization.storedPaymentMethodId``; a charge of a stored method needs
  ``shopperInteraction=ContAuth`` and a ``recurringProcessingModel`` (422 otherwise); a declined card
  is HTTP 200 with ``resultCode: Refused`` and ``refusalReason``; ``additionalData.authorisationType
  =PreAuth`` (with ``manualCapture``) holds, otherwise the payment is captured at once;
- ``POST /payments/{psp}/captures|cancels|refunds``: answered 201 ``status: received`` whatever
  happens next; the outcome is the CAPTURE, CANCELLATION or REFUND webhook (``success`` true or
  false with a ``reason``). One capture per hold (the rest released), none after ``hold_days`` on the
  fake's clock ("Insufficient balance on payment"); one refund per payment, in its currency;
- ``POST /payments/{psp}/reversals`` (no amount: the whole payment): "received", then CANCEL_OR_REFUND
  with ``additionalData["modification.action"]`` ``cancel`` (not yet captured) or ``refund``; refused
  by webhook for a payment already refunded or cancelled;
- ``DELETE /storedPaymentMethods/{id}?shopperReference=&merchantAccount=``: 204; unknown: 422;
- ``Idempotency-Key``: the same key and body replay the first answer; the same key with another body
  is refused (422, errorCode 704);
- webhooks: ``{"live": "false", "notificationItems": [{"NotificationRequestItem": {...}}]}`` with
  ``additionalData.hmacSignature`` (HMAC-SHA256, base64, of pspReference:originalReference:
  merchantAccountCode:merchantReference:value:currency:eventCode:success with the hex key), each sent
  until the receiver answers ``[accepted]``.

Hosted Checkout: ``POST /sessions`` in ``hosted`` mode answers the session with its ``url``, the
fake's own card page (see ``card_form``); a good card is stored for the session's ``shopperReference``
and the guest sent to ``returnUrl`` with ``sessionId`` and ``sessionResult``; Cancel likewise, the
session ``canceled``. ``GET /sessions/{id}?sessionResult=`` tells the session's status and
``GET /storedPaymentMethods`` a shopper's stored cards.

Payment terminals (Adyen's cloud Terminal API, ``POST /sync``): see ``adyen_terminal``; a terminal is
added with ``terminals.add_terminal(POIID)``, and the guest acts on it with ``terminals.present_card``.

Test cards (what Adyen's card component would give as ``encryptedCardNumber``, never a number):
``adyenjs_test$visa`` and ``adyenjs_test$mc`` (saved and charged), ``adyenjs_test$refused_on_charge``
(saved, refused "Not enough balance" when charged), ``adyenjs_test$refused`` (refused when saved).

For tests: ``lose_next_answer()`` does the next operation and drops the connection unanswered;
``unreachable`` drops every request; ``answer_delay`` makes every answer late;
``advance(days=...)`` moves the clock; ``hold_webhooks`` keeps webhooks queued until
``send_webhooks()``; ``redeliver()`` sends every delivered webhook again (Adyen's repeats).
Over HTTP: ``POST /_fake/lose_next``, ``POST /_fake/advance?days=N``, ``GET /_fake/state``; the guest
at a terminal: ``POST /_fake/terminal/present?poiid=V400m-324688179&card=visa`` (or ``refused``),
``POST /_fake/terminal/cancel?poiid=...``, and ``POST /_fake/terminal/add?poiid=...`` adds one.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import secrets
import string
import threading
import urllib.request
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from desk.cards.operators.fakes.adyen_terminal import FakeTerminals
from desk.cards.operators.fakes.base import CONTROL_PREFIX, DAY, KeyReused, LoopbackFake, Replays
from desk.cards.operators.fakes.card_form import CardRefused, card_form_page, message_page, read_card_form

# The guest at a fake terminal, over HTTP: ``POST /_fake/terminal/present?poiid=...&card=visa``.
TERMINAL_CONTROL = "/_fake/terminal/"
# Hosted Checkout's page for a session (its ``url``): the fake's own card form.
HOSTED_PAGE_PREFIX = "/checkoutshopper/pay/"
SESSION_HOURS = 1
# The card form's brands as Adyen codes them.
_FORM_BRANDS = {"VISA": "visa", "MASTERCARD": "mc"}

DEFAULT_KEY = "AQE_fake_api_key"
DEFAULT_MERCHANT = "HotelDemoECOM"
DEFAULT_HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
DEFAULT_HOLD_DAYS = 7

# encryptedCardNumber -> (brand, last four, what happens when saved, when charged)
TEST_CARDS: dict[str, tuple[str, str, str, str]] = {
    "adyenjs_test$visa": ("visa", "1111", "ok", "ok"),
    "adyenjs_test$mc": ("mc", "0004", "ok", "ok"),
    "adyenjs_test$refused_on_charge": ("visa", "0341", "ok", "Not enough balance"),
    "adyenjs_test$refused": ("visa", "0002", "Refused", "Refused"),
    # Its issuer wants strong customer authentication (PSD2 SCA), which a ContAuth charge cannot give.
    "adyenjs_test$sca": ("visa", "0038", "ok", "Authentication required"),
}
# Adyen's refusalReasonCode for each refusalReason used here (docs.adyen.com, "Refusal reasons").
REFUSAL_CODES = {"Refused": "2", "Not enough balance": "12", "Authentication required": "38"}

SIGNED_FIELDS = ("pspReference", "originalReference", "merchantAccountCode", "merchantReference", "value",
                 "currency", "eventCode", "success")


def sign(item: dict[str, Any], hmac_key: str) -> str:
    """Adyen's HMAC signature of a NotificationRequestItem: its fields joined by ':', HMAC-SHA256, base64."""
    amount = item.get("amount") or {}
    values = {**item, "value": amount.get("value", ""), "currency": amount.get("currency", "")}
    text = ":".join(str(values.get(name, "")) for name in SIGNED_FIELDS)
    digest = hmac.new(binascii.unhexlify(hmac_key), text.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class AdyenError(Exception):
    def __init__(self, status: int, error_code: str, message: str, error_type: str = "validation") -> None:
        super().__init__(message)
        self.status = status
        self.body = {"status": status, "errorCode": error_code, "message": message, "errorType": error_type}


def _psp(numeric: bool = False) -> str:
    """A pspReference as Adyen makes them: 16 letters and digits, or (as Adyen long made them, and
    ``numeric`` does) 16 digits, here ones that pass the Luhn check as a card number would."""
    if not numeric:
        return "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(16))
    head = "88" + "".join(secrets.choice(string.digits) for _ in range(13))
    for last in string.digits:
        if _luhn(head + last):
            return head + last
    raise AssertionError("one last digit always completes a Luhn number")


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


class FakeAdyen(LoopbackFake):
    """Adyen's state and rules; :meth:`serve` puts it on loopback."""

    thread_name = "fake-adyen"
    http_methods = ("GET", "POST", "DELETE")

    def __init__(self, api_key: str = DEFAULT_KEY, merchant: str = DEFAULT_MERCHANT, *,
                 hmac_key: str = DEFAULT_HMAC_KEY, webhook_url: str = "", hold_days: int = DEFAULT_HOLD_DAYS) -> None:
        super().__init__(hold_days)
        self.api_key = api_key
        self.merchant = merchant
        self.hmac_key = hmac_key
        self.webhook_url = webhook_url
        self.stored: dict[str, dict[str, Any]] = {}  # storedPaymentMethodId -> its shopper, card, deleted
        self.payments: dict[str, dict[str, Any]] = {}  # pspReference -> the payment
        self.sessions: dict[str, dict[str, Any]] = {}  # Hosted Checkout sessions by id
        self.modifications: dict[str, dict[str, Any]] = {}  # pspReference -> capture, cancel, refund
        self.requests: list[tuple[str, str, str]] = []  # (method, path, idempotency key) as received
        self.webhooks_sent: list[dict[str, Any]] = []  # items the receiver accepted
        self.webhook_refusals: list[tuple[int, str]] = []  # (status, body) of the receiver's refusals
        self.hold_webhooks = False
        self.numeric_references = False  # PSP references and stored-method ids of 16 digits
        self._queue: list[dict[str, Any]] = []
        self._replays = Replays()
        self._sending = threading.Lock()
        # The account's payment terminals, on Adyen's cloud Terminal API (``POST /sync``).
        self.terminals = FakeTerminals(self.stored, self.now)

    # --- test controls --------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        with self._lock:
            return json.loads(json.dumps({"stored": self.stored, "payments": self.payments,
                                          "modifications": self.modifications, "webhooks": self.webhooks_sent}))

    # --- webhooks -------------------------------------------------------------------------------

    def _notify(self, event: str, psp: str, merchant_reference: str, amount: dict[str, Any], success: bool,
                reason: str = "", original: str = "", additional: dict[str, str] | None = None) -> None:
        item: dict[str, Any] = {
            "additionalData": dict(additional or {}), "amount": dict(amount), "eventCode": event,
            "eventDate": datetime.fromtimestamp(self.now(), UTC).isoformat(timespec="seconds"),
            "merchantAccountCode": self.merchant, "merchantReference": merchant_reference,
            "pspReference": psp, "reason": reason, "success": "true" if success else "false"}
        if original:
            item["originalReference"] = original
        item["additionalData"]["hmacSignature"] = sign(item, self.hmac_key)
        self._queue.append(item)
        if not self.hold_webhooks:
            threading.Thread(target=self.send_webhooks, name="fake-adyen-webhooks", daemon=True).start()

    def send_webhooks(self) -> int:
        """Send the queued webhooks, one item per request as Adyen does; kept queued until accepted."""
        with self._sending:
            with self._lock:
                queued, self._queue = self._queue, []
            unsent = [item for item in queued if not self._deliver(item)]
            with self._lock:
                self._queue[:0] = unsent
            return len(queued) - len(unsent)

    def redeliver(self) -> None:
        """Send every accepted webhook once more (Adyen repeats one it is not sure was received)."""
        for item in list(self.webhooks_sent):
            self._deliver(item)

    def _deliver(self, item: dict[str, Any]) -> bool:
        if not self.webhook_url:
            return False
        body = json.dumps({"live": "false", "notificationItems": [{"NotificationRequestItem": item}]}).encode()
        request = urllib.request.Request(self.webhook_url, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                text = answer.read().decode()
                if text.strip() == "[accepted]":
                    with self._lock:
                        if item not in self.webhooks_sent:
                            self.webhooks_sent.append(item)
                    return True
                self.webhook_refusals.append((answer.status, text))
        except OSError as exc:
            status = getattr(exc, "code", 0)
            self.webhook_refusals.append((int(status or 0), str(exc)))
        return False

    def queued_webhooks(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._queue)

    # --- one request ----------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: str) -> tuple[int, dict[str, Any], bool]:
        """(status, JSON body, drop the connection instead of answering)."""
        parts = urlsplit(target)
        path = parts.path
        key = headers.get("idempotency-key", "")
        if path == "/sync":
            return self._terminal_request(method, path, headers, body)
        if path.startswith(TERMINAL_CONTROL):
            # The guest at the fake terminal, outside the fake's lock: it waits for the payment to arrive.
            return (*self._terminal_control(method, path[len(TERMINAL_CONTROL):], dict(parse_qsl(parts.query))),
                    False)
        with self._lock:
            if self.unreachable and not path.startswith(CONTROL_PREFIX):
                return 0, {}, True
            self.requests.append((method, path, key))
            if path.startswith(CONTROL_PREFIX):
                return (*self._control(method, path, dict(parse_qsl(parts.query))), False)
            if path.startswith(HOSTED_PAGE_PREFIX):
                # The guest's browser on Adyen's Hosted Checkout: no API key, a form, redirects.
                return (*self._hosted_page(method, path, body), False)
            if headers.get("x-api-key", "") != self.api_key:
                return 401, {"status": 401, "errorCode": "000", "message": "HTTP Status Response - Unauthorized",
                             "errorType": "security"}, False
            fingerprint = self._replays.fingerprint(f"{method} {target} {body}")
            try:
                remembered = self._replays.recall(key, fingerprint) if key else None
            except KeyReused:
                return 422, {"status": 422, "errorCode": "704", "errorType": "validation",
                             "message": "request already processed or in progress: the idempotency key "
                                        "was used with another request"}, False
            if remembered is not None:
                return remembered.status, {**remembered.body, "_replayed": True}, False
            try:
                status, answer = self._route(method, path, dict(parse_qsl(parts.query)),
                                             json.loads(body) if body else {})
            except AdyenError as error:
                status, answer = error.status, error.body
            except (ValueError, KeyError, TypeError) as error:
                status, answer = 422, AdyenError(422, "702", f"Structure of request invalid: {error}").body
            if key and status < 500:
                self._replays.remember(key, fingerprint, status, answer)
            return status, answer, self._take_lost()

    def _terminal_request(self, method: str, path: str, headers: dict[str, str],
                          body: str) -> tuple[int, dict[str, Any], bool]:
        # Outside the fake's lock: the answer waits for the guest at the terminal.
        with self._lock:
            if self.unreachable:
                return 0, {}, True
            self.requests.append((method, path, ""))
        if headers.get("x-api-key", "") != self.api_key:
            return 401, {"status": 401, "errorCode": "000", "message": "HTTP Status Response - Unauthorized",
                         "errorType": "security"}, False
        if method != "POST":
            return 405, {"status": 405, "errorCode": "000", "message": "Method not allowed"}, False
        try:
            message = json.loads(body) if body else {}
        except ValueError:
            message = {}
        status, answer = self.terminals.handle(message if isinstance(message, dict) else {})
        with self._lock:
            return status, answer, self.unreachable or self._take_lost()

    def _terminal_control(self, method: str, action: str, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
        poiid = query.get("poiid", "")
        if method != "POST" or (action != "add" and poiid not in self.terminals.terminals):
            return 404, {"status": 404, "errorCode": "000", "message": "no such terminal control"}
        try:
            if action == "add":
                self.terminals.add_terminal(poiid)
            elif action == "present":
                self.terminals.present_card(poiid, query.get("card", "visa"))
            elif action == "cancel":
                self.terminals.cancel_on_terminal(poiid)
            else:
                return 404, {"status": 404, "errorCode": "000", "message": "no such terminal control"}
        except (AssertionError, KeyError) as error:
            return 409, {"status": 409, "errorCode": "000", "message": str(error)}
        return 200, {"done": self.terminals.done}

    def reply(self, target: str, status: int, answer: dict[str, Any]) -> tuple[bytes, list[tuple[str, str]]]:
        if "_location" in answer:
            return b"", [("Location", str(answer["_location"])), ("Cache-Control", "no-store")]
        if "_html" in answer:
            return answer["_html"], [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        replayed = bool(answer.pop("_replayed", False))
        if target == "/sync" and status == 200 and not answer:
            return b"", [("Content-Type", "application/json")]  # an AbortRequest has no answer
        headers = [("Content-Type", "application/json")]
        if "pspReference" in answer:
            headers.append(("pspReference", str(answer["pspReference"])))
        if replayed:
            headers.append(("idempotent-replayed", "true"))
        return b"" if status == 204 else json.dumps(answer).encode(), headers

    def _control(self, method: str, path: str, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if method == "POST" and path == "/_fake/lose_next":
            self.lose_next_answer()
            return 200, {"lose_next": self._lose}
        if method == "POST" and path == "/_fake/advance":
            self.advance(float(query.get("days", "1")))
            return 200, {"clock": self.now()}
        if method == "GET" and path == "/_fake/state":
            return 200, self.state()
        return 404, {"status": 404, "errorCode": "000", "message": "no such control", "errorType": "validation"}

    def _route(self, method: str, path: str, query: dict[str, str], body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        parts = path.strip("/").split("/")
        if len(parts) < 2 or not parts[0].startswith("v"):
            raise AdyenError(404, "000", "Not found", "validation")
        parts = parts[1:]
        if method == "DELETE" and len(parts) == 2 and parts[0] == "storedPaymentMethods":
            self._merchant(query.get("merchantAccount", ""))
            return self._delete(parts[1], query.get("shopperReference", ""))
        if method == "GET" and parts == ["storedPaymentMethods"]:
            self._merchant(query.get("merchantAccount", ""))
            return 200, self._stored_of(query.get("shopperReference", ""))
        if method == "GET" and len(parts) == 2 and parts[0] == "sessions":
            return 200, self._session_result(parts[1], query.get("sessionResult", ""))
        if method != "POST":
            raise AdyenError(405, "000", "Method not allowed")
        self._merchant(str(body.get("merchantAccount", "")))
        if parts == ["sessions"]:
            return 201, self._create_session(body)
        if parts == ["payments"]:
            return 200, self._payment(body)
        if parts == ["paymentMethods"]:
            # What the merchant account accepts; asked by the desk's "Check connection".
            return 200, {"paymentMethods": [{"brands": ["visa", "mc", "amex"], "name": "Cards", "type": "scheme"}]}
        if len(parts) == 3 and parts[0] == "payments" and parts[2] in ("captures", "cancels", "refunds", "reversals"):
            return 201, self._modify(parts[2], parts[1], body)
        raise AdyenError(404, "000", "Not found")

    def _merchant(self, account: str) -> None:
        if account != self.merchant:
            raise AdyenError(403, "901", "Invalid Merchant Account", "security")

    # --- payments -------------------------------------------------------------------------------

    def _payment(self, body: dict[str, Any]) -> dict[str, Any]:
        amount = body["amount"]
        value, currency = int(amount["value"]), str(amount["currency"])
        reference = str(body["reference"])
        method = body["paymentMethod"]
        shopper = str(body.get("shopperReference") or "")
        psp = _psp(self.numeric_references)
        additional = body.get("additionalData") or {}
        hold = additional.get("authorisationType") == "PreAuth" or str(additional.get("manualCapture")) == "true"
        if body.get("storePaymentMethod"):
            return self._store(psp, body, method, shopper, reference, currency)
        stored_id = str(method.get("storedPaymentMethodId") or "")
        if not stored_id:
            raise AdyenError(422, "000", "This fake charges stored payment methods only")
        if body.get("shopperInteraction") != "ContAuth" or not body.get("recurringProcessingModel"):
            raise AdyenError(422, "133", "A stored card without the shopper: shopperInteraction ContAuth and a "
                                         "recurringProcessingModel are required")
        stored = self.stored.get(stored_id)
        if stored is None or stored["deleted"] or stored["shopperReference"] != shopper:
            raise AdyenError(422, "800", "Contract not found")
        if value <= 0:
            raise AdyenError(422, "137", "Invalid amount specified")
        payment = {"pspReference": psp, "merchantReference": reference,
                   "amount": {"value": value, "currency": currency},
                   "storedPaymentMethodId": stored_id, "brand": stored["brand"],
                   "shopperInteraction": body["shopperInteraction"],
                   "recurringProcessingModel": body["recurringProcessingModel"], "preAuth": hold,
                   "created": self.now(), "status": "", "captured": 0, "refunded": 0, "cancelled": False}
        refusal = stored["on_charge"]
        if refusal != "ok":
            payment["status"] = "refused"
            self.payments[psp] = payment
            self._notify("AUTHORISATION", psp, reference, payment["amount"], False, refusal,
                         additional={"paymentMethod": stored["brand"]})
            return {"pspReference": psp, "resultCode": "Refused", "refusalReason": refusal,
                    "refusalReasonCode": REFUSAL_CODES.get(refusal, "2"), "merchantReference": reference,
                    "amount": payment["amount"]}
        payment["status"] = "authorised" if hold else "captured"
        payment["captured"] = 0 if hold else value
        self.payments[psp] = payment
        self._notify("AUTHORISATION", psp, reference, payment["amount"], True,
                     additional={"paymentMethod": stored["brand"]})
        return {"pspReference": psp, "resultCode": "Authorised", "merchantReference": reference,
                "amount": payment["amount"], "paymentMethod": {"brand": stored["brand"], "type": "scheme"},
                "additionalData": {"cardSummary": stored["last4"], "paymentMethod": stored["brand"]}}

    def _store(self, psp: str, body: dict[str, Any], method: dict[str, Any], shopper: str, reference: str,
               currency: str) -> dict[str, Any]:
        if not shopper:
            raise AdyenError(422, "130", "Required field 'shopperReference' is missing")
        if body.get("recurringProcessingModel") not in ("CardOnFile", "UnscheduledCardOnFile", "Subscription"):
            raise AdyenError(422, "134", "recurringProcessingModel is required to store a card")
        card = TEST_CARDS.get(str(method.get("encryptedCardNumber") or ""))
        if card is None:
            raise AdyenError(422, "174", "Unable to decrypt data")
        brand, last4, on_save, on_charge = card
        amount = {"value": int(body["amount"]["value"]), "currency": currency}
        if on_save != "ok":
            self.payments[psp] = {"pspReference": psp, "merchantReference": reference, "amount": amount,
                                  "status": "refused", "created": self.now()}
            self._notify("AUTHORISATION", psp, reference, amount, False, on_save)
            return {"pspReference": psp, "resultCode": "Refused", "refusalReason": on_save,
                    "refusalReasonCode": REFUSAL_CODES.get(on_save, "2"), "merchantReference": reference}
        stored_id = _psp(self.numeric_references)
        holder = str(body.get("shopperName", {}).get("firstName", "")) if isinstance(body.get("shopperName"), dict) \
            else ""
        holder = str(method.get("holderName") or holder)
        self.stored[stored_id] = {"shopperReference": shopper, "brand": brand, "last4": last4, "expiryMonth": 3,
                                  "expiryYear": 2030, "holderName": holder, "deleted": False,
                                  "recurringProcessingModel": body["recurringProcessingModel"],
                                  "on_charge": on_charge}
        self.payments[psp] = {"pspReference": psp, "merchantReference": reference, "amount": amount,
                              "status": "authorised", "created": self.now(), "storedPaymentMethodId": stored_id}
        tokenization = {"tokenization.storedPaymentMethodId": stored_id, "tokenization.shopperReference": shopper,
                        "tokenization.store.operationType": "created"}
        self._notify("AUTHORISATION", psp, reference, amount, True,
                     additional={"paymentMethod": brand, "cardSummary": last4, "expiryDate": "3/2030", **tokenization})
        return {"pspReference": psp, "resultCode": "Authorised", "merchantReference": reference,
                "paymentMethod": {"brand": brand, "type": "scheme"},
                "additionalData": {**tokenization, "cardSummary": last4, "expiryDate": "3/2030",
                                   "paymentMethod": brand, "cardHolderName": holder}}

    # --- Hosted Checkout: Adyen's own page stores the card -------------------------------------

    def _stored_of(self, shopper: str) -> dict[str, Any]:
        if not shopper:
            raise AdyenError(422, "130", "Required field 'shopperReference' is missing")
        methods = [{"id": stored_id, "type": "scheme", "brand": stored["brand"], "lastFour": stored["last4"],
                    "expiryMonth": f"{stored['expiryMonth']:02d}", "expiryYear": str(stored["expiryYear"]),
                    "holderName": stored["holderName"], "supportedShopperInteractions": ["Ecommerce", "ContAuth"]}
                   for stored_id, stored in self.stored.items()
                   if stored["shopperReference"] == shopper and not stored["deleted"]]
        return {"merchantAccount": self.merchant, "shopperReference": shopper, "storedPaymentMethods": methods}

    def _create_session(self, body: dict[str, Any]) -> dict[str, Any]:
        for field in ("reference", "returnUrl", "amount"):
            if not body.get(field):
                raise AdyenError(422, "000", f"Required field '{field}' is missing")
        if body.get("mode") != "hosted":
            raise AdyenError(422, "000", "This fake serves Hosted Checkout sessions only (mode hosted)")
        if body.get("storePaymentMethodMode") == "enabled" and not body.get("shopperReference"):
            raise AdyenError(422, "130", "Required field 'shopperReference' is missing")
        locale = str(body.get("shopperLocale") or "")
        if locale and not (len(locale) == 5 and locale[:2].isalpha() and locale[:2].islower() and locale[2] == "-"
                           and locale[3:].isalpha() and locale[3:].isupper()):
            raise AdyenError(422, "000", "Invalid shopperLocale: a language and a country code, as nl-NL")
        session_id = "CS" + _psp()
        expires = self.now() + SESSION_HOURS * 3600
        session = {"id": session_id, "status": "active", "body": body, "result": "", "expires": expires}
        self.sessions[session_id] = session
        return {"id": session_id, "merchantAccount": self.merchant, "reference": body["reference"],
                "amount": body["amount"], "returnUrl": body["returnUrl"], "mode": "hosted",
                "url": f"{self.base_url}{HOSTED_PAGE_PREFIX}{session_id}",
                "expiresAt": datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds"),
                "sessionData": base64.b64encode(secrets.token_bytes(24)).decode()}

    def _session_result(self, session_id: str, result: str) -> dict[str, Any]:
        session = self.sessions.get(session_id)
        if session is None or not result or result != session["result"]:
            raise AdyenError(422, "000", "Invalid session or sessionResult")
        return {"id": session_id, "status": session["status"]}

    def _hosted_page(self, method: str, path: str, body: str) -> tuple[int, dict[str, Any]]:
        session_id, _, action = path[len(HOSTED_PAGE_PREFIX):].partition("/")
        session = self.sessions.get(session_id)
        if session is not None and session["status"] == "active" and self.now() > session["expires"]:
            session["status"] = "expired"
        if session is None or session["status"] != "active":
            return 404, {"_html": message_page("Adyen", "This payment session is no longer active.")}
        page = HOSTED_PAGE_PREFIX + session_id
        if method == "GET" and not action:
            return 200, {"_html": card_form_page("Adyen", page, page + "/cancel")}
        if method != "POST":
            return 405, {"_html": message_page("Adyen", "Not allowed.")}
        asked = session["body"]
        if action == "cancel":
            session.update(status="canceled", result=secrets.token_urlsafe(16))
        else:
            try:
                typed = read_card_form(body, datetime.fromtimestamp(self.now(), UTC).date())
                if not typed.passes_check:
                    raise CardRefused("Refused: try another card.")
            except CardRefused as refused:
                return 200, {"_html": card_form_page("Adyen", page, page + "/cancel", str(refused))}
            stored_id = _psp(self.numeric_references)
            self.stored[stored_id] = {"shopperReference": asked["shopperReference"],
                                      "brand": _FORM_BRANDS.get(typed.brand, typed.brand.lower()),
                                      "last4": typed.last4, "expiryMonth": typed.exp_month,
                                      "expiryYear": typed.exp_year, "holderName": typed.holder, "deleted": False,
                                      "recurringProcessingModel": asked.get("recurringProcessingModel", ""),
                                      "on_charge": "ok"}
            session.update(status="completed", result=secrets.token_urlsafe(16))
        back = asked["returnUrl"]
        separator = "&" if "?" in back else "?"
        return 303, {"_location": f"{back}{separator}sessionId={session_id}&sessionResult={session['result']}"}

    # --- modifications: answered "received", decided in the webhook -----------------------------

    def _modify(self, kind: str, psp: str, body: dict[str, Any]) -> dict[str, Any]:
        payment = self.payments.get(psp)
        if payment is None or "merchantReference" not in payment or payment.get("status") == "refused":
            raise AdyenError(422, "167", "Original pspReference required for this operation")
        reference = str(body.get("reference") or "")
        modification_psp = _psp(self.numeric_references)
        answer: dict[str, Any] = {"merchantAccount": self.merchant, "paymentPspReference": psp,
                                  "pspReference": modification_psp, "reference": reference, "status": "received"}
        amount = payment["amount"]
        if kind == "reversals":
            event, success, reason, action = self._reverse(payment)
            self.modifications[modification_psp] = {"kind": event, "paymentPspReference": psp, "reference": reference,
                                                    "amount": amount, "success": success, "reason": reason,
                                                    "action": action}
            self._notify(event, modification_psp, reference, amount, success, reason, original=psp,
                         additional={"modification.action": action} if action else None)
            return answer
        if kind == "cancels":
            success, reason = payment["status"] == "authorised" and payment.get("preAuth", False), ""
            if success:
                payment.update(status="cancelled", cancelled=True)
            else:
                reason = "Payment is not a hold that can be cancelled"
            event = "CANCELLATION"
        else:
            wanted = body["amount"]
            if str(wanted["currency"]) != amount["currency"]:
                raise AdyenError(422, "137", "Invalid amount specified: not the payment's currency")
            value = int(wanted["value"])
            if value <= 0:
                raise AdyenError(422, "137", "Invalid amount specified")
            amount = {"value": value, "currency": amount["currency"]}
            answer["amount"] = amount
            if kind == "captures":
                event = "CAPTURE"
                expired = self.now() > payment["created"] + self.hold_days * DAY
                if payment["status"] != "authorised" or expired or value > payment["amount"]["value"]:
                    success, reason = False, "Insufficient balance on payment"
                    if expired and payment["status"] == "authorised":
                        payment["status"] = "expired"
                else:
                    success, reason = True, ""
                    # One capture: what is not captured is released.
                    payment.update(status="captured", captured=value)
            else:
                event = "REFUND"
                if payment["status"] != "captured" or payment.get("refunded"):
                    success, reason = False, "Refund not allowed: one refund per payment, on a captured payment"
                elif value > payment["captured"]:
                    success, reason = False, "Insufficient balance on payment"
                else:
                    success, reason = True, ""
                    payment["refunded"] = value
        self.modifications[modification_psp] = {"kind": event, "paymentPspReference": psp, "reference": reference,
                                                "amount": amount, "success": success, "reason": reason}
        self._notify(event, modification_psp, reference, amount, success, reason, original=psp)
        return answer

    @staticmethod
    def _reverse(payment: dict[str, Any]) -> tuple[str, bool, str, str]:
        """A reversal: an authorisation not yet captured is cancelled, a captured payment refunded whole;
        Adyen does not reverse a payment already refunded or cancelled."""
        if payment["status"] == "authorised" and not payment.get("captured"):
            payment.update(status="cancelled", cancelled=True)
            return "CANCEL_OR_REFUND", True, "", "cancel"
        if payment["status"] == "captured" and not payment.get("refunded"):
            payment["refunded"] = payment["captured"]
            return "CANCEL_OR_REFUND", True, "", "refund"
        return "CANCEL_OR_REFUND", False, "Payment cannot be reversed: already refunded or cancelled", ""

    def _delete(self, stored_id: str, shopper: str) -> tuple[int, dict[str, Any]]:
        stored = self.stored.get(stored_id)
        if stored is None or stored["deleted"] or stored["shopperReference"] != shopper:
            raise AdyenError(422, "800", "Contract not found")
        stored["deleted"] = True
        return 204, {}


def main() -> None:
    parser = argparse.ArgumentParser(
        description="A fake Adyen Checkout API on loopback, for the desk's demo and tests.")
    parser.add_argument("--port", type=int, default=12112)
    parser.add_argument("--key", default=DEFAULT_KEY, help="the API key it accepts")
    parser.add_argument("--merchant", default=DEFAULT_MERCHANT, help="the merchant account it knows")
    parser.add_argument("--hmac-key", default=DEFAULT_HMAC_KEY, help="the HMAC key (hex) its webhooks are signed with")
    parser.add_argument("--webhook-url", default="", help="where it sends its webhooks (desk serve's /webhooks/adyen)")
    parser.add_argument("--hold-days", type=int, default=DEFAULT_HOLD_DAYS)
    parser.add_argument("--terminal", action="append", default=[], metavar="POIID",
                        help="a payment terminal of the account, as V400m-324688179 (repeatable)")
    arguments = parser.parse_args()
    fake = FakeAdyen(arguments.key, arguments.merchant, hmac_key=arguments.hmac_key,
                     webhook_url=arguments.webhook_url, hold_days=arguments.hold_days)
    for poiid in arguments.terminal:
        fake.terminals.add_terminal(poiid)
    fake.run_until_interrupted(arguments.port, "Adyen")


if __name__ == "__main__":
    main()
