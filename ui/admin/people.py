"""People: the hotel's users, and adding, deactivating, resetting and changing the role of one.

Opened from **Administration → People…** by whoever may manage users. A password typed here is
temporary: its user chooses their own at the next sign-in (the sign-in window asks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
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

from desk.people.admin import (
    PEOPLE_ROLES,
    UserRow,
    add_user,
    change_role,
    list_users,
    reset_secret,
    set_tax_id,
    set_user_active,
)
from desk.people.models import Role
from desk.people.passwords import MIN_PASSWORD_LENGTH
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import Column, FieldError, RowsModel, fill_combo, hint_label, new_form, rows_view
from ui.sign_in import role_name


class PeopleDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.setWindowTitle(self.tr("People"))
        self.setMinimumWidth(860)
        self.ctx = ctx
        self.users: list[UserRow] = []
        layout = QVBoxLayout(self)

        self.model = RowsModel([Column(self.tr("User name")), Column(self.tr("Full name")), Column(self.tr("Role")),
                                Column(self.tr("State"))], self)
        self.view = rows_view(self.model, "usersView", stretch_column=1)
        self.view.setMinimumHeight(200)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        fill_combo(self.role_combo, [(role_name(role), role) for role in PEOPLE_ROLES])
        self.change_role_button = QPushButton(self.tr("Give this &role"))
        self.change_role_button.setObjectName("changeRoleButton")
        self.change_role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.active_button.setObjectName("activeButton")
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.clicked.connect(self.reset)
        for widget in (self.role_combo, self.change_role_button, self.active_button, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(self._tax_id_row())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        layout.addWidget(self._add_box())
        layout.addWidget(hint_label(self.tr(
            "A temporary password (at least {length} characters, not the user name) is used once: the user "
            "chooses their own at the next sign-in. Reset uses the temporary password typed above."
        ).format(length=MIN_PASSWORD_LENGTH), "peopleHint"))
        self.error_label = FieldError("peopleError")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._selection_changed()

    def _tax_id_row(self) -> QHBoxLayout:
        """The selected cashier's taxpayer number (ИНН), which a Russian registered register prints as theirs."""
        row = QHBoxLayout()
        self.tax_id_edit = QLineEdit()
        self.tax_id_edit.setObjectName("taxIdEdit")
        self.tax_id_edit.setMaxLength(16)
        label = QLabel(self.tr("Ta&xpayer number (ИНН):"))
        label.setBuddy(self.tax_id_edit)
        self.tax_id_button = QPushButton(self.tr("Set number"))
        self.tax_id_button.setObjectName("setTaxIdButton")
        self.tax_id_button.clicked.connect(self.set_tax_id)
        for widget in (label, self.tax_id_edit, self.tax_id_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a user"))
        form = new_form()
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setMaxLength(40)
        form.addRow(self.tr("&User name:"), self.username_edit)
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setObjectName("fullNameEdit")
        self.full_name_edit.setMaxLength(120)
        form.addRow(self.tr("&Full name:"), self.full_name_edit)
        self.new_role_combo = QComboBox()
        self.new_role_combo.setObjectName("newRoleCombo")
        fill_combo(self.new_role_combo, [(role_name(role), role) for role in PEOPLE_ROLES])
        form.addRow(self.tr("R&ole:"), self.new_role_combo)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Temporary password:"), self.password_edit)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add)
        form.addRow("", self.add_button)
        box.setLayout(form)
        return box

    def open(self) -> None:
        super().open()
        self.reload()

    def reload(self) -> None:
        self.ctx.query(self, list_users).success(self._loaded).failure(self._refused).run()

    def _state(self, user: UserRow) -> str:
        if not user.active:
            return self.tr("deactivated")
        if user.must_change_secret:
            return self.tr("chooses a password at the next sign-in")
        return self.tr("active")

    def _loaded(self, users: list[UserRow]) -> None:
        selected = self.selected()
        self.users = users
        self.model.set_rows([(u.username, u.full_name, role_name(u.role), self._state(u)) for u in users],
                            struck=[n for n, u in enumerate(users) if not u.active])
        if selected is not None:
            names = [u.username for u in users]
            if selected.username in names:
                self.view.selectRow(names.index(selected.username))
        self._selection_changed()

    def selected(self) -> UserRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def select_user(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.view.selectRow(row)

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.change_role_button, self.active_button, self.reset_button, self.tax_id_button):
            button.setEnabled(user is not None)
        if user is not None:
            self.tax_id_edit.setText(user.tax_id)
            self.active_button.setText(self.tr("&Deactivate") if user.active else self.tr("&Activate"))
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(user.role)))

    def _refused(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _change(self, use_case: Callable[..., Any], *args: object, then: Callable[[], object] | None = None) -> None:
        def done(_value: object) -> None:
            self.error_label.hide()
            if then is not None:
                then()
            self.reload()

        self.ctx.change(self, use_case, *args).success(done).failure(self._refused).run()

    def add(self) -> None:
        def added() -> None:
            for edit in (self.username_edit, self.full_name_edit, self.password_edit):
                edit.clear()

        self._change(add_user, self.username_edit.text(), self.full_name_edit.text(),
                     Role(self.new_role_combo.currentData()), self.password_edit.text(), then=added)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._change(set_user_active, user.username, not user.active)

    def change_role(self) -> None:
        user = self.selected()
        if user is not None:
            # Qt hands a str enum back as a plain str.
            self._change(change_role, user.username, Role(self.role_combo.currentData()))

    def set_tax_id(self) -> None:
        user = self.selected()
        if user is not None:
            self._change(set_tax_id, user.username, self.tax_id_edit.text())

    def reset(self) -> None:
        user = self.selected()
        if user is not None:
            self._change(reset_secret, user.username, self.password_edit.text(), then=self.password_edit.clear)

    def done(self, result: int) -> None:
        self.password_edit.clear()  # a password is never left in a closed window
        super().done(result)
