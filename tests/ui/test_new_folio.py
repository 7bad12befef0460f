"""New folio: a walk-in client's folio (or a company's, an event's account) opened on the card, and
found again by the main window's search."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import func, select

from desk.ledger.models import Folio
from desk.stays.booking import booking_choices
from desk.stays.search import FolioKind, FolioQuery, search_folios
from tests.ui.test_dialogs_common import apply_refused, child, click, retype
from ui.reservation_card.window import ReservationCard, open_reservation_card
from ui.stays.new_folio import NewFolioDialog


def _dialog(qtbot, desk_context, demo_database, opened: list[ReservationCard]) -> NewFolioDialog:
    with demo_database.unit_of_work() as session:
        choices = booking_choices(session)
    dialog = NewFolioDialog(desk_context, choices)
    dialog.open_card = lambda folio_id: opened.append(open_reservation_card(desk_context, folio_id))
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_walk_in_clients_folio_opens_on_the_card_and_is_found(qtbot, desk_context, demo_database):
    opened: list[ReservationCard] = []
    dialog = _dialog(qtbot, desk_context, demo_database, opened)
    retype(qtbot, child(dialog, QLineEdit, "nameEdit"), "Konstantin Konstantinopolsky")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    card = opened[0]
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
    assert card.findChild(QLabel, "detailsLabel").text() == "Walk-in client"
    with demo_database.unit_of_work() as session:
        rows = search_folios(session, FolioQuery(text="Konstantin", kinds=frozenset({FolioKind.WALK_IN})))
    assert [row.folio_id for row in rows] == [card.folio_id]
    card.close()


def test_a_company_account_is_opened_not_made_twice(qtbot, desk_context, demo_database):
    opened: list[ReservationCard] = []
    for _ in range(2):
        dialog = _dialog(qtbot, desk_context, demo_database, opened)
        dialog.company_radio.setChecked(True)
        count = len(opened)
        click(qtbot, dialog, "applyButton")
        qtbot.waitUntil(lambda count=count: len(opened) == count + 1, timeout=30_000)
    assert opened[0].folio_id == opened[1].folio_id
    opened[0].close()


def test_a_walk_in_without_a_name_is_refused(qtbot, desk_context, demo_database):
    dialog = _dialog(qtbot, desk_context, demo_database, [])
    with demo_database.unit_of_work() as session:
        before = session.scalar(select(func.count(Folio.id)))
    assert apply_refused(qtbot, dialog, "name") == "A walk-in client needs a name"
    with demo_database.unit_of_work() as session:
        assert session.scalar(select(func.count(Folio.id))) == before
    dialog.close()
