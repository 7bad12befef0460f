"""The reservation card's Services breakdown: the postings, the bills and their payments.

It keeps the user's place across a reload (the tab, the selected bill, posting rows and payment,
and the scroll positions), and says what is selected to the actions. Clicking a bill's
**Services** cell opens the service details (R5): directly when the bill has one order, otherwise
a short menu of its orders to choose from (a clerk asking "what is on this bill?" wants one
order's composition, not all of them at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core.money import total
from desk.ledger.folios import BillView, FolioView, PaymentLine, PostingLine
from desk.ledger.models import PostingKind
from ui import dialogs
from ui.i18n import local_date_time, money_text
from ui.reservation_card.base import SERVICES_TAB, CardWindowBase
from ui.reservation_card.models import DEPOSIT_ACCOUNT, BillsModel
from ui.reservation_card.steady_tabs import steady_layout
from ui.reservation_card.tables import ColumnFitter, make_table


@dataclass
class Place:
    """Where the user was, kept across a reload."""

    bill_id: int | None = None
    posting_ids: list[int] = field(default_factory=list)
    current_posting_id: int | None = None
    payment_id: int | None = None
    scrolls: dict[str, tuple[int, int]] = field(default_factory=dict)
    saved_card_id: int | None = None
    hold_id: int | None = None
    bills_split: list[int] = field(default_factory=list)  # the bills and payments splitter's sizes


class CardBreakdown(CardWindowBase):
    """The Services breakdown: postings on one tab, bills and their payments on the other."""

    def _build_breakdown(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("ReservationCard", "Services breakdown"))
        box.setObjectName("servicesBreakdownBox")
        layout = QVBoxLayout(box)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("breakdownTabs")
        steady_layout(self.tabs)
        layout.addWidget(self.tabs)

        services = QWidget()
        services.setObjectName("servicesTab")
        services_layout = QVBoxLayout(services)
        self.postings_view = make_table("postingsView", self.postings_model, multi=True)
        self.postings_view.activated.connect(lambda _index: self.view_service_details())
        self.postings_view.selectionModel().selectionChanged.connect(self._postings_selection_changed)
        services_layout.addWidget(self.postings_view)
        self.postings_total_label = QLabel()
        self.postings_total_label.setObjectName("postingsTotalLabel")
        self.postings_total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        services_layout.addWidget(self.postings_total_label)
        self.tabs.addTab(services, QCoreApplication.translate("ReservationCard", "Accommodation and ser&vices"))

        bills = QWidget()
        bills.setObjectName("billsTab")
        bills_layout = QVBoxLayout(bills)
        splitter = self.bills_splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.bills_view = make_table("billsView", self.bills_model)
        self.bills_view.clicked.connect(self._bill_clicked)
        self.bills_view.activated.connect(lambda _index: self.view_service_details())
        self.bills_view.selectionModel().selectionChanged.connect(self._bill_selection_changed)
        self.bills_view.setMouseTracking(True)
        splitter.addWidget(self.bills_view)
        payments = QWidget()
        payments_layout = QVBoxLayout(payments)
        payments_layout.setContentsMargins(0, 0, 0, 0)
        self.payments_label = QLabel()
        self.payments_label.setObjectName("paymentsLabel")
        payments_layout.addWidget(self.payments_label)
        self.payments_view = make_table("paymentsView", self.payments_model)
        self.payments_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.payments_label.setBuddy(self.payments_view)
        payments_layout.addWidget(self.payments_view)
        self._payments_fitter = ColumnFitter(self.payments_view)
        self._fitters = [ColumnFitter(view) for view in (
            self.saved_cards_view, self.pre_authorisations_view, self.postings_view, self.bills_view)]
        self._fitters.append(self._payments_fitter)
        splitter.addWidget(payments)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        bills_layout.addWidget(splitter)
        self.tabs.addTab(bills, QCoreApplication.translate("ReservationCard", "&Bills and payments"))
        self.tabs.currentChanged.connect(lambda _index: self._update_actions())

        self.action_button = QPushButton(QCoreApplication.translate("ReservationCard", "Actio&n"))
        self.action_button.setObjectName("actionButton")
        self.action_menu = QMenu(self.action_button)
        self.action_menu.setObjectName("actionButtonMenu")
        self._fill(self.action_menu, self.bill_actions)
        self.action_button.setMenu(self.action_menu)
        self.tabs.setCornerWidget(self.action_button, Qt.Corner.TopRightCorner)
        return box

    # The lines the footer last counted and how many of them still count.
    _counted: tuple[list[PostingLine], int] | None = None

    def services_footer(self, view: FolioView) -> str:
        """Services that still count, and charged, paid and balance reconciled as the header shows it."""
        count = self._active_count(view.postings)
        charged = total((bill.charges for bill in view.bills), view.currency)
        balance = view.balance
        return QCoreApplication.translate(
            "ReservationCard", "{count} services · charged {charged} · paid {paid} · balance {balance}").format(
            count=count, charged=money_text(charged), paid=money_text(charged - balance),
            balance=money_text(balance))

    def _active_count(self, lines: list[PostingLine]) -> int:
        """How many of ``lines`` still count: after a reload that only added lines at the end (a
        payment's services), only the new ones are looked at (issue 23)."""
        known = self._counted
        if known is not None and known[0] is lines:
            return known[1]
        if known is not None and len(lines) >= len(known[0]) and lines[:len(known[0])] == known[0]:
            count = known[1] + sum(1 for line in lines[len(known[0]):] if line.is_active)
        else:
            count = sum(1 for line in lines if line.is_active)
        self._counted = (lines, count)
        return count

    def _views(self) -> dict[str, QTableView]:
        return {"postings": self.postings_view, "bills": self.bills_view, "payments": self.payments_view}

    def _save_place(self) -> Place:
        current = self.postings_view.currentIndex()
        return Place(
            bill_id=self._bills_view_bill_id(),
            posting_ids=self.selected_posting_ids(),
            current_posting_id=self.postings_model.id_at(current.row()) if current.isValid() else None,
            payment_id=self.current_payment_id(),
            scrolls={name: (view.verticalScrollBar().value(), view.horizontalScrollBar().value())
                     for name, view in self._views().items()},
            saved_card_id=saved.id if (saved := self.current_saved_card()) is not None else None,
            hold_id=hold.id if (hold := self.current_hold()) is not None else None,
            bills_split=self.bills_splitter.sizes(),
        )

    def _restore_place(self, place: Place) -> None:
        self._select_rows(self.postings_view, self.postings_model, place.posting_ids, place.current_posting_id)
        self._select_rows(self.bills_view, self.bills_model, [place.bill_id] if place.bill_id is not None else [],
                          place.bill_id)
        self._show_payments_of(self._bills_view_bill_id())
        if place.payment_id is not None:
            self._select_rows(self.payments_view, self.payments_model, [place.payment_id], place.payment_id)
        for view, model, item_id in ((self.saved_cards_view, self.saved_cards_model, place.saved_card_id),
                                     (self.pre_authorisations_view, self.pre_authorisations_model, place.hold_id)):
            row = next((row for row in range(model.rowCount()) if item_id is not None
                        and getattr(model.row_at(row), "id", None) == item_id), None)
            if row is not None:
                view.selectRow(row)
        if place.bills_split and place.bills_split != self.bills_splitter.sizes():
            self.bills_splitter.setSizes(place.bills_split)
        for name, (vertical, horizontal) in place.scrolls.items():
            view = self._views()[name]
            if view.verticalScrollBar().value() == vertical and view.horizontalScrollBar().value() == horizontal:
                continue  # rows inserted or updated keep the scroll: no layout to force
            view.updateGeometries()  # the scroll ranges of the new rows, before setting the values
            view.verticalScrollBar().setValue(vertical)
            view.horizontalScrollBar().setValue(horizontal)

    @staticmethod
    def _select_rows(view: QTableView, model: Any, ids: list[int], current_id: int | None) -> None:
        rows = [row for row_id in ids if (row := model.row_of(row_id)) is not None]
        current_row = model.row_of(current_id)
        selection_model = view.selectionModel()
        current = selection_model.currentIndex()
        # Already so (a reload that only added rows elsewhere keeps the selection where it was):
        # nothing is built or sent to Qt (issue 23).
        if ((current_row is None or (current.row() == current_row and current.column() == 0))
                and sorted(index.row() for index in selection_model.selectedRows()) == sorted(set(rows))):
            return
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, last_column))
        flags = QItemSelectionModel.SelectionFlag
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
        if current_row is not None:
            selection_model.setCurrentIndex(model.index(current_row, 0), flags.NoUpdate)

    def selected_posting_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.postings_view.selectionModel().selectedRows())
        return [row_id for row in rows if (row_id := self.postings_model.id_at(row)) is not None]

    def selected_posting_lines(self) -> list[PostingLine]:
        rows = sorted(index.row() for index in self.postings_view.selectionModel().selectedRows())
        return [line for row in rows if (line := self.postings_model.line(row)) is not None]

    def _bills_view_bill_id(self) -> int | None:
        rows = self.bills_view.selectionModel().selectedRows()
        return self.bills_model.id_at(rows[0].row()) if rows else None

    def current_bill_id(self) -> int | None:
        """The bill actions apply to: the posting's on the services tab, else the selected bill.

        :data:`~ui.reservation_card.models.DEPOSIT_ACCOUNT` when the deposit account is selected.
        """
        if self.tabs.currentIndex() == SERVICES_TAB:
            lines = self.selected_posting_lines()
            current = self.postings_model.line(self.postings_view.currentIndex().row())
            if current is not None and current in lines:
                return current.bill_id
            if lines:
                return lines[0].bill_id
        return self._bills_view_bill_id()

    def current_bill(self) -> BillView | None:
        bill_id = self.current_bill_id()
        view = self.view
        if view is None or bill_id is None or bill_id == DEPOSIT_ACCOUNT:
            return None
        return next((b for b in view.bills if b.bill.id == bill_id), None)

    def current_payment_id(self) -> int | None:
        rows = self.payments_view.selectionModel().selectedRows()
        return self.payments_model.id_at(rows[0].row()) if rows else None

    def current_payment_line(self) -> PaymentLine | None:
        rows = self.payments_view.selectionModel().selectedRows()
        return self.payments_model.line(rows[0].row()) if rows else None

    def select_bill(self, bill_id: int) -> None:
        self._select_rows(self.bills_view, self.bills_model, [bill_id], bill_id)

    def select_postings(self, posting_ids: list[int]) -> None:
        self._select_rows(self.postings_view, self.postings_model, posting_ids,
                          posting_ids[-1] if posting_ids else None)

    def select_payment(self, payment_id: int) -> None:
        self._select_rows(self.payments_view, self.payments_model, [payment_id], payment_id)

    def _postings_selection_changed(self, *_args: object) -> None:
        if not self._restoring:
            # The bills tab follows, so Make payment there acts on the same bill.
            lines = self.selected_posting_lines()
            if lines:
                bill_id = self.current_bill_id()
                if bill_id is not None and bill_id != self._bills_view_bill_id():
                    self.select_bill(bill_id)
        self._update_actions()

    def _bill_selection_changed(self, *_args: object) -> None:
        if not self._restoring:
            self._show_payments_of(self._bills_view_bill_id())
        self._update_actions()

    def _show_payments_of(self, bill_id: int | None) -> None:
        if not self.payments_model.shows(self.view, bill_id):  # show_card has already shown the kept bill's
            self.payments_model.set_view(self.view, bill_id)
        self._payments_fitter.fit()
        if bill_id == DEPOSIT_ACCOUNT:
            self.payments_label.setText(QCoreApplication.translate(
                "ReservationCard", "Pa&yments on the deposit account"))
        elif bill_id is not None and self.view is not None:
            number = next((b.bill.number for b in self.view.bills if b.bill.id == bill_id), "")
            self.payments_label.setText(QCoreApplication.translate(
                "ReservationCard", "Pa&yments and refunds of bill {number}").format(number=number))
        else:
            self.payments_label.setText(QCoreApplication.translate("ReservationCard", "Pa&yments: choose a bill"))

    def _bill_clicked(self, index: QModelIndex) -> None:
        if index.column() == BillsModel.SERVICES:
            self.view_service_details()

    def view_service_details(self) -> None:
        """R5: the selected posting's details, or a choice among the selected bill's orders."""
        if not self.view_details_action.isEnabled():
            return
        if self.tabs.currentIndex() == SERVICES_TAB:
            current = self.postings_model.id_at(self.postings_view.currentIndex().row())
            posting_id = current if current in self.selected_posting_ids() else self.selected_posting_ids()[0]
            self._show(dialogs.ServiceDetailsDialog(self.ctx, posting_id, self))
            return
        bill = self.current_bill()
        if bill is None:
            return
        orders = [line for line in bill.postings if line.posting.kind is PostingKind.CHARGE]
        if len(orders) == 1:
            self._show(dialogs.ServiceDetailsDialog(self.ctx, orders[0].posting.id, self))
            return
        self._choose_order(bill, orders)

    def _choose_order(self, bill: BillView, orders: list[PostingLine]) -> None:
        menu = QMenu(self)
        menu.setObjectName("serviceChooser")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        title = menu.addAction(QCoreApplication.translate(
            "ReservationCard", "Services on bill {number}").format(number=bill.bill.number))
        title.setEnabled(False)
        for line in orders:
            day, time = local_date_time(line.posting.ordered_at)
            text = QCoreApplication.translate(
                "ReservationCard", "{date} {time} · {service} · {amount} · {source}").format(
                date=day, time=time, service=line.posting.description, amount=money_text(line.posting.amount),
                source=self.postings_model.source_text(line.posting))
            action = menu.addAction(text.replace("&", "&&"))
            action.setData(line.posting.id)
            if line.reversed_by is not None:
                font = QFont(menu.font())
                font.setStrikeOut(True)
                action.setFont(font)
                action.setToolTip(self.postings_model.undo_note(line.reversed_by))
            posting_id = line.posting.id
            action.triggered.connect(
                lambda _checked=False, pid=posting_id: self._show(dialogs.ServiceDetailsDialog(self.ctx, pid, self)))
        row = self.bills_model.row_of(bill.bill.id)
        cell = self.bills_view.visualRect(self.bills_model.index(row or 0, BillsModel.SERVICES))
        where = self.bills_view.viewport().mapToGlobal(cell.bottomLeft()) if cell.isValid() else self.mapToGlobal(
            QPoint(0, 0))
        self.chooser = menu
        menu.popup(where)
        if len(menu.actions()) > 1:
            menu.setActiveAction(menu.actions()[1])
