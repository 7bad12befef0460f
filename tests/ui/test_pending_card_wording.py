"""Pending card operations lists the terminal's operations and the online operators' alike: its words
(intro, column, Resolve's progress, Settle by hand's advice) name both, in English and in Russian."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from desk.people.models import Role
from tests.ui.test_dialogs_common import opened
from ui.cards.operations import PendingCardOperationsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def russian(qapp, qm_dir) -> Iterator[None]:
    from ui import i18n

    i18n.install_translator(qapp, "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(qapp, "en", qm_dir=qm_dir)


def words(dialog: PendingCardOperationsDialog) -> str:
    header = dialog.table.horizontalHeaderItem(2).text()
    return " | ".join([*(label.text() for label in dialog.findChildren(QLabel)), header,
                       dialog.settle_button.toolTip()])


def test_the_words_name_the_terminal_and_the_online_operator(qtbot, context_of):
    dialog = opened(qtbot, PendingCardOperationsDialog(context_of(Role.CASHIER)))
    text = words(dialog)
    assert "the terminal or the online card operator never told us" in text
    assert "Resolve asks the terminal or the operator" in text
    assert dialog.table.horizontalHeaderItem(2).text() == "Terminal or operator"
    assert "the operator's own records" in dialog.settle_button.toolTip()


def test_in_russian_too(qtbot, context_of, russian):
    dialog = opened(qtbot, PendingCardOperationsDialog(context_of(Role.CASHIER)))
    text = words(dialog)
    assert "терминал или онлайн-оператор карт не сообщил" in text
    assert dialog.table.horizontalHeaderItem(2).text() == "Терминал или оператор"
