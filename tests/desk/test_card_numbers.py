"""Whole card numbers in a terminal's lines and the journal's payloads: found and masked, once."""

from __future__ import annotations

import pytest

from desk.core.card_numbers import has_card_number, luhn_ok, mask_card_numbers

PAN = "4761739001010010"  # a test card, Luhn valid


@pytest.mark.parametrize(("line", "masked"), [
    (f"CARD {PAN} VISA", "CARD ************0010 VISA"),
    (f"VISA {PAN} 2.50", "VISA ************0010 2.50"),  # an amount after the number
    (f"VISA {PAN} 250 EUR", "VISA ************0010 250 EUR"),
    ("4761 7390 0101 0010", "************0010"),  # printed in groups
    ("4761-7390-0101-0010 ok", "************0010 ok"),
    (f"{PAN} and 5555555555554444", "************0010 and ************4444"),
])
def test_a_whole_card_number_is_masked_to_its_last_four_digits(line: str, masked: str):
    assert has_card_number(line)
    assert mask_card_numbers(line) == masked
    assert not has_card_number(masked)


@pytest.mark.parametrize("line", [
    "************0010", "Trace 000123 Receipt 0001", "TID 52500038 AID A0000000031010",
    "4761739001010011",  # fails the Luhn check: not a card number
    "2026-11-30 12:00", "Total 1234567.89",
    f"c{PAN}e9f0a1b2c3d4",  # digits inside a hex key: an identifier, not a card
])
def test_what_is_not_a_card_number_is_left_alone(line: str):
    assert not has_card_number(line)
    assert mask_card_numbers(line) == line


def test_the_luhn_check():
    assert luhn_ok(PAN) and luhn_ok("79927398713") and not luhn_ok("79927398710")
