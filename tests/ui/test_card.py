"""The reservation card window: what it shows, what its actions open, and how it reloads."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QPushButton, QTabWidget, QWidget

import ui.reservation_card.actions as card_actions
from desk.core.money import Money
from desk.hotel.catalogue import add_service
from desk.ledger.folios import BillStatus, FolioView, load_folio
from desk.ledger.lookup import reservation_by_number
from desk.ledger.models import Folio
from desk.ledger.payments import Tender, apply_deposit, refund_payment, take_deposit, take_payment
from desk.ledger.postings import post_service, reverse_posting
from desk.people.models import Role
from desk.stays.companies import add_company
from desk.stays.models import ReservationStatus
from tests.actors import MANAGER_APPROVAL, signed_in
from tests.helpers import eur
from tests.ui.conftest import folio_id_of
from ui import dialogs
from ui.i18n import format_money
from ui.reservation_card.base import BILLS_TAB, SERVICES_TAB
from ui.reservation_card.models import DEPOSIT_ACCOUNT, BillsModel, PostingsModel
from ui.reservation_card.window import ReservationCard, open_reservation_card

DISPLAY = Qt.ItemDataRole.DisplayRole
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier



@pytest.fixture
def other_desk(demo_database):
    """Another workstation writing to the same database: the cashier Ivan at FRONT-2."""
    return signed_in(demo_database, Role.CASHIER, "FRONT-2")


def view_of(database, folio_id: int) -> FolioView:
    with database.unit_of_work() as session:
        return load_folio(session, folio_id)


def cells(view, column: int) -> list[str]:
    model = view.model()
    return [model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def show_card(desk_context, card_opener):
    """Open a folio's card as the desk does, and wait until the clerk can read it."""
    return lambda folio_id: card_opener(desk_context, folio_id)


class FakeDialog(QDialog):
    """Stands for a dialog of ui.dialogs: records how the card opened it."""

    opened: list[tuple[str, tuple, dict]] = []

    def __init__(self, name: str, *args, **kwargs) -> None:
        parent = kwargs.get("parent", args[-1] if args and isinstance(args[-1], QWidget) else None)
        super().__init__(parent)
        self.setObjectName(name)
        self.args, self.kwargs = args, kwargs

    def open(self) -> None:
        FakeDialog.opened.append((self.objectName(), self.args[1:], self.kwargs))


@pytest.fixture
def fake_dialogs(monkeypatch):
    FakeDialog.opened = []
    for name in ("ServiceDetailsDialog", "MakePaymentDialog", "MakeRefundDialog", "MoveServicesDialog",
                 "SplitBillDialog", "VoidDialog", "AddServiceDialog", "DepositDialog", "CheckOutDialog",
                 "ReceiptDialog"):
        monkeypatch.setattr(dialogs, name, lambda *a, _n=name, **k: FakeDialog(_n, *a, **k))
    return FakeDialog.opened


# --- what the card shows ------------------------------------------------------------------------


def test_card_of_an_in_house_guest_shows_header_and_both_tabs_as_the_ledger_has_them(show_card, demo_database):
    folio_id = folio_id_of(demo_database, "R10016")
    card = show_card(folio_id)
    view = view_of(demo_database, folio_id)

    assert card.findChild(QLabel, "ownerLabel").text() == "Thomas Wright"
    details = card.findChild(QLabel, "detailsLabel").text()
    assert "Reservation R10016" in details and "Room 405" in details
    assert card.findChild(QLabel, "statusLabel").text() == "In house"
    assert card.findChild(QLabel, "balanceLabel").text() == f"Balance: {format_money(view.balance.amount, 'EUR')}"
    # The balance in each other accepted currency, at the hotel's rates (USD 0.92 EUR).
    usd = Money.rounded(view.balance.amount / card.card.rates["USD"], "USD")
    assert format_money(usd.amount, "USD") in card.findChild(QLabel, "equivalentsLabel").text()
    deposit = format_money(view.deposit_balance.amount, "EUR")
    assert card.findChild(QLabel, "depositLabel").text() == f"Deposit: {deposit}"
    assert "R10016" in card.windowTitle()

    tabs = card.findChild(QTabWidget, "breakdownTabs")
    assert tabs.tabText(SERVICES_TAB).replace("&", "") == "Accommodation and services"
    assert tabs.tabText(BILLS_TAB).replace("&", "") == "Bills and payments"
    postings = card.postings_view
    assert postings.isVisible()
    assert cells(postings, PostingsModel.SERVICE) == [line.posting.description for line in view.postings]
    tabs.setCurrentIndex(BILLS_TAB)
    assert card.bills_view.isVisible()
    assert cells(card.bills_view, BillsModel.NUMBER) == [b.bill.number for b in view.bills]
    assert cells(card.bills_view, BillsModel.STATUS) == ["Not paid", "Not paid"]
    assert [b.status for b in view.bills] == [BillStatus.NOT_PAID, BillStatus.NOT_PAID]
    assert cells(card.bills_view, BillsModel.PAYER)[1] == "Danube Logistics GmbH"
    # The first bill is selected, and its (no) payments are shown below.
    assert card.current_bill_id() == view.bills[0].bill.id
    assert "000017" in card.findChild(QLabel, "paymentsLabel").text()

    # The Credit card section is laid out, empty until card payments land.
    assert card.findChild(QWidget, "savedCardsView").isVisible()
    assert card.findChild(QLabel, "noSavedCardsLabel").isVisible()
    assert card.findChild(QLabel, "noSavedCardsLabel").text() == "No saved cards"
    assert card.findChild(QLabel, "noPreAuthorisationsLabel").isVisible()
    assert card.findChild(QPushButton, "checkOutButton").isEnabled()
    assert not card.findChild(QPushButton, "checkInButton").isEnabled()


def test_reversed_lines_are_struck_out_on_the_card_with_who_and_why(show_card, demo_database):
    manager = signed_in(demo_database, Role.MANAGER, "FRONT-2")
    folio_id = folio_id_of(demo_database, "R10012")
    with demo_database.writing() as session:
        bill_id = load_folio(session, folio_id).bills[0].bill.id
        spa = post_service(session, manager, bill_id=bill_id, service_code="SPA")
        reversal = reverse_posting(session, manager, spa.id, reason="Guest cancelled the spa visit")
    card = show_card(folio_id)

    model = card.postings_view.model()
    for posting_id in (spa.id, reversal.id):
        index = model.index(model.row_of(posting_id), PostingsModel.SERVICE)
        assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
        tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert "Reversed by maria" in tooltip and "Guest cancelled the spa visit" in tooltip
    card.select_postings([spa.id])
    assert not card.void_action.isEnabled()  # a reversed charge cannot be voided again


def test_reopening_a_card_raises_the_same_window(show_card, desk_context, demo_database):
    folio_id = folio_id_of(demo_database, "R10012")
    card = show_card(folio_id)
    assert open_reservation_card(desk_context, folio_id) is card
    other = show_card(folio_id_of(demo_database, "R10013"))
    assert other is not card
    card.close()
    reopened = show_card(folio_id)
    assert reopened is not card


def test_company_and_walk_in_cards_show_the_owner_and_no_check_in_or_out(show_card, demo_database):
    with demo_database.unit_of_work() as session:
        company_folio = session.query(Folio).filter(Folio.company_id.is_not(None)).first().id
        walk_in_folio = session.query(Folio).filter(Folio.walk_in_name == "Peter Novak").one().id
    company = show_card(company_folio)
    assert company.findChild(QLabel, "ownerLabel").text() == "Balkan Travel Ltd"
    assert company.findChild(QLabel, "detailsLabel").text() == "Company account"
    assert not company.findChild(QPushButton, "checkInButton").isVisible()
    assert not company.findChild(QPushButton, "checkOutButton").isVisible()
    assert not company.pre_authorisations_view.isVisible()  # R14: company profiles do not show them
    assert company.postings_view.model().rowCount() == 1

    walk_in = show_card(walk_in_folio)
    assert walk_in.findChild(QLabel, "ownerLabel").text() == "Peter Novak"
    assert walk_in.findChild(QLabel, "detailsLabel").text() == "Walk-in client"
    assert not walk_in.findChild(QLabel, "statusLabel").isVisible()
    assert walk_in.make_payment_action.isEnabled()


def test_a_folio_that_does_not_exist_shows_an_error_and_no_card(qtbot, desk_context):
    parent = QWidget()
    qtbot.addWidget(parent)
    card = open_reservation_card(desk_context, 987654, parent)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "opErrorBox") is not None, timeout=30_000)
    assert "987654" in parent.findChild(QMessageBox, "opErrorBox").text()
    qtbot.waitUntil(lambda: not shiboken6.isValid(card), timeout=30_000)


# --- reloading ----------------------------------------------------------------------------------


def test_reload_after_another_workstation_writes_keeps_tab_bill_rows_and_scroll(
    other_desk, qtbot, show_card, desk_context, demo_database
):
    folio_id = folio_id_of(demo_database, "R10016")
    with demo_database.writing() as session:
        guest_bill = load_folio(session, folio_id).bills[0].bill.id
        for _ in range(40):  # enough rows to scroll
            post_service(session, other_desk, bill_id=guest_bill, service_code="MB-WATER")
    card = show_card(folio_id)
    company_bill = view_of(demo_database, folio_id).bills[1].bill.id

    # On the services tab: two postings far down selected, then scrolled back up to read the top.
    chosen = [card.postings_model.id_at(30), card.postings_model.id_at(31)]
    card.select_postings(chosen)
    scroll = card.postings_view.verticalScrollBar()
    assert scroll.value() > 0  # selecting scrolled to them
    scroll.setValue(3)
    with demo_database.writing() as session:  # another workstation posts a service
        post_service(session, other_desk, bill_id=guest_bill, service_code="PARKING")
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))
    assert card.postings_model.rowCount() == len(view_of(demo_database, folio_id).postings)
    assert card.selected_posting_ids() == chosen
    assert scroll.value() == 3

    # On the bills tab: the company's bill.
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.select_bill(company_bill)
    assert card.current_bill_id() == company_bill
    with demo_database.writing() as session:  # the other workstation takes a part payment
        take_payment(session, other_desk, company_bill, Tender("transfer", eur("100.00"), text="Bank ref 77"))
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))

    assert card.tabs.currentIndex() == BILLS_TAB
    assert card.current_bill_id() == company_bill
    row = card.bills_model.row_of(company_bill)
    assert card.bills_model.data(card.bills_model.index(row, BillsModel.STATUS), DISPLAY) == "Partially paid"
    assert cells(card.payments_view, 5) == ["Bank ref 77"]  # the payments below follow the kept bill
    assert card.selected_posting_ids() == chosen
    assert scroll.value() == 3


def every_cell(card: ReservationCard) -> list[list[str]]:
    """What the clerk reads in the card's tables, each bill's payments included."""
    shown = [cells(view, column) for view in (card.postings_view, card.bills_view)
             for column in range(view.model().columnCount())]
    for bill in card.view.bills:
        card.select_bill(bill.bill.id)
        shown += [cells(card.payments_view, column) for column in range(card.payments_view.model().columnCount())]
    return shown


def test_a_reload_shows_what_a_fresh_card_shows_and_other_cards_stay_as_they_are(
    other_desk, qtbot, show_card, desk_context, demo_database
):
    folio_id = folio_id_of(demo_database, "R10016")
    card = show_card(folio_id)
    other = show_card(folio_id_of(demo_database, "R10012"))
    other_reloads: list[None] = []
    other.loaded.connect(lambda: other_reloads.append(None))
    guest_bill, company_bill = (bill.bill.id for bill in view_of(demo_database, folio_id).bills[:2])
    manager = signed_in(demo_database, Role.MANAGER, "OTHER-2")
    with demo_database.writing() as session:  # another workstation: a posting, a payment, a transfer
        posted = post_service(session, other_desk, bill_id=guest_bill, service_code="PARKING")
        take_payment(session, other_desk, guest_bill, Tender("cash", eur("3.00")))
        reverse_posting(session, manager, posted.id, reason="wrong room")
        take_payment(session, other_desk, company_bill, Tender("transfer", eur("10.00"), text="Bank ref 78"))
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))
    reloaded = every_cell(card)
    card.close()

    fresh = show_card(folio_id)
    assert fresh is not card
    assert reloaded == every_cell(fresh)
    assert other_reloads == []


def test_reloads_asked_for_while_loading_end_with_the_newest_data(
    other_desk, qtbot, show_card, desk_context, demo_database
):
    folio_id = folio_id_of(demo_database, "R10012")
    card = show_card(folio_id)
    bill_id = card.current_bill_id()
    with demo_database.writing() as session:
        take_payment(session, other_desk, bill_id, Tender("cash", eur("1.00")))
    card.reload()
    with demo_database.writing() as session:
        take_payment(session, other_desk, bill_id, Tender("cash", eur("2.00")))
    desk_context.folios_changed.emit(frozenset({folio_id}))  # arrives while the first reload runs
    expected = view_of(demo_database, folio_id).bill(bill_id).paid
    qtbot.waitUntil(lambda: card.view.bill(bill_id).paid == expected, timeout=30_000)
    assert card.bills_model.data(card.bills_model.index(0, BillsModel.PAID), DISPLAY) == format_money(
        expected.amount, "EUR")


# --- actions ------------------------------------------------------------------------------------


def test_action_menu_acts_on_the_selected_bill_by_keyboard(qtbot, show_card, demo_database, fake_dialogs):
    folio_id = folio_id_of(demo_database, "R10016")
    card = show_card(folio_id)
    view = view_of(demo_database, folio_id)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow, timeout=30_000)
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.select_bill(view.bills[1].bill.id)

    qtbot.keyClick(card.bills_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs[-1][0] == "MakePaymentDialog"
    assert fake_dialogs[-1][1][0] is card.card and fake_dialogs[-1][1][1] == view.bills[1].bill.id

    qtbot.keyClick(card.bills_view, Qt.Key.Key_S, CTRL_SHIFT)
    assert fake_dialogs[-1][0] == "SplitBillDialog" and fake_dialogs[-1][1][1] == view.bills[1].bill.id
    qtbot.keyClick(card.bills_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # all the bill's services
    assert fake_dialogs[-1][0] == "MoveServicesDialog"
    assert fake_dialogs[-1][1][2] == [line.posting.id for line in view.bills[1].postings if line.is_active]

    # On the services tab the bill is the selected posting's; Move takes the selected postings along.
    card.tabs.setCurrentIndex(SERVICES_TAB)
    guest_lines = [line for line in view.postings if line.bill_id == view.bills[0].bill.id and line.is_active]
    card.select_postings([line.posting.id for line in guest_lines[:2]])
    assert card.current_bill_id() == view.bills[0].bill.id
    qtbot.keyClick(card.postings_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    name, args, _ = fake_dialogs[-1]
    assert name == "MoveServicesDialog"
    assert args[1] == view.bills[0].bill.id and args[2] == [line.posting.id for line in guest_lines[:2]]

    card.select_postings([guest_lines[0].posting.id])
    qtbot.keyClick(card.postings_view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs[-1][0] == "VoidDialog" and fake_dialogs[-1][2]["posting_id"] == guest_lines[0].posting.id

    qtbot.keyClick(card.postings_view, Qt.Key.Key_Return)  # Enter on a posting: its details
    assert fake_dialogs[-1][0] == "ServiceDetailsDialog" and fake_dialogs[-1][1][0] == guest_lines[0].posting.id

    qtbot.keyClick(card.postings_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs[-1][0] == "AddServiceDialog" and fake_dialogs[-1][1][1] == view.bills[0].bill.id
    qtbot.keyClick(card.postings_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs[-1][0] == "DepositDialog"
    qtbot.keyClick(card.postings_view, Qt.Key.Key_O, CTRL_SHIFT)
    assert fake_dialogs[-1][0] == "CheckOutDialog"

    # The same actions are in the menu bar and behind the Action button.
    menu_bar_actions = {a.objectName() for m in card.menuBar().findChildren(QMenu) for a in m.actions()}
    button_actions = {a.objectName() for a in card.action_button.menu().actions() if a.objectName()}
    assert button_actions <= menu_bar_actions
    assert {"makePaymentAction", "makeRefundAction", "moveServicesAction", "splitBillAction", "printBillAction",
            "voidAction", "viewDetailsAction"} <= button_actions

    with qtbot.waitSignal(card.loaded, timeout=30_000):  # F5 reloads
        qtbot.keyClick(card.postings_view, Qt.Key.Key_F5)
    qtbot.keyClick(card.postings_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(card) or not card.isVisible(), timeout=30_000)


def test_refund_and_void_of_a_payment_need_it_selected(other_desk, qtbot, show_card, demo_database, fake_dialogs):
    folio_id = folio_id_of(demo_database, "R10012")  # part-paid in cash
    with demo_database.writing() as session:
        view = load_folio(session, folio_id)
        bill_id = view.bills[0].bill.id
        paid = view.bill(bill_id).payments[0].payment
        refund_payment(session, other_desk, paid.id, paid.amount)  # fully refunded: nothing left to refund
        card_payment = take_payment(session, other_desk, bill_id, Tender("card", eur("30.00"), text="AUTH 1"))
    card = show_card(folio_id)
    card.tabs.setCurrentIndex(BILLS_TAB)
    assert card.current_payment_id() is None
    assert not card.make_refund_action.isEnabled()
    assert not card.void_action.isEnabled()

    card.select_payment(paid.id)
    assert not card.make_refund_action.isEnabled()  # already refunded in full
    assert not card.void_action.isEnabled()  # its refund must be voided first

    card.select_payment(card_payment.id)
    assert card.make_refund_action.isEnabled() and card.void_action.isEnabled()
    card.make_refund_action.trigger()
    assert fake_dialogs[-1][0] == "MakeRefundDialog" and fake_dialogs[-1][1][1] == card_payment.id
    card.void_action.trigger()
    assert fake_dialogs[-1][0] == "VoidDialog" and fake_dialogs[-1][2]["payment_id"] == card_payment.id
    card.print_receipt_action.trigger()
    assert fake_dialogs[-1][0] == "ReceiptDialog" and fake_dialogs[-1][1][1] == card_payment.id

    # Moving to the services tab: the payment is out of sight, so is refunding it.
    card.tabs.setCurrentIndex(SERVICES_TAB)
    assert not card.make_refund_action.isEnabled()


def test_clicking_a_bills_services_opens_its_details_or_a_choice_of_its_orders(qtbot, show_card, demo_database,
                                                                              fake_dialogs):
    folio_id = folio_id_of(demo_database, "R10016")
    view = view_of(demo_database, folio_id)
    card = show_card(folio_id)
    card.tabs.setCurrentIndex(BILLS_TAB)
    bills = card.bills_view

    def click_services(row: int) -> None:
        rect = bills.visualRect(card.bills_model.index(row, BillsModel.SERVICES))
        qtbot.mouseClick(bills.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    # The guest's bill has several orders: a menu of them, the restaurant check first.
    click_services(0)
    qtbot.waitUntil(lambda: card.findChild(QMenu, "serviceChooser") is not None, timeout=30_000)
    chooser = card.findChild(QMenu, "serviceChooser")
    orders = [a for a in chooser.actions() if a.data() is not None]
    charges = [line for line in view.bills[0].postings if line.posting.kind.value == "charge"]
    assert [a.data() for a in orders] == [line.posting.id for line in charges]
    assert "Restaurant Panorama, check" in orders[0].text()
    orders[0].trigger()
    assert fake_dialogs[-1][0] == "ServiceDetailsDialog" and fake_dialogs[-1][1][0] == charges[0].posting.id
    chooser.close()

    # Clicking elsewhere on a bill only selects it.
    count = len(fake_dialogs)
    rect = bills.visualRect(card.bills_model.index(1, BillsModel.PAYER))
    qtbot.mouseClick(bills.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert card.current_bill_id() == view.bills[1].bill.id and len(fake_dialogs) == count


def test_a_bill_with_one_order_opens_its_details_directly(qtbot, show_card, demo_database, fake_dialogs):
    with demo_database.unit_of_work() as session:
        walk_in = session.query(Folio).filter(Folio.walk_in_name == "Peter Novak").one().id
    view = view_of(demo_database, walk_in)
    card = show_card(walk_in)
    card.tabs.setCurrentIndex(BILLS_TAB)
    rect = card.bills_view.visualRect(card.bills_model.index(0, BillsModel.SERVICES))
    qtbot.mouseClick(card.bills_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert fake_dialogs[-1][0] == "ServiceDetailsDialog"
    assert fake_dialogs[-1][1][0] == view.postings[0].posting.id


def test_check_in_from_the_card(qtbot, show_card, demo_database):
    folio_id = folio_id_of(demo_database, "R10035")  # confirmed, arriving today, with a room
    card = show_card(folio_id)
    button = card.findChild(QPushButton, "checkInButton")
    assert button.isVisible() and button.isEnabled()
    assert card.findChild(QLabel, "statusLabel").text() == "Confirmed"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "In house", timeout=30_000)
    with demo_database.unit_of_work() as session:
        assert reservation_by_number(session, "R10035").status is ReservationStatus.IN_HOUSE
    assert not button.isEnabled()
    assert card.findChild(QPushButton, "checkOutButton").isEnabled()


def test_print_bill_renders_a_pdf_and_opens_it(qtbot, show_card, demo_database, tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(card_actions, "bill_pdf_directory", lambda: tmp_path)
    monkeypatch.setattr(card_actions, "open_document", lambda path: opened.append(path) or True)
    card = show_card(folio_id_of(demo_database, "R10016"))
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.print_bill_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(QMessageBox, "billSavedBox") is not None, timeout=30_000)
    box = card.findChild(QMessageBox, "billSavedBox")
    saved = card.last_pdf
    assert saved.parent == tmp_path and "000017" in saved.name
    assert saved.read_bytes().startswith(b"%PDF")
    assert str(saved) in box.text() and str(saved) in card.statusBar().currentMessage()
    assert opened == []  # the clerk decides whether to open it
    qtbot.mouseClick(box.findChild(QPushButton, "openPdfButton"), Qt.MouseButton.LeftButton)
    assert opened == [saved]


def test_bills_are_saved_in_the_documents_folder_or_the_configured_one(tmp_path, monkeypatch):
    from desk.reports import documents_folder

    monkeypatch.delenv("DESK_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Docs"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert card_actions.bill_pdf_directory().is_relative_to(tmp_path)
    assert card_actions.bill_pdf_directory().name == "Front desk"
    monkeypatch.setenv("DESK_DOCUMENTS_DIR", str(tmp_path / "shared" / "bills"))
    assert documents_folder() == tmp_path / "shared" / "bills"
    assert documents_folder().is_dir()


def test_a_checked_out_card_is_read_only(show_card, demo_database):
    card = show_card(folio_id_of(demo_database, "R10001"))
    assert card.findChild(QLabel, "statusLabel").text() == "Checked out"
    for action in (card.make_payment_action, card.add_service_action, card.deposit_action, card.split_bill_action,
                   card.move_services_action, card.check_in_action, card.check_out_action):
        assert not action.isEnabled(), action.objectName()
    assert card.print_bill_action.isEnabled()


def test_manager_authorised_void_by_another_desk_shows_on_reload(
    other_desk, qtbot, show_card, desk_context, demo_database
):
    folio_id = folio_id_of(demo_database, "R10012")
    card = show_card(folio_id)
    line = next(line for line in card.view.postings if line.is_active)
    from desk.ledger.postings import void_posting

    with demo_database.writing() as session:
        void_posting(session, other_desk, line.posting.id, reason="Wrong room", approval=MANAGER_APPROVAL)
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))
    model = card.postings_model
    index = model.index(model.row_of(line.posting.id), PostingsModel.AMOUNT)
    assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert "Authorised by maria." in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert card.postings_view.viewport().rect().contains(QPoint(1, 1))


# --- columns follow the data ---------------------------------------------------------------------


def _fits(view, column: int) -> bool:
    model = view.model()
    widest = max(view.fontMetrics().horizontalAdvance(model.data(model.index(row, column), DISPLAY))
                 for row in range(model.rowCount()))
    return view.horizontalHeader().sectionSize(column) >= widest


def test_amount_columns_grow_with_the_amounts_after_a_reload(qtbot, show_card, desk_context, demo_database,
                                                             other_desk):
    from desk.ledger.postings import post_charge
    from ui.reservation_card.models import PaymentsModel

    folio_id = folio_id_of(demo_database, "R10012")
    card = show_card(folio_id)
    card.tabs.setCurrentIndex(BILLS_TAB)
    bill_id = card.current_bill_id()
    card.bills_view.horizontalHeader().resizeSection(BillsModel.PAYER, 333)  # the clerk widened it
    with demo_database.writing() as session:
        post_charge(session, other_desk, bill_id=bill_id, description="Wedding hall", quantity=1,
                    unit_price=eur("1234567.89"))
        take_payment(session, other_desk, bill_id, Tender("transfer", eur("1000000.00"), text="Bank ref 1"))
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))
    for column in (BillsModel.AMOUNT, BillsModel.PAID, BillsModel.BALANCE):
        assert _fits(card.bills_view, column), column
    for column in (PaymentsModel.AMOUNT, PaymentsModel.BASE_AMOUNT):
        assert _fits(card.payments_view, column), column
    assert card.bills_view.horizontalHeader().sectionSize(BillsModel.PAYER) == 333


def test_services_footer_counts_what_still_counts_and_reconciles(qtbot, show_card, desk_context, demo_database,
                                                                  manager):
    folio_id = folio_id_of(demo_database, "R10012")
    card = show_card(folio_id)
    view = view_of(demo_database, folio_id)
    active = sum(1 for line in view.postings if line.is_active)
    charged = sum((b.charges for b in view.bills), eur("0"))
    footer = card.findChild(QLabel, "postingsTotalLabel").text()
    assert footer.startswith(f"{active} services")
    assert format_money(charged.amount, "EUR") in footer
    assert format_money((charged - view.balance).amount, "EUR") in footer
    assert format_money(view.balance.amount, "EUR") in footer
    # A reversed service and its reversal are no longer counted.
    line = next(line for line in view.postings if line.is_active)
    with demo_database.writing() as session:
        reverse_posting(session, manager, line.posting.id, reason="not taken")
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.folios_changed.emit(frozenset({folio_id}))
    assert card.findChild(QLabel, "postingsTotalLabel").text().startswith(f"{active - 1} services")


def test_void_is_offered_only_where_desk_would_void(other_desk, qtbot, show_card, demo_database):
    folio_id = folio_id_of(demo_database, "R10012")
    with demo_database.writing() as session:
        bill_id = load_folio(session, folio_id).bills[0].bill.id
        deposit = take_deposit(session, other_desk, folio_id, Tender("cash", eur("20.00")))
        apply_deposit(session, other_desk, bill_id, eur("20.00"))  # the deposit is used up
    card = show_card(folio_id)
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.select_bill(DEPOSIT_ACCOUNT)  # the deposit account's payments
    card.select_payment(deposit.id)
    assert card.current_payment_id() == deposit.id
    assert not card.void_action.isEnabled()  # desk: "The deposit was already used"


# --- the catalogues, and the memory of closed cards (issue 23) ------------------------------------


def test_open_cards_share_one_copy_of_the_catalogues(show_card, desk_context, demo_database):
    first = show_card(folio_id_of(demo_database, "R10016"))
    second = show_card(folio_id_of(demo_database, "R10012"))

    assert first.card.catalogues is second.card.catalogues is desk_context.card_catalogues
    assert first.card.companies and first.card.services


def test_a_service_and_a_company_added_at_another_workstation_reach_the_next_dialog_opened(
    qtbot, show_card, desk_context, demo_database
):
    card = show_card(folio_id_of(demo_database, "R10016"))
    desk_context.check_for_changes()  # the first poll only takes the stamp
    qtbot.waitUntil(lambda: desk_context.watching_since is not None, timeout=30_000)
    manager = signed_in(demo_database, Role.MANAGER, "OTHER-2")
    with demo_database.writing() as session:  # no folio changes: only the poll can tell the card
        add_service(session, manager, "SPA-VISIT", "Spa visit", eur("30.00"), "VAT20")
        add_company(session, manager, "Zeta Tours", "ZETA-1")

    with qtbot.waitSignal(card.loaded, timeout=30_000):
        desk_context.check_for_changes()
    card.add_service_action.trigger()
    dialog = card.last_dialog

    assert isinstance(dialog, dialogs.AddServiceDialog)
    combo = dialog.service_combo
    assert "SPA-VISIT" in [combo.itemData(row) for row in range(combo.count())]
    assert "Zeta Tours" in [company.name for company in card.card.companies]
    dialog.close()


def test_a_closed_card_is_freed_with_its_window_and_its_data(qtbot, desk_context, demo_database):
    def open_reload_and_close() -> tuple[weakref.ref, weakref.ref, object]:
        card = open_reservation_card(desk_context, folio_id_of(demo_database, "R10016"))
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        with qtbot.waitSignal(card.loaded, timeout=30_000):
            card.reload()  # a reload's op, and its callbacks, are the card's too
        refs = weakref.ref(card), weakref.ref(card.card.folio), card.postings_model
        card.close()
        return refs

    window, data, model = open_reload_and_close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(model), timeout=30_000)  # Qt deleted the window's widgets
    gc.collect()

    assert window() is None
    assert data() is None
