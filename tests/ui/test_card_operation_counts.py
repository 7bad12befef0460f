"""The pending card operations' counts read in the clerk's language's plural forms: "1 проведена",
"3 проведены", "5 проведено"; in Bulgarian "1 осчетоводена", "2 осчетоводени"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desk.journal.intents import Reconciled
from ui import i18n
from ui.cards.operations import reconciled_text


@pytest.fixture
def language(qtbot, qm_dir) -> Iterator[object]:
    saved = QLocale()

    def install(code: str) -> None:
        i18n.install_translator(QCoreApplication.instance(), code, qm_dir=qm_dir)

    yield install
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


def settled(count: int) -> Reconciled:
    return Reconciled(settled=list(range(count)))


def test_russian_counts_take_their_three_forms(language):
    language("ru")
    assert reconciled_text(settled(1)) == "Операции по картам: 1 проведена в учёте."
    assert reconciled_text(settled(3)) == "Операции по картам: 3 проведены в учёте."
    assert reconciled_text(settled(5)) == "Операции по картам: 5 проведено в учёте."
    assert reconciled_text(settled(21)) == "Операции по картам: 21 проведена в учёте."
    waiting = Reconciled(still_unknown=[7, 8, 9], awaiting_confirmation=[8, 9])
    assert reconciled_text(waiting) == ("Операции по картам: 2 ожидают подтверждения карточного оператора; "
                                        "1 всё ещё неясна: не удалось запросить терминал или карточного оператора.")


def test_bulgarian_counts_take_their_two_forms(language):
    language("bg")
    assert reconciled_text(settled(1)) == "Операции с карти: 1 осчетоводена."
    assert reconciled_text(settled(2)) == "Операции с карти: 2 осчетоводени."


def test_english_counts_read_as_before(language):
    language("en")
    assert reconciled_text(Reconciled(closed=[1, 2])) == (
        "Card operations: 2 found not to have happened (nothing charged).")
