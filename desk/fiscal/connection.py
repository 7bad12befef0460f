"""Asking a registered register whether it answers, before or after its settings are saved.

Nothing is issued: the register is asked a question (ATOL: its shift's state; KKM-server: the register's data;
ErpNet.FP: its printers and the printer's status), so no journal intent is written. A register that does not
answer, refuses the workstation's login or has no such device is said as a DeskError, which the window shows
translated.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass

from desk.core.errors import Phrase
from desk.fiscal.errors import UNEXPLAINED_NOT_READY, RegisterNotSetUp, RegisterUnreachable
from desk.fiscal.registers.atol import AnswerLost, AtolClient
from desk.fiscal.registers.erpnet import PAPER_CODES, ErpNetClient, error_codes, unexplained
from desk.fiscal.registers.erpnet import paper_state as erpnet_paper
from desk.fiscal.registers.kkmserver import KkmClient
from desk.fiscal.registers.kkmserver import paper_state as kkm_paper
from desk.fiscal.settings import RegisterKind, RegisterSettings
from desk.fiscal.storage import ATOL_STORAGE_FLAGS
from hardware.interfaces import PrinterStatus


@dataclass(frozen=True)
class ConnectionCheck:
    """What the register said: the device (serial, make, model), its shift's state and its own words on trouble."""

    device: str
    shift: str = ""  # opened, closed, expired; "" when its kind has no shift of its own
    # The device's own words (an error or a warning: its code and text), or the desk's (a Phrase) on an answer it
    # does not understand.
    problems: str = ""
    # What the fiscal storage warns of, in STORAGE_WARNINGS' order and words: what a manager must act on ahead.
    storage: tuple[str, ...] = ()
    # Its paper and cover as an ESC/POS printer's status, to be said in the same words; None when it does not say.
    paper: PrinterStatus | None = None


# The fiscal storage's warnings a manager acts on before the register stops: a broken storage, memory nearly full,
# a storage to replace soon (its validity ends, or its resource does), documents the fiscal data operator has
# not confirmed for too long (the register blocks after 30 days).
STORAGE_WARNINGS = ("storage_fault", "nearly_full", "replace_soon", "ofd_not_sent")
_ATOL_WARNINGS = {**ATOL_STORAGE_FLAGS, "ofdTimeout": "ofd_not_sent"}  # getFnStatus adds the OFD's own flag


def _in_order(found: set[str]) -> tuple[str, ...]:
    return tuple(warning for warning in STORAGE_WARNINGS if warning in found)


def check_connection(settings: RegisterSettings, cancel: threading.Event | None = None) -> ConnectionCheck:
    """Ask the register of ``settings`` (perhaps not saved yet) whether it answers; raises when it does not."""
    if settings.kind is RegisterKind.ESCPOS or not settings.address:
        raise RegisterNotSetUp("Only a registered register is asked here: a manager sets its kind and its server's "
                               "address first; an ESC/POS printer is checked in Devices")
    try:
        if settings.kind is RegisterKind.ATOL:
            return _atol(settings, cancel)
        if settings.kind is RegisterKind.KKMSERVER:
            return _kkm(settings, cancel)
        return _erpnet(settings)
    except AnswerLost as exc:  # a question changes nothing: simply unanswered
        raise RegisterUnreachable("The register's server at {address} does not answer: {problem}. Check that it "
                                  "runs and the register is on", address=settings.address, problem=str(exc)) from exc


def _atol(settings: RegisterSettings, cancel: threading.Event | None) -> ConnectionCheck:
    client = AtolClient(settings.address, timeout=5.0, wait=15.0)
    try:
        result = client.run(f"q-{uuid.uuid4().hex}", [{"type": "getShiftStatus"}], cancel)
        storage = client.run(f"q-{uuid.uuid4().hex}", [{"type": "getFnStatus"}], cancel) if (
            result.get("status") == "ready") else {}
    finally:
        client.close()
    if result.get("status") != "ready":
        return ConnectionCheck("ATOL", problems=f"{result.get('errorCode')}: {result.get('errorDescription')}")
    shift = (result.get("result") or {}).get("shiftStatus") or {}
    warnings = ((storage.get("result") or {}).get("fnStatus") or {}).get("warnings") or {}
    found = {_ATOL_WARNINGS[name] for name, on in warnings.items() if on and name in _ATOL_WARNINGS}
    return ConnectionCheck("ATOL", str(shift.get("state") or ""), storage=_in_order(found))


def _kkm(settings: RegisterSettings, cancel: threading.Event | None) -> ConnectionCheck:
    client = KkmClient(settings.address, timeout=5.0, wait=15.0)
    device = int(settings.device_id) if settings.device_id.isdigit() else 0
    try:
        answer = client.run({"Command": "GetDataKKT", "NumDevice": device, "IdCommand": f"q-{uuid.uuid4().hex}",
                             "Timeout": client.command_timeout}, cancel)
    finally:
        client.close()
    if answer.get("Status") != 0:
        return ConnectionCheck("KKM-server", problems=str(answer.get("Error") or answer.get("Status")))
    info = answer.get("Info") or {}
    state = {1: "closed", 2: "opened", 3: "expired"}.get(int(info.get("SessionState") or 0), "")
    return ConnectionCheck(f"{info.get('KktNumber') or ''} {info.get('RegNumber') or ''}".strip() or "KKM-server",
                           state, storage=_in_order({"nearly_full"} if info.get("FN_MemOverflowl") else set()),
                           paper=kkm_paper(info))


def _erpnet(settings: RegisterSettings) -> ConnectionCheck:
    client = ErpNetClient(settings.address, timeout=5.0)
    try:
        printers = client.get("/printers")
        wanted = settings.device_id or (next(iter(printers)) if len(printers) == 1 else "")
        if wanted not in printers:
            raise RegisterNotSetUp("ErpNet.FP at {address} has no printer “{printer}”: a manager sets the register's "
                                   "device id to one of its printers", address=settings.address,
                                   printer=settings.device_id or "-")
        status = client.get(f"/printers/{wanted}/status")
    finally:
        client.close()
    info = printers[wanted]
    device = " ".join(str(info.get(k) or "") for k in ("serialNumber", "manufacturer", "model")).strip()
    words = "; ".join(f"{m.get('code')} {m.get('text')}" for m in status.get("messages") or []
                      if m.get("type") in ("error", "warning") and str(m.get("code")) not in PAPER_CODES)
    if unexplained(status):  # nothing in an answer not understood is read as the printer's state
        return ConnectionCheck(device or wanted, problems=Phrase(UNEXPLAINED_NOT_READY))
    return ConnectionCheck(device or wanted, "expired" if "E502" in error_codes(status) else "", words,
                           paper=erpnet_paper(status))



