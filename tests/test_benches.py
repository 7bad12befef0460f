"""The benches' own parts: bench/big_hotel.py's loader writes the rows it was given, bench/bench_pos.py's
tills count every check they did not get charged, the big hotel's benches run on the databases
their options name."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import Session

import bench.bench_pos
import bench.bench_writers
import bench.big_hotel
from bench.bench_pos import run_level
from bench.big_hotel import Samples, _bulk
from desk.db.engine import Database


def test_a_column_a_row_leaves_out_gets_its_default_and_ids_follow_the_load_order() -> None:
    table = Table("line", MetaData(), Column("id", Integer, primary_key=True), Column("kind", String),
                  Column("source", String, nullable=False, server_default="desk"), Column("outlet", String))
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    rows: list[dict[str, object]] = [{"kind": "room"}, {"kind": "till", "outlet": "REST", "source": "pos"},
                                     {"kind": "room"}, {"kind": "room"}]
    with Session(engine) as session:
        _bulk(session, table, rows)
        written = session.execute(select(table).order_by(table.c.id)).all()
    engine.dispose()
    assert [tuple(row) for row in written] == [(1, "room", "desk", None), (2, "till", "pos", "REST"),
                                               (3, "room", "desk", None), (4, "room", "desk", None)]


class _Service(BaseHTTPRequestHandler):
    """Charges every check but the request numbered ``odd`` (0 the till's hello): refused with a body
    (``refuse``) or its connection dropped unanswered (``drop``)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as the service
    odd, how = -1, "refuse"
    seen: list[str] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        number = len(self.seen)
        self.seen.append(self.path)
        if number == self.odd and self.how == "drop":
            self.close_connection = True
            return
        farcards = "/farcards/" in self.path
        if number == self.odd:
            status, text = 500, b"<Error Text=\"busy\"/>"
        else:
            status, text = (200, b'<Answer Result="0"/>') if farcards else (201, b"{}")
        self.send_response(status)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def service() -> Iterator[tuple[int, type[_Service]]]:
    _Service.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Service)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _Service
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("protocol", "odd", "how", "refused"), [
    # FarCards: the refusal's body read, the till goes on and its next checks are charged.
    ("farcards", 2, "refuse", 1),
    # The connection lost at the second check: it and the two the till never sent are refused.
    ("rest", 2, "drop", 3),
])
def test_a_till_counts_each_check_not_charged_as_refused(service: tuple[int, type[_Service]], protocol: str,
                                                         odd: int, how: str, refused: int) -> None:
    port, answers = service
    answers.odd, answers.how = odd, how
    with pytest.raises(SystemExit, match=rf"^the service refused {refused} checks at this level"):
        run_level(port, "key", [("R0000001", 1)], ["201"], 1, 4, "test", os.getpid(), None, protocol)



def _hotels_asked(monkeypatch: pytest.MonkeyPatch, module: object, argv: list[str]) -> dict[str, object]:
    """The keywords a bench's main gave on_big_hotels (looked up in ``module``) for these arguments."""
    asked: dict[str, object] = {}
    monkeypatch.setattr(module, "on_big_hotels", lambda _bench, _reservations, **kwargs: asked.update(kwargs))
    monkeypatch.setattr("sys.argv", argv)
    bench_main = sys.modules[argv[0].removesuffix(".py").replace("/", ".")].main
    assert bench_main() == 0
    return asked


def test_the_big_hotels_benches_run_on_the_databases_their_options_name(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://bench@127.0.0.1:5432/empty"
    assert _hotels_asked(monkeypatch, bench.big_hotel,
                         ["bench/bench_pos.py", "--big", "--backend", "postgresql", "--postgres", url]) == {
        "sqlite": False, "postgres": True, "postgres_url": url}
    assert _hotels_asked(monkeypatch, bench.big_hotel, ["bench/bench_pos.py", "--big", "--backend", "sqlite"]) == {
        "sqlite": True, "postgres": False, "postgres_url": None}
    assert _hotels_asked(monkeypatch, bench.bench_writers, ["bench/bench_writers.py", "--no-sqlite"]) == {
        "sqlite": False, "postgres": True}


def test_the_postgresql_hotel_is_built_once_and_each_run_works_on_a_copy_of_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []

    def small_hotel(database: Database, reservations: int) -> Samples:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE posting (id integer)")
            connection.exec_driver_sql("INSERT INTO posting VALUES (1), (2), (3)")
        builds.append(reservations)
        return Samples(rooms=["101"], name_prefixes=[], numbers=[], company_prefixes=[], new_bills=[], long_bill=1,
                       reservations=reservations, postings=3, payments=0, journal_intents=0)

    seen: list[int] = []

    def writer(database: Database, samples: Samples) -> None:
        with database.engine.begin() as connection:
            seen.append(connection.exec_driver_sql("SELECT count(*) FROM posting").scalar_one())
            assert connection.exec_driver_sql("SHOW fsync").scalar_one() == "on"  # durable, as a hotel's server
            connection.exec_driver_sql("INSERT INTO posting VALUES (4)")

    monkeypatch.setattr(bench.big_hotel, "CACHE", tmp_path)
    monkeypatch.setattr(bench.big_hotel, "build", small_hotel)
    # The desk's schema is not what is kept: no time spent making it, nor flushing the machine's disks.
    monkeypatch.setattr(bench.big_hotel, "Database", lambda url: Database(url, upgrade=False))
    monkeypatch.setattr(os, "sync", lambda: None)
    for _run in range(2):
        bench.big_hotel.on_big_hotels(writer, 7, postgres=True, sqlite=False)
    assert builds == [7]
    assert seen == [3, 3]  # the first run's row went with its copy
    cached = bench.big_hotel._postgresql_cache_name(7)
    assert sorted(path.name for path in tmp_path.iterdir()) == [cached.name]  # nothing left half-built
    assert json.loads((cached / "samples.json").read_text())["postings"] == 3

    bench.big_hotel.drop_caches(7)
    assert list(tmp_path.iterdir()) == []
