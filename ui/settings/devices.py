"""The Devices settings window: each workstation's printers, their status, a test page; its card terminals.

Settings are written through desk use cases (a manager's right); statuses and test pages wait on
the device pool, never on the GUI thread. This workstation's printers are asked through the
program's own workers (``ctx.devices``); another workstation's through workers this window owns
and closes.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.cards.terminals import TerminalInfo, add_terminal, list_terminals, remove_terminal, set_terminal_slips
from desk.cash.shifts import cash_currencies
from desk.devices.printers import (
    DEFAULT_PROFILE,
    PAPER_WIDTHS,
    DeviceHub,
    DeviceState,
    PrinterSetting,
    add_printer,
    printer_settings,
    remove_printer,
    update_printer,
    workstations_with_printers,
)
from desk.hotel.names import Names, load_names
from desk.people.rights import Right
from desk.stays.search import DeskStatus, desk_status
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.devices import state_text
from ui.field_error import ERROR_COLOR
from ui.i18n import current_language

PROFILES = ("TM-T20II", "TM-T88V", "TM-T88IV", "TM-P80", "POS-5890", "default")
URL_HINT = "tcp://192.168.1.50:9100 · usb://04b8:0202 · serial:///dev/ttyUSB0?baudrate=19200 · file:///dev/usb/lp0"
TERMINAL_URL_HINT = "tcp://host:20007 · serial:///dev/ttyACM0"


class PrinterDialog(QDialog):
    """Add or change one printer; the use case checks it and says what is wrong."""

    def __init__(self, ctx: DeskContext, workstation: str, registers: tuple[tuple[str, str], ...],
                 setting: PrinterSetting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workstation = workstation
        self.setting = setting
        self.setObjectName("printerDialog")
        self.setWindowTitle(self.tr("Printer") if setting else self.tr("Add printer"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name_edit = QLineEdit(setting.name if setting else "")
        self.name_edit.setObjectName("printerNameEdit")
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.url_edit = QLineEdit(setting.url if setting else "")
        self.url_edit.setObjectName("printerUrlEdit")
        self.url_edit.setPlaceholderText("tcp://192.168.1.50:9100")
        self.url_edit.setToolTip(URL_HINT)
        form.addRow(self.tr("&Address:"), self.url_edit)
        hint = QLabel(URL_HINT)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow("", hint)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("printerProfileCombo")
        self.profile_combo.setEditable(True)
        self.profile_combo.addItems(PROFILES)
        self.profile_combo.setCurrentText(setting.profile if setting else DEFAULT_PROFILE)
        form.addRow(self.tr("&Model profile:"), self.profile_combo)
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("printerPaperCombo")
        for mm in PAPER_WIDTHS:
            self.paper_combo.addItem(self.tr("{mm} mm").format(mm=mm), mm)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(setting.paper_mm if setting else 80))
        form.addRow(self.tr("&Paper width:"), self.paper_combo)
        self.register_combo = QComboBox()
        self.register_combo.setObjectName("printerRegisterCombo")
        # The one place a register's printer is set: its documents print here on this workstation.
        self.register_combo.addItem(self.tr("None (test pages and copies)"), None)
        for code, name in registers:
            self.register_combo.addItem(f"{name} ({code})", code)
        if setting is not None and setting.register_code:
            self.register_combo.setCurrentIndex(self.register_combo.findData(setting.register_code))
        form.addRow(self.tr("Prints for &register:"), self.register_combo)
        self.drawer_check = QCheckBox(self.tr("The cash &drawer is connected to this printer"))
        self.drawer_check.setObjectName("printerDrawerCheck")
        self.drawer_check.setChecked(bool(setting and setting.drawer))
        form.addRow("", self.drawer_check)
        self.text_as_image_check = QCheckBox(self.tr("Draw text as an &image"))
        self.text_as_image_check.setObjectName("printerTextAsImageCheck")
        self.text_as_image_check.setToolTip(self.tr(
            "For a printer that prints boxes or question marks instead of letters: the receipt's text is "
            "drawn as a picture, whatever code pages the printer has. Print a test page to check."))
        self.text_as_image_check.setChecked(bool(setting and setting.text_as_image))
        form.addRow("", self.text_as_image_check)
        self.error_label = QLabel()
        self.error_label.setObjectName("printerErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        kwargs: dict[str, Any] = dict(profile=self.profile_combo.currentText(), paper_mm=self.paper_combo.currentData(),
                                      register_code=self.register_combo.currentData(),
                                      drawer=self.drawer_check.isChecked(),
                                      text_as_image=self.text_as_image_check.isChecked())
        if self.setting is None:
            op = self.ctx.change(self, add_printer, self.workstation, self.name_edit.text(), self.url_edit.text(),
                                 **kwargs)
        else:
            op = self.ctx.change(self, update_printer, self.setting.id, self.name_edit.text(),
                                 self.url_edit.text(), **kwargs)
        op.success(lambda _setting: self.accept()).failure(
            lambda exc: self.error_label.setText(error_text(exc))).busy(self.buttons).run()


class TerminalDialog(QDialog):
    """Add one card terminal; the use case checks it and says what is wrong."""

    def __init__(self, ctx: DeskContext, workstation: str, currencies: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workstation = workstation
        self.setObjectName("terminalDialog")
        self.setWindowTitle(self.tr("Add card terminal"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("terminalNameEdit")
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("terminalUrlEdit")
        self.url_edit.setPlaceholderText("tcp://192.168.1.60:20007")
        form.addRow(self.tr("&Address:"), self.url_edit)
        hint = QLabel(TERMINAL_URL_HINT)
        hint.setEnabled(False)
        form.addRow("", hint)
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("terminalCurrencyCombo")
        self.currency_combo.addItems(currencies)
        form.addRow(self.tr("&Currency:"), self.currency_combo)
        self.password_edit = QLineEdit("000000")
        self.password_edit.setObjectName("terminalPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Cashier &password:"), self.password_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("terminalErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        self.ctx.change(self, add_terminal, self.workstation, self.name_edit.text(), self.url_edit.text(),
                        self.currency_combo.currentText(), self.password_edit.text()).success(
            lambda _info: self.accept()).failure(
            lambda exc: self.error_label.setText(error_text(exc))).busy(self.buttons).run()


class DevicesDialog(QDialog):
    """Printers and card terminals per workstation (kept in the database by workstation name)."""

    COLUMNS = ("name", "url", "profile", "paper", "register", "drawer", "status")

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices"))
        self.settings: list[PrinterSetting] = []
        self.registers: tuple[tuple[str, str], ...] = ()
        self._other_hub: DeviceHub | None = None
        self._generation = 0
        self.terminals: list[TerminalInfo] = []
        self.currencies: list[str] = []

        layout = QVBoxLayout(self)
        self._build_workstation_row(layout)
        self._build_printers(layout)
        self.message_label = QLabel()
        self.message_label.setObjectName("devicesMessageLabel")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self._build_terminals(layout)
        self._build_slip_checks(layout)
        self.resize(900, 560)
        self._enable()

    def _build_workstation_row(self, layout: QVBoxLayout) -> None:
        """The workstation whose devices are shown: this one, or any typed or known one."""
        top = QHBoxLayout()
        layout.addLayout(top)
        workstation_label = QLabel(self.tr("&Workstation:"))
        top.addWidget(workstation_label)
        self.workstation_combo = QComboBox()
        self.workstation_combo.setObjectName("workstationCombo")
        self.workstation_combo.setEditable(True)
        self.workstation_combo.setMinimumWidth(200)
        self.workstation_combo.addItem(self.ctx.actor.workstation)
        workstation_label.setBuddy(self.workstation_combo)
        top.addWidget(self.workstation_combo, 1)
        self.workstation_combo.activated.connect(lambda _i: self.load())
        line_edit = self.workstation_combo.lineEdit()
        assert line_edit is not None, "an editable combo box has its line edit"
        line_edit.editingFinished.connect(self.load)

    def _build_printers(self, layout: QVBoxLayout) -> None:
        """The workstation's printers, and the buttons that act on them (and Close)."""
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("printersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Address"), self.tr("Model"), self.tr("Paper"), self.tr("Register"),
            self.tr("Drawer"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.edit_printer())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)

        def button(name: str, text: str, handler: Any) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            widget.clicked.connect(handler)
            buttons.addWidget(widget)
            return widget

        self.add_button = button("addPrinterButton", self.tr("&Add…"), self.add_printer)
        self.edit_button = button("editPrinterButton", self.tr("&Edit…"), self.edit_printer)
        self.remove_button = button("removePrinterButton", self.tr("&Remove"), self.remove_printer)
        self.test_button = button("testPageButton", self.tr("Print &test page"), self.print_test_page)
        self.refresh_button = button("refreshStatusButton", self.tr("Refresh &status"), self.refresh_status)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

    def _build_terminals(self, layout: QVBoxLayout) -> None:
        """The workstation's card terminals, with Add and Remove."""
        # The password stays out of this table: TerminalInfo does not carry it.
        layout.addWidget(QLabel(self.tr("<b>Card terminals</b>")))
        self.terminals_table = QTableWidget(0, 3)
        self.terminals_table.setObjectName("terminalsTable")
        self.terminals_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Address"), self.tr("Currency")])
        self.terminals_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.terminals_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.terminals_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terminals_table.verticalHeader().setVisible(False)
        self.terminals_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.terminals_table.horizontalHeader().setStretchLastSection(True)
        self.terminals_table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.terminals_table, 1)
        terminal_buttons = QHBoxLayout()
        layout.addLayout(terminal_buttons)
        self.add_terminal_button = QPushButton(self.tr("Add &terminal…"))
        self.add_terminal_button.setObjectName("addTerminalButton")
        self.add_terminal_button.clicked.connect(self.add_terminal)
        terminal_buttons.addWidget(self.add_terminal_button)
        self.remove_terminal_button = QPushButton(self.tr("Remove t&erminal"))
        self.remove_terminal_button.setObjectName("removeTerminalButton")
        self.remove_terminal_button.clicked.connect(self.remove_terminal)
        terminal_buttons.addWidget(self.remove_terminal_button)
        terminal_buttons.addStretch(1)

    def _build_slip_checks(self, layout: QVBoxLayout) -> None:
        """Who prints the selected terminal's card slips (a manager's setting, like the rest of this window)."""
        slips = QHBoxLayout()
        layout.addLayout(slips)
        self.own_printer_check = QCheckBox(self.tr("The terminal prints its &own slips"))
        self.own_printer_check.setObjectName("terminalOwnPrinterCheck")
        self.own_printer_check.setToolTip(self.tr(
            "Otherwise the guest's slip comes out of this workstation's receipt printer"))
        self.merchant_copy_check = QCheckBox(self.tr("Print the &merchant's copy too"))
        self.merchant_copy_check.setObjectName("terminalMerchantCopyCheck")
        self.merchant_copy_check.setToolTip(self.tr(
            "The receipt printer prints the hotel's copy of each card slip after the guest's"))
        for check in (self.own_printer_check, self.merchant_copy_check):
            check.clicked.connect(lambda _checked: self.save_slips())
            slips.addWidget(check)
        slips.addStretch(1)

    @property
    def workstation(self) -> str:
        return self.workstation_combo.currentText().strip()

    def _hub(self) -> DeviceHub:
        """This workstation's own workers; another workstation's printers through workers of this window."""
        if self.workstation == self.ctx.actor.workstation:
            return self.ctx.devices
        if self._other_hub is None or self._other_hub.workstation != self.workstation:
            if self._other_hub is not None:
                self._other_hub.close()
            self._other_hub = DeviceHub(self.workstation)
        return self._other_hub

    # loading

    def open(self) -> None:
        super().open()
        self.ctx.query(self, workstations_with_printers).success(self._add_workstations).run()
        self.ctx.query(self, desk_status, self.ctx.actor.username, current_language()).success(
            self._set_registers).run()
        self.ctx.query(self, cash_currencies).success(self._set_currencies).run()
        self.load()

    def _set_currencies(self, currencies: list[str]) -> None:
        self.currencies = currencies

    def _add_workstations(self, names: list[str]) -> None:
        for name in names:
            if self.workstation_combo.findText(name) < 0:
                self.workstation_combo.addItem(name)

    def _set_registers(self, status: DeskStatus) -> None:
        self.registers = status.cash_registers

    def load(self) -> None:
        workstation = self.workstation
        if not workstation:
            return
        self.ctx.query(self, printer_settings, workstation).success(self._show).run()
        self.load_terminals()

    def load_terminals(self) -> None:
        workstation = self.workstation
        if workstation:
            language = current_language()
            self.ctx.query(self, lambda session: (list_terminals(session, workstation),
                                                  load_names(session, language))).success(self._show_terminals).run()

    def _show_terminals(self, loaded: tuple[list[TerminalInfo], Names]) -> None:
        terminals, names = loaded
        self.terminals = terminals
        self.terminals_table.setRowCount(len(terminals))
        for row, info in enumerate(terminals):
            # The name the clerk reads on the payment dialog's button, in their language.
            for column, text in enumerate((names.terminal(info.name), info.url, info.currency)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                self.terminals_table.setItem(row, column, item)
        if terminals and not self.terminals_table.selectedItems():
            self.terminals_table.selectRow(0)
        self._enable()

    def _show(self, settings: list[PrinterSetting]) -> None:
        self._generation += 1
        self.settings = settings
        self.table.setRowCount(len(settings))
        for row, setting in enumerate(settings):
            model = setting.profile + (" · " + self.tr("text as image") if setting.text_as_image else "")
            cells = (setting.name, setting.url, model, self.tr("{mm} mm").format(mm=setting.paper_mm),
                     setting.register_code or "", self.tr("yes") if setting.drawer else "", self.tr("asking…"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, setting.id)
                self.table.setItem(row, column, item)
        if settings and not self.table.selectedItems():
            self.table.selectRow(0)
        self._enable()
        hub = self._hub()
        if hub is self.ctx.devices:
            # The reload belongs to the context: this window may be gone when it ends.
            self.ctx.reload_devices(then=lambda: self.refresh_status() if shiboken6.isValid(self) else None)
        else:
            hub.configure(settings)
            self.refresh_status()

    def refresh_status(self) -> None:
        """Ask every printer for its status, each on the device pool with its own timeout."""
        generation = self._generation
        hub = self._hub()
        for row, setting in enumerate(self.settings):
            self.ctx.device_op(self, partial(hub.state, setting)).success(
                partial(self._show_state, generation, row)).run()

    def _show_state(self, generation: int, row: int, state: DeviceState) -> None:
        if generation != self._generation or row >= self.table.rowCount():
            return
        item = QTableWidgetItem(state_text(state))
        item.setToolTip(state.error)
        item.setData(Qt.ItemDataRole.UserRole + 1, state.ready)
        self.table.setItem(row, self.COLUMNS.index("status"), item)

    def selected(self) -> PrinterSetting | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.settings[min(rows)] if rows and min(rows) < len(self.settings) else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for widget in (self.edit_button, self.remove_button, self.test_button):
            widget.setEnabled(chosen)
        terminal = self.selected_terminal()
        self.remove_terminal_button.setEnabled(terminal is not None)
        may_set = terminal is not None and self.ctx.actor.may(Right.MANAGE_DEVICES)
        for check, value in ((self.own_printer_check, terminal is not None and terminal.own_printer),
                             (self.merchant_copy_check, terminal is not None and terminal.merchant_copy)):
            check.setChecked(value)
            check.setEnabled(may_set)

    def selected_terminal(self) -> TerminalInfo | None:
        rows = {index.row() for index in self.terminals_table.selectedIndexes()}
        return self.terminals[min(rows)] if rows and min(rows) < len(self.terminals) else None

    # changing

    def add_printer(self) -> None:
        self._edit(None)

    def edit_printer(self) -> None:
        if (setting := self.selected()) is not None:
            self._edit(setting)

    def _edit(self, setting: PrinterSetting | None) -> None:
        dialog = PrinterDialog(self.ctx, self.workstation, self.registers, setting, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.load)
        self.printer_dialog = dialog
        dialog.open()

    def remove_printer(self) -> None:
        setting = self.selected()
        if setting is None:
            return
        self.ctx.change(self, remove_printer, setting.id).success(lambda _none: self.load()).failure(
            lambda exc: self.message_label.setText(error_text(exc))).run()

    def add_terminal(self) -> None:
        dialog = TerminalDialog(self.ctx, self.workstation, self.currencies, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.load_terminals)
        self.terminal_dialog = dialog
        dialog.open()

    def remove_terminal(self) -> None:
        info = self.selected_terminal()
        if info is None:
            return
        self.ctx.change(self, remove_terminal, info.id).success(lambda _none: self.load_terminals()).failure(
            lambda exc: self.message_label.setText(error_text(exc))).run()

    def save_slips(self) -> None:
        info = self.selected_terminal()
        if info is None:
            return
        self.ctx.change(self, set_terminal_slips, info.id, own_printer=self.own_printer_check.isChecked(),
                        merchant_copy=self.merchant_copy_check.isChecked()).success(
            lambda _info: self.load_terminals()).failure(self._slips_refused).run()

    def _slips_refused(self, exc: BaseException) -> None:
        self.message_label.setText(error_text(exc))
        self._enable()  # the boxes show the saved setting again

    def print_test_page(self) -> None:
        setting = self.selected()
        if setting is None:
            return
        hub = self._hub()
        self.message_label.setText(self.tr("Printing a test page on {printer}…").format(printer=setting.name))
        self.ctx.device_op(self, lambda: hub.print_test_page(setting)).success(
            lambda _result: self.message_label.setText(
                self.tr("Test page printed on {printer}.").format(printer=setting.name))
        ).failure(
            lambda exc: self.message_label.setText(
                self.tr("The test page did not print on {printer}: {error}").format(
                    printer=setting.name, error=error_text(exc)))
        ).busy(self.test_button).run()

    def done(self, result: int) -> None:
        if self._other_hub is not None:
            self._other_hub.close()
            self._other_hub = None
        super().done(result)
