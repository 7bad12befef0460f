"""A fake Stripe: a real HTTP server on loopback answering the part of Stripe's API the desk uses, as
Stripe documents it, so that the official SDK can be pointed at it (its base address) and not mocked.

    python -m desk.cards.operators.fakes.stripe [--port 12111] [--key sk_test_fake] [--hold-days 7]

What it answers like Stripe:
- form-encoded bodies (``metadata[desk_key]=...``), ``Authorization: Bearer <secret key>``;
- errors as ``{"error": {"type", "code", "decline_code", "message"}}`` with Stripe's status codes;
- ``Idempotency-Key``: the same key and body replay the first answer (``Idempotent-Replayed: true``),
  the same key with another body is refused (400, ``idempotency_error``);
- the test payment methods ``pm_card_visa``, ``pm_card_mastercard`` (saved and charged),
  ``pm_card_chargeCustomerFail`` (saved, then declined when charged) and ``pm_card_chargeDeclined``
  (declined when saved) and ``pm_card_authenticationRequired`` (its saving waits for the cardholder's
  authentication: ``requires_action``, nothing attached);
- a hold (``capture_method=manual``) expires after ``hold_days`` on the fake's clock: its capture is
  then refused with ``charge_expired_for_capture``; one capture per hold, the rest released;
- one refund per payment (the issue's rule, stricter than Stripe's), in part or in full;
- Checkout Sessions in ``setup`` mode: the session's ``url`` is the fake's own card page (a real HTML
  form, see ``card_form``); a good test card is saved for the session's customer through a succeeded
  SetupIntent carrying ``setup_intent_data[metadata]``, and the guest sent to the ``success_url`` with
  ``{CHECKOUT_SESSION_ID}`` filled in; Cancel sends the guest to the ``cancel_url`` and leaves the
  session open (until it expires after 24 hours, or is expired); retrieve and expire as Stripe's.

For tests: ``lose_next_answer()`` does the next operation and drops the connection unanswered;
``answer_delay`` makes every answer late (past the desk's timeout); ``unreachable`` drops every request;
``advance(days=...)`` moves the clock. Both also over HTTP: ``POST /_fake/lose_next``,
``POST /_fake/advance`` (``days=N``), and ``GET /_fake/state`` returns everything it holds.
``next_status`` answers the next PaymentIntent in that status (``processing``, ``requires_action``:
Stripe's answers that are neither done nor declined).

A simulated Terminal reader (server-driven, as Stripe's simulated WisePOS E): registered with
``POST /v1/terminal/readers`` and the registration code ``simulated-wpe`` (or ``add_reader()``);
``process_setup_intent`` (a ``card_present`` SetupIntent, ``allow_redisplay`` required) starts its
action, which stays ``in_progress`` until a card is presented through Stripe's test helper
``POST /v1/test_helpers/terminal/readers/{id}/present_payment_method`` (``present_card()``): a good
card succeeds the SetupIntent and gives the ``generated_card`` (a ``card`` PaymentMethod attached to
the customer, chargeable off-session), a declined one fails the action with ``card_declined``.
``cancel_action`` fails the action; a reader offline or busy refuses with ``terminal_reader_offline``
or ``terminal_reader_busy``; ``reader_timeout_next`` starts the action yet answers
``terminal_reader_timeout``; ``reader_gives_up()`` ends the action as the reader's own time-out does.
"""

from __future__ import annotations

import argparse
import json
import secrets
import string
import time
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from desk.cards.operators.fakes.base import CONTROL_PREFIX, DAY, KeyReused, LoopbackFake, Replays
from desk.cards.operators.fakes.card_form import CardRefused, card_form_page, message_page, read_card_form

DEFAULT_KEY = "sk_test_fake"
DEFAULT_HOLD_DAYS = 7
# Where a Checkout Session's ``url`` sends the guest: the fake's own card page.
CHECKOUT_PAGE_PREFIX = "/c/pay/"
CHECKOUT_SESSION_HOURS = 24
# Checkout's ``locale`` values, as Stripe lists them; another is refused.
CHECKOUT_LOCALES = frozenset({
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu",
    "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th",
    "tr", "vi", "zh", "zh-HK", "zh-TW"})

# The registration code of Stripe's simulated reader, and the card it reads when none is named.
SIMULATED_READER_CODE = "simulated-wpe"
# What the simulated reader does with a presented card: its brand, last 4 digits, and the outcome
# (Stripe's test card numbers for card_present; only their last four are kept anywhere).
PRESENTED_CARDS: dict[str, tuple[str, str, str]] = {
    "visa": ("visa", "4242", "ok"),
    "mastercard": ("mastercard", "4444", "ok"),
    "declined": ("visa", "0002", "card_declined"),
}
_PRESENTED_BY_LAST4 = {"4242": "visa", "4444": "mastercard", "0002": "declined"}

# Stripe's documented test payment methods: (brand, last4, what happens when saved, when charged).
TEST_CARDS: dict[str, tuple[str, str, str, str]] = {
    "pm_card_visa": ("visa", "4242", "ok", "ok"),
    "pm_card_mastercard": ("mastercard", "4444", "ok", "ok"),
    "pm_card_chargeCustomerFail": ("visa", "0341", "ok", "card_declined"),
    "pm_card_chargeDeclined": ("visa", "0002", "card_declined", "card_declined"),
    "pm_card_authenticationRequired": ("visa", "3184", "requires_action", "authentication_required"),
}


class StripeError(Exception):
    def __init__(self, status: int, type_: str, message: str, code: str = "", decline_code: str = "",
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"type": type_, "message": message}
        if code:
            self.body["code"] = code
        if decline_code:
            self.body["decline_code"] = decline_code
        self.body.update(extra or {})


_ID_ALPHABET = string.ascii_letters + string.digits


def _new_id(prefix: str) -> str:
    """An object id as Stripe makes them: a prefix and 24 letters and digits."""
    return f"{prefix}_" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(24))


def _today(now: int) -> date:
    return datetime.fromtimestamp(now, UTC).date()


def _form(body: str) -> dict[str, Any]:
    """Stripe's form encoding back into nested values: a[b]=1 -> {"a": {"b": "1"}}, a[]=x -> {"a": ["x"]}."""
    out: dict[str, Any] = {}
    for name, value in parse_qsl(body, keep_blank_values=True):
        head, *rest = name.split("[")
        keys = [head, *(part.rstrip("]") for part in rest)]
        target: Any = out
        for index, key in enumerate(keys):
            if index == len(keys) - 1:
                if key == "":
                    target.append(value)
                else:
                    target[key] = value
            else:
                target = target.setdefault(key, [] if keys[index + 1] == "" else {})
    return out


class FakeStripe(LoopbackFake):
    """Stripe's state and rules; :meth:`serve` puts it on loopback."""

    thread_name = "fake-stripe"
    http_methods = ("GET", "POST", "DELETE")

    def __init__(self, secret_key: str = DEFAULT_KEY, hold_days: int = DEFAULT_HOLD_DAYS) -> None:
        super().__init__(hold_days)
        self.secret_key = secret_key
        self.customers: dict[str, dict[str, Any]] = {}
        self.payment_methods: dict[str, dict[str, Any]] = {}
        self.setup_intents: dict[str, dict[str, Any]] = {}
        self.payment_intents: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.checkout_sessions: dict[str, dict[str, Any]] = {}
        self.readers: dict[str, dict[str, Any]] = {}
        self.setup_attempts: dict[str, dict[str, Any]] = {}
        self.reader_timeout_next = False  # the next process_* starts, and answers terminal_reader_timeout
        self.requests: list[tuple[str, str, str]] = []  # (method, path, idempotency key) as received
        self._replays = Replays()
        self.next_status = ""  # the next PaymentIntent is left in this status (processing, requires_action)

    # --- test controls --------------------------------------------------------------------------

    def now(self) -> int:
        return int(time.time() + self.offset)  # Stripe's times are whole seconds

    def state(self) -> dict[str, Any]:
        with self._lock:
            return json.loads(json.dumps({
                "customers": self.customers, "payment_methods": self.payment_methods,
                "setup_intents": self.setup_intents, "payment_intents": self.payment_intents,
                "refunds": self.refunds, "readers": self.readers, "setup_attempts": self.setup_attempts,
                "clock": self.now()}))

    def add_reader(self, label: str = "Front desk") -> str:
        with self._lock:
            return str(self._register_reader({"registration_code": SIMULATED_READER_CODE, "label": label})["id"])

    def present_card(self, reader_id: str, card: str = "visa") -> dict[str, Any]:
        """The guest presents a card on the reader (Stripe's present_payment_method test helper)."""
        with self._lock:
            return self._present(reader_id, card)

    def reader_gives_up(self, reader_id: str) -> None:
        """Nobody presented a card: the reader ends its action by its own time-out."""
        with self._lock:
            self._end_action(self._reader(reader_id), "customer_timeout", "No card was presented in time.")

    def set_reader_offline(self, reader_id: str, offline: bool = True) -> None:
        with self._lock:
            self._reader(reader_id)["status"] = "offline" if offline else "online"

    # --- one request ----------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: str) -> tuple[int, dict[str, Any], bool]:
        """(status, JSON body, drop the connection instead of answering)."""
        parts = urlsplit(target)
        path = parts.path
        key = headers.get("idempotency-key", "")
        with self._lock:
            if self.unreachable and not path.startswith(CONTROL_PREFIX):
                return 0, {}, True
            self.requests.append((method, path, key))
            if path.startswith(CONTROL_PREFIX):
                status, answer = self._control(method, path, _form(body))
                return status, answer, False
            if path.startswith(CHECKOUT_PAGE_PREFIX):
                # The guest's browser on Stripe's Checkout page: no secret key, a form, redirects.
                return (*self._checkout_page(method, path, body), False)
            if headers.get("authorization", "") != f"Bearer {self.secret_key}":
                return 401, {"error": {"type": "invalid_request_error",
                                       "message": "Invalid API Key provided"}}, False
            if method == "GET":
                return self._answer(lambda: self._get(path, dict(parse_qsl(parts.query))))
            fingerprint = self._replays.fingerprint(f"{method} {path} {body}")
            try:
                remembered = self._replays.recall(key, fingerprint) if key else None
            except KeyReused:
                return 400, {"error": {
                    "type": "idempotency_error",
                    "message": "Keys for idempotent requests can only be used with the same parameters "
                               f"they were first used with. Try using a key other than '{key}' if you "
                               "meant to execute a different request."}}, False
            if remembered is not None:
                return remembered.status, {**remembered.body, "_replayed": True}, False
            status, answer, _ = self._answer(lambda: self._post(path, _form(body)))
            if key and status != 401 and not (status == 400 and answer.get("error", {}).get("type")
                                                == "idempotency_error"):
                self._replays.remember(key, fingerprint, status, answer)
            return status, answer, self._take_lost()

    def reply(self, target: str, status: int, answer: dict[str, Any]) -> tuple[bytes, list[tuple[str, str]]]:
        if "_location" in answer:
            return b"", [("Location", str(answer["_location"])), ("Cache-Control", "no-store")]
        if "_html" in answer:
            return answer["_html"], [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        replayed = bool(answer.pop("_replayed", False))
        data = json.dumps({k: v for k, v in answer.items() if k != "_behaves"} if "object" in answer
                          else answer).encode()
        headers = [("Content-Type", "application/json"), ("Request-Id", _new_id("req"))]
        if replayed:
            headers.append(("Idempotent-Replayed", "true"))
        return data, headers

    def _answer(self, work: Any) -> tuple[int, dict[str, Any], bool]:
        try:
            return 200, work(), False
        except StripeError as exc:
            return exc.status, {"error": exc.body}, False

    def _control(self, method: str, path: str, form: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "POST" and path == "/_fake/lose_next":
            self.lose_next_answer(int(form.get("count", 1)))
            return 200, {"lose": self._lose}
        if method == "POST" and path == "/_fake/advance":
            self.advance(float(form.get("days", 1)))
            return 200, {"clock": self.now()}
        if method == "GET" and path == "/_fake/state":
            return 200, self.state()
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL ({path})"}}

    # --- Stripe's resources ---------------------------------------------------------------------

    def _get(self, path: str, query: dict[str, str]) -> dict[str, Any]:
        segments = path.strip("/").split("/")
        if segments[:3] == ["v1", "checkout", "sessions"] and len(segments) == 4:
            return self._public_session(self._session(segments[3]))
        if segments[:3] == ["v1", "terminal", "readers"] and len(segments) == 4:
            return dict(self._reader(segments[3]))
        if segments[:2] == ["v1", "setup_intents"] and len(segments) == 3 and segments[2] in self.setup_intents \
                and "latest_attempt" in [v for k, v in query.items() if k.startswith("expand")]:
            intent = dict(self.setup_intents[segments[2]])
            intent["latest_attempt"] = self.setup_attempts.get(str(intent.get("latest_attempt") or ""))
            return intent
        if len(segments) == 3 and segments[0] == "v1":
            store = self._store(segments[1])
            found = store.get(segments[2])
            if found is None:
                raise StripeError(404, "invalid_request_error", f"No such {segments[1][:-1]}: '{segments[2]}'",
                                  code="resource_missing")
            return self._fresh(found)
        if len(segments) == 2 and segments[0] == "v1":
            items = list(self._store(segments[1]).values())
            for name in ("customer", "payment_intent", "setup_intent"):
                if name in query:
                    items = [i for i in items if i.get(name) == query[name]]
            items.sort(key=lambda i: i["created"], reverse=True)
            limit = int(query.get("limit", 10))
            return {"object": "list", "url": path, "has_more": len(items) > limit,
                    "data": [self._fresh(i) for i in items[:limit]]}
        raise StripeError(404, "invalid_request_error", f"Unrecognized request URL (GET: {path})")

    def _store(self, name: str) -> dict[str, dict[str, Any]]:
        stores = {"customers": self.customers, "payment_methods": self.payment_methods,
                  "setup_intents": self.setup_intents, "payment_intents": self.payment_intents,
                  "refunds": self.refunds, "setup_attempts": self.setup_attempts}
        if name not in stores:
            raise StripeError(404, "invalid_request_error", f"Unrecognized request URL (/v1/{name})")
        return stores[name]

    def _fresh(self, item: dict[str, Any]) -> dict[str, Any]:
        """An object as of the fake's clock: a hold past its days has been cancelled by the bank."""
        if item.get("object") == "payment_intent" and item["status"] == "requires_capture" \
                and self.now() - item["created"] > self.hold_days * DAY:
            item.update(status="canceled", cancellation_reason="automatic", amount_capturable=0,
                        canceled_at=item["created"] + self.hold_days * DAY)
        return dict(item)

    def _post(self, path: str, form: dict[str, Any]) -> dict[str, Any]:
        segments = path.strip("/").split("/")
        match segments:
            case ["v1", "customers"]:
                return self._create_customer(form)
            case ["v1", "setup_intents"]:
                return self._create_setup_intent(form)
            case ["v1", "payment_intents"]:
                return self._create_payment_intent(form)
            case ["v1", "payment_intents", intent_id, "capture"]:
                return self._capture(intent_id, form)
            case ["v1", "payment_intents", intent_id, "cancel"]:
                return self._cancel(intent_id)
            case ["v1", "refunds"]:
                return self._refund(form)
            case ["v1", "checkout", "sessions"]:
                return self._create_session(form)
            case ["v1", "checkout", "sessions", session_id, "expire"]:
                session = self._session(session_id)
                if session["status"] != "open":
                    raise StripeError(400, "invalid_request_error",
                                      "Only Checkout Sessions with a status of open can be expired.")
                session.update(status="expired", url=None)
                return self._public_session(session)
            case ["v1", "payment_methods", method_id, "detach"]:
                return self._detach(method_id)
            case ["v1", "setup_intents", intent_id, "cancel"]:
                return self._cancel_setup(intent_id)
            case ["v1", "terminal", "readers"]:
                return self._register_reader(form)
            case ["v1", "terminal", "readers", reader_id, "process_setup_intent"]:
                return self._process_setup_intent(reader_id, form)
            case ["v1", "terminal", "readers", reader_id, "cancel_action"]:
                reader = self._reader(reader_id)
                self._refuse_offline(reader)
                if reader["action"] is None or reader["action"]["status"] != "in_progress":
                    raise StripeError(400, "invalid_request_error", "This reader has no action in progress to "
                                      "cancel.")
                self._end_action(reader, "canceled", "The action was canceled.")
                return dict(reader)
            case ["v1", "test_helpers", "terminal", "readers", reader_id, "present_payment_method"]:
                number = str((form.get("card_present") or {}).get("number") or "")
                card = _PRESENTED_BY_LAST4.get(number[-4:], "") if number else "visa"
                if not card:
                    raise StripeError(400, "invalid_request_error", "Use one of the test cards of the simulated "
                                      "reader.", code="parameter_invalid")
                return self._present(reader_id, card)
        raise StripeError(404, "invalid_request_error", f"Unrecognized request URL (POST: {path})")

    # --- Checkout in setup mode: Stripe's own page saves the card -------------------------------

    def _session(self, session_id: str) -> dict[str, Any]:
        session = self.checkout_sessions.get(session_id)
        if session is None:
            raise StripeError(404, "invalid_request_error", f"No such checkout.session: '{session_id}'",
                              code="resource_missing")
        if session["status"] == "open" and self.now() > session["expires_at"]:
            session.update(status="expired", url=None)
        return session

    @staticmethod
    def _public_session(session: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def _create_session(self, form: dict[str, Any]) -> dict[str, Any]:
        if form.get("mode") != "setup":
            raise StripeError(400, "invalid_request_error", "This fake Checkout takes mode=setup only.",
                              code="parameter_invalid_empty")
        for url in ("success_url", "cancel_url"):
            if not str(form.get(url) or "").startswith(("https://", "http://")):
                raise StripeError(400, "invalid_request_error", f"Not a valid URL: {url}", code="url_invalid")
        types = form.get("payment_method_types")
        if isinstance(types, dict):  # the SDK sends payment_method_types[0]=card
            types = list(types.values())
        if types not in (None, ["card"]):
            raise StripeError(400, "invalid_request_error", "Only card here.", code="parameter_invalid_empty")
        locale = str(form.get("locale") or "auto")
        if locale not in CHECKOUT_LOCALES:
            raise StripeError(400, "invalid_request_error", f"Invalid locale: {locale}", code="parameter_invalid")
        customer = self._customer(form)
        session_id = _new_id("cs_test")
        page = f"{self.base_url}{CHECKOUT_PAGE_PREFIX}{session_id}"
        session = {"id": session_id, "object": "checkout.session", "mode": "setup", "status": "open",
                   "customer": customer or None, "success_url": form["success_url"],
                   "cancel_url": form["cancel_url"], "url": page, "setup_intent": None,
                   "metadata": form.get("metadata", {}), "created": self.now(), "locale": locale,
                   "expires_at": self.now() + CHECKOUT_SESSION_HOURS * 3600, "livemode": False,
                   "_setup_metadata": (form.get("setup_intent_data") or {}).get("metadata", {})}
        self.checkout_sessions[session_id] = session
        return self._public_session(session)

    def _checkout_page(self, method: str, path: str, body: str) -> tuple[int, dict[str, Any]]:
        """Stripe's page for one session: the form; a good card is saved through a SetupIntent, then
        the guest goes to the success URL with the session's id; Cancel goes to the cancel URL."""
        session_id, _, action = path[len(CHECKOUT_PAGE_PREFIX):].partition("/")
        session = self.checkout_sessions.get(session_id)
        if session is not None:
            session = self._session(session_id)
        if session is None or session["status"] != "open":
            return 404, {"_html": message_page("Stripe", "This Checkout Session is no longer open.")}
        page = CHECKOUT_PAGE_PREFIX + session_id
        if method == "GET" and not action:
            return 200, {"_html": card_form_page("Stripe", page, page + "/cancel")}
        if method != "POST":
            return 405, {"_html": message_page("Stripe", "Not allowed.")}
        if action == "cancel":
            return 303, {"_location": session["cancel_url"]}  # the session stays open until it expires
        try:
            typed = read_card_form(body, _today(self.now()))
            if not typed.passes_check:
                raise CardRefused("Your card was declined. Try another card.")
        except CardRefused as refused:
            return 200, {"_html": card_form_page("Stripe", page, page + "/cancel", str(refused))}
        method_id = _new_id("pm")
        self.payment_methods[method_id] = {
            "id": method_id, "object": "payment_method", "type": "card", "created": self.now(),
            "customer": session["customer"], "billing_details": {"name": typed.holder},
            "card": {"brand": typed.brand.lower(), "last4": typed.last4, "exp_month": typed.exp_month,
                     "exp_year": typed.exp_year},
            "metadata": {}, "livemode": False, "_behaves": "pm_card_visa"}
        intent = {"id": _new_id("seti"), "object": "setup_intent", "customer": session["customer"],
                  "usage": "off_session", "metadata": session["_setup_metadata"], "created": self.now(),
                  "payment_method": method_id, "payment_method_types": ["card"], "status": "succeeded",
                  "livemode": False}
        self.setup_intents[intent["id"]] = intent
        session.update(status="complete", setup_intent=intent["id"], url=None)
        return 303, {"_location": session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)}

    def _create_customer(self, form: dict[str, Any]) -> dict[str, Any]:
        customer = {"id": _new_id("cus"), "object": "customer", "name": form.get("name"), "created": self.now(),
                    "metadata": form.get("metadata", {}), "livemode": False}
        self.customers[customer["id"]] = customer
        return dict(customer)

    def _customer(self, form: dict[str, Any]) -> str:
        customer = str(form.get("customer") or "")
        if customer and customer not in self.customers:
            raise StripeError(400, "invalid_request_error", f"No such customer: '{customer}'",
                              code="resource_missing")
        return customer

    # --- the simulated Terminal reader ----------------------------------------------------------

    def _reader(self, reader_id: str) -> dict[str, Any]:
        reader = self.readers.get(reader_id)
        if reader is None:
            raise StripeError(404, "invalid_request_error", f"No such terminal.reader: '{reader_id}'",
                              code="resource_missing")
        return reader

    def _register_reader(self, form: dict[str, Any]) -> dict[str, Any]:
        if form.get("registration_code") != SIMULATED_READER_CODE:
            raise StripeError(400, "invalid_request_error", "The registration code is not valid.",
                              code="terminal_reader_invalid_registration_code")
        reader: dict[str, Any] = {
            "id": _new_id("tmr"), "object": "terminal.reader", "device_type": "simulated_wisepos_e",
            "label": form.get("label") or "Simulated reader", "status": "online", "action": None,
            "serial_number": _new_id("sim")[4:16], "livemode": False, "metadata": {}}
        self.readers[reader["id"]] = reader
        return dict(reader)

    def _process_setup_intent(self, reader_id: str, form: dict[str, Any]) -> dict[str, Any]:
        reader = self._reader(reader_id)
        intent = self.setup_intents.get(str(form.get("setup_intent") or ""))
        if intent is None:
            raise StripeError(400, "invalid_request_error", f"No such setupintent: '{form.get('setup_intent')}'",
                              code="resource_missing")
        if form.get("allow_redisplay") not in ("always", "limited", "unspecified"):
            raise StripeError(400, "invalid_request_error", "Missing required param: allow_redisplay.",
                              code="parameter_missing")
        if "card_present" not in intent.get("payment_method_types", []):
            raise StripeError(400, "invalid_request_error", "The SetupIntent must allow card_present.",
                              code="parameter_invalid")
        if intent["status"] != "requires_payment_method":
            raise StripeError(400, "invalid_request_error", "This SetupIntent's status is "
                              f"{intent['status']}.", code="setup_intent_unexpected_state")
        self._refuse_offline(reader)
        if reader["action"] is not None and reader["action"]["status"] == "in_progress":
            raise StripeError(400, "invalid_request_error", "Reader is currently busy processing another request.",
                              code="terminal_reader_busy")
        reader["action"] = {"type": "process_setup_intent", "status": "in_progress", "failure_code": None,
                            "failure_message": None,
                            "process_setup_intent": {"setup_intent": intent["id"], "generated_card": None}}
        if self.reader_timeout_next:
            self.reader_timeout_next = False
            raise StripeError(400, "invalid_request_error", "Reader did not respond in time.",
                              code="terminal_reader_timeout")
        return dict(reader)

    @staticmethod
    def _end_action(reader: dict[str, Any], code: str, message: str) -> None:
        action = reader["action"]
        if action is not None and action["status"] == "in_progress":
            action.update(status="failed", failure_code=code, failure_message=message)

    @staticmethod
    def _refuse_offline(reader: dict[str, Any]) -> None:
        # An offline reader hears nothing: neither a new action, nor a stop, nor a card presented to it.
        if reader["status"] != "online":
            raise StripeError(400, "invalid_request_error", "Reader is currently offline, please ensure the reader "
                              "is powered on and connected to the internet.", code="terminal_reader_offline")

    def _present(self, reader_id: str, card: str) -> dict[str, Any]:
        reader = self._reader(reader_id)
        self._refuse_offline(reader)
        action = reader["action"]
        if action is None or action["status"] != "in_progress" or action["type"] != "process_setup_intent":
            raise StripeError(400, "invalid_request_error", "The reader is not waiting for a payment method.",
                              code="terminal_reader_action_unexpected")
        intent = self.setup_intents[action["process_setup_intent"]["setup_intent"]]
        brand, last4, outcome = PRESENTED_CARDS[card]
        present_id = _new_id("pm")
        self.payment_methods[present_id] = {
            "id": present_id, "object": "payment_method", "type": "card_present", "created": self.now(),
            "customer": None, "card_present": {"brand": brand, "last4": last4, "exp_month": 12, "exp_year": 2034},
            "metadata": {}, "livemode": False, "_behaves": "pm_card_visa"}
        attempt = {"id": _new_id("setatt"), "object": "setup_attempt", "setup_intent": intent["id"],
                   "created": self.now(), "payment_method": present_id, "status": "failed", "setup_error": None,
                   "payment_method_details": {"type": "card_present", "card_present": {"generated_card": None}}}
        self.setup_attempts[attempt["id"]] = attempt
        intent["latest_attempt"] = attempt["id"]
        if outcome != "ok":
            error = {"type": "card_error", "code": outcome, "decline_code": "generic_decline",
                     "message": "Your card was declined."}
            attempt["setup_error"] = error
            intent["last_setup_error"] = error
            action.update(status="failed", failure_code=outcome, failure_message="Your card was declined.")
            return dict(reader)
        generated = _new_id("pm")
        self.payment_methods[generated] = {
            "id": generated, "object": "payment_method", "type": "card", "created": self.now(),
            "customer": intent["customer"], "billing_details": {"name": None},
            "card": {"brand": brand, "last4": last4, "exp_month": 12, "exp_year": 2034},
            "metadata": {}, "livemode": False, "_behaves": "pm_card_visa"}
        attempt["status"] = "succeeded"
        attempt["payment_method_details"]["card_present"]["generated_card"] = generated
        intent.update(status="succeeded", payment_method=present_id, last_setup_error=None)
        action.update(status="succeeded")
        action["process_setup_intent"]["generated_card"] = generated
        return dict(reader)

    def _cancel_setup(self, intent_id: str) -> dict[str, Any]:
        intent = self.setup_intents.get(intent_id)
        if intent is None:
            raise StripeError(404, "invalid_request_error", f"No such setupintent: '{intent_id}'",
                              code="resource_missing")
        if intent["status"] not in ("requires_payment_method", "requires_confirmation", "requires_action"):
            raise StripeError(400, "invalid_request_error", "You cannot cancel this SetupIntent because it has a "
                              f"status of {intent['status']}.", code="setup_intent_unexpected_state")
        intent.update(status="canceled", cancellation_reason="requested_by_customer")
        for reader in self.readers.values():
            action = reader["action"]
            if action is not None and action["process_setup_intent"]["setup_intent"] == intent_id:
                self._end_action(reader, "canceled", "The SetupIntent was canceled.")
        return dict(intent)

    def _create_setup_intent(self, form: dict[str, Any]) -> dict[str, Any]:
        customer = self._customer(form)
        types = form.get("payment_method_types")
        if isinstance(types, dict):
            types = list(types.values())
        if types == ["card_present"]:
            # Saved from a reader: no card yet, the reader's action gives it.
            intent = {"id": _new_id("seti"), "object": "setup_intent", "customer": customer or None,
                      "usage": form.get("usage", "off_session"), "metadata": form.get("metadata", {}),
                      "created": self.now(), "payment_method": None, "status": "requires_payment_method",
                      "payment_method_types": ["card_present"], "latest_attempt": None, "last_setup_error": None,
                      "livemode": False}
            self.setup_intents[intent["id"]] = intent
            return dict(intent)
        source = str(form.get("payment_method") or "")
        if source not in TEST_CARDS:
            raise StripeError(400, "invalid_request_error", f"No such PaymentMethod: '{source}'",
                              code="resource_missing")
        brand, last4, on_save, _ = TEST_CARDS[source]
        intent = {"id": _new_id("seti"), "object": "setup_intent", "customer": customer or None,
                  "usage": form.get("usage", "off_session"), "metadata": form.get("metadata", {}),
                  "created": self.now(), "payment_method": None, "status": "requires_payment_method",
                  "payment_method_types": ["card"], "livemode": False}
        self.setup_intents[intent["id"]] = intent
        if on_save == "requires_action":
            # 3-D Secure asked of the cardholder: a 200 whose intent is not succeeded, no card attached yet.
            intent.update(payment_method=_new_id("pm"), status="requires_action",
                          next_action={"type": "use_stripe_sdk", "use_stripe_sdk": {}})
            return dict(intent)
        if on_save != "ok":
            intent["last_setup_error"] = {"type": "card_error", "code": on_save, "decline_code": "generic_decline"}
            raise StripeError(402, "card_error", "Your card was declined.", code=on_save,
                              decline_code="generic_decline", extra={"setup_intent": dict(intent)})
        method: dict[str, Any] = {
            "id": _new_id("pm"), "object": "payment_method", "type": "card", "created": self.now(),
            "customer": customer or None, "billing_details": {"name": None},
            "card": {"brand": brand, "last4": last4, "exp_month": 12, "exp_year": 2034},
            "metadata": {}, "livemode": False, "_behaves": source}
        self.payment_methods[method["id"]] = method
        intent.update(payment_method=method["id"], status="succeeded")
        return dict(intent)

    def _create_payment_intent(self, form: dict[str, Any]) -> dict[str, Any]:
        customer = self._customer(form)
        method_id = str(form.get("payment_method") or "")
        method = self.payment_methods.get(method_id)
        if method is None:
            raise StripeError(400, "invalid_request_error", f"No such PaymentMethod: '{method_id}'",
                              code="resource_missing")
        if form.get("off_session") in ("true", True) and method.get("customer") != (customer or None):
            raise StripeError(400, "invalid_request_error", "The provided PaymentMethod was previously used without "
                              "being attached to a Customer", code="payment_method_unattached")
        try:
            amount = int(form["amount"])
        except (KeyError, ValueError):
            raise StripeError(400, "invalid_request_error", "Missing required param: amount.",
                              code="parameter_missing") from None
        if amount < 1:
            raise StripeError(400, "invalid_request_error", "Amount must be at least 1",
                              code="amount_too_small")
        manual = form.get("capture_method") == "manual"
        intent = {"id": _new_id("pi"), "object": "payment_intent", "amount": amount,
                  "currency": str(form.get("currency", "")).lower(), "customer": customer or None,
                  "payment_method": method_id, "capture_method": "manual" if manual else "automatic",
                  "metadata": form.get("metadata", {}), "created": self.now(), "amount_capturable": 0,
                  "amount_received": 0, "status": "requires_payment_method", "latest_charge": None,
                  "canceled_at": None, "cancellation_reason": None, "livemode": False}
        self.payment_intents[intent["id"]] = intent
        _, _, _, on_charge = TEST_CARDS[method["_behaves"]]
        if on_charge != "ok":
            # Off-session, a bank wanting the cardholder's authentication declines (authentication_required).
            decline = on_charge if on_charge == "authentication_required" else "generic_decline"
            code = "authentication_required" if on_charge == "authentication_required" else on_charge
            message = "Your card was declined. This transaction requires authentication." \
                if code == "authentication_required" else "Your card was declined."
            error = {"type": "card_error", "code": code, "decline_code": decline, "message": message}
            intent["last_payment_error"] = error
            raise StripeError(402, "card_error", message, code=code, decline_code=decline,
                              extra={"payment_intent": dict(intent)})
        if self.next_status:
            intent.update(status=self.next_status, next_action={"type": "use_stripe_sdk", "use_stripe_sdk": {}}
                          if self.next_status == "requires_action" else None)
            self.next_status = ""
            return dict(intent)
        intent["latest_charge"] = _new_id("ch")
        if manual:
            intent.update(status="requires_capture", amount_capturable=amount)
        else:
            intent.update(status="succeeded", amount_received=amount)
        return dict(intent)

    def _intent(self, intent_id: str) -> dict[str, Any]:
        intent = self.payment_intents.get(intent_id)
        if intent is None:
            raise StripeError(404, "invalid_request_error", f"No such payment_intent: '{intent_id}'",
                              code="resource_missing")
        self._fresh(intent)
        return intent

    def _capture(self, intent_id: str, form: dict[str, Any]) -> dict[str, Any]:
        intent = self._intent(intent_id)
        if intent["status"] == "canceled" and intent.get("cancellation_reason") == "automatic":
            raise StripeError(400, "invalid_request_error", "This PaymentIntent could not be captured because it "
                              "has expired: the authorization is no longer available.",
                              code="charge_expired_for_capture")
        if intent["status"] != "requires_capture":
            raise StripeError(400, "invalid_request_error", "This PaymentIntent could not be captured because it "
                              f"has a status of {intent['status']}.", code="payment_intent_unexpected_state")
        amount = int(form.get("amount_to_capture", intent["amount_capturable"]))
        if amount < 1 or amount > intent["amount_capturable"]:
            raise StripeError(400, "invalid_request_error", "The amount to capture is more than was authorized.",
                              code="amount_too_large")
        # The rest of the hold is released at once: a PaymentIntent is captured once.
        intent.update(status="succeeded", amount_received=amount, amount_capturable=0)
        return dict(intent)

    def _cancel(self, intent_id: str) -> dict[str, Any]:
        intent = self._intent(intent_id)
        if intent["status"] not in ("requires_capture", "requires_payment_method", "requires_confirmation"):
            raise StripeError(400, "invalid_request_error", "You cannot cancel this PaymentIntent because it has a "
                              f"status of {intent['status']}.", code="payment_intent_unexpected_state")
        intent.update(status="canceled", cancellation_reason="requested_by_customer", amount_capturable=0,
                      canceled_at=self.now())
        return dict(intent)

    def _refund(self, form: dict[str, Any]) -> dict[str, Any]:
        intent = self._intent(str(form.get("payment_intent") or ""))
        if intent["status"] != "succeeded":
            raise StripeError(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.",
                              code="charge_not_refundable")
        if any(r["payment_intent"] == intent["id"] for r in self.refunds.values()):
            raise StripeError(400, "invalid_request_error", f"Charge {intent['latest_charge']} has already been "
                              "refunded.", code="charge_already_refunded")
        amount = int(form.get("amount", intent["amount_received"]))
        if amount < 1 or amount > intent["amount_received"]:
            raise StripeError(400, "invalid_request_error", "Refund amount is greater than the charge.",
                              code="amount_too_large")
        refund = {"id": _new_id("re"), "object": "refund", "amount": amount, "currency": intent["currency"],
                  "payment_intent": intent["id"], "charge": intent["latest_charge"], "status": "succeeded",
                  "metadata": form.get("metadata", {}), "created": self.now()}
        self.refunds[refund["id"]] = refund
        return dict(refund)

    def _detach(self, method_id: str) -> dict[str, Any]:
        method = self.payment_methods.get(method_id)
        if method is None:
            raise StripeError(404, "invalid_request_error", f"No such PaymentMethod: '{method_id}'",
                              code="resource_missing")
        if method.get("customer") is None:
            raise StripeError(400, "invalid_request_error", "The payment method you provided is not attached to a "
                              "customer so detachment is impossible.", code="payment_method_unexpected_state")
        method["customer"] = None
        return dict(method)


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake Stripe API on loopback, for the desk's demo and tests.")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--key", default=DEFAULT_KEY, help="the secret key it accepts")
    parser.add_argument("--hold-days", type=int, default=DEFAULT_HOLD_DAYS)
    arguments = parser.parse_args()
    FakeStripe(arguments.key, arguments.hold_days).run_until_interrupted(arguments.port, "Stripe")


if __name__ == "__main__":
    main()
