"""Which USB printers this computer can see, through pyusb.

A device counts when one of its interfaces is of the printer class (7), or when its vendor is one
that makes receipt printers and ships them with a vendor-specific class.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import usb.core
import usb.util

PRINTER_CLASS = 7

KNOWN_VENDORS = {
    0x04B8: "Epson",
    0x0519: "Star Micronics",
    0x1504: "Bixolon",
    0x0DD4: "Custom",
    0x154F: "SNBC",
    0x0FE6: "ICS Advent (generic POS-58/80)",
    0x0416: "Winbond (generic POS-58/80)",
    0x1D90: "Citizen",
    0x0A5F: "Zebra",
}


@dataclass(frozen=True)
class UsbPrinterInfo:
    vendor_id: int
    product_id: int
    serial_number: str | None
    manufacturer: str | None
    product: str | None
    bus: int | None
    address: int | None
    printer_class: bool

    @property
    def url(self) -> str:
        base = f"usb://{self.vendor_id:04x}:{self.product_id:04x}"
        return f"{base}/{self.serial_number}" if self.serial_number else base

    def describe(self) -> str:
        maker = self.manufacturer or KNOWN_VENDORS.get(self.vendor_id, "unknown maker")
        return f"{maker} {self.product or ''}".strip() + f" ({self.url}, bus {self.bus} address {self.address})"


def _string(device: Any, index: int) -> str | None:
    if not index:
        return None
    with contextlib.suppress(usb.core.USBError, ValueError, NotImplementedError):
        return usb.util.get_string(device, index)
    return None  # e.g. no permission to read strings without the udev rule


def _has_printer_interface(device: Any) -> bool:
    if device.bDeviceClass == PRINTER_CLASS:
        return True
    with contextlib.suppress(usb.core.USBError, NotImplementedError):
        for config in device:
            for interface in config:
                if interface.bInterfaceClass == PRINTER_CLASS:
                    return True
    return False


def list_usb_printers(backend: Any = None) -> list[UsbPrinterInfo]:
    """USB printers visible now; an empty list when there is no USB library or no printer."""
    try:
        devices = list(usb.core.find(find_all=True, backend=backend))
    except usb.core.NoBackendError:
        return []
    found = []
    for device in devices:
        is_printer = _has_printer_interface(device)
        if not is_printer and device.idVendor not in KNOWN_VENDORS:
            continue
        found.append(
            UsbPrinterInfo(
                vendor_id=device.idVendor,
                product_id=device.idProduct,
                serial_number=_string(device, device.iSerialNumber),
                manufacturer=_string(device, device.iManufacturer),
                product=_string(device, device.iProduct),
                bus=getattr(device, "bus", None),
                address=getattr(device, "address", None),
                printer_class=is_printer,
            )
        )
    return found


def main() -> int:
    """`python -m hardware.discovery`: print the USB printers this computer sees."""
    printers = list_usb_printers()
    if not printers:
        print("No USB printer found (is it on and plugged in? is libusb installed?).")
    for info in printers:
        print(info.describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
