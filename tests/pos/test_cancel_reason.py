"""A till's reason for cancelling a check is kept with the reversal; the service used to drop it."""

from __future__ import annotations

from tests.pos.helpers import check_body, pos_postings

from .conftest import Pos


def test_the_tills_reason_is_kept_with_the_reversal_and_a_card_number_in_it_is_masked(sqlite_pos: Pos):
    pos = sqlite_pos
    hotel = pos.hotel
    stay = hotel.stay()
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "c-7")).status_code == 201
    answer = pos.rest("POST", "/checks/c-7/cancel", json={"reason": "Wrong table, paid by 4111 1111 1111 1111"})
    assert answer.status_code == 200
    reversal = pos_postings(hotel)[-1]
    assert reversal.kind.value == "reversal"
    assert reversal.reason.startswith("Cancelled at the POS (check ")
    assert ": Wrong table, paid by " in reversal.reason
    assert "4111" not in reversal.reason and reversal.reason.endswith("1111")
