"""`desk serve` as its own process, and a desk writing to the same SQLite file at the same time."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx

from desk.db.runner import Runner
from desk.ledger.models import Posting
from desk.pos.keys import create_key
from tests.desk.conftest import make_hotel
from tests.helpers import free_port

from .conftest import ADMIN
from .helpers import check_body

ROOT = Path(__file__).resolve().parents[2]

DESK_WRITER = textwrap.dedent("""
    import sys
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.ledger.postings import post_service
    from desk.people.auth import trusted_actor
    from desk.people.models import Role
    database = Database(sys.argv[1])
    runner = Runner(database)
    actor = trusted_actor("anna", "DESK-2", Role.CLERK)
    for _ in range(int(sys.argv[3])):
        runner.run(post_service, actor, bill_id=int(sys.argv[2]), service_code="MB-WATER")
    print("desk done", flush=True)
""")


def _wait_up(url: str, process: subprocess.Popen[str], verify: ssl.SSLContext | bool = True) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stdout.read() if process.stdout else "desk serve exited")
        try:
            if httpx.get(f"{url}/healthz", timeout=1, verify=verify).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("desk serve did not come up")


def test_service_and_a_desk_write_one_sqlite_file_at_once(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/hotel.sqlite3"
    hotel = make_hotel(url)
    stay = hotel.stay()
    key = Runner(hotel.database).run(create_key, ADMIN, "till-1", "REST").value
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    server = subprocess.Popen([sys.executable, "-m", "desk", "--database", url, "serve", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, server)
        desk = subprocess.Popen([sys.executable, "-c", DESK_WRITER, url, str(stay.bill_id), "40"], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        statuses = []
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
            for n in range(40):
                answer = client.post("/api/v1/checks", json=check_body(hotel, stay, f"p-{n}"))
                statuses.append(answer.status_code)
        out, err = desk.communicate(timeout=120)
        assert desk.returncode == 0, err
        assert "locked" not in err and "desk done" in out
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert statuses == [201] * 40
    assert "database is locked" not in log and "Traceback" not in log
    assert "POST /api/v1/checks 201" in log and key not in log
    postings = hotel.query(lambda s: s.query(Posting).count())
    assert postings == 80
    hotel.database.dispose()
