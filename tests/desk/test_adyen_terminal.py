"""Verify and save credit card with the card on an Adyen terminal (R10), through Adyen's cloud Terminal
API on the fake Adyen's terminal, over loopback. The guest acts on the terminal from the desk's own wait
(each pause between two looks is the next thing the guest or the clerk does); each end is checked in
the journal, in the saved cards and in what the fake's terminal did."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desk.cards.card_page import NewCardOwner
from desk.cards.models import SavedCard
from desk.cards.operator_workflow import OnlineOutcome, Watch, charge_saved_card, idempotency_key, reconcile_online
from desk.cards.operators.adyen_terminal import TerminalApi, service_id
from desk.cards.operators.interface import Refused
from desk.cards.reader_save import save_card_on_reader
from desk.cards.saved_cards import saved_cards, set_operator_reader
from desk.core.card_numbers import has_card_number
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import IntentState, unresolved
from desk.people.models import Role
from tests.actors import signed_in

from .adyen_rig import API_KEY, AdyenRig, make_adyen_rig
from .conftest import Hotel, charged_stay, refused

ROOT = Path(__file__).resolve().parents[2]
POIID = "V400m-324688179"


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[AdyenRig]:
    yield from make_adyen_rig(hotel)


def with_terminal(rig: AdyenRig) -> str:
    poiid = rig.fake.terminals.add_terminal(POIID)
    manager = signed_in(rig.hotel.database, Role.MANAGER, rig.hotel.actor.workstation)
    with rig.hotel.database.writing() as session:
        set_operator_reader(session, manager, rig.operator_id, rig.cashier.workstation, poiid)
    return poiid


def guest(*steps: Callable[[], object]) -> Callable[[float], None]:
    """The desk's pause between two looks at the terminal: each time the next step, then nothing."""
    queue = list(steps)

    def pause(_seconds: float) -> None:
        if queue:
            queue.pop(0)()

    return pause


def save(rig: AdyenRig, stay_reservation: int, *steps: Callable[[], object], watch: Watch | None = None,
         poll_s: float | None = None) -> OnlineOutcome:
    return save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay_reservation), watch, pause=guest(*steps),
                               poll_s=poll_s)


def cards_of(rig: AdyenRig, reservation_id: int) -> list:
    return rig.hotel.query(lambda s: saved_cards(s, reservation_id=reservation_id))


def categories(rig: AdyenRig) -> list[str]:
    return [category for category, _poiid, _service in rig.fake.terminals.messages]


def test_a_card_presented_on_the_terminal_is_saved_with_its_token_and_charged_later(rig: AdyenRig, caplog):
    caplog.set_level(logging.DEBUG)
    poiid = with_terminal(rig)
    stay = charged_stay(rig.hotel)
    seen: list[str] = []
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), Watch(progress=seen.append),
                               pause=guest(lambda: rig.fake.terminals.present_card(poiid, "visa")))
    assert done.settled, done.intent
    assert done.intent.request["card_came"] == "terminal"
    assert "present_card" in seen
    [card] = cards_of(rig, stay.reservation_id)
    assert (card.brand, card.masked_pan, card.expiry, card.holder) == ("visa", "•••• 1111", "03/2030", "Anna Gast")
    # What the terminal did is what the desk kept: one payment, its token, under our ServiceID.
    [ended] = rig.fake.terminals.done
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card.id).token)
    assert (ended["result"], ended["token"], ended["service"]) == ("Success", token,
                                                                 service_id(idempotency_key(done.intent)))
    payment = rig.fake.terminals.payments[("HotelDesk", ended["service"])]
    assert payment["token_requested"] and payment["amount"] == 0
    assert payment["acquirer"]["recurringProcessingModel"] == "UnscheduledCardOnFile"
    assert categories(rig) == ["Payment"]
    # Charged later without the guest, through Checkout, as any card saved at Adyen.
    charged = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card.id, stay.bill_id,
                                Money.of("40.00", "EUR"))
    assert charged.settled, charged.intent
    # Only the masked number's last four ever reached the desk: not in the journal, not in the logs.
    kept = json.dumps(rig.hotel.snapshot(), ensure_ascii=False, default=str)  # every row of every table
    assert token in kept and "411111" not in kept and not has_card_number(kept)
    assert "411111" not in caplog.text and not has_card_number(caplog.text) and API_KEY not in caplog.text


def test_a_refused_card_saves_nothing(rig: AdyenRig):
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    done = save(rig, stay.reservation_id, lambda: rig.fake.terminals.present_card(poiid, "refused"))
    assert done.intent.state is IntentState.DECLINED and done.code == "Refusal"
    assert cards_of(rig, stay.reservation_id) == []
    assert [(e["result"], e["condition"], e["token"]) for e in rig.fake.terminals.done] == [
        ("Failure", "Refusal", "")]


def test_a_busy_terminal_is_refused_and_nothing_started(rig: AdyenRig):
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    rig.fake.terminals.set_busy(poiid)
    done = save(rig, stay.reservation_id)
    assert done.intent.state is IntentState.FAILED and done.reason == "reader_busy" and done.code == "Busy"
    assert rig.fake.terminals.terminals[poiid]["current"] is None
    assert cards_of(rig, stay.reservation_id) == []


def test_cancel_sends_an_abort_naming_the_payment_and_nothing_is_saved(rig: AdyenRig):
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    watch = Watch(cancel=threading.Event())

    def clerk_cancels() -> None:
        rig.fake.terminals.waiting(poiid)
        watch.cancel.set()

    done = save(rig, stay.reservation_id, clerk_cancels, watch=watch)
    assert done.intent.state is IntentState.CANCELLED and done.reason == "reader_stopped"
    assert done.code == "Aborted"
    assert categories(rig) == ["Payment", "Abort"]
    [ended] = rig.fake.terminals.done
    assert (ended["condition"], ended["service"]) == ("Aborted", service_id(idempotency_key(done.intent)))
    assert cards_of(rig, stay.reservation_id) == []


def test_the_guest_cancelling_on_the_terminal_saves_nothing(rig: AdyenRig):
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    done = save(rig, stay.reservation_id, lambda: rig.fake.terminals.cancel_on_terminal(poiid))
    assert done.intent.state is IntentState.CANCELLED and done.code == "Cancel"
    assert cards_of(rig, stay.reservation_id) == []


def test_a_lost_answer_is_found_by_transaction_status_and_saved_once(rig: AdyenRig):
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    rig.fake.lose_next_answer()  # the payment's answer, once the guest presented the card
    done = save(rig, stay.reservation_id, lambda: rig.fake.terminals.present_card(poiid))
    assert done.settled, done.intent
    assert categories(rig) == ["Payment", "TransactionStatus"]
    [card] = cards_of(rig, stay.reservation_id)
    assert card.masked_pan == "•••• 1111"
    assert reconcile_online(rig.runner, rig.cashier).settled == []
    assert rig.hotel.query(lambda s: len(list(s.scalars(select(SavedCard.id))))) == 1


def test_no_answer_in_time_keeps_asking_while_the_guest_may_still_present_the_card(rig: AdyenRig, monkeypatch):
    monkeypatch.setattr("desk.cards.operators.adyen_terminal.ANSWER_TIMEOUT_S", 0.3)
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    done = save(rig, stay.reservation_id, lambda: time.sleep(0.5), lambda: None, lambda: None,
                lambda: rig.fake.terminals.present_card(poiid))
    assert done.settled, done.intent
    # Asked while it waited at the terminal (InProgress), never aborted, then its repeated answer.
    assert categories(rig)[0] == "Payment" and "Abort" not in categories(rig)
    assert categories(rig).count("TransactionStatus") >= 2
    assert len(cards_of(rig, stay.reservation_id)) == 1


def test_a_payment_still_at_the_terminal_is_left_pending_never_cancelled_then_found(rig: AdyenRig, monkeypatch):
    monkeypatch.setattr("desk.cards.operators.adyen_terminal.ANSWER_TIMEOUT_S", 0.2)
    poiid = with_terminal(rig)
    stay = rig.hotel.stay()
    # The guest does nothing, and the line drops every status: the desk gives up, unknown.
    done = save(rig, stay.reservation_id, lambda: time.sleep(0.3),
                lambda: setattr(rig.fake, "unreachable", True), poll_s=100)
    assert done.pending and done.intent.state is IntentState.UNKNOWN
    rig.fake.unreachable = False
    assert rig.fake.terminals.waiting(poiid)["state"] == "in_progress"
    assert reconcile_online(rig.runner, rig.cashier).still_unknown == [done.intent.id]  # InProgress
    assert "Abort" not in categories(rig)
    rig.fake.terminals.present_card(poiid)
    assert reconcile_online(rig.runner, rig.cashier).settled == [done.intent.id]
    assert len(cards_of(rig, stay.reservation_id)) == 1


def test_the_poiid_is_set_per_workstation_and_checked(rig: AdyenRig):
    manager = signed_in(rig.hotel.database, Role.MANAGER, rig.hotel.actor.workstation)

    def set_reader(reader: str) -> None:
        with rig.hotel.database.writing() as session:
            set_operator_reader(session, manager, rig.operator_id, rig.cashier.workstation, reader)

    refused(rig.hotel, InvalidInput, "Enter the terminal's POIID as Adyen shows it, its model and serial number, "
            "as V400m-324688179", lambda: set_reader("tmr_FDOt2wlRZEdpd7"), field="reader")
    set_reader("e285p-805339117")


def test_the_fake_terminal_rejects_malformed_requests_as_adyen_does(rig: AdyenRig):
    poiid = rig.fake.terminals.add_terminal(POIID)
    api = TerminalApi(API_KEY, api_base=rig.fake.base_url, timeout=5)
    body = {"MessageReference": {"MessageCategory": "Payment", "SaleID": "HotelDesk", "ServiceID": "x"}}
    with pytest.raises(Refused, match="ServiceID is missing"):
        api.send("TransactionStatus", poiid, "", body)
    with pytest.raises(Refused, match="ServiceID is missing or longer"):
        api.send("TransactionStatus", poiid, "elevenchars", body)
    with pytest.raises(Refused, match="POIID P400-1 is not a terminal of this account"):
        api.send("TransactionStatus", "P400-1", "s1", body)
    api.send("TransactionStatus", poiid, "s2", body)
    with pytest.raises(Refused, match="ServiceID s2 was used before"):
        api.send("TransactionStatus", poiid, "s2", body)
    wrong_key = httpx.post(f"{rig.fake.base_url}/sync", json={}, headers={"x-api-key": "AQE_other"})
    assert wrong_key.status_code == 401
    # The demo's way to add a terminal and act as the guest, over HTTP.
    assert httpx.post(f"{rig.fake.base_url}/_fake/terminal/add?poiid=e285p-805339117").status_code == 200
    assert "e285p-805339117" in rig.fake.terminals.terminals
    assert httpx.post(f"{rig.fake.base_url}/_fake/terminal/present?poiid=P400-9").status_code == 404
    assert rig.fake.terminals.done == []


def test_killed_while_the_guest_holds_the_card_then_reconciled_once(sqlite_hotel: Hotel):
    for rig in make_adyen_rig(sqlite_hotel):
        poiid = with_terminal(rig)
        stay = rig.hotel.stay()
        child = subprocess.run(
            [sys.executable, "-m", "tests.desk.adyen_terminal_kill_child", rig.hotel.database.url,
             str(rig.operator_id), str(stay.reservation_id)],
            cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert child.returncode == -9, child.stdout + child.stderr
        [pending] = rig.hotel.query(unresolved)
        assert rig.fake.terminals.waiting(poiid)["state"] == "in_progress"
        # Asked while the guest still holds the card: in progress, left alone, still pending.
        assert reconcile_online(rig.runner, rig.cashier).still_unknown == [pending.id]
        rig.fake.terminals.present_card(poiid)
        assert reconcile_online(rig.runner, rig.cashier).settled == [pending.id]
        assert reconcile_online(rig.runner, rig.cashier).settled == []
        assert rig.hotel.query(unresolved) == []
        [card] = cards_of(rig, stay.reservation_id)
        [ended] = rig.fake.terminals.done
        assert rig.token(card.id) == ended["token"]
        assert "411111" not in child.stdout + child.stderr and API_KEY not in child.stdout + child.stderr
