"""Serial transport on pyserial (RS-232 printers, USB-serial adapters, a pty in tests).

pyserial's own writes have no timeout unless `write_timeout` is set; we set both timeouts on every
call so no write or read can wait forever.
"""

from __future__ import annotations

import contextlib
import errno
import termios
import time

import serial

from hardware.errors import DeviceBusy, DeviceError, DeviceNotFound, DeviceTimeout, DeviceUnplugged
from hardware.transport.base import BaseTransport, check_timeout

# pyserial lets termios.error (not an OSError) through from tcdrain and friends.
_PORT_ERRORS = (serial.SerialException, OSError, termios.error)


class SerialTransport(BaseTransport):
    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: float = 1,
        rtscts: bool = False,
        xonxoff: bool = False,
        dsrdtr: bool = False,
    ) -> None:
        super().__init__(f"serial {port}")
        self.port = port
        self.settings = dict(
            baudrate=baudrate, bytesize=bytesize, parity=parity, stopbits=stopbits,
            rtscts=rtscts, xonxoff=xonxoff, dsrdtr=dsrdtr,
        )
        self._serial: serial.Serial | None = None

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def open(self) -> None:
        if self._serial is not None:
            return
        try:
            # exclusive=True takes a lock, so a second program opening the port fails instead of
            # interleaving its bytes with ours.
            self._serial = serial.Serial(self.port, timeout=0, write_timeout=0, exclusive=True, **self.settings)
        except serial.SerialException as exc:
            raise _open_error(exc, self.name, self.port) from exc
        except (OSError, termios.error) as exc:
            raise _open_error(exc, self.name, self.port) from exc

    def close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(*_PORT_ERRORS):
                port.close()

    def _port(self) -> serial.Serial:
        if self._serial is None:
            raise DeviceUnplugged("The port is not open.", device=self.name)
        return self._serial

    def _gone(self, exc: BaseException, what: str) -> DeviceUnplugged:
        self.close()
        return DeviceUnplugged(f"The port failed while {what} ({exc}); the device was unplugged?", device=self.name)

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        port = self._port()
        deadline = time.monotonic() + timeout
        sent = 0
        view = memoryview(data)
        while sent < len(view):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeviceTimeout(
                    f"Wrote {sent} of {len(data)} bytes in {timeout:g} s; the device stopped taking data.",
                    device=self.name,
                    bytes_sent=sent,
                )
            # Small slices so a timeout reports how far the job got, and 0 would mean "non-blocking".
            port.write_timeout = max(remaining, 0.001)
            try:
                sent += port.write(view[sent : sent + 4096]) or 0
            except serial.SerialTimeoutException:
                continue
            except _PORT_ERRORS as exc:
                raise self._gone(exc, "writing") from exc
        try:
            port.flush()
        except _PORT_ERRORS as exc:
            raise self._gone(exc, "writing") from exc

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        if size <= 0:
            raise ValueError("size must be positive")
        port = self._port()
        try:
            port.timeout = timeout
            first = port.read(1)
            if not first:
                raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name)
            port.timeout = 0
            rest = port.read(size - 1) if size > 1 else b""
        except _PORT_ERRORS as exc:
            raise self._gone(exc, "reading") from exc
        return bytes(first) + bytes(rest)

    def discard_input(self) -> None:
        try:
            self._port().reset_input_buffer()
        except _PORT_ERRORS as exc:
            raise self._gone(exc, "reading") from exc


def _open_error(exc: BaseException, name: str, port: str) -> DeviceError:
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOENT or "No such file" in text:
        return DeviceNotFound(f"There is no port {port}.", device=name)
    if code == errno.EACCES or "Permission denied" in text:
        return DeviceError(
            f"No permission to open {port}: add the user to the 'dialout' group (then log in again).",
            device=name,
        )
    if code in (errno.EBUSY, errno.EAGAIN) or "lock" in text.lower() or "busy" in text.lower():
        return DeviceBusy(f"{port} is in use by another program.", device=name)
    return DeviceUnplugged(f"Cannot open {port}: {text}", device=name)
