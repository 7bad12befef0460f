"""A 3-line sale as the GUI runs it, with cards open: how long until every window is up to date.

    python bench/bench_sale.py [--sales N] [--cards N]

On a copy of the demo hotel (SQLite in a temporary folder), opens N reservation cards, then runs
sales of three services on the first card's bill through ``ctx.change`` (three use cases on the
database thread, as the services dialog does) and waits until every op, including the card
reloads the change notices set off, has finished. Timed as medians:

  the sale alone      no card open: the three use cases and nothing else
  reload every card   the wiring before: every open card reloads after any change anywhere
  changed folio only  now: only the card whose folio the change touched reloads

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.ledger.folios import load_folio
from desk.ledger.models import Folio
from desk.ledger.postings import post_service
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.models import Reservation, ReservationStatus
from ui.context import DeskContext
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

SERVICES = ("MB-BEER", "MB-WATER", "PARKING")


def wait_idle() -> None:
    if not delivery.wait_all(30_000):
        raise RuntimeError("an op did not finish")


def sale(ctx: DeskContext, bill_id: int) -> float:
    start = time.perf_counter()
    for code in SERVICES:
        ctx.change(None, post_service, bill_id=bill_id, service_code=code).run()
    wait_idle()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=20)
    parser.add_argument("--cards", type=int, default=6)
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as directory:
        database = Database(f"sqlite:///{directory}/sale.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
            folio_ids = list(session.scalars(
                select(Folio.id).join(Reservation).where(Reservation.status == ReservationStatus.IN_HOUSE)
                .order_by(Folio.id).limit(args.cards)
            ))
            bill_id = load_folio(session, folio_ids[0]).bills[0].bill.id
        ctx = DeskContext(database, trusted_actor("anna", "BENCH", Role.CLERK))
        sale(ctx, bill_id)  # warm up
        no_card = [sale(ctx, bill_id) for _ in range(args.sales)]
        cards: list[ReservationCard] = []
        for folio_id in folio_ids:
            cards.append(open_reservation_card(ctx, folio_id))
            wait_idle()
        print(f"sqlite, demo hotel, {len(cards)} cards open, {args.sales} sales of {len(SERVICES)} lines each")
        sale(ctx, bill_id)  # warm up

        only_changed = [sale(ctx, bill_id) for _ in range(args.sales)]
        for card in cards:  # the old wiring, added on top: every card follows every change
            ctx.ledger_changed.connect(card.reload)
        every_card = [sale(ctx, bill_id) for _ in range(args.sales)]
        print(f"  the sale alone      median {statistics.median(no_card):7.1f} ms (no card open)")
        print(f"  reload every card   median {statistics.median(every_card):7.1f} ms")
        print(f"  changed folio only  median {statistics.median(only_changed):7.1f} ms")
        for card in cards:
            ctx.ledger_changed.disconnect(card.reload)
            card.close()
        wait_idle()
        database.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
