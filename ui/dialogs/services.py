"""Add service: post a catalogue service (minibar, laundry, parking) to a bill of the folio."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desk.hotel.models import Service
from desk.ledger.postings import post_service
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
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
    """Service from the catalogue (its price and tax shown), quantity, price, and the bill it goes on."""

    def __init__(
        self, ctx: DeskContext, card: ReservationCardData, bill_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Add service"), apply_text=self.tr("&Apply"))
        self.setObjectName("addServiceDialog")
        self.card = card
        self._services = {service.code: service for service in card.services}
        self.field_aliases = {"currency": "price"}

        form = new_form()
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
        self._service_changed()
        self.service_combo.setFocus()

    @property
    def service(self) -> Service | None:
        return self._services.get(self.service_combo.currentData())

    def _service_changed(self) -> None:
        service = self.service
        if service is None:
            self.tax_label.setText("")
            return
        self.price_edit.setText(amount_for_edit(service.price))
        self.tax_label.setText(self.tr("{tax}, included in the price").format(tax=self.card.names.tax(service.tax)))
        self._update_total()

    def _update_total(self) -> None:
        try:
            quantity = read_quantity(self.quantity_edit.text())
            price = read_amount(self.price_edit.text(), self.card.currency, allow_zero=True)
        except FieldProblem:
            self.total_label.setText("—")
            return
        self.total_label.setText(money_text(price.times(quantity)))

    def submit(self) -> Op[Any] | None:
        service = self.service
        if service is None:
            self.refuse("service", self.tr("Choose a service."))
        quantity = self.read("quantity", read_quantity, self.quantity_edit.text())
        price = self.read("price", read_amount, self.price_edit.text(), self.card.currency, allow_zero=True)
        bill_id = self.bill_combo.currentData()
        if bill_id is None:
            self.refuse("bill", self.tr("Choose the bill."))
        if service is None or quantity is None or price is None or bill_id is None:
            return None
        return self.change(
            post_service, bill_id=bill_id, service_code=service.code, quantity=quantity, unit_price=price
        ).success(lambda _posting: self.finish())
