"""A fiscal document laid out for the receipt printer, in its register's language and number format
(desk.hotel.country.register_format decides which)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desk.core.document_format import DocumentFormat
from desk.core.money import Money
from desk.fiscal.interface import Document, DocumentKind
from hardware.interfaces import Block, Columns, QrCode, ReceiptDocument, Row, Rule, Text

# Printed words by the register's language: the paper follows the country, not the clerk's screen.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "sale": "SALE RECEIPT", "refund": "REFUND RECEIPT", "shift_open": "SHIFT OPENED",
        "x_report": "X REPORT", "z_report": "Z REPORT (SHIFT CLOSED)", "cash_in": "CASH IN", "cash_out": "CASH OUT",
        "tax_id": "Tax ID", "total": "TOTAL", "tax": "VAT", "incl": "incl. VAT {p}%", "no_tax": "no VAT",
        "tendered": "Tendered", "change": "Change", "doc": "Document", "shift": "Shift", "cashier": "Cashier",
        "register": "Register", "sign": "Fiscal sign", "refund_of": "Refund of document", "bill": "Bill",
        "reason": "Reason", "receipts": "Sale receipts", "refunds": "Refund receipts", "net": "Net",
        "range": "Documents", "payer": "Payer", "fiscal": "FISCAL RECEIPT",
        "payment_for_bill": "Payment for bill {bill}", "refund_for_bill": "Refund for bill {bill}",
        "advance": "Advance payment", "advance_returned": "Advance returned",
        "by_method": "PAYMENTS BY METHOD", "given_back": "Given back", "float": "Float",
        "anchor": "CHAIN ANCHOR (kept outside the database)",
    },
    "bg": {
        "sale": "КАСОВ БОН", "refund": "СТОРНО БОН", "shift_open": "ОТВОРЕНА СМЯНА",
        "x_report": "X ОТЧЕТ", "z_report": "Z ОТЧЕТ (ЗАТВОРЕНА СМЯНА)", "cash_in": "СЛУЖЕБНО ВЪВЕДЕНИ",
        "cash_out": "СЛУЖЕБНО ИЗВЕДЕНИ", "tax_id": "ЕИК", "total": "ОБЩА СУМА", "tax": "ДДС",
        "incl": "вкл. ДДС {p}%", "no_tax": "без ДДС", "tendered": "Получено", "change": "Ресто",
        "doc": "Документ", "shift": "Смяна", "cashier": "Касиер", "register": "Каса", "sign": "Фискален подпис",
        "refund_of": "Сторно на документ", "bill": "Сметка", "reason": "Основание", "receipts": "Касови бонове",
        "refunds": "Сторно бонове", "net": "Нето", "range": "Документи", "payer": "Платец",
        "fiscal": "ФИСКАЛЕН БОН",
        "payment_for_bill": "Плащане по сметка {bill}", "refund_for_bill": "Сторно по сметка {bill}",
        "advance": "Авансово плащане", "advance_returned": "Върнат аванс",
        "by_method": "ПЛАЩАНИЯ ПО ВИД", "given_back": "Върнати", "float": "Начална наличност",
        "anchor": "КОНТРОЛНА ТОЧКА НА ВЕРИГАТА (пази се извън базата данни)",
    },
    "ru": {
        "sale": "КАССОВЫЙ ЧЕК: ПРИХОД", "refund": "КАССОВЫЙ ЧЕК: ВОЗВРАТ ПРИХОДА", "shift_open": "ОТКРЫТИЕ СМЕНЫ",
        "x_report": "X-ОТЧЕТ", "z_report": "Z-ОТЧЕТ (ЗАКРЫТИЕ СМЕНЫ)", "cash_in": "ВНЕСЕНИЕ", "cash_out": "ВЫПЛАТА",
        "tax_id": "ИНН", "total": "ИТОГ", "tax": "НДС", "incl": "в т.ч. НДС {p}%", "no_tax": "без НДС",
        "tendered": "Наличными", "change": "Сдача", "doc": "Документ", "shift": "Смена", "cashier": "Кассир",
        "register": "Касса", "sign": "Фискальный признак", "refund_of": "Возврат по документу", "bill": "Счет",
        "reason": "Основание", "receipts": "Чеки прихода", "refunds": "Чеки возврата", "net": "Итого",
        "range": "Документы", "payer": "Плательщик", "fiscal": "ФИСКАЛЬНЫЙ ДОКУМЕНТ",
        "payment_for_bill": "Оплата по счету {bill}", "refund_for_bill": "Возврат по счету {bill}",
        "advance": "Авансовый платеж", "advance_returned": "Возврат аванса",
        "by_method": "ОПЛАТЫ ПО ВИДАМ", "given_back": "Возвращено", "float": "Размен на начало смены",
        "anchor": "КОНТРОЛЬНАЯ ТОЧКА ЦЕПОЧКИ (хранится вне базы данных)",
    },
}
COPY_WORDS = {"en": "COPY", "bg": "КОПИЕ", "ru": "КОПИЯ"}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def qr_payload(document: Document) -> str:
    """What the QR code holds: enough to find the document and check its sign against the journal."""
    c = document.content
    return (f"R={document.register};N={document.number};S={document.shift};T={c['issued_at'][:19]};"
            f"K={document.kind.value};A={c['total'] or ''};FS={document.sign}")


def render_document(document: Document, fmt: DocumentFormat, *, copy: bool = False) -> ReceiptDocument:
    words = labels(fmt.language)
    c: dict[str, Any] = document.content
    body: dict[str, Any] = c["body"]
    hotel = c["hotel"]
    blocks: list[Block] = [Text(hotel["name"], align="center", bold=True)]
    if hotel.get("address"):
        blocks.append(Text(hotel["address"], align="center"))
    if hotel.get("tax_id"):
        blocks.append(Text(f"{words['tax_id']}: {hotel['tax_id']}", align="center"))
    blocks += [Rule("="), Text(words[document.kind.value], align="center", bold=True, large=False)]
    if copy:  # once, in the document's language: the printer's own banner is turned off below
        blocks.append(Text(f"*** {COPY_WORDS.get(fmt.language, COPY_WORDS['en'])} ***", align="center", bold=True))
    blocks.append(Rule("-"))
    if document.kind in (DocumentKind.SALE, DocumentKind.REFUND):
        blocks += _receipt_blocks(body, words, fmt)
    elif document.kind in (DocumentKind.CASH_IN, DocumentKind.CASH_OUT):
        blocks += [Row(words["total"], fmt.money_text(c["total"]), bold=True),
                   Text(f"{words['reason']}: {body['reason']}")]
    elif document.kind in (DocumentKind.X_REPORT, DocumentKind.Z_REPORT):
        blocks += _report_blocks(body, words, fmt)
    elif document.kind is DocumentKind.SHIFT_OPEN:
        blocks += _opening_blocks(body, words, fmt)
    issued = datetime.fromisoformat(c["issued_at"])
    blocks.append(Rule("-"))
    if document.kind is DocumentKind.Z_REPORT:
        # What desk.fiscal.anchors wrote to the anchor file, on paper too: number, time and sign below.
        blocks.append(Text(words["anchor"], bold=True))
    blocks += [
        Row(f"{words['doc']}", f"{document.number:07d}"),
        Row(f"{words['shift']}", str(document.shift)),
        Row(f"{words['register']}", c["register"]),
        Text(fmt.date_time(issued, seconds=True)),
        Text(f"{words['cashier']}: {c['cashier_name']}"),
        Text(f"{words['sign']}:"),
        Text(document.sign[:32]),
        Text(document.sign[32:]),
        QrCode(qr_payload(document), size=4),
        Text(words["fiscal"], align="center", bold=True),
    ]
    return ReceiptDocument(tuple(blocks), copy=copy, copy_banner="", label=document.label)


def _receipt_blocks(body: dict[str, Any], words: dict[str, str], fmt: DocumentFormat) -> list[Block]:
    currency = body["currency"]
    blocks: list[Block] = []
    if body.get("refund_of"):
        blocks.append(Row(words["refund_of"], f"{int(body['refund_of']):07d}"))
    if body.get("bill"):
        blocks.append(Row(words["bill"], body["bill"]))
    if body.get("payer"):
        blocks.append(Text(f"{words['payer']}: {body['payer']}"))
    for line in body["lines"]:
        blocks.append(Text(line["name"]))
        qty = line["quantity"]
        tax = words["incl"].format(p=fmt.number(line["tax_percent"])) if line["tax_percent"] else ""
        blocks.append(Columns((f"  {fmt.number(qty)} x" if qty != "1" else "", tax,
                               fmt.amount(line["amount"], currency)), widths=(2, 3, 3)))
    blocks += [Rule("-"), Row(words["total"], fmt.amount(body["total"], currency), bold=True)]
    if body["taxes"]:
        for tax in body["taxes"]:
            blocks.append(Row(f"{words['tax']} {fmt.number(tax['percent'])}% ({fmt.amount(tax['gross'], currency)})",
                              fmt.amount(tax["tax"], currency)))
    else:
        blocks.append(Text(words["no_tax"]))
    for tender in body["tenders"]:
        blocks.append(Row(tender["method"], fmt.money_text(tender["amount"])))
        if tender.get("tendered"):
            blocks.append(Row(f"  {words['tendered']}", fmt.money_text(tender["tendered"])))
            blocks.append(Row(f"  {words['change']}",
                              fmt.amount(tender["change"], Money.parse(tender["amount"]).currency)))
    return blocks


def _report_blocks(body: dict[str, Any], words: dict[str, str], fmt: DocumentFormat) -> list[Block]:
    counts = body.get("counts", {})
    totals = body.get("totals", {})
    nothing = fmt.number("0.00")
    blocks: list[Block] = []
    for kind, label in (("sale", f"{words['receipts']} ({counts.get('sale', 0)})"),
                        ("refund", f"{words['refunds']} ({counts.get('refund', 0)})"),
                        ("cash_in", f"{words['cash_in']} ({counts.get('cash_in', 0)})"),
                        ("cash_out", f"{words['cash_out']} ({counts.get('cash_out', 0)})")):
        amounts = [fmt.money_text(text) for text in _totals(totals.get(kind))]
        blocks += [Row(label if n == 0 else "", amount) for n, amount in enumerate(amounts or [nothing])]
    for tax in body.get("taxes", []):
        blocks.append(Row(f"{words['tax']} {fmt.number(tax['percent'])}% ({fmt.money_text(tax['gross'])})",
                          fmt.money_text(tax["tax"])))
    if body.get("first"):
        blocks.append(Row(words["range"], f"{body['first']:07d}-{body['last']:07d}"))
    if body.get("methods"):
        blocks += [Rule("-"), Text(words["by_method"], bold=True)]
    for line in body.get("methods", []):
        name = f"{line['method']} {line['brand']}".strip()
        blocks.append(Row(f"{name} ({line['count']})", fmt.amount(line["total"], line["currency"])))
        if line["refund_count"]:
            blocks.append(Row(f"  {words['given_back']} ({line['refund_count']})",
                              fmt.amount(f"-{line['refunds']}", line["currency"])))
    return blocks


def _totals(totals: list[str] | str | None) -> list[str]:
    """A kind's totals, one a currency (documents of older versions kept one text)."""
    if not totals:
        return []
    return [totals] if isinstance(totals, str) else list(totals)


def _opening_blocks(body: dict[str, Any], words: dict[str, str], fmt: DocumentFormat) -> list[Block]:
    return [Row(words["float"], fmt.money_text(amount)) for amount in body.get("float", [])]
