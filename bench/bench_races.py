"""Desks in real processes racing on one database, heavier than the tests; prints figures.

    python bench/bench_races.py [--desks 16] [--rounds 25] [--kills 20] [--no-postgres]

On a SQLite file in a temporary folder, then on a PostgreSQL server started for the run
(tests/pg_server.py), it runs:

  post     DESKS processes posting ROUNDS services each: 3/4 of them on one shared bill, the
           rest on a stay each; postings/s over the whole race
  money    pairs of desks refunding the same payment in full, applying the same deposit whole,
           refunding parts of one payment while the deposit pays the same bill, paying one bill
  kill     a writer lingering inside its transactions, SIGKILLed KILLS times

and after each, every invariant of the ledger (tests/desk/races.py: balances equal the sums of
the raw rows, no half-written transfer pair, no refund above its payment, no negative deposit,
moves chained). Failures are anything but a domain refusal reaching a desk (a raw database error,
or ConcurrentChange after the runner's retries); "retried" counts the deadlocks, serialisation
failures and busy files the runner absorbed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk.ledger.payments import Tender, take_deposit, take_payment
from desk.ledger.postings import post_charge
from tests.desk.conftest import Hotel, make_hotel
from tests.desk.races import Tally, kill_repeatedly, ledger_faults, race


def owing(hotel: Hotel, number: str, charges: str):  # type: ignore[no-untyped-def]
    stay = hotel.stay(number=number)
    hotel.run(post_charge, bill_id=stay.bill_id, description="Room", quantity=1, unit_price=hotel.money(charges))
    return stay


def show(label: str, tally: Tally, faults: list[str], per_second: str = "") -> None:
    refused = ", ".join(f"{name} {count}" for name, count in sorted(tally.refused.items())) or "none"
    print(f"  {label:<6} done {tally.done:5d}  refused: {refused}  failed {len(tally.failed)}  "
          f"retried {tally.retried}  {tally.seconds:6.1f} s {per_second}  invariants: "
          f"{'held' if not faults else f'{len(faults)} BROKEN'}")
    for line in (tally.failed[:3] + faults[:5]):
        print(f"         {line.strip().splitlines()[-1]}")


def bench(url: str, desks: int, rounds: int, kills: int) -> None:
    hotel = make_hotel(url)
    name = hotel.database.engine.dialect.name
    print(f"{name}: {desks} desks x {rounds} rounds; {kills} kills")
    shared = hotel.stay(number="SHARED")
    own = [hotel.stay(number=f"OWN{n}") for n in range(desks // 4)]
    plan = [("post", shared.bill_id)] * (desks - len(own)) + [("post", s.bill_id) for s in own]
    tally = race(url, plan, rounds)
    show("post", tally, ledger_faults(hotel.database), f"{tally.done / tally.seconds:7.1f} postings/s")

    refunded = owing(hotel, "REFUND", "300")
    payment = hotel.run(take_payment, refunded.bill_id, Tender("cash", hotel.money("100")))
    applied = owing(hotel, "DEPOSIT", "300")
    hotel.run(take_deposit, applied.folio_id, Tender("cash", hotel.money("100")))
    mixed = owing(hotel, "MIXED", "100000")
    mixed_payment = hotel.run(take_payment, mixed.bill_id, Tender("cash", hotel.money("10000")))
    hotel.run(take_deposit, mixed.folio_id, Tender("cash", hotel.money("10000")))
    paid = owing(hotel, "PAID", "100000")
    plan = [("refund_all", payment.id), ("apply_whole_deposit", applied.bill_id),
            ("refund_part", mixed_payment.id), ("apply_deposit", mixed.bill_id), ("pay", paid.bill_id)] * 2
    tally = race(url, plan, rounds)
    show("money", tally, ledger_faults(hotel.database))

    killed = owing(hotel, "KILLED", "100000")
    hotel.run(take_deposit, killed.folio_id, Tender("cash", hotel.money("500")))
    done = kill_repeatedly(url, killed.bill_id, killed.folio_id, kills)
    faults = ledger_faults(hotel.database)
    print(f"  kill   {done.kills} SIGKILLs, {done.alive} into a running writer, {done.mid_transaction} of them "
          f"inside an uncommitted transaction; invariants: "
          f"{'held' if not faults else f'{len(faults)} BROKEN'}")
    for line in faults[:5]:
        print(f"         {line}")
    hotel.database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desks", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    print("command: python bench/bench_races.py " + " ".join(sys.argv[1:]))
    with tempfile.TemporaryDirectory() as directory:
        bench(f"sqlite:///{directory}/races.sqlite3", args.desks, args.rounds, args.kills)
    if not args.no_postgres:
        from tests.pg_server import PgServer

        server = PgServer.start(durable=True)
        try:
            bench(server.create_database("bench_races"), args.desks, args.rounds, args.kills)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
