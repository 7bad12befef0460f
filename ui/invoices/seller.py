"""The seller's details on invoices (Invoices → Invoice details…): the hotel's address, tax id, VAT
number, accountable person (МОЛ) and city, as ``desk invoice seller`` sets them, with the same right."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.invoices.seller import LIMITS, InvoiceSeller, invoice_seller, set_invoice_seller
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import FieldError


class InvoiceSellerDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceSellerDialog")
        self.setWindowTitle(self.tr("Invoice details"))
        self.setMinimumWidth(560)
        self.ctx = ctx
        self.loaded = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What invoices issued from now on say of the hotel as seller. "
                               "Invoices already issued keep what they said."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address_edit = self._edit("addressEdit", "address")
        self.city_edit = self._edit("cityEdit", "city")
        self.tax_id_edit = self._edit("taxIdEdit", "tax_id")
        self.vat_edit = self._edit("vatNumberEdit", "vat_number")
        self.person_edit = self._edit("accountablePersonEdit", "accountable_person")
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("&City:"), self.city_edit)
        form.addRow(self.tr("&Tax ID (company number):"), self.tax_id_edit)
        form.addRow(self.tr("&VAT number:"), self.vat_edit)
        form.addRow(self.tr("Accountable &person:"), self.person_edit)
        layout.addLayout(form)
        self.error_label = FieldError("sellerError")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSellerButton")
        self.save_button.setEnabled(False)  # until the current details are shown
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _edit(self, name: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(LIMITS[field])
        return edit

    def open(self) -> None:
        super().open()
        self.ctx.query(self, invoice_seller).success(self._loaded).failure(
            lambda exc: self._show_error(error_text(exc))).run()

    def _loaded(self, seller: InvoiceSeller) -> None:
        self.address_edit.setText(seller.address)
        self.city_edit.setText(seller.city)
        self.tax_id_edit.setText(seller.tax_id)
        self.vat_edit.setText(seller.vat_number)
        self.person_edit.setText(seller.accountable_person)
        self.save_button.setEnabled(True)
        self.loaded = True

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def save(self) -> None:
        self.ctx.change(self, set_invoice_seller, vat_number=self.vat_edit.text(),
                        accountable_person=self.person_edit.text(), city=self.city_edit.text(),
                        address=self.address_edit.text(), tax_id=self.tax_id_edit.text()).busy(
            self.save_button).success(lambda _done: self.accept()).failure(
            lambda exc: self._show_error(error_text(exc))).run()


__all__ = ["InvoiceSellerDialog"]
