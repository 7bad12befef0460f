"""Void on a payment charged through a card operator (a saved card): the dialog says it is given back
through that operator with Refund to the card, not on the terminal."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desk.cards.models import SavedCard
from desk.cards.operator_workflow import charge_saved_card
from desk.db.runner import Runner
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import signed_in
from tests.helpers import eur
from tests.ui.test_dialogs_common import child, opened
from tests.ui.test_saved_cards import (  # noqa: F401 (fixtures)
    WORKSTATION,
    card,
    cashier_context,
    online,
    saved,
)
from ui.dialogs import VoidDialog

pytestmark = pytest.mark.gui


def test_an_operator_payment_is_given_back_through_the_operator(qtbot, cashier_context, demo_database,  # noqa: F811
                                                                online, saved, card):  # noqa: F811
    cashier = signed_in(demo_database, Role.CASHIER, WORKSTATION)
    with demo_database.unit_of_work() as session:
        card_id = session.scalars(select(SavedCard.id)).one()
    paid = charge_saved_card(Runner(demo_database), cashier, online.operator_id, card_id,
                             card.folio.bills[0].bill.id, eur("12.00"), allow_overpay=True)
    assert paid.settled and paid.payment_id is not None
    with demo_database.unit_of_work() as session:
        fresh = load_reservation_card(session, card.folio.folio.id)
    dialog = opened(qtbot, VoidDialog(cashier_context, fresh, payment_id=paid.payment_id))
    note = child(dialog, QLabel, "terminalNoteLabel").text()
    assert note.startswith("Money charged through the card operator Stripe is given back through it")
    assert "terminal" not in note
