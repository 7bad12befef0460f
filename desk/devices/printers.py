"""The devices of a workstation: its settings in the database, built into hardware objects.

Settings are kept by workstation name, so a reinstalled desk finds its printers again. They are
the one place a cash register's printer is set: the printer of a workstation assigned to a
register prints that register's documents there, and the status bar asks that same printer; a
register with no printer on a workstation does not print there. Each physical printer has one
owner in the process (:data:`PRINTERS`: one worker thread, one connection), shared by the
:class:`DeviceHub` (statuses, drawer, test pages, card slips) and the fiscal registers; a network
printer takes one connection at a time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cash.models import DrawerOpening
from desk.core.errors import DeskError, InvalidInput
from desk.core.types import utcnow
from desk.devices.models import WorkstationPrinter
from desk.fiscal.models import CashRegister
from desk.ledger.lookup import get
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from desk.people.rights import Right, require
from hardware.errors import DeviceError
from hardware.escpos import printer_from_url
from hardware.escpos.layout import PrinterProfile
from hardware.escpos.owners import PrinterLease, PrinterOwners, wait_for
from hardware.escpos.testpage import test_page
from hardware.interfaces import PrinterStatus, PrintResult, ReceiptDocument, ReceiptPrinter
from hardware.transport.url import transport_from_url

logger = logging.getLogger(__name__)

PAPER_WIDTHS = (58, 80)
DEFAULT_PROFILE = "TM-T20II"
SCHEMES = ("tcp", "serial", "usb", "file")
# How long a status question may take before the device is shown as not answering.
STATUS_TIMEOUT = 3.0

# The one owner of each physical printer in this process: the hub and the registers lease from it.
PRINTERS = PrinterOwners()


@dataclass(frozen=True)
class PrinterSetting:
    """One printer as configured on a workstation."""

    id: int
    workstation: str
    name: str
    url: str
    profile: str
    paper_mm: int
    register_code: str | None
    drawer: bool
    text_as_image: bool = False

    @property
    def key(self) -> tuple[str, str, int, bool]:
        """What a printer's worker is built from: a change here means a new worker."""
        return (self.url, self.profile, self.paper_mm, self.text_as_image)


def _setting(row: WorkstationPrinter) -> PrinterSetting:
    return PrinterSetting(row.id, row.workstation, row.name, row.url, row.profile, row.paper_mm,
                          row.register_code, row.drawer, row.text_as_image)


# -- reading and changing the settings -----------------------------------------------------------


def printer_settings(session: Session, workstation: str) -> list[PrinterSetting]:
    """The printers configured on ``workstation``, by name."""
    rows = session.scalars(
        select(WorkstationPrinter).where(WorkstationPrinter.workstation == workstation)
        .order_by(WorkstationPrinter.name)
    )
    return [_setting(row) for row in rows]


def printer_setting(session: Session, printer_id: int) -> PrinterSetting:
    return _setting(get(session, WorkstationPrinter, printer_id, "Printer"))


def registers_without_printer(session: Session, workstation: str) -> list[str]:
    """The registers that print nowhere on ``workstation``: none of its printers is assigned to them."""
    assigned = select(WorkstationPrinter.register_code).where(WorkstationPrinter.workstation == workstation,
                                                              WorkstationPrinter.register_code.is_not(None))
    return list(session.scalars(select(CashRegister.code).where(CashRegister.code.not_in(assigned))
                                .order_by(CashRegister.code)))


def register_printer(session: Session, workstation: str, register_code: str) -> PrinterSetting | None:
    """The printer that prints ``register_code``'s documents on ``workstation`` (None: none is assigned)."""
    row = session.scalar(select(WorkstationPrinter).where(WorkstationPrinter.workstation == workstation,
                                                          WorkstationPrinter.register_code == register_code))
    return _setting(row) if row is not None else None


def workstations_with_printers(session: Session) -> list[str]:
    return list(session.scalars(select(WorkstationPrinter.workstation).distinct()
                                .order_by(WorkstationPrinter.workstation)))


def check_url(url: str) -> str:
    """The URL stripped, or InvalidInput saying what a printer URL looks like."""
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SCHEMES:
        raise InvalidInput("{url} is not a printer address: use tcp://, serial://, usb:// or file://",
                           field="url", url=url)
    try:
        transport_from_url(url)  # builds, does not open: checks the form only
    except ValueError:
        raise InvalidInput("{url} is not a printer address: use tcp://, serial://, usb:// or file://",
                           field="url", url=url) from None
    if len(url) > 160:
        raise InvalidInput("A printer address is at most 160 characters", field="url")
    return url


def _check(session: Session, name: str, url: str, profile: str, paper_mm: int,
           register_code: str | None) -> tuple[str, str, str]:
    name = name.strip()
    if not name or len(name) > 80:
        raise InvalidInput("A printer needs a name of at most 80 characters", field="name")
    url = check_url(url)
    profile = profile.strip() or DEFAULT_PROFILE
    if paper_mm not in PAPER_WIDTHS:
        raise InvalidInput("Paper is 58 or 80 mm wide", field="paper")
    try:
        PrinterProfile.from_capabilities(profile, paper_mm=paper_mm)
    except Exception:  # python-escpos raises its own kinds for an unknown profile
        raise InvalidInput("There is no printer profile “{profile}”", field="profile", profile=profile) from None
    if register_code is not None and session.get(CashRegister, register_code) is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    return name, url, profile


def _take_register(session: Session, workstation: str, register_code: str | None, keep_id: int) -> None:
    # A register prints in one place on a workstation: assigning it to a printer takes it off the
    # others, as marking a drawer does.
    if register_code is None:
        return
    for row in session.scalars(select(WorkstationPrinter).where(
            WorkstationPrinter.workstation == workstation, WorkstationPrinter.id != keep_id,
            WorkstationPrinter.register_code == register_code)):
        row.register_code = None
    session.flush()


def _only_drawer(session: Session, workstation: str, keep_id: int) -> None:
    # One drawer a workstation: marking a printer's drawer unmarks the others'.
    for row in session.scalars(select(WorkstationPrinter).where(
            WorkstationPrinter.workstation == workstation, WorkstationPrinter.id != keep_id,
            WorkstationPrinter.drawer.is_(True))):
        row.drawer = False


def _name_taken(session: Session, workstation: str, name: str, other_than: int | None) -> bool:
    query = select(WorkstationPrinter.id).where(WorkstationPrinter.workstation == workstation,
                                                WorkstationPrinter.name == name)
    if other_than is not None:
        query = query.where(WorkstationPrinter.id != other_than)
    return session.scalar(query) is not None


def add_printer(
    session: Session, actor: Actor, workstation: str, name: str, url: str, *,
    profile: str = DEFAULT_PROFILE, paper_mm: int = 80, register_code: str | None = None, drawer: bool = False,
    text_as_image: bool = False,
) -> PrinterSetting:
    require(actor, Right.MANAGE_DEVICES)
    workstation = workstation.strip()
    if not workstation or len(workstation) > 40:
        raise InvalidInput("A workstation name is 1 to 40 characters", field="workstation")
    name, url, profile = _check(session, name, url, profile, paper_mm, register_code)
    if _name_taken(session, workstation, name, None):
        raise InvalidInput("{workstation} already has a printer “{name}”", field="name",
                           workstation=workstation, name=name)
    _take_register(session, workstation, register_code, 0)
    row = WorkstationPrinter(workstation=workstation, name=name, url=url, profile=profile, paper_mm=paper_mm,
                             register_code=register_code, drawer=drawer, text_as_image=text_as_image,
                             changed_by=actor.username)
    session.add(row)
    session.flush()
    if drawer:
        _only_drawer(session, workstation, row.id)
    return _setting(row)


def update_printer(
    session: Session, actor: Actor, printer_id: int, name: str, url: str, *,
    profile: str = DEFAULT_PROFILE, paper_mm: int = 80, register_code: str | None = None, drawer: bool = False,
    text_as_image: bool = False,
) -> PrinterSetting:
    require(actor, Right.MANAGE_DEVICES)
    row = get(session, WorkstationPrinter, printer_id, "Printer", lock=True)
    name, url, profile = _check(session, name, url, profile, paper_mm, register_code)
    if _name_taken(session, row.workstation, name, row.id):
        raise InvalidInput("{workstation} already has a printer “{name}”", field="name",
                           workstation=row.workstation, name=name)
    _take_register(session, row.workstation, register_code, row.id)
    row.name, row.url, row.profile, row.paper_mm = name, url, profile, paper_mm
    row.register_code, row.drawer, row.text_as_image = register_code, drawer, text_as_image
    row.changed_by, row.changed_at = actor.username, utcnow()
    session.flush()
    if drawer:
        _only_drawer(session, row.workstation, row.id)
    return _setting(row)


def remove_printer(session: Session, actor: Actor, printer_id: int) -> None:
    require(actor, Right.MANAGE_DEVICES)
    row = get(session, WorkstationPrinter, printer_id, "Printer", lock=True)
    session.delete(row)
    session.flush()


# -- the cash drawer's log -----------------------------------------------------------------------


def open_drawer(session: Session, actor: Actor) -> DrawerOpening:
    """Record that ``actor`` opens the drawer by hand (**Open drawer**); the kick follows."""
    require(actor, Right.OPEN_CASH_DRAWER)
    opening = DrawerOpening(workstation=actor.workstation, opened_by=actor.username)
    session.add(opening)
    session.flush()
    return opening


def drawer_for_payment(session: Session, actor: Actor, payment_id: int) -> DrawerOpening | None:
    """Record the drawer's opening for a cash payment or refund just committed on this desk.

    None when the payment's method opens no drawer (cards, transfers). Once per payment: the unique key keeps
    a payment from opening the drawer twice, so it is no back door around **Open drawer**'s right.
    """
    require(actor, Right.TAKE_PAYMENT)
    payment = get(session, Payment, payment_id, "Payment")
    if payment.kind is PaymentKind.REFUND:
        require(actor, Right.REFUND)
    if not payment.method.opens_drawer:
        return None
    if payment.workstation != actor.workstation:
        raise InvalidInput("Payment {payment} was taken on another workstation", field="payment",
                           payment=payment_id)
    if session.scalar(select(DrawerOpening.id).where(DrawerOpening.payment_id == payment_id)) is not None:
        raise InvalidInput("The drawer was already opened for payment {payment}", field="payment",
                           payment=payment_id)
    opening = DrawerOpening(workstation=actor.workstation, opened_by=actor.username, payment_id=payment_id)
    session.add(opening)
    session.flush()
    return opening


def drawer_openings(session: Session, workstation: str) -> list[DrawerOpening]:
    return list(session.scalars(select(DrawerOpening).where(DrawerOpening.workstation == workstation)
                                .order_by(DrawerOpening.id)))


# -- live devices --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceState:
    """What a printer said about itself just now; ``error`` is set when it did not answer."""

    name: str
    url: str
    register_code: str | None
    drawer: bool
    status: PrinterStatus | None = None
    error: str = ""  # the device layer's English text, for logs and the command line
    error_code: str = ""  # stable, for ui/ to translate

    @property
    def online(self) -> bool:
        return self.status is not None and self.status.online

    @property
    def ready(self) -> bool:
        return self.status is not None and self.status.ready

    def describe(self) -> str:
        if self.status is None:
            return f"not answering ({self.error})"
        parts = ["online" if self.status.online else "offline",
                 "paper out" if self.status.paper_out else
                 ("paper low" if self.status.paper_near_end else "paper ok"),
                 "cover open" if self.status.cover_open else "cover closed"]
        if self.drawer:
            parts.append({None: "drawer unknown", True: "drawer open", False: "drawer closed"}[
                self.status.drawer_open])
        return ", ".join(parts)


@dataclass(frozen=True)
class DrawerKick:
    """The drawer was kicked; ``drawer_open`` as the printer reports it afterwards (None: cannot tell)."""

    printer: str
    drawer_open: bool | None


class NoDrawer(DeskError):
    def __init__(self, workstation: str) -> None:
        super().__init__("No cash drawer is configured on {workstation}", workstation=workstation)


class DeviceFailed(DeskError):
    """A device did not do what it was asked; what the device said is in ``detail``."""

    def __init__(self, device: str, detail: str, code: str) -> None:
        super().__init__("{device} did not answer as expected: {detail}", device=device, detail=detail)
        self.device_code = code


PrinterFactory = Callable[[PrinterSetting], ReceiptPrinter]


def build_printer(setting: PrinterSetting) -> ReceiptPrinter:
    return printer_from_url(setting.url, profile=setting.profile, paper_mm=setting.paper_mm,
                            text_as_image=setting.text_as_image)


class DeviceHub:
    """The live printers of one workstation, each leased from its owner in :data:`PRINTERS`.

    Thread-safe: the GUI's worker threads ask it for statuses, test pages and drawer kicks; every
    one is a job on the printer's one queue (behind a fiscal receipt, never inside it). `configure`
    follows the settings: a printer whose URL, profile or paper changed gets a new lease (the old
    one is released); one removed is released. A released printer nobody else uses is closed.
    """

    def __init__(self, workstation: str, *, factory: PrinterFactory = build_printer,
                 status_timeout: float = STATUS_TIMEOUT, job_timeout: float = 60.0,
                 queue_timeout: float | None = None, owners: PrinterOwners = PRINTERS) -> None:
        self.workstation = workstation
        self.factory = factory
        self.status_timeout = status_timeout
        self.job_timeout = job_timeout
        # How long a job may wait behind the printer's other jobs (a receipt): one job's length.
        self.queue_timeout = job_timeout if queue_timeout is None else queue_timeout
        self.owners = owners
        self._lock = threading.Lock()
        self._plan: list[PrinterSetting] = []
        self._leases: dict[tuple[str, str, int, bool], PrinterLease] = {}
        self._closed = False

    @property
    def plan(self) -> list[PrinterSetting]:
        with self._lock:
            return list(self._plan)

    def configure(self, plan: list[PrinterSetting]) -> None:
        with self._lock:
            if self._closed:
                return
            self._plan = list(plan)
            wanted = {setting.key for setting in plan}
            gone = [key for key in self._leases if key not in wanted]
            stale = [self._leases.pop(key) for key in gone]
        for lease in stale:
            lease.release(wait=self.status_timeout)

    def load(self, session: Session) -> list[PrinterSetting]:
        plan = printer_settings(session, self.workstation)
        self.configure(plan)
        return plan

    def _lease(self, setting: PrinterSetting) -> PrinterLease:
        with self._lock:
            if self._closed:
                raise DeviceFailed(setting.name, "the program is closing", "device.worker_stopped")
            lease = self._leases.get(setting.key)
            if lease is None:
                try:
                    printer = self.factory(setting)
                except (ValueError, OSError) as exc:  # a URL that cannot be built on this computer
                    raise DeviceFailed(setting.name, str(exc), "device.error") from exc
                lease = self._leases[setting.key] = self.owners.lease(
                    printer, job_timeout=self.job_timeout, status_timeout=self.status_timeout)
            return lease

    def _wait(self, setting: PrinterSetting, future: Any, cancel: threading.Event | None = None,
              queue_timeout: float | None = None) -> Any:
        queued = self.queue_timeout if queue_timeout is None else queue_timeout
        try:
            return wait_for(future, queue_timeout=queued, cancel=cancel, device=setting.name)
        except DeviceError as exc:
            raise DeviceFailed(setting.name, exc.message, exc.code) from exc

    def state(self, setting: PrinterSetting, queue_timeout: float | None = None) -> DeviceState:
        """Ask the printer for its status; a printer that is away gives a state with an error.

        ``queue_timeout``: how long the question may wait behind the printer's other jobs; by
        default the status timeout, so a printer busy with a receipt is told busy at once instead
        of holding the Devices window for a whole receipt's length.
        """
        base = DeviceState(setting.name, setting.url, setting.register_code, setting.drawer)
        queued = self.status_timeout if queue_timeout is None else queue_timeout
        try:
            lease = self._lease(setting)
            status = self._wait(setting, lease.status(), queue_timeout=queued)
        except DeviceFailed as exc:
            return replace(base, error=str(exc.params["detail"]), error_code=exc.device_code)
        return replace(base, status=status)

    def states(self, queue_timeout: float | None = None) -> list[DeviceState]:
        return [self.state(setting, queue_timeout) for setting in self.plan]

    def register_states(self) -> dict[str, DeviceState]:
        """Each cash register's printer state, by register code."""
        return {s.register_code: self.state(s) for s in self.plan if s.register_code is not None}

    def print_test_page(self, setting: PrinterSetting) -> PrintResult:
        lease = self._lease(setting)
        page = test_page(setting.name, lease.printer.columns, workstation=self.workstation)
        return self._wait(setting, lease.print_document(page))

    def print_document(self, setting: PrinterSetting, document: ReceiptDocument,
                       cancel: threading.Event | None = None, queue_timeout: float | None = None) -> PrintResult:
        """Print on one of this workstation's printers; DeviceFailed says why it did not."""
        lease = self._lease(setting)
        return self._wait(setting, lease.print_document(document), cancel, queue_timeout)

    def drawer_printer(self) -> PrinterSetting | None:
        return next((setting for setting in self.plan if setting.drawer), None)

    def kick_drawer(self) -> DrawerKick:
        """Open the drawer and read its state back where the printer reports it."""
        setting = self.drawer_printer()
        if setting is None:
            raise NoDrawer(self.workstation)
        lease = self._lease(setting)
        self._wait(setting, lease.kick_drawer())
        try:
            state = self._wait(setting, lease.drawer_open())
        except DeviceFailed:
            state = None  # it opened; only the read-back failed
        return DrawerKick(setting.name, state)

    def close(self) -> None:
        """Give back every printer (at program exit); one nobody else holds is stopped and its port closed."""
        with self._lock:
            self._closed = True
            leases = list(self._leases.values())
            self._leases.clear()
        for lease in leases:
            lease.release(wait=self.status_timeout)
