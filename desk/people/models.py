"""Users and their roles."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Index,
    String,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.db.base import Base, LedgerRecord, enum_column


class Role(enum.StrEnum):
    CLERK = "clerk"
    CASHIER = "cashier"
    MANAGER = "manager"
    POS = "pos"  # the restaurant POS service's own account: posts and cancels POS orders only


class User(Base):
    __tablename__ = "user_account"
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    password_hash: Mapped[str] = mapped_column(String(200))
    # A short PIN for switching user at the desk, hashed like the password; None: no PIN set.
    pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    # Wrong passwords and PINs since the last success; reaching the limit locks until locked_until.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    # False: the user may no longer sign in, and a session they have open acts no more.
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    # True: the password was chosen by someone else (set-up, an administrator's reset); the user sets
    # their own at the next sign-in and acts on nothing before.
    must_change_secret: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The cashier's taxpayer number (Russia's ИНН, 12 digits): a registered register prints it (tag 1203).
    tax_id: Mapped[str] = mapped_column(String(12), default="", server_default="")


class AdminChange(LedgerRecord, Base):
    """One change an administrator made (a user, a service, a rate...): who, where, when and what.

    Only ever added: the desk's database role may insert and read these rows, not change them, and
    the flush guard and the triggers of migration 0032 refuse an update or delete, as for the ledger.
    """

    __tablename__ = "admin_change"
    # An audit trail reads one record's changes: a user's, a service's.
    __table_args__ = (Index("ix_admin_change_kind_code", "kind", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))
    # What was changed (user, service, outlet...), which one (its code), and how, in plain words.
    kind: Mapped[str] = mapped_column(String(24))
    code: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(400))



class DeskSession(Base):
    """A workstation where someone is signed in now, as its heartbeat last said: a restore waits until
    no other desk is here. Replaced at each sign-in, removed at sign-out; a desk that was killed leaves
    its row behind, which stops counting once ``last_seen`` is old (desk.people.desks)."""

    __tablename__ = "desk_session"
    workstation: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(40))
    signed_in_at: Mapped[datetime]
    last_seen: Mapped[datetime]
