"""The workstation's main window: find a reservation or an account, open its card.

Searches run as the clerk types (debounced), always off the GUI thread through the context;
an answer to an older search never replaces a newer one. The results refresh, keeping the
selected folio, whenever the ledger changes here or on another workstation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHelpEvent, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desk.cash.shift_pdf import write_x_report
from desk.cash.shifts import ShiftForm, ShiftReport, ShiftStatus, shift_form, shift_status
from desk.devices.printers import DeviceState
from desk.fiscal.workflow import ReceiptCheck
from desk.ledger.accounts import company_folio, event_folio
from desk.people.auth import Actor, lock_desk
from desk.people.rights import Right
from desk.stays.search import (
    ALL_KINDS,
    MAX_TEXT_LENGTH,
    DeskStatus,
    FolioKind,
    FolioQuery,
    FolioRow,
    desk_status,
    search_folios,
)
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.devices import open_drawer_now, state_text
from ui.dialogs import shift as shift_dialogs
from ui.dialogs.shift import CashMoveDialog, CloseShiftDialog, OpenShiftDialog, ShiftReportDialog
from ui.field_error import ERROR_COLOR
from ui.i18n import current_language, format_money, local_date_time
from ui.ops.op import Op
from ui.ops.pools import Cancelled
from ui.receipts_check import check_receipts
from ui.register_storage import StorageWatch
from ui.reservation_card.window import open_reservation_card
from ui.search_model import FolioTableModel
from ui.sign_in import IdleWatch, SignInDialog, SignInPurpose, idle_lock_minutes, visible_windows, who_text
from ui.stays.new_folio import open_new_folio
from ui.stays.new_reservation import open_new_reservation
from ui.stays.rack import open_room_rack
from ui.stays.rooms_admin import open_rooms

logger = logging.getLogger(__name__)

# How long typing must pause before the search runs.
SEARCH_DELAY_MS = 250
# How often the status bar asks the registers' printers how they are.
DEVICE_POLL_MS = 30_000


class StatusLabel(QLabel):
    """A status bar panel: its whole text when there is room; elided, with the whole text as tooltip, when not.

    ``text()`` stays the whole text; only the painting is cut. The panel asks for its whole text's
    width and gives way down to a few letters, so a narrow window cuts visibly (…) and never
    mid-letter, and the clerk reads the rest on hover.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setContentsMargins(4, 0, 4, 0)

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        chrome = self.width() - self.contentsRect().width()
        room = self.fontMetrics().horizontalAdvance(self.text()[:6] + "…") + chrome
        return QSize(min(room, hint.width()), hint.height())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.is_elided():
            tip = "\n".join(t for t in (self.text(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        QFrame.paintEvent(self, event)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())


class MainWindow(QMainWindow):
    """Search line and filters, the results, and the desk's status."""

    search_finished = Signal(int)  # rows shown, after each search's results are on screen
    closed = Signal()

    shift: ShiftStatus | None  # this workstation's open shift, once loaded

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Front desk"))
        self._generation = 0  # the newest search; answers to older ones are dropped
        self._pending: Op[list[FolioRow]] | None = None
        self._focus_results_when_found = False
        self._searched_once = False

        self.model = FolioTableModel(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)

        self._build_filters()
        self._build_table()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._search_row)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()

        ctx.ledger_changed.connect(self.refresh)
        ctx.ledger_changed.connect(self._load_shift)
        ctx.database_online.connect(self._show_database_state)
        ctx.actor_changed.connect(self._show_actor)
        ctx.sign_in_again.connect(self._lock_to_sign_in_again)
        self.lock_dialog: SignInDialog | None = None
        self.switch_dialog: SignInDialog | None = None
        self._hidden_for_lock: list[QWidget] = []
        self.idle_watch = IdleWatch(idle_lock_minutes() * 60_000, self)
        self.idle_watch.idle.connect(self.lock)
        self.idle_watch.start()
        self.resize(1100, 640)
        self.search_now()
        self._load_status()
        self._load_shift()

    # --- building -------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Room, guest name, reservation number or company"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(MAX_TEXT_LENGTH)
        self.search_edit.textChanged.connect(self._schedule_search)
        self.search_edit.returnPressed.connect(self._search_and_focus_results)
        self.search_edit.installEventFilter(self)
        find_label = QLabel(self.tr("&Find:"), self)
        find_label.setBuddy(self.search_edit)
        self._search_row = QHBoxLayout()
        self._search_row.addWidget(find_label)
        self._search_row.addWidget(self.search_edit, 1)

        self.in_house_check = QCheckBox(self.tr("&In house only"), self)
        self.in_house_check.setObjectName("inHouseCheck")
        self.in_house_check.setChecked(True)
        self.in_house_check.toggled.connect(self.search_now)

        self.arrival_check = QCheckBox(self.tr("&Arrival on"), self)
        self.arrival_check.setObjectName("arrivalCheck")
        self.arrival_check.setToolTip(self.tr("Only stays arriving on this day (and events starting on it)"))
        self.arrival_edit = QDateEdit(QDate.currentDate(), self)
        self.arrival_edit.setObjectName("arrivalEdit")
        self.arrival_edit.setCalendarPopup(True)
        self.arrival_edit.setEnabled(False)
        self.arrival_check.toggled.connect(self._arrival_toggled)
        self.arrival_edit.dateChanged.connect(self._schedule_search)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(self.tr("All"), ALL_KINDS)
        self.kind_combo.addItem(self.tr("Reservations"), frozenset({FolioKind.RESERVATION}))
        self.kind_combo.addItem(self.tr("Companies"), frozenset({FolioKind.COMPANY}))
        self.kind_combo.addItem(self.tr("Events"), frozenset({FolioKind.EVENT}))
        self.kind_combo.addItem(self.tr("Walk-in clients"), frozenset({FolioKind.WALK_IN}))
        self.kind_combo.currentIndexChanged.connect(self.search_now)
        kind_label = QLabel(self.tr("&Show:"), self)
        kind_label.setBuddy(self.kind_combo)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")

        # The business date's arrivals and departures, one click each (the date comes with the status).
        self.business_date: date | None = None
        self.arrivals_button = QPushButton(self.tr("A&rrivals today"), self)
        self.arrivals_button.setObjectName("arrivalsButton")
        self.arrivals_button.setCheckable(True)
        self.arrivals_button.toggled.connect(lambda on: self._day_list_toggled(self.arrivals_button, on))
        self.departures_button = QPushButton(self.tr("De&partures today"), self)
        self.departures_button.setObjectName("departuresButton")
        self.departures_button.setCheckable(True)
        self.departures_button.toggled.connect(lambda on: self._day_list_toggled(self.departures_button, on))

        # Beside the search, whose field gives way: the filters below keep the window's narrowest width.
        self._search_row.addWidget(self.arrivals_button)
        self._search_row.addWidget(self.departures_button)

        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.in_house_check)
        self._filter_row.addSpacing(12)
        self._filter_row.addWidget(self.arrival_check)
        self._filter_row.addWidget(self.arrival_edit)
        self._filter_row.addSpacing(12)
        self._filter_row.addWidget(kind_label)
        self._filter_row.addWidget(self.kind_combo)
        self._filter_row.addStretch(1)
        self._filter_row.addWidget(self.result_label)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FolioTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # No sort indicator at first: the search's own order (latest arrival first) until a click.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_reservation_action = QAction(self.tr("&New reservation…"), self)
        self.new_reservation_action.setObjectName("newReservationAction")
        self.new_reservation_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_reservation_action.triggered.connect(self.new_reservation)
        file_menu.addAction(self.new_reservation_action)
        self.new_folio_action = QAction(self.tr("New &folio…"), self)
        self.new_folio_action.setObjectName("newFolioAction")
        self.new_folio_action.triggered.connect(self.new_folio)
        file_menu.addAction(self.new_folio_action)
        self.open_action = QAction(self.tr("&Open card"), self)
        self.open_action.setObjectName("openAction")
        self.open_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_O))
        self.open_action.triggered.connect(self.open_current)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        self.switch_user_action = QAction(self.tr("S&witch user…"), self)
        self.switch_user_action.setObjectName("switchUserAction")
        self.switch_user_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_user_action)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setObjectName("findAction")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.find_action)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        view_menu.addAction(self.refresh_action)
        self.rack_action = QAction(self.tr("Room rac&k"), self)
        self.rack_action.setObjectName("rackAction")
        self.rack_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.rack_action.triggered.connect(self.show_rack)
        view_menu.addAction(self.rack_action)

        self._build_shift_menu()
        self._build_cards_menu()
        self._build_reports_menu()
        self._build_admin_menu()
        self._build_settings_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_shift_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Shift"))
        menu.setObjectName("shiftMenu")

        def action(name: str, text: str, handler: Callable[[ShiftForm], None]) -> QAction:
            item = QAction(text, self)
            item.setObjectName(name)
            item.triggered.connect(lambda: self._with_shift_form(handler))
            menu.addAction(item)
            return item

        self.open_shift_action = action("openShiftAction", self.tr("&Open shift…"), self._open_shift)
        self.cash_in_action = action("cashInAction", self.tr("Cash &in…"), lambda form: self._cash_move(form, False))
        self.cash_out_action = action("cashOutAction", self.tr("Cash &out…"), lambda form: self._cash_move(form, True))
        menu.addSeparator()
        self.x_report_action = action("xReportAction", self.tr("&X report"), self._x_report)
        self.close_shift_action = action("closeShiftAction", self.tr("&Close shift…"), self._close_shift)
        menu.addSeparator()
        # Asks the registers about receipts a crash or a lost answer left open (also after sign-in).
        self.check_receipts_action = QAction(self.tr("Check &receipts"), self)
        self.check_receipts_action.setObjectName("checkReceiptsAction")
        self.check_receipts_action.triggered.connect(lambda: self.check_receipts())
        menu.addAction(self.check_receipts_action)
        self.pending_register_documents_action = QAction(self.tr("Pending register &documents…"), self)
        self.pending_register_documents_action.setObjectName("pendingRegisterDocumentsAction")
        self.pending_register_documents_action.triggered.connect(self._pending_register_documents)
        menu.addAction(self.pending_register_documents_action)
        # Enabled for everyone: a clerk is refused by the desk, and the refusal says who may.
        self.open_drawer_action = QAction(self.tr("Open &drawer"), self)
        self.open_drawer_action.setObjectName("openDrawerAction")
        self.open_drawer_action.triggered.connect(self.open_drawer)
        menu.addAction(self.open_drawer_action)
        menu.addSeparator()
        self.night_audit_action = QAction(self.tr("&Night audit…"), self)
        self.night_audit_action.setObjectName("nightAuditAction")
        self.night_audit_action.triggered.connect(self.open_night_audit)
        menu.addAction(self.night_audit_action)

    def open_night_audit(self) -> None:
        from ui.night_audit import open_night_audit

        self.night_audit_dialog = open_night_audit(self.ctx, self)

    def _build_cards_menu(self) -> None:
        from ui.cards import operations as card_operations

        menu = self.menuBar().addMenu(self.tr("C&ards"))
        menu.setObjectName("cardsMenu")
        self.pending_cards_action = menu.addAction(self.tr("&Pending card operations…"))
        self.pending_cards_action.setObjectName("pendingCardsAction")
        self.pending_cards_action.triggered.connect(
            lambda: card_operations.PendingCardOperationsDialog(self.ctx, self).open())
        self.open_holds_action = menu.addAction(self.tr("Open &pre-authorisations…"))
        self.open_holds_action.setObjectName("openHoldsAction")
        self.open_holds_action.triggered.connect(lambda: card_operations.OpenHoldsDialog(self.ctx, self).open())
        self.end_of_day_action = menu.addAction(self.tr("Terminal &end of day…"))
        self.end_of_day_action.setObjectName("endOfDayAction")
        self.end_of_day_action.triggered.connect(lambda: card_operations.open_end_of_day(self.ctx, self))

    def _build_reports_menu(self) -> None:
        from desk.reports.tables import report_names
        from ui.reports.window import ReportsWindow, desk_word

        menu = self.menuBar().addMenu(self.tr("&Reports"))
        menu.setObjectName("reportsMenu")
        self.report_actions: dict[str, QAction] = {}
        for name, title in report_names().items():
            action = menu.addAction(desk_word(title) + "…")
            action.setObjectName(f"{name}ReportAction")
            # A cashier reads their own shifts' cashier report; the others are the manager's
            # (enabled for the signed-in user in _enable_for_actor).
            action.triggered.connect(lambda _checked=False, n=name: self.show_report(n))
            self.report_actions[name] = action
        self._reports_window_class = ReportsWindow
        menu.addSeparator()
        self.invoices_action = menu.addAction(self.tr("&Invoices…"))
        self.invoices_action.setObjectName("invoicesAction")
        self.invoices_action.triggered.connect(self.show_invoices)

    def show_invoices(self) -> None:
        from ui.invoices.window import InvoicesDialog

        dialog = self.invoices_dialog = InvoicesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_report(self, name: str) -> None:
        window = self.reports_window = self._reports_window_class(self.ctx, self, name)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.load()

    def _build_settings_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("S&ettings"))
        menu.setObjectName("settingsMenu")
        self.devices_action = QAction(self.tr("&Devices…"), self)
        self.devices_action.setObjectName("devicesAction")
        self.devices_action.triggered.connect(self.show_devices)
        menu.addAction(self.devices_action)
        self.rooms_action = QAction(self.tr("&Rooms and room types…"), self)
        self.rooms_action.setObjectName("roomsAction")
        self.rooms_action.triggered.connect(lambda: open_rooms(self.ctx, self))
        menu.addAction(self.rooms_action)
        self.mail_action = QAction(self.tr("&E-mail…"), self)
        self.mail_action.setObjectName("mailSettingsAction")
        self.mail_action.triggered.connect(self.show_mail_settings)
        menu.addAction(self.mail_action)
        self.card_operators_action = QAction(self.tr("Card &operators…"), self)
        self.card_operators_action.setObjectName("cardOperatorsAction")
        self.card_operators_action.triggered.connect(self.show_card_operators)
        menu.addAction(self.card_operators_action)
        self.pos_connections_action = QAction(self.tr("&POS connections…"), self)
        self.pos_connections_action.setObjectName("posConnectionsAction")
        self.pos_connections_action.triggered.connect(self.open_pos_connections)
        menu.addAction(self.pos_connections_action)
        self._enable_for_actor()

    def _build_admin_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Administration"))
        menu.setObjectName("adminMenu")
        self.people_action = QAction(self.tr("&People…"), self)
        self.people_action.setObjectName("peopleAction")
        self.people_action.triggered.connect(self.show_people)
        menu.addAction(self.people_action)
        self.catalogue_action = QAction(self.tr("&Services and payments…"), self)
        self.catalogue_action.setObjectName("catalogueAction")
        self.catalogue_action.triggered.connect(self.show_catalogue)
        menu.addAction(self.catalogue_action)
        self.city_tax_action = QAction(self.tr("&City tax…"), self)
        self.city_tax_action.setObjectName("cityTaxAction")
        self.city_tax_action.triggered.connect(self.show_city_tax)
        menu.addAction(self.city_tax_action)
        self.default_credit_limit_action = QAction(self.tr("Default credit &limit…"), self)
        self.default_credit_limit_action.setObjectName("defaultCreditLimitAction")
        self.default_credit_limit_action.triggered.connect(self.show_default_credit_limit)
        menu.addAction(self.default_credit_limit_action)
        menu.addSeparator()
        self.import_action = QAction(self.tr("&Import from a CSV file…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.triggered.connect(self.show_import)
        menu.addAction(self.import_action)
        self.backup_action = QAction(self.tr("&Back up the database…"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.show_backup)
        menu.addAction(self.backup_action)
        self.audit_trail_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_trail_action.setObjectName("auditTrailAction")
        self.audit_trail_action.triggered.connect(self.show_audit_trail)
        menu.addAction(self.audit_trail_action)

    def show_default_credit_limit(self) -> None:
        from ui.stays.credit_limit import open_default_credit_limit

        open_default_credit_limit(self.ctx, self)

    def show_city_tax(self) -> None:
        from ui.admin.city_tax import CityTaxDialog

        dialog = self.city_tax_dialog = CityTaxDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_import(self) -> None:
        from ui.admin.imports import ImportDialog

        dialog = self.import_dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_backup(self) -> None:
        from ui.admin.backup import BackupDialog

        dialog = self.backup_dialog = BackupDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_people(self) -> None:
        from ui.admin.people import PeopleDialog

        dialog = self.people_dialog = PeopleDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_audit_trail(self) -> None:
        from ui.audit.trail import AuditTrailDialog

        dialog = self.audit_trail_dialog = AuditTrailDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_catalogue(self) -> None:
        from ui.admin.catalogue import CatalogueDialog

        dialog = self.catalogue_dialog = CatalogueDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The registers' printers and the terminals are set where they always were: in Devices.
        dialog.devices_button.setEnabled(self.ctx.actor.may(Right.MANAGE_DEVICES))
        dialog.devices_button.clicked.connect(self.show_devices)
        dialog.open()

    def _enable_for_actor(self) -> None:
        # Only who may use them sees them enabled (the use cases refuse the others anyway).
        self.people_action.setEnabled(self.ctx.actor.may(Right.MANAGE_USERS))
        self.catalogue_action.setEnabled(self.ctx.actor.may(Right.MANAGE_CATALOGUE))
        self.backup_action.setEnabled(self.ctx.actor.may(Right.BACK_UP))
        self.import_action.setEnabled(self.ctx.actor.may(Right.IMPORT_DATA))
        self.city_tax_action.setEnabled(self.ctx.actor.may(Right.SET_CITY_TAX))
        self.default_credit_limit_action.setEnabled(self.ctx.actor.may(Right.SET_CREDIT_LIMIT))
        self.audit_trail_action.setEnabled(self.ctx.actor.may(Right.READ_AUDIT_TRAIL))
        self.invoices_action.setEnabled(self.ctx.actor.may(Right.ISSUE_INVOICE))
        self.devices_action.setEnabled(self.ctx.actor.may(Right.MANAGE_DEVICES))
        self.mail_action.setEnabled(self.ctx.actor.may(Right.MANAGE_DEVICES))
        self.card_operators_action.setEnabled(self.ctx.actor.may(Right.MANAGE_DEVICES))
        self.pos_connections_action.setEnabled(self.ctx.actor.may(Right.MANAGE_POS_KEYS))
        self.rooms_action.setEnabled(self.ctx.actor.may(Right.MANAGE_ROOMS))
        self.night_audit_action.setEnabled(self.ctx.actor.may(Right.RUN_NIGHT_AUDIT))
        for name, action in self.report_actions.items():
            action.setEnabled(self.ctx.actor.may(Right.READ_REPORTS if name == "cashier"
                                                 else Right.READ_HOTEL_REPORTS))

    def show_devices(self) -> None:
        from ui.settings.devices import DevicesDialog

        dialog = DevicesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._load_device_states())
        self.devices_dialog = dialog
        dialog.open()

    def show_mail_settings(self) -> None:
        from ui.settings.mail import MailSettingsDialog

        dialog = MailSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.mail_dialog = dialog
        dialog.open()

    def show_card_operators(self) -> None:
        from ui.settings.card_operators import CardOperatorsDialog

        dialog = CardOperatorsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.card_operators_dialog = dialog
        dialog.open()

    def open_drawer(self) -> None:
        open_drawer_now(self.ctx, self)

    def _pending_register_documents(self) -> None:
        from ui.admin.register_documents import PendingRegisterDocumentsDialog

        PendingRegisterDocumentsDialog(self.ctx, self).open()

    def check_receipts(self, *, quiet_when_clean: bool = False) -> Op[ReceiptCheck]:
        return check_receipts(self.ctx, self, quiet_when_clean=quiet_when_clean)

    def _with_shift_form(self, then: Callable[[ShiftForm], None]) -> None:
        self.ctx.query(self, shift_form, self.ctx.actor.workstation).success(then).run()

    def _open_shift(self, form: ShiftForm) -> None:
        dialog = OpenShiftDialog(self.ctx, form, self)
        dialog.register_papers_done.connect(self.storage_watch.read)
        dialog.open()

    def _cash_move(self, form: ShiftForm, out: bool) -> None:
        CashMoveDialog(self.ctx, form, out=out, parent=self).open()

    def _close_shift(self, form: ShiftForm) -> None:
        dialog = CloseShiftDialog(self.ctx, form, self)
        dialog.register_papers_done.connect(self.storage_watch.read)
        dialog.open()

    def _x_report(self, _form: ShiftForm) -> None:
        self.ctx.query(self, write_x_report, self.ctx.actor.workstation, shift_dialogs.report_directory(),
                       current_language()).success(self._show_x_report).run()

    def _show_x_report(self, written: tuple[ShiftReport, Path]) -> None:
        report, path = written
        ShiftReportDialog(report, path, self).open()
        shift_dialogs.open_document(path)
        shift_dialogs.print_x_report_on_register(self.ctx, self)

    def _load_shift(self) -> None:
        self.ctx.query(self.shift_label, shift_status, self.ctx.actor.workstation).success(self._show_shift).failure(
            lambda exc: logger.warning("shift not loaded: %s", exc)).run()

    def _show_shift(self, status: ShiftStatus | None) -> None:
        if status is not None and self.shift is None:
            self.storage_watch.read_once()  # a shift open when the desk starts
        self.shift = status
        is_open = status is not None
        self.open_shift_action.setEnabled(not is_open)
        for item in (self.cash_in_action, self.cash_out_action, self.x_report_action, self.close_shift_action):
            item.setEnabled(is_open)
        if status is None:
            self.shift_label.setText(self.tr("No shift open"))
            self.shift_label.setToolTip("")
            self.drawer_label.setText("")
            self.drawer_label.hide()
            return
        day, time = local_date_time(status.opened_at)
        opened_today = status.opened_at.astimezone().date() == date.today()
        # Today's date goes without saying, and who opened the shift is a hover away: the room goes
        # to the drawer's amounts, which in Russian need it.
        text = self.tr("Shift {number} · since {time}").format(
            number=status.number, time=time if opened_today else f"{day} {time}")
        if status.too_old:
            text += " · " + self.tr("over 24 hours: close it before taking cash")
        self.shift_label.setText(text)
        self.shift_label.setToolTip(self.tr("Shift {number}, opened by {name} on {day} at {time}").format(
            number=status.number, name=status.opened_by_name, day=day, time=time))
        # The drawer has its own panel: a long shift text must never push the cash out of sight.
        drawer = ", ".join(format_money(m.amount, m.currency) for m in status.expected)
        self.drawer_label.setText(self.tr("Drawer: {amounts}").format(amounts=drawer))
        self.drawer_label.setToolTip(self.tr("Cash the drawer should hold now"))
        self.drawer_label.show()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")

        def label(name: str, text: str) -> StatusLabel:
            widget = StatusLabel(text, self)
            widget.setObjectName(name)
            bar.addPermanentWidget(widget)
            return widget

        actor = self.ctx.actor
        # The workstation's name speaks for itself; what it is stays a hover away.
        self.workstation_label = label("workstationLabel", actor.workstation)
        self.workstation_label.setToolTip(self.tr("Workstation: {name}").format(name=actor.workstation))
        self.cashier_label = label("cashierLabel", who_text(actor))
        self.shift_label = label("shiftLabel", self.tr("No shift open"))
        self.drawer_label = label("drawerLabel", "")
        self.drawer_label.hide()
        self.storage_watch = StorageWatch(self.ctx, label("storageLabel", ""))
        self.shift = None
        self.devices_label = label("devicesLabel", "")
        self.registers: tuple[tuple[str, str], ...] = ()
        self._asking_devices = False
        self._device_timer = QTimer(self)
        self._device_timer.setInterval(DEVICE_POLL_MS)
        self._device_timer.timeout.connect(self._load_device_states)
        self._device_timer.start()
        self.ctx.devices_changed.connect(self._load_device_states)
        self.database_label = label("databaseLabel", "")
        self._show_database_state(True)

    # --- status bar -----------------------------------------------------------------------------

    def _load_status(self) -> None:
        self.ctx.query(self, desk_status, self.ctx.actor.username, current_language()).success(
            self._show_status).failure(lambda exc: logger.warning("status bar not loaded: %s", exc)).run()

    def _show_status(self, status: DeskStatus) -> None:
        self.business_date = status.business_date
        self.registers = status.cash_registers
        self._show_register_states({})
        self._load_device_states()

    def _load_device_states(self) -> None:
        """Ask each register's printer for its status, on the device pool (a printer away takes seconds)."""
        if self._asking_devices:
            return
        self._asking_devices = True

        def done(states: dict[str, DeviceState]) -> None:
            self._asking_devices = False
            self._show_register_states(states)

        def failed(exc: BaseException) -> None:
            self._asking_devices = False
            logger.warning("device states not read: %s", exc)

        self.ctx.device_op(self.devices_label, self.ctx.devices.register_states).success(done).failure(failed).run()

    def _show_register_states(self, states: dict[str, DeviceState]) -> None:
        texts, tips = [], []
        for code, name in self.registers:
            state = states.get(code)
            if state is None:
                text = self.tr("{register}: no printer").format(register=code)
            else:
                text = self.tr("{register}: {state}").format(register=code, state=state_text(state))
            texts.append(text)
            tips.append(f"{name}: {state.url}" if state else name)
        self.devices_label.setText(" · ".join(texts) if texts else self.tr("No cash register"))
        self.devices_label.setToolTip("\n".join(tips))
        # A register with no printer here, or whose printer does not answer, is not ready: it cannot print.
        ready = all(code in states and states[code].ready for code, _name in self.registers)
        self.devices_label.setProperty("ready", ready)
        self.devices_label.setStyleSheet("" if ready else f"color: {ERROR_COLOR};")

    def _show_database_state(self, online: bool) -> None:
        # Only a lost database is news; while it answers, its panel leaves the room to the shift and drawer.
        self.database_label.setText(self.tr("Database online") if online else self.tr("Database offline"))
        self.database_label.setProperty("online", online)
        self.database_label.setVisible(not online)

    def _show_actor(self, actor: object) -> None:
        self.cashier_label.setText(who_text(self.ctx.actor))
        self._enable_for_actor()

    # --- who is at the desk ---------------------------------------------------------------------

    def switch_user(self) -> None:
        """Another colleague signs in (password or PIN); the desk then works as them."""
        dialog = SignInDialog(self.ctx.database, self.ctx.actor.workstation, purpose=SignInPurpose.SWITCH,
                              replacing=self.ctx.actor.username, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed_in.connect(self.ctx.set_actor)
        self.switch_dialog = dialog
        dialog.open()

    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self) -> None:
        """Hide every window of the desk behind the sign-in until its user or a manager unlocks it."""
        self._lock(locked_by=self.ctx.actor)

    def _lock_to_sign_in_again(self, refusal: object) -> None:
        """The signed-in user was deactivated or demoted: their session is over, so the desk locks
        and whoever works here now signs in (the user again, with their new rights, or a colleague)."""
        reason = error_text(refusal) if isinstance(refusal, BaseException) else str(refusal)
        self._lock(locked_by=None, reason=reason)

    def _lock(self, *, locked_by: Actor | None, reason: str = "") -> None:
        if self.lock_dialog is not None:
            return
        if locked_by is not None:  # the trail records the lock (a user asked to sign in again acts no more)
            Op(self, lambda: self.ctx.runner.run(lock_desk, locked_by)).failure(
                lambda exc: logger.warning("the lock was not recorded in the audit trail: %s", exc)).run()
        self.idle_watch.stop()
        self._hidden_for_lock = visible_windows()
        for window in self._hidden_for_lock:
            window.hide()
        dialog = SignInDialog(self.ctx.database, self.ctx.actor.workstation, purpose=SignInPurpose.UNLOCK,
                              locked_by=locked_by, username=self.ctx.actor.username, reason=reason,
                              replacing=self.ctx.actor.username)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed_in.connect(self._unlocked)
        self.lock_dialog = dialog
        dialog.show()

    def _unlocked(self, actor: object) -> None:
        self.lock_dialog = None
        if actor != self.ctx.actor:
            self.ctx.set_actor(actor)  # type: ignore[arg-type]
        for window in self._hidden_for_lock:
            # A window deleted while the desk was locked (a dialog closed by its own work) is gone: showing
            # it would raise and leave the rest of the desk hidden behind it.
            if shiboken6.isValid(window):
                window.show()
        self._hidden_for_lock = []
        self.idle_watch.start()

    # --- searching ------------------------------------------------------------------------------

    def current_query(self) -> FolioQuery:
        """What the filters say now (read on the GUI thread, handed to the worker as values)."""
        arrival: date | None = None
        if self.arrival_check.isChecked():
            qdate = self.arrival_edit.date()
            arrival = date(qdate.year(), qdate.month(), qdate.day())
        kinds = self.kind_combo.currentData()
        departure: date | None = None
        in_house_only = self.in_house_check.isChecked()
        day = self.business_date or date.today()
        if self.arrivals_button.isChecked():
            arrival, in_house_only = day, False
        elif self.departures_button.isChecked():
            departure, in_house_only = day, True
        return FolioQuery(
            text=self.search_edit.text(),
            arrival=arrival,
            departure=departure,
            in_house_only=in_house_only,
            kinds=kinds if isinstance(kinds, frozenset) else ALL_KINDS,
        )

    def _schedule_search(self) -> None:
        self._debounce.start()

    def search_now(self) -> None:
        """Search with the current filters at once, superseding any search still under way."""
        self._debounce.stop()
        query = self.current_query()
        self._generation += 1
        generation = self._generation
        if self._pending is not None and self._pending.is_running:
            self._pending.cancel()
        self.result_label.setText(self.tr("Searching…"))
        # Parented to the model, not the window: typing must not flash a wait cursor.
        self._pending = (
            self.ctx.query(self.model, search_folios, query)
            .success(lambda rows: self._show_results(generation, rows))
            .failure(lambda exc: self._search_failed(generation, exc))
            .run()
        )

    def refresh(self) -> None:
        self.search_now()

    def _show_results(self, generation: int, rows: list[FolioRow]) -> None:
        if generation != self._generation:
            return
        self._pending = None
        selected = self.selected_row()
        self.model.set_rows(rows)
        if not self._searched_once and rows:
            # Fitted once to the first results; after that the clerk's own widths are kept.
            self.table.resizeColumnsToContents()
        restored = self.model.row_of(selected.key) if selected is not None else -1
        if restored < 0 and self._focus_results_when_found and rows:
            restored = 0
        if restored >= 0:
            self.select_row(restored)
        if self._focus_results_when_found:
            self._focus_results_when_found = False
            if len(rows) == 1:
                # Enter on a search that found one stay means "open it": a second Enter is a wasted key.
                self.open_row(0)
            elif rows:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not rows:
            self.result_label.setText(self.tr("Nothing found"))
        elif len(rows) >= self.current_query().limit:
            self.result_label.setText(self.tr("The first {count} found: narrow the search").format(count=len(rows)))
        else:
            self.result_label.setText(self.tr("{count} found").format(count=len(rows)))
        self._searched_once = True
        self.search_finished.emit(len(rows))

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or isinstance(exc, Cancelled):
            return
        self._pending = None
        logger.warning("search failed: %s", exc)
        self.result_label.setText(self.tr("Search failed: {reason}").format(reason=exc))

    def _search_and_focus_results(self) -> None:
        self._focus_results_when_found = True
        self.search_now()

    def _day_list_toggled(self, button: QPushButton, checked: bool) -> None:
        other = self.departures_button if button is self.arrivals_button else self.arrivals_button
        if checked and other.isChecked():
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self.search_now()

    def _arrival_toggled(self, checked: bool) -> None:
        self.arrival_edit.setEnabled(checked)
        if checked and self.in_house_check.isChecked():
            # Arrivals are mostly still to check in: looking for them among in-house stays finds little.
            self.in_house_check.blockSignals(True)
            self.in_house_check.setChecked(False)
            self.in_house_check.blockSignals(False)
        self.search_now()

    # --- selection and opening ------------------------------------------------------------------

    def selected_row(self) -> FolioRow | None:
        index = self.table.currentIndex()
        selection = self.table.selectionModel().selectedRows()
        if selection:
            index = selection[0]
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def open_current(self) -> None:
        folio = self.selected_row()
        if folio is not None:
            self.open_folio(folio)

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_folio(self.model.row_at(row))

    def open_folio(self, folio: FolioRow) -> None:
        """Open the card; a company or event without an account yet gets one first."""
        if folio.folio_id is not None:
            self.open_reservation_card(folio.folio_id)
            return
        opener = company_folio if folio.kind is FolioKind.COMPANY else event_folio
        opened = self.ctx.change(self, opener, folio.owner_id)
        opened.success(lambda account: self.open_reservation_card(account.id)).run()

    def new_reservation(self) -> None:
        open_new_reservation(self.ctx, self, self.open_reservation_card)

    def show_rack(self) -> None:
        # Its own window, not a dialog: the desk keeps it open beside the search all day.
        self.rack_window = open_room_rack(self.ctx, None, self.open_reservation_card)

    def new_folio(self) -> None:
        open_new_folio(self.ctx, self, self.open_reservation_card)

    def open_reservation_card(self, folio_id: int) -> None:
        # Looked up at call time, so tests (and a later plug-in) can replace the opener.
        open_reservation_card(self.ctx, folio_id, parent=self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down and self.model.rowCount():
                if self.selected_row() is None:
                    self.select_row(0)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- the rest -------------------------------------------------------------------------------

    def open_pos_connections(self) -> None:
        from ui.settings.pos import PosConnectionsDialog

        PosConnectionsDialog(self.ctx, self).open()

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Front desk"),
            self.tr(
                "Front desk: the hotel cashier's workstation.\n"
                "Find a stay, read its folio, take payments and refunds, print receipts."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._debounce.stop()
        self.idle_watch.remove()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
