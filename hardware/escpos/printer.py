"""The ESC/POS receipt printer driver: layout, status before and after, chunks with checks between.

Runs on the printer's worker thread (see `hardware.escpos.queue.PrinterQueue`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Sequence
from typing import Any

from hardware.errors import (
    Cancelled,
    DeviceError,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnplugged,
    ProtocolError,
)
from hardware.escpos.layout import Layout, PrinterProfile
from hardware.escpos.status import read_status
from hardware.interfaces import PrinterStatus, PrintResult, ReceiptDocument
from hardware.transport.base import Transport

# Errors after which the connection is presumed dead: the next call opens it again, which is what
# a printer that was switched off and on (or unplugged and plugged back) needs.
_CONNECTION_LOST = (DeviceOffline, DeviceUnplugged, DeviceTimeout, ProtocolError)


class EscposPrinter:
    """A receipt printer speaking ESC/POS over any `Transport`.

    `status_timeout` bounds every status round trip; `write_timeout` bounds each chunk's write
    (a printer takes data as fast as it prints once its buffer is full, about 1 KB of text a
    second on a slow model). `has_status=False` is for write-only links (some /dev/usb/lp0 setups):
    then nothing can be confirmed and a job only fails on a write error. `text_as_image` draws
    every text line as a raster image, for a printer whose code pages are not what its profile says.
    """

    def __init__(
        self,
        transport: Transport,
        profile: PrinterProfile | None = None,
        *,
        has_status: bool = True,
        drawer_open_when_high: bool | None = True,
        drawer_pin: int = 2,
        status_timeout: float = 2.0,
        write_timeout: float = 10.0,
        chunk_size: int = 4096,
        text_as_image: bool = False,
    ) -> None:
        self.transport = transport
        self.profile = profile or PrinterProfile.from_capabilities()
        self.text_as_image = text_as_image
        self.layout = Layout(self.profile, drawer_pin=drawer_pin, text_as_image=text_as_image)
        self.has_status = has_status
        self.drawer_open_when_high = drawer_open_when_high
        self.status_timeout = status_timeout
        self.write_timeout = write_timeout
        self.chunk_size = chunk_size
        self._drawer_pin = drawer_pin

    def on_transport(self, transport: Transport) -> EscposPrinter:
        """The same printer settings over another transport (a connection someone else owns)."""
        return EscposPrinter(
            transport, self.profile, has_status=self.has_status, drawer_open_when_high=self.drawer_open_when_high,
            drawer_pin=self._drawer_pin, status_timeout=self.status_timeout, write_timeout=self.write_timeout,
            chunk_size=self.chunk_size, text_as_image=self.text_as_image,
        )

    @property
    def name(self) -> str:
        return self.transport.name

    @property
    def columns(self) -> int:
        return self.profile.columns

    # -- connection --------------------------------------------------------------------------------

    def _ensure_open(self) -> None:
        if not self.transport.is_open:
            self.transport.open()

    def close(self) -> None:
        self.transport.close()

    def _drop_connection(self) -> None:
        # Closing a dead link must not hide the error that killed it.
        with contextlib.suppress(Exception):
            self.transport.close()

    # -- status ------------------------------------------------------------------------------------

    def status(self, cancel: threading.Event | None = None) -> PrinterStatus:
        _check_cancel(cancel, self.name)
        return self._status_with_retry()

    def _status_with_retry(self) -> PrinterStatus:
        """Read the status; if the old connection is dead (power cycle), open a new one once.

        Safe to retry: no job byte has been sent at this point.
        """
        was_open = self.transport.is_open
        self._ensure_open()
        try:
            return self._read_status()
        except _CONNECTION_LOST:
            self._drop_connection()
            if not was_open:
                raise
        self._ensure_open()
        try:
            return self._read_status()
        except _CONNECTION_LOST:
            self._drop_connection()
            raise

    def _read_status(self) -> PrinterStatus:
        return read_status(self.transport, self.status_timeout, drawer_open_when_high=self.drawer_open_when_high)

    # -- printing ----------------------------------------------------------------------------------

    def render(self, document: ReceiptDocument) -> bytes:
        return self.layout.render(document)

    def print_document(self, document: ReceiptDocument, cancel: threading.Event | None = None) -> PrintResult:
        started = time.perf_counter()
        commands = self.layout.render_commands(document)
        return self.send_job(commands, cancel=cancel, started=started, label=document.label)

    def chunks(self, commands: Sequence[bytes]) -> list[bytes]:
        """Whole commands packed into chunks of about `chunk_size` bytes (a bigger command alone)."""
        chunks: list[bytes] = []
        current = bytearray()
        for command in commands:
            if current and len(current) + len(command) > self.chunk_size:
                chunks.append(bytes(current))
                current.clear()
            current += command
        if current:
            chunks.append(bytes(current))
        return chunks

    def send_job(
        self,
        job: bytes | Sequence[bytes],
        *,
        cancel: threading.Event | None = None,
        started: float | None = None,
        label: str = "",
    ) -> PrintResult:
        """Send a job with the status checks around it and between its chunks.

        `job` is a list of whole commands (status is checked between chunks of them) or plain
        bytes (one unit: checked only before and after).
        """
        started = time.perf_counter() if started is None else started
        chunks = self.chunks([job] if isinstance(job, bytes) else job)
        total = sum(len(c) for c in chunks)
        context: dict[str, Any] = {"total_bytes": total}
        if label:
            context["document"] = label
        _check_cancel(cancel, self.name, bytes_sent=0, **context)
        before: PrinterStatus | None = None
        sent = 0
        try:
            if self.has_status:
                before = self._status_with_retry()
                problem = before.problem(device=self.name, bytes_sent=0, **context)
                if problem is not None:
                    raise problem
            else:
                self._ensure_open()
            # Once the first byte is out the job is finished whole: half a receipt is worse than
            # a late one, so cancel is honoured only before this point.
            for chunk in chunks:
                # A big command (an image) goes in slices, each with its own write timeout.
                for offset in range(0, len(chunk), self.chunk_size):
                    piece = chunk[offset : offset + self.chunk_size]
                    self.transport.write(piece, self.write_timeout)
                    sent += len(piece)
                if self.has_status and sent < total:
                    self._check_mid_job(sent, context)
            after: PrinterStatus | None = None
            if self.has_status:
                # The answer also proves the printer took the job: a network printer switched
                # off mid-job is found here, not lost silently.
                after = self._read_status()
                problem = after.problem(device=self.name, bytes_sent=sent, **context)
                if problem is not None:
                    raise problem
        except DeviceError as exc:
            reported = self._with_progress(exc, sent, context)
            if reported is exc:
                raise
            raise reported from exc
        return PrintResult(
            bytes_sent=sent, status_before=before, status_after=after, seconds=time.perf_counter() - started
        )

    def _check_mid_job(self, sent: int, context: dict[str, Any]) -> None:
        status = self._read_status()
        problem = status.problem(device=self.name, bytes_sent=sent, **context)
        if problem is not None:
            raise problem

    def _with_progress(self, exc: DeviceError, sent: int, context: dict[str, Any]) -> DeviceError:
        """The same error, saying how far the job got; a timeout mid-job asks the status why."""
        if isinstance(exc, _CONNECTION_LOST):
            cause = None
            if isinstance(exc, DeviceTimeout) and self.transport.is_open and self.has_status:
                try:
                    status = self._read_status()
                    cause = status.problem(device=self.name, bytes_sent=sent, **context)
                except DeviceError:
                    cause = None
            self._drop_connection()
            if cause is not None:
                return cause
        if exc.params.get("bytes_sent") == sent and "total_bytes" in exc.params:
            return exc
        params = {**exc.params, **context, "bytes_sent": sent}
        params.pop("device", None)
        message = exc.message
        if sent and not isinstance(exc, Cancelled):
            message += f" {sent} of {context['total_bytes']} bytes had been sent; the outcome is unknown."
        clone = type(exc)(message, device=self.name, **params)
        return clone

    # -- drawer --------------------------------------------------------------------------------------

    def kick_drawer(self, cancel: threading.Event | None = None) -> None:
        _check_cancel(cancel, self.name)
        self._ensure_open()
        try:
            self.transport.write(self.layout.kick_bytes(), self.write_timeout)
        except _CONNECTION_LOST:
            self._drop_connection()
            raise

    def drawer_open(self, cancel: threading.Event | None = None) -> bool | None:
        if not self.has_status or self.drawer_open_when_high is None:
            return None
        return self.status(cancel).drawer_open


def _check_cancel(cancel: threading.Event | None, device: str, **params: Any) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled(device=device, **params)
