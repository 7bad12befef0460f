"""Whole card numbers in free text (a terminal's receipt lines, a journal payload): found and masked.

A card number is 13-19 digits, printed whole or in groups, whose Luhn check holds. A run of digits
may carry more than the number (an amount printed after it, "4761739001010010 2.50"), so every
length the run allows is tried, longest first, from each place a group starts.
"""

from __future__ import annotations

import re

# Letters on either side make the digits part of an identifier (a journal key, an operator's hex id: a
# random 32-hex key holds a Luhn-valid run of 13 digits often enough to refuse a payment now and then).
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])\d(?:[ -]?\d){12,}(?![0-9A-Za-z])")
_SHORTEST, _LONGEST = 13, 19


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card_spans(run: str) -> list[tuple[int, int]]:
    """Where in ``run`` (digits with single spaces or dashes) whole card numbers stand."""
    starts = [0] + [m.end() for m in re.finditer(r"[ -]", run)]
    found: list[tuple[int, int]] = []
    taken = 0
    for start in starts:
        if start < taken:
            continue
        for end in sorted({m.start() for m in re.finditer(r"[ -]", run[start:])} | {len(run) - start},
                          reverse=True):
            digits = re.sub(r"\D", "", run[start:start + end])
            if _SHORTEST <= len(digits) <= _LONGEST and luhn_ok(digits):
                found.append((start, start + end))
                taken = start + end
                break
    return found


def has_card_number(text: str) -> bool:
    return any(_card_spans(match.group()) for match in _DIGIT_RUN.finditer(text))


def mask_card_numbers(text: str) -> str:
    """``text`` with every whole card number masked to its last four digits."""

    def mask(match: re.Match[str]) -> str:
        run = match.group()
        for start, end in reversed(_card_spans(run)):
            digits = re.sub(r"\D", "", run[start:end])
            run = run[:start] + "*" * (len(digits) - 4) + digits[-4:] + run[end:]
        return run

    return _DIGIT_RUN.sub(mask, text)
