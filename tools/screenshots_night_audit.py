"""Render the night audit window of the demo hotel to PNG (en, ru): its open items, its progress,
its summary, the refusal of a next day that has not begun, and a summary listing the saved cards the card
operator kept (it was down).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_night_audit

Each language closes the day of a demo hotel of its own (the audit moves the business date), as its
manager Maria, over the demo's open shift and today's arrivals (one of them a party with long
names), with a reason.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from desk.audit.anchors import TrailAnchorNotWritten
from desk.core.errors import InvalidInput, UnknownCurrency
from desk.db.engine import Database
from desk.stays.models import Guest, Reservation, ReservationStatus
from desk.stays.night_audit import CardNotDeleted, RefusedNight
from tools.screenshots import application, demo_hotel, save, settle, translated, wait_until
from ui.night_audit import NightAuditDialog

REASONS = {"en": "Ivan closes his shift at 07:00; the four late arrivals called to cancel",
           "ru": "Иван закроет смену в 07:00; четверо опоздавших гостей позвонили и отменили"}


# As the audit lists them: the operator not reached (outcome unknown, asked first next night), its own refusal, and
# the desk's own (said in the clerk's language).
CARDS_KEPT = (
    CardNotDeleted("•••• 4242 Александра-Виктория Константинопольская-Воскресенская", ""),
    CardNotDeleted("•••• 0005 Maximilian-Alexander von Hohenzollern-Sigmaringen", ""),
    CardNotDeleted("•••• 1111 Boris Ivanov", "No such customer: cus_Q8v2LmT0aZx"),
    CardNotDeleted("•••• 0016 Екатерина Смирнова-Оболенская", UnknownCurrency("XYZ")),
)

LONG_NAMES = (("Александра-Виктория", "Константинопольская-Воскресенская"),
              ("Maximilian-Alexander", "von Hohenzollern-Sigmaringen"))


def _long_names(database: Database) -> None:
    """The first arrival's guests given long names, to see the details column hold them."""
    with database.unit_of_work() as session:
        arrival = session.scalars(select(Reservation).where(Reservation.status == ReservationStatus.CONFIRMED)
                                  .order_by(Reservation.arrival, Reservation.number)).first()
        assert arrival is not None
        guests: list[Guest] = [stay_guest.guest for stay_guest in arrival.stay_guests]
        for guest, (first, last) in zip(guests, LONG_NAMES, strict=False):
            guest.first_name, guest.last_name = first, last


def main() -> int:
    app = application()
    for language in ("en", "ru"):
        with demo_hotel() as hotel, translated(app, language):
            _long_names(hotel.database)
            ctx = hotel.desk("maria", "manager")
            dialog = NightAuditDialog(ctx)
            dialog.show()
            wait_until(lambda shown=dialog: shown.plan is not None)
            dialog.reason_edit.setText(REASONS[language])
            settle(300)
            save(dialog, "night_audit_open_items", language)
            dialog.start()
            dialog._progress(0.42, "")  # the page as it stands part way, whatever the run reached already
            save(dialog, "night_audit_progress", language)
            wait_until(lambda shown=dialog: shown.summary is not None, 120_000)
            settle(300)
            save(dialog, "night_audit_summary", language)
            first = dialog.summary
            assert first is not None
            dialog.close()
            # Run again the same night: the new business day has not begun, and the desk says so.
            again = NightAuditDialog(ctx)
            again.show()
            wait_until(lambda shown=again: shown.plan is not None)
            again.reason_edit.setText(REASONS[language])
            again.start()
            wait_until(lambda shown=again: bool(shown.error_label.text()) and shown.start_button.isEnabled(), 60_000)
            settle(300)
            save(again, "night_audit_not_begun", language)
            # A summary with a stay the ledger refused (as the audit returns it), to see it listed.
            summary = first
            again.show_summary(replace(summary, nights=summary.nights - 1, new_business_date=None, refused=(
                RefusedNight("R10007", InvalidInput("Services are charged in {base}, not {currency}",
                                                    field="currency", base="EUR", currency="USD")),)))
            settle(300)
            save(again, "night_audit_refused", language)
            # The day closed, its trail's anchor not written (the anchor folder unwritable): the warning.
            again.show_summary(replace(summary, anchor_warning=TrailAnchorNotWritten(
                "The night audit is done, but the audit trail's anchor could not be written to {path} ({reason}): "
                "fix the anchor folder and run “desk audit anchor”",
                path="/srv/desk-share/audit-anchors/trail.anchors.jsonl", reason="Permission denied")))
            settle(300)
            save(again, "night_audit_anchor_warning", language)
            # The card operator down during the audit: two saved cards deleted, four kept for the next night.
            again.show_summary(replace(summary, cards_deleted=2, cards_not_deleted=CARDS_KEPT))
            settle(300)
            save(again, "night_audit_cards_kept", language)
            again.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
