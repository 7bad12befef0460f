"""Verify and save credit card -> Terminal with Adyen, as a clerk does it, against the fake Adyen's
terminal over loopback (cloud Terminal API): the reservation card's Terminal button, the window waiting
for the card, the saved card then listed; Cancel sends Adyen an AbortRequest and saves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.saved_cards import add_operator, set_operator_reader
from desk.db.engine import Database
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, reader_save_waiting, unpaid_stay_card
from ui.cards.reader_save import ReaderSaveDialog
from ui.reservation_card.window import ReservationCard

pytestmark = pytest.mark.gui

WORKSTATION = "TEST-1"
KEY = "AQE_gui_test_key"
MERCHANT = "HotelAdlerECOM"
HMAC = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
POIID = "V400m-324688179"


@dataclass
class Terminal:
    fake: FakeAdyen
    operator_id: int


@pytest.fixture
def terminal(demo_database: Database, monkeypatch) -> Iterator[Terminal]:
    monkeypatch.setattr("desk.cards.reader_save.READER_POLL_S", 0.05)
    fake = FakeAdyen(KEY, MERCHANT, hmac_key=HMAC)
    fake.hold_webhooks = True
    url = fake.serve()
    fake.terminals.add_terminal(POIID)
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Adyen", "adyen", KEY, account=MERCHANT, api_base=url,
                            currencies=("EUR",), hmac_key=HMAC)
        set_operator_reader(session, manager, info.id, WORKSTATION, POIID)
    try:
        yield Terminal(fake, info.id)
    finally:
        fake.close()


@pytest.fixture
def cashier_context(context_of) -> object:
    return context_of(Role.CASHIER, WORKSTATION)


@pytest.fixture
def window(qtbot, cashier_context, demo_database: Database, terminal: Terminal) -> Iterator[ReservationCard]:
    yield from unpaid_stay_card(qtbot, cashier_context, demo_database)


def waiting_for_the_card(qtbot, window: ReservationCard, terminal: Terminal) -> ReaderSaveDialog:
    dialog: ReaderSaveDialog = reader_save_waiting(
        qtbot, window, lambda: terminal.fake.terminals.terminals[POIID]["current"] is not None)
    assert child(dialog, QLabel, "readerSaveMessage").text() == (
        f"Ask the guest to present the card on the terminal {POIID}. Nothing is charged: "
        "the card is saved for later.")  # Adyen's word: a terminal, not a reader
    return dialog


def test_the_card_presented_on_the_adyen_terminal_is_listed_with_its_masked_number(qtbot, window, terminal):
    assert window.saved_cards_model.rowCount() == 0
    dialog = waiting_for_the_card(qtbot, window, terminal)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        terminal.fake.terminals.present_card(POIID, "visa")
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    model = window.saved_cards_model
    shown = [model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole) for column in range(2)]
    assert shown == ["Visa •••• 1111", "03/2030"]
    assert "Card saved: Visa •••• 1111, valid to 03/2030." in window.statusBar().currentMessage()


def test_cancel_aborts_the_payment_at_adyen_and_saves_nothing(qtbot, window, terminal):
    dialog = waiting_for_the_card(qtbot, window, terminal)
    with qtbot.waitSignal(dialog.rejected, timeout=30_000):
        dialog.cancel_button.click()
    assert [category for category, _poiid, _service in terminal.fake.terminals.messages] == ["Payment", "Abort"]
    [ended] = terminal.fake.terminals.done
    assert (ended["result"], ended["condition"]) == ("Failure", "Aborted")
    assert window.saved_cards_model.rowCount() == 0


def test_a_refused_card_says_so_and_keeps_the_window_to_read(qtbot, window, terminal):
    dialog = waiting_for_the_card(qtbot, window, terminal)
    terminal.fake.terminals.present_card(POIID, "refused")
    message = child(dialog, QLabel, "readerSaveMessage")
    qtbot.waitUntil(lambda: "refused the card" in message.text(), timeout=30_000)
    assert message.text() == "Adyen refused the card (Refusal). Nothing was saved."
    assert dialog.isVisible() and dialog.cancel_button.text() == "&Close"
