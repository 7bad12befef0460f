"""A cash register's settings: its kind (our ESC/POS printer with our journal, ATOL, KKM-server, ErpNet.FP), its
server's address and device, its taxation system, the VAT codes of our rates, and whose cash shift it follows.

Opened from **Administration → Services and payments… → Cash registers → Settings…** by whoever may manage
devices. **Check connection** asks the register as the fields stand (saved or not), off the GUI thread, with
progress and Cancel; nothing is issued.
"""

from __future__ import annotations

import threading

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import InvalidInput
from desk.fiscal.connection import ConnectionCheck, check_connection
from desk.fiscal.settings import (
    TAXATION_SYSTEMS,
    RegisterKind,
    RegisterSettings,
    parse_vat_map,
    register_settings,
    save_register_settings,
    vat_codes,
    vat_map_text,
)
from ui.context import DeskContext
from ui.desk_text import error_text, format_param
from ui.devices import paper_text
from ui.dialogs.common import FieldError, hint_label, new_form
from ui.field_error import ERROR_COLOR
from ui.ops.pools import TaskState


class RegisterSettingsDialog(QDialog):
    def __init__(self, ctx: DeskContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerSettingsDialog")
        self.setWindowTitle(self.tr("Cash register %1").replace("%1", code))
        self.setMinimumWidth(640)
        self.ctx = ctx
        self.code = code
        layout = QVBoxLayout(self)
        form = new_form()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("registerKindCombo")
        kinds = {RegisterKind.ESCPOS: self.tr("Receipt printer with the desk's signed journal (not fiscal)"),
                 RegisterKind.ATOL: self.tr("ATOL through its web server (Russia)"),
                 RegisterKind.KKMSERVER: self.tr("KKM-server (Russia)"),
                 RegisterKind.ERPNET: self.tr("Fiscal printer through ErpNet.FP (Bulgaria)")}
        for kind, label in kinds.items():
            self.kind_combo.addItem(label, kind.value)
        self.kind_combo.currentIndexChanged.connect(lambda *_: self._kind_chosen())
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("registerAddressEdit")
        self.address_edit.setPlaceholderText("http://127.0.0.1:8001")
        form.addRow(self.tr("Server &address:"), self.address_edit)
        self.device_edit = QLineEdit()
        self.device_edit.setObjectName("registerDeviceEdit")
        self.device_edit.setMaxLength(40)
        form.addRow(self.tr("&Device id:"), self.device_edit)
        self.taxation_combo = QComboBox()
        self.taxation_combo.setObjectName("registerTaxationCombo")
        self.taxation_combo.addItem("—", "")
        systems = {"osn": self.tr("General (ОСН)"), "usnIncome": self.tr("Simplified, on income (УСН доход)"),
                   "usnIncomeOutcome": self.tr("Simplified, income less expense (УСН доход − расход)"),
                   "esn": self.tr("Agricultural tax (ЕСХН)"), "patent": self.tr("Patent (ПСН)")}
        for system in TAXATION_SYSTEMS:
            self.taxation_combo.addItem(systems[system], system)
        form.addRow(self.tr("&Taxation system:"), self.taxation_combo)
        self.vat_edit = QLineEdit()
        self.vat_edit.setObjectName("registerVatEdit")
        form.addRow(self.tr("&VAT codes:"), self.vat_edit)
        self.vat_hint = hint_label("", "registerVatHint")
        self.workstation_edit = QLineEdit()
        self.workstation_edit.setObjectName("registerWorkstationEdit")
        self.workstation_edit.setMaxLength(40)
        form.addRow(self.tr("Follows the cash shift of &workstation:"), self.workstation_edit)
        layout.addLayout(form)
        layout.addWidget(self.vat_hint)  # the full width: the codes and an example, wrapped, never clipped
        # Which Check connection the window still waits for: one given up on (Cancel) has its answer dropped.
        self.asking = 0
        self.result_label = QLabel()
        self.result_label.setObjectName("registerCheckResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.error_label = FieldError("registerSettingsError")
        layout.addWidget(self.error_label)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check connection"))
        self.check_button.setObjectName("checkConnectionButton")
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveRegisterButton")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        return row

    def open(self) -> None:
        super().open()
        self.ctx.query(self, register_settings, self.code).success(self._show).failure(self._refused).run()

    def _show(self, settings: RegisterSettings) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(settings.kind.value)))
        self.address_edit.setText(settings.address)
        self.device_edit.setText(settings.device_id)
        self.taxation_combo.setCurrentIndex(max(0, self.taxation_combo.findData(settings.taxation)))
        self.vat_edit.setText(vat_map_text(settings.vat_map))
        self.workstation_edit.setText(settings.workstation)
        self._kind_chosen()

    def _kind(self) -> RegisterKind:
        return RegisterKind(self.kind_combo.currentData())

    def _kind_chosen(self) -> None:
        kind = self._kind()
        registered = kind is not RegisterKind.ESCPOS
        for widget in (self.address_edit, self.device_edit, self.vat_edit, self.workstation_edit, self.check_button):
            widget.setEnabled(registered)
        self.taxation_combo.setEnabled(kind in (RegisterKind.ATOL, RegisterKind.KKMSERVER))
        if kind is RegisterKind.ERPNET:
            example = self.tr("e.g. 9=Г,20=Б,none=А: accommodation 9 % in group Г, 20 % in Б, exempt in А")
        else:
            example = self.tr("e.g. 20=vat20,10=vat10,0=vat0,none=none")
        self.vat_hint.setText(self.tr("Our rate = the register's code, comma separated; the codes are %1. %2")
                              .replace("%1", ", ".join(vat_codes(kind))).replace("%2", example))
        self.device_edit.setPlaceholderText(self.tr("printer id, e.g. dt279013") if kind is RegisterKind.ERPNET
                                            else self.tr("device number on the server") if registered else "")

    def _typed(self) -> RegisterSettings:
        kind = self._kind()
        try:
            vat_map = parse_vat_map(self.vat_edit.text(), kind)
        except InvalidInput:  # Save says what is wrong; Check needs the address only
            vat_map = {}
        return RegisterSettings(self.code, self.code, kind, self.address_edit.text().strip().rstrip("/"),
                                self.device_edit.text().strip(), str(self.taxation_combo.currentData() or ""),
                                vat_map, self.workstation_edit.text().strip())

    def check(self) -> None:
        settings = self._typed()
        self.error_label.hide()
        self.result_label.clear()

        asking = self.tr("Asking register %1…").replace("%1", settings.code)

        def ask(state: TaskState) -> ConnectionCheck:  # on a worker: plain values only
            state.report(None, asking)
            cancel: threading.Event = state.cancel_event
            return check_connection(settings, cancel)

        self.asking += 1
        asked = self.asking

        def answered(found: ConnectionCheck) -> None:
            if asked == self.asking:
                self._checked(found)

        def refused(exc: BaseException) -> None:
            if asked == self.asking:
                self._refused(exc)

        # A question changes nothing on the register: Cancel stops waiting at once, whatever the server does.
        self.ctx.device_op(self, ask).with_progress_dialog(self.tr("Check connection")).cancel_stops_waiting(
            self._stopped_asking, asking).busy(self.check_button).success(answered).failure(refused).run()

    def _stopped_asking(self) -> None:
        self.asking += 1
        self.result_label.setText(self.tr("The register's answer was not waited for: Check connection asks again."))

    def _checked(self, found: ConnectionCheck) -> None:
        shifts = {"opened": self.tr("its shift is open"), "closed": self.tr("its shift is closed"),
                  "expired": self.tr("its shift is over 24 hours: close it with a Z report")}
        parts = [self.tr("The register answered: %1").replace("%1", found.device)]
        if found.shift:
            parts.append(shifts.get(found.shift, found.shift))
        if found.problems:
            parts.append(self.tr("it reports: %1").replace("%1", format_param(found.problems)))
        elif found.paper is None:
            parts.append(self.tr("it is ready"))
        if found.paper is not None:  # said as the status bar says an ESC/POS printer's paper
            parts.append(self.tr("its printer: %1").replace("%1", paper_text(found.paper)))
        warnings = {
            "storage_fault": self.tr("its fiscal storage reports a fault: call the register's service centre"),
            "nearly_full": self.tr("its fiscal storage is nearly full: order a new one now"),
            "replace_soon": self.tr("its fiscal storage must be replaced soon (its validity is ending): order a new "
                                    "one now"),
            "ofd_not_sent": self.tr("its documents have not reached the fiscal data operator for too long: check the "
                                    "register's Internet connection and the operator's contract"),
        }
        parts.extend(warnings[warning] for warning in found.storage if warning in warnings)
        self.result_label.setText("; ".join(parts) + ".")
        trouble = bool(found.problems or found.storage) or (
            found.paper is not None and (not found.paper.ready or found.paper.paper_near_end))
        self.result_label.setStyleSheet(f"color: {ERROR_COLOR};" if trouble else "")
        self.adjustSize()  # a long answer grows the window, never squeezes its fields

    def save(self) -> None:
        self.error_label.hide()
        self.ctx.change(self, save_register_settings, self.code, kind=self._kind().value,
                        address=self.address_edit.text(), device_id=self.device_edit.text(),
                        taxation=str(self.taxation_combo.currentData() or ""), vat_text=self.vat_edit.text(),
                        workstation=self.workstation_edit.text()).success(lambda _saved: self.accept()).failure(
            self._refused).busy(self.save_button).run()

    def _refused(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()
