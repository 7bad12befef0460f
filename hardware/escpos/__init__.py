"""ESC/POS receipt printers: layout on python-escpos, status read-back, the driver."""

from __future__ import annotations

from typing import Any

from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.transport.url import transport_from_url


def printer_from_url(
    url: str,
    *,
    profile: str = "TM-T20II",
    paper_mm: int | None = None,
    text_as_image: bool = False,
    usb_backend: Any = None,
    **options: Any,
) -> EscposPrinter:
    """An ESC/POS printer on a connection URL (see `hardware.transport.url`).

    `options` go to `EscposPrinter` (has_status, drawer_open_when_high, timeouts, chunk_size);
    `text_as_image` draws every text line as a raster image (for a printer lacking the code pages
    its profile claims).
    A `file://` device is assumed write-only unless its URL says `?read=1`, since many usblp
    setups cannot read the status back.
    """
    transport = transport_from_url(url, usb_backend=usb_backend)
    if url.startswith("file:") and "read=1" not in url:
        options.setdefault("has_status", False)
    return EscposPrinter(transport, PrinterProfile.from_capabilities(profile, paper_mm=paper_mm),
                         text_as_image=text_as_image, **options)


__all__ = ["EscposPrinter", "PrinterProfile", "printer_from_url"]
