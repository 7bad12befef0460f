"""The Russian and Bulgarian screens have no English left.

Renders the main window, a reservation card (both tabs) whose bill has several payments, a
refund, a void, a deposit transfer, a POS order and a transfer to a company account, and every
dialog of the card, in Russian and in Bulgarian, then card payments made on the terminal
simulator with a partial refund and a reversal; walks every visible text (labels, buttons,
fields, combo box items, table headers and cells, tooltips, menus) and fails on any Latin word
that is not a proper name, a code or a currency.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QEvent, QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolTip,
    QWidget,
)
from sqlalchemy import select

from desk.cards.models import CardRecord
from desk.cards.operations import HoldState
from desk.cash.shifts import open_shift
from desk.core.errors import DeskError
from desk.core.money import MINOR_UNITS, Money
from desk.db.engine import Database
from desk.fiscal.interface import Document, DocumentKind, Paper
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import ReceiptCheck
from desk.hotel.models import Hotel, Outlet, PaymentMethod, Service, TaxRate
from desk.ledger.bills import open_bill
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.models import Folio
from desk.ledger.payments import (
    RefundDirection,
    Tender,
    apply_deposit,
    refund_payment,
    take_deposit,
    take_payment,
    transfer_to_company,
    void_payment,
)
from desk.ledger.postings import OrderItem, post_charge, post_service, reverse_posting, void_posting
from desk.people.auth import trusted_actor
from desk.people.models import Role, User
from desk.stays.models import Company, Event, Guest
from desk.stays.reservations import check_in, create_reservation, new_guest, post_night
from tests.helpers import eur
from ui import dialogs, i18n
from ui.main_window import MainWindow
from ui.ops import delivery, feedback
from ui.receipts_check import ReceiptsCheckDialog
from ui.reservation_card.base import BILLS_TAB, SERVICES_TAB
from ui.reservation_card.window import ReservationCard, open_reservation_card

from .conftest import DEMO_TODAY

LATIN_WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z’']*(?![0-9A-Za-z])")  # not inside codes (R10016)
# Key names Qt writes in shortcuts whatever the language (Ctrl+Shift+N, Del), and "PDF".
KEY_NAMES = {"Ctrl", "Shift", "Alt", "Meta", "Del", "Ins", "Esc", "Enter", "Return", "Tab", "Backspace",
             "Home", "End", "PgUp", "PgDown", "Space", "PDF", "POS", *(chr(c) for c in range(ord("A"), ord("Z") + 1))}
# An e-mail address (a placeholder's example) is not English.
EMAIL = re.compile(r"\S+@\S+")
CLERK = trusted_actor("maria", "DESK", Role.MANAGER)


@pytest.fixture(params=["ru", "bg"])
def language(request, qtbot, qm_dir) -> Iterator[str]:
    saved = QLocale()
    i18n.install_translator(QCoreApplication.instance(), request.param, qm_dir=qm_dir)
    yield request.param
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


@dataclass
class BusyStay:
    folio_id: int
    bill_id: int
    second_bill_id: int
    pos_posting_id: int
    spa_posting_id: int
    cash_payment_id: int
    card_payment_id: int


def busy_stay(database: Database) -> BusyStay:
    """A stay whose first bill holds every kind of ledger row the card shows."""
    with database.writing() as session:
        guest = new_guest(session, CLERK, "Мария", "Иванова")
        other = new_guest(session, CLERK, "Георги", "Колев")
        session.flush()
        # Room 210 is free in the demo those nights: a room holds one stay a night.
        reservation = create_reservation(
            session, CLERK, number="R77001", guests=[guest, other], arrival=DEMO_TODAY,
            departure=DEMO_TODAY.replace(day=DEMO_TODAY.day + 3), nightly_rate=eur("110.00"), room_number="210",
        )
        check_in(session, CLERK, reservation.id, today=DEMO_TODAY)
        open_shift(session, CLERK, [])
        post_night(session, CLERK, reservation.id, DEMO_TODAY)
        folio_id = folio_of_reservation(session, reservation.id)
        bill_id = load_folio(session, folio_id).bills[0].bill.id
        second_bill_id = open_bill(session, CLERK, folio_id, payer_guest_id=other.id).id
        spa = post_service(session, CLERK, bill_id=bill_id, service_code="SPA", quantity=2)
        beer = post_service(session, CLERK, bill_id=bill_id, service_code="MB-BEER")
        reverse_posting(session, CLERK, beer.id, reason="не брал")
        water = post_service(session, CLERK, bill_id=bill_id, service_code="MB-WATER")
        void_posting(session, CLERK, water.id, reason="ошибка")
        items = [OrderItem("Shopska salad", Decimal(1), eur("7.80")), OrderItem("Espresso", Decimal(2), eur("2.80"))]
        pos = post_charge(session, CLERK, bill_id=bill_id, description="Restaurant", quantity=1,
                          unit_price=eur("13.40"), tax_code="VAT20", source="pos", outlet_code="REST",
                          check_number="5501", external_ref="pos:REST:5501", items=items)
        cash = take_payment(session, CLERK, bill_id, Tender("cash", eur("100.00")))
        card = take_payment(session, CLERK, bill_id, Tender("card", eur("30.00")))
        take_payment(session, CLERK, bill_id, Tender("cash", Money.of("20.00", "USD")))
        voided = take_payment(session, CLERK, bill_id, Tender("card", eur("10.00")))
        void_payment(session, CLERK, voided.id, reason="ошибка")
        refund_payment(session, CLERK, cash.id, eur("15.00"), reason="скидка")
        refund_payment(session, CLERK, card.id, eur("5.00"), direction=RefundDirection.DEPOSIT, reason="скидка")
        take_deposit(session, CLERK, folio_id, Tender("cash", eur("200.00")))
        apply_deposit(session, CLERK, bill_id, eur("50.00"))
        post_service(session, CLERK, bill_id=second_bill_id, service_code="LAUNDRY")
        company = session.scalars(select(Company).order_by(Company.id)).first()
        assert company is not None
        transfer_to_company(session, CLERK, second_bill_id, company.id)
        return BusyStay(folio_id, bill_id, second_bill_id, pos.id, spa.id, cash.id, card.id)


def allowed_words(database: Database) -> set[str]:
    """Proper names, codes and currencies: Latin words that are right in any language."""
    words: set[str] = set(MINOR_UNITS) | KEY_NAMES | {"TEST", "DESK", "CSV"}  # a file format's name
    texts: list[str] = []
    with database.unit_of_work() as session:
        for guest in session.scalars(select(Guest)):
            texts += [guest.first_name, guest.last_name]
        texts += list(session.scalars(select(Company.name)))
        texts += list(session.scalars(select(Event.name)))
        texts += [name for name in session.scalars(select(Folio.walk_in_name)) if name]
        for user in session.scalars(select(User)):
            texts += [user.full_name, user.username]
        for hotel in session.scalars(select(Hotel)):
            texts += [hotel.name, hotel.address, hotel.tax_id]
        for model in (Service, PaymentMethod, CashRegister, Outlet, TaxRate):
            texts += list(session.scalars(select(model.code)))
        texts += list(session.scalars(select(CardRecord.brand)))  # VISA, Mastercard: names of their own
    for text in texts:
        words.update(LATIN_WORD.findall(text))
    return words


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("&", "")  # mnemonics (&Save) are not words
    return EMAIL.sub(" ", text)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a clerk can read in ``root`` and its visible children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: object) -> None:
        if isinstance(text, str) and text:
            found.append((where, _plain(text)))

    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    add("windowTitle", root.windowTitle())
    for widget in widgets:
        where = widget.objectName() or type(widget).__name__
        add(f"{where}.toolTip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(where, widget.text())
        elif isinstance(widget, QLineEdit):
            add(where, widget.text())
            add(f"{where}.placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(f"{where}[{index}]", widget.itemText(index))
        elif isinstance(widget, QGroupBox):
            add(where, widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(f"{where}.tab", widget.tabText(index))
                add(f"{where}.tabToolTip", widget.tabToolTip(index))
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            add(where, widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root_index = QModelIndex()
            # A list model (QListWidget's) has one column and keeps columnCount private.
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root_index)
            for column in range(columns):
                if isinstance(widget, QTableView) and widget.isColumnHidden(column):
                    continue
                add(f"{where}.header", model.headerData(column, Qt.Orientation.Horizontal))
                add(f"{where}.headerToolTip",
                    model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
                for row in range(model.rowCount(root_index)):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            add(f"{where}[{row},{column}]", value)
    for menu in root.findChildren(QMenu):
        add(f"{menu.objectName()}.title", menu.title())
        for action in menu.actions():
            add(f"{menu.objectName()}.action", action.text())
            if action.toolTip() != action.text().replace("&", ""):
                add(f"{menu.objectName()}.actionToolTip", action.toolTip())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add("menuBar", action.text())
        add("statusBar", root.statusBar().currentMessage())
    return found


def english_in(root: QWidget, allowed: set[str]) -> list[str]:
    return sorted({f"{where}: {text!r} ({word})"
                   for where, text in visible_texts(root)
                   for word in LATIN_WORD.findall(text) if word not in allowed})


def waiting_document() -> Document:
    """A cash out whose paper was cut, as Check receipts lists it."""
    return Document(id=1, register="FP-1", number=12, shift=1, kind=DocumentKind.CASH_OUT, key="cut", sign="0" * 64,
                    issued_at=dt.datetime.now(dt.UTC), content={"total": "EUR 30.00"}, paper=Paper.CUT)


def _card(qtbot, ctx, folio_id: int) -> ReservationCard:
    card = open_reservation_card(ctx, folio_id)
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
    return card


def test_main_window_card_and_every_dialog_have_no_english(qtbot, desk_context, demo_database, language):
    stay = busy_stay(demo_database)
    allowed = allowed_words(demo_database)
    problems: list[str] = []

    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        window.search_now()
    problems += english_in(window, allowed)

    card = _card(qtbot, desk_context, stay.folio_id)
    assert card.card is not None
    tabs = card.findChild(QTabWidget, "breakdownTabs")
    tabs.setCurrentIndex(SERVICES_TAB)
    problems += english_in(card, allowed)
    tabs.setCurrentIndex(BILLS_TAB)
    card.bills_view.selectRow(0)
    qtbot.waitUntil(lambda: card.payments_model.rowCount() > 5, timeout=30_000)
    problems += english_in(card, allowed)
    # The card shows the translated ledger texts, not the stored English.
    shown = " ".join(text for _, text in visible_texts(card))
    assert ("Возврат оплаты" in shown) if language == "ru" else ("Възстановяване на плащане" in shown)

    data = card.card
    opened: list[QWidget] = [
        dialogs.MakePaymentDialog(desk_context, data, stay.bill_id, card),
        dialogs.DepositDialog(desk_context, data, card, pay_bill_id=stay.bill_id),
        dialogs.MakeRefundDialog(desk_context, data, stay.cash_payment_id, card),
        dialogs.ReceiptDialog(desk_context, data, stay.cash_payment_id, card),
        dialogs.VoidDialog(desk_context, data, posting_id=stay.pos_posting_id, parent=card),
        dialogs.VoidDialog(desk_context, data, payment_id=stay.card_payment_id, parent=card),
        dialogs.AddServiceDialog(desk_context, data, stay.bill_id, card),
        dialogs.MoveServicesDialog(desk_context, data, stay.bill_id, [stay.spa_posting_id, stay.pos_posting_id], card),
        dialogs.SplitBillDialog(desk_context, data, stay.bill_id, card),
        dialogs.CheckOutDialog(desk_context, data, card),
        dialogs.ServiceDetailsDialog(desk_context, stay.pos_posting_id, card),
        # Every sentence a check can say, and a document waiting to be printed again.
        ReceiptsCheckDialog(desk_context, ReceiptCheck(1, 1, 1, (waiting_document(),), 1, 1), window),
    ]
    for dialog in opened:
        dialog.open()
        qtbot.waitUntil(dialog.isVisible, timeout=30_000)
        assert delivery.wait_all(30_000)
        qtbot.wait(50)  # the loaded results are delivered through the event loop
        QCoreApplication.processEvents()
        problems += [f"{dialog.objectName()}: {problem}" for problem in english_in(dialog, allowed)]
        dialog.close()
    card.close()
    window.close()
    assert problems == [], "\n".join(problems)


def test_a_refusal_from_desk_reads_in_russian(qtbot, desk_context, demo_database, language):
    stay = busy_stay(demo_database)
    with demo_database.unit_of_work() as session, pytest.raises(DeskError) as refused:
        apply_deposit(session, CLERK, stay.second_bill_id, eur("500.00"))
    box = feedback.show_error(None, refused.value)
    qtbot.addWidget(box)
    expected = {"ru": "На депозите только 155,00\u00a0EUR", "bg": "В депозита има само 155,00\u00a0EUR"}
    assert box.text() == expected[language]

    # And through a dialog: the field under the amount says it in the clerk's language.
    card = _card(qtbot, desk_context, stay.folio_id)
    dialog = dialogs.DepositDialog(desk_context, card.card, card, pay_bill_id=stay.bill_id)
    dialog.open()
    dialog.show_failure(refused.value)
    shown = [text for _, text in visible_texts(dialog)]
    assert expected[language] in shown
    dialog.close()
    card.close()


def test_the_card_terminal_dialogs_name_the_demo_terminal_in_the_clerks_language(qtbot, desk_context, demo_database,
                                                                                  language):
    from datetime import UTC, datetime

    from desk.cards.models import CardKind
    from desk.cards.operations import CardRequest, plan_card_operation
    from desk.cards.terminals import add_terminal, list_terminals
    from desk.hotel.names import load_names
    from desk.journal.intents import mark_sent, record_intent
    from desk.stays.reservation_card import PreAuthorisation
    from ui.cards.operations import EndOfDayDialog, PendingCardOperationsDialog, open_end_of_day
    from ui.cards.terminal import CardTerminalDialog
    from ui.reservation_card.models import PreAuthorisationsModel

    stay = busy_stay(demo_database)
    allowed = allowed_words(demo_database)
    shown_name = {"ru": "Терминал ресепшена", "bg": "Терминал на рецепцията"}[language]
    workstation = desk_context.actor.workstation
    here = trusted_actor("maria", workstation, Role.MANAGER)
    with demo_database.writing() as session:
        terminal = add_terminal(session, here, workstation, "Desk terminal", "tcp://127.0.0.1:20007", "EUR")
        # A sale nobody heard the end of: the pending list names its terminal.
        request = plan_card_operation(session, here, CardKind.SALE, terminal.id,
                                      CardRequest(amount=eur("5.00"), bill_id=stay.bill_id))
        mark_sent(session, here, record_intent(session, here, request).id)
        terminals = list_terminals(session, workstation)
    card = _card(qtbot, desk_context, stay.folio_id)
    assert card.card is not None
    problems: list[str] = []

    sale = CardTerminalDialog(desk_context, card.card, terminals, CardKind.SALE, bill_id=stay.bill_id,
                              parent=card)
    make_payment = dialogs.MakePaymentDialog(desk_context, card.card, stay.bill_id, card, terminals=terminals)
    make_payment.choose_terminal(terminal.id)
    pending = PendingCardOperationsDialog(desk_context, card)
    open_end_of_day(desk_context, card)
    qtbot.waitUntil(lambda: card.findChild(EndOfDayDialog) is not None, timeout=30_000)
    end_of_day = card.findChild(EndOfDayDialog)
    big_hold = PreAuthorisation(eur("900.00"), datetime.now(UTC), HoldState.OPEN, 1, "Desk terminal", "****1234")
    capture = CardTerminalDialog(desk_context, card.card, terminals, CardKind.CAPTURE, hold=big_hold,
                                 bill_id=stay.bill_id, parent=card)
    for dialog in (sale, make_payment, pending, end_of_day, capture):
        dialog.open()
        qtbot.waitUntil(dialog.isVisible, timeout=30_000)
    qtbot.waitUntil(lambda: pending.table.rowCount() == 1, timeout=30_000)

    assert [b.text().split(" · ")[-1] for b in sale.terminal_buttons] == [shown_name]
    assert [b.text().split(" · ")[-1] for b in end_of_day.terminal_buttons] == [shown_name]
    assert pending.table.item(0, 2).text() == shown_name
    assert make_payment.terminal is not None and shown_name in make_payment.method_combo.currentText()
    assert shown_name in make_payment.terminal_hint.text()
    assert capture.capture_note.isVisible() and cut_texts(capture) == []
    for dialog in (sale, make_payment, pending, end_of_day, capture):
        problems += [f"{dialog.objectName()}: {problem}" for problem in english_in(dialog, allowed)]
        dialog.close()

    # The card's own list of holds names the terminal each was taken on.
    holds = PreAuthorisationsModel()
    with demo_database.unit_of_work() as session:
        holds.names = load_names(session, language)
    holds.set_items([PreAuthorisation(eur("80.00"), datetime.now(UTC), HoldState.OPEN, 1, "Desk terminal", "****1234")])
    assert holds.data(holds.index(0, holds.CARD)) == f"****1234 · {shown_name}"
    card.close()
    assert problems == [], "\n".join(problems)


def test_card_payments_refunds_and_reversals_read_in_the_clerks_language(qtbot, desk_context, demo_database,
                                                                         language, tmp_path):
    from desk.cards.models import CardKind
    from desk.cards.terminal_workflow import card_refund, card_sale
    from desk.cards.terminals import add_terminal, disconnect_all, list_terminals
    from desk.db.runner import Runner
    from hardware.simulators.zvt_terminal import ZvtSimulator
    from ui.cards.terminal import CardTerminalDialog

    stay = busy_stay(demo_database)
    workstation = desk_context.actor.workstation
    here = trusted_actor("maria", workstation, Role.MANAGER)
    sim = ZvtSimulator(journal_path=tmp_path / "terminal.jsonl")
    port = sim.serve_tcp()
    runner = Runner(demo_database)
    try:
        with demo_database.writing() as session:
            terminal = add_terminal(session, here, workstation, "Desk terminal",
                                    f"tcp://127.0.0.1:{port}?answer_timeout=10", "EUR")
        sale = card_sale(runner, here, terminal.id, stay.bill_id, eur("40.00"), allow_overpay=True)
        other = card_sale(runner, here, terminal.id, stay.bill_id, eur("25.00"), allow_overpay=True)
        assert sale.settled and other.settled and sale.payment_id and other.payment_id
        refund = card_refund(runner, here, terminal.id, sale.payment_id, eur("15.00"))
        reversal = card_refund(runner, here, terminal.id, other.payment_id)
        assert refund.settled and reversal.settled
    finally:
        disconnect_all()
        sim.close()
    with demo_database.unit_of_work() as session:
        receipts = {r.payment_id: r.receipt_no for r in session.scalars(select(CardRecord))}
        terminals = list_terminals(session, workstation)
    allowed = allowed_words(demo_database)
    receipt_word = {"ru": "чек", "bg": "бележка"}[language]

    card = _card(qtbot, desk_context, stay.folio_id)
    assert card.card is not None
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.bills_view.selectRow(0)
    qtbot.waitUntil(lambda: any(card.payments_model.id_at(row) == reversal.payment_id
                                for row in range(card.payments_model.rowCount())), timeout=30_000)
    problems = english_in(card, allowed)
    shown = " ".join(text for _, text in visible_texts(card))
    # The operator's reference of each operation is there, in the clerk's words (R12).
    for payment_id in (sale.payment_id, other.payment_id, refund.payment_id, reversal.payment_id):
        assert f"{receipt_word} {receipts[payment_id]:04d}" in shown
    # A refund names the payment it refunds as the clerk sees it (date, method, amount), never by an id.
    card_name = {"ru": "Банковская карта", "bg": "Банкова карта"}[language]
    paid_on = card.card.folio.payment(sale.payment_id).payment.paid_on

    def of(amount: str) -> str:
        return f" {i18n.format_date(paid_on)} ({card_name}, {i18n.format_money(Decimal(amount), 'EUR')}): "
    reversed_as = {"ru": "Отмена оплаты от", "bg": "Сторниране на плащане от"}[language] + of("25.00")
    refunded_as = {"ru": "Возврат оплаты от", "bg": "Възстановяване на плащане от"}[language] + of("40.00")
    assert reversed_as in shown and refunded_as in shown, shown
    assert f" {sale.payment_id}: " not in shown and f" {other.payment_id}: " not in shown

    # The payment's details (Void shows its Text) and the terminal dialog's result say it the same way.
    void = dialogs.VoidDialog(desk_context, card.card, payment_id=sale.payment_id, parent=card)
    void.open()
    qtbot.waitUntil(void.isVisible, timeout=30_000)
    problems += [f"voidDialog: {problem}" for problem in english_in(void, allowed)]
    assert f"{receipt_word} {receipts[sale.payment_id]:04d}" in " ".join(text for _, text in visible_texts(void))
    void.close()
    dialog = CardTerminalDialog(desk_context, card.card, terminals, CardKind.SALE, bill_id=stay.bill_id,
                                parent=card)
    for outcome in (sale, refund, reversal):
        told = dialog.outcome_text(outcome)
        problems += [f"outcome: {told!r} ({word})" for word in LATIN_WORD.findall(_plain(told))
                     if word not in allowed]
    dialog.close()
    card.close()
    assert problems == [], "\n".join(problems)


def test_the_status_bar_shows_every_panel_whole_at_the_default_size(qtbot, desk_context, demo_database, language):
    """The shift, the cash in the drawer and the registers all read in full at the window's first size."""
    from desk.cash.shifts import cash_in

    cashier = trusted_actor("ivan", desk_context.actor.workstation, Role.CASHIER, "Ivan Georgiev")
    with demo_database.writing() as session:
        # A drawer as a real evening has it: four digits of euros and some dollars.
        cash_in(session, cashier, eur("2490.85"), "Change from the safe")
        cash_in(session, cashier, Money.of("70.00", "USD"), "Change from the safe")
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panels = [window.workstation_label, window.cashier_label, window.shift_label, window.drawer_label,
              window.devices_label]
    assert window.database_label.isHidden()
    qtbot.waitUntil(lambda: window.drawer_label.isVisible() and bool(window.devices_label.text()),
                    timeout=30_000)
    qtbot.waitUntil(lambda: all(p.width() > 0 for p in panels), timeout=30_000)
    cut = [(p.objectName(), p.text(), p.fontMetrics().horizontalAdvance(p.text()), p.contentsRect().width())
           for p in panels if p.fontMetrics().horizontalAdvance(p.text()) > p.contentsRect().width()]
    assert cut == [], "\n".join(map(str, cut))
    assert all(not p.is_elided() for p in panels)
    assert "490,85" in window.drawer_label.text() and "70,00" in window.drawer_label.text()

    # A narrower window cuts what it must visibly, and the whole text stays a hover away.
    window.resize(640, window.height())
    qtbot.waitUntil(lambda: any(p.is_elided() for p in panels), timeout=30_000)
    for panel in panels:
        shown = panel.fontMetrics().horizontalAdvance(panel.shown_text())
        assert shown <= panel.contentsRect().width(), panel.objectName()
        if panel.is_elided():
            assert panel.shown_text().endswith("…")
            tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), panel.mapToGlobal(QPoint(2, 2)))
            QCoreApplication.sendEvent(panel, tip)
            qtbot.waitUntil(lambda p=panel: QToolTip.isVisible() and p.text() in QToolTip.text(), timeout=30_000)
            QToolTip.hideText()
    window.close()


def cut_cells(view: QTableView) -> list[str]:
    """Cells (and headers) whose text is wider than what the table shows of them at its size now."""
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    cut = []
    visible = view.viewport().width()
    for column in range(model.columnCount()):
        width = header.sectionSize(column)
        if header.sectionViewportPosition(column) + width > visible:
            width = max(0, visible - header.sectionViewportPosition(column))
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.fontMetrics().horizontalAdvance(title) > width - 4:
            cut.append(f"header {title!r}: {width} px")
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if text and metrics.horizontalAdvance(text) + 6 > width:
                cut.append(f"{text!r}: {width} px")
    return cut


def test_the_cards_saved_cards_and_pre_authorisations_read_whole_at_its_default_size(qtbot, desk_context, demo_database,
                                                                                    language):
    from datetime import UTC, datetime, timedelta

    from desk.hotel.names import load_names
    from desk.stays.reservation_card import PreAuthorisation

    stay = busy_stay(demo_database)
    card = _card(qtbot, desk_context, stay.folio_id)
    with demo_database.unit_of_work() as session:
        card.pre_authorisations_model.names = load_names(session, language)
    card.pre_authorisations_model.set_items([
        PreAuthorisation(eur("300.00"), datetime.now(UTC) - timedelta(days=7), HoldState.OPEN, 1, "Desk terminal",
                         "****0010"),
        PreAuthorisation(eur("1250.00"), datetime.now(UTC), HoldState.PARTLY_CAPTURED, 2, "Desk terminal",
                         "****0010"),
    ])
    for fitter in card._fitters:
        fitter.fit()
    qtbot.waitUntil(lambda: card.pre_authorisations_view.viewport().width() > 0, timeout=30_000)
    assert cut_cells(card.pre_authorisations_view) == []
    assert cut_cells(card.saved_cards_view) == []  # the holds' room is not taken from the saved cards
    card.close()


def test_the_list_of_open_pre_authorisations_reads_whole_at_its_default_size(qtbot, desk_context, demo_database,
                                                                            language):
    from datetime import UTC, datetime, timedelta

    from desk.cards.operations import Hold
    from ui.cards.operations import OpenHoldsDialog

    dialog = OpenHoldsDialog(desk_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    delivery.wait_all(30_000)

    def hold(days: int, amount: str, owner: str) -> Hold:
        return Hold(1, 1, eur(amount), datetime.now(UTC) - timedelta(days=days), HoldState.OPEN, None,
                    "Desk terminal", "MASTERCARD", "************0042", 901, 901, "007919", owner)

    dialog.show_holds([hold(8, "1250.00", "R10015"), hold(0, "60.00", "R10033")])
    assert cut_cells(dialog.table) == []
    assert dialog.advice_label.isVisible()
    assert english_in(dialog, allowed_words(demo_database) | {"MASTERCARD"}) == []
    dialog.close()


def cut_texts(root: QWidget) -> list[str]:
    """Visible labels, buttons and combo boxes whose text is wider (or, wrapped, taller) than they are."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        room = label.contentsRect()
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                cut.append(f"{label.objectName() or 'label'} {label.text()!r}: wrapped taller than shown")
        elif label.fontMetrics().horizontalAdvance(label.text().replace("&", "")) > room.width():
            cut.append(f"{label.objectName() or 'label'} {label.text()!r}: {room.width()} px")
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if button.isVisible() and text and button.fontMetrics().horizontalAdvance(text) + 8 > button.width():
            cut.append(f"{button.objectName() or 'button'} {text!r}: {button.width()} px")
    for combo in root.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText() and \
                combo.fontMetrics().horizontalAdvance(combo.currentText()) + 28 > combo.width():
            cut.append(f"{combo.objectName()} {combo.currentText()!r}: {combo.width()} px")
    return cut


def test_the_lock_mail_and_pos_windows_show_their_texts_whole(qtbot, desk_context, demo_database, language,
                                                             tmp_path, monkeypatch):
    from desk.db.runner import Runner
    from desk.mail.outbox import KEY_FILE_ENV, set_mail_settings
    from ui.settings.mail import MailSettingsDialog
    from ui.settings.pos import PosConnectionsDialog
    from ui.sign_in import SignInDialog, SignInPurpose

    locked = SignInDialog(demo_database, "TEST-1", purpose=SignInPurpose.UNLOCK,
                          locked_by=trusted_actor("ivan", "TEST-1", Role.CASHIER, "Ivan Georgiev"))
    qtbot.addWidget(locked)
    locked.show()
    qtbot.waitExposed(locked)
    assert cut_texts(locked) == []
    locked.close()

    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "a-rather-long-folder-name" / "mail.key"))
    Runner(demo_database).run(set_mail_settings, CLERK, "smtp.hotel.example", 587, "starttls",
                              username="frontdesk", sender="frontdesk@hotel.example", password="only-a-test")
    mail = MailSettingsDialog(desk_context)
    qtbot.addWidget(mail)
    mail.open()
    qtbot.waitUntil(lambda: mail.setup is not None and mail.password_note.isVisible(), timeout=30_000)
    assert cut_texts(mail) == []
    mail.close()

    pos = PosConnectionsDialog(desk_context)
    qtbot.addWidget(pos)
    pos.open()
    qtbot.waitUntil(lambda: pos.setup is not None, timeout=30_000)
    for index in range(pos.outlet_combo.count()):
        pos.outlet_combo.setCurrentIndex(index)
        assert cut_texts(pos) == [], "\n".join(cut_texts(pos))
    # The demo's outlets and POS payment codes are named in the clerk's language, like its services.
    assert english_in(pos, allowed_words(demo_database) | {"REST", "BAR", "bar"}) == []  # bar-1: an example name
    pos.close()


def test_devices_names_the_terminal_as_the_payment_dialog_does(qtbot, demo_database, language):
    from desk.cards.terminals import add_terminal
    from desk.hotel.names import load_names
    from ui.context import DeskContext
    from ui.settings.devices import DevicesDialog

    with demo_database.writing() as session:
        add_terminal(session, CLERK, CLERK.workstation, "Desk terminal", "tcp://127.0.0.1:20007", "EUR")
        shown_name = load_names(session, language).terminal("Desk terminal")
    assert shown_name != "Desk terminal"
    ctx = DeskContext(demo_database, CLERK)
    dialog = DevicesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.terminals_table.rowCount() == 1, timeout=30_000)
    assert dialog.terminals_table.item(0, 0).text() == shown_name
    dialog.done(0)
    delivery.cancel_all()
    assert delivery.wait_all(30_000)
    ctx.close()


def test_x_and_z_reports_bills_and_folios_go_to_the_documents_folder_named_in_the_clerks_language(
        tmp_path, monkeypatch, language):
    import ui.dialogs.shift as shift_module
    import ui.reservation_card.actions as card_actions
    from ui.dialogs.checkout import folio_pdf_directory

    monkeypatch.delenv("DESK_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Docs"))
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "Docs" / {"ru": "Стойка регистрации", "bg": "Рецепция"}[language]
    assert shift_module.report_directory() == folder
    assert card_actions.bill_pdf_directory() == folder == folio_pdf_directory()
    assert folder.is_dir()
    # A folder the hotel set (a shared drive) is kept whatever the language.
    monkeypatch.setenv("DESK_DOCUMENTS_DIR", str(tmp_path / "shared"))
    assert shift_module.report_directory() == tmp_path / "shared"
