"""The reservation card's actions: the menus, the buttons, when each is enabled, and what each does.

Bills are acted on from the **Action** menu (a button beside the tabs, and the menu bar): the bill
is the one selected on **Bills and payments**, or, on **Accommodation and services**, the bill of
the selected posting. Each action opens one of the card's dialogs (:mod:`ui.dialogs`), the card
terminal's dialog (:mod:`ui.cards.terminal`), or runs one use case.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton

from desk.cards.models import CardKind
from desk.cards.operations import card_refund_refusal
from desk.cards.reader_save import saves_on_reader
from desk.cards.terminals import TerminalInfo, list_terminals
from desk.core.money import Money
from desk.fiscal.interface import Printed
from desk.fiscal.marks import ReceiptState
from desk.fiscal.workflow import print_copy
from desk.invoices.models import Invoice
from desk.ledger.folios import PaymentLine, PostingLine
from desk.ledger.models import PostingKind
from desk.ledger.payments import refund_refusal, void_refusal
from desk.people.rights import Right
from desk.reports import render_bill_pdf
from desk.stays import reservations as stays
from desk.stays.models import ReservationStatus
from desk.stays.reservation_card import PreAuthorisation
from ui import dialogs
from ui.cards.saved import SavedCardDialog, SavedCardOperation
from ui.cards.terminal import CardTerminalDialog, print_card_slip_later
from ui.context import device_pool
from ui.dialogs.common import documents_folder_here
from ui.dialogs.email_document import EmailDocumentDialog
from ui.i18n import current_language
from ui.ops.feedback import show_error
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState
from ui.reservation_card.base import BILLS_TAB, SERVICES_TAB
from ui.reservation_card.breakdown import CardBreakdown
from ui.reservation_card.guests import fill_guests_menu, new_guests_menu
from ui.reservation_card.holds import CardHolds
from ui.stays.credit_limit import CreditLimitDialog
from ui.stays.move_room import open_check_in_to_room, open_move_room
from ui.stays.reservation_changes import AmendReservationDialog, CancelReservationDialog, NoShowDialog


def bill_pdf_directory() -> Path:
    """Where printed bills are saved (the clerk is told where, and may open them from there)."""
    return documents_folder_here()


def open_document(path: Path) -> bool:
    """Open a file in the desktop's viewer; False if there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CardActions(CardBreakdown, CardHolds):
    """The card's actions: its menus and buttons, which of them make sense now, and what each does."""

    def _build_actions(self) -> None:
        self.view_details_action = self._action(
            "viewDetailsAction", QCoreApplication.translate(
                "ReservationCard", "View service &details"), self.view_service_details, "Ctrl+I")
        self.make_payment_action = self._action(
            "makePaymentAction", QCoreApplication.translate(
                "ReservationCard", "Make &payment…"), self.make_payment, "Ctrl+P")
        self.make_refund_action = self._action(
            "makeRefundAction", QCoreApplication.translate(
                "ReservationCard", "Make &refund…"), self.make_refund, "Ctrl+R")
        self.move_services_action = self._action(
            "moveServicesAction", QCoreApplication.translate(
                "ReservationCard", "&Move services to another bill…"), self.move_services, "Ctrl+M")
        self.split_bill_action = self._action(
            "splitBillAction", QCoreApplication.translate(
                "ReservationCard", "&Split bill…"), self.split_bill, "Ctrl+Shift+S")
        self.print_bill_action = self._action(
            "printBillAction", QCoreApplication.translate(
                "ReservationCard", "Print &bill (PDF)"), self.print_bill, "Ctrl+Shift+P")
        self.credit_limit_action = self._action("creditLimitAction", QCoreApplication.translate(
            "ReservationCard", "Credit &limit…"), self.credit_limit)
        self.email_folio_action = self._action(
            "emailFolioAction", QCoreApplication.translate(
                "ReservationCard", "E-&mail folio…"), self.email_folio)
        self.issue_invoice_action = self._action(
            "issueInvoiceAction", QCoreApplication.translate(
                "ReservationCard", "Issue &invoice…"), self.issue_invoice)
        self.invoice_company_bills_action = self._action(
            "invoiceCompanyBillsAction", QCoreApplication.translate(
                "ReservationCard", "Invoice several bills of the compan&y…"), self.invoice_company_bills)
        self.print_receipt_action = self._action(
            "printReceiptAction", QCoreApplication.translate(
                "ReservationCard", "Print r&eceipt…"), self.print_receipt, "Ctrl+Shift+R")
        self.print_copy_action = self._action(
            "printReceiptCopyAction", QCoreApplication.translate(
                "ReservationCard", "Print receipt c&opy"), self.print_copy)
        self.print_card_slip_action = self._action(
            "printCardSlipAction", QCoreApplication.translate(
                "ReservationCard", "Print card s&lip"), self.print_card_slip)
        self.void_action = self._action("voidAction", QCoreApplication.translate(
            "ReservationCard", "&Void…"), self.void, "Ctrl+Del")
        self.add_service_action = self._action(
            "addServiceAction", QCoreApplication.translate(
                "ReservationCard", "Add &service…"), self.add_service, "Ctrl+N")
        self.deposit_action = self._action("depositAction", QCoreApplication.translate(
            "ReservationCard", "&Deposit…"), self.deposit, "Ctrl+D")
        self.check_in_action = self._action("checkInAction", QCoreApplication.translate(
            "ReservationCard", "Check &in"), self.check_in, "Ctrl+Shift+I")
        self.check_in_room_action = self._action("checkInRoomAction", QCoreApplication.translate(
            "ReservationCard", "Check in to a &chosen room…"), self.check_in_to_room)
        self.amend_action = self._action("amendAction", QCoreApplication.translate(
            "ReservationCard", "C&hange dates and rate…"), self.amend)
        self.cancel_reservation_action = self._action("cancelReservationAction", QCoreApplication.translate(
            "ReservationCard", "Cance&l reservation…"), self.cancel_reservation)
        self.no_show_action = self._action("noShowAction", QCoreApplication.translate(
            "ReservationCard", "Mar&k no-show…"), self.no_show)
        self.move_room_action = self._action("moveRoomAction", QCoreApplication.translate(
            "ReservationCard", "Move to another roo&m…"), self.move_room)
        self.check_out_action = self._action(
            "checkOutAction", QCoreApplication.translate(
                "ReservationCard", "Check &out…"), self.check_out, "Ctrl+Shift+O")
        self.card_payment_action = self._action(
            "cardPaymentAction", QCoreApplication.translate(
                "ReservationCard", "Pay by car&d on the terminal…"), self.card_payment, "Ctrl+Shift+C")
        self.card_refund_action = self._action(
            "cardRefundAction", QCoreApplication.translate(
                "ReservationCard", "Refund to the card on the terminal…"), self.card_refund)
        self.pre_authorise_action = self._action(
            "preAuthoriseAction", QCoreApplication.translate("ReservationCard", "Pre-&authorise…"), self.pre_authorise)
        self.capture_action = self._action("captureAction", QCoreApplication.translate(
            "ReservationCard", "Ca&pture…"), self.capture_hold)
        self.release_action = self._action("releaseAction", QCoreApplication.translate(
            "ReservationCard", "Re&lease…"), self.release_hold)
        self.print_hold_slip_action = self._action(
            "printHoldSlipAction", QCoreApplication.translate(
                "ReservationCard", "Print card slip"), self.print_hold_slip)
        self.charge_saved_action = self._action("chargeSavedAction", QCoreApplication.translate(
            "ReservationCard", "Charge saved card…"), self.charge_saved_card)
        self.pre_authorise_saved_action = self._action("preAuthoriseSavedAction", QCoreApplication.translate(
            "ReservationCard", "Pre-authorise with saved card…"), self.pre_authorise_saved_card)
        self.new_card_action = self._action("newCardAction", QCoreApplication.translate(
            "ReservationCard", "Save a new card on the operator's page…"), self.new_card)
        self.reader_card_action = self._action("readerCardAction", QCoreApplication.translate(
            "ReservationCard", "Save a card from the terminal…"), self.reader_card)
        self.reload_action = self._action("reloadAction", QCoreApplication.translate(
            "ReservationCard", "&Reload"), self.reload, "F5")
        self.close_action = self._action("closeAction", QCoreApplication.translate(
            "ReservationCard", "&Close"), self.close, "Esc", "Ctrl+W")
        self.bill_actions = [
            self.view_details_action, self.make_payment_action, self.card_payment_action, self.make_refund_action,
            self.card_refund_action, self.move_services_action, self.split_bill_action, self.print_bill_action,
            self.issue_invoice_action, self.invoice_company_bills_action,
            self.print_receipt_action, self.print_copy_action, self.print_card_slip_action, None, self.void_action,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        card_menu = bar.addMenu(QCoreApplication.translate("ReservationCard", "&Card"))
        card_menu.setObjectName("cardMenu")
        self._fill(card_menu, [
            self.add_service_action, self.deposit_action, self.email_folio_action, None,
            self.check_in_action, self.check_in_room_action, self.move_room_action, self.check_out_action, None,
            self.amend_action, self.credit_limit_action, self.cancel_reservation_action, self.no_show_action, None,
            self.reload_action, self.close_action,
        ])
        self.guests_menu = new_guests_menu(self)
        self._guests_shown: tuple[object, ...] | None = None  # what the menu was last filled with
        card_menu.insertMenu(self.add_service_action, self.guests_menu)
        self.guests_button.setMenu(self.guests_menu)
        action_menu = bar.addMenu(QCoreApplication.translate("ReservationCard", "&Action"))
        action_menu.setObjectName("actionMenu")
        self._fill(action_menu, self.bill_actions)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_service_button = self._button("addServiceButton", self.add_service_action)
        self.deposit_button = self._button("depositButton", self.deposit_action)
        self.check_in_button = self._button("checkInButton", self.check_in_action)
        self.check_out_button = self._button("checkOutButton", self.check_out_action)
        self.guests_button = QPushButton(QCoreApplication.translate("ReservationCard", "G&uests"))
        self.guests_button.setObjectName("guestsButton")
        for button in (self.add_service_button, self.deposit_button, self.check_in_button, self.check_out_button,
                       self.guests_button):
            row.addWidget(button)
        row.addStretch(1)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updatedLabel")
        self.updated_label.setEnabled(False)
        row.addWidget(self.updated_label)
        return row

    def _is_voidable_payment(self, line: PaymentLine | None) -> bool:
        """desk's rule (void_refusal); a company-account transfer is undone as a pair when it has one."""
        if line is None or self.card is None:
            return False
        if line.is_company_transfer and line.payment.company_posting_id is None:
            return False
        # A card payment is voided only as money already given back outside the desk (the dialog asks).
        on_terminal = line.payment.card_record is not None
        return void_refusal(self.card.folio, line, refunded_outside=on_terminal) is None

    def _offers_receipt(self, line: PaymentLine | None) -> bool:
        """Print receipt again: decided in desk (desk.fiscal.marks), for a receipt not yet on paper."""
        mark = self.payments_model.receipt(line)
        return mark is not None and mark.may_print

    def _voidable_posting(self) -> PostingLine | None:
        if self.tabs.currentIndex() != SERVICES_TAB:
            return None
        lines = self.selected_posting_lines()
        if len(lines) == 1 and lines[0].is_active:
            return lines[0]
        return None

    def _update_actions(self) -> None:
        view = self.view
        writable = view is not None and not view.is_closed
        on_bills = self.tabs.currentIndex() == BILLS_TAB
        bill = self.current_bill()
        has_charges = bill is not None and any(line.is_active for line in bill.postings)
        payment = self.current_payment_line() if on_bills else None
        reservation = view.folio.reservation if view is not None else None

        if on_bills:
            details = bill is not None and any(line.posting.kind is PostingKind.CHARGE for line in bill.postings)
        else:
            details = bool(self.selected_posting_ids())
        self.view_details_action.setEnabled(details)
        self.make_payment_action.setEnabled(writable and bill is not None)
        self.make_refund_action.setEnabled(writable and payment is not None and refund_refusal(payment) is None)
        self.move_services_action.setEnabled(writable and has_charges)
        self.split_bill_action.setEnabled(writable and has_charges)
        self.print_bill_action.setEnabled(bill is not None)
        self.credit_limit_action.setEnabled(reservation is not None and self.ctx.actor.may(Right.SET_CREDIT_LIMIT))
        self.email_folio_action.setEnabled(view is not None and self.ctx.actor.may(Right.EMAIL_DOCUMENTS))
        self.issue_invoice_action.setEnabled(bill is not None and bill.charges.is_positive)
        self.invoice_company_bills_action.setEnabled(view is not None and view.folio.company_id is not None)
        self.print_receipt_action.setEnabled(self._offers_receipt(payment))
        mark = self.payments_model.receipt(payment)
        self.print_copy_action.setEnabled(mark is not None and mark.state is ReceiptState.PRINTED
                                          and mark.number is not None and self.ctx.actor.may(Right.REQUEST_RECEIPT))
        self.void_action.setEnabled(writable and (self._voidable_posting() is not None
                                                  or self._is_voidable_payment(payment)))
        self.add_service_action.setEnabled(view is not None and writable and bool(view.bills))
        self.deposit_action.setEnabled(writable)
        self.check_in_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.CONFIRMED)
        self.check_out_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.IN_HOUSE)
        self.move_room_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.IN_HOUSE)
        self.check_in_room_action.setEnabled(self.check_in_action.isEnabled())
        self.amend_action.setEnabled(reservation is not None and reservation.status in (
            ReservationStatus.CONFIRMED, ReservationStatus.IN_HOUSE))
        self.cancel_reservation_action.setEnabled(reservation is not None
                                                  and reservation.status is ReservationStatus.CONFIRMED)
        self.no_show_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.CONFIRMED)
        card_payment = self.card.card_payments.get(payment.payment.id) if self.card and payment else None
        self.card_payment_action.setEnabled(writable and bill is not None)
        self.card_refund_action.setEnabled(
            writable and payment is not None and card_refund_refusal(payment, card_payment) is None)
        # Desk says which payments and refunds made on a terminal have a slip kept with them.
        self.print_card_slip_action.setEnabled(payment is not None and self.card is not None
                                               and payment.payment.id in self.card.card_slips)
        hold = self.current_hold()
        self.pre_authorise_action.setEnabled(writable)
        self.capture_action.setEnabled(writable and hold is not None and hold.usable)
        self.release_action.setEnabled(writable and hold is not None and hold.usable)
        # Paper only: a hold's slip is printed again whatever became of the hold (an online one has none).
        self.print_hold_slip_action.setEnabled(hold is not None and hold.operator_id is None)
        saved = self.current_saved_card()
        self.charge_saved_action.setEnabled(writable and saved is not None and bill is not None)
        self.pre_authorise_saved_action.setEnabled(writable and saved is not None)
        self.new_card_action.setEnabled(writable)
        self.reader_card_action.setEnabled(writable)
        self.reload_action.setEnabled(True)

    def make_payment(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.make_payment_action.isEnabled():
            return
        self._show(dialogs.MakePaymentDialog(self.ctx, self.card, bill.bill.id, self))

    def make_refund(self) -> None:
        payment = self.current_payment_line()
        if self.card is None or payment is None or not self.make_refund_action.isEnabled():
            return
        self._show(dialogs.MakeRefundDialog(self.ctx, self.card, payment.payment.id, self))

    def _terminal_dialog(self, operation: CardKind, **options: Any) -> None:
        """The card terminal dialog, once this workstation's terminals are read."""
        card = self.card
        if card is None:
            return

        def loaded(terminals: list[TerminalInfo]) -> None:
            dialog = CardTerminalDialog(self.ctx, card, terminals, operation, parent=self, **options)
            dialog.accepted.connect(lambda: self._card_done(dialog))
            dialog.charge_directly.connect(self._charge_directly)
            dialog.new_card.connect(self._new_card_then_charge)
            self._show(dialog)

        self.ctx.query(self, list_terminals, self.ctx.actor.workstation).success(loaded).run()

    def _card_done(self, dialog: CardTerminalDialog) -> None:
        outcome = dialog.outcome
        if outcome is not None and outcome.settled:
            self.statusBar().showMessage(dialog.outcome_text(outcome), 15_000)

    def _charge_directly(self, amount: Money | None, bill_id: int | None) -> None:
        # On the bill the capture was to land on: the sale replaces it.
        if bill_id is not None:
            self._terminal_dialog(CardKind.SALE, bill_id=bill_id, amount=amount)

    def card_payment(self) -> None:
        bill = self.current_bill()
        if bill is None or not self.card_payment_action.isEnabled():
            return
        self._terminal_dialog(CardKind.SALE, bill_id=bill.bill.id)

    def print_card_slip(self) -> None:
        payment = self.current_payment_line()
        if payment is None or not self.print_card_slip_action.isEnabled():
            return
        print_card_slip_later(self.ctx, self, payment_id=payment.payment.id, reprint=True)

    def print_hold_slip(self) -> None:
        hold = self.current_hold()
        if hold is None or not self.print_hold_slip_action.isEnabled():
            return
        print_card_slip_later(self.ctx, self, record_id=hold.id, reprint=True)

    def card_refund(self) -> None:
        payment = self.current_payment_line()
        if payment is None or not self.card_refund_action.isEnabled():
            return
        online = self.card.card_payments.get(payment.payment.id) if self.card is not None else None
        if online is not None and online.operator_id is not None:
            # Charged at an online operator: refunded there, in the charge's currency (R13).
            self._saved_card_dialog(SavedCardOperation.REFUND, payment=online)
            return
        self._terminal_dialog(CardKind.REFUND, payment_id=payment.payment.id)

    def pre_authorise(self) -> None:
        if self.pre_authorise_action.isEnabled():
            self._terminal_dialog(CardKind.PRE_AUTHORISATION)

    def capture_hold(self) -> None:
        hold = self.current_hold()
        if hold is not None and self.capture_action.isEnabled():
            bill = self.current_bill()
            if hold.operator_id is not None:
                self._saved_card_dialog(SavedCardOperation.CAPTURE, hold=hold, bill_id=bill.bill.id if bill else None)
                return
            self._terminal_dialog(CardKind.CAPTURE, hold=hold, bill_id=bill.bill.id if bill else None)

    def release_hold(self) -> None:
        hold = self.current_hold()
        if hold is not None and self.release_action.isEnabled():
            if hold.operator_id is not None:
                self._saved_card_dialog(SavedCardOperation.RELEASE, hold=hold)
                return
            self._terminal_dialog(CardKind.RELEASE, hold=hold)

    def charge_saved_card(self) -> None:
        saved, bill = self.current_saved_card(), self.current_bill()
        if saved is not None and bill is not None and self.charge_saved_action.isEnabled():
            self._saved_card_dialog(SavedCardOperation.CHARGE, saved=saved, bill_id=bill.bill.id)

    def pre_authorise_saved_card(self) -> None:
        saved = self.current_saved_card()
        if saved is not None and self.pre_authorise_saved_action.isEnabled():
            self._saved_card_dialog(SavedCardOperation.PRE_AUTHORISE, saved=saved)

    def new_card(self) -> None:
        """Verify and save credit card with "New card": the guest types it on the operator's own page."""
        if self.new_card_action.isEnabled():
            self._open_new_card(None)

    def _new_card_then_charge(self, then: Any) -> None:
        self._open_new_card(then)

    def _open_new_card(self, then: Any) -> None:
        """The operator's page; ``then``: the charge or hold (a ThenCharge) that follows in the same window."""
        if self.card is None:
            return
        from ui.cards.new_card import NewCardDialog  # QtWebEngine is loaded when a page is first opened

        guest, owner = self._card_owner()
        dialog = NewCardDialog(self.ctx, guest, owner, parent=self, then=then)
        dialog.accepted.connect(lambda: self._new_card_done(dialog))
        self._show(dialog)
        dialog.start()

    def reader_card(self) -> None:
        """Verify and save credit card with the terminal: the guest presents it on the operator's reader, or,
        at a Worldline hotel without such a reader, the clerk types the reference on the terminal's receipt."""
        if self.card is None or not self.reader_card_action.isEnabled():
            return
        self.ctx.query(self, saves_on_reader, self.ctx.actor.workstation).success(self._open_terminal_save).run()

    def _open_terminal_save(self, on_reader: bool) -> None:
        if self.card is None:
            return
        from ui.cards.reader_save import ReaderSaveDialog
        from ui.cards.terminal_reference import TerminalReferenceDialog

        guest, owner = self._card_owner()
        kind = ReaderSaveDialog if on_reader else TerminalReferenceDialog
        dialog = kind(self.ctx, guest, owner, parent=self)
        dialog.accepted.connect(lambda: self._new_card_done(dialog))
        if isinstance(dialog, TerminalReferenceDialog):
            dialog.stopped_waiting.connect(lambda: self._new_card_done(dialog))
        self._show(dialog)
        dialog.start()

    def _card_owner(self) -> tuple[str, Any]:
        """The first guest's name and whose card it is (the reservation's or event's, else the company's)."""
        from desk.cards.card_page import NewCardOwner

        assert self.card is not None
        folio = self.card.folio.folio
        guests = folio.reservation.guests if folio.reservation is not None else []
        owner = NewCardOwner(reservation_id=folio.reservation_id, event_id=folio.event_id) \
            if folio.reservation_id is not None or folio.event_id is not None \
            else NewCardOwner(company_id=folio.company_id)
        return (guests[0].full_name if guests else ""), owner

    def _new_card_done(self, dialog: Any) -> None:
        self.statusBar().showMessage(dialog.message_label.text(), 15_000)
        self.reload()

    def _saved_card_dialog(self, operation: SavedCardOperation, **options: Any) -> None:
        if self.card is None:
            return
        dialog = SavedCardDialog(self.ctx, self.card, operation, parent=self, **options)
        dialog.accepted.connect(lambda: self._saved_card_done(dialog))
        hold = options.get("hold")
        dialog.charge_directly.connect(lambda amount, bill_id: self._charge_saved_directly(hold, amount, bill_id))
        self._show(dialog)

    def _saved_card_done(self, dialog: SavedCardDialog) -> None:
        outcome = dialog.outcome
        if outcome is not None and outcome.settled:
            self.statusBar().showMessage(dialog.outcome_text(outcome), 15_000)

    def _charge_saved_directly(self, hold: PreAuthorisation | None, amount: Money | None, bill_id: int | None) -> None:
        """R16: the hold's saved card charged for the amount, on the bill the capture was to land on."""
        card = self.card
        if card is None or hold is None or bill_id is None:
            return
        saved = next((c for c in card.saved_cards if c.id == hold.saved_card_id), None)
        if saved is not None:
            self._saved_card_dialog(SavedCardOperation.CHARGE, saved=saved, bill_id=bill_id, amount=amount)

    def move_services(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.move_services_action.isEnabled():
            return
        # On the services tab, the selected services of the bill; on the bills tab, all of its services
        # (the dialog lists them before anything moves).
        if self.tabs.currentIndex() == SERVICES_TAB:
            lines = [line for line in self.selected_posting_lines() if line.bill_id == bill.bill.id]
        else:
            lines = bill.postings
        chosen = [line.posting.id for line in lines if line.is_active]
        self._show(dialogs.MoveServicesDialog(self.ctx, self.card, bill.bill.id, chosen, self))

    def split_bill(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.split_bill_action.isEnabled():
            return
        self._show(dialogs.SplitBillDialog(self.ctx, self.card, bill.bill.id, self))

    def print_receipt(self) -> None:
        payment = self.current_payment_line()
        if self.card is None or payment is None or not self.print_receipt_action.isEnabled():
            return
        self._show(dialogs.ReceiptDialog(self.ctx, self.card, payment.payment.id, self))

    def print_copy(self) -> None:
        """A copy of the payment's receipt on the register that issued it, with progress and Cancel: the register
        may take its time, or not answer."""
        payment = self.current_payment_line()
        if payment is None or not self.print_copy_action.isEnabled():
            return
        runner, actor, payment_id = self.ctx.runner, self.ctx.actor, payment.payment.id

        def work(state: TaskState) -> Printed:
            return print_copy(runner, actor, payment_id, cancel=state.cancel_event)

        def printed(done: Printed) -> None:
            self.statusBar().showMessage(QCoreApplication.translate(
                "ReservationCard", "A copy of receipt {number} was printed on register {register}.").format(
                number=f"{done.document.number:07d}", register=done.document.register), 15_000)

        self.copy_op = (Op(self, work, pool=device_pool())
                        .with_progress_dialog(QCoreApplication.translate("ReservationCard", "Printing a receipt copy"))
                        .success(printed).failure(lambda exc: None if isinstance(exc, Cancelled)
                                                  else show_error(self, exc)).run())

    def void(self) -> None:
        if self.card is None or not self.void_action.isEnabled():
            return
        posting = self._voidable_posting()
        if posting is not None:
            self._show(dialogs.VoidDialog(self.ctx, self.card, posting_id=posting.posting.id, parent=self))
            return
        payment = self.current_payment_line()
        if payment is not None and self.tabs.currentIndex() == BILLS_TAB:
            self._show(dialogs.VoidDialog(self.ctx, self.card, payment_id=payment.payment.id, parent=self))

    def add_service(self) -> None:
        if self.card is None or not self.add_service_action.isEnabled():
            return
        bill = self.current_bill() or self.card.folio.bills[0]
        self._show(dialogs.AddServiceDialog(self.ctx, self.card, bill.bill.id, self))

    def show_guests(self) -> None:
        reservation = self.view.folio.reservation if self.view is not None else None
        guests = reservation.guests if reservation is not None else []
        # Filled again only when what it shows changed: its actions made again at every reload were
        # a dozen objects made and deleted per Apply (issue 23).
        shown = (tuple((guest.id, guest.full_name) for guest in guests), self.ctx.actor, current_language())
        if shown == self._guests_shown:
            return
        self._guests_shown = shown
        fill_guests_menu(self.guests_menu, self.ctx, guests, self, self.reload)
        self.guests_button.setEnabled(self.guests_menu.isEnabled())

    def credit_limit(self) -> None:
        view = self.view
        if self.card is None or view is None or view.folio.reservation is None \
                or not self.credit_limit_action.isEnabled():
            return
        self._show(CreditLimitDialog(self.ctx, view.folio.reservation, self.card.currency, self))

    def email_folio(self) -> None:
        if self.card is None or not self.email_folio_action.isEnabled():
            return
        self._show(EmailDocumentDialog(self.ctx, self.card, self))

    def deposit(self) -> None:
        if self.card is None or not self.deposit_action.isEnabled():
            return
        self._show(dialogs.DepositDialog(self.ctx, self.card, self))

    def check_in(self) -> None:
        view = self.view
        if view is None or view.folio.reservation is None or not self.check_in_action.isEnabled():
            return
        number = view.folio.reservation.number
        self.ctx.change(self, stays.check_in, view.folio.reservation.id).busy(self.check_in_button).success(
            lambda _reservation: self.statusBar().showMessage(
                QCoreApplication.translate(
                    "ReservationCard", "Reservation {number} is checked in.").format(number=number), 10_000)
        ).run()

    def _reservation_dialog(self, action: QAction,
                            dialog: type[AmendReservationDialog | CancelReservationDialog | NoShowDialog]) -> None:
        view = self.view
        if view is None or view.folio.reservation is None or not action.isEnabled():
            return
        self._show(dialog(self.ctx, view.folio.reservation, self))

    def amend(self) -> None:
        self._reservation_dialog(self.amend_action, AmendReservationDialog)

    def cancel_reservation(self) -> None:
        self._reservation_dialog(self.cancel_reservation_action, CancelReservationDialog)

    def no_show(self) -> None:
        self._reservation_dialog(self.no_show_action, NoShowDialog)

    def check_in_to_room(self) -> None:
        view = self.view
        if view is None or view.folio.reservation is None or not self.check_in_room_action.isEnabled():
            return
        open_check_in_to_room(self.ctx, view.folio.reservation.id, view.folio.reservation.number, self)

    def move_room(self) -> None:
        view = self.view
        if view is None or view.folio.reservation is None or not self.move_room_action.isEnabled():
            return
        open_move_room(self.ctx, view.folio.reservation.id, view.folio.reservation.number, self)

    def check_out(self) -> None:
        if self.card is None or not self.check_out_action.isEnabled():
            return
        self._show(dialogs.CheckOutDialog(self.ctx, self.card, self))

    def print_bill(self) -> None:
        bill = self.current_bill()
        if bill is None or not self.print_bill_action.isEnabled():
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = bill_pdf_directory() / f"bill-{bill.bill.number}-{stamp}.pdf"
        self.statusBar().showMessage(QCoreApplication.translate(
            "ReservationCard", "Preparing bill {number}…").format(number=bill.bill.number))
        self.ctx.query(self, render_bill_pdf, bill.bill.id, path, current_language()).busy(self.action_button).success(
            self._bill_printed).run()

    def issue_invoice(self) -> None:
        """The bill's invoice, numbered and frozen; the clerk is asked first, since it cannot be undone
        (only credited)."""
        bill = self.current_bill()
        if bill is None or not self.issue_invoice_action.isEnabled():
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("ReservationCard", "Issue invoice"),
                                      QCoreApplication.translate(
                                          "ReservationCard", "Issue an invoice for bill {number} to {payer}? "
                                          "An issued invoice is never changed, only credited.").format(
                                          number=bill.bill.number, payer=bill.bill.payer_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from desk.invoices.issuing import issue_invoice

        self.ctx.change(self, issue_invoice, [bill.bill.id]).busy(self.action_button).success(
            self._invoice_issued).run()

    def invoice_company_bills(self) -> None:
        """A company's folio: one invoice for the bills the clerk ticks, the selected one ticked already."""
        view = self.view
        if view is None or view.folio.company_id is None:
            return
        from ui.invoices.window import CompanyInvoiceDialog

        bill = self.current_bill()
        dialog = self.company_invoice_dialog = CompanyInvoiceDialog(
            self.ctx, view.folio.company_id, self, ticked=bill.bill.id if bill is not None else None)
        dialog.accepted.connect(self._company_bills_invoiced)
        dialog.open()

    def _company_bills_invoiced(self) -> None:
        if self.company_invoice_dialog.last_pdf is not None:  # the dialog has opened it already
            self.last_pdf = self.company_invoice_dialog.last_pdf
            self.statusBar().showMessage(QCoreApplication.translate(
                "ReservationCard", "Bill saved to {path}").format(path=self.last_pdf), 30_000)
        self.reload()

    def _invoice_issued(self, invoice: Invoice) -> None:
        from desk.invoices.pdf import invoice_file

        self.statusBar().showMessage(QCoreApplication.translate(
            "ReservationCard", "Invoice {number} issued").format(number=f"{invoice.number:010d}"), 30_000)
        self.ctx.query(self, invoice_file, invoice.id).success(self._invoice_pdf_ready).run()

    def _invoice_pdf_ready(self, made: tuple[str, bytes]) -> None:
        from ui.invoices.window import save_invoice_pdf

        self._bill_printed(save_invoice_pdf(made), invoice=True)

    def _bill_printed(self, path: Path, *, invoice: bool = False) -> None:
        self.last_pdf = Path(path)
        self.statusBar().showMessage(QCoreApplication.translate(
            "ReservationCard", "Bill saved to {path}").format(path=path), 30_000)
        title = (QCoreApplication.translate("ReservationCard", "Issue invoice") if invoice else
                 QCoreApplication.translate("ReservationCard", "Print bill"))
        text = (QCoreApplication.translate("ReservationCard", "The invoice is saved as:\n{path}") if invoice else
                QCoreApplication.translate("ReservationCard", "The bill is saved as:\n{path}")).format(path=path)
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, self)
        box.setObjectName("billSavedBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(QCoreApplication.translate(
            "ReservationCard", "&Open"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openPdfButton")
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saved = self.last_pdf

        def answered(_result: int) -> None:
            if box.clickedButton() is open_button and not open_document(saved):
                self.statusBar().showMessage(
                    QCoreApplication.translate(
                        "ReservationCard", "Bill saved to {path}; no PDF viewer could open it.").format(path=saved),
                    30_000)

        box.finished.connect(answered)
        self.bill_saved_box = box
        box.open()
