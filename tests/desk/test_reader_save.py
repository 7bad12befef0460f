"""Verify and save credit card with the card on the terminal (R10): Stripe Terminal's server-driven
saving on the fake Stripe's simulated reader, through the official SDK over loopback. The guest
"presents a card" from the desk's own wait (a fake clock: no sleeping); each end is checked in the
journal, in the saved cards and in the fake's own record."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from desk.cards.card_page import NewCardOwner
from desk.cards.models import SavedCard
from desk.cards.operator_workflow import Watch, charge_saved_card, reconcile_online
from desk.cards.reader_save import reader_operators, save_card_on_reader
from desk.cards.saved_cards import operator_reader, saved_cards, set_operator_reader
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import IntentState, unresolved
from desk.people.models import Role
from desk.people.rights import MissingRight
from tests.actors import signed_in

from .conftest import Hotel, charged_stay, refused
from .online_rig import OnlineRig, make_online_rig


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(hotel)


def with_reader(rig: OnlineRig) -> str:
    reader = rig.fake.add_reader("Front desk 1")
    manager = signed_in(rig.hotel.database, Role.MANAGER, rig.hotel.actor.workstation)
    with rig.hotel.database.writing() as session:
        set_operator_reader(session, manager, rig.operator_id, rig.cashier.workstation, reader)
    return reader


def set_reader_as(rig: OnlineRig, actor: object, reader: str) -> None:
    with rig.hotel.database.writing() as session:
        set_operator_reader(session, actor, rig.operator_id, rig.cashier.workstation, reader)  # type: ignore[arg-type]


def guest(rig: OnlineRig, reader: str, *steps: Callable[[], object]) -> Callable[[float], None]:
    """The desk's pause between two looks at the reader, on a fake clock: each look, the next thing
    the guest (or the clerk) does, then nothing."""
    queue = list(steps)

    def pause(_seconds: float) -> None:
        if queue:
            queue.pop(0)()

    return pause


def test_a_card_presented_on_the_reader_is_saved_with_its_generated_card(rig: OnlineRig):
    reader = with_reader(rig)
    stay = charged_stay(rig.hotel)
    seen: list[str] = []
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), Watch(progress=seen.append),
                               pause=guest(rig, reader, lambda: None, lambda: rig.fake.present_card(reader, "visa")))
    assert done.settled, done.intent
    assert done.intent.request["card_came"] == "terminal"
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert (card.brand, card.masked_pan, card.expiry, card.holder) == ("visa", "•••• 4242", "12/2034", "Anna Gast")
    token = rig.hotel.query(lambda s: s.get_one(SavedCard, card.id).token)
    # Stripe's generated card, a ``card`` PaymentMethod attached to the customer: not the card_present one.
    [setup] = rig.fake.setup_intents.values()
    attempt = rig.fake.setup_attempts[setup["latest_attempt"]]
    assert token == attempt["payment_method_details"]["card_present"]["generated_card"]
    assert rig.fake.payment_methods[token]["type"] == "card"
    assert rig.fake.payment_methods[token]["customer"] == setup["customer"]
    assert "present_card" in seen
    # It is charged later without the guest, as any saved card.
    charged = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card.id, stay.bill_id,
                                Money.of("40.00", "EUR"))
    assert charged.settled, charged.intent


def test_a_declined_card_on_the_reader_saves_nothing(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id),
                               pause=guest(rig, reader, lambda: rig.fake.present_card(reader, "declined")))
    assert done.intent.state is IntentState.DECLINED and done.code == "card_declined"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] == "canceled"  # nothing can be saved on it afterwards


def test_cancel_asks_the_reader_to_stop_and_nothing_is_saved(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    watch = Watch(cancel=threading.Event())
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), watch,
                               pause=guest(rig, reader, watch.cancel.set))
    assert done.intent.state is IntentState.CANCELLED and done.reason == "reader_stopped"
    assert any(path.endswith(f"/terminal/readers/{reader}/cancel_action") for _, path, _ in rig.fake.requests)
    assert rig.fake.readers[reader]["action"]["status"] == "failed"
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] == "canceled"
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_a_reader_that_times_out_by_itself_saves_nothing(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id),
                               pause=guest(rig, reader, lambda: rig.fake.reader_gives_up(reader)))
    assert done.intent.state is IntentState.CANCELLED and done.code == "customer_timeout"


def test_a_busy_or_offline_reader_is_refused_and_nothing_started(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    owner = NewCardOwner(reservation_id=stay.reservation_id)
    rig.fake.set_reader_offline(reader)
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast", owner)
    assert done.intent.state is IntentState.FAILED and done.code == "terminal_reader_offline"
    rig.fake.set_reader_offline(reader, False)
    # Another program's action holds the reader.
    rig.fake.readers[reader]["action"] = {"type": "process_payment_intent", "status": "in_progress",
                                          "process_setup_intent": {"setup_intent": ""}}
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast", owner)
    assert done.intent.state is IntentState.FAILED and done.code == "terminal_reader_busy"
    # Neither setup made for the reader is left open for a card to be saved on later.
    assert [setup["status"] for setup in rig.fake.setup_intents.values()] == ["canceled", "canceled"]


def test_a_reader_that_answers_late_is_watched_and_its_card_saved(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    rig.fake.reader_timeout_next = True  # terminal_reader_timeout, though the action did start
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id),
                               pause=guest(rig, reader, lambda: rig.fake.present_card(reader)))
    assert done.settled, done.intent


def test_a_lost_answer_while_watching_is_found_by_our_key_once(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()

    def present_then_cut() -> None:
        rig.fake.present_card(reader)
        rig.fake.unreachable = True  # the look at the reader gets no answer

    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), poll_s=100,
                               pause=guest(rig, reader, present_then_cut))
    assert done.intent.state is IntentState.UNKNOWN
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []
    rig.fake.unreachable = False
    result = reconcile_online(rig.runner, rig.cashier)
    assert len(result.settled) == 1
    [card] = rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))
    assert card.masked_pan == "•••• 4242"
    assert reconcile_online(rig.runner, rig.cashier).settled == []
    assert rig.hotel.query(unresolved) == []
    assert rig.hotel.query(lambda s: len(list(s.scalars(select(SavedCard.id))))) == 1


def test_a_setup_left_waiting_at_the_reader_is_cancelled_when_asked_about(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()

    def cut() -> None:
        rig.fake.unreachable = True

    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), poll_s=100,
                               pause=guest(rig, reader, cut))
    assert done.pending
    rig.fake.unreachable = False
    result = reconcile_online(rig.runner, rig.cashier)
    assert len(result.closed) == 1
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] == "canceled"
    # The guest presents the card afterwards: the reader no longer takes it, nothing is saved.
    refused_error = None
    try:
        rig.fake.present_card(reader)
    except Exception as exc:  # the fake's own refusal: the reader waits for nothing
        refused_error = exc
    assert refused_error is not None
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_the_reader_is_set_per_workstation_by_a_manager_only(rig: OnlineRig):
    reader = with_reader(rig)
    assert rig.hotel.query(lambda s: operator_reader(s, rig.operator_id, rig.cashier.workstation)) == reader
    assert rig.hotel.query(lambda s: operator_reader(s, rig.operator_id, "another-desk")) == ""
    assert [(info.id, r) for info, r in rig.hotel.query(
        lambda s: reader_operators(s, rig.cashier.workstation))] == [(rig.operator_id, reader)]
    with pytest.raises(MissingRight), rig.hotel.database.writing() as session:
        set_operator_reader(session, rig.cashier, rig.operator_id, rig.cashier.workstation, "tmr_other")
    manager = signed_in(rig.hotel.database, Role.MANAGER, rig.hotel.actor.workstation)
    refused(rig.hotel, InvalidInput, "Enter the reader's id as the operator shows it, as tmr_FDOt2wlRZEdpd7",
            lambda: set_reader_as(rig, manager, "tmr 1 2"),
            field="reader")
    with rig.hotel.database.writing() as session:
        set_operator_reader(session, manager, rig.operator_id, rig.cashier.workstation, "")
    assert rig.hotel.query(lambda s: operator_reader(s, rig.operator_id, rig.cashier.workstation)) == ""


def test_without_a_reader_at_this_workstation_it_is_refused_before_anything(rig: OnlineRig):
    stay = rig.hotel.stay()
    refused(rig.hotel, InvalidInput, "No card reader of this operator is set up at this workstation: set it in "
            "Settings, Card operators",
            lambda: save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                                        NewCardOwner(reservation_id=stay.reservation_id)), field="reader")
    assert rig.fake.setup_intents == {}


def test_a_reader_that_cannot_be_stopped_is_not_watched_for_ever_and_its_setup_is_cancelled(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    watch = Watch(cancel=threading.Event())

    def cancel_while_offline() -> None:
        rig.fake.set_reader_offline(reader)  # the stop is refused (terminal_reader_offline), the action stays
        watch.cancel.set()

    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), watch,
                               pause=guest(rig, reader, cancel_while_offline))
    # The wait ends as unknown; asked by our key at once, the setup is cancelled at Stripe, so a card tapped
    # on the reader later can save nothing, and only then is the save ended.
    assert done.error.startswith("AnswerLost: reader") and "did not stop" in done.error
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] == "canceled"
    assert done.intent.state is IntentState.CANCELLED
    assert rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id)) == []


def test_one_lost_look_at_the_reader_keeps_asking_and_the_card_presented_later_is_saved(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id),
                               pause=guest(rig, reader, lambda: setattr(rig.fake, "unreachable", True),
                                           lambda: setattr(rig.fake, "unreachable", False),
                                           lambda: None, lambda: rig.fake.present_card(reader)))
    # The lost look neither ended the save nor cancelled the setup the guest was about to use.
    assert done.settled, done.intent
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] == "succeeded"
    assert len(rig.hotel.query(lambda s: saved_cards(s, reservation_id=stay.reservation_id))) == 1


def test_a_line_down_until_the_guests_time_is_up_is_left_pending_not_cancelled(rig: OnlineRig):
    reader = with_reader(rig)
    stay = rig.hotel.stay()
    done = save_card_on_reader(rig.runner, rig.cashier, rig.operator_id, "Anna Gast",
                               NewCardOwner(reservation_id=stay.reservation_id), poll_s=100,
                               pause=guest(rig, reader, lambda: setattr(rig.fake, "unreachable", True)))
    assert done.pending
    rig.fake.unreachable = False
    [setup] = rig.fake.setup_intents.values()
    assert setup["status"] != "canceled"  # the guest may still present the card: only asked later
    rig.fake.present_card(reader)
    assert len(reconcile_online(rig.runner, rig.cashier).settled) == 1


def test_the_terminal_saves_on_a_reader_where_one_is_set_up_else_by_a_saferpay_receipts_reference(rig: OnlineRig):
    from desk.cards.reader_save import saves_on_reader
    from desk.cards.saved_cards import add_operator

    database, workstation = rig.hotel.database, rig.cashier.workstation
    with database.unit_of_work() as session:
        assert saves_on_reader(session, workstation)  # no reader, no Saferpay: the reader's window says so
    manager = signed_in(database, Role.MANAGER, workstation)
    with database.writing() as session:
        add_operator(session, manager, "Saferpay", "saferpay", "API_245294_08670203:fake-password",
                     account="245294/17795278", api_base="http://127.0.0.1:9/api")
    with database.unit_of_work() as session:
        assert not saves_on_reader(session, workstation)
    with_reader(rig)
    with database.unit_of_work() as session:
        assert saves_on_reader(session, workstation)
