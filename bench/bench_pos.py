#!/usr/bin/env python3
"""Postings per second and latency of the POS service, with 1, 4 and 16 tills at once.

    .venv/bin/python bench/bench_pos.py                      # SQLite file and a throwaway PostgreSQL
    .venv/bin/python bench/bench_pos.py --backend sqlite --checks 1600
    .venv/bin/python bench/bench_pos.py --backend sqlite --protocol farcards   # r_keeper's XML
    .venv/bin/python bench/bench_pos.py --postgres postgresql+psycopg://...   # an EMPTY database
    .venv/bin/python bench/bench_pos.py --in-process --checks 400   # CPU and statements a check, SQLite
    .venv/bin/python bench/bench_pos.py --big --backend sqlite     # 16 in-house stays of the big hotel

Runs ``desk serve`` as its own process on a fresh hotel with one in-house stay per till; each
till is a thread with its own keep-alive HTTP connection (the standard library's client, so that
the bench's own cost stays small beside the server's) posting closed checks over the REST API,
each with an Idempotency-Key, or over r_keeper's FarCards to its room. Two loads per number of tills:

- **as fast as it answers**: each till sends its next check as soon as the last is answered, which
  gives the service's capacity (postings/s). Latency there is queueing: 16 tills waiting on a
  service that answers 500 a second wait 32 ms each whatever the service does.
- **at a fixed rate** (``--rate``, default 500 postings/s spread over 4 or 16 tills): each check is due
  at its own time, and its latency counts from when it was due, not from when the till got round
  to sending it, so a stall shows in every check it delays. This is the target: 500 postings/s
  with p99 under 20 ms on SQLite.

Prints postings/s, p50/p99 latency, checks refused, and the server's CPU time per
posting (a figure a busy shared machine disturbs less than the others). Asserts nothing about
time: a shared machine's timings are for comparison only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.models import Room
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.pos.keys import create_key
from desk.pos.simulate import transactions_body
from desk.stays.models import Reservation, ReservationGuest, ReservationStatus
from tests.desk.conftest import make_hotel
from tests.pos.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
ROOMS = [str(201 + n) for n in range(16)]


def body(stay: str, guest: int, check_id: str) -> dict[str, object]:
    return {"check_id": check_id, "check_number": check_id[-8:], "outlet": "REST", "payment_code": "25",
            "stay": stay, "guest_id": guest, "closed_at": datetime.now(UTC).isoformat(), "currency": "EUR",
            "lines": [{"item": "Grilled trout", "quantity": "2", "price": "18.50", "tax": "20"},
                      {"item": "Espresso", "quantity": "1", "price": "2.80", "tax": "20"}],
            "tip": "0", "total": "39.80"}


def cpu_seconds(pid: int) -> float:
    """CPU time the server process used so far (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Till:
    """One POS till: a keep-alive connection posting checks to one stay, over REST or FarCards."""

    def __init__(self, port: int, key: str, stay: tuple[str, int], room: str, protocol: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.key = key
        self.stay = stay
        self.room = room
        self.protocol = protocol

    def post(self, check_id: str) -> bool:
        """Whether the check was charged."""
        if self.protocol == "farcards":
            # r_keeper numbers its checks; the room's one guest is charged (its room number is the card).
            number = abs(hash(check_id)) % 10**9
            payload = transactions_body(self.room, number, [("Grilled trout", "18.50", 2), ("Espresso", "2.80", 1)],
                                        guid=check_id)
            self.connection.request("POST", f"/farcards/{self.key}/transactionsex", payload,
                                    {"Content-Type": "text/xml"})
            answer = self.connection.getresponse()
            # Read whatever the status: an answer left unread makes the connection refuse the next request.
            text = answer.read()
            return answer.status == 200 and b'Result="0"' in text
        payload = json.dumps(body(*self.stay, check_id)).encode()
        self.connection.request("POST", "/api/v1/checks", payload,
                                {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json",
                                 "Idempotency-Key": check_id})
        answer = self.connection.getresponse()
        answer.read()
        return answer.status == 201

    def close(self) -> None:
        self.connection.close()


def run_level(port: int, key: str, stays: list[tuple[str, int]], rooms: list[str], tills: int, checks: int,
              tag: str, server_pid: int, rate: float | None, protocol: str) -> None:
    latencies: list[float] = []
    failures = unsent = 0
    lock = threading.Lock()
    each = checks // tills
    start = time.perf_counter() + 0.2  # every till connected before the first check is due

    def till(n: int) -> None:
        nonlocal failures, unsent
        pos = Till(port, key, stays[n % len(stays)], rooms[n % len(rooms)], protocol)
        mine, bad, greeted = [], 0, False
        try:
            # The connection is open before the clock runs; a refusal there is a refusal of every check.
            bad += not pos.post(f"{tag}-{tills}-{rate}-{n}-hello")
            greeted = True
            time.sleep(max(0.0, start - time.perf_counter()))
            for k in range(each):
                if rate is None:
                    due = time.perf_counter()
                else:
                    # Tills take turns: check k of till n is due at (k * tills + n) / rate.
                    due = start + (k * tills + n) / rate
                    pause = due - time.perf_counter()
                    if pause > 0:
                        time.sleep(pause)
                charged = pos.post(f"{tag}-{tills}-{rate}-{n}-{k}")
                mine.append(time.perf_counter() - due)
                bad += not charged
        except (OSError, http.client.HTTPException):
            # A connection lost (reset, timeout, a request it would not send): what the till did not get
            # an answer to is refused, not left out of the level's figures.
            lost = each - len(mine)
            bad += lost + (not greeted)
            with lock:
                unsent += lost
        finally:
            pos.close()
        with lock:
            latencies.extend(mine)
            failures += bad

    threads = [threading.Thread(target=till, args=(n,)) for n in range(tills)]
    for t in threads:
        t.start()
    time.sleep(max(0.0, start - time.perf_counter()))
    cpu = cpu_seconds(server_pid)
    started = start
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(server_pid) - cpu
    if len(latencies) + unsent != tills * each:
        raise SystemExit(f"{tills * each - len(latencies)} checks neither answered nor counted refused: a till died")
    if not latencies:
        raise SystemExit(f"the service refused {failures} checks at this level: no figure of it counts")
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    p50 = statistics.median(latencies)
    load = "as fast as answered" if rate is None else f"offered {rate:.0f}/s"
    level = "warm-up" if tag == "warm" else f"{tills:2d} tills"
    print(f"  {level}, {load:>19}: {len(latencies) / elapsed:6.0f} postings/s   p50 {p50 * 1000:6.1f} ms"
          f"   p99 {p99 * 1000:6.1f} ms   refused: {failures}"
          f"   server CPU {cpu / len(latencies) * 1000:.2f} ms/posting", flush=True)
    if failures:
        # A refused check costs the service a fraction of a posting: the figures above are not of postings.
        raise SystemExit(f"the service refused {failures} checks at this level: no figure of it counts")


def bench(url: str, label: str, checks: int, rate: float, protocol: str) -> None:
    hotel = make_hotel(url)
    with hotel.database.unit_of_work() as session:
        session.add_all(Room(number=room, floor=2, room_type="Double") for room in ROOMS)
    # A stay per till, each in a room of its own: REST tills name the stay, FarCards tills the room.
    stays = [hotel.stay(room=room) for room in ROOMS]
    numbered = hotel.query(lambda s: [(s.get_one(Reservation, st.reservation_id).number,
                                       s.get_one(Reservation, st.reservation_id).guests[0].id) for st in stays])
    key = Runner(hotel.database).run(create_key, trusted_actor("bench", "BENCH", Role.MANAGER), "bench", "REST").value
    hotel.database.dispose()
    serve_and_measure(url, label, checks, rate, protocol, key, numbered, ROOMS)


def big_hotel_tills(database: Database) -> tuple[str, list[tuple[str, int]], list[str]]:
    """A key and 16 of the big hotel's in-house stays (their number, first guest, room), one a till."""
    with database.unit_of_work() as session:
        stays = session.execute(
            select(Reservation.number, ReservationGuest.guest_id, Room.number)
            .join(ReservationGuest, ReservationGuest.reservation_id == Reservation.id)
            .join(Room, Room.id == Reservation.room_id)
            .where(Reservation.status == ReservationStatus.IN_HOUSE)
            .order_by(Reservation.id, ReservationGuest.guest_id)
        ).all()
    firsts: dict[str, tuple[int, str]] = {}
    for number, guest, room in stays:
        firsts.setdefault(number, (guest, room))
    chosen = list(firsts.items())[:16]
    key = Runner(database).run(create_key, trusted_actor("bench", "BENCH", Role.MANAGER), "bench", "REST").value
    return key, [(number, guest) for number, (guest, _room) in chosen], [room for _n, (_g, room) in chosen]


def on_the_big_hotel(checks: int, rate: float, protocol: str, reservations: int, backend: str,
                     postgres_url: str | None) -> None:
    """The same levels on the big hotel (bench/big_hotel.py, its statistics gathered): the service
    charges stays among 200,000 reservations and two million postings, as a hotel's file is."""
    from bench.big_hotel import Samples, on_big_hotels

    def measure(database: Database, _samples: Samples) -> None:
        key, numbered, rooms = big_hotel_tills(database)
        url = database.url
        database.dispose()
        # The label names the checks too (their ids and Idempotency-Keys): no spaces, no commas.
        label = "sqlite" if url.startswith("sqlite") else "postgresql"
        serve_and_measure(url, f"{label}-big-hotel", checks, rate, protocol, key, numbered, rooms)

    on_big_hotels(measure, reservations, sqlite=backend in ("sqlite", "both"),
                  postgres=backend in ("postgresql", "both"), postgres_url=postgres_url)


def serve_and_measure(url: str, label: str, checks: int, rate: float, protocol: str, key: str,
                      numbered: list[tuple[str, int]], rooms: list[str]) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "desk", "--database", url, "serve", "--port", str(port)],
                              cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                probe.request("GET", "/healthz")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        print(f"{label}: {checks} checks per level over {protocol}", flush=True)
        run_level(port, key, numbered, rooms, 1, 100, "warm", server.pid, None, protocol)
        for tills in (1, 4, 16):
            run_level(port, key, numbered, rooms, tills, checks, label, server.pid, None, protocol)
        # One till cannot offer 500 checks a second unless each answer takes under 2 ms: its
        # capacity is the first level above.
        for tills in (4, 16):
            run_level(port, key, numbered, rooms, tills, checks, label, server.pid, rate, protocol)
    finally:
        server.terminate()
        server.wait(30)


def in_process(url: str, checks: int) -> None:
    """One till's checks through the service's application called directly (no socket, no uvicorn):
    the CPU and the statements a check costs, figures a busy machine disturbs far less than rates."""
    import asyncio

    from sqlalchemy import event

    from desk.pos.api import Guard, create_app

    hotel = make_hotel(url)
    with hotel.database.unit_of_work() as session:
        session.add(Room(number=ROOMS[0], floor=2, room_type="Double"))
    stay = hotel.stay(room=ROOMS[0])
    number, guest = hotel.query(lambda s: (s.get_one(Reservation, stay.reservation_id).number,
                                           s.get_one(Reservation, stay.reservation_id).guests[0].id))
    key = Runner(hotel.database).run(create_key, trusted_actor("bench", "BENCH", Role.MANAGER), "bench", "REST").value
    hotel.database.dispose()
    database = Database(url, background_checkpoints=True)
    statements = 0

    def seen(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(database.engine, "before_cursor_execute", seen)
    app = Guard(create_app(database, workstation="pos:bench"))

    async def post(check_id: str) -> None:
        payload = json.dumps(body(number, guest, check_id)).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                   (b"authorization", f"Bearer {key}".encode()), (b"idempotency-key", check_id.encode())]
        scope = {"type": "http", "method": "POST", "path": "/api/v1/checks", "raw_path": b"/api/v1/checks",
                 "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
                 "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "headers": headers}
        sent: list[dict[str, object]] = []

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": payload, "more_body": False}

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        await app(scope, receive, send)
        assert sent[0]["status"] == 201, sent

    async def run() -> tuple[float, float, int]:
        for n in range(50):  # the settings remembered, the statements compiled
            await post(f"warm-{n}")
        before, cpu, wall = statements, time.process_time(), time.perf_counter()
        for n in range(checks):
            await post(f"check-{n}")
        return time.process_time() - cpu, time.perf_counter() - wall, statements - before

    try:
        cpu, wall, executed = asyncio.run(run())
    finally:
        app.app.state.service.close()
        database.dispose()
    print(f"in process, 1 till: {checks} checks, CPU {cpu / checks * 1000:.2f} ms a check (wall "
          f"{wall / checks * 1000:.2f} ms), {executed / checks:.1f} statements a check", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database (default: a throwaway server); "
                                           "with --big the big hotel is loaded into it")
    parser.add_argument("--checks", type=int, default=1600, help="checks per level")
    parser.add_argument("--rate", type=float, default=500, help="postings/s offered in the fixed-rate levels")
    parser.add_argument("--protocol", choices=["rest", "farcards"], default="rest",
                        help="REST (JSON) or r_keeper's FarCards (XML)")
    parser.add_argument("--in-process", action="store_true",
                        help="only the CPU and statements a check costs, the application called without sockets")
    parser.add_argument("--big", action="store_true",
                        help="on the big hotel (bench/big_hotel.py), on the databases --backend names")
    parser.add_argument("--reservations", type=int, default=200_000, help="the big hotel's size (with --big)")
    args = parser.parse_args()
    if args.big:
        on_the_big_hotel(args.checks, args.rate, args.protocol, args.reservations, args.backend, args.postgres)
        return 0
    if args.in_process:
        with tempfile.TemporaryDirectory() as folder:
            in_process(f"sqlite:///{folder}/bench.sqlite3", args.checks)
        return 0
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            bench(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args.checks, args.rate, args.protocol)
    if args.backend in ("postgresql", "both"):
        if args.postgres:
            bench(args.postgres, "PostgreSQL", args.checks, args.rate, args.protocol)
        else:
            from tests.pg_server import PgServer

            server = PgServer.start(durable=True)
            try:
                bench(server.create_database("bench_pos"), "PostgreSQL", args.checks, args.rate, args.protocol)
            finally:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
