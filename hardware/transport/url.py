"""One string per connection, for settings and the command line.

    tcp://192.168.1.50:9100          a network printer (port 9100 if left out)
    serial:///dev/ttyUSB0?baudrate=19200&rtscts=1
    usb://04b8:0202                  the first such USB printer
    usb://04b8:0202/J2XF012345       ... with this serial number
    file:///dev/usb/lp0              the kernel's printer device file, write only
    file:///dev/usb/lp0?read=1       ... that answers status queries (bidirectional printers)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from hardware.transport.base import Transport


def transport_from_url(url: str, *, usb_backend: Any = None) -> Transport:
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    scheme = parts.scheme.lower()
    if scheme == "tcp":
        from hardware.transport.tcp import TcpTransport

        if not parts.hostname:
            raise ValueError(f"{url!r}: a TCP printer needs a host, as in tcp://192.168.1.50:9100")
        return TcpTransport(parts.hostname, parts.port or 9100)
    if scheme == "serial":
        from hardware.transport.serial import SerialTransport

        if not parts.path:
            raise ValueError(f"{url!r}: a serial printer needs a port, as in serial:///dev/ttyUSB0")
        def flag(name: str) -> bool:
            return query.get(name, "0") not in ("0", "false", "no")

        return SerialTransport(
            parts.path, int(query.get("baudrate", 9600)),
            rtscts=flag("rtscts"), xonxoff=flag("xonxoff"), dsrdtr=flag("dsrdtr"),
        )
    if scheme == "usb":
        from hardware.transport.usb import UsbTransport

        ident = parts.netloc
        try:
            vendor, product = (int(x, 16) for x in ident.split(":"))
        except ValueError:
            raise ValueError(f"{url!r}: a USB printer is usb://VENDOR:PRODUCT[/SERIAL] in hex") from None
        serial = parts.path.strip("/") or None
        return UsbTransport(vendor, product, serial, backend=usb_backend)
    if scheme == "file":
        from hardware.transport.file import FileTransport

        if not parts.path:
            raise ValueError(f"{url!r}: a device file needs a path, as in file:///dev/usb/lp0")
        return FileTransport(parts.path, readable=query.get("read", "0") not in ("0", "false", "no"))
    raise ValueError(f"{url!r}: unknown connection kind; use tcp://, serial://, usb:// or file://")
