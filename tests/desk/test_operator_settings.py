"""A manager changes the hotel's account at a card operator (the Settings window's use cases), and asks
the operator whether the desk reaches it with what is saved."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from desk.audit.models import AuditEntry
from desk.cards.models import CardOperatorConfig
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.operators.fakes.converge import FakeConverge
from desk.cards.operators.fakes.saferpay import FakeSaferpay
from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import (
    OperatorKeysRefused,
    OperatorSettings,
    OperatorUnreachable,
    add_operator,
    change_operator,
    check_operator_connection,
    operator_settings,
    typed_operator_settings,
)
from desk.core import sealed
from desk.core.errors import InvalidInput
from desk.people.models import Role
from desk.people.rights import MissingRight

from . import adyen_rig, converge_rig, online_rig, saferpay_rig
from .conftest import MISSING_RIGHT, Hotel, refused
from .operator_rig import operator_on_loopback

NEW_KEY = "sk_test_51NewKeyAfterRotation77"


@pytest.fixture
def stripe(hotel: Hotel) -> Iterator[tuple[FakeStripe, int]]:
    with operator_on_loopback(hotel, FakeStripe(online_rig.SECRET_KEY), name="Stripe", kind="stripe",
                              secret=online_rig.SECRET_KEY, account="acct_test", currencies=("EUR",)) as made:
        yield made[0], made[1]


def _trail(hotel: Hotel) -> list[AuditEntry]:
    with hotel.database.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def _row(hotel: Hotel, operator_id: int) -> CardOperatorConfig:
    return hotel.query(lambda s: s.get_one(CardOperatorConfig, operator_id))


def test_a_manager_changes_currencies_and_keeps_the_saved_key(hotel: Hotel, stripe):
    _, operator_id = stripe
    manager = hotel.as_role(Role.MANAGER)
    sealed_before = _row(hotel, operator_id).secret_sealed
    info = manager.run(change_operator, operator_id, account="acct_test", api_base=_row(hotel, operator_id).api_base,
                       currencies=("eur", "CHF"), retention_days=45)
    assert info.currencies == ("EUR", "CHF") and info.retention_days == 45
    assert _row(hotel, operator_id).secret_sealed == sealed_before  # an empty key field keeps the saved key
    change = _trail(hotel)[-1]
    columns = json.loads(change.content)["detail"]["changes"][0]["columns"]
    assert columns["currencies"] == {"before": "EUR", "after": "EUR,CHF"}
    assert columns["retention_days"] == {"before": 30, "after": 45}
    assert "secret_sealed" not in columns


def test_a_new_key_is_sealed_and_the_trail_says_only_that_it_changed(hotel: Hotel, stripe):
    _, operator_id = stripe
    manager = hotel.as_role(Role.MANAGER)
    row = _row(hotel, operator_id)
    manager.run(change_operator, operator_id, account=row.account, api_base=row.api_base, currencies=("EUR",),
                retention_days=30, secret_key=f"  {NEW_KEY} ")
    row = _row(hotel, operator_id)
    assert NEW_KEY not in row.secret_sealed
    assert sealed.unseal(sealed.Sealed(row.secret_sealed, row.key_id)) == NEW_KEY
    change = _trail(hotel)[-1]
    assert json.loads(change.content)["detail"]["changes"][0]["columns"]["secret_sealed"] == {"secret": "changed"}
    assert NEW_KEY not in change.content and NEW_KEY not in change.summary


def test_a_cashier_may_not_change_an_operator(hotel: Hotel, stripe):
    _, operator_id = stripe
    cashier = hotel.as_role(Role.CASHIER)
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: cashier.run(change_operator, operator_id, account="acct_test", api_base="", currencies=("EUR",),
                                retention_days=30))


def test_bad_currencies_are_refused_and_nothing_changes(hotel: Hotel, stripe):
    _, operator_id = stripe
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "Name the currencies the operator takes, as EUR,CHF",
            lambda: manager.run(change_operator, operator_id, account="acct_test", api_base="",
                                currencies=("EURO",), retention_days=30), field="currencies")


def test_adyen_hmac_key_changes_alone_and_the_api_key_stays(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    new_hmac = "A" * 64
    with operator_on_loopback(hotel, FakeAdyen(adyen_rig.API_KEY, adyen_rig.MERCHANT), name="Adyen", kind="adyen",
                              secret=adyen_rig.API_KEY, account=adyen_rig.MERCHANT, currencies=("EUR",),
                              hmac_key=adyen_rig.HMAC_KEY) as (_, operator_id, _cashier):
        manager = hotel.as_role(Role.MANAGER)
        row = _row(hotel, operator_id)
        refused(hotel, InvalidInput, "Enter the HMAC key of the Adyen webhook, as Adyen shows it (hexadecimal)",
                lambda: manager.run(change_operator, operator_id, account=row.account, api_base=row.api_base,
                                    currencies=("EUR",), retention_days=30, hmac_key="not hex"), field="hmac_key")
        manager.run(change_operator, operator_id, account=row.account, api_base=row.api_base, currencies=("EUR",),
                    retention_days=30, hmac_key=new_hmac)
        keys = hotel.query(operator_settings, operator_id).adyen_keys()
        assert keys == {"api_key": adyen_rig.API_KEY, "hmac_key": new_hmac}


# --- Check connection ---------------------------------------------------------------------------


def test_the_check_passes_with_the_right_key_and_names_a_wrong_one(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    with operator_on_loopback(hotel, FakeStripe(online_rig.SECRET_KEY), name="Stripe", kind="stripe",
                              secret=online_rig.SECRET_KEY, account="", currencies=("EUR",)) as (fake, operator_id, _):
        check_operator_connection(hotel.query(operator_settings, operator_id))
        assert fake.requests[-1][0] == "GET"  # asked, nothing done
        manager = hotel.as_role(Role.MANAGER)
        row = _row(hotel, operator_id)
        manager.run(change_operator, operator_id, account="", api_base=row.api_base, currencies=("EUR",),
                    retention_days=30, secret_key=NEW_KEY)
        with pytest.raises(OperatorKeysRefused) as caught:
            check_operator_connection(hotel.query(operator_settings, operator_id))
        assert caught.value.template == "{operator} refused the account or the key: {reason}"
        assert NEW_KEY not in str(caught.value)


def test_the_check_says_when_the_operator_cannot_be_reached(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    with operator_on_loopback(hotel, FakeStripe(online_rig.SECRET_KEY), name="Stripe", kind="stripe",
                              secret=online_rig.SECRET_KEY, account="", currencies=("EUR",)) as (fake, operator_id, _):
        fake.unreachable = True
        with pytest.raises(OperatorUnreachable) as caught:
            check_operator_connection(hotel.query(operator_settings, operator_id))
        assert caught.value.template == "The desk could not reach {operator} at {address}: {reason}"


def _records(fake: object) -> str:
    """What the fake holds (cards, payments), without its log of requests and its clock."""
    state = {k: v for k, v in fake.state().items() if k not in ("requests", "clock")}  # type: ignore[attr-defined]
    return json.dumps(state, sort_keys=True, default=str)


@pytest.mark.parametrize("operator", ["adyen", "saferpay", "converge"])
def test_each_operator_is_checked_by_asking_it_nothing_that_changes_anything(sqlite_hotel: Hotel, operator: str):
    hotel = sqlite_hotel
    fakes = {
        "adyen": (FakeAdyen(adyen_rig.API_KEY, adyen_rig.MERCHANT), adyen_rig.API_KEY, adyen_rig.MERCHANT,
                  {"hmac_key": adyen_rig.HMAC_KEY}, "AQE_wrong_key"),
        "saferpay": (FakeSaferpay(user=saferpay_rig.USER, password=saferpay_rig.PASSWORD),
                     f"{saferpay_rig.USER}:{saferpay_rig.PASSWORD}", saferpay_rig.ACCOUNT, {},
                     f"{saferpay_rig.USER}:wrong"),
        "converge": (FakeConverge(user=converge_rig.USER, pin=converge_rig.PIN), converge_rig.PIN,
                     converge_rig.ACCOUNT, {}, "WRONGPIN"),
    }
    fake, secret, account, extra, wrong = fakes[operator]
    with operator_on_loopback(hotel, fake, name=operator, kind=operator, secret=secret, account=account,
                              currencies=("EUR",), **extra) as (fake, operator_id, _):
        before = _records(fake)
        check_operator_connection(hotel.query(operator_settings, operator_id))
        assert _records(fake) == before
        row = _row(hotel, operator_id)
        hotel.as_role(Role.MANAGER).run(change_operator, operator_id, account=row.account, api_base=row.api_base,
                                        currencies=("EUR",), retention_days=30, secret_key=wrong)
        with pytest.raises(OperatorKeysRefused):
            check_operator_connection(hotel.query(operator_settings, operator_id))


# --- Check connection with what is typed, before it is saved -------------------------------------


def _typed(who: Hotel, operator_id: int | None, kind: str, **typed: Any) -> OperatorSettings:
    return who.query(lambda s: typed_operator_settings(s, who.actor, operator_id, kind, **typed))


def test_the_check_uses_the_typed_key_and_address_and_saves_nothing(hotel: Hotel, stripe):
    fake, operator_id = stripe
    manager = hotel.as_role(Role.MANAGER)
    saved_before = _row(hotel, operator_id).secret_sealed
    typed = _typed(manager, operator_id, "stripe", name="Stripe", account="acct_test", api_base=fake.base_url,
                   currencies=("EUR",), secret_key=NEW_KEY)
    with pytest.raises(OperatorKeysRefused):
        check_operator_connection(typed)
    assert _row(hotel, operator_id).secret_sealed == saved_before
    assert hotel.query(operator_settings, operator_id).secret == online_rig.SECRET_KEY
    # An empty key field is the saved key, with the address as typed.
    kept = _typed(manager, operator_id, "stripe", name="Stripe", account="acct_test", api_base=fake.base_url,
                  currencies=("EUR",))
    check_operator_connection(kept)
    elsewhere = _typed(manager, operator_id, "stripe", name="Stripe", account="acct_test",
                       api_base="http://127.0.0.1:9", currencies=("EUR",))
    with pytest.raises(OperatorUnreachable):
        check_operator_connection(elsewhere)


def test_a_new_operator_is_checked_before_it_is_saved_and_needs_a_key(hotel: Hotel, stripe):
    fake, _ = stripe
    manager = hotel.as_role(Role.MANAGER)
    typed = _typed(manager, None, "stripe", name="Stripe CHF", account="", api_base=fake.base_url,
                   currencies=("CHF",), secret_key=online_rig.SECRET_KEY)
    check_operator_connection(typed)
    assert [row.name for row in hotel.query(lambda s: list(s.scalars(select(CardOperatorConfig))))] == ["Stripe"]
    refused(hotel, InvalidInput, "Enter the operator's secret key",
            lambda: _typed(manager, None, "stripe", name="Stripe CHF", account="", api_base=fake.base_url,
                           currencies=("CHF",)), field="secret")
    cashier = hotel.as_role(Role.CASHIER)
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: _typed(cashier, None, "stripe", name="S", account="", api_base=fake.base_url,
                           currencies=("EUR",), secret_key=NEW_KEY))


def test_adyen_checks_a_typed_api_key_with_the_saved_hmac_key(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    with operator_on_loopback(hotel, FakeAdyen(adyen_rig.API_KEY, adyen_rig.MERCHANT), name="Adyen", kind="adyen",
                              secret="AQE_old_key", account=adyen_rig.MERCHANT, currencies=("EUR",),
                              hmac_key=adyen_rig.HMAC_KEY) as (_fake, operator_id, _cashier):
        manager = hotel.as_role(Role.MANAGER)
        row = _row(hotel, operator_id)
        with pytest.raises(OperatorKeysRefused):
            check_operator_connection(hotel.query(operator_settings, operator_id))
        typed = _typed(manager, operator_id, "adyen", name="Adyen", account=row.account, api_base=row.api_base,
                       currencies=("EUR",), secret_key=adyen_rig.API_KEY)
        check_operator_connection(typed)
        assert typed.adyen_keys() == {"api_key": adyen_rig.API_KEY, "hmac_key": adyen_rig.HMAC_KEY}
        assert hotel.query(operator_settings, operator_id).adyen_keys()["api_key"] == "AQE_old_key"


def test_saving_changing_and_checking_refuse_a_wrong_account_alike(sqlite_hotel: Hotel):
    # One home for the checks: what Save refuses, Check connection refuses with the same words.
    hotel = sqlite_hotel
    with operator_on_loopback(hotel, FakeSaferpay(user=saferpay_rig.USER, password=saferpay_rig.PASSWORD),
                              name="Saferpay", kind="saferpay", secret=f"{saferpay_rig.USER}:{saferpay_rig.PASSWORD}",
                              account=saferpay_rig.ACCOUNT, currencies=("EUR",)) as (fake, operator_id, _cashier):
        manager = hotel.as_role(Role.MANAGER)
        typed: dict[str, Any] = {"account": "245294", "api_base": fake.base_url, "currencies": ("EUR",)}
        account = "Enter the Saferpay account as CustomerId/TerminalId, as 245294/17795278"
        refused(hotel, InvalidInput, account, lambda: manager.run(
            add_operator, "Saferpay 2", "saferpay", "USER:PASSWORD", **typed), field="account")
        refused(hotel, InvalidInput, account, lambda: manager.run(
            change_operator, operator_id, retention_days=30, **typed), field="account")
        refused(hotel, InvalidInput, account, lambda: _typed(manager, operator_id, "saferpay", name="Saferpay",
                                                             **typed), field="account")
        refused(hotel, InvalidInput, account, lambda: _typed(manager, None, "saferpay", name="Saferpay 2",
                                                             secret_key="USER:PASSWORD", **typed), field="account")
        password = "Enter the Saferpay JSON API user and its password as USER:PASSWORD"
        typed["account"] = saferpay_rig.ACCOUNT
        refused(hotel, InvalidInput, password, lambda: manager.run(
            add_operator, "Saferpay 2", "saferpay", "USER-ONLY", **typed), field="secret")
        refused(hotel, InvalidInput, password, lambda: _typed(manager, None, "saferpay", name="Saferpay 2",
                                                              secret_key="USER-ONLY", **typed), field="secret")
        unknown = "The desk does not know the card operator {operator}"
        refused(hotel, InvalidInput, unknown, lambda: manager.run(
            add_operator, "Other", "paypal", "key", **typed), field="operator")
        refused(hotel, InvalidInput, unknown, lambda: _typed(manager, None, "paypal", name="Other",
                                                             secret_key="key", **typed), field="operator")
