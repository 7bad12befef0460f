"""Memory of reservation cards held open: 50 cards on the big hotel, offscreen.

    python bench/bench_cards_memory.py [--cards 50] [--reservations N] [--postgres]

On a copy of the big hotel (bench/big_hotel.py, SQLite; PostgreSQL with ``--postgres``), a cashier
signed in opens ``--cards`` reservation cards one after the other (new stays and the long stay of
5,000 postings), each loaded and shown (a tab of the cards window; beyond the most recent ones a
card rests, keeping its data and place but not its widgets), then closes them all. Prints the
process's resident memory (RSS, from /proc) after start-up, with the cards open, and after closing
them, and the memory one card adds. Issue 23's target: 50 cards open under 200 MiB. Memory is not
disturbed by a busy machine as times are. Asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import shiboken6
from PySide6.QtWidgets import QApplication

from bench.big_hotel import Samples, on_big_hotels
from desk.db.engine import Database
from desk.people.models import Role
from tests.actors import signed_in
from ui.context import DeskContext
from ui.ops import delivery
from ui.reservation_card.cards_window import cards_window_for
from ui.reservation_card.window import ReservationCard, open_reservation_card


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_given_back_mib() -> float:
    """RSS once the C allocator has handed its free pages back: what closed cards really left behind
    (glibc keeps freed memory for reuse, so plain RSS does not fall when a card is freed)."""
    libc = ctypes.util.find_library("c")
    if libc is not None and hasattr(ctypes.CDLL(libc), "malloc_trim"):
        ctypes.CDLL(libc).malloc_trim(0)
    return rss_mib()


def settle(app: QApplication) -> None:
    if not delivery.wait_all(120_000):
        raise RuntimeError("an op did not finish")
    for _ in range(3):
        app.processEvents()
    gc.collect()


def what_cards_hold(cards: list[ReservationCard]) -> None:
    """Where a card's memory goes: its window's backing store (4 bytes a pixel, drawn into by Qt for
    every shown top-level window) and the rows its data holds, catalogues included."""
    cards = [card for card in cards if shiboken6.isValid(card)]
    print(f"  {len(cards)} cards still open", flush=True)
    windows = {id(card.window()): card.window() for card in cards if card.window().isVisible()}
    pixels = sum(window.width() * window.height() for window in windows.values())  # at a device pixel ratio of 1
    copies = {id(card.card.catalogues): card.card.catalogues for card in cards if card.card is not None}
    catalogue = sum(len(c.companies) + len(c.services) + len(c.methods) for c in copies.values())
    postings = sum(len(card.card.folio.postings) for card in cards if card.card is not None)
    print(f"  the cards hold: windows' backing stores about {pixels * 4 / 2**20:.0f} MiB "
          f"({len(windows)} shown window{'' if len(windows) == 1 else 's'}, "
          f"{cards[0].window().width()}x{cards[0].window().height()}), {catalogue} catalogue rows "
          f"(companies, services, methods: {len(copies)} cop{'y' if len(copies) == 1 else 'ies'} for all the cards), "
          f"{postings} postings", flush=True)


def bench(database: Database, samples: Samples, count: int) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    ctx = DeskContext(database, signed_in(database, Role.CASHIER, "BENCH-1"))
    folios = [*samples.new_bills[:count - 1], samples.long_bill]  # bill n is folio n's
    first = open_reservation_card(ctx, folios[0])  # statements compiled, Qt's styles loaded: as a running desk
    settle(app)
    first.close()
    settle(app)
    before = rss_mib()
    start = time.perf_counter()
    for folio_id in folios:
        # Not kept here: as in the desk, the cards window holds them (a card that rests is deleted,
        # and a list of them would keep their dead wrappers and everything those refer to).
        open_reservation_card(ctx, folio_id)
        settle(app)
    opened = rss_mib()
    window = cards_window_for(ctx)
    print(f"  {len(window.pages())} cards opened in {time.perf_counter() - start:.1f} s, "
          f"{len(window.pages()) - len(window.cards())} of them resting (only their data and place kept)", flush=True)
    what_cards_hold(window.cards())
    window.close()
    settle(app)
    closed, given_back = rss_mib(), rss_given_back_mib()
    print(f"  RSS: {before:6.1f} MiB before, {opened:6.1f} MiB with {count} cards open (target 200), "
          f"{closed:6.1f} MiB after closing them ({given_back:6.1f} MiB once the allocator gave its free pages "
          f"back); {(opened - before) / count:.2f} MiB a card", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=50)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    print("command: python bench/bench_cards_memory.py " + " ".join(sys.argv[1:]))
    on_big_hotels(lambda database, samples: bench(database, samples, args.cards), args.reservations,
                  postgres=args.postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
