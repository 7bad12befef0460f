"""A reload changes only the card's rows that differ (issue 23): the posting added is inserted, the
payment taken appears, nothing is reset, so the clerk's selection and scroll stay by themselves and
a payment on a long folio costs what it costs on a new one."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6

from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import load_folio
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge, post_service, reverse_posting
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import signed_in
from tests.helpers import eur
from tests.ui.conftest import folio_id_of
from ui.reservation_card.models import ID_ROLE, BillsModel, PostingsModel
from ui.reservation_card.window import ReservationCard, open_reservation_card


class Changes:
    """What a model said: resets, inserted and removed row ranges, changed row ranges."""

    def __init__(self, model) -> None:
        self.resets = 0
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.changed: list[tuple[int, int]] = []
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.dataChanged.connect(lambda top, bottom, _roles=(): self.changed.append((top.row(), bottom.row())))

    def _reset(self) -> None:
        self.resets += 1


@pytest.fixture
def card(qtbot, desk_context, demo_database):
    opened = open_reservation_card(desk_context, folio_id_of(demo_database, "R10016"))
    qtbot.waitUntil(lambda: opened.is_loaded and opened.isVisible(), timeout=30_000)
    yield opened
    if shiboken6.isValid(opened):
        opened.close()


def reload(qtbot, card: ReservationCard) -> None:
    with qtbot.waitSignal(card.loaded, timeout=30_000):
        card.ctx.folios_changed.emit(frozenset({card.folio_id}))


def test_a_posting_and_a_payment_are_inserted_and_a_reversal_updates_its_row(qtbot, card, demo_database):
    other = signed_in(demo_database, Role.CASHIER, "FRONT-2")
    bill_id = card.view.bills[0].bill.id
    with demo_database.writing() as session:
        for _ in range(30):  # enough rows to scroll
            post_service(session, other, bill_id=bill_id, service_code="MB-WATER")
    reload(qtbot, card)
    postings = Changes(card.postings_model)
    card.select_bill(bill_id)
    payments = Changes(card.payments_model)
    chosen = next(line.posting.id for line in card.view.postings[3:] if line.bill_id == bill_id)
    card.select_postings([chosen])  # the bills tab follows: the paid bill's payments are shown
    scroll = card.postings_view.verticalScrollBar()
    scroll.setValue(2)
    rows = card.postings_model.rowCount()
    payments_before = card.payments_model.rowCount()

    with demo_database.writing() as session:
        added = post_service(session, other, bill_id=bill_id, service_code="PARKING")
        take_payment(session, other, bill_id, Tender("cash", eur("5.00")))
    reload(qtbot, card)

    assert postings.resets == 0 and payments.resets == 0
    added_row = card.postings_model.row_of(added.id)
    assert postings.inserted == [(added_row, added_row)] and postings.removed == []
    assert card.postings_model.rowCount() == rows + 1
    chosen_row = card.postings_model.row_of(chosen)
    assert not any(first <= chosen_row <= last for first, last in postings.changed)  # unchanged rows left alone
    assert card.selected_posting_ids() == [chosen]
    assert payments.inserted == [(payments_before, payments_before)]
    assert card.payments_model.rowCount() == payments_before + 1
    assert scroll.value() == 2

    charge_row = 5
    charge = card.postings_model.id_at(charge_row)
    postings = Changes(card.postings_model)
    manager = signed_in(demo_database, Role.MANAGER, "FRONT-2")
    with demo_database.writing() as session:
        reversal = reverse_posting(session, manager, charge, reason="Wrong room")
    reload(qtbot, card)
    assert postings.resets == 0
    assert card.postings_model.row_of(reversal.id) is not None
    assert [card.postings_model.row_of(charge)] == [first for first, last in postings.changed if first == last]
    assert card.postings_model.line(card.postings_model.row_of(charge)).reversed_by is not None
    assert card.postings_model.data(card.postings_model.index(charge_row, PostingsModel.SERVICE), ID_ROLE) == charge

    # The bill's Services cell and the footer's count follow the reversal (their texts are kept
    # between reloads only while the lines are the same).
    fresh = BillsModel()
    fresh.names = card.bills_model.names
    for bill in card.view.bills:
        row = card.bills_model.row_of(bill.bill.id)
        assert card.bills_model.data(card.bills_model.index(row, BillsModel.SERVICES)) == (
            fresh.services_text(bill) or "No services")
    active = sum(1 for line in card.view.postings if line.is_active)
    assert card.postings_total_label.text().startswith(f"{active} services")


def test_the_rows_shown_are_the_folio_s_in_its_order_after_updates(qtbot, card, demo_database):
    other = signed_in(demo_database, Role.CASHIER, "FRONT-2")
    bill_id = card.view.bills[0].bill.id
    with demo_database.writing() as session:
        for code in ("PARKING", "MB-WATER", "MB-BEER"):
            post_service(session, other, bill_id=bill_id, service_code=code)
    reload(qtbot, card)
    with demo_database.unit_of_work() as session:
        expected = [line.posting.id for line in load_folio(session, card.folio_id).postings]
    model = card.postings_model
    assert [model.id_at(row) for row in range(model.rowCount())] == expected
    assert all(model.row_of(posting_id) == row for row, posting_id in enumerate(expected))


def test_tables_updated_from_a_reload_s_changes_show_what_a_whole_read_shows(qtbot, card, demo_database,
                                                                             monkeypatch):
    """Random changes, each shown from only the lines the reload says changed (issue 23): the rows,
    their texts, the bills' services and the footer are those of tables given the folio read whole."""
    rng = random.Random(7)
    other = signed_in(demo_database, Role.MANAGER, "FRONT-2")
    bill_id = card.view.bills[0].bill.id
    with demo_database.writing() as session:
        office = open_bill(session, other, card.folio_id, payer_name="Office").id
    reload(qtbot, card)
    applied: list[int] = []
    apply = PostingsModel._apply

    def counted(model, lines, changes, places):
        applied.append(len(places))
        return apply(model, lines, changes, places)

    monkeypatch.setattr(PostingsModel, "_apply", counted)
    for step in range(14):
        with demo_database.writing() as session:
            active = [line for line in load_folio(session, card.folio_id).postings if line.is_active]
            if step % 4 == 3 and active:
                reverse_posting(session, other, rng.choice(active).posting.id, reason="not taken")
            elif step % 4 == 2 and active:
                line = rng.choice(active)
                move_postings(session, other, [line.posting.id], office if line.bill_id != office else bill_id)
            elif step % 4 == 1:
                post_charge(session, other, bill_id=rng.choice([bill_id, office]), description="Lunch", quantity=1,
                            unit_price=eur("14.00"), ordered_at=datetime.now(UTC) - timedelta(hours=rng.randint(1, 9)))
            else:
                post_service(session, other, bill_id=bill_id, service_code=rng.choice(["PARKING", "MB-BEER"]))
        reload(qtbot, card)
        with demo_database.unit_of_work() as session:
            whole = load_reservation_card(session, card.folio_id)
        postings, bills = PostingsModel(), BillsModel()
        for model in (postings, bills):
            model.names = card.card.names
        postings.set_view(whole.folio)
        bills.set_view(whole.folio)
        for fresh, shown in ((postings, card.postings_model), (bills, card.bills_model)):
            assert [fresh.id_at(row) for row in range(fresh.rowCount())] == [
                shown.id_at(row) for row in range(shown.rowCount())]
            assert [fresh.texts(row) for row in range(fresh.rowCount())] == [
                shown.texts(row) for row in range(shown.rowCount())]
            assert all(shown.row_of(shown.id_at(row)) == row for row in range(shown.rowCount()))
        card._counted = None
        assert card.postings_total_label.text() == card.services_footer(whole.folio)
    assert len(applied) == 14  # every reload was shown from its changes alone
