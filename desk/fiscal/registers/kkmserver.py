"""A registered register (ATOL, Shtrih-M and others) through KKM-server, the route TL: WebPMS uses, on httpx.

Every command is one JSON POST to ``/Execute`` under HTTP Basic auth, with the journal intent's key as its
``IdCommand``; the answer's Status is 0 done, 1 still running, 2 refused (its ``Error`` the register's own
words), 3 not found. The documents are kept as ATOL's are (``register_document``, through the ATOL
driver's record), the fiscal data read from the receipt's QR code, which KKM-server returns whole.

Never doubled, never lost: the key is in the journal before the server is asked; KKM-server refuses a
second command under an IdCommand it did already, so a retry issues nothing and reads the first one's
answer by ``GetRezult``. A lost answer is asked for with ``GetRezult`` by that IdCommand; a server that
does not know it (restarted, or a hundred commands later) cannot tell, and the receipt stays pending for
the clerk to check on the register, never issued again blindly.

KKM-server's login and password are the workstation's (``KKMSERVER_LOGIN``, ``KKMSERVER_PASSWORD`` in its
environment), never kept in the database.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.fiscal.amounts import CENT, corrected, unit_price
from desk.fiscal.errors import (
    RegisterNotSetUp,
    RegisterRefused,
    RegisterUnreachable,
    refuse_unless_ready,
    register_problem,
)
from desk.fiscal.interface import Document, DocumentKind, Paper, Printed, Receipt, RegisterInfo, RegisterStatus
from desk.fiscal.models import RegisterDocument
from desk.fiscal.registers.atol import (
    AnswerLost,
    Asked,
    AtolRegister,
    _contact,
    _last_receipt,
    _original_number,
    _record,
    document_view,
    rubles_only,
)
from desk.fiscal.settings import RegisterSettings
from desk.hotel.models import MethodKind
from desk.ledger.lookup import get
from desk.ledger.models import Payment
from desk.people.admin import tax_id_of
from desk.people.auth import Actor
from hardware.interfaces import PrinterStatus

OK, RUNNING, ERROR, NOT_FOUND, NOT_RUN, ALREADY_DONE = 0, 1, 2, 3, 4, 5
IN_PROGRESS = frozenset({RUNNING, NOT_RUN})
_COMMANDS = {
    DocumentKind.SHIFT_OPEN: "OpenShift", DocumentKind.Z_REPORT: "CloseShift", DocumentKind.X_REPORT: "XReport",
    DocumentKind.SALE: "RegisterCheck", DocumentKind.REFUND: "RegisterCheck", DocumentKind.CASH_IN: "DepositingCash",
    DocumentKind.CASH_OUT: "PaymentCash",
}
_TYPE_CHECK = {DocumentKind.SALE: 0, DocumentKind.REFUND: 1}  # sale, refund of a sale
# Our VAT codes (ATOL's names, as a manager sets them) as KKM-server's Tax: the percent, or -1 for none.
_TAX = {"none": -1, "vat0": 0, "vat5": 5, "vat7": 7, "vat10": 10, "vat20": 20, "vat105": 105, "vat107": 107,
        "vat110": 110, "vat120": 120, "vat22": 22, "vat122": 122}
_TAX_VARIANT = {"osn": 0, "usnIncome": 1, "usnIncomeOutcome": 2, "esn": 4, "patent": 5}
# The register's words KKM-server passes on, as the register's error codes the desk has advice for.
_ERRORS = (("нет бумаги", 44), ("открыта крышка", 45), ("превысила 24 час", 68), ("смена закрыта", 73),
           ("смена открыта", 83), ("временной ресурс фн", 120), ("переполнение фн", 121),
           ("ресурс хранения фн", 137), ("система налогообложения", 143), ("тип налога", 144), ("ставка ндс", 144))
_SHIFT_STATES = {1: "closed", 2: "opened", 3: "expired"}


def paper_state(info: dict[str, Any]) -> PrinterStatus:
    """GetDataKKT's ``Info`` as the printer's status the ESC/POS registers report: KKM-server's answer says
    whether the paper ran out (``PaperOver``); an open cover or a roll near its end it does not say."""
    return PrinterStatus(online=True, paper_out=bool(info.get("PaperOver")))


def error_code(text: str) -> int:
    """The register's error code for KKM-server's ``Error`` text; 0 when it is none the desk knows."""
    lowered = text.lower()
    return next((code for words, code in _ERRORS if words in lowered), 0)


def _refusal(answer: dict[str, Any], register: str) -> RegisterRefused:
    text = str(answer.get("Error") or "")
    code = error_code(text)
    error = RegisterRefused("Register {register} refused: {problem} ({words}, error {code})", register=register,
                            problem=register_problem(code, text), words=text, code=code)
    error.register_code = code
    return error


class KkmClient:
    """KKM-server's ``/Execute``: a command under our IdCommand, and ``GetRezult`` by it."""

    def __init__(self, address: str, *, login: str | None = None, password: str | None = None,
                 timeout: float = 70.0, wait: float = 120.0, poll: float = 0.5, command_timeout: int = 3,
                 transport: httpx.BaseTransport | None = None) -> None:
        login = os.environ.get("KKMSERVER_LOGIN", "User") if login is None else login
        password = os.environ.get("KKMSERVER_PASSWORD", "") if password is None else password
        self.http = httpx.Client(base_url=address, timeout=timeout, transport=transport, auth=(login, password))
        self.wait_for = wait
        self.poll = poll
        # KKM-server holds a request up to the command's Timeout, then answers "running": kept short so that
        # Cancel, which only stops our waiting between questions, is felt within seconds.
        self.command_timeout = command_timeout

    def close(self) -> None:
        self.http.close()

    def send(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            answer = self.http.post("/Execute", json=body)
        except httpx.ConnectError as exc:  # nothing reached the server
            raise RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that "
                                      "it runs and the register is on", address=str(self.http.base_url),
                                      problem=str(exc)) from exc
        except httpx.TransportError as exc:
            raise AnswerLost(f"the answer to command {body.get('IdCommand')} was lost: {exc}") from exc
        if answer.status_code == 401:
            raise RegisterNotSetUp("KKM-server at {address} refused this workstation's login: set KKMSERVER_LOGIN and "
                                   "KKMSERVER_PASSWORD in the desk's environment to the login and password of "
                                   "KKM-server's settings", address=str(self.http.base_url))
        if answer.status_code >= 500:  # KKM-server failed while it answered: the command may be done
            raise AnswerLost(f"command {body.get('IdCommand')} got KKM-server's error {answer.status_code}")
        if answer.status_code != 200:
            raise RegisterRefused("The register's server refused the task ({status}): {problem}",
                                  status=answer.status_code, problem=answer.text[:200])
        result: dict[str, Any] = answer.json()
        return result

    def result(self, key: str, device: int = 0) -> dict[str, Any] | None:
        """The command's answer as KKM-server keeps it; None when it does not know the IdCommand."""
        try:
            found = self.send({"Command": "GetRezult", "NumDevice": device, "IdCommand": key})
        except (RegisterUnreachable, RegisterRefused) as exc:
            raise AnswerLost(f"command {key} could not be asked for: {exc}") from exc
        if found.get("Status") == NOT_FOUND:
            return None
        rezult: dict[str, Any] = found.get("Rezult") or found
        return rezult

    def run(self, body: dict[str, Any], cancel: threading.Event | None = None) -> dict[str, Any]:
        """The command's final answer; one still running is asked for by its IdCommand until it ends, and so is
        one KKM-server did already under this IdCommand (an earlier try whose answer was lost). Cancel stops the
        waiting, not the command."""
        answer = self.send(body)
        if answer.get("Status") == ALREADY_DONE:
            answer = {"Status": RUNNING}
        deadline = time.monotonic() + self.wait_for
        while answer.get("Status") in IN_PROGRESS:
            if time.monotonic() > deadline or (cancel is not None and cancel.wait(self.poll)):
                raise AnswerLost(f"command {body['IdCommand']} had not ended when the waiting stopped")
            if cancel is None:
                time.sleep(self.poll)
            found = self.result(body["IdCommand"], body.get("NumDevice", 0))
            if found is None:
                raise AnswerLost(f"command {body['IdCommand']} was taken and then forgotten by the server")
            answer = found
        return answer


def fiscal_params(answer: dict[str, Any], registration: str = "") -> dict[str, Any]:
    """KKM-server's answer in the shape the documents are kept in: the document's number, shift and the
    receipt's fiscal data from its QR code (t, s, fn, i, fp)."""
    qr = {name: values[0] for name, values in parse_qs(str(answer.get("QRCode") or "")).items()}
    stamp = qr.get("t", "")
    at = (f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:00"
          if len(stamp) >= 13 else "")
    number = answer.get("CheckNumber") or None
    params: dict[str, Any] = {"fiscalDocumentNumber": int(qr["i"]) if "i" in qr else number,
                              "fiscalDocumentSign": qr.get("fp", ""), "fnNumber": qr.get("fn", ""),
                              "registrationNumber": registration, "shiftNumber": answer.get("SessionNumber"),
                              "fiscalReceiptNumber": answer.get("SessionCheckNumber"), "fiscalDocumentDateTime": at}
    if "s" in qr:
        params["total"] = qr["s"]
    return params


class KkmRegister(AtolRegister):
    """A FiscalRegister through KKM-server; its documents kept and looked up as the ATOL driver's are. Calls
    block: run them off the GUI thread."""

    client: KkmClient  # type: ignore[assignment]

    def __init__(self, runner: Runner, actor: Actor, settings: RegisterSettings, client: KkmClient, *,
                 language: str = "ru") -> None:
        super().__init__(runner, actor, settings, client, language=language)  # type: ignore[arg-type]
        self.registration = ""  # the register's registration number, read with the shift's state

    @property
    def device(self) -> int:
        return int(self.settings.device_id) if self.settings.device_id.isdigit() else 0

    def info(self) -> RegisterInfo:
        return RegisterInfo(self.code, self.settings.name, self.settings.address, 80, self.language, "", "KKM-server")

    def _command(self, command: str, key: str, **fields: Any) -> dict[str, Any]:
        return {"Command": command, "NumDevice": self.device, "IdCommand": key,
                "Timeout": self.client.command_timeout, **fields}

    def _query(self, task: dict[str, Any], cancel: threading.Event | None = None) -> dict[str, Any]:
        try:
            fields = {name: value for name, value in task.items() if name != "Command"}
            answer = self.client.run(self._command(task["Command"], f"q-{uuid.uuid4().hex}", **fields), cancel)
        except AnswerLost as exc:  # a question changes nothing on the register: simply unanswered
            raise RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that "
                                      "it runs and the register is on", address=self.settings.address,
                                      problem=str(exc)) from exc
        if answer.get("Status") != OK:
            raise _refusal(answer, self.code)
        return answer

    def shift_state(self, cancel: threading.Event | None = None) -> dict[str, Any]:
        info = self._query({"Command": "GetDataKKT"}, cancel).get("Info") or {}
        self.registration = str(info.get("RegNumber") or "")
        return {"state": _SHIFT_STATES.get(int(info.get("SessionState") or 1), "closed"),
                "number": info.get("SessionNumber"), "paper": paper_state(info)}

    def status(self, cancel: threading.Event | None = None) -> RegisterStatus:
        shift = self.shift_state(cancel)
        last = self.runner.read(_last_receipt, self.code)
        return RegisterStatus(
            clock=utcnow(), shift_open=shift["state"] != "closed", shift_number=shift.get("number"),
            shift_opened_at=None, shift_expired=shift["state"] == "expired",
            last_number=last.number if last is not None else 0, printer=shift["paper"].describe(),
            printer_ready=shift["paper"].ready)

    def prepare(self, receipt: Receipt, cancel: threading.Event | None = None) -> dict[str, Any]:
        """Everything a receipt is refused for before its intent is written: a rate without a VAT code, a refund
        without its original here, the register's shift closed or over 24 hours, its paper out."""
        self.runner.read(self._receipt_task, receipt)
        shift = self.shift_state(cancel)
        if shift["state"] != "opened":
            code = 73 if shift["state"] == "closed" else 68
            error = RegisterRefused("Register {register} refused: {problem} ({words}, error {code})",
                                    register=self.code, problem=register_problem(code, ""), words="", code=code)
            error.register_code = code
            raise error
        # Refused as the ESC/POS registers refuse: before the intent, nothing issued, the receipt still owed.
        refuse_unless_ready(self.code, shift["paper"], device=self.settings.name)
        return {}

    # -- documents -----------------------------------------------------------------------------------

    def open_shift(self, key: str, cancel: threading.Event | None = None, *,
                   opening_float: tuple[str, ...] = ()) -> Printed:
        found = self.find(key)
        if found is not None:
            return Printed(found, Paper.PRINTED)
        shift = self.shift_state(cancel)
        if shift["state"] == "expired":
            raise _refusal({"Error": "Смена превысила 24 часа"}, self.code)
        if shift["state"] == "opened":
            # Opened before (by this cash shift's earlier try whose answer was lost, or by hand): the register
            # has its shift, which is what the cash shift needs; recorded as found, with no document of ours.
            return Printed(self.runner.finish(_record, self.actor, self.code, key, DocumentKind.SHIFT_OPEN,
                                              {"Command": "OpenShift", "found_open": True},
                                              {"fiscalParams": {"shiftNumber": shift.get("number")}}).value,
                           Paper.PRINTED)
        return self._issue(key, DocumentKind.SHIFT_OPEN, self._command("OpenShift", key, **self._cashier()), cancel)

    def x_report(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.X_REPORT, self._command("XReport", key, **self._cashier()), cancel)

    def close_shift(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._issue(key, DocumentKind.Z_REPORT, self._command("CloseShift", key, **self._cashier()), cancel)

    def _move(self, key: str, kind: DocumentKind, amount: str, cancel: threading.Event | None,
              move_id: int | None) -> Printed:
        money = Money.parse(amount)
        body = self._command(_COMMANDS[kind], key, Amount=_amount(money.amount), **self._cashier())
        return self._issue(key, kind, body, cancel, total=money, move_id=move_id)

    def _receipt(self, key: str, receipt: Receipt, kind: DocumentKind, cancel: threading.Event | None) -> Printed:
        if receipt.kind is not kind:
            raise ValueError(f"a {receipt.kind.value} receipt sent as {kind.value}")
        fields, refers_to, contact = self.runner.read(self._receipt_task, receipt)
        return self._issue(key, kind, self._command("RegisterCheck", key, **fields), cancel,
                           payment_id=receipt.payment_id, refers_to=refers_to,
                           total=Money.of(receipt.total, receipt.currency), contact=contact)

    def copy(self, number: int, cancel: threading.Event | None = None) -> Printed:
        """KKM-server's ``GetDataCheck`` reads a receipt back from the fiscal storage by its fiscal document number
        and prints it as a copy (``NumberCopies``): any receipt of this register, not only its last."""
        document = self.runner.read(_receipt_numbered, self.code, number)
        if document is None:
            raise RegisterNotSetUp("Register {register} has no receipt {number} in the desk: its copy is found on the "
                                   "register or on the fiscal data operator's site", register=self.code, number=number)
        self._query({"Command": "GetDataCheck", "FiscalNumber": number, "NumberCopies": 1}, cancel)
        return Printed(document, Paper.PRINTED, copy=True)

    def _issue(self, key: str, kind: DocumentKind, task: dict[str, Any], cancel: threading.Event | None,
               **record: Any) -> Printed:
        found = self.find(key)
        if found is not None:  # a retry of a document the register gave already: never a second one
            return Printed(found, Paper.PRINTED)
        answer = self.client.run(task, cancel)
        if answer.get("Status") == ERROR:
            raise _refusal(answer, self.code)
        if answer.get("Status") != OK:  # an answer the desk does not know: the register may have issued it
            raise AnswerLost(f"command {key} answered status {answer.get('Status')!r}")
        document = self.runner.finish(_record, self.actor, self.code, key, kind, task,
                                      {"fiscalParams": fiscal_params(answer, self.registration), "answer": answer},
                                      **record).value
        return Printed(document, Paper.PRINTED)

    def ask(self, key: str, request: dict[str, Any]) -> Asked:
        """After a lost answer: did the register issue the document of ``key``? KKM-server is asked by the
        IdCommand; when it does not know it (restarted), nothing can tell."""
        found = self.find(key)
        if found is not None:
            return Asked(found)
        try:
            answer = self.client.result(key, self.device)
        except AnswerLost:
            return Asked()
        if answer is None or answer.get("Status") in IN_PROGRESS:
            return Asked()
        if answer.get("Status") == ERROR:
            return Asked(issued_none=True)
        if answer.get("Status") != OK:  # a status the desk does not know says nothing of the document
            return Asked()
        kind = DocumentKind(request.get("receipt") or request.get("document") or "")
        total = Money.parse(request["total"]) if request.get("total") else None
        task = {"Command": _COMMANDS[kind], "IdCommand": key, "found_after_lost_answer": True}
        document: Document = self.runner.finish(
            _record, self.actor, self.code, key, kind, task,
            {"fiscalParams": fiscal_params(answer, self.registration), "answer": answer},
            payment_id=request.get("payment_id"), move_id=request.get("move_id"), total=total).value
        return Asked(document)

    # -- the command's content -------------------------------------------------------------------------

    def _cashier(self, session: Session | None = None) -> dict[str, str]:
        """The cashier (tag 1021) and their taxpayer number when a manager set it (CashierVATIN, tag 1203)."""
        tax_id = tax_id_of(session, self.actor.username) if session is not None else self.runner.read(
            tax_id_of, self.actor.username)
        cashier = {"CashierName": (self.actor.full_name or self.actor.username)[:64]}
        if tax_id:
            cashier["CashierVATIN"] = tax_id
        return cashier

    def _receipt_task(self, session: Session, receipt: Receipt) -> tuple[dict[str, Any], int | None, str]:
        """RegisterCheck's fields for ``receipt``, the original's document number for a refund, and the guest's
        e-mail or phone for the electronic receipt (ClientAddress, tag 1008)."""
        rubles_only(receipt, self.code)
        payment = get(session, Payment, receipt.payment_id, "Payment") if receipt.payment_id else None
        refers_to = None
        if receipt.kind is DocumentKind.REFUND:
            refers_to = _original_number(session, self.code, payment)
        advance = not receipt.bill
        strings: list[dict[str, Any]] = []
        for line, amount in corrected(receipt.lines, self.settings, self.code, _TAX):
            vat = self.settings.vat_code(line.tax_percent) or ""
            price, quantity = unit_price(amount, Decimal(line.quantity))
            strings.append({"Register": {
                "Name": line.name[:128], "Quantity": float(quantity), "Price": _amount(price),
                "Amount": _amount(amount), "Department": 0, "Tax": _TAX[vat],
                "SignMethodCalculation": 3 if advance else 4, "SignCalculationObject": 10 if advance else 4}})
        total = _amount(Decimal(receipt.total))
        cash = payment is not None and payment.method.kind is MethodKind.CASH
        fields: dict[str, Any] = {
            "IsFiscalCheck": True, "TypeCheck": _TYPE_CHECK[receipt.kind], "NotPrint": False, "NumberCopies": 0,
            "TaxVariant": _TAX_VARIANT.get(self.settings.taxation, ""), "CheckStrings": strings,
            "Cash": total if cash else 0, "ElectronicPayment": 0 if cash else total, **self._cashier(session),
        }
        contact = receipt.contact or (_contact(session, receipt.payment_id) if receipt.payment_id else "")
        if contact:
            fields["ClientAddress"] = contact
        return fields, refers_to, contact


def _amount(value: Decimal) -> float:
    """An amount as the JSON number KKM-server takes (two decimals)."""
    return float(value.quantize(CENT))


def _receipt_numbered(session: Session, register_code: str, number: int) -> Document | None:
    row = session.scalars(select(RegisterDocument).where(
        RegisterDocument.register_code == register_code, RegisterDocument.number == number,
        RegisterDocument.kind.in_((DocumentKind.SALE.value, DocumentKind.REFUND.value)))).first()
    return document_view(row) if row is not None else None
