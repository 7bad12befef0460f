"""X and Z reports of a cash shift as PDF, in the bills' fonts (Cyrillic names print)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session

from desk.cash.models import ShiftMoveKind
from desk.cash.shifts import ShiftReport, shift_report, x_report, z_report_pdf
from desk.core.money import Money
from desk.core.pdf_layout import amount_text, document_table, paragraph_styles

_MOVE_NAMES = {ShiftMoveKind.FLOAT: "Float", ShiftMoveKind.CASH_IN: "Cash in", ShiftMoveKind.CASH_OUT: "Cash out"}


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _signed(money: Money) -> str:
    return ("+" if money.is_positive else "") + amount_text(money)


def _story(report: ShiftReport) -> list[Flowable]:
    styles = paragraph_styles()
    title = "Z report" if report.is_final else "X report"
    story: list[Flowable] = [
        Paragraph(report.hotel_name, styles["title"]),
        Paragraph(report.hotel_address, styles["small"]),
        Spacer(1, 4 * mm),
        Paragraph(f"{title} · shift {report.number} · {report.workstation}", styles["h2"]),
        Paragraph(f"Opened {_when(report.opened_at)} by {report.opened_by_name}", styles["body"]),
    ]
    if report.closed_at is not None:
        story.append(Paragraph(f"Closed {_when(report.closed_at)} by {report.closed_by_name}", styles["body"]))
    else:
        story.append(Paragraph(f"Made {_when(report.made_at)}; the shift is still open", styles["body"]))
    story.append(Paragraph(f"Cash payments, refunds and voids: {report.payments}", styles["small"]))
    story.append(Spacer(1, 4 * mm))

    header: list[object] = ["", *(f.currency for f in report.currencies)]
    rows: list[list[object]] = [header]
    for label, pick in (("Float", lambda f: f.opening_float), ("Cash received", lambda f: f.received),
                        ("Cash given back", lambda f: -f.given_back), ("Cash in", lambda f: f.cash_in),
                        ("Cash out", lambda f: -f.cash_out), ("Expected in drawer", lambda f: f.expected)):
        rows.append([label, *(amount_text(pick(f)) for f in report.currencies)])
    if report.is_final:
        rows.append(["Counted", *(amount_text(f.counted) if f.counted is not None else "" for f in report.currencies)])
        rows.append(["Over (+) / short (-)",
                     *(_signed(f.difference) if f.difference is not None else "" for f in report.currencies)])
    width = 150 * mm / max(1, len(report.currencies))
    story.append(document_table(rows, [40 * mm, *[width] * len(report.currencies)], styles, 1))

    for figures in report.currencies:
        if not figures.denominations:
            continue
        story.append(Spacer(1, 3 * mm))
        count_rows: list[list[object]] = [[f"Count {figures.currency}", "Pieces", "Amount"]]
        for denomination, pieces in figures.denominations:
            count_rows.append([f"{denomination:f}", str(pieces),
                               amount_text(Money.of(denomination, figures.currency) * pieces)])
        story.append(document_table(count_rows, [40 * mm, 25 * mm, 35 * mm], styles, 1))

    if report.methods:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("Payments by method", styles["h2"]))
        method_rows: list[list[object]] = [["Method", "Currency", "Payments", "Received", "Refunds", "Given back"]]
        for line in report.methods:
            method_rows.append([Paragraph(f"{line.method_name} {line.brand}".strip(), styles["cell"]), line.currency,
                                str(line.count), amount_text(line.received), str(line.refund_count),
                                amount_text(-line.given_back)])
        story.append(document_table(method_rows, [50 * mm, 20 * mm, 20 * mm, 30 * mm, 20 * mm, 30 * mm], styles, 2))

    if report.moves:
        story.append(Spacer(1, 4 * mm))
        move_rows: list[list[object]] = [["Time", "Kind", "Reason", "By", "Amount"]]
        for move in report.moves:
            move_rows.append([_when(move.at), _MOVE_NAMES[move.kind], Paragraph(move.reason, styles["cell"]),
                              move.by, amount_text(move.amount)])
        story.append(document_table(move_rows, [28 * mm, 20 * mm, 70 * mm, 22 * mm, 30 * mm], styles, 4))
    return story


def shift_report_pdf(report: ShiftReport) -> bytes:
    """The report as PDF bytes: a Z report when the shift is closed, an X report before."""
    buffer = io.BytesIO()
    title = f"{'Z' if report.is_final else 'X'} report, shift {report.number}, {report.workstation}"
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(_story(report))
    return buffer.getvalue()


def save_shift_report(report: ShiftReport, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(shift_report_pdf(report))
    return path


def write_x_report(session: Session, workstation: str, directory: Path | str,
                   language: str = "en") -> tuple[ShiftReport, Path]:
    """The open shift's X report, saved as a PDF in ``directory``."""
    report = x_report(session, workstation, language)
    stamp = report.made_at.astimezone().strftime("%Y%m%d-%H%M%S")
    return report, save_shift_report(report, Path(directory) / f"x-report-{workstation}-{report.number}-{stamp}.pdf")


def write_z_report(session: Session, shift_id: int, directory: Path | str,
                   language: str = "en") -> tuple[ShiftReport, Path]:
    """A closed shift's Z report as it was kept at closing, saved as a PDF in ``directory``."""
    report = shift_report(session, shift_id, language)
    path = Path(directory) / f"z-report-{report.workstation}-{report.number}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(z_report_pdf(session, shift_id))
    return report, path
