"""A fake KKM-server (kkmserver.ru, the HTTP route TL: WebPMS drives registers by) with its own register.

    python -m hardware.simulators.kkmserver [--port 5893] [--state FILE] [--login User --password ...]

Every command is one JSON POST to ``/Execute`` under HTTP Basic auth, ``{"Command": ..., "NumDevice":
..., "IdCommand": ..., ...}``, answered ``{"Command", "IdCommand", "Status", "Error", ...}`` with Status
0 done, 1 still running, 2 error, 3 not found, 5 already done, as KKM-server's published API describes it.
It is strict where the API is: no or wrong credentials are 401; a body without Command or IdCommand, or
with a command it does not know, is Status 2; a second command under an IdCommand already used is refused
as already done and issues nothing (unless the first one failed: then it runs); ``GetRezult`` finds a
command by its IdCommand among the last 100 (Status 0 with the command's answer in ``Rezult``, or Status 3
when it does not know it, as after a restart); a receipt (``RegisterCheck``) needs its cashier (tag 1021),
lines with a name, a VAT code (``Tax``), a method and object of settlement (tags 1214/1212) and amounts
that add up, paid in full; anything needs an open shift younger than 24 hours, a paper roll and room in
the fiscal storage. Its errors are the texts the register's driver gives, passed on in ``Error``.

The register (numbered fiscal documents with a fiscal sign, the shift, the cash) lives in ``--state``
(JSON, rewritten and synced after each document), so a test counts what was issued whatever became of the
program that asked. ``/sim/...`` is the test's hand on it: faults, the shift's age, a restart forgetting
the commands' answers, a register slow to print (the request then answers Status 1 at its Timeout and the
command ends on its own).
"""

from __future__ import annotations

import argparse
import base64
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

DEFAULT_PORT = 5893  # KKM-server's own default
OK, RUNNING, ERROR, NOT_FOUND, ALREADY_DONE = 0, 1, 2, 3, 5
KEPT_ANSWERS = 100  # KKM-server keeps the last hundred commands for GetRezult

# The texts the register's driver gives for the faults the desk tells the cashier about.
NO_PAPER = "Нет бумаги"
COVER_OPENED = "Открыта крышка"
SHIFT_EXPIRED = "Смена превысила 24 часа"
SHIFT_CLOSED = "Смена закрыта - операция невозможна"
SHIFT_OPENED = "Смена открыта - операция невозможна"
FN_OVERFLOW = "Переполнение ФН"
FN_EXPIRED = "Исчерпан временной ресурс ФН"
FN_RESOURCE_HAS_EXPIRED = "Исчерпан ресурс хранения ФН"
INVALID_TOTAL = "Неверная сумма чека"
NOT_FULLY_PAID = "Чек оплачен не полностью"
NO_REQUIRED_PROPERTY = "Отсутствует обязательный реквизит"
NO_CASHIER = "Не указан кассир"
NO_NAME = "Не указано наименование товара/услуги!"
NO_METHOD = "Не указан признак способа расчета!"
NO_OBJECT = "Не указан признак предмета расчета!"
WRONG_VAT = "Не правильно указана ставка НДС!"
ALREADY = "Команда уже была выполнена или выполняется в текущий момент"
UNKNOWN_ID = "Команда с таким IdCommand не найдена"
FAULTS = {"paper": NO_PAPER, "cover": COVER_OPENED, "fn_full": FN_OVERFLOW, "fn_expired": FN_EXPIRED,
          "ofd_offline": FN_RESOURCE_HAS_EXPIRED}

COMMANDS = {"RegisterCheck", "OpenShift", "CloseShift", "XReport", "DepositingCash", "PaymentCash", "GetDataKKT",
            "GetDataCheck", "GetRezult", "List"}
QUESTIONS = frozenset({"GetDataKKT", "GetDataCheck", "GetRezult", "List"})
NO_DOCUMENT = "Документ с таким номером не найден в ФН"
TAXES = {-1, 0, 5, 7, 10, 20, 22, 105, 107, 110, 120, 122}  # VAT percent: -1 none, 120 = 20/120
TYPE_CHECKS = {0: 1, 1: 2}  # sale, refund of a sale -> the QR code's n (tag 1054)
TAX_VARIANTS = {"", 0, 1, 2, 3, 4, 5}
PAYMENTS = ("Cash", "ElectronicPayment", "AdvancePayment", "Credit", "CashProvision")
MSK = timezone(timedelta(hours=3))
CENT = Decimal("0.01")


class CommandError(Exception):
    def __init__(self, text: str, detail: str = "") -> None:
        super().__init__(text)
        self.text = f"Ошибка ККТ: {text}" + (f" ({detail})" if detail else "")


class Register:
    """The register behind the server: its fiscal storage, its shift, its printer; one command at a time."""

    def __init__(self, state: Path | None = None, *, fn_number: str = "9999078902004388",
                 registration_number: str = "0000000002003345", kkt_number: str = "00106709870001") -> None:
        self.state = state
        self.lock = threading.Lock()
        self.faults: set[str] = set()
        # The storage's end of validity and the oldest document the OFD has not confirmed, as GetDataKKT tells them.
        self.valid_until = (_now() + timedelta(days=400)).replace(hour=0, minute=0, second=0, microsecond=0)
        self.unsent_since: datetime | None = None
        self.data: dict[str, Any] = {"fn": fn_number, "rn": registration_number, "kkt": kkt_number,
                                     "documents": [], "cash": "0.00",
                                     "shift": {"open": False, "number": 0, "opened_at": None, "checks": 0}}
        if state is not None and state.exists():
            self.data = json.loads(state.read_text("utf-8"))

    def documents(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.data["documents"])

    def age_shift(self, hours: float) -> None:
        with self.lock:
            shift = self.data["shift"]
            if shift["open"]:
                shift["opened_at"] = (datetime.fromisoformat(shift["opened_at"]) - timedelta(hours=hours)).isoformat()
                self._save()

    def session_state(self) -> int:
        """1 closed, 2 open, 3 open and over 24 hours (GetDataKKT's Info.SessionState)."""
        shift = self.data["shift"]
        if not shift["open"]:
            return 1
        return 3 if _now() >= datetime.fromisoformat(shift["opened_at"]) + timedelta(hours=24) else 2

    def run(self, body: dict[str, Any]) -> dict[str, Any]:
        """What the command adds to its answer; CommandError when the register refuses it."""
        with self.lock:
            command = body["Command"]
            shift = self.data["shift"]
            if command == "GetDataKKT":
                return {"Info": {"SessionState": self.session_state(), "SessionNumber": shift["number"],
                                 "FnNumber": self.data["fn"], "RegNumber": self.data["rn"],
                                 "KktNumber": self.data["kkt"], "FN_IsFiscal": True,
                                 "FN_MemOverflowl": "fn_full" in self.faults, "PaperOver": "paper" in self.faults,
                                 "FN_DateEnd": _local(self.valid_until),
                                 "OFD_Error": "Нет связи с ОФД" if self.unsent_since is not None else "",
                                 "OFD_NumErrorDoc": len(self.data["documents"]) if self.unsent_since else 0,
                                 "OFD_DateErrorDoc": _local(self.unsent_since) if self.unsent_since else
                                 "0001-01-01T00:00:00",
                                 "LastFiscalDocument": len(self.data["documents"]),
                                 "BalanceCash": float(Decimal(self.data["cash"]))}}
            if command == "GetDataCheck":
                return self._check_data(body)
            for fault in ("paper", "cover", "fn_full", "fn_expired", "ofd_offline"):
                if fault in self.faults:
                    raise CommandError(FAULTS[fault])
            if not str(body.get("CashierName") or "").strip():
                raise CommandError(NO_CASHIER)
            if command == "OpenShift":
                if shift["open"]:
                    raise CommandError(SHIFT_OPENED)
                self.data["shift"] = {"open": True, "number": shift["number"] + 1, "opened_at": _now().isoformat(),
                                      "checks": 0}
                return self._document(body, None)
            if not shift["open"]:
                raise CommandError(SHIFT_CLOSED)
            if command == "CloseShift":
                answer = self._document(body, None)
                self.data["shift"]["open"] = False
                self._save()
                return answer
            if self.session_state() == 3:
                raise CommandError(SHIFT_EXPIRED)
            if command == "XReport":
                return {"SessionNumber": shift["number"], "CheckNumber": 0}
            if command in ("DepositingCash", "PaymentCash"):
                amount = _money(body, "Amount")
                if amount <= 0:
                    raise CommandError(INVALID_TOTAL, "Amount")
                cash = Decimal(self.data["cash"]) + (amount if command == "DepositingCash" else -amount)
                self.data["cash"] = str(cash)
                self._save()
                return {"SessionNumber": shift["number"], "CheckNumber": 0}
            total, cash_paid = _check_receipt(body)
            shift["checks"] += 1
            sale = body["TypeCheck"] == 0
            self.data["cash"] = str(Decimal(self.data["cash"]) + (cash_paid if sale else -cash_paid))
            return self._document(body, total)

    def _check_data(self, body: dict[str, Any]) -> dict[str, Any]:
        """``GetDataCheck``: a receipt read back from the fiscal storage by its fiscal document number
        (``FiscalNumber``), printed ``NumberCopies`` times as a copy (0: read only); no fiscal document."""
        number, copies = body.get("FiscalNumber"), body.get("NumberCopies", 0)
        if not isinstance(number, int) or isinstance(number, bool) or not isinstance(copies, int) or copies < 0:
            raise CommandError(NO_REQUIRED_PROPERTY, "FiscalNumber/NumberCopies")
        found = next((d for d in self.data["documents"]
                      if d["CheckNumber"] == number and d["Command"] == "RegisterCheck"), None)
        if found is None:
            raise CommandError(NO_DOCUMENT, str(number))
        if copies:
            for fault in ("paper", "cover"):
                if fault in self.faults:
                    raise CommandError(FAULTS[fault])
            self.data.setdefault("copies", []).append({"FiscalNumber": number, "NumberCopies": copies})
            self._save()
        return {"CheckNumber": number, "SessionNumber": found["SessionNumber"], "QRCode": found["QRCode"],
                "TypeCheck": found["TypeCheck"]}

    def _document(self, body: dict[str, Any], total: Decimal | None) -> dict[str, Any]:
        number = len(self.data["documents"]) + 1
        when = _now().replace(microsecond=0)
        # A fiscal sign is the storage's MAC over the document; any stable 10-digit number serves here.
        digest = hashlib.sha256(f"{self.data['fn']}/{number}/{json.dumps(body, sort_keys=True, default=str)}".encode())
        sign = str(int(digest.hexdigest()[:8], 16)).zfill(10)
        shift = self.data["shift"]
        answer: dict[str, Any] = {"CheckNumber": number, "SessionNumber": shift["number"], "QRCode": "", "URL": "",
                                  "LineLength": 48}
        if total is not None:
            answer["SessionCheckNumber"] = shift["checks"]
            answer["QRCode"] = (f"t={when.strftime('%Y%m%dT%H%M')}&s={total:.2f}&fn={self.data['fn']}&i={number}"
                                f"&fp={sign}&n={TYPE_CHECKS[body['TypeCheck']]}")
        self.data["documents"].append({"Command": body["Command"], "TypeCheck": body.get("TypeCheck"),
                                       "CheckNumber": number, "SessionNumber": shift["number"], "FiscalSign": sign,
                                       "At": when.isoformat(), "Total": f"{total:.2f}" if total is not None else None,
                                       "ClientAddress": body.get("ClientAddress", ""), "QRCode": answer["QRCode"]})
        self._save()
        return answer

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


def _money(holder: dict[str, Any], name: str, *, required: bool = True) -> Decimal:
    value = holder.get(name, None if required else 0)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise CommandError(INVALID_TOTAL, name)
    amount = Decimal(str(value))
    if amount < 0 or amount != amount.quantize(CENT):
        raise CommandError(INVALID_TOTAL, name)
    return amount


def _check_receipt(body: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """A fiscal receipt as KKM-server takes it; its total and the cash part of its payment."""
    if body.get("IsFiscalCheck") is not True or body.get("TypeCheck") not in TYPE_CHECKS:
        raise CommandError(NO_REQUIRED_PROPERTY, "IsFiscalCheck/TypeCheck")
    if body.get("TaxVariant", "") not in TAX_VARIANTS:
        raise CommandError("Неверная система налогообложения")
    address = body.get("ClientAddress", "")
    if address and not (isinstance(address, str) and ("@" in address or
                                                       (address.startswith("+") and address[1:].isdigit()))):
        raise CommandError(NO_REQUIRED_PROPERTY, "ClientAddress (1008): +{Ц} or {С}@{С}")
    strings = body.get("CheckStrings")
    lines = [s["Register"] for s in strings or [] if isinstance(s, dict) and isinstance(s.get("Register"), dict)]
    if not isinstance(strings, list) or not lines:
        raise CommandError(NO_REQUIRED_PROPERTY, "CheckStrings[].Register")
    total = Decimal(0)
    for line in lines:
        if not str(line.get("Name") or "").strip():
            raise CommandError(NO_NAME)
        if line.get("SignMethodCalculation") not in range(1, 8):
            raise CommandError(NO_METHOD)
        if line.get("SignCalculationObject") not in range(1, 27):
            raise CommandError(NO_OBJECT)
        if line.get("Tax") not in TAXES:
            raise CommandError(WRONG_VAT)
        price, amount = _money(line, "Price"), _money(line, "Amount")
        try:
            quantity = Decimal(str(line.get("Quantity")))
        except InvalidOperation:
            raise CommandError(INVALID_TOTAL, "Quantity") from None
        if quantity <= 0 or (price * quantity).quantize(CENT, ROUND_HALF_UP) != amount:
            raise CommandError(INVALID_TOTAL, "Amount")
        total += amount
    paid = {name: _money(body, name, required=False) for name in PAYMENTS}
    if sum(paid.values()) < total:
        raise CommandError(NOT_FULLY_PAID)
    if sum(paid.values()) - paid["Cash"] > total:
        raise CommandError(INVALID_TOTAL, "change only from cash")
    return total, min(paid["Cash"], total)


class KkmServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], register: Register, *, login: str = "User",
                 password: str = "") -> None:
        super().__init__(address, _Handler)
        self.register = register
        self.credentials = "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()
        self.answers: dict[str, dict[str, Any]] = {}  # IdCommand: the command's answer
        self.answers_lock = threading.Lock()
        self.command_lock = threading.Lock()  # KKM-server queues a device's commands
        self.lose_answers = 0
        self.slow = 0.0  # seconds the register takes over each document
        self.forget_lost = False  # a lost answer's command forgotten too, as by a server restarted meanwhile
        self.fail_answers = 0  # documents done whose answer is KKM-server's HTTP 500 (its own fault), not theirs

    def execute(self, body: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The command's answer, and whether the line is to lose it."""
        key = body["IdCommand"]
        command = body["Command"]
        if command == "GetRezult":
            with self.answers_lock:
                known = self.answers.get(key)
            if known is None:
                return {**_answer(body, NOT_FOUND, UNKNOWN_ID),
                        "Rezult": {"IdCommand": key, "Status": NOT_FOUND, "Command": "<Не определено>"}}, False
            return {**_answer(body, OK, ""), "Rezult": known}, False
        questions = command in QUESTIONS
        with self.answers_lock:
            known = self.answers.get(key)
            if known is not None and known["Status"] != ERROR:  # the same IdCommand again: nothing issued
                return _answer(body, ALREADY_DONE, ALREADY), False
            if not questions:
                self._keep(key, _answer(body, RUNNING, ""))
        done = threading.Event()
        ended: dict[str, Any] = {}

        def work() -> None:
            with self.command_lock:  # KKM-server runs a device's commands one at a time
                if self.slow and not questions:
                    time.sleep(self.slow)
                try:
                    answer = {**_answer(body, OK, ""), **self.register.run(body)}
                except CommandError as exc:
                    answer = _answer(body, ERROR, exc.text)
                lose = self.lose_answers > 0 and not questions
                if lose:
                    self.lose_answers -= 1
                with self.answers_lock:
                    if lose and self.forget_lost:
                        self.answers.pop(key, None)
                    elif not questions:
                        self._keep(key, answer)
                ended.update(answer=answer, lose=lose)
            done.set()

        threading.Thread(target=work, name=f"kkm-{key}", daemon=True).start()
        # The request waits for the command up to its Timeout (60 s when none); past it, Status 1 and GetRezult.
        timeout = body.get("Timeout") or 60
        if not done.wait(max(float(timeout) - 1, 0.5) if isinstance(timeout, int | float | Decimal) else 59):
            return _answer(body, RUNNING, ""), False
        return ended["answer"], ended["lose"]

    def _keep(self, key: str, answer: dict[str, Any]) -> None:
        self.answers.pop(key, None)
        self.answers[key] = answer
        while len(self.answers) > KEPT_ANSWERS:
            del self.answers[next(iter(self.answers))]


def _answer(body: dict[str, Any], status: int, error: str) -> dict[str, Any]:
    return {"Command": body.get("Command", ""), "IdCommand": body.get("IdCommand", ""),
            "NumDevice": body.get("NumDevice", 0), "Status": status, "Error": error, "Warning": ""}


class _Handler(BaseHTTPRequestHandler):
    server: KkmServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="KkmServer"')
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/sim/documents":
            self._send(200, self.server.register.documents())
        else:
            self._send(404, {"Error": "Not found"})

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw.decode("utf-8"), parse_float=Decimal)
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if self.path.startswith("/sim/"):
            self._control(self.path.removeprefix("/sim/"), body if isinstance(body, dict) else {})
            return
        if self.path not in ("/Execute", "/Execute/sync"):
            self._send(404, {"Error": "Not found"})
            return
        if self.headers.get("Authorization") != self.server.credentials:
            self._send(401, {"Status": ERROR, "Error": "Не пройдена авторизация"})
            return
        if not isinstance(body, dict) or body.get("Command") not in COMMANDS:
            unknown = body if isinstance(body, dict) else {}
            self._send(200, _answer(unknown, ERROR, "Не заполнена или неизвестна команда"))
            return
        key = body.get("IdCommand")
        if not isinstance(key, str) or not key.strip() or len(key) > 64:
            self._send(200, _answer(body, ERROR, "Не заполнен IdCommand"))
            return
        answer, lose = self.server.execute(body)
        if self.server.fail_answers > 0 and body["Command"] not in QUESTIONS:
            self.server.fail_answers -= 1  # the document is done; the server fails while it answers
            self._send(500, {"Message": "An error has occurred."})
        elif lose:  # the command is done and its answer never arrives
            self.close_connection = True
            self.connection.shutdown(2)
        else:
            self._send(200, answer)

    def _control(self, command: str, body: dict[str, Any]) -> None:
        server = self.server
        if command == "fault":
            name, on = body.get("fault"), bool(body.get("on", True))
            if name in FAULTS:
                (server.register.faults.add if on else server.register.faults.discard)(name)
            elif name == "slow":
                server.slow = float(body.get("seconds", 3)) if on else 0.0
            elif name == "lose_answer":
                server.lose_answers = int(body.get("times", 1)) if on else 0
                server.forget_lost = bool(body.get("forget", False))
            elif name == "fail_answer":
                server.fail_answers = int(body.get("times", 1)) if on else 0
            else:
                self._send(400, {"error": f"unknown fault {name!r}"})
                return
        elif command == "age_shift":
            server.register.age_shift(float(body.get("hours", 25)))
        elif command == "storage":
            register = server.register
            with register.lock:
                if "valid_days" in body:
                    register.valid_until = _now() + timedelta(days=float(body["valid_days"]))
                if "unsent_days" in body:
                    days = body["unsent_days"]
                    register.unsent_since = None if days is None else _now() - timedelta(days=float(days))
        elif command == "forget_commands":
            with server.answers_lock:
                server.answers.clear()
        else:
            self._send(400, {"error": f"unknown command {command!r}"})
            return
        self._send(200, {"ok": True})


def _local(when: datetime) -> str:
    """KKM-server's date and time: the register's local time, no zone."""
    return when.astimezone(MSK).replace(tzinfo=None).isoformat(timespec="seconds")


def serve(port: int, state: Path | None, host: str = "127.0.0.1", *, login: str = "User",
          password: str = "") -> KkmServer:
    """A server on ``host:port`` (0: any free port), serving on its own thread."""
    server = KkmServer((host, port), Register(state), login=login, password=password)
    threading.Thread(target=server.serve_forever, name="kkm-server", daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardware.simulators.kkmserver", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (printed)")
    parser.add_argument("--state", type=Path, default=None, help="the register's file (kept across runs)")
    parser.add_argument("--login", default="User")
    parser.add_argument("--password", default="")
    parser.add_argument("--fault", action="append", default=[], choices=sorted(FAULTS))
    args = parser.parse_args(argv)
    server = KkmServer((args.host, args.port), Register(args.state), login=args.login, password=args.password)
    server.register.faults.update(args.fault)
    print(f"KKM-server simulator on http://{args.host}:{server.server_address[1]}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
