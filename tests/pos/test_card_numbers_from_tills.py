"""A card number a till sends, whatever its spacing, reaches neither the ledger nor the log whole.

The outside check found card numbers with spaces or dashes stored whole in item names, cashier
fields and check numbers, and a key logged in clear when its path had other letter case.
"""

from __future__ import annotations

import logging
import re
import time

import pytest
from sqlalchemy import text

from desk.db.schema import metadata
from tests.pos.helpers import check_body

from .conftest import Pos

WHOLE = re.compile(r"4111[ -]?1111[ -]?1111[ -]?1111")


def _every_text_in_the_database(pos: Pos) -> str:
    with pos.hotel.database.engine.connect() as connection:
        return "\n".join(str(row) for table in metadata.sorted_tables
                         for row in connection.execute(text(f'SELECT * FROM "{table.name}"')))


def test_card_numbers_in_a_check_are_masked_before_they_are_stored(sqlite_pos: Pos):
    pos = sqlite_pos
    stay = pos.hotel.stay()
    body = check_body(pos.hotel, stay, "c-77", lines=[("Tab of 4111-1111-1111-1111", "1", "10.00", "20")])
    body.update(cashier="Card 4111 1111 1111 1111", check_number="4111 1111 1111 1111")
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    stored = _every_text_in_the_database(pos)
    assert not WHOLE.search(stored)
    assert "Tab of ************1111" in stored


def test_a_key_in_a_path_of_any_letter_case_is_not_logged(sqlite_pos: Pos, caplog: pytest.LogCaptureFixture):
    pos = sqlite_pos
    with caplog.at_level(logging.INFO, logger="desk.pos"):
        pos.rest("GET", "/payment-codes")  # a request the log keeps, to know when it has caught up
        import httpx

        httpx.post(f"{pos.url}/FarCards/{pos.key}/GetCardInfoEx", content=b"<x/>", timeout=30)
        deadline = time.monotonic() + 10
        while len([r for r in caplog.records if r.name == "desk.pos"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    joined = "\n".join(r.getMessage() for r in caplog.records if r.name == "desk.pos")
    assert "/FarCards/***/" in joined
    assert pos.key not in joined and pos.key[3:] not in joined
