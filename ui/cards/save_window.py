"""The frame both windows that save a guest's card for later share: the reader's (the guest presents the card) and
the terminal receipt's (the clerk types its reference)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desk.cards.card_page import NewCardOwner
from desk.cards.operator_workflow import OnlineOutcome
from ui.context import DeskContext
from ui.ops.op import Op


class CardSaveWindow(QDialog):
    """A window-modal dialog saving a card of ``holder`` for ``owner``: its message on top, its one Op at a time,
    and the Cancel event that Op's save watches. The subclass names it, titles it and adds the rest."""

    def __init__(self, ctx: DeskContext, holder: str, owner: NewCardOwner, parent: QWidget | None, *,
                 name: str, width: int) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(width)
        self.ctx = ctx
        self.holder = holder
        self.owner = owner
        self.outcome: OnlineOutcome | None = None
        self.op: Op[Any] | None = None
        self.cancel_event = threading.Event()
        self.main_layout = QVBoxLayout(self)
        self.message_label = QLabel()
        self.message_label.setObjectName(f"{name}Message")
        self.message_label.setWordWrap(True)
        self.main_layout.addWidget(self.message_label)

    @property
    def is_busy(self) -> bool:
        return self.op is not None and self.op.is_running
