"""The hotel's online card operators and the cards saved at them (R10, R11).

An operator's secret key is sealed as every desk secret is (desk.core.sealed): never stored in
clear, shown or logged. A saved card is its operator's token with what identifies it to a person;
never a card number. It is deleted (at the operator, then here) when its date has passed.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CardOperatorConfig, CardOperatorReader, SavedCard
from desk.cards.operators.interface import AnswerLost, CardOnFile, CardOperator, OperatorError, Refused
from desk.core import sealed
from desk.core.errors import DeskError, InvalidInput, NotFound
from desk.people.auth import Actor
from desk.people.rights import Right, require

OPERATORS = ("stripe", "adyen", "saferpay", "converge")
_HEX_KEY = re.compile(r"^(?:[0-9A-Fa-f]{2}){16,}$")
_NAME = re.compile(r"^\S.{0,79}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# A reader's id as its operator gives it (Stripe Terminal: tmr_ and letters and digits).
_READER = re.compile(r"^[A-Za-z0-9_\-]{3,80}$")
# An Adyen terminal's POIID: its model and serial number, as V400m-324688179.
_POIID = re.compile(r"^[A-Za-z0-9]{2,20}-[0-9]{3,20}$")
# The operators whose own reader saves a card presented to it, driven from here (R10).
READER_OPERATORS = frozenset({"stripe", "adyen"})


class OperatorKeyError(DeskError):
    """This workstation cannot open the operator's saved key (no key file, or another one)."""

    field = "secret"


@dataclass(frozen=True)
class OperatorInfo:
    """An operator account as dialogs and workflows see it: never its secret key."""

    id: int
    name: str
    operator: str
    account: str
    api_base: str
    currencies: tuple[str, ...]
    retention_days: int
    key_prefix: str


@dataclass(frozen=True)
class OperatorSettings:
    info: OperatorInfo
    sealed_secret: sealed.Sealed = field(repr=False)

    @property
    def secret(self) -> str:
        """The operator's secret key, opened with this workstation's key only when calling it."""
        try:
            return sealed.unseal(self.sealed_secret)
        except sealed.KeyMissing:
            raise OperatorKeyError("This workstation has no key for the secret key of {name}: copy {path} here "
                                   "from the computer where it was saved, or set the operator up again",
                                   name=self.info.name, path=str(sealed.key_file())) from None
        except sealed.KeyMismatch:
            raise OperatorKeyError("The key in {path} is not the one the secret key of {name} was saved with: "
                                   "copy the right key file here, or set the operator up again",
                                   name=self.info.name, path=str(sealed.key_file())) from None

    def adyen_keys(self) -> dict[str, str]:
        # Adyen's API key and webhook HMAC key are sealed together, one secret of the account.
        keys = json.loads(self.secret)
        return {"api_key": str(keys["api_key"]), "hmac_key": str(keys["hmac_key"])}

    @property
    def hmac_key(self) -> str:
        """The key (hex) the operator signs its webhooks with; "" for an operator without webhooks."""
        return self.adyen_keys()["hmac_key"] if self.info.operator == "adyen" else ""


def _info(row: CardOperatorConfig) -> OperatorInfo:
    currencies = tuple(c for c in row.currencies.split(",") if c)
    return OperatorInfo(row.id, row.name, row.operator, row.account, row.api_base, currencies, row.retention_days,
                        row.key_prefix)


def _sealed_secret(secret: str) -> sealed.Sealed:
    try:
        return sealed.seal(secret)
    except sealed.KeyUnwritable as exc:
        raise OperatorKeyError("The key file {path} cannot be written ({reason})", path=str(sealed.key_file()),
                               reason=exc.reason) from None
    except sealed.NotAKey:
        raise OperatorKeyError("The file {path} is not a key for saved passwords: move it away and save again",
                               path=str(sealed.key_file())) from None


def _currencies(currencies: tuple[str, ...]) -> tuple[str, ...]:
    wanted = tuple(c.strip().upper() for c in currencies if c.strip())
    if not wanted or any(not _CURRENCY.match(c) for c in wanted):
        raise InvalidInput("Name the currencies the operator takes, as EUR,CHF", field="currencies")
    return wanted


def _check_retention(retention_days: int) -> None:
    if not 1 <= retention_days <= 3650:
        raise InvalidInput("Saved cards are kept between 1 and 3650 days after departure", field="retention")


def _check_hmac_key(hmac_key: str) -> None:
    if not _HEX_KEY.match(hmac_key.strip()):
        raise InvalidInput("Enter the HMAC key of the Adyen webhook, as Adyen shows it (hexadecimal)",
                           field="hmac_key")


def _check_adyen_account(session: Session, account: str, operator_id: int | None = None) -> None:
    if not account.strip():
        raise InvalidInput("Enter the Adyen merchant account", field="account")
    taken = session.scalar(select(CardOperatorConfig.id).where(
        CardOperatorConfig.operator == "adyen", CardOperatorConfig.account == account.strip(),
        CardOperatorConfig.id != (operator_id or 0)))
    if taken is not None:
        raise InvalidInput("The merchant account {account} is set up already", field="account",
                           account=account.strip())


def add_operator(session: Session, actor: Actor, name: str, operator: str, secret_key: str, *, account: str = "",
                 api_base: str = "", currencies: tuple[str, ...] = ("EUR",), retention_days: int = 30,
                 hmac_key: str = "", reader: str | None = None) -> OperatorInfo:
    """Configure the hotel's account at an online card operator; ``api_base`` empty is the operator's own.

    Adyen also needs the merchant account (``account``) and the HMAC key its webhooks are signed with.
    ``reader``: the operator's card reader at the actor's workstation (None: left as it is).
    """
    require(actor, Right.MANAGE_DEVICES)
    name = name.strip()
    if not _NAME.match(name):
        raise InvalidInput("An operator needs a name", field="name")
    wanted = _checked_settings(session, operator, None, account=account, secret_key=secret_key,
                               currencies=currencies, hmac_key=hmac_key)
    _check_retention(retention_days)
    if session.scalar(select(CardOperatorConfig.id).where(CardOperatorConfig.name == name)) is not None:
        raise InvalidInput("There is already an operator called {name}", field="name", name=name)
    secret_text = secret_key.strip()
    if operator == "adyen":
        secret_text = json.dumps({"api_key": secret_text, "hmac_key": hmac_key.strip()})
    secret = _sealed_secret(secret_text)
    row = CardOperatorConfig(name=name, operator=operator, account=account.strip()[:80],
                             api_base=api_base.strip()[:200], currencies=",".join(wanted),
                             secret_sealed=secret.token, key_id=secret.key_id,
                             key_prefix=secrets.token_hex(4), retention_days=retention_days)
    session.add(row)
    session.flush()
    if reader is not None:
        set_operator_reader(session, actor, row.id, actor.workstation, reader)
    return _info(row)


def change_operator(session: Session, actor: Actor, operator_id: int, *, account: str, api_base: str,
                    currencies: tuple[str, ...], retention_days: int, secret_key: str = "",
                    hmac_key: str = "", reader: str | None = None) -> OperatorInfo:
    """Change the hotel's account at an operator (Settings -> Card operators). An empty ``secret_key``
    (or, for Adyen, ``hmac_key``) keeps the saved one: a saved secret is never shown to be typed again."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CardOperatorConfig, operator_id, with_for_update=True)
    if row is None:
        raise NotFound("There is no card operator {operator}", operator=operator_id)
    wanted = _checked_settings(session, row.operator, row.id, account=account, secret_key=secret_key,
                               currencies=currencies, hmac_key=hmac_key)
    _check_retention(retention_days)
    new_secret = secret_key.strip()
    if row.operator == "adyen" and (new_secret or hmac_key.strip()):
        kept = OperatorSettings(_info(row), sealed.Sealed(row.secret_sealed, row.key_id)).adyen_keys()
        new_secret = json.dumps({"api_key": new_secret or kept["api_key"],
                                 "hmac_key": hmac_key.strip() or kept["hmac_key"]})
    if new_secret:
        secret = _sealed_secret(new_secret)
        row.secret_sealed, row.key_id = secret.token, secret.key_id
    row.account, row.api_base = account.strip()[:80], api_base.strip()[:200]
    row.currencies, row.retention_days = ",".join(wanted), retention_days
    session.flush()
    if reader is not None:
        set_operator_reader(session, actor, row.id, actor.workstation, reader)
    return _info(row)


def _checked_settings(session: Session, operator: str, operator_id: int | None, *, account: str, secret_key: str,
                      currencies: tuple[str, ...], hmac_key: str, trying: bool = False) -> tuple[str, ...]:
    """The one home of the checks an operator's settings pass, saved (add_operator, change_operator) or only
    tried (typed_operator_settings); the currencies as kept. ``operator_id`` None: a new operator, whose
    keys must be typed; an existing one's empty key fields keep its saved keys."""
    if operator not in OPERATORS:
        raise InvalidInput("The desk does not know the card operator {operator}", field="operator",
                           operator=operator)
    new = operator_id is None
    if new and not secret_key.strip():
        raise InvalidInput("Enter the operator's secret key", field="secret")
    if operator == "saferpay":
        _check_saferpay(account, secret_key or "kept:kept")
    if operator == "converge":
        _check_converge(account)
    wanted = _currencies(currencies)
    if operator == "adyen":
        _check_adyen_account(session, account, operator_id)
        if hmac_key.strip() or (new and not trying):
            _check_hmac_key(hmac_key)
    return wanted


def _check_saferpay(account: str, secret_key: str) -> None:
    from desk.cards.operators.saferpay import parse_account

    try:
        parse_account(account)
    except ValueError:
        raise InvalidInput("Enter the Saferpay account as CustomerId/TerminalId, as 245294/17795278",
                           field="account") from None
    user, colon, password = secret_key.strip().partition(":")
    if not (user and colon and password):
        raise InvalidInput("Enter the Saferpay JSON API user and its password as USER:PASSWORD", field="secret")


def _check_converge(account: str) -> None:
    from desk.cards.operators.converge import parse_account

    try:
        parse_account(account)
    except ValueError:
        raise InvalidInput("Enter the Converge account as MerchantId/UserId, as 0022587/apiuser",
                           field="account") from None


@dataclass(frozen=True)
class _TypedSettings(OperatorSettings):
    """Settings as typed in the Settings window, never saved: the key is held as typed for one check."""

    typed_secret: str = field(default="", repr=False)

    @property
    def secret(self) -> str:
        return self.typed_secret


def typed_operator_settings(session: Session, actor: Actor, operator_id: int | None, operator: str, *, name: str,
                            account: str, api_base: str, currencies: tuple[str, ...], secret_key: str = "",
                            hmac_key: str = "") -> OperatorSettings:
    """The settings as typed in Settings -> Card operators, for Check connection before they are saved
    (``operator_id`` None: a new operator). An empty key field is the saved key; nothing is written."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CardOperatorConfig, operator_id) if operator_id is not None else None
    if operator_id is not None and row is None:
        raise NotFound("There is no card operator {operator}", operator=operator_id)
    if row is not None:
        operator = row.operator
    # Check connection needs no webhook key: a new Adyen account is tried before its HMAC key is typed.
    wanted = _checked_settings(session, operator, operator_id, account=account, secret_key=secret_key,
                               currencies=currencies, hmac_key=hmac_key, trying=True)
    secret = secret_key.strip()
    kept = OperatorSettings(_info(row), sealed.Sealed(row.secret_sealed, row.key_id)) if row is not None else None
    if operator == "adyen":
        keys = kept.adyen_keys() if kept is not None else {"api_key": "", "hmac_key": ""}
        secret = json.dumps({"api_key": secret or keys["api_key"], "hmac_key": hmac_key.strip() or keys["hmac_key"]})
    elif not secret and kept is not None:
        secret = kept.secret
    info = OperatorInfo(operator_id or 0, name.strip() or (row.name if row is not None else operator), operator,
                        account.strip()[:80], api_base.strip()[:200], wanted,
                        row.retention_days if row is not None else 0, row.key_prefix if row is not None else "")
    return _TypedSettings(info, sealed.Sealed("", ""), secret)


def set_operator_reader(session: Session, actor: Actor, operator_id: int, workstation: str, reader: str) -> None:
    """The operator's card reader at ``workstation`` (Settings -> Card operators); "" takes it away."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CardOperatorConfig, operator_id)
    if row is None:
        raise NotFound("There is no card operator {operator}", operator=operator_id)
    reader = reader.strip()
    if reader and row.operator not in READER_OPERATORS:
        raise InvalidInput("{operator} cannot save a card from a reader here", field="reader", operator=row.name)
    if reader and row.operator == "adyen" and not _POIID.match(reader):
        raise InvalidInput("Enter the terminal's POIID as Adyen shows it, its model and serial number, as "
                           "V400m-324688179", field="reader")
    if reader and not _READER.match(reader):
        raise InvalidInput("Enter the reader's id as the operator shows it, as tmr_FDOt2wlRZEdpd7", field="reader")
    kept = session.scalar(select(CardOperatorReader).where(
        CardOperatorReader.operator_id == operator_id, CardOperatorReader.workstation == workstation))
    if kept is not None and not reader:
        session.delete(kept)
    elif kept is not None:
        kept.reader = reader
    elif reader:
        session.add(CardOperatorReader(operator_id=operator_id, workstation=workstation, reader=reader))
    session.flush()


def operator_reader(session: Session, operator_id: int, workstation: str) -> str:
    """The operator's card reader at ``workstation``; "" when it has none."""
    return session.scalar(select(CardOperatorReader.reader).where(
        CardOperatorReader.operator_id == operator_id, CardOperatorReader.workstation == workstation)) or ""


def operator_readers(session: Session, workstation: str) -> dict[int, str]:
    """Each operator's card reader at ``workstation``, by operator id (only those that have one)."""
    rows = session.execute(select(CardOperatorReader.operator_id, CardOperatorReader.reader).where(
        CardOperatorReader.workstation == workstation))
    return {operator_id: reader for operator_id, reader in rows}


def list_operators(session: Session) -> list[OperatorInfo]:
    return [_info(row) for row in session.scalars(select(CardOperatorConfig).order_by(CardOperatorConfig.name))]


def operator_settings(session: Session, operator_id: int) -> OperatorSettings:
    row = session.get(CardOperatorConfig, operator_id)
    if row is None:
        raise NotFound("There is no card operator {operator}", operator=operator_id)
    return OperatorSettings(_info(row), sealed.Sealed(row.secret_sealed, row.key_id))


def connect_operator(settings: OperatorSettings) -> CardOperator:
    """The operator's client; the secret key is opened here, for this call only."""
    info = settings.info
    if info.operator == "stripe":
        from desk.cards.operators.stripe import StripeOperator

        return StripeOperator(settings.secret, api_base=info.api_base, name=info.name)
    if info.operator == "adyen":
        from desk.cards.operators.adyen import AdyenOperator

        return AdyenOperator(settings.adyen_keys()["api_key"], info.account, api_base=info.api_base,
                             name=info.name, save_currency=info.currencies[0])
    if info.operator == "saferpay":
        from desk.cards.operators.saferpay import SaferpayOperator

        return SaferpayOperator(settings.secret, info.account, api_base=info.api_base, name=info.name)
    if info.operator == "converge":
        from desk.cards.operators.converge import ConvergeOperator

        return ConvergeOperator(settings.secret, info.account, api_base=info.api_base, name=info.name)
    raise InvalidInput("The desk does not know the card operator {operator}", field="operator",
                       operator=info.operator)


class OperatorKeysRefused(DeskError):
    """The operator answered, and refused the saved account or key."""

    field = "secret"


class OperatorUnreachable(DeskError):
    """No answer came from the operator's address (a wrong address, no network, a firewall)."""

    field = "api_base"


def check_operator_connection(settings: OperatorSettings) -> None:
    """Ask the operator something that changes nothing, with the saved account and key: returns when it
    answered as the account's own, else says plainly what is wrong. Never called inside a unit of work."""
    operator = connect_operator(settings)
    info = settings.info
    try:
        operator.check_connection()
    except Refused as exc:
        raise OperatorKeysRefused("{operator} refused the account or the key: {reason}", operator=info.name,
                                  reason=exc.message) from None
    except AnswerLost as exc:
        raise OperatorUnreachable("The desk could not reach {operator} at {address}: {reason}", operator=info.name,
                                  address=info.api_base or info.operator, reason=str(exc)) from None
    except OperatorError as exc:
        raise OperatorKeysRefused("{operator} refused the account or the key: {reason}", operator=info.name,
                                  reason=exc.message) from None


# --- saved cards --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedCardView:
    """A saved card as the Credit card section shows it: never its token's secret, never a number."""

    id: int
    operator_id: int
    operator: str
    masked_pan: str
    brand: str
    expiry: str
    holder: str
    delete_after: date
    reservation_id: int | None
    company_id: int | None
    event_id: int | None
    deleted: bool

    def days_left(self, today: date | None = None) -> int:
        return max(0, (self.delete_after - (today or date.today())).days)


def _card_view(row: SavedCard, operator_name: str) -> SavedCardView:
    return SavedCardView(row.id, row.operator_id, operator_name, row.masked_pan, row.brand, row.expiry, row.holder,
                         row.delete_after, row.reservation_id, row.company_id, row.event_id,
                         row.deleted_at is not None)


def saved_cards(session: Session, *, reservation_id: int | None = None, company_id: int | None = None,
                event_id: int | None = None, include_deleted: bool = False) -> list[SavedCardView]:
    """The cards saved on a reservation, a company or an event, oldest first."""
    query = select(SavedCard, CardOperatorConfig.name).join(CardOperatorConfig).order_by(SavedCard.id)
    if reservation_id is not None:
        query = query.where(SavedCard.reservation_id == reservation_id)
    if company_id is not None:
        query = query.where(SavedCard.company_id == company_id)
    if event_id is not None:
        query = query.where(SavedCard.event_id == event_id)
    if not include_deleted:
        query = query.where(SavedCard.deleted_at.is_(None))
    return [_card_view(row, name) for row, name in session.execute(query)]


def saved_card(session: Session, card_id: int) -> SavedCardView:
    row = session.get(SavedCard, card_id)
    if row is None:
        raise NotFound("There is no saved card {card}", card=card_id)
    return _card_view(row, session.get_one(CardOperatorConfig, row.operator_id).name)


def card_on_file(session: Session, card_id: int) -> CardOnFile:
    """The operator's token of a saved card, to charge it; refused once it was deleted."""
    row = session.get(SavedCard, card_id)
    if row is None:
        raise NotFound("There is no saved card {card}", card=card_id)
    if row.deleted_at is not None:
        raise InvalidInput("This saved card was deleted", field="card")
    return CardOnFile(row.token, row.customer)


def cards_to_purge(session: Session, today: date | None = None) -> list[int]:
    """Saved cards whose date has passed and that are not deleted yet (R11)."""
    return list(session.scalars(select(SavedCard.id).where(
        SavedCard.deleted_at.is_(None), SavedCard.delete_after < (today or date.today())).order_by(SavedCard.id)))
