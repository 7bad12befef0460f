"""Table models of the reservation card: postings, bills, payments, saved cards, pre-authorisations.

Each model shows one :class:`desk.ledger.folios.FolioView` (or the card's lists) and maps rows to
ledger ids and back (``id_at``/``row_of``). ``set_view`` changes only the rows that differ, keyed by
their ledger id (inserted, removed, updated), so a reload after a payment keeps the views' selection
and scroll and costs the same on a long folio as on a new one (issue 23); the models reset only when
the rows' order changed.

Display texts are built lazily, per row, on the first ``data()`` call and cached, by row id, until
the row or what its texts depend on (names, bill numbers, receipts: the model's *context*) changes:
a folio with thousands of postings is shown without formatting rows nobody scrolls to.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desk.cards.operations import HOLD_WARN_DAYS
from desk.fiscal.marks import ReceiptMark, ReceiptState
from desk.hotel.names import Names
from desk.ledger.folios import BillStatus, BillView, FolioView, PaymentLine, PostingLine
from desk.ledger.models import Payment, PaymentKind, Posting, PostingKind
from desk.stays.reservation_card import FolioChanges, PreAuthorisation, SavedCard, line_key
from ui.desk_text import payment_reference, posting_description
from ui.i18n import (
    current_language,
    format_amount,
    format_date,
    format_datetime,
    format_money,
    local_date_time,
    money_text,
    quantity_text,
)

__all__ = [
    "DEPOSIT_ACCOUNT",
    "ID_ROLE",
    "BillsModel",
    "CachedRowsModel",
    "PaymentsModel",
    "PostingsModel",
    "PreAuthorisationsModel",
    "SavedCardsModel",
]

# The ledger id of a row, for views and tests (DisplayRole is for people).
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1

# The pseudo-bill id of the folio's deposit account in BillsModel/PaymentsModel (bill ids start at 1).
DEPOSIT_ACCOUNT: Final = 0

# Banks release a pre-authorisation by themselves after 5-10 days (R16): older ones are flagged.

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

Row = TypeVar("Row")

logger = logging.getLogger(__name__)


def _struck_font() -> QFont:
    font = QFont(QApplication.font())
    font.setStrikeOut(True)
    return font


def _link_font() -> QFont:
    font = QFont(QApplication.font())
    font.setUnderline(True)
    return font


def _muted_brush() -> QBrush:
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class CachedRowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of ledger lines with lazily formatted, cached display texts."""

    # Catalogue names in the clerk's language, set by the card with each load.
    names: Names = Names()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._ids: list[int] = []  # each row's id, by row
        self._texts: dict[int, tuple[str, ...]] = {}  # by row id
        self._row_by_id: dict[int, int] = {}
        self._context: object = None  # what every row's texts were formatted with
        # Views ask for the column count constantly; the headers' texts are built only when shown.
        self._columns = len(self.headers())
        # The headers' texts and what they were built for: a header view asks for each section's
        # text many times a layout, and fitting the columns once more (issue 23).
        self._headers: tuple[object, list[str]] | None = None

    # to be provided by each model

    def headers(self) -> list[str]:
        raise NotImplementedError

    def _headers_depend_on(self) -> object:
        """What the headers' texts depend on besides the language (a model's own state, if any)."""
        return None

    def header_texts(self) -> list[str]:
        key = (current_language(), self._headers_depend_on())
        if self._headers is None or self._headers[0] != key:
            self._headers = (key, self.headers())
        return self._headers[1]

    def _row_id(self, row: Row) -> int:
        raise NotImplementedError

    def _format(self, row: Row) -> tuple[str, ...]:
        raise NotImplementedError

    def _is_struck(self, row: Row) -> bool:
        return False

    def _tooltip(self, row: Row, column: int) -> str | None:
        return None

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _LEFT

    def _foreground(self, row: Row, column: int) -> QBrush | None:
        return _muted_brush() if self._is_struck(row) else None

    def _font(self, row: Row, column: int) -> QFont | None:
        return _struck_font() if self._is_struck(row) else None

    # shared

    def _replace_rows(self, rows: Sequence[Row], context: object = None) -> None:
        """Show ``rows``: the rows gone removed, the new ones inserted, the changed ones updated.

        ``context`` is what the texts depend on besides the row itself; when it differs from the last
        one, every row's texts are formatted again (and said changed), nothing else is reset.
        """
        new_rows = list(rows)
        new_ids = [self._row_id(row) for row in new_rows]
        if self._rows and new_rows and not self._kept_in_order(new_ids):
            self._reset(new_rows, new_ids)
            self._context = context
            return
        self._remove_rows_not_in(set(new_ids))
        changed = self._insert_and_update(new_rows, new_ids)
        self._row_by_id = {row_id: number for number, row_id in enumerate(self._ids)}
        if context != self._context:
            self._context = context
            self._texts = {}
            changed = (0, len(self._rows) - 1)
        if changed is not None and self._rows:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[1], self._columns - 1))

    def _reset(self, rows: list[Row], ids: list[int]) -> None:
        self.beginResetModel()
        self._rows, self._ids = rows, ids
        self._texts = {}
        self._row_by_id = {row_id: number for number, row_id in enumerate(ids)}
        self.endResetModel()

    def _kept_in_order(self, new_ids: list[int]) -> bool:
        """Whether the rows that stay are in the same order in ``new_ids`` (no id twice)."""
        position = {row_id: number for number, row_id in enumerate(new_ids)}
        if len(position) != len(new_ids):
            return False
        last = -1
        for row_id in self._ids:
            number = position.get(row_id)
            if number is not None:
                if number < last:
                    return False
                last = number
        return last >= 0  # none kept (another bill's payments): a reset says it at once

    def _remove_rows_not_in(self, new_ids: set[int]) -> None:
        row = len(self._ids) - 1
        while row >= 0:  # from the bottom, a run of gone rows at a time
            if self._ids[row] in new_ids:
                row -= 1
                continue
            last = row
            while row >= 0 and self._ids[row] not in new_ids:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            for gone in self._ids[row + 1:last + 1]:
                self._texts.pop(gone, None)
            del self._rows[row + 1:last + 1]
            del self._ids[row + 1:last + 1]
            self.endRemoveRows()

    def _insert_and_update(self, new_rows: list[Row], new_ids: list[int]) -> tuple[int, int] | None:
        """The new rows inserted where they go, the changed ones replaced; the rows changed, first
        and last (the rows left are those of ``new_ids``, in its order)."""
        first = last = -1
        number = 0
        while number < len(new_ids):
            if number < len(self._ids) and self._ids[number] == new_ids[number]:
                old, new = self._rows[number], new_rows[number]
                if old is not new and old != new:
                    self._rows[number] = new
                    self._texts.pop(new_ids[number], None)
                    first = number if first < 0 else first
                    last = number
                number += 1
                continue
            next_kept = self._ids[number] if number < len(self._ids) else None
            end = number
            while end < len(new_ids) and new_ids[end] != next_kept:
                end += 1
            self.beginInsertRows(QModelIndex(), number, end - 1)
            self._rows[number:number] = new_rows[number:end]
            self._ids[number:number] = new_ids[number:end]
            self.endInsertRows()
            number = end
        return None if first < 0 else (first, last)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header_texts()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._alignment(section)
        return None

    def texts(self, row_number: int) -> tuple[str, ...]:
        """Every column's text of a row, as the user reads it."""
        row_id = self._ids[row_number]
        texts = self._texts.get(row_id)
        if texts is None:
            texts = self._texts[row_id] = self._format(self._rows[row_number])
        return texts

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ID_ROLE:
            return self._row_id(row)
        return None

    def row_at(self, row_number: int) -> Row | None:
        return self._rows[row_number] if 0 <= row_number < len(self._rows) else None

    def id_at(self, row_number: int) -> int | None:
        if not 0 <= row_number < len(self._rows):
            return None
        return self._ids[row_number]

    def row_of(self, row_id: int | None) -> int | None:
        return None if row_id is None else self._row_by_id.get(row_id)


# --- postings -----------------------------------------------------------------------------------


class PostingsModel(CachedRowsModel[PostingLine]):
    """Every posting of a folio (R3), reversals and voided charges included, struck out."""

    DATE, TIME, SERVICE, QUANTITY, PRICE, AMOUNT, TAX, BILL, SOURCE = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bill_numbers: dict[int, str] = {}
        self._source_labels: dict[str, str] = {}
        self._shown: list[PostingLine] | None = None  # the view's list of lines the rows are

    def headers(self) -> list[str]:
        return [
            self.tr("Date"), self.tr("Time"), self.tr("Service"), self.tr("Quantity"), self.tr("Price"),
            self.tr("Amount"), self.tr("Tax"), self.tr("Bill"), self.tr("Source"),
        ]

    def set_view(self, view: FolioView | None, changes: FolioChanges | None = None) -> None:
        """Show ``view``'s postings; with ``changes`` (a reload's, from the view this model shows)
        only the lines added and changed are looked at, however long the folio."""
        bill_numbers = {} if view is None else {b.bill.id: b.bill.number for b in view.bills}
        context = (self.names, bill_numbers)
        places = None
        if (view is not None and changes is not None and self._shown is not None
                and changes.since.postings is self._shown and context == self._context):
            places = _places_of(view.postings, changes.added)
        if view is not None and changes is not None and places is not None:
            self._apply(view.postings, changes, places)
        else:
            self._bill_numbers = bill_numbers
            self._source_labels = {}  # translated again: the language may have changed
            self._replace_rows([] if view is None else view.postings, context)
        self._shown = None if view is None else view.postings

    def _apply(self, lines: list[PostingLine], changes: FolioChanges, places: list[int]) -> None:
        """The changed lines replaced where they are and the new ones inserted where they go: a few
        look-ups each (the lines are in (ordered_at, id) order, as the ledger reads them)."""
        for posting_id in changes.changed:
            row = self._row_by_id[posting_id]
            at = bisect.bisect_left(lines, line_key(self._rows[row]), key=line_key)
            self._rows[row] = lines[at]
            self._texts.pop(posting_id, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self._columns - 1))
        at_end = all(place >= len(self._rows) for place in places[:1])
        for place in places:  # in order: each row goes where it is in ``lines``
            line = lines[place]
            self.beginInsertRows(QModelIndex(), place, place)
            self._rows.insert(place, line)
            self._ids.insert(place, line.posting.id)
            if at_end:
                self._row_by_id[line.posting.id] = place
            self.endInsertRows()
        if not at_end:
            self._row_by_id = {row_id: number for number, row_id in enumerate(self._ids)}

    def line(self, row_number: int) -> PostingLine | None:
        return self.row_at(row_number)

    def _row_id(self, row: PostingLine) -> int:
        return row.posting.id

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if column in (self.QUANTITY, self.PRICE, self.AMOUNT, self.TAX) else _LEFT

    def _is_struck(self, row: PostingLine) -> bool:
        return row.posting.kind is not PostingKind.CHARGE or row.reversed_by is not None

    def source_text(self, posting: Posting) -> str:
        if posting.outlet is not None:
            if posting.check_number:
                return self.tr("{outlet}, check {check}").format(outlet=self.names.outlet(posting.outlet),
                                                                 check=posting.check_number)
            return self.names.outlet(posting.outlet)
        if not self._source_labels:
            self._source_labels = {
                "desk": self.tr("Front desk"),
                "audit": self.tr("Night audit"),
                "pos": self.tr("Point of sale"),
                "transfer": self.tr("Bill transfer"),
            }
        return self._source_labels.get(posting.source, posting.source)

    def _service_text(self, posting: Posting) -> str:
        description = posting_description(posting, self.names)
        if posting.kind is PostingKind.REVERSAL:
            return self.tr("Reversal: {service}").format(service=description)
        if posting.kind is PostingKind.VOID:
            return self.tr("Void: {service}").format(service=description)
        return description

    def _format(self, row: PostingLine) -> tuple[str, ...]:
        p = row.posting
        day, time = local_date_time(p.ordered_at)
        percent = format_amount(p.tax_percent, -min(0, int(p.tax_percent.normalize().as_tuple().exponent)))
        tax = self.tr("{amount} ({percent}%)").format(amount=money_text(p.tax_amount), percent=percent)
        return (
            day,
            time,
            self._service_text(p),
            quantity_text(p.quantity),
            money_text(p.unit_price),
            money_text(p.amount),
            tax,
            self._bill_numbers.get(row.bill_id, str(row.bill_id)),
            self.source_text(p),
        )

    def _tooltip(self, row: PostingLine, column: int) -> str | None:
        if row.reversed_by is not None:
            return self.undo_note(row.reversed_by)
        if row.posting.kind is not PostingKind.CHARGE:
            return self.undo_note(row.posting)
        return None

    def undo_note(self, undo: Posting) -> str:
        """Who reversed or voided a charge, who authorised it, when and why (R19)."""
        when = format_datetime(undo.created_at)
        if undo.kind is PostingKind.VOID:
            lines = [self.tr("Voided by {user} on {when}.").format(user=undo.created_by, when=when)]
        else:
            lines = [self.tr("Reversed by {user} on {when}.").format(user=undo.created_by, when=when)]
        if undo.authorised_by:
            lines.append(self.tr("Authorised by {manager}.").format(manager=undo.authorised_by))
        if undo.reason:
            lines.append(self.tr("Reason: {reason}").format(reason=undo.reason))
        return "\n".join(lines)




def _places_of(lines: list[PostingLine], posting_ids: frozenset[int]) -> list[int] | None:
    """Where the lines of ``posting_ids`` are in ``lines``, in order (None if one is not there):
    looked for from the end, where new postings are (one ordered earlier, from a point of sale, is a
    little further up)."""
    places, left = [], set(posting_ids)
    at = len(lines) - 1
    while left and at >= 0:
        posting_id = lines[at].posting.id
        if posting_id in left:
            left.discard(posting_id)
            places.append(at)
        at -= 1
    return None if left else sorted(places)


# --- bills --------------------------------------------------------------------------------------


class BillsModel(CachedRowsModel[BillView | None]):
    """The bills of a folio (R4), and the deposit account as a last row when it was ever used.

    The deposit row's id is :data:`DEPOSIT_ACCOUNT`; its row object is None.
    """

    NUMBER, PAYER, SERVICES, AMOUNT, PAID, BALANCE, STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: FolioView | None = None
        self._descriptions: dict[int, str] = {}
        self._descriptions_names: Names | None = None
        self._services: dict[int, tuple[list[PostingLine], dict[str, None]]] = {}  # bill -> its lines, named

    def headers(self) -> list[str]:
        return [
            self.tr("Number"), self.tr("Payer"), self.tr("Services"), self.tr("Amount"), self.tr("Paid"),
            self.tr("Balance"), self.tr("Status"),
        ]

    def set_view(self, view: FolioView | None) -> None:
        self._view = view
        rows: list[BillView | None] = [] if view is None else list(view.bills)
        if view is not None and view.deposit_payments:
            rows.append(None)
        # A bill's texts are its own figures, but the deposit's row (None) is the view's: a new view,
        # its texts again (bills are few).
        self._replace_rows(rows, (self.names, view))

    def bill_view(self, row_number: int) -> BillView | None:
        return self.row_at(row_number)

    def status_text(self, status: BillStatus) -> str:
        return {
            BillStatus.EMPTY: self.tr("Empty"),
            BillStatus.NOT_PAID: self.tr("Not paid"),
            BillStatus.PARTIALLY_PAID: self.tr("Partially paid"),
            BillStatus.PAID: self.tr("Paid"),
            BillStatus.OVERPAID: self.tr("Overpaid"),
        }[status]

    def _row_id(self, row: BillView | None) -> int:
        return DEPOSIT_ACCOUNT if row is None else row.bill.id

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if column in (self.AMOUNT, self.PAID, self.BALANCE) else _LEFT

    def _format(self, row: BillView | None) -> tuple[str, ...]:
        if row is None:
            assert self._view is not None
            return (self.tr("Deposit"), self.tr("Deposit account"), "", "",
                    money_text(self._view.deposit_balance), "", self.tr("Held on account"))
        return (
            row.bill.number,
            row.bill.payer_name,
            self.services_text(row) or self.tr("No services"),
            money_text(row.charges),
            money_text(row.paid),
            money_text(row.balance),
            self.status_text(row.status),
        )

    def services_text(self, row: BillView) -> str:
        # A posting's description never changes, only the names it is read in: each is worked out
        # once per language, not again for every posting of a long folio at every reload (issue 23).
        if self._descriptions_names is not self.names:
            self._descriptions, self._descriptions_names = {}, self.names
            self._services = {}
        # A bill's lines after a reload are its lines before and the new ones after them, as the
        # same objects (desk.stays.reservation_card): only those are named (issue 23).
        lines, known = row.postings, self._services.get(row.bill.id)
        if known is not None and known[0] is lines:
            return ", ".join(known[1])
        start, names = 0, {}
        if known is not None and len(lines) >= len(known[0]) and lines[:len(known[0])] == known[0]:
            start, names = len(known[0]), dict(known[1])
        self._services[row.bill.id] = (lines, self._named(lines, start, names))
        return ", ".join(names)

    def _named(self, lines: list[PostingLine], start: int, names: dict[str, None]) -> dict[str, None]:
        descriptions = self._descriptions
        for line in lines[start:]:
            if line.is_active:
                posting = line.posting
                text = descriptions.get(posting.id)
                if text is None:
                    text = descriptions[posting.id] = posting_description(posting, self.names)
                names[text] = None
        return names

    def _has_services(self, row: BillView | None) -> bool:
        return row is not None and any(line.posting.kind is PostingKind.CHARGE for line in row.postings)

    def _font(self, row: BillView | None, column: int) -> QFont | None:
        # The Services cell opens the service details (R5): it looks like a link.
        if column == self.SERVICES and self._has_services(row):
            return _link_font()
        return None

    def _foreground(self, row: BillView | None, column: int) -> QBrush | None:
        if column == self.SERVICES and self._has_services(row):
            return QApplication.palette().brush(QPalette.ColorRole.Link)
        if column == self.STATUS and row is not None:
            colour = {
                BillStatus.NOT_PAID: QColor(176, 0, 32),
                BillStatus.PARTIALLY_PAID: QColor(166, 94, 0),
                BillStatus.PAID: QColor(0, 122, 51),
                BillStatus.OVERPAID: QColor(0, 90, 170),
            }.get(row.status)
            return QBrush(colour) if colour is not None else None
        return None

    def _tooltip(self, row: BillView | None, column: int) -> str | None:
        if column == self.SERVICES and self._has_services(row):
            return self.tr("Click to see the service details")
        if row is None:
            return self.tr("Money paid in advance, not yet tied to a bill; it pays bills later.")
        return None


# --- payments -----------------------------------------------------------------------------------


class PaymentsModel(CachedRowsModel[PaymentLine]):
    """The payments, refunds (negative) and voids of one bill, or of the deposit account."""

    DATE, TYPE, METHOD, AMOUNT, BASE_AMOUNT, TEXT, PAYER, RECEIPT = range(8)
    _base_currency = ""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: FolioView | None = None
        self._bill_id: int | None = None
        self._base_currency = ""
        self._receipts: dict[int, ReceiptMark] = {}
        self._known: tuple[FolioView, dict[int, Payment]] | None = None

    def set_receipts(self, receipts: dict[int, ReceiptMark]) -> None:
        """Each payment's fiscal receipt (desk.fiscal.marks), shown from the next :meth:`set_view`:
        only the rows whose mark differs are formatted again."""
        if receipts is self._receipts:
            return
        for payment_id in self._receipts.keys() | receipts.keys():
            if self._receipts.get(payment_id) != receipts.get(payment_id):
                self._texts.pop(payment_id, None)
                row = self.row_of(payment_id)
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, self._columns - 1))
        self._receipts = receipts

    def receipt(self, row: PaymentLine | None) -> ReceiptMark | None:
        return None if row is None else self._receipts.get(row.payment.id)

    @property
    def bill_id(self) -> int | None:
        return self._bill_id

    def _headers_depend_on(self) -> object:
        return self._base_currency

    def headers(self) -> list[str]:
        base = self._base_currency or self.tr("base currency")
        return [
            self.tr("Date"), self.tr("Type"), self.tr("Method"), self.tr("Amount"),
            self.tr("In {currency}").format(currency=base), self.tr("Text"), self.tr("Payer"), self.tr("Receipt"),
        ]

    def set_view(self, view: FolioView | None, bill_id: int | None = None) -> None:
        """Show ``view``'s payments of ``bill_id`` (a bill, :data:`DEPOSIT_ACCOUNT`, or None: nothing).

        A row's texts are its line's (a new line object when it was voided or refunded), its receipt's
        (:meth:`set_receipts`) and the payment it undoes, which never changes: a new view formats only
        the rows that are new or changed."""
        self._view = view
        self._bill_id = bill_id
        base_currency = view.currency if view is not None else ""
        self._replace_rows(self._lines(), self.names)
        if base_currency != self._base_currency:
            self._base_currency = base_currency
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def shows(self, view: FolioView | None, bill_id: int | None) -> bool:
        """Whether it shows ``bill_id``'s payments of ``view`` already (set_view would change nothing)."""
        return view is self._view and bill_id == self._bill_id

    def set_bill(self, bill_id: int | None) -> None:
        if bill_id != self._bill_id:
            self.set_view(self._view, bill_id)

    def _lines(self) -> list[PaymentLine]:
        view, bill_id = self._view, self._bill_id
        if view is None or bill_id is None:
            return []
        if bill_id == DEPOSIT_ACCOUNT:
            return view.deposit_payments
        return next((b.payments for b in view.bills if b.bill.id == bill_id), [])

    def line(self, row_number: int) -> PaymentLine | None:
        return self.row_at(row_number)

    def _row_id(self, row: PaymentLine) -> int:
        return row.payment.id

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if column in (self.AMOUNT, self.BASE_AMOUNT) else _LEFT

    def _is_struck(self, row: PaymentLine) -> bool:
        return row.voided_by is not None or row.payment.kind is PaymentKind.VOID

    def type_text(self, row: PaymentLine) -> str:
        kind = row.payment.kind
        if kind is PaymentKind.TRANSFER:
            if row.payment.bill_id is None:
                return self.tr("Into deposit") if row.payment.amount.is_positive else self.tr("Deposit used")
            return self.tr("From deposit") if row.payment.amount.is_positive else self.tr("Back to deposit")
        return {
            PaymentKind.PAYMENT: self.tr("Payment"),
            PaymentKind.DEPOSIT: self.tr("Deposit"),
            PaymentKind.REFUND: self.tr("Refund"),
            PaymentKind.VOID: self.tr("Void"),
        }[kind]

    def _format(self, row: PaymentLine) -> tuple[str, ...]:
        p = row.payment
        return (
            format_date(p.paid_on),
            self.type_text(row),
            self.names.method(p.method),
            money_text(p.amount),
            money_text(p.base_amount),
            payment_reference(p, self._known_payments(), self.names),
            p.payer_name,
            self.receipt_text(self.receipt(row)),
        )

    def _known_payments(self) -> dict[int, Payment]:
        """The folio's payments by id: a refund or void names the payment it undoes by what the clerk sees."""
        if self._view is None:
            return {}
        if self._known is None or self._known[0] is not self._view:
            self._known = (self._view, {line.payment.id: line.payment for line in self._view.payments})
        return self._known[1]

    def receipt_text(self, mark: ReceiptMark | None) -> str:
        """The receipt's number, and what still has to happen to it."""
        if mark is None:
            return ""
        if mark.state is ReceiptState.PRINTED:
            return mark.number_text
        if mark.state is ReceiptState.WAITING:
            return self.tr("{number} · to reprint").format(number=mark.number_text)
        if not mark.may_print:
            return ""
        return {
            ReceiptState.UNSURE: self.tr("To be checked"),
            ReceiptState.FAILED: self.tr("Not printed"),
            ReceiptState.NONE: self.tr("No receipt"),
        }[mark.state]

    def _foreground(self, row: PaymentLine, column: int) -> QBrush | None:
        mark = self.receipt(row)
        if column == self.RECEIPT and mark is not None and mark.may_print:
            return QBrush(QColor(176, 0, 32))  # a receipt owed to the guest stands out
        return super()._foreground(row, column)

    def _tooltip(self, row: PaymentLine, column: int) -> str | None:
        mark = self.receipt(row)
        if column == self.RECEIPT and mark is not None and mark.may_print:
            tips = {
                ReceiptState.WAITING: self.tr("Issued on register {register} but not printed whole: Action → Print "
                                              "receipt prints it again, marked COPY."),
                ReceiptState.UNSURE: self.tr("The register has not answered for this receipt yet: Shift → Check "
                                             "receipts asks it."),
                ReceiptState.FAILED: self.tr("The receipt was not printed: Action → Print receipt."),
                ReceiptState.NONE: self.tr("No receipt was printed for this payment: Action → Print receipt."),
            }
            return tips[mark.state].format(register=mark.register or "")
        undo = row.voided_by if row.voided_by is not None else row.payment
        if self._is_struck(row):
            lines = [self.tr("Voided by {user} on {when}.").format(user=undo.created_by,
                                                                   when=format_datetime(undo.created_at))]
            if undo.authorised_by:
                lines.append(self.tr("Authorised by {manager}.").format(manager=undo.authorised_by))
            if undo.reason:
                lines.append(self.tr("Reason: {reason}").format(reason=undo.reason))
            return "\n".join(lines)
        p = row.payment
        if p.kind is PaymentKind.REFUND:
            # The refund's text names the payment it refunds at length: whole here when its column is narrow.
            lines = [payment_reference(p, self._known_payments(), self.names),
                     self.tr("Refunded by {user} on {when}.").format(user=p.created_by,
                                                                      when=format_datetime(p.created_at))]
            if p.reason:
                lines.append(self.tr("Reason: {reason}").format(reason=p.reason))
            return "\n".join(lines)
        if row.refunds:
            refunded = sum((r.amount.amount for r in row.refunds), Decimal(0))
            return self.tr("Refunded: {amount}").format(amount=format_money(-refunded, p.amount.currency))
        return None


# --- the Credit card section ---------------------------------------------------------------------


class _ListModel(CachedRowsModel[Row]):
    """A plain list, keyed by position (the card section's rows have no ledger id)."""

    def set_items(self, items: Sequence[Row]) -> None:
        rows = list(items)
        context = (self.names, date.today())  # a hold's age in days is in its texts
        if rows == self._rows and context == self._context:
            return  # the same rows, the same texts: a reset would only lay the table out again
        self._context = context
        self._replace_rows(rows)

    def _replace_rows(self, rows: Sequence[Row], context: object = None) -> None:
        self._reset(list(rows), list(range(len(rows))))

    def _row_id(self, row: Row) -> int:
        return next(n for n, candidate in enumerate(self._rows) if candidate is row)


class SavedCardsModel(_ListModel[SavedCard]):
    """Tokenised cards on file (R10, R11): never the number, only what the operator lets us show."""

    # The holder last: it takes what width is left and is elided there (whole in its tooltip), so the
    # table never scrolls sideways under a long name or Russian headers.
    CARD, EXPIRY, DELETED_IN, HOLDER = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Card"), self.tr("Expiry"), self.tr("Days until deleted"), self.tr("Holder")]

    def _format(self, row: SavedCard) -> tuple[str, ...]:
        card = " ".join(part for part in (row.brand.capitalize(), row.masked_number) if part)
        return (card, row.expiry, QLocale().toString(row.days_until_deleted), row.holder)

    def _tooltip(self, row: SavedCard, column: int) -> str | None:
        return row.holder if column == self.HOLDER and row.holder else None


class PreAuthorisationsModel(_ListModel[PreAuthorisation]):
    """Amounts blocked on a card (R14); old ones are flagged, banks may have released them (R16)."""

    AMOUNT, AGE, STATE, CARD = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Amount"), self.tr("Days"), self.tr("State"), self.tr("Card")]

    def state_text(self, state: str) -> str:
        return {
            "open": self.tr("open"),
            "captured": self.tr("captured"),
            "partly_captured": self.tr("partly captured, rest released"),
            "released": self.tr("released"),
            "expired": self.tr("released by the bank"),
        }.get(state, state)

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if column == self.AMOUNT else _LEFT

    def _format(self, row: PreAuthorisation) -> tuple[str, ...]:
        state = self.state_text(row.state)
        if row.is_old:
            state = self.tr("{state} · over {days} days").format(state=state, days=HOLD_WARN_DAYS)
        return (money_text(row.amount), QLocale().toString(row.age_days), state,
                " · ".join(part for part in (row.masked_pan[-8:],
                                              self.names.terminal(row.terminal) if row.terminal else "") if part))

    def _foreground(self, row: PreAuthorisation, column: int) -> QBrush | None:
        return QBrush(QColor(176, 0, 32)) if row.is_old else None

    def _tooltip(self, row: PreAuthorisation, column: int) -> str | None:
        if row.is_old:
            return self.tr("Older than {days} days: the bank may have released it already. "
                           "Pre-authorise close to arrival.").format(
                days=HOLD_WARN_DAYS)
        return None
