"""The test page a **Print test page** button sends: width, code pages, styles, QR, drawer-free."""

from __future__ import annotations

from hardware.interfaces import Amount, Columns, QrCode, ReceiptDocument, Row, Rule, Text

# Cyrillic with the signs receipts use that CP866 lacks, so the printer has to prove its CP1251.
CYRILLIC_SAMPLE = "«Ёлка» № 7 — 12,50 € · ЁЖЗИЙ эюя"


def test_page(printer_name: str, columns: int, *, workstation: str = "") -> ReceiptDocument:
    ruler = "".join(str(n % 10) for n in range(1, columns + 1))
    return ReceiptDocument(
        (
            Text("TEST PAGE", "center", bold=True, large=True),
            Text(printer_name, "center"),
            Text(workstation, "center") if workstation else Text(""),
            Rule(),
            Text(ruler),
            Text(f"{columns} characters a line", "center"),
            Rule("="),
            Text("English: The quick brown fox jumps over the lazy dog."),
            Text("Русский: Съешь же ещё этих мягких французских булок."),
            Text("Български: Щъркелите се разпръснаха по цялото небе."),
            # The profile's code pages are a claim: a printer lacking the page chosen for this line
            # ignores its selection and prints other letters (or boxes, or "?"), and Devices -> "Draw
            # text as an image" is the cure.
            Text(CYRILLIC_SAMPLE),
            Text("Line above wrong? Set Draw text as an image"),
            Text("Bold", bold=True),
            Text("Centre", "center"),
            Text("Right", "right"),
            Columns(("Qty", "Item", "Sum"), widths=(1, 3, 2), bold=True),
            Columns(("2", "Закуска", Amount(3000, "BGN")), widths=(1, 3, 2)),
            Row("Total", Amount(3000, "BGN"), bold=True),
            QrCode("TEST PAGE " + printer_name, size=4, caption="QR code"),
        ),
        label="test page",
    )
