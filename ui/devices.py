"""The cash drawer and printer states as the windows use them; every device wait is off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from desk.devices.printers import DeviceState, DrawerKick, PrinterStatus, drawer_for_payment, open_drawer
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.ops.feedback import dialog_parent, show_error

logger = logging.getLogger(__name__)


def state_text(state: DeviceState) -> str:
    """A printer's state in a few words: the cause a clerk can fix first."""
    status = state.status
    if status is None:
        return QCoreApplication.translate("Devices", "not answering")
    text = paper_text(status)
    if state.drawer and status.drawer_open is not None:
        text += ", " + (
            QCoreApplication.translate("Devices", "drawer open") if status.drawer_open
            else QCoreApplication.translate("Devices", "drawer closed")
        )
    return text


def paper_text(status: PrinterStatus) -> str:
    """A printer's cover, paper and readiness in a few words, whichever register's printer reported them."""
    if status.cover_open:
        text = QCoreApplication.translate("Devices", "cover open")
    elif status.paper_out:
        text = QCoreApplication.translate("Devices", "paper out")
    elif status.cutter_error:
        text = QCoreApplication.translate("Devices", "not ready, cutter jammed")
    elif status.unrecoverable_error:
        text = QCoreApplication.translate("Devices", "not ready, printing unit fault")
    elif status.recoverable_error:
        text = QCoreApplication.translate("Devices", "not ready, print head overheated")
    elif not status.online:
        text = QCoreApplication.translate("Devices", "offline")
    elif status.paper_near_end:
        text = QCoreApplication.translate("Devices", "ready, paper low")
    else:
        text = QCoreApplication.translate("Devices", "ready")
    return text


# A parentless box belongs to Python: kept until the clerk closes it.
_kept: set[QMessageBox] = set()


def _warn(parent: QObject | None, text: str) -> None:
    window = dialog_parent(parent)
    title = QCoreApplication.translate("Devices", "Cash drawer")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("drawerWarning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _kept.add(box)
    box.finished.connect(lambda _r: _kept.discard(box))
    box.open()


def kick_for_payment(ctx: DeskContext, parent: QObject | None, payment_id: int) -> None:
    """Open the drawer for a cash payment or refund that is already committed.

    A drawer that does not open is told to the clerk; the payment stands.
    """
    if ctx.devices.drawer_printer() is None:
        return

    def recorded(opening: object) -> None:
        if opening is not None:
            ctx.device_op(parent, ctx.devices.kick_drawer).failure(failed).run()

    def failed(exc: BaseException) -> None:
        logger.warning("drawer not opened for payment %s: %s", payment_id, exc)
        _warn(parent, QCoreApplication.translate(
            "Devices", "The payment is recorded, but the cash drawer did not open: {error}").format(
            error=error_text(exc)))

    ctx.change(parent, drawer_for_payment, payment_id).success(recorded).failure(failed).run()


def open_drawer_now(ctx: DeskContext, parent: QObject | None) -> None:
    """**Open drawer**: the right is checked and the opening logged before the drawer is kicked."""

    def kicked(kick: DrawerKick) -> None:
        if kick.drawer_open is False:
            _warn(parent, QCoreApplication.translate(
                "Devices", "The drawer was told to open, but the printer reports it closed."))

    def failed(exc: BaseException) -> None:
        _warn(parent, QCoreApplication.translate(
            "Devices", "The cash drawer did not open: {error}").format(error=error_text(exc)))

    ctx.change(parent, open_drawer).success(
        lambda _opening: ctx.device_op(parent, ctx.devices.kick_drawer).success(kicked).failure(failed).run()
    ).failure(lambda exc: show_error(parent, exc)).run()
