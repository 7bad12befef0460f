"""Pending card operations says how the card of an online operation came: the operator's page, the
terminal, or a card saved before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.journal.intents import IntentView
from ui.cards.operations import operation_text

pytestmark = pytest.mark.gui


def _intent(kind: str, **request: str) -> IntentView:
    return IntentView(1, "k", kind, "Stripe", "TEST-1", "ivan", datetime(2026, 12, 7, tzinfo=UTC), None, None, None,
                      None, dict(request))


@pytest.mark.parametrize(("kind", "came", "shown"), [
    ("online_save", "new", "Save card (typed on the operator's page)"),
    ("online_save", "terminal", "Save card (read by the terminal)"),
    ("online_charge", "saved", "Saved card charged (saved card)"),
])
def test_each_online_operation_names_where_its_card_came_from(qapp, kind: str, came: str, shown: str):
    assert operation_text(_intent(kind, card_came=came)) == shown


def test_a_terminal_operation_and_an_older_journal_entry_name_the_operation_only(qapp):
    assert operation_text(_intent("card_sale")) == "Card payment"
    assert operation_text(_intent("online_save")) == "Save card"
