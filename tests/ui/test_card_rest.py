"""Cards left behind give back their widgets (issue 23): a tab beyond the most recent ones, or not
shown for a while, keeps only where the clerk was and is built again, as it was left, when it comes
forward; a card with an open dialog or a device wait keeps its widgets."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtWidgets import QTabWidget

from desk.cards.operations import HoldState
from desk.ledger.folios import load_folio
from desk.ledger.postings import post_service
from desk.people.models import Role
from desk.stays import reservation_card
from desk.stays.reservation_card import SavedCard
from tests.actors import signed_in
from tests.helpers import eur
from tests.ui.conftest import folio_id_of
from tests.ui.test_card_tabs import WaitingDialog
from ui.dialogs.common import DeskDialog
from ui.reservation_card.base import BILLS_TAB
from ui.reservation_card.cards_window import CardsWindow, RestingCard
from ui.reservation_card.window import ReservationCard, open_reservation_card


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(CardsWindow, "clock", staticmethod(fake))
    monkeypatch.setattr(CardsWindow, "keep_recent", 1)
    return fake


@pytest.fixture
def open_card(qtbot, desk_context):
    def show(folio_id: int) -> ReservationCard:
        card = open_reservation_card(desk_context, folio_id)
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        return card

    yield show
    for window in CardsWindow.instances():
        for page in window.pages():
            for dialog in page.findChildren(DeskDialog):
                dialog.reject()
        window.close()


def tabs_of(card: ReservationCard) -> QTabWidget:
    return card.window().findChild(QTabWidget, "cardTabs")


def test_a_card_behind_the_most_recent_rests_and_comes_back_as_it_was_left(qtbot, clock, open_card, demo_database):
    folio_id = folio_id_of(demo_database, "R10016")
    other = signed_in(demo_database, Role.CASHIER, "FRONT-2")
    with demo_database.writing() as session:
        bills = load_folio(session, folio_id).bills
        for _ in range(40):  # enough rows to scroll
            post_service(session, other, bill_id=bills[0].bill.id, service_code="MB-WATER")
    card = open_card(folio_id)
    chosen = [card.postings_model.id_at(30), card.postings_model.id_at(31)]
    card.select_postings(chosen)
    card.postings_view.verticalScrollBar().setValue(5)
    card.tabs.setCurrentIndex(BILLS_TAB)
    company_bill = bills[1].bill.id
    card.select_bill(company_bill)
    title = card.windowTitle()

    second = open_card(folio_id_of(demo_database, "R10012"))
    tabs = tabs_of(second)
    qtbot.waitUntil(lambda: not shiboken6.isValid(card), timeout=5_000)  # its widgets are gone
    resting = tabs.widget(0)
    assert isinstance(resting, RestingCard) and resting.folio_id == folio_id
    assert tabs.tabToolTip(0) == title and tabs.count() == 2

    tabs.setCurrentIndex(0)  # brought forward: built again at once from what it kept
    back = tabs.currentWidget()
    assert isinstance(back, ReservationCard) and back.is_loaded and back.isVisible()
    assert open_reservation_card(second.ctx, folio_id) is back  # one card per folio still
    assert back.tabs.currentIndex() == BILLS_TAB
    assert back.current_bill_id() == company_bill
    assert back.selected_posting_ids() == chosen
    assert back.postings_view.verticalScrollBar().value() == 5
    qtbot.waitUntil(lambda: not shiboken6.isValid(second), timeout=5_000)  # and now the other rests


def test_a_card_with_an_open_dialog_or_a_device_wait_keeps_its_widgets(qtbot, clock, open_card, desk_context,
                                                                        demo_database):
    asking = open_card(folio_id_of(demo_database, "R10016"))
    asking.make_payment_action.trigger()
    qtbot.waitUntil(lambda: asking.last_dialog is not None and asking.last_dialog.isVisible(), timeout=5_000)
    busy = open_card(folio_id_of(demo_database, "R10012"))
    released = threading.Event()
    waiting = WaitingDialog(desk_context, busy, released)
    waiting.open()
    waiting.apply()
    try:
        open_card(folio_id_of(demo_database, "R10013"))
        clock.now += 3600  # long unseen, and beyond the most recent: would rest, but each is in use
        tabs_of(busy).window().rest_idle_tabs()
        assert shiboken6.isValid(asking) and shiboken6.isValid(busy)
        assert waiting.is_busy
    finally:
        released.set()
    qtbot.waitUntil(lambda: not waiting.is_busy, timeout=10_000)


def test_a_card_not_shown_for_a_while_rests(qtbot, clock, monkeypatch, open_card, demo_database):
    monkeypatch.setattr(CardsWindow, "keep_recent", 5)
    first = open_card(folio_id_of(demo_database, "R10016"))
    second = open_card(folio_id_of(demo_database, "R10012"))
    window = tabs_of(second).window()
    clock.now += CardsWindow.rest_after_s - 1
    window.rest_idle_tabs()
    assert shiboken6.isValid(first)
    clock.now += 2
    window.rest_idle_tabs()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5_000)
    assert isinstance(window.pages()[0], RestingCard)
    assert shiboken6.isValid(second)  # the one in front never rests


def test_closing_a_card_with_an_open_dialog_brings_the_dialog_forward_instead(qtbot, open_card, demo_database):
    paying = open_card(folio_id_of(demo_database, "R10016"))
    paying.make_payment_action.trigger()
    dialog = paying.last_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=5_000)
    dialog.amount_edit.setText("12.34")
    other = open_card(folio_id_of(demo_database, "R10012"))
    tabs = tabs_of(other)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)  # set aside with its tab

    tabs.tabCloseRequested.emit(tabs.indexOf(paying))  # the tab's close button
    assert shiboken6.isValid(paying) and shiboken6.isValid(dialog)
    assert tabs.currentWidget() is paying
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.amount_edit.text() == "12.34"  # what was typed is still there
    assert "dialog" in paying.statusBar().currentMessage()

    assert not tabs.window().close()  # the window's close: the same, the card and its dialog stay
    assert shiboken6.isValid(paying) and tabs.count() == 2

    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert paying.close()


def test_a_resting_card_keeps_the_bills_split_and_the_chosen_saved_card_and_hold(qtbot, clock, open_card,
                                                                                  demo_database, monkeypatch):
    """What the clerk arranged and chose in the card comes back with it: the bills and payments
    split as it was dragged, the saved card and the pre-authorisation selected."""
    cards = [SavedCard(f"**** {n}111", "visa", "12/29", f"Holder {n}", 30, id=n) for n in (7, 8, 9)]
    holds = [SimpleNamespace(amount=eur("50.00"), created_at=datetime.now(UTC), state=HoldState.OPEN, id=n,
                             terminal="", masked_pan=f"**** {n}222", operator_id=None, saved_card_id=None)
             for n in (21, 22)]
    monkeypatch.setattr(reservation_card, "_saved_cards", lambda _session, _folio_id: cards)
    monkeypatch.setattr(reservation_card, "holds_of_folio", lambda _session, _folio_id: holds)
    folio_id = folio_id_of(demo_database, "R10016")
    card = open_card(folio_id)
    card.tabs.setCurrentIndex(BILLS_TAB)
    top, bottom = card.bills_splitter.sizes()
    card.bills_splitter.setSizes([top + bottom - 60, 60])
    split = card.bills_splitter.sizes()
    card.saved_cards_view.selectRow(2)
    card.pre_authorisations_view.selectRow(1)
    card.reload()  # a reload keeps them too
    qtbot.waitUntil(lambda: not card._loading, timeout=30_000)
    assert (card.current_saved_card().id, card.current_hold().id) == (9, 22)

    second = open_card(folio_id_of(demo_database, "R10012"))
    qtbot.waitUntil(lambda: not shiboken6.isValid(card), timeout=5_000)  # rested: its widgets are gone
    tabs = tabs_of(second)
    tabs.setCurrentIndex(0)
    back = tabs.currentWidget()
    assert isinstance(back, ReservationCard) and back.isVisible()
    qtbot.waitUntil(lambda: not back._loading, timeout=30_000)  # and reloaded what changed while it rested

    assert back.bills_splitter.sizes() == split
    assert back.current_saved_card() is not None and back.current_saved_card().id == 9
    assert back.current_hold() is not None and back.current_hold().id == 22


def test_the_sources_imported_modules_left_in_linecache_are_dropped_when_cards_rest(qtbot, clock, open_card,
                                                                                    demo_database):
    """shiboken6's import hook reads every imported module's source into linecache (about 35 MiB for
    the desk's modules): the cards window drops it when it opens and whenever cards rest."""
    import linecache

    first = open_card(folio_id_of(demo_database, "R10016"))
    linecache.getlines(__file__)  # as the import hook leaves a module's source
    assert __file__ in linecache.cache
    open_card(folio_id_of(demo_database, "R10012"))
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5_000)  # the first rests

    assert __file__ not in linecache.cache
