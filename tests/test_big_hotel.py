"""bench/big_hotel.py's loader: the rows it writes are the rows it was given."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import Session

from bench.big_hotel import _bulk


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
