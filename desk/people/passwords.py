"""What a password must be, decided once: every use case that sets one asks :func:`check_new_password`.

Long enough to resist guessing at the desk's rate of five tries per quarter hour, and none of the
choices a colleague guesses first: the user name itself, or one key held down.
"""

from __future__ import annotations

from desk.core.errors import InvalidInput

MIN_PASSWORD_LENGTH = 10


class WeakPassword(InvalidInput):
    """A new password the policy refuses; the message says which rule."""

    field = "password"


def check_new_password(username: str, password: str) -> None:
    """Refuse a password the hotel's policy does not allow (WeakPassword names the rule)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword("A password has at least {length} characters", length=MIN_PASSWORD_LENGTH)
    if password.strip().casefold() == username.strip().casefold():
        raise WeakPassword("A password may not be the user name")
    if len(set(password)) == 1:
        raise WeakPassword("A password may not be one character repeated")
