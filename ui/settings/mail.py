"""Settings -> E-mail: the SMTP server e-receipts go out through, and a test e-mail to try it.

Saving is a desk use case (a manager's right). The password field is never filled from what is
saved: an empty field keeps the saved password. The test e-mail runs on the device pool with a
progress dialog and Cancel, using the settings as typed, before or after saving them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from desk.core.errors import InvalidInput
from desk.mail.outbox import (
    PASSWORD_ENV,
    MailCancelled,
    MailConfig,
    MailSetup,
    ca_subjects,
    mail_setup,
    read_ca_file,
    send_test_email,
    set_mail_settings,
)
from ui.context import DeskContext, device_pool
from ui.desk_text import error_text
from ui.dialogs.common import line_edit
from ui.field_error import ERROR_COLOR
from ui.ops.op import Op
from ui.ops.pools import TaskState

# The port each security setting usually goes with: changing the security moves a port left at
# another one's usual number, and leaves a port the manager typed alone.
USUAL_PORTS = {"none": 25, "starttls": 587, "tls": 465}
ERROR_STYLE = f"color: {ERROR_COLOR};"


class MailSettingsDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setup: MailSetup | None = None
        self.ca_pem = ""
        self.setObjectName("mailSettingsDialog")
        self.setWindowTitle(self.tr("E-mail"))
        self.outer_layout = layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Electronic receipts are sent to guests through the hotel's mail server (SMTP)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        layout.addLayout(form)
        self._build_server_rows(form)
        self._build_login_rows(form)
        self.sender_edit = line_edit("mailSenderEdit", "frontdesk@hotel.example")
        form.addRow(self.tr("Se&nder address:"), self.sender_edit)
        self._build_trust_rows(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("mailErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error_label)
        self._build_test_box(layout)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("mailSaveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_ca("", ())
        self.setMinimumWidth(600)

    def _build_server_rows(self, form: QFormLayout) -> None:
        """Server, port and security; changing the security moves a port left at the usual one."""
        self.host_edit = line_edit("mailHostEdit", "smtp.example.com")
        form.addRow(self.tr("Mail &server:"), self.host_edit)
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("mailPortSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(USUAL_PORTS["starttls"])
        form.addRow(self.tr("&Port:"), self.port_spin)
        self.security_combo = QComboBox()
        self.security_combo.setObjectName("mailSecurityCombo")
        self.security_combo.addItem(self.tr("STARTTLS (usually port 587)"), "starttls")
        self.security_combo.addItem(self.tr("TLS (usually port 465)"), "tls")
        self.security_combo.addItem(self.tr("None: not encrypted (usually port 25)"), "none")
        self._security = "starttls"
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        form.addRow(self.tr("S&ecurity:"), self.security_combo)

    def _build_login_rows(self, form: QFormLayout) -> None:
        """User and password, each with its error line; Forget the saved password; where the password is kept."""
        self.user_edit = line_edit("mailUserEdit", self.tr("empty if the server asks for no login"))
        form.addRow(self.tr("&User:"), self.user_edit)
        self.user_error_label = self._field_error("mailUserErrorLabel")
        form.addRow("", self.user_error_label)
        self.password_edit = line_edit("mailPasswordEdit", "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        self.password_error_label = self._field_error("mailPasswordErrorLabel")
        form.addRow("", self.password_error_label)
        self.forget_check = QCheckBox(self.tr("&Forget the saved password"))
        self.forget_check.setObjectName("mailForgetPasswordCheck")
        self.forget_check.toggled.connect(self.password_edit.setDisabled)
        form.addRow("", self.forget_check)
        self.password_note = QLabel()
        self.password_note.setObjectName("mailPasswordNote")
        self.password_note.setWordWrap(True)
        form.addRow("", self.password_note)

    def _build_trust_rows(self, form: QFormLayout) -> None:
        """The certificates trusted: the system's, and optionally the hotel's own CA."""
        self.ca_label = QLabel()
        self.ca_label.setObjectName("mailCaLabel")
        self.ca_label.setWordWrap(True)
        form.addRow(self.tr("Trusted certificates:"), self.ca_label)
        trust = QHBoxLayout()
        self.ca_button = QPushButton(self.tr("Hotel &CA file…"))
        self.ca_button.setObjectName("mailCaButton")
        self.ca_button.setToolTip(self.tr("Trust the certificates of the hotel's own certificate authority too "
                                          "(a PEM file), for a mail server inside the hotel."))
        self.ca_button.clicked.connect(self.choose_ca_file)
        trust.addWidget(self.ca_button)
        self.ca_clear_button = QPushButton(self.tr("System &only"))
        self.ca_clear_button.setObjectName("mailCaClearButton")
        self.ca_clear_button.clicked.connect(lambda: self._set_ca("", ()))
        trust.addWidget(self.ca_clear_button)
        trust.addStretch(1)
        form.addRow("", trust)

    def _build_test_box(self, layout: QVBoxLayout) -> None:
        """Send a test e-mail with the settings as typed, and what came of it."""
        test_box = QGroupBox(self.tr("Test e-mail"))
        layout.addWidget(test_box)
        test_layout = QVBoxLayout(test_box)
        test_row = QHBoxLayout()
        test_layout.addLayout(test_row)
        recipient_label = QLabel(self.tr("Send &to:"))
        test_row.addWidget(recipient_label)
        self.recipient_edit = line_edit("mailTestRecipientEdit", "manager@hotel.example")
        recipient_label.setBuddy(self.recipient_edit)
        test_row.addWidget(self.recipient_edit, 1)
        self.test_button = QPushButton(self.tr("Send test e-&mail"))
        self.test_button.setObjectName("mailTestButton")
        self.test_button.clicked.connect(self.send_test)
        test_row.addWidget(self.test_button)
        self.test_label = QLabel(self.tr("Uses the settings above as typed, saved or not."))
        self.test_label.setObjectName("mailTestResultLabel")
        self.test_label.setWordWrap(True)
        test_layout.addWidget(self.test_label)

    def _field_error(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _show_field_error(self, exc: BaseException) -> bool:
        """An error about the user or the password is shown under that field; True if it was."""
        labels = {"username": self.user_error_label, "password": self.password_error_label}
        field = exc.field if isinstance(exc, InvalidInput) else None
        label = labels.get(field) if field is not None else None
        if label is None:
            return False
        label.setText(error_text(exc))
        label.show()
        return True

    def _clear_field_errors(self) -> None:
        for label in (self.user_error_label, self.password_error_label):
            label.clear()
            label.hide()

    # loading

    def open(self) -> None:
        super().open()
        self.load()

    def load(self) -> None:
        self.ctx.query(self, mail_setup).success(self._show).run()

    def _show(self, setup: MailSetup) -> None:
        self.setup = setup
        config = setup.config
        if config is not None:
            self.host_edit.setText(config.host)
            self.security_combo.setCurrentIndex(self.security_combo.findData(config.security))
            self.port_spin.setValue(config.port)
            self.user_edit.setText(config.username)
            self.sender_edit.setText(config.sender)
            self._set_ca(config.ca_pem, setup.ca_subjects)
        self.password_edit.clear()
        self.forget_check.setChecked(False)
        self.forget_check.setVisible(setup.password_saved)
        self.password_edit.setPlaceholderText(
            self.tr("saved: leave empty to keep it") if setup.password_saved else "")
        self.password_note.setStyleSheet("")
        if setup.password_from_env:
            text = self.tr("On this workstation the password comes from {variable} in the environment; it is "
                           "used instead of a password saved here.").format(variable=PASSWORD_ENV)
        elif setup.password_saved and setup.key_opens_password:
            text = self.tr("The password is saved encrypted; its key is the file {path}, outside the database. "
                           "Every workstation that sends e-receipts needs a copy of that file.").format(
                path=setup.key_file)
        elif setup.password_saved:
            text = self.tr("A password is saved, but this workstation cannot open it: the key file {path} is "
                           "missing or another one. Copy it from the workstation where the password was saved, "
                           "or type the password again.").format(path=setup.key_file)
            self.password_note.setStyleSheet(ERROR_STYLE)
        else:
            text = self.tr("A password typed here is saved encrypted, with a key in the file {path} (made on the "
                           "first save) and never in the database. Copy that file to every workstation that sends "
                           "e-receipts.").format(path=setup.key_file)
        self.password_note.setText(text)
        # A wrapped note that grew by lines (a long key path) is cut unless the dialog grows with it.
        self.outer_layout.activate()
        self.resize(max(self.width(), self.sizeHint().width()), max(self.height(), self.heightForWidth(self.width()),
                                                                    self.sizeHint().height()))

    def _security_changed(self, _index: int) -> None:
        security = self.security_combo.currentData()
        if self.port_spin.value() == USUAL_PORTS.get(self._security):
            self.port_spin.setValue(USUAL_PORTS[security])
        self._security = security

    def _set_ca(self, pem: str, subjects: tuple[str, ...]) -> None:
        self.ca_pem = pem
        if pem:
            self.ca_label.setText(self.tr("The system's, and the hotel's CA: {subject}").format(
                subject="; ".join(subjects)))
        else:
            self.ca_label.setText(self.tr("The system's trusted certificates"))
        self.ca_clear_button.setEnabled(bool(pem))

    def choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("The hotel's CA certificate"), "",
                                                    self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.load_ca_file(path)

    def load_ca_file(self, path: str) -> Op[str]:
        return Op(self, lambda: read_ca_file(path)).success(self._ca_read).failure(
            lambda exc: self.error_label.setText(error_text(exc))).run()

    def _ca_read(self, pem: str) -> None:
        self.error_label.clear()
        self._set_ca(pem, ca_subjects(pem))

    # what was typed

    def typed_config(self) -> MailConfig:
        return MailConfig(self.host_edit.text(), self.port_spin.value(), self.security_combo.currentData(),
                          self.user_edit.text(), self.sender_edit.text(), self.ca_pem)

    def typed_password(self) -> str | None:
        """None keeps the saved password, "" forgets it."""
        if self.forget_check.isChecked():
            return ""
        return self.password_edit.text() or None

    # saving

    def save(self) -> Op[MailConfig]:
        config = self.typed_config()
        self.error_label.clear()
        self._clear_field_errors()
        return self.ctx.change(self, set_mail_settings, config.host, config.port, config.security,
                               username=config.username, sender=config.sender, password=self.typed_password(),
                               ca_pem=config.ca_pem).success(self._saved).failure(self._save_failed).busy(
            self.buttons).run()

    def _save_failed(self, exc: BaseException) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(error_text(exc))
        self._show_field_error(exc)

    def _saved(self, _config: MailConfig) -> None:
        self.error_label.setStyleSheet("")
        self.error_label.setText(self.tr("The e-mail settings are saved."))
        self.load()

    # the test e-mail

    def send_test(self) -> Op[None]:
        config, password = self.typed_config(), self.typed_password()
        recipient = self.recipient_edit.text()
        database, actor = self.ctx.database, self.ctx.actor
        subject = self.tr("Test e-mail from the front desk")
        body = self.tr("This test e-mail was sent by {user} from workstation {workstation}. Electronic receipts "
                       "will reach guests the same way.").format(user=actor.username, workstation=actor.workstation)
        steps = {
            "connect": self.tr("Connecting to {host}:{port}…").format(host=config.host.strip(), port=config.port),
            "tls": self.tr("Starting TLS…"),
            "login": self.tr("Logging in as {user}…").format(user=config.username.strip()),
            "send": self.tr("Sending to {address}…").format(address=recipient.strip()),
        }

        def work(state: TaskState) -> None:
            send_test_email(database, actor, config, password, recipient, subject=subject, body=body,
                            step=lambda name: state.report(None, steps[name]), cancel=state.cancel_event)

        self._clear_field_errors()
        self.test_label.setStyleSheet("")
        self.test_label.setText(self.tr("Sending…"))
        return Op(self, work, pool=device_pool()).with_progress_dialog(self.tr("Test e-mail")).success(
            lambda _none: self.test_label.setText(
                self.tr("The mail server took the test e-mail to {address}.").format(address=recipient.strip()))
        ).failure(self._test_failed).busy(self.test_button).run()

    def _test_failed(self, exc: BaseException) -> None:
        self.test_label.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, MailCancelled):
            self.test_label.setText(self.tr("Cancelled: the test e-mail was not sent."))
        else:
            self.test_label.setText(self.tr("The test e-mail was not sent: {error}").format(error=error_text(exc)))
            self._show_field_error(exc)
