"""The Reports window on the demo hotel: a manager's cashier report in tables that sort and filter, the
CSV export; a cashier offered only their own shifts' report; the Reports menu as each role sees it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desk.people.models import Role
from ui.reports.window import ReportsWindow

WAIT_MS = 20_000


def _shown(qtbot, ctx, name: str = "cashier") -> ReportsWindow:  # type: ignore[no-untyped-def]
    window = ReportsWindow(ctx, name=name)
    qtbot.addWidget(window)
    window.show()
    window.choose(name, date.today(), date.today())
    with qtbot.waitSignal(window.report_shown, timeout=WAIT_MS):
        window.load()
    return window


def test_a_manager_sorts_and_filters_the_cashier_report_and_exports_it(qtbot, context_of, tmp_path):
    window = _shown(qtbot, context_of(Role.MANAGER))
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Payments by shift, cashier and method (5)", "Cash drawer by shift (5)", "Takings by hour and method (EUR)"]
    # The chart's bars add up to what the table took, in the hotel's currency: the demo's USD 50.00 counts
    # for EUR 46.00 at the demo's rate (0.92).
    taken = window.report.section("Payments by shift, cashier and method")
    assert sum(window.charts[0].totals()) == sum(row[13].amount for row in taken.rows if row[6] == "EUR") + 46
    payments = window.tables[0]
    assert {row[3] for row in payments.shown_rows()} == {
        "Bank card", "Bank transfer", "Cash", "Company account"}
    received = window.report.section("Payments by shift, cashier and method").columns.index("Received")
    payments.sortByColumn(received, Qt.SortOrder.DescendingOrder)
    assert payments.shown_rows()[0][3] == "Bank card"  # the demo's 5,142.50 EUR by card comes first
    payments.sortByColumn(received, Qt.SortOrder.AscendingOrder)
    assert payments.shown_rows()[0][6] == "USD"  # 50.00 sorts below 120.00, not as text
    qtbot.keyClicks(window.filter_edit, "cash")
    assert {row[3] for row in payments.shown_rows()} == {"Cash"}
    assert "From:" in window.heading_label.text() and "Made" in window.heading_label.text()
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS):
        window.export(tmp_path / "cashier.csv", "csv")
    written = (tmp_path / "cashier.csv").read_text(encoding="utf-8")
    # The export is the hotel's document: the demo hotel is Bulgarian.
    assert "Касиерски отчет" in written and "5142.50" in written


def test_a_cashier_is_offered_only_the_cashier_report_of_their_own_shifts(qtbot, context_of):
    window = _shown(qtbot, context_of(Role.CASHIER))
    assert [window.report_combo.itemData(i) for i in range(window.report_combo.count())] == ["cashier"]
    assert window.charts == []  # the hotel's takings are the manager's
    assert all(row[2] == "ivan" for row in window.tables[1].shown_rows())  # the demo cashier's drawers only


def test_the_reports_menu_as_each_role_sees_it(qtbot, context_of):
    from ui.main_window import MainWindow

    hotel_reports = ("voids", "balances", "revenue", "cards")
    for role, own, hotel in ((Role.MANAGER, True, True), (Role.CASHIER, True, False), (Role.CLERK, False, False)):
        window = MainWindow(context_of(role))
        qtbot.addWidget(window)
        assert {name: action.isEnabled() for name, action in window.report_actions.items()} == {
            "cashier": own, **dict.fromkeys(hotel_reports, hotel)}


def test_open_balances_fit_a_1180_pixel_window_without_scrolling_sideways(qtbot, context_of):
    window = _shown(qtbot, context_of(Role.MANAGER), "balances")
    window.resize(1180, 640)
    for index, table in enumerate(window.tables):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda table=table: table.isVisible() and table.viewport().width() > 900, timeout=WAIT_MS)
        table.fit_columns()
        assert table.horizontalScrollBar().maximum() == 0, table.source.section.title
        numeric_from = table.source.section.numeric_from
        for column in range(numeric_from, table.source.columnCount()):  # amounts are never cut
            assert table.columnWidth(column) >= table.sizeHintForColumn(column)
        if table.source.rowCount():  # a name cut short reads whole in its tooltip
            cell = table.proxy.index(0, 1)
            assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()
