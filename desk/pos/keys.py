"""Each POS has its own key: created and revoked by an administrator, kept only as a hash."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, NotFound
from desk.core.types import utcnow
from desk.hotel.models import Outlet
from desk.hotel.reference import forget, per_unit, reference
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.pos.errors import RevokedKey, UnknownKey
from desk.pos.models import PosKey

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,23}")
KEY_PREFIX = "pk_"


@dataclass(frozen=True)
class KeyInfo:
    name: str
    outlet: str | None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None


def key_hash(key: str) -> str:
    # Keys are 192 random bits, so a plain SHA-256 cannot be brute-forced and costs no latency.
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def create_key(session: Session, actor: Actor, name: str, outlet: str | None = None) -> str:
    """A new key for the POS ``name``; the only time the key itself is ever seen."""
    require(actor, Right.MANAGE_POS_KEYS)
    if outlet is not None and session.get(Outlet, outlet) is None:
        raise InvalidInput("There is no outlet {outlet}", field="outlet", outlet=outlet)
    if not NAME.fullmatch(name or ""):
        raise InvalidInput("A POS name is 1-24 letters, digits, '.', '_' or '-'", field="name")
    if session.get(PosKey, name) is not None:
        raise InvalidInput("POS {name} already has a key: revoke it first or choose another name",
                           field="name", name=name)
    key = KEY_PREFIX + secrets.token_urlsafe(24)
    session.add(PosKey(name=name, key_hash=key_hash(key), outlet_code=outlet, created_by=actor.username))
    session.flush()
    return key


def revoke_key(session: Session, actor: Actor, name: str) -> KeyInfo:
    require(actor, Right.MANAGE_POS_KEYS)
    record = session.get(PosKey, name, with_for_update=True)
    if record is None:
        raise NotFound("There is no POS named {name}", name=name)
    if record.revoked_at is None:
        record.revoked_at = utcnow()
        record.revoked_by = actor.username
        forget(session, "pos_key")  # postings later in this transaction are refused
    return _info(record)


def list_keys(session: Session) -> list[KeyInfo]:
    return [_info(k) for k in session.scalars(select(PosKey).order_by(PosKey.name))]


_keys = PosKey.__table__.c
_KEY_BY_HASH = select(_keys.name, _keys.revoked_at, _keys.outlet_code).where(_keys.key_hash == bindparam("digest"))


def authenticate(session: Session, key: str | None) -> str:
    """The name of the POS holding ``key``; refuses a missing, unknown or revoked key."""
    if not key:
        raise UnknownKey("No POS key was sent: send the key this POS was given by the hotel")
    # Postings committed together share one transaction (desk.pos.service.GroupWriter): the key is
    # read once in it; revoke_key forgets what was read, so the postings after it are refused.
    known = per_unit(session, "pos_key")
    digest = key_hash(key)
    if digest not in known:
        known[digest] = session.connection().execute(_KEY_BY_HASH, {"digest": digest}).first()
    record = known[digest]
    if record is None:
        raise UnknownKey("Unknown POS key: ask the hotel's administrator for a key")
    # The key's outlet comes with it: own_outlet need not read the same row again for each check.
    per_unit(session, "pos_outlet").setdefault(record.name, record.outlet_code)  # type: ignore[attr-defined]
    if record.revoked_at is not None:  # type: ignore[attr-defined]
        raise RevokedKey("The key of POS {name} was revoked: ask the hotel's administrator for a new one",
                         name=record.name)  # type: ignore[attr-defined]
    return str(record.name)  # type: ignore[attr-defined]


def _info(record: PosKey) -> KeyInfo:
    return KeyInfo(record.name, record.outlet_code, record.created_at, record.created_by, record.revoked_at)


def own_outlet(session: Session, pos_name: str) -> str | None:
    """The outlet a POS's key was made for: it posts there only. None: a key of the whole hotel."""
    own = reference(session, "pos_outlet", pos_name, _OUTLET_OF_KEY, name=pos_name)
    return str(own) if own else None


def outlet_of(session: Session, pos_name: str) -> str:
    """The outlet a POS posts to: its own, else the hotel's first."""
    own = own_outlet(session, pos_name)
    if own:
        return own
    first = reference(session, "first_outlet", None, _FIRST_OUTLET)
    if first is None:
        raise NotFound("The hotel has no outlet set up")
    return str(first)


_OUTLET_OF_KEY = select(_keys.outlet_code).where(_keys.name == bindparam("name"))
_FIRST_OUTLET = select(Outlet.__table__.c.code).order_by(Outlet.__table__.c.code).limit(1)


@dataclass(frozen=True)
class PosSetup:
    """What the desk's POS connections window shows: keys, payment codes, settings, outlets."""

    keys: tuple[KeyInfo, ...]
    codes: tuple[tuple[str, str, str], ...]  # code, meaning (credit/deposit), name
    outlets: tuple[tuple[str, str], ...]  # code, name
    after_checkout: str
    run_in_desk: bool


def pos_setup(session: Session) -> PosSetup:
    from desk.pos.checks import SETTING_AFTER_CHECKOUT, get_setting, payment_codes, runs_in_desk

    return PosSetup(
        tuple(list_keys(session)),
        tuple((c.code, c.meaning.value, c.name) for c in payment_codes(session)),
        tuple((o.code, o.name) for o in session.scalars(select(Outlet).order_by(Outlet.code))),
        get_setting(session, SETTING_AFTER_CHECKOUT),
        runs_in_desk(session),
    )
