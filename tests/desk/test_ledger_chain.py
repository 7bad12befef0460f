"""The ledger's chain (desk.ledger.chain) on SQLite and PostgreSQL: every posting and payment linked to the
one before, whichever path inserted it; a row changed or removed behind the database's guards is named by
``desk audit verify`` and refused by a restore's check, even with its bill's stored total rewritten to match.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from desk.audit.anchors import ANCHOR_DIR_ENV, read_anchors, write_anchor
from desk.backup.copy import check_backup
from desk.cli.main import main
from desk.db.engine import Database, alembic_config
from desk.ledger import chain
from desk.ledger.chain import verify_ledger
from desk.ledger.models import LedgerLink, LedgerUnlinked, Posting
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import NEW_POSTING, post_charge
from desk.people.models import Role
from desk.stays.business_day import business_date, open_next_business_day
from tests.desk.conftest import Hotel
from tests.desk.test_restore_check import _backup, _rewrite


def _day(hotel: Hotel) -> tuple[int, int]:
    """A stay with two charges and a payment: (bill id, the Spa posting's id)."""
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Dinner", quantity=2, unit_price=hotel.money("35.50"))
    spa = hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1, unit_price=hotel.money("60.00"))
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("20.00")))
    return stay.bill_id, spa.id


def _verify(hotel: Hotel):  # type: ignore[no-untyped-def]
    with hotel.database.unit_of_work() as session:
        return verify_ledger(session)


def test_every_posting_and_payment_is_chained_in_the_order_committed(hotel: Hotel):
    _day(hotel)
    with hotel.database.unit_of_work() as session:
        links = session.scalars(select(LedgerLink).order_by(LedgerLink.seq)).all()
        assert [link.seq for link in links] == list(range(1, len(links) + 1))
        assert [link.kind for link in links[-3:]] == ["posting", "posting", "payment"]
        assert session.scalar(select(LedgerUnlinked.id)) is None  # nothing left waiting
    report = _verify(hotel)
    assert report.intact and report.links == len(links)


def test_a_posting_inserted_as_a_plain_statement_is_chained_too(hotel: Hotel):
    """The POS service inserts its postings without the ORM (desk.pos.checks): the database notes them."""
    bill_id, spa_id = _day(hotel)

    def insert_copy(session, _actor):  # type: ignore[no-untyped-def]
        row = session.execute(select(Posting.__table__).where(Posting.__table__.c.id == spa_id)).one()._asdict()
        row.pop("id")
        row["description"], row["external_ref"] = "Spa again", "pos-1"
        return int(session.connection().execute(NEW_POSTING, row).scalar_one())

    posting_id = hotel.run(insert_copy)
    with hotel.database.unit_of_work() as session:
        assert session.scalar(select(LedgerLink.seq).where(LedgerLink.kind == "posting",
                                                           LedgerLink.row_id == posting_id)) is not None
    assert _verify(hotel).intact
    assert bill_id


def test_verify_names_a_posting_whose_amount_was_changed_with_its_bill_total(hotel: Hotel):
    bill_id, spa_id = _day(hotel)
    _rewrite(hotel, "posting", f"UPDATE posting SET amount = '{hotel.currency} 6.00' WHERE id = {spa_id}")
    _rewrite(hotel, "bill_total", f"UPDATE bill_total SET charges = charges - 5400 WHERE bill_id = {bill_id}")
    report = _verify(hotel)
    assert not report.intact and report.row == f"posting {spa_id}"
    assert "it was changed after it was written" in report.reason


def test_verify_names_a_removed_posting(hotel: Hotel):
    _bill_id, spa_id = _day(hotel)
    _rewrite(hotel, "posting", f"DELETE FROM posting WHERE id = {spa_id}")
    report = _verify(hotel)
    assert not report.intact and report.row == f"posting {spa_id}" and "it was removed" in report.reason


def test_verify_names_a_removed_link(hotel: Hotel):
    _bill_id, spa_id = _day(hotel)
    _rewrite(hotel, "ledger_link", f"DELETE FROM ledger_link WHERE kind = 'posting' AND row_id = {spa_id}")
    report = _verify(hotel)
    assert not report.intact and "removed" in report.reason


def test_the_night_audits_anchor_holds_the_ledgers_last_link_and_finds_a_tail_written_again(
        hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(tmp_path / "anchors"))
    bill_id, _spa_id = _day(hotel)
    hotel.run(post_charge, bill_id=bill_id, description="Minibar", quantity=1, unit_price=hotel.money("4.00"))
    with hotel.database.writing() as session:
        anchor = write_anchor(session, "2026-12-06")
    assert anchor is not None
    [kept] = read_anchors(tmp_path / "anchors" / "trail.anchors.jsonl")
    with hotel.database.unit_of_work() as session:
        last = session.scalar(select(LedgerLink).order_by(LedgerLink.seq.desc()).limit(1))
        assert last is not None and kept.ledger_anchor() is not None
        assert (kept.ledger_seq, kept.ledger_hash) == (last.seq, last.hash)
        held = verify_ledger(session, [kept.ledger_anchor()])  # type: ignore[list-item]
        assert held.intact and held.anchors_held == 1
    # The last posting and its link removed: the chain alone still holds, the anchor does not.
    assert last.kind == "posting"
    _rewrite(hotel, "ledger_link", f"DELETE FROM ledger_link WHERE seq = {last.seq}")
    _rewrite(hotel, "posting", f"DELETE FROM posting WHERE id = {last.row_id}")
    with hotel.database.unit_of_work() as session:
        assert verify_ledger(session).intact
        report = verify_ledger(session, [kept.ledger_anchor()])  # type: ignore[list-item]
    assert not report.intact and f"links {last.seq} to {last.seq} removed" in report.reason


def test_desk_audit_verify_names_the_changed_posting(hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(tmp_path / "anchors"))
    _bill_id, spa_id = _day(hotel)
    assert main(["--database", hotel.database.url, "audit", "verify"]) == 0
    assert "Ledger: " in capsys.readouterr().out
    _rewrite(hotel, "posting", f"UPDATE posting SET description = 'Massage' WHERE id = {spa_id}")
    assert main(["--database", hotel.database.url, "audit", "verify"]) == 1
    assert f"Ledger: BROKEN at posting {spa_id}: it was changed" in capsys.readouterr().out


def test_a_backup_whose_posting_and_bill_total_were_rewritten_together_is_refused(hotel: Hotel, tmp_path: Path):
    bill_id, spa_id = _day(hotel)
    _rewrite(hotel, "posting", f"UPDATE posting SET amount = '{hotel.currency} 6.00' WHERE id = {spa_id}")
    _rewrite(hotel, "bill_total", f"UPDATE bill_total SET charges = charges - 5400 WHERE bill_id = {bill_id}")
    backup = _backup(hotel, tmp_path / "rewritten.backup")
    manager = hotel.as_role(Role.MANAGER)
    check = check_backup(hotel.database.url, manager.actor, backup)
    assert [found for found in check.tampered if found.startswith("ledger: bill")] == []  # the totals agree...
    assert any(f"ledger chain: BROKEN at posting {spa_id}" in found for found in check.tampered)  # ...the chain not


def test_a_row_written_outside_any_unit_waits_and_the_next_unit_chains_it(hotel: Hotel):
    _day(hotel)
    with hotel.database.engine.begin() as connection:
        connection.execute(text("INSERT INTO payment (folio_id, bill_id, kind, method_code, amount, rate, base_amount, "
                                "text, payer_name, paid_on, reason, created_at, created_by, workstation) "
                                "SELECT folio_id, bill_id, kind, method_code, amount, rate, base_amount, text, "
                                "payer_name, paid_on, reason, created_at, created_by, workstation FROM payment "
                                "ORDER BY id DESC LIMIT 1"))
    waiting = _verify(hotel)
    assert waiting.intact and waiting.waiting == 1
    _day(hotel)
    chained = _verify(hotel)
    assert chained.intact and chained.waiting == 0 and chained.links >= waiting.links + 4


def test_the_migration_chains_the_rows_written_before_it(hotel: Hotel):
    _day(hotel)
    config = alembic_config(hotel.database.engine)
    command.downgrade(config, "0049_mail_kind_credit_default")
    command.upgrade(config, "heads")
    with hotel.database.unit_of_work() as session:
        rows = session.execute(text("SELECT (SELECT count(*) FROM posting) + (SELECT count(*) FROM payment)")).scalar()
        report = verify_ledger(session)
    assert report.intact and report.links == rows


def test_desks_posting_at_once_leave_one_chain_with_every_row_linked_or_waiting(hotel: Hotel):
    """Four writers at once (threads, each its own connection): on PostgreSQL they chain after their commits
    without waiting for each other, so a row may wait for the next chainer, but none is lost or forked."""
    bill_id, _spa_id = _day(hotel)
    errors: list[BaseException] = []

    def desk() -> None:
        try:
            for _ in range(8):
                hotel.run(post_charge, bill_id=bill_id, description="Bar", quantity=1, unit_price=hotel.money("3.00"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with hotel.database.unit_of_work() as session:
        rows = session.execute(text("SELECT (SELECT count(*) FROM posting) + (SELECT count(*) FROM payment)")).scalar()
        report = verify_ledger(session)
    assert report.intact and report.links + report.waiting == rows


def _statements(database: Database, run: Callable[[], object]) -> list[str]:
    seen: list[str] = []

    def keep(_conn, _cursor, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)
    return seen


def _reads_the_chains_end(statements: list[str]) -> bool:
    return any("FROM ledger_link ORDER BY ledger_link.seq DESC" in statement for statement in statements)


def test_a_link_is_hashed_from_what_its_unit_wrote_and_matches_the_row_as_stored(hotel: Hotel):
    """No row is read back to be chained; a quantity, an amount and a time given in another zone than
    UTC hash as the database keeps them, so verify finds the link holding."""
    stay = hotel.stay()
    when = datetime(2026, 12, 7, 1, 30, 15, 123456, tzinfo=timezone(timedelta(hours=3)))
    statements = _statements(hotel.database, lambda: hotel.run(
        post_charge, bill_id=stay.bill_id, description="Room service", quantity="2.5",
        unit_price=hotel.money("13.33"), ordered_at=when))
    assert not [statement for statement in statements if statement.startswith("SELECT posting.id, posting.folio_id")]
    report = _verify(hotel)
    assert report.intact and report.waiting == 0


def test_a_desk_remembers_the_chains_end_and_reads_it_again_after_another_process_chained(hotel: Hotel):
    """Two desks, each its own process (its own connections and its own remembered last link): a desk
    whose remembered link is no longer the last is refused it and reads where the chain ends."""
    bill_id, _spa_id = _day(hotel)
    other = Database(hotel.database.url)
    other_desk = Hotel(other, hotel.actor, hotel.currency)
    reads = []
    try:
        for desk in (hotel, other_desk, hotel, hotel, other_desk, other_desk):
            def charge(desk: Hotel = desk) -> None:
                desk.run(post_charge, bill_id=bill_id, description="Bar", quantity=1, unit_price=hotel.money("3.00"))

            reads.append(_reads_the_chains_end(_statements(desk.database, charge)))
    finally:
        other.dispose()
    # hotel chained last in _day; other knows nothing yet; each then finds the other's link after its own.
    assert reads == [False, True, True, False, True, False]
    report = _verify(hotel)
    assert report.intact and report.waiting == 0 and report.links >= 9


def test_two_processes_posting_at_once_leave_one_chain(hotel: Hotel):
    bill_id, _spa_id = _day(hotel)
    errors: list[BaseException] = []

    def desk() -> None:
        database = Database(hotel.database.url)  # a process of its own: its own remembered last link
        try:
            for _ in range(6):
                Hotel(database, hotel.actor, hotel.currency).run(
                    post_charge, bill_id=bill_id, description="Bar", quantity=1, unit_price=hotel.money("3.00"))
        except BaseException as exc:
            errors.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with hotel.database.unit_of_work() as session:
        rows = session.execute(text("SELECT (SELECT count(*) FROM posting) + (SELECT count(*) FROM payment)")).scalar()
        report = verify_ledger(session)
    assert report.intact and report.links + report.waiting == rows


def _postgresql(hotel: Hotel) -> None:
    if hotel.database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writing unit holds the file: no other desk commits or chains meanwhile")


@contextmanager
def _head_held_by_another_desk(hotel: Hotel) -> Iterator[None]:
    """The chain's head row locked by another desk's open transaction, as while it chains."""
    with hotel.database.engine.connect() as other, other.begin():
        other.execute(text("SELECT id FROM ledger_head FOR UPDATE")).first()
        yield


def test_rows_a_desk_committed_and_never_chained_are_chained_by_the_night_audit(hotel: Hotel):
    """On PostgreSQL a desk that finds the chain's head taken chains just after its commit: one that stopped in
    between (its chaining taken away here) leaves its row waiting, and closing the day chains it before the
    anchor is written."""
    _postgresql(hotel)
    bill_id, _spa_id = _day(hotel)
    event.remove(Session, "after_commit", chain._chain_after_commit)
    try:
        with _head_held_by_another_desk(hotel):
            hotel.run(post_charge, bill_id=bill_id, description="Late bar", quantity=1, unit_price=hotel.money("9.00"))
    finally:
        event.listen(Session, "after_commit", chain._chain_after_commit)
    left = _verify(hotel)
    assert left.intact and left.waiting == 1
    manager = hotel.as_role(Role.MANAGER)
    manager.run(open_next_business_day, manager.query(business_date))
    chained = _verify(hotel)
    assert chained.intact and chained.waiting == 0 and chained.links == left.links + left.waiting


def test_a_desk_chains_its_rows_in_the_transaction_that_writes_them(hotel: Hotel):
    """The head free, a posting is chained before its unit commits: one transaction, no second connection."""
    _postgresql(hotel)
    stay = hotel.stay()
    commits = []

    def count(connection: object) -> None:
        commits.append(connection)

    event.listen(hotel.database.engine, "commit", count)
    try:
        hotel.run(post_charge, bill_id=stay.bill_id, description="Bar", quantity=1, unit_price=hotel.money("3.00"))
    finally:
        event.remove(hotel.database.engine, "commit", count)
    report = _verify(hotel)
    assert len(commits) == 1 and report.intact and report.waiting == 0


def test_a_desk_finding_the_chains_head_taken_posts_without_waiting_and_the_next_unit_chains_its_row(
        hotel: Hotel):
    _postgresql(hotel)
    bill_id, _spa_id = _day(hotel)
    done = threading.Event()

    def post() -> None:
        hotel.run(post_charge, bill_id=bill_id, description="Bar", quantity=1, unit_price=hotel.money("3.00"))
        done.set()

    with _head_held_by_another_desk(hotel):
        desk = threading.Thread(target=post)
        desk.start()
        posted = done.wait(timeout=10)  # a desk waiting for the head would hold its clerk until the other commits
    desk.join()
    assert posted
    assert _verify(hotel).waiting == 1
    late = hotel.run(post_charge, bill_id=bill_id, description="Spa", quantity=1, unit_price=hotel.money("60.00"))
    report = _verify(hotel)
    assert report.intact and report.waiting == 0
    with hotel.database.unit_of_work() as session:
        order = session.scalars(select(LedgerLink.row_id).where(LedgerLink.kind == "posting")
                                .order_by(LedgerLink.seq.desc()).limit(2)).all()
    assert order[0] == late.id and order[1] < late.id  # the waiting row first, in the order committed


def test_a_desk_chains_in_one_pass_while_other_desks_keep_committing(hotel: Hotel):
    """The desk holding the head chains what it finds once and commits: it never stays to chain the rows other
    desks commit meanwhile (that loop held one posting for 20-30 s under 16 writers)."""
    _postgresql(hotel)
    bill_id, _spa_id = _day(hotel)
    other_bill = hotel.stay().bill_id  # the desk's unit holds its own bill until it commits
    other = Database(hotel.database.url)  # another desk, its own process: its own connections
    other_desk = Hotel(other, hotel.actor, hotel.currency)
    passes = []

    def another_desk_commits_meanwhile(_conn, _cursor, statement: str, *_args: object) -> None:
        if statement.startswith("DELETE FROM ledger_unlinked"):
            passes.append(statement)
            if len(passes) <= 20:
                other_desk.run(post_charge, bill_id=other_bill, description="Bar", quantity=1,
                               unit_price=hotel.money("3.00"))

    event.listen(hotel.database.engine, "before_cursor_execute", another_desk_commits_meanwhile)
    try:
        hotel.run(post_charge, bill_id=bill_id, description="Spa", quantity=1, unit_price=hotel.money("60.00"))
    finally:
        event.remove(hotel.database.engine, "before_cursor_execute", another_desk_commits_meanwhile)
        other.dispose()
    assert len(passes) == 1
    report = _verify(hotel)
    assert report.intact and report.waiting == 0
