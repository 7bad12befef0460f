"""Device errors: one base class and its kinds, each with a stable code and English text.

The code is what callers switch on and what `ui/` translates; `params` carries the values the
text was made from (a device name, how many bytes got out) so a translation can use them too.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DeviceError(Exception):
    """A device did not do what it was asked. `code` is stable; `message` is English."""

    code: ClassVar[str] = "device.error"
    default_text: ClassVar[str] = "The device reported an error."

    def __init__(self, message: str | None = None, *, device: str = "", **params: Any) -> None:
        self.message = message or self.default_text
        self.device = device
        self.params: dict[str, Any] = dict(params)
        if device:
            self.params.setdefault("device", device)
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.device}: {self.message}" if self.device else self.message


class DeviceOffline(DeviceError):
    code = "device.offline"
    default_text = "The device is offline or switched off."


class PaperOut(DeviceError):
    """Out of paper. `bytes_sent`/`total_bytes` say how far a job got before it stopped."""

    code = "device.paper_out"
    default_text = "The printer is out of paper. Load paper; the document will be printed again."

    @property
    def bytes_sent(self) -> int | None:
        return self.params.get("bytes_sent")

    @property
    def total_bytes(self) -> int | None:
        return self.params.get("total_bytes")

    @property
    def mid_job(self) -> bool:
        """True when part of a job had already reached the printer (reprint whole, marked COPY)."""
        return bool(self.params.get("bytes_sent"))


class CoverOpen(DeviceError):
    code = "device.cover_open"
    default_text = "The printer cover is open. Close it and try again."


class DeviceTimeout(DeviceError):
    code = "device.timeout"
    default_text = "The device did not answer in time."


class DeviceBusy(DeviceError):
    code = "device.busy"
    default_text = "The device is in use by another program (for example CUPS or the usblp driver)."


class DeviceUnplugged(DeviceError):
    code = "device.unplugged"
    default_text = "The device was unplugged or is no longer there."


class ProtocolError(DeviceError):
    code = "device.protocol"
    default_text = "The device answered something we did not understand."


class DeviceNotFound(DeviceError):
    code = "device.not_found"
    default_text = "The device was not found. Check the cable, the address and the configuration."


class PrinterFault(DeviceError):
    """The printer reports an error state (cutter jam, head overheated, unrecoverable)."""

    code = "device.printer_fault"
    default_text = "The printer reports an error (cutter or mechanism). Check the printer."


class Cancelled(DeviceError):
    code = "device.cancelled"
    default_text = "The operation was cancelled."
