"""The days a list or a report covers: "From" and "To" dates, each optional where the window allows it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ui.dialogs.common import python_date
from ui.i18n import qdate


class DateRange(QWidget):
    """Two calendar dates side by side. ``optional``: each has a check box, and an unticked one is no
    limit (None); otherwise both always count. ``first`` and ``last`` are where they start."""

    def __init__(self, first: dt.date, last: dt.date, *, optional: bool = False, first_on: bool = True,
                 last_on: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateRange")
        self.optional = optional
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.from_edit = self._date_edit("fromEdit", first)
        self.to_edit = self._date_edit("toEdit", last)
        self.from_check: QCheckBox | None = None
        self.to_check: QCheckBox | None = None
        if optional:
            self.from_check = self._check("fromCheck", self.tr("&From:"), first_on)
            self.to_check = self._check("toCheck", self.tr("&To:"), last_on)
            row.addWidget(self.from_check)
            row.addWidget(self.from_edit)
            row.addWidget(self.to_check)
            row.addWidget(self.to_edit)
        else:
            for text, edit in ((self.tr("&From:"), self.from_edit), (self.tr("&To:"), self.to_edit)):
                label = QLabel(text)
                label.setBuddy(edit)
                row.addWidget(label)
                row.addWidget(edit)
        row.addStretch(1)

    @staticmethod
    def _date_edit(name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        return edit

    def _check(self, name: str, text: str, on: bool) -> QCheckBox:
        check = QCheckBox(text)
        check.setObjectName(name)
        check.setChecked(on)
        return check

    def first(self) -> dt.date | None:
        """The first day, or None when its box is unticked (no limit)."""
        if self.from_check is not None and not self.from_check.isChecked():
            return None
        return python_date(self.from_edit.date())

    def last(self) -> dt.date | None:
        if self.to_check is not None and not self.to_check.isChecked():
            return None
        return python_date(self.to_edit.date())

    def set_days(self, first: dt.date, last: dt.date) -> None:
        """Both dates, each then counting."""
        self.from_edit.setDate(qdate(first))
        self.to_edit.setDate(qdate(last))
        for check in (self.from_check, self.to_check):
            if check is not None:
                check.setChecked(True)
