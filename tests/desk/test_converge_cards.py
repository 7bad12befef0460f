"""Saved cards at Elavon Converge (issue 25), against the fake Converge over loopback through our own
XML client: ccgettoken, ccsale as a merchant-initiated card-on-file sale, ccauthonly, cccomplete (a
part ends the hold), ccdelete, ccreturn once, ccdeletetoken; Converge has no idempotency key, so a
lost answer is never sent again blindly: txnquery is asked first, by our invoice number or the
transaction id. Each flow is checked in the ledger and in the fake's own record."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from xml.etree.ElementTree import Element

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
)
from desk.cards.operators.converge import invoice_number, sent_token
from desk.cards.saved_cards import add_operator, saved_card, saved_cards
from desk.core.card_numbers import has_card_number, luhn_ok
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import IntentState, unresolved
from desk.ledger.models import PaymentKind
from desk.people.models import Role

from .conftest import Hotel, charged_stay, refused
from .converge_rig import ACCOUNT, PIN, ConvergeRig, make_converge_rig


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[ConvergeRig]:
    yield from make_converge_rig(hotel)


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel) -> Iterator[ConvergeRig]:
    """For what only the operator's protocol decides: the same on either database."""
    yield from make_converge_rig(sqlite_hotel)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def sent(rig: ConvergeRig, kind: str) -> list[str]:
    """The invoice numbers of each ``kind`` request the fake received."""
    return [invoice for received, invoice in rig.fake.requests if received == kind]


def test_a_card_is_tokenised_and_its_card_number_shaped_token_is_kept_in_letters(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.brand, card.masked_pan, card.expiry, card.holder) == ("visa", "•••• 0019", "12/2030", "Anna Gast")
    kept = rig.token(card_id)
    token = sent_token(kept)
    assert len(token) == 16 and luhn_ok(token)  # Converge's token looks like a card number...
    assert not has_card_number(kept)  # ...so the desk never keeps it in digits
    assert rig.fake.tokens[token]["added"] and len(sent(rig, "ccgettoken")) == 1
    assert not has_card_number(repr(rig.hotel.snapshot()))


def test_a_card_whose_verification_is_declined_is_not_saved(rig: ConvergeRig):
    stay = rig.hotel.stay()
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "enc_refused", "Anna Gast",
                     reservation_id=stay.reservation_id)
    assert done.intent.state is IntentState.DECLINED and done.reason == "declined"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_a_charge_is_a_merchant_initiated_sale_on_the_token_under_our_invoice_number(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("120.00"))
    assert done.settled
    [txn] = rig.fake.by_invoice(invoice_number(idempotency_key(done.intent)))
    assert (txn["ssl_transaction_type"], txn["ssl_amount"], txn["ssl_transaction_currency"]) == ("SALE", "120.00",
                                                                                               "EUR")
    assert (txn["ssl_merchant_initiated_unscheduled"], txn["ssl_entry_mode"]) == ("Y", "12")
    [payment] = rig.card_payments(stay.folio_id)
    assert payment.amount == eur("120.00") and payment.text == f"visa, ••• 0019, ref. {txn['ssl_txn_id']}"
    [record] = [r for r in rig.records() if r.operation is CardRecordKind.SALE]
    assert (record.reference, record.terminal) == (txn["ssl_txn_id"], "Converge")


def test_a_declined_sale_books_nothing(rig: ConvergeRig):
    stay, card_id = rig.saved_card("enc_declined")
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("50.00"))
    assert done.intent.state is IntentState.DECLINED and (done.reason, done.code) == ("declined", "DECLINED")
    assert rig.card_payments(stay.folio_id) == []
    [txn] = rig.fake.transactions.values()
    assert txn["ssl_result"] == "1"


def test_hold_complete_part_then_return_part_once(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    held = pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("300.00"))
    assert held.settled
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    [auth] = rig.fake.by_invoice(invoice_number(idempotency_key(held.intent)))
    assert auth["ssl_transaction_type"] == "AUTHONLY"
    assert capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("180.00")).settled
    # Completed for a part: the hold is over, the other 120.00 released.
    assert (auth["ssl_transaction_type"], auth["ssl_amount"], auth["ssl_auth_amount"]) == ("SALE", "180.00", "300.00")
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.PARTLY_CAPTURED
    [payment] = rig.card_payments(stay.folio_id)
    assert payment.amount == eur("180.00")
    manager = rig.hotel.as_role(Role.MANAGER).actor
    rig.fake.settle_batch()  # Converge returns only a settled payment
    back = refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("30.00"))
    assert back.settled
    [ret] = rig.fake.by_invoice(invoice_number(idempotency_key(back.intent)))
    assert (ret["ssl_transaction_type"], ret["ssl_amount"], ret["ssl_transaction_currency"]) == ("RETURN", "30.00",
                                                                                               "EUR")
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("30.00")]
    refused(rig.hotel, InvalidInput, "This card payment was already refunded: it is refunded once",
            lambda: refund_online_payment(rig.runner, manager, rig.operator_id, payment.id, eur("10.00")),
            field="payment")


def test_a_released_hold_is_deleted_at_converge_and_used_once(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    manager = rig.hotel.as_role(Role.MANAGER).actor
    assert release_online_hold(rig.runner, manager, rig.operator_id, hold.id).settled
    [txn] = rig.fake.transactions.values()
    assert txn["ssl_transaction_type"] == "DELETE"
    refused(rig.hotel, InvalidInput, "This pre-authorisation was already released: it is used once",
            lambda: capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id), field="hold")


@pytest.mark.parametrize("answer_lost", [False, True])
def test_a_release_converge_states_no_amount_for_is_settled_released_at_the_holds_amount(
        rig: ConvergeRig, monkeypatch: pytest.MonkeyPatch, answer_lost: bool):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    query = rig.fake._query

    def hold_without_amount(fields: dict[str, str]) -> Element:
        # Converge's record of the hold, read before it is deleted, says no amount: the release moves no
        # money and its own answer says it was done.
        answer = query(fields)
        answer.remove(answer.find("ssl_amount"))  # type: ignore[arg-type]
        return answer

    monkeypatch.setattr(rig.fake, "_query", hold_without_amount)
    if answer_lost:  # then txnquery tells it was deleted, still without an amount
        rig.fake.lose_next_answer(only="ccdelete")
    manager = rig.hotel.as_role(Role.MANAGER).actor
    done = release_online_hold(rig.runner, manager, rig.operator_id, hold.id)
    assert done.settled and done.intent.state is IntentState.SETTLED
    assert done.error.startswith("AnswerLost") if answer_lost else not done.error
    assert len(sent(rig, "ccdelete")) == 1 and len(sent(rig, "txnquery")) == 1 + answer_lost
    [txn] = rig.fake.transactions.values()
    assert txn["ssl_transaction_type"] == "DELETE"
    [released] = [r for r in rig.records() if r.operation is CardRecordKind.RELEASE]
    assert released.amount == eur("100.00") and released.original_id == hold.id
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.RELEASED
    assert rig.card_payments(stay.folio_id) == [] and rig.hotel.query(unresolved) == []


def test_an_expired_hold_is_refused_plainly_and_the_card_can_be_charged_directly(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("100.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    rig.fake.advance(days=8)
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("60.00"))
    assert done.hold_expired and done.code == "AUTHORIZATION EXPIRED"
    assert rig.hotel.query(cards.hold_view, hold.id).state is cards.HoldState.EXPIRED
    direct = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("60.00"))
    assert direct.settled and [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("60.00")]


def test_a_lost_sale_is_asked_about_by_txnquery_never_sent_again(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    rig.fake.lose_next_answer()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.settled and done.error.startswith("AnswerLost")
    assert len(sent(rig, "ccsale")) == 1 and len(sent(rig, "txnquery")) == 1
    [txn] = rig.fake.transactions.values()
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("75.00")]
    assert txn["ssl_txn_id"] in rig.card_payments(stay.folio_id)[0].text
    assert reconcile_online(rig.runner, rig.cashier).settled == []


@pytest.mark.parametrize(("left_out", "result"), [("ssl_amount", None), ("ssl_result", None), (None, "2")])
def test_an_approval_not_understood_is_asked_about_never_a_zero_or_declined_payment(
        rig: ConvergeRig, monkeypatch: pytest.MonkeyPatch, left_out: str | None, result: str | None):
    stay, card_id = rig.saved_card()
    authorise = rig.fake._authorise

    def answer_without(kind: str, fields: dict[str, str]) -> Element:
        # The card is charged; its answer lacks what says how much or whether, or says it in no documented value.
        answer = authorise(kind, fields)
        if left_out is not None:
            answer.remove(answer.find(left_out))  # type: ignore[arg-type]
        if result is not None:
            answer.find("ssl_result").text = result  # type: ignore[union-attr]
        return answer

    monkeypatch.setattr(rig.fake, "_authorise", answer_without)
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.settled and done.error.startswith("AnswerLost")
    assert len(sent(rig, "ccsale")) == 1 and len(sent(rig, "txnquery")) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("75.00")]


def test_a_sale_converge_never_received_is_closed_and_not_sent_again(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    rig.fake.unreachable = True
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("75.00"))
    assert done.pending
    rig.fake.unreachable = False
    result = reconcile_online(rig.runner, rig.cashier)
    assert len(result.closed) == 1 and result.settled == []
    assert rig.fake.transactions == {} and sent(rig, "ccsale") == [] and rig.card_payments(stay.folio_id) == []


def test_a_lost_completion_is_found_by_the_transaction_id_with_the_amount_completed(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("200.00"))
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    original = rig.fake.handle

    def cut_after_the_completion(method, target, headers, body):
        answer = original(method, target, headers, body)
        if "cccomplete" in body:
            rig.fake.unreachable = True
            return answer[0], answer[1], True
        return answer

    rig.fake.handle = cut_after_the_completion  # type: ignore[method-assign]
    done = capture_online_hold(rig.runner, rig.cashier, rig.operator_id, hold.id, eur("150.00"))
    assert done.intent.state is IntentState.UNKNOWN and rig.card_payments(stay.folio_id) == []
    rig.fake.handle = original  # type: ignore[method-assign]
    rig.fake.unreachable = False
    assert reconcile_online(rig.runner, rig.cashier).settled == [done.intent.id]
    assert len(sent(rig, "cccomplete")) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [eur("150.00")]
    assert rig.hotel.query(unresolved) == []


def test_a_lost_return_is_found_by_our_invoice_number(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    rig.fake.settle_batch()
    rig.fake.lose_next_answer(only="ccreturn")
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id, eur("40.00"))
    assert back.settled and len(sent(rig, "ccreturn")) == 1
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("40.00")]


def test_the_same_day_a_whole_payment_is_voided_at_converge_not_returned(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id)
    assert back.settled
    assert len(sent(rig, "ccvoid")) == 1 and sent(rig, "ccreturn") == []
    [sale] = rig.fake.by_invoice(invoice_number(idempotency_key(paid.intent)))
    assert sale["_voided"]
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("90.00")]
    [record] = [r for r in rig.records() if r.intent_id == back.intent.id]
    assert record.operation is CardRecordKind.REVERSAL


def test_a_lost_void_is_asked_about_by_txnquery_never_sent_again(sqlite_rig: ConvergeRig):
    rig = sqlite_rig
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    rig.fake.lose_next_answer(only="ccvoid")
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id)
    assert back.settled and len(sent(rig, "ccvoid")) == 1
    kinds = [kind for kind, _invoice in rig.fake.requests]
    assert kinds[kinds.index("ccvoid") + 1] == "txnquery"
    assert [p.amount for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == [-eur("90.00")]


def test_the_same_day_a_part_cannot_be_given_back_and_nothing_is_booked(sqlite_rig: ConvergeRig):
    rig = sqlite_rig
    stay, card_id = rig.saved_card()
    paid = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("90.00"))
    manager = rig.hotel.as_role(Role.MANAGER).actor
    back = refund_online_payment(rig.runner, manager, rig.operator_id, paid.payment_id, eur("40.00"))
    assert back.intent.state is IntentState.FAILED and back.whole_only_before_settlement
    assert sent(rig, "ccvoid") == [] and sent(rig, "ccreturn") == []
    assert [p for p in rig.card_payments(stay.folio_id) if p.kind is PaymentKind.REFUND] == []


def test_retention_deletes_the_token_at_converge_and_here_once(rig: ConvergeRig):
    stay, card_id = rig.saved_card()
    card = rig.hotel.query(saved_card, card_id)
    token = sent_token(rig.token(card_id))
    rig.fake.lose_next_answer(only="ccdeletetoken")  # deleted, the answer lost: deleting again is harmless
    purged = purge_saved_cards(rig.runner, rig.cashier, today=card.delete_after + timedelta(days=1))
    assert purged.deleted == [card_id] and rig.fake.tokens[token]["deleted"]
    assert len(sent(rig, "ccdeletetoken")) == 2
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_no_card_number_or_pin_in_the_database_or_the_logs(rig: ConvergeRig, caplog):
    caplog.set_level(logging.DEBUG)
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("10.00"))
    rig.fake.lose_next_answer()
    pre_authorise_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.folio_id, eur("20.00"))
    dump = repr(rig.hotel.snapshot())
    assert not has_card_number(dump) and not has_card_number(caplog.text)
    assert PIN not in dump and PIN not in caplog.text


def test_a_converge_account_is_merchant_and_user(sqlite_rig: ConvergeRig, capsys, monkeypatch):
    rig = sqlite_rig
    from desk.cli.main import main
    from tests.actors import demo_credentials

    manager = rig.hotel.as_role(Role.MANAGER)
    refused(rig.hotel, InvalidInput, "Enter the Converge account as MerchantId/UserId, as 0022587/apiuser",
            lambda: manager.run(add_operator, "Other", "converge", PIN, account="apiuser"), field="account")
    username, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", username)
    monkeypatch.setenv("DESK_PASSWORD", password)
    monkeypatch.setenv("DESK_OPERATOR_SECRET", PIN)
    url = rig.hotel.database.url
    assert main(["--database", url, "cards", "add-operator", "Converge USD", "--operator", "converge",
                 "--account", ACCOUNT, "--api-base", rig.fake.base_url, "--currencies", "USD"]) == 0
    assert main(["--database", url, "cards", "operators"]) == 0
    listed = capsys.readouterr().out
    assert f"Converge USD\tconverge\t{ACCOUNT}\tUSD" in listed and PIN not in listed


def test_a_lost_token_answer_is_closed_saying_converge_may_keep_a_card_the_desk_never_got(sqlite_rig: ConvergeRig,
                                                                                           caplog):
    rig = sqlite_rig
    stay = charged_stay(rig.hotel)
    rig.fake.lose_next_answer(only="ccgettoken")
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "enc_visa", "Anna Gast",
                     reservation_id=stay.reservation_id)
    # txnquery lists transactions, never tokens: the desk cannot learn the token, so nothing is saved here
    # and the clerk is told to look in Converge's Card Manager for the card it may have kept.
    assert done.intent.state is IntentState.CANCELLED and done.card_may_be_left_at_operator
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []
    assert len(rig.fake.tokens) == 1 and len(sent(rig, "ccgettoken")) == 1
    assert "Card Manager" in caplog.text


def test_a_card_converge_may_have_kept_is_in_the_audit_trail_for_a_manager_to_follow_up(rig: ConvergeRig):
    import json

    from sqlalchemy import select

    from desk.audit.models import AuditEntry, AuditKind

    stay = charged_stay(rig.hotel)
    rig.fake.lose_next_answer(only="ccgettoken")
    done = save_card(rig.runner, rig.cashier, rig.operator_id, "enc_visa", "Anna Gast",
                     reservation_id=stay.reservation_id)
    assert done.card_may_be_left_at_operator
    [entry] = rig.hotel.query(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.kind == AuditKind.CARD_LEFT_AT_OPERATOR))))
    assert entry.username == rig.cashier.username and "Card Manager" in entry.summary
    assert json.loads(entry.content)["detail"] == {
        "key": done.intent.key, "operator": done.intent.device, "holder": "Anna Gast",
        "reservation": stay.reservation_id}
    # Asking again finds it closed already: the trail says it once.
    reconcile_online(rig.runner, rig.cashier)
    assert len(rig.hotel.query(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.kind == AuditKind.CARD_LEFT_AT_OPERATOR))))) == 1
