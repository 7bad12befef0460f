"""A check's lines post as the hotel's services by the outlet's POS mapping, over the real socket,
on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.core.errors import NotFound
from desk.core.money import Money
from desk.db.runner import Runner
from desk.hotel.catalogue import add_service
from desk.people.auth import trusted_actor
from desk.people.models import AdminChange, Role
from desk.people.rights import MissingRight
from desk.pos.item_map import item_map, outlet_map, remove_item_map, set_item_map
from desk.pos.models import MapKind, PosCheck
from tests.desk.conftest import make_hotel

from .conftest import ADMIN, Pos
from .helpers import check_body, pos_postings
from .test_farcards import TRANSCRIPTS

CLERK = trusted_actor("clerk", "TEST-CLERK", Role.CLERK)


def _services(pos: Pos, *, default: bool = True) -> None:
    run = Runner(pos.hotel.database).run
    for code, name, tax, category in (("FOOD", "Restaurant food", "VAT20", "food"),
                                      ("DRINKS", "Restaurant drinks", "VAT20", "beverages"),
                                      ("REST-OTHER", "Restaurant, other", "VAT20", "food")):
        run(add_service, ADMIN, code, name, Money.of("1.00", "EUR"), tax, category)
    run(set_item_map, ADMIN, "REST", "item", "31", "FOOD")
    run(set_item_map, ADMIN, "REST", "category", "WINE", "DRINKS")
    if default:
        run(set_item_map, ADMIN, "REST", "default", "", "REST-OTHER")


def _lines(body: dict, codes: list[tuple[str, str]]) -> dict:
    for line, (code, category) in zip(body["lines"], codes, strict=True):
        line["code"], line["category"] = code, category
    return body


def _unmapped(pos: Pos, check_id: str) -> int:
    return pos.hotel.query(lambda s: s.scalar(select(PosCheck.unmapped_lines).where(PosCheck.check_id == check_id)))


def test_lines_post_as_the_mapped_services_and_the_rest_as_the_default(pos: Pos):
    hotel = pos.hotel
    _services(pos)
    stay = hotel.stay()
    body = _lines(check_body(hotel, stay, "m-1", lines=[("Grilled trout", "2", "18.50", "20"),
                                                        ("Merlot 0.2", "1", "7.00", "20"),
                                                        ("Tonic", "1", "3.00", "20")]),
                  [("31", "MAIN"), ("77", "WINE"), ("99", "SOFT")])
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    posted = {(p.service_code, p.description, str(p.amount), p.tax_code) for p in pos_postings(hotel)}
    assert posted == {("FOOD", "Restaurant food", "EUR 37.00", "VAT20"),
                      ("DRINKS", "Restaurant drinks", "EUR 7.00", "VAT20"),
                      ("REST-OTHER", "Restaurant, other", "EUR 3.00", "VAT20")}
    assert _unmapped(pos, "m-1") == 1  # the tonic: the revenue report names the check
    again = pos.rest("POST", "/checks", json=body)
    assert again.json()["replayed"] is True and len(pos_postings(hotel)) == 3

    # Giving the wine back reverses its service's posting only, and what is left keeps its service.
    refund = {"refund_id": "r-1", "amount": "7.00",
              "lines": [{"item": "Merlot 0.2", "quantity": "1", "price": "7.00", "tax": "20", "category": "WINE"}]}
    assert pos.rest("POST", "/checks/m-1/refund", json=refund).status_code == 200
    open_charges = [p for p in pos_postings(hotel) if p.kind.value == "charge" and p.amount.is_positive]
    left = {(p.service_code, str(p.amount)) for p in open_charges}
    assert ("DRINKS", "EUR 0.00") not in left and ("FOOD", "EUR 37.00") in left
    assert sum((p.amount.amount for p in pos_postings(hotel)), start=0) == 40


def test_an_unmapped_line_without_a_default_is_the_outlets_sale_never_refused(pos: Pos):
    hotel = pos.hotel
    _services(pos, default=False)
    stay = hotel.stay()
    body = _lines(check_body(hotel, stay, "m-2", lines=[("Grilled trout", "1", "18.50", "20"),
                                                        ("Mystery dish", "1", "9.00", "20")]),
                  [("31", ""), ("", "")])
    assert pos.rest("POST", "/checks", json=body).status_code == 201
    posted = {(p.service_code, p.description, str(p.amount)) for p in pos_postings(hotel)}
    assert posted == {("FOOD", "Restaurant food", "EUR 18.50"), (None, "Restaurant Panorama", "EUR 9.00")}
    assert _unmapped(pos, "m-2") == 1


def test_an_outlet_without_a_mapping_posts_as_before(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "m-3")).status_code == 201
    assert [(p.service_code, p.description) for p in pos_postings(hotel)] == [(None, "Restaurant Panorama")]


def test_farcards_lines_post_by_their_dish_codes(sqlite_pos: Pos):
    hotel = sqlite_pos.hotel
    _services(sqlite_pos)
    Runner(hotel.database).run(set_item_map, ADMIN, "REST", "item", "45", "DRINKS")
    hotel.stay(guests=2, number="R00001")
    request = (TRANSCRIPTS / "04_transactionsex_post.request.xml").read_bytes()
    answer = sqlite_pos.farcards("transactionsex", request)
    assert b'Result="0"' in answer.content, answer.content
    posted = {(p.service_code, str(p.amount)) for p in pos_postings(hotel)}
    assert posted == {("FOOD", "EUR 37.00"), ("DRINKS", "EUR 14.00")}
    assert _unmapped(sqlite_pos, hotel.query(lambda s: s.scalar(select(PosCheck.check_id)))) == 0


def test_the_mapping_is_a_managers_change_recorded_and_checked(pos: Pos):
    hotel = pos.hotel
    run = Runner(hotel.database).run
    _services(pos)
    with pytest.raises(MissingRight):
        run(set_item_map, CLERK, "REST", "item", "32", "FOOD")
    with pytest.raises(NotFound, match="There is no service NOPE"):
        run(set_item_map, ADMIN, "REST", "item", "32", "NOPE")
    with pytest.raises(NotFound, match="There is no outlet NOWHERE"):
        run(set_item_map, ADMIN, "NOWHERE", "item", "32", "FOOD")
    run(set_item_map, ADMIN, "REST", "item", "31", "DRINKS")
    run(remove_item_map, ADMIN, "REST", "category", "WINE")
    rows = hotel.query(lambda s: [(r.kind, r.pos_code, r.service, r.revenue_group) for r in item_map(s, "REST")])
    assert rows == [(MapKind.DEFAULT, "", "REST-OTHER", "food"), (MapKind.ITEM, "31", "DRINKS", "beverages")]
    changes = hotel.query(lambda s: [(c.code, c.summary) for c in s.scalars(
        select(AdminChange).where(AdminChange.kind == "pos_item_map").order_by(AdminChange.id))])
    assert changes[-2:] == [("REST:item:31", "FOOD -> DRINKS"), ("REST:category:WINE", "DRINKS -> -")]


def test_a_unit_that_changes_an_outlets_mapping_posts_by_the_change(hotel_url: str):
    """A map read earlier in the same unit (kept per unit and per process) is not served after the change."""
    hotel = make_hotel(hotel_url)
    try:
        run = Runner(hotel.database).run
        for code, name in (("FOOD", "Restaurant food"), ("DRINKS", "Restaurant drinks")):
            run(add_service, ADMIN, code, name, Money.of("1.00", "EUR"), "VAT20", "food")
        run(set_item_map, ADMIN, "REST", "item", "31", "FOOD")
        with hotel.database.writing() as session:
            assert outlet_map(session, "REST").items["31"].code == "FOOD"
            set_item_map(session, ADMIN, "REST", "item", "31", "DRINKS")
            assert outlet_map(session, "REST").items["31"].code == "DRINKS"
            remove_item_map(session, ADMIN, "REST", "item", "31")
            assert "31" not in outlet_map(session, "REST").items
        with hotel.database.unit_of_work() as session:
            assert "31" not in outlet_map(session, "REST").items
    finally:
        hotel.database.dispose()
