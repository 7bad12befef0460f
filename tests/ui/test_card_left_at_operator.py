"""A card save whose answer Converge never sent ends with the clerk told, in their language, that the card
may be kept at Converge and where to delete it: in the New card window and after Pending card operations."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desk.cards.card_page import NewCardOwner
from desk.cards.operator_workflow import OnlineOutcome, left_at_operator, save_card
from desk.cards.operators.fakes.converge import DEFAULT_MERCHANT, FakeConverge
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.journal.intents import Reconciled
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_dialogs_common import find_card
from ui import i18n
from ui.cards.new_card import NewCardDialog
from ui.cards.operations import reconciled_text

pytestmark = pytest.mark.gui


@pytest.fixture
def language(qtbot, qm_dir) -> Iterator[Callable[[str], None]]:
    saved = QLocale()

    def install(code: str) -> None:
        i18n.install_translator(QCoreApplication.instance(), code, qm_dir=qm_dir)

    yield install
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)

USER, PIN = "deskapi", "K8ZQ2M4XW7T1P0RS5VNY3BHD6GJC9LFA"
LEFT = ("Nothing was saved here, but the card may have been kept at Converge: look it up in Converge's Card "
        "Manager and delete it there.")


@pytest.fixture
def lost_save(demo_database: Database) -> Iterator[OnlineOutcome]:
    fake = FakeConverge(user=USER, pin=PIN)
    url = fake.serve()
    manager = signed_in(demo_database, Role.MANAGER)
    with demo_database.writing() as session:
        info = add_operator(session, manager, "Converge", "converge", PIN, account=f"{DEFAULT_MERCHANT}/{USER}",
                            api_base=url, currencies=("EUR",))
    reservation_id = find_card(demo_database, lambda c: c.folio.folio.reservation_id is not None
                               ).folio.folio.reservation_id
    fake.lose_next_answer(only="ccgettoken")
    cashier = signed_in(demo_database, Role.CASHIER)
    yield save_card(Runner(demo_database), cashier, info.id, "enc_visa", "Anna Gast", reservation_id=reservation_id)
    fake.close()


def test_the_new_card_window_tells_where_the_card_may_be_kept(qtbot, context_of, lost_save):
    outcome = lost_save
    assert outcome.card_may_be_left_at_operator
    dialog = NewCardDialog(context_of(Role.CASHIER), "Anna Gast", NewCardOwner(reservation_id=1))
    qtbot.addWidget(dialog)
    dialog.operator_name = "Converge"
    dialog._ended(outcome)
    assert dialog.message_label.text() == LEFT
    assert dialog.cancel_button.text() == "&Close"


def test_pending_card_operations_say_it_in_the_clerks_language(language, demo_database: Database, lost_save):
    assert reconciled_text(Reconciled(closed=[lost_save.intent.id]), ("Converge",)).endswith(LEFT)
    language("ru")
    left_at = Runner(demo_database).read(left_at_operator, [lost_save.intent.id])
    assert left_at == ("Converge",)
    text = reconciled_text(Reconciled(closed=[lost_save.intent.id]), left_at)
    assert text.endswith("удалите её там.") and "Nothing was saved" not in text  # Card Manager: Converge's own name
