"""POS connections: each till's key, the POS payment codes, and how the POS service behaves.

Opened from **Settings → POS connections…** by whoever may manage POS keys. A new key is shown
once, with a Copy button: the database keeps only its hash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.hotel.names import NameKind, Names, load_names
from desk.pos.checks import (
    SETTING_AFTER_CHECKOUT,
    SETTING_RUN_IN_DESK,
    remove_payment_code,
    set_payment_code,
    set_setting,
)
from desk.pos.keys import PosSetup, create_key, pos_setup, revoke_key
from ui.context import DeskContext
from ui.dialogs.common import Column, RowsModel, fill_combo, fit_rows, hint_label, rows_view
from ui.i18n import current_language, format_datetime
from ui.ops.feedback import show_error


class PosConnectionsDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posConnectionsDialog")
        self.setWindowTitle(self.tr("POS connections"))
        self.setMinimumWidth(640)
        self.ctx = ctx
        self.setup: PosSetup | None = None
        self.outer_layout = layout = QVBoxLayout(self)

        layout.addWidget(self._build_keys_box())
        layout.addWidget(self._build_codes_box())
        layout.addWidget(self._build_service_box())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_keys_box(self) -> QGroupBox:
        """The tills' keys, Create key and Revoke, and a new key shown once with Copy."""
        keys_box = QGroupBox(self.tr("Keys"))
        keys = QVBoxLayout(keys_box)
        self.keys_model = RowsModel([Column(self.tr("POS")), Column(self.tr("Outlet")), Column(self.tr("Created")),
                                     Column(self.tr("Revoked"))], self)
        self.keys_view = rows_view(self.keys_model, "keysView")
        keys.addWidget(self.keys_view)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("POS name, e.g. bar-1"))
        self.outlet_combo = QComboBox()
        self.outlet_combo.setObjectName("outletCombo")
        self.outlet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.create_button = QPushButton(self.tr("Create key"))
        self.create_button.setObjectName("createButton")
        self.create_button.clicked.connect(self.add_key)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke)
        for widget in (self.name_edit, self.outlet_combo, self.create_button, self.revoke_button):
            row.addWidget(widget)
        keys.addLayout(row)
        self.new_key_row = QWidget()
        shown = QHBoxLayout(self.new_key_row)
        shown.setContentsMargins(0, 0, 0, 0)
        self.new_key_label = hint_label("", "newKeyLabel")
        self.new_key_edit = QLineEdit()
        self.new_key_edit.setObjectName("newKeyEdit")
        self.new_key_edit.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.new_key_edit.text()))
        shown.addWidget(self.new_key_label)
        shown.addWidget(self.new_key_edit, 1)
        shown.addWidget(self.copy_button)
        self.new_key_row.hide()
        keys.addWidget(self.new_key_row)
        return keys_box

    def _build_codes_box(self) -> QGroupBox:
        """Which POS payment code means a charge to the room, with Save code and Remove."""
        codes_box = QGroupBox(self.tr("Payment codes"))
        codes = QVBoxLayout(codes_box)
        codes.addWidget(hint_label(self.tr("Which POS payment means a charge to the room: on credit (a Not paid "
                                           "bill) or paid from the stay's deposit."), "codesHint"))
        self.codes_model = RowsModel([Column(self.tr("Code")), Column(self.tr("Means")), Column(self.tr("Name"))],
                                     self)
        self.codes_view = rows_view(self.codes_model, "codesView", stretch_column=2)
        codes.addWidget(self.codes_view)
        row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(self.tr("Code"))
        self.meaning_combo = QComboBox()
        self.meaning_combo.setObjectName("meaningCombo")
        fill_combo(self.meaning_combo, [(self._meaning_text("credit"), "credit"),
                                        (self._meaning_text("deposit"), "deposit")])
        self.code_name_edit = QLineEdit()
        self.code_name_edit.setObjectName("codeNameEdit")
        self.code_name_edit.setPlaceholderText(self.tr("Name at the POS"))
        self.save_code_button = QPushButton(self.tr("Save code"))
        self.save_code_button.setObjectName("saveCodeButton")
        self.save_code_button.clicked.connect(self.save_code)
        self.remove_code_button = QPushButton(self.tr("Remove"))
        self.remove_code_button.setObjectName("removeCodeButton")
        self.remove_code_button.clicked.connect(self.remove_code)
        for widget in (self.code_edit, self.meaning_combo, self.code_name_edit, self.save_code_button,
                       self.remove_code_button):
            row.addWidget(widget)
        codes.addLayout(row)
        return codes_box

    def _build_service_box(self) -> QGroupBox:
        """How the POS service behaves: a check after checkout, and running inside this program."""
        service_box = QGroupBox(self.tr("Service"))
        service = QVBoxLayout(service_box)
        # The question above its answers: a long Russian answer is never squeezed beside a long question.
        row = QVBoxLayout()
        row.addWidget(QLabel(self.tr("A check that arrives after the guest checked out:")))
        self.after_checkout_combo = QComboBox()
        self.after_checkout_combo.setObjectName("afterCheckoutCombo")
        fill_combo(self.after_checkout_combo, [(self.tr("post it on the last bill and flag it for the desk"), "flag"),
                                               (self.tr("refuse it: the cashier settles it at the POS"), "refuse")])
        self.after_checkout_combo.activated.connect(
            lambda _i: self._change(set_setting, SETTING_AFTER_CHECKOUT, self.after_checkout_combo.currentData()))
        row.addWidget(self.after_checkout_combo)
        service.addLayout(row)
        self.run_in_desk_check = QCheckBox(self.tr("Run the POS service inside this program"))
        self.run_in_desk_check.setObjectName("runInDeskCheck")
        self.run_in_desk_check.clicked.connect(
            lambda on: self._change(set_setting, SETTING_RUN_IN_DESK, "on" if on else "off"))
        service.addWidget(self.run_in_desk_check)
        service.addWidget(hint_label(self.tr("For a hotel with one desk; takes effect from the next start."),
                                     "runInDeskHint"))
        return service_box

    def _meaning_text(self, meaning: str) -> str:
        return self.tr("Charge to room on credit") if meaning == "credit" else self.tr("Paid from the deposit")

    def open(self) -> None:
        super().open()
        self.reload()

    def reload(self) -> None:
        language = current_language()
        self.ctx.query(self, lambda session: (pos_setup(session), load_names(session, language))).success(
            self._loaded).failure(lambda exc: show_error(self, exc)).run()

    def _loaded(self, loaded: tuple[PosSetup, Names]) -> None:
        setup, names = loaded
        self.setup = setup
        self.keys_model.set_rows(
            [(k.name, k.outlet or "—", format_datetime(k.created_at),
              format_datetime(k.revoked_at) if k.revoked_at else "") for k in setup.keys],
            struck=[n for n, k in enumerate(setup.keys) if k.revoked_at is not None])
        fit_rows(self.keys_view, len(setup.keys))
        current = self.outlet_combo.currentData()
        fill_combo(self.outlet_combo, [(f"{code} · {names.of(NameKind.OUTLET, code, name)}", code)
                                       for code, name in setup.outlets], current)
        self.codes_model.set_rows([(code, self._meaning_text(meaning), names.of(NameKind.POS_PAYMENT_CODE, code, name))
                                   for code, meaning, name in setup.codes])
        fit_rows(self.codes_view, len(setup.codes))
        fill_combo(self.after_checkout_combo, [(self.after_checkout_combo.itemText(i),
                                                self.after_checkout_combo.itemData(i))
                                               for i in range(self.after_checkout_combo.count())],
                   setup.after_checkout)
        self.run_in_desk_check.setChecked(setup.run_in_desk)
        # The names arrived after the dialog took its size: it grows to show them whole.
        self.outer_layout.activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _change(self, use_case: Callable[..., Any], *args: object, then: Callable[[Any], object] | None = None) -> None:
        def done(value: Any) -> None:
            if then is not None:
                then(value)
            self.reload()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.reload()

        self.ctx.change(self, use_case, *args).success(done).failure(failed).run()

    def add_key(self) -> None:
        self._change(create_key, self.name_edit.text().strip(), self.outlet_combo.currentData(),
                     then=self._show_new_key)

    def _show_new_key(self, key: str) -> None:
        self.new_key_label.setText(self.tr("Key of {name}, shown only now:").format(name=self.name_edit.text().strip()))
        self.new_key_edit.setText(key)
        self.new_key_row.show()
        self.name_edit.clear()

    def selected_key(self) -> str | None:
        rows = self.keys_view.selectionModel().selectedRows()
        if not rows or self.setup is None:
            return None
        return self.setup.keys[rows[0].row()].name

    def revoke(self) -> None:
        name = self.selected_key()
        if name is not None:
            self._change(revoke_key, name)

    def save_code(self) -> None:
        self._change(set_payment_code, self.code_edit.text(), self.meaning_combo.currentData(),
                     self.code_name_edit.text())

    def remove_code(self) -> None:
        rows = self.codes_view.selectionModel().selectedRows()
        if rows and self.setup is not None:
            self._change(remove_payment_code, self.setup.codes[rows[0].row()][0])

    def done(self, result: int) -> None:
        # The key is never left on screen once the window closes.
        self.new_key_edit.clear()
        super().done(result)
