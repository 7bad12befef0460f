"""A fake ATOL web server (the HTTP task API of ATOL's "Драйвер ККТ 10") with its own fiscal storage.

    python -m hardware.simulators.atol [--port 16732] [--state FILE] [--fault paper]

Tasks are posted to ``/api/v2/requests`` as ``{"uuid": ..., "request": [task, ...]}`` and read back
from ``/api/v2/requests/{uuid}`` as ``{"results": [{"status", "errorCode", "errorDescription",
"result"}]}``, as the driver's web server does. It is strict: a body that is no task is refused
(400), a uuid posted again with another body is refused (409) while the same body is the same task,
an item without its VAT rate or with amounts that do not add up is refused with the driver's error
code, and so is a sale outside an open shift or in one older than 24 hours. The error codes are
libfptr's (``LIBFPTR_ERROR_*``) numbers from the driver's published list.

Its fiscal storage (numbered fiscal documents with a fiscal sign, the shift) lives in ``--state``
(JSON, rewritten and synced after each document) so a test can count what was issued whatever
became of the program that asked. ``/sim/...`` is the test's hand on it: faults, the shift's age,
forgetting its tasks as a reinstalled server would.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DEFAULT_PORT = 16732  # the ATOL web server's own default

# libfptr's error codes (Драйвер ККТ 10, LIBFPTR_ERROR_*) and the descriptions the driver gives.
OK = 0
NO_PAPER = 44
COVER_OPENED = 45
SHIFT_EXPIRED = 68
DENIED_IN_CLOSED_SHIFT = 73
DENIED_IN_OPENED_SHIFT = 83
FN_EXPIRED = 120
FN_OVERFLOW = 121
FN_RESOURCE_HAS_EXPIRED = 137  # documents unsent to the OFD past the storage's 30 days
INVALID_TAX_TYPE = 144
INVALID_TAXATION_TYPE = 143
INVALID_PAYMENT_TYPE = 60
NOT_FULLY_PAID = 66
INVALID_TOTAL = 227
NO_REQUIRED_FISCAL_PROPERTY = 161

DESCRIPTIONS = {
    OK: "Ошибок нет",
    NO_PAPER: "Нет бумаги",
    COVER_OPENED: "Открыта крышка",
    SHIFT_EXPIRED: "Смена превысила 24 часа",
    DENIED_IN_CLOSED_SHIFT: "Смена закрыта - операция невозможна",
    DENIED_IN_OPENED_SHIFT: "Смена открыта - операция невозможна",
    FN_EXPIRED: "Исчерпан временной ресурс ФН",
    FN_OVERFLOW: "Переполнение ФН",
    FN_RESOURCE_HAS_EXPIRED: "Исчерпан ресурс хранения ФН",
    INVALID_TAX_TYPE: "Неверный тип налога",
    INVALID_TAXATION_TYPE: "Неверная система налогообложения",
    INVALID_PAYMENT_TYPE: "Неверный вид оплаты",
    NOT_FULLY_PAID: "Чек оплачен не полностью",
    INVALID_TOTAL: "Неверная сумма чека",
    NO_REQUIRED_FISCAL_PROPERTY: "Отсутствует обязательный реквизит",
}

# Faults a device has, and the error each makes of a document.
FAULTS = {"paper": NO_PAPER, "cover": COVER_OPENED, "fn_full": FN_OVERFLOW, "fn_expired": FN_EXPIRED,
          "ofd_offline": FN_RESOURCE_HAS_EXPIRED}
# Faults of the line, not the device: the task is done and its answer never arrives.
LINE_FAULTS = ("lose_answer",)

TAX_TYPES = {"none", "vat0", "vat5", "vat7", "vat10", "vat20", "vat22", "vat105", "vat107", "vat110", "vat120",
             "vat122"}
TAXATION_TYPES = {"osn", "usnIncome", "usnIncomeOutcome", "esn", "patent"}
PAYMENT_TYPES = {"cash", "electronically", "prepaid", "credit", "other"}
PAYMENT_METHODS = {"fullPrepayment", "prepayment", "advance", "fullPayment", "partialPayment", "credit",
                   "creditPayment"}
PAYMENT_OBJECTS = {"commodity", "excise", "job", "service", "gamblingBet", "gamblingPrize", "lottery",
                   "lotteryPrize", "intellectualActivity", "payment", "agentCommission", "composite", "another"}
RECEIPT_TYPES = {"sell", "sellReturn"}
TASK_TYPES = RECEIPT_TYPES | {"openShift", "closeShift", "reportX", "cashIn", "cashOut", "getShiftStatus",
                              "getFnStatus", "getFnInfo", "ofdExchangeStatus", "getLastFiscalParams",
                              "printLastReceiptCopy"}
# Questions, whose answers the "lose_answer" fault spares: it loses the answer to a document.
QUERY_TYPES = frozenset({"getShiftStatus", "getFnStatus", "getFnInfo", "ofdExchangeStatus", "getLastFiscalParams"})
MSK = timezone(timedelta(hours=3))
CENT = Decimal("0.01")


class TaskError(Exception):
    def __init__(self, code: int, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.description = DESCRIPTIONS[code] + (f": {detail}" if detail else "")


class Malformed(Exception):
    """Not a task at all: the web server answers 400 and keeps nothing."""


class FiscalStorage:
    """The register: its fiscal storage (ФН), its shift and its printer; one task at a time."""

    def __init__(self, state: Path | None = None, *, fn_number: str = "9999078902004321",
                 registration_number: str = "0000000001002292") -> None:
        self.state = state
        self.lock = threading.Lock()
        self.faults: set[str] = set()
        self.fn_expiring = False
        # The storage's end of validity and the oldest document the OFD has not confirmed: what the desk warns of.
        self.valid_until = (_now() + timedelta(days=400)).replace(hour=0, minute=0, second=0, microsecond=0)
        self.unsent_since: datetime | None = None
        self.data: dict[str, Any] = {"fn": fn_number, "rn": registration_number, "documents": [],
                                     "shift": {"open": False, "number": 0, "opened_at": None, "receipts": 0},
                                     "cash": "0.00"}
        if state is not None and state.exists():
            self.data = json.loads(state.read_text("utf-8"))

    # -- what the test sees --------------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.data["documents"])

    def age_shift(self, hours: float) -> None:
        with self.lock:
            shift = self.data["shift"]
            if shift["open"]:
                opened = datetime.fromisoformat(shift["opened_at"]) - timedelta(hours=hours)
                shift["opened_at"] = opened.isoformat()
                self._save()

    # -- tasks ---------------------------------------------------------------------------------------

    def run(self, task: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            kind = task["type"]
            if kind == "getShiftStatus":
                return {"shiftStatus": self._shift_status()}
            if kind == "getFnStatus":
                return {"fnStatus": {"fnState": "fiscalMode", "fiscalDocumentNumber": len(self.data["documents"]),
                                     "shiftState": self._shift_status()["state"],
                                     "warnings": {"criticalFn": "fn_full" in self.faults,
                                                  "memoryOverflowFn": "fn_full" in self.faults,
                                                  "needReplacementFn": self.fn_expiring or "fn_expired" in self.faults,
                                                  "ofdTimeout": "ofd_offline" in self.faults}}}
            if kind == "getFnInfo":
                return {"fnInfo": {"serial": self.data["fn"], "livePhase": "fiscalMode",
                                   "validityDate": self.valid_until.isoformat(), "warnings": self._warnings()}}
            if kind == "ofdExchangeStatus":
                since = self.unsent_since
                return {"status": {"notSentCount": max(1, len(self.data["documents"])) if since else 0,
                                   "notSentFirstDocNumber": 1 if since else 0,
                                   "notSentFirstDocDateTime": since.isoformat() if since else ""}}
            if kind == "getLastFiscalParams":
                documents = self.data["documents"]
                if task.get("forReceipt"):
                    documents = [d for d in documents if d["type"] in RECEIPT_TYPES]
                return {"fiscalParams": documents[-1]["fiscalParams"]} if documents else {}
            for fault in ("paper", "cover"):
                if fault in self.faults:
                    raise TaskError(FAULTS[fault])
            if kind == "printLastReceiptCopy":
                receipts = [d for d in self.data["documents"] if d["type"] in RECEIPT_TYPES]
                if not receipts:
                    raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "нет чека в смене")
                # Printed, not issued: kept apart from the storage's documents, for a test to count.
                self.data.setdefault("copies", []).append(receipts[-1]["fiscalParams"]["fiscalDocumentNumber"])
                self._save()
                return {}
            for fault in ("fn_full", "fn_expired", "ofd_offline"):
                if fault in self.faults:
                    raise TaskError(FAULTS[fault])
            _operator(task)
            shift = self.data["shift"]
            if kind == "openShift":
                if shift["open"]:
                    raise TaskError(DENIED_IN_OPENED_SHIFT)
                self.data["shift"] = shift = {"open": True, "number": shift["number"] + 1,
                                              "opened_at": _now().isoformat(), "receipts": 0}
                return {"fiscalParams": self._document(task, None)}
            if not shift["open"]:
                raise TaskError(DENIED_IN_CLOSED_SHIFT)
            if kind == "closeShift":
                params = self._document(task, None)
                shift["open"] = False
                self._save()
                return {"fiscalParams": params}
            if self._shift_status()["state"] == "expired":
                raise TaskError(SHIFT_EXPIRED)
            if kind == "reportX":
                return {}
            if kind in ("cashIn", "cashOut"):
                amount = _money(task, "cashSum")
                cash = Decimal(self.data["cash"]) + (amount if kind == "cashIn" else -amount)
                self.data["cash"] = str(cash)
                self._save()
                return {"counters": {"cashSum": float(cash)}}
            total = _check_receipt(task)
            shift["receipts"] += 1
            paid_cash = sum((_money(p, "sum") for p in task["payments"] if p["type"] == "cash"), Decimal(0))
            cash = Decimal(self.data["cash"]) + (paid_cash if kind == "sell" else -paid_cash)
            self.data["cash"] = str(cash)
            # The driver closes the document in the storage first, then prints it: a printer that fails then
            # leaves a registered receipt with no paper, and says so in the result's warnings.
            return {"fiscalParams": self._document(task, total),
                    "warnings": {"notPrinted": "not_printed" in self.faults}}

    def _warnings(self) -> dict[str, bool]:
        """The storage's flags as getFnInfo names them."""
        # A full storage is not a broken one: only its memory flag, as the driver reports it.
        return {"criticalError": False, "memoryOverflow": "fn_full" in self.faults,
                "needReplacement": self.fn_expiring or "fn_expired" in self.faults,
                "resourceExhausted": "fn_expired" in self.faults, "ofdTimeout": "ofd_offline" in self.faults}

    def _shift_status(self) -> dict[str, Any]:
        shift = self.data["shift"]
        if not shift["open"]:
            return {"state": "closed", "number": shift["number"]}
        expires = datetime.fromisoformat(shift["opened_at"]) + timedelta(hours=24)
        return {"state": "expired" if _now() >= expires else "opened", "number": shift["number"],
                "expiredTime": expires.isoformat(timespec="seconds")}

    def _document(self, task: dict[str, Any], total: Decimal | None) -> dict[str, Any]:
        number = len(self.data["documents"]) + 1
        when = _now().replace(microsecond=0)
        # A fiscal sign is the storage's MAC over the document; any stable 10-digit number serves here.
        digest = hashlib.sha256(f"{self.data['fn']}/{number}/{json.dumps(task, sort_keys=True, default=str)}".encode())
        params: dict[str, Any] = {
            "fiscalDocumentNumber": number, "fiscalDocumentSign": str(int(digest.hexdigest()[:8], 16)).zfill(10),
            "fiscalDocumentDateTime": when.isoformat(), "fnNumber": self.data["fn"],
            "registrationNumber": self.data["rn"], "shiftNumber": self.data["shift"]["number"],
            "fnsUrl": "www.nalog.gov.ru",
        }
        if total is not None:
            params["fiscalReceiptNumber"] = self.data["shift"]["receipts"]
            params["total"] = float(total)
        self.data["documents"].append({"type": task["type"], "fiscalParams": params,
                                       "clientInfo": task.get("clientInfo", {})})
        self._save()
        return params

    def _save(self) -> None:
        if self.state is None:
            return
        temporary = self.state.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(self.data, file, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.state)


def _now() -> datetime:
    return datetime.now(MSK)


def _operator(task: dict[str, Any]) -> None:
    operator = task.get("operator")
    if not isinstance(operator, dict) or not str(operator.get("name") or "").strip():
        raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "operator.name (1021)")
    vatin = operator.get("vatin")
    if vatin is not None and not (isinstance(vatin, str) and vatin.isdigit() and len(vatin) in (10, 12)):
        raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "operator.vatin (1203)")


def _money(holder: dict[str, Any], name: str) -> Decimal:
    value = holder.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TaskError(INVALID_TOTAL, name)
    amount = Decimal(str(value))
    if amount < 0 or amount != amount.quantize(CENT):
        raise TaskError(INVALID_TOTAL, name)
    return amount


def _check_receipt(task: dict[str, Any]) -> Decimal:
    """A receipt as the driver takes it: every position with its VAT, method and object, amounts that add up,
    paid in full by known payment types, under a taxation system."""
    if task.get("taxationType") not in TAXATION_TYPES:
        raise TaskError(INVALID_TAXATION_TYPE)
    items = task.get("items")
    if not isinstance(items, list) or not items:
        raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "items")
    total = Decimal(0)
    for item in items:
        if not isinstance(item, dict) or item.get("type") != "position" or not str(item.get("name") or "").strip():
            raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "items[].name (1030)")
        tax = item.get("tax")
        if not isinstance(tax, dict) or tax.get("type") not in TAX_TYPES:
            raise TaskError(INVALID_TAX_TYPE)
        if item.get("paymentMethod") not in PAYMENT_METHODS or item.get("paymentObject") not in PAYMENT_OBJECTS:
            raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "items[].paymentMethod/paymentObject (1214/1212)")
        price, amount = _money(item, "price"), _money(item, "amount")
        try:
            quantity = Decimal(str(item.get("quantity")))
        except InvalidOperation:
            raise TaskError(INVALID_TOTAL, "quantity") from None
        if quantity <= 0 or (price * quantity).quantize(CENT, ROUND_HALF_UP) != amount:
            raise TaskError(INVALID_TOTAL, "amount")
        total += amount
    payments = task.get("payments")
    if not isinstance(payments, list) or not payments:
        raise TaskError(NOT_FULLY_PAID)
    if any(not isinstance(p, dict) or p.get("type") not in PAYMENT_TYPES for p in payments):
        raise TaskError(INVALID_PAYMENT_TYPE)
    paid = sum((_money(p, "sum") for p in payments), Decimal(0))
    if paid < total:
        raise TaskError(NOT_FULLY_PAID)
    if any(p["type"] != "cash" for p in payments) and paid > total:
        raise TaskError(INVALID_TOTAL, "change only from cash")
    contact = task.get("clientInfo", {}).get("emailOrPhone") if isinstance(task.get("clientInfo"), dict) else None
    if contact is not None and (not isinstance(contact, str) or not contact.strip()):
        raise TaskError(NO_REQUIRED_FISCAL_PROPERTY, "clientInfo.emailOrPhone (1008)")
    return total


class AtolServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], storage: FiscalStorage) -> None:
        super().__init__(address, _Handler)
        self.storage = storage
        self.tasks: dict[str, tuple[str, list[dict[str, Any]]]] = {}  # uuid: (body digest, results)
        self.tasks_lock = threading.Lock()
        self.lose_answers = 0
        self.forget_lost = False  # a lost answer's task forgotten too, as by a server restarted meanwhile
        self.fail_answers = 0  # documents done whose answer is the web server's HTTP 500 (its own fault)
        self.slow = 0.0  # seconds a document's task reads "inProgress" after it is taken, as the register prints
        self.ready_at: dict[str, float] = {}  # uuid: when its results read as they ended


class _Handler(BaseHTTPRequestHandler):
    server: AtolServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            return json.loads(raw.decode("utf-8"), parse_float=Decimal)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Malformed("not JSON") from None

    def _drop(self) -> None:
        """The answer is lost on the way: the connection closes with nothing said."""
        self.close_connection = True
        self.connection.shutdown(2)

    def do_GET(self) -> None:
        server = self.server
        if self.path.startswith("/api/v2/requests/"):
            uuid = self.path.removeprefix("/api/v2/requests/")
            with server.tasks_lock:
                known = server.tasks.get(uuid)
                printing = time.monotonic() < server.ready_at.get(uuid, 0.0)
            if known is None:
                self._send(404, {"error": {"code": 404, "description": "Задание не найдено"}})
            elif printing:
                self._send(200, {"results": [{"status": "inProgress", "errorCode": OK,
                                              "errorDescription": DESCRIPTIONS[OK], "result": None}
                                             for _ in known[1]]})
            else:
                self._send(200, {"results": known[1]})
        elif self.path == "/sim/documents":
            self._send(200, server.storage.documents())
        else:
            self._send(404, {"error": {"code": 404, "description": "Not found"}})

    def do_POST(self) -> None:
        server = self.server
        try:
            body = self._body()
        except Malformed as exc:
            self._send(400, {"error": {"code": 400, "description": str(exc)}})
            return
        if self.path.startswith("/sim/"):
            self._control(self.path.removeprefix("/sim/"), body)
            return
        if self.path != "/api/v2/requests":
            self._send(404, {"error": {"code": 404, "description": "Not found"}})
            return
        try:
            uuid, tasks = _validate(body)
        except Malformed as exc:
            self._send(400, {"error": {"code": 400, "description": str(exc)}})
            return
        digest = hashlib.sha256(json.dumps(body["request"], sort_keys=True, default=str).encode()).hexdigest()
        with server.tasks_lock:
            known = server.tasks.get(uuid)
            if known is not None:
                if known[0] != digest:
                    self._send(409, {"error": {"code": 409, "description": "Задание с таким uuid уже существует"}})
                else:
                    self._send(201)
                return
            results = []
            for task in tasks:
                try:
                    results.append({"status": "ready", "errorCode": OK, "errorDescription": DESCRIPTIONS[OK],
                                    "result": server.storage.run(task)})
                except TaskError as exc:
                    results.append({"status": "error", "errorCode": exc.code, "errorDescription": exc.description,
                                    "result": None})
                    break  # the driver stops a request at its first failing task
            lose = server.lose_answers > 0 and any(t["type"] not in QUERY_TYPES for t in tasks)
            if lose:
                server.lose_answers -= 1
            if not (lose and server.forget_lost):
                server.tasks[uuid] = (digest, results)
            if server.slow and any(t["type"] not in QUERY_TYPES for t in tasks):
                server.ready_at[uuid] = time.monotonic() + server.slow
            fail = not lose and server.fail_answers > 0 and any(t["type"] not in QUERY_TYPES for t in tasks)
            if fail:
                server.fail_answers -= 1
        if lose:
            self._drop()
        elif fail:  # the task is taken and done; the server fails while it answers
            self._send(500, {"error": {"code": 500, "description": "Internal server error"}})
        else:
            self._send(201)

    def _control(self, command: str, body: Any) -> None:
        server = self.server
        storage = server.storage
        if command == "fault" and isinstance(body, dict):
            name, on = body.get("fault"), bool(body.get("on", True))
            if name in FAULTS:
                (storage.faults.add if on else storage.faults.discard)(name)
            elif name == "lose_answer":
                server.lose_answers = int(body.get("times", 1)) if on else 0
                server.forget_lost = bool(body.get("forget", False))
            elif name == "fail_answer":
                server.fail_answers = int(body.get("times", 1)) if on else 0
            elif name == "slow":
                server.slow = float(body.get("seconds", 3)) if on else 0.0
            elif name == "fn_expiring":
                storage.fn_expiring = on
            elif name == "not_printed":
                (storage.faults.add if on else storage.faults.discard)(name)
            else:
                self._send(400, {"error": f"unknown fault {name!r}"})
                return
        elif command == "age_shift" and isinstance(body, dict):
            storage.age_shift(float(body.get("hours", 25)))
        elif command == "storage" and isinstance(body, dict):
            with storage.lock:
                if "valid_days" in body:
                    storage.valid_until = _now() + timedelta(days=float(body["valid_days"]))
                if "unsent_days" in body:
                    days = body["unsent_days"]
                    storage.unsent_since = None if days is None else _now() - timedelta(days=float(days))
        elif command == "forget_tasks":
            with server.tasks_lock:
                server.tasks.clear()
        else:
            self._send(400, {"error": f"unknown command {command!r}"})
            return
        self._send(200, {"ok": True})


def _validate(body: Any) -> tuple[str, list[dict[str, Any]]]:
    if not isinstance(body, dict):
        raise Malformed("the body is no object")
    uuid = body.get("uuid")
    if not isinstance(uuid, str) or not uuid.strip() or len(uuid) > 64 or "/" in uuid:
        raise Malformed("uuid is missing or not a string")
    tasks = body.get("request")
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not tasks:
        raise Malformed("request holds no task")
    for task in tasks:
        if not isinstance(task, dict) or task.get("type") not in TASK_TYPES:
            raise Malformed(f"unknown task type {task.get('type') if isinstance(task, dict) else task!r}")
    return uuid, tasks


def serve(port: int, state: Path | None, host: str = "127.0.0.1") -> AtolServer:
    """A server on ``host:port`` (0: any free port), serving on its own thread."""
    server = AtolServer((host, port), FiscalStorage(state))
    threading.Thread(target=server.serve_forever, name="atol-web-server", daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardware.simulators.atol", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (printed)")
    parser.add_argument("--state", type=Path, default=None, help="the fiscal storage's file (kept across runs)")
    parser.add_argument("--fault", action="append", default=[], choices=[*sorted(FAULTS), "fn_expiring"])
    args = parser.parse_args(argv)
    server = AtolServer((args.host, args.port), FiscalStorage(args.state))
    for fault in args.fault:
        if fault == "fn_expiring":
            server.storage.fn_expiring = True
        else:
            server.storage.faults.add(fault)
    print(f"ATOL web server simulator on http://{args.host}:{server.server_address[1]}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
