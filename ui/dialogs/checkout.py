"""Check out: every bill settled (or paid, transferred to a company, or a manager's override),
then the final folio as PDF."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk.core.types import DocumentRenderer
from desk.ledger.folios import BillView
from desk.ledger.models import PaymentKind
from desk.ledger.payments import transfer_to_company
from desk.people.auth import ManagerApproval
from desk.reports import render_folio_pdf
from desk.stays.models import Reservation, ReservationStatus
from desk.stays.reservation_card import ReservationCardData, load_reservation_card
from desk.stays.reservations import check_out
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import (
    Column,
    DeskDialog,
    FieldError,
    RowsModel,
    add_credentials,
    add_row,
    fill_combo,
    fit_rows,
    heading_label,
    new_form,
    read_credentials,
    rows_view,
    status_text,
)
from ui.dialogs.deposit import DepositDialog
from ui.dialogs.payment import MakePaymentDialog
from ui.dialogs.refund import MakeRefundDialog
from ui.i18n import current_language, money_text
from ui.ops.op import Op

logger = logging.getLogger(__name__)

FolioRenderer = DocumentRenderer


def folio_pdf_directory() -> Path:
    """Where final folios are saved: the same folder as printed bills."""
    from ui.dialogs.common import documents_folder_here

    return documents_folder_here()


# The session is only handed on to desk's renderer: ui names no SQLAlchemy type.
def _render_final_folio(session: Any, renderer: FolioRenderer, folio_id: int, path: Path, language: str) -> Path:
    renderer(session, folio_id, path, language)
    return path


class CheckOutDialog(DeskDialog):
    """Each bill's balance and the deposit; what is still open and how to settle it; Check out."""

    def __init__(self, ctx: DeskContext, card: ReservationCardData, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Check out"), apply_text=self.tr("Check &out"))
        self.setObjectName("checkOutDialog")
        self.setMinimumWidth(560)
        self.card = card
        self.reservation = card.folio.folio.reservation
        self.checked_out = False
        self.final_pdf: Path | None = None
        self.subdialog: DeskDialog | None = None

        title = card.folio.folio.owner_label
        if self.reservation is not None and self.reservation.room is not None:
            title = self.tr("{owner} · room {room}").format(owner=title, room=self.reservation.room.number)
        self.content.addWidget(heading_label(title, "titleLabel"))

        self.bills_model = RowsModel(
            [
                Column(self.tr("Bill")),
                Column(self.tr("Payer")),
                Column(self.tr("Charges"), align_right=True),
                Column(self.tr("Paid"), align_right=True),
                Column(self.tr("Balance"), align_right=True),
                Column(self.tr("Status")),
            ],
            self,
        )
        self.bills_view = rows_view(self.bills_model, "billsView", stretch_column=1)
        self.content.addWidget(self.bills_view)
        self.deposit_label = QLabel()
        self.deposit_label.setObjectName("depositLabel")
        self.content.addWidget(self.deposit_label)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.content.addWidget(self.status_label)

        self.content.addWidget(self._build_settle_box())
        self.content.addWidget(self._build_override_box())
        self.pdf_label = QLabel()
        self.pdf_label.setObjectName("pdfLabel")
        self.pdf_label.setWordWrap(True)
        self.pdf_label.hide()
        self.content.addWidget(self.pdf_label)

        ctx.folios_changed.connect(self._folios_changed)
        self.finished.connect(self._stop_following)
        self._refresh()
        if self.is_settled:
            self.apply_button.setFocus()
        elif self.open_bills:
            self.pay_button.setFocus()
        else:
            self.override_box.setFocus()

    # building

    def _build_settle_box(self) -> QGroupBox:
        box = self.settle_box = QGroupBox(self.tr("Settle the open balance"))
        box.setObjectName("settleBox")
        column = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.pay_button = QPushButton()
        self.pay_button.setObjectName("payButton")
        self.pay_button.clicked.connect(self._pay)
        self.deposit_button = QPushButton(self.tr("Pay from the &deposit…"))
        self.deposit_button.setObjectName("depositButton")
        self.deposit_button.clicked.connect(self._pay_from_deposit)
        self.refund_deposit_button = QPushButton(self.tr("&Refund the deposit…"))
        self.refund_deposit_button.setObjectName("refundDepositButton")
        self.refund_deposit_button.clicked.connect(self._refund_deposit)
        for button in (self.pay_button, self.deposit_button, self.refund_deposit_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.transfer_row = QWidget()
        form = new_form()
        form.setContentsMargins(0, 0, 0, 0)
        self.transfer_row.setLayout(form)
        self.transfer_bill_combo = QComboBox()
        self.transfer_bill_combo.setObjectName("transferBillCombo")
        label = QLabel(self.tr("Transfer &bill:"))
        label.setBuddy(self.transfer_bill_combo)
        form.addRow(label, self.transfer_bill_combo)
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("companyCombo")
        fill_combo(self.company_combo, [(company.name, company.id) for company in self.card.companies])
        label = QLabel(self.tr("To the &account of:"))
        label.setBuddy(self.company_combo)
        form.addRow(label, self.company_combo)
        self.transfer_button = QPushButton(self.tr("&Transfer to the company account"))
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.setAutoDefault(False)
        self.transfer_button.clicked.connect(self._transfer)
        add_row(form, None, self.transfer_button)
        self.transfer_error = FieldError("transferError")
        add_row(form, None, self.transfer_error)
        column.addWidget(self.transfer_row)
        return box

    def _build_override_box(self) -> QGroupBox:
        box = self.override_box = QGroupBox(self.tr("&Manager override: check out with the balance open"))
        box.setObjectName("overrideGroup")
        box.setCheckable(True)
        box.setChecked(False)
        form = new_form()
        box.setLayout(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.add_field(form, "reason", self.tr("R&eason:"), self.reason_edit)
        self.username_edit, self.password_edit = add_credentials(self, form)
        box.toggled.connect(self._override_toggled)
        return box

    # showing the folio as it is now

    def _stop_following(self, _result: int) -> None:
        self.ctx.folios_changed.disconnect(self._folios_changed)

    def _folios_changed(self, folio_ids: frozenset[int]) -> None:
        if self.card.folio.folio.id in folio_ids:
            self._reload()

    def _reload(self) -> None:
        if self.checked_out:
            return
        self.ctx.query(
            self, load_reservation_card, self.card.folio.folio.id, current_language()
        ).success(self._set_card).failure(
            lambda exc: self.form_error.show_message(error_text(exc))
        ).run()

    def _set_card(self, card: ReservationCardData) -> None:
        if self.checked_out:
            return
        self.card = card
        self.reservation = card.folio.folio.reservation
        self._refresh()

    @property
    def open_bills(self) -> list[BillView]:
        return [view for view in self.card.folio.bills if view.balance.is_positive]

    @property
    def is_settled(self) -> bool:
        folio = self.card.folio
        return not any(view.balance for view in folio.bills) and not folio.deposit_balance

    def _refresh(self) -> None:
        folio = self.card.folio
        self.bills_model.set_rows(
            [
                (
                    view.bill.number,
                    view.bill.payer_name,
                    money_text(view.charges),
                    money_text(view.paid),
                    money_text(view.balance),
                    status_text(view.status),
                )
                for view in folio.bills
            ]
        )
        fit_rows(self.bills_view, len(folio.bills), at_most=6)
        self._widen_to_columns()
        deposit = folio.deposit_balance
        self.deposit_label.setText(self.tr("Deposit: {amount}").format(amount=money_text(deposit)))
        open_bills = self.open_bills
        settled = self.is_settled
        self.status_label.setText(self._status_text(open_bills))

        self.settle_box.setVisible(not settled)
        self.override_box.setVisible(not settled)
        self.pay_button.setVisible(bool(open_bills))
        if open_bills:
            self.pay_button.setText(self.tr("&Pay bill {number}…").format(number=open_bills[0].bill.number))
        self.deposit_button.setVisible(bool(open_bills) and deposit.is_positive)
        self.refund_deposit_button.setVisible(
            not open_bills and deposit.is_positive and self._refundable_deposit() is not None
        )
        self.transfer_row.setVisible(bool(open_bills) and bool(self.card.companies))
        current = self.transfer_bill_combo.currentData()
        fill_combo(
            self.transfer_bill_combo,
            [
                (self.tr("{number} · {payer} · {balance}").format(
                    number=v.bill.number, payer=v.bill.payer_name, balance=money_text(v.balance)), v.bill.id)
                for v in open_bills
            ],
            current,
        )
        if not self._in_house:
            self.form_error.show_message(self._not_in_house_text())
        self._update_apply()

    def _not_in_house_text(self) -> str:
        if self.reservation is None:
            return self.tr("Only a reservation is checked out.")
        return self.tr("Reservation {number} is not in house.").format(number=self.reservation.number)

    def _status_text(self, open_bills: list[BillView]) -> str:
        if self.is_settled:
            return self.tr("Every bill is settled and the deposit is empty: the guest can check out.")
        parts = [
            self.tr("Bill {number} owes {amount}.").format(number=v.bill.number, amount=money_text(v.balance))
            for v in open_bills
        ]
        parts += [
            self.tr("Bill {number} is overpaid by {amount}: refund it from the card.").format(
                number=v.bill.number, amount=money_text(-v.balance)
            )
            for v in self.card.folio.bills
            if v.balance.is_negative
        ]
        deposit = self.card.folio.deposit_balance
        if deposit.is_positive:
            if open_bills:
                text = self.tr("The deposit holds {amount}: use it for a bill.")
            else:
                text = self.tr("The deposit still holds {amount}: refund it.")
            parts.append(text.format(amount=money_text(deposit)))
        elif deposit.is_negative:
            parts.append(self.tr("The deposit is short by {amount}.").format(amount=money_text(-deposit)))
        parts.append(
            self.tr("Settle it below, or a manager can let the guest leave with the balance open.")
        )
        return " ".join(parts)

    @property
    def _in_house(self) -> bool:
        return self.reservation is not None and self.reservation.status is ReservationStatus.IN_HOUSE

    def _override_toggled(self, _on: bool) -> None:
        self.clear_errors()
        self._update_apply()

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self._in_house and (self.is_settled or self.override_box.isChecked()))

    def _refundable_deposit(self) -> int | None:
        for line in self.card.folio.deposit_payments:
            if line.payment.kind is PaymentKind.DEPOSIT and line.refundable.is_positive:
                return line.payment.id
        return None

    # settling

    def _open_subdialog(self, dialog: DeskDialog) -> None:
        self.subdialog = dialog
        dialog.open()

    def _pay(self) -> None:
        if self.open_bills:
            self._open_subdialog(MakePaymentDialog(self.ctx, self.card, self.open_bills[0].bill.id, self))

    def _pay_from_deposit(self) -> None:
        if self.open_bills:
            self._open_subdialog(DepositDialog(self.ctx, self.card, self, pay_bill_id=self.open_bills[0].bill.id))

    def _refund_deposit(self) -> None:
        payment_id = self._refundable_deposit()
        if payment_id is not None:
            self._open_subdialog(MakeRefundDialog(self.ctx, self.card, payment_id, self))

    def _transfer(self) -> None:
        self.transfer_error.clear_message()
        bill_id = self.transfer_bill_combo.currentData()
        company_id = self.company_combo.currentData()
        if bill_id is None or company_id is None:
            self.transfer_error.show_message(self.tr("Choose the bill and the company."))
            return
        self._op = (
            self.ctx.change(self, transfer_to_company, bill_id, company_id)
            .busy(self.transfer_button, self.apply_button)
            .failure(lambda exc: self.transfer_error.show_message(error_text(exc)))
            .run()
        )

    # checking out

    def submit(self) -> Op[Any] | None:
        if self.reservation is None:
            return None
        if self.is_settled:
            return self.change(check_out, self.reservation.id).success(self._done)
        if not self.override_box.isChecked():
            self.form_error.show_message(
                self.tr("Settle the open balance first, or ask a manager to override.")
            )
            return None
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say why the guest leaves with the balance open."))
        username, password = read_credentials(self, self.username_edit, self.password_edit)
        if self.refused:
            return None
        return self.change(
            check_out, self.reservation.id, override=ManagerApproval(username, password), reason=reason
        ).success(self._done)

    def show_failure(self, exc: BaseException) -> None:
        super().show_failure(exc)
        self.password_edit.clear()

    def _done(self, reservation: Reservation) -> None:
        self.checked_out = True
        self.settle_box.hide()
        self.override_box.hide()
        self.apply_button.hide()
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setDefault(True)
        self.status_label.setText(self.tr("{number} is checked out.").format(number=reservation.number))
        self._print_final_folio(reservation)
        self.fit_to_content()

    def _widen_to_columns(self) -> None:
        # Large amounts would otherwise squeeze the payer's name to a few letters.
        view, header = self.bills_view, self.bills_view.horizontalHeader()
        wanted = sum(max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(header.count()))
        view.setMinimumWidth(min(wanted + 2 * view.frameWidth(), 1000))
        margins = self.outer.contentsMargins()
        self.setMinimumWidth(max(560, view.minimumWidth() + margins.left() + margins.right()))

    def fit_to_content(self) -> None:
        """Grow to what the changed texts need, once the layout has taken them in.

        Wrapped labels need a height for the dialog's width that its minimum size does not include:
        without this the result lines are squeezed over the table above them.
        """
        QTimer.singleShot(0, self._grow_to_content)

    def _grow_to_content(self) -> None:
        layout = self.outer
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _print_final_folio(self, reservation: Reservation) -> None:
        self.pdf_label.show()
        renderer: FolioRenderer = render_folio_pdf  # looked up here, so a test may put another in its place
        path = folio_pdf_directory() / f"folio-{reservation.number}.pdf"
        self.pdf_label.setText(self.tr("Writing the final folio…"))
        self._op = (
            self.ctx.query(self, _render_final_folio, renderer, self.card.folio.folio.id, path, current_language())
            .success(self._pdf_written)
            .failure(self._pdf_failed)
            .run()
        )

    def _pdf_written(self, path: Path) -> None:
        self.final_pdf = path
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.finish()
            return
        self.pdf_label.setText(
            self.tr("The final folio is saved as {path}; no PDF viewer could open it.").format(path=path)
        )
        self.fit_to_content()

    def _pdf_failed(self, exc: BaseException) -> None:
        logger.error("the final folio PDF failed", exc_info=exc)
        self.pdf_label.setText(self.tr("The final folio PDF could not be written: {error}").format(
            error=error_text(exc)))
        self.fit_to_content()

    def reject(self) -> None:
        if self.checked_out and not self.is_busy:
            # The guest is checked out whatever button closes the window.
            self.accept()
            return
        super().reject()
