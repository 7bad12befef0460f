"""CSV import of rooms, services, companies and guests: a header row, each row checked as the
windows check it, the whole file refused with the lines at fault (nothing written), Excel's UTF-8
with BOM and its ';' accepted, each import recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desk.core.errors import InvalidAmount, InvalidInput, UnknownCurrency
from desk.hotel.catalogue import catalogue
from desk.hotel.models import Room
from desk.imports.csv_import import CsvRefused, ImportRefused, import_csv
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.companies import list_companies
from desk.stays.models import Guest
from desk.stays.rooms import add_room_type
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused

REFUSED = "The file was not imported: {count} lines refused"


def _manager(hotel: Hotel) -> Hotel:
    manager = hotel.as_role(Role.MANAGER)
    manager.run(add_room_type, "SUITE", "Suite", hotel.money("180.00"), 2)
    return manager


def _rooms(hotel: Hotel) -> dict[str, tuple[str, int]]:
    with hotel.database.unit_of_work() as session:
        return {room.number: (room.room_type, room.floor) for room in session.scalars(select(Room))}


def test_rooms_services_companies_and_guests_from_excel_files(hotel: Hotel):
    manager = _manager(hotel)
    rooms = "\ufeffnumber;type;floor\r\n201;SUITE;2\r\n202;Double;2\r\n".encode()
    summary = manager.run(import_csv, "rooms", rooms, "rooms.csv")
    assert summary.imported == 2
    assert {number: row for number, row in _rooms(hotel).items() if number.startswith("20")} == {
        "201": ("SUITE", 2), "202": ("Double", 2)}
    services = ("code,name,price,vat,name_ru\n"
                'MASSAGE,Massage,"35,50",VAT20,Посещение спа\n'
                "GARAGE,Garage,12.00,VAT20,\n").encode()
    assert manager.run(import_csv, "services", services, "services.csv").imported == 2
    by_code = {service.code: service for service in hotel.query(catalogue).services}
    assert by_code["MASSAGE"].price == hotel.money("35.50") and by_code["MASSAGE"].names.get("ru") == "Посещение спа"
    companies = "name;tax_id;address;credit_limit\nАО «Северное сияние»;7701234567;Москва;5000\n".encode()
    assert manager.run(import_csv, "companies", companies, "companies.csv").imported == 1
    assert [(c.name, c.tax_id) for c in hotel.query(list_companies)] == [("АО «Северное сияние»", "7701234567")]
    guests = "first_name,last_name,email,phone\nИван,Петров,ivan@example.com,+7 900 000 00 00\n".encode()
    assert manager.run(import_csv, "guests", guests, "guests.csv").imported == 1
    with hotel.database.unit_of_work() as session:
        assert session.scalar(select(Guest.email).where(Guest.last_name == "Петров")) == "ivan@example.com"
    recorded = manager.query(changes_of, "import")
    assert [(change.code, change.summary) for change in recorded] == [
        ("rooms", "2 rooms from rooms.csv"), ("services", "2 services from services.csv"),
        ("companies", "1 companies from companies.csv"), ("guests", "1 guests from guests.csv")]


def test_one_bad_row_refuses_the_whole_file_naming_each_line(hotel: Hotel):
    manager = _manager(hotel)
    services = (b"code;name;price;vat;currency\n"
                b"YOGA;Yoga;35.50;VAT20;\n"
                b"BAD;Too precise;35.505;VAT20;\n"
                b"TAX;Unknown VAT;10;NOPE;\n"
                b"USD;Dollars;10;VAT20;USD\n"
                b"XXX;Unknown money;10;VAT20;ZZZ\n")
    error = refused(hotel, ImportRefused, REFUSED, lambda: manager.run(import_csv, "services", services, "s.csv"),
                    field="file")
    assert [(line, type(problem), problem.template) for line, problem in error.problems] == [
        (3, InvalidAmount, "{amount} has more decimals than {currency} allows ({digits})"),
        (4, InvalidInput, "There is no VAT rate {code}"),
        (5, InvalidInput, "A price is in the hotel's currency, {currency}"),
        (6, UnknownCurrency, "Unknown currency “{currency}”"),
    ]
    rooms = b"number;type;floor\n301;SUITE;3\n301;SUITE;3\n302;NOSUCH;3\n303;SUITE;third\n"
    error = refused(hotel, ImportRefused, REFUSED, lambda: manager.run(import_csv, "rooms", rooms, "r.csv"),
                    field="file")
    assert [(line, problem.template) for line, problem in error.problems] == [
        (3, "There is already a room {room}"), (4, "There is no room type {type}"),
        (5, "“{value}” is not a whole number")]


def test_a_file_without_its_header_or_not_utf8_is_refused(hotel: Hotel):
    manager = _manager(hotel)
    refused(hotel, CsvRefused, "The first line must name the columns; {kind} need {columns}",
            lambda: manager.run(import_csv, "rooms", b"201;SUITE;2\n", "r.csv"))
    refused(hotel, CsvRefused, "Unknown column {column}; {kind} have {columns}",
            lambda: manager.run(import_csv, "rooms", b"number;type;floor;view\n201;SUITE;2;sea\n", "r.csv"))
    refused(hotel, CsvRefused, "The file is not UTF-8 text (save it as CSV UTF-8)",
            lambda: manager.run(import_csv, "guests", "first_name;last_name\nИван;Петров\n".encode("cp1251"),
                                "g.csv"))
    refused(hotel, CsvRefused, "Line {line} has {count} values, the header {columns}",
            lambda: manager.run(import_csv, "guests", b"first_name;last_name\nAnna;Berg;extra\n", "g.csv"))
    refused(hotel, CsvRefused, "Nothing can be imported as {kind}",
            lambda: manager.run(import_csv, "reservations", b"number\n1\n", "x.csv"), field="kind")


def test_a_clerk_may_not_import(hotel: Hotel):
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.run(import_csv, "guests", b"first_name;last_name\nAnna;Berg\n", "g.csv"))


def test_desk_import_command(sqlite_hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]):
    from desk.cli.main import main
    from tests.actors import demo_credentials

    _manager(sqlite_hotel)
    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = sqlite_hotel.database.url
    good, bad = tmp_path / "rooms.csv", tmp_path / "more.csv"
    good.write_bytes("\ufeffnumber;type;floor\n401;SUITE;4\n".encode())
    bad.write_bytes(b"number;type;floor\n402;SUITE;4\n401;SUITE;4\n")
    assert main(["--database", url, "import", "rooms", str(good)]) == 0
    assert capsys.readouterr().out == "Imported 1 rooms from rooms.csv\n"
    assert main(["--database", url, "import", "rooms", str(bad)]) == 1
    assert capsys.readouterr().err == ("desk: The file was not imported: 1 lines refused\n"
                                       "  line 3: There is already a room 401\n")
    assert "402" not in _rooms(sqlite_hotel)
