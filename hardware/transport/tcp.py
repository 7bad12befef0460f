"""TCP transport (a network printer on port 9100, a terminal on its port)."""

from __future__ import annotations

import errno
import select
import socket
import time

from hardware.errors import DeviceOffline, DeviceTimeout
from hardware.transport.base import BaseTransport, check_timeout


class TcpTransport(BaseTransport):
    """A TCP connection. A reset or a closed peer is `DeviceOffline`; the connection is dropped
    so the next `open()` starts afresh (a printer that was switched off and on again)."""

    def __init__(self, host: str, port: int = 9100, *, connect_timeout: float = 5.0) -> None:
        super().__init__(f"tcp {host}:{port}")
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self._sock: socket.socket | None = None

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        if self._sock is not None:
            return
        check_timeout(self.connect_timeout)
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except TimeoutError as exc:
            raise DeviceTimeout(
                f"No connection to {self.host}:{self.port} within {self.connect_timeout:g} s.", device=self.name
            ) from exc
        except ConnectionRefusedError as exc:
            raise DeviceOffline(
                f"{self.host}:{self.port} refused the connection: the device is off or the port is wrong.",
                device=self.name,
            ) from exc
        except OSError as exc:
            reason = exc.strerror or exc
            raise DeviceOffline(f"Cannot reach {self.host}:{self.port}: {reason}.", device=self.name) from exc
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # Keepalive lets a dead peer surface as an error on an idle connection instead of never.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self._sock = sock

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                sock.close()

    def _socket(self) -> socket.socket:
        if self._sock is None:
            raise DeviceOffline("The connection is not open.", device=self.name)
        return self._sock

    def _lost(self, exc: BaseException | None, what: str) -> DeviceOffline:
        self.close()
        detail = f" ({exc})" if exc else ""
        return DeviceOffline(f"The connection was lost while {what}{detail}.", device=self.name)

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        sock = self._socket()
        deadline = time.monotonic() + timeout
        view = memoryview(data)
        sent = 0
        while sent < len(view):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeviceTimeout(
                    f"Wrote {sent} of {len(data)} bytes in {timeout:g} s; the device stopped taking data.",
                    device=self.name,
                    bytes_sent=sent,
                )
            sock.settimeout(remaining)
            try:
                sent += sock.send(view[sent:])
            except TimeoutError:
                continue
            except (ConnectionError, OSError) as exc:
                raise self._lost(exc, "writing") from exc

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        if size <= 0:
            raise ValueError("size must be positive")
        sock = self._socket()
        sock.settimeout(timeout if timeout > 0 else 0.0)
        try:
            data = sock.recv(size)
        except (TimeoutError, BlockingIOError) as exc:
            raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name) from exc
        except (ConnectionError, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name) from exc
            raise self._lost(exc, "reading") from exc
        if not data:
            raise self._lost(None, "reading: the device closed it")
        return data

    def discard_input(self) -> None:
        sock = self._socket()
        while True:
            readable, _, _ = select.select([sock], [], [], 0)
            if not readable:
                return
            try:
                if not sock.recv(4096):
                    raise self._lost(None, "reading: the device closed it")
            except BlockingIOError:
                return
            except OSError as exc:
                raise self._lost(exc, "reading") from exc
