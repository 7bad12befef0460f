"""People: a manager sets a cashier's taxpayer number (ИНН), which a Russian register prints as the cashier's; a
number whose check digits are wrong is said and nothing is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desk.db.engine import Database
from desk.people.models import Role, User
from tests.actors import signed_in
from ui.ops import delivery


def tax_id(database: Database, username: str) -> str:
    with database.unit_of_work() as session:
        return session.scalar(select(User.tax_id).where(User.username == username)) or ""


def test_a_manager_sets_a_cashiers_taxpayer_number(qtbot, demo_database: Database):
    from ui.admin.people import PeopleDialog
    from ui.context import DeskContext

    context = DeskContext(demo_database, signed_in(demo_database, Role.MANAGER))
    dialog = PeopleDialog(context)
    qtbot.addWidget(dialog)
    try:
        dialog.open()
        assert delivery.wait_all(30_000)
        dialog.select_user("ivan")
        edit = dialog.findChild(QLineEdit, "taxIdEdit")
        edit.setText("500100732258")
        dialog.findChild(QPushButton, "setTaxIdButton").click()
        error = dialog.findChild(QLabel, "peopleError")
        qtbot.waitUntil(lambda: "is not a person's taxpayer number" in error.text(), timeout=30_000)
        assert tax_id(demo_database, "ivan") == ""
        edit.setText("500100732259")
        dialog.findChild(QPushButton, "setTaxIdButton").click()
        qtbot.waitUntil(lambda: tax_id(demo_database, "ivan") == "500100732259", timeout=30_000)
        assert delivery.wait_all(30_000)
        dialog.select_user("ivan")
        assert edit.text() == "500100732259"
    finally:
        dialog.close()
        context.close()
