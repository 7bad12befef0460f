"""A fake ErpNet.FP print server (the Net.FP JSON protocol) with one Bulgarian fiscal printer behind it.

    python -m hardware.simulators.erpnet [--port 8001] [--state FILE] [--fault paper]

It answers as ErpNet.FP's PROTOCOL.md describes: ``GET /printers`` and ``/printers/{id}`` (the device's
serial, fiscal memory serial, text lengths, payment types), ``GET /printers/{id}/status``,
``POST /printers/{id}/receipt``, ``reversalreceipt``, ``deposit``, ``withdraw``, ``xreport`` and ``zreport``,
each with ``?asyncTimeout=`` (milliseconds; 0: queued at once) and our own ``&taskId=``, answered
``{"taskId": ...}`` when the printer has not finished by then, and ``GET /printers/taskinfo?id=`` (``unknown``,
``enqueued``, ``running``, ``finished`` with ``result``). As there, a finished task is forgotten once it has
been read, and every task is forgotten when the server restarts (``/sim/restart``).

It is strict where a fiscal printer is: a body that is no JSON is HTTP 400; a result is ``ok: false`` with
the standard codes of ErrorCodes.md (E301 out of paper, E302 cover open, E201 fiscal memory full, E411 a
tax group outside 1-8, E407 an item without text or with one longer than the printer prints, E406 a
payment that does not cover the total, E502 no Z report for 24 hours, E503 three days without the
revenue agency, E109 a task id used already). A unique sale number (УНП, ``DT279013-0001-0000001``) must
start with the printer's serial number and is used once: a second sale under it is refused (E405). A
reversal names its original by its sale number, receipt number, date and fiscal memory serial, and is
refused when no such receipt was printed. A roll near its end (``paper_low``) still prints, with the warning
W301 among the messages of the status and of every result.

The printer's fiscal memory (receipts, reversals, service deposits and withdrawals, reports, the cash)
lives in ``--state`` (JSON, rewritten and synced after each document), so a test counts what was printed
whatever became of the program that asked. ``/sim/...`` is the test's hand on it: faults, the day's age,
losing an answer after printing, a restart.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

DEFAULT_PORT = 8001  # ErpNet.FP's own default
CENT = Decimal("0.01")
PAYMENT_TYPES = ("cash", "check", "coupons", "ext-coupons", "packaging", "internal-usage", "damage", "card",
                 "bank", "reserved1", "reserved2")
REVERSAL_REASONS = ("operator-error", "refund", "taxbase-reduction")
SALE_NUMBER = re.compile(r"^([A-Z]{2}\d{6})-([0-9A-Za-z]{4})-(\d{7})$")
ITEM_TEXT_MAX = 36
DOCUMENTS = ("receipt", "reversalreceipt", "deposit", "withdraw", "xreport", "zreport", "duplicate")

# ErrorCodes.md: the standard codes the server gives whatever the printer's make.
ERRORS = {
    "E109": "Duplicated Task Id", "E201": "Fiscal Memory is full", "E301": "Out of paper",
    "E302": "Printer cover open", "E303": "Printing unit fault", "E304": "Printing head overheated",
    "E306": "Error in paper cutter", "E401": "Syntax error",
    "E403": "Value overflow or underflow (value out of bounds)", "E405": "Insufficient conditions",
    "E406": "Invalid payment", "E407": "Invalid item", "E410": "Document is empty or no items",
    "E411": "Invalid tax group", "E502": "24hours block - missing Z report",
    "E503": "Blocking 3 days without mobile operator",
}
FAULTS = {"paper": "E301", "cover": "E302", "printing_unit": "E303", "head_hot": "E304", "cutter": "E306",
          "fm_full": "E201", "nra_blocked": "E503"}
PRINTING_FAULTS = frozenset({"paper", "cover", "printing_unit", "head_hot", "cutter"})  # ErrorCodes.md's E3xx
# ErrorCodes.md's warnings: the printer still prints, and says so in every result's and the status's messages.
WARNINGS = {"paper_low": ("W301", "Low paper/Near end of paper"),
            "fm_nearly_full": ("W201", "Fiscal Memory near full")}


class PrintError(Exception):
    """``code`` and, as ErpNet.FP adds a message for each, the printer's other faults (``also``)."""

    def __init__(self, code: str, detail: str = "", *, also: Sequence[str] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.also = tuple(also)

    def result(self, warnings: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
        """The answer: every error, then the printer's ``warnings`` (which stand whether or not it printed)."""
        text = ERRORS.get(self.code, "Command general error") + (f": {self.detail}" if self.detail else "")
        errors = [{"type": "error", "code": self.code, "text": text},
                  *({"type": "error", "code": code, "text": ERRORS.get(code, "Command general error")}
                    for code in self.also)]
        return {"ok": False, "messages": [*errors, *warnings, *_INFO]}


_INFO = [{"type": "info", "text": "Serial number and number of FM are set"},
         {"type": "info", "text": "FM is formatted"}]


class Printer:
    """One fiscal printer: its fiscal memory, its day since the last Z report, its cash; one document at a time."""

    def __init__(self, state: Path | None = None, *, serial: str = "DT279013", fm_serial: str = "02279013",
                 tin: str = "000713391") -> None:
        self.state = state
        self.lock = threading.Lock()
        self.faults: set[str] = set()
        self.data: dict[str, Any] = {"serial": serial, "fm": fm_serial, "tin": tin, "documents": [], "receipts": 0,
                                     "cash": "0.00", "day_started": None, "sale_numbers": {}}
        if state is not None and state.exists():
            self.data = json.loads(state.read_text("utf-8"))

    @property
    def printer_id(self) -> str:
        return str(self.data["serial"]).lower()

    def info(self) -> dict[str, Any]:
        return {"uri": "bg.dt.p.isl.tcp://127.0.0.1:9100", "serialNumber": self.data["serial"],
                "fiscalMemorySerialNumber": self.data["fm"], "manufacturer": "Datecs", "model": "FP-2000",
                "firmwareVersion": "1.00BG 23NOV18 1000", "itemTextMaxLength": ITEM_TEXT_MAX,
                "commentTextMaxLength": 42, "operatorPasswordMaxLength": 8, "taxIdentificationNumber": self.data["tin"],
                "supportedPaymentTypes": list(PAYMENT_TYPES)}

    def documents(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.data["documents"])

    def status(self) -> dict[str, Any]:
        with self.lock:
            try:
                self._ready()
            except PrintError as exc:
                return {**exc.result(self.warnings()), "deviceDateTime": _stamp()}
            return {"ok": True, "messages": self._messages(), "deviceDateTime": _stamp()}

    def warnings(self) -> list[dict[str, Any]]:
        return [{"type": "warning", "code": code, "text": text}
                for name, (code, text) in WARNINGS.items() if name in self.faults]

    def _messages(self) -> list[dict[str, Any]]:
        return [*_INFO, *self.warnings()]

    def age_day(self, hours: float) -> None:
        with self.lock:
            if self.data["day_started"] is not None:
                started = datetime.fromisoformat(self.data["day_started"]) - timedelta(hours=hours)
                self.data["day_started"] = started.isoformat()
                self._save()

    def _ready(self) -> None:
        # Every fault at once, as ErpNet.FP adds a message for each (out of paper and the day over 24 hours alike).
        codes = [code for fault, code in FAULTS.items() if fault in self.faults]
        started = self.data["day_started"]
        if started is not None and datetime.now() >= datetime.fromisoformat(started) + timedelta(hours=24):
            codes.append("E502")
        if codes:
            raise PrintError(codes[0], also=codes[1:])

    def run(self, document: str, body: dict[str, Any]) -> dict[str, Any]:
        """The document printed and its result; PrintError when the printer refuses it (nothing printed)."""
        with self.lock:
            if document == "zreport":
                if self.faults & PRINTING_FAULTS:  # the Z goes on paper too; the other blocks it ends
                    self._ready()
                return self._record({"type": "zreport"}, day_ends=True)
            self._ready()
            if document == "duplicate":  # the last receipt again, marked DUPLICATE; nothing new in fiscal memory
                last = next((d for d in reversed(self.data["documents"])
                             if d["type"] in ("receipt", "reversalreceipt")), None)
                if last is None:
                    raise PrintError("E405", "no receipt to duplicate")
                self.data["documents"].append({"type": "duplicate", "receiptNumber": last["receiptNumber"],
                                               "at": _stamp()})
                self._save()
                return {"ok": True, "messages": self._messages()}
            if document == "xreport":
                return self._record({"type": "xreport"})
            if document in ("deposit", "withdraw"):
                amount = _money(body.get("amount"), "amount")
                if amount <= 0:
                    raise PrintError("E403", "amount")
                cash = Decimal(self.data["cash"]) + (amount if document == "deposit" else -amount)
                if cash < 0:
                    raise PrintError("E405", "not so much cash in the printer")
                self.data["cash"] = str(cash)
                return self._record({"type": document, "amount": f"{amount:.2f}"})
            unp = body.get("uniqueSaleNumber")
            matched = SALE_NUMBER.match(unp) if isinstance(unp, str) else None
            if matched is None or matched.group(1) != self.data["serial"]:
                raise PrintError("E401", "uniqueSaleNumber")
            total, cash_paid = _check_sale(body)
            known = self.data["sale_numbers"].get(unp)
            if document == "receipt":
                if known is not None:
                    raise PrintError("E405", f"unique sale number {unp} is used already")
            else:
                if body.get("reason") not in REVERSAL_REASONS:
                    raise PrintError("E401", "reason")
                original = next((d for d in self.data["documents"] if d["type"] == "receipt"
                                 and d["uniqueSaleNumber"] == unp), None)
                if (original is None or body.get("receiptNumber") != original["receiptNumber"]
                        or body.get("receiptDateTime") != original["receiptDateTime"]
                        or body.get("fiscalMemorySerialNumber") != self.data["fm"]):
                    raise PrintError("E405", "no such original receipt")
            self.data["receipts"] += 1
            sale = document == "receipt"
            self.data["cash"] = str(Decimal(self.data["cash"]) + (cash_paid if sale else -cash_paid))
            if sale:
                self.data["sale_numbers"][unp] = self.data["receipts"]
            number = f"{self.data['receipts']:07d}"
            return self._record({"type": document, "uniqueSaleNumber": unp, "receiptNumber": number,
                                 "receiptAmount": float(total), "items": body.get("items"),
                                 # each sale line's quantity as the request's JSON wrote it, to the last digit
                                 "quantities": [str(i.get("quantity", 1)) for i in body.get("items") or []
                                                if isinstance(i, dict) and i.get("type", "sale") == "sale"],
                                 "payments": body.get("payments"), "reason": body.get("reason"),
                                 "operator": body.get("operator"),
                                 "signed_in": bool(body.get("operatorPassword"))}, receipt=True)

    def _record(self, entry: dict[str, Any], *, receipt: bool = False, day_ends: bool = False) -> dict[str, Any]:
        when = _stamp()
        if self.data["day_started"] is None and not day_ends:
            self.data["day_started"] = datetime.now().isoformat()
        if day_ends:
            self.data["day_started"] = None
            entry["zNumber"] = sum(1 for d in self.data["documents"] if d["type"] == "zreport") + 1
        entry["at"] = when
        result: dict[str, Any] = {"ok": True, "messages": self._messages()}
        if receipt:
            entry["receiptDateTime"] = when
            result.update(receiptNumber=entry["receiptNumber"], receiptDateTime=when,
                          receiptAmount=entry["receiptAmount"], fiscalMemorySerialNumber=self.data["fm"])
        self.data["documents"].append(entry)
        self._save()
        return result

    def _save(self) -> None:
        if self.state is None:
            return
        temporary = self.state.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(self.data, file, ensure_ascii=False, default=_plain)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.state)


def _plain(value: Any) -> Any:
    """The request's numbers (read as Decimal, exact) written back as JSON numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is no JSON value")


def _stamp() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def _money(value: Any, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PrintError("E403", name)
    amount = Decimal(str(value))
    if amount != amount.quantize(CENT):
        raise PrintError("E403", name)
    return amount


def _check_sale(body: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """A receipt's items and payments as the printer takes them; its total and the cash kept of it."""
    items = body.get("items")
    if not isinstance(items, list):
        raise PrintError("E410")
    total = Decimal(0)
    sold = 0
    for item in items:
        if not isinstance(item, dict):
            raise PrintError("E407")
        kind = item.get("type", "sale")
        text = item.get("text")
        if kind in ("comment", "footer-comment"):
            if not isinstance(text, str):
                raise PrintError("E407", "comment text")
            continue
        if kind != "sale":
            raise PrintError("E407", f"type {kind}")
        if not isinstance(text, str) or not text.strip() or len(text) > ITEM_TEXT_MAX:
            raise PrintError("E407", "text")
        group = item.get("taxGroup")
        if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= 8:
            raise PrintError("E411")
        price = _money(item.get("unitPrice"), "unitPrice")
        try:
            quantity = Decimal(str(item.get("quantity", 1)))
        except InvalidOperation:
            raise PrintError("E403", "quantity") from None
        if quantity <= 0 or price < 0:
            raise PrintError("E403", "quantity")
        line = (price * quantity).quantize(CENT, ROUND_HALF_UP)
        modifier = item.get("priceModifierType")
        if modifier is not None:
            value = _money(item.get("priceModifierValue"), "priceModifierValue")
            change = {"discount-percent": -(line * value / 100), "surcharge-percent": line * value / 100,
                      "discount-amount": -value, "surcharge-amount": value}.get(modifier)
            if change is None:
                raise PrintError("E407", "priceModifierType")
            line = (line + change).quantize(CENT, ROUND_HALF_UP)
        total += line
        sold += 1
    if not sold:
        raise PrintError("E410")
    payments = body.get("payments")
    if payments is None:
        return total, total  # no payments: all of it in cash
    if not isinstance(payments, list) or not payments:
        raise PrintError("E406")
    paid = Decimal(0)
    cash = Decimal(0)
    for payment in payments:
        if not isinstance(payment, dict) or payment.get("paymentType", "cash") not in PAYMENT_TYPES:
            raise PrintError("E406")
        amount = _money(payment.get("amount"), "amount") if "amount" in payment else total - paid
        paid += amount
        if payment.get("paymentType", "cash") == "cash":
            cash += amount
    if paid < total or paid - cash > total:  # short, or change from anything but cash
        raise PrintError("E406")
    return total, cash - (paid - total)


class ErpNetServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], printer: Printer) -> None:
        super().__init__(address, _Handler)
        self.printer = printer
        self.tasks: dict[str, dict[str, Any]] = {}  # taskId: {"taskStatus", "result"}
        self.tasks_lock = threading.Lock()
        self.queue_lock = threading.Lock()  # ErpNet.FP prints one task after another (FIFO)
        self.lose_answers = 0
        self.forget_lost = False  # a lost answer's task forgotten too: the server restarted meanwhile
        self.slow = 0.0

    def submit(self, document: str, body: dict[str, Any], task_id: str) -> threading.Event:
        done = threading.Event()
        with self.tasks_lock:
            self.tasks[task_id] = {"taskStatus": "enqueued"}

        def work() -> None:
            with self.queue_lock:
                with self.tasks_lock:
                    self.tasks[task_id] = {"taskStatus": "running"}
                if self.slow:
                    time.sleep(self.slow)
                try:
                    result = self.printer.run(document, body)
                except PrintError as exc:
                    result = exc.result(self.printer.warnings())
                except Exception as exc:  # the server answers its own fault, as ErpNet.FP does with E199
                    result = {"ok": False, "messages": [{"type": "error", "code": "E199", "text": str(exc)}]}
                with self.tasks_lock:
                    if task_id in self.tasks:  # not forgotten by a restart meanwhile
                        self.tasks[task_id] = {"taskStatus": "finished", "result": result}
            done.set()

        threading.Thread(target=work, name=f"erpnet-{task_id}", daemon=True).start()
        return done

    def task_info(self, task_id: str) -> dict[str, Any]:
        with self.tasks_lock:
            task = self.tasks.get(task_id)
            if task is None:
                return {"taskStatus": "unknown"}
            if task["taskStatus"] == "finished":
                del self.tasks[task_id]  # read once, then gone
            return dict(task)

    def take(self, task_id: str) -> dict[str, Any] | None:
        """A finished task's result, handed back to the request that waited for it; the task stays in the
        completed list until taskinfo reads it or the server restarts, as ErpNet.FP keeps it."""
        with self.tasks_lock:
            task = self.tasks.get(task_id)
            if task is None or task["taskStatus"] != "finished":
                return None
            result: dict[str, Any] = task["result"]
            return result


class _Handler(BaseHTTPRequestHandler):
    server: ErpNetServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False, default=_plain).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        printer = self.server.printer
        path = parts.path.rstrip("/")
        if path == "/printers":
            self._send(200, {printer.printer_id: printer.info()})
        elif path == "/printers/taskinfo":
            self._send(200, self.server.task_info((query.get("id") or [""])[0]))
        elif path == f"/printers/{printer.printer_id}":
            self._send(200, printer.info())
        elif path == f"/printers/{printer.printer_id}/status":
            self._send(200, printer.status())
        elif path == "/sim/documents":
            self._send(200, printer.documents())
        else:
            self._send(404)

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if parts.path.startswith("/sim/"):
            try:
                control = json.loads(raw.decode("utf-8") or "{}")
            except (UnicodeDecodeError, json.JSONDecodeError):
                control = {}
            self._control(parts.path.removeprefix("/sim/"), control if isinstance(control, dict) else {})
            return
        printer = self.server.printer
        prefix = f"/printers/{printer.printer_id}/"
        document = parts.path.removeprefix(prefix)
        if not parts.path.startswith("/printers/") or parts.path.count("/") != 3:
            self._send(404)
            return
        if not parts.path.startswith(prefix) or document not in DOCUMENTS:
            self._send(404)
            return
        body: Any = {}
        if raw.strip() or document not in ("xreport", "zreport", "duplicate"):
            try:
                body = json.loads(raw.decode("utf-8"), parse_float=Decimal)
            except (UnicodeDecodeError, json.JSONDecodeError):
                body = None
            if not isinstance(body, dict):  # the body binds to no request: ASP.NET's validation problem
                self._send(400, {"title": "One or more validation errors occurred.", "status": 400})
                return
        task_id = (query.get("taskId") or [""])[0]
        wait_text = (query.get("asyncTimeout") or [""])[0]
        try:
            wait = int(wait_text) / 1000 if wait_text else None
        except ValueError:
            self._send(400, {"title": "asyncTimeout", "status": 400})
            return
        with self.server.tasks_lock:
            duplicate = bool(task_id) and task_id in self.server.tasks
        if duplicate:
            self._send(200, PrintError("E109").result())
            return
        task_id = task_id or uuid.uuid4().hex[:22]
        done = self.server.submit(document, body, task_id)
        finished = done.wait(wait if wait is not None else 300)
        result = self.server.take(task_id) if finished and wait != 0 else None
        if self.server.lose_answers > 0:
            if not finished:
                done.wait(300)
            self.server.lose_answers -= 1
            if self.server.forget_lost:
                with self.server.tasks_lock:
                    self.server.tasks.clear()
            self.close_connection = True
            self.connection.shutdown(2)  # printed, and the answer never arrives
            return
        if result is not None:
            self._send(200, result)
        elif wait is None:
            self._send(204)  # no async wanted and no answer in time: ErpNet.FP's NoContent
        else:
            self._send(200, {"taskId": task_id})

    def _control(self, command: str, body: dict[str, Any]) -> None:
        server = self.server
        if command == "fault":
            name, on = body.get("fault"), bool(body.get("on", True))
            if name in FAULTS or name in WARNINGS:
                (server.printer.faults.add if on else server.printer.faults.discard)(name)
            elif name == "lose_answer":
                server.lose_answers = int(body.get("times", 1)) if on else 0
                server.forget_lost = bool(body.get("forget", False))
            elif name == "slow":
                server.slow = float(body.get("seconds", 2)) if on else 0.0
            else:
                self._send(400, {"error": f"unknown fault {name!r}"})
                return
        elif command == "age_day":
            server.printer.age_day(float(body.get("hours", 25)))
        elif command == "restart":  # the service restarted: its task lists are gone, the fiscal memory stays
            with server.tasks_lock:
                server.tasks.clear()
        else:
            self._send(400, {"error": f"unknown command {command!r}"})
            return
        self._send(200, {"ok": True})


def serve(port: int, state: Path | None, host: str = "127.0.0.1") -> ErpNetServer:
    """A server on ``host:port`` (0: any free port), serving on its own thread."""
    server = ErpNetServer((host, port), Printer(state))
    threading.Thread(target=server.serve_forever, name="erpnet-server", daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardware.simulators.erpnet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (printed)")
    parser.add_argument("--state", type=Path, default=None, help="the printer's fiscal memory (kept across runs)")
    parser.add_argument("--fault", action="append", default=[], choices=sorted({*FAULTS, *WARNINGS}))
    args = parser.parse_args(argv)
    server = ErpNetServer((args.host, args.port), Printer(args.state))
    server.printer.faults.update(args.fault)
    print(f"ErpNet.FP simulator (printer {server.printer.printer_id}) on http://{args.host}:{server.server_address[1]}",
          flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
