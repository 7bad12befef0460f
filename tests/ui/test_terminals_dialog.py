"""Card terminals configured in the Devices window, then offered by the card payment dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget

from desk.cards.models import CardKind
from desk.cards.terminals import list_terminals
from desk.db.runner import Runner
from desk.people.models import Role
from tests.ui.test_dialogs_common import card_window, child, find_card, opened, retype
from ui.cards.terminal import CardTerminalDialog
from ui.settings.devices import DevicesDialog, TerminalDialog


def open_terminal_form(qtbot, dialog: DevicesDialog) -> TerminalDialog:
    qtbot.waitUntil(lambda: bool(dialog.currencies), timeout=30_000)
    child(dialog, QPushButton, "addTerminalButton").click()
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "terminal_dialog", None), TerminalDialog)
                    and dialog.terminal_dialog.isVisible(), timeout=30_000)
    return dialog.terminal_dialog


def test_a_manager_adds_a_terminal_and_the_card_dialog_offers_it(qtbot, context_of, demo_database):
    ctx = context_of(Role.MANAGER)
    dialog = opened(qtbot, DevicesDialog(ctx))
    table = child(dialog, QTableWidget, "terminalsTable")
    assert table.rowCount() == 0
    form = open_terminal_form(qtbot, dialog)
    password = child(form, QLineEdit, "terminalPasswordEdit")
    assert password.echoMode() is QLineEdit.EchoMode.Password
    retype(qtbot, child(form, QLineEdit, "terminalNameEdit"), "Lobby terminal")
    retype(qtbot, child(form, QLineEdit, "terminalUrlEdit"), "tcp://192.168.1.60:20007")
    currency = child(form, QComboBox, "terminalCurrencyCombo")
    assert currency.currentText() == "EUR"
    retype(qtbot, password, "123456")
    with qtbot.waitSignal(form.accepted, timeout=30_000):
        form.save()

    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=30_000)
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "Lobby terminal", "tcp://192.168.1.60:20007", "EUR"]
    (info,) = Runner(demo_database).read(list_terminals, "TEST-1")
    assert (info.name, info.url, info.currency) == ("Lobby terminal", "tcp://192.168.1.60:20007", "EUR")

    window = card_window(qtbot)
    card = find_card(demo_database, lambda c: len(c.folio.bills) == 1)
    payment = opened(qtbot, CardTerminalDialog(ctx, card, Runner(demo_database).read(list_terminals, "TEST-1"),
                                               CardKind.SALE, parent=window,
                                               bill_id=card.folio.bills[0].bill.id))
    assert child(payment, QPushButton, f"terminalButton{info.id}").text().endswith(" · Lobby terminal")

    table.selectRow(0)
    child(dialog, QPushButton, "removeTerminalButton").click()
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=30_000)
    assert Runner(demo_database).read(list_terminals, "TEST-1") == []


def test_a_bad_address_is_refused_and_nothing_is_written(qtbot, context_of, demo_database):
    dialog = opened(qtbot, DevicesDialog(context_of(Role.MANAGER)))
    form = open_terminal_form(qtbot, dialog)
    retype(qtbot, child(form, QLineEdit, "terminalNameEdit"), "Lobby terminal")
    retype(qtbot, child(form, QLineEdit, "terminalUrlEdit"), "com1")
    form.save()
    error = child(form, QLabel, "terminalErrorLabel")
    qtbot.waitUntil(lambda: "serial:///dev/ttyACM0" in error.text(), timeout=30_000)
    assert form.isVisible()
    assert Runner(demo_database).read(list_terminals, "TEST-1") == []
    assert child(dialog, QTableWidget, "terminalsTable").rowCount() == 0
