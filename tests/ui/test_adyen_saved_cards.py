"""The clerk's flow on a card saved at Adyen: pre-authorise, then capture part, which Adyen only
"received": the dialog says it waits for Adyen's confirmation (not that Adyen did not answer), and
the signed webhook received by desk serve's application then settles it once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QLineEdit

from desk.cards.operations import HoldState, hold_view, holds_of_folio
from desk.cards.operator_workflow import save_card
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.people.models import Role
from desk.pos.api import Guard, create_app
from desk.stays.reservation_card import ReservationCardData
from tests.actors import signed_in
from tests.desk.adyen_rig import API_KEY, HMAC_KEY, MERCHANT, VISA, ServiceThread
from tests.ui.test_dialogs_common import child, find_card
from ui.cards.saved import SavedCardDialog
from ui.reservation_card.window import ReservationCard, open_reservation_card

WORKSTATION = "TEST-1"


@dataclass
class Online:
    fake: FakeAdyen
    operator_id: int


@pytest.fixture
def online(demo_database: Database) -> Iterator[Online]:
    service = ServiceThread(Guard(create_app(demo_database)))
    fake = FakeAdyen(API_KEY, MERCHANT, hmac_key=HMAC_KEY, webhook_url=f"{service.start()}/webhooks/adyen")
    fake.hold_webhooks = True
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Adyen", "adyen", API_KEY, account=MERCHANT, api_base=url,
                            hmac_key=HMAC_KEY)
    try:
        yield Online(fake, info.id)
    finally:
        fake.close()
        service.stop()


@pytest.fixture
def cashier_context(context_of) -> object:
    return context_of(Role.CASHIER, WORKSTATION)


@pytest.fixture
def card(demo_database: Database, online: Online) -> ReservationCardData:
    found = find_card(demo_database, lambda c: len(c.folio.bills) == 1
                      and c.folio.bills[0].status is BillStatus.NOT_PAID and c.folio.folio.company_id is None)
    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    assert save_card(Runner(demo_database), cashier, online.operator_id, VISA, "Anna Gast",
                     reservation_id=found.folio.folio.reservation_id).settled
    online.fake.send_webhooks()
    return found


@pytest.fixture
def window(qtbot, cashier_context, card: ReservationCardData) -> Iterator[ReservationCard]:
    shown = open_reservation_card(cashier_context, card.folio.folio.id)
    qtbot.waitUntil(lambda: shown.is_loaded and shown.isVisible(), timeout=30_000)
    yield shown
    if shiboken6.isValid(shown):
        shown.close()


def test_a_capture_adyen_only_received_waits_for_its_webhook(qtbot, window, demo_database, card, online):
    window.saved_cards_view.selectRow(0)
    qtbot.waitUntil(lambda: window.pre_authorise_saved_action.isEnabled(), timeout=10_000)
    window.pre_authorise_saved_button.click()
    hold_dialog = window.last_dialog
    assert isinstance(hold_dialog, SavedCardDialog)
    qtbot.waitUntil(hold_dialog.isVisible, timeout=10_000)
    child(hold_dialog, QLineEdit, "amountEdit").setText("200.00")
    with qtbot.waitSignal(hold_dialog.accepted, timeout=30_000):
        hold_dialog.apply_button.click()
    online.fake.send_webhooks()
    with demo_database.unit_of_work() as session:
        [hold] = holds_of_folio(session, card.folio.folio.id)

    qtbot.waitUntil(lambda: window.pre_authorisations_model.rowCount() == 1, timeout=10_000)
    window.pre_authorisations_view.selectRow(0)
    qtbot.waitUntil(lambda: window.capture_action.isEnabled(), timeout=10_000)
    window.capture_button.click()
    capture = window.last_dialog
    assert isinstance(capture, SavedCardDialog)
    qtbot.waitUntil(capture.isVisible, timeout=10_000)
    child(capture, QLineEdit, "amountEdit").setText("120.00")
    capture.apply_button.click()
    result = child(capture, QLabel, "resultLabel")
    qtbot.waitUntil(lambda: result.isVisible(), timeout=30_000)
    assert result.text() == ("Adyen has the request and confirms it in a moment. Until then the operation is "
                             "listed under Pending card operations and the bill takes no other card payment.")
    assert not capture.apply_button.isEnabled()
    with demo_database.unit_of_work() as session:
        assert hold_view(session, hold.id).state is HoldState.OPEN
    assert online.fake.send_webhooks() == 1
    with demo_database.unit_of_work() as session:
        assert hold_view(session, hold.id).state is HoldState.PARTLY_CAPTURED


def test_a_capture_whose_webhook_does_not_come_says_what_to_check_in_adyens_customer_area(
        qtbot, cashier_context, demo_database, card, online):
    from desk.cards.operator_workflow import capture_online_hold, idempotency_key, pre_authorise_saved_card
    from desk.cards.saved_cards import saved_cards
    from desk.core.money import Money
    from ui.cards.operations import PendingCardOperationsDialog

    runner = Runner(demo_database)
    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    [saved] = runner.read(lambda s: saved_cards(s, reservation_id=card.folio.folio.reservation_id))
    currency = card.folio.bills[0].balance.currency
    held = pre_authorise_saved_card(runner, cashier, online.operator_id, saved.id, card.folio.folio.id,
                                    Money.of("200.00", currency))
    online.fake.send_webhooks()
    assert held.settled
    [hold] = runner.read(lambda s: holds_of_folio(s, card.folio.folio.id))
    captured = capture_online_hold(runner, cashier, online.operator_id, hold.id, Money.of("120.00", currency),
                                   bill_id=card.folio.bills[0].bill.id)
    assert captured.awaiting_confirmation  # the webhook is held back: it does not come
    dialog = PendingCardOperationsDialog(cashier_context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    advice = child(dialog, QLabel, "adviceLabel")
    assert advice.isHidden()
    dialog.table.selectRow(0)
    qtbot.waitUntil(lambda: not advice.isHidden(), timeout=10_000)
    reference = captured.intent.request["reference"]
    assert advice.text() == (
        "Adyen tells how this ended only by its notification (webhook): no enquiry exists for it. If it does not "
        f"come, look in Adyen's Customer Area, Transactions → Payments, at payment {reference} for the "
        f"modification with merchant reference {idempotency_key(captured.intent)}, then settle it by hand from "
        "what it shows.")
