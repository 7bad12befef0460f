"""A card's dialogs are modal to the card's tab only, as a browser's are to its tab: while card A's
payment dialog or device wait is open, A's page refuses input and the dialog shows only while A's
tab is in front; every other card and the tab bar stay usable."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from desk.core.errors import InvalidInput
from tests.ui.conftest import folio_id_of
from ui.dialogs.payment import MakePaymentDialog
from ui.ops.feedback import ProgressDialog, show_error
from ui.reservation_card.cards_window import CardsWindow
from ui.reservation_card.window import ReservationCard, open_reservation_card

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def two_cards(qtbot, desk_context, demo_database):
    opened: list[ReservationCard] = []
    for number in ("R10016", "R10012"):
        card = open_reservation_card(desk_context, folio_id_of(demo_database, number))
        opened.append(card)
        qtbot.waitUntil(lambda card=card: card.is_loaded and card.isVisible(), timeout=30_000)
    first, second = opened
    window = first.window()
    assert isinstance(window, CardsWindow)
    tabs = window.findChild(QTabWidget, "cardTabs")
    tabs.setCurrentWidget(first)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    yield first, second, tabs
    for card in opened:
        for dialog in card.findChildren(MakePaymentDialog):
            if shiboken6.isValid(dialog):
                dialog.reject()
        if shiboken6.isValid(card):
            card.close()


def click_tab(qtbot, tabs: QTabWidget, card: ReservationCard) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(card)).center())
    # A click on the tab bar makes the cards window the active one, where the keys go (the offscreen
    # platform needs telling).
    tabs.window().activateWindow()
    qtbot.waitUntil(tabs.window().isActiveWindow, timeout=5_000)


def test_a_payment_dialog_blocks_its_own_card_only_and_waits_there_with_what_was_typed(qtbot, two_cards):
    first, second, tabs = two_cards
    first.make_payment_action.trigger()
    paying = first.last_dialog
    assert isinstance(paying, MakePaymentDialog)
    qtbot.waitUntil(paying.isVisible, timeout=5_000)
    paying.amount_edit.setText("12.34")

    # The card behind its dialog refuses input: its page, its menus and its shortcuts.
    assert not first.postings_view.isEnabled() and not first.menuBar().isEnabled()
    qtbot.keyClick(first.postings_view, Qt.Key.Key_P, CTRL)
    assert first.last_dialog is paying and len(first.findChildren(MakePaymentDialog)) == 1
    assert paying.isEnabled() and paying.amount_edit.isEnabled()  # the dialog itself takes input
    # Not window-modal: that would block the whole cards window, every other card with it.
    assert QApplication.activeModalWidget() is None
    assert paying.windowHandle().modality() == Qt.WindowModality.NonModal

    # The tab bar still works: the other card comes forward, the dialog goes with its own tab.
    click_tab(qtbot, tabs, second)
    assert tabs.currentWidget() is second
    qtbot.waitUntil(lambda: not paying.isVisible(), timeout=5_000)
    assert second.postings_view.isEnabled()
    second.postings_view.setFocus()
    qtbot.keyClick(second.postings_view, Qt.Key.Key_P, CTRL)  # the other card's Pay works
    other = second.last_dialog
    assert isinstance(other, MakePaymentDialog)
    qtbot.waitUntil(other.isVisible, timeout=5_000)
    other.reject()
    qtbot.waitUntil(lambda: second.postings_view.isEnabled(), timeout=5_000)

    # Back on the first card: its dialog again, as the clerk left it, the card still blocked.
    click_tab(qtbot, tabs, first)
    qtbot.waitUntil(paying.isVisible, timeout=5_000)
    assert paying.amount_edit.text() == "12.34" and not first.postings_view.isEnabled()
    paying.reject()
    qtbot.waitUntil(lambda: first.postings_view.isEnabled(), timeout=5_000)
    assert first.menuBar().isEnabled()


def test_a_card_waiting_on_its_device_leaves_the_other_cards_usable(qtbot, two_cards, desk_context):
    first, second, tabs = two_cards
    released = threading.Event()
    op = desk_context.device_op(first, lambda: released.wait(10)).with_progress_dialog("Terminal").run()
    try:
        qtbot.waitUntil(lambda: any(wait.isVisible() for wait in first.findChildren(ProgressDialog)),
                        timeout=5_000)
        wait = first.findChild(ProgressDialog)
        assert not first.postings_view.isEnabled()
        assert QApplication.activeModalWidget() is None
        assert wait.windowHandle().modality() == Qt.WindowModality.NonModal
        # The wait cursor is over the waiting card, not over the whole cards window.
        assert first.cursor().shape() == Qt.CursorShape.WaitCursor
        assert not tabs.window().testAttribute(Qt.WidgetAttribute.WA_SetCursor)

        click_tab(qtbot, tabs, second)
        assert tabs.currentWidget() is second
        qtbot.waitUntil(lambda: not wait.isVisible(), timeout=5_000)
        qtbot.keyClick(second.postings_view, Qt.Key.Key_P, CTRL)
        other = second.last_dialog
        assert isinstance(other, MakePaymentDialog)
        qtbot.waitUntil(other.isVisible, timeout=5_000)
        other.reject()
        # The waiting card, out of sight, still refuses to close: its wait is not over.
        assert first.is_waiting_on_device() and not first.close()

        click_tab(qtbot, tabs, first)
        qtbot.waitUntil(wait.isVisible, timeout=5_000)
        assert op.is_running
    finally:
        released.set()
    qtbot.waitUntil(lambda: first.postings_view.isEnabled(), timeout=10_000)
    assert not first.findChildren(ProgressDialog) or not first.findChild(ProgressDialog).isVisible()


def test_a_message_over_a_card_dialog_blocks_that_dialog_and_goes_with_its_tab(qtbot, two_cards):
    first, second, tabs = two_cards
    first.make_payment_action.trigger()
    paying = first.last_dialog
    assert isinstance(paying, MakePaymentDialog)
    qtbot.waitUntil(paying.isVisible, timeout=5_000)
    box = show_error(paying, InvalidInput("The amount is not a number."))
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    # Modal to the dialog it answers (which refuses input meanwhile), not to the cards window.
    assert QApplication.activeModalWidget() is None
    assert not paying.amount_edit.isEnabled() and box.isEnabled()

    click_tab(qtbot, tabs, second)
    qtbot.waitUntil(lambda: not box.isVisible() and not paying.isVisible(), timeout=5_000)
    assert second.postings_view.isEnabled()

    click_tab(qtbot, tabs, first)
    qtbot.waitUntil(lambda: box.isVisible() and paying.isVisible(), timeout=5_000)
    box.accept()
    qtbot.waitUntil(paying.amount_edit.isEnabled, timeout=5_000)
    assert not first.postings_view.isEnabled()  # the payment dialog is still open over its card
