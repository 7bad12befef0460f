"""The New card window with a real QtWebEngine (offscreen) on the fake Saferpay's own card page: the page
loads, a guest fills its form and sends it, the window catches the return address (never loading it),
and the card is saved on the reservation; the guest's Cancel on the page saves nothing and says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from desk.cards.card_page import NewCardOwner
from desk.cards.models import SavedCard
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.journal.intents import IntentState
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, find_card
from ui.cards.new_card import NewCardDialog
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card

WORKSTATION = "TEST-1"
USER, PASSWORD = "API_245294_08670203", "gui-password"
GUEST_TYPES = """
document.getElementById('card_number').value = '4111 1111 1111 1111';
document.getElementById('exp_month').value = '09';
document.getElementById('exp_year').value = '2031';
document.getElementById('cvc').value = '123';
document.getElementById('holder').value = 'Anna Gast';
document.getElementById('save').click();
"""


@pytest.fixture
def saferpay(demo_database: Database) -> Iterator[tuple[FakeSaferpay, int]]:
    fake = FakeSaferpay(user=USER, password=PASSWORD)
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Saferpay", "saferpay", f"{USER}:{PASSWORD}",
                            account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url)
    yield fake, info.id
    fake.close()


@pytest.fixture
def context(qtbot, demo_database: Database) -> Iterator[object]:
    from ui.context import DeskContext

    ctx = DeskContext(demo_database, signed_in(demo_database, Role.CASHIER, WORKSTATION))
    yield ctx
    delivery.cancel_all()
    assert delivery.wait_all(30_000), "an op was still running at teardown"
    ctx.close()


def page_open(dialog: NewCardDialog) -> bool:
    return dialog.view is not None and dialog.view.isVisible() and dialog.progress_bar.isHidden()


def test_the_guest_types_the_card_on_saferpays_page_in_the_window_and_it_is_saved(qtbot, context, demo_database,
                                                                                  saferpay):
    fake, _ = saferpay
    card = find_card(demo_database, lambda c: c.folio.folio.reservation_id is not None)
    reservation_id = card.folio.folio.reservation_id
    window = open_reservation_card(context, card.folio.folio.id)
    qtbot.waitUntil(lambda: window.is_loaded and window.isVisible(), timeout=30_000)
    button = child(window, QPushButton, "newCardButton")
    assert button.isEnabled()
    button.click()
    dialog = window.last_dialog
    assert isinstance(dialog, NewCardDialog)
    qtbot.waitUntil(lambda: page_open(dialog), timeout=30_000)
    assert dialog.windowTitle() == "New card · Saferpay"
    assert dialog.view is not None and dialog.page is not None
    assert "own page" in dialog.message_label.text()
    assert dialog.view.url().toString().startswith(fake.base_url.removesuffix("/api") + "/vt/alias/")

    # The guest, not the desk, fills the operator's form (a test stands in for their hands).
    dialog.page.runJavaScript(GUEST_TYPES)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass
    assert dialog.outcome is not None and dialog.outcome.settled
    assert dialog.message_label.text() == "Card saved: Visa •••• 1111, valid to 09/2031."
    # The card's Credit card section lists it at once.
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    with demo_database.writing() as session:
        [saved] = session.scalars(select(SavedCard).where(SavedCard.intent_id == dialog.outcome.intent.id)).all()
        assert (saved.reservation_id, saved.masked_pan, saved.token.lower() in fake.aliases) == (
            reservation_id, "•••• 1111", True)

    # Another card, and the guest cancels on the operator's page: nothing saved, and the clerk is told.
    again = NewCardDialog(context, "Anna Gast", NewCardOwner(reservation_id=reservation_id))
    qtbot.addWidget(again)
    again.show()
    again.start()
    qtbot.waitUntil(lambda: page_open(again), timeout=30_000)
    assert again.page is not None
    again.page.runJavaScript("document.getElementById('cancel').click();")
    qtbot.waitUntil(lambda: again.outcome is not None, timeout=30_000)
    assert again.outcome is not None and again.outcome.intent.state is IntentState.CANCELLED
    assert again.message_label.text() == "The card page was left without a card. Nothing was saved."
    assert len(fake.aliases) == 1


def test_without_an_operator_with_its_own_page_the_window_says_so_and_starts_no_browser(qtbot, context):
    dialog = NewCardDialog(context, "Anna Gast", NewCardOwner(reservation_id=1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.cancel_button.text() == "&Close", timeout=10_000)
    assert dialog.message_label.text() == (
        "No card operator with its own card page is set up: take the card on the terminal")
    assert dialog.view is None  # the web engine was never started


def test_card_payment_with_a_new_card_saves_it_and_charges_the_typed_amount_in_one_window(
        qtbot, context, demo_database, saferpay):
    from decimal import Decimal

    from PySide6.QtWidgets import QLineEdit

    from desk.ledger.folios import BillStatus
    from desk.ledger.models import PaymentKind
    from tests.ui.test_dialogs_common import folio_now, retype
    from ui.cards.terminal import CardTerminalDialog

    fake, _ = saferpay
    card = find_card(demo_database, lambda c: c.folio.folio.reservation_id is not None and len(c.folio.bills) == 1
                     and c.folio.bills[0].status is BillStatus.NOT_PAID and c.folio.folio.company_id is None)
    window = open_reservation_card(context, card.folio.folio.id)
    qtbot.waitUntil(lambda: window.is_loaded and window.isVisible(), timeout=30_000)
    window.card_payment_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, CardTerminalDialog) and window.last_dialog.isVisible(),
                    timeout=30_000)
    sale = window.last_dialog
    currency = sale.currency
    retype(qtbot, child(sale, QLineEdit, "amountEdit"), "12.50")
    child(sale, QPushButton, "newCardPaymentButton").click()
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, NewCardDialog), timeout=30_000)
    dialog = window.last_dialog
    assert isinstance(dialog, NewCardDialog) and not sale.isVisible()
    qtbot.waitUntil(lambda: page_open(dialog), timeout=30_000)
    assert dialog.page is not None
    dialog.page.runJavaScript(GUEST_TYPES)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass
    assert dialog.charged is not None and dialog.charged.settled
    assert dialog.message_label.text().startswith("Card saved: Visa •••• 1111, valid to 09/2031. ")
    assert dialog.message_label.text().endswith("charged.")
    payments = [line.payment for line in folio_now(demo_database, card).payments
                if line.payment.kind is PaymentKind.PAYMENT and line.payment.method.kind.value == "card"]
    assert [(p.amount.amount, p.amount.currency) for p in payments][-1:] == [(Decimal("12.50"), currency)]
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    assert len(fake.aliases) == 1


def test_with_several_operators_the_clerk_chooses_whose_page_opens(qtbot, context, demo_database, saferpay):
    from desk.cards.operators.fakes.stripe import FakeStripe

    fake, _ = saferpay
    stripe = FakeStripe("sk_test_chooser")
    stripe.serve()
    try:
        manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
        with demo_database.writing() as session:
            add_operator(session, manager, "Stripe", "stripe", "sk_test_chooser", api_base=stripe.base_url)
        card = find_card(demo_database, lambda c: c.folio.folio.reservation_id is not None)
        dialog = NewCardDialog(context, "Anna Gast", NewCardOwner(reservation_id=card.folio.folio.reservation_id))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.start()
        qtbot.waitUntil(lambda: dialog.chooser.isVisible(), timeout=30_000)
        combo = dialog.operator_combo
        assert [combo.itemText(i) for i in range(combo.count())] == ["Saferpay", "Stripe"]
        assert dialog.view is None  # nothing opened before the clerk chose
        combo.setCurrentIndex(combo.findText("Saferpay"))
        dialog.open_button.click()
        qtbot.waitUntil(lambda: page_open(dialog), timeout=30_000)
        assert dialog.windowTitle() == "New card · Saferpay" and not dialog.chooser.isVisible()
        assert dialog.view is not None and dialog.view.url().toString().startswith(
            fake.base_url.removesuffix("/api") + "/vt/alias/")
        assert stripe.checkout_sessions == {}
        dialog.reject()
        qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30_000)
    finally:
        stripe.close()


def test_pre_authorise_with_a_new_card_from_the_credit_card_section_holds_the_typed_amount(
        qtbot, context, demo_database, saferpay):
    from PySide6.QtWidgets import QLineEdit

    from tests.ui.test_dialogs_common import retype
    from ui.cards.terminal import CardTerminalDialog

    fake, _ = saferpay
    card = find_card(demo_database, lambda c: c.folio.folio.reservation_id is not None and len(c.folio.bills) == 1
                     and c.folio.folio.company_id is None)
    window = open_reservation_card(context, card.folio.folio.id)
    qtbot.waitUntil(lambda: window.is_loaded and window.isVisible(), timeout=30_000)
    assert window.pre_authorisations_model.rowCount() == 0
    window.pre_authorise_button.click()
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, CardTerminalDialog) and window.last_dialog.isVisible(),
                    timeout=30_000)
    hold = window.last_dialog
    retype(qtbot, child(hold, QLineEdit, "amountEdit"), "150.00")
    child(hold, QPushButton, "newCardPaymentButton").click()
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, NewCardDialog), timeout=30_000)
    dialog = window.last_dialog
    assert isinstance(dialog, NewCardDialog)
    qtbot.waitUntil(lambda: page_open(dialog), timeout=30_000)
    assert dialog.page is not None
    dialog.page.runJavaScript(GUEST_TYPES)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass
    assert dialog.charged is not None and dialog.charged.settled
    qtbot.waitUntil(lambda: window.pre_authorisations_model.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    [transaction] = fake.transactions.values()
    assert (transaction["Status"], transaction["Amount"]["Value"]) == ("AUTHORIZED", "15000")
