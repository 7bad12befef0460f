"""The Credit card section's saved cards with Saferpay or Elavon Converge as the hotel's operator, as a
clerk clicks them: the saved card listed, Charge saved card, and an expired hold's capture turned into
"Charge the saved card directly", against each operator's fake over loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desk.cards.operations import HoldState, holds_of_folio
from desk.cards.operator_workflow import save_new_card
from desk.cards.operators.fakes import converge, saferpay
from desk.cards.operators.fakes.base import LoopbackFake
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from desk.people.models import Role
from desk.stays.reservation_card import ReservationCardData
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, find_card, folio_now
from ui.cards.saved import SavedCardDialog, SavedCardOperation
from ui.reservation_card.window import ReservationCard, open_reservation_card

WORKSTATION = "TEST-1"


@dataclass(frozen=True)
class Operator:
    """One operator as the desk sets it up, and how its fake records a merchant-initiated sale."""

    name: str
    kind: str
    fake: Callable[[], LoopbackFake]
    secret: str
    account: str
    test_card: str  # what its hosted card form gives for the guest's test Visa
    shown: str  # the saved card as the table lists it
    sale: Callable[[dict[str, Any]], tuple[str, tuple[str, str]]]  # (its id, (its state, who initiated))
    merchant_sale: tuple[str, str]  # (state, who initiated) of a charge the hotel made without the guest


SAFERPAY = Operator(
    "Saferpay", "saferpay", lambda: saferpay.FakeSaferpay(user="API_245294_08670203", password="gui-password"),
    "API_245294_08670203:gui-password", f"{saferpay.DEFAULT_CUSTOMER}/{saferpay.DEFAULT_TERMINAL}", "fields_visa",
    "Visa •••• 0004", lambda t: (t["Id"], (t["Status"], t["Initiator"])), ("CAPTURED", "MERCHANT"))
CONVERGE = Operator(
    "Converge", "converge", lambda: converge.FakeConverge(user="apiuser", pin="GUIPIN"),
    "GUIPIN", f"{converge.DEFAULT_MERCHANT}/apiuser", "enc_visa", "Visa •••• 0019",
    lambda t: (t["ssl_txn_id"], (t["ssl_transaction_type"], t["ssl_merchant_initiated_unscheduled"])),
    ("SALE", "Y"))


class FakeHostedCardPage:
    """Stands in for the operator's hosted card form in a window of ours: the guest "typed" a test Visa."""

    def __init__(self, test_card: str) -> None:
        self.test_card = test_card
        self.asked: list[str] = []

    def new_card(self, operator: str) -> str:
        self.asked.append(operator)
        return self.test_card


@dataclass
class Online:
    operator: Operator
    fake: Any  # the operator's fake: its records are read in its own protocol's words
    operator_id: int


@pytest.fixture(params=[SAFERPAY, CONVERGE], ids=lambda operator: operator.kind)
def online(request, demo_database: Database) -> Iterator[Online]:
    operator: Operator = request.param
    fake = operator.fake()
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, operator.name, operator.kind, operator.secret,
                            account=operator.account, api_base=url)
    try:
        yield Online(operator, fake, info.id)
    finally:
        fake.close()


@pytest.fixture
def cashier_context(context_of) -> object:
    return context_of(Role.CASHIER, WORKSTATION)


@pytest.fixture
def card(demo_database: Database) -> ReservationCardData:
    return find_card(demo_database, lambda c: len(c.folio.bills) == 1
                     and c.folio.bills[0].status is BillStatus.NOT_PAID and c.folio.folio.company_id is None)


@pytest.fixture
def window(qtbot, cashier_context, demo_database: Database, online: Online,
           card: ReservationCardData) -> Iterator[ReservationCard]:
    page = FakeHostedCardPage(online.operator.test_card)
    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    done = save_new_card(Runner(demo_database), cashier, online.operator_id, page, "Anna Gast",
                         reservation_id=card.folio.folio.reservation_id)
    assert done is not None and done.settled and page.asked == [online.operator.kind]
    shown = open_reservation_card(cashier_context, card.folio.folio.id)
    qtbot.waitUntil(lambda: shown.is_loaded and shown.isVisible(), timeout=30_000)
    yield shown
    if shiboken6.isValid(shown):
        shown.close()


def card_payments(database: Database, card: ReservationCardData):
    return [line.payment for line in folio_now(database, card).payments if line.payment.kind is PaymentKind.PAYMENT
            and line.payment.method.kind.value == "card"]


def open_dialog(qtbot, window: ReservationCard, button: QPushButton) -> SavedCardDialog:
    button.click()
    dialog = window.last_dialog
    assert isinstance(dialog, SavedCardDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    return dialog


def test_a_saved_card_is_listed_and_charged_from_the_reservation_card(qtbot, window, demo_database, card,
                                                                        online):
    model = window.saved_cards_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == online.operator.shown
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.charge_saved_action.isEnabled(), timeout=10_000)
    dialog = open_dialog(qtbot, window, window.charge_saved_button)
    balance = card.folio.bills[0].balance
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()
    [payment] = card_payments(demo_database, card)
    [transaction] = online.fake.transactions.values()
    transaction_id, how = online.operator.sale(transaction)
    assert payment.amount == balance and transaction_id in payment.text
    assert how == online.operator.merchant_sale


def test_an_expired_hold_offers_to_charge_the_saved_card_directly(qtbot, window, demo_database, card, online):
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.charge_saved_action.isEnabled(), timeout=10_000)
    hold_dialog = open_dialog(qtbot, window, window.pre_authorise_saved_button)
    owed = card.folio.bills[0].balance
    child(hold_dialog, QLineEdit, "amountEdit").setText(f"{owed.amount:f}")
    with qtbot.waitSignal(hold_dialog.accepted, timeout=30_000):
        hold_dialog.apply_button.click()
    with demo_database.unit_of_work() as session:
        [hold] = holds_of_folio(session, card.folio.folio.id)
    assert hold.state is HoldState.OPEN
    online.fake.advance(days=8)
    qtbot.waitUntil(lambda: window.pre_authorisations_model.rowCount() == 1, timeout=10_000)
    window.pre_authorisations_view.selectRow(0)
    qtbot.waitUntil(lambda: window.capture_action.isEnabled(), timeout=10_000)
    capture = open_dialog(qtbot, window, window.capture_button)
    capture.apply_button.click()
    result = child(capture, QLabel, "resultLabel")
    qtbot.waitUntil(lambda: result.isVisible(), timeout=30_000)
    assert result.text().startswith("The bank has already released this pre-authorisation")
    charge = child(capture, QPushButton, "chargeSavedDirectlyButton")
    assert charge.isVisible() and card_payments(demo_database, card) == []
    charge.click()
    direct = window.last_dialog
    assert isinstance(direct, SavedCardDialog) and direct is not capture
    qtbot.waitUntil(direct.isVisible, timeout=10_000)
    with qtbot.waitSignal(direct.accepted, timeout=30_000):
        direct.apply_button.click()
    assert [p.amount for p in card_payments(demo_database, card)] == [owed]


@pytest.mark.parametrize("online", [CONVERGE], indirect=True, ids=["converge"])
def test_a_part_refunded_the_day_converge_took_it_tells_the_clerk_in_their_words(qtbot, window, demo_database, card,
                                                                                online):
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.charge_saved_action.isEnabled(), timeout=10_000)
    charge = open_dialog(qtbot, window, window.charge_saved_button)
    with qtbot.waitSignal(charge.accepted, timeout=30_000):
        charge.apply_button.click()
    [payment] = card_payments(demo_database, card)
    qtbot.waitUntil(lambda: payment.id in (window.card.card_payments if window.card else {}), timeout=10_000)
    info = window.card.card_payments[payment.id]
    dialog = SavedCardDialog(window.ctx, window.card, SavedCardOperation.REFUND, payment=info, parent=window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    child(dialog, QLineEdit, "amountEdit").setText("10.00")
    if child(dialog, QLineEdit, "usernameEdit").isVisible():  # a cashier may not refund alone
        child(dialog, QLineEdit, "usernameEdit").setText("maria")
        child(dialog, QLineEdit, "passwordEdit").setText("manager")
    dialog.apply_button.click()
    result = child(dialog, QLabel, "resultLabel")
    qtbot.waitUntil(lambda: result.isVisible(), timeout=30_000)
    assert result.text().startswith("Converge gives back only the whole payment until its day is settled")
    assert [line for line in folio_now(demo_database, card).payments if line.payment.kind is PaymentKind.REFUND] == []
