"""Verify and save credit card -> Terminal, as a clerk does it, against the fake Stripe's simulated
reader over loopback: the reservation card's Terminal button, the window waiting for the card with a
busy bar and Cancel, the saved card then listed with its masked number, brand and expiry; Cancel asks
the reader to stop and saves nothing; Settings -> Card operators keeps this workstation's reader."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import add_operator, operator_reader, set_operator_reader
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_dialogs_common import child, reader_save_waiting, retype, unpaid_stay_card
from ui.cards.reader_save import ReaderSaveDialog
from ui.reservation_card.window import ReservationCard

pytestmark = pytest.mark.gui

WORKSTATION = "TEST-1"
KEY = "sk_test_gui"


@dataclass
class Reader:
    fake: FakeStripe
    operator_id: int
    reader: str


@pytest.fixture
def reader(demo_database: Database, monkeypatch) -> Iterator[Reader]:
    monkeypatch.setattr("desk.cards.reader_save.READER_POLL_S", 0.05)
    fake = FakeStripe(KEY)
    url = fake.serve()
    reader_id = fake.add_reader("Front desk 1")
    manager = signed_in(demo_database, Role.MANAGER, WORKSTATION)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Stripe", "stripe", KEY, api_base=url)
        set_operator_reader(session, manager, info.id, WORKSTATION, reader_id)
    try:
        yield Reader(fake, info.id, reader_id)
    finally:
        fake.close()


@pytest.fixture
def cashier_context(context_of) -> object:
    return context_of(Role.CASHIER, WORKSTATION)


@pytest.fixture
def window(qtbot, cashier_context, demo_database: Database, reader: Reader) -> Iterator[ReservationCard]:
    yield from unpaid_stay_card(qtbot, cashier_context, demo_database)


def waiting_for_the_card(qtbot, window: ReservationCard, reader: Reader) -> ReaderSaveDialog:
    action = lambda: reader.fake.readers[reader.reader]["action"]  # noqa: E731
    dialog: ReaderSaveDialog = reader_save_waiting(
        qtbot, window, lambda: action() is not None and action()["status"] == "in_progress")
    assert reader.reader in child(dialog, QLabel, "readerSaveMessage").text() and dialog.progress_bar.isVisible()
    return dialog


def test_the_card_presented_on_the_reader_is_listed_with_its_masked_number(qtbot, window, reader: Reader):
    assert window.saved_cards_model.rowCount() == 0
    dialog = waiting_for_the_card(qtbot, window, reader)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        reader.fake.present_card(reader.reader, "visa")
    qtbot.waitUntil(lambda: window.saved_cards_model.rowCount() == 1, timeout=30_000)
    model = window.saved_cards_model
    shown = [model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole) for column in range(4)]
    assert [shown[0], shown[1]] == ["Visa •••• 4242", "12/2034"]
    assert "Card saved: Visa •••• 4242, valid to 12/2034." in window.statusBar().currentMessage()


def test_cancel_asks_the_reader_to_stop_and_saves_nothing(qtbot, window, reader: Reader):
    dialog = waiting_for_the_card(qtbot, window, reader)
    with qtbot.waitSignal(dialog.rejected, timeout=30_000):
        dialog.cancel_button.click()
    assert reader.fake.readers[reader.reader]["action"]["status"] == "failed"
    assert any(path.endswith("/cancel_action") for _, path, _ in reader.fake.requests)
    [setup] = reader.fake.setup_intents.values()
    assert setup["status"] == "canceled"
    assert window.saved_cards_model.rowCount() == 0


def test_a_declined_card_says_so_and_keeps_the_window_to_read(qtbot, window, reader: Reader):
    dialog = waiting_for_the_card(qtbot, window, reader)
    reader.fake.present_card(reader.reader, "declined")
    message = child(dialog, QLabel, "readerSaveMessage")
    qtbot.waitUntil(lambda: "refused the card" in message.text(), timeout=30_000)
    assert message.text() == "Stripe refused the card (card_declined). Nothing was saved."
    assert dialog.isVisible() and dialog.cancel_button.text() == "&Close"


def test_settings_keep_the_reader_of_this_workstation(qtbot, context_of, demo_database: Database, reader: Reader):
    from ui.main_window import MainWindow

    main = MainWindow(context_of(Role.MANAGER))
    qtbot.addWidget(main)
    main.card_operators_action.trigger()
    dialog = main.card_operators_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.operator_combo.count() > 0, timeout=30_000)
    edit = child(dialog, QLineEdit, "operatorReaderEdit")
    workstation = context_of(Role.MANAGER).actor.workstation
    assert edit.isVisible()
    assert edit.text() == (reader.reader if workstation == WORKSTATION else "")
    retype(qtbot, edit, "tmr_OtherReader42")
    label = child(dialog, QLabel, "operatorErrorLabel")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and label.text() != "", timeout=30_000)
    assert label.text() == "Stripe is saved."
    assert Runner(demo_database).read(operator_reader, reader.operator_id, workstation) == "tmr_OtherReader42"


def test_both_card_saving_windows_stop_and_name_the_saved_card_alike_in_the_clerk_s_language(qtbot, qm_dir):
    # The reader's and the receipt's windows share CardSaveWindow's end: a failure hides the bar, Cancel becomes
    # Close and the refusal is shown; a saved card reads the same in both, in Russian too.
    from types import SimpleNamespace

    from PySide6.QtCore import QCoreApplication, QLocale

    from desk.cards.card_page import NewCardOwner
    from desk.core.errors import UnknownCurrency
    from ui import i18n
    from ui.cards.save_window import CardSaveWindow
    from ui.cards.terminal_reference import TerminalReferenceDialog
    from ui.desk_text import error_text

    saved = SimpleNamespace(intent=SimpleNamespace(answer=SimpleNamespace(
        payload={"brand": "visa", "masked_pan": "•••• 4242", "expiry": "12/2034"})))
    locale = QLocale()
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    try:
        for window_class in (ReaderSaveDialog, TerminalReferenceDialog):
            dialog = window_class(None, "Мария Иванова", NewCardOwner(reservation_id=1))  # type: ignore[arg-type]
            qtbot.addWidget(dialog)
            assert isinstance(dialog, CardSaveWindow)
            refusal = UnknownCurrency("XYZ")
            dialog._failed(refusal)
            assert not dialog.progress_bar.isVisibleTo(dialog)
            assert dialog.cancel_button.text() == "&Закрыть" and dialog.cancel_button.isEnabled()
            assert dialog.message_label.text() == error_text(refusal) and "XYZ" in error_text(refusal)
            assert dialog.saved_text(saved) == "Карта сохранена: Visa •••• 4242, действует до 12/2034."  # type: ignore[arg-type]
    finally:
        i18n.install_translator(QCoreApplication.instance(), "en")
        i18n.remove_translators(QCoreApplication.instance())
        QLocale.setDefault(locale)
