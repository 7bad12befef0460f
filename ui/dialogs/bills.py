"""Move services to another bill, and split a bill for another payer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from desk.core.money import total
from desk.hotel.names import Names
from desk.ledger.bills import move_postings, split_bill
from desk.ledger.folios import PostingLine
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.desk_text import posting_description
from ui.dialogs.common import (
    Column,
    DeskDialog,
    FieldError,
    RowsModel,
    bill_choice_label,
    bill_label,
    fill_combo,
    fit_rows,
    heading_label,
    hint_label,
    new_form,
    rows_view,
)
from ui.i18n import format_date, money_text
from ui.ops.op import Op


def posting_summary(line: PostingLine, names: Names) -> str:
    posting = line.posting
    description = posting_description(posting, names)
    return f"{format_date(posting.business_date)} · {description} · {money_text(posting.amount)}"


class MoveServicesDialog(DeskDialog):
    """Move the chosen services to another existing bill of the same folio."""

    def __init__(
        self,
        ctx: DeskContext,
        card: ReservationCardData,
        bill_id: int,
        posting_ids: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Move services to another bill"), apply_text=self.tr("&Move"))
        self.setObjectName("moveServicesDialog")
        self.card = card
        self.bill_id = bill_id
        self.posting_ids = list(posting_ids)
        self.field_aliases = {"postings": "bill"}
        source = card.folio.bill(bill_id)
        lines = [card.folio.posting(posting_id) for posting_id in self.posting_ids]

        self.content.addWidget(
            heading_label(self.tr("From: {bill}").format(bill=bill_label(source)), "sourceBillLabel")
        )
        model = RowsModel(
            [Column(self.tr("Date")), Column(self.tr("Service")), Column(self.tr("Amount"), align_right=True)], self
        )
        model.set_rows(
            [
                (format_date(line.posting.business_date), posting_description(line.posting, card.names),
                 money_text(line.posting.amount))
                for line in lines
            ],
            struck=[row for row, line in enumerate(lines) if not line.is_active],
        )
        self.postings_view = rows_view(model, "postingsView", stretch_column=1)
        fit_rows(self.postings_view, len(lines))
        self.content.addWidget(self.postings_view)
        amount = total((line.posting.amount for line in lines if line.is_active), card.currency)
        total_label = QLabel(self.tr("Total: {amount}").format(amount=money_text(amount)))
        total_label.setObjectName("totalLabel")
        self.content.addWidget(total_label)

        form = new_form()
        self.content.addLayout(form)
        self.bill_combo = QComboBox()
        self.bill_combo.setObjectName("billCombo")
        targets = [view for view in card.folio.bills if view.bill.id != bill_id]
        fill_combo(self.bill_combo, [(bill_choice_label(view), view.bill.id) for view in targets])
        self.add_field(form, "bill", self.tr("&To bill:"), self.bill_combo)
        if not targets:
            self.content.addWidget(
                hint_label(
                    self.tr("This folio has only one bill. Use Split bill to open a bill for another payer."),
                    "noTargetLabel",
                )
            )
            self.apply_button.setEnabled(False)
        if not self.posting_ids:
            self.form_error.show_message(self.tr("Choose the services to move on the card first."))
            self.apply_button.setEnabled(False)
        self.bill_combo.setFocus()

    def submit(self) -> Op[Any] | None:
        target = self.bill_combo.currentData()
        if target is None:
            self.refuse("bill", self.tr("Choose the bill to move the services to."))
            return None
        return self.change(move_postings, self.posting_ids, target).success(lambda _result: self.finish())


class SplitBillDialog(DeskDialog):
    """Tick services of a bill and the payer of a new bill; the ticked services move onto it."""

    def __init__(
        self, ctx: DeskContext, card: ReservationCardData, bill_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Split bill"), apply_text=self.tr("&Split"))
        self.setObjectName("splitBillDialog")
        self.card = card
        self.bill_id = bill_id
        source = card.folio.bill(bill_id)
        self._lines = [line for line in source.postings if line.is_active]

        self.content.addWidget(heading_label(bill_label(source), "sourceBillLabel"))
        self._build_postings_list()
        form = new_form()
        self.content.addLayout(form)
        payer = self._build_payer_choice()
        self.add_field(form, "payer", self.tr("New payer:"), payer, focus=self.payer_guest)

        self.postings_list.itemChanged.connect(self._update_selected)
        self._update_selected()
        if not self._lines:
            self.form_error.show_message(self.tr("This bill has no services to split off."))
            self.apply_button.setEnabled(False)
        self.postings_list.setFocus()
        if self.postings_list.count():
            self.postings_list.setCurrentRow(0)

    def _build_postings_list(self) -> None:
        """The bill's active services, each with a tick box, and how many are ticked."""
        self.postings_list = QListWidget()
        self.postings_list.setObjectName("postingsList")
        self.postings_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.postings_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for line in self._lines:
            item = QListWidgetItem(posting_summary(line, self.card.names))
            item.setData(Qt.ItemDataRole.UserRole, line.posting.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(posting_summary(line, self.card.names))
            self.postings_list.addItem(item)
        fit_rows(self.postings_list, len(self._lines), at_most=10)
        list_label = QLabel(self.tr("Tick the ser&vices that go on the new bill:"))
        list_label.setBuddy(self.postings_list)
        self.content.addWidget(list_label)
        self.content.addWidget(self.postings_list)
        postings_error = FieldError("postingsError")
        self.content.addWidget(postings_error)
        self.register_error("postings", postings_error, self.postings_list)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("selectedLabel")
        self.content.addWidget(self.selected_label)

    def _build_payer_choice(self) -> QWidget:
        """The new bill's payer: one of the stay's guests, a company, or a name typed in."""
        card = self.card
        payer = QWidget()
        grid = QGridLayout(payer)
        grid.setContentsMargins(0, 0, 0, 0)
        self.payer_group = QButtonGroup(self)
        self.payer_guest = QRadioButton(self.tr("&Guest:"))
        self.payer_guest.setObjectName("payerGuest")
        self.guest_combo = QComboBox()
        self.guest_combo.setObjectName("guestCombo")
        reservation = card.folio.folio.reservation
        guests = reservation.guests if reservation is not None else []
        fill_combo(self.guest_combo, [(guest.full_name, guest.id) for guest in guests])
        self.payer_company = QRadioButton(self.tr("&Company:"))
        self.payer_company.setObjectName("payerCompany")
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("companyCombo")
        fill_combo(self.company_combo, [(company.name, company.id) for company in card.companies])
        self.payer_other = QRadioButton(self.tr("&Name:"))
        self.payer_other.setObjectName("payerName")
        self.payer_name_edit = QLineEdit()
        self.payer_name_edit.setObjectName("payerNameEdit")
        for row, (button, field) in enumerate(
            ((self.payer_guest, self.guest_combo), (self.payer_company, self.company_combo),
             (self.payer_other, self.payer_name_edit))
        ):
            self.payer_group.addButton(button)
            grid.addWidget(button, row, 0)
            grid.addWidget(field, row, 1)
            button.toggled.connect(field.setEnabled)
            field.setEnabled(False)
        grid.setColumnStretch(1, 1)
        if not guests:
            self.payer_guest.setEnabled(False)
        if not card.companies:
            self.payer_company.setEnabled(False)
        (self.payer_guest if guests else self.payer_other).setChecked(True)
        return payer

    def checked_posting_ids(self) -> list[int]:
        ids = []
        for row in range(self.postings_list.count()):
            item = self.postings_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _update_selected(self, *_args: object) -> None:
        chosen = set(self.checked_posting_ids())
        amount = total((line.posting.amount for line in self._lines if line.posting.id in chosen), self.card.currency)
        self.selected_label.setText(
            self.tr("{count} selected · {amount}").format(count=len(chosen), amount=money_text(amount))
        )
        if chosen:
            self.error_label("postings").clear_message()

    def submit(self) -> Op[Any] | None:
        posting_ids = self.checked_posting_ids()
        if not posting_ids:
            self.refuse("postings", self.tr("Tick the services that go on the new bill."))
        payer: dict[str, Any] = {}
        if self.payer_guest.isChecked():
            if self.guest_combo.currentData() is None:
                self.refuse("payer", self.tr("Choose the guest who pays."))
            payer["payer_guest_id"] = self.guest_combo.currentData()
        elif self.payer_company.isChecked():
            if self.company_combo.currentData() is None:
                self.refuse("payer", self.tr("Choose the company that pays."))
            payer["payer_company_id"] = self.company_combo.currentData()
        else:
            if not self.payer_name_edit.text().strip():
                self.refuse("payer", self.tr("Type the payer's name."))
            payer["payer_name"] = self.payer_name_edit.text()
        if self.refused:
            return None
        return self.change(split_bill, self.bill_id, posting_ids, **payer).success(lambda _bill: self.finish())
