"""Saved cards at Adyen (issue 25), against the fake Adyen on loopback through the official SDK, its
signed webhooks received by `desk serve`'s application: save, charge, pre-authorise, capture part,
release, refund part, expired hold, lost answer, delete. Adyen answers a capture, a cancel and a
refund "received": each stays pending until its webhook, then is settled once."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from desk.cards import operations as cards
from desk.cards.models import CardOperatorConfig, CardRecordKind, SavedCard
from desk.cards.operator_workflow import (
    awaits_confirmation,
    capture_online_hold,
    charge_saved_card,
    idempotency_key,
    pre_authorise_saved_card,
    purge_saved_cards,
    reconcile_online,
    refund_online_payment,
    release_online_hold,
    save_card,
)
from desk.cards.operators.fakes.adyen import sign
from desk.cards.saved_cards import add_operator, saved_card, saved_cards
from desk.cards.terminal_workflow import reconcile_cards
from desk.core.card_numbers import has_card_number
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import IntentState, load_intent, unresolved
from desk.ledger.models import PaymentKind
from desk.people.models import Role

from .adyen_rig import API_KEY, HMAC_KEY, MERCHANT, VISA, AdyenRig, make_adyen_rig
from .conftest import Hotel, refused


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[AdyenRig]:
    yield from make_adyen_rig(hotel)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def held_and_captured(rig: AdyenRig, hold: str, capture: str):
    stay, card_id = rig.saved_card()
    assert pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id,
                                    eur(hold)).settled
    rig.fake.send_webhooks()  # its AUTHORISATION: settled already
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, held.id, eur(capture))
    return stay, card_id, held, done


def test_a_card_is_stored_for_unscheduled_charges_and_kept_as_its_token(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.id, card.brand, card.masked_pan, card.expiry, card.holder, card.operator) == (
        card_id, "visa", "•••• 1111", "03/2030", "Anna Gast", "Adyen")
    row = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id))
    stored = rig.fake.stored[row.token]
    assert (stored["shopperReference"], stored["recurringProcessingModel"]) == (row.customer, "UnscheduledCardOnFile")
    key = idempotency_key(rig.hotel.query(load_intent, row.intent_id))
    assert ("POST", "/v71/payments", key) in rig.fake.requests
    [payment] = rig.fake.payments.values()
    assert payment["merchantReference"] == key  # our reference is the journal's key


def test_adyens_brand_codes_read_as_the_desk_names_brands(rig: AdyenRig):
    _stay, card_id = rig.saved_card("adyenjs_test$mc")
    assert rig.hotel.query(saved_card, card_id).brand == "mastercard"  # Adyen says "mc"


def test_a_card_adyen_refuses_to_store_is_declined_with_its_reason_and_not_saved(rig: AdyenRig):
    stay = rig.hotel.stay()
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "adyenjs_test$refused", "Anna Gast",
                     reservation_id=stay.reservation_id)
    assert done.intent.state is IntentState.DECLINED and done.code == "Refused"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_a_charge_of_the_saved_card_is_booked_once_and_its_webhook_changes_nothing(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("120.00"))
    assert done.settled and done.payment_id is not None
    [payment] = rig.card_payments(stay.folio_id)
    charged = [p for p in rig.fake.payments.values() if p.get("storedPaymentMethodId") and p["amount"]["value"]]
    [adyen_payment] = [p for p in charged if "shopperInteraction" in p]
    assert (adyen_payment["shopperInteraction"], adyen_payment["status"]) == ("ContAuth", "captured")
    assert payment.text == f"visa, ••• 1111, ref. {adyen_payment['pspReference']}"
    assert rig.fake.send_webhooks() == 1  # AUTHORISATION, accepted: the charge was settled already
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("120.00")]


def test_a_refused_charge_books_nothing(rig: AdyenRig):
    stay, card_id = rig.saved_card("adyenjs_test$refused_on_charge")
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("50.00"))
    assert done.intent.state is IntentState.DECLINED
    assert (done.reason, done.code) == ("declined", "Refused")
    assert done.intent.outcome is not None and done.intent.outcome.payload["error"] == "Not enough balance"
    assert rig.card_payments(stay.folio_id) == []


def test_a_charge_the_issuer_wants_authenticated_is_declined_as_needing_the_cardholder(rig: AdyenRig):
    stay, card_id = rig.saved_card("adyenjs_test$sca")
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("50.00"))
    assert done.intent.state is IntentState.DECLINED
    assert done.intent.outcome is not None and done.intent.outcome.payload["decline_code"] == "38"
    assert done.needs_cardholder  # the clerk is told to take it on the terminal with the guest
    assert rig.card_payments(stay.folio_id) == []


def test_adyens_received_is_journalled_as_waiting_for_its_confirmation_not_as_unclear(sqlite_hotel: Hotel, caplog):
    for rig in make_adyen_rig(sqlite_hotel):
        stay, card_id = rig.saved_card()
        assert pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id,
                                        eur("80.00")).settled
        [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
        caplog.clear()
        caplog.set_level(logging.INFO, logger="desk.journal.steps")
        done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, held.id, eur("80.00"))
        assert done.awaiting_confirmation
        said = [r.getMessage() for r in caplog.records if r.name == "desk.journal.steps"]
        assert any("waiting for the operator's confirmation" in m for m in said), said
        assert not any("no clear answer" in m for m in said), said


def test_another_refusal_does_not_ask_for_the_cardholder(sqlite_hotel: Hotel):
    for rig in make_adyen_rig(sqlite_hotel):
        stay, card_id = rig.saved_card("adyenjs_test$refused_on_charge")
        done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("50.00"))
        assert done.intent.state is IntentState.DECLINED and not done.needs_cardholder


def test_a_partial_capture_is_pending_until_adyens_webhook_then_a_partial_refund_too(rig: AdyenRig):
    stay, _card, held, done = held_and_captured(rig, "300.00", "180.00")
    # Adyen only said "received": nothing booked, the hold not yet used.
    assert done.pending and done.awaiting_confirmation and done.intent.state is IntentState.UNKNOWN
    assert rig.card_payments(stay.folio_id) == []
    assert rig.fake.send_webhooks() == 1
    assert rig.hotel.query(load_intent, done.intent.id).state is IntentState.SETTLED
    assert rig.hotel.query(cards.hold_view, held.id).state is cards.HoldState.PARTLY_CAPTURED
    [payment] = rig.card_payments(stay.folio_id)
    assert payment.amount == eur("180.00")
    hold_payment = next(p for p in rig.fake.payments.values() if p.get("preAuth"))
    assert (hold_payment["status"], hold_payment["captured"]) == ("captured", 18000)

    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("30.00"))
    assert back.pending
    assert rig.fake.send_webhooks() == 1
    assert rig.hotel.query(load_intent, back.intent.id).state is IntentState.SETTLED
    [refund] = [m for m in rig.fake.modifications.values() if m["kind"] == "REFUND"]
    # Asked by the payment's PSP reference, in its currency.
    assert (refund["paymentPspReference"], refund["amount"], refund["success"]) == (
        hold_payment["pspReference"], {"value": 3000, "currency": "EUR"}, True)
    refunds = [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND]
    assert [p.amount for p in refunds] == [-eur("30.00")]
    refused(rig.hotel, InvalidInput, "This card payment was already refunded: it is refunded once",
            lambda: refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("10.00")),
            field="payment")


def test_a_released_hold_is_pending_until_the_cancellation_webhook(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    manager = rig.hotel.as_role(Role.MANAGER).actor
    done = release_online_hold(rig.runner, manager, rig.operator_id, held.id)
    assert done.pending
    assert rig.hotel.query(cards.hold_view, held.id).state is cards.HoldState.OPEN
    rig.fake.send_webhooks()
    assert rig.hotel.query(cards.hold_view, held.id).state is cards.HoldState.RELEASED
    assert next(p for p in rig.fake.payments.values() if p.get("preAuth"))["status"] == "cancelled"


def test_an_expired_hold_comes_back_refused_by_webhook_and_reads_expired(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    rig.fake.advance(days=8)
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, held.id, eur("60.00"))
    assert done.pending
    rig.fake.send_webhooks()
    intent = rig.hotel.query(load_intent, done.intent.id)
    assert intent.state is IntentState.DECLINED and intent.outcome is not None
    assert intent.outcome.payload["reason"] == "preauth_unavailable"
    assert rig.hotel.query(cards.hold_view, held.id).state is cards.HoldState.EXPIRED
    assert rig.card_payments(stay.folio_id) == []
    direct = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("60.00"))
    assert direct.settled and [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("60.00")]


def test_a_lost_answer_is_replayed_by_the_same_key_and_booked_once(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    rig.fake.lose_next_answer()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.settled and done.error.startswith("AnswerLost")
    charges = [p for p in rig.fake.payments.values() if "shopperInteraction" in p]
    assert len(charges) == 1  # replayed, not charged twice
    [record] = [r for r in rig.records() if r.operation is CardRecordKind.SALE]
    assert record.reference == charges[0]["pspReference"]
    rig.fake.send_webhooks()
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("75.00")]
    assert reconcile_online(rig.runner, rig.cashier).settled == []


def test_a_charge_adyen_cannot_be_asked_about_is_settled_by_its_authorisation_webhook(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    rig.fake.lose_next_answer()
    original = rig.fake.handle

    def cut_after_the_charge(method, target, headers, body):
        answer = original(method, target, headers, body)
        rig.fake.unreachable = True
        return answer

    rig.fake.handle = cut_after_the_charge  # type: ignore[method-assign]
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.intent.state is IntentState.UNKNOWN and rig.card_payments(stay.folio_id) == []
    assert rig.fake.send_webhooks() == 1
    assert rig.hotel.query(load_intent, done.intent.id).state is IntentState.SETTLED
    [payment] = rig.card_payments(stay.folio_id)
    assert payment.amount == eur("75.00")
    rig.fake.redeliver()  # Adyen sends it again: nothing twice
    assert len(rig.card_payments(stay.folio_id)) == 1
    assert rig.hotel.query(unresolved) == []


def post(rig: AdyenRig, item: dict) -> httpx.Response:
    body = {"live": "false", "notificationItems": [{"NotificationRequestItem": item}]}
    return httpx.post(f"{rig.service_url}/webhooks/adyen", json=body, timeout=10)


def test_an_unsigned_or_wrongly_signed_webhook_is_refused_logged_without_secrets_and_settles_nothing(
        rig: AdyenRig, caplog):
    caplog.set_level(logging.INFO)
    stay, _card, _held, done = held_and_captured(rig, "200.00", "150.00")
    [item] = rig.fake.queued_webhooks()
    forged = json.loads(json.dumps(item))
    forged["amount"]["value"] = 20000  # more than was captured: the signature no longer matches
    assert post(rig, forged).status_code == 401
    unsigned = json.loads(json.dumps(item))
    unsigned["additionalData"].pop("hmacSignature")
    answer = post(rig, unsigned)
    assert answer.status_code == 401 and answer.text != "[accepted]"
    other_key = json.loads(json.dumps(item))
    other_key["additionalData"]["hmacSignature"] = sign(other_key, "00" * 32)
    assert post(rig, other_key).status_code == 401
    assert rig.hotel.query(load_intent, done.intent.id).state is IntentState.UNKNOWN
    assert rig.card_payments(stay.folio_id) == []
    assert "HMAC signature is missing or wrong" in caplog.text
    assert HMAC_KEY not in caplog.text and item["additionalData"]["hmacSignature"] not in caplog.text
    assert post(rig, item).text == "[accepted]"
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("150.00")]
    assert post(rig, item).text == "[accepted]"  # the same again: accepted, nothing twice
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("150.00")]


def test_retention_deletes_the_stored_method_at_adyen(rig: AdyenRig):
    _stay, card_id = rig.saved_card()
    card = rig.hotel.query(saved_card, card_id)
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)
    purged = purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after + timedelta(days=1))
    assert purged.deleted == [card_id] and purged.errors == {}
    assert rig.fake.stored[token]["deleted"] is True
    assert any(method == "DELETE" and path.endswith(token) for method, path, _key in rig.fake.requests)


def test_adyens_keys_are_sealed_and_its_webhook_key_is_required(rig: AdyenRig):
    row = rig.hotel.query(lambda s: s.get_one(CardOperatorConfig, rig.operator_id))
    assert API_KEY not in row.secret_sealed and HMAC_KEY not in row.secret_sealed and row.account == MERCHANT
    manager = rig.hotel.as_role(Role.MANAGER)
    refused(rig.hotel, InvalidInput, "Enter the HMAC key of the Adyen webhook, as Adyen shows it (hexadecimal)",
            lambda: manager.run(add_operator, "Adyen 2", "adyen", API_KEY, account="Other", hmac_key="not-hex"),
            field="hmac_key")
    refused(rig.hotel, InvalidInput, "Enter the Adyen merchant account",
            lambda: manager.run(add_operator, "Adyen 2", "adyen", API_KEY, hmac_key=HMAC_KEY), field="account")


def test_no_card_data_or_key_in_the_database_or_the_logs(rig: AdyenRig, caplog):
    caplog.set_level(logging.DEBUG)
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("10.00"))
    rig.fake.send_webhooks()
    dump = repr(rig.hotel.snapshot())
    for text in (dump, caplog.text):
        assert not has_card_number(text)
        assert API_KEY not in text and HMAC_KEY not in text and VISA not in caplog.text


def test_desk_cards_add_operator_sets_adyen_up_with_both_keys_asked_never_as_arguments(hotel: Hotel, capsys,
                                                                                     monkeypatch):
    from desk.cli.main import main
    from tests.actors import demo_credentials

    username, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", username)
    monkeypatch.setenv("DESK_PASSWORD", password)
    monkeypatch.setenv("DESK_OPERATOR_SECRET", API_KEY)
    monkeypatch.setenv("DESK_OPERATOR_HMAC_KEY", HMAC_KEY)
    url = hotel.database.url
    assert main(["--database", url, "cards", "add-operator", "Adyen", "--operator", "adyen", "--account", MERCHANT,
                 "--currencies", "EUR,CHF"]) == 0
    assert "Added card operator" in capsys.readouterr().out
    assert main(["--database", url, "cards", "operators"]) == 0
    listed = capsys.readouterr().out
    assert f"Adyen\tadyen\t{MERCHANT}\tEUR,CHF" in listed and API_KEY not in listed and HMAC_KEY not in listed
    row = hotel.query(lambda s: s.scalars(select(CardOperatorConfig)).one())
    assert API_KEY not in row.secret_sealed and HMAC_KEY not in row.secret_sealed


def test_a_refused_pre_authorisation_holds_nothing(rig: AdyenRig):
    stay, card_id = rig.saved_card("adyenjs_test$refused_on_charge")
    done = pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("90.00"))
    assert done.intent.state is IntentState.DECLINED and done.code == "Refused"
    assert rig.hotel.query(cards.holds_of_folio, stay.folio_id) == []


def test_an_answer_later_than_the_timeout_is_replayed_by_our_key_and_booked_once(rig: AdyenRig, monkeypatch):
    import desk.cards.operators.adyen as adyen_operator

    stay, card_id = rig.saved_card()
    monkeypatch.setattr(adyen_operator, "ANSWER_TIMEOUT_S", 0.2)
    rig.fake.answer_delay = 0.5  # Adyen charges at once and answers after the desk gave up
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("42.00"))
    assert "Timeout" in done.error
    # Asked again at once under the same key, still too slow: pending, nothing booked, not declined.
    assert done.intent.state is IntentState.UNKNOWN and rig.card_payments(stay.folio_id) == []
    rig.fake.answer_delay = 0.0
    assert reconcile_online(rig.runner, rig.cashier).settled == [done.intent.id]
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("42.00")]
    assert len([p for p in rig.fake.payments.values() if "shopperInteraction" in p]) == 1


def test_a_deletion_whose_answer_was_lost_is_replayed_and_recorded_once(rig: AdyenRig):
    _stay, card_id = rig.saved_card()
    card = rig.hotel.query(saved_card, card_id)
    rig.fake.lose_next_answer()
    purged = purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after + timedelta(days=1))
    assert purged.deleted == [card_id]
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)
    assert rig.fake.stored[token]["deleted"] is True
    deletes = [key for method, _path, key in rig.fake.requests if method == "DELETE"]
    assert len(deletes) == 2 and len(set(deletes)) == 1  # the same key again, replayed


def test_a_refund_adyen_then_refuses_by_webhook_books_nothing(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("80.00"))
    rig.fake.send_webhooks()
    [payment] = rig.card_payments(stay.folio_id)
    [adyen_payment] = [p for p in rig.fake.payments.values() if "shopperInteraction" in p]
    adyen_payment["refunded"] = 1000  # refunded at Adyen's Customer Area meanwhile: one refund per payment
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("20.00"))
    assert back.pending
    rig.fake.send_webhooks()
    intent = rig.hotel.query(load_intent, back.intent.id)
    assert intent.state is IntentState.DECLINED and intent.outcome is not None
    assert intent.outcome.payload["reason"] == "declined"
    assert [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == []


def test_a_webhook_the_service_cannot_check_for_want_of_the_key_file_is_refused_and_accepted_later(
        rig: AdyenRig, caplog, monkeypatch, tmp_path):
    from desk.core import sealed

    caplog.set_level(logging.WARNING)
    stay, _card, _held, done = held_and_captured(rig, "100.00", "40.00")
    [item] = rig.fake.queued_webhooks()
    with monkeypatch.context() as patched:
        patched.setenv(sealed.KEY_FILE_ENV, str(tmp_path / "not-copied-here.key"))
        assert post(rig, item).status_code == 401
    assert "its HMAC key cannot be opened here" in caplog.text and HMAC_KEY not in caplog.text
    assert rig.hotel.query(load_intent, done.intent.id).state is IntentState.UNKNOWN
    assert rig.fake.send_webhooks() == 1  # Adyen's next try, once the key file is there
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("40.00")]


def test_adyen_references_of_sixteen_digits_are_kept_and_used_without_being_taken_for_card_numbers(rig: AdyenRig):
    rig.fake.numeric_references = True  # as Adyen long made them; these pass the Luhn check
    stay, card_id, _held, done = held_and_captured(rig, "100.00", "70.00")
    rig.fake.send_webhooks()
    assert rig.hotel.query(load_intent, done.intent.id).state is IntentState.SETTLED
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id).token)
    assert token.replace(".", "") in rig.fake.stored and not has_card_number(token)
    [payment] = rig.card_payments(stay.folio_id)
    hold_payment = next(p for p in rig.fake.payments.values() if p.get("preAuth"))
    assert hold_payment["status"] == "captured" and has_card_number(hold_payment["pspReference"])
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("20.00"))
    rig.fake.send_webhooks()
    assert rig.hotel.query(load_intent, back.intent.id).state is IntentState.SETTLED
    assert not has_card_number(repr(rig.hotel.snapshot()))


def test_a_saving_key_whose_digits_read_as_a_card_number_still_saves_the_card(rig: AdyenRig, monkeypatch):
    import uuid
    from types import SimpleNamespace

    # A key whose first sixteen digits pass the Luhn check (one in a few hundred random keys has such a run).
    with monkeypatch.context() as patched:
        patched.setattr(uuid, "uuid4", lambda: SimpleNamespace(hex="4242424242424242e8977c2cabfb156f"))
        stay, card_id = rig.saved_card()
    row = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id))
    assert row.customer.startswith("desk-") and not has_card_number(row.customer)
    assert charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("5.00")).settled


def test_a_capture_waiting_for_adyens_webhook_is_counted_as_awaiting_confirmation(rig: AdyenRig):
    stay, _card, _held, done = held_and_captured(rig, "300.00", "180.00")
    assert done.awaiting_confirmation
    result = reconcile_cards(rig.runner, rig.cashier, [done.intent.id])
    assert result.still_unknown == [done.intent.id] and result.awaiting_confirmation == [done.intent.id]
    assert rig.card_payments(stay.folio_id) == []
    assert awaits_confirmation(rig.hotel.query(load_intent, done.intent.id))


def test_an_answer_lost_is_not_read_as_awaiting_confirmation(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    rig.fake.unreachable = True
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.intent.state is IntentState.UNKNOWN
    assert not awaits_confirmation(rig.hotel.query(load_intent, done.intent.id))


def test_a_same_day_whole_refund_is_reversed_at_adyen_and_booked_only_when_its_webhook_confirms(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("80.00"))
    rig.fake.send_webhooks()
    [payment] = rig.card_payments(stay.folio_id)
    [adyen_payment] = [p for p in rig.fake.payments.values() if "shopperInteraction" in p]
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id)
    # Adyen's /reversals answers "received": nothing is booked until its CANCEL_OR_REFUND webhook.
    assert back.pending and back.awaiting_confirmation
    assert [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == []
    [reversal] = rig.fake.modifications.values()
    assert (reversal["kind"], reversal["paymentPspReference"], reversal["reference"]) == (
        "CANCEL_OR_REFUND", adyen_payment["pspReference"], idempotency_key(back.intent))
    assert rig.fake.send_webhooks() == 1
    assert rig.hotel.query(load_intent, back.intent.id).state is IntentState.SETTLED
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("80.00")]
    # Adyen refunded it (the charge was captured at once): the record says a refund, not a cancellation.
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REFUND


def test_a_reversal_adyen_does_as_a_cancellation_is_recorded_as_a_reversal(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("80.00"))
    rig.fake.send_webhooks()
    [payment] = rig.card_payments(stay.folio_id)
    [adyen_payment] = [p for p in rig.fake.payments.values() if "shopperInteraction" in p]
    adyen_payment.update(status="authorised", captured=0)  # its capture delayed in Adyen's settings
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id)
    assert rig.fake.send_webhooks() == 1
    assert rig.hotel.query(load_intent, back.intent.id).state is IntentState.SETTLED
    assert adyen_payment["status"] == "cancelled"
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REVERSAL
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("80.00")]


def test_a_part_or_a_reversal_adyen_refuses_by_webhook_books_nothing(rig: AdyenRig):
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("80.00"))
    rig.fake.send_webhooks()
    [payment] = rig.card_payments(stay.folio_id)
    [adyen_payment] = [p for p in rig.fake.payments.values() if "shopperInteraction" in p]
    adyen_payment["refunded"] = 8000  # refunded at Adyen's Customer Area meanwhile
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id)
    assert [m["kind"] for m in rig.fake.modifications.values()] == ["CANCEL_OR_REFUND"]
    rig.fake.send_webhooks()
    intent = rig.hotel.query(load_intent, back.intent.id)
    assert intent.state is IntentState.DECLINED and intent.outcome is not None
    assert [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == []
    # A part of a payment is still a refund (/refunds), never a reversal.
    adyen_payment["refunded"] = 0
    part = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("30.00"))
    assert part.pending
    assert [m["kind"] for m in rig.fake.modifications.values()] == ["CANCEL_OR_REFUND", "REFUND"]
