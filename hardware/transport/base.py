"""The transport contract every device protocol is written against.

A transport only moves bytes. Every call takes a timeout in seconds (there is no "forever"): a
write that cannot finish in time and a read that gets nothing in time raise `DeviceTimeout`; a
peer that went away raises `DeviceOffline` or `DeviceUnplugged`. Nothing is only logged.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from hardware.errors import DeviceTimeout


@runtime_checkable
class Transport(Protocol):
    """A byte pipe to one device. Open before use; `close()` is idempotent."""

    @property
    def name(self) -> str:
        """What the clerk and the log call this connection ("tcp 10.0.0.5:9100")."""
        ...

    @property
    def is_open(self) -> bool: ...

    def open(self) -> None: ...

    def close(self) -> None: ...

    def write(self, data: bytes, timeout: float) -> None:
        """Hand every byte of `data` to the device within `timeout` seconds, or raise."""
        ...

    def read(self, size: int, timeout: float) -> bytes:
        """Return 1..size bytes as soon as some arrive; raise `DeviceTimeout` if none do in time."""
        ...

    def read_exact(self, size: int, timeout: float) -> bytes:
        """Return exactly `size` bytes within `timeout` seconds in total, or raise."""
        ...

    def discard_input(self) -> None:
        """Drop bytes already received and not read (a late answer to an earlier query)."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class BaseTransport:
    """Shared behaviour: `read_exact` on top of `read`, reopen, and the context manager."""

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    @property
    def is_open(self) -> bool:
        raise NotImplementedError

    def open(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def write(self, data: bytes, timeout: float) -> None:
        raise NotImplementedError

    def read(self, size: int, timeout: float) -> bytes:
        raise NotImplementedError

    def discard_input(self) -> None:
        """Default: read whatever is waiting without blocking."""
        try:
            while self.read(4096, 0.0):
                pass
        except DeviceTimeout:
            pass

    def reopen(self) -> None:
        """Close and open again: a printer that was power-cycled needs a fresh connection."""
        self.close()
        self.open()

    def read_exact(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        deadline = time.monotonic() + timeout
        chunks: list[bytes] = []
        got = 0
        while got < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeviceTimeout(
                    f"Expected {size} bytes, got {got} in {timeout:g} s.", device=self.name, received=got
                )
            chunk = self.read(size - got, remaining)
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def check_timeout(timeout: float) -> None:
    """A timeout is a finite number of seconds; None or a negative value is a programming error."""
    if timeout is None or timeout < 0 or timeout != timeout or timeout == float("inf"):
        raise ValueError(f"timeout must be a finite number of seconds >= 0, not {timeout!r}")
