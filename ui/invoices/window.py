"""The Invoices window (Reports → Invoices…): invoices and credit notes by date, buyer and number;
the PDF of the one selected, and a credit note for a selected invoice. Reads and writes run off the
GUI thread through the desk's ops; the PDF is drawn from what was issued (desk.invoices.pdf)."""

from __future__ import annotations

from datetime import date
from decimal import InvalidOperation
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.money import Money, total
from desk.invoices import reading
from desk.invoices.issuing import issue_credit_note, issue_invoice
from desk.invoices.models import Invoice, InvoiceKind
from desk.invoices.pdf import invoice_file
from desk.invoices.reading import InvoiceableBill, InvoiceFilter, InvoiceRow, invoiceable_bills, list_invoices
from desk.people.rights import Right
from desk.stays.companies import CompanyRow, list_companies
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import Column, FieldError, RowsModel, documents_folder_here, python_date, rows_view
from ui.dialogs.date_range import DateRange
from ui.i18n import format_date, format_money
from ui.invoices.seller import InvoiceSellerDialog


def kind_text(kind: InvoiceKind) -> str:
    if kind is InvoiceKind.CREDIT_NOTE:
        return QCoreApplication.translate("Invoices", "Credit note")
    return QCoreApplication.translate("Invoices", "Invoice")


def save_invoice_pdf(made: tuple[str, bytes]) -> Path:
    """Where an invoice's PDF is kept for the clerk to open or send: the documents folder."""
    name, pdf = made
    path = documents_folder_here() / name
    path.write_bytes(pdf)
    return path


class InvoicesDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesDialog")
        self.setWindowTitle(self.tr("Invoices"))
        self.resize(1000, 560)
        self.ctx = ctx
        self.rows: list[InvoiceRow] | None = None
        self.last_pdf: Path | None = None
        self.limit_shown = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.model = RowsModel([Column(self.tr("Number")), Column(self.tr("Kind")), Column(self.tr("Issued")),
                                Column(self.tr("Buyer")), Column(self.tr("Total"), align_right=True),
                                Column(self.tr("Credits invoice")),
                                Column(self.tr("Left to credit"), align_right=True)], self)
        self.view = rows_view(self.model, "invoicesView", stretch_column=3)
        self.view.setMinimumHeight(300)
        self.view.doubleClicked.connect(lambda _index: self.open_pdf())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        layout.addWidget(self.view, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("invoicesStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = buttons.addButton(self.tr("Open &PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("openPdfButton")
        self.pdf_button.clicked.connect(self.open_pdf)
        self.credit_button = buttons.addButton(self.tr("&Credit note…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.credit_button.setObjectName("creditNoteButton")
        self.credit_button.clicked.connect(self.credit_selected)
        self.company_invoice_button = buttons.addButton(self.tr("&New invoice for a company…"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.company_invoice_button.setObjectName("companyInvoiceButton")
        self.company_invoice_button.setEnabled(self.ctx.actor.may(Right.ISSUE_INVOICE))
        self.company_invoice_button.clicked.connect(self.new_company_invoice)
        self.seller_button = buttons.addButton(self.tr("Invoice &details…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.seller_button.setObjectName("invoiceSellerButton")
        self.seller_button.setEnabled(self.ctx.actor.may(Right.MANAGE_CATALOGUE))
        self.seller_button.clicked.connect(self.edit_seller)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._selection_changed()

    def _filters(self) -> QGridLayout:
        filters = QGridLayout()
        self.dates = DateRange(python_date(QDate.currentDate().addMonths(-1)), date.today(), optional=True,
                               first_on=False, last_on=False)
        self.buyer_edit = QLineEdit()
        self.buyer_edit.setObjectName("buyerEdit")
        self.buyer_edit.setPlaceholderText(self.tr("any part of the buyer's name"))
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setMaxLength(10)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("showButton")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reload)
        filters.addWidget(self.dates, 0, 0, 1, 4)
        filters.addWidget(QLabel(self.tr("Buyer:")), 1, 0)
        filters.addWidget(self.buyer_edit, 1, 1)
        filters.addWidget(QLabel(self.tr("Number:")), 1, 2)
        filters.addWidget(self.number_edit, 1, 3)
        filters.addWidget(self.show_button, 1, 4)
        filters.setColumnStretch(1, 1)
        return filters

    def open(self) -> None:
        super().open()
        self.reload()

    def current_filter(self) -> InvoiceFilter:
        return InvoiceFilter(self.dates.first(), self.dates.last(), self.buyer_edit.text(), self.number_edit.text())

    def reload(self) -> None:
        wanted = self.current_filter()
        self.ctx.query(self, list_invoices, wanted).busy(self.show_button).success(self._loaded).failure(
            lambda exc: self.status_label.setText(error_text(exc))).run()

    def _loaded(self, rows: list[InvoiceRow]) -> None:
        self.rows = rows
        limited = len(rows) >= reading.MOST_ROWS  # the desk gives no more than these: say so, and how to see others
        if limited:
            self.status_label.setText(self.tr("Only the newest {count} are shown: narrow the search by date, "
                                              "buyer or number.").format(count=len(rows)))
        elif self.limit_shown:
            self.status_label.clear()
        self.limit_shown = limited
        self.model.set_rows([(row.number, kind_text(row.kind), format_date(row.issued_on), row.buyer,
                              format_money(row.total.amount, row.total.currency), row.credits,
                              "" if row.left_to_credit is None else
                              format_money(row.left_to_credit.amount, row.left_to_credit.currency))
                             for row in rows])
        self._selection_changed()

    def selected(self) -> InvoiceRow | None:
        chosen = self.view.selectionModel().selectedRows()
        rows = self.rows or []
        return rows[chosen[0].row()] if chosen and chosen[0].row() < len(rows) else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.pdf_button.setEnabled(row is not None)
        self.credit_button.setEnabled(row is not None and row.left_to_credit is not None
                                      and row.left_to_credit.is_positive
                                      and self.ctx.actor.may(Right.ISSUE_CREDIT_NOTE))

    def open_pdf(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.ctx.query(self, invoice_file, row.id).busy(self.pdf_button).success(self._pdf_ready).failure(
            lambda exc: self.status_label.setText(error_text(exc))).run()

    def _pdf_ready(self, made: tuple[str, bytes]) -> None:
        self.last_pdf = save_invoice_pdf(made)
        self.status_label.setText(self.tr("Saved as {path}").format(path=self.last_pdf))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    def credit_selected(self) -> None:
        row = self.selected()
        if row is None or row.left_to_credit is None:
            return
        dialog = self.credit_dialog = CreditNoteDialog(self.ctx, row, self)
        dialog.accepted.connect(self._credited)
        dialog.open()

    def edit_seller(self) -> None:
        dialog = self.seller_dialog = InvoiceSellerDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self.status_label.setText(self.tr("Invoice details saved")))
        dialog.open()

    def new_company_invoice(self) -> None:
        dialog = self.company_dialog = CompanyInvoiceDialog(self.ctx, None, self)
        dialog.accepted.connect(self._company_invoiced)
        dialog.open()

    def _company_invoiced(self) -> None:
        if self.company_dialog.last_pdf is not None:
            self.status_label.setText(self.tr("Saved as {path}").format(path=self.company_dialog.last_pdf))
        self.reload()

    def _credited(self) -> None:
        issued = self.credit_dialog.issued
        if issued is not None:
            self.status_label.setText(self.tr("Credit note {number} issued").format(number=f"{issued:010d}"))
        self.reload()


REASON_CHARACTERS_SHOWN = 80


class CreditNoteDialog(QDialog):
    """A credit note for one invoice: all it still has, or an amount of it, and why."""

    def __init__(self, ctx: DeskContext, row: InvoiceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditNoteDialog")
        self.setWindowTitle(self.tr("Credit note to invoice {number}").format(number=row.number))
        self.ctx = ctx
        self.row = row
        self.issued: int | None = None
        assert row.left_to_credit is not None
        left = row.left_to_credit
        layout = QVBoxLayout(self)
        # No minimum width of the dialog's own: one set by hand stops the layout from setting its
        # minimum, and the dialog then opens narrower than its fields, cutting the reason off.
        form = QFormLayout()
        form.addRow(self.tr("Buyer:"), QLabel(row.buyer))
        form.addRow(self.tr("Left to credit:"), QLabel(format_money(left.amount, left.currency)))
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setPlaceholderText(self.tr("empty: all that is left"))
        form.addRow(self.tr("&Amount:"), self.amount_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(240)
        # Wide enough for a reason as managers write them ("Discount of 10% under contract 14/2026 for
        # the group's stay").
        self.reason_edit.setMinimumWidth(self.reason_edit.fontMetrics().averageCharWidth() * REASON_CHARACTERS_SHOWN)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout.addLayout(form)
        self.error_label = FieldError("creditError")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.issue_button.setText(self.tr("&Issue credit note"))
        self.issue_button.setObjectName("issueCreditButton")
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def issue(self) -> None:
        currency = self.row.total.currency
        text = self.amount_edit.text().strip().replace(",", ".").replace(" ", "")
        try:
            amount = Money.of(text, currency) if text else None
        except (DeskError, InvalidOperation, ValueError, ArithmeticError):
            self._show_error(self.tr("Type an amount such as 25.00, or leave it empty"))
            return
        reason = self.reason_edit.text()
        number = int(self.row.number)
        self.ctx.change(self, issue_credit_note, number, reason, amount=amount).busy(self.issue_button).success(
            self._issued).failure(lambda exc: self._show_error(error_text(exc))).run()

    def _issued(self, credit: Invoice) -> None:
        self.issued = credit.number  # read from the unit that issued it (its objects outlive the commit)
        self.accept()


class CompanyInvoiceDialog(QDialog):
    """One invoice for the company's bills the clerk ticks, out of those not yet invoiced (or whose
    invoice was credited in full), with the total of the ticked ones shown before it is issued."""

    def __init__(self, ctx: DeskContext, company_id: int | None, parent: QWidget | None = None, *,
                 ticked: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyInvoiceDialog")
        self.ticked = ticked
        self.setWindowTitle(self.tr("New invoice for a company"))
        self.setMinimumWidth(560)
        self.ctx = ctx
        self.wanted_company = company_id
        self.bills: list[InvoiceableBill] | None = None
        self.last_pdf: Path | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("companyCombo")
        self.company_combo.currentIndexChanged.connect(lambda _index: self._load_bills())
        form.addRow(self.tr("&Company:"), self.company_combo)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Bills to put on the invoice:")))
        self.bill_list = QListWidget()
        self.bill_list.setObjectName("billList")
        self.bill_list.setMinimumHeight(200)
        self.bill_list.itemChanged.connect(lambda _item: self._chosen_changed())
        layout.addWidget(self.bill_list, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("chosenTotal")
        layout.addWidget(self.total_label)
        self.error_label = FieldError("companyInvoiceError")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.issue_button.setText(self.tr("&Issue invoice"))
        self.issue_button.setObjectName("issueCompanyInvoiceButton")
        self.issue_button.setEnabled(False)
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def open(self) -> None:
        super().open()
        self.ctx.query(self, list_companies).success(self._companies_loaded).failure(
            lambda exc: self._show_error(error_text(exc))).run()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _companies_loaded(self, companies: list[CompanyRow]) -> None:
        self.company_combo.blockSignals(True)
        for company in companies:
            self.company_combo.addItem(f"{company.name} {company.tax_id}".strip(), company.id)
        wanted = self.company_combo.findData(self.wanted_company) if self.wanted_company is not None else 0
        self.company_combo.setCurrentIndex(max(wanted, 0))
        self.company_combo.blockSignals(False)
        self._load_bills()

    def _load_bills(self) -> None:
        company_id = self.company_combo.currentData()
        self.bills = None
        self.bill_list.clear()
        self.error_label.hide()
        self._chosen_changed()
        if company_id is None:
            return
        self.ctx.query(self, invoiceable_bills, int(company_id)).success(self._bills_loaded).failure(
            lambda exc: self._show_error(error_text(exc))).run()

    def _bills_loaded(self, bills: list[InvoiceableBill]) -> None:
        self.bill_list.blockSignals(True)
        for bill in bills:
            item = QListWidgetItem(self.tr("Bill {number} · {payer} · {amount}").format(
                number=bill.number, payer=bill.payer, amount=format_money(bill.charges.amount, bill.charges.currency)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if bill.bill_id == self.ticked else Qt.CheckState.Unchecked)
            self.bill_list.addItem(item)
        self.bill_list.blockSignals(False)
        self.bills = bills
        if not bills:
            self._show_error(self.tr("The company has no bill left to invoice."))
        self._chosen_changed()

    def chosen(self) -> list[InvoiceableBill]:
        return [bill for row, bill in enumerate(self.bills or [])
                if self.bill_list.item(row).checkState() == Qt.CheckState.Checked]

    def _chosen_changed(self) -> None:
        chosen = self.chosen()
        self.issue_button.setEnabled(bool(chosen))
        if not chosen:
            self.total_label.setText(self.tr("Tick the bills to invoice."))
            return
        amount = total((bill.charges for bill in chosen), chosen[0].charges.currency)
        self.total_label.setText(self.tr("{count} bills ticked, total {amount}").format(
            count=len(chosen), amount=format_money(amount.amount, amount.currency)))

    def issue(self) -> None:
        chosen = [bill.bill_id for bill in self.chosen()]
        if not chosen:
            return
        self.ctx.change(self, issue_invoice, chosen).busy(self.issue_button).success(self._issued).failure(
            lambda exc: self._show_error(error_text(exc))).run()

    def _issued(self, invoice: Invoice) -> None:
        self.ctx.query(self, invoice_file, invoice.id).success(self._pdf_ready).failure(
            lambda exc: self._show_error(error_text(exc))).run()

    def _pdf_ready(self, made: tuple[str, bytes]) -> None:
        self.last_pdf = save_invoice_pdf(made)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))
        self.accept()


__all__ = ["CompanyInvoiceDialog", "CreditNoteDialog", "InvoicesDialog"]
