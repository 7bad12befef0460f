"""The status bar's panel for the fiscal storage (ФН) of the workstation's register: the day it must be replaced
by, its memory nearly full, documents not reaching the fiscal data operator; red, since each needs acting on
before the register stops. Hidden while all is well.

Read on a device thread when the shift opens and after each Z report; a register that does not answer leaves what
it said last, with the time it said it."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from desk.core.types import utcnow
from desk.fiscal.storage import StorageState, workstation_storage
from ui.context import DeskContext, device_pool
from ui.field_error import ERROR_COLOR
from ui.i18n import format_date, local_date_time
from ui.ops.op import Op

logger = logging.getLogger(__name__)


def storage_text(state: StorageState, now: datetime) -> str:
    """What the cashier must act on, in a few words each (the status bar is shared); "" when nothing."""
    parts = []
    replace_by = state.replace_by(now.date())
    if replace_by is not None:
        parts.append(QCoreApplication.translate("RegisterStorage", "FS: replace by {date}").format(
            date=format_date(replace_by)))
    if "storage_fault" in state.flags:
        parts.append(QCoreApplication.translate("RegisterStorage", "FS fault: call service"))
    if "nearly_full" in state.flags:
        parts.append(QCoreApplication.translate("RegisterStorage", "FS nearly full"))
    days = state.unsent_days(now)
    if days:
        parts.append(QCoreApplication.translate("RegisterStorage", "OFD: unsent for {days} d.").format(days=days))
    return " · ".join(parts)


class StorageWatch(QObject):
    """Keeps ``label`` telling the storage's state; :meth:`read` asks the register again."""

    def __init__(self, ctx: DeskContext, label: QLabel) -> None:
        super().__init__(label)
        self.ctx = ctx
        self.label = label
        self.state: StorageState | None = None
        self.unanswered_at: datetime | None = None
        self.op: Op[StorageState | None] | None = None
        label.hide()

    def read_once(self) -> None:
        """Read unless read already: for a shift found open when the desk starts."""
        if self.op is None:
            self.read()

    def read(self) -> Op[StorageState | None]:
        runner, actor = self.ctx.runner, self.ctx.actor
        self.op = (Op(self, lambda state: workstation_storage(runner, actor, state.cancel_event), pool=device_pool())
                   .success(self._show).failure(self._unanswered).run())
        return self.op

    def _show(self, state: StorageState | None) -> None:
        self.state = state
        self.unanswered_at = None
        self._paint()

    def _unanswered(self, exc: BaseException) -> None:
        logger.info("the register's fiscal storage was not read: %s", exc)
        self.unanswered_at = utcnow()
        self._paint()

    def _paint(self) -> None:
        state = self.state
        text = storage_text(state, utcnow()) if state is not None else ""
        if not text and self.unanswered_at is not None:
            # Nothing known to be wrong is not the same as a storage known to be sound: say it was not read.
            day, time = local_date_time(self.unanswered_at)
            self._show_text(self.tr("FS: not read, the register did not answer"),
                            self.tr("The register did not answer on {day} at {time}").format(day=day, time=time))
            return
        if not text:
            self.label.hide()
            self.label.setText("")
            return
        day, time = local_date_time(state.read_at)  # type: ignore[union-attr]
        tip = self.tr("Read from register {register} on {day} at {time}").format(
            register=state.register, day=day, time=time)  # type: ignore[union-attr]
        if self.unanswered_at is not None:
            # What the register said last stands: a storage does not mend itself while the line is down.
            text += " · " + self.tr("as of {day} {time}").format(day=day, time=time)
            tip += "\n" + self.tr("The register did not answer at {time}").format(
                time=local_date_time(self.unanswered_at)[1])
        self._show_text(text, tip)

    def _show_text(self, text: str, tip: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.label.show()
