"""What the card's dialogs share: the Apply/Cancel frame, errors next to fields, money input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.money import MAX_AMOUNT, Money, minor_units
from desk.hotel.models import PaymentMethod
from desk.hotel.names import Names
from desk.ledger.folios import BillStatus, BillView
from desk.ledger.postings import MAX_QUANTITY
from desk.people.auth import ManagerApproval
from desk.people.rights import MissingRight, Right
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.field_error import ERROR_COLOR as ERROR_COLOR  # re-exported: the windows import it from here
from ui.field_error import FieldError
from ui.i18n import format_amount, money_text, parse_decimal
from ui.ops.feedback import show_error
from ui.ops.op import Op

T = TypeVar("T")


# Dialogs opened without a parent window belong to Python: keep them until they finish.
_parentless: set[QDialog] = set()


class FieldProblem(ValueError):
    """A value the dialog refuses before anything is sent to the database."""


# --- reading what the clerk typed ---------------------------------------------------------------


def read_amount(
    text: str,
    currency: str,
    *,
    maximum: Money | None = None,
    too_much: str = "",
    allow_zero: bool = False,
) -> Money:
    """The amount typed in ``text`` as Money; FieldProblem with a message for the clerk otherwise."""
    try:
        value = parse_decimal(text)
    except ValueError as exc:
        raise FieldProblem(str(exc)) from None
    if value < 0 or (value == 0 and not allow_zero):
        if allow_zero:
            raise FieldProblem(QCoreApplication.translate("Dialogs", "The amount cannot be negative."))
        raise FieldProblem(QCoreApplication.translate("Dialogs", "The amount must be more than zero."))
    # Before quantize, which traps on numbers of more than 28 digits.
    if abs(value) >= MAX_AMOUNT:
        raise FieldProblem(QCoreApplication.translate("Dialogs", "The amount is too large."))
    digits = minor_units(currency)
    if value != value.quantize(Decimal(1).scaleb(-digits)):
        if digits == 0:
            raise FieldProblem(
                QCoreApplication.translate("Dialogs", "{currency} amounts have no decimals.").format(currency=currency)
            )
        raise FieldProblem(
            QCoreApplication.translate("Dialogs", "{currency} amounts have at most {digits} decimals.").format(
                currency=currency, digits=digits
            )
        )
    amount = Money.of(value, currency)
    if maximum is not None and amount > maximum:
        raise FieldProblem(
            too_much or QCoreApplication.translate("Dialogs", "At most {amount}.").format(amount=money_text(maximum))
        )
    return amount


def read_quantity(text: str) -> Decimal:
    """A positive quantity with at most three decimals (half a kilo of laundry is fine)."""
    try:
        value = parse_decimal(text)
    except ValueError as exc:
        raise FieldProblem(str(exc)) from None
    if value <= 0:
        raise FieldProblem(QCoreApplication.translate("Dialogs", "The quantity must be more than zero."))
    if value >= MAX_QUANTITY:
        raise FieldProblem(QCoreApplication.translate("Dialogs", "The quantity is too large."))
    if value != value.quantize(Decimal("0.001")):
        raise FieldProblem(QCoreApplication.translate("Dialogs", "A quantity has at most 3 decimals."))
    return value


# --- showing money and quantities -------------------------------------------------------------


def python_date(value: QDate) -> dt.date:
    """A date field's QDate as a date."""
    return dt.date(value.year(), value.month(), value.day())


def form_row(form: QFormLayout, widget: QWidget) -> int:
    """The row of ``widget`` in ``form``; -1 if it is not in the form."""
    # PySide6's stubs type the (row, role) pair getWidgetPosition returns as a bare object.
    row, _role = cast(tuple[int, QFormLayout.ItemRole], form.getWidgetPosition(widget))
    return row


def amount_for_edit(money: Money) -> str:
    """What an amount field is prefilled with: the locale's number, without the currency."""
    return format_amount(money.amount, minor_units(money.currency))


def in_currency(base: Money, rate: Decimal, currency: str) -> Money:
    """``base`` expressed in ``currency``, where one unit of ``currency`` is worth ``rate`` base units."""
    if base.currency == currency:
        return base
    return Money.rounded(base.amount / rate, currency, ROUND_HALF_UP)


def status_text(status: BillStatus) -> str:
    texts = {
        BillStatus.EMPTY: QCoreApplication.translate("BillStatus", "Empty"),
        BillStatus.NOT_PAID: QCoreApplication.translate("BillStatus", "Not paid"),
        BillStatus.PARTIALLY_PAID: QCoreApplication.translate("BillStatus", "Partially paid"),
        BillStatus.PAID: QCoreApplication.translate("BillStatus", "Paid"),
        BillStatus.OVERPAID: QCoreApplication.translate("BillStatus", "Overpaid"),
    }
    return texts[status]


def bill_label(view: BillView) -> str:
    return QCoreApplication.translate("Dialogs", "Bill {number} · {payer}").format(
        number=view.bill.number, payer=view.bill.payer_name
    )


def bill_choice_label(view: BillView) -> str:
    """A bill in a drop-down: its number, payer and what it still owes."""
    return QCoreApplication.translate("Dialogs", "Bill {number} · {payer} · balance {balance}").format(
        number=view.bill.number, payer=view.bill.payer_name, balance=money_text(view.balance)
    )


def fill_combo(combo: QComboBox, choices: Sequence[tuple[str, Any]], current: Any = None) -> None:
    combo.clear()
    for text, data in choices:
        combo.addItem(text, data)
    if current is not None:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)


def method_choices(methods: Sequence[PaymentMethod], names: Names) -> list[tuple[str, str]]:
    return [(names.method(method), method.code) for method in methods]


# --- widgets ----------------------------------------------------------------------------------


def documents_folder_here() -> Path:
    """The program's documents folder, named in the clerk's language ("Стойка регистрации" in Russian)."""
    from desk.reports import documents_folder

    return documents_folder(QCoreApplication.translate("Documents", "Front desk"))


def hint_label(text: str, object_name: str) -> QLabel:
    """A quiet explanation under a form: wrapped, never clipped."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def heading_label(text: str, object_name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def line_edit(object_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    return edit


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # Long translated labels go above their field instead of squeezing it.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def add_row(form: QFormLayout, caption: str | None, widget: QWidget) -> None:
    """A row under a caption, or (None) in the field column only, leaving the caption column empty.

    Captions are made here rather than by QFormLayout from a string, so every label has a
    Python owner and tests see them all through findChildren.
    """
    if caption is None:
        form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, widget)
    else:
        form.addRow(QLabel(caption), widget)


@dataclass
class Column:
    title: str
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table of ready-made texts; struck-out rows for reversed or voided records."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[tuple[str, ...]] = []
        self._struck: set[int] = set()
        self._tooltips: dict[int, str] = {}

    def set_rows(
        self, rows: Sequence[Sequence[str]], *, struck: Sequence[int] = (), tooltips: dict[int, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = [tuple(row) for row in rows]
        self._struck = set(struck)
        self._tooltips = dict(tooltips or {})
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get(row) or self._rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[column].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row in self._struck:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None


def rows_view(model: RowsModel, object_name: str, stretch_column: int = 0) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    # Tab moves on to the next control rather than through the cells.
    view.setTabKeyNavigation(False)
    return view


def fit_rows(view: QAbstractItemView, rows: int, *, at_most: int = 8) -> None:
    """Make a short list or table just tall enough for its rows (scrolling past ``at_most``)."""
    shown = max(1, min(rows, at_most))
    row_height = view.sizeHintForRow(0) if rows else view.fontMetrics().height() + 8
    header = 0
    if isinstance(view, QTableView):
        # A table's rows take the vertical header's section size, whatever the cells ask for.
        row_height = max(row_height, view.verticalHeader().defaultSectionSize())
        header = view.horizontalHeader().sizeHint().height()
    frame = 2 * view.frameWidth()
    scroll = view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(header + shown * row_height + frame + scroll)


# --- the dialog frame -------------------------------------------------------------------------


class DeskDialog(QDialog):
    """A dialog that reads its fields, refuses bad ones next to them, then runs one use case.

    Subclasses build their fields with :meth:`add_field` and implement :meth:`submit`, which
    reads the fields (through :meth:`read` / :meth:`refuse`) and returns the configured Op,
    or None when nothing should run. Enter applies, Escape cancels; while the op runs the
    Apply button is disabled and the dialog cannot be cancelled (the change may already be
    committed); a refused change shows its message next to the field it names.
    """

    def __init__(self, ctx: DeskContext, parent: QWidget | None, *, title: str, apply_text: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(440)
        self._errors: dict[str, FieldError] = {}
        self._focus: dict[str, QWidget] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._problems: list[tuple[str, str]] = []
        self._op: Op[Any] | None = None
        # The manager's credentials rows, for what the signed-in user may not do alone.
        self.approval_edits: tuple[QLineEdit, QLineEdit] | None = None
        self.approval_shown = False
        # DeskError.field values that stand for another field of this dialog.
        self.field_aliases: dict[str, str] = {}
        if parent is None:
            _parentless.add(self)
            self.finished.connect(self._forget)

        self.outer = outer = QVBoxLayout(self)  # the dialog's own layout: the content, the error, the buttons
        self.content = QVBoxLayout()
        outer.addLayout(self.content, 1)
        self.form_error = FieldError("formError")
        outer.addWidget(self.form_error)
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(apply_text)
        self.apply_button.setObjectName("applyButton")
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.apply_button.setDefault(True)
        self.apply_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def _forget(self, _result: int = 0) -> None:
        _parentless.discard(self)

    def discard(self) -> None:
        """Drop a dialog that will never be shown (its data could not be loaded)."""
        self._forget()
        self.deleteLater()

    # building

    def add_field(
        self,
        form: QFormLayout,
        name: str,
        label_text: str | QWidget,
        widget: QWidget,
        *,
        focus: QWidget | None = None,
    ) -> FieldError:
        """A labelled row whose field has the error label ``<name>Error`` right under it.

        ``label_text`` may be a ready widget (a check box that switches the field on).
        """
        target = focus or widget
        if isinstance(label_text, QWidget):
            label = label_text
        else:
            label = QLabel(label_text)
            label.setObjectName(f"{name}Label")
            label.setBuddy(target)
        cell = QWidget()
        cell.setObjectName(f"{name}Field")
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(f"{name}Error")
        column.addWidget(error)
        form.addRow(label, cell)
        self._rows[name] = (form, cell)
        self.register_error(name, error, target)
        return error

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a field's whole row: caption, field and error."""
        form, cell = self._rows[name]
        row = form_row(form, cell)
        form.setRowVisible(row, visible)

    def register_error(self, name: str, error: FieldError, focus: QWidget) -> None:
        self._errors[name] = error
        self._focus[name] = focus
        if isinstance(focus, QLineEdit):
            focus.textEdited.connect(error.clear_message)

    def error_label(self, name: str) -> FieldError:
        return self._errors[name]

    # applying

    @property
    def is_busy(self) -> bool:
        return self._op is not None and self._op.is_running

    def apply(self) -> None:
        if self.is_busy:
            return
        op = self.checked(self.submit)
        if op is None:
            return
        self._op = op
        op.run()

    def submit(self) -> Op[Any] | None:
        raise NotImplementedError

    def checked(self, reading: Callable[[], T | None]) -> T | None:
        """What ``reading`` read from the fields, or None after showing what it refused."""
        self.clear_errors()
        self._problems = []
        value = reading()
        if self._problems:
            for field, message in self._problems:
                self.show_problem(field, message, focus=False)
            self._focus_field(self._problems[0][0])
            return None
        return value

    def read(self, field: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``fn(*args)``, or None after noting its FieldProblem against ``field``."""
        try:
            return fn(*args, **kwargs)
        except FieldProblem as problem:
            self.refuse(field, str(problem))
            return None

    def refuse(self, field: str, message: str) -> None:
        self._problems.append((field, message))

    @property
    def refused(self) -> bool:
        """Whether :meth:`submit` has refused a field so far."""
        return bool(self._problems)

    def change(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op running ``use_case`` that keeps Apply disabled meanwhile and maps refusals to fields."""
        return self.ctx.change(self, use_case, *args, **kwargs).busy(self.apply_button).failure(self.show_failure)

    def query(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        return self.ctx.query(self, fn, *args, **kwargs).busy(self.apply_button).failure(self.show_failure)

    def add_approval(self, form: QFormLayout, *, shown: bool) -> None:
        """Manager's credentials rows: shown now, or when the use case says a right is missing."""
        self.approval_edits = add_credentials(self, form)
        self.show_approval(shown)

    def show_approval(self, shown: bool) -> None:
        self.approval_shown = shown
        self.set_field_visible("username", shown)
        self.set_field_visible("password", shown)

    def lacks(self, right: Right) -> bool:
        return not self.ctx.actor.may(right)

    def read_approval(self) -> ManagerApproval | None:
        """The typed manager's credentials when asked for (refusing empty ones), else None."""
        if self.approval_edits is None or not self.approval_shown:
            return None
        username, password = read_credentials(self, *self.approval_edits)
        return ManagerApproval(username, password)

    def show_failure(self, exc: BaseException) -> None:
        if self.approval_edits is not None:
            self.approval_edits[1].clear()  # a refused password is never left to be retried blindly
            if isinstance(exc, MissingRight) and not self.approval_shown:
                self.show_approval(True)
                self.form_error.show_message(QCoreApplication.translate(
                    "Dialogs", "This needs a manager's approval: the manager types their user name and "
                    "password below, then Apply."))
                self.approval_edits[0].setFocus()
                return
        if isinstance(exc, DeskError):
            self.show_problem(exc.field, error_text(exc))
        else:
            show_error(self, exc)

    def show_problem(self, field: str | None, message: str, *, focus: bool = True) -> None:
        name = self.field_aliases.get(field or "", field or "")
        error = self._errors.get(name)
        if error is None or not self._focus[name].isVisibleTo(self):
            self.form_error.show_message(message)
            return
        error.show_message(message)
        if focus:
            self._focus_field(name)

    def _focus_field(self, name: str) -> None:
        name = self.field_aliases.get(name, name)
        widget = self._focus.get(name)
        if widget is not None and widget.isVisibleTo(self):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear_message()
        self.form_error.clear_message()

    def reject(self) -> None:
        # Cancelling while a change runs would hide a payment that is being recorded anyway.
        if self.is_busy:
            return
        super().reject()

    def finish(self) -> None:
        """Close as accepted; the change is committed and every card has been told."""
        self.accept()


def add_amount_in_currency(
    dialog: DeskDialog, form: QFormLayout, card: ReservationCardData
) -> tuple[QLineEdit, QComboBox, QLabel]:
    """An amount with its currency beside it, and below them what it comes to in the base currency."""
    amount_edit = QLineEdit()
    amount_edit.setObjectName("amountEdit")
    currency_combo = QComboBox()
    currency_combo.setObjectName("currencyCombo")
    fill_combo(currency_combo, [(code, code) for code in card.rates], card.currency)
    amount_row = QWidget()
    row = QHBoxLayout(amount_row)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(amount_edit, 1)
    row.addWidget(currency_combo)
    dialog.add_field(form, "amount", QCoreApplication.translate("Dialogs", "Am&ount:"), amount_row, focus=amount_edit)
    converted_label = QLabel()
    converted_label.setObjectName("convertedLabel")
    converted_label.setWordWrap(True)
    add_row(form, None, converted_label)
    return amount_edit, currency_combo, converted_label


def add_credentials(dialog: DeskDialog, form: QFormLayout) -> tuple[QLineEdit, QLineEdit]:
    """A manager's user name and password fields (errors ``usernameError`` and ``passwordError``)."""
    username = QLineEdit()
    username.setObjectName("usernameEdit")
    dialog.add_field(form, "username", QCoreApplication.translate("Dialogs", "Manager's &user name:"), username)
    password = QLineEdit()
    password.setObjectName("passwordEdit")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.add_field(form, "password", QCoreApplication.translate("Dialogs", "Pass&word:"), password)
    return username, password


def read_credentials(dialog: DeskDialog, username: QLineEdit, password: QLineEdit) -> tuple[str, str]:
    if not username.text().strip():
        dialog.refuse("username", QCoreApplication.translate("Dialogs", "A manager must sign this."))
    if not password.text():
        dialog.refuse("password", QCoreApplication.translate("Dialogs", "Enter the manager's password."))
    return username.text().strip(), password.text()
