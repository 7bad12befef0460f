"""The card terminal dialogs, as a clerk uses them, against the ZVT simulator over TCP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desk.cards.models import CardKind
from desk.cards.operations import CaptureSuggestion, HoldState, capture_suggestion, holds_of_folio
from desk.cards.terminals import TerminalInfo, add_terminal, disconnect_all, list_terminals
from desk.db.engine import Database
from desk.journal.intents import unresolved
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from desk.people.models import Role
from desk.stays.reservation_card import PreAuthorisation, ReservationCardData
from hardware.simulators.zvt_terminal import TEST_CARD_PAN, ZvtSimulator
from tests.actors import signed_in
from tests.helpers import eur
from tests.ui.test_dialogs_common import card_window, child, find_card, folio_now, ledger_counts, opened, retype
from ui.cards.terminal import CardTerminalDialog, terminal_message
from ui.i18n import money_text
from ui.ops import delivery

WORKSTATION = "TEST-1"


@dataclass
class Terminal:
    sim: ZvtSimulator
    info: TerminalInfo


@pytest.fixture
def terminal(demo_database: Database, tmp_path) -> Iterator[Terminal]:
    sim = ZvtSimulator(journal_path=tmp_path / "terminal.jsonl")
    port = sim.serve_tcp()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_terminal(session, manager, WORKSTATION, "Desk terminal",
                            f"tcp://127.0.0.1:{port}?answer_timeout=10", "EUR")
    try:
        yield Terminal(sim, info)
    finally:
        disconnect_all()
        sim.close()


@pytest.fixture
def cashier_context(context_of) -> object:
    return context_of(Role.CASHIER, WORKSTATION)


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


@pytest.fixture
def card(demo_database: Database) -> ReservationCardData:
    return find_card(demo_database, lambda c: len(c.folio.bills) == 1
                     and c.folio.bills[0].status is BillStatus.NOT_PAID and c.folio.folio.company_id is None)


def terminals(database: Database) -> list[TerminalInfo]:
    with database.unit_of_work() as session:
        return list_terminals(session, WORKSTATION)


def dialog_for(qtbot, ctx, database, card, window, operation=CardKind.SALE, **options) -> CardTerminalDialog:
    if operation is CardKind.SALE and "bill_id" not in options:
        options["bill_id"] = card.folio.bills[0].bill.id
    return opened(qtbot, CardTerminalDialog(ctx, card, terminals(database), operation, parent=window, **options))


def press_terminal(qtbot, dialog: CardTerminalDialog, info: TerminalInfo) -> None:
    button = child(dialog, QPushButton, f"terminalButton{info.id}")
    assert button.text().endswith(" · Desk terminal")
    button.click()


def wait_result(qtbot, dialog: CardTerminalDialog) -> str:
    label = child(dialog, QLabel, "resultLabel")
    qtbot.waitUntil(lambda: label.isVisible() and bool(label.text()), timeout=30_000)
    return label.text()


def card_payments(database: Database, card: ReservationCardData):
    return [line.payment for line in folio_now(database, card).payments if line.payment.kind is PaymentKind.PAYMENT
            and line.payment.method.kind.value == "card"]


def test_a_bill_is_paid_on_the_terminal_with_its_reference_in_text(qtbot, cashier_context, demo_database, card,
                                                                   window, terminal):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    balance = card.folio.bills[0].balance
    assert child(dialog, QLineEdit, "amountEdit").text() == f"{balance.amount:f}"
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    [payment] = card_payments(demo_database, card)
    assert payment.amount == balance
    assert "receipt 0001" in payment.text and "auth" in payment.text and TEST_CARD_PAN not in payment.text
    assert [t.amount_minor for t in terminal.sim.journal] == [int(balance.amount * 100)]


def test_each_terminal_button_says_what_it_does_how_much_and_where(qtbot, cashier_context, demo_database, card,
                                                                   window, terminal):
    sale = dialog_for(qtbot, cashier_context, demo_database, card, window)
    button = child(sale, QPushButton, f"terminalButton{terminal.info.id}")
    assert button.text() == f"Charge {money_text(card.folio.bills[0].balance)} · Desk terminal"
    retype(qtbot, child(sale, QLineEdit, "amountEdit"), "12.5")
    assert button.text() == f"Charge {money_text(eur('12.50'))} · Desk terminal"
    retype(qtbot, child(sale, QLineEdit, "amountEdit"), "")
    assert button.text() == "Charge · Desk terminal"
    hold = PreAuthorisation(eur("80.00"), datetime.now(UTC), HoldState.OPEN, 1, "Desk terminal", "****1234")
    release = dialog_for(qtbot, cashier_context, demo_database, card, window, CardKind.RELEASE, hold=hold)
    assert child(release, QPushButton, f"terminalButton{terminal.info.id}").text() == \
        "Release the whole hold · Desk terminal"


def test_a_capture_suggests_the_bills_balance_and_says_the_rest_is_released(qtbot, cashier_context, demo_database,
                                                                            card, window, terminal):
    balance = card.folio.bills[0].balance
    hold = PreAuthorisation(balance + eur("100.00"), datetime.now(UTC), HoldState.OPEN, 1, "Desk terminal",
                            "****1234")
    capture = dialog_for(qtbot, cashier_context, demo_database, card, window, CardKind.CAPTURE, hold=hold,
                         bill_id=card.folio.bills[0].bill.id)
    assert child(capture, QLineEdit, "amountEdit").text() == f"{balance.amount:f}"
    note = child(capture, QLabel, "captureNoteLabel")
    assert note.isVisible()
    assert f"the other {money_text(eur('100.00'))} of the pre-authorisation is released" in note.text()
    assert child(capture, QPushButton, f"terminalButton{terminal.info.id}").text() == \
        f"Capture {money_text(balance)} · Desk terminal"
    retype(qtbot, child(capture, QLineEdit, "amountEdit"), f"{hold.amount.amount:f}")
    assert "whole pre-authorisation is captured" in note.text()
    small = PreAuthorisation(eur("10.00"), datetime.now(UTC), HoldState.OPEN, 2, "Desk terminal", "****1234")
    less = dialog_for(qtbot, cashier_context, demo_database, card, window, CardKind.CAPTURE, hold=small,
                      bill_id=card.folio.bills[0].bill.id)
    assert child(less, QLineEdit, "amountEdit").text() == "10.00"  # never more than is held


def test_a_capture_with_no_bill_chosen_shows_desks_suggestion_and_the_bill_it_lands_on(
        qtbot, cashier_context, demo_database, card, window, terminal):
    bill = card.folio.bills[0]
    hold = PreAuthorisation(bill.balance + eur("100.00"), datetime.now(UTC), HoldState.OPEN, 1, "Desk terminal",
                            "****1234")
    suggestion = capture_suggestion(card.folio, hold.amount, card.rates)
    assert suggestion == CaptureSuggestion(bill.bill.id, bill.balance)
    capture = dialog_for(qtbot, cashier_context, demo_database, card, window, CardKind.CAPTURE, hold=hold)
    assert child(capture, QLineEdit, "amountEdit").text() == f"{suggestion.amount.amount:f}"
    assert child(capture, QLabel, "captureBillLabel").text() == \
        f"Bill {bill.bill.number} · balance {money_text(bill.balance)}"
    assert capture.bill_id == suggestion.bill_id  # the terminal's capture is booked on that bill


def test_a_declined_card_says_so_and_writes_nothing(qtbot, cashier_context, demo_database, card, window, terminal):
    before = ledger_counts(demo_database)
    terminal.sim.script("decline:05")
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    press_terminal(qtbot, dialog, terminal.info)
    assert "declined" in wait_result(qtbot, dialog)
    assert delivery.wait_all(30_000)
    assert dialog.isVisible() and ledger_counts(demo_database) == before


def test_cancel_while_the_guest_enters_the_pin_aborts_and_writes_nothing(qtbot, cashier_context, demo_database, card,
                                                                        window, terminal):
    before = ledger_counts(demo_database)
    terminal.sim.script("pin:8")
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    press_terminal(qtbot, dialog, terminal.info)
    message = child(dialog, QLabel, "terminalMessageLabel")
    qtbot.waitUntil(lambda: message.text() == terminal_message("enter_pin"), timeout=30_000)
    countdown = child(dialog, QLabel, "countdownLabel")
    assert countdown.isVisible() and "s left" in countdown.text()
    child(dialog, QPushButton, "cancelButton").click()
    assert dialog.isVisible()  # Cancel asks the terminal; the dialog waits for its answer
    assert "Cancelled" in wait_result(qtbot, dialog)
    assert ledger_counts(demo_database) == before and terminal.sim.journal == []


def test_cancel_after_the_terminal_approved_tells_the_payment_went_through(qtbot, cashier_context, demo_database,
                                                                           card, window, terminal):
    terminal.sim.script("slow_approval:1.5")
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    press_terminal(qtbot, dialog, terminal.info)
    message = child(dialog, QLabel, "terminalMessageLabel")
    qtbot.waitUntil(lambda: message.text() == terminal_message("approved"), timeout=30_000)
    child(dialog, QPushButton, "cancelButton").click()
    text = wait_result(qtbot, dialog)
    [payment] = card_payments(demo_database, card)
    assert "went through" in text and payment.text in text
    assert dialog.outcome is not None and dialog.outcome.approved_despite_cancel


def test_overpaying_by_card_asks_first(qtbot, cashier_context, demo_database, card, window, terminal):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    balance = card.folio.bills[0].balance
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), f"{balance.amount + 10:f}")
    press_terminal(qtbot, dialog, terminal.info)
    qtbot.waitUntil(lambda: dialog.overpay_box is not None and dialog.overpay_box.isVisible(), timeout=30_000)
    assert terminal.sim.journal == []
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.overpay_box.button(dialog.overpay_box.StandardButton.Yes).click()
    [payment] = card_payments(demo_database, card)
    assert payment.amount == balance + eur("10")


def test_a_card_payment_is_refunded_in_part_once(qtbot, cashier_context, demo_database, card, window, terminal):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    [payment] = card_payments(demo_database, card)
    from tests.ui.test_dialogs_common import reload_card

    fresh = reload_card(demo_database, card)
    assert fresh.card_payments[payment.id].refunded is False
    refund = dialog_for(qtbot, cashier_context, demo_database, fresh, window, CardKind.REFUND,
                        payment_id=payment.id)
    assert child(refund, QLineEdit, "amountEdit").text() == f"{payment.amount.amount:f}"
    retype(qtbot, child(refund, QLineEdit, "amountEdit"), "20.00")
    with qtbot.waitSignal(refund.accepted, timeout=30_000):
        press_terminal(qtbot, refund, terminal.info)
    refunds = [line.payment for line in folio_now(demo_database, card).payments
               if line.payment.kind is PaymentKind.REFUND]
    assert [r.amount for r in refunds] == [eur("-20.00")] and refunds[0].refund_of_id == payment.id
    assert reload_card(demo_database, card).card_payments[payment.id].refunded
    assert [t.operation for t in terminal.sim.journal] == ["sale", "refund"]


def open_reservation_card(qtbot, ctx, folio_id: int):
    from ui.reservation_card.window import open_reservation_card

    shown = open_reservation_card(ctx, folio_id)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.is_loaded, timeout=30_000)
    return shown


def showing_terminal_dialog(shown, other: object = None) -> bool:
    dialog = shown.last_dialog
    return (dialog is not other and isinstance(dialog, CardTerminalDialog) and shiboken6.isValid(dialog)
            and dialog.isVisible())


def last_terminal_dialog(qtbot, shown, other: object = None) -> CardTerminalDialog:
    qtbot.waitUntil(lambda: showing_terminal_dialog(shown, other), timeout=30_000)
    return shown.last_dialog


def test_pre_authorise_capture_part_and_the_rest_is_released(qtbot, cashier_context, demo_database, card, terminal):
    shown = open_reservation_card(qtbot, cashier_context, card.folio.folio.id)
    assert shown.pre_authorise_action.isEnabled() and not shown.capture_action.isEnabled()
    shown.pre_authorise_action.trigger()
    dialog = last_terminal_dialog(qtbot, shown)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "150.00")
    with qtbot.waitSignal(shown.loaded, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    qtbot.waitUntil(lambda: shown.pre_authorisations_model.rowCount() == 1, timeout=30_000)
    model = shown.pre_authorisations_model
    assert model.data(model.index(0, model.STATE)) == "open"
    assert "150" in model.data(model.index(0, model.AMOUNT))
    shown.pre_authorisations_view.selectRow(0)
    assert shown.capture_action.isEnabled() and shown.release_action.isEnabled()
    shown.capture_action.trigger()
    capture = last_terminal_dialog(qtbot, shown, dialog)
    retype(qtbot, child(capture, QLineEdit, "amountEdit"), "90.00")
    with qtbot.waitSignal(capture.accepted, timeout=30_000):
        press_terminal(qtbot, capture, terminal.info)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).state == "partly_captured", timeout=30_000)
    assert model.data(model.index(0, model.STATE)) == "partly captured, rest released"
    assert [p.amount for p in card_payments(demo_database, card)] == [eur("90.00")]
    assert [t.operation for t in terminal.sim.journal] == ["pre_authorisation", "capture"]


def test_a_hold_the_bank_dropped_is_refused_with_the_offer_to_charge_directly(qtbot, cashier_context, demo_database,
                                                                              card, terminal):
    shown = open_reservation_card(qtbot, cashier_context, card.folio.folio.id)
    shown.pre_authorise_action.trigger()
    dialog = last_terminal_dialog(qtbot, shown)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "70.00")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    qtbot.waitUntil(lambda: shown.pre_authorisations_model.rowCount() == 1, timeout=30_000)
    terminal.sim.bank_release()
    shown.pre_authorisations_view.selectRow(0)
    shown.capture_action.trigger()
    capture = last_terminal_dialog(qtbot, shown)
    press_terminal(qtbot, capture, terminal.info)
    assert "already released" in wait_result(qtbot, capture)
    assert card_payments(demo_database, card) == []
    with demo_database.unit_of_work() as session:
        assert [h.state.value for h in holds_of_folio(session, card.folio.folio.id)] == ["expired"]
    offer = child(capture, QPushButton, "chargeDirectlyButton")
    assert offer.isVisible()
    offer.click()
    sale = last_terminal_dialog(qtbot, shown, capture)
    assert sale.operation is CardKind.SALE and sale.bill_id == capture.bill_id is not None
    assert child(sale, QLineEdit, "amountEdit").text() == "70.00"
    with qtbot.waitSignal(sale.accepted, timeout=30_000):
        press_terminal(qtbot, sale, terminal.info)
    assert [p.amount for p in card_payments(demo_database, card)] == [eur("70.00")]
    assert delivery.wait_all(30_000)  # the sale's slip prints after the dialog closed, through the journal too
    with demo_database.unit_of_work() as session:
        assert unresolved(session, WORKSTATION) == []


def test_the_pending_view_resolves_a_sale_the_terminal_booked_before_the_desk_died(qtbot, cashier_context,
                                                                                 demo_database, card, window,
                                                                                 terminal):
    from desk.cards.models import CardKind
    from desk.cards.operations import CardRequest, plan_card_operation
    from desk.journal.intents import mark_sent, record_intent
    from ui.cards.operations import PendingCardOperationsDialog

    cashier = cashier_context.actor
    bill_id = card.folio.bills[0].bill.id
    with demo_database.writing() as session:
        request = plan_card_operation(session, cashier, CardKind.SALE, terminal.info.id,
                                      CardRequest(amount=eur("25.00"), bill_id=bill_id))
        intent = record_intent(session, cashier, request)
        mark_sent(session, cashier, intent.id)
    terminal.sim.record("sale", 2500, 978)  # the bank booked it; the desk never heard the answer

    dialog = opened(qtbot, PendingCardOperationsDialog(cashier_context, window))
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=30_000)
    assert table.item(0, 1).text() == "Card payment" and "25.00" in table.item(0, 3).text()
    assert card_payments(demo_database, card) == []
    table.selectRow(0)
    dialog.resolve_button.click()
    status = dialog.status_label
    qtbot.waitUntil(lambda: "settled" in status.text(), timeout=30_000)
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=30_000)
    [payment] = card_payments(demo_database, card)
    assert payment.amount == eur("25.00") and "receipt 0001" in payment.text
    with demo_database.unit_of_work() as session:
        assert unresolved(session, WORKSTATION) == []


def test_end_of_day_shows_the_totals_against_the_ledger(qtbot, cashier_context, demo_database, card, window,
                                                        terminal):
    from ui.cards.operations import EndOfDayDialog

    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "30.00")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    terminal.sim.record("sale", 700, 978)  # another program used the terminal
    end = opened(qtbot, EndOfDayDialog(cashier_context, terminals(demo_database), window))
    button = child(end, QPushButton, f"terminalButton{terminal.info.id}")
    assert button.text() == "Close the batch · Desk terminal"  # what the press does, and where
    button.click()
    qtbot.waitUntil(lambda: end.report is not None, timeout=30_000)
    assert "37.00" in end.totals_label.text() and "30.00" in end.totals_label.text()
    assert end.table.rowCount() == 1 and "not in the ledger" in end.table.item(0, 0).text()
    assert "differ" in end.status_label.text()


def pre_authorise_on_card(qtbot, shown, terminal: Terminal, amount: str) -> CardTerminalDialog:
    """The clerk blocks ``amount`` on the guest's card from the reservation card; the hold shows there."""
    holds_before = shown.pre_authorisations_model.rowCount()
    shown.pre_authorise_action.trigger()
    dialog = last_terminal_dialog(qtbot, shown)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), amount)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    qtbot.waitUntil(lambda: shown.pre_authorisations_model.rowCount() == holds_before + 1, timeout=30_000)
    return dialog


def hold_states(database: Database, card: ReservationCardData) -> list[str]:
    with database.unit_of_work() as session:
        return [h.state.value for h in holds_of_folio(session, card.folio.folio.id)]


def test_release_frees_the_hold_on_the_terminal_and_charges_nothing(qtbot, cashier_context, demo_database, card,
                                                                   terminal):
    shown = open_reservation_card(qtbot, cashier_context, card.folio.folio.id)
    first = pre_authorise_on_card(qtbot, shown, terminal, "120.00")
    model = shown.pre_authorisations_model
    shown.pre_authorisations_view.selectRow(0)
    assert shown.release_action.isEnabled()
    shown.release_action.trigger()
    release = last_terminal_dialog(qtbot, shown, first)
    assert release.operation is CardKind.RELEASE
    assert not child(release, QLineEdit, "amountEdit").isVisible()  # a release frees the whole hold
    assert "120" in child(release, QLabel, "cardHeading").text()
    before = ledger_counts(demo_database)
    with qtbot.waitSignal(release.accepted, timeout=30_000):
        press_terminal(qtbot, release, terminal.info)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).state == "released", timeout=30_000)
    assert model.data(model.index(0, model.STATE)) == "released"
    shown.pre_authorisations_view.selectRow(0)
    assert not shown.release_action.isEnabled() and not shown.capture_action.isEnabled()  # used once
    assert ledger_counts(demo_database) == before and card_payments(demo_database, card) == []
    assert hold_states(demo_database, card) == ["released"]
    [preauth, freed] = terminal.sim.journal
    assert (preauth.operation, freed.operation) == ("pre_authorisation", "release")
    assert terminal.sim.state.preauths[preauth.receipt_no].state == "released"
    assert delivery.wait_all(30_000)  # the release's slip prints after the dialog closed, through the journal too
    with demo_database.unit_of_work() as session:
        assert unresolved(session, WORKSTATION) == []


def test_a_clerk_releases_a_hold_only_with_a_managers_credentials(qtbot, demo_database, card, terminal):
    from tests.actors import demo_credentials
    from ui.context import DeskContext

    ctx = DeskContext(demo_database, signed_in(demo_database, Role.CLERK, WORKSTATION))
    try:
        shown = open_reservation_card(qtbot, ctx, card.folio.folio.id)
        first = pre_authorise_on_card(qtbot, shown, terminal, "80.00")
        shown.pre_authorisations_view.selectRow(0)
        shown.release_action.trigger()
        release = last_terminal_dialog(qtbot, shown, first)
        username = child(release, QLineEdit, "usernameEdit")
        assert not username.isVisible()
        press_terminal(qtbot, release, terminal.info)
        # Refused before the terminal is asked: the dialog asks for a manager instead.
        qtbot.waitUntil(username.isVisible, timeout=30_000)
        assert delivery.wait_all(30_000)
        assert release.isVisible() and [t.operation for t in terminal.sim.journal] == ["pre_authorisation"]
        assert hold_states(demo_database, card) == ["open"]
        manager, password = demo_credentials(Role.MANAGER)
        retype(qtbot, username, manager)
        retype(qtbot, child(release, QLineEdit, "passwordEdit"), password)
        with qtbot.waitSignal(release.accepted, timeout=30_000):
            press_terminal(qtbot, release, terminal.info)
        assert hold_states(demo_database, card) == ["released"]
        assert [t.operation for t in terminal.sim.journal] == ["pre_authorisation", "release"]
    finally:
        delivery.cancel_all()
        assert delivery.wait_all(30_000)
        ctx.close()


def main_window(qtbot, ctx):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_open_holds_list_shows_every_open_hold_oldest_first_and_flags_the_old(qtbot, cashier_context,
                                                                                 demo_database, card, terminal):
    from datetime import UTC, datetime, timedelta

    from desk.cards.models import CardRecord, CardRecordKind
    from desk.cards.terminal_workflow import card_pre_authorise, card_release
    from desk.ledger.models import Folio
    from ui.cards.operations import OpenHoldsDialog

    other = find_card(demo_database, lambda c: c.folio.folio.id != card.folio.folio.id
                      and c.folio.folio.reservation_id is not None)
    cashier, runner, tid = cashier_context.actor, cashier_context.runner, terminal.info.id
    with demo_database.writing() as session:
        # A hold taken eight days ago (the ledger is append-only: it is written as it was then).
        session.add(CardRecord(operation=CardRecordKind.PRE_AUTHORISATION, folio_id=card.folio.folio.id,
                               amount=eur("200.00"), terminal="Desk terminal", receipt_no=901, trace_no=901,
                               brand="VISA", masked_pan="************0042", created_by=cashier.username,
                               workstation=WORKSTATION, created_at=datetime.now(UTC) - timedelta(days=8)))
        numbers = {folio.id: folio.reservation.number
                   for folio in (session.get_one(Folio, c.folio.folio.id) for c in (card, other))}
    assert card_pre_authorise(runner, cashier, tid, other.folio.folio.id, eur("60.00")).settled
    assert card_pre_authorise(runner, cashier, tid, other.folio.folio.id, eur("45.00")).settled
    with demo_database.unit_of_work() as session:
        released = holds_of_folio(session, other.folio.folio.id)[-1]
    assert card_release(runner, cashier, tid, released.id).settled  # a released hold is not listed

    window = main_window(qtbot, cashier_context)
    window.open_holds_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(OpenHoldsDialog) is not None, timeout=30_000)
    dialog = window.findChild(OpenHoldsDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.table.rowCount() > 0, timeout=30_000)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert len(rows) == 2, rows
    old, new = rows
    assert old[1] == "8" and "200.00" in old[2] and old[3] == numbers[card.folio.folio.id]
    assert "VISA" in old[4] and "0042" in old[4]
    assert old[5] == "over 5 days"
    assert dialog.advice_label.isVisible() and "pre-authorise close to arrival" in dialog.advice_label.text()
    assert new[1] == "0" and "60.00" in new[2] and new[3] == numbers[other.folio.folio.id] and new[5] == ""
    assert dialog.status_label.text() == "2 open pre-authorisations."
    dialog.close()


def signed_in_at_start(qtbot, database: Database, actor):
    """The program as it is after the sign-in: ui.app's Startup with its main window (see Startup._signed_in)."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from ui.app import Startup

    url = database.engine.url.render_as_string(hide_password=False)
    startup = Startup(QApplication.instance(), argparse.Namespace(database=url, workstation=WORKSTATION))
    startup.database = database
    startup._signed_in(actor)
    assert startup.window is not None
    qtbot.waitExposed(startup.window)
    return startup


def boxes(window, name: str) -> list:
    from PySide6.QtWidgets import QMessageBox

    return [box for box in window.findChildren(QMessageBox, name) if box.isVisible()]


def receipts_checks(window) -> list:
    from ui.receipts_check import ReceiptsCheckDialog

    return [dialog for dialog in window.findChildren(ReceiptsCheckDialog) if dialog.isVisible()]


def test_start_up_settles_the_card_sale_and_the_receipt_the_last_run_left_open_once(qtbot, demo_database, card,
                                                                                  terminal, fiscal_printer):
    from desk.cards.models import CardKind
    from desk.cards.operations import CardRequest, plan_card_operation
    from desk.journal.intents import mark_sent, record_intent
    from tests.ui.test_fiscal_flow import cash_payment, receipt_left_open
    from ui.context import DeskContext

    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    # The last run: a card sale the bank booked and a receipt the register issued, neither answer heard.
    bill_id = card.folio.bills[0].bill.id
    last_run = DeskContext(demo_database, cashier)
    try:
        # The cash first: no payment is taken on a bill while a card sale on it is unresolved.
        receipt_left_open(last_run, cash_payment(last_run, demo_database), register_issued=True)
    finally:
        last_run.close()
    with demo_database.writing() as session:
        request = plan_card_operation(session, cashier, CardKind.SALE, terminal.info.id,
                                      CardRequest(amount=eur("25.00"), bill_id=bill_id, allow_overpay=True))
        mark_sent(session, cashier, record_intent(session, cashier, request).id)
    terminal.sim.record("sale", 2500, 978)
    with demo_database.unit_of_work() as session:
        assert {i.kind for i in unresolved(session, WORKSTATION)} == {"card_sale", "fiscal_receipt"}

    startup = signed_in_at_start(qtbot, demo_database, cashier)
    try:
        window = startup.window
        qtbot.waitUntil(lambda: bool(boxes(window, "reconciledBox") and receipts_checks(window)), timeout=30_000)
        [cards] = boxes(window, "reconciledBox")
        [receipts] = receipts_checks(window)
        assert cards.text() == "Card operations: 1 settled on the ledger."
        assert receipts.summary_label.text() == "Receipts confirmed by the register: 1."
        [payment] = card_payments(demo_database, card)
        assert payment.amount == eur("25.00") and "receipt 0001" in payment.text
        with demo_database.unit_of_work() as session:
            assert unresolved(session, WORKSTATION) == []
    finally:
        startup.shut_down()

    # The next start finds nothing left: it says nothing and settles nothing again.
    startup = signed_in_at_start(qtbot, demo_database, cashier)
    try:
        assert delivery.wait_all(30_000)
        qtbot.wait(50)  # the ops' answers are delivered through the event loop
        assert boxes(startup.window, "reconciledBox") == [] and receipts_checks(startup.window) == []
        assert [p.amount for p in card_payments(demo_database, card)] == [eur("25.00")]
    finally:
        startup.shut_down()


def test_operations_awaiting_the_operators_webhook_read_as_such_not_as_unasked():
    from desk.journal.intents import Reconciled
    from ui.cards.operations import reconciled_text

    assert reconciled_text(Reconciled(still_unknown=[7, 8, 9], awaiting_confirmation=[8, 9])) == (
        "Card operations: 2 waiting for the card operator's confirmation; "
        "1 still unclear: the terminal or the card operator could not be asked.")
    assert reconciled_text(Reconciled(still_unknown=[8], awaiting_confirmation=[8])) == (
        "Card operations: 1 waiting for the card operator's confirmation.")


def test_a_pending_operation_awaiting_the_operators_webhook_says_so_in_the_list():
    from datetime import UTC, datetime

    from desk.journal.intents import EventType, EventView, IntentView
    from ui.cards.operations import intent_state_text

    def intent(error: str) -> IntentView:
        at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
        events = (EventView(EventType.SENT, {}, at, "anna", None), EventView(EventType.UNKNOWN, {"error": error}, at,
                                                                              "anna", None))
        return IntentView(1, "k", "online_capture", "adyen", "TEST-1", "anna", at, None, None, None, None, {}, events)

    assert intent_state_text(intent("AwaitingConfirmation: received")) == "waiting for the card operator's confirmation"
    assert intent_state_text(intent("AnswerLost: timed out")) == "answer unclear"
