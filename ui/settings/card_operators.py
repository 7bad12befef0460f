"""Settings -> Card operators: the hotel's accounts at Stripe, Adyen, Saferpay and Converge.

Saving is a desk use case (the devices right, as ``desk cards add-operator`` needs). A saved key is
never shown back, nor put in a field: its field stays empty, says that a key is set, and an empty
field keeps it. "Check connection" asks the operator with what is typed, before it is saved (an empty
key field: the saved key), on the device pool with a progress dialog and Cancel, and says plainly
what is wrong.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.cards.saved_cards import (
    OPERATORS,
    READER_OPERATORS,
    OperatorInfo,
    add_operator,
    change_operator,
    check_operator_connection,
    list_operators,
    operator_readers,
    typed_operator_settings,
)
from desk.core.errors import InvalidInput
from ui.context import DeskContext, device_pool
from ui.desk_text import error_text
from ui.dialogs.common import line_edit
from ui.field_error import ERROR_COLOR
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState

ERROR_STYLE = f"color: {ERROR_COLOR};"
NEW = -1  # the operator combo's "New operator" entry
CANCEL_POLL_S = 0.1


def _operators_and_readers(session: Any, workstation: str) -> tuple[list[OperatorInfo], dict[int, str]]:
    return list_operators(session), operator_readers(session, workstation)


class CardOperatorsDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operators: list[OperatorInfo] = []
        self.readers: dict[int, str] = {}  # this workstation's reader of each operator
        self.setObjectName("cardOperatorsDialog")
        self.setWindowTitle(self.tr("Card operators"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The hotel's accounts at online card operators: saved cards are charged through "
                               "them. Keys are saved encrypted and never shown again."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        chooser = QHBoxLayout()
        chooser_label = QLabel(self.tr("Se&ttings for:"))
        chooser.addWidget(chooser_label)
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("operatorCombo")
        self.operator_combo.currentIndexChanged.connect(self._chosen)
        chooser_label.setBuddy(self.operator_combo)
        chooser.addWidget(self.operator_combo, 1)
        layout.addLayout(chooser)

        form = QFormLayout()
        layout.addLayout(form)
        self._build_rows(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("operatorErrorLabel")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        check_box = QGroupBox(self.tr("Connection"))
        layout.addWidget(check_box)
        check_layout = QHBoxLayout(check_box)
        self.check_label = QLabel(self.tr("Asks the operator with the saved account and key; nothing is charged."))
        self.check_label.setObjectName("operatorCheckLabel")
        self.check_label.setWordWrap(True)
        check_layout.addWidget(self.check_label, 1)
        self.check_button = QPushButton(self.tr("C&heck connection"))
        self.check_button.setObjectName("operatorCheckButton")
        self.check_button.clicked.connect(self.check_connection)
        check_layout.addWidget(self.check_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("operatorSaveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self._kind_changed()

    def _build_rows(self, form: QFormLayout) -> None:
        """Name, operator, account, address, currencies, retention, and the two masked keys."""
        self.name_edit = line_edit("operatorNameEdit", self.tr("as clerks see it, e.g. Stripe EUR"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("operatorKindCombo")
        for kind, label in zip(OPERATORS, ("Stripe", "Adyen", "Worldline Saferpay", "Elavon Converge"), strict=True):
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("&Operator:"), self.kind_combo)
        self.account_edit = line_edit("operatorAccountEdit", "")
        self.account_label = QLabel(self.tr("A&ccount:"))
        self.account_label.setBuddy(self.account_edit)
        form.addRow(self.account_label, self.account_edit)
        self.address_edit = line_edit("operatorAddressEdit", self.tr("empty: the operator's own address"))
        form.addRow(self.tr("A&ddress:"), self.address_edit)
        self.currencies_edit = line_edit("operatorCurrenciesEdit", "EUR,CHF")
        form.addRow(self.tr("C&urrencies:"), self.currencies_edit)
        self.retention_spin = QSpinBox()
        self.retention_spin.setObjectName("operatorRetentionSpin")
        self.retention_spin.setRange(1, 3650)
        self.retention_spin.setValue(30)
        self.retention_spin.setSuffix(self.tr(" days after departure"))
        form.addRow(self.tr("&Keep saved cards:"), self.retention_spin)
        self.secret_edit = line_edit("operatorSecretEdit", "")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel(self.tr("&Secret key:"))
        self.secret_label.setBuddy(self.secret_edit)
        form.addRow(self.secret_label, self.secret_edit)
        self.hmac_edit = line_edit("operatorHmacEdit", "")
        self.hmac_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hmac_label = QLabel(self.tr("&Webhook HMAC key:"))
        self.hmac_label.setBuddy(self.hmac_edit)
        form.addRow(self.hmac_label, self.hmac_edit)
        self.reader_edit = line_edit("operatorReaderEdit", self.tr("e.g. tmr_FDOt2wlRZEdpd7; empty: none"))
        self.reader_label = QLabel(self.tr("&Reader at this workstation:"))
        self.reader_label.setBuddy(self.reader_edit)
        self.reader_edit.setToolTip(self.tr("The operator's card reader here: a card presented on it is saved for "
                                            "later charges (Verify and save credit card, Terminal)."))
        form.addRow(self.reader_label, self.reader_edit)

    # loading

    def open(self) -> None:
        super().open()
        self.load()

    def load(self, chosen: int | None = None, note: str = "") -> Op[tuple[list[OperatorInfo], dict[int, str]]]:
        return self.ctx.query(self, _operators_and_readers, self.ctx.actor.workstation).success(
            lambda loaded: self._show(*loaded, chosen, note)).run()

    def _show(self, infos: list[OperatorInfo], readers: dict[int, str], chosen: int | None, note: str = "") -> None:
        self.operators = infos
        self.readers = readers
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        for info in infos:
            self.operator_combo.addItem(info.name, info.id)
        self.operator_combo.addItem(self.tr("New operator…"), NEW)
        index = self.operator_combo.findData(chosen) if chosen is not None else 0
        self.operator_combo.setCurrentIndex(max(index, 0))
        self.operator_combo.blockSignals(False)
        self._chosen()
        self.error_label.setStyleSheet("")
        self.error_label.setText(note)

    def chosen(self) -> OperatorInfo | None:
        wanted = self.operator_combo.currentData()
        return next((info for info in self.operators if info.id == wanted), None)

    def _chosen(self, _index: int = 0) -> None:
        info = self.chosen()
        self.error_label.clear()
        self.name_edit.setReadOnly(info is not None)
        self.kind_combo.setEnabled(info is None)
        self.secret_edit.clear()
        self.hmac_edit.clear()
        self.reader_edit.setText(self.readers.get(info.id, "") if info is not None else "")
        if info is None:
            self.name_edit.clear()
            self.account_edit.clear()
            self.address_edit.clear()
            self.currencies_edit.setText("EUR")
            self.retention_spin.setValue(30)
        else:
            self.name_edit.setText(info.name)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(info.operator))
            self.account_edit.setText(info.account)
            self.address_edit.setText(info.api_base)
            self.currencies_edit.setText(",".join(info.currencies))
            self.retention_spin.setValue(info.retention_days)
        self._kind_changed()

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.kind_combo.currentData()
        saved = self.chosen() is not None
        accounts = {
            "stripe": (self.tr("A&ccount:"), self.tr("optional, e.g. acct_1Hotel")),
            "adyen": (self.tr("Merchant a&ccount:"), self.tr("e.g. HotelAdlerECOM")),
            "saferpay": (self.tr("Customer/terminal i&d:"), self.tr("e.g. 245294/17795278")),
            "converge": (self.tr("Merchant/user i&d:"), self.tr("e.g. 0022587/apiuser")),
        }
        secrets = {
            "stripe": self.tr("&Secret key:"), "adyen": self.tr("&API key:"),
            "saferpay": self.tr("&JSON API user:password:"), "converge": self.tr("&PIN:"),
        }
        label, placeholder = accounts[kind]
        self.account_label.setText(label)
        self.account_edit.setPlaceholderText(placeholder)
        self.secret_label.setText(secrets[kind])
        kept = self.tr("set: leave empty to keep it, type a new one to change it")
        self.secret_edit.setPlaceholderText(kept if saved else self.tr("required"))
        self.hmac_edit.setPlaceholderText(kept if saved else self.tr("as Adyen shows it for the webhook (hexadecimal)"))
        self.hmac_label.setVisible(kind == "adyen")
        self.hmac_edit.setVisible(kind == "adyen")
        self.reader_label.setVisible(kind in READER_OPERATORS)
        self.reader_edit.setVisible(kind in READER_OPERATORS)
        if kind == "adyen":
            # Adyen names a terminal by its POIID, model and serial number.
            self.reader_label.setText(self.tr("&Terminal (POIID) at this workstation:"))
            self.reader_edit.setPlaceholderText(self.tr("e.g. V400m-324688179; empty: none"))
        else:
            self.reader_label.setText(self.tr("&Reader at this workstation:"))
            self.reader_edit.setPlaceholderText(self.tr("e.g. tmr_FDOt2wlRZEdpd7; empty: none"))

    # saving

    def typed_currencies(self) -> tuple[str, ...]:
        return tuple(part for part in self.currencies_edit.text().replace(" ", ",").split(",") if part)

    def save(self) -> Op[OperatorInfo]:
        info = self.chosen()
        fields = {"account": self.account_edit.text(), "api_base": self.address_edit.text(),
                  "currencies": self.typed_currencies(), "retention_days": self.retention_spin.value()}
        kind = info.operator if info is not None else self.kind_combo.currentData()
        # This workstation's reader, saved with the operator in one unit of work.
        fields["reader"] = self.reader_edit.text() if kind in READER_OPERATORS else None
        if info is None:
            op = self.ctx.change(self, add_operator, self.name_edit.text(), kind, self.secret_edit.text(),
                                 hmac_key=self.hmac_edit.text(), **fields)
        else:
            op = self.ctx.change(self, change_operator, info.id, secret_key=self.secret_edit.text(),
                                 hmac_key=self.hmac_edit.text(), **fields)
        self.error_label.clear()
        return op.success(self._saved).failure(self._save_failed).busy(self.buttons).run()

    def _saved(self, info: OperatorInfo) -> None:
        # A typed key is gone from the window once saved: it is never shown, nor kept, again.
        self.secret_edit.clear()
        self.hmac_edit.clear()
        self.load(info.id, self.tr("{name} is saved.").format(name=info.name))

    def _save_failed(self, exc: BaseException) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(error_text(exc))
        edits = {"secret": self.secret_edit, "hmac_key": self.hmac_edit, "account": self.account_edit,
                 "currencies": self.currencies_edit, "name": self.name_edit, "reader": self.reader_edit}
        edit = edits.get(exc.field or "") if isinstance(exc, InvalidInput) else None
        if edit is not None:
            edit.setFocus()

    # checking

    def check_connection(self) -> Op[None]:
        """Ask the operator with what is typed, saved or not; an empty key field asks with the saved key."""
        info = self.chosen()
        runner, actor = self.ctx.runner, self.ctx.actor
        kind = info.operator if info is not None else str(self.kind_combo.currentData())
        name = self.name_edit.text().strip() or (info.name if info is not None else self.kind_combo.currentText())
        account, api_base, currencies = self.account_edit.text(), self.address_edit.text(), self.typed_currencies()
        secret_key, hmac_key = self.secret_edit.text(), self.hmac_edit.text()
        asking = self.tr("Asking {operator}…").format(operator=name)

        def work(state: TaskState) -> None:
            state.report(None, asking)
            settings = runner.read(typed_operator_settings, actor, info.id if info is not None else None, kind,
                                   name=name, account=account, api_base=api_base, currencies=currencies,
                                   secret_key=secret_key, hmac_key=hmac_key)
            outcome: list[BaseException | None] = []

            def ask() -> None:
                try:
                    check_operator_connection(settings)
                    outcome.append(None)
                except BaseException as exc:  # handed to the GUI thread as the op's failure
                    outcome.append(exc)

            # The operator's client cannot be interrupted; Cancel leaves it to finish on its own (it
            # changes nothing) and stops waiting for it.
            asker = threading.Thread(target=ask, name="operator-check", daemon=True)
            asker.start()
            while asker.is_alive():
                if state.cancel_requested:
                    raise Cancelled()
                asker.join(CANCEL_POLL_S)
            if outcome and outcome[0] is not None:
                raise outcome[0]

        self.check_label.setStyleSheet("")
        self.check_label.setText(asking)
        return Op(self, work, pool=device_pool()).with_progress_dialog(self.tr("Check connection")).success(
            lambda _none: self.check_label.setText(
                self.tr("{operator} answered: the account and the key are right.").format(operator=name))
        ).failure(self._check_failed).busy(self.check_button).run()

    def _check_failed(self, exc: BaseException) -> None:
        self.check_label.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, Cancelled):
            self.check_label.setText(self.tr("Cancelled: the connection was not checked."))
        else:
            self.check_label.setText(error_text(exc))
