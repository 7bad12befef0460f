"""The frame both windows that save a guest's card for later share: the reader's (the guest presents the card) and
the terminal receipt's (the clerk types its reference)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from desk.cards.card_page import NewCardOwner
from desk.cards.operator_workflow import OnlineOutcome
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.ops.op import Op


class CardSaveWindow(QDialog):
    """A window-modal dialog saving a card of ``holder`` for ``owner``: its message on top, what the subclass puts
    in ``fields_layout``, a busy bar and Cancel; its one Op at a time, and the Cancel event that Op's save
    watches. The subclass names it, titles it and adds the rest."""

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
        self.fields_layout = QVBoxLayout()
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.main_layout.addLayout(self.fields_layout)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName(f"{name}Progress")
        self.progress_bar.setRange(0, 0)
        self.main_layout.addWidget(self.progress_bar)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.rejected.connect(self.reject)
        self.main_layout.addWidget(self.buttons)

    @property
    def is_busy(self) -> bool:
        return self.op is not None and self.op.is_running

    def _failed(self, exc: BaseException) -> None:
        self._stop(error_text(exc))

    def _stop(self, text: str) -> None:
        """Nothing more to wait for: the bar goes, Cancel becomes Close and ``text`` says why."""
        self.progress_bar.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("&Close"))
        self.message_label.setText(text)

    def saved_text(self, outcome: OnlineOutcome) -> str:
        """The card the operator saved, as its answer names it, in the clerk's language."""
        answer = outcome.intent.answer.payload if outcome.intent.answer is not None else {}
        return self.tr("Card saved: {brand} {number}, valid to {expiry}.").format(
            brand=str(answer.get("brand", "")).title(), number=answer.get("masked_pan", ""),
            expiry=answer.get("expiry", ""))
