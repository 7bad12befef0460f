"""The hotel's business date: the day the desk works in, which the night audit moves on."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session


def business_date(session: Session) -> date:  # noqa: ARG001 (the night audit's version reads it)
    """The hotel's business date: for now its local date today (the night audit will keep its own)."""
    return date.today()
