"""r_keeper's FarCards HTTP protocol end to end, against recorded transcripts of each message."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from desk.db.runner import Runner
from desk.ledger.folios import BillStatus
from desk.pos.farcards import MalformedMessage, parse_card_query, parse_transactions
from desk.pos.keys import revoke_key

from .conftest import ADMIN, Pos
from .helpers import ledger_size, pos_postings

TRANSCRIPTS = Path(__file__).with_name("transcripts")
RECORD = os.environ.get("POS_RECORD") == "1"  # rewrite the answers after a deliberate change
MENU = [("Grilled trout", "18.50", 2), ("House wine 0.5 l", "14.00", 1)]


def _normalised(answer: bytes) -> str:
    return re.sub(r"\d{4}-\d{2}-\d{2}", "DATE", answer.decode("utf-8"))


def exchange(pos: Pos, name: str, function: str) -> bytes:
    """Send a recorded request; its answer must match the recorded answer."""
    request = (TRANSCRIPTS / f"{name}.request.xml").read_bytes()
    answer = pos.farcards(function, request)
    expected = TRANSCRIPTS / f"{name}.answer.xml"
    if RECORD:
        expected.write_text(_normalised(answer.content), encoding="utf-8")
    assert _normalised(answer.content) == expected.read_text(encoding="utf-8"), name
    return answer.content


def test_transcripts_lookup_post_retry_cancel(sqlite_pos: Pos):
    """The whole flow of R1-R6 as r_keeper sends it, one recorded message after another."""
    hotel = sqlite_pos.hotel
    stay = hotel.stay(guests=2, number="R00001")
    exchange(sqlite_pos, "01_getcardinfoex_room_of_two", "getcardinfoex")
    exchange(sqlite_pos, "02_getcardinfoex_guest_code", "getcardinfoex")
    exchange(sqlite_pos, "03_getcardinfoex_room_unknown", "getcardinfoex")
    exchange(sqlite_pos, "04_transactionsex_post", "transactionsex")
    exchange(sqlite_pos, "04_transactionsex_post", "transactionsex")  # a resend after a timeout
    postings = pos_postings(hotel)
    assert len(postings) == 1
    posting = postings[0]
    assert (posting.check_number, posting.outlet_code, posting.amount) == ("4711", "REST", hotel.money("51.00"))
    bill = hotel.view(stay.folio_id).bill(posting.bill_id)
    assert bill.status is BillStatus.NOT_PAID and bill.bill.payer_name == "Guest1 Test"
    exchange(sqlite_pos, "05_transactionsex_cancel", "transactionsex")
    exchange(sqlite_pos, "05_transactionsex_cancel", "transactionsex")
    assert [p.kind.value for p in pos_postings(hotel)] == ["charge", "reversal"]
    exchange(sqlite_pos, "06_transactionsex_malformed", "transactionsex")
    assert len(pos_postings(hotel)) == 2


def test_simulator_round_trip(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay(guests=2)
    sim = pos.sim
    info = sim.card_info("101")
    assert info["Locked"] == "1" and "10101 Guest0 Test; 10102 Guest1 Test" in info["ScrMessage"]
    guest = sim.card_info("10102")
    assert (guest["Result"], guest["Locked"], guest["Holder"]) == ("0", "0", "Guest1 Test")
    assert int(guest["Summa"]) > 0
    assert sim.transactions("10102", 17, MENU, guid="g-17")["Result"] == "0"
    assert sim.transactions("10102", 17, MENU, guid="g-17")["Result"] == "0"
    assert len(pos_postings(hotel)) == 1
    items = hotel.query(lambda s: [(i.name, i.quantity) for i in s.merge(pos_postings(hotel)[0]).items])
    assert items == [("Grilled trout", 2), ("House wine 0.5 l", 1)]
    assert sim.transactions("10102", 17, MENU, guid="g-17", cancel=True)["Result"] == "0"
    assert sim.transactions("10102", 17, MENU, guid="g-17", cancel=True)["Result"] == "0"
    assert hotel.view(stay.folio_id).balance == hotel.money("0.00")
    assert len(pos_postings(hotel)) == 2


def test_refusals_name_why(sqlite_pos: Pos):
    hotel = sqlite_pos.hotel
    hotel.stay(guests=2)
    sim = sqlite_pos.sim
    room = sim.transactions("101", 5, MENU)
    assert room["Result"] == "1" and "several guests" in room["err_text"]
    unmapped = sim.transactions("10101", 6, MENU, code="77")
    assert unmapped["Result"] == "1" and "payment code 77 is not mapped" in unmapped["err_text"]
    unknown = sim.transactions("10101", 7, MENU, guid="never-posted", cancel=True)
    assert unknown["Result"] == "1" and "never charged" in unknown["err_text"]
    unknown_card = sim.card_info("999")  # no such card (Result 1), the reason for the log
    assert unknown_card["Result"] == "1" and "There is no room 999" in unknown_card["ScrMessage"]
    assert "Nobody stays in room 102" in sim.card_info("102")["WhyLock"]
    bad_key = sqlite_pos.farcards("getcardinfoex", b'<ROOT><QRY Card="101"/></ROOT>', key="pk_wrong")
    assert bad_key.status_code == 200 and b'Result="1"' in bad_key.content and b"Unknown POS key" in bad_key.content
    Runner(hotel.database).run(revoke_key, ADMIN, "till-1")
    assert "revoked" in sim.card_info("10101").get("ScrMessage", "")  # at once, on the next request
    revoked = sim.transactions("10101", 8, MENU)
    assert revoked["Result"] == "1" and "revoked" in revoked["err_text"]
    assert pos_postings(hotel) == []


@pytest.mark.parametrize("body", [
    b"", b"not xml", b"<ROOT><QRY Card='1'></ROOT>", b'<ROOT><QRY Card="12a"/></ROOT>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><ROOT><QRY Card="&a;"/></ROOT>',
    b'<ROOT><QRY Card="1\x01"/></ROOT>', b'<?xml version="1.0" encoding="UTF-8"?><ROOT><QRY Card="\xff\xfe"/></ROOT>',
    b'<?xml version="1.0" encoding="x-unknown"?><ROOT/>', b"<ROOT/>",
])
def test_malformed_card_queries_are_refused(body: bytes):
    with pytest.raises(MalformedMessage):
        parse_card_query(body)


@pytest.mark.parametrize("body", [
    b"<ROOT><TRANSACTIONS/></ROOT>", b'<ROOT><TRANSACTIONSEX Card="1" Kind="x" Summa="1"/></ROOT>',
    b'<ROOT><TRANSACTIONSEX Card="1" Kind="0"/></ROOT>',
    b'<ROOT><TRANSACTIONSEX Card="1" Kind="0" Summa="-100"/><INPBUF><CHECK><CHECKDATA checknum="1"><CHECKLINES>'
    b'<LINE name="a" price="1e999" quantity="1"/></CHECKLINES></CHECKDATA></CHECK></INPBUF></ROOT>',
    b"<ROOT>" + b"<A>" * 10 + b"</ROOT>", b"<ROOT>" + b" " * (300 * 1024) + b"</ROOT>",
])
def test_malformed_transactions_are_refused(body: bytes):
    with pytest.raises(MalformedMessage):
        parse_transactions(body)


def test_malformed_messages_over_the_wire_write_nothing(sqlite_pos: Pos):
    hotel = sqlite_pos.hotel
    hotel.stay()
    before = ledger_size(hotel)
    for body in (b"garbage", b"\x00\x01\x02", b"<ROOT><TRANSACTIONSEX Card='x'/></ROOT>"):
        answer = sqlite_pos.farcards("transactionsex", body)
        # ExtDllHTTP reads a refusal only from an HTTP 200.
        assert answer.status_code == 200 and b'Result="1"' in answer.content, body[:20]
    # A body too large is cut before it is read.
    assert sqlite_pos.farcards("transactionsex", b"<" * 400_000).status_code == 413
    assert ledger_size(hotel) == before
