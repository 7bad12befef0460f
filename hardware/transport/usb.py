"""USB printer transport on pyusb, with a timeout on every transfer.

python-escpos's Usb class passes timeout 0 to libusb (wait forever) and leaves the kernel's usblp
driver detached; here every transfer has a timeout in milliseconds (never 0), the device is
matched by vendor, product and serial number, the kernel driver is detached while we hold the
interface and reattached in `close()`, and "resource busy" (CUPS or usblp holding the printer)
is said in words. Tests pass a `backend` that acts as the printer (see
`hardware.simulators.printer_usb`); in production pyusb finds libusb.
"""

from __future__ import annotations

import contextlib
import errno
import time
from typing import Any

import usb.core
import usb.util

from hardware.errors import (
    DeviceBusy,
    DeviceError,
    DeviceNotFound,
    DeviceOffline,
    DeviceTimeout,
    DeviceUnplugged,
)
from hardware.transport.base import BaseTransport, check_timeout

PRINTER_CLASS = 7


def _ms(timeout: float) -> int:
    # libusb treats 0 as "no timeout": the shortest wait we ever ask for is 1 ms.
    return max(1, int(timeout * 1000))


def _usb_errno(exc: usb.core.USBError) -> int | None:
    return getattr(exc, "errno", None)


class UsbTransport(BaseTransport):
    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        serial_number: str | None = None,
        *,
        interface: int = 0,
        backend: Any = None,
    ) -> None:
        ident = f"{vendor_id:04x}:{product_id:04x}" + (f" serial {serial_number}" if serial_number else "")
        super().__init__(f"usb {ident}")
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.serial_number = serial_number
        self.interface = interface
        self.backend = backend
        self._device: Any = None
        self._out: Any = None
        self._in: Any = None
        self._detached = False
        self._claimed = False
        self._pending = b""

    @property
    def is_open(self) -> bool:
        return self._device is not None

    # -- open / close ------------------------------------------------------------------------------

    def _find(self) -> Any:
        try:
            found = list(
                usb.core.find(find_all=True, idVendor=self.vendor_id, idProduct=self.product_id, backend=self.backend)
            )
        except usb.core.NoBackendError as exc:
            raise DeviceError("No USB library (libusb) found: install libusb-1.0.", device=self.name) from exc
        if self.serial_number is not None:
            matching = []
            for device in found:
                try:
                    serial = usb.util.get_string(device, device.iSerialNumber) if device.iSerialNumber else None
                except (usb.core.USBError, ValueError):
                    serial = None
                if serial == self.serial_number:
                    matching.append(device)
            found = matching
        if not found:
            raise DeviceNotFound(
                f"No USB printer {self.vendor_id:04x}:{self.product_id:04x}"
                + (f" with serial number {self.serial_number}" if self.serial_number else "")
                + " is connected.",
                device=self.name,
            )
        return found[0]

    def open(self) -> None:
        if self._device is not None:
            return
        device = self._find()
        self._device = device
        try:
            self._claim(device)
        except BaseException:
            self.close()
            raise

    def _claim(self, device: Any) -> None:
        try:
            if device.is_kernel_driver_active(self.interface):
                device.detach_kernel_driver(self.interface)
                self._detached = True
        except NotImplementedError:
            pass  # not on this platform's backend (Windows, macOS)
        except usb.core.USBError as exc:
            raise self._translate(exc, "detaching the kernel driver") from exc
        try:
            try:
                config = device.get_active_configuration()
            except usb.core.USBError:
                config = None
            if config is None:
                device.set_configuration()
                config = device.get_active_configuration()
            usb.util.claim_interface(device, self.interface)
            self._claimed = True
        except usb.core.USBError as exc:
            raise self._translate(exc, "claiming the printer interface") from exc
        intf = config[(self.interface, 0)]
        self._out = usb.util.find_descriptor(
            intf, custom_match=lambda e: usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_OUT
        )
        self._in = usb.util.find_descriptor(
            intf, custom_match=lambda e: usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_IN
        )
        if self._out is None:
            raise DeviceError("The USB device has no output endpoint: is it a printer?", device=self.name)

    def close(self) -> None:
        device, self._device = self._device, None
        self._out = self._in = None
        self._pending = b""
        if device is None:
            return
        try:
            if self._claimed:
                with contextlib.suppress(usb.core.USBError):
                    usb.util.release_interface(device, self.interface)
            with contextlib.suppress(usb.core.USBError):
                usb.util.dispose_resources(device)
        finally:
            self._claimed = False
            if self._detached:
                # Give the printer back to usblp so CUPS sees it again after we are done.
                with contextlib.suppress(usb.core.USBError, NotImplementedError):
                    device.attach_kernel_driver(self.interface)
                self._detached = False

    # -- transfers ---------------------------------------------------------------------------------

    def _translate(self, exc: usb.core.USBError, what: str, **params: Any) -> DeviceError:
        code = _usb_errno(exc)
        if isinstance(exc, usb.core.USBTimeoutError) or code == errno.ETIMEDOUT:
            return DeviceTimeout(f"The printer did not take data in time while {what}.", device=self.name, **params)
        if code == errno.ENODEV:
            return DeviceUnplugged(f"The printer was unplugged while {what}.", device=self.name, **params)
        if code == errno.EBUSY:
            return DeviceBusy(
                "The printer is held by another program (CUPS or the usblp kernel driver): remove it from CUPS "
                "or stop the other program, then try again.",
                device=self.name,
                **params,
            )
        if code in (errno.EACCES, errno.EPERM):
            return DeviceError(
                "No permission to use the USB printer: install the udev rule from the README (then replug it).",
                device=self.name,
                **params,
            )
        if code == errno.EPIPE:
            return DeviceOffline(f"The printer stalled while {what}.", device=self.name, **params)
        return DeviceOffline(f"USB error while {what}: {exc}", device=self.name, **params)

    def _handle(self) -> Any:
        if self._device is None:
            raise DeviceUnplugged("The USB printer is not open.", device=self.name)
        return self._device

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        device = self._handle()
        deadline = time.monotonic() + timeout
        sent = 0
        while sent < len(data):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeviceTimeout(
                    f"Wrote {sent} of {len(data)} bytes in {timeout:g} s; the printer stopped taking data.",
                    device=self.name,
                    bytes_sent=sent,
                )
            try:
                sent += device.write(self._out, data[sent : sent + 4096], _ms(remaining))
            except usb.core.USBError as exc:
                error = self._translate(exc, "writing", bytes_sent=sent)
                if isinstance(error, (DeviceUnplugged, DeviceOffline)):
                    self.close()
                raise error from exc

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        if size <= 0:
            raise ValueError("size must be positive")
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        device = self._handle()
        if self._in is None:
            raise DeviceError("This USB printer cannot answer (no input endpoint).", device=self.name)
        deadline = time.monotonic() + timeout
        # Ask for whole packets: a short buffer makes libusb report an overflow.
        packet = max(size, int(self._in.wMaxPacketSize))
        while True:
            remaining = deadline - time.monotonic()
            try:
                data = bytes(device.read(self._in, packet, _ms(max(remaining, 0))))
            except usb.core.USBError as exc:
                error = self._translate(exc, "reading")
                if isinstance(error, DeviceTimeout):
                    raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name) from exc
                if isinstance(error, (DeviceUnplugged, DeviceOffline)):
                    self.close()
                raise error from exc
            if data:
                self._pending = data[size:]
                return data[:size]
            if remaining <= 0:
                raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name)

    def discard_input(self) -> None:
        self._pending = b""
        if self._device is None or self._in is None:
            return
        with contextlib.suppress(DeviceTimeout):
            while self.read(4096, 0.001):
                self._pending = b""
