#!/usr/bin/env python3
"""Postings per second and latency of the POS service, with 1, 4 and 16 tills at once.

    .venv/bin/python bench/bench_pos.py                      # SQLite file and a throwaway PostgreSQL
    .venv/bin/python bench/bench_pos.py --backend sqlite --checks 400
    .venv/bin/python bench/bench_pos.py --postgres postgresql+psycopg://...   # an EMPTY database

Runs ``desk serve`` as its own process on a fresh hotel with one in-house stay per till, then
each till (a thread with its own HTTP connection) posts closed checks over the REST API, one
after another, each with an Idempotency-Key. Prints postings/s and p50/p99 latency per level of
concurrency, and how many answers were not 201. Target on SQLite: 500 postings/s, p99 < 20 ms.
Asserts nothing about time: a shared machine's timings are for comparison only.
"""

from __future__ import annotations

import argparse
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

import httpx

from desk.auth import trusted_actor
from desk.models import Role
from desk.pos.keys import create_key
from desk.runner import Runner
from tests.desk.conftest import make_hotel
from tests.pos.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent


def body(stay: str, guest: int, check_id: str) -> dict[str, object]:
    return {"check_id": check_id, "check_number": check_id[-8:], "outlet": "REST", "payment_code": "25",
            "stay": stay, "guest_id": guest, "closed_at": datetime.now(UTC).isoformat(), "currency": "EUR",
            "lines": [{"item": "Grilled trout", "quantity": "2", "price": "18.50", "tax": "20"},
                      {"item": "Espresso", "quantity": "1", "price": "2.80", "tax": "20"}],
            "tip": "0", "total": "39.80"}


def cpu_seconds(pid: int) -> float:
    """CPU time the server process used so far (Linux): a figure a busy shared machine disturbs less."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_level(base: str, key: str, stays: list[tuple[str, int]], tills: int, checks: int, tag: str,
              server_pid: int) -> None:
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()

    def till(n: int) -> None:
        nonlocal failures
        stay, guest = stays[n % len(stays)]
        mine, bad = [], 0
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
            for k in range(checks // tills):
                check_id = f"{tag}-{tills}-{n}-{k}"
                started = time.perf_counter()
                answer = client.post("/api/v1/checks", json=body(stay, guest, check_id),
                                     headers={"Idempotency-Key": check_id})
                mine.append(time.perf_counter() - started)
                bad += answer.status_code != 201
        with lock:
            latencies.extend(mine)
            failures += bad

    threads = [threading.Thread(target=till, args=(n,)) for n in range(tills)]
    cpu = cpu_seconds(server_pid)
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(server_pid) - cpu
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    p50 = statistics.median(latencies)
    level = "warm-up" if tag == "warm" else f"{tills:2d} tills"
    print(f"  {level}: {len(latencies) / elapsed:7.1f} postings/s   p50 {p50 * 1000:6.1f} ms"
          f"   p99 {p99 * 1000:6.1f} ms   not 201: {failures}"
          f"   server CPU {cpu / len(latencies) * 1000:.2f} ms/posting",
          flush=True)


def bench(url: str, label: str, checks: int) -> None:
    hotel = make_hotel(url)
    stays = []
    for _ in range(16):
        stay = hotel.stay()
        stays.append(stay)
    from desk.models import Reservation

    numbered = hotel.query(lambda s: [(s.get_one(Reservation, st.reservation_id).number,
                                       s.get_one(Reservation, st.reservation_id).guests[0].id) for st in stays])
    key = Runner(hotel.database).run(create_key, trusted_actor("bench", "BENCH", Role.MANAGER), "bench", "REST").value
    hotel.database.dispose()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "desk", "--database", url, "serve", "--port", str(port)],
                              cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        print(f"{label}: {checks} checks per level over REST", flush=True)
        run_level(base, key, numbered, 1, 50, "warm", server.pid)
        for tills in (1, 4, 16):
            run_level(base, key, numbered, tills, checks, label, server.pid)
    finally:
        server.terminate()
        server.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database (default: a throwaway server)")
    parser.add_argument("--checks", type=int, default=320)
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            bench(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args.checks)
    if args.backend in ("postgresql", "both"):
        if args.postgres:
            bench(args.postgres, "PostgreSQL", args.checks)
        else:
            from tests.pg_server import PgServer

            server = PgServer.start()
            try:
                bench(server.create_database("bench_pos"), "PostgreSQL", args.checks)
            finally:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
