"""The reports' own words in the hotel's languages, for their PDF and CSV (desk has no Qt; the
screen translates the same English templates with Qt's catalogue). English is the key."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {"ru": {}, "bg": {}}


def word(language: str, english: str, **params: object) -> str:
    text = WORDS.get(language, {}).get(english, english)
    return text.format(**params) if params else text
