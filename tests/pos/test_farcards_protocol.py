"""FarCards as ExtDllHTTP reads it: both TransactionsEx envelopes, refusals it can read, no DTD in any encoding."""

from __future__ import annotations

import pytest

from desk.pos.farcards import MalformedMessage, parse_card_query, parse_transactions

from .conftest import Pos
from .helpers import ledger_size, pos_postings

MENU = [("Grilled trout", "18.50", 1)]
DOCTYPE_BOMB = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><ROOT><QRY Card="&b;"/></ROOT>')


def test_both_envelopes_post_a_check(pos: Pos):
    pos.hotel.stay()
    assert pos.sim.transactions("10101", 61, MENU, envelope="TRANSACTIONSEX")["Result"] == "0"
    assert pos.sim.transactions("10101", 62, MENU, envelope="TRANSACTION")["Result"] == "0"
    assert sorted(p.check_number for p in pos_postings(pos.hotel)) == ["61", "62"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_doctype_is_refused_in_every_encoding(encoding: str):
    body = DOCTYPE_BOMB.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        body = "\ufeff".encode(encoding) + body
    assert b"<!DOCTYPE" not in body  # what the old byte filter looked for
    with pytest.raises(MalformedMessage, match="DOCTYPE"):
        parse_card_query(body)
    with pytest.raises(MalformedMessage, match="DOCTYPE"):
        parse_transactions(body.replace("QRY".encode(encoding), "TRANSACTIONSEX".encode(encoding)))


def test_refusals_are_http_200_with_result_1_and_the_reason(sqlite_pos: Pos):
    pos = sqlite_pos
    pos.hotel.stay()
    before = ledger_size(pos.hotel)
    utf16 = pos.farcards("transactionsex", DOCTYPE_BOMB.encode("utf-16"))
    assert utf16.status_code == 200 and b'Result="1"' in utf16.content and b"DOCTYPE" in utf16.content
    card = pos.farcards("getcardinfoex", DOCTYPE_BOMB.encode("utf-16"))
    assert card.status_code == 200 and b'Result="1"' in card.content
    bad_key = pos.farcards("transactionsex", b'<ROOT><TRANSACTIONS><TRANSACTIONSEX Card="10101" Kind="0" Summa="-100"/>'
                                             b"</TRANSACTIONS></ROOT>", key="pk_wrong")
    assert bad_key.status_code == 200 and b'Result="1"' in bad_key.content and b"Unknown POS key" in bad_key.content
    unknown_card = pos.sim.card_info("909")
    assert unknown_card["Result"] == "1" and "no room 909" in unknown_card["ScrMessage"]
    assert ledger_size(pos.hotel) == before
