"""The fiscal storage (ФН) of the workstation's Russian register, as the cashier must see it every day.

A ФН stops the register when its validity ends, when its memory is full, or 30 days after the oldest document
the fiscal data operator (ОФД) has not confirmed. The register tells all three: ATOL's web server in the
``getFnInfo`` task (``validityDate`` and its ``warnings``) and ``ofdExchangeStatus`` (``notSentCount``,
``notSentFirstDocDateTime``), KKM-server in ``GetDataKKT``'s ``Info`` (``FN_DateEnd``, ``FN_MemOverflowl``,
``OFD_NumErrorDoc``, ``OFD_DateErrorDoc``). Only questions are asked: nothing is issued, so no journal intent.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.fiscal.errors import RegisterRefused, RegisterUnreachable
from desk.fiscal.registers.atol import AnswerLost, AtolClient
from desk.fiscal.registers.kkmserver import KkmClient
from desk.fiscal.settings import RegisterKind, RegisterSettings, register_settings
from desk.fiscal.workflow import shift_register
from desk.people.auth import Actor

# A storage is replaced ahead: one is ordered and the register re-registered within this many days of its end.
WARN_BEFORE = timedelta(days=30)
# Documents the OFD has not confirmed for a day already mean the line is down, not merely slow.
OFD_LATE = timedelta(days=1)

# getFnInfo's warnings (and getFnStatus's older names for them): which the desk names, and how.
ATOL_STORAGE_FLAGS = {"criticalError": "storage_fault", "criticalFn": "storage_fault", "memoryOverflow": "nearly_full",
               "memoryOverflowFn": "nearly_full", "needReplacement": "replace_soon",
               "needReplacementFn": "replace_soon", "resourceExhausted": "replace_soon"}


@dataclass(frozen=True)
class StorageState:
    """What the register said of its storage, and when it said it."""

    register: str
    read_at: datetime
    valid_until: date | None = None
    flags: tuple[str, ...] = ()  # storage_fault, nearly_full, replace_soon: the register's own warnings
    unsent: int = 0  # documents the OFD has not confirmed
    unsent_since: datetime | None = None  # the oldest of them

    def replace_by(self, today: date) -> date | None:
        """The day the storage must be replaced by, once it is within WARN_BEFORE of it (or flagged)."""
        if self.valid_until is None:
            return None
        if self.valid_until - today <= WARN_BEFORE or "replace_soon" in self.flags:
            return self.valid_until
        return None

    def unsent_days(self, now: datetime) -> int:
        """For how many whole days documents have not reached the OFD; 0 when none waits a day."""
        if not self.unsent or self.unsent_since is None or now - self.unsent_since < OFD_LATE:
            return 0
        return (now - self.unsent_since).days

    def action_due(self, now: datetime) -> bool:
        today = now.date()
        return bool(self.flags or self.replace_by(today) or self.unsent_days(now))


def _when(text: Any) -> datetime | None:
    """A register's date and time; one with no zone is the register's local time, taken as this machine's."""
    if not text or not isinstance(text, str) or text.startswith("0001-"):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


def read_storage(settings: RegisterSettings, cancel: threading.Event | None = None) -> StorageState | None:
    """Ask the register of ``settings``; None for a kind without a ФН (ESC/POS, a Bulgarian printer).
    Raises RegisterUnreachable or RegisterRefused when it does not answer."""
    if settings.kind is RegisterKind.ATOL:
        return _atol(settings, cancel)
    if settings.kind is RegisterKind.KKMSERVER:
        return _kkm(settings, cancel)
    return None


def workstation_storage(runner: Runner, actor: Actor, cancel: threading.Event | None = None) -> StorageState | None:
    """The storage of the register the workstation's cash shift follows; None when it has none with a ФН."""
    code = runner.read(shift_register, actor.workstation)
    if code is None:
        return None
    return read_storage(runner.read(register_settings, code), cancel)


def _unreachable(settings: RegisterSettings, exc: Exception) -> RegisterUnreachable:
    return RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that it runs "
                               "and the register is on", address=settings.address, problem=str(exc))


def _atol(settings: RegisterSettings, cancel: threading.Event | None) -> StorageState:
    client = AtolClient(settings.address, timeout=5.0, wait=15.0)
    try:
        info = client.run(f"q-{uuid.uuid4().hex}", [{"type": "getFnInfo"}], cancel)
        exchange = client.run(f"q-{uuid.uuid4().hex}", [{"type": "ofdExchangeStatus"}], cancel)
    except AnswerLost as exc:
        raise _unreachable(settings, exc) from exc
    finally:
        client.close()
    for result in (info, exchange):
        if result.get("status") != "ready":
            raise RegisterRefused("Register {register} refused: {problem} ({words}, error {code})",
                                  register=settings.code, problem=str(result.get("errorDescription") or ""),
                                  words=str(result.get("errorDescription") or ""), code=result.get("errorCode") or 0)
    fn = (info.get("result") or {}).get("fnInfo") or {}
    status = (exchange.get("result") or {}).get("status") or {}
    valid = _when(fn.get("validityDate"))
    warnings = fn.get("warnings") or {}
    flags = {ATOL_STORAGE_FLAGS[name] for name, on in warnings.items() if on and name in ATOL_STORAGE_FLAGS}
    return StorageState(settings.code, utcnow(), valid.date() if valid is not None else None, _ordered(flags),
                        int(status.get("notSentCount") or 0), _when(status.get("notSentFirstDocDateTime")))


def _kkm(settings: RegisterSettings, cancel: threading.Event | None) -> StorageState:
    client = KkmClient(settings.address, timeout=5.0, wait=15.0)
    device = int(settings.device_id) if settings.device_id.isdigit() else 0
    try:
        answer = client.run({"Command": "GetDataKKT", "NumDevice": device, "IdCommand": f"q-{uuid.uuid4().hex}",
                             "Timeout": client.command_timeout}, cancel)
    except AnswerLost as exc:
        raise _unreachable(settings, exc) from exc
    finally:
        client.close()
    if answer.get("Status") != 0:
        words = str(answer.get("Error") or answer.get("Status"))
        raise RegisterRefused("Register {register} refused: {problem} ({words}, error {code})", register=settings.code,
                              problem=words, words=words, code=answer.get("Status") or 0)
    info = answer.get("Info") or {}
    valid = _when(info.get("FN_DateEnd"))
    # OFD_DateErrorDoc is the oldest unconfirmed document's time (0001-01-01 when none waits); OFD_NumErrorDoc is
    # read as how many wait, at least the one the date names.
    unsent_since = _when(info.get("OFD_DateErrorDoc"))
    unsent = max(1, int(info.get("OFD_NumErrorDoc") or 0)) if unsent_since is not None else 0
    return StorageState(settings.code, utcnow(), valid.date() if valid is not None else None,
                        ("nearly_full",) if info.get("FN_MemOverflowl") else (), unsent, unsent_since)


def _ordered(flags: set[str]) -> tuple[str, ...]:
    return tuple(flag for flag in ("storage_fault", "nearly_full", "replace_soon") if flag in flags)
