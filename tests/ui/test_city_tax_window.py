"""The City tax window on the demo hotel: its amounts listed, a new one set from a date, a negative
one refused in the clerk's words with nothing written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt

from desk.core.money import Money
from desk.people.models import Role
from desk.stays.city_tax import city_tax_history
from ui.admin.city_tax import CityTaxDialog
from ui.dialogs.common import ERROR_COLOR
from ui.i18n import format_date, money_text

WAIT_MS = 20_000


def _open(qtbot, context_of) -> CityTaxDialog:  # type: ignore[no-untyped-def]
    dialog = CityTaxDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.open()
    return dialog


def _rows(dialog: CityTaxDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_a_manager_sets_a_new_city_tax_from_a_date(qtbot, context_of, demo_database):
    dialog = _open(qtbot, context_of)
    with demo_database.unit_of_work() as session:
        demo = city_tax_history(session)
    assert [row[:6] for row in _rows(dialog)] == [
        [format_date(r.valid_from), money_text(r.per_person_night), "—", "—", "City tax", r.set_by] for r in demo]
    assert dialog.service_combo.currentData() == "CITYTAX"
    start = date.today() + timedelta(days=7)
    dialog.amount_edit.setText("2.40")
    dialog.from_edit.setDate(QDate(start.year, start.month, start.day))
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert _rows(dialog)[0][:6] == [format_date(start), money_text(Money.of("2.40", "EUR")), "—", "—", "City tax",
                                     "maria"]
    assert dialog.amount_edit.text() == "" and dialog.error_label.isHidden()


def test_a_negative_amount_is_refused_and_nothing_set(qtbot, context_of, demo_database):
    dialog = _open(qtbot, context_of)
    with demo_database.unit_of_work() as session:
        before = city_tax_history(session)
    dialog.amount_edit.setText("-1")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "The amount cannot be negative."
    assert ERROR_COLOR in dialog.error_label.styleSheet()  # red, as the other windows show a refusal
    with demo_database.unit_of_work() as session:
        assert city_tax_history(session) == before


def test_a_percentage_and_a_childrens_age_are_set_and_shown(qtbot, context_of, demo_database):
    dialog = _open(qtbot, context_of)
    start = date.today() + timedelta(days=9)
    dialog.amount_edit.setText("1.20")
    dialog.percent_edit.setText("2.5")
    dialog.child_age_spin.setValue(14)
    dialog.from_edit.setDate(QDate(start.year, start.month, start.day))
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert _rows(dialog)[0][:5] == [format_date(start), money_text(Money.of("1.20", "EUR")), "2.5 %", "14",
                                    "City tax"]
    with demo_database.unit_of_work() as session:
        newest = city_tax_history(session)[0]
    assert (newest.percent_of_rate, newest.child_age_under) == (Decimal("2.5"), 14)

    dialog.amount_edit.setText("1.20")
    dialog.percent_edit.setText("250")  # refused by the desk, shown red, nothing written
    dialog.from_edit.setDate(QDate(start.year, start.month, start.day).addDays(1))
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert dialog.error_label.text() == "A percentage of the room rate is from 0 to 100"
    with demo_database.unit_of_work() as session:
        assert city_tax_history(session)[0] == newest
