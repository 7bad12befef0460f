"""E-mail addresses as the desk accepts them wherever one is typed."""

from __future__ import annotations

import re

from desk.core.errors import InvalidInput

# An address worth sending to: something@somewhere.tld, no spaces; the server decides the rest.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
EMAIL_LENGTH = 254  # the longest address SMTP carries (RFC 5321's path less its brackets)


def optional_email(address: str, field: str = "email") -> str:
    """The address stripped, or "" for none; refused unless it looks like one."""
    address = address.strip()
    if address and (len(address) > EMAIL_LENGTH or not EMAIL_PATTERN.match(address)):
        raise InvalidInput("{email} is not an e-mail address", field=field, email=address)
    return address
