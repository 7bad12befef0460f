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


def test_a_manager_sets_the_hotels_default_limit_and_a_card_shows_its_limit(qtbot, context_of, demo_database):
    from desk.core.money import Money
    from desk.db.runner import Runner
    from desk.stays.credit import default_credit_limit, set_credit_limit
    from tests.actors import signed_in
    from ui.ops import delivery
    from ui.stays.credit_limit import open_default_credit_limit

    manager = context_of(Role.MANAGER)
    shown: list = []
    open_default_credit_limit(manager, None, shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[0]
    retype(qtbot, child(dialog, QLineEdit, "limitEdit"), "750")
    click(qtbot, dialog, "applyButton")
    assert delivery.wait_all(30_000)
    with demo_database.unit_of_work() as session:
        assert default_credit_limit(session) == Money.of("750.00", "EUR")

    folio_id = folio_id_of(demo_database, "R10016")
    with demo_database.unit_of_work() as session:
        reservation_id = load_folio(session, folio_id).folio.reservation_id
    Runner(demo_database).run(set_credit_limit, signed_in(demo_database, Role.MANAGER), reservation_id,
                              Money.of("99999.00", "EUR"))
    card = open_reservation_card(context_of(Role.CLERK), folio_id)
    try:
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        assert "99" in child(card, QLabel, "depositLabel").text()
    finally:
        if shiboken6.isValid(card):
            card.close()
