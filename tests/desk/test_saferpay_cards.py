"""Saved cards at Worldline/SIX Saferpay (issue 25), against the fake Saferpay over loopback through our
own client: save (alias with a lifetime), charge (AuthorizeDirect as the merchant, then Capture),
pre-authorise, capture part (MultipartCapture FINAL), release, refund once (then captured), expired
holds, lost answers resolved by RequestId/RetryIndicator or by our OrderId, and retention. Each flow
is checked in the ledger and in the fake's own record."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from desk.cards import operations as cards
from desk.cards.models import CardRecordKind
from desk.cards.operator_workflow import (
    capture_online_hold,
    charge_saved_card,
    idempotency_key,
    pre_authorise_saved_card,
    purge_saved_cards,
    reconcile_online,
    refund_online_payment,
    release_online_hold,
    save_card,
    save_card_by_terminal_reference,
)
from desk.cards.operators.saferpay import alias_id
from desk.cards.saved_cards import add_operator, saved_card, saved_cards
from desk.core.card_numbers import has_card_number
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import IntentState, unresolved
from desk.ledger.models import PaymentKind
from desk.people.models import Role

from .conftest import Hotel, charged_stay, refused
from .saferpay_rig import ACCOUNT, PASSWORD, USER, SaferpayRig, make_saferpay_rig

AUTHORIZE = "/api/Payment/v1/Transaction/AuthorizeDirect"
CAPTURE = "/api/Payment/v1/Transaction/Capture"
MULTIPART = "/api/Payment/v1/Transaction/MultipartCapture"


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[SaferpayRig]:
    yield from make_saferpay_rig(hotel)


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel) -> Iterator[SaferpayRig]:
    """For what only the operator's protocol decides: the same on either database."""
    yield from make_saferpay_rig(sqlite_hotel)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def sent(rig: SaferpayRig, path: str) -> list[tuple[str, int]]:
    """(RequestId, RetryIndicator) of each request the fake received on ``path``."""
    return [(request_id, retry) for p, request_id, retry in rig.fake.requests if p == path]


def test_a_card_is_saved_as_an_alias_with_a_lifetime_and_what_a_person_reads(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.id, card.brand, card.masked_pan, card.expiry, card.holder) == (
        card_id, "visa", "•••• 0004", "09/2031", "Anna Gast")
    token = rig.token(card_id)
    alias = rig.fake.aliases[token.lower()]
    # Saferpay deletes the alias by itself a week after the desk will (R11): never kept for ever.
    assert alias["Lifetime"] == (card.delete_after - date.today()).days + 7
    assert token.isalpha() and len(token) <= 40  # an id of letters: never read as a card number
    [(request_id, retry)] = sent(rig, "/api/Payment/v1/Alias/InsertDirect")
    assert retry == 0 and token == alias_id(request_id)


def test_a_terminal_transaction_is_turned_into_an_alias(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "1:100002:1:87768996410", "Anna Gast",
                     reservation_id=stay.reservation_id)
    assert done.settled
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.brand, card.masked_pan) == ("mastercard", "•••• 0016")
    assert len(sent(rig, "/api/Payment/v1/OmniChannel/InsertAlias")) == 1


# --- Worldline omni-channel: the reference on the terminal's receipt, typed by the clerk --------------

INSERT_ALIAS = "/api/Payment/v1/OmniChannel/InsertAlias"


def test_the_reference_on_the_terminal_receipt_saves_that_card_which_is_then_charged(rig: SaferpayRig):
    stay = charged_stay(rig.hotel)
    done = save_card_by_terminal_reference(rig.runner, rig.cashier, rig.operator_id, " 1:100002:1:87768996428 ",
                                           "Anna Gast", reservation_id=stay.reservation_id)
    assert done.settled, done
    assert done.intent.request["card_came"] == "terminal"
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.brand, card.masked_pan, card.holder) == ("visa", "•••• 0024", "Anna Gast")
    assert sent(rig, INSERT_ALIAS) == [(idempotency_key(done.intent), 0)]
    charged = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card.id, stay.bill_id, eur("40.00"))
    assert charged.settled
    assert rig.fake.by_order(idempotency_key(charged.intent))["_alias"] == rig.token(card.id)


def test_a_mistyped_reference_is_refused_before_saferpay_is_asked(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    refused(rig.hotel, InvalidInput, "Type the transaction reference as the terminal's receipt shows it, as "
            "1:100002:1:87768996410", lambda: save_card_by_terminal_reference(
                rig.runner, rig.cashier, rig.operator_id, "87768996428", "Anna Gast",
                reservation_id=stay.reservation_id), field="reference")
    assert sent(rig, INSERT_ALIAS) == []


def test_a_reference_of_no_terminal_transaction_saves_nothing(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    done = save_card_by_terminal_reference(rig.runner, rig.cashier, rig.operator_id, "1:100002:1:99999999999",
                                           "Anna Gast", reservation_id=stay.reservation_id)
    assert done.intent.state is IntentState.FAILED and done.code == "TRANSACTION_NOT_FOUND"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []
    assert rig.fake.aliases == {}


def test_only_saferpay_takes_a_terminal_reference(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    stripe = rig.hotel.as_role(Role.MANAGER).run(add_operator, "Stripe", "stripe", "sk_test_x").id
    refused(rig.hotel, InvalidInput, "Only Saferpay saves a card from a terminal transaction's reference",
            lambda: save_card_by_terminal_reference(rig.runner, rig.cashier, stripe, "1:100002:1:87768996428",
                                                    "Anna Gast", reservation_id=stay.reservation_id),
            field="operator")


def test_a_token_saferpay_does_not_know_is_refused_and_nothing_saved(rig: SaferpayRig):
    stay = rig.hotel.stay()
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "fields_unknown", "Anna Gast",
                     reservation_id=stay.reservation_id)
    assert done.intent.state is IntentState.FAILED and done.code == "TOKEN_INVALID"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []
    assert rig.fake.aliases == {}


def test_a_charge_is_a_merchant_initiated_authorisation_on_the_alias_then_captured(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("120.00"))
    assert done.settled and done.payment_id is not None
    key = idempotency_key(done.intent)
    transaction = rig.fake.by_order(key)
    assert (transaction["Status"], transaction["_captured"], transaction["Initiator"]) == ("CAPTURED", 12000,
                                                                                          "MERCHANT")
    assert transaction["_alias"] == rig.token(card_id)
    assert sent(rig, AUTHORIZE) == [(f"{key}.a", 0)] and sent(rig, CAPTURE) == [(f"{key}.c", 0)]
    [payment] = rig.card_payments(stay.folio_id)
    assert (payment.id, payment.amount) == (done.payment_id, eur("120.00"))
    assert payment.text == f"visa, ••• 0004, ref. {transaction['Id']}"
    [record] = [r for r in rig.records() if r.operation is CardRecordKind.SALE]
    assert (record.reference, record.terminal) == (transaction["Id"], "Saferpay")


@pytest.mark.parametrize(("source", "behavior"), [("fields_declined", "DO_NOT_RETRY"),
                                                  ("fields_insufficient", "RETRY_LATER")])
def test_a_declined_charge_books_nothing_whatever_its_behaviour(rig: SaferpayRig, source: str, behavior: str):
    stay, card_id = rig.saved_card(source)
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("50.00"))
    assert done.intent.state is IntentState.DECLINED
    assert (done.reason, done.code) == ("declined", "TRANSACTION_DECLINED")
    assert done.intent.outcome is not None and done.intent.outcome.payload["decline_code"] == behavior
    assert rig.card_payments(stay.folio_id) == [] and rig.fake.transactions == {}
    assert len(sent(rig, AUTHORIZE)) == 1  # declined is never tried again by itself


def test_a_charge_the_issuer_wants_authenticated_is_declined_as_needing_the_cardholder(sqlite_rig: SaferpayRig):
    stay, card_id = sqlite_rig.saved_card("fields_sca")
    done = charge_saved_card(sqlite_rig.runner, sqlite_rig.cashier, sqlite_rig.operator_id, card_id, stay.bill_id,
                             eur("50.00"))
    assert done.intent.state is IntentState.DECLINED and done.code == "PAYER_AUTHENTICATION_REQUIRED"
    assert done.needs_cardholder  # the clerk is told to take it on the terminal with the guest
    assert sqlite_rig.card_payments(stay.folio_id) == [] and sqlite_rig.fake.transactions == {}


def test_hold_capture_part_releases_the_rest_then_refund_part_once(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    held = pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("300.00"))
    assert held.settled and held.payment_id is None
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    assert (hold.state, hold.amount, hold.terminal) == (cards.HoldState.OPEN, eur("300.00"), "Saferpay")
    transaction = rig.fake.by_order(idempotency_key(held.intent))
    assert transaction["Status"] == "AUTHORIZED" and sent(rig, CAPTURE) == []

    captured = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("180.00"))
    assert captured.settled
    # A part and the last: MultipartCapture of type FINAL, the other 120.00 released.
    [part] = transaction["_parts"]
    assert (part["Amount"], part["OrderPartId"], transaction["Status"]) == (18000, idempotency_key(captured.intent),
                                                                            "CAPTURED")
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.PARTLY_CAPTURED
    [payment] = rig.card_payments(stay.folio_id)
    assert payment.amount == eur("180.00")

    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("30.00"))
    assert back.settled
    [refund_id] = transaction["_refunds"]
    refund = rig.fake.transactions[refund_id]
    # A refund is its own transaction, captured to move the money back, in the payment's currency.
    assert (refund["Type"], refund["Status"], refund["Amount"]) == ("REFUND", "CAPTURED",
                                                                    {"Value": "3000", "CurrencyCode": "EUR"})
    refunds = [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND]
    assert [p.amount for p in refunds] == [-eur("30.00")]
    asked = len(rig.fake.requests)
    refused(rig.hotel, InvalidInput, "This card payment was already refunded: it is refunded once",
            lambda: refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("10.00")),
            field="payment")
    assert len(rig.fake.requests) == asked


def test_a_whole_hold_is_captured_with_capture(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("80.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    assert capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("80.00")).settled
    assert len(sent(rig, CAPTURE)) == 1 and sent(rig, MULTIPART) == []
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("80.00")]


def test_a_released_hold_is_cancelled_and_used_once(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    held = pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id,
                                    eur("100.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    manager = rig.hotel.as_role(Role.MANAGER).actor
    assert release_online_hold(rig.runner, manager, rig.operator_id, hold.id).settled
    assert rig.fake.by_order(idempotency_key(held.intent))["Status"] == "CANCELED"
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.RELEASED
    refused(rig.hotel, InvalidInput, "This pre-authorisation was already released: it is used once",
            lambda: capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id), field="hold")


def test_an_expired_hold_is_refused_plainly_and_the_card_can_be_charged_directly(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    rig.fake.advance(days=8)
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("60.00"))
    assert done.hold_expired and done.code == "TRANSACTION_IN_WRONG_STATE"
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.EXPIRED
    assert rig.card_payments(stay.folio_id) == []
    direct = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("60.00"))
    assert direct.settled and [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("60.00")]


def test_a_lost_answer_is_sent_again_with_the_same_request_id_and_replayed_not_done_twice(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    rig.fake.lose_next_answer()  # Saferpay authorises; its answer never arrives
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.settled and done.error == ""
    key = idempotency_key(done.intent)
    assert sent(rig, AUTHORIZE) == [(f"{key}.a", 0), (f"{key}.a", 1)]
    assert len(rig.fake.transactions) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("75.00")]


def test_a_request_id_sent_again_as_new_is_a_new_request_so_the_retry_indicator_matters(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    from desk.cards.operators.interface import CardOnFile, Refused
    from desk.cards.operators.saferpay import SaferpayOperator

    _stay, card_id = rig.saved_card()
    client = SaferpayOperator(f"{USER}:{PASSWORD}", ACCOUNT, api_base=rig.fake.base_url, timeout=5)
    done = client.pre_authorise(CardOnFile(rig.token(card_id)), 1000, "EUR", "k1")
    client.capture(done.reference, 1000, "k2")
    assert client.repeating().capture(done.reference, 1000, "k2").amount_minor == 1000  # replayed
    with pytest.raises(Refused) as again:  # RetryIndicator 0: Saferpay takes it for a second capture
        client.capture(done.reference, 1000, "k2")
    assert again.value.code == "TRANSACTION_ALREADY_CAPTURED"
    assert rig.fake.transactions[done.reference]["_captured"] == 1000


def test_answers_lost_past_the_retries_are_found_by_our_order_id_and_settled_once(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    rig.fake.lose_next_answer(3)
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.settled and done.error.startswith("AnswerLost")
    [transaction] = rig.fake.transactions.values()
    assert transaction["Status"] == "CAPTURED"
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("75.00")]
    assert reconcile_online(rig.runner, rig.cashier).settled == []


@pytest.mark.parametrize("forgotten", [False, True], ids=["replayed", "forgotten"])
def test_a_capture_whose_answer_and_line_were_lost_is_asked_again_and_settled_once(rig: SaferpayRig,
                                                                                 forgotten: bool):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("200.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    original = rig.fake.handle

    def cut_after_the_capture(method, path, headers, body):
        answer = original(method, path, headers, body)
        if path == MULTIPART:
            rig.fake.unreachable = True
            return answer[0], answer[1], True
        return answer

    rig.fake.handle = cut_after_the_capture  # type: ignore[method-assign]
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("150.00"))
    assert done.intent.state is IntentState.UNKNOWN and rig.card_payments(stay.folio_id) == []
    rig.fake.handle = original  # type: ignore[method-assign]
    rig.fake.unreachable = False
    if forgotten:  # asked again after Saferpay no longer remembers the RequestId: "already captured"
        rig.fake._replays.clear()
    result = reconcile_online(rig.runner, rig.cashier)
    assert result.settled == [done.intent.id]
    key = idempotency_key(done.intent)
    assert sent(rig, MULTIPART) == [(f"{key}.c", 0), (f"{key}.c", 3)]  # the repetition, not a new capture
    [transaction] = rig.fake.transactions.values()
    assert transaction["_captured"] == 15000 and len(transaction["_parts"]) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("150.00")]
    assert reconcile_online(rig.runner, rig.cashier).settled == [] and rig.hotel.query(unresolved) == []


def test_a_capture_saferpay_never_received_is_done_when_sent_again(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("90.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    rig.fake.unreachable = True
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("90.00"))
    assert done.pending and rig.card_payments(stay.folio_id) == []
    rig.fake.unreachable = False
    assert reconcile_online(rig.runner, rig.cashier).settled == [done.intent.id]
    [transaction] = rig.fake.transactions.values()
    assert transaction["Status"] == "CAPTURED" and transaction["_captured"] == 9000
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("90.00")]


def test_a_charge_saferpay_never_received_is_closed_not_charged_later(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    rig.fake.unreachable = True
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.pending
    rig.fake.unreachable = False
    result = reconcile_online(rig.runner, rig.cashier)
    assert len(result.closed) == 1 and result.settled == []
    assert rig.fake.transactions == {} and rig.card_payments(stay.folio_id) == []


def test_behaviour_retry_is_tried_again_at_once_and_a_communication_timeout_is_never_declined(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    rig.fake.next_error = (402, "COMMUNICATION_FAILED", "RETRY")
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("10.00"))
    assert done.settled and [r for _, r in sent(rig, AUTHORIZE)] == [0, 1]
    # The acquirer's silence: perhaps authorised, so asked by our OrderId; found nothing, closed, not declined.
    rig.fake.next_error = (402, "COMMUNICATION_TIMEOUT", "RETRY")
    unsure = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("20.00"))
    assert unsure.intent.state is IntentState.CANCELLED and unsure.error.startswith("AnswerLost")
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("10.00")]


def test_retention_deletes_the_alias_at_saferpay_and_here_once(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    card = rig.hotel.query(saved_card, card_id)
    token = rig.token(card_id)
    assert purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after).deleted == []
    purged = purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after + timedelta(days=1))
    assert purged.deleted == [card_id] and purged.errors == {}
    assert token.lower() not in rig.fake.aliases
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_an_alias_whose_lifetime_ended_at_saferpay_is_deleted_here_too(rig: SaferpayRig):
    _stay, card_id = rig.saved_card()
    card = rig.hotel.query(saved_card, card_id)
    rig.fake.advance(days=(card.delete_after - date.today()).days + 8)  # Saferpay let it go by itself
    purged = purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after + timedelta(days=1))
    assert purged.deleted == [card_id] and rig.hotel.query(saved_card, card_id).deleted


def test_no_card_number_or_api_password_in_the_database_or_the_logs(rig: SaferpayRig, caplog):
    caplog.set_level(logging.DEBUG)
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("10.00"))
    rig.fake.lose_next_answer(3)
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("20.00"))
    dump = repr(rig.hotel.snapshot())
    assert not has_card_number(dump) and not has_card_number(caplog.text)
    assert PASSWORD not in dump and PASSWORD not in caplog.text


def test_a_saferpay_account_is_entered_as_customer_and_terminal_with_user_and_password(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    manager = rig.hotel.as_role(Role.MANAGER)
    refused(rig.hotel, InvalidInput, "Enter the Saferpay account as CustomerId/TerminalId, as 245294/17795278",
            lambda: manager.run(add_operator, "Other", "saferpay", "API_1:pw", account="245294"), field="account")
    refused(rig.hotel, InvalidInput, "Enter the Saferpay JSON API user and its password as USER:PASSWORD",
            lambda: manager.run(add_operator, "Other", "saferpay", "only-a-password", account=ACCOUNT),
            field="secret")


def test_desk_cards_add_operator_configures_saferpay(sqlite_rig: SaferpayRig, capsys, monkeypatch):
    rig = sqlite_rig
    from desk.cli.main import main
    from tests.actors import demo_credentials

    username, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", username)
    monkeypatch.setenv("DESK_PASSWORD", password)
    monkeypatch.setenv("DESK_OPERATOR_SECRET", f"{USER}:{PASSWORD}")
    url = rig.hotel.database.url
    assert main(["--database", url, "cards", "add-operator", "Saferpay CHF", "--operator", "saferpay",
                 "--account", ACCOUNT, "--api-base", rig.fake.base_url, "--currencies", "CHF"]) == 0
    assert "Saferpay CHF (saferpay, CHF)" in capsys.readouterr().out
    assert main(["--database", url, "cards", "operators"]) == 0
    listed = capsys.readouterr().out
    assert f"Saferpay CHF\tsaferpay\t{ACCOUNT}\tCHF" in listed and PASSWORD not in listed


def test_an_answer_later_than_the_timeout_stays_pending_then_the_charge_is_completed_once(rig: SaferpayRig,
                                                                                         monkeypatch):
    import desk.cards.operators.saferpay as saferpay

    stay, card_id = rig.saved_card()
    monkeypatch.setattr(saferpay, "ANSWER_TIMEOUT_S", 0.05)
    rig.fake.answer_delay = 0.15  # Saferpay authorises at once and answers after the desk gave up
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("42.00"))
    assert "ReadTimeout" in done.error
    assert done.intent.state is IntentState.UNKNOWN and rig.card_payments(stay.folio_id) == []
    key = idempotency_key(done.intent)
    assert sent(rig, AUTHORIZE) == [(f"{key}.a", 0), (f"{key}.a", 1), (f"{key}.a", 2)]  # replayed, not redone
    assert [t["Status"] for t in rig.fake.transactions.values()] == ["AUTHORIZED"]
    rig.fake.answer_delay = 0.0
    # Found authorised by our OrderId, its capture sent as a repetition, settled once.
    assert reconcile_online(rig.runner, rig.cashier).settled == [done.intent.id]
    assert [t["Status"] for t in rig.fake.transactions.values()] == ["CAPTURED"]
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("42.00")]
    assert reconcile_online(rig.runner, rig.cashier).settled == []


def test_a_refund_whose_answers_were_lost_is_found_by_our_order_id_and_refunded_once(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    original = rig.fake.handle

    def lose_from_the_refund_on(method, path, headers, body):
        answer = original(method, path, headers, body)
        if path == "/api/Payment/v1/Transaction/Refund":
            rig.fake.unreachable = True  # the refund made, then the line cut before its capture
            return answer[0], answer[1], True
        return answer

    rig.fake.handle = lose_from_the_refund_on  # type: ignore[method-assign]
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id, eur("40.00"))
    assert back.pending
    rig.fake.handle = original  # type: ignore[method-assign]
    rig.fake.unreachable = False
    assert reconcile_online(rig.runner, manager).settled == [back.intent.id]
    [refund] = [t for t in rig.fake.transactions.values() if t["Type"] == "REFUND"]
    assert (refund["OrderId"], refund["Status"]) == (idempotency_key(back.intent), "CAPTURED")
    assert len(sent(rig, "/api/Payment/v1/Transaction/Refund")) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("40.00")]


def test_the_same_day_a_whole_payment_is_cancelled_at_saferpay_before_its_daily_closing(rig: SaferpayRig):
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id)
    assert back.settled
    # Captured but not through the daily closing: Saferpay cancels it, no money ever moves.
    payment = rig.fake.by_order(idempotency_key(paid.intent))
    assert payment["Status"] == "CANCELED"
    assert len(sent(rig, "/api/Payment/v1/Transaction/Cancel")) == 1
    assert sent(rig, "/api/Payment/v1/Transaction/Refund") == []
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("90.00")]
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REVERSAL


def test_after_the_daily_closing_a_whole_payment_is_refunded_not_cancelled(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    rig.fake.close_day()  # the money flow started: Saferpay refuses to cancel now
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id)
    assert back.settled
    assert rig.fake.by_order(idempotency_key(paid.intent))["Status"] == "CAPTURED"
    [refund] = [t for t in rig.fake.transactions.values() if t["Type"] == "REFUND"]
    assert (refund["OrderId"], refund["Status"]) == (idempotency_key(back.intent), "CAPTURED")
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REFUND


def test_a_lost_cancel_is_found_by_the_payments_state_and_booked_once(sqlite_rig: SaferpayRig):
    rig = sqlite_rig
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    original = rig.fake.handle

    def cut_after_the_cancel(method, path, headers, body):
        answer = original(method, path, headers, body)
        if path == "/api/Payment/v1/Transaction/Cancel":
            rig.fake.unreachable = True
            return answer[0], answer[1], True
        return answer

    rig.fake.handle = cut_after_the_cancel  # type: ignore[method-assign]
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id)
    assert back.pending
    rig.fake.handle = original  # type: ignore[method-assign]
    rig.fake.unreachable = False
    assert reconcile_online(rig.runner, manager).settled == [back.intent.id]
    assert rig.fake.by_order(idempotency_key(paid.intent))["Status"] == "CANCELED"
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("90.00")]
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REVERSAL
