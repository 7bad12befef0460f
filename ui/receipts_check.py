"""Check receipts: settle with the registers what a crash or a lost answer left open (after sign-in, and
from Shift → Check receipts), and tell the clerk what was resolved and what waits for a reprint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.fiscal.workflow import ReceiptCheck, reconcile_receipts
from ui.context import DeskContext, device_pool
from ui.ops.feedback import show_error
from ui.ops.op import Op


def check_text(check: ReceiptCheck) -> str:
    """What the check found, for the clerk (every part a sentence of its own)."""
    parts = []
    if check.settled:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts confirmed by the register: {count}.").format(count=check.settled))
    if check.cancelled:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts the register never issued: {count}. Print them from the card "
            "(Action → Print receipt).").format(count=check.cancelled))
    if check.still_unknown or check.failed:  # a check that failed is as open as one not answered
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts the register could not answer for: {count}. Check again when the "
            "register is on (Shift → Check receipts).").format(count=check.still_unknown + check.failed))
    if check.waiting:
        numbers = ", ".join(f"{d.register}/{d.number:07d}" for d in check.waiting)
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Documents waiting to be printed again: {numbers}. Print them from the card "
            "(Action → Print receipt); they are marked COPY.").format(numbers=numbers))
    if not parts:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Every receipt is settled with the register."))
    return "\n\n".join(parts)


def check_receipts(ctx: DeskContext, parent: QWidget, *, quiet_when_clean: bool = False) -> Op[ReceiptCheck]:
    """Reconcile this workstation's receipts off the GUI thread; the outcome in a message box.

    ``quiet_when_clean`` (at start-up): say nothing when there was nothing to resolve.
    """
    runner, actor = ctx.runner, ctx.actor

    def done(check: ReceiptCheck) -> None:
        parent.setProperty("lastReceiptCheck", check_text(check))
        if quiet_when_clean and check.clean and not (check.settled or check.cancelled):
            return
        icon = QMessageBox.Icon.Information if check.clean else QMessageBox.Icon.Warning
        title = QCoreApplication.translate("ReceiptsCheck", "Check receipts")
        box = QMessageBox(icon, title, check_text(check), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("receiptsCheckBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        if check.settled or check.cancelled:  # the cards' receipt marks changed
            ctx.ledger_changed.emit()

    return (Op(parent, lambda: reconcile_receipts(runner, actor), pool=device_pool())
            .success(done).failure(lambda exc: show_error(parent, exc)).run())
