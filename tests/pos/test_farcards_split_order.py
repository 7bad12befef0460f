"""Two checks of one r_keeper order (a split bill) are two postings; a resend of either is one.

An order's GUID and the check number together pass 40 characters; the desk cut them, so the second
check of the order looked like the first and was refused as a conflict (the outside check, issue 22).
"""

from __future__ import annotations

from desk.pos.farcards import check_identity
from tests.pos.helpers import pos_postings

from .conftest import Pos

MENU = [("Grilled trout", "18.50", 1)]
ORDER = "{6F9619FF-8B86-D011-B42D-00C04FC964FF}"


def test_both_checks_of_a_split_order_are_posted_and_each_only_once(sqlite_pos: Pos):
    pos = sqlite_pos
    pos.hotel.stay()
    sim = pos.sim
    card = "10101"
    assert sim.transactions(card, 100234, MENU, guid=ORDER)["Result"] == "0"
    assert sim.transactions(card, 100235, MENU, guid=ORDER)["Result"] == "0"
    assert sim.transactions(card, 100234, MENU, guid=ORDER)["Result"] == "0"  # the till sends it again
    postings = pos_postings(pos.hotel)
    assert sorted(p.check_number for p in postings) == ["100234", "100235"]


def test_an_identity_that_fits_is_kept_and_a_longer_one_is_digested_whole():
    assert check_identity("1-1001") == "1-1001"
    long_a, long_b = f"{ORDER}/100234", f"{ORDER}/100235"
    assert len(long_a) > 40
    assert check_identity(long_a) != check_identity(long_b)
    assert check_identity(long_a) == check_identity(long_a) and len(check_identity(long_a)) == 40
