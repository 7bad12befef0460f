"""A fake Saferpay (Worldline/SIX) JSON API: a real HTTP server on loopback answering the requests the
desk sends, as https://saferpay.github.io/jsonapi/ documents them, so that our client is tested over
the wire and a newcomer can try saved cards without a Saferpay account.

    python -m desk.cards.operators.fakes.saferpay [--port 12112] [--customer 245294]
        [--terminal 17795278] [--user API_245294_08670203] [--password fake-password] [--hold-days 7]

What it answers like Saferpay:
- ``POST /Payment/v1/...`` with a JSON body, ``Content-Type`` and ``Accept: application/json`` (415 and
  406 otherwise), HTTP basic authentication (401 ``AUTHENTICATION_FAILED``);
- every body's ``RequestHeader`` checked: ``SpecVersion``, our ``CustomerId``, ``RequestId`` (Id[1..50])
  and ``RetryIndicator`` (0..9); the ``TerminalId`` of an authorisation must be ours (403);
- errors as ``{"ResponseHeader", "Behavior", "ErrorName", "ErrorMessage"}`` with the documented status
  codes (400 validation, 401, 402 the action failed, 403, 500);
- a request sent again with the same ``RequestId`` and a ``RetryIndicator`` of 1 or more is recognised as
  the same request: its first answer is replayed and nothing is done twice (another body under that
  RequestId is refused); a RequestId reused with ``RetryIndicator`` 0 is a new request;
- Alias/Insert: the RedirectUrl is the fake's own card page (a real HTML form, see ``card_form``): a
  good test card registers the alias (our MANUAL id) and sends the guest to our ReturnUrl, a bad one is
  refused on the page, Cancel sends the guest back with nothing saved; Alias/AssertInsert by the Token
  answers the alias, ``TRANSACTION_ABORTED`` (cancelled), ``TRANSACTION_IN_WRONG_STATE`` (not sent yet);
- Alias/InsertDirect with a Saferpay Fields token (the hosted card form's: the card never reaches the
  merchant) and OmniChannel/InsertAlias with a terminal transaction's ``SixTransactionReference`` (only
  of a transaction its terminals made, ``TERMINAL_REFERENCES``; another is ``TRANSACTION_NOT_FOUND``), with
  the alias ``Lifetime`` (1..1600 days; past it the alias is gone), Alias/Inquire, Alias/Delete;
- Transaction/AuthorizeDirect on an alias, Capture (once; a smaller amount releases the rest),
  MultipartCapture (PARTIAL or FINAL, each OrderPartId once, never more than authorised), Cancel (an
  authorisation, or a captured payment until the daily closing: ``close_day()`` or any ``advance``),
  Refund (then captured: a refund is a transaction of its own), Inquire by TransactionId or OrderId;
- an authorisation older than ``hold_days`` on the fake's clock can no longer be captured
  (``TRANSACTION_IN_WRONG_STATE``): the bank released it and told nobody (R16);
- one refund per payment (the issue's rule, stricter than Saferpay's).

Saferpay Fields tokens it knows: ``fields_visa``, ``fields_mastercard`` (saved and charged),
``fields_declined`` (saved, declined when charged: ``TRANSACTION_DECLINED``, ``DO_NOT_RETRY``),
``fields_insufficient`` (saved, declined with ``RETRY_LATER``: insufficient funds).

For tests: ``lose_next_answer()`` does the next request and drops the line unanswered;
``answer_delay`` makes every answer late; ``unreachable`` drops every request; ``next_error`` answers
the next request with that (status, ErrorName, Behavior) without doing it; ``advance(days=...)``
moves the clock. Over HTTP too: ``POST /_fake/lose_next``, ``POST /_fake/advance`` (``{"days": N}``),
``GET /_fake/state``.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import secrets
import string
from datetime import UTC, datetime
from typing import Any

from desk.cards.operators.fakes.base import CONTROL_PREFIX, DAY, KeyReused, LoopbackFake, Replays
from desk.cards.operators.fakes.card_form import CardRefused, card_form_page, message_page, read_card_form

DEFAULT_CUSTOMER = "245294"
DEFAULT_TERMINAL = "17795278"
DEFAULT_USER = "API_245294_08670203"
DEFAULT_PASSWORD = "fake-password"
DEFAULT_HOLD_DAYS = 7
DEFAULT_LIFETIME_DAYS = 1096
SPEC_VERSION = "1.40"

_ID = re.compile(r"^[A-Za-z0-9.:\-_]+$")
_ALNUM = string.ascii_letters + string.digits
_SIX_REFERENCE = re.compile(r"^\d+:\d+:\d+:[A-Za-z0-9]+$")
# Where Alias/Insert's RedirectUrl sends the guest: the fake's own card page.
CARD_PAGE_PREFIX = "/vt/alias/"
# Minutes an Alias/Insert Token can be asserted (Saferpay's Expiration).
INSERT_TOKEN_MINUTES = 20

# Saferpay Fields tokens the fake knows: (brand, last four digits, what happens when charged).
TEST_TOKENS: dict[str, tuple[str, str, str]] = {
    "fields_visa": ("VISA", "0004", "ok"),
    "fields_mastercard": ("MASTERCARD", "0008", "ok"),
    "fields_declined": ("VISA", "0012", "DO_NOT_RETRY"),
    "fields_insufficient": ("VISA", "0020", "RETRY_LATER"),
    # Its issuer wants strong customer authentication, which a merchant-initiated charge cannot give.
    "fields_sca": ("VISA", "0038", "SCA"),
}
# A terminal transaction turned into an alias (omni-channel) is a card the terminal read.
TERMINAL_CARD = ("MASTERCARD", "0016", "ok")
# The Worldline terminal transactions the fake's acquirer knows, by their SixTransactionReference: what
# the terminal's receipt of a 0.01 pre-authorisation showed. Another reference is no transaction of ours.
TERMINAL_REFERENCES: dict[str, tuple[str, str, str]] = {
    "1:100002:1:87768996410": TERMINAL_CARD,
    "1:100002:1:87768996428": ("VISA", "0024", "ok"),
}


# The payment page's languages (Payer.LanguageCode), as the JSON API lists them.
PAGE_LANGUAGES = frozenset({"de", "en", "fr", "da", "cs", "es", "hr", "it", "hu", "nl", "no", "pl", "pt", "ru", "ro",
                            "sk", "sl", "fi", "sv", "tr", "el", "ja", "zh"})

class SaferpayError(Exception):
    def __init__(self, status: int, name: str, message: str, behavior: str = "DO_NOT_RETRY",
                 **extra: str) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"Behavior": behavior, "ErrorName": name, "ErrorMessage": message, **extra}


def _invalid(message: str) -> SaferpayError:
    return SaferpayError(400, "VALIDATION_FAILED", "Request validation failed", ErrorDetail=message)


def _new_id(length: int = 28) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


class FakeSaferpay(LoopbackFake):
    """Saferpay's state and rules; :meth:`serve` puts it on loopback."""

    thread_name = "fake-saferpay"
    base_path = "/api"

    def __init__(self, customer_id: str = DEFAULT_CUSTOMER, terminal_id: str = DEFAULT_TERMINAL,
                 user: str = DEFAULT_USER, password: str = DEFAULT_PASSWORD,
                 hold_days: int = DEFAULT_HOLD_DAYS) -> None:
        super().__init__(hold_days)
        self.customer_id = customer_id
        self.terminal_id = terminal_id
        self._authorization = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.aliases: dict[str, dict[str, Any]] = {}  # by alias id, lower case (ids are case-insensitive)
        self.terminal_transactions = dict(TERMINAL_REFERENCES)
        self.transactions: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str, int]] = []  # (path, RequestId, RetryIndicator) as received
        self._replays = Replays()
        self.next_error: tuple[int, str, str] | None = None
        # Alias/Insert pages by their Token: what was asked, and how the guest left the page.
        self.inserts: dict[str, dict[str, Any]] = {}

    # --- test controls --------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        with self._lock:
            return json.loads(json.dumps({"aliases": self.aliases, "transactions": self.transactions,
                                          "requests": self.requests, "clock": self.now()}))

    def advance(self, days: float) -> None:
        super().advance(days)
        self.close_day()  # a day has passed: its daily closing ran

    def close_day(self) -> None:
        """The daily closing: every captured transaction's money flow starts; none is cancelled after it."""
        with self._lock:
            for transaction in self.transactions.values():
                if transaction["Status"] == "CAPTURED":
                    transaction["_closed"] = True

    def by_order(self, order_id: str) -> dict[str, Any]:
        [found] = [t for t in self.transactions.values() if t["OrderId"] == order_id]
        return found

    # --- one request ----------------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: dict[str, str], body: str) -> tuple[int, dict[str, Any], bool]:
        """(status, JSON body, drop the line instead of answering)."""
        with self._lock:
            if path.startswith(CONTROL_PREFIX):
                return (*self._control(method, path, body), False)
            if self.unreachable:
                return 0, {}, True
            if path.startswith(CARD_PAGE_PREFIX):
                # The guest's browser on Saferpay's page: no API credentials, a form, redirects.
                return (*self._card_page(method, path, body), False)
            if headers.get("authorization", "") != self._authorization:
                return 401, {"Behavior": "DO_NOT_RETRY", "ErrorName": "AUTHENTICATION_FAILED",
                             "ErrorMessage": "Unable to authenticate request"}, False
            if not headers.get("content-type", "").startswith("application/json"):
                return 415, {}, False
            if "application/json" not in headers.get("accept", ""):
                return 406, {}, False
            if method != "POST" or not path.startswith("/api/Payment/v1/"):
                return 404, {}, False
            try:
                request = json.loads(body)
                request_id, retry = self._header(request)
            except (ValueError, SaferpayError) as exc:
                error = exc if isinstance(exc, SaferpayError) else _invalid("the body is not JSON")
                return error.status, {"ResponseHeader": {"SpecVersion": SPEC_VERSION, "RequestId": ""},
                                      **error.body}, False
            self.requests.append((path, request_id, retry))
            response_header = {"SpecVersion": SPEC_VERSION, "RequestId": request_id}
            unheaded = {k: v for k, v in request.items() if k != "RequestHeader"}
            fingerprint = self._replays.fingerprint(f"{path} {json.dumps(unheaded, sort_keys=True)}")
            try:
                remembered = self._replays.recall(request_id, fingerprint) if retry >= 1 else None
            except KeyReused:
                error = _invalid(f"RequestId {request_id} was first sent with another request")
                return 400, {"ResponseHeader": response_header, **error.body}, False
            if remembered is not None:
                return remembered.status, remembered.body, self._take_lost()
            if self.next_error is not None:
                status, name, behavior = self.next_error
                self.next_error = None
                return status, {"ResponseHeader": response_header, "Behavior": behavior, "ErrorName": name,
                                "ErrorMessage": f"{name} (the fake, as asked)"}, False
            try:
                status, answer = 200, {"ResponseHeader": response_header, **self._do(path[len("/api"):], request)}
            except SaferpayError as exc:
                status, answer = exc.status, {"ResponseHeader": response_header, **exc.body}
            if status != 400:
                self._replays.remember(request_id, fingerprint, status, answer)
            return status, answer, self._take_lost()

    def reply(self, target: str, status: int, answer: dict[str, Any]) -> tuple[bytes, list[tuple[str, str]]]:
        if "_location" in answer:
            return b"", [("Location", str(answer["_location"])), ("Cache-Control", "no-store")]
        if "_html" in answer:
            return answer["_html"], [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        if not answer and status != 200:
            return b"", []
        return json.dumps(_strip_private(answer)).encode(), [("Content-Type", "application/json; charset=utf-8")]

    def _header(self, request: dict[str, Any]) -> tuple[str, int]:
        header = request.get("RequestHeader")
        if not isinstance(header, dict):
            raise _invalid("RequestHeader: the field is required")
        if not str(header.get("SpecVersion") or ""):
            raise _invalid("RequestHeader.SpecVersion: the field is required")
        if str(header.get("CustomerId") or "") != self.customer_id:
            raise SaferpayError(403, "PERMISSION_DENIED", "The customer is not the one of this user")
        request_id = str(header.get("RequestId") or "")
        if not (1 <= len(request_id) <= 50 and _ID.match(request_id)):
            raise _invalid("RequestHeader.RequestId: Id[1..50]")
        retry = header.get("RetryIndicator")
        if not isinstance(retry, int) or isinstance(retry, bool) or not 0 <= retry <= 9:
            raise _invalid("RequestHeader.RetryIndicator: between 0 and 9")
        return request_id, retry

    def _control(self, method: str, path: str, body: str) -> tuple[int, dict[str, Any]]:
        given = json.loads(body) if body else {}
        if method == "POST" and path == "/_fake/lose_next":
            self.lose_next_answer(int(given.get("count", 1)))
            return 200, {"lose": self._lose}
        if method == "POST" and path == "/_fake/advance":
            self.advance(float(given.get("days", 1)))
            return 200, {"clock": self.now()}
        if method == "GET" and path == "/_fake/state":
            return 200, self.state()
        return 404, {}

    # --- Saferpay's requests --------------------------------------------------------------------

    def _do(self, path: str, request: dict[str, Any]) -> dict[str, Any]:
        match path:
            case "/Payment/v1/Alias/InsertDirect":
                return self._insert_direct(request)
            case "/Payment/v1/Alias/Insert":
                return self._insert(request)
            case "/Payment/v1/Alias/AssertInsert":
                return self._assert_insert(request)
            case "/Payment/v1/OmniChannel/InsertAlias":
                return self._insert_omni(request)
            case "/Payment/v1/Alias/Inquire":
                alias = self._alias(str(request.get("AliasId") or ""))
                return {"Alias": {"Id": alias["Id"], "Lifetime": self._days_left(alias)},
                        "PaymentMeans": alias["PaymentMeans"]}
            case "/Payment/v1/Alias/Delete":
                alias = self._alias(str(request.get("AliasId") or ""))
                del self.aliases[alias["Id"].lower()]
                return {}
            case "/Payment/v1/Transaction/AuthorizeDirect":
                return self._authorize(request)
            case "/Payment/v1/Transaction/Capture":
                return self._capture(request)
            case "/Payment/v1/Transaction/MultipartCapture":
                return self._multipart_capture(request)
            case "/Payment/v1/Transaction/Cancel":
                transaction = self._referenced(request)
                # A captured card payment is cancelled until the daily closing starts its money flow.
                cancellable = transaction["Status"] == "AUTHORIZED" or (
                    transaction["Status"] == "CAPTURED" and transaction["Type"] == "PAYMENT"
                    and not transaction.get("_closed") and not transaction["_refunds"])
                if not cancellable:
                    raise SaferpayError(402, "TRANSACTION_IN_WRONG_STATE",
                                        f"Transaction is {transaction['Status']}, not AUTHORIZED")
                transaction["Status"] = "CANCELED"
                return {"TransactionId": transaction["Id"], "OrderId": transaction["OrderId"], "Date": self._date()}
            case "/Payment/v1/Transaction/Refund":
                return self._refund(request)
            case "/Payment/v1/Transaction/Inquire":
                transaction = self._referenced(request)
                return {"Transaction": self._public(transaction), "PaymentMeans": transaction["_means"]}
        raise SaferpayError(404, "ACTION_NOT_SUPPORTED", f"Unknown request {path}")

    def _date(self) -> str:
        return datetime.fromtimestamp(self.now(), UTC).isoformat(timespec="milliseconds")

    def _register(self, request: dict[str, Any], means: dict[str, Any]) -> dict[str, Any]:
        register = request.get("RegisterAlias")
        if not isinstance(register, dict) or register.get("IdGenerator") not in ("MANUAL", "RANDOM", "RANDOM_UNIQUE"):
            raise _invalid("RegisterAlias.IdGenerator: MANUAL, RANDOM or RANDOM_UNIQUE")
        lifetime = register.get("Lifetime", DEFAULT_LIFETIME_DAYS)
        if not isinstance(lifetime, int) or not 1 <= lifetime <= 1600:
            raise _invalid("RegisterAlias.Lifetime: between 1 and 1600")
        if register["IdGenerator"] == "MANUAL":
            alias_id = str(register.get("Id") or "")
            if not (1 <= len(alias_id) <= 40 and _ID.match(alias_id)):
                raise _invalid("RegisterAlias.Id: Id[1..40], required with MANUAL")
            if alias_id.lower() in self.aliases:
                raise SaferpayError(402, "ALIAS_INVALID", "The alias is already used")
        else:
            alias_id = "alias" + _new_id(22)
        alias = {"Id": alias_id, "Lifetime": lifetime, "_created": self.now(), "PaymentMeans": means}
        self.aliases[alias_id.lower()] = alias
        return {"Alias": {"Id": alias_id, "Lifetime": lifetime}, "PaymentMeans": means}

    @staticmethod
    def _means(card: tuple[str, str, str], holder: str) -> dict[str, Any]:
        brand, last4, behaves = card
        return {"Brand": {"PaymentMethod": brand, "Name": f"{brand} Saferpay Test"},
                "DisplayText": f"xxxx xxxx xxxx {last4}",
                "Card": {"MaskedNumber": f"xxxxxxxxxxxx{last4}", "ExpYear": 2031, "ExpMonth": 9,
                         "HolderName": holder, "CountryCode": "CH", "_behaves": behaves}}

    def _insert_direct(self, request: dict[str, Any]) -> dict[str, Any]:
        means = request.get("PaymentMeans") or {}
        if "Card" in means:
            # The desk never holds a card number (R11): the fake refuses one rather than store it.
            raise SaferpayError(403, "PERMISSION_DENIED", "Card data is not accepted from this merchant")
        token = str((means.get("SaferpayFields") or {}).get("Token") or "")
        if token not in TEST_TOKENS:
            raise SaferpayError(402, "TOKEN_INVALID", "The token either does not exist for this customer or was "
                                "already used")
        return self._register(request, self._means(TEST_TOKENS[token], "Anna Gast"))

    def _insert(self, request: dict[str, Any]) -> dict[str, Any]:
        if request.get("Type", "CARD") != "CARD":
            raise _invalid("Type: only CARD here")
        return_url = str((request.get("ReturnUrl") or {}).get("Url") or "")
        if not return_url.startswith(("https://", "http://")):
            raise _invalid("ReturnUrl.Url: the field is required")
        register = request.get("RegisterAlias")
        if not isinstance(register, dict) or register.get("IdGenerator") not in ("MANUAL", "RANDOM", "RANDOM_UNIQUE"):
            raise _invalid("RegisterAlias.IdGenerator: MANUAL, RANDOM or RANDOM_UNIQUE")
        if register["IdGenerator"] == "MANUAL" and str(register.get("Id") or "").lower() in self.aliases:
            raise SaferpayError(402, "ALIAS_INVALID", "The alias is already used")
        language = str((request.get("Payer") or {}).get("LanguageCode") or "")
        if language and language not in PAGE_LANGUAGES:
            raise _invalid(f"Payer.LanguageCode: {language} is not one of the payment page's languages")
        token = _new_id(24).lower()
        expires = self.now() + INSERT_TOKEN_MINUTES * 60
        self.inserts[token] = {"RegisterAlias": register, "ReturnUrl": return_url, "State": "OPEN",
                               "Expires": expires, "Answer": None, "LanguageCode": language}
        page = self.base_url[: -len(self.base_path)] + CARD_PAGE_PREFIX + token
        return {"Token": token, "Expiration": datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds"),
                "RedirectUrl": page}

    def _assert_insert(self, request: dict[str, Any]) -> dict[str, Any]:
        insert = self.inserts.get(str(request.get("Token") or ""))
        if insert is None:
            raise SaferpayError(402, "TOKEN_INVALID", "The token either does not exist for this customer or expired")
        if insert["State"] == "ABORTED":
            raise SaferpayError(402, "TRANSACTION_ABORTED", "The payer cancelled the card entry")
        if insert["State"] != "DONE":
            if self.now() > insert["Expires"]:
                raise SaferpayError(402, "TOKEN_EXPIRED", "The token expired")
            raise SaferpayError(402, "TRANSACTION_IN_WRONG_STATE", "The payer has not entered the card yet")
        return {**insert["Answer"], "CheckResult": {"Result": "OK", "Message": "Card check passed"}}

    def _card_page(self, method: str, path: str, body: str) -> tuple[int, dict[str, Any]]:
        """Saferpay's page for one Alias/Insert: the form; on a good card the alias, then the ReturnUrl."""
        token, _, action = path[len(CARD_PAGE_PREFIX):].partition("/")
        insert = self.inserts.get(token)
        if insert is None or insert["State"] != "OPEN" or self.now() > insert["Expires"]:
            return 404, {"_html": message_page("Saferpay", "This card page has expired.")}
        page = CARD_PAGE_PREFIX + token
        if method == "GET" and not action:
            return 200, {"_html": card_form_page("Saferpay", page, page + "/cancel")}
        if method != "POST":
            return 405, {"_html": message_page("Saferpay", "Not allowed.")}
        if action == "cancel":
            insert["State"] = "ABORTED"
            return 303, {"_location": insert["ReturnUrl"]}
        try:
            typed = read_card_form(body, datetime.fromtimestamp(self.now(), UTC).date())
            if not typed.passes_check:
                raise CardRefused("The card check failed: the bank refused this card. Try another card.")
            means = self._means((typed.brand, typed.last4, "ok"), typed.holder)
            means["Card"].update(ExpMonth=typed.exp_month, ExpYear=typed.exp_year)
            answer = self._register({"RegisterAlias": insert["RegisterAlias"]}, means)
        except (CardRefused, SaferpayError) as refused:
            text = str(refused) if isinstance(refused, CardRefused) else refused.body["ErrorMessage"]
            return 200, {"_html": card_form_page("Saferpay", page, page + "/cancel", text)}
        insert.update(State="DONE", Answer=answer)
        return 303, {"_location": insert["ReturnUrl"]}

    def _insert_omni(self, request: dict[str, Any]) -> dict[str, Any]:
        reference = str(request.get("SixTransactionReference") or "")
        if not _SIX_REFERENCE.match(reference):
            raise _invalid("SixTransactionReference: not a SIX transaction reference")
        card = self.terminal_transactions.get(reference)
        if card is None:
            # Saferpay validates the reference against Worldline's acquiring: a mistyped one names nothing.
            raise SaferpayError(402, "TRANSACTION_NOT_FOUND", "No terminal transaction has this reference")
        return self._register(request, self._means(card, ""))

    def _days_left(self, alias: dict[str, Any]) -> int:
        return alias["Lifetime"] - int((self.now() - alias["_created"]) // DAY)

    def _alias(self, alias_id: str) -> dict[str, Any]:
        alias = self.aliases.get(alias_id.lower())
        if alias is not None and self._days_left(alias) <= 0:
            del self.aliases[alias_id.lower()]  # its lifetime is over: Saferpay deleted it
            alias = None
        if alias is None:
            raise SaferpayError(402, "ALIAS_INVALID", "The alias is not known")
        return alias

    @staticmethod
    def _amount(given: Any, where: str) -> tuple[int, str]:
        if not isinstance(given, dict):
            raise _invalid(f"{where}: the field is required")
        value, currency = str(given.get("Value") or ""), str(given.get("CurrencyCode") or "")
        if not value.isdigit() or int(value) < 1 or not re.fullmatch(r"[A-Z]{3}", currency):
            raise _invalid(f"{where}: Value in minor units, CurrencyCode ISO 4217")
        return int(value), currency

    def _authorize(self, request: dict[str, Any]) -> dict[str, Any]:
        if str(request.get("TerminalId") or "") != self.terminal_id:
            raise SaferpayError(403, "PERMISSION_DENIED", "The terminal does not belong to the customer")
        payment = request.get("Payment") or {}
        value, currency = self._amount(payment.get("Amount"), "Payment.Amount")
        order_id = str(payment.get("OrderId") or "")
        if order_id and not (len(order_id) <= 80 and _ID.match(order_id)):
            raise _invalid("Payment.OrderId: Id[1..80]")
        initiator = request.get("Initiator", "MERCHANT")
        if initiator not in ("MERCHANT", "PAYER"):
            raise _invalid("Initiator: MERCHANT or PAYER")
        alias_id = str(((request.get("PaymentMeans") or {}).get("Alias") or {}).get("Id") or "")
        if not alias_id:
            raise _invalid("PaymentMeans: an alias is required here")
        alias = self._alias(alias_id)
        means = alias["PaymentMeans"]
        transaction_id = _new_id()
        behaves = means["Card"]["_behaves"]
        if behaves == "SCA":
            raise SaferpayError(402, "PAYER_AUTHENTICATION_REQUIRED", "Payer authentication required",
                                "DO_NOT_RETRY", TransactionId=transaction_id, OrderId=order_id)
        if behaves != "ok":
            raise SaferpayError(402, "TRANSACTION_DECLINED", "Transaction declined by acquirer", behaves,
                                TransactionId=transaction_id, OrderId=order_id,
                                PayerMessage="Insufficient funds" if behaves == "RETRY_LATER" else "Declined")
        transaction = {"Type": "PAYMENT", "Status": "AUTHORIZED", "Id": transaction_id, "Date": self._date(),
                       "Amount": {"Value": str(value), "CurrencyCode": currency}, "OrderId": order_id,
                       "AcquirerName": "Saferpay Fake", "SixTransactionReference": f"0:0:3:{transaction_id}",
                       "ApprovalCode": f"{secrets.randbelow(10**6):06d}", "Initiator": initiator,
                       "_alias": alias["Id"], "_created": self.now(), "_captured": 0, "_parts": [],
                       "_refunds": [], "_means": means}
        self.transactions[transaction_id] = transaction
        return {"Transaction": self._public(transaction), "PaymentMeans": means}

    @staticmethod
    def _public(transaction: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in transaction.items() if not k.startswith("_") and k != "Initiator"}

    def _referenced(self, request: dict[str, Any], field: str = "TransactionReference") -> dict[str, Any]:
        reference = request.get(field)
        if not isinstance(reference, dict) or len([v for v in reference.values() if v]) != 1:
            raise _invalid(f"{field}: exactly one element must be set")
        if reference.get("TransactionId"):
            found = self.transactions.get(str(reference["TransactionId"]))
        elif reference.get("CaptureId"):
            found = next((t for t in self.transactions.values() if t.get("CaptureId") == reference["CaptureId"]),
                         None)
        else:
            found = next((t for t in self.transactions.values()
                          if t["OrderId"] and t["OrderId"] == reference.get("OrderId")), None)
        if found is None:
            raise SaferpayError(402, "TRANSACTION_NOT_FOUND", "Transaction not found")
        return found

    def _capturable(self, transaction: dict[str, Any]) -> int:
        if transaction["Status"] == "CAPTURED":
            raise SaferpayError(402, "TRANSACTION_ALREADY_CAPTURED", "Transaction already captured")
        if transaction["Status"] != "AUTHORIZED":
            raise SaferpayError(402, "TRANSACTION_IN_WRONG_STATE", f"Transaction is {transaction['Status']}")
        if transaction["Type"] == "PAYMENT" and self.now() - transaction["_created"] > self.hold_days * DAY:
            raise SaferpayError(402, "TRANSACTION_IN_WRONG_STATE", "The authorization has expired")
        return int(transaction["Amount"]["Value"]) - transaction["_captured"]

    def _capture_amount(self, request: dict[str, Any], transaction: dict[str, Any], left: int,
                        required: bool) -> int:
        if "Amount" not in request and not required:
            return left
        value, currency = self._amount(request.get("Amount"), "Amount")
        if currency != transaction["Amount"]["CurrencyCode"]:
            raise SaferpayError(402, "CURRENCY_INVALID", "Currency does not match referenced transaction currency")
        if value > left:
            raise SaferpayError(402, "AMOUNT_INVALID", "The amount exceeds the allowed capture amount")
        return value

    def _capture(self, request: dict[str, Any]) -> dict[str, Any]:
        transaction = self._referenced(request)
        left = self._capturable(transaction)
        if transaction["_parts"]:
            raise SaferpayError(402, "ACTION_NOT_SUPPORTED", "Use MultipartCapture after a partial capture")
        amount = self._capture_amount(request, transaction, left, required=False)
        # Captured once: what is not captured is released.
        transaction.update(Status="CAPTURED", CaptureId=f"{transaction['Id']}_c", _captured=amount)
        return {"CaptureId": transaction["CaptureId"], "Status": "CAPTURED", "Date": self._date()}

    def _multipart_capture(self, request: dict[str, Any]) -> dict[str, Any]:
        transaction = self._referenced(request)
        left = self._capturable(transaction)
        kind = request.get("Type")
        if kind not in ("PARTIAL", "FINAL"):
            raise _invalid("Type: PARTIAL or FINAL")
        part = str(request.get("OrderPartId") or "")
        if not (1 <= len(part) <= 80 and _ID.match(part)):
            raise _invalid("OrderPartId: Id[1..80]")
        if any(p["OrderPartId"] == part for t in self.transactions.values() for p in t["_parts"]):
            raise _invalid("OrderPartId: must be unique")
        amount = self._capture_amount(request, transaction, left, required=True)
        capture_id = f"{transaction['Id']}_{len(transaction['_parts']) + 1}_c"
        transaction["_parts"].append({"OrderPartId": part, "CaptureId": capture_id, "Amount": amount})
        transaction["_captured"] += amount
        if kind == "FINAL":
            transaction.update(Status="CAPTURED", CaptureId=capture_id)
        return {"CaptureId": capture_id, "Status": "CAPTURED", "Date": self._date()}

    def _refund(self, request: dict[str, Any]) -> dict[str, Any]:
        payment = self._referenced(request, "CaptureReference")
        if payment["Type"] != "PAYMENT" or payment["Status"] != "CAPTURED":
            raise SaferpayError(402, "TRANSACTION_IN_WRONG_STATE", "Only a captured payment is refunded")
        asked = request.get("Refund") or {}
        value, currency = self._amount(asked.get("Amount"), "Refund.Amount")
        order_id = str(asked.get("OrderId") or "")
        if order_id and not (len(order_id) <= 80 and _ID.match(order_id)):
            raise _invalid("Refund.OrderId: Id[1..80]")
        if currency != payment["Amount"]["CurrencyCode"]:
            raise SaferpayError(402, "CURRENCY_INVALID", "Currency does not match referenced transaction currency")
        if payment["_refunds"]:
            raise SaferpayError(402, "ACTION_NOT_SUPPORTED", "This payment was already refunded")
        if value > payment["_captured"]:
            raise SaferpayError(402, "AMOUNT_INVALID", "The refund exceeds the captured amount")
        refund_id = _new_id()
        refund = {"Type": "REFUND", "Status": "AUTHORIZED", "Id": refund_id, "Date": self._date(),
                  "Amount": {"Value": str(value), "CurrencyCode": currency}, "OrderId": order_id,
                  "AcquirerName": "Saferpay Fake", "SixTransactionReference": f"0:0:3:{refund_id}",
                  "_created": self.now(), "_captured": 0, "_parts": [], "_refunds": [], "_means": payment["_means"],
                  "_payment": payment["Id"]}
        self.transactions[refund_id] = refund
        payment["_refunds"].append(refund_id)
        return {"Transaction": self._public(refund), "PaymentMeans": payment["_means"]}


def _strip_private(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_private(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_strip_private(v) for v in value]
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake Saferpay JSON API on loopback, for the desk's demo and tests.")
    parser.add_argument("--port", type=int, default=12112)
    parser.add_argument("--customer", default=DEFAULT_CUSTOMER)
    parser.add_argument("--terminal", default=DEFAULT_TERMINAL)
    parser.add_argument("--user", default=DEFAULT_USER)
    parser.add_argument("--password", default=DEFAULT_PASSWORD)
    parser.add_argument("--hold-days", type=int, default=DEFAULT_HOLD_DAYS)
    arguments = parser.parse_args()
    FakeSaferpay(arguments.customer, arguments.terminal, arguments.user, arguments.password,
                 arguments.hold_days).run_until_interrupted(arguments.port, "Saferpay")


if __name__ == "__main__":
    main()
