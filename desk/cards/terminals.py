"""Card terminals per workstation: their configuration, and one connection and device thread each."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CardTerminalConfig
from desk.core import sealed
from desk.core.errors import DeskError, InvalidInput, NotFound
from desk.people.auth import Actor
from desk.people.rights import Right, require
from hardware.terminal import CardTerminal
from hardware.worker import DeviceWorker

ZVT_PORT = 20007
_NAME = re.compile(r"^\S.{0,79}$")
_PASSWORD = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class TerminalInfo:
    """A configured terminal as dialogs and workflows see it: never its password."""

    id: int
    workstation: str
    name: str
    url: str
    currency: str
    own_printer: bool = False  # the terminal prints its slips itself; else the desk's receipt printer does
    merchant_copy: bool = False  # the desk prints the merchant's copy as well as the guest's


class TerminalKeyError(DeskError):
    """This workstation cannot open the terminal's saved password (no key file, or another one)."""

    field = "password"


@dataclass(frozen=True)
class TerminalSettings:
    """Everything needed to connect; stays in the workflow, never shown."""

    info: TerminalInfo
    sealed_password: sealed.Sealed = field(repr=False)

    @property
    def password(self) -> str:
        """The cashier password, opened with this workstation's key only when connecting."""
        try:
            return sealed.unseal(self.sealed_password)
        except sealed.KeyMissing:
            raise TerminalKeyError("This workstation has no key for the password of terminal {name}: copy {path} "
                                   "here from the computer where it was saved, or set the terminal up again",
                                   name=self.info.name, path=str(sealed.key_file())) from None
        except sealed.KeyMismatch:
            raise TerminalKeyError("The key in {path} is not the one the password of terminal {name} was saved "
                                   "with: copy the right key file here, or set the terminal up again",
                                   name=self.info.name, path=str(sealed.key_file())) from None


def _info(row: CardTerminalConfig) -> TerminalInfo:
    return TerminalInfo(row.id, row.workstation, row.name, row.url, row.currency, row.own_printer,
                        row.merchant_copy)


def _settings(row: CardTerminalConfig) -> TerminalSettings:
    return TerminalSettings(_info(row), sealed.Sealed(row.password_sealed, row.key_id))


def _sealed_password(password: str) -> sealed.Sealed:
    try:
        return sealed.seal(password)
    except sealed.KeyUnwritable as exc:
        raise TerminalKeyError("The key file {path} cannot be written ({reason})", path=str(sealed.key_file()),
                               reason=exc.reason) from None
    except sealed.NotAKey:
        raise TerminalKeyError("The file {path} is not a key for saved passwords: move it away and save again",
                               path=str(sealed.key_file())) from None


def check_url(url: str) -> str:
    """The URL as it will be used, or a clear refusal: tcp://host[:port] or serial:///dev/ttyXXX."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme == "tcp":
        try:
            port = parts.port
        except ValueError:
            port = -1
        if not parts.hostname or port == -1 or port == 0:
            raise InvalidInput("A network terminal's address is tcp://host:port", field="url")
        return url
    if parts.scheme == "serial" and parts.path.startswith("/dev/"):
        return url
    raise InvalidInput("A terminal is reached by tcp://host:20007 or serial:///dev/ttyACM0", field="url")


def list_terminals(session: Session, workstation: str | None = None) -> list[TerminalInfo]:
    query = select(CardTerminalConfig).order_by(CardTerminalConfig.workstation, CardTerminalConfig.name)
    if workstation is not None:
        query = query.where(CardTerminalConfig.workstation == workstation)
    return [_info(row) for row in session.scalars(query)]


def terminal_settings(session: Session, terminal_id: int) -> TerminalSettings:
    row = session.get(CardTerminalConfig, terminal_id)
    if row is None:
        raise NotFound("There is no card terminal {terminal}", terminal=terminal_id)
    return _settings(row)


def terminal_by_name(session: Session, workstation: str, name: str) -> TerminalSettings | None:
    row = session.scalar(select(CardTerminalConfig).where(
        CardTerminalConfig.workstation == workstation, CardTerminalConfig.name == name))
    return None if row is None else _settings(row)


def add_terminal(session: Session, actor: Actor, workstation: str, name: str, url: str, currency: str = "EUR",
                 password: str = "000000", *, own_printer: bool = False, merchant_copy: bool = False) -> TerminalInfo:
    """Configure a terminal beside ``workstation``; its name is the button the clerk presses."""
    require(actor, Right.MANAGE_DEVICES)
    name = name.strip()
    if not _NAME.match(name):
        raise InvalidInput("A terminal needs a name", field="name")
    if not workstation.strip():
        raise InvalidInput("A terminal belongs to a workstation", field="workstation")
    url = check_url(url)
    currency = currency.strip().upper()
    from hardware.terminal.zvt.codes import CURRENCIES

    if currency not in CURRENCIES:
        raise InvalidInput("The terminal cannot take {currency}", field="currency", currency=currency)
    if not _PASSWORD.match(password):
        raise InvalidInput("A terminal's password is six digits", field="password")
    if terminal_by_name(session, workstation, name) is not None:
        raise InvalidInput("{workstation} already has a terminal called {name}", field="name",
                           workstation=workstation, name=name)
    secret = _sealed_password(password)
    row = CardTerminalConfig(workstation=workstation.strip(), name=name, url=url, currency=currency,
                             password_sealed=secret.token, key_id=secret.key_id, own_printer=own_printer,
                             merchant_copy=merchant_copy)
    session.add(row)
    session.flush()
    return _info(row)


def set_terminal_slips(session: Session, actor: Actor, terminal_id: int, *, own_printer: bool,
                       merchant_copy: bool) -> TerminalInfo:
    """Who prints the card slips: the terminal itself, or the workstation's receipt printer (and which copies)."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CardTerminalConfig, terminal_id, with_for_update=True)
    if row is None:
        raise NotFound("There is no card terminal {terminal}", terminal=terminal_id)
    row.own_printer, row.merchant_copy = own_printer, merchant_copy
    session.flush()
    return _info(row)


def remove_terminal(session: Session, actor: Actor, terminal_id: int) -> None:
    """Forget a terminal's configuration (what it did stays in the card records)."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CardTerminalConfig, terminal_id)
    if row is None:
        raise NotFound("There is no card terminal {terminal}", terminal=terminal_id)
    session.delete(row)


# --- connections --------------------------------------------------------------------------------


@dataclass
class Connection:
    terminal: CardTerminal
    worker: DeviceWorker
    answer_timeout: float


_connections: dict[tuple[str, str, str, bool], Connection] = {}
_connections_lock = threading.Lock()


def _options(url: str) -> dict[str, Any]:
    query = parse_qs(urlsplit(url).query)
    options: dict[str, Any] = {}
    for key in ("answer_timeout", "ack_timeout"):
        if key in query:
            options[key] = float(query[key][0])
    return options


def connect(settings: TerminalSettings) -> Connection:
    """The terminal's one connection and the one thread that talks to it (made on first use)."""
    from hardware.terminal.zvt.client import serial_terminal, tcp_terminal

    info = settings.info
    key = (info.url, info.currency, settings.sealed_password.token, info.own_printer)
    with _connections_lock:
        connection = _connections.get(key)
        if connection is not None and connection.worker.alive:
            return connection
        # The terminal set again (its slips, its password): a terminal serves one ECR connection, so
        # the old one is closed once the call it may be running ends.
        for other in [k for k in _connections if k[0] == info.url]:
            _connections.pop(other).worker.shutdown(wait=0)
        parts = urlsplit(info.url)
        options = _options(info.url)
        common: dict[str, Any] = {"password": int(settings.password), "currency": info.currency,
                                  "ecr_prints": not info.own_printer, **options}
        terminal: CardTerminal
        if parts.scheme == "tcp":
            terminal = tcp_terminal(parts.hostname or "", parts.port or ZVT_PORT, **common)
        else:
            terminal = serial_terminal(parts.path, **common)
        answer_timeout = float(options.get("answer_timeout", 180.0))
        worker = DeviceWorker(info.name, default_timeout=answer_timeout + 60, on_stop=terminal.close)
        connection = Connection(terminal, worker, answer_timeout)
        _connections[key] = connection
        return connection


def disconnect_all() -> None:
    """Close every terminal connection (at exit, and between tests)."""
    with _connections_lock:
        connections = list(_connections.values())
        _connections.clear()
    for connection in connections:
        connection.worker.shutdown(wait=5)
