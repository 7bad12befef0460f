"""The pending operations are read from the open intents the database keeps (migration 0023): the
same list the whole journal gives, and no desk can take an operation off it without its outcome."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy.exc
from alembic import command
from sqlalchemy import NullPool, create_engine, func, make_url, select, text

from desk.core.money import Money
from desk.db.engine import Database, alembic_config
from desk.journal.intents import (
    EventType,
    IntentRequest,
    close,
    mark_sent,
    record_event,
    record_intent,
    settle,
    unresolved,
    unresolved_intent,
)
from desk.journal.models import JournalEvent, JournalIntent, OpenIntent
from desk.people.models import Role
from tests.pg_server import PgServer

from .conftest import Hotel, make_hotel

DESK_ROLE = "desk_app"


def _without_outcome(hotel: Hotel) -> list[int]:
    """The pending list the long way: every intent with no outcome event."""
    has_outcome = select(JournalEvent.id).where(JournalEvent.outcome_of == JournalIntent.id).exists()
    return hotel.query(lambda s: list(s.scalars(select(JournalIntent.id).where(~has_outcome)
                                                .order_by(JournalIntent.id))))


def _pending(hotel: Hotel, workstation: str | None = None) -> list[int]:
    return [view.id for view in hotel.query(unresolved, workstation)]


def _intent(hotel: Hotel, kind: str = "card_sale", bill_id: int | None = None) -> int:
    request = IntentRequest(kind=kind, device="ZVT-1", amount=Money.of("10.00", hotel.currency), bill_id=bill_id)
    return hotel.run(record_intent, request).id


def test_the_open_intents_are_the_intents_without_an_outcome_through_every_ending(hotel: Hotel) -> None:
    hotel = hotel.as_role(Role.CASHIER)
    stay = hotel.stay()
    new = _intent(hotel, bill_id=stay.bill_id)
    sent = _intent(hotel)
    hotel.run(mark_sent, sent)
    unknown = _intent(hotel)
    hotel.run(mark_sent, unknown)
    hotel.run(record_event, unknown, EventType.UNKNOWN, {"error": "no answer"})
    approved = _intent(hotel)
    hotel.run(mark_sent, approved)
    hotel.run(record_event, approved, EventType.APPROVED, {})
    declined = _intent(hotel)
    hotel.run(mark_sent, declined)
    hotel.run(record_event, declined, EventType.DECLINED, {})
    cancelled = _intent(hotel)
    hotel.run(close, cancelled, EventType.CANCELLED)
    settled = _intent(hotel)
    hotel.run(mark_sent, settled)
    hotel.run(record_event, settled, EventType.APPROVED, {})
    hotel.run(settle, settled, lambda _s, _a, _i: None)
    hotel.run(record_event, declined, EventType.APPROVED, {"late": True})  # an answer after the outcome
    assert _pending(hotel) == [new, sent, unknown, approved] == _without_outcome(hotel)
    assert _pending(hotel, hotel.actor.workstation) == [new, sent, unknown, approved]
    assert _pending(hotel, "ELSEWHERE") == []
    on_bill = hotel.query(unresolved_intent, ("card_sale",), JournalIntent.bill_id == stay.bill_id)
    assert on_bill == new
    hotel.run(close, new, EventType.CANCELLED)
    assert hotel.query(unresolved_intent, ("card_sale",), JournalIntent.bill_id == stay.bill_id) is None
    assert _pending(hotel) == [sent, unknown, approved] == _without_outcome(hotel)


def test_an_intent_open_before_the_upgrade_stays_pending(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url, poolclass=NullPool)
    command.upgrade(alembic_config(engine), "0022_journal_bill_index")
    with engine.begin() as connection:
        for number, key in enumerate(("open-before", "ended-before"), start=1):
            connection.execute(text(
                "INSERT INTO journal_intent (id, key, kind, device, workstation, created_by, created_at, request) "
                "VALUES (:id, :key, 'card_sale', 'ZVT-1', 'DESK-1', 'anna', CURRENT_TIMESTAMP, '{}')"),
                {"id": number, "key": key})
        connection.execute(text(
            "INSERT INTO journal_event (intent_id, type, payload, outcome_of, recorded_at, recorded_by, workstation) "
            "VALUES (2, 'cancelled', '{}', 2, CURRENT_TIMESTAMP, 'anna', 'DESK-1')"))
    engine.dispose()
    database = Database(sqlite_url)
    try:
        with database.unit_of_work() as session:
            assert [view.key for view in unresolved(session, "DESK-1")] == ["open-before"]
            assert session.scalar(select(func.count()).select_from(OpenIntent)) == 1
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def desk_role_hotel(pg_server: PgServer) -> Iterator[Hotel]:
    """A hotel migrated by the owner and used as the desk role, as workstations connect."""
    owner_url = pg_server.create_database("t_open_intents")
    Database(owner_url).dispose()
    with pg_server.connect() as dba:
        dba.execute(f"ALTER ROLE {DESK_ROLE} LOGIN")
    hotel = make_hotel(make_url(owner_url).set(username=DESK_ROLE).render_as_string(hide_password=False))
    yield hotel
    hotel.database.dispose()


def test_the_desk_role_may_read_the_open_intents_but_not_take_one_off(desk_role_hotel: Hotel) -> None:
    hotel = desk_role_hotel.as_role(Role.CASHIER)
    pending = _intent(hotel)
    ended = _intent(hotel)
    hotel.run(close, ended, EventType.CANCELLED)  # the triggers run as the owner: the desk's writes keep it
    assert pending in _pending(hotel) and ended not in _pending(hotel)
    for sql in (f"DELETE FROM journal_open WHERE intent_id = {pending}",
                f"INSERT INTO journal_open (intent_id, workstation) VALUES ({ended}, 'X')",
                f"UPDATE journal_open SET workstation = 'X' WHERE intent_id = {pending}",
                "TRUNCATE journal_open"):
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied for table journal_open"), \
                hotel.database.engine.begin() as connection:
            connection.execute(text(sql))
    assert pending in _pending(hotel) and ended not in _pending(hotel)
