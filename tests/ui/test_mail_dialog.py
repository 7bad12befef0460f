"""Settings -> E-mail: a manager fills and saves it, a clerk is refused, a test e-mail reaches a real
SMTP server on loopback over STARTTLS (trusting the hotel's CA) or says in words why not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QSpinBox
from sqlalchemy import func, select

from desk.db.runner import Runner
from desk.mail.models import MailSettings
from desk.mail.outbox import KEY_FILE_ENV, PASSWORD_ENV, mail_config, mail_setup
from desk.people.models import Role
from tests.desk.test_mail_tls import SECRET, Inbox, serve, server_context
from tests.helpers import free_port
from tests.ui.test_dialogs_common import child, opened, retype
from tests.ui.test_no_english import KEY_NAMES, LATIN_WORD, english_in
from ui import i18n
from ui.main_window import MainWindow
from ui.settings.mail import MailSettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def key_here(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "mail.key"
    monkeypatch.setenv(KEY_FILE_ENV, str(path))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    return path


@pytest.fixture(scope="module")
def hotel_ca() -> trustme.CA:
    return trustme.CA(organization_name="Hotel Example internal CA")


@pytest.fixture
def starttls_server(hotel_ca) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    for port in serve(inbox, tls_context=server_context(hotel_ca), require_starttls=True):
        yield inbox, port


def fill(qtbot, dialog: MailSettingsDialog, port: int, password: str = SECRET) -> None:
    retype(qtbot, child(dialog, QLineEdit, "mailHostEdit"), "127.0.0.1")
    security = child(dialog, QComboBox, "mailSecurityCombo")
    security.setCurrentIndex(security.findData("starttls"))
    child(dialog, QSpinBox, "mailPortSpin").setValue(port)
    retype(qtbot, child(dialog, QLineEdit, "mailUserEdit"), "desk")
    retype(qtbot, child(dialog, QLineEdit, "mailPasswordEdit"), password)
    retype(qtbot, child(dialog, QLineEdit, "mailSenderEdit"), "frontdesk@hotel.example")


def trust(qtbot, dialog: MailSettingsDialog, ca: trustme.CA, tmp_path: Path) -> None:
    path = tmp_path / "hotel-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    dialog.load_ca_file(str(path))  # what Hotel CA file… does once a file is chosen
    qtbot.waitUntil(lambda: "Hotel Example internal CA" in child(dialog, QLabel, "mailCaLabel").text(),
                    timeout=30_000)


def test_a_manager_opens_it_from_the_menu_fills_and_saves(qtbot, context_of, demo_database, key_here, hotel_ca,
                                                          tmp_path):
    window = MainWindow(context_of(Role.MANAGER))
    qtbot.addWidget(window)
    assert window.mail_action.isEnabled()
    window.mail_action.trigger()
    dialog = window.mail_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.setup is not None, timeout=30_000)
    assert str(key_here) in child(dialog, QLabel, "mailPasswordNote").text()
    fill(qtbot, dialog, 2525)
    trust(qtbot, dialog, hotel_ca, tmp_path)
    assert child(dialog, QLineEdit, "mailPasswordEdit").echoMode() is QLineEdit.EchoMode.Password
    dialog.save()
    label = child(dialog, QLabel, "mailErrorLabel")
    qtbot.waitUntil(lambda: label.text() == "The e-mail settings are saved.", timeout=30_000)

    config = Runner(demo_database).read(mail_config)
    assert config is not None
    assert (config.host, config.port, config.security, config.username, config.sender) == (
        "127.0.0.1", 2525, "starttls", "desk", "frontdesk@hotel.example")
    assert config.ca_pem.startswith("-----BEGIN CERTIFICATE-----")
    setup = Runner(demo_database).read(mail_setup)
    assert setup.password_saved and setup.key_opens_password
    with demo_database.unit_of_work() as session:
        assert SECRET not in session.scalars(select(MailSettings.password_sealed)).one()
    # Reopened: the password field stays empty (kept when saved empty), the rest as saved.
    qtbot.waitUntil(lambda: child(dialog, QLineEdit, "mailPasswordEdit").text() == "", timeout=30_000)
    assert child(dialog, QCheckBox, "mailForgetPasswordCheck").isVisibleTo(dialog)
    assert "key" in child(dialog, QLabel, "mailPasswordNote").text()


def test_a_clerk_has_no_menu_entry_and_is_refused(qtbot, context_of, demo_database):
    ctx = context_of(Role.CLERK)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not window.mail_action.isEnabled()
    dialog = opened(qtbot, MailSettingsDialog(ctx))
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, 2525)
    dialog.save()
    label = child(dialog, QLabel, "mailErrorLabel")
    qtbot.waitUntil(lambda: bool(label.text()), timeout=30_000)
    assert label.text() == "A clerk may not set up devices: a manager must authorise it"
    with demo_database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(MailSettings)) == 0
    dialog.send_test()  # the saved password must not be handed to a server a clerk names
    result = child(dialog, QLabel, "mailTestResultLabel")
    qtbot.waitUntil(lambda: "not sent" in result.text(), timeout=30_000)
    assert "may not set up devices" in result.text()


def test_the_test_e_mail_reaches_the_server_and_a_failure_is_told(qtbot, context_of, starttls_server, hotel_ca,
                                                                  tmp_path):
    inbox, port = starttls_server
    dialog = opened(qtbot, MailSettingsDialog(context_of(Role.MANAGER)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=30_000)
    fill(qtbot, dialog, port)
    retype(qtbot, child(dialog, QLineEdit, "mailTestRecipientEdit"), "manager@hotel.example")
    result = child(dialog, QLabel, "mailTestResultLabel")

    # Not yet trusting the hotel's CA: the certificate is refused, in words.
    dialog.send_test()
    qtbot.waitUntil(lambda: "not sent" in result.text(), timeout=30_000)
    assert "The certificate of 127.0.0.1 is not trusted" in result.text()

    trust(qtbot, dialog, hotel_ca, tmp_path)
    steps: list[str] = []
    op = dialog.send_test()
    op.progress(lambda _fraction, text: steps.append(text))
    qtbot.waitUntil(lambda: "took the test e-mail" in result.text(), timeout=30_000)
    assert result.text() == "The mail server took the test e-mail to manager@hotel.example."
    (message,) = inbox.messages
    assert message["Subject"] == "Test e-mail from the front desk" and message["To"] == "manager@hotel.example"
    assert "Logging in as desk…" in steps and steps[-1] == "Sending to manager@hotel.example…"

    retype(qtbot, child(dialog, QLineEdit, "mailPasswordEdit"), "wrong")
    dialog.send_test()
    qtbot.waitUntil(lambda: "refused" in result.text(), timeout=30_000)
    assert result.text() == ("The test e-mail was not sent: The mail server refused the login desk: "
                             "check the user and the password")

    child(dialog, QSpinBox, "mailPortSpin").setValue(free_port())
    dialog.send_test()
    qtbot.waitUntil(lambda: "refused the connection" in result.text(), timeout=30_000)
    assert len(inbox.messages) == 1
    assert dialog.findChild(QMessageBox) is None  # told in the window, not in a box


def test_a_login_without_encryption_is_refused_under_the_user_field(qtbot, context_of, demo_database):
    dialog = opened(qtbot, MailSettingsDialog(context_of(Role.MANAGER)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=30_000)
    fill(qtbot, dialog, 2525)
    security = child(dialog, QComboBox, "mailSecurityCombo")
    security.setCurrentIndex(security.findData("none"))
    user_error = child(dialog, QLabel, "mailUserErrorLabel")
    assert not user_error.isVisibleTo(dialog)
    dialog.save()
    qtbot.waitUntil(lambda: user_error.isVisibleTo(dialog), timeout=30_000)
    assert user_error.text() == "A login sends the password: choose STARTTLS or TLS, or clear the user"
    with demo_database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(MailSettings)) == 0
    dialog.send_test()  # the test e-mail is refused the same way, before any connection
    result = child(dialog, QLabel, "mailTestResultLabel")
    qtbot.waitUntil(lambda: "not sent" in result.text(), timeout=30_000)
    assert "choose STARTTLS or TLS" in result.text() and user_error.isVisibleTo(dialog)
    retype(qtbot, child(dialog, QLineEdit, "mailUserEdit"), "")
    dialog.save()
    label = child(dialog, QLabel, "mailErrorLabel")
    qtbot.waitUntil(lambda: label.text() == "The e-mail settings are saved.", timeout=30_000)
    assert not user_error.isVisibleTo(dialog)


def test_the_test_e_mail_asks_for_the_password_when_the_server_is_not_the_saved_one(
        qtbot, context_of, demo_database, starttls_server, hotel_ca, tmp_path):
    inbox, port = starttls_server
    dialog = opened(qtbot, MailSettingsDialog(context_of(Role.MANAGER)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=30_000)
    fill(qtbot, dialog, port)
    trust(qtbot, dialog, hotel_ca, tmp_path)
    dialog.save()
    qtbot.waitUntil(lambda: child(dialog, QLabel, "mailErrorLabel").text() == "The e-mail settings are saved.",
                    timeout=30_000)
    qtbot.waitUntil(lambda: child(dialog, QLineEdit, "mailPasswordEdit").text() == "", timeout=30_000)
    child(dialog, QSpinBox, "mailPortSpin").setValue(free_port())  # a typo: the password must not go there
    retype(qtbot, child(dialog, QLineEdit, "mailTestRecipientEdit"), "manager@hotel.example")
    dialog.send_test()
    password_error = child(dialog, QLabel, "mailPasswordErrorLabel")
    qtbot.waitUntil(lambda: password_error.isVisibleTo(dialog), timeout=30_000)
    assert password_error.text() == "Type the password: the saved one is sent only to the saved server and user"
    child(dialog, QSpinBox, "mailPortSpin").setValue(port)
    dialog.send_test()
    result = child(dialog, QLabel, "mailTestResultLabel")
    qtbot.waitUntil(lambda: "took the test e-mail" in result.text(), timeout=30_000)
    assert inbox.logins == ["desk"] and not password_error.isVisibleTo(dialog)


@pytest.mark.parametrize("language", ["ru", "bg"])
def test_the_window_and_its_failures_read_in_the_users_language(qtbot, context_of, qm_dir, language):
    i18n.install_translator(QCoreApplication.instance(), language, qm_dir=qm_dir)
    try:
        dialog = opened(qtbot, MailSettingsDialog(context_of(Role.MANAGER)))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.setup is not None, timeout=30_000)
        # Protocol names, the variable's name and the key file's path stay as they are.
        allowed = KEY_NAMES | {"SMTP", "STARTTLS", "TLS", "CA", "PEM", "DESK_SMTP_PASSWORD", "pem", "crt", "cer",
                               "smtp", "example", "com", *LATIN_WORD.findall(dialog.setup.key_file)}
        assert english_in(dialog, allowed) == []
        fill(qtbot, dialog, free_port(), password="12345678")  # the walker reads the field's text too
        retype(qtbot, child(dialog, QLineEdit, "mailTestRecipientEdit"), "manager@hotel.example")
        dialog.send_test()
        result = child(dialog, QLabel, "mailTestResultLabel")
        qtbot.waitUntil(lambda: "127.0.0.1" in result.text(), timeout=30_000)
        assert english_in(dialog, allowed | {"desk"}) == []
    finally:
        i18n.install_translator(QCoreApplication.instance(), "en")
        i18n.remove_translators(QCoreApplication.instance())
