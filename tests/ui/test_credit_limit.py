"""Credit limit…: a manager sets it on the card; the header says when the stay owes more."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QLineEdit

from desk.ledger.folios import load_folio
from desk.people.models import Role
from tests.ui.conftest import folio_id_of
from tests.ui.test_dialogs_common import apply_refused, child, click, retype
from ui.reservation_card.window import open_reservation_card

pytestmark = pytest.mark.gui


def test_a_manager_sets_a_limit_below_the_balance_and_the_header_says_it_is_exceeded(qtbot, context_of,
                                                                                     demo_database):
    folio_id = folio_id_of(demo_database, "R10016")
    with demo_database.unit_of_work() as session:
        balance = load_folio(session, folio_id).balance
    assert balance.amount > 10
    card = open_reservation_card(context_of(Role.MANAGER), folio_id)
    try:
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        credit = child(card, QLabel, "creditLabel")
        assert not credit.isVisible()
        card.credit_limit_action.trigger()
        dialog = card.last_dialog
        retype(qtbot, child(dialog, QLineEdit, "limitEdit"), "-5")
        assert apply_refused(qtbot, dialog, "limit")
        retype(qtbot, child(dialog, QLineEdit, "limitEdit"), "10")
        click(qtbot, dialog, "applyButton")
        qtbot.waitUntil(lambda: credit.isVisible(), timeout=30_000)
        assert "10" in credit.text() and "exceeded" in credit.text()
    finally:
        if shiboken6.isValid(card):
            card.close()


def test_a_clerk_has_no_credit_limit_to_set(qtbot, context_of, demo_database):
    card = open_reservation_card(context_of(Role.CLERK), folio_id_of(demo_database, "R10016"))
    try:
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        assert not card.credit_limit_action.isEnabled()
    finally:
        if shiboken6.isValid(card):
            card.close()
