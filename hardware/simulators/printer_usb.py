"""A pyusb backend whose devices are simulated ESC/POS printers.

pyusb lets a program pass its own backend (`usb.core.find(backend=...)`): this one implements
`usb.backend.IBackend` (enumeration, descriptors, configuration, claim, bulk transfers, kernel
driver state, string descriptors), so the real pyusb code and our USB transport run unchanged
against a `SimulatedPrinter`. It can also hold the interface for "usblp" (busy), time out, and
be unplugged (errno 19 on every call after).
"""

from __future__ import annotations

import array
import errno
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import usb.backend
import usb.core

from hardware.simulators.printer_engine import SimulatedPrinter

_LIBUSB_ERROR = {errno.ENODEV: -4, errno.EBUSY: -6, errno.ETIMEDOUT: -7, errno.EACCES: -3, errno.EPIPE: -9}


def usb_error(code: int, text: str) -> usb.core.USBError:
    if code == errno.ETIMEDOUT:
        return usb.core.USBTimeoutError(text, _LIBUSB_ERROR[code], code)
    return usb.core.USBError(text, _LIBUSB_ERROR.get(code, -99), code)


class _Descriptor:
    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)
        self.extra_descriptors: list[int] = []


@dataclass
class SimulatedUsbPrinter:
    """One printer on the simulated bus. Flip the flags to make trouble."""

    engine: SimulatedPrinter
    vendor_id: int = 0x04B8
    product_id: int = 0x0202
    serial_number: str = "SIM0001"
    manufacturer: str = "Simulated"
    product: str = "ESC/POS receipt printer"
    device_class: int = 0  # per interface, as real printers do
    bus: int = 1
    address: int = 5
    max_packet: int = 64
    kernel_driver_active: bool = True  # usblp has it, as after plugging in
    held_elsewhere: bool = False  # another program claimed the interface: EBUSY
    unplugged: bool = False
    write_stall: bool = False  # takes no data: writes time out
    unplug_after: int | None = None  # pulled out once this many more bytes were written
    detach_calls: int = 0
    attach_calls: int = 0
    claimed: bool = False
    configuration: int = 0
    _answers: bytearray = field(default_factory=bytearray)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def strings(self) -> dict[int, str]:
        return {1: self.manufacturer, 2: self.product, 3: self.serial_number}


class SimulatedUsbBackend(usb.backend.IBackend):
    def __init__(self, *printers: SimulatedUsbPrinter) -> None:
        self.printers = list(printers)

    # -- enumeration and descriptors ---------------------------------------------------------------

    def enumerate_devices(self) -> Iterator[SimulatedUsbPrinter]:
        return iter([p for p in self.printers if not p.unplugged])

    def get_parent(self, dev: SimulatedUsbPrinter) -> None:
        return None

    def get_device_descriptor(self, dev: SimulatedUsbPrinter) -> _Descriptor:
        return _Descriptor(
            bLength=18, bDescriptorType=1, bcdUSB=0x0200, bDeviceClass=dev.device_class, bDeviceSubClass=0,
            bDeviceProtocol=0, bMaxPacketSize0=64, idVendor=dev.vendor_id, idProduct=dev.product_id,
            bcdDevice=0x0100, iManufacturer=1, iProduct=2, iSerialNumber=3 if dev.serial_number else 0,
            bNumConfigurations=1, address=dev.address, bus=dev.bus, port_number=1, port_numbers=(1,), speed=2,
        )

    def get_configuration_descriptor(self, dev: SimulatedUsbPrinter, config: int) -> _Descriptor:
        if config != 0:
            raise IndexError("one configuration")
        return _Descriptor(
            bLength=9, bDescriptorType=2, wTotalLength=32, bNumInterfaces=1, bConfigurationValue=1,
            iConfiguration=0, bmAttributes=0xC0, bMaxPower=50,
        )

    def get_interface_descriptor(self, dev: SimulatedUsbPrinter, intf: int, alt: int, config: int) -> _Descriptor:
        if intf != 0 or alt != 0:
            raise IndexError("one interface")
        return _Descriptor(
            bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0, bNumEndpoints=2,
            bInterfaceClass=7, bInterfaceSubClass=1, bInterfaceProtocol=2, iInterface=0,
        )

    def get_endpoint_descriptor(self, dev: SimulatedUsbPrinter, ep: int, intf: int, alt: int,
                                config: int) -> _Descriptor:
        if ep not in (0, 1):
            raise IndexError("two endpoints")
        return _Descriptor(
            bLength=7, bDescriptorType=5, bEndpointAddress=0x01 if ep == 0 else 0x82, bmAttributes=2,
            wMaxPacketSize=dev.max_packet, bInterval=0, bRefresh=0, bSynchAddress=0,
        )

    # -- handles, configuration, interfaces --------------------------------------------------------

    def _alive(self, dev: SimulatedUsbPrinter) -> None:
        if dev.unplugged:
            raise usb_error(errno.ENODEV, "No such device (it may have been disconnected)")

    def open_device(self, dev: SimulatedUsbPrinter) -> SimulatedUsbPrinter:
        self._alive(dev)
        return dev

    def close_device(self, dev_handle: SimulatedUsbPrinter) -> None:
        pass

    def set_configuration(self, dev_handle: SimulatedUsbPrinter, config_value: int) -> None:
        self._alive(dev_handle)
        if dev_handle.kernel_driver_active:
            raise usb_error(errno.EBUSY, "Resource busy")
        dev_handle.configuration = config_value

    def get_configuration(self, dev_handle: SimulatedUsbPrinter) -> int:
        self._alive(dev_handle)
        return dev_handle.configuration

    def set_interface_altsetting(self, dev_handle: SimulatedUsbPrinter, intf: int, altsetting: int) -> None:
        self._alive(dev_handle)

    def claim_interface(self, dev_handle: SimulatedUsbPrinter, intf: int) -> None:
        self._alive(dev_handle)
        if dev_handle.kernel_driver_active or dev_handle.held_elsewhere:
            raise usb_error(errno.EBUSY, "Resource busy")
        dev_handle.claimed = True

    def release_interface(self, dev_handle: SimulatedUsbPrinter, intf: int) -> None:
        self._alive(dev_handle)
        dev_handle.claimed = False

    def is_kernel_driver_active(self, dev_handle: SimulatedUsbPrinter, intf: int) -> bool:
        self._alive(dev_handle)
        return dev_handle.kernel_driver_active

    def detach_kernel_driver(self, dev_handle: SimulatedUsbPrinter, intf: int) -> None:
        self._alive(dev_handle)
        dev_handle.kernel_driver_active = False
        dev_handle.detach_calls += 1

    def attach_kernel_driver(self, dev_handle: SimulatedUsbPrinter, intf: int) -> None:
        self._alive(dev_handle)
        dev_handle.kernel_driver_active = True
        dev_handle.attach_calls += 1

    # -- transfers ---------------------------------------------------------------------------------

    def bulk_write(self, dev_handle: SimulatedUsbPrinter, ep: int, intf: int, data: array.array,
                   timeout: int) -> int:
        self._alive(dev_handle)
        if not dev_handle.claimed:
            raise usb_error(errno.EBUSY, "Resource busy")
        if timeout <= 0:
            raise AssertionError("libusb timeout 0 waits forever; the transport must never pass it")
        if dev_handle.write_stall:
            raise usb_error(errno.ETIMEDOUT, "Operation timed out")
        payload = data.tobytes()
        if dev_handle.unplug_after is not None:
            if dev_handle.unplug_after < len(payload):
                dev_handle.engine.feed(payload[: dev_handle.unplug_after])
                dev_handle.unplugged = True
                dev_handle.engine.power_cycle()
                raise usb_error(errno.ENODEV, "No such device (it may have been disconnected)")
            dev_handle.unplug_after -= len(payload)
        answer = dev_handle.engine.feed(payload)
        with dev_handle._lock:
            dev_handle._answers += answer
        return len(data)

    def bulk_read(self, dev_handle: SimulatedUsbPrinter, ep: int, intf: int, buff: array.array,
                  timeout: int) -> int:
        self._alive(dev_handle)
        if timeout <= 0:
            raise AssertionError("libusb timeout 0 waits forever; the transport must never pass it")
        with dev_handle._lock:
            if not dev_handle._answers:
                # Nothing to say: a real device NAKs until the timeout runs out.
                raise usb_error(errno.ETIMEDOUT, "Operation timed out")
            count = min(len(buff), len(dev_handle._answers))
            buff[:count] = array.array("B", dev_handle._answers[:count])
            del dev_handle._answers[:count]
        return count

    def ctrl_transfer(self, dev_handle: SimulatedUsbPrinter, bmRequestType: int, bRequest: int,
                      wValue: int, wIndex: int, data: array.array, timeout: int) -> int:
        self._alive(dev_handle)
        if bRequest == 0x06 and wValue >> 8 == 3:  # GET_DESCRIPTOR, string
            index = wValue & 0xFF
            if index == 0:
                payload = bytes([4, 3, 0x09, 0x04])  # language: en-US
            else:
                text = dev_handle.strings().get(index, "").encode("utf-16-le")
                payload = bytes([2 + len(text), 3]) + text
            count = min(len(data), len(payload))
            data[:count] = array.array("B", payload[:count])
            return count
        raise usb_error(errno.EPIPE, "Pipe error")

    def clear_halt(self, dev_handle: SimulatedUsbPrinter, ep: int) -> None:
        self._alive(dev_handle)

    def reset_device(self, dev_handle: SimulatedUsbPrinter) -> None:
        self._alive(dev_handle)
