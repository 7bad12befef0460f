"""A check charged at a POS, through the real service over a socket, appears on an open card."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import Qt

from desk.db.runner import Runner
from desk.pos.api import Guard, create_app
from desk.pos.keys import create_key
from desk.pos.simulate import Simulator
from tests.pos.conftest import ADMIN, ServerThread
from tests.ui.conftest import folio_id_of
from tests.ui.test_card import cells
from ui.context import POLL_INTERVAL_MS
from ui.dialogs.details import ServiceDetailsDialog
from ui.reservation_card.base import SERVICES_TAB
from ui.reservation_card.models import PostingsModel
from ui.reservation_card.window import open_reservation_card

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_a_pos_posting_shows_on_the_open_card_by_the_poll_alone(qtbot, desk_context, demo_database):
    # The poll, not this test, must bring the posting: a second between polls, the rest for the reload.
    assert POLL_INTERVAL_MS <= 1000
    folio_id = folio_id_of(demo_database, "R10016")
    card = open_reservation_card(desk_context, folio_id)
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
    card.tabs.setCurrentIndex(SERVICES_TAB)
    desk_context.start_watching()
    qtbot.waitUntil(lambda: desk_context.watching_since is not None, timeout=30_000)
    before = card.postings_model.rowCount()
    key = Runner(demo_database).run(create_key, ADMIN, "till-live", "BAR").value
    room = demo_database_room(demo_database, "R10016")
    try:
        with ServerThread(Guard(create_app(demo_database))) as url:
            pos = Simulator(url, key, "rest")
            status, found = pos.rest("GET", f"/rooms/{room}/guests")
            assert status == 200
            body = {"check_id": "live-1", "check_number": "4711", "outlet": "BAR", "payment_code": "25",
                    "stay": found["stay"], "guest_id": found["guests"][0]["guest_id"],
                    "closed_at": datetime.now(UTC).isoformat(), "currency": "EUR",
                    "lines": [{"item": "Negroni", "quantity": "2", "price": "9.50", "tax": "20"},
                              {"item": "Olives", "quantity": "1", "price": "3.00", "tax": "20"}],
                    "tip": "0", "total": "22.00"}
            status, _ = pos.rest("POST", "/checks", body, idempotency_key="live-1")
            assert status == 201
            posted_at = time.monotonic()
            qtbot.waitUntil(lambda: "Lobby bar, check 4711" in cells(card.postings_view, PostingsModel.SOURCE),
                            timeout=30_000)
            print(f"posting on the card {1000 * (time.monotonic() - posted_at):.0f} ms after the POS's answer")
        assert card.postings_model.rowCount() == before + 1
        row = cells(card.postings_view, PostingsModel.SOURCE).index("Lobby bar, check 4711")
        posting_id = card.postings_model.line(row).posting.id

        details = ServiceDetailsDialog(desk_context, posting_id, card)
        details.open()
        qtbot.waitUntil(lambda: details.details is not None, timeout=30_000)
        items = [details.items_view.model().data(details.items_view.model().index(r, 0), DISPLAY)
                 for r in range(details.items_view.model().rowCount())]
        assert items == ["Negroni", "Olives"]
        details.close()
    finally:
        desk_context.stop_watching()
        if shiboken6.isValid(card):
            card.close()


def demo_database_room(database, number: str) -> str:
    from desk.ledger.lookup import reservation_by_number

    with database.unit_of_work() as session:
        return reservation_by_number(session, number).room.number
