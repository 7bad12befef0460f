"""Pending register documents: a manager lists what no register could tell the end of, and settles each by hand
from the register's own report (issued, with its number and sign or УНП; or not issued)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.fiscal.interface import DocumentKind
from desk.fiscal.registers.by_hand import PendingDocument, pending_register_documents, settle_register_document_by_hand
from desk.fiscal.settings import RegisterKind
from desk.journal.intents import EventType
from desk.people.rights import Right
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import DeskDialog, hint_label, new_form
from ui.i18n import local_date_time, money_text
from ui.ops.op import Op


def document_name(kind: DocumentKind) -> str:
    return {
        DocumentKind.SALE: QCoreApplication.translate("RegisterDocuments", "Sale receipt"),
        DocumentKind.REFUND: QCoreApplication.translate("RegisterDocuments", "Refund receipt"),
        DocumentKind.CASH_IN: QCoreApplication.translate("RegisterDocuments", "Cash in"),
        DocumentKind.CASH_OUT: QCoreApplication.translate("RegisterDocuments", "Cash out"),
        DocumentKind.X_REPORT: QCoreApplication.translate("RegisterDocuments", "X report"),
        DocumentKind.Z_REPORT: QCoreApplication.translate("RegisterDocuments", "Z report"),
        DocumentKind.SHIFT_OPEN: QCoreApplication.translate("RegisterDocuments", "Shift opening"),
    }[kind]


def last_answer_text(document: PendingDocument) -> str:
    """What came back last, in the reader's words, then the register's or the line's own (as they said them)."""
    if document.last_event is EventType.SENT:
        said = QCoreApplication.translate("RegisterDocuments", "No answer came back")
    else:
        said = QCoreApplication.translate("RegisterDocuments", "The answer did not say")
    return f"{said}: {document.last_words}" if document.last_words else said


class PendingRegisterDocumentsDialog(QDialog):
    """Every registered register's document whose end is unknown, with **Settle by hand**."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pendingRegisterDocumentsDialog")
        self.setWindowTitle(QCoreApplication.translate("RegisterDocuments", "Pending register documents"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 380)
        self.pending: list[PendingDocument] = []
        self.settle_dialog: SettleRegisterDocumentDialog | None = None
        layout = QVBoxLayout(self)
        note = QLabel(QCoreApplication.translate(
            "RegisterDocuments",
            "Documents no register could say it issued or not: Check receipts asks again. When it still cannot "
            "tell, read the register's own report (its fiscal storage or electronic journal) and settle the "
            "document by hand: a receipt not issued may then be printed again, never before."))
        note.setWordWrap(True)
        layout.addWidget(note)
        headers = [QCoreApplication.translate("RegisterDocuments", "Asked"),
                   QCoreApplication.translate("RegisterDocuments", "Register"),
                   QCoreApplication.translate("RegisterDocuments", "Document"),
                   QCoreApplication.translate("RegisterDocuments", "Amount"),
                   QCoreApplication.translate("RegisterDocuments", "Last answer"),
                   QCoreApplication.translate("RegisterDocuments", "Our key")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("pendingTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update)
        layout.addWidget(self.table)
        self.detail_label = QLabel()  # the selected document's last answer whole, which its cell may cut
        self.detail_label.setObjectName("detailLabel")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_label)
        row = QHBoxLayout()
        self.settle_button = QPushButton(QCoreApplication.translate("RegisterDocuments", "Settle by &hand…"))
        self.settle_button.setObjectName("settleByHandButton")
        self.settle_button.clicked.connect(self.settle_by_hand)
        row.addWidget(self.settle_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(self, pending_register_documents, self.ctx.actor).success(self.show_pending).failure(
            lambda exc: self.status_label.setText(error_text(exc))).run()

    def show_pending(self, pending: list[PendingDocument]) -> None:
        self.pending = pending
        self.table.setRowCount(len(pending))
        for r, document in enumerate(pending):
            day, time = local_date_time(document.asked_at)
            cells = [f"{day} {time}", f"{document.register_name} ({document.register})",
                     document_name(document.document),
                     money_text(document.amount) if document.amount is not None else "",
                     last_answer_text(document), document.key]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column in (1, 4):  # a long register's name or answer is cut here, and read whole below the table
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
        if not pending and not self.status_label.text():
            self.status_label.setText(QCoreApplication.translate("RegisterDocuments",
                                                                 "No register document is pending."))
        self._update()

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.settle_button.setEnabled(bool(rows))
        if rows:
            document = self.pending[rows[0].row()]
            self.detail_label.setText(QCoreApplication.translate(
                "RegisterDocuments", "{register}, our key {key}: {answer}").format(
                register=f"{document.register_name} ({document.register})", key=document.key,
                answer=last_answer_text(document)))
        else:
            self.detail_label.clear()

    def settle_by_hand(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.settle_dialog = SettleRegisterDocumentDialog(self.ctx, self.pending[rows[0].row()], self)
        self.settle_dialog.accepted.connect(self._settled)
        self.settle_dialog.open()

    def _settled(self) -> None:
        self.ctx.ledger_changed.emit()
        self.status_label.setText(QCoreApplication.translate("RegisterDocuments", "Settled by hand."))
        self.reload()


class SettleRegisterDocumentDialog(DeskDialog):
    """Issued (the register's number and sign, or its УНП and receipt number) or not issued; why; a manager."""

    def __init__(self, ctx: DeskContext, document: PendingDocument, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Settle a register document by hand"),
                         apply_text=self.tr("&Settle"))
        self.setObjectName("settleRegisterDocumentDialog")
        self.setMinimumWidth(560)
        self.document = document
        self.erpnet = document.register_kind is RegisterKind.ERPNET
        amount = money_text(document.amount) if document.amount is not None else "-"
        self.content.addWidget(hint_label(self.tr(
            "Register {register} could not say whether it issued this {document} of {amount} (our key {key}). "
            "Settle it only from the register's own report: its last documents in the fiscal storage or the "
            "printer's electronic journal.").format(
                register=f"{document.register_name} ({document.register})",
                document=document_name(document.document).lower(), amount=amount, key=document.key),
            "settleNoteLabel"))
        self.issued_radio = QRadioButton(self.tr("The register issued it: its report shows the document"))
        self.issued_radio.setObjectName("issuedRadio")
        self.not_issued_radio = QRadioButton(self.tr("The register did not issue it: the receipt may be printed "
                                                     "again"))
        self.not_issued_radio.setObjectName("notIssuedRadio")
        self.outcome_group = QButtonGroup(self)
        for radio in (self.issued_radio, self.not_issued_radio):
            self.outcome_group.addButton(radio)
            self.content.addWidget(radio)
        self.issued_radio.toggled.connect(self._show_evidence)
        form = new_form()
        self.content.addLayout(form)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.sign_edit = QLineEdit()
        self.sign_edit.setObjectName("signEdit")
        if self.erpnet:
            self.add_field(form, "number", self.tr("&Receipt number:"), self.number_edit)
            self.sign_edit.setPlaceholderText(self.tr("ends in {sequence}").format(sequence=document.sale_sequence))
            self.add_field(form, "sale_number", self.tr("&Unique sale number (УНП):"), self.sign_edit)
        else:
            self.add_field(form, "number", self.tr("Fiscal &document number (ФД):"), self.number_edit)
            self.add_field(form, "fiscal_sign", self.tr("Fiscal &sign (ФП):"), self.sign_edit)
            self.issued_at_edit = QLineEdit()
            self.issued_at_edit.setObjectName("issuedAtEdit")
            self.issued_at_edit.setPlaceholderText(self.tr("like 07.12.2026 14:05"))
            self.add_field(form, "issued_at", self.tr("Date and &time:"), self.issued_at_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("What the register's report shows"))
        self.add_field(form, "reason", self.tr("&Evidence:"), self.reason_edit)
        self.add_approval(form, shown=self.lacks(Right.SETTLE_RECEIPT_BY_HAND))
        self._show_evidence(False)

    @property
    def _sign_field(self) -> str:
        return "sale_number" if self.erpnet else "fiscal_sign"

    def _show_evidence(self, issued: bool) -> None:
        self.set_field_visible("number", issued)
        self.set_field_visible(self._sign_field, issued)
        if not self.erpnet:
            self.set_field_visible("issued_at", issued)
        # Rows shown or hidden change what the form needs: grown at once, the fields are never squeezed.
        self.adjustSize()

    def submit(self) -> Op[Any] | None:
        if self.outcome_group.checkedButton() is None:
            self.refuse("reason", self.tr("Say whether the register issued it."))
        issued = self.issued_radio.isChecked()
        number: int | None = None
        if issued:
            text = self.number_edit.text().strip()
            if not text.isdigit() or int(text) <= 0:
                self.refuse("number", self.tr("Type the document number the register's report shows."))
            else:
                number = int(text)
            if not self.sign_edit.text().strip():
                self.refuse(self._sign_field, self.tr("Type it as the register's report shows it."))
            if not self.erpnet and not self.issued_at_edit.text().strip():
                self.refuse("issued_at", self.tr("Type it as the register's report shows it."))
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say what the register's report shows."))
        approval = self.read_approval()
        if self.refused:
            return None
        sign = self.sign_edit.text().strip()
        return self.change(
            settle_register_document_by_hand, self.document.intent_id, issued=issued, reason=reason, number=number,
            fiscal_sign="" if self.erpnet else sign, sale_number=sign if self.erpnet else "",
            issued_at="" if self.erpnet else self.issued_at_edit.text().strip(), approval=approval,
        ).success(lambda _view: self.finish())
