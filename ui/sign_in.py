"""Signing in at the desk: at start, to switch user, and to unlock a locked desk.

The password check (argon2, tens of milliseconds) runs off the GUI thread. One field takes the
password or the user's short PIN, so a colleague switches in with four digits.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.people.passwords import MIN_PASSWORD_LENGTH
from ui.field_error import FieldError
from ui.ops.op import Op

if TYPE_CHECKING:
    # Imported where used: at start the window shows before SQLAlchemy and the tables are loaded,
    # which the database opening on a worker meanwhile loads (issue 23, tests/ui/test_start_imports.py).
    from desk.db.engine import Database
    from desk.people.auth import Actor
    from desk.people.models import Role

# Minutes without a key press or a mouse click before the desk locks itself; 0 never locks.
IDLE_LOCK_SETTING = "security/idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5


def role_name(role: Role) -> str:
    from desk.people.models import Role

    names = {
        Role.CLERK: QCoreApplication.translate("SignIn", "Clerk"),
        Role.CASHIER: QCoreApplication.translate("SignIn", "Cashier"),
        Role.MANAGER: QCoreApplication.translate("SignIn", "Manager"),
        Role.POS: QCoreApplication.translate("SignIn", "POS service"),
    }
    return names[role]


def who_text(actor: Actor) -> str:
    """“Clerk: Anna Petrova”, for the status bar."""
    return QCoreApplication.translate("SignIn", "{role}: {name}").format(
        role=role_name(actor.role), name=actor.full_name or actor.username)


class SignInPurpose(enum.Enum):
    START = "start"
    SWITCH = "switch"
    UNLOCK = "unlock"


class SignInDialog(QDialog):
    """User name and password (or PIN); emits ``signed_in`` with the Actor when the desk accepts it.

    To unlock, only the user who locked the desk or a manager is let in; a desk locked because its
    user must sign in again (``reason``) lets in whoever works there now. At start ``database`` is
    None while it opens: the clerk types meanwhile, and a sign-in pressed then goes ahead once
    :meth:`database_opened` hands it over.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        database: Database | None,
        workstation: str,
        *,
        purpose: SignInPurpose = SignInPurpose.START,
        username: str = "",
        locked_by: Actor | None = None,
        reason: str = "",
        replacing: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        # Who was signed in here until now: another user signing in is a switch of user in the audit trail.
        self.replacing = replacing
        self.database = database
        self.workstation = workstation
        self.purpose = purpose
        self.locked_by = locked_by
        self.actor: Actor | None = None
        self._op: Op[Actor] | None = None
        # The password someone else chose, kept only while its user chooses their own.
        self._given: tuple[Actor, str] | None = None
        self._sign_in_when_open = False
        titles = {
            SignInPurpose.START: self.tr("Sign in"),
            SignInPurpose.SWITCH: self.tr("Switch user"),
            SignInPurpose.UNLOCK: self.tr("Desk locked"),
        }
        self.setWindowTitle(titles[purpose])
        self.setMinimumWidth(360)

        column = QVBoxLayout(self)
        self.intro_label = QLabel()
        self.intro_label.setObjectName("introLabel")
        self.intro_label.setWordWrap(True)
        if reason:
            self.intro_label.setText(self.tr("{reason}. Whoever works at this desk now signs in.").format(
                reason=reason.rstrip(".")))
        elif locked_by is not None:
            self.intro_label.setText(
                self.tr("{name} locked this desk. {name} or a manager can unlock it.").format(
                    name=locked_by.full_name or locked_by.username)
            )
        else:
            self.intro_label.setText(self.tr("Type your password, or your PIN to switch quickly."))
        column.addWidget(self.intro_label)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("signInProgressLabel")
        self.progress_label.setWordWrap(True)
        self.progress_label.setVisible(database is None)
        column.addWidget(self.progress_label)

        form = QFormLayout()
        self.username_edit = QLineEdit(username or (locked_by.username if locked_by else ""))
        self.username_edit.setObjectName("signInUsernameEdit")
        self.username_edit.setMaxLength(40)
        label = QLabel(self.tr("&User name:"))
        label.setBuddy(self.username_edit)
        form.addRow(label, self.username_edit)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("signInSecretEdit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(self.tr("&Password or PIN:"))
        label.setBuddy(self.secret_edit)
        form.addRow(label, self.secret_edit)
        column.addLayout(form)
        column.addWidget(self._new_secret_box())

        self.error_label = FieldError("signInError")
        column.addWidget(self.error_label)

        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if purpose is not SignInPurpose.UNLOCK:
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setObjectName("signInCancelButton")
            buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.submit)
        column.addWidget(buttons)
        (self.secret_edit if self.username_edit.text() else self.username_edit).setFocus()

    def _new_secret_box(self) -> QWidget:
        """Shown when the password was chosen by someone else: the user's own, and a PIN."""
        self.new_secret_box = box = QWidget()
        box.setObjectName("newSecretBox")
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_password_edit = QLineEdit()
        self.new_password_edit.setObjectName("newPasswordEdit")
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&New password:"), self.new_password_edit)
        self.repeat_password_edit = QLineEdit()
        self.repeat_password_edit.setObjectName("repeatPasswordEdit")
        self.repeat_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Repeat:"), self.repeat_password_edit)
        self.new_pin_edit = QLineEdit()
        self.new_pin_edit.setObjectName("newPinEdit")
        self.new_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin_edit.setMaxLength(8)
        self.new_pin_label = QLabel(self.tr("New PIN (optional):"))
        form.addRow(self.new_pin_label, self.new_pin_edit)
        box.hide()
        return box

    def show_progress(self, text: str) -> None:
        """What opening the database is doing (an upgrade, the demo hotel) while the clerk types."""
        self.progress_label.setText(text)

    def database_opened(self, database: Database) -> None:
        self.database = database
        self.progress_label.hide()
        if self._sign_in_when_open:
            self._sign_in_when_open = False
            self.sign_in_button.setEnabled(True)
            self.submit()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def submit(self) -> None:
        if self._op is not None and self._op.is_running:
            return
        if self._given is not None:
            self._choose_own()
            return
        username = self.username_edit.text().strip()
        secret = self.secret_edit.text()
        if not username or not secret:
            self.show_error(self.tr("Type your user name and your password or PIN."))
            return
        if self.database is None:
            self._sign_in_when_open = True
            self.sign_in_button.setEnabled(False)
            return
        database, workstation, replacing = self.database, self.workstation, self.replacing

        def work() -> Actor:
            from desk.people.auth import sign_in

            # Signing in writes (a failure counted, an old hash upgraded, this desk among the signed-in
            # ones): a writing unit waits its turn on SQLite instead of failing to upgrade a read.
            with database.writing() as session:
                return sign_in(session, username, secret, workstation, replacing=replacing)

        self.error_label.hide()
        def accepted(actor: Actor) -> None:
            self._accepted(actor, secret)

        self._op = Op(self, work).busy(self.sign_in_button).success(accepted).failure(self._refused).run()

    def _ask_own_secret(self, actor: Actor, given: str) -> None:
        from desk.people.rights import holds_manager_rights

        self._given = (actor, given)
        self.username_edit.setEnabled(False)
        self.secret_edit.setEnabled(False)
        self.intro_label.setText(self.tr(
            "Your password was set by someone else. Choose your own: at least {length} characters, "
            "not your user name.").format(length=MIN_PASSWORD_LENGTH))
        manager = holds_manager_rights(actor.role)
        self.new_pin_label.setVisible(not manager)
        self.new_pin_edit.setVisible(not manager)
        self.new_secret_box.show()
        self.sign_in_button.setText(self.tr("&Save and sign in"))
        self.new_password_edit.setFocus()

    def _choose_own(self) -> None:
        assert self._given is not None
        actor, given = self._given
        new_password = self.new_password_edit.text()
        if new_password != self.repeat_password_edit.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        new_pin = self.new_pin_edit.text().strip() or None
        database, workstation = self.database, self.workstation
        assert database is not None  # the clerk signed in with it

        def work() -> Actor:
            from desk.people.auth import change_own_secret

            with database.writing() as session:
                return change_own_secret(session, actor.username, given, new_password, workstation,
                                         new_pin=new_pin)

        def refused(exc: BaseException) -> None:
            from ui.desk_text import error_text

            self.show_error(error_text(exc) if isinstance(exc, DeskError) else str(exc))

        self.error_label.hide()
        self._op = Op(self, work).busy(self.sign_in_button).success(self._chosen).failure(refused).run()

    def _chosen(self, actor: Actor) -> None:
        self._given = None
        for edit in (self.new_password_edit, self.repeat_password_edit, self.new_pin_edit):
            edit.clear()
        self._accepted(actor, "")

    def _accepted(self, actor: Actor, secret: str) -> None:
        if actor.must_change_secret:
            self._ask_own_secret(actor, secret)
            return
        from desk.people.models import Role

        locked_by = self.locked_by
        if locked_by is not None and actor.username != locked_by.username and actor.role is not Role.MANAGER:
            self.secret_edit.clear()
            self.show_error(self.tr("Only {name} or a manager can unlock this desk.").format(
                name=locked_by.full_name or locked_by.username))
            return
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        from desk.people.auth import AccountLocked, PinNotForManagers

        self.secret_edit.clear()
        self.secret_edit.setFocus()
        if isinstance(exc, AccountLocked):
            self.show_error(self.tr("Too many failed attempts: {user} cannot sign in until {time}.").format(
                user=exc.username, time=exc.until.astimezone().strftime("%H:%M")))
        elif isinstance(exc, PinNotForManagers):
            self.show_error(self.tr("A manager signs in with the password, not a PIN."))
        elif isinstance(exc, DeskError):
            self.show_error(self.tr("Wrong user name, password or PIN."))
        else:
            self.show_error(self.tr("Signing in failed: {error}").format(error=exc))

    def reject(self) -> None:
        if self.purpose is SignInPurpose.UNLOCK:
            return  # a locked desk stays locked until someone signs in
        super().reject()


def idle_lock_minutes() -> int:
    value: Any = QSettings().value(IDLE_LOCK_SETTING, DEFAULT_IDLE_LOCK_MINUTES)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES


class IdleWatch(QObject):
    """Emits ``idle`` when no key, mouse or wheel event reached the application for ``ms``."""

    idle = Signal()
    ACTIVITY = frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    })

    def __init__(self, ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ms)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

    def remove(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def visible_windows(exclude: QWidget | None = None) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not exclude
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)]
