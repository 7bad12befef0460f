"""A Bulgarian fiscal printer (Datecs, Tremol, Daisy, Eltrade, Incotex...) through ErpNet.FP, on httpx.

ErpNet.FP is an HTTP print server speaking the Net.FP JSON protocol: ``POST /printers/{id}/receipt``,
``reversalreceipt``, ``deposit``, ``withdraw``, ``xreport``, ``zreport``, each answered with ``ok`` and the
standard error codes of its ErrorCodes.md; a receipt's answer names its number, date and time and the fiscal
memory's serial, which a reversal (our refund receipt) must quote with the original's unique sale number
(УНП). We assign the УНП: the printer's serial, the operator's code, and the next of their sequence, taken in the
sale's journal intent's own transaction under the register's row lock (:func:`take_sale_number`), so it has no
gaps, no two desks share one, and one sent in a request whose end is unknown is never given again.

Never doubled, never lost: each document is posted with ``asyncTimeout`` and the journal intent's key as its
``taskId``; a lost answer is asked for with ``GET /printers/taskinfo?id=``. ErpNet.FP forgets a finished task
once it has been read, and every task when it restarts, and Net.FP has no request that reads a printed
receipt back by its УНП: when the task is unknown nothing can tell, and the receipt stays pending for the
clerk to look at the printer's last receipt, never printed again blindly.

The operator's number on the printer is the workstation's ``ERPNET_OPERATOR`` (1 when unset) and its password
``ERPNET_OPERATOR_PASSWORD``: sent with each document, never kept in the database.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.core.errors import Phrase
from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.fiscal.amounts import CENT, corrected, exact_json, unit_price
from desk.fiscal.errors import (
    UNEXPLAINED_NOT_READY,
    PrinterNotReady,
    RefundWithoutOriginal,
    RegisterNotSetUp,
    RegisterRefused,
    RegisterUnreachable,
    printer_refusal,
    refuse_unless_ready,
    register_problem,
)
from desk.fiscal.interface import Document, DocumentKind, Paper, Printed, Receipt, RegisterInfo, RegisterStatus
from desk.fiscal.models import CashRegister, RegisterDocument, SaleNumber
from desk.fiscal.registers.atol import AnswerLost, Asked, AtolRegister, _last_receipt, _record
from desk.fiscal.settings import TAX_GROUPS, RegisterSettings
from desk.hotel.models import MethodKind
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentRequest, IntentView
from desk.journal.models import JournalIntent
from desk.ledger.lookup import get
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from hardware.interfaces import PrinterStatus

_DOCUMENTS = {
    DocumentKind.SALE: "receipt", DocumentKind.REFUND: "reversalreceipt", DocumentKind.CASH_IN: "deposit",
    DocumentKind.CASH_OUT: "withdraw", DocumentKind.X_REPORT: "xreport", DocumentKind.Z_REPORT: "zreport",
}
_PAYMENT_TYPES = {MethodKind.CASH: "cash", MethodKind.CARD: "card", MethodKind.TRANSFER: "bank"}
SHIFT_EXPIRED = "E502"  # no Z report for 24 hours: the printer refuses everything but the Z
# ErrorCodes.md's printing codes, each read into the printer's status as the ESC/POS registers report it: out of
# paper, cover open, printing unit fault, head overheated, cutter, and the warning that the roll nears its end.
_PAPER_FIELDS = {"E301": "paper_out", "E302": "cover_open", "E303": "unrecoverable_error",
                 "E304": "recoverable_error", "E306": "cutter_error", "W301": "paper_near_end"}
PAPER_CODES = frozenset(_PAPER_FIELDS)


def ok(result: dict[str, Any]) -> bool:
    """Net.FP's ``ok``, which ErpNet.FP sends as true or as "true"."""
    return result.get("ok") in (True, "true", "True")


def unexplained(result: dict[str, Any]) -> bool:
    """Not ok, yet no error says why: the printer is not ready, whatever else the answer says."""
    return not ok(result) and not any(m.get("type") == "error" for m in result.get("messages") or [])


def paper_state(result: dict[str, Any]) -> PrinterStatus:
    """The printer's paper and cover from a status's (or a result's) messages."""
    codes = {str(m.get("code")) for m in result.get("messages") or []}
    faults: dict[str, Any] = {field: code in codes for code, field in _PAPER_FIELDS.items()}
    return PrinterStatus(online=True, **faults)


def error_codes(result: dict[str, Any]) -> list[str]:
    return [str(m.get("code")) for m in result.get("messages") or [] if m.get("type") == "error" and m.get("code")]


def _refusal(result: dict[str, Any], register: str) -> RegisterRefused:
    errors = [m for m in result.get("messages") or [] if m.get("type") == "error"]
    code = str(errors[0].get("code") or "") if errors else ""
    words = "; ".join(str(m.get("text") or "") for m in errors) or "ok: false"
    error = RegisterRefused("Register {register} refused: {problem} ({words}, error {code})", register=register,
                            problem=printer_refusal(code, words), words=words, code=code or "-")
    error.register_code = int(code[1:]) if code[1:].isdigit() else 0
    return error


class ErpNetClient:
    """ErpNet.FP's requests: the printers, a printer's status, a document under our task id, a task's info."""

    def __init__(self, address: str, *, timeout: float = 15.0, wait: float = 120.0, poll: float = 0.2,
                 async_timeout_ms: int = 5000, transport: httpx.BaseTransport | None = None) -> None:
        self.http = httpx.Client(base_url=address, timeout=timeout, transport=transport)
        self.wait_for = wait
        self.poll = poll
        # How long ErpNet.FP holds the request before it answers with the task id: short enough for Cancel to be
        # felt within seconds, long enough that a plain receipt comes back in the first answer.
        self.async_timeout_ms = async_timeout_ms

    def close(self) -> None:
        self.http.close()

    def _unreachable(self, exc: Exception) -> RegisterUnreachable:
        return RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that it "
                                   "runs and the register is on", address=str(self.http.base_url), problem=str(exc))

    def get(self, path: str) -> dict[str, Any]:
        """A question (printers, status): it changes nothing, so any failure is simply no answer."""
        try:
            answer = self.http.get(path)
            answer.raise_for_status()
            found: dict[str, Any] = answer.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise self._unreachable(exc) from exc
        return found

    def post(self, printer: str, document: str, body: dict[str, Any], key: str) -> dict[str, Any] | None:
        """The document's result, or None while the printer is still at it (then asked by ``key``)."""
        try:
            answer = self.http.post(f"/printers/{printer}/{document}", content=exact_json(body),
                                    headers={"Content-Type": "application/json"},
                                    params={"asyncTimeout": self.async_timeout_ms, "taskId": key})
        except httpx.ConnectError as exc:  # nothing reached the server
            raise self._unreachable(exc) from exc
        except httpx.TransportError as exc:
            raise AnswerLost(f"the answer to task {key} was lost: {exc}") from exc
        if answer.status_code == 404:
            raise RegisterNotSetUp("ErpNet.FP at {address} has no printer “{printer}”: a manager sets the register's "
                                   "device id to one of its printers", address=str(self.http.base_url),
                                   printer=printer)
        if answer.status_code >= 500:  # the server failed while it answered: the task may be taken
            raise AnswerLost(f"task {key} got the server's error {answer.status_code}")
        if answer.status_code == 204:
            return None
        if answer.status_code != 200:  # a body it could not take: nothing was queued
            raise RegisterRefused("The register's server refused the task ({status}): {problem}",
                                  status=answer.status_code, problem=answer.text[:200])
        try:
            result: dict[str, Any] = answer.json()
        except ValueError as exc:
            raise AnswerLost(f"task {key} answered what the desk cannot read: {exc}") from exc
        if "ok" not in result:
            return None  # {"taskId": ...}: queued, not finished yet
        return result

    def duplicate(self, printer: str) -> dict[str, Any]:
        """``POST /printers/{id}/duplicate``: the last receipt again, as a duplicate (no fiscal document: a repeat
        after a lost answer only prints one more copy)."""
        try:
            answer = self.http.post(f"/printers/{printer}/duplicate")
            answer.raise_for_status()
            result: dict[str, Any] = answer.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise self._unreachable(exc) from exc
        return result

    def task(self, key: str) -> dict[str, Any]:
        """``taskStatus`` (unknown, enqueued, running, finished) and a finished task's ``result``."""
        try:
            answer = self.http.get("/printers/taskinfo", params={"id": key})
            answer.raise_for_status()
            info: dict[str, Any] = answer.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise AnswerLost(f"task {key} could not be asked for: {exc}") from exc
        return info

    def run(self, printer: str, document: str, body: dict[str, Any], key: str,
            cancel: threading.Event | None = None) -> dict[str, Any]:
        """Post the document and wait for its end; its result. Cancel stops the waiting, not the printer."""
        result = self.post(printer, document, body, key)
        if result is not None and not ok(result) and "E109" in error_codes(result):
            result = None  # a task of ours under this id is there already: its own result is the answer
        deadline = time.monotonic() + self.wait_for
        while result is None:
            if time.monotonic() > deadline or (cancel is not None and cancel.wait(self.poll)):
                raise AnswerLost(f"task {key} had not ended when the waiting stopped")
            if cancel is None:
                time.sleep(self.poll)
            info = self.task(key)
            if info.get("taskStatus") == "unknown":
                raise AnswerLost(f"task {key} was taken and then forgotten by the server")
            if info.get("taskStatus") == "finished":
                result = info.get("result") or {}
        return result


class ErpNetRegister(AtolRegister):
    """A FiscalRegister on a Bulgarian fiscal printer through ErpNet.FP; its documents kept and looked up as the
    ATOL driver's are. Calls block: run them off the GUI thread."""

    client: ErpNetClient  # type: ignore[assignment]

    def __init__(self, runner: Runner, actor: Actor, settings: RegisterSettings, client: ErpNetClient, *,
                 language: str = "bg") -> None:
        super().__init__(runner, actor, settings, client, language=language)  # type: ignore[arg-type]
        self._device: dict[str, Any] | None = None

    def info(self) -> RegisterInfo:
        return RegisterInfo(self.code, self.settings.name, self.settings.address, 80, self.language, "", "ErpNet.FP")

    # -- the printer ----------------------------------------------------------------------------------

    def printer_id(self) -> str:
        return self.device()["id"]

    def device(self) -> dict[str, Any]:
        """The printer's id on the server and its info (serial, fiscal memory serial, item text length)."""
        if self._device is None:
            printers = self.client.get("/printers")
            wanted = self.settings.device_id or (next(iter(printers)) if len(printers) == 1 else "")
            if wanted not in printers:
                raise RegisterNotSetUp("ErpNet.FP at {address} has no printer “{printer}”: a manager sets the "
                                       "register's device id to one of its printers", address=self.settings.address,
                                       printer=self.settings.device_id or "-")
            self._device = {**printers[wanted], "id": wanted}
        return self._device

    def shift_state(self, cancel: threading.Event | None = None) -> dict[str, Any]:
        """A Bulgarian printer has no shift of its own: its day runs from its first document to the Z report, and
        it refuses all but the Z after 24 hours. Ours opens with the cash shift and ends with its Z."""
        status = self.client.get(f"/printers/{self.printer_id()}/status")
        paper = paper_state(status)
        if SHIFT_EXPIRED in error_codes(status):
            return {"state": "expired", "number": None, "paper": paper, "status": status}
        last = self.runner.read(_last_shift_document, self.code)
        return {"state": "opened" if last == DocumentKind.SHIFT_OPEN.value else "closed", "number": None,
                "paper": paper, "status": status}

    def status(self, cancel: threading.Event | None = None) -> RegisterStatus:
        shift = self.shift_state(cancel)
        status, paper = shift["status"], shift["paper"]
        # The paper in the ESC/POS registers' words; the printer's other troubles in its own.
        others = [str(m.get("text")) for m in status.get("messages") or []
                  if m.get("type") != "info" and str(m.get("code")) not in PAPER_CODES]
        if unexplained(status):
            others.insert(0, Phrase(UNEXPLAINED_NOT_READY))
        paper_words = paper.describe()
        if paper.ready and others:  # its "Ready." would hide them; a low roll is still said
            paper_words = paper_words.removeprefix("Ready.").strip()
        last = self.runner.read(_last_number, self.code)
        return RegisterStatus(
            clock=utcnow(), shift_open=shift["state"] != "closed", shift_number=None, shift_opened_at=None,
            shift_expired=shift["state"] == "expired", last_number=last,
            printer=" ".join(filter(None, (paper_words, "; ".join(others)))), printer_ready=ok(status) and paper.ready)

    def prepare(self, receipt: Receipt, cancel: threading.Event | None = None) -> dict[str, Any]:
        """What a receipt is refused for before its intent is written: a rate without a tax group, a refund
        without its original here, the day over 24 hours or the cash shift's register shift not open; and the
        printer's serial and the operator a sale's number is taken for, which go into the intent so that writing it
        asks the printer nothing while its transaction is open."""
        device = self.device()
        self.runner.read(self._receipt_body, receipt, "", _text_max(device))
        paper = self._shift_or_refuse(cancel)
        # Refused as the ESC/POS registers refuse: before the intent (and its sale number), nothing printed.
        refuse_unless_ready(self.code, paper, device=self.settings.name)
        return {"serial": str(device.get("serialNumber") or ""), "operator": operator_code()}

    def _shift_or_refuse(self, cancel: threading.Event | None) -> PrinterStatus:
        """The printer's paper, when its day and the cash shift's register shift let a document be printed."""
        shift = self.shift_state(cancel)
        state = shift["state"]
        if state == "expired":
            raise _refusal({"messages": [{"type": "error", "code": SHIFT_EXPIRED, "text": "24 hours without a Z"}]},
                           self.code)
        if state == "closed":
            error = RegisterRefused("Register {register} refused: {problem} ({words}, error {code})",
                                    register=self.code, problem=register_problem(73, ""), words="", code=73)
            error.register_code = 73
            raise error
        if unexplained(shift["status"]):  # not ok, and no fault named: nothing is issued on a guess
            raise PrinterNotReady("The printer of {register} is not ready: {problem}", register=self.code,
                                  problem=Phrase(UNEXPLAINED_NOT_READY))
        paper: PrinterStatus = shift["paper"]
        return paper

    def record_intent(self, session: Session, actor: Actor, request: IntentRequest) -> IntentView:
        """The receipt's journal intent and, for a sale, its УНП in the same transaction: rolled back together."""
        sale = request.request.get("receipt") == DocumentKind.SALE.value
        serial, operator = str(request.request.get("serial") or ""), str(request.request.get("operator") or "")
        if sale and request.payment_id is not None:
            kept = _number_of_refused_sale(session, self.code, request.payment_id, serial, operator)
            if kept is not None:  # the same sale tried again: its number, not the next (see take_sale_number)
                request = dataclasses.replace(request, request={**request.request, "sale_number_of": kept})
        intent = journal.record_intent(session, actor, request)
        if sale:
            take_sale_number(session, self.code, serial, operator, intent)
        return intent

    # -- documents -----------------------------------------------------------------------------------

    def open_shift(self, key: str, cancel: threading.Event | None = None, *,
                   opening_float: tuple[str, ...] = ()) -> Printed:
        """No document on the printer (its day starts with its first one): the desk's record that the register's
        shift follows this cash shift from now on."""
        found = self.find(key)
        if found is not None:
            return Printed(found, Paper.PRINTED)
        shift = self.shift_state(cancel)
        if shift["state"] == "expired":
            raise _refusal({"messages": [{"type": "error", "code": SHIFT_EXPIRED, "text": "24 hours without a Z"}]},
                           self.code)
        task = {"document": "open", "found_open": shift["state"] == "opened"}
        return Printed(self.runner.finish(_record, self.actor, self.code, key, DocumentKind.SHIFT_OPEN, task,
                                          {"fiscalParams": {}}).value, Paper.PRINTED)

    def x_report(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.X_REPORT, {}, cancel)

    def close_shift(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.Z_REPORT, {}, cancel)

    def _move(self, key: str, kind: DocumentKind, amount: str, cancel: threading.Event | None,
              move_id: int | None) -> Printed:
        money = Money.parse(amount)
        return self._issue(key, kind, {"amount": _amount(money.amount)}, cancel, total=money, move_id=move_id)

    def _receipt(self, key: str, receipt: Receipt, kind: DocumentKind, cancel: threading.Event | None) -> Printed:
        if receipt.kind is not kind:
            raise ValueError(f"a {receipt.kind.value} receipt sent as {kind.value}")
        body, refers_to = self.runner.read(self._receipt_body, receipt, key, _text_max(self.device()))
        return self._issue(key, kind, body, cancel, payment_id=receipt.payment_id, refers_to=refers_to,
                           total=Money.of(receipt.total, receipt.currency), contact=receipt.contact)

    def copy(self, number: int, cancel: threading.Event | None = None) -> Printed:
        """Net.FP's duplicate prints the printer's last receipt again, marked as a duplicate; an older one is read
        from the printer's electronic journal on the printer itself."""
        last = self.runner.read(_last_receipt, self.code)
        if last is None or last.number != number:
            raise RegisterNotSetUp("Register {register} prints a copy of its last receipt only; receipt {number} is "
                                   "read from the fiscal printer's electronic journal on the printer itself",
                                   register=self.code, number=number)
        result = self.client.duplicate(self.printer_id())
        if not ok(result):
            raise _refusal(result, self.code)
        return Printed(last, Paper.PRINTED, copy=True)

    def _issue(self, key: str, kind: DocumentKind, task: dict[str, Any], cancel: threading.Event | None,
               **record: Any) -> Printed:
        found = self.find(key)
        if found is not None:  # a retry of a document the printer gave already: never a second one
            return Printed(found, Paper.PRINTED)
        result = self.client.run(self.printer_id(), _DOCUMENTS[kind], {**task, **_operator()}, key, cancel)
        if not ok(result):
            raise _refusal(result, self.code)
        document = self.runner.finish(_record, self.actor, self.code, key, kind, {"document": _DOCUMENTS[kind], **task},
                                      self._answer(result), **record).value
        return Printed(document, Paper.PRINTED)

    def _answer(self, result: dict[str, Any]) -> dict[str, Any]:
        """The printer's result in the shape the documents are kept in."""
        number = str(result.get("receiptNumber") or "")
        return {"fiscalParams": {
            "fiscalDocumentNumber": int(number) if number.isdigit() else None,
            "fiscalReceiptNumber": int(number) if number.isdigit() else None,
            "fnNumber": str(result.get("fiscalMemorySerialNumber") or ""),
            "registrationNumber": str(self.device().get("serialNumber") or ""),
            "fiscalDocumentDateTime": str(result.get("receiptDateTime") or "")}, "result": result}

    def ask(self, key: str, request: dict[str, Any]) -> Asked:
        """After a lost answer: did the printer issue the document of ``key``? ErpNet.FP is asked for the task; a
        task it does not know (read already, or the server restarted) cannot tell."""
        found = self.find(key)
        if found is not None:
            return Asked(found)
        try:
            info = self.client.task(key)
        except AnswerLost:
            return Asked()
        if info.get("taskStatus") != "finished":
            return Asked()
        result = info.get("result") or {}
        if not ok(result):  # a document the printer refused is voided whole: nothing was issued
            return Asked(issued_none=True)
        kind = DocumentKind(request.get("receipt") or request.get("document") or "")
        total = Money.parse(request["total"]) if request.get("total") else None
        task: dict[str, Any] = {"document": _DOCUMENTS[kind], "taskId": key, "found_after_lost_answer": True}
        try:
            answer = self._answer(result)
            if kind is DocumentKind.SALE:  # kept with the sale: its refund quotes it
                task["uniqueSaleNumber"] = self.runner.read(_taken_sale_number, key)
        except (RegisterUnreachable, RegisterNotSetUp):
            return Asked()  # the printer's serial unread: asked again at the next check
        document: Document = self.runner.finish(
            _record, self.actor, self.code, key, kind, task, answer, payment_id=request.get("payment_id"),
            move_id=request.get("move_id"), total=total).value
        return Asked(document)

    # -- the receipt's content -----------------------------------------------------------------------

    def _receipt_body(self, session: Session, receipt: Receipt, key: str,
                      text_max: int) -> tuple[dict[str, Any], int | None]:
        """The receipt or reversal receipt of ``receipt`` as Net.FP takes it, and the original's number for a
        refund. ``key`` "" checks it only (before the intent, which gives a sale its sequence, exists)."""
        payment = get(session, Payment, receipt.payment_id, "Payment") if receipt.payment_id else None
        items: list[dict[str, Any]] = []
        # Net.FP takes no negative price: what a correction takes off a line is that line's discount instead.
        for line, cost in corrected(receipt.lines, self.settings, self.code, TAX_GROUPS):
            gross = Decimal(line.amount)
            price, quantity = unit_price(gross, Decimal(line.quantity))
            item: dict[str, Any] = {"text": line.name[:text_max], "quantity": quantity, "unitPrice": _amount(price),
                                    "taxGroup": TAX_GROUPS.index(self.settings.vat_code(line.tax_percent) or "") + 1}
            if cost < gross:
                item.update(priceModifierType="discount-amount", priceModifierValue=_amount(gross - cost))
            items.append(item)
        if receipt.bill:
            items.append({"type": "footer-comment", "text": f"Сметка {receipt.bill}"[:42]})
        method = payment.method.kind if payment is not None else MethodKind.CASH
        body: dict[str, Any] = {"items": items, "payments": [
            {"amount": _amount(Decimal(receipt.total)), "paymentType": _PAYMENT_TYPES.get(method, "cash")}]}
        refers_to = None
        if receipt.kind is DocumentKind.REFUND:
            original = _original(session, self.code, payment)
            refers_to = original.number
            body.update(uniqueSaleNumber=_stored_sale_number(original), receiptNumber=f"{original.number:07d}",
                        receiptDateTime=original.issued_at, fiscalMemorySerialNumber=original.fn_number,
                        reason="refund")
        elif key:
            body["uniqueSaleNumber"] = _taken_sale_number(session, key)
        return body, refers_to


def _text_max(device: dict[str, Any]) -> int:
    """How many characters of an item's name the printer prints."""
    return int(device.get("itemTextMaxLength") or 22)


def operator_code() -> str:
    """The operator's code in the УНП: the workstation's ``ERPNET_OPERATOR``, four digits."""
    operator = os.environ.get("ERPNET_OPERATOR", "1").strip() or "1"
    return operator.zfill(4)[-4:]


def _operator() -> dict[str, str]:
    """The operator the printer prints in, with its password from the workstation's environment (sent, never kept)."""
    password = os.environ.get("ERPNET_OPERATOR_PASSWORD", "")
    if not password:
        return {}
    return {"operator": os.environ.get("ERPNET_OPERATOR", "1").strip() or "1", "operatorPassword": password}


def take_sale_number(session: Session, register_code: str, serial: str, operator: str,
                     intent: IntentView) -> SaleNumber:
    """The next УНП of the printer ``serial`` and ``operator`` for the sale of ``intent``, or the one it took.

    The register's row is locked before the last sequence is read, as an invoice's number is taken: another
    desk's sale waits here until this transaction commits or rolls back, then reads this one's as the last."""
    taken = session.scalars(select(SaleNumber).where(
        SaleNumber.key == (intent.request.get("sale_number_of") or intent.key))).first()
    if taken is not None:
        return taken
    if not serial:
        raise RegisterNotSetUp("The fiscal printer of register {register} did not tell its serial number: check it "
                               "in ErpNet.FP", register=register_code)
    session.execute(select(CashRegister.code).where(CashRegister.code == register_code).with_for_update())
    last = session.scalar(select(func.max(SaleNumber.sequence)).where(
        SaleNumber.serial == serial, SaleNumber.operator == operator))
    if last is None:
        last = _last_sent_before_numbers_were_kept(session, register_code, serial, intent)
    row = SaleNumber(register_code=register_code, serial=serial, operator=operator,
                     sequence=last + 1, key=intent.key)
    session.add(row)
    session.flush()
    return row


def _last_sent_before_numbers_were_kept(session: Session, register_code: str, serial: str,
                                        intent: IntentView) -> int:
    """The sequence of the register's last sale sent before 0046 kept sale numbers: its intent's id, the sequence
    then (one sent without an answer must never come again); 0 on a printer that started with kept numbers."""
    first_kept = session.scalar(select(func.min(JournalIntent.id)).join(SaleNumber, SaleNumber.key == JournalIntent.key)
                                .where((SaleNumber.register_code == register_code) | (SaleNumber.serial == serial)))
    before = first_kept if first_kept is not None else intent.id
    older = session.execute(select(JournalIntent.id, JournalIntent.request).where(
        JournalIntent.kind == intent.kind, JournalIntent.device == register_code, JournalIntent.id < before)
        .order_by(JournalIntent.id.desc()).execution_options(yield_per=200))
    for intent_id, request in older:
        if (request or {}).get("receipt") == DocumentKind.SALE.value:
            return int(intent_id) % 10_000_000
    return 0


def _number_of_refused_sale(session: Session, register_code: str, payment_id: int, serial: str,
                            operator: str) -> str | None:
    """The key the sale number of ``payment_id``'s last sale receipt is kept under, when the printer refused that
    receipt whole (nothing issued) and the same printer and operator print the next try; else None.

    Н-18 gives the УНП to the sale, not to a print of it (Приложение № 29: the sales software numbers each sale; the
    fiscal receipt that closes the sale carries its number, as NAP's answers on СУПТО put it): a receipt the printer
    refused whole closed nothing, so the sale's retry keeps its number, and no number is left without its receipt.
    One whose end is unknown is not FAILED: it keeps its own number, never given again."""
    last = session.scalars(select(JournalIntent.id).where(
        JournalIntent.device == register_code, JournalIntent.payment_id == payment_id)
        .order_by(JournalIntent.id.desc())).first()
    if last is None:
        return None
    intent = journal.load_intent(session, last)
    outcome = intent.outcome
    if (intent.request.get("receipt") != DocumentKind.SALE.value or outcome is None
            or outcome.type is not EventType.FAILED
            or session.scalars(select(RegisterDocument.id).where(RegisterDocument.key == intent.key)).first()):
        return None
    key = str(intent.request.get("sale_number_of") or intent.key)
    kept = session.scalars(select(SaleNumber).where(SaleNumber.key == key)).first()
    return key if kept is not None and kept.serial == serial and kept.operator == operator else None


def _taken_sale_number(session: Session, key: str) -> str:
    taken = session.scalars(select(SaleNumber).where(SaleNumber.key == key)).first()
    if taken is None:  # a refused sale's retry: the number kept under the first try's key
        request = session.scalars(select(JournalIntent.request).where(JournalIntent.key == key)).first() or {}
        if request.get("sale_number_of"):
            taken = session.scalars(select(SaleNumber).where(SaleNumber.key == request["sale_number_of"])).first()
    if taken is None:
        raise RegisterNotSetUp("The receipt's unique sale number is missing: nothing was sent to the register")
    return taken.text


def _original(session: Session, register_code: str, payment: Payment | None) -> RegisterDocument:
    original_id = None
    if payment is not None:
        original_id = payment.voids_id if payment.kind is PaymentKind.VOID else payment.refund_of_id
    original = None
    if original_id is not None:
        original = session.scalars(select(RegisterDocument).where(
            RegisterDocument.payment_id == original_id, RegisterDocument.kind == DocumentKind.SALE.value,
            RegisterDocument.register_code == register_code)).first()
    if original is None or original.number is None or not _stored_sale_number(original):
        raise RefundWithoutOriginal(
            "A refund receipt refers to its sale receipt on the same register, and {register} issued none for the "
            "refunded payment: issue the refund receipt on the register that issued the sale", register=register_code)
    return original


def _stored_sale_number(row: RegisterDocument) -> str:
    stored = json.loads(row.content)
    task = stored.get("task") or {}
    result = (stored.get("answer") or {}).get("result") or {}
    return str(task.get("uniqueSaleNumber") or result.get("uniqueSaleNumber") or "")


def _last_shift_document(session: Session, register_code: str) -> str | None:
    kind: str | None = session.scalars(select(RegisterDocument.kind).where(
        RegisterDocument.register_code == register_code,
        RegisterDocument.kind.in_((DocumentKind.SHIFT_OPEN.value, DocumentKind.Z_REPORT.value)))
        .order_by(RegisterDocument.id.desc())).first()
    return kind


def _last_number(session: Session, register_code: str) -> int:
    number = session.scalars(select(RegisterDocument.number).where(
        RegisterDocument.register_code == register_code, RegisterDocument.number.is_not(None))
        .order_by(RegisterDocument.id.desc())).first()
    return int(number or 0)


def _amount(value: Decimal) -> Decimal:
    """An amount as the JSON number Net.FP takes (two decimals), exact: see exact_json."""
    return value.quantize(CENT)
