"""Add service: post catalogue services (minibar, laundry, parking) to a bill of the folio, one line or
several in one Apply (what a minibar's count found)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QWidget

from desk.core.errors import DeskError
from desk.core.money import Money, total
from desk.hotel.models import Service
from desk.ledger.postings import ServiceLine, post_services
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_row,
    amount_for_edit,
    bill_choice_label,
    fill_combo,
    new_form,
    read_amount,
    read_quantity,
)
from ui.i18n import money_text, quantity_text
from ui.ops.op import Op


class AddServiceDialog(DeskDialog):
    """Service from the catalogue (its price and tax shown), quantity, price, and the bill it goes on.

    "Add another line" puts the line aside in the list above Apply and empties the fields for the next:
    Apply posts the listed lines and the one being edited, if any, together, all or none, as one change of
    the bill.
    """

    def __init__(
        self, ctx: DeskContext, card: ReservationCardData, bill_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Add service"), apply_text=self.tr("&Apply"))
        self.setObjectName("addServiceDialog")
        self.card = card
        self._services = {service.code: service for service in card.services}
        self.field_aliases = {"currency": "price"}

        form = self.form = new_form()
        self.content.addLayout(form)
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("serviceCombo")
        fill_combo(
            self.service_combo,
            [
                (self.tr("{name} · {price}").format(name=card.names.service(s), price=money_text(s.price)), s.code)
                for s in card.services
            ],
        )
        self.add_field(form, "service", self.tr("&Service:"), self.service_combo)
        self.tax_label = QLabel()
        self.tax_label.setObjectName("taxLabel")
        self.tax_label.setWordWrap(True)
        add_row(form, self.tr("Tax:"), self.tax_label)

        self.quantity_edit = QLineEdit(quantity_text(Decimal(1)))
        self.quantity_edit.setObjectName("quantityEdit")
        self.add_field(form, "quantity", self.tr("&Quantity:"), self.quantity_edit)

        self.price_edit = QLineEdit()
        self.price_edit.setObjectName("priceEdit")
        self.add_field(
            form, "price", self.tr("&Price ({currency}):").format(currency=card.currency), self.price_edit
        )

        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        add_row(form, self.tr("Amount:"), self.total_label)

        self._add_lines_rows(form)
        self._lines: list[tuple[ServiceLine, Money]] = []  # put aside, each with its amount

        self.bill_combo = QComboBox()
        self.bill_combo.setObjectName("billCombo")
        fill_combo(self.bill_combo, [(bill_choice_label(v), v.bill.id) for v in card.folio.bills], bill_id)
        self.add_field(form, "bill", self.tr("&Bill:"), self.bill_combo)

        self.service_combo.currentIndexChanged.connect(self._service_changed)
        self.quantity_edit.textChanged.connect(self._update_total)
        self.price_edit.textChanged.connect(self._update_total)
        if not card.services:
            self.form_error.show_message(self.tr("The service catalogue is empty."))
            self.apply_button.setEnabled(False)
            self.add_line_button.setEnabled(False)
        self._service_changed()
        self._show_lines()
        self.service_combo.setFocus()

    def _add_lines_rows(self, form: QFormLayout) -> None:
        """The rows of a count of several lines: its buttons, the lines put aside and the total of all."""
        line_buttons = QWidget()
        buttons = QHBoxLayout(line_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_line_button = QPushButton(self.tr("Add a&nother line"))
        self.add_line_button.setObjectName("addLineButton")
        self.remove_line_button = QPushButton(self.tr("&Remove line"))
        self.remove_line_button.setObjectName("removeLineButton")
        for button in (self.add_line_button, self.remove_line_button):
            button.setAutoDefault(False)  # Enter in a field still applies
            buttons.addWidget(button)
        buttons.addStretch(1)
        add_row(form, None, line_buttons)
        self.lines_list = QListWidget()
        self.lines_list.setObjectName("linesList")
        self.lines_list.setMaximumHeight(self.lines_list.fontMetrics().lineSpacing() * 5)
        self.add_field(form, "lines", self.tr("&Other lines:"), self.lines_list)
        self.lines_list.installEventFilter(self)  # Delete removes the selected line
        self.grand_total_label = QLabel()
        self.grand_total_label.setObjectName("grandTotalLabel")
        add_row(form, self.tr("Total:"), self.grand_total_label)
        self.add_line_button.clicked.connect(self._add_line)
        self.remove_line_button.clicked.connect(self._remove_line)
        self.lines_list.currentRowChanged.connect(lambda _row: self._show_lines())

    @property
    def service(self) -> Service | None:
        return self._services.get(self.service_combo.currentData())

    def _service_changed(self) -> None:
        service = self.service
        if service is None:
            self.tax_label.setText("")
            return
        if not self.quantity_edit.text().strip():
            self.quantity_edit.setText(quantity_text(Decimal(1)))
        self.price_edit.setText(amount_for_edit(service.price))
        self.tax_label.setText(self.tr("{tax}, included in the price").format(tax=self.card.names.tax(service.tax)))
        self._update_total()

    def _update_total(self) -> None:
        every = [listed for _line, listed in self._lines]
        try:
            quantity = read_quantity(self.quantity_edit.text())
            price = read_amount(self.price_edit.text(), self.card.currency, allow_zero=True)
        except FieldProblem:
            self.total_label.setText("—")
        else:
            amount = price.times(quantity)
            self.total_label.setText(money_text(amount))
            every.append(amount)
        # What Apply would post: the listed lines alone while the edited one is empty or not yet valid.
        self.grand_total_label.setText(money_text(total(every, self.card.currency)) if every else "—")

    def _show_lines(self) -> None:
        """The lines put aside, shown only once there is one."""
        shown = bool(self._lines)
        self.set_field_visible("lines", shown)
        self.form.setRowVisible(self.grand_total_label, shown)
        self.remove_line_button.setEnabled(self.lines_list.currentRow() >= 0)
        self._update_total()

    def _edited_line(self, *, may_be_empty: bool = False) -> tuple[ServiceLine, Decimal, Money] | None:
        """The line being edited, with its quantity and amount; None after refusing a field, or when it is
        empty (no service, nothing typed) and ``may_be_empty``."""
        service = self.service
        if service is None and may_be_empty and not self.quantity_edit.text().strip() \
                and not self.price_edit.text().strip():
            return None
        if service is None:
            self.refuse("service", self.tr("Choose a service."))
        quantity = self.read("quantity", read_quantity, self.quantity_edit.text())
        price = self.read("price", read_amount, self.price_edit.text(), self.card.currency, allow_zero=True)
        if service is None or quantity is None or price is None:
            return None
        return ServiceLine(service.code, quantity, price), quantity, price.times(quantity)

    def _add_line(self) -> None:
        edited = self.checked(self._edited_line)
        if edited is None:
            return
        line, quantity, amount = edited
        self._lines.append((line, amount))
        self.lines_list.addItem(self.tr("{service} × {quantity} · {amount}").format(
            service=self.card.names.service(self._services[line.service_code]), quantity=quantity_text(quantity),
            amount=money_text(amount)))
        # The next line starts empty: Enter now posts the listed lines, never this one a second time.
        self.service_combo.setCurrentIndex(-1)
        self.quantity_edit.clear()
        self.price_edit.clear()
        self._show_lines()
        self.service_combo.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.lines_list and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.matches(QKeySequence.StandardKey.Delete)):
            self._remove_line()
            return True
        return super().eventFilter(watched, event)

    def _remove_line(self) -> None:
        row = self.lines_list.currentRow()
        if row < 0:
            return
        del self._lines[row]
        self.lines_list.takeItem(row)
        self._show_lines()

    def show_failure(self, exc: BaseException) -> None:
        """A listed line the desk refused is selected, the refusal shown under the list (not under the
        Service field, which holds another line)."""
        position = exc.params.get("line") if isinstance(exc, DeskError) else None
        if isinstance(position, int) and 0 < position <= len(self._lines):
            self.lines_list.setCurrentRow(position - 1)
            self.show_problem("lines", error_text(exc))
            return
        super().show_failure(exc)

    def submit(self) -> Op[Any] | None:
        edited = self._edited_line(may_be_empty=bool(self._lines))
        bill_id = self.bill_combo.currentData()
        if bill_id is None:
            self.refuse("bill", self.tr("Choose the bill."))
        if self.refused or bill_id is None:
            return None
        lines = [line for line, _amount in self._lines]
        if edited is not None:
            lines.append(edited[0])
        return self.change(post_services, bill_id=bill_id, lines=lines).success(lambda _postings: self.finish())
