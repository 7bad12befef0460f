"""The night audit window on the demo hotel: the open items listed, closing over them with a reason,
the progress and its Cancel, the summary."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import desk.stays.night_audit
from desk.core.money import Money
from desk.ledger.models import Posting
from desk.people.models import Role
from desk.stays.business_day import business_date
from desk.stays.models import NightAudit, NightCharge
from tests.ui.conftest import DEMO_TODAY
from ui.i18n import format_date, money_text
from ui.night_audit import NightAuditDialog

IN_HOUSE = 24  # the demo's in-house stays, whose nights before today it charged itself
ARRIVING_TODAY = 4  # the demo's confirmed arrivals of its today, never checked in
# A wait for a condition, never a sleep: a full suite on 2 busy cores once took over 20 s to the first charge.
WAIT_MS = 60_000


def _open(qtbot, context_of) -> NightAuditDialog:  # type: ignore[no-untyped-def]
    dialog = NightAuditDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    return dialog


def _column(dialog: NightAuditDialog, column: int) -> list[str]:
    table = dialog.items_table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_a_manager_closes_the_day_over_its_open_items_with_a_reason(qtbot, context_of, demo_database):
    dialog = _open(qtbot, context_of)
    assert dialog.date_label.text() == f"Business date: {format_date(DEMO_TODAY)}"
    kinds = _column(dialog, 0)
    assert kinds.count("Cash shift not closed") == 4  # the front desk's and the three test workstations'
    assert kinds.count("Arrival not checked in") == ARRIVING_TODAY
    assert "FRONT-1 #1" in _column(dialog, 1)
    assert dialog.plan_label.text() == (
        f"Open items: {len(kinds)}. A manager may close the day over them, giving a reason. "
        f"In-house stays to charge: {IN_HOUSE}. Reservations to mark as no-shows: {ARRIVING_TODAY}.")
    # Open items: no closing without a reason.
    assert not dialog.start_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Night manager: shifts close at 7:00")
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.SUMMARY_PAGE
    assert dialog.summary_title.text() == f"Business day {format_date(DEMO_TODAY)} is closed."
    assert dialog.nights_value.text() == str(IN_HOUSE)
    assert dialog.no_shows_value.text() == str(ARRIVING_TODAY)
    with demo_database.unit_of_work() as session:  # the demo's city tax, 1.50 a guest and night
        guests = session.scalar(select(func.sum(Posting.quantity)).where(Posting.service_code == "CITYTAX"))
    assert guests >= IN_HOUSE and dialog.city_tax_value.text() == money_text(Money.of("1.50", "EUR").times(guests))
    assert dialog.new_date_value.text() == format_date(DEMO_TODAY + timedelta(days=1))
    assert not dialog.again_button.isVisible()
    with demo_database.unit_of_work() as session:
        assert business_date(session) == DEMO_TODAY + timedelta(days=1)
        assert session.scalars(select(NightAudit.reason)).all() == ["Night manager: shifts close at 7:00"]


def test_cancel_stops_after_the_stay_being_charged_and_running_again_finishes(
        qtbot, context_of, demo_database, monkeypatch: pytest.MonkeyPatch):
    charge_night = desk.stays.night_audit.charge_night
    first_charged, go_on = threading.Event(), threading.Event()

    def held_after_the_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        charged = charge_night(*args, **kwargs)
        if not first_charged.is_set():
            first_charged.set()
            go_on.wait(WAIT_MS / 1000)
        return charged

    monkeypatch.setattr(desk.stays.night_audit, "charge_night", held_after_the_first)
    dialog = _open(qtbot, context_of)
    qtbot.keyClicks(dialog.reason_edit, "Audit")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first_charged.is_set, timeout=WAIT_MS)
    assert dialog.pages.currentIndex() == dialog.PROGRESS_PAGE
    with qtbot.waitSignal(dialog.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.progress_label.text() == "Stopping after the stay being charged…"
        go_on.set()
    assert dialog.summary.finished is False
    assert dialog.nights_value.text() == "1" and dialog.new_date_value.text() == "not moved yet"
    assert "was stopped: run it again to finish the day" in dialog.summary_title.text()
    assert dialog.again_button.isVisible()

    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)  # the reason is still there
    with qtbot.waitSignal(dialog.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.finished and dialog.nights_value.text() == str(IN_HOUSE - 1)
    with demo_database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(NightCharge).where(NightCharge.kind == "room")) \
            == IN_HOUSE


def test_the_menu_action_is_a_managers(qtbot, context_of):
    from ui.main_window import MainWindow

    for role, enabled in ((Role.CLERK, False), (Role.MANAGER, True)):
        window = MainWindow(context_of(role))
        qtbot.addWidget(window)
        assert window.night_audit_action.isEnabled() is enabled
        assert window.night_audit_action.text() == "&Night audit…"


def test_a_no_show_reads_as_one_in_the_search(qtbot):
    from desk.stays.models import ReservationStatus
    from ui.search_model import FolioTableModel

    assert FolioTableModel().status_text(ReservationStatus.NO_SHOW) == "No-show"


def test_a_stay_the_ledger_refuses_is_listed_on_the_summary(qtbot, context_of, demo_database):
    from desk.stays.models import Reservation, ReservationStatus

    with demo_database.writing() as session:  # one in-house stay's rate in a currency the hotel does not charge
        wrong = session.scalars(select(Reservation).where(Reservation.status == ReservationStatus.IN_HOUSE)
                                .order_by(Reservation.id)).first()
        wrong.nightly_rate, number = Money.of("90", "USD"), wrong.number
    dialog = _open(qtbot, context_of)
    qtbot.keyClicks(dialog.reason_edit, "Audit")
    with qtbot.waitSignal(dialog.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.finished is False
    assert dialog.nights_value.text() == str(IN_HOUSE - 1)
    assert dialog.refused_label.text() == (
        "Not charged: settle these stays, then run the night audit again.\n"
        f"{number}: Services are charged in EUR, not USD")
    assert dialog.again_button.isVisible() and dialog.new_date_value.text() == "not moved yet"


def test_an_anchor_not_written_shows_the_day_closed_with_a_warning(qtbot, context_of, demo_database, tmp_path,
                                                                   monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the anchor folder should be")
    monkeypatch.setenv("DESK_AUDIT_ANCHOR_DIR", str(blocked))
    dialog = _open(qtbot, context_of)
    qtbot.keyClicks(dialog.reason_edit, "Audit")
    with qtbot.waitSignal(dialog.summary_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_title.text() == f"Business day {format_date(DEMO_TODAY)} is closed."
    assert dialog.new_date_value.text() == format_date(DEMO_TODAY + timedelta(days=1))
    assert dialog.anchor_label.isVisible() and not dialog.again_button.isVisible()
    assert dialog.anchor_label.text().startswith(
        "Warning: The night audit is done, but the audit trail's anchor could not be written to "
        f"{blocked / 'trail.anchors.jsonl'}")
    assert dialog.anchor_label.text().endswith(
        "run “desk audit anchor”. The audit trail itself is intact.")


def test_the_summary_counts_the_saved_cards_deleted_and_lists_those_an_operator_kept(qtbot, context_of):
    from desk.stays.night_audit import AuditSummary, CardNotDeleted

    dialog = _open(qtbot, context_of)
    eur = Money.zero("EUR")
    dialog.show_summary(AuditSummary(DEMO_TODAY, 0, eur, eur, 0, DEMO_TODAY + timedelta(days=1), cards_deleted=2,
                                     cards_not_deleted=(CardNotDeleted("•••• 4242 Anna Gast", ""),
                                                        CardNotDeleted("•••• 1111 Boris Ivanov", "No such customer"))))
    assert (dialog.cards_deleted_value.text(), dialog.cards_kept_value.text()) == ("2", "2")
    assert dialog.cards_label.text() == (
        "These cards stay until the operator deletes them: the next night audit tries again.\n"
        "•••• 4242 Anna Gast: the card operator was not reached; whether it deleted the card is asked first\n"
        "•••• 1111 Boris Ivanov: the card operator refused: No such customer")


def test_a_card_the_desk_itself_refused_to_delete_is_said_in_the_clerks_language(qtbot, context_of, qm_dir):
    from PySide6.QtCore import QCoreApplication

    from desk.core.errors import UnknownCurrency
    from desk.stays.night_audit import AuditSummary, CardNotDeleted
    from ui import i18n

    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    dialog = _open(qtbot, context_of)
    eur = Money.zero("EUR")
    dialog.show_summary(AuditSummary(DEMO_TODAY, 0, eur, eur, 0, DEMO_TODAY + timedelta(days=1), cards_deleted=0,
                                     cards_not_deleted=(CardNotDeleted("•••• 1111 Boris Ivanov",
                                                                       UnknownCurrency("XYZ")),)))
    kept = dialog.cards_label.text().splitlines()[-1]
    assert kept == "•••• 1111 Boris Ivanov: Неизвестная валюта «XYZ»"
