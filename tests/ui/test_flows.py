"""End-to-end flows at the desk, clicked and typed as a clerk would; each checked on screen and in the ledger."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
)
from sqlalchemy import select

import ui.dialogs.checkout as checkout_module
import ui.reservation_card.actions as card_actions
import ui.reservation_card.window as card_module
from desk.fiscal.models import ReceiptRequest
from desk.ledger.folios import BillStatus, FolioView, load_folio
from desk.ledger.lookup import reservation_by_number
from desk.ledger.models import PaymentKind, PostingKind
from desk.ledger.payments import Tender, take_payment
from desk.stays.models import ReservationStatus
from desk.stays.reservation_card import posting_details
from tests.helpers import eur
from tests.ui.conftest import folio_id_of
from ui.i18n import format_money
from ui.main_window import MainWindow
from ui.reservation_card.base import BILLS_TAB, SERVICES_TAB
from ui.reservation_card.models import DEPOSIT_ACCOUNT, BillsModel, PaymentsModel, PostingsModel
from ui.reservation_card.window import ReservationCard

CTRL = Qt.KeyboardModifier.ControlModifier
DISPLAY = Qt.ItemDataRole.DisplayRole


def ledger(database, folio_id: int) -> FolioView:
    with database.unit_of_work() as session:
        return load_folio(session, folio_id)


def cell(view: QTableView, row: int, column: int) -> str:
    model = view.model()
    return model.data(model.index(row, column), DISPLAY)


def bill_status_on_screen(card: ReservationCard, bill_id: int) -> str:
    return cell(card.bills_view, card.bills_model.row_of(bill_id), BillsModel.STATUS)


@pytest.fixture(autouse=True)
def no_pdf_viewer(monkeypatch, tmp_path):
    """PDFs go to the test's folder, and no viewer is started."""
    opened: list = []
    monkeypatch.setattr(card_actions, "bill_pdf_directory", lambda: tmp_path)
    monkeypatch.setattr(card_actions, "open_document", lambda path: opened.append(path) or True)
    monkeypatch.setattr(checkout_module, "folio_pdf_directory", lambda: tmp_path)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    return opened


@pytest.fixture
def desk(qtbot, desk_context):
    """The main window, as the clerk finds it after signing in."""
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=30_000)
    yield window
    for card in list(card_module._open_cards.values()):
        if shiboken6.isValid(card):
            card.close()


def find_and_open(qtbot, desk: MainWindow, number: str) -> ReservationCard:
    """Type the reservation number in the main window, Enter to the results, Enter to open its card."""
    search = desk.search_edit
    search.setFocus()
    qtbot.keyClicks(search, number)
    with qtbot.waitSignal(desk.search_finished, timeout=30_000):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert desk.model.rowCount() == 1
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    card: list[ReservationCard] = []

    def opened() -> bool:
        card[:] = [c for c in desk.findChildren(ReservationCard) if c.is_loaded and c.isVisible()]
        return bool(card)

    qtbot.waitUntil(opened, timeout=30_000)
    assert number in card[0].windowTitle()
    activate(qtbot, card[0])
    return card[0]


def activate(qtbot, window) -> None:
    # Asked again while waiting: a dialog closing after the first request (an X report's, say) may hand the
    # activation to another window, and offscreen Qt does not ask twice by itself.
    def active() -> bool:
        if not window.isActiveWindow():
            window.raise_()
            window.activateWindow()
        return window.isActiveWindow()

    qtbot.waitUntil(active, timeout=30_000)


def wait_dialog(qtbot, owner, name: str) -> QDialog:
    """The visible dialog called ``name`` among ``owner``'s children (nested dialogs included)."""
    found: list[QDialog] = []

    def visible() -> bool:
        found[:] = [d for d in owner.findChildren(QDialog, name) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=30_000)
    return found[0]


def wait_closed(qtbot, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=30_000)


def type_into(qtbot, dialog: QDialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def untick(dialog: QDialog, name: str) -> None:
    check = dialog.findChild(QCheckBox, name)
    if check is not None and check.isVisible():
        check.setChecked(False)


def apply(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "applyButton"), Qt.MouseButton.LeftButton)


# --- reading the card ---------------------------------------------------------------------------


def test_find_open_read_both_tabs_and_service_details(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10016")
    folio = ledger(demo_database, folio_id_of(demo_database, "R10016"))

    assert [cell(card.postings_view, r, PostingsModel.SERVICE) for r in range(len(folio.postings))] == [
        line.posting.description for line in folio.postings
    ]
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    assert [cell(card.bills_view, r, BillsModel.NUMBER) for r in range(len(folio.bills))] == [
        b.bill.number for b in folio.bills
    ]

    # Services tab, restaurant order, Enter: its details with the composition from the POS.
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(SERVICES_TAB)
    restaurant = next(line for line in folio.postings if line.posting.outlet_code == "REST")
    card.select_postings([restaurant.posting.id])
    card.postings_view.setFocus()
    qtbot.keyClick(card.postings_view, Qt.Key.Key_Return)
    details = wait_dialog(qtbot, card, "serviceDetailsDialog")
    with demo_database.unit_of_work() as session:
        composition = posting_details(session, restaurant.posting.id).items
    items = details.findChild(QTableView, "itemsView")
    assert [cell(items, r, 0) for r in range(items.model().rowCount())] == [name for name, *_ in composition]
    assert any(restaurant.posting.check_number in label.text() for label in details.findChildren(QLabel))
    qtbot.keyClick(details, Qt.Key.Key_Escape)
    wait_closed(qtbot, details)

    # Bills tab: a click in the Services column of the bill offers its orders (R5).
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    rect = card.bills_view.visualRect(card.bills_model.index(0, BillsModel.SERVICES))
    qtbot.mouseClick(card.bills_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: getattr(card, "chooser", None) is not None and card.chooser.isVisible(), timeout=30_000)
    first_order = next(a for a in card.chooser.actions() if a.data() is not None)
    order_id = first_order.data()
    first_order.trigger()
    card.chooser.close()
    details = wait_dialog(qtbot, card, "serviceDetailsDialog")
    assert details.posting_id == order_id == folio.bills[0].postings[0].posting.id
    qtbot.keyClick(details, Qt.Key.Key_Escape)


# --- charging and paying --------------------------------------------------------------------------


def test_add_a_service_from_the_catalogue(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10012")
    folio_id = card.folio_id
    before = len(ledger(demo_database, folio_id).postings)

    qtbot.keyClick(card.postings_view, Qt.Key.Key_N, CTRL)
    dialog = wait_dialog(qtbot, card, "addServiceDialog")
    combo = dialog.findChild(QComboBox, "serviceCombo")
    combo.setCurrentIndex(combo.findData("LAUNDRY"))
    type_into(qtbot, dialog, "quantityEdit", "2")
    qtbot.keyClick(dialog.findChild(QLineEdit, "quantityEdit"), Qt.Key.Key_Return)  # Enter applies
    wait_closed(qtbot, dialog)

    qtbot.waitUntil(lambda: card.postings_model.rowCount() == before + 1, timeout=30_000)
    folio = ledger(demo_database, folio_id)
    laundry = folio.postings[-1].posting
    assert (laundry.service_code, laundry.quantity, laundry.amount) == ("LAUNDRY", Decimal(2), eur("36.00"))
    assert laundry.created_by == "anna"
    row = card.postings_model.row_of(laundry.id)
    assert cell(card.postings_view, row, PostingsModel.SERVICE) == "Laundry"
    assert cell(card.postings_view, row, PostingsModel.QUANTITY) == "2"


def test_pay_a_bill_in_part_then_in_full_with_a_receipt(qtbot, desk, demo_database, fiscal_printer):
    card = find_and_open(qtbot, desk, "R10028")  # one night, EUR 160.00, not paid
    bill_id = ledger(demo_database, card.folio_id).bills[0].bill.id
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    assert bill_status_on_screen(card, bill_id) == "Not paid"

    qtbot.keyClick(card.bills_view, Qt.Key.Key_P, CTRL)
    dialog = wait_dialog(qtbot, card, "makePaymentDialog")
    type_into(qtbot, dialog, "amountEdit", "60")
    untick(dialog, "printReceiptCheck")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: bill_status_on_screen(card, bill_id) == "Partially paid", timeout=30_000)
    assert ledger(demo_database, card.folio_id).bill(bill_id).status is BillStatus.PARTIALLY_PAID
    assert card.payments_model.rowCount() == 1

    # The rest: the dialog offers the balance; with Print receipt the receipt window follows (R8).
    activate(qtbot, card)
    qtbot.keyClick(card.bills_view, Qt.Key.Key_P, CTRL)
    dialog = wait_dialog(qtbot, card, "makePaymentDialog")
    assert dialog.findChild(QLineEdit, "amountEdit").text().startswith("100")
    qtbot.keyClick(dialog.findChild(QLineEdit, "amountEdit"), Qt.Key.Key_Return)
    receipt = wait_dialog(qtbot, card, "receiptDialog")
    qtbot.waitUntil(lambda: bill_status_on_screen(card, bill_id) == "Paid", timeout=30_000)
    apply(qtbot, receipt)  # Print receipt on the first register
    wait_closed(qtbot, receipt)

    folio = ledger(demo_database, card.folio_id)
    assert folio.bill(bill_id).status is BillStatus.PAID
    assert [line.payment.amount for line in folio.bill(bill_id).payments] == [eur("60.00"), eur("100.00")]
    with demo_database.unit_of_work() as session:
        requests = session.scalars(select(ReceiptRequest)).all()
    assert [r.payment_id for r in requests] == [folio.bill(bill_id).payments[1].payment.id]
    assert card.findChild(QLabel, "balanceLabel").text() == f"Balance: {format_money(Decimal(0), 'EUR')}"


def test_take_a_deposit_and_pay_a_bill_from_it(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10031")  # not paid, no deposit
    bill_id = ledger(demo_database, card.folio_id).bills[0].bill.id

    qtbot.mouseClick(card.findChild(QPushButton, "depositButton"), Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, card, "depositDialog")
    type_into(qtbot, dialog, "amountEdit", "300")
    untick(dialog, "printReceiptCheck")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: card.bills_model.row_of(DEPOSIT_ACCOUNT) is not None, timeout=30_000)
    assert "300.00" in card.findChild(QLabel, "depositLabel").text()
    assert ledger(demo_database, card.folio_id).deposit_balance == eur("300.00")

    activate(qtbot, card)
    qtbot.keyClick(card.postings_view, Qt.Key.Key_D, CTRL)
    dialog = wait_dialog(qtbot, card, "depositDialog")
    dialog.findChild(QTabWidget, "depositTabs").setCurrentIndex(1)  # Pay a bill from the deposit
    combo = dialog.findChild(QComboBox, "billCombo")
    assert combo.currentData() == bill_id
    apply(qtbot, dialog)  # the offered amount: all the deposit holds (the bill owes more)
    wait_closed(qtbot, dialog)

    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    qtbot.waitUntil(lambda: bill_status_on_screen(card, bill_id) == "Partially paid", timeout=30_000)
    folio = ledger(demo_database, card.folio_id)
    assert folio.deposit_balance == eur("0.00")
    assert folio.bill(bill_id).paid == eur("300.00")
    assert "0.00" in card.findChild(QLabel, "depositLabel").text()
    card.select_bill(bill_id)
    assert cell(card.payments_view, 0, PaymentsModel.TYPE) == "From deposit"


def test_refund_back_to_the_payer_and_into_the_deposit(qtbot, desk, desk_context, demo_database, cashier):
    desk_context.set_actor(cashier)  # a cashier refunds without a manager
    folio_id = folio_id_of(demo_database, "R10034")
    bill_id = ledger(demo_database, folio_id).bills[0].bill.id
    with demo_database.writing() as session:  # the guest paid by card this morning
        paid = take_payment(session, cashier, bill_id, Tender("card", eur("100.00"), text="AUTH 5"))
    card = find_and_open(qtbot, desk, "R10034")
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    card.select_bill(bill_id)
    assert not card.make_refund_action.isEnabled()
    card.select_payment(paid.id)

    # Back to the payer, on the card it came from.
    qtbot.keyClick(card.payments_view, Qt.Key.Key_R, CTRL)
    dialog = wait_dialog(qtbot, card, "makeRefundDialog")
    assert dialog.findChild(QRadioButton, "directionPayer").isChecked()
    type_into(qtbot, dialog, "amountEdit", "30")
    type_into(qtbot, dialog, "reasonEdit", "Minibar charged twice")
    untick(dialog, "printReceiptCheck")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: card.payments_model.rowCount() == 2, timeout=30_000)
    refund_row = card.payments_model.rowCount() - 1
    assert cell(card.payments_view, refund_row, PaymentsModel.TYPE) == "Refund"
    assert "-30.00" in cell(card.payments_view, refund_row, PaymentsModel.AMOUNT).replace("\u2212", "-")

    # Into the guest's deposit, for later bills.
    activate(qtbot, card)
    card.select_payment(paid.id)
    qtbot.keyClick(card.payments_view, Qt.Key.Key_R, CTRL)
    dialog = wait_dialog(qtbot, card, "makeRefundDialog")
    dialog.findChild(QRadioButton, "directionDeposit").setChecked(True)
    type_into(qtbot, dialog, "amountEdit", "20")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: card.bills_model.row_of(DEPOSIT_ACCOUNT) is not None, timeout=30_000)

    folio = ledger(demo_database, folio_id)
    refunds = [line.payment for line in folio.bill(bill_id).payments if line.payment.kind is PaymentKind.REFUND]
    assert [r.amount for r in refunds] == [eur("-30.00"), eur("-20.00")]
    assert refunds[0].reason == "Minibar charged twice"
    assert folio.payment(paid.id).refundable == eur("50.00")
    assert folio.deposit_balance == eur("20.00")
    assert "20.00" in card.findChild(QLabel, "depositLabel").text()
    assert card.current_payment_id() == paid.id  # the selection survived both reloads


# --- bills -----------------------------------------------------------------------------------------


def test_move_a_service_to_another_bill_then_split_a_bill(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10016")  # the guest's bill and the company's
    folio = ledger(demo_database, card.folio_id)
    guest_bill, company_bill = (b.bill.id for b in folio.bills)
    minibar = next(line for line in folio.bill(guest_bill).postings if line.posting.description.startswith("Minibar"))

    card.select_postings([minibar.posting.id])
    card.postings_view.setFocus()
    qtbot.keyClick(card.postings_view, Qt.Key.Key_M, CTRL)
    dialog = wait_dialog(qtbot, card, "moveServicesDialog")
    combo = dialog.findChild(QComboBox, "billCombo")
    assert combo.currentData() == company_bill
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    company_number = folio.bill(company_bill).bill.number
    row = card.postings_model.row_of(minibar.posting.id)
    qtbot.waitUntil(lambda: cell(card.postings_view, row, PostingsModel.BILL) == company_number, timeout=30_000)
    assert ledger(demo_database, card.folio_id).posting(minibar.posting.id).bill_id == company_bill

    # Split the guest's bill: the restaurant order goes to a new bill for the guest's colleague.
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    card.select_bill(guest_bill)
    activate(qtbot, card)
    qtbot.keyClick(card.bills_view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = wait_dialog(qtbot, card, "splitBillDialog")
    postings = dialog.findChild(QListWidget, "postingsList")
    restaurant = next(postings.item(r) for r in range(postings.count()) if "Restaurant" in postings.item(r).text())
    restaurant.setCheckState(Qt.CheckState.Checked)
    dialog.findChild(QRadioButton, "payerName").setChecked(True)
    type_into(qtbot, dialog, "payerNameEdit", "Maria Keller")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: card.bills_model.rowCount() == 3, timeout=30_000)

    after = ledger(demo_database, card.folio_id)
    new_bill = after.bills[2]
    assert new_bill.bill.payer_name == "Maria Keller"
    assert [line.posting.description for line in new_bill.postings] == ["Restaurant"]
    assert cell(card.bills_view, 2, BillsModel.PAYER) == "Maria Keller"
    assert cell(card.bills_view, 2, BillsModel.STATUS) == "Not paid"
    assert card.current_bill_id() == guest_bill  # the clerk's bill stays selected


def test_void_a_service_with_a_managers_credentials(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10012")
    folio = ledger(demo_database, card.folio_id)
    charge = next(line for line in folio.postings if line.is_active and line.posting.service_code != "ROOM")
    card.select_postings([charge.posting.id])
    card.postings_view.setFocus()
    qtbot.keyClick(card.postings_view, Qt.Key.Key_Delete, CTRL)
    dialog = wait_dialog(qtbot, card, "voidDialog")
    type_into(qtbot, dialog, "reasonEdit", "Posted to the wrong room")
    type_into(qtbot, dialog, "usernameEdit", "maria")
    type_into(qtbot, dialog, "passwordEdit", "guess")
    apply(qtbot, dialog)
    error = dialog.findChild(QLabel, "passwordError")
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    assert "Wrong user name or password" in error.text()
    assert ledger(demo_database, card.folio_id).posting(charge.posting.id).reversed_by is None

    type_into(qtbot, dialog, "passwordEdit", "manager")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    model = card.postings_model
    index = model.index(model.row_of(charge.posting.id), PostingsModel.SERVICE)
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.FontRole) is not None, timeout=30_000)
    assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Voided by anna" in tooltip and "Authorised by maria." in tooltip and "Posted to the wrong room" in tooltip
    void = ledger(demo_database, card.folio_id).posting(charge.posting.id).reversed_by
    assert (void.kind, void.authorised_by, void.reason) == (PostingKind.VOID, "maria", "Posted to the wrong room")


# --- leaving ---------------------------------------------------------------------------------------


def test_check_out_is_refused_while_a_bill_is_open_then_allowed_after_payment(qtbot, desk, demo_database,
                                                                              no_pdf_viewer):
    card = find_and_open(qtbot, desk, "R10028")  # EUR 160.00 not paid
    qtbot.mouseClick(card.findChild(QPushButton, "checkOutButton"), Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, card, "checkOutDialog")
    check_out_button = dialog.findChild(QPushButton, "applyButton")
    assert not check_out_button.isEnabled()
    assert "owes" in dialog.findChild(QLabel, "statusLabel").text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not check the guest out either
    with demo_database.unit_of_work() as session:
        assert reservation_by_number(session, "R10028").status is ReservationStatus.IN_HOUSE

    qtbot.mouseClick(dialog.findChild(QPushButton, "payButton"), Qt.MouseButton.LeftButton)
    payment = wait_dialog(qtbot, dialog, "makePaymentDialog")
    untick(payment, "printReceiptCheck")
    apply(qtbot, payment)  # the whole balance, offered by default
    wait_closed(qtbot, payment)
    qtbot.waitUntil(check_out_button.isEnabled, timeout=30_000)
    qtbot.mouseClick(check_out_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)

    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "Checked out", timeout=30_000)
    with demo_database.unit_of_work() as session:
        assert reservation_by_number(session, "R10028").status is ReservationStatus.CHECKED_OUT
    assert not card.make_payment_action.isEnabled() and not card.check_out_action.isEnabled()
    assert any("folio-R10028.pdf" in str(item) for item in no_pdf_viewer)


def test_check_out_with_a_managers_override(qtbot, desk, demo_database):
    card = find_and_open(qtbot, desk, "R10031")
    qtbot.keyClick(card.postings_view, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = wait_dialog(qtbot, card, "checkOutDialog")
    dialog.findChild(QGroupBox, "overrideGroup").setChecked(True)
    type_into(qtbot, dialog, "reasonEdit", "Company pays by invoice next week")
    type_into(qtbot, dialog, "usernameEdit", "maria")
    type_into(qtbot, dialog, "passwordEdit", "manager")
    apply(qtbot, dialog)
    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "Checked out", timeout=30_000)
    with demo_database.unit_of_work() as session:
        reservation = reservation_by_number(session, "R10031")
        assert reservation.status is ReservationStatus.CHECKED_OUT
        assert reservation.checkout_authorised_by == "maria"
        assert reservation.checkout_note == "Company pays by invoice next week"
    assert ledger(demo_database, card.folio_id).bills[0].balance.is_positive  # left open, on purpose
