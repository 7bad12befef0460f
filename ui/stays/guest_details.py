"""Guest…: a guest's name, contacts, documents, birth date and city-tax exemption changed after booking,
from the reservation card. The details are read off the GUI thread before the window shows.

A recorded document chosen in the list comes into the document's fields to be corrected, or is removed
from the list; with none chosen, the fields add a new one. Nothing is written before Save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.stays.booking import DocumentEntry
from desk.stays.city_tax import EXEMPTION_LENGTH
from desk.stays.guest_details import EMAIL_LENGTH, NAME_LENGTH, PHONE_LENGTH, GuestDetails, edit_guest, guest_details
from desk.stays.models import DocumentKind
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, fill_combo, hint_label, new_form, python_date
from ui.i18n import format_date, qdate
from ui.ops.op import Op


def document_kind_text(kind: DocumentKind) -> str:
    return {
        DocumentKind.PASSPORT: QCoreApplication.translate("GuestDialog", "Passport"),
        DocumentKind.ID_CARD: QCoreApplication.translate("GuestDialog", "Identity card"),
        DocumentKind.DRIVING_LICENCE: QCoreApplication.translate("GuestDialog", "Driving licence"),
        DocumentKind.OTHER: QCoreApplication.translate("GuestDialog", "Other document"),
    }[DocumentKind(kind)]



class GuestDialog(DeskDialog):
    """One guest's details as the New reservation window records them; a recorded document corrected or
    removed, or a new one added."""

    def __init__(self, ctx: DeskContext, details: GuestDetails, parent: QWidget | None = None,
                 then: Callable[[GuestDetails], object] | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Guest · {name}").format(
            name=f"{details.first_name} {details.last_name}".strip()), apply_text=self.tr("&Save"))
        self.setObjectName("guestDialog")
        self.setMinimumWidth(620)  # an exemption's reason and an e-mail read whole, in Russian too
        self.details = details
        self.then = then
        form = new_form()
        self.content.addLayout(form)
        self.first_name_edit = self._line("firstNameEdit", details.first_name, NAME_LENGTH)
        self.add_field(form, "first_name", self.tr("First &name:"), self.first_name_edit)
        self.last_name_edit = self._line("lastNameEdit", details.last_name, NAME_LENGTH)
        self.add_field(form, "name", self.tr("&Last name:"), self.last_name_edit)
        self.email_edit = self._line("emailEdit", details.email, EMAIL_LENGTH)
        self.add_field(form, "email", self.tr("&E-mail:"), self.email_edit)
        self.phone_edit = self._line("phoneEdit", details.phone, PHONE_LENGTH)
        self.add_field(form, "phone", self.tr("&Phone:"), self.phone_edit)

        self.birth_date_check = QCheckBox(self.tr("B&orn on:"))
        self.birth_date_check.setObjectName("birthDateCheck")
        born = details.birth_date
        self.birth_date_edit = QDateEdit(qdate(born) if born else QDate.currentDate().addYears(-30))
        self.birth_date_edit.setObjectName("birthDateEdit")
        self.birth_date_edit.setCalendarPopup(True)
        self.birth_date_check.setChecked(born is not None)
        self.birth_date_edit.setEnabled(born is not None)
        self.birth_date_check.toggled.connect(self.birth_date_edit.setEnabled)
        self.add_field(form, "birth_date", self.birth_date_check, self.birth_date_edit)
        self.exemption_edit = self._line("cityTaxExemptionEdit", details.city_tax_exemption, EXEMPTION_LENGTH)
        self.exemption_edit.setPlaceholderText(self.tr("Empty: the guest pays it"))
        self.add_field(form, "city_tax_exemption", self.tr("No city ta&x because:"), self.exemption_edit)

        self._add_documents(form, details)
        self.content.addWidget(hint_label(self.tr(
            "The night audit charges the city tax by these details from the next night it posts; nights "
            "already posted keep theirs. A document corrected or removed stays in the audit trail as it was."),
            "guestHint"))
        self._show_documents()
        self.documents_list.currentRowChanged.connect(self._choose_document)
        self.remove_document_button.clicked.connect(self._remove_document)
        self.new_document_button.clicked.connect(lambda: self.documents_list.setCurrentRow(-1))

    def _add_documents(self, form: QFormLayout, details: GuestDetails) -> None:
        """The recorded documents, and the fields of the one chosen (or of a new one)."""
        self.documents = list(details.documents)  # as they are to be saved
        self._chosen: int | None = None  # the row of the document the fields below show
        self.documents_list = QListWidget()
        self.documents_list.setObjectName("documentsList")
        self.documents_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.remove_document_button = QPushButton(self.tr("&Remove document"))
        self.remove_document_button.setObjectName("removeDocumentButton")
        self.new_document_button = QPushButton(self.tr("Ne&w document"))
        self.new_document_button.setObjectName("newDocumentButton")
        # The list as wide as the fields: a document's line (kind, country, number, date) reads whole.
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_document_button)
        buttons.addWidget(self.new_document_button)
        buttons.addStretch()
        documents = QWidget()
        column = QVBoxLayout(documents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.documents_list)
        column.addLayout(buttons)
        self.add_field(form, "documents", self.tr("Documents:"), documents, focus=self.documents_list)
        self.document_kind_combo = QComboBox()
        self.document_kind_combo.setObjectName("documentKindCombo")
        fill_combo(self.document_kind_combo, [(document_kind_text(kind), kind) for kind in DocumentKind])
        self.document_kind_label = QLabel(self.tr("Add a doc&ument:"))
        self.document_kind_label.setObjectName("document_kindLabel")
        self.document_kind_label.setBuddy(self.document_kind_combo)
        self.add_field(form, "document_kind", self.document_kind_label, self.document_kind_combo)
        self.document_edit = self._line("documentEdit", "", 40)
        self.add_field(form, "document", self.tr("Document nu&mber:"), self.document_edit)
        self.country_edit = self._line("countryEdit", "", 2)
        self.country_edit.setPlaceholderText(self.tr("BG"))
        self.add_field(form, "country", self.tr("Issuing countr&y:"), self.country_edit)
        self.issued_check = QCheckBox(self.tr("&Issued on:"))
        self.issued_check.setObjectName("issuedCheck")
        self.issued_edit = QDateEdit(QDate.currentDate())
        self.issued_edit.setObjectName("issuedEdit")
        self.issued_edit.setCalendarPopup(True)
        self.issued_edit.setEnabled(False)
        self.issued_check.toggled.connect(self.issued_edit.setEnabled)
        self.add_field(form, "issued", self.issued_check, self.issued_edit)

    @staticmethod
    def _line(name: str, text: str, limit: int) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    @staticmethod
    def document_text(entry: DocumentEntry) -> str:
        return " ".join(part for part in (document_kind_text(entry.kind), entry.country, entry.number,
                                          format_date(entry.issued_on) if entry.issued_on else "") if part)

    def _show_documents(self) -> None:
        self.documents_list.blockSignals(True)
        self.documents_list.clear()
        self.documents_list.addItems([self.document_text(entry) for entry in self.documents])
        if not self.documents:
            self.documents_list.addItem(self.tr("None recorded"))
            self.documents_list.item(0).setFlags(self.documents_list.item(0).flags() & ~Qt.ItemFlag.ItemIsEnabled
                                                 & ~Qt.ItemFlag.ItemIsSelectable)
        self.documents_list.setCurrentRow(self._chosen if self._chosen is not None else -1)
        self.documents_list.blockSignals(False)
        self.remove_document_button.setEnabled(self._chosen is not None)
        self.new_document_button.setEnabled(self._chosen is not None)

    def _typed_document(self) -> DocumentEntry:
        return DocumentEntry(self.document_kind_combo.currentData(), self.document_edit.text(),
                             self.country_edit.text(),
                             python_date(self.issued_edit.date()) if self.issued_check.isChecked() else None)

    def _keep_typed(self) -> None:
        """The chosen document as its fields now say (checked by desk when saved)."""
        if self._chosen is not None:
            self.documents[self._chosen] = replace(self._typed_document(), id=self.documents[self._chosen].id)

    def _choose_document(self, row: int) -> None:
        self._keep_typed()
        self._chosen = row if 0 <= row < len(self.documents) else None
        entry = self.documents[self._chosen] if self._chosen is not None else None
        self.document_kind_label.setText(self.tr("Correct the doc&ument:") if entry else self.tr("Add a doc&ument:"))
        index = self.document_kind_combo.findData(entry.kind if entry else DocumentKind.PASSPORT)
        self.document_kind_combo.setCurrentIndex(max(index, 0))
        self.document_edit.setText(entry.number if entry else "")
        self.country_edit.setText(entry.country if entry else "")
        issued = entry.issued_on if entry else None
        self.issued_check.setChecked(issued is not None)
        self.issued_edit.setDate(qdate(issued) if issued else QDate.currentDate())
        self._show_documents()

    def _remove_document(self) -> None:
        if self._chosen is None:
            return
        del self.documents[self._chosen]
        self._chosen = None
        self._choose_document(-1)

    def submit(self) -> Op[Any] | None:
        if not (self.first_name_edit.text().strip() or self.last_name_edit.text().strip()):
            self.refuse("name", self.tr("Type the guest's name."))
            return None
        self._keep_typed()
        document = None
        if self._chosen is None and (self.document_edit.text().strip() or self.country_edit.text().strip()):
            document = self._typed_document()
        birth_date = python_date(self.birth_date_edit.date()) if self.birth_date_check.isChecked() else None
        # Only when changed: the list as this window read it would remove a document another desk added since.
        changed = [(e, e.id) for e in self.documents] != [(e, e.id) for e in self.details.documents]
        documents = self.documents if changed else None
        return self.change(edit_guest, self.details.guest_id, self.first_name_edit.text(),
                           self.last_name_edit.text(), email=self.email_edit.text(), phone=self.phone_edit.text(),
                           birth_date=birth_date, city_tax_exemption=self.exemption_edit.text(),
                           new_document=document, documents=documents).success(self._saved)

    def _saved(self, details: GuestDetails) -> None:
        if self.then is not None:
            self.then(details)
        self.finish()


def open_guest_dialog(ctx: DeskContext, guest_id: int, parent: QWidget | None,
                      then: Callable[[GuestDetails], object] | None = None) -> Op[GuestDetails]:
    """Read the guest's details, then show them (nothing is read on the GUI thread)."""

    def show(details: GuestDetails) -> None:
        GuestDialog(ctx, details, parent, then).show()

    return ctx.query(parent, guest_details, guest_id).success(show).run()

