"""The Credit card section's saved cards with Elavon Converge as the hotel's operator, as a clerk clicks
them: the tokenised card listed and charged from the reservation card, against the fake Converge."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desk.cards.operator_workflow import save_new_card
from desk.cards.operators.fakes.converge import DEFAULT_MERCHANT, FakeConverge
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from desk.people.models import Role
from desk.stays.reservation_card import ReservationCardData
from tests.actors import signed_in
from tests.ui.test_dialogs_common import find_card, folio_now
from ui.cards.saved import SavedCardDialog
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

WORKSTATION = "TEST-1"
USER, PIN = "apiuser", "GUIPIN"


class FakeFieldsPage:
    """Stands in for Converge's hosted card form in a window of ours: it gives the card's encrypted data."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def new_card(self, operator: str) -> str:
        self.asked.append(operator)
        return "enc_visa"


@dataclass
class Online:
    fake: FakeConverge
    operator_id: int


@pytest.fixture
def online(demo_database: Database) -> Iterator[Online]:
    fake = FakeConverge(user=USER, pin=PIN)
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Converge", "converge", PIN, account=f"{DEFAULT_MERCHANT}/{USER}",
                            api_base=url)
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
    assert done is not None and done.settled and page.asked == ["converge"]
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


def test_a_converge_card_is_listed_and_charged_from_the_reservation_card(qtbot, window, demo_database, card,
                                                                          online):
    model = window.saved_cards_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "Visa •••• 0019"
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.charge_saved_action.isEnabled(), timeout=10_000)
    dialog = open_dialog(qtbot, window, window.charge_saved_button)
    balance = card.folio.bills[0].balance
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()
    [payment] = card_payments(demo_database, card)
    [transaction] = online.fake.transactions.values()
    assert payment.amount == balance and transaction["ssl_txn_id"] in payment.text
    assert (transaction["ssl_transaction_type"], transaction["ssl_merchant_initiated_unscheduled"]) == ("SALE", "Y")
