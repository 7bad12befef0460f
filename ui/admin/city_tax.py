"""The City tax window (Administration): what the night audit charges per guest and night, the
percentage of the room night, the age under which children pay none, and from when; a manager adds
a new setting from a date on (0 and no percentage stop the tax from that date).

A setting already made is never edited: the audit of a past night must go on charging what applied
that night. The amount is in the hotel's currency, posted as the chosen service (its VAT rate).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.core.money import Money
from desk.stays.city_tax import CityTaxSettings, city_tax_settings
from desk.stays.night_audit import set_city_tax
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import (
    Column,
    FieldError,
    FieldProblem,
    RowsModel,
    fill_combo,
    hint_label,
    new_form,
    python_date,
    read_amount,
    rows_view,
)
from ui.i18n import current_language, format_amount, format_date, format_datetime, money_text, parse_decimal


class CityTaxDialog(QDialog):
    loaded = Signal()  # after each (re)load is on screen

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: CityTaxSettings | None = None
        self.setObjectName("cityTaxDialog")
        self.setWindowTitle(self.tr("City tax"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        self.model = RowsModel([Column(self.tr("From")), Column(self.tr("Per guest and night")),
                                Column(self.tr("Of the room night"), align_right=True),
                                Column(self.tr("Children exempt under")),
                                Column(self.tr("Charged as")), Column(self.tr("Set by")), Column(self.tr("Set at"))],
                               self)
        self.view = rows_view(self.model, "cityTaxView", stretch_column=4)
        self.view.setMinimumHeight(160)
        layout.addWidget(self.view)
        box = QGroupBox(self.tr("A new amount from a date on"))
        form = new_form()
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setMaxLength(20)
        form.addRow(self.tr("&Amount per guest and night:"), self.amount_edit)
        self.percent_edit = QLineEdit()
        self.percent_edit.setObjectName("percentEdit")
        self.percent_edit.setMaxLength(8)
        self.percent_edit.setPlaceholderText("0")
        form.addRow(self.tr("&Percentage of the room night:"), self.percent_edit)
        self.child_age_spin = QSpinBox()
        self.child_age_spin.setObjectName("childAgeSpin")
        self.child_age_spin.setRange(0, 18)
        self.child_age_spin.setSpecialValueText(self.tr("no exemption"))
        form.addRow(self.tr("C&hildren exempt under the age of:"), self.child_age_spin)
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("serviceCombo")
        form.addRow(self.tr("&Charged as service:"), self.service_combo)
        self.from_edit = QDateEdit(QDate.currentDate())
        self.from_edit.setObjectName("fromEdit")
        self.from_edit.setCalendarPopup(True)
        form.addRow(self.tr("&From:"), self.from_edit)
        self.set_button = QPushButton(self.tr("&Set"))
        self.set_button.setObjectName("setButton")
        self.set_button.clicked.connect(self.set_tax)
        form.addRow("", self.set_button)
        box.setLayout(form)
        layout.addWidget(box)
        layout.addWidget(hint_label(self.tr(
            "The night audit charges each guest in the house the amount that applies to the night, and the "
            "percentage of the room night for the guests it applies to. Children under the age, and guests whose "
            "exemption the desk recorded, pay none. A setting is never changed once made: set a new one from a "
            "later date (0 and no percentage: no city tax from that date)."),
            "cityTaxHint"))
        # Red, under the form, as the other windows show a refusal.
        self.error_label = FieldError("cityTaxError")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open(self) -> None:
        super().open()
        self.reload()

    def reload(self) -> None:
        self.ctx.query(self, city_tax_settings).success(self._loaded).failure(self._refused).run()

    def _service_name(self, code: str) -> str:
        assert self.data is not None
        language = current_language()
        for service in self.data.catalogue.services:
            if service.code == code:
                return service.names.get(language) or service.name
        return code

    def _loaded(self, data: CityTaxSettings) -> None:
        chosen = self.service_combo.currentData()
        self.data = data
        self.amount_edit.setPlaceholderText(data.catalogue.currency)
        # The service charged last is the likely one again.
        current = chosen or (data.history[0].service_code if data.history else None)
        fill_combo(self.service_combo, [(f"{self._service_name(s.code)} ({s.code})", s.code)
                                        for s in data.catalogue.services], current)
        self.model.set_rows([
            (format_date(row.valid_from),
             money_text(row.per_person_night) if row.per_person_night.is_positive else self.tr("none"),
             self._percent(row.percent_of_rate),
             str(row.child_age_under) if row.child_age_under else "—",
             self._service_name(row.service_code), row.set_by, format_datetime(row.set_at))
            for row in data.history])
        self.loaded.emit()

    @staticmethod
    def _percent(value: Decimal) -> str:
        if not value:
            return "—"
        text, point = format_amount(value, 3), QLocale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return f"{text} %"

    def _refused(self, exc: BaseException) -> None:
        self._show_error(error_text(exc))

    def _show_error(self, text: str) -> None:
        self.error_label.show_message(text)

    def set_tax(self) -> None:
        if self.data is None:
            return
        try:
            amount: Money = read_amount(self.amount_edit.text(), self.data.catalogue.currency, allow_zero=True)
        except FieldProblem as problem:  # already in the clerk's words
            self._show_error(str(problem))
            return
        try:
            percent = parse_decimal(self.percent_edit.text()) if self.percent_edit.text().strip() else Decimal(0)
        except ValueError as problem:  # already in the clerk's words
            self._show_error(str(problem))
            return
        child_age = self.child_age_spin.value() or None
        valid_from: dt.date = python_date(self.from_edit.date())

        def done(_value: object) -> None:
            self.error_label.clear_message()
            self.amount_edit.clear()
            self.percent_edit.clear()
            self.reload()

        self.ctx.change(self, set_city_tax, str(self.service_combo.currentData()), amount, valid_from,
                        percent_of_rate=percent, child_age_under=child_age).success(done).failure(self._refused).run()
