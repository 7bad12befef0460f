"""``desk serve``'s web application: the REST API and r_keeper's FarCards endpoints on one app."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, MutableMapping
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Header, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from desk.core.card_numbers import mask_card_numbers
from desk.core.errors import ConcurrentChange, DeskError
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.reference import base_currency
from desk.people.auth import Actor
from desk.pos import farcards
from desk.pos.checks import (
    CancelledCheck,
    CardHolder,
    CheckLine,
    ClosedCheck,
    PostedCheck,
    RefundedCheck,
    RoomGuests,
    cancel_check,
    closing_time,
    guests_in_room,
    payment_codes,
    post_check,
    refund_check,
    resolve_card,
    stay_by_number,
)
from desk.pos.errors import (
    CheckConflict,
    PosRefusal,
    RevokedKey,
    RoomUnknown,
    TooManyLookups,
    UnknownKey,
    refusal_code,
)
from desk.pos.keys import authenticate, outlet_of
from desk.pos.models import PaymentMeaning, PosRequest
from desk.pos.service import PosService, as_pos, reading_as_pos

log = logging.getLogger("desk.pos")
lookup_log = logging.getLogger("desk.pos.lookups")
T = TypeVar("T")
MAX_BODY = 256 * 1024
API = "/api/v1"

STATUS = {
    "unknown_key": 401, "revoked_key": 403, "room_unknown": 404, "check_unknown": 404, "not_found": 404,
    "not_in_house": 409, "posting_not_allowed": 409, "bill_already_paid": 409, "check_conflict": 409,
    "closed_for_posting": 409, "totals_do_not_add_up": 422, "payment_code_unknown": 422,
    "concurrent_change": 503, "outlet_not_allowed": 403, "refund_too_large": 409, "too_many_lookups": 429,
}

Text = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[^\x00-\x1f\x7f]+$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[^\x00-\x1f\x7f]+$")]
# Exact numbers travel as strings with a pattern that says all the service accepts: a JSON number
# may reach a till's library as a float, and the schema must refuse what the service refuses.
MONEY_PATTERN = r"^\d{1,10}(\.\d{1,2})?$"
QUANTITY_PATTERN = r"^-?(?!0*(\.0*)?$)\d{1,5}(\.\d{1,3})?$"  # not zero; negative: a returned line
PERCENT_PATTERN = r"^(100(\.0{1,3})?|\d{1,2}(\.\d{1,3})?)$"
POSITIVE_MONEY_PATTERN = r"^(?!0*(\.0*)?$)\d{1,10}(\.\d{1,2})?$"
Amount = Annotated[str, StringConstraints(pattern=MONEY_PATTERN), Field(examples=["18.50"])]
PositiveAmount = Annotated[str, StringConstraints(pattern=POSITIVE_MONEY_PATTERN), Field(examples=["18.50"])]
Quantity = Annotated[str, StringConstraints(pattern=QUANTITY_PATTERN), Field(examples=["2", "-1", "0.5"])]
Percent = Annotated[str, StringConstraints(pattern=PERCENT_PATTERN), Field(examples=["20"])]
PosCode = Annotated[str, StringConstraints(max_length=40, pattern=r"^[^\x00-\x1f\x7f]*$")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Key = Annotated[str | None, Header(description="Bearer <POS key>")]
IdempotencyKey = Annotated[str | None, Header(max_length=80, pattern=r"^[\x21-\x7e]+$",
                                              description="A retry with the same key gets the first answer")]
CheckIdPath = Annotated[str, Path(max_length=40, pattern=r"^[^\x00-\x1f\x7f/]+$")]
RoomPath = Annotated[str, Path(max_length=10, pattern=r"^[A-Za-z0-9-]+$")]


# --- schemas -------------------------------------------------------------------------------------


class Refusal(BaseModel):
    error: str = Field(description="A stable code: unknown_key, room_unknown, not_in_house, ...")
    message: str = Field(description="Why, in words a cashier can read")
    field: str | None = None


class PaymentCodeOut(BaseModel):
    code: str
    meaning: PaymentMeaning
    name: str
    description: str


class GuestOut(BaseModel):
    guest_id: int
    name: str
    code: str = Field(description="The numeric code a FarCards till charges for this guest")


class RoomGuestsOut(BaseModel):
    room: str
    stay_id: int
    stay: str = Field(description="The reservation number")
    arrival: str
    departure: str
    posting_allowed: bool
    reason: str
    guests: list[GuestOut]


class LineIn(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    item: Name
    quantity: Quantity = Field(description="Negative for a line returned on the check")
    price: Amount = Field(description="Per unit, tax included")
    tax: Percent = Field(default="0", description="Tax rate in percent, included in the price")
    code: PosCode = Field(default="", description="The item's code at the POS: the outlet's mapping posts it as "
                                                  "one of the hotel's services")
    category: PosCode = Field(default="", description="The item's category code, mapped when the item is not")


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    check_id: Text = Field(description="Unique for this POS; a resend with the same id posts nothing new")
    check_number: Text
    outlet: Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_.-]+$")]
    workstation: Text | None = None
    cashier: Text | None = None
    payment_code: Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=r"^[^\x00-\x1f\x7f]+$")]
    stay: Text = Field(description="The reservation number, as in the room lookup")
    guest_id: int = Field(ge=1, le=2**31 - 1)
    closed_at: datetime
    currency: Currency
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=200)]
    tip: Amount = "0"
    discount: Amount = Field(default="0", description="Taken off the whole check")
    total: PositiveAmount = Field(description="What the check comes to: the lines, less the discount, with the tip")
    charge_to_room: PositiveAmount | None = Field(
        default=None, description="The room's share when the guest paid the rest at the till (cash, card); "
                                  "the whole total when left out")


class PostedOut(BaseModel):
    check_id: str
    stay: str
    guest: str
    bill: str
    amount: str
    meaning: str
    posting_ids: list[int]
    after_checkout: bool = Field(description="Closed before check-out, posted on the last bill, flagged for the desk")
    replayed: bool


class CancelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Annotated[str, StringConstraints(max_length=120, pattern=r"^[^\x00-\x1f\x7f]*$")] = ""


class RefundIn(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    refund_id: Text = Field(description="Unique for the check; a resend with the same id refunds nothing more")
    amount: PositiveAmount = Field(description="What is given back; at most what is left of the check")
    lines: Annotated[list[LineIn], Field(max_length=200)] = Field(
        default_factory=list, description="The refunded lines, when the refund is of lines; they add up to amount")
    reason: Annotated[str, StringConstraints(max_length=120, pattern=r"^[^\x00-\x1f\x7f]*$")] = ""


class RefundedOut(BaseModel):
    check_id: str
    bill: str
    refunded: str
    left: str = Field(description="What the room is still charged for the check")
    desk_action: str
    replayed: bool


class CancelledOut(BaseModel):
    check_id: str
    bill: str
    reversal_ids: list[int]
    desk_action: str = Field(description="What the desk must do now, e.g. refund an overpaid bill")
    replayed: bool


# --- helpers -------------------------------------------------------------------------------------


def _refuse(error: DeskError) -> JSONResponse:
    code = refusal_code(error)
    if isinstance(error, ConcurrentChange):
        code = "concurrent_change"
    status = STATUS.get(code, 422)
    return JSONResponse(Refusal(error=code, message=error.message, field=error.field).model_dump(), status)


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return None


def _posted_out(posted: PostedCheck) -> dict[str, Any]:
    return PostedOut(check_id=posted.check_id, stay=posted.reservation_number, guest=posted.guest_name,
                     bill=posted.bill_number, amount=str(posted.amount), meaning=posted.meaning,
                     posting_ids=list(posted.posting_ids), after_checkout=posted.after_checkout,
                     replayed=posted.replayed).model_dump()


def _cancelled_out(cancelled: CancelledCheck) -> dict[str, Any]:
    return CancelledOut(check_id=cancelled.check_id, bill=cancelled.bill_number,
                        reversal_ids=list(cancelled.reversal_ids), desk_action=cancelled.desk_action,
                        replayed=cancelled.replayed).model_dump()


# Built once: a POS may send hundreds of checks a second (see desk.pos.checks).
_requests = PosRequest.__table__.c
_EARLIER_REQUEST = select(_requests.body_hash, _requests.status, _requests.answer).where(
    _requests.pos_name == bindparam("pos_name"), _requests.idempotency_key == bindparam("key"))
_NEW_REQUEST = insert(PosRequest)


def _with_idempotency(session: Session, actor: Actor, pos_name: str, key: str | None, body_hash: str,
                      status: int, work: Callable[[Session, Actor, str], dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    """Run ``work`` once per Idempotency-Key: a retry gets the first answer, in the same transaction."""
    if key is None:
        return status, work(session, actor, pos_name)
    earlier = session.connection().execute(_EARLIER_REQUEST, {"pos_name": pos_name, "key": key}).first()
    if earlier is not None:
        if earlier.body_hash != body_hash:
            raise CheckConflict("Idempotency-Key {key} was already used with a different request", key=key)
        return earlier.status, json.loads(earlier.answer)
    answer = work(session, actor, pos_name)
    session.connection().execute(_NEW_REQUEST, {
        "pos_name": pos_name, "idempotency_key": key, "body_hash": body_hash, "status": status,
        "answer": json.dumps(answer)})
    return status, answer


# Any letter case: /FarCards/KEY reaches the log too, even though no route answers it.
_KEY_IN_PATH = re.compile(r"(/farcards/)[^/]+", re.IGNORECASE)


# A lookup's answer names who stays where: the request log keeps its size only, and the lookups'
# own log (``looking_up``) says who asked what and how many guests the answer named.
_LOOKUP_PATH = re.compile(r"^(/api/v1/rooms/[^/]+/guests|/farcards/[^/]+/getcardinfoex)/?$", re.IGNORECASE)


def _loggable_answer(path: str, answer: bytes) -> str:
    if _LOOKUP_PATH.match(path):
        return f"({len(answer)} bytes, guests' names not logged)"
    return _loggable(answer.decode("utf-8", "replace"))


def _loggable(text: str) -> str:
    """A request or answer as it may be logged: no key, nothing that looks like a card number."""
    text = _KEY_IN_PATH.sub(r"\1***", text)
    text = re.sub(r"(?i)(bearer\s+)\S+", r"\1***", text)
    text = re.sub(r'("hmacSignature"\s*:\s*")[^"]*', r"\1***", text)
    text = mask_card_numbers(text)  # the one finder: in groups, with spaces or dashes too
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= 800 else text[:800] + "..."


# --- who stays where: limited and logged ----------------------------------------------------------

# A till asks once per check, and a few times more when the cashier mistypes; a key that asks for
# room after room is listing the hotel's guests, so it waits.
LOOKUP_BURST = 10
LOOKUPS_PER_MINUTE = 30


def lookup_clock() -> float:
    """The limit's clock: the refill follows it, so a test can hold it still whatever the machine's speed."""
    return time.monotonic()


class LookupLimit:
    """At most LOOKUP_BURST lookups at once per POS, then LOOKUPS_PER_MINUTE (a bucket per POS, in this process)."""

    def __init__(self, burst: int = LOOKUP_BURST, per_minute: int = LOOKUPS_PER_MINUTE) -> None:
        self.burst = burst
        self.per_second = per_minute / 60
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, pos_name: str) -> None:
        now = lookup_clock()
        with self._lock:
            tokens, since = self._buckets.get(pos_name, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - since) * self.per_second)
            if tokens < 1:
                self._buckets[pos_name] = (tokens, now)
                raise TooManyLookups("POS {pos_name} looked up too many rooms: at most {limit} a minute",
                                     pos_name=pos_name, limit=round(self.per_second * 60))
            self._buckets[pos_name] = (tokens - 1, now)


def looking_up(limit: LookupLimit, key: str | None, what: str, fn: Callable[..., T],
               *args: Any) -> Callable[[Session], T]:
    """``fn(session, *args)`` for a checked key within its limit, with a log line of who asked what and
    how many guests the answer named (never their names: the log is not a guest list)."""

    def read(session: Session) -> T:
        pos_name = authenticate(session, key)
        try:
            limit.take(pos_name)
            found = fn(session, *args)
        except DeskError as exc:
            lookup_log.info("lookup by POS %s: %s -> refused (%s)", pos_name, mask_card_numbers(what),
                            refusal_code(exc))
            raise
        room = found.room if isinstance(found, CardHolder) else found
        lookup_log.info("lookup by POS %s: %s -> %d guest(s)", pos_name, mask_card_numbers(what),
                        len(room.guests) if isinstance(room, RoomGuests) else 0)
        return found

    return read


# --- the application -----------------------------------------------------------------------------


class Guard:
    """Outermost layer: bounds request bodies and logs each request and answer, redacted."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path = scope.get("path", "")
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        body = bytearray()
        too_large = not length.isdigit() or int(length) > MAX_BODY
        while not too_large:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            too_large = len(body) > MAX_BODY
            if not message.get("more_body", False):
                break
        status, answer = 0, bytearray()

        logged = False

        def write_log() -> None:
            nonlocal logged
            logged = True
            log.info("%s %s %s %.1f ms | %s | -> %s", scope.get("method"), _loggable(path), status,
                     (time.perf_counter() - started) * 1000, _loggable(bytes(body).decode("utf-8", "replace")),
                     _loggable_answer(path, bytes(answer)))

        async def capture(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                answer.extend(message.get("body", b""))
                if not message.get("more_body", False):
                    # Logged before the last byte leaves: whoever reads the answer finds its log line.
                    write_log()
            await send(message)

        if too_large:
            refusal = Refusal(error="too_large", message=f"A request body may hold at most {MAX_BODY // 1024} KiB")
            await JSONResponse(refusal.model_dump(), 413)(scope, receive, capture)
        else:
            delivered = False

            async def replay() -> dict[str, Any]:
                nonlocal delivered
                if not delivered:
                    delivered = True
                    return {"type": "http.request", "body": bytes(body), "more_body": False}
                return dict(await receive())

            await self.app(scope, replay, capture)
        if not logged:  # no complete answer went out (the client left): still a line in the log
            write_log()


def create_app(database: Database, lookups: LookupLimit | None = None, *, workstation: str | None = None) -> FastAPI:
    """The service's application; ``workstation``: the name it is signed in by among the desks (``desk serve``)."""
    service = PosService(database, workstation=workstation)
    lookups = lookups or LookupLimit()
    app = FastAPI(title="Front desk POS service", version="1",
                  description="Charge restaurant checks to a guest's room. Send `Authorization: Bearer <key>`.")
    app.state.service = service

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid request"))
        return JSONResponse(Refusal(error="invalid_input", message=message[:300], field=where or None).model_dump(),
                            400 if first.get("type") in ("json_invalid", "model_attributes_type") else 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(Refusal(error="http_error", message=str(exc.detail)).model_dump(), exc.status_code)

    @app.exception_handler(DeskError)
    async def refused(_request: Request, exc: DeskError) -> JSONResponse:
        return _refuse(exc)

    @app.exception_handler(Exception)
    async def failed(request: Request, _exc: Exception) -> JSONResponse:
        log.exception("unexpected failure on %s", _loggable(request.url.path))
        return JSONResponse(Refusal(error="internal", message="The service failed; nothing was posted").model_dump(),
                            500)

    refusals: dict[int | str, dict[str, Any]] = {
        code: {"model": Refusal} for code in (400, 401, 403, 404, 409, 413, 422, 429, 503)}

    @app.post("/webhooks/adyen", include_in_schema=False)
    def adyen_webhook(body: dict[str, Any]) -> PlainTextResponse:
        """Adyen's standard webhooks: each item's HMAC checked, the journal settled from it once."""
        from desk.cards.adyen_webhooks import receive_notifications

        received = receive_notifications(Runner(database), body)
        if not received.accepted:
            return PlainTextResponse("refused: signature", 401)
        return PlainTextResponse("[accepted]")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(f"{API}/payment-codes", response_model=list[PaymentCodeOut], responses=refusals)
    def list_codes(authorization: Key = None) -> list[PaymentCodeOut]:
        """The POS payment codes the hotel maps, and what each means."""
        meaning = {PaymentMeaning.CREDIT: "Charge to room on credit: a Not paid bill for the guest",
                   PaymentMeaning.DEPOSIT: "Charge to room, paid at once from the stay's deposit"}
        return [PaymentCodeOut(code=c.code, meaning=c.meaning, name=c.name, description=meaning[c.meaning])
                for c in service.read(reading_as_pos(_bearer(authorization), payment_codes))]

    @app.get(f"{API}/rooms/{{room}}/guests", response_model=RoomGuestsOut, responses=refusals)
    def room_guests(room: RoomPath, authorization: Key = None) -> RoomGuestsOut:
        """Who stays in a room now: the stay, its guests, and whether checks may be charged to it. One room a
        question, at most 10 at once and 30 a minute for a key (then 429, `too_many_lookups`); each is logged."""
        found: RoomGuests = service.read(looking_up(lookups, _bearer(authorization), f"room {room}", guests_in_room,
                                                    room))
        return RoomGuestsOut(room=found.room, stay_id=found.reservation_id, stay=found.reservation_number,
                             arrival=found.arrival, departure=found.departure, posting_allowed=found.posting_allowed,
                             reason=found.reason,
                             guests=[GuestOut(guest_id=g.guest_id, name=g.name, code=g.code) for g in found.guests])

    @app.post(f"{API}/checks", response_model=PostedOut, status_code=201, responses=refusals)
    async def post(check: CheckIn, authorization: Key = None,
                   idempotency_key: IdempotencyKey = None) -> JSONResponse:
        """Post a closed check to a guest's room. The lines (a returned one with a negative quantity), less
        the discount, with the tip, must add up to the total; the room is charged ``charge_to_room`` of it."""
        currency = check.currency
        lines = tuple(CheckLine(line.item, Decimal(line.quantity), Money.of(line.price, currency), Decimal(line.tax),
                                line.code.strip(), line.category.strip())
                      for line in check.lines)
        body_hash = hashlib.sha256(check.model_dump_json().encode()).hexdigest()

        def work(session: Session, actor: Actor, pos_name: str) -> dict[str, Any]:
            stay = stay_by_number(session, check.stay)
            share = Money.of(check.charge_to_room, currency) if check.charge_to_room is not None else None
            closed = ClosedCheck(check.check_id, check.check_number, check.outlet, check.payment_code, stay,
                                 check.guest_id, closing_time(session, check.closed_at), lines,
                                 Money.of(check.total, currency), Money.of(check.tip, currency),
                                 check.workstation or "", check.cashier or "", Money.of(check.discount, currency),
                                 share)
            return _posted_out(post_check(session, actor, pos_name, closed))

        outcome = await service.awrite(as_pos(_bearer(authorization), check.workstation, _with_idempotency,
                                              idempotency_key, body_hash, 201, work))
        status, answer = outcome.value
        return JSONResponse(answer, 200 if answer.get("replayed") else status)

    @app.post(f"{API}/checks/{{check_id}}/refund", response_model=RefundedOut, responses=refusals)
    async def refund(check_id: CheckIdPath, body: RefundIn, authorization: Key = None,
                     idempotency_key: IdempotencyKey = None) -> JSONResponse:
        """Give back part of a check, or what is left of it: the refunded lines, else the amount. Several
        refunds add up, never to more than the check; the same ``refund_id`` again refunds nothing more."""
        body_hash = hashlib.sha256(f"refund:{check_id}:{body.model_dump_json()}".encode()).hexdigest()

        def work(session: Session, actor: Actor, pos_name: str) -> dict[str, Any]:
            currency = base_currency(session)
            lines = tuple(CheckLine(line.item, Decimal(line.quantity), Money.of(line.price, currency),
                                    Decimal(line.tax), line.code.strip(), line.category.strip())
                          for line in body.lines)
            done = refund_check(session, actor, pos_name, check_id, body.refund_id, Money.of(body.amount, currency),
                                lines, body.reason)
            return RefundedOut(check_id=done.check_id, bill=done.bill_number, refunded=str(done.refunded),
                               left=str(done.left), desk_action=done.desk_action, replayed=done.replayed).model_dump()

        outcome = await service.awrite(as_pos(_bearer(authorization), None, _with_idempotency, idempotency_key,
                                              body_hash, 200, work))
        return JSONResponse(outcome.value[1], 200)

    @app.post(f"{API}/checks/{{check_id}}/cancel", response_model=CancelledOut, responses=refusals)
    async def cancel(check_id: CheckIdPath,
                     body: CancelIn | None = None, authorization: Key = None,
                     idempotency_key: IdempotencyKey = None) -> JSONResponse:
        """Cancel a check: its postings are reversed, never deleted. Cancelling twice changes nothing."""
        body_hash = hashlib.sha256(f"cancel:{check_id}".encode()).hexdigest()

        reason = body.reason if body is not None else ""

        def work(session: Session, actor: Actor, pos_name: str) -> dict[str, Any]:
            return _cancelled_out(cancel_check(session, actor, pos_name, check_id, reason))

        outcome = await service.awrite(as_pos(_bearer(authorization), None, _with_idempotency, idempotency_key,
                                              body_hash, 200, work))
        return JSONResponse(outcome.value[1], 200)

    _farcards(app, service, lookups)
    return app


# --- FarCards ------------------------------------------------------------------------------------

CREDIT_LIMIT_MINOR = 10**9  # what the till may take off a room "card"; the hotel's credit is its own business


def _farcards(app: FastAPI, service: PosService, lookups: LookupLimit) -> None:
    xml = "application/xml; charset=utf-8"

    # ExtDllHTTP reads an answer's Result only from an HTTP 200: any other status is a broken link to
    # the cashier, who then sees no reason. Every refusal is a 200 with Result="1" and the reason.
    def not_chargeable(message: str) -> Response:
        return Response(farcards.card_answer(farcards.CardAnswer(found=False, why_locked=message, screen=message)),
                        media_type=xml)

    @app.post("/farcards/{key}/getcardinfoex", include_in_schema=False)
    async def getcardinfoex(key: str, request: Request) -> Response:
        body = await request.body()
        try:
            query = farcards.parse_card_query(body)
        except farcards.MalformedMessage as exc:
            return not_chargeable(str(exc))
        try:
            holder = await run_in_threadpool(service.read, looking_up(lookups, key, f"card {query.card}",
                                                                      resolve_card, query.card))
        except (RoomUnknown, UnknownKey, RevokedKey, TooManyLookups) as exc:
            # A card the hotel does not know is "no such card" (Result 1), as FarCards' own server says.
            return not_chargeable(exc.message)
        except DeskError as exc:
            # A room the hotel knows but that may not be charged now: a locked card tells the cashier why.
            return Response(farcards.card_answer(farcards.CardAnswer(
                found=True, holder="Not chargeable", locked=True, why_locked=exc.message, screen=exc.message)),
                media_type=xml)
        return Response(farcards.card_answer(_card_of(holder)), media_type=xml)

    @app.post("/farcards/{key}/transactionsex", include_in_schema=False)
    async def transactionsex(key: str, request: Request) -> Response:
        body = await request.body()
        try:
            message = farcards.parse_transactions(body)
            text = await _transactions(service, key, message)
        except farcards.MalformedMessage as exc:
            return Response(farcards.transactions_answer(False, 400, str(exc)), media_type=xml)
        except DeskError as exc:
            return Response(farcards.transactions_answer(False, STATUS.get(refusal_code(exc), 422), exc.message),
                            media_type=xml)
        return Response(farcards.transactions_answer(True, 0, text), media_type=xml)


def _card_of(holder: Any) -> farcards.CardAnswer:
    room = holder.room
    listing = "; ".join(f"{g.code} {g.name}" for g in room.guests)
    if not room.posting_allowed:
        why = f"Room {room.room}: {room.reason}, posting not allowed"
        return farcards.CardAnswer(found=True, holder=f"Room {room.room}", account=room.reservation_id, locked=True,
                                   why_locked=why, screen=why)
    if holder.guest is None:
        why = f"Room {room.room}: charge one guest by code: {listing}"
        return farcards.CardAnswer(found=True, holder=f"Room {room.room}: {len(room.guests)} guests",
                                   account=room.reservation_id, locked=True, why_locked=why, screen=why,
                                   info=f"{room.reservation_number} {room.arrival}..{room.departure}")
    screen = f"Room {room.room}, {holder.guest.name}, until {room.departure}"
    if len(room.guests) > 1:
        screen += f" (room guests: {listing})"
    return farcards.CardAnswer(found=True, holder=holder.guest.name, person_id=holder.guest.guest_id,
                               account=room.reservation_id, available=CREDIT_LIMIT_MINOR,
                               info=f"{room.reservation_number} {room.arrival}..{room.departure}", screen=screen,
                               printed=f"Charged to room {room.room}, {holder.guest.name}")


async def _transactions(service: PosService, key: str, message: farcards.TransactionsRequest) -> str:
    """Post, refund or cancel the check of a TransactionsEx: all of it, or none."""
    payments = [t for t in message.transactions if t.kind == 0 and t.summa != 0]
    cards = {t.card for t in payments}
    check = message.check
    if not payments or len(cards) > 1 or check is None:
        # Nothing will be written, so nothing checks the key on the way: a bad key is told first.
        await run_in_threadpool(service.authenticate, key)
    if not payments:
        return "Nothing to charge to a room"
    if len(cards) > 1:
        raise PosRefusal("Charge a check to one guest only")
    card = cards.pop()
    if check is None:
        raise PosRefusal("The check's composition (INPBUF CHECK) is missing: turn on XML for this interface")
    summa = sum(t.summa for t in payments)
    if summa > 0:
        # Money back to the room: the whole check (a cancellation) or part of it (a refund).
        def give_back(session: Session, actor: Actor, pos_name: str) -> RefundedCheck:
            currency = base_currency(session)
            lines = tuple(_line(line, currency, _default_rate(check)) for line in check.lines if line.quantity)
            return refund_check(session, actor, pos_name, check.check_id, message.identity(),
                                Money(Decimal(summa) / 100, currency), lines)

        refunded: RefundedCheck = (await service.awrite(as_pos(key, check.station, give_back))).value
        return refunded.desk_action
    code = next((p.code for p in check.payments if p.card.lstrip("0") == card), None)
    if code is None:
        code = check.payments[0].code if check.payments else ""

    def work(session: Session, actor: Actor, pos_name: str) -> PostedCheck:
        closed_at = closing_time(session, check.closed_at)
        holder = resolve_card(session, card, closed_at)
        if holder.guest is None:
            raise PosRefusal("Room {room} has several guests: charge one of them by their code", room=holder.room.room)
        currency = base_currency(session)
        lines = tuple(_line(line, currency, _default_rate(check)) for line in check.lines if line.quantity)
        sold = sum((line.amount.amount for line in lines), Decimal(0))
        amounts = [p.amount for p in check.payments if p.amount is not None]
        # What the check comes to is what was paid for it, all tenders together; the room's share is
        # this transaction's. Discounts r_keeper lists apart are off the lines' sums, unless the lines
        # already carry them.
        every_amount = bool(check.payments) and len(amounts) == len(check.payments)
        paid = sum(amounts, Decimal(0)) if every_amount else sold - check.discount
        discount = check.discount if check.discount and sold - check.discount == paid else Decimal(0)
        share = Money(Decimal(-summa) / 100, currency)
        # Left out when they change nothing, so a plain check keeps the fingerprint it always had.
        closed = ClosedCheck(check.check_id, check.check_number, outlet_of(session, pos_name), code,
                             holder.room.reservation_id, holder.guest.guest_id, closed_at, lines,
                             Money(paid, currency), None, check.station, check.waiter,
                             Money(discount, currency) if discount else None,
                             share if share.amount != paid else None)
        return post_check(session, actor, pos_name, closed)

    posted: PostedCheck = (await service.awrite(as_pos(key, check.station, work))).value
    # A non-empty text pops up on the cashier's screen, so only what the cashier must know.
    if posted.after_checkout:
        return f"{posted.guest_name} had checked out: posted on bill {posted.bill_number} for the desk to settle"
    return ""


def _default_rate(check: farcards.CheckXml) -> Decimal:
    rates = set(check.tax_rates)
    return rates.pop() if len(rates) == 1 else Decimal(0)


def _line(line: farcards.CheckLineXml, currency: str, default_rate: Decimal) -> CheckLine:
    rate = line.tax_percent if line.tax_percent is not None else default_rate
    if line.price * line.quantity == line.amount:
        return CheckLine(line.name, line.quantity, Money.of(line.price, currency), rate, line.code, line.category)
    # A discounted line: its sum is what was charged, so it is posted as one portion of that sum
    # (a returned one as one portion given back).
    sign = Decimal(1) if line.quantity > 0 else Decimal(-1)
    return CheckLine(f"{line.name} x{abs(line.quantity).normalize()}", sign, Money.of(abs(line.amount), currency), rate,
                     line.code, line.category)
