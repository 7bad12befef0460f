"""X and Z reports of a cash shift as PDF, in the bills' fonts (Cyrillic names print), in the language
and number format of the hotel's country (desk.hotel.country), whatever the clerk's screen says."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session

from desk.cash.models import ShiftMoveKind
from desk.cash.shifts import ShiftReport, shift_report, x_report, z_report_pdf
from desk.core.document_format import DocumentFormat
from desk.core.money import Money
from desk.core.pdf_layout import document_table, paragraph_styles
from desk.hotel.country import hotel_format

_MOVE_NAMES = {ShiftMoveKind.FLOAT: "Float", ShiftMoveKind.CASH_IN: "Cash in", ShiftMoveKind.CASH_OUT: "Cash out"}

# The report's words per language; English is the key.
WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "Z report": "Z-отчет", "X report": "X-отчет", "{title} · shift {number} · {workstation}":
        "{title} · смена {number} · {workstation}", "Opened {when} by {who}": "Открыта {when}, {who}",
        "Closed {when} by {who}": "Закрыта {when}, {who}",
        "Made {when}; the shift is still open": "Составлен {when}; смена еще открыта",
        "Cash payments, refunds and voids: {count}": "Оплат, возвратов и аннулирований наличными: {count}",
        "Float": "Размен", "Cash received": "Получено наличными", "Cash given back": "Выдано наличными",
        "Cash in": "Внесение", "Cash out": "Выплата", "Expected in drawer": "Должно быть в кассе",
        "Counted": "Пересчитано", "Over (+) / short (-)": "Излишек (+) / недостача (-)",
        "Count {currency}": "Пересчет {currency}", "Pieces": "Штук", "Amount": "Сумма", "Time": "Время",
        "Kind": "Вид", "Reason": "Основание", "By": "Кто",
        "Payments by method": "Оплаты по видам", "Method": "Вид оплаты", "Currency": "Валюта",
        "Payments": "Оплат", "Received": "Получено", "Refunds": "Возвратов", "Given back": "Возвращено",
    },
    "bg": {
        "Z report": "Z отчет", "X report": "X отчет", "{title} · shift {number} · {workstation}":
        "{title} · смяна {number} · {workstation}", "Opened {when} by {who}": "Отворена {when}, {who}",
        "Closed {when} by {who}": "Затворена {when}, {who}",
        "Made {when}; the shift is still open": "Изготвен {when}; смяната още е отворена",
        "Cash payments, refunds and voids: {count}": "Плащания, връщания и анулирания в брой: {count}",
        "Float": "Начална наличност", "Cash received": "Получени в брой", "Cash given back": "Върнати в брой",
        "Cash in": "Служебно въведени", "Cash out": "Служебно изведени", "Expected in drawer": "Очаквано в касата",
        "Counted": "Преброено", "Over (+) / short (-)": "Излишък (+) / липса (-)",
        "Count {currency}": "Преброяване {currency}", "Pieces": "Брой", "Amount": "Сума", "Time": "Час",
        "Kind": "Вид", "Reason": "Основание", "By": "От",
        "Payments by method": "Плащания по вид", "Method": "Вид плащане", "Currency": "Валута",
        "Payments": "Плащания", "Received": "Получени", "Refunds": "Връщания", "Given back": "Върнати",
    },
}


def _words(fmt: DocumentFormat) -> Callable[..., str]:
    own = WORDS.get(fmt.language, {})

    def word(english: str, **params: object) -> str:
        # Paragraphs read markup: what a clerk typed (names, workstations) is escaped.
        return own.get(english, english).format(**{k: escape(str(v)) for k, v in params.items()})

    return word


def _signed(money: Money, fmt: DocumentFormat) -> str:
    return ("+" if money.is_positive else "") + fmt.money(money)


def _story(report: ShiftReport, fmt: DocumentFormat) -> list[Flowable]:
    styles = paragraph_styles()
    word = _words(fmt)
    title = word("Z report") if report.is_final else word("X report")
    story: list[Flowable] = [
        Paragraph(escape(report.hotel_name), styles["title"]),
        Paragraph(escape(report.hotel_address), styles["small"]),
        Spacer(1, 4 * mm),
        Paragraph(word("{title} · shift {number} · {workstation}", title=title, number=report.number,
                       workstation=report.workstation), styles["h2"]),
        Paragraph(word("Opened {when} by {who}", when=fmt.date_time(report.opened_at), who=report.opened_by_name),
                  styles["body"]),
    ]
    if report.closed_at is not None:
        story.append(Paragraph(word("Closed {when} by {who}", when=fmt.date_time(report.closed_at),
                                    who=report.closed_by_name), styles["body"]))
    else:
        story.append(Paragraph(word("Made {when}; the shift is still open", when=fmt.date_time(report.made_at)),
                               styles["body"]))
    story.append(Paragraph(word("Cash payments, refunds and voids: {count}", count=report.payments), styles["small"]))
    story.append(Spacer(1, 4 * mm))

    header: list[object] = ["", *(f.currency for f in report.currencies)]
    rows: list[list[object]] = [header]
    for label, pick in (("Float", lambda f: f.opening_float), ("Cash received", lambda f: f.received),
                        ("Cash given back", lambda f: -f.given_back), ("Cash in", lambda f: f.cash_in),
                        ("Cash out", lambda f: -f.cash_out), ("Expected in drawer", lambda f: f.expected)):
        rows.append([word(label), *(fmt.money(pick(f)) for f in report.currencies)])
    if report.is_final:
        rows.append([word("Counted"),
                     *(fmt.money(f.counted) if f.counted is not None else "" for f in report.currencies)])
        rows.append([word("Over (+) / short (-)"),
                     *(_signed(f.difference, fmt) if f.difference is not None else "" for f in report.currencies)])
    width = 150 * mm / max(1, len(report.currencies))
    story.append(document_table(rows, [40 * mm, *[width] * len(report.currencies)], styles, 1))

    for figures in report.currencies:
        if not figures.denominations:
            continue
        story.append(Spacer(1, 3 * mm))
        count_rows: list[list[object]] = [[word("Count {currency}", currency=figures.currency), word("Pieces"),
                                           word("Amount")]]
        for denomination, pieces in figures.denominations:
            count_rows.append([fmt.number(denomination), str(pieces),
                               fmt.money(Money.of(denomination, figures.currency) * pieces)])
        story.append(document_table(count_rows, [40 * mm, 25 * mm, 35 * mm], styles, 1))

    if report.methods:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(word("Payments by method"), styles["h2"]))
        method_rows: list[list[object]] = [[word(w) for w in ("Method", "Currency", "Payments", "Received",
                                                               "Refunds", "Given back")]]
        for line in report.methods:
            method_rows.append([Paragraph(escape(f"{line.method_name} {line.brand}".strip()), styles["cell"]),
                                line.currency, str(line.count), fmt.money(line.received), str(line.refund_count),
                                fmt.money(-line.given_back)])
        story.append(document_table(method_rows, [50 * mm, 20 * mm, 20 * mm, 30 * mm, 20 * mm, 30 * mm], styles, 2))

    if report.moves:
        story.append(Spacer(1, 4 * mm))
        move_rows: list[list[object]] = [[word("Time"), word("Kind"), word("Reason"), word("By"), word("Amount")]]
        for move in report.moves:
            move_rows.append([fmt.date_time(move.at), word(_MOVE_NAMES[move.kind]),
                              Paragraph(escape(move.reason), styles["cell"]), move.by, fmt.money(move.amount)])
        story.append(document_table(move_rows, [28 * mm, 20 * mm, 70 * mm, 22 * mm, 30 * mm], styles, 4))
    return story


def shift_report_pdf(report: ShiftReport, fmt: DocumentFormat) -> bytes:
    """The report as PDF bytes, in ``fmt`` (the hotel's: :func:`desk.hotel.country.hotel_format`):
    a Z report when the shift is closed, an X report before."""
    buffer = io.BytesIO()
    word = _words(fmt)
    # The viewer shows the title in its window bar: in the report's language too.
    title = word("{title} · shift {number} · {workstation}", title=word("Z report" if report.is_final else "X report"),
                 number=report.number, workstation=report.workstation)
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(_story(report, fmt))
    return buffer.getvalue()


def save_shift_report(report: ShiftReport, fmt: DocumentFormat, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(shift_report_pdf(report, fmt))
    return path


def write_x_report(session: Session, workstation: str, directory: Path | str,
                   language: str = "en") -> tuple[ShiftReport, Path]:
    """The open shift's X report, saved as a PDF in ``directory``: the figures returned name the methods in
    ``language`` (the clerk's screen), the PDF in the hotel's document language."""
    fmt = hotel_format(session)
    report = x_report(session, workstation, language)
    paper = report if fmt.language == language else x_report(session, workstation, fmt.language)
    stamp = report.made_at.astimezone().strftime("%Y%m%d-%H%M%S")
    return report, save_shift_report(paper, fmt,
                                     Path(directory) / f"x-report-{workstation}-{report.number}-{stamp}.pdf")


def write_z_report(session: Session, shift_id: int, directory: Path | str,
                   language: str = "en") -> tuple[ShiftReport, Path]:
    """A closed shift's Z report as it was kept at closing, saved as a PDF in ``directory``."""
    report = shift_report(session, shift_id, language)
    path = Path(directory) / f"z-report-{report.workstation}-{report.number}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(z_report_pdf(session, shift_id))
    return report, path
