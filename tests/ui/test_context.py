"""Change notices: a change reloads only the cards of the folios it touched, here or on another desk."""

from __future__ import annotations

import shiboken6

from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.lookup import reservation_by_number
from desk.ledger.postings import post_service
from desk.people.auth import trusted_actor
from desk.people.models import Role
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card

OTHER_DESK = trusted_actor("ivan", "FRONT-2", Role.CASHIER)


def _folio_and_bill(database, number: str) -> tuple[int, int]:
    with database.unit_of_work() as session:
        folio_id = folio_of_reservation(session, reservation_by_number(session, number).id)
        return folio_id, load_folio(session, folio_id).bills[0].bill.id


def _open(qtbot, ctx, folio_id: int):
    card = open_reservation_card(ctx, folio_id)
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
    loads: list[int] = []
    card.loaded.connect(lambda *_: loads.append(1))
    return card, loads


def _close(*cards) -> None:
    for card in cards:
        if shiboken6.isValid(card):
            card.close()


def test_a_change_reloads_only_the_card_of_its_folio(qtbot, desk_context, demo_database):
    changed_folio, bill_id = _folio_and_bill(demo_database, "R10016")
    other_folio, _ = _folio_and_bill(demo_database, "R10012")
    changed, changed_loads = _open(qtbot, desk_context, changed_folio)
    other, other_loads = _open(qtbot, desk_context, other_folio)
    try:
        with (qtbot.waitSignal(desk_context.folios_changed, timeout=30_000) as notice,
              qtbot.waitSignal(changed.loaded, timeout=30_000)):
            desk_context.change(None, post_service, bill_id=bill_id, service_code="PARKING").run()
        assert notice.args == [frozenset({changed_folio})]
        assert delivery.wait_all(30_000)  # any reload the notice set off has finished by now
        assert changed_loads == [1] and other_loads == []
        assert any(line.posting.service_code == "PARKING" for line in changed.view.postings)
    finally:
        _close(changed, other)


def test_the_poll_names_the_folio_another_desk_changed(qtbot, desk_context, demo_database):
    changed_folio, bill_id = _folio_and_bill(demo_database, "R10016")
    other_folio, _ = _folio_and_bill(demo_database, "R10012")
    changed, changed_loads = _open(qtbot, desk_context, changed_folio)
    other, other_loads = _open(qtbot, desk_context, other_folio)
    try:
        desk_context.check_for_changes()  # the first poll only takes the stamp
        assert delivery.wait_all(30_000)
        with demo_database.writing() as session:
            post_service(session, OTHER_DESK, bill_id=bill_id, service_code="PARKING")
        with (qtbot.waitSignal(desk_context.folios_changed, timeout=30_000) as notice,
              qtbot.waitSignal(changed.loaded, timeout=30_000)):
            desk_context.check_for_changes()
        assert notice.args == [frozenset({changed_folio})]
        assert delivery.wait_all(30_000)
        assert changed_loads == [1] and other_loads == []
    finally:
        _close(changed, other)
