"""Signing in at the desk: the sign-in window, switching user, locking and unlocking, idle lock."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from desk.people.models import Role, User
from tests.ui.test_dialogs_common import child, click, find_card, ledger_counts, opened, retype
from ui import i18n
from ui.main_window import MainWindow
from ui.ops import delivery
from ui.sign_in import IdleWatch, SignInDialog, SignInPurpose


def type_in(qtbot, dialog: SignInDialog, username: str | None, secret: str) -> None:
    if username is not None:
        dialog.username_edit.clear()
        qtbot.keyClicks(dialog.username_edit, username)
    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, secret)


def submit_and_wait(qtbot, dialog: SignInDialog) -> None:
    """Press Sign in and wait until the check, run off the GUI thread, has answered (a dialog that
    let the user in is gone)."""
    qtbot.mouseClick(dialog.findChild(QPushButton, "signInButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or dialog.sign_in_button.isEnabled(), timeout=30_000)


@pytest.fixture
def sign_in_dialog(qtbot, demo_database):
    dialog = SignInDialog(demo_database, "TEST-1", username="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def desk(qtbot, desk_context):
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.lock_dialog is not None:
        window.lock_dialog.close()
    window.idle_watch.remove()


def test_sign_in_with_the_password_gives_the_signed_in_actor(qtbot, sign_in_dialog):
    assert sign_in_dialog.username_edit.text() == "anna"  # --user preselects the name, nothing more
    assert sign_in_dialog.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    with qtbot.waitSignal(sign_in_dialog.signed_in, timeout=30_000) as signed:
        type_in(qtbot, sign_in_dialog, None, "anna")
        qtbot.mouseClick(sign_in_dialog.sign_in_button, Qt.MouseButton.LeftButton)
    actor = signed.args[0]
    assert (actor.username, actor.role, actor.workstation) == ("anna", Role.CLERK, "TEST-1")


def test_a_wrong_password_is_refused_and_repeated_failures_lock_out(qtbot, sign_in_dialog, demo_database):
    error = sign_in_dialog.findChild(QLabel, "signInError")
    for _ in range(4):
        type_in(qtbot, sign_in_dialog, None, "guess")
        submit_and_wait(qtbot, sign_in_dialog)
        assert error.text() == "Wrong user name, password or PIN."
        assert sign_in_dialog.secret_edit.text() == ""
    type_in(qtbot, sign_in_dialog, None, "guess")
    submit_and_wait(qtbot, sign_in_dialog)
    assert "Too many failed attempts" in error.text()
    type_in(qtbot, sign_in_dialog, None, "anna")  # the right password no longer helps
    submit_and_wait(qtbot, sign_in_dialog)
    assert "Too many failed attempts" in error.text() and sign_in_dialog.actor is None
    with demo_database.unit_of_work() as session:
        assert session.get_one(User, "anna").locked_until is not None


def test_the_status_bar_shows_the_signed_in_role_and_name(desk):
    assert desk.cashier_label.text() == "Clerk: Anna Petrova"


def test_switch_user_with_a_pin(qtbot, desk, desk_context):
    desk.switch_user_action.trigger()
    dialog = desk.switch_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(desk_context.actor_changed, timeout=30_000):
        type_in(qtbot, dialog, "ivan", "2222")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert desk_context.actor.username == "ivan" and desk_context.actor.role is Role.CASHIER
    assert desk.cashier_label.text() == "Cashier: Ivan Georgiev"


def test_lock_hides_the_desk_until_the_same_user_signs_in(qtbot, desk, desk_context):
    desk.lock_action.trigger()
    dialog = desk.lock_dialog
    assert dialog is not None and dialog.isVisible() and not desk.isVisible()
    assert dialog.purpose is SignInPurpose.UNLOCK
    dialog.reject()  # Escape does not unlock
    assert dialog.isVisible()

    type_in(qtbot, dialog, "ivan", "ivan")  # a colleague who is not a manager cannot take over
    submit_and_wait(qtbot, dialog)
    assert "Only Anna Petrova or a manager" in dialog.error_label.text()
    assert desk.is_locked and not desk.isVisible()

    type_in(qtbot, dialog, "anna", "1111")
    submit_and_wait(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.isVisible(), timeout=30_000)
    assert not desk.is_locked and desk_context.actor.username == "anna"


def test_a_manager_unlocks_and_takes_over(qtbot, desk, desk_context):
    desk.lock()
    dialog = desk.lock_dialog
    type_in(qtbot, dialog, "maria", "manager")
    submit_and_wait(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.isVisible(), timeout=30_000)
    assert desk_context.actor.username == "maria"
    assert desk.cashier_label.text() == "Manager: Maria Dimitrova"


def test_a_window_deleted_while_the_desk_was_locked_does_not_keep_the_desk_hidden(qtbot, desk):
    from PySide6.QtWidgets import QDialog

    report = QDialog()
    report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    report.show()
    desk.lock()
    assert not report.isVisible() and not desk.isVisible()
    report.close()  # deleted while hidden, as a dialog its own work closes
    qtbot.waitUntil(lambda: not shiboken6.isValid(report), timeout=30_000)
    dialog = desk.lock_dialog
    type_in(qtbot, dialog, "maria", "manager")
    submit_and_wait(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.isVisible(), timeout=30_000)
    assert not desk.is_locked


def test_the_desk_locks_itself_when_idle(qtbot, desk):
    desk.idle_watch.remove()
    desk.idle_watch = IdleWatch(50, desk)
    desk.idle_watch.idle.connect(desk.lock)
    desk.idle_watch.start()
    qtbot.waitUntil(lambda: desk.is_locked, timeout=30_000)
    assert not desk.isVisible()


def test_activity_restarts_the_idle_timer(qtbot, desk, monkeypatch):
    watch = IdleWatch(60_000, desk)
    watch.start()
    restarts: list[int] = []
    start = watch._timer.start
    monkeypatch.setattr(watch._timer, "start", lambda: restarts.append(1) or start())
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_A)
    qtbot.mouseClick(desk.table.viewport(), Qt.MouseButton.LeftButton)
    assert len(restarts) >= 2  # the key press and the click each put the lock further off
    watch.stop()
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_B)
    assert not watch.is_active  # a stopped watch (the desk is locked) is not restarted by typing
    watch.remove()


def test_a_managers_pin_opens_nothing_and_says_the_password_is_needed(qtbot, sign_in_dialog):
    type_in(qtbot, sign_in_dialog, "maria", "9999")  # the demo manager's PIN
    submit_and_wait(qtbot, sign_in_dialog)
    assert sign_in_dialog.actor is None
    assert sign_in_dialog.error_label.text() == "A manager signs in with the password, not a PIN."


# --- a user deactivated or demoted while signed in ------------------------------------------------


@pytest.fixture
def russian(qtbot, qm_dir):
    saved = QLocale()
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


@pytest.mark.parametrize(("change", "reason", "next_user", "next_role"), [
    ("deactivate", "Anna Petrova больше не может работать за этой стойкой", ("ivan", "ivan"), Role.CASHIER),
    ("demote", "Права пользователя Maria Dimitrova изменились: войдите заново", ("maria", "manager"), Role.CLERK),
])
def test_a_user_deactivated_or_demoted_meanwhile_locks_the_desk_at_the_next_action(
        qtbot, russian, desk, desk_context, demo_database, manager, change, reason, next_user, next_role):
    from ui.dialogs import MakePaymentDialog

    if change == "demote":
        desk_context.set_actor(manager)
    card = find_card(demo_database, lambda c: any(view.balance.is_positive for view in c.folio.bills))
    bill = next(view for view in card.folio.bills if view.balance.is_positive)
    dialog = opened(qtbot, MakePaymentDialog(desk_context, card, bill.bill.id, desk))
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "1.00")
    with demo_database.writing() as session:
        user = session.get_one(User, desk_context.actor.username)
        if change == "deactivate":
            user.active = False
        else:
            user.role = Role.CLERK
    before = ledger_counts(demo_database)

    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: desk.is_locked, timeout=30_000)
    assert delivery.wait_all(30_000)
    lock = desk.lock_dialog
    assert lock is not None and lock.isVisible() and not desk.isVisible() and not dialog.isVisible()
    assert lock.intro_label.text() == f"{reason}. Войдите под своим именем, чтобы продолжить."
    assert ledger_counts(demo_database) == before

    type_in(qtbot, lock, *next_user)  # the session is over: the user again, or a colleague, signs in
    submit_and_wait(qtbot, lock)
    qtbot.waitUntil(lambda: desk.isVisible(), timeout=30_000)
    assert not desk.is_locked
    assert (desk_context.actor.username, desk_context.actor.role) == (next_user[0], next_role)


def test_a_workflow_on_the_desks_runner_locks_the_desk_too(qtbot, desk, desk_context, demo_database):
    """Card terminal, shift and receipt workflows call the context's runner themselves, off ctx.change."""
    from desk.ledger.payments import Tender, take_payment
    from desk.people.auth import SignInAgain
    from ui.ops.op import Op

    card = find_card(demo_database, lambda c: any(view.balance.is_positive for view in c.folio.bills))
    bill = next(view for view in card.folio.bills if view.balance.is_positive)
    with demo_database.writing() as session:
        session.get_one(User, "anna").active = False
    runner, actor = desk_context.runner, desk_context.actor
    failures: list[BaseException] = []
    Op(desk, lambda: runner.run(take_payment, actor, bill.bill.id, Tender("cash", bill.balance))).failure(
        failures.append).run()
    qtbot.waitUntil(lambda: desk.is_locked and bool(failures), timeout=30_000)
    assert isinstance(failures[0], SignInAgain)
    assert desk.lock_dialog is not None
    assert desk.lock_dialog.intro_label.text() == (
        "Anna Petrova may no longer act at this desk. Whoever works at this desk now signs in.")
