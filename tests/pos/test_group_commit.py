"""The POS writer: postings waiting together commit in one transaction, each in its own savepoint."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.db.runner import Runner
from desk.hotel.catalogue import add_service
from desk.ledger.models import Bill
from desk.ledger.payments import Tender, take_deposit
from desk.people.models import AdminChange
from desk.pos.checks import CheckLine, ClosedCheck, cancel_check, post_check, set_payment_code
from desk.pos.errors import CheckConflict, PostingNotAllowed, RevokedKey, TotalsDoNotAddUp
from desk.pos.item_map import set_item_map
from desk.pos.keys import authenticate, create_key, revoke_key
from desk.pos.models import PosCheck
from desk.pos.service import GroupWriter, as_pos
from tests.desk.conftest import Hotel, Stay, make_hotel

from .conftest import ADMIN
from .helpers import guest_ids, pos_postings


def closed(hotel: Hotel, stay: Stay, check_id: str, total: str = "39.80", code: str = "25") -> ClosedCheck:
    lines = (CheckLine("Grilled trout", Decimal(2), Money.of("18.50", "EUR"), Decimal(20)),
             CheckLine("Espresso", Decimal(1), Money.of("2.80", "EUR"), Decimal(20)))
    return ClosedCheck(check_id, check_id, "REST", code, stay.reservation_id, guest_ids(hotel, stay)[0],
                       datetime.now(UTC), lines, Money.of(total, "EUR"))


def bills_of(hotel: Hotel, stay: Stay) -> list[int]:
    return hotel.query(lambda s: list(s.scalars(select(Bill.id).where(Bill.folio_id == stay.folio_id))))


@pytest.fixture
def hotel(hotel_url: str) -> Iterator[Hotel]:
    hotel = make_hotel(hotel_url)
    yield hotel
    hotel.database.dispose()


@pytest.fixture
def writer(hotel: Hotel) -> Iterator[GroupWriter]:
    writer = GroupWriter(hotel.database)
    yield writer
    writer.close()


def hold(writer: GroupWriter) -> threading.Event:
    """Keep the writer busy until the event is set, so that what is submitted meanwhile waits together."""
    release, started = threading.Event(), threading.Event()

    def busy(_session: Session) -> None:
        started.set()
        release.wait(30)

    writer.submit(busy)
    assert started.wait(30)
    return release


def test_one_refused_posting_does_not_undo_the_others_in_its_transaction(hotel: Hotel, writer: GroupWriter):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-g", "REST").value
    stays = [hotel.stay() for _ in range(3)]
    bills_before = bills_of(hotel, stays[1])
    release = hold(writer)
    futures = [writer.submit(as_pos(key, "T1", post_check, closed(hotel, stays[0], "g-1"))),
               # Refused only after it opened a bill and posted the charge: the stay holds no deposit.
               writer.submit(as_pos(key, "T1", post_check, closed(hotel, stays[1], "g-0", code="26"))),
               writer.submit(as_pos(key, "T1", post_check, closed(hotel, stays[1], "g-2", total="50.00"))),
               writer.submit(as_pos(key, "T1", post_check, closed(hotel, stays[2], "g-3"))),
               # The same check id again with other content, in the same transaction as the first.
               writer.submit(as_pos(key, "T1", post_check, closed(hotel, stays[1], "g-1")))]
    release.set()
    first, _, _, third, _ = (f.exception(30) or f.result() for f in futures)
    with pytest.raises(PostingNotAllowed):
        futures[1].result()
    with pytest.raises(TotalsDoNotAddUp):
        futures[2].result()
    with pytest.raises(CheckConflict):
        futures[4].result()
    # The held job in one transaction, the five that waited for it together in the next.
    assert (writer.transactions, writer.jobs) == (2, 6)
    assert first.value.posting_ids and third.value.posting_ids
    assert first.changed_folios == {stays[0].folio_id} and third.changed_folios == {stays[2].folio_id}
    postings = pos_postings(hotel)
    assert [p.id for p in postings] == [*first.value.posting_ids, *third.value.posting_ids]
    assert {p.folio_id for p in postings} == {stays[0].folio_id, stays[2].folio_id}
    recorded = hotel.query(lambda s: sorted(s.scalars(select(PosCheck.check_id))))
    assert recorded == ["g-1", "g-3"]
    assert bills_of(hotel, stays[1]) == bills_before  # the refused posting's bill went with it


def test_a_key_revoked_while_postings_wait_is_refused_in_the_same_transaction(hotel: Hotel, writer: GroupWriter):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-r", "REST").value
    stay = hotel.stay()
    release = hold(writer)
    before = writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "k-1")))
    writer.submit(lambda session: revoke_key(session, ADMIN, "till-r"))
    after = writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "k-2")))
    release.set()
    assert before.result(30).value.posting_ids
    with pytest.raises(RevokedKey):
        after.result(30)
    assert hotel.query(lambda s: sorted(s.scalars(select(PosCheck.check_id)))) == ["k-1"]


def test_postings_that_all_land_share_one_transaction_without_savepoints(hotel: Hotel, writer: GroupWriter):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-s", "REST").value
    stays = [hotel.stay() for _ in range(4)]
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(hotel.database.engine, "before_cursor_execute", seen)
    try:
        release = hold(writer)
        futures = [writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, f"s-{n}")))
                   for n, stay in enumerate(stays)]
        release.set()
        outcomes = [f.result(30) for f in futures]
    finally:
        event.remove(hotel.database.engine, "before_cursor_execute", seen)
    assert (writer.transactions, writer.jobs) == (2, 5)
    assert "SAVEPOINT" not in statements and "RELEASE" not in statements
    assert [o.changed_folios for o in outcomes] == [{stay.folio_id} for stay in stays]
    assert {p.folio_id for p in pos_postings(hotel)} == {stay.folio_id for stay in stays}


def test_a_posting_refused_alone_leaves_nothing_behind(hotel: Hotel, writer: GroupWriter):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-a", "REST").value
    stay = hotel.stay()
    before = hotel.row_counts()
    # Refused only after it opened a bill and posted the charge: the stay holds no deposit.
    with pytest.raises(PostingNotAllowed):
        writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "a-1", code="26"))).result(30)
    assert hotel.row_counts() == before


def test_a_check_cancelled_in_the_batch_that_posted_it_finds_its_new_bill(hotel: Hotel, writer: GroupWriter):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-c", "REST").value
    stay = hotel.stay()
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("100.00")))
    release = hold(writer)
    # The deposit posting reads the folio into the unit; the next posting adds a bill to it past
    # the ORM; the cancellation must still find that bill.
    paid = writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "c-1", code="26")))
    credit = writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "c-2")))
    cancelled = writer.submit(as_pos(key, "T1", cancel_check, "c-2"))
    release.set()
    assert paid.result(30).value.meaning == "deposit"
    bill = credit.result(30).value.bill_id
    assert cancelled.result(30).value.bill_id == bill
    assert (writer.transactions, writer.jobs) == (2, 4)
    assert hotel.view(stay.folio_id).bill(bill).balance == hotel.money("0.00")


def test_a_key_revoked_earlier_in_the_same_unit_is_refused(hotel: Hotel):
    key = Runner(hotel.database).run(create_key, ADMIN, "till-u", "REST").value

    def revoke_then_use(session: Session) -> None:
        assert authenticate(session, key) == "till-u"  # read, and remembered for the unit
        revoke_key(session, ADMIN, "till-u")
        authenticate(session, key)

    with pytest.raises(RevokedKey), hotel.database.writing() as session:
        revoke_then_use(session)


def _settings_read(statements: list[str]) -> list[str]:
    return [s for s in statements if s.startswith("SELECT") and any(
        f"FROM {table}" in s for table in ("pos_item_map", "pos_payment_code", "tax_rate", "outlet", "service"))]


def test_a_posting_reads_no_setting_a_posting_before_it_read(hotel: Hotel, writer: GroupWriter):
    """The outlet's item map, the payment code, the tax rate and the key's outlet are read once per
    process (until an administrator's change): a till's check alone in its transaction is 16 statements."""
    key = Runner(hotel.database).run(create_key, ADMIN, "till-r", "REST").value
    stay = hotel.stay()
    writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "r-1"))).result(30)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(hotel.database.engine, "before_cursor_execute", seen)
    try:
        writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "r-2"))).result(30)
    finally:
        event.remove(hotel.database.engine, "before_cursor_execute", seen)
    assert _settings_read(statements) == []
    assert sum(not s.startswith(("BEGIN", "COMMIT")) for s in statements) <= 16, statements


def test_a_mapping_or_payment_code_changed_since_is_used_by_the_next_posting(hotel: Hotel, writer: GroupWriter):
    run = Runner(hotel.database).run
    key = run(create_key, ADMIN, "till-m", "REST").value
    stay = hotel.stay()
    writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "m-1"))).result(30)
    run(add_service, ADMIN, "REST-OTHER", "Restaurant, other", Money.of("1.00", "EUR"), "VAT20", "food")
    run(set_item_map, ADMIN, "REST", "default", "", "REST-OTHER")
    writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "m-2"))).result(30)
    assert {p.external_ref.split(":")[2]: p.service_code for p in pos_postings(hotel)} == {
        "m-1": None, "m-2": "REST-OTHER"}
    run(set_payment_code, ADMIN, "25", "deposit")
    with pytest.raises(PostingNotAllowed, match=r"The deposit of .* holds only"):
        writer.submit(as_pos(key, "T1", post_check, closed(hotel, stay, "m-3"))).result(30)
    assert hotel.query(lambda s: [(c.code, c.summary) for c in s.scalars(
        select(AdminChange).where(AdminChange.kind == "pos_payment_code"))]) == [("25", "credit -> deposit")]
