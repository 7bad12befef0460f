"""The big hotel's SQLite statistics, kept small for the query-plan tests (tests/desk/test_real_statistics.py).

    python bench/statistics_snapshot.py --source FILE [--tables-from FILE] [--out tests/desk/big_hotel_statistics.json]

Two sets of sqlite_stat1 rows: as a full ``ANALYZE`` gives them (the benches) and as the desk's own
sampled one gives them (``PRAGMA optimize`` with ``analysis_limit``, desk.db.engine). Each index's
row is kept with the index's definition: the tests load it only into an index defined the same way,
so a partial index made since is planned with its own statistics, not with those of the index it
replaced. Taken from the hotel as built before the schema's head and from a copy upgraded to it;
the tables that hotel left empty (an older generator's: no POS checks, no card records) from
``--tables-from``, a hotel of the current generator.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

import desk.db.engine as engine
from desk.db.engine import SQLITE_ANALYSIS_LIMIT, Database

OUT = Path(__file__).resolve().parents[1] / "tests" / "desk" / "big_hotel_statistics.json"
Rows = list[list[str | None]]


def _rows(path: Path) -> Rows:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT s.tbl, s.idx, m.sql, s.stat FROM sqlite_stat1 s "
                                  "LEFT JOIN sqlite_master m ON m.name = s.idx ORDER BY s.tbl, s.idx")
        return [[table, index, " ".join(sql.split()) if sql else None, stat] for table, index, sql, stat in rows]


def _analyse(path: Path, limit: int | None) -> Rows:
    with sqlite3.connect(path) as connection:
        if limit is not None:
            connection.execute(f"PRAGMA analysis_limit={limit}")
        connection.execute("ANALYZE")
    return _rows(path)


def _merged(*sets: Rows) -> Rows:
    merged: dict[tuple[str | None, str | None, str | None], list[str | None]] = {}
    for rows in sets:
        for row in rows:
            merged[(row[0], row[1], row[2])] = row
    return sorted(merged.values(), key=lambda r: (r[0] or "", r[1] or "", r[2] or ""))


def snapshot(source: Path, tables_from: Path | None = None) -> dict[str, Rows]:
    with tempfile.TemporaryDirectory() as directory:
        newer: dict[str, Rows] = {"full": [], "sampled": []}
        if tables_from is not None:
            copy = Path(directory) / "newer.sqlite3"
            shutil.copyfile(tables_from, copy)
            newer = {"full": _analyse(copy, None), "sampled": _analyse(copy, SQLITE_ANALYSIS_LIMIT)}
        built = Path(directory) / "built.sqlite3"
        shutil.copyfile(source, built)
        full_built = _rows(built)
        sampled_built = _analyse(built, SQLITE_ANALYSIS_LIMIT)
        upgraded = Path(directory) / "upgraded.sqlite3"
        shutil.copyfile(source, upgraded)
        database = Database(f"sqlite:///{upgraded}")
        event.remove(database.engine, "close", engine.gather_sqlite_statistics)
        database.dispose()
        full_upgraded = _analyse(upgraded, None)
        sampled_upgraded = _analyse(upgraded, SQLITE_ANALYSIS_LIMIT)
    def _missing(rows: Rows, have: Rows) -> Rows:
        tables = {row[0] for row in have}
        return [row for row in rows if row[0] not in tables]

    return {"full": _merged(full_built, full_upgraded, _missing(newer["full"], full_upgraded)),
            "sampled": _merged(sampled_built, sampled_upgraded, _missing(newer["sampled"], sampled_upgraded))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True, help="a big hotel's SQLite file (read, never written)")
    parser.add_argument("--tables-from", type=Path,
                        help="a hotel of the current generator, for the tables --source left empty")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(json.dumps(snapshot(args.source, args.tables_from), ensure_ascii=False, indent=0) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
