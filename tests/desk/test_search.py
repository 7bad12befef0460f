"""desk.stays.search on SQLite and PostgreSQL: every search field, the filters, and bad input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.hotel.models import Room
from desk.ledger.accounts import event_folio, walk_in_folio
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.payments import Tender, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_service
from desk.people.changes import record_change
from desk.stays.models import Company, Event, Guest
from desk.stays.reservations import check_in, check_out, create_reservation, new_guest
from desk.stays.search import (
    MAX_TEXT_LENGTH,
    FolioKind,
    FolioQuery,
    FolioRow,
    _after_prefix,
    desk_status,
    folio_balances,
    search_folios,
    starts_with,
)
from tests.desk.conftest import Hotel

RESERVATIONS = frozenset({FolioKind.RESERVATION})


@dataclass
class Demo:
    hotel: Hotel
    company_ids: dict[str, int]
    folio_ids: dict[str, int]  # reservation number -> folio id


@pytest.fixture
def demo(hotel: Hotel, today: date) -> Demo:
    """Four stays in every state, guests in two scripts, two companies, an event and a walk-in."""
    actor = hotel.actor
    with hotel.database.writing() as session:
        session.add(Room(number="103", floor=1, room_type="Single"))
        balkan = Company(name="Balkan Travel Ltd", search_name="balkan travel ltd")
        nordic = Company(name="Nordic Pharma AB", search_name="nordic pharma ab")
        session.add_all([balkan, nordic])
        session.flush()

        def stay(number: str, room: str | None, guests: list[tuple[str, str]], arrival: date, nights: int,
                 company: Company | None = None) -> int:
            people = [new_guest(session, actor, first, last) for first, last in guests]
            session.flush()
            reservation = create_reservation(
                session, actor, number=number, guests=people, arrival=arrival,
                departure=arrival + timedelta(days=nights), nightly_rate=hotel.money("100"),
                room_number=room, company=company,
            )
            return reservation.id

        in_house = stay("R-1001", "101", [("Anna", "Schmidt"), ("Boris", "Novak")], today - timedelta(days=1), 3,
                        company=balkan)
        check_in(session, actor, in_house, today=today - timedelta(days=1))
        departed = stay("R-1002", "101", [("Мария", "Иванова")], today - timedelta(days=10), 2)
        check_in(session, actor, departed, today=today - timedelta(days=10))
        check_out(session, actor, departed)
        stay("R-1003", "102", [("Иван", "Петров")], today + timedelta(days=1), 2)
        other = stay("R-2001", "102", [("Ирина", "Смирнова")], today, 1)
        check_in(session, actor, other, today=today)

        bill_id = load_folio(session, folio_of_reservation(session, in_house)).bills[0].bill.id
        post_service(session, actor, bill_id=bill_id, service_code="LAUNDRY")  # 18.00
        take_payment(session, actor, bill_id, Tender("cash", hotel.money("5.50")))

        summit = Event(name="Sofia Tech Summit", company_id=nordic.id, starts_on=today, ends_on=today + timedelta(2))
        session.add(summit)
        session.flush()
        event_folio(session, actor, summit.id)
        walk_in_folio(session, actor, "Peter Novak")
        folio_ids = {
            number: folio_of_reservation(session, reservation_id)
            for number, reservation_id in (("R-1001", in_house), ("R-1002", departed), ("R-2001", other))
        }
        return Demo(hotel, {"balkan": balkan.id, "nordic": nordic.id}, folio_ids)


def search(demo: Demo, **criteria: object) -> list[FolioRow]:
    return demo.hotel.query(search_folios, FolioQuery(**criteria))  # type: ignore[arg-type]


def numbers(rows: list[FolioRow]) -> set[str]:
    return {row.number for row in rows if row.kind is FolioKind.RESERVATION}


def test_empty_text_lists_in_house_stays_and_accounts(demo: Demo) -> None:
    rows = search(demo)
    assert numbers(rows) == {"R-1001", "R-2001"}
    # Reservations first, latest arrival first; then companies, events, walk-in clients.
    assert [row.number for row in rows[:2]] == ["R-2001", "R-1001"]
    assert [row.kind for row in rows[2:]] == [FolioKind.COMPANY, FolioKind.COMPANY, FolioKind.EVENT, FolioKind.WALK_IN]
    assert numbers(search(demo, in_house_only=False)) == {"R-1001", "R-1002", "R-1003", "R-2001"}


def test_a_row_holds_what_the_main_window_shows(demo: Demo, today: date) -> None:
    (row,) = search(demo, text="R-1001", kinds=RESERVATIONS)
    assert row.folio_id == demo.folio_ids["R-1001"]
    assert row.status == "in_house"
    assert row.room == "101"
    assert row.guests == ("Anna Schmidt", "Boris Novak")
    assert row.name == "Anna Schmidt, Boris Novak"
    assert (row.arrival, row.departure) == (today - timedelta(days=1), today + timedelta(days=2))
    assert row.company == "Balkan Travel Ltd"
    # 18.00 of laundry less 5.50 paid, read from the ledger.
    assert row.balance == demo.hotel.money("12.50")
    assert row.balance == demo.hotel.view(row.folio_id).balance


def test_room_number_matches_exactly(demo: Demo) -> None:
    assert numbers(search(demo, text="101")) == {"R-1001"}
    assert numbers(search(demo, text=" 101 ", in_house_only=False)) == {"R-1001", "R-1002"}
    assert numbers(search(demo, text="10", in_house_only=False, kinds=RESERVATIONS)) == set()
    assert search(demo, text="999") == []


def test_reservation_number_matches_by_prefix_in_any_case(demo: Demo) -> None:
    assert numbers(search(demo, text="r-100", in_house_only=False)) == {"R-1001", "R-1002", "R-1003"}
    assert numbers(search(demo, text="R-2")) == {"R-2001"}
    assert numbers(search(demo, text="R-1001x", in_house_only=False)) == set()


@pytest.mark.parametrize("typed", ["schm", "SCHMIDT", "anna", "bor", "novak", "Anna Schm", "schmidt anna"])
def test_guest_found_by_last_or_first_name_prefix(demo: Demo, typed: str) -> None:
    assert numbers(search(demo, text=typed)) == {"R-1001"}


def test_cyrillic_names_in_any_case(demo: Demo) -> None:
    # "иван" starts a last name (Иванова) and a first name (Иван).
    assert numbers(search(demo, text="иван", in_house_only=False)) == {"R-1002", "R-1003"}
    assert numbers(search(demo, text="ИВАНОВА", in_house_only=False)) == {"R-1002"}
    assert numbers(search(demo, text="Смирн")) == {"R-2001"}
    assert numbers(search(demo, text="ирина смирнова")) == {"R-2001"}
    # Both departed or arriving: not in house.
    assert numbers(search(demo, text="иван")) == set()


def test_company_prefix_finds_its_stays_and_its_account(demo: Demo) -> None:
    rows = search(demo, text="balk")
    assert numbers(rows) == {"R-1001"}
    companies = [row for row in rows if row.kind is FolioKind.COMPANY]
    assert [(row.name, row.owner_id) for row in companies] == [("Balkan Travel Ltd", demo.company_ids["balkan"])]
    # The company has no account yet: the main window opens one when asked.
    assert companies[0].folio_id is None
    assert companies[0].balance is None
    assert companies[0].key == (FolioKind.COMPANY, demo.company_ids["balkan"])


def test_arrival_date(demo: Demo, today: date) -> None:
    tomorrow = today + timedelta(days=1)
    assert numbers(search(demo, arrival=tomorrow, in_house_only=False)) == {"R-1003"}
    assert search(demo, arrival=tomorrow) == []  # nobody arriving tomorrow is in house yet
    # Events starting that day are arrivals too; companies and walk-ins have no arrival.
    today_rows = search(demo, arrival=today, in_house_only=False)
    assert numbers(today_rows) == {"R-2001"}
    assert [row.name for row in today_rows if row.kind is not FolioKind.RESERVATION] == ["Sofia Tech Summit"]


def test_kinds(demo: Demo) -> None:
    (event,) = search(demo, text="sofia", kinds=frozenset({FolioKind.EVENT}))
    assert (event.name, event.company) == ("Sofia Tech Summit", "Nordic Pharma AB")
    assert event.folio_id is not None and event.balance == demo.hotel.money("0")
    rows = search(demo, text="novak")
    assert [(row.kind, row.name) for row in rows] == [
        (FolioKind.RESERVATION, "Anna Schmidt, Boris Novak"),
        (FolioKind.WALK_IN, "Peter Novak"),
    ]
    assert search(demo, text="novak", kinds=frozenset()) == []
    assert {row.kind for row in search(demo, kinds=frozenset({FolioKind.COMPANY}))} == {FolioKind.COMPANY}


def test_limit(demo: Demo) -> None:
    assert len(search(demo, in_house_only=False)) == 8
    rows = search(demo, in_house_only=False, limit=3)
    assert [row.number for row in rows] == ["R-1003", "R-2001", "R-1001"]
    with pytest.raises(InvalidInput) as refused:
        search(demo, limit=0)
    assert refused.value.field == "limit"
    with pytest.raises(InvalidInput):
        search(demo, limit=100_000)


def test_a_stay_found_through_two_guests_counts_once_against_the_limit(demo: Demo, today: date) -> None:
    hotel = demo.hotel
    with hotel.database.writing() as session:
        for number, arrival, family in (("R-3001", today - timedelta(days=30), ["Hans"]),
                                        ("R-3002", today - timedelta(days=20), ["Olga", "Rosa"])):
            guests = [new_guest(session, hotel.actor, first, "Berg") for first in family]
            session.flush()
            create_reservation(session, hotel.actor, number=number, guests=guests, arrival=arrival,
                               departure=arrival + timedelta(days=2), nightly_rate=hotel.money("90"))
    rows = search(demo, text="berg", in_house_only=False, limit=2, kinds=RESERVATIONS)
    assert [row.number for row in rows] == ["R-3002", "R-3001"]
    assert rows[0].guests == ("Olga Berg", "Rosa Berg")


def test_a_group_whose_guests_fill_the_first_read_still_leaves_room_for_older_stays(demo: Demo, today: date) -> None:
    """The guests' terms are read a few pages at a time: a tour group of nine "Lind"s (each found by
    last name) fills the first read, and the older stay is still on the page, the group once."""
    hotel = demo.hotel
    with hotel.database.writing() as session:
        for number, arrival, family in (("R-4001", today - timedelta(days=40), ["Hans"]),
                                        ("R-4002", today - timedelta(days=30), [f"Tourist{n}" for n in range(9)])):
            guests = [new_guest(session, hotel.actor, first, "Lind") for first in family]
            session.flush()
            create_reservation(session, hotel.actor, number=number, guests=guests, arrival=arrival,
                               departure=arrival + timedelta(days=2), nightly_rate=hotel.money("90"))
    for limit in (1, 2, 3):
        rows = search(demo, text="lind", in_house_only=False, limit=limit, kinds=RESERVATIONS)
        assert [row.number for row in rows] == ["R-4002", "R-4001"][:limit], limit
    assert len(search(demo, text="lind", in_house_only=False, limit=1, kinds=RESERVATIONS)[0].guests) == 9


def test_bad_text_is_refused_or_finds_nothing(demo: Demo) -> None:
    with pytest.raises(InvalidInput) as refused:
        search(demo, text="x" * (MAX_TEXT_LENGTH + 1))
    assert refused.value.field == "text"
    assert "too long" in refused.value.message
    # Spaces do not count: a long run of them is an empty search.
    assert numbers(search(demo, text=" " * 500)) == {"R-1001", "R-2001"}
    for typed in ["%", "_", "' OR 1=1 --", "\\", "\U0010ffff", "r-100\U0010ffff"]:
        assert search(demo, text=typed, in_house_only=False) == [], typed


def test_after_prefix() -> None:
    assert _after_prefix("ab") == "ac"
    assert _after_prefix("ив") == "иг"
    assert _after_prefix("a\ud7ff") == "a\ue000"
    assert _after_prefix("a\U0010ffff") == "a\U0010ffff\U0010ffff"


def test_desk_status(demo: Demo) -> None:
    status = demo.hotel.query(desk_status, "anna")
    assert status.cashier_name == "Anna Petrova"
    assert [code for code, _name in status.cash_registers] == ["FP-1", "FP-2"]
    assert demo.hotel.query(desk_status, "nobody").cashier_name is None


def test_name_search_uses_the_indexes(demo: Demo) -> None:
    """Without its indexes a search reads every guest: fine here, far too slow at 100,000 stays."""
    engine = demo.hotel.database.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan of a tiny PostgreSQL table says nothing (sequential scans win there)")
    for column, index in ((Guest.search_name, "ix_guest_search_name"),
                          (Guest.search_first_last, "ix_guest_search_first_last")):
        statement = select(Guest.id).where(starts_with(column, "schm"))
        compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
        with engine.connect() as connection:
            plan = " ".join(str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert index in plan, plan


def test_search_columns_sort_by_code_point_on_postgresql(demo: Demo) -> None:
    """Prefix ranges are exact only in code-point order; a server's locale must not change that."""
    engine = demo.hotel.database.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite compares text by code point already")
    with engine.connect() as connection:
        collations = dict(connection.execute(text(
            "SELECT table_name || '.' || column_name, collation_name FROM information_schema.columns "
            "WHERE (table_name, column_name) IN (('guest', 'search_name'), ('guest', 'search_first_last'), "
            "('company', 'search_name'), ('reservation', 'number'))"
        )).all())
    assert collations == dict.fromkeys(
        ["guest.search_name", "guest.search_first_last", "company.search_name", "reservation.number"], "C"
    )


def test_balances_are_what_each_folio_shows_after_voids_deposits_and_moves(demo: Demo) -> None:
    """The database adds up a page's balances; each is the card's figure, whatever the folio holds."""
    hotel = demo.hotel
    paid = hotel.stay()
    moved = hotel.stay(number="T-MOVED")
    for stay in (paid, moved):
        hotel.run(post_service, bill_id=stay.bill_id, service_code="LAUNDRY")  # 18.00
        hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    payment = hotel.run(take_payment, paid.bill_id, Tender("cash", hotel.money("7.25")))
    hotel.run(void_payment, payment.id, reason="keyed twice", approval=hotel.approval())
    hotel.run(take_payment, paid.bill_id, Tender("cash", hotel.money("3.10")))
    hotel.run(take_deposit, paid.folio_id, Tender("cash", hotel.money("40.00")))
    water = hotel.view(moved.folio_id).bills[0].postings[-1].posting.id
    second = hotel.run(open_bill, moved.folio_id, payer_name="Office")
    hotel.run(move_postings, [water], second.id)
    hotel.run(take_payment, second.id, Tender("cash", hotel.money("1.00")))
    folios = [paid.folio_id, moved.folio_id, *demo.folio_ids.values()]

    balances = hotel.query(folio_balances, folios)

    assert balances == {folio_id: hotel.view(folio_id).balance for folio_id in folios}
    assert balances[paid.folio_id] < hotel.money("0")  # the deposit is more than what is owed


def test_balances_do_not_read_each_posting_into_money(demo: Demo, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of long stays costs one row per folio, not one Money per posting and payment."""
    hotel = demo.hotel
    stay = hotel.stay()
    for _ in range(30):
        hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    parsed: list[str] = []
    original = Money.parse

    def counting(text: str) -> Money:
        parsed.append(text)
        return original(text)

    monkeypatch.setattr(Money, "parse", staticmethod(counting))
    balances = hotel.query(folio_balances, [stay.folio_id])

    assert len(parsed) < 30, parsed
    monkeypatch.undo()
    assert balances == {stay.folio_id: hotel.view(stay.folio_id).balance}


def test_balances_refuse_an_amount_in_another_currency(demo: Demo) -> None:
    folio_id = demo.folio_ids["R-1001"]
    with demo.hotel.database.writing() as session:
        session.execute(text("UPDATE hotel SET base_currency = 'BGN'"))
        # Recorded as every settings change is, so that processes drop the currency they remember.
        record_change(session, demo.hotel.actor, "hotel", "1", "base currency BGN")
    with pytest.raises(InvalidInput) as refused:
        demo.hotel.query(folio_balances, [folio_id])
    assert refused.value.template == "A ledger amount is in {currency}, not the hotel's {base}"
