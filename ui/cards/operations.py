"""The card terminal's lists: pending card operations, open holds, end of day; and the start-up check.

Every terminal call runs on the terminal pool (:func:`ui.cards.terminal.terminal_pool`), never on
the GUI thread; the windows only show what came back.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.cards.operations import EndOfDayReport, Hold, open_holds
from desk.cards.operator_workflow import awaits_confirmation, idempotency_key, left_at_operator
from desk.cards.terminal_workflow import card_end_of_day, pending_card_operations, reconcile_cards
from desk.cards.terminals import TerminalInfo, list_terminals
from desk.hotel.names import Names, load_names
from desk.journal.intents import IntentView, Reconciled
from ui.cards.settle_by_hand import SettleByHandDialog
from ui.cards.terminal import terminal_pool
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.field_error import ERROR_COLOR
from ui.i18n import current_language, local_date_time, money_text
from ui.ops.op import Op

logger = logging.getLogger(__name__)

__all__ = ["EndOfDayDialog", "OpenHoldsDialog", "PendingCardOperationsDialog", "left_at_operator_text",
           "reconcile_at_start", "reconciled_text"]


def operation_name(kind: str) -> str:
    return {
        "card_sale": QCoreApplication.translate("CardOperations", "Card payment"),
        "card_refund": QCoreApplication.translate("CardOperations", "Refund to card"),
        "card_reversal": QCoreApplication.translate("CardOperations", "Reversal"),
        "card_preauth": QCoreApplication.translate("CardOperations", "Pre-authorisation"),
        "card_capture": QCoreApplication.translate("CardOperations", "Capture"),
        "card_release": QCoreApplication.translate("CardOperations", "Release"),
        "online_save": QCoreApplication.translate("CardOperations", "Save card"),
        "online_charge": QCoreApplication.translate("CardOperations", "Saved card charged"),
        "online_preauth": QCoreApplication.translate("CardOperations", "Pre-authorisation on a saved card"),
        "online_capture": QCoreApplication.translate("CardOperations", "Capture"),
        "online_release": QCoreApplication.translate("CardOperations", "Release"),
        "online_refund": QCoreApplication.translate("CardOperations", "Refund to card"),
        "online_delete": QCoreApplication.translate("CardOperations", "Saved card deleted"),
    }.get(kind, kind)


def card_came_name(came: str) -> str:
    return {
        "new": QCoreApplication.translate("CardOperations", "typed on the operator's page"),
        "terminal": QCoreApplication.translate("CardOperations", "read by the terminal"),
        "saved": QCoreApplication.translate("CardOperations", "saved card"),
    }.get(came, came)


def operation_text(intent: IntentView) -> str:
    """A pending operation as the list names it: what it does, and for an online one how its card came."""
    came = str(intent.request.get("card_came") or "")
    if not came:  # a terminal's operation, or one journalled before the desk kept it
        return operation_name(intent.kind)
    return QCoreApplication.translate("CardOperations", "{operation} ({card})").format(
        operation=operation_name(intent.kind), card=card_came_name(came))


def state_name(state: str) -> str:
    return {
        "new": QCoreApplication.translate("CardOperations", "not sent"),
        "sent": QCoreApplication.translate("CardOperations", "sent, no answer"),
        "unknown": QCoreApplication.translate("CardOperations", "answer unclear"),
        "happened": QCoreApplication.translate("CardOperations", "approved, not yet on the ledger"),
    }.get(state, state)


def intent_state_text(intent: IntentView) -> str:
    """A pending operation's state as the clerk reads it in the list."""
    if awaits_confirmation(intent):
        return QCoreApplication.translate("CardOperations", "waiting for the card operator's confirmation")
    return state_name(intent.state.value)


def awaiting_advice(intent: IntentView, operator: str) -> str:
    """What to check when the operator's confirmation does not come. Adyen answers a capture, a release
    or a refund "received" and tells its end only by webhook: its API has no enquiry for a modification
    (docs.adyen.com/online-payments/modify-payments, .../development-resources/api-idempotency), and
    sending it again under our key only replays "received". A person reads its Customer Area instead."""
    if not awaits_confirmation(intent):
        return ""
    return QCoreApplication.translate(
        "CardOperations", "{operator} tells how this ended only by its notification (webhook): no enquiry exists "
        "for it. If it does not come, look in {operator}'s Customer Area, Transactions → Payments, at payment "
        "{reference} for the modification with merchant reference {key}, then settle it by hand from what it "
        "shows.").format(operator=operator, reference=str(intent.request.get("reference") or ""),
                         key=idempotency_key(intent))


def left_at_operator_text(operator: str) -> str:
    """A card save whose answer was lost and that the operator cannot be asked about (Converge keeps tokens
    where no enquiry finds them): nothing is saved here, and only a person can delete the card there."""
    return QCoreApplication.translate(
        "CardOperations", "Nothing was saved here, but the card may have been kept at {operator}: look it up in "
        "{operator}'s Card Manager and delete it there.").format(operator=operator)


def reconciled_text(done: Reconciled, left_at: tuple[str, ...] = ()) -> str:
    """What a reconciliation did, in a sentence the clerk can act on; ``left_at``: the operators of card
    saves closed though the operator may keep the card."""
    parts = CardOperations().counted(done)
    if not parts:
        return QCoreApplication.translate("CardOperations", "Nothing to resolve.")
    text = QCoreApplication.translate("CardOperations", "Card operations: {parts}.").format(parts="; ".join(parts))
    return " ".join([text, *(left_at_operator_text(operator) for operator in dict.fromkeys(left_at))])


class CardOperations(QObject):
    """The reconciliation's counts in the clerk's language's plural forms ("1 операция", "2 операции",
    "5 операций"): lupdate marks a text plural only in a ``tr()`` given its count."""

    def counted(self, done: Reconciled) -> list[str]:
        settled, closed, awaiting = len(done.settled), len(done.closed), len(done.awaiting_confirmation)
        unclear = len(set(done.still_unknown) - set(done.awaiting_confirmation)) + len(
            set(done.errors) - set(done.still_unknown))
        parts = []
        if settled:
            parts.append(self.tr("%n settled on the ledger", "", settled))
        if closed:
            parts.append(self.tr("%n found not to have happened (nothing charged)", "", closed))
        if awaiting:
            parts.append(self.tr("%n waiting for the card operator's confirmation", "", awaiting))
        if unclear:
            parts.append(self.tr("%n still unclear: the terminal or the card operator could not be asked", "",
                                 unclear))
        return parts


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class _ListDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 380)
        self.layout_ = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.status_label)
        self.layout_.addWidget(self.buttons)


class PendingCardOperationsDialog(_ListDialog):
    """Card operations nobody heard the end of, with **Resolve** (asks the terminal, settles or closes)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, QCoreApplication.translate("CardOperations", "Pending card operations"))
        self.setObjectName("pendingCardOperationsDialog")
        self.intents: list[IntentView] = []
        self.names = Names()  # terminals' names in the clerk's language, read with the list
        intro = QLabel(
            QCoreApplication.translate(
                "CardOperations",
                "Card operations whose end the terminal or the online card operator never told us (a cut "
                "cable or connection, a crash, a late answer). Resolve asks the terminal or the operator: each "
                "is settled once, or found not to have happened.",
            )
        )
        intro.setWordWrap(True)  # one line would make the window wider than the screen
        self.layout_.addWidget(intro)
        self.table = _table(
            "pendingTable",
            [
                QCoreApplication.translate("CardOperations", "Started"),
                QCoreApplication.translate("CardOperations", "Operation"),
                QCoreApplication.translate("CardOperations", "Terminal or operator"),
                QCoreApplication.translate("CardOperations", "Amount"),
                QCoreApplication.translate("CardOperations", "State"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._update)
        self.layout_.addWidget(self.table)
        self.advice_label = QLabel()
        self.advice_label.setObjectName("adviceLabel")
        self.advice_label.setWordWrap(True)
        self.advice_label.hide()
        self.layout_.addWidget(self.advice_label)
        row = QHBoxLayout()
        self.resolve_button = QPushButton(QCoreApplication.translate("CardOperations", "&Resolve"))
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        self.resolve_all_button = QPushButton(QCoreApplication.translate("CardOperations", "Resolve &all"))
        self.resolve_all_button.setObjectName("resolveAllButton")
        self.resolve_all_button.clicked.connect(lambda: self.resolve(everything=True))
        self.settle_button = QPushButton(QCoreApplication.translate("CardOperations", "Settle by &hand…"))
        self.settle_button.setObjectName("settleByHandButton")
        self.settle_button.setToolTip(QCoreApplication.translate(
            "CardOperations", "When the terminal or the operator cannot tell: a manager settles it from the receipt, "
            "the operator's own records or the bank."))
        self.settle_button.clicked.connect(self.settle_by_hand)
        self.settle_dialog: SettleByHandDialog | None = None
        row.addWidget(self.resolve_button)
        row.addWidget(self.resolve_all_button)
        row.addWidget(self.settle_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.reload()

    def reload(self) -> None:
        workstation, language = self.ctx.actor.workstation, current_language()
        self.ctx.query(self, lambda session: (pending_card_operations(session, workstation),
                                              load_names(session, language))).success(self._loaded).run()

    def _loaded(self, loaded: tuple[list[IntentView], Names]) -> None:
        intents, self.names = loaded
        self.show_intents(intents)

    def show_intents(self, intents: list[IntentView]) -> None:
        self.intents = intents
        rows = []
        for intent in intents:
            day, time = local_date_time(intent.created_at)
            rows.append(
                [
                    f"{day} {time}",
                    operation_text(intent),
                    self.names.terminal(intent.device),
                    money_text(intent.amount) if intent.amount is not None else "",
                    intent_state_text(intent),
                ]
            )
        _fill(self.table, rows)
        if not intents and not self.status_label.text():
            self.status_label.setText(QCoreApplication.translate("CardOperations", "No card operation is pending."))
        self._update()

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        selected = bool(rows)
        self.resolve_button.setEnabled(selected)
        self.settle_button.setEnabled(selected)
        self.resolve_all_button.setEnabled(bool(self.intents))
        intent = self.intents[rows[0].row()] if rows and rows[0].row() < len(self.intents) else None
        advice = awaiting_advice(intent, self.names.terminal(intent.device)) if intent is not None else ""
        self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))

    def settle_by_hand(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        intent = self.intents[rows[0].row()]
        self.settle_dialog = SettleByHandDialog(self.ctx, intent, self)
        self.settle_dialog.accepted.connect(lambda: self._settled_by_hand(intent))
        self.settle_dialog.open()

    def _settled_by_hand(self, intent: IntentView) -> None:
        self.ctx.ledger_changed.emit()
        if intent.folio_id is not None:
            self.ctx.folios_changed.emit(frozenset({intent.folio_id}))
        self.status_label.setText(QCoreApplication.translate("CardOperations", "Settled by hand."))
        self.reload()

    def resolve(self, everything: bool = False) -> None:
        rows = self.table.selectionModel().selectedRows()
        ids = None if everything else [self.intents[rows[0].row()].id] if rows else []
        if ids == []:
            return
        runner, actor = self.ctx.runner, self.ctx.actor
        self.resolve_button.setEnabled(False)
        self.resolve_all_button.setEnabled(False)
        self.status_label.setText(QCoreApplication.translate("CardOperations", "Asking the terminal or the operator…"))

        def work() -> tuple[Reconciled, tuple[str, ...]]:
            done = reconcile_cards(runner, actor, ids)
            self.ctx.ledger_changed.emit()
            return done, runner.read(left_at_operator, done.closed)

        Op(self, work, pool=terminal_pool()).success(self._resolved).failure(self._failed).run()

    def _resolved(self, result: tuple[Reconciled, tuple[str, ...]]) -> None:
        done, left_at = result
        self.status_label.setText(reconciled_text(done, left_at))
        self.ctx.folios_changed.emit(frozenset(i.folio_id for i in self.intents if i.folio_id is not None))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText(error_text(exc))
        self._update()


class OpenHoldsDialog(_ListDialog):
    """Every open pre-authorisation, oldest first; those over 5 days are flagged (R16)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, QCoreApplication.translate("CardOperations", "Open pre-authorisations"))
        self.setObjectName("openHoldsDialog")
        self.resize(900, 380)
        self.table = _table(
            "holdsTable",
            [
                QCoreApplication.translate("CardOperations", "Blocked on"),
                QCoreApplication.translate("CardOperations", "Days"),
                QCoreApplication.translate("CardOperations", "Amount"),
                QCoreApplication.translate("CardOperations", "Folio"),
                QCoreApplication.translate("CardOperations", "Card"),
                QCoreApplication.translate("CardOperations", "Note"),
            ],
        )
        self.layout_.addWidget(self.table)
        # The advice once under the table, not in every row: a row's note stays short enough to read whole.
        self.advice_label = QLabel(QCoreApplication.translate(
            "CardOperations", "Over 5 days: the bank may have released it; pre-authorise close to arrival."))
        self.advice_label.setObjectName("holdAdviceLabel")
        self.advice_label.setWordWrap(True)
        self.advice_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.advice_label.hide()
        self.layout_.addWidget(self.advice_label)
        self.finish_layout()
        self.holds: list[Hold] = []
        ctx.query(self, open_holds).success(self.show_holds).run()

    def show_holds(self, holds: list[Hold]) -> None:
        self.holds = holds
        rows = []
        for hold in holds:
            day, time = local_date_time(hold.created_at)
            note = QCoreApplication.translate("CardOperations", "over 5 days") if hold.is_old else ""
            rows.append(
                [
                    f"{day} {time}",
                    str(hold.age_days),
                    money_text(hold.amount),
                    hold.owner,
                    " ".join(p for p in (hold.brand, hold.masked_pan[-8:]) if p),
                    note,
                ]
            )
        _fill(self.table, rows)
        self.advice_label.setVisible(any(hold.is_old for hold in holds))
        self.status_label.setText(
            QCoreApplication.translate("CardOperations", "{count} open pre-authorisations.").format(count=len(holds))
        )


class EndOfDayDialog(_ListDialog):
    """End of day on a terminal: its totals against the ledger's card payments, differences named."""

    def __init__(self, ctx: DeskContext, terminals: list[TerminalInfo], parent: QWidget | None = None, *,
                 names: Names | None = None) -> None:
        super().__init__(ctx, parent, QCoreApplication.translate("CardOperations", "Card terminal end of day"))
        self.setObjectName("endOfDayDialog")
        self.report: EndOfDayReport | None = None
        self.names = names or Names()
        row = QHBoxLayout()
        self.terminal_buttons = []
        for info in terminals:
            # The verb and the terminal: a bare name did not say that pressing it closes the batch.
            button = QPushButton(QCoreApplication.translate("CardOperations", "Close the batch · {terminal}").format(
                terminal=self.names.terminal(info.name)))
            button.setObjectName(f"terminalButton{info.id}")
            button.clicked.connect(lambda _checked=False, chosen=info: self.run_end_of_day(chosen))
            row.addWidget(button)
            self.terminal_buttons.append(button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totalsLabel")
        self.totals_label.setWordWrap(True)
        self.layout_.addWidget(self.totals_label)
        self.table = _table(
            "differencesTable",
            [
                QCoreApplication.translate("CardOperations", "Difference"),
                QCoreApplication.translate("CardOperations", "Receipt"),
                QCoreApplication.translate("CardOperations", "Payment"),
                QCoreApplication.translate("CardOperations", "Amount"),
            ],
        )
        self.layout_.addWidget(self.table)
        self.finish_layout()
        if not terminals:
            self.status_label.setText(
                QCoreApplication.translate("CardOperations", "No card terminal is configured for this workstation.")
            )

    def run_end_of_day(self, terminal: TerminalInfo) -> None:
        runner, actor = self.ctx.runner, self.ctx.actor
        for button in self.terminal_buttons:
            button.setEnabled(False)
        self.status_label.setText(
            QCoreApplication.translate("CardOperations", "Closing the batch on {terminal}…").format(
                terminal=self.names.terminal(terminal.name)
            )
        )
        Op(self, lambda: card_end_of_day(runner, actor, terminal.id), pool=terminal_pool()).success(
            self.show_report
        ).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        for button in self.terminal_buttons:
            button.setEnabled(True)
        self.status_label.setText(error_text(exc))

    def show_report(self, report: EndOfDayReport) -> None:
        self.report = report
        for button in self.terminal_buttons:
            button.setEnabled(True)
        self.totals_label.setText(
            QCoreApplication.translate(
                "CardOperations",
                "{terminal}: the terminal booked {terminal_total} in {count} transactions; "
                "the ledger has {ledger_total}.",
            ).format(
                terminal=self.names.terminal(report.terminal),
                terminal_total=money_text(report.terminal_total),
                count=report.count,
                ledger_total=money_text(report.ledger_total),
            )
        )
        reasons = {
            "not_in_batch": QCoreApplication.translate("CardOperations", "In the ledger, not in the terminal's batch"),
            "not_in_ledger": QCoreApplication.translate("CardOperations", "Booked by the terminal, not in the ledger"),
            "by_hand": QCoreApplication.translate(
                "CardOperations", "Card payment typed in by hand, not on this terminal"
            ),
        }
        _fill(
            self.table,
            [
                [
                    reasons.get(d.reason, d.reason),
                    "" if d.receipt_no is None else f"{d.receipt_no:04d}",
                    "" if d.payment_id is None else str(d.payment_id),
                    "" if d.amount is None else money_text(d.amount),
                ]
                for d in report.differences
            ],
        )
        self.status_label.setText(self._verdict(report))

    @staticmethod
    def _verdict(report: EndOfDayReport) -> str:
        if report.matches:
            return QCoreApplication.translate("CardOperations", "The totals match.")
        if not report.itemised:
            # The terminal sent no receipt range: it proves a difference in the total, not which payment.
            return QCoreApplication.translate(
                "CardOperations", "The totals differ by {difference}. This terminal does not list its "
                "transactions, so the difference cannot be traced to a payment here: compare with its printed "
                "report.").format(difference=money_text(report.total_difference))
        return QCoreApplication.translate("CardOperations", "The totals differ: see each payment below.")


def open_end_of_day(ctx: DeskContext, parent: QWidget) -> None:
    def loaded(found: tuple[list[TerminalInfo], Names]) -> None:
        terminals, names = found
        EndOfDayDialog(ctx, terminals, parent, names=names).open()

    workstation, language = ctx.actor.workstation, current_language()
    ctx.query(parent, lambda session: (list_terminals(session, workstation),
                                       load_names(session, language))).success(loaded).run()


def reconcile_at_start(ctx: DeskContext, parent: QWidget) -> Op[Any]:
    """After sign-in: resolve this workstation's unfinished card operations, off the GUI thread, and say what."""
    runner, actor = ctx.runner, ctx.actor

    def work() -> tuple[Reconciled, tuple[str, ...]] | None:
        with_pending = runner.read(pending_card_operations, actor.workstation)
        if not with_pending:
            return None
        done = reconcile_cards(runner, actor)
        ctx.ledger_changed.emit()
        return done, runner.read(left_at_operator, done.closed)

    def done(result: tuple[Reconciled, tuple[str, ...]] | None) -> None:
        if result is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CardOperations", "Card operations"),
            reconciled_text(*result),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("reconciledBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    return (
        Op(parent, work, pool=terminal_pool())
        .success(done)
        .failure(lambda exc: logger.warning("card operations not reconciled at start: %s", exc))
        .run()
    )
