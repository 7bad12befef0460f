""""New card": the guest types the card on the operator's own hosted page, shown in this window
(QtWebEngine), never in a field of ours (R11); the card the page saved becomes the saved card.

The flow runs as one Op on the operators' pool (:func:`desk.cards.card_page.save_card_on_operator_page`);
this window is its browser: the worker asks it to open the page and waits while the guest types. The
address the page sends the guest back to is caught here and never loaded (the request is blocked
even if a redirect asks for it). The page lives in its own off-the-record profile: nothing it held
(cookies, cache) is written to disk or outlives the window. No script of ours reads the page.

Loading shows its progress; **Cancel** works at any moment: it closes the page, and the operator is
still asked whether a card was sent just before, so a card is never saved twice or lost.
"""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.cards.card_page import (
    RETURN_URL,
    NewCardOwner,
    PageNotReached,
    SavedThenCharged,
    ThenCharge,
    card_page_operators,
    save_card_on_operator_page,
    save_card_then_charge,
)
from desk.cards.operator_workflow import OnlineOutcome, Watch
from desk.cards.saved_cards import OperatorInfo
from desk.journal.intents import IntentState
from ui.cards.operations import left_at_operator_text
from ui.cards.saved import operator_pool
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.i18n import current_language, money_text
from ui.ops.op import Op
from ui.ops.pools import TaskState

__all__ = ["NewCardDialog"]

# How often the waiting worker looks at Cancel while the guest types.
_CANCEL_POLL_S = 0.1


class PageBridge(QObject):
    """The :class:`desk.cards.card_page.Browser` the worker holds: it asks the window (on the GUI thread)
    to open the page, and waits for the address the page returns to, a close, or a failure."""

    open_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._done = threading.Event()
        self._returned: str | None = None
        self._error = ""

    def show(self, page_url: str, return_url: str, cancel: threading.Event) -> str | None:
        """On the worker thread."""
        self.open_requested.emit(page_url, return_url)
        while not self._done.wait(_CANCEL_POLL_S):
            if cancel.is_set():
                return None
        if self._error:
            raise PageNotReached(self._error)
        return self._returned

    # On the GUI thread:
    def returned(self, url: str) -> None:
        self._returned = url
        self._done.set()

    def closed(self) -> None:
        self._done.set()

    def failed(self, error: str) -> None:
        if not self._done.is_set():
            self._error = error
            self._done.set()


class _ReturnNeverLoaded(QWebEngineUrlRequestInterceptor):
    """Blocks every request to our return address: it is caught as a navigation, never fetched."""

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if info.requestUrl().toString().startswith(RETURN_URL):
            info.block(True)


class _OperatorPage(QWebEnginePage):
    returned = Signal(str)

    def acceptNavigationRequest(self, url: QUrl | str, navigation_type: Any, main_frame: bool) -> bool:
        address = url.toString() if isinstance(url, QUrl) else str(url)
        if address.startswith(RETURN_URL):
            self.returned.emit(address)
            return False
        return super().acceptNavigationRequest(url, navigation_type, main_frame)


class NewCardDialog(QDialog):
    """Save a new card for a reservation, a company or an event on the operator's own page."""

    def __init__(self, ctx: DeskContext, holder: str, owner: NewCardOwner, parent: QWidget | None = None, *,
                 then: ThenCharge | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCardDialog")
        # Card payment or Pre-authorise with a new card: the charge or hold follows the saving, here.
        self.then = then
        self.charged: OnlineOutcome | None = None
        self.setWindowTitle(self.tr("New card"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 760)
        self.ctx = ctx
        self.operator_id = 0
        self.operator_name = ""
        self.holder = holder
        self.owner = owner
        self.outcome: OnlineOutcome | None = None
        self.cancel_event = threading.Event()
        self.bridge = PageBridge()
        self.bridge.open_requested.connect(self._open_page)
        self._caught = False
        self.op: Op[Any] | None = None

        layout = QVBoxLayout(self)
        self.message_label = QLabel()
        self.message_label.setObjectName("newCardMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("newCardProgress")
        self.progress_bar.setRange(0, 0)
        layout.addWidget(self.progress_bar)
        # When the hotel has several operators with a page, the clerk chooses one before it opens.
        self.chooser = QWidget()
        chooser = QHBoxLayout(self.chooser)
        chooser.setContentsMargins(0, 0, 0, 0)
        chooser_label = QLabel(self.tr("Card &operator:"))
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("newCardOperatorCombo")
        chooser_label.setBuddy(self.operator_combo)
        self.open_button = QPushButton(self.tr("Open its &page"))
        self.open_button.setObjectName("newCardOpenButton")
        self.open_button.clicked.connect(self._open_chosen)
        chooser.addWidget(chooser_label)
        chooser.addWidget(self.operator_combo, 1)
        chooser.addWidget(self.open_button)
        self.chooser.hide()
        layout.addWidget(self.chooser)
        self.operators: list[OperatorInfo] = []
        # The web engine starts only when there is a page to show (made in _open_page).
        self.view: QWebEngineView | None = None
        self.page: _OperatorPage | None = None
        self.profile: QWebEngineProfile | None = None
        self._layout = layout
        layout.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._say(self.tr("Opening the card operator's page…"))

    # --- the flow -------------------------------------------------------------------------------

    def start(self) -> Op[list[OperatorInfo]]:
        """Find the hotel's operators with a card page: one is opened at once, several are chosen from."""
        runner = self.ctx.runner
        op: Op[list[OperatorInfo]] = Op(self, lambda: runner.read(card_page_operators), pool=operator_pool())
        self.op = op.success(self._found).failure(self._failed)
        return op.run()

    def _found(self, operators: list[OperatorInfo]) -> None:
        self.operators = operators
        if len(operators) == 1:
            self._open_at(operators[0])
            return
        for info in operators:
            self.operator_combo.addItem(info.name, info.id)
        self.progress_bar.hide()
        self.chooser.show()
        self._say(self.tr("Choose the card operator whose page the guest types the card on."))
        self.operator_combo.setFocus()

    def _open_chosen(self) -> None:
        chosen = next(info for info in self.operators if info.id == self.operator_combo.currentData())
        self.chooser.hide()
        self.progress_bar.show()
        self._open_at(chosen)

    def _open_at(self, operator: OperatorInfo) -> None:
        self.operator_id, self.operator_name = operator.id, operator.name
        self.setWindowTitle(self.tr("New card · {operator}").format(operator=operator.name))
        self._say(self.tr("Opening {operator}'s card page…").format(operator=operator.name))
        self._save()

    def _save(self) -> None:
        runner, actor, ctx = self.ctx.runner, self.ctx.actor, self.ctx
        operator_id, holder, owner, bridge, cancel = (self.operator_id, self.holder, self.owner, self.bridge,
                                                      self.cancel_event)
        then = self.then
        language = current_language()  # the operator's page speaks the clerk's language where it can

        def run(state: TaskState) -> OnlineOutcome | SavedThenCharged:
            def progress(key: str) -> None:
                if state.cancel_requested:
                    cancel.set()
                state.report(None, key)

            watch = Watch(progress=progress, cancel=cancel)
            outcome: OnlineOutcome | SavedThenCharged = (
                save_card_on_operator_page(runner, actor, operator_id, bridge, holder, owner, watch,
                                           language=language)
                if then is None else save_card_then_charge(runner, actor, operator_id, bridge, holder, owner, then,
                                                           watch, language=language))
            ctx.ledger_changed.emit()
            return outcome

        op: Op[OnlineOutcome | SavedThenCharged] = Op(self, run, pool=operator_pool())
        self.op = op.progress(self._progress).success(self._ended).failure(self._failed)
        op.run()

    @property
    def is_busy(self) -> bool:
        return self.op is not None and self.op.is_running

    def _progress(self, _fraction: float | None, key: str) -> None:
        if key == "contacting_operator":
            self._say(self.tr("Asking {operator} for the card saved on its page…").format(
                operator=self.operator_name))

    def _open_page(self, page_url: str, _return_url: str) -> None:
        if self.cancel_event.is_set():
            return
        self._caught = False
        view = self._make_view()
        view.show()
        view.setUrl(QUrl(page_url))

    def _make_view(self) -> QWebEngineView:
        if self.view is None:
            # The view first, its profile after: children are deleted in that order, the page before its profile.
            self.view = QWebEngineView(self)
            self.view.setObjectName("newCardPage")
            self.profile = QWebEngineProfile(self)  # off the record: nothing kept on disk
            self._interceptor = _ReturnNeverLoaded(self.profile)
            self.profile.setUrlRequestInterceptor(self._interceptor)
            self.page = _OperatorPage(self.profile, self.view)
            self.page.returned.connect(self._returned)
            self.view.setPage(self.page)
            self.view.loadProgress.connect(self._loading)
            self.view.loadFinished.connect(self._loaded)
            # In place of the stretch that kept the message at the top while there was no page.
            stretch = self._layout.indexOf(self.buttons) - 1
            self._layout.takeAt(stretch)
            self._layout.insertWidget(stretch, self.view, 1)
        return self.view

    def _hide_page(self) -> None:
        if self.view is not None and shiboken6.isValid(self.view):
            self.view.hide()

    def _loading(self, percent: int) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(percent)
        self.progress_bar.show()

    def _loaded(self, ok: bool) -> None:
        if self._caught:
            return
        if not ok:
            host = self.view.url().host() if self.view is not None else ""
            self.bridge.failed(f"{host} could not be loaded")
            return
        self.progress_bar.hide()
        self._say(self.tr("The guest types the card on {operator}'s own page below: the desk never sees the card "
                          "number.").format(operator=self.operator_name))

    def _returned(self, address: str) -> None:
        self._caught = True
        self._hide_page()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.bridge.returned(address)

    def reject(self) -> None:
        # Cancel closes the page at once; the operator is still asked whether a card was sent just before.
        if self.is_busy:
            self.cancel_event.set()
            self.bridge.closed()
            self._hide_page()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Closing the card page and asking {operator} whether a card was sent…").format(
                operator=self.operator_name))
            return
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        # The page goes now and before its profile (Qt warns otherwise); the window is not opened again.
        for web_object in (self.page, self.profile):
            if web_object is not None and shiboken6.isValid(web_object):
                shiboken6.delete(web_object)

    def _ended(self, ended: OnlineOutcome | SavedThenCharged) -> None:
        if isinstance(ended, SavedThenCharged):
            outcome, self.charged = ended.saved, ended.charged
        else:
            outcome = ended
        self.outcome = outcome
        if self.charged is not None:
            self.progress_bar.hide()
            self._hide_page()
            self.cancel_button.setEnabled(True)
            self._say(self.charged_text(outcome, self.charged))
            if self.charged.settled:
                self.accept()
            else:
                self.cancel_button.setText(self.tr("&Close"))
                self._fit_to_message()
            return
        self.progress_bar.hide()
        self._hide_page()
        self.cancel_button.setEnabled(True)
        if outcome.settled:
            self._say(self.outcome_text(outcome))
            self.accept()
            return
        if self.cancel_event.is_set() and outcome.intent.state is IntentState.CANCELLED:
            super().reject()  # the clerk closed it and no card was sent: nothing to tell
            return
        self.cancel_button.setText(self.tr("&Close"))
        self._say(self.outcome_text(outcome))
        self._fit_to_message()

    def _failed(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        self._hide_page()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("&Close"))
        self._say(error_text(exc))
        self._fit_to_message()

    def _fit_to_message(self) -> None:
        """The page is gone: the window shrinks to its message and buttons."""
        self.setMinimumHeight(0)
        self.resize(self.width(), self.sizeHint().height())

    def _say(self, text: str) -> None:
        if shiboken6.isValid(self.message_label):
            self.message_label.setText(text)

    def _progress_charge(self) -> str:
        assert self.then is not None
        return money_text(self.then.amount)

    def charged_text(self, saved: OnlineOutcome, charged: OnlineOutcome) -> str:
        """How the charge (or hold) after the saving ended; the card is saved either way."""
        operator, amount = self.operator_name, self._progress_charge()
        hold = self.then is not None and self.then.hold
        card = self.outcome_text(saved)
        if charged.settled:
            done = (self.tr("{amount} pre-authorised.") if hold else self.tr("{amount} charged.")).format(
                amount=amount)
            return f"{card} {done}"
        if charged.pending:
            return self.tr("{card} {operator} did not answer about the {amount}: it is listed under Pending card "
                           "operations.").format(card=card, operator=operator, amount=amount)
        if charged.intent.state is IntentState.DECLINED:
            return self.tr("{card} {operator} refused the {amount} ({code}): nothing was taken; the card stays "
                           "saved.").format(card=card, operator=operator, amount=amount,
                                            code=charged.code or self.tr("no reason given"))
        return self.tr("{card} The {amount} was not taken: {error}").format(
            card=card, amount=amount, error=charged.error or charged.reason or charged.intent.state.value)

    def outcome_text(self, outcome: OnlineOutcome) -> str:
        """How it ended, for the clerk, in their language."""
        operator = self.operator_name
        state = outcome.intent.state
        answer = outcome.intent.answer.payload if outcome.intent.answer is not None else {}
        result = outcome.intent.outcome.payload if outcome.intent.outcome is not None else {}
        if outcome.settled:
            return self.tr("Card saved: {brand} {number}, valid to {expiry}.").format(
                brand=str(answer.get("brand", "")).title(), number=answer.get("masked_pan", ""),
                expiry=answer.get("expiry", ""))
        if outcome.card_may_be_left_at_operator:
            return left_at_operator_text(operator)
        if outcome.pending:
            return self.tr("{operator} did not answer. The card is listed under Pending card operations, where "
                           "{operator} is asked again whether its page saved it.").format(operator=operator)
        if state is IntentState.DECLINED:
            return self.tr("{operator} refused the card ({code}). Nothing was saved.").format(
                operator=operator, code=outcome.code or self.tr("no reason given"))
        if state is IntentState.FAILED and outcome.reason == "page_not_reached":
            return self.tr("{operator}'s card page could not be opened: check the connection to the internet and "
                           "try again. Nothing was saved.").format(operator=operator)
        if state is IntentState.FAILED:
            return self.tr("{operator} refused the request: {error}. Nothing was saved.").format(
                operator=operator, error=str(result.get("error", "")))
        return self.tr("The card page was left without a card. Nothing was saved.")
