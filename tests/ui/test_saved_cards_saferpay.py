"""The Credit card section's saved cards with Saferpay as the hotel's operator, as a clerk clicks them:
the saved alias listed, Charge saved card, and an expired hold's capture turned into "Charge the saved
card directly", against the fake Saferpay over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desk.cards.operations import HoldState, holds_of_folio
from desk.cards.operator_workflow import save_new_card
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from desk.people.models import Role
from desk.stays.reservation_card import ReservationCardData
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, find_card, folio_now
from ui.cards.saved import SavedCardDialog
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

WORKSTATION = "TEST-1"
USER, PASSWORD = "API_245294_08670203", "gui-password"


class FakeFieldsPage:
    """Stands in for Saferpay's hosted card fields in a window of ours: the guest "typed" a test Visa."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def new_card(self, operator: str) -> str:
        self.asked.append(operator)
        return "fields_visa"


@dataclass
class Online:
    fake: FakeSaferpay
    operator_id: int


@pytest.fixture
def online(demo_database: Database) -> Iterator[Online]:
    fake = FakeSaferpay(user=USER, password=PASSWORD)
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Saferpay", "saferpay", f"{USER}:{PASSWORD}",
                            account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url)
    try:
        yield Online(fake, info.id)
    finally:
        fake.close()


@pytest.fixture
def cashier_context(qtbot, demo_database: Database) -> Iterator[object]:
    from ui.context import DeskContext

    context = DeskContext(demo_database, signed_in(demo_database, Role.CASHIER, WORKSTATION))
    yield context
    delivery.cancel_all()
    assert delivery.wait_all(30_000), "an op was still running at teardown"
    context.close()


@pytest.fixture
def card(demo_database: Database) -> ReservationCardData:
    return find_card(demo_database, lambda c: len(c.folio.bills) == 1
                     and c.folio.bills[0].status is BillStatus.NOT_PAID and c.folio.folio.company_id is None)


@pytest.fixture
def window(qtbot, cashier_context, demo_database: Database, online: Online,
           card: ReservationCardData) -> Iterator[ReservationCard]:
    page = FakeFieldsPage()
    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    done = save_new_card(Runner(demo_database), cashier, online.operator_id, page, "Anna Gast",
                         reservation_id=card.folio.folio.reservation_id)
    assert done is not None and done.settled and page.asked == ["saferpay"]
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


def test_a_saferpay_card_is_listed_and_charged_from_the_reservation_card(qtbot, window, demo_database, card,
                                                                          online):
    model = window.saved_cards_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "Visa •••• 0004"
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.charge_saved_action.isEnabled(), timeout=10_000)
    dialog = open_dialog(qtbot, window, window.charge_saved_button)
    balance = card.folio.bills[0].balance
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()
    [payment] = card_payments(demo_database, card)
    [transaction] = online.fake.transactions.values()
    assert payment.amount == balance and transaction["Id"] in payment.text
    assert (transaction["Status"], transaction["Initiator"]) == ("CAPTURED", "MERCHANT")


def test_an_expired_saferpay_hold_offers_to_charge_the_saved_card_directly(qtbot, window, demo_database, card,
                                                                             online):
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
