"""Card terminal flows against the ZVT simulator over TCP: never lost, never doubled."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards import operations as cards
from desk.cards.models import CARD_MONEY_IN, CardKind
from desk.cards.operations import HoldState
from desk.cards.terminal_workflow import (
    Watch,
    card_capture,
    card_end_of_day,
    card_pre_authorise,
    card_refund,
    card_release,
    card_sale,
    reconcile_cards,
)
from desk.cards.terminals import add_terminal, list_terminals, remove_terminal
from desk.core.errors import InvalidInput, NotAuthorised
from desk.journal.intents import IntentState, unresolved
from desk.ledger.payments import Tender, take_payment
from desk.people.models import Role
from hardware.simulators.zvt_terminal import TEST_CARD_PAN
from tests.actors import signed_in
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel


@pytest.fixture
def rig(hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(hotel, tmp_path)


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def aborting(cancel: threading.Event):
    """A progress callback that presses Cancel as soon as the terminal asks for the PIN."""

    def progress(key: str) -> None:
        if key == "enter_pin":
            cancel.set()

    return progress


# (behaviour, expected state after the flow); drop and late are resolved by asking the terminal.
MATRIX = [
    ("approve", IntentState.SETTLED),
    ("decline:05", IntentState.DECLINED),
    ("pin_timeout:0.1", IntentState.CANCELLED),
    ("abort", IntentState.CANCELLED),
    ("drop", IntentState.SETTLED),
    ("late:1.5", IntentState.SETTLED),
    # A second Completion is caught by the program's own listening window, not by the next command.
    pytest.param("twice", IntentState.SETTLED, marks=pytest.mark.shipped_settings),
]


def _script(rig: Rig, behaviour: str) -> dict:
    if behaviour == "abort":
        rig.sim.script("pin:5")
        cancel = threading.Event()
        return {"watch": Watch(cancel=cancel, progress=aborting(cancel))}
    if behaviour.startswith("late"):
        rig.give_up_after()  # the desk stops waiting before the answer comes
    rig.sim.script(behaviour)
    return {}


def _ended_as(done, behaviour: str, expected: IntentState) -> None:
    """The state expected, and told by the terminal itself unless the flow is about a lost answer:
    a flow that reached it only by asking the terminal afterwards took another path than it tests."""
    assert done.state is expected, done
    if not behaviour.startswith(("drop", "late")):
        assert done.error == "", done


def _paid_sale(rig: Rig, amount: str = "80.00"):
    stay = rig.hotel.stay()
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur(amount), allow_overpay=True)
    assert done.settled
    return stay, done


@pytest.mark.parametrize("behaviour,expected", MATRIX)
def test_sale_matrix(sqlite_rig: Rig, behaviour: str, expected: IntentState):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("80.00"),
                     allow_overpay=True, **_script(rig, behaviour))
    _ended_as(done, behaviour, expected)
    payments = rig.payments(stay.folio_id)
    if expected is IntentState.SETTLED:
        [payment] = payments
        assert payment.amount == eur("80.00") and payment.id == done.payment_id
        assert "receipt 0001" in payment.text and "auth" in payment.text and TEST_CARD_PAN not in payment.text
    else:
        assert payments == []
    # The terminal still works, and a second answer of the first sale lands nowhere.
    again = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("5.00"), allow_overpay=True)
    assert again.settled
    rig.runner.run(take_payment, rig.cashier, stay.bill_id, Tender("cash", eur("1.00")), allow_overpay=True)
    rig.assert_matches_terminal()
    assert rig.hotel.query(unresolved) == []


@pytest.mark.parametrize("behaviour,expected", MATRIX)
def test_refund_matrix(sqlite_rig: Rig, behaviour: str, expected: IntentState):
    rig = sqlite_rig
    stay, sale = _paid_sale(rig)
    assert sale.payment_id is not None
    done = card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, eur("30.00"),
                       **_script(rig, behaviour))
    _ended_as(done, behaviour, expected)
    refunds = [p for p in rig.payments(stay.folio_id) if p.refund_of_id == sale.payment_id]
    if expected is IntentState.SETTLED:
        [refund] = refunds
        assert refund.amount == eur("-30.00")
    else:
        assert refunds == []
    rig.assert_matches_terminal()


@pytest.mark.parametrize("behaviour,expected", MATRIX)
def test_pre_authorisation_matrix(sqlite_rig: Rig, behaviour: str, expected: IntentState):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    hold = card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("200.00"),
                              **_script(rig, behaviour))
    _ended_as(hold, behaviour, expected)
    holds = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    if expected is IntentState.SETTLED:
        [held] = holds
        assert held.state is HoldState.OPEN and held.amount == eur("200.00") and held.age_days == 0
    else:
        assert holds == []
    rig.assert_matches_terminal()


@pytest.mark.parametrize("behaviour,expected", MATRIX)
def test_capture_matrix(sqlite_rig: Rig, behaviour: str, expected: IntentState):
    # The hold is taken cleanly whatever the behaviour: each one is met by the capture itself.
    rig = sqlite_rig
    stay = rig.hotel.stay()
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("200.00")).settled
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    captured = card_capture(rig.runner, rig.cashier, rig.terminal_id, held.id, eur("150.00"),
                            **_script(rig, behaviour))
    _ended_as(captured, behaviour, expected)
    [after] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    if expected is IntentState.SETTLED:
        assert after.state is HoldState.PARTLY_CAPTURED and after.captured == eur("150.00")
        assert [p.amount for p in rig.payments(stay.folio_id)] == [eur("150.00")]
    else:
        assert after.state is HoldState.OPEN and after.captured is None
        assert rig.payments(stay.folio_id) == []
    rig.assert_matches_terminal()


@pytest.mark.parametrize("behaviour,expected", MATRIX)
def test_release_matrix(sqlite_rig: Rig, behaviour: str, expected: IntentState):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("90.00")).settled
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    done = card_release(rig.runner, rig.cashier, rig.terminal_id, held.id, **_script(rig, behaviour))
    _ended_as(done, behaviour, expected)
    [after] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    assert after.state is (HoldState.RELEASED if expected is IntentState.SETTLED else HoldState.OPEN)
    assert rig.payments(stay.folio_id) == []
    rig.assert_matches_terminal()


def test_a_sale_is_settled_on_both_databases_with_its_receipts(rig: Rig):
    stay, sale = _paid_sale(rig, "42.50")
    [record] = rig.records()
    assert record.payment_id == sale.payment_id and record.masked_pan.endswith("0010")
    assert record.brand == "VISA" and record.auth_code and record.terminal_id == "52500001"
    kinds = {r["kind"] for r in rig.hotel.query(cards.receipts_of_payment, sale.payment_id)}
    assert kinds == {"merchant", "customer"}
    assert rig.hotel.query(cards.card_payments_of_folio, stay.folio_id)[sale.payment_id].refunded is False


def test_a_payment_is_refunded_once_and_a_same_day_full_refund_is_a_reversal(sqlite_rig: Rig):
    rig = sqlite_rig
    stay, sale = _paid_sale(rig)
    assert sale.payment_id is not None
    done = card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id)
    assert done.settled and done.intent.kind == CardKind.REVERSAL.value
    assert rig.sim.journal[-1].operation == "reversal"
    with pytest.raises(InvalidInput, match="already refunded: it is refunded once"):
        card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, eur("1.00"))
    # A partial refund is a refund; the payment is then refunded, once.
    _, other = _paid_sale(rig, "60.00")
    assert other.payment_id is not None
    partial = card_refund(rig.runner, rig.cashier, rig.terminal_id, other.payment_id, eur("10.00"))
    assert partial.settled and partial.intent.kind == CardKind.REFUND.value
    with pytest.raises(InvalidInput, match="already refunded: it is refunded once"):
        card_refund(rig.runner, rig.cashier, rig.terminal_id, other.payment_id, eur("10.00"))
    rig.assert_matches_terminal()
    assert stay.folio_id


def test_refund_only_beside_a_terminal_payment_and_not_by_a_clerk(sqlite_rig: Rig):
    rig = sqlite_rig
    stay, sale = _paid_sale(rig)
    from desk.ledger.payments import Tender, take_payment

    cashier = rig.hotel.as_role(Role.CASHIER)
    cash = cashier.run(take_payment, stay.bill_id, Tender("card", eur("5.00"), text="typed in"),
                       allow_overpay=True)
    with pytest.raises(InvalidInput):
        card_refund(rig.runner, rig.cashier, rig.terminal_id, cash.id)
    assert sale.payment_id is not None
    with pytest.raises(NotAuthorised):
        card_refund(rig.runner, rig.hotel.actor, rig.terminal_id, sale.payment_id)
    [held_stay] = [rig.hotel.stay()]
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, held_stay.folio_id, eur("9.00")).settled
    [held] = rig.hotel.query(cards.holds_of_folio, held_stay.folio_id)
    with pytest.raises(NotAuthorised):
        card_release(rig.runner, rig.hotel.actor, rig.terminal_id, held.id)
    assert len(rig.sim.journal) == 2


def test_a_hold_is_used_once_and_a_hold_the_bank_dropped_offers_a_direct_charge(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("100.00")).settled
    [held] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    assert card_capture(rig.runner, rig.cashier, rig.terminal_id, held.id).settled
    assert rig.hotel.query(cards.hold_view, held.id).state is HoldState.CAPTURED
    with pytest.raises(InvalidInput):
        card_capture(rig.runner, rig.cashier, rig.terminal_id, held.id, eur("1.00"))
    with pytest.raises(InvalidInput):
        card_release(rig.runner, rig.cashier, rig.terminal_id, held.id)

    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("70.00")).settled
    gone = rig.hotel.query(cards.holds_of_folio, stay.folio_id)[-1]
    rig.sim.bank_release(gone.receipt_no)
    refused = card_capture(rig.runner, rig.cashier, rig.terminal_id, gone.id, eur("70.00"))
    assert refused.state is IntentState.DECLINED and refused.preauth_unavailable
    assert rig.hotel.query(cards.hold_view, gone.id).state is HoldState.EXPIRED
    assert [h.id for h in rig.hotel.query(cards.open_holds)] == []
    # The offer: charge the card directly.
    assert card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("70.00"),
                     allow_overpay=True).settled
    assert [p.amount for p in rig.payments(stay.folio_id)] == [eur("100.00"), eur("70.00")]
    rig.assert_matches_terminal()


def test_open_holds_oldest_first(sqlite_rig: Rig):
    rig = sqlite_rig
    first, second = rig.hotel.stay(), rig.hotel.stay()
    for stay in (first, second):
        assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("50.00")).settled
    holds = rig.hotel.query(cards.open_holds)
    assert [h.folio_id for h in holds] == [first.folio_id, second.folio_id]
    assert all(not h.is_old for h in holds)


def test_end_of_day_matches_the_ledger_and_names_each_difference(sqlite_rig: Rig):
    rig = sqlite_rig
    stay, sale = _paid_sale(rig, "80.00")
    assert sale.payment_id is not None
    assert card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, eur("20.00")).settled
    report = card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    assert report.matches and report.terminal_total == eur("60.00") == report.ledger_total
    # A sale the bank booked that the ledger does not have (another program used the terminal).
    _paid_sale(rig, "10.00")
    rig.sim.record("sale", 700, 978)
    from desk.ledger.payments import Tender, take_payment

    cashier = rig.hotel.as_role(Role.CASHIER)
    typed = cashier.run(take_payment, stay.bill_id, Tender("card", eur("3.00"), text="typed in"),
                        allow_overpay=True)
    report = card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    assert not report.matches and report.terminal_total == eur("17.00") and report.ledger_total == eur("10.00")
    reasons = {(d.reason, d.receipt_no, d.payment_id) for d in report.differences}
    assert ("not_in_ledger", rig.sim.journal[-1].receipt_no, None) in reasons
    assert ("by_hand", None, typed.id) in reasons


def test_unclear_ends_left_pending_are_resolved_later_exactly_once(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    rig.sim.script("silent:2")
    rig.give_up_after()
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("12.00"), allow_overpay=True)
    # Asked at once: the terminal's last receipt shows the approval, so it is settled.
    assert done.settled
    assert reconcile_cards(rig.runner, rig.cashier).settled == []
    rig.assert_matches_terminal()


def test_terminals_are_configured_per_workstation_by_a_manager(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    manager = signed_in(hotel.database, Role.MANAGER, "FRONT-1")
    with hotel.database.writing() as session:
        add_terminal(session, manager, "FRONT-1", "Left", "tcp://10.0.0.5:20007")
        add_terminal(session, manager, "FRONT-1", "Right", "serial:///dev/ttyACM0", "eur")
    assert [t.name for t in hotel.query(list_terminals, "FRONT-1")] == ["Left", "Right"]
    with pytest.raises(InvalidInput):
        hotel.run(lambda s, actor: add_terminal(s, manager, "FRONT-1", "Left", "tcp://x:1"))
    for bad in ("http://x", "tcp://:20007", "serial://ttyACM0"):
        with pytest.raises(InvalidInput):
            hotel.run(lambda s, actor, url=bad: add_terminal(s, manager, "FRONT-1", "Other", url))
    with pytest.raises(NotAuthorised):
        hotel.run(add_terminal, "FRONT-1", "Mine", "tcp://x:1")
    left = hotel.query(list_terminals, "FRONT-1")[0]
    hotel.run(lambda s, actor: remove_terminal(s, manager, left.id))
    assert [t.name for t in hotel.query(list_terminals, "FRONT-1")] == ["Right"]


def test_the_terminals_command_lists_adds_and_removes(sqlite_hotel: Hotel, capsys, monkeypatch):
    from desk.cli.main import main

    url = sqlite_hotel.database.url
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    monkeypatch.setenv("DESK_TERMINAL_PASSWORD", "123456")
    assert main(["--database", url, "terminals", "add", "Front", "tcp://127.0.0.1:20007",
                 "--workstation", "FRONT-1"]) == 0
    assert main(["--database", url, "terminals", "list"]) == 0
    listed = capsys.readouterr().out
    assert "FRONT-1\tFront\ttcp://127.0.0.1:20007\tEUR" in listed and "123456" not in listed
    assert main(["--database", url, "terminals", "add", "Bad", "http://x"]) == 1
    [info] = sqlite_hotel.query(list_terminals, "FRONT-1")
    assert main(["--database", url, "terminals", "remove", str(info.id)]) == 0
    assert sqlite_hotel.query(list_terminals, "FRONT-1") == []


def test_the_reservation_card_shows_its_holds(sqlite_rig: Rig):
    from desk.stays.reservation_card import load_reservation_card

    rig = sqlite_rig
    stay = rig.hotel.stay()
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("120.00")).settled
    [shown] = rig.hotel.query(load_reservation_card, stay.folio_id).pre_authorisations
    assert (shown.amount, shown.state, shown.age_days) == (eur("120.00"), "open", 0)
    assert shown.masked_pan.endswith("0010") and TEST_CARD_PAN not in shown.masked_pan


def test_a_card_sale_beyond_what_the_bill_owes_needs_the_clerks_confirmation(sqlite_rig: Rig):
    from desk.core.errors import WouldOverpay

    rig = sqlite_rig
    stay = rig.hotel.stay()
    with pytest.raises(WouldOverpay):
        card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("10.00"))
    assert rig.sim.journal == [] and rig.hotel.query(unresolved) == []


def _left_unknown(rig: Rig, kind: CardKind, amount: str, **target: object) -> int:
    """A card operation sent to the terminal whose end nobody heard (the line timed out)."""
    from desk.journal.intents import EventType, mark_sent, record_event, record_intent

    with rig.hotel.database.writing() as session:
        asked = cards.CardRequest(amount=eur(amount), **target)
        request = cards.plan_card_operation(session, rig.cashier, kind, rig.terminal_id, asked)
        intent = record_intent(session, rig.cashier, request)
        mark_sent(session, rig.cashier, intent.id)
        record_event(session, rig.cashier, intent.id, EventType.UNKNOWN, {"error": "no answer within 10 s"})
        return intent.id


def test_a_second_sale_is_refused_while_the_first_is_unresolved_and_taken_once_it_is_reconciled(rig: Rig):
    stay = rig.hotel.stay()
    first = _left_unknown(rig, CardKind.SALE, "25.00", bill_id=stay.bill_id, allow_overpay=True)
    rig.sim.record("sale", 2500, 978)  # the bank booked it
    with pytest.raises(InvalidInput, match="still unresolved") as refused:
        card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("25.00"), allow_overpay=True)
    assert refused.value.field == "bill"
    hold = _left_unknown(rig, CardKind.PRE_AUTHORISATION, "50.00", folio_id=stay.folio_id)
    with pytest.raises(InvalidInput, match="still unresolved"):
        card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("50.00"))
    assert [t.operation for t in rig.sim.journal] == ["sale"]  # neither reached the terminal
    # Nor is cash taken meanwhile: the guest may already have paid by card.
    with pytest.raises(InvalidInput, match="still unresolved"):
        rig.runner.run(take_payment, rig.cashier, stay.bill_id, Tender("cash", eur("25.00")), allow_overpay=True)
    assert rig.payments(stay.folio_id) == []

    resolved = reconcile_cards(rig.runner, rig.cashier)
    assert resolved.settled == [first] and resolved.closed == [hold]
    [payment] = rig.payments(stay.folio_id)
    assert payment.amount == eur("25.00")
    again = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("5.00"), allow_overpay=True)
    assert again.settled
    rig.runner.run(take_payment, rig.cashier, stay.bill_id, Tender("cash", eur("1.00")), allow_overpay=True)
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("50.00")).settled
    rig.assert_matches_terminal()


def test_a_whole_card_number_on_the_terminals_receipts_is_kept_masked_everywhere(rig: Rig):
    from sqlalchemy import text

    from hardware.simulators.zvt_terminal import TEST_CARD_MASKED

    rig.sim.print_full_pan = True  # a careless terminal
    _stay, sale = _paid_sale(rig, "42.50")
    assert sale.payment_id is not None
    assert card_refund(rig.runner, rig.cashier, rig.terminal_id, sale.payment_id, eur("2.50")).settled
    card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    stored: list[str] = []
    with rig.hotel.database.unit_of_work() as session:
        for table in ("journal_intent", "journal_event", "card_record", "payment"):
            stored += [str(value) for row in session.execute(text(f"SELECT * FROM {table}")) for value in row]
    everything = "\n".join(stored)
    assert TEST_CARD_PAN not in everything
    masked = "*" * 12 + TEST_CARD_PAN[-4:]
    assert everything.count(f"VISA {masked}") >= 4  # sale and refund, in the journal and on the card records
    assert TEST_CARD_MASKED in everything  # the terminal's own masked number, as it sent it
    [eod] = [r for r in rig.records() if r.operation.value == "end_of_day"]
    assert any(masked in line for receipt in eod.receipts for line in receipt["lines"])


def test_the_payments_rule_knows_every_card_intent_that_takes_money():
    # A terminal's sale and capture, and an online operator's charge and capture (issue 25).
    assert set(CARD_MONEY_IN) == {CardKind.SALE.value, CardKind.CAPTURE.value, "online_charge", "online_capture"}


def test_two_desks_starting_a_card_payment_on_one_bill_at_once_go_ahead_once(rig: Rig):
    stay = rig.hotel.stay()
    asked = cards.CardRequest(amount=eur("25.00"), bill_id=stay.bill_id, allow_overpay=True)
    plan = [rig.runner.read(cards.plan_card_operation, rig.cashier, CardKind.SALE, rig.terminal_id, asked)
            for _ in range(2)]
    # Both planned before either was recorded: planning only reads.
    first = rig.runner.run(cards.record_card_intent, rig.cashier, plan[0]).value
    with pytest.raises(InvalidInput, match="still unresolved"):
        rig.runner.run(cards.record_card_intent, rig.cashier, plan[1])
    # The first one's T1 retried after its commit went through is the same intent, not refused.
    assert rig.runner.run(cards.record_card_intent, rig.cashier, plan[0]).value.id == first.id
    with rig.hotel.database.unit_of_work() as session:
        assert [i.id for i in unresolved(session, rig.cashier.workstation)] == [first.id]
