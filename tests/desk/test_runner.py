"""The runner: one use case, one transaction; what changed; retries of what other desks cause."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from desk.core.errors import ConcurrentChange, InvalidInput
from desk.db.runner import Runner, is_retryable
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.auth import SignInAgain
from desk.people.models import User
from desk.people.rights import MissingRight
from desk.stays.reservations import check_out, post_night

from .conftest import MISSING_RIGHT, Hotel, charged_stay, refused


class _Busy(Exception):
    sqlstate = "40P01"


def _deadlock() -> OperationalError:
    return OperationalError("UPDATE ...", {}, _Busy("deadlock detected"))


def test_run_commits_and_names_the_changed_folio(hotel: Hotel):
    stay, other = hotel.stay(), hotel.stay(number="OTHER")
    runner = Runner(hotel.database)
    outcome = runner.run(post_service, hotel.actor, bill_id=stay.bill_id, service_code="MB-BEER")
    assert outcome.changed_folios == {stay.folio_id}
    assert outcome.value.id is not None
    assert hotel.view(stay.folio_id).bill(stay.bill_id).charges == hotel.money("5.00")
    assert hotel.view(other.folio_id).bill(other.bill_id).charges == hotel.money("0.00")


def test_changed_folios_of_moves_payments_and_a_checkout(hotel: Hotel):
    stay = hotel.stay()
    runner = Runner(hotel.database)
    night = runner.run(post_night, hotel.actor, stay.reservation_id, date.today())
    assert night.changed_folios == {stay.folio_id}
    second = runner.run(open_bill, hotel.actor, stay.folio_id, payer_name="Other payer")
    assert second.changed_folios == {stay.folio_id}
    posting_id = hotel.view(stay.folio_id).bill(stay.bill_id).postings[0].posting.id
    moved = runner.run(move_postings, hotel.actor, [posting_id], second.value.id)
    assert moved.changed_folios == {stay.folio_id}
    paid = runner.run(take_payment, hotel.actor, second.value.id, Tender("cash", hotel.money("100")))
    assert paid.changed_folios == {stay.folio_id}
    out = runner.run(check_out, hotel.actor, stay.reservation_id)
    assert out.changed_folios == {stay.folio_id}


def test_a_refusal_writes_nothing_and_passes_through(hotel: Hotel):
    stay = hotel.stay()
    before = hotel.row_counts()
    with pytest.raises(InvalidInput):
        Runner(hotel.database).run(take_payment, hotel.actor, stay.bill_id, Tender("NOPE", hotel.money("1")))
    assert hotel.row_counts() == before


def test_a_deadlock_is_retried_and_the_retry_commits_once(hotel: Hotel):
    stay = hotel.stay()
    pauses: list[float] = []
    runner = Runner(hotel.database, sleep=pauses.append)
    calls = []

    def flaky(session, actor, bill_id):
        calls.append(1)
        posting = post_service(session, actor, bill_id=bill_id, service_code="MB-BEER")
        if len(calls) < 3:
            raise _deadlock()  # after writing: the rollback must undo it
        return posting

    outcome = runner.run(flaky, hotel.actor, stay.bill_id)
    assert len(calls) == 3 and runner.retried == 2 and len(pauses) == 2
    assert outcome.changed_folios == {stay.folio_id}
    assert len(hotel.view(stay.folio_id).bill(stay.bill_id).postings) == 1


def test_a_deadlock_that_persists_becomes_a_plain_domain_error(hotel: Hotel):
    stay = hotel.stay()
    runner = Runner(hotel.database, attempts=3, sleep=lambda _s: None)

    def always(session, actor, bill_id):
        post_service(session, actor, bill_id=bill_id, service_code="MB-BEER")
        raise _deadlock()

    with pytest.raises(ConcurrentChange, match="Another desk") as caught:
        runner.run(always, hotel.actor, stay.bill_id)
    assert isinstance(caught.value.__cause__, OperationalError)
    assert hotel.view(stay.folio_id).bill(stay.bill_id).postings == []


def test_other_database_errors_are_not_retried():
    assert not is_retryable(OperationalError("x", {}, sqlite3.OperationalError("no such table: x")))
    assert not is_retryable(ValueError("x"))
    busy = sqlite3.OperationalError("database is locked")
    assert is_retryable(OperationalError("x", {}, busy))


def test_sqlite_writer_waits_for_the_lock_instead_of_failing(sqlite_hotel: Hotel, tmp_path):
    """A writing unit begins IMMEDIATE: it waits while another connection holds the write lock."""
    stay = sqlite_hotel.stay()
    path = sqlite_hotel.database.engine.url.database
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO outlet (code, name) VALUES ('HELD', 'held')")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        runner = Runner(sqlite_hotel.database, attempts=1)
        outcome = runner.run(post_service, sqlite_hotel.actor, bill_id=stay.bill_id, service_code="MB-BEER")
    finally:
        release.join()
        holder.close()
    assert outcome.changed_folios == {stay.folio_id}
    assert runner.retried == 0


def test_work_kept_after_a_rollback_that_fails_too_leaves_the_caller_its_own_failure(sqlite_hotel: Hotel, caplog):
    """A refused use case rolled back, and the work it kept (a failed sign-in counted) cannot be
    written either: the caller is told why its unit failed, not of the kept work's trouble."""
    from desk.db.engine import keep_whatever_happens

    def cannot_be_kept(_session) -> None:
        raise RuntimeError("the database went away")

    with pytest.raises(InvalidInput, match="the refusal"), sqlite_hotel.database.writing() as session:
        keep_whatever_happens(session, cannot_be_kept)
        raise InvalidInput("the refusal")
    assert "work to keep after a rollback was lost" in caplog.text


def test_finish_skips_the_standing_check_and_nothing_else(hotel: Hotel):
    # finish() records the end of what a device was already asked to do: a clerk deactivated since
    # is not confirmed again there, but every check of the use case itself still holds.
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    with hotel.database.writing() as session:
        session.execute(update(User).where(User.username == hotel.actor.username).values(active=False))
    refused(hotel, SignInAgain, "{user} may no longer act at this desk",
            lambda: runner.run(post_service, hotel.actor, bill_id=stay.bill_id, service_code="MB-BEER"))
    outcome = runner.finish(post_service, hotel.actor, bill_id=stay.bill_id, service_code="MB-BEER")
    assert outcome.changed_folios == {stay.folio_id}
    dated = Tender("cash", hotel.money("10.00"), paid_on=date(2020, 1, 1))
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: runner.finish(take_payment, hotel.actor, stay.bill_id, dated))
