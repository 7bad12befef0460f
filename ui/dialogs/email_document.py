"""E-mail the folio or one of its bills to the payer: the address (the guest's, or the one used last),
the document's language, and what was e-mailed from this folio so far and how far each got.

The PDF is made when the clerk presses Send and kept in the outbox (desk.mailing.documents); the mail
worker sends it in the background, so the window never waits on the mail server.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from desk.core.errors import InvalidInput
from desk.invoices.models import InvoiceKind
from desk.invoices.reading import FolioInvoice, folio_invoices
from desk.mailing.documents import (
    LANGUAGES,
    MailSuggestion,
    SentDocument,
    checked_address,
    email_document,
    folio_mails,
    mail_suggestion,
)
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.dialogs.common import Column, DeskDialog, RowsModel, fill_combo, heading_label, hint_label, new_form, rows_view
from ui.i18n import format_datetime
from ui.ops.op import Op


def mail_failure_text(kind: str, detail: str) -> str:
    """Why an e-mail is not sent yet, in the reader's language, with the server's own words after it."""
    texts = {
        "refused": QCoreApplication.translate("EmailDocument", "The mail server refused the connection"),
        "authentication": QCoreApplication.translate("EmailDocument", "The mail server refused the user and password"),
        "timeout": QCoreApplication.translate("EmailDocument", "The mail server did not answer in time"),
        "certificate": QCoreApplication.translate("EmailDocument", "The mail server's certificate is not trusted"),
        "recipient": QCoreApplication.translate("EmailDocument", "The mail server refused the recipient"),
        "other": QCoreApplication.translate("EmailDocument", "The mail server did not take the e-mail"),
    }
    if kind not in texts:  # failed before the outbox kept a kind: the English sentence it wrote then
        return detail
    return f"{texts[kind]} ({detail})" if detail else texts[kind]


class EmailDocumentDialog(DeskDialog):
    """Queue the folio (or a bill) for the payer's mailbox; the list below shows queued, sent and failed ones."""

    def __init__(self, ctx: DeskContext, card: ReservationCardData, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("E-mail folio"), apply_text=self.tr("&Send"))
        self.setObjectName("emailDocumentDialog")
        self.setMinimumWidth(640)
        self.card = card
        self.folio_id = card.folio.folio.id
        self.queued_id: int | None = None
        self.content.addWidget(heading_label(self.tr("Folio {owner}").format(owner=card.folio.folio.owner_label),
                                             "folioLabel"))
        form = new_form()
        self.content.addLayout(form)
        self.document_combo = QComboBox()
        self.document_combo.setObjectName("documentCombo")
        choices = [(self.tr("The whole folio"), ("folio", self.folio_id))]
        choices += [(self.tr("Bill {number} ({payer})").format(number=view.bill.number, payer=view.bill.payer_name),
                     ("bill", view.bill.id)) for view in card.folio.bills]
        fill_combo(self.document_combo, choices)
        self.add_field(form, "kind", self.tr("&Document:"), self.document_combo)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setPlaceholderText(self.tr("payer@example.com"))
        self.add_field(form, "recipient", self.tr("&E-mail address:"), self.address_edit)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        names = {"en": "English", "ru": "Русский", "bg": "Български"}  # each language in its own words
        fill_combo(self.language_combo, [(names[code], code) for code in LANGUAGES])
        self.add_field(form, "language", self.tr("&Language of the document:"), self.language_combo)
        self.content.addWidget(hint_label(self.tr(
            "The PDF is made now, as the folio stands, and sent in the background; the list below shows "
            "whether the mail server took it."), "emailHint"))

        self.model = RowsModel([Column(self.tr("Queued")), Column(self.tr("Document")), Column(self.tr("To")),
                                Column(self.tr("State")), Column(self.tr("Error"))], self)
        self.view = rows_view(self.model, "mailsView", stretch_column=4)
        self.view.setMinimumHeight(120)
        self.content.addWidget(self.view)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.addButton(self.refresh_button, self.buttons.ButtonRole.ActionRole)
        self.cancel_button.setText(self.tr("Close"))

        self.invoices: list[FolioInvoice] = []
        self.ctx.query(self, mail_suggestion, self.folio_id).busy(self.apply_button).success(self._suggested).run()
        self.ctx.query(self, folio_invoices, self.folio_id).success(self._invoices_found).run()
        self.refresh()

    def _suggested(self, suggestion: MailSuggestion) -> None:
        if not self.address_edit.text():
            self.address_edit.setText(suggestion.recipient)
        index = self.language_combo.findData(suggestion.language)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def _invoice_text(self, invoice: FolioInvoice) -> str:
        if invoice.kind is InvoiceKind.CREDIT_NOTE:
            return self.tr("Credit note {number}").format(number=invoice.number)
        return self.tr("Invoice {number}").format(number=invoice.number)

    def _invoices_found(self, invoices: list[FolioInvoice]) -> None:
        self.invoices = invoices
        for invoice in invoices:
            self.document_combo.addItem(self._invoice_text(invoice), ("invoice", invoice.id))

    def refresh(self) -> None:
        self.ctx.query(self, folio_mails, self.folio_id).busy(self.refresh_button).success(self._listed).run()

    def _state_text(self, mail: SentDocument) -> str:
        if mail.state == "sent" and mail.sent_at is not None:
            return self.tr("sent {when}").format(when=format_datetime(mail.sent_at))
        if mail.state == "failed":
            return self.tr("not sent yet, tried {count} times").format(count=mail.attempts)
        return self.tr("queued")

    def _document_text(self, mail: SentDocument) -> str:
        if mail.kind == "folio":
            return self.tr("Folio")
        if mail.kind == "bill":
            for view in self.card.folio.bills:
                if view.bill.id == mail.document_id:
                    return self.tr("Bill {number}").format(number=view.bill.number)
        if mail.kind == "invoice":
            for invoice in self.invoices:
                if invoice.id == mail.document_id:
                    return self._invoice_text(invoice)
            return self.tr("Invoice")
        return mail.kind

    def _listed(self, mails: list[SentDocument]) -> None:
        self.model.set_rows([(format_datetime(mail.queued_at), self._document_text(mail), mail.recipient,
                              self._state_text(mail), mail_failure_text(mail.error_kind, mail.last_error))
                             for mail in mails],
                            tooltips={row: mail_failure_text(mail.error_kind, mail.last_error)
                                      for row, mail in enumerate(mails) if mail.state == "failed"})

    def submit(self) -> Op[int] | None:
        address = self.address_edit.text().strip()
        try:
            checked_address(address)
        except InvalidInput:  # worded here beside the field before anything is rendered
            self.refuse("recipient", self.tr("{email} is not an e-mail address").format(email=address))
            return None
        kind, document_id = self.document_combo.currentData()
        return self.change(email_document, kind, document_id, address, self.language_combo.currentData()) \
            .success(self._queued)

    def _queued(self, mail_id: int) -> None:
        self.queued_id = mail_id
        self.ctx.mailer.wake()
        self.refresh()
