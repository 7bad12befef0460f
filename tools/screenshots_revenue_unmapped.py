"""Render the second page of the daily revenue report's PDF, whose section counts the POS lines each
outlet posted as its default service, after two restaurant checks with lines no mapping names, to
docs/screenshots/revenue_unmapped_pdf_{en,ru}.png.

    python -m tools.screenshots_revenue_unmapped
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from desk.core.document_format import format_of_language
from desk.core.money import Money
from desk.db.runner import Runner
from desk.demo.seed import DEMO_WORKSTATION
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.pos.checks import CheckLine, ClosedCheck, post_check
from desk.pos.item_map import set_item_map
from desk.reports.revenue import revenue_report
from desk.reports.tables import report_pdf
from desk.stays.models import Reservation, ReservationStatus
from tools.screenshots import demo_hotel

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    with demo_hotel() as hotel:
        folder, database = hotel.folder, hotel.database
        runner = Runner(database)
        manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
        pos = trusted_actor("pos", "TILL-1", Role.POS)
        runner.run(set_item_map, manager, "REST", "item", "31", "BREAKFAST")
        runner.run(set_item_map, manager, "REST", "default", "", "BREAKFAST")
        with database.unit_of_work() as session:
            stay = session.scalars(select(Reservation).where(
                Reservation.status == ReservationStatus.IN_HOUSE).order_by(Reservation.id)).first()
            assert stay is not None
            reservation_id, guest_id = stay.id, stay.guests[0].id
        for check_id, lines in (("T-9001", (("Grilled trout with almonds", "31", "18.50"),
                                            ("Chef's seasonal tasting dessert", "712", "9.00"))),
                                ("T-9002", (("Sparkling water 0.75", "880", "4.50"),
                                            ("Espresso doppio", "881", "3.80")))):
            check_lines = tuple(CheckLine(item, Decimal(1), Money.of(price, "EUR"), Decimal(20), code)
                                for item, code, price in lines)
            total = sum((line.amount for line in check_lines), Money.zero("EUR"))
            runner.run(post_check, pos, "restaurant", ClosedCheck(
                check_id, check_id[2:], "REST", "25", reservation_id, guest_id, datetime.now(UTC), check_lines,
                total))
        for language in ("en", "ru"):
            with database.unit_of_work() as session:
                report = revenue_report(session, manager, date.today(), language=language)
            pdf = Path(folder) / f"revenue_{language}.pdf"
            pdf.write_bytes(report_pdf(report, format_of_language(language)))
            target = OUT / f"revenue_unmapped_pdf_{language}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", str(pdf),
                            str(target)], check=True)
            print(f"{target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
