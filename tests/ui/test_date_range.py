"""The one "From / To" widget of the invoices list, the audit trail and the reports."""

from __future__ import annotations

from datetime import date

from ui.dialogs.date_range import DateRange


def test_an_unticked_date_is_no_limit_and_setting_both_ticks_them(qtbot):
    dates = DateRange(date(2026, 11, 7), date(2026, 12, 7), optional=True, first_on=False, last_on=True)
    qtbot.addWidget(dates)
    assert (dates.first(), dates.last()) == (None, date(2026, 12, 7))
    assert dates.from_check is not None and dates.to_check is not None
    dates.from_check.click()
    dates.to_check.click()
    assert (dates.first(), dates.last()) == (date(2026, 11, 7), None)
    dates.set_days(date(2026, 1, 1), date(2026, 1, 31))
    assert (dates.first(), dates.last()) == (date(2026, 1, 1), date(2026, 1, 31))


def test_without_boxes_both_dates_always_count(qtbot):
    dates = DateRange(date(2026, 12, 1), date(2026, 12, 7))
    qtbot.addWidget(dates)
    assert dates.from_check is None and (dates.first(), dates.last()) == (date(2026, 12, 1), date(2026, 12, 7))
