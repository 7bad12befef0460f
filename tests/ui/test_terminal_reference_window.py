"""Verify and save credit card -> Terminal at a Worldline hotel, as a clerk does it, against the fake
Saferpay over loopback: with no operator's reader at the workstation and a Saferpay account, the
reservation card's Terminal button asks for the transaction reference on the terminal's receipt; a
mistyped one is refused under the field, one Saferpay does not know saves nothing, and the right one
lists the card with its masked number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QLineEdit

from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.ledger.folios import BillStatus
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, find_card, retype
from ui.cards.terminal_reference import TerminalReferenceDialog
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

pytestmark = pytest.mark.gui

WORKSTATION = "TEST-1"
USER, PASSWORD = "API_245294_08670203", "fake-password"


@pytest.fixture
def saferpay(demo_database: Database) -> Iterator[FakeSaferpay]:
    fake = FakeSaferpay(user=USER, password=PASSWORD)
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        add_operator(session, manager, "Saferpay", "saferpay", f"{USER}:{PASSWORD}",
                     account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url)
    yield fake
    fake.close()


@pytest.fixture
def window(qtbot, demo_database: Database, saferpay: FakeSaferpay) -> Iterator[ReservationCard]:
    from ui.context import DeskContext

    context = DeskContext(demo_database, signed_in(demo_database, Role.CASHIER, WORKSTATION))
    card = find_card(demo_database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].status
                     is BillStatus.NOT_PAID and c.folio.folio.reservation_id is not None)
    shown = open_reservation_card(context, card.folio.folio.id)
    qtbot.waitUntil(lambda: shown.is_loaded and shown.isVisible(), timeout=30_000)
    yield shown
    if shiboken6.isValid(shown):
        shown.close()
    delivery.cancel_all()
    assert delivery.wait_all(30_000), "an op was still running at teardown"
    context.close()


def test_the_reference_on_the_terminal_receipt_saves_the_card(qtbot, window: ReservationCard,
                                                              saferpay: FakeSaferpay):
    assert window.saved_cards_model.rowCount() == 0
    window.reader_card_button.click()
    qtbot.waitUntil(lambda: window.findChild(TerminalReferenceDialog, "terminalReferenceDialog") is not None,
                    timeout=30_000)
    dialog = window.findChild(TerminalReferenceDialog, "terminalReferenceDialog")
    edit = child(dialog, QLineEdit, "terminalReferenceEdit")
    qtbot.waitUntil(edit.isEnabled, timeout=30_000)
    assert dialog.windowTitle() == "Save a card from the terminal's receipt · Saferpay"
    error = child(dialog, QLabel, "terminalReferenceError")

    retype(qtbot, edit, "87768996410")  # the number without Worldline's acquirer and terminal
    dialog.save_button.click()
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    assert error.text() == ("Type the transaction reference as the terminal's receipt shows it, as "
                            "1:100002:1:87768996410")
    assert saferpay.aliases == {}

    retype(qtbot, edit, "1:100002:1:99999999999")
    dialog.save_button.click()
    message = child(dialog, QLabel, "terminalReferenceMessage")
    qtbot.waitUntil(lambda: "knows no terminal transaction" in message.text(), timeout=30_000)
    assert dialog.isVisible() and dialog.save_button.isEnabled() and saferpay.aliases == {}

    retype(qtbot, edit, "1:100002:1:87768996410")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.save_button.click()
    assert message.text() == "Card saved: Mastercard •••• 0016, valid to 09/2031."
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    assert len(saferpay.aliases) == 1


def test_cancel_while_saferpay_is_slow_closes_at_once_and_leaves_the_save_pending(
        qtbot, window: ReservationCard, saferpay: FakeSaferpay, demo_database: Database):
    from desk.cards.models import OnlineKind
    from desk.db.runner import Runner
    from desk.journal.intents import IntentState, unresolved

    window.reader_card_button.click()
    qtbot.waitUntil(lambda: window.findChild(TerminalReferenceDialog, "terminalReferenceDialog") is not None,
                    timeout=30_000)
    dialog = window.findChild(TerminalReferenceDialog, "terminalReferenceDialog")
    edit = child(dialog, QLineEdit, "terminalReferenceEdit")
    qtbot.waitUntil(edit.isEnabled, timeout=30_000)
    # Saferpay does it, and every answer is late and then lost: without Cancel, two more tries and an enquiry.
    saferpay.answer_delay = 1.0
    saferpay.lose_next_answer(3)
    retype(qtbot, edit, "1:100002:1:87768996410")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(saferpay.requests) == 1, timeout=30_000)
    assert dialog.progress_bar.isVisible()
    dialog.cancel_button.click()
    assert not dialog.isVisible()  # closed at once, the answer still on its way
    assert window.statusBar().currentMessage() == (
        "Stopped waiting for Saferpay. The card is listed under Pending card operations, where Saferpay is "
        "asked whether it saved it.")
    assert delivery.wait_all(30_000)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30_000)
    assert [path for path, _id, _retry in saferpay.requests] == ["/api/Payment/v1/OmniChannel/InsertAlias"]  # no retry
    # Saferpay made the alias, the desk never heard: unknown, pending and listed, never "not saved".
    assert len(saferpay.aliases) == 1
    [pending] = Runner(demo_database).read(unresolved, WORKSTATION)
    assert (pending.kind, pending.state) == (OnlineKind.SAVE.value, IntentState.UNKNOWN)
    assert dialog.outcome.pending and not dialog.isVisible()
