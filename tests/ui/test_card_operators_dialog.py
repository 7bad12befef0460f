"""Settings -> Card operators: a manager adds Stripe (against the fake on loopback), checks the
connection, changes the key; the saved key is never shown back; a clerk cannot open it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox

from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import list_operators, operator_settings
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.people.models import Role
from tests.ui.test_dialogs_common import child, retype
from ui.main_window import MainWindow
from ui.settings.card_operators import CardOperatorsDialog

pytestmark = pytest.mark.gui

KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
NEW_KEY = "sk_test_51RotatedKey0000000000"


@pytest.fixture
def stripe() -> Iterator[FakeStripe]:
    fake = FakeStripe(KEY)
    fake.serve()
    try:
        yield fake
    finally:
        fake.close()


def _opened(qtbot, context_of, role: Role = Role.MANAGER) -> CardOperatorsDialog:
    window = MainWindow(context_of(role))
    qtbot.addWidget(window)
    assert window.card_operators_action.isEnabled()
    window.card_operators_action.trigger()
    dialog = window.card_operators_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.operator_combo.count() > 0, timeout=30_000)
    return dialog


def _saved(qtbot, dialog: CardOperatorsDialog) -> None:
    label = child(dialog, QLabel, "operatorErrorLabel")
    label.clear()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and label.text() != "", timeout=30_000)


def test_a_manager_adds_stripe_checks_it_and_changes_its_key(qtbot, context_of, demo_database: Database, stripe):
    dialog = _opened(qtbot, context_of)
    combo = child(dialog, QComboBox, "operatorCombo")
    combo.setCurrentIndex(combo.count() - 1)  # New operator…
    retype(qtbot, child(dialog, QLineEdit, "operatorNameEdit"), "Stripe EUR")
    retype(qtbot, child(dialog, QLineEdit, "operatorAddressEdit"), stripe.base_url)
    retype(qtbot, child(dialog, QLineEdit, "operatorCurrenciesEdit"), "EUR, CHF")
    child(dialog, QSpinBox, "operatorRetentionSpin").setValue(60)
    secret = child(dialog, QLineEdit, "operatorSecretEdit")
    assert secret.echoMode() is QLineEdit.EchoMode.Password
    retype(qtbot, secret, KEY)
    _saved(qtbot, dialog)
    assert child(dialog, QLabel, "operatorErrorLabel").text() == "Stripe EUR is saved."
    [info] = Runner(demo_database).read(list_operators)
    assert (info.name, info.currencies, info.retention_days) == ("Stripe EUR", ("EUR", "CHF"), 60)
    assert secret.text() == "" and "leave empty to keep it" in secret.placeholderText()
    assert not child(dialog, QLineEdit, "operatorHmacEdit").isVisible()

    check = child(dialog, QLabel, "operatorCheckLabel")
    dialog.check_connection()
    qtbot.waitUntil(lambda: "answered" in check.text(), timeout=30_000)
    assert check.text() == "Stripe EUR answered: the account and the key are right."

    retype(qtbot, secret, NEW_KEY)
    _saved(qtbot, dialog)
    assert Runner(demo_database).read(operator_settings, info.id).secret == NEW_KEY
    assert NEW_KEY not in " ".join(w.text() for w in dialog.findChildren(QLabel))
    dialog.check_connection()
    qtbot.waitUntil(lambda: "refused" in check.text(), timeout=30_000)
    assert check.text().startswith("Stripe EUR refused the account or the key: Invalid API Key provided")


def test_check_connection_asks_with_what_is_typed_and_saves_nothing(qtbot, context_of, demo_database: Database,
                                                                     stripe):
    dialog = _opened(qtbot, context_of)
    combo = child(dialog, QComboBox, "operatorCombo")
    combo.setCurrentIndex(combo.count() - 1)  # New operator…
    retype(qtbot, child(dialog, QLineEdit, "operatorNameEdit"), "Stripe EUR")
    retype(qtbot, child(dialog, QLineEdit, "operatorAddressEdit"), stripe.base_url)
    secret = child(dialog, QLineEdit, "operatorSecretEdit")
    retype(qtbot, secret, KEY)
    check = child(dialog, QLabel, "operatorCheckLabel")
    dialog.check_connection()
    qtbot.waitUntil(lambda: "answered" in check.text(), timeout=30_000)
    assert check.text() == "Stripe EUR answered: the account and the key are right."
    assert Runner(demo_database).read(list_operators) == []  # checked before it is saved
    _saved(qtbot, dialog)
    [info] = Runner(demo_database).read(list_operators)

    retype(qtbot, secret, NEW_KEY)  # a new key typed, not saved: the check asks with it
    dialog.check_connection()
    qtbot.waitUntil(lambda: "refused" in check.text(), timeout=30_000)
    assert Runner(demo_database).read(operator_settings, info.id).secret == KEY
    secret.clear()  # an empty key field: the saved key
    dialog.check_connection()
    qtbot.waitUntil(lambda: "answered" in check.text(), timeout=30_000)


def test_cancel_stops_waiting_for_a_silent_operator(qtbot, context_of, demo_database: Database, stripe, manager,
                                                     monkeypatch):
    from desk.cards import saved_cards

    with demo_database.writing() as session:
        saved_cards.add_operator(session, manager, "Stripe", "stripe", KEY, api_base=stripe.base_url)
    released = []

    def silent(_settings: object) -> None:
        while not released:
            time.sleep(0.05)

    monkeypatch.setattr("ui.settings.card_operators.check_operator_connection", silent)
    dialog = _opened(qtbot, context_of)
    op = dialog.check_connection()
    qtbot.wait(150)  # asking, and no answer
    assert op.is_running
    op.cancel()
    check = child(dialog, QLabel, "operatorCheckLabel")
    qtbot.waitUntil(lambda: check.text().startswith("Cancelled"), timeout=30_000)
    released.append(True)


def test_a_clerk_has_no_card_operators_menu(qtbot, context_of):
    window = MainWindow(context_of(Role.CLERK))
    qtbot.addWidget(window)
    assert not window.card_operators_action.isEnabled()
