"""A printer device file, such as /dev/usb/lp0 (the kernel's usblp driver) or /dev/lp0.

Opened non-blocking, so every write and read waits in `select` with our timeout. usblp reports a
printer out of paper as ENOSPC and one that went away as ENODEV; both become our errors.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import time
from typing import Any

from hardware.errors import (
    DeviceBusy,
    DeviceError,
    DeviceNotFound,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnplugged,
    PaperOut,
)
from hardware.transport.base import BaseTransport, check_timeout


class FileTransport(BaseTransport):
    def __init__(self, path: str, *, readable: bool = True) -> None:
        super().__init__(f"file {path}")
        self.path = path
        self.readable = readable
        self._fd: int | None = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def open(self) -> None:
        if self._fd is not None:
            return
        mode = os.O_RDWR if self.readable else os.O_WRONLY
        try:
            self._fd = os.open(self.path, mode | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
        except OSError as exc:
            raise self._error(exc, "opening") from exc

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def _error(self, exc: OSError, what: str, **params: Any) -> DeviceError:
        code = exc.errno
        if code == errno.ENOENT:
            return DeviceNotFound(f"{self.path} does not exist: is the printer connected and on?", device=self.name)
        if code == errno.EBUSY:
            return DeviceBusy(f"{self.path} is open in another program (CUPS?).", device=self.name, **params)
        if code in (errno.EACCES, errno.EPERM):
            return DeviceError(
                f"No permission to open {self.path}: add the user to the 'lp' group (then log in again).",
                device=self.name,
                **params,
            )
        if code == errno.ENOSPC:
            return PaperOut(device=self.name, **params)
        if code in (errno.ENODEV, errno.ENXIO):
            self.close()
            return DeviceUnplugged(f"The printer was unplugged while {what}.", device=self.name, **params)
        self.close()
        return DeviceOffline(f"{self.path} failed while {what}: {exc.strerror}.", device=self.name, **params)

    def _fileno(self) -> int:
        if self._fd is None:
            raise DeviceUnplugged("The device file is not open.", device=self.name)
        return self._fd

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        fd = self._fileno()
        deadline = time.monotonic() + timeout
        view = memoryview(data)
        sent = 0
        while sent < len(view):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeviceTimeout(
                    f"Wrote {sent} of {len(data)} bytes in {timeout:g} s; the printer stopped taking data.",
                    device=self.name,
                    bytes_sent=sent,
                )
            _, writable, _ = select.select([], [fd], [], remaining)
            if not writable:
                continue
            try:
                sent += os.write(fd, view[sent : sent + 4096])
            except BlockingIOError:
                continue
            except OSError as exc:
                raise self._error(exc, "writing", bytes_sent=sent) from exc

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        if size <= 0:
            raise ValueError("size must be positive")
        fd = self._fileno()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            readable, _, _ = select.select([fd], [], [], max(remaining, 0))
            if readable:
                try:
                    data = os.read(fd, size)
                except BlockingIOError:
                    data = b""
                except OSError as exc:
                    raise self._error(exc, "reading") from exc
                if data:
                    return data
                # usblp answers "nothing yet" with an empty read: wait a little and ask again.
                time.sleep(min(0.01, max(remaining, 0)))
            if deadline - time.monotonic() <= 0:
                raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name)
