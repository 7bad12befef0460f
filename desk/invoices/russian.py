"""A Russian hotel's invoice as the Russian tax code wants it: the счёт-фактура of ПП РФ от 26.12.2011
№ 1137 (Приложение № 1, as amended to 2021) and, for a credit note, its корректировочный счёт-фактура
(Приложение № 2), drawn on A4 landscape from the frozen content like every invoice.

What the form asks and where it comes from:

- (1) number and date, (1а) correction "—"; (2, 2а, 2б) seller, its address, ИНН/КПП as the hotel's
  tax id holds them; (3, 4) consignor and consignee "—": services are not shipped; (5) the payment
  document "—" (a payment in advance would be named there: the desk does not invoice advances);
  (5а) the documents of the supply: the hotel's bills; (6, 6а, 6б) the buyer as the seller;
  (7) currency by name and ОКВ code; (8) the state contract "—".
- The lines: name, (1б) kind of goods "—" (exports to the EAEU only), unit (2, 2а) "—" (the desk does
  not record one: a night would be "сут", ОКЕИ 359), quantity, price without tax, value without
  tax, excise "без акциза", rate, tax, value with tax, country of origin and customs declaration "—"
  (services). Traceability columns (12-13) are goods' only and left out.
- The signatures of the head and the chief accountant; the person who issued it under them.

A corrective invoice shows each credited line before the change (A: the invoice less the credit notes
issued before this one), after it (Б), the increase (В, none: the desk's credit notes only decrease)
and the decrease (Г), with the totals of В and Г.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desk.core.document_format import format_of_language
from desk.core.money import Money
from desk.core.pdf_layout import paragraph_styles

FORM_NOTE = ("Приложение № 1 к постановлению Правительства Российской Федерации от 26 декабря 2011 г. № 1137 "
             "(в редакции постановления Правительства Российской Федерации от 2 апреля 2021 г. № 534)")
CORRECTIVE_NOTE = ("Приложение № 2 к постановлению Правительства Российской Федерации от 26 декабря 2011 г. № 1137 "
                   "(в редакции постановления Правительства Российской Федерации от 2 апреля 2021 г. № 534)")
# Currency names and codes of the ОКВ (the all-Russian classifier of currencies).
CURRENCIES = {"RUB": ("Российский рубль", "643"), "EUR": ("Евро", "978"), "USD": ("Доллар США", "840"),
              "BGN": ("Болгарский лев", "975")}
DASH = "—"
NO_EXCISE = "без акциза"
PAGE_WIDTH = 267 * mm  # A4 landscape less 15 mm margins
HEAD_FONT_SIZE = 5.5

# The invoice's columns, their numbers on the form, and their widths (267 mm in all).
INVOICE_COLUMNS = (
    ("№ п/п", "1", 8),
    ("Наименование товара (описание выполненных работ, оказанных услуг), имущественного права", "1а", 55),
    ("Код вида товара", "1б", 11),
    ("Единица измерения: код", "2", 15),
    ("Единица измерения: условное обозначение (национальное)", "2а", 19),
    ("Количество (объём)", "3", 15),
    ("Цена (тариф) за единицу измерения", "4", 16),
    ("Стоимость товаров (работ, услуг), имущественных прав без налога — всего", "5", 20),
    ("В том числе сумма акциза", "6", 12),
    ("Налоговая ставка", "7", 15),
    ("Сумма налога, предъявляемая покупателю", "8", 20),
    ("Стоимость товаров (работ, услуг), имущественных прав с налогом — всего", "9", 20),
    ("Страна происхождения товара: код, краткое наименование", "10, 10а", 20),
    ("Регистрационный номер декларации на товары", "11", 21),
)
# The corrective invoice's columns (Приложение № 2).
CORRECTIVE_COLUMNS = (
    ("№ п/п", "1", 8),
    ("Наименование товара (описание выполненных работ, оказанных услуг), имущественного права", "1а", 63),
    ("Код вида товара", "1б", 12),
    ("Единица измерения: код, обозначение", "2, 2а", 18),
    ("", "", 26),  # А, Б, В, Г
    ("Количество (объём)", "3", 16),
    ("Цена (тариф) за единицу измерения", "4", 20),
    ("Стоимость без налога — всего", "5", 24),
    ("В том числе сумма акциза", "6", 17),
    ("Налоговая ставка", "7", 15),
    ("Сумма налога", "8", 24),
    ("Стоимость с налогом — всего", "9", 24),
)


def _date(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d.%m.%Y")


def _styles() -> dict[str, ParagraphStyle]:
    styles = paragraph_styles()
    styles["form"] = ParagraphStyle("form", parent=styles["small"], fontSize=6.5, leading=8, alignment=2)
    styles["field"] = ParagraphStyle("field", parent=styles["body"], fontSize=8, leading=10)
    styles["head"] = ParagraphStyle("head", parent=styles["cell"], fontSize=HEAD_FONT_SIZE, leading=6.5, alignment=1)
    styles["excise"] = ParagraphStyle("excise", parent=styles["cell"], fontSize=6.5, leading=7.5, alignment=1)
    styles["sign"] = ParagraphStyle("sign", parent=styles["cell"], fontSize=7, leading=8)
    styles["row"] = ParagraphStyle("row", parent=styles["cell"], fontSize=7, leading=8.5)
    styles["row_number"] = ParagraphStyle("row_number", parent=styles["number"], fontSize=7, leading=8.5)
    return styles


class _Numbers:
    """Amounts as the form prints them: "1 234,56", never wrapped."""

    def __init__(self) -> None:
        self.fmt = format_of_language("ru")

    def __call__(self, value: Decimal | str) -> str:
        return self.fmt.number(Decimal(value)).replace(" ", "\u00a0")

    def quantity(self, value: str) -> str:
        return self.fmt.number(Decimal(value))

    def rate(self, percent: str) -> str:
        return f"{self.fmt.number(Decimal(percent))}%"


def unit_price_without_tax(net: Decimal, quantity: Decimal, currency: str) -> Decimal:
    """Column 4: the line's value without tax (column 5, exact to the kopeck) for one unit, rounded as every amount
    of the desk is (Money: half up, to the currency's minor unit). Only this column is rounded: the line's values
    and the totals (columns 5, 8, 9) are the invoice's own, summed, never derived from it."""
    if not quantity:
        return Decimal(0)
    return Money.rounded(net / quantity, currency).amount


def _fields(rows: Sequence[tuple[str, str, str]], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [Paragraph(f"{escape(name)}: <b>{escape(value or DASH)}</b> <font size=6>({escape(number)})</font>",
                      styles["field"]) for name, value, number in rows]


def _party_rows(content: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    seller, buyer = content["seller"], content["buyer"]

    def address(party: Mapping[str, Any]) -> str:
        return ", ".join(part for part in (party.get("address", ""), party.get("city", "")) if part)

    def tax_ids(party: Mapping[str, Any]) -> str:
        return party.get("tax_id") or party.get("vat_number") or ""

    name, code = CURRENCIES.get(content["currency"], (content["currency"], ""))
    return [("Продавец", seller["name"], "2"), ("Адрес", address(seller), "2а"),
            ("ИНН/КПП продавца", tax_ids(seller), "2б"),
            ("Грузоотправитель и его адрес", DASH, "3"), ("Грузополучатель и его адрес", DASH, "4"),
            ("К платёжно-расчётному документу", f"№ {DASH} от {DASH}", "5"),
            ("Документ об отгрузке (счета гостиницы)", ", ".join(content["bills"]), "5а"),
            ("Покупатель", buyer["name"], "6"), ("Адрес", address(buyer), "6а"),
            ("ИНН/КПП покупателя", tax_ids(buyer), "6б"),
            ("Валюта: наименование, код", f"{name}, {code}" if code else name, "7"),
            ("Идентификатор государственного контракта, договора (соглашения) (при наличии)", DASH, "8")]


def _heading(columns: Sequence[tuple[str, str, int]], styles: dict[str, ParagraphStyle]) -> list[list[object]]:
    return [[Paragraph(escape(title), styles["head"]) for title, _number, _width in columns],
            [Paragraph(number, styles["head"]) for _title, number, _width in columns]]


def _grid(rows: list[list[object]], columns: Sequence[tuple[str, str, int]], styles: dict[str, ParagraphStyle],
          *, bold_last: int = 1) -> Table:
    table = Table(rows, colWidths=[width * mm for _title, _number, width in columns], repeatRows=2)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.3, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName), ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("FONTNAME", (0, -bold_last), (-1, -1), styles["bold"].fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return table


def _signatures(content: Mapping[str, Any], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The head's and the chief accountant's signatures, each over its name; the issuer under them."""
    head = content["seller"].get("accountable_person") or ""
    blank = "_" * 16

    def label(text: str) -> Paragraph:
        return Paragraph(escape(text), styles["sign"])

    table = Table([
        [label("Руководитель организации или иное уполномоченное лицо"), blank, head or blank, "",
         label("Главный бухгалтер или иное уполномоченное лицо"), blank, blank],
        ["", "(подпись)", "(ф. и. о.)", "", "", "(подпись)", "(ф. и. о.)"],
    ], colWidths=[60 * mm, 32 * mm, 45 * mm, 8 * mm, 55 * mm, 32 * mm, 35 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["regular"].fontName),
                               ("FONTSIZE", (0, 0), (-1, 0), 7.5), ("FONTSIZE", (0, 1), (-1, 1), 5.5),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (1, 0), (2, -1), "CENTER"),
                               ("ALIGN", (5, 0), (6, -1), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 5 * mm), table, Spacer(1, 3 * mm),
            Paragraph(f"Составил: {escape(content['issued_by'])}", styles["small"])]


def _invoice_story(content: Mapping[str, Any], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    number = _Numbers()
    story: list[Flowable] = [Paragraph(escape(FORM_NOTE), styles["form"]), Spacer(1, 2 * mm),
                             Paragraph(f"<b>СЧЁТ-ФАКТУРА № {escape(content['number'])} от "
                                       f"{_date(content['issued_on'])}</b> <font size=7>(1)</font>", styles["h2"]),
                             *_fields([("ИСПРАВЛЕНИЕ", f"№ {DASH} от {DASH}", "1а")], styles),
                             *_fields(_party_rows(content), styles), Spacer(1, 3 * mm)]
    rows = _heading(INVOICE_COLUMNS, styles)
    for k, line in enumerate(content["lines"], 1):
        rows.append([str(k), Paragraph(escape(line["description"]), styles["row"]), DASH, DASH, DASH,
                     number.quantity(line["quantity"]),
                     number(unit_price_without_tax(Decimal(line["net"]), Decimal(line["quantity"]),
                                                   content["currency"])),
                     number(line["net"]),
                     Paragraph(NO_EXCISE, styles["excise"]), number.rate(line["vat_percent"]), number(line["vat"]),
                     number(line["gross"]),
                     DASH, DASH])
    rows.append(["", Paragraph("<b>Всего к оплате (9)</b>", styles["row"]), "", "", "", "", "",
                 number(content["net"]), "X", "", number(content["vat"]), number(content["gross"]), "", ""])
    table = _grid(rows, INVOICE_COLUMNS, styles)
    table.setStyle(TableStyle([("ALIGN", (5, 2), (11, -1), "RIGHT"), ("ALIGN", (0, 2), (0, -1), "CENTER"),
                               ("SPAN", (1, -1), (6, -1))]))
    story += [table, *_signatures(content, styles)]
    return story


def _corrective_story(content: Mapping[str, Any], invoice: Mapping[str, Any],
                      before: Mapping[int, Mapping[str, Decimal]], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    number = _Numbers()
    credited = content["credited"]
    story: list[Flowable] = [
        Paragraph(escape(CORRECTIVE_NOTE), styles["form"]), Spacer(1, 2 * mm),
        Paragraph(f"<b>КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА № {escape(content['number'])} от "
                  f"{_date(content['issued_on'])}</b> <font size=7>(1)</font>", styles["h2"]),
        *_fields([("ИСПРАВЛЕНИЕ КОРРЕКТИРОВОЧНОГО СЧЁТА-ФАКТУРЫ", f"№ {DASH} от {DASH}", "1а"),
                  ("К СЧЁТУ-ФАКТУРЕ", f"№ {credited['number']} от {_date(credited['issued_on'])}, "
                                      f"с учётом исправления № {DASH} от {DASH}", "1б")], styles),
        *_fields([row for row in _party_rows(content) if row[2] in ("2", "2а", "2б", "6", "6а", "6б", "7")], styles),
        Paragraph(f"Основание: {escape(content['reason'])}", styles["field"]), Spacer(1, 3 * mm)]
    rows = _heading(CORRECTIVE_COLUMNS, styles)
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    originals = {k: line for k, line in enumerate(invoice["lines"], 1)}
    for credit in content["lines"]:
        k = int(credit["line"])
        original = originals[k]
        was = before[k]
        taken = {key: Decimal(credit[key]) for key in ("net", "vat", "gross")}
        after = {key: was[key] - taken[key] for key in ("net", "vat", "gross")}
        quantity = Decimal(original["quantity"])
        whole = after["gross"] == 0
        after_quantity = Decimal(0) if whole else quantity
        first = len(rows)

        def row(letter: str, qty: Decimal | None, values: Mapping[str, Decimal] | None,
                line: Mapping[str, Any] = original, k: int = k, first: int = first) -> list[object]:
            cells: list[object] = ["", "", "", "", letter]
            if len(rows) == first:
                cells[:4] = [str(k), Paragraph(escape(line["description"]), styles["row"]), DASH, DASH]
            if values is None:
                return [*cells, DASH, DASH, DASH, DASH, DASH, DASH, DASH]
            price = unit_price_without_tax(values["net"], qty, content["currency"]) if qty else Decimal(0)
            return [*cells, number.quantity(f"{qty}") if qty is not None else DASH,
                    number(price) if qty else DASH, number(values["net"]), Paragraph(NO_EXCISE, styles["excise"]),
                    number.rate(line["vat_percent"]), number(values["vat"]), number(values["gross"])]

        rows.append(row("А (до изменения)", quantity, was))
        rows.append(row("Б (после изменения)", after_quantity, after))
        rows.append(row("В (увеличение)", None, None))
        rows.append(row("Г (уменьшение)", quantity if whole else None, taken))
        for column in range(4):
            spans.append(("SPAN", (column, first), (column, first + 3)))
    zero = Decimal("0.00")
    rows.append(["", Paragraph("<b>Всего увеличение (сумма строк В)</b>", styles["row"]), "", "", "", "", "",
                 number(zero), "X", "", number(zero), number(zero)])
    rows.append(["", Paragraph("<b>Всего уменьшение (сумма строк Г)</b>", styles["row"]), "", "", "", "", "",
                 number(content["net"]), "X", "", number(content["vat"]), number(content["gross"])])
    table = _grid(rows, CORRECTIVE_COLUMNS, styles, bold_last=2)
    table.setStyle(TableStyle([*spans, ("ALIGN", (5, 2), (11, -1), "RIGHT"), ("SPAN", (1, -1), (6, -1)),
                               ("SPAN", (1, -2), (6, -2)), ("FONTSIZE", (4, 2), (4, -3), 6)]))
    story += [table, *_signatures(content, styles)]
    return story


def render_russian(content: Mapping[str, Any], invoice: Mapping[str, Any] | None = None,
                   before: Mapping[int, Mapping[str, Decimal]] | None = None, *, title: str = "") -> bytes:
    """The счёт-фактура of ``content``; for a credit note, its corrective invoice, which needs the
    credited ``invoice``'s content and what each of its lines held ``before`` this credit note."""
    styles = _styles()
    if content["kind"] == "credit_note":
        assert invoice is not None and before is not None
        story = _corrective_story(content, invoice, before, styles)
    else:
        story = _invoice_story(content, styles)
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=landscape(A4), title=title, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=10 * mm, bottomMargin=10 * mm)
    document.build(story)
    return out.getvalue()
