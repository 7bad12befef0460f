"""An ATOL register through ATOL's web server (shipped with "Драйвер ККТ 10"), on httpx.

Every document is one task posted to ``/api/v2/requests`` under the journal intent's key as its uuid,
then read back from ``/api/v2/requests/{uuid}``. The register prints and keeps the document in its
fiscal storage (ФН) and sends it to the fiscal data operator; we keep what it answered (fiscal
document number and sign, storage number, shift, its date and time, registration number) in
``register_document`` and build the receipt's QR text from it.

Never doubled, never lost: the key is in the journal before the register is asked. A lost answer is
asked for by that uuid; a server that forgot its tasks is asked for its storage's last document,
compared with the storage's count read before the intent was written (in the intent): the same count,
nothing was issued; one more, and a receipt of our total, ours; anything else cannot tell, and the
receipt stays pending for the clerk to check on the register, never issued again blindly.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cash.models import ShiftCashMove
from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.fiscal.amounts import CENT, corrected, kept_json, unit_price
from desk.fiscal.errors import (
    RefundWithoutOriginal,
    RegisterNotSetUp,
    RegisterRefused,
    RegisterUnreachable,
    register_problem,
)
from desk.fiscal.interface import (
    Document,
    DocumentKind,
    Paper,
    Printed,
    Receipt,
    RegisterInfo,
    RegisterStatus,
)
from desk.fiscal.models import ReceiptRequest, RegisterDocument
from desk.fiscal.settings import RegisterSettings
from desk.hotel.models import MethodKind
from desk.ledger.lookup import get
from desk.ledger.models import Payment, PaymentKind
from desk.people.admin import tax_id_of
from desk.people.auth import Actor

# The task statuses after which the web server does no more with a task.
FINISHED = frozenset({"ready", "error", "interrupted", "canceled"})
_TASK_TYPES = {
    DocumentKind.SHIFT_OPEN: "openShift", DocumentKind.Z_REPORT: "closeShift", DocumentKind.X_REPORT: "reportX",
    DocumentKind.SALE: "sell", DocumentKind.REFUND: "sellReturn", DocumentKind.CASH_IN: "cashIn",
    DocumentKind.CASH_OUT: "cashOut",
}
_QR_KIND = {DocumentKind.SALE: 1, DocumentKind.REFUND: 2}  # tag 1054: income, return of income
# A register_document row of a printed copy: no fiscal document of its own, ``refers_to`` the receipt's number.
COPY = "copy"


class AnswerLost(Exception):
    """The task may have reached the register and its answer did not come back: the journal keeps the
    intent open, and reconciliation asks the register."""


class AtolClient:
    """The web server's task API: post a task under our uuid, read its results."""

    def __init__(self, address: str, *, timeout: float = 10.0, wait: float = 120.0, poll: float = 0.2,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.http = httpx.Client(base_url=address, timeout=timeout, transport=transport)
        self.wait_for = wait
        self.poll = poll

    def close(self) -> None:
        self.http.close()

    def submit(self, key: str, tasks: list[dict[str, Any]]) -> None:
        try:
            answer = self.http.post("/api/v2/requests", json={"uuid": key, "request": tasks})
        except httpx.ConnectError as exc:  # nothing reached the server
            raise RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that "
                                      "it runs and the register is on", address=str(self.http.base_url),
                                      problem=str(exc)) from exc
        except httpx.TransportError as exc:
            raise AnswerLost(f"the answer to task {key} was lost: {exc}") from exc
        if answer.status_code == 409:
            raise AnswerLost(f"task {key} is known to the server with another body")
        if answer.status_code >= 500:  # the server failed while it answered: the task may be taken
            raise AnswerLost(f"task {key} got the server's error {answer.status_code}")
        if answer.status_code not in (200, 201):
            raise RegisterRefused("The register's server refused the task ({status}): {problem}",
                                  status=answer.status_code, problem=answer.text[:200])

    def results(self, key: str) -> list[dict[str, Any]] | None:
        """The task's results; None when the server does not know the task."""
        try:
            answer = self.http.get(f"/api/v2/requests/{key}")
        except httpx.TransportError as exc:
            raise AnswerLost(f"task {key} could not be asked for: {exc}") from exc
        if answer.status_code == 404:
            return None
        try:
            answer.raise_for_status()
            results: list[dict[str, Any]] = answer.json()["results"]
        except (httpx.HTTPStatusError, ValueError, KeyError, TypeError) as exc:  # no answer the desk can read
            raise AnswerLost(f"task {key} could not be read: {exc}") from exc
        return results

    def run(self, key: str, tasks: list[dict[str, Any]], cancel: threading.Event | None = None) -> dict[str, Any]:
        """Post the task and wait for its end; its last result. Cancel stops the waiting, not the task."""
        self.submit(key, tasks)
        deadline = time.monotonic() + self.wait_for
        while True:
            results = self.results(key)
            if results is None:
                raise AnswerLost(f"task {key} was taken and then forgotten by the server")
            if results and all(r.get("status") in FINISHED for r in results):
                return results[-1]
            if time.monotonic() > deadline or (cancel is not None and cancel.wait(self.poll)):
                raise AnswerLost(f"task {key} had not ended when the waiting stopped")
            if cancel is None:
                time.sleep(self.poll)


@dataclass(frozen=True)
class Asked:
    """What asking the register about a lost answer found: its document, or that it issued none, or neither."""

    document: Document | None = None
    issued_none: bool = False


def _refusal(result: dict[str, Any], register: str) -> RegisterRefused:
    code = int(result.get("errorCode") or 0)
    description = str(result.get("errorDescription") or "")
    error = RegisterRefused("Register {register} refused: {problem} ({words}, error {code})", register=register,
                            problem=register_problem(code, description), words=description, code=code)
    error.register_code = code
    return error


def _amount(value: Decimal) -> float:
    """An amount as the JSON number the web server takes (two decimals, shortest form)."""
    return float(value.quantize(CENT))


class AtolRegister:
    """A FiscalRegister on an ATOL register through its web server. Calls block: run them off the GUI thread."""

    def __init__(self, runner: Runner, actor: Actor, settings: RegisterSettings, client: AtolClient, *,
                 language: str = "ru") -> None:
        self.runner = runner
        self.actor = actor
        self.settings = settings
        self.client = client
        self.language = language

    @property
    def code(self) -> str:
        return self.settings.code

    def info(self) -> RegisterInfo:
        return RegisterInfo(self.code, self.settings.name, self.settings.address, 80, self.language, "", "ATOL")

    # -- asking without issuing ------------------------------------------------------------------------

    def _query(self, task: dict[str, Any], cancel: threading.Event | None = None) -> dict[str, Any]:
        try:
            result = self.client.run(f"q-{uuid.uuid4().hex}", [task], cancel)
        except AnswerLost as exc:  # a question changes nothing on the register: simply unanswered
            raise RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that "
                                      "it runs and the register is on", address=self.settings.address,
                                      problem=str(exc)) from exc
        if result.get("status") != "ready":
            raise _refusal(result, self.code)
        answer: dict[str, Any] = result.get("result") or {}
        return answer

    def shift_state(self, cancel: threading.Event | None = None) -> dict[str, Any]:
        state: dict[str, Any] = self._query({"type": "getShiftStatus"}, cancel)["shiftStatus"]
        return state

    def last_document_number(self, cancel: threading.Event | None = None) -> int:
        return int(self._query({"type": "getFnStatus"}, cancel)["fnStatus"]["fiscalDocumentNumber"])

    def status(self, cancel: threading.Event | None = None) -> RegisterStatus:
        shift = self.shift_state(cancel)
        return RegisterStatus(
            clock=utcnow(), shift_open=shift["state"] != "closed", shift_number=shift.get("number"),
            shift_opened_at=None, shift_expired=shift["state"] == "expired",
            last_number=self.last_document_number(cancel), printer="Ready.", printer_ready=True)

    def prepare(self, receipt: Receipt, cancel: threading.Event | None = None) -> dict[str, Any]:
        """Everything a receipt is refused for before its intent is written (a rate without a VAT code, a
        refund without its original here, a shift closed or over 24 hours), and the fiscal storage's count
        of documents now: reconciliation compares it with the count after a lost answer."""
        self.runner.read(self._receipt_task, receipt)
        shift = self.shift_state(cancel)
        if shift["state"] != "opened":
            code = 73 if shift["state"] == "closed" else 68
            raise _refusal({"errorCode": code, "errorDescription": ""}, self.code)
        return {"fn_last": self.last_document_number(cancel)}

    # -- documents -----------------------------------------------------------------------------------

    def sale(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed:
        return self._receipt(key, receipt, DocumentKind.SALE, cancel)

    def refund(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed:
        return self._receipt(key, receipt, DocumentKind.REFUND, cancel)

    def _receipt(self, key: str, receipt: Receipt, kind: DocumentKind, cancel: threading.Event | None) -> Printed:
        if receipt.kind is not kind:
            raise ValueError(f"a {receipt.kind.value} receipt sent as {kind.value}")
        task, refers_to, contact = self.runner.read(self._receipt_task, receipt)
        return self._issue(key, kind, task, cancel, payment_id=receipt.payment_id, refers_to=refers_to,
                           total=Money.of(receipt.total, receipt.currency), contact=contact)

    def open_shift(self, key: str, cancel: threading.Event | None = None, *,
                   opening_float: tuple[str, ...] = ()) -> Printed:
        found = self.find(key)
        if found is not None:
            return Printed(found, Paper.PRINTED)
        shift = self.shift_state(cancel)
        if shift["state"] == "expired":
            raise _refusal({"errorCode": 68, "errorDescription": ""}, self.code)
        if shift["state"] == "opened":
            # Opened before (by this cash shift's earlier try whose answer was lost, or by hand): the register
            # has its shift, which is what the cash shift needs; recorded as found, with no document of ours.
            return Printed(self.runner.finish(_record, self.actor, self.code, key, DocumentKind.SHIFT_OPEN,
                                              {"type": "openShift", "found_open": True},
                                              {"fiscalParams": {"shiftNumber": shift.get("number")}}).value,
                           Paper.PRINTED)
        return self._issue(key, DocumentKind.SHIFT_OPEN, {"type": "openShift", "operator": self._operator()}, cancel)

    def x_report(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.X_REPORT, {"type": "reportX", "operator": self._operator()}, cancel)

    def close_shift(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.Z_REPORT, {"type": "closeShift", "operator": self._operator()}, cancel)

    def cash_in(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                move_id: int | None = None) -> Printed:
        return self._move(key, DocumentKind.CASH_IN, amount, cancel, move_id)

    def cash_out(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                 move_id: int | None = None) -> Printed:
        return self._move(key, DocumentKind.CASH_OUT, amount, cancel, move_id)

    def _move(self, key: str, kind: DocumentKind, amount: str, cancel: threading.Event | None,
              move_id: int | None) -> Printed:
        money = Money.parse(amount)
        task = {"type": _TASK_TYPES[kind], "cashSum": _amount(money.amount), "operator": self._operator()}
        return self._issue(key, kind, task, cancel, total=money, move_id=move_id)

    def copy(self, number: int, cancel: threading.Event | None = None) -> Printed:
        """The register prints a copy of its last receipt only: an older one is read from the fiscal
        storage on the register itself, or from the OFD's site."""
        last = self.runner.read(_last_receipt, self.code)
        if last is None or last.number != number:
            raise RegisterNotSetUp("Register {register} prints a copy of its last receipt only; receipt {number} is "
                                   "found on the register or on the fiscal data operator's site",
                                   register=self.code, number=number)
        self._query({"type": "printLastReceiptCopy"}, cancel)
        return Printed(self.runner.finish(_record_copy, self.actor, self.code, number).value, Paper.PRINTED, copy=True)

    def reprint(self, document: Document, cancel: threading.Event | None = None) -> Printed:
        """A receipt the register issued without paper (``notPrinted``) is printed as its copy; any other was
        printed when it was issued."""
        if document.paper is Paper.PRINTED:
            return Printed(document, Paper.PRINTED)
        return self.copy(document.number, cancel)

    def find(self, key: str) -> Document | None:
        return self.runner.read(document_by_key, key)

    # -- the one way a document is issued ------------------------------------------------------------

    def _issue(self, key: str, kind: DocumentKind, task: dict[str, Any], cancel: threading.Event | None,
               **record: Any) -> Printed:
        found = self.find(key)
        if found is not None:  # a retry of a document the register gave already: never a second one
            return Printed(found, found.paper or Paper.PRINTED)
        result = self.client.run(key, [task], cancel)
        if result.get("status") != "ready":
            raise _refusal(result, self.code)
        answer = result.get("result") or {}
        document = self.runner.finish(_record, self.actor, self.code, key, kind, task, answer, **record).value
        if document.paper is Paper.FAILED:
            return Printed(document, Paper.FAILED, error="the register recorded the receipt but did not print it",
                           error_code="register.not_printed")
        return Printed(document, Paper.PRINTED)

    def ask(self, key: str, request: dict[str, Any]) -> Asked:
        """After a lost answer: did the register issue the document of ``key``? By the task first, then by
        the fiscal storage's count (``request["fn_last"]``, read before the intent), else it cannot tell."""
        found = self.find(key)
        if found is not None:
            return Asked(found)
        try:
            results = self.client.results(key)
        except AnswerLost:
            return Asked()
        if results:
            last = results[-1]
            if last.get("status") == "ready":
                return Asked(self._record_found(key, request, last.get("result") or {}))
            if last.get("status") in FINISHED:
                return Asked(issued_none=True)
            return Asked()  # still running on the register
        kind = DocumentKind(request.get("receipt") or request.get("document") or "")
        before = request.get("fn_last")
        if results is None and before is not None and kind in _QR_KIND:
            try:
                now = self.last_document_number()
                last = self._query({"type": "getLastFiscalParams", "forReceipt": True}).get("fiscalParams") or {}
            except (RegisterUnreachable, RegisterRefused):
                return Asked()
            if now == before:
                return Asked(issued_none=True)
            total = request.get("total")
            if (now == before + 1 and last.get("fiscalDocumentNumber") == now and total is not None
                    and Decimal(str(last.get("total"))) == Money.parse(total).amount
                    and not self.runner.read(_number_known, self.code, now)):
                return Asked(self._record_found(key, request, {"fiscalParams": last}))
        return Asked()

    def _record_found(self, key: str, request: dict[str, Any], answer: dict[str, Any]) -> Document:
        kind = DocumentKind(request.get("receipt") or request.get("document") or "")
        total = Money.parse(request["total"]) if request.get("total") else None
        task = {"type": _TASK_TYPES[kind], "found_after_lost_answer": True}
        return self.runner.finish(_record, self.actor, self.code, key, kind, task, answer,
                                  payment_id=request.get("payment_id"), move_id=request.get("move_id"),
                                  total=total).value

    # -- the task's content --------------------------------------------------------------------------

    def _operator(self, session: Session | None = None) -> dict[str, str]:
        """The cashier (tag 1021) and their taxpayer number when a manager set it (tag 1203)."""
        tax_id = tax_id_of(session, self.actor.username) if session is not None else self.runner.read(
            tax_id_of, self.actor.username)
        operator = {"name": (self.actor.full_name or self.actor.username)[:64]}
        if tax_id:
            operator["vatin"] = tax_id
        return operator

    def _receipt_task(self, session: Session, receipt: Receipt) -> tuple[dict[str, Any], int | None, str]:
        """The sell or sellReturn task of ``receipt``, the original's document number for a refund, and the
        guest's e-mail or phone for the electronic receipt (tag 1008)."""
        rubles_only(receipt, self.code)
        payment = get(session, Payment, receipt.payment_id, "Payment") if receipt.payment_id else None
        refers_to = None
        if receipt.kind is DocumentKind.REFUND:
            refers_to = _original_number(session, self.code, payment)
        advance = not receipt.bill
        items = []
        for line, amount in corrected(receipt.lines, self.settings, self.code):
            vat = self.settings.vat_code(line.tax_percent)
            price, quantity = unit_price(amount, Decimal(line.quantity))
            items.append({"type": "position", "name": line.name[:128], "price": _amount(price),
                          "quantity": float(quantity), "amount": _amount(amount), "tax": {"type": vat},
                          "paymentMethod": "advance" if advance else "fullPayment",
                          "paymentObject": "payment" if advance else "service"})
        cash = payment is not None and payment.method.kind is MethodKind.CASH
        task: dict[str, Any] = {
            "type": _TASK_TYPES[receipt.kind], "taxationType": self.settings.taxation,
            "operator": self._operator(session),
            "items": items, "payments": [{"type": "cash" if cash else "electronically",
                                          "sum": _amount(Decimal(receipt.total))}],
        }
        contact = receipt.contact or (_contact(session, receipt.payment_id) if receipt.payment_id else "")
        if contact:
            task["clientInfo"] = {"emailOrPhone": contact}
        return task, refers_to, contact


def rubles_only(receipt: Receipt, register: str) -> None:
    """A Russian register's receipt is in roubles: its fiscal storage has no currency to name another."""
    if receipt.currency != "RUB":
        raise RegisterNotSetUp("Register {register} takes receipts in roubles only, not {currency}: a manager sets the "
                               "hotel's currency or the register's kind", register=register, currency=receipt.currency)


def _original_number(session: Session, register_code: str, payment: Payment | None) -> int:
    original_id = None
    if payment is not None:
        original_id = payment.voids_id if payment.kind is PaymentKind.VOID else payment.refund_of_id
    original = None
    if original_id is not None:
        original = session.scalars(select(RegisterDocument).where(
            RegisterDocument.payment_id == original_id, RegisterDocument.kind == DocumentKind.SALE.value,
            RegisterDocument.register_code == register_code)).first()
    if original is None or original.number is None:
        raise RefundWithoutOriginal(
            "A refund receipt refers to its sale receipt on the same register, and {register} issued none for the "
            "refunded payment: issue the refund receipt on the register that issued the sale", register=register_code)
    return original.number


def _contact(session: Session, payment_id: int) -> str:
    request = session.scalars(select(ReceiptRequest).where(ReceiptRequest.payment_id == payment_id)
                              .order_by(ReceiptRequest.id.desc())).first()
    if request is None:
        return ""
    return request.email or request.phone


def _record(session: Session, actor: Actor, register_code: str, key: str, kind: DocumentKind,
            task: dict[str, Any], answer: dict[str, Any], *, payment_id: int | None = None,
            move_id: int | None = None, refers_to: int | None = None, total: Money | None = None,
            contact: str = "") -> Document:
    """What the register answered, kept once under the key (a second answer for it is the same document)."""
    known = session.scalars(select(RegisterDocument).where(RegisterDocument.key == key)).first()
    if known is not None:
        return document_view(known)
    params = answer.get("fiscalParams") or {}
    cash_shift_id = None
    if move_id is not None:
        move = session.get(ShiftCashMove, move_id)
        cash_shift_id = move.shift_id if move is not None else None
    row = RegisterDocument(
        register_code=register_code, key=key, kind=kind.value, payment_id=payment_id, move_id=move_id,
        cash_shift_id=cash_shift_id, refers_to=refers_to, number=params.get("fiscalDocumentNumber"),
        fiscal_sign=str(params.get("fiscalDocumentSign") or ""), fn_number=str(params.get("fnNumber") or ""),
        registration_number=str(params.get("registrationNumber") or ""), shift_number=params.get("shiftNumber"),
        receipt_number=params.get("fiscalReceiptNumber"), issued_at=str(params.get("fiscalDocumentDateTime") or ""),
        total=total, contact=contact,
        content=kept_json({"task": task, "answer": answer}),
        recorded_by=actor.username)
    session.add(row)
    session.flush()
    return document_view(row)


def _record_copy(session: Session, actor: Actor, register_code: str, number: int) -> Document:
    """A copy of receipt ``number`` the register printed: no fiscal document, but the paper the guest was owed
    when the register issued the receipt without printing it (see :func:`unprinted`)."""
    session.add(RegisterDocument(
        register_code=register_code, key=f"copy-{uuid.uuid4().hex}", kind=COPY, refers_to=number,
        content=json.dumps({"task": {"type": "printLastReceiptCopy"}, "answer": {}}), recorded_by=actor.username))
    session.flush()
    row = session.scalars(select(RegisterDocument).where(
        RegisterDocument.register_code == register_code, RegisterDocument.number == number,
        RegisterDocument.kind.in_((DocumentKind.SALE.value, DocumentKind.REFUND.value)))).one()
    return document_view(row, copied=True)


def unprinted(row: RegisterDocument) -> bool:
    """The register issued the document and said its paper did not print (ATOL's ``warnings.notPrinted``: the
    storage closes the document before the printer prints it)."""
    answer = (json.loads(row.content).get("answer") or {})
    return bool((answer.get("warnings") or {}).get("notPrinted"))


def copied_numbers(session: Session, register_code: str, numbers: list[int]) -> set[int]:
    """Which of the register's documents ``numbers`` had a copy printed since."""
    return set(session.scalars(select(RegisterDocument.refers_to).where(
        RegisterDocument.register_code == register_code, RegisterDocument.kind == COPY,
        RegisterDocument.refers_to.in_(numbers))))


def receipt_qr(row: RegisterDocument) -> str:
    """The receipt's QR text as the FNS checks it: t (date-time to the minute), s, fn, i, fp, n."""
    if row.kind not in (DocumentKind.SALE.value, DocumentKind.REFUND.value) or row.number is None:
        return ""
    when = datetime.fromisoformat(row.issued_at) if row.issued_at else None
    stamp = when.strftime("%Y%m%dT%H%M") if when is not None else ""
    total = f"{row.total.amount:.2f}" if row.total is not None else ""
    return (f"t={stamp}&s={total}&fn={row.fn_number}&i={row.number}&fp={row.fiscal_sign}"
            f"&n={_QR_KIND[DocumentKind(row.kind)]}")


def document_view(row: RegisterDocument, *, copied: bool = False) -> Document:
    """The document as the register answered; ``copied``: a copy of it was printed since (its paper is owed no
    more)."""
    stored = json.loads(row.content)
    task = stored.get("task", {})
    # A Bulgarian fiscal printer's receipt (ErpNet.FP's "document" tasks) has no FNS QR code: its sale number says it.
    content: dict[str, Any] = {
        "total": str(row.total) if row.total is not None else None,
        "qr": "" if "document" in task else receipt_qr(row), "sale_number": task.get("uniqueSaleNumber", ""),
        "fiscal": {"number": row.number, "sign": row.fiscal_sign, "fn": row.fn_number,
                   "registration": row.registration_number, "shift": row.shift_number,
                   "receipt": row.receipt_number, "at": row.issued_at},
        "contact": row.contact, "task": task,
    }
    issued = datetime.fromisoformat(row.issued_at) if row.issued_at else row.recorded_at
    printed = copied or not unprinted(row)
    return Document(id=row.id, register=row.register_code, number=row.number or 0, shift=row.shift_number or 0,
                    kind=DocumentKind(row.kind), key=row.key, sign=row.fiscal_sign, issued_at=issued,
                    content=content, payment_id=row.payment_id, refers_to=row.refers_to,
                    paper=Paper.PRINTED if printed else Paper.FAILED, printed_whole_once=printed)


def _view(session: Session, row: RegisterDocument | None) -> Document | None:
    if row is None:
        return None
    copied = unprinted(row) and row.number is not None and bool(
        copied_numbers(session, row.register_code, [row.number]))
    return document_view(row, copied=copied)


def document_by_key(session: Session, key: str) -> Document | None:
    return _view(session, session.scalars(select(RegisterDocument).where(RegisterDocument.key == key)).first())


def receipt_of_payment(session: Session, payment_id: int, kind: DocumentKind) -> Document | None:
    return _view(session, session.scalars(select(RegisterDocument).where(
        RegisterDocument.payment_id == payment_id, RegisterDocument.kind == kind.value)).first())


def documented_moves(session: Session, cash_shift_id: int) -> set[int]:
    return set(session.scalars(select(RegisterDocument.move_id).where(
        RegisterDocument.cash_shift_id == cash_shift_id, RegisterDocument.move_id.is_not(None))))


def _last_receipt(session: Session, register_code: str) -> Document | None:
    row = session.scalars(select(RegisterDocument).where(
        RegisterDocument.register_code == register_code,
        RegisterDocument.kind.in_((DocumentKind.SALE.value, DocumentKind.REFUND.value)))
        .order_by(RegisterDocument.id.desc())).first()
    return _view(session, row)


def _number_known(session: Session, register_code: str, number: int) -> bool:
    return session.scalars(select(RegisterDocument.id).where(RegisterDocument.register_code == register_code,
                                                             RegisterDocument.number == number)).first() is not None
