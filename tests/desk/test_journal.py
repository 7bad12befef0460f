"""The journal of device operations: whatever dies when, each operation is settled or closed exactly once."""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from desk.core.errors import LedgerImmutable
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import (
    EventType,
    InFlight,
    IntentRequest,
    IntentState,
    IntentView,
    Resolution,
    SecretInJournal,
    Verdict,
)
from desk.journal.models import JournalEvent, JournalIntent
from desk.journal.steps import Answer, perform
from desk.ledger.models import Payment
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role
from tests.helpers import kill_child_when

from .conftest import Hotel, charged_stay, make_hotel

KIND = "test_card_sale"


class Crash(BaseException):
    """The program dying at this very point: nothing after it runs, no handler catches it."""


class FakeTerminal:
    """A card terminal that remembers what it did by our idempotency key, in a file (it outlives us)."""

    def __init__(self, path: Path, mode: str = "approve") -> None:
        self.path = path
        self.mode = mode
        self.calls = 0
        self.asked: list[str] = []  # keys it was asked about by reconciliation

    def done(self) -> dict[str, dict[str, Any]]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def _remember(self, key: str, amount: str) -> None:
        done = self.done()
        done[key] = {"amount": amount, "auth": f"A{len(done) + 1:05d}"}
        self.path.write_text(json.dumps(done))

    def __call__(self, intent: IntentView, progress: Callable[[str], None], cancel: threading.Event) -> Answer:
        self.calls += 1
        progress("Insert card")
        if self.mode == "crash_before":
            raise Crash()
        if self.mode == "hang_before":
            time.sleep(3600)
        if cancel.is_set() and self.mode != "approve_despite_cancel":
            return Answer(EventType.CANCELLED, {"reason": "aborted on the terminal"})
        if self.mode == "decline":
            return Answer(EventType.DECLINED, {"reason": "insufficient funds"})
        assert intent.amount is not None
        self._remember(intent.key, str(intent.amount))
        progress("Approved")
        if self.mode == "crash_after":
            raise Crash()
        if self.mode == "hang_after":
            time.sleep(3600)
        if self.mode == "drop_after":
            raise ConnectionResetError("the cable was pulled")
        return Answer(EventType.APPROVED, {"auth": self.done()[intent.key]["auth"], "masked_pan": "****1234"})


class FakeResolver:
    """Asks the fake terminal about a key, and settles a card payment on the intent's bill."""

    def __init__(self, terminal: FakeTerminal, crash_settling: int = 0, barrier: threading.Barrier | None = None):
        self.terminal = terminal
        self.crash_settling = crash_settling
        self.barrier = barrier

    def did_it_happen(self, intent: IntentView) -> Resolution:
        self.terminal.asked.append(intent.key)
        if self.barrier is not None:
            # Both reconcilers hold the same answer before either settles.
            with contextlib.suppress(threading.BrokenBarrierError):
                self.barrier.wait(timeout=5)
        record = self.terminal.done().get(intent.key)
        if record is None:
            return Resolution(Verdict.DID_NOT_HAPPEN, {"terminal": "no such transaction"})
        return Resolution(Verdict.HAPPENED, {"auth": record["auth"]})

    def settle(self, session, actor: Actor, intent: IntentView) -> int | None:
        if self.crash_settling:
            self.crash_settling -= 1
            raise Crash()
        assert intent.bill_id is not None and intent.amount is not None
        view = journal.load_intent(session, intent.id)
        auth = next(e.payload["auth"] for e in view.events if e.type in journal.HAPPENED_EVENTS)
        return take_payment(session, actor, intent.bill_id, Tender("card", intent.amount, text=f"AUTH {auth}")).id


def request(stay_bill: int, amount: Money, key: str | None = None) -> IntentRequest:
    return IntentRequest(kind=KIND, device="terminal-1", request={"operation": "sale"}, amount=amount,
                         bill_id=stay_bill, key=key)


def payments_on(hotel: Hotel, bill_id: int) -> list[Payment]:
    return hotel.query(lambda s: list(s.scalars(select(Payment).where(Payment.bill_id == bill_id))))


def intent_of(hotel: Hotel, intent_id: int) -> IntentView:
    return hotel.query(journal.load_intent, intent_id)


class CrashingRunner(Runner):
    """Dies just before running ``use_case`` (simulates a kill between two steps)."""

    def __init__(self, database: Database, die_before: object) -> None:
        super().__init__(database)
        self.die_before = die_before

    def run(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        if use_case is self.die_before:
            raise Crash()
        return super().run(use_case, actor, *args, **kwargs)

    def finish(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        if use_case is self.die_before:
            raise Crash()
        return super().finish(use_case, actor, *args, **kwargs)


# --- the happy paths ------------------------------------------------------------------------------


def test_an_approved_sale_is_journalled_then_settled_once(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "terminal.json")
    messages: list[str] = []
    done = perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("80.00")), terminal,
                   FakeResolver(terminal), progress=messages.append)
    assert done.state is IntentState.SETTLED
    assert messages == ["Insert card", "Approved"]
    assert [e.type for e in done.intent.events] == [EventType.SENT, EventType.PROGRESS, EventType.PROGRESS,
                                                    EventType.APPROVED, EventType.SETTLED]
    [payment] = payments_on(hotel, stay.bill_id)
    assert done.intent.settled_payment_id == payment.id
    assert payment.text == "AUTH A00001" and payment.amount == hotel.money("80.00")
    assert hotel.query(journal.unresolved) == []


def test_a_declined_sale_ends_declined_and_writes_no_payment(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "t.json", mode="decline")
    done = perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("80.00")), terminal,
                   FakeResolver(terminal))
    assert done.state is IntentState.DECLINED
    assert done.intent.outcome is not None and done.intent.outcome.payload == {"reason": "insufficient funds"}
    assert payments_on(hotel, stay.bill_id) == []


def test_cancel_reaches_the_device_and_an_approval_despite_it_is_still_settled(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    cancel = threading.Event()
    cancel.set()
    aborted = FakeTerminal(tmp_path / "a.json")
    done = perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("10.00")), aborted,
                   FakeResolver(aborted), cancel=cancel)
    assert done.state is IntentState.CANCELLED and payments_on(hotel, stay.bill_id) == []
    late = FakeTerminal(tmp_path / "b.json", mode="approve_despite_cancel")
    done = perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("10.00")), late,
                   FakeResolver(late), cancel=cancel)
    assert done.state is IntentState.SETTLED and len(payments_on(hotel, stay.bill_id)) == 1


def test_a_dropped_line_leaves_the_answer_unknown_for_reconciliation(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "t.json", mode="drop_after")
    runner = Runner(hotel.database)
    done = perform(runner, hotel.actor, request(stay.bill_id, hotel.money("25.00")), terminal,
                   FakeResolver(terminal))
    assert done.state is IntentState.UNKNOWN and "cable was pulled" in done.error
    assert payments_on(hotel, stay.bill_id) == []
    result = journal.reconcile(runner, {KIND: FakeResolver(terminal)}, hotel.actor)
    assert result.settled == [done.intent.id]
    assert len(payments_on(hotel, stay.bill_id)) == 1


def test_the_same_key_twice_is_one_operation(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "t.json")
    runner = Runner(hotel.database)
    first = perform(runner, hotel.actor, request(stay.bill_id, hotel.money("5.00"), key="K-1"), terminal,
                    FakeResolver(terminal))
    again = perform(runner, hotel.actor, request(stay.bill_id, hotel.money("5.00"), key="K-1"), terminal,
                    FakeResolver(terminal))
    assert again.intent.id == first.intent.id and terminal.calls == 1
    assert len(payments_on(hotel, stay.bill_id)) == 1
    with pytest.raises(journal.InvalidInput, match="already used"):
        hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("6.00"), key="K-1"))


# --- crashes at every step --------------------------------------------------------------------------


def _crash(hotel: Hotel, tmp_path: Path, where: str) -> tuple[int, FakeTerminal, FakeResolver]:
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "terminal.json")
    resolver = FakeResolver(terminal)
    runner: Runner = Runner(hotel.database)
    if where == "before_sent":
        runner = CrashingRunner(hotel.database, die_before=journal.mark_sent)
    elif where in ("device_before", "device_after"):
        terminal.mode = {"device_before": "crash_before", "device_after": "crash_after"}[where]
    elif where == "before_settle":
        resolver.crash_settling = 1
    with pytest.raises(Crash):
        perform(runner, hotel.actor, request(stay.bill_id, hotel.money("42.00")), terminal, resolver)
    return stay.bill_id, terminal, resolver


@pytest.mark.parametrize(
    ("where", "left_as", "asks_device", "outcome", "payments"),
    [
        ("before_sent", IntentState.NEW, False, IntentState.CANCELLED, 0),
        ("device_before", IntentState.SENT, True, IntentState.CANCELLED, 0),
        ("device_after", IntentState.SENT, True, IntentState.SETTLED, 1),
        ("before_settle", IntentState.HAPPENED, False, IntentState.SETTLED, 1),
    ],
)
def test_a_crash_at_each_step_is_reconciled_exactly_once(hotel: Hotel, tmp_path, where, left_as, asks_device,
                                                         outcome, payments):
    bill_id, terminal, resolver = _crash(hotel, tmp_path, where)
    [pending] = hotel.query(journal.unresolved, hotel.actor.workstation)
    assert pending.state is left_as
    assert payments_on(hotel, bill_id) == []
    runner = Runner(hotel.database)
    first = journal.reconcile(runner, {KIND: resolver}, hotel.actor, workstation=hotel.actor.workstation)
    assert (terminal.asked == [pending.key]) is asks_device
    assert intent_of(hotel, pending.id).state is outcome
    assert len(payments_on(hotel, bill_id)) == payments
    assert len(terminal.done()) == payments  # the ledger says what the terminal did, no more, no less
    again = journal.reconcile(runner, {KIND: resolver}, hotel.actor)
    assert again == journal.Reconciled()
    assert len(payments_on(hotel, bill_id)) == payments
    assert (first.settled if payments else first.closed) == [pending.id]


def test_an_unknown_answer_stays_open_while_the_device_cannot_say(hotel: Hotel, tmp_path):
    _bill_id, terminal, _resolver = _crash(hotel, tmp_path, "device_after")

    class Silent(FakeResolver):
        def did_it_happen(self, intent):
            return Resolution(Verdict.STILL_UNKNOWN)

    result = journal.reconcile(Runner(hotel.database), {KIND: Silent(terminal)}, hotel.actor)
    assert len(result.still_unknown) == 1
    assert [i.state for i in hotel.query(journal.unresolved)] == [IntentState.SENT]


def test_reconcile_leaves_an_intent_whose_workflow_is_still_running(hotel: Hotel, tmp_path):
    _bill_id, terminal, resolver = _crash(hotel, tmp_path, "device_after")
    [pending] = hotel.query(journal.unresolved)
    running = InFlight()
    assert running.claim(pending.id)
    result = journal.reconcile(Runner(hotel.database), {KIND: resolver}, hotel.actor, in_flight=running)
    assert result.skipped == [pending.id] and terminal.asked == []


# --- a real kill ------------------------------------------------------------------------------------


def child(url: str, terminal_path: str, bill_id: int, mode: str) -> None:
    """Run in a subprocess: start a sale whose terminal hangs; the test kills us with SIGKILL."""
    database = Database(url)
    terminal = FakeTerminal(Path(terminal_path), mode=mode)
    actor = trusted_actor("anna", "TEST-1", Role.CASHIER)
    perform(Runner(database), actor, request(bill_id, Money.of("99.00", "EUR"), key="KILLED"),
            terminal, FakeResolver(terminal),
            progress=lambda message: Path(terminal_path + ".progress").write_text(message))


@pytest.mark.parametrize(("mode", "payments"), [("hang_after", 1), ("hang_before", 0)])
def test_sigkill_between_sent_and_answered_is_settled_exactly_once(hotel: Hotel, tmp_path, mode, payments):
    stay = charged_stay(hotel)
    terminal_path = tmp_path / "terminal.json"
    progress = Path(str(terminal_path) + ".progress")
    url = hotel.database.engine.url.render_as_string(hide_password=False)
    code = (f"from tests.desk.test_journal import child; child({url!r}, {str(terminal_path)!r}, {stay.bill_id}, "
            f"{mode!r})")
    waiting_for = "Approved" if mode == "hang_after" else "Insert card"
    process = kill_child_when(code, lambda: progress.exists() and progress.read_text() == waiting_for, "terminal")
    assert process.returncode == -signal.SIGKILL
    [pending] = hotel.query(journal.unresolved)
    assert pending.key == "KILLED" and pending.state is IntentState.SENT
    terminal = FakeTerminal(terminal_path)
    runner = Runner(hotel.database)
    for _ in range(2):
        journal.reconcile(runner, {KIND: FakeResolver(terminal)}, hotel.actor)
    assert len(payments_on(hotel, stay.bill_id)) == payments == len(terminal.done())
    assert intent_of(hotel, pending.id).state is (IntentState.SETTLED if payments else IntentState.CANCELLED)


# --- two reconcilers at once ------------------------------------------------------------------------


def test_two_reconcilers_at_once_settle_each_operation_once(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "terminal.json", mode="crash_after")
    for _ in range(4):
        with pytest.raises(Crash):
            perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("10.00")), terminal,
                    FakeResolver(terminal))
    assert len(hotel.query(journal.unresolved)) == 4
    url = hotel.database.engine.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(2)
    results: list[journal.Reconciled] = []
    failures: list[BaseException] = []

    def desk(name: str) -> None:
        database = Database(url, upgrade=False)
        try:
            # Each thread stands for another workstation's process: its own in-flight registry.
            results.append(journal.reconcile(Runner(database), {KIND: FakeResolver(terminal, barrier=barrier)},
                                             trusted_actor("anna", name, Role.CASHIER), in_flight=InFlight()))
        except BaseException as exc:
            failures.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=desk, args=(f"DESK-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    settled = sorted(i for r in results for i in r.settled)
    assert len(settled) == 4 and len(set(settled)) == 4  # each once, between the two of them
    assert sum(len(r.skipped) for r in results) == 4  # the other saw each one already settled
    assert len(payments_on(hotel, stay.bill_id)) == 4
    assert hotel.query(journal.unresolved) == []


def test_the_database_refuses_a_second_outcome(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    intent = hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("1.00")))
    hotel.run(journal.close, intent.id, EventType.CANCELLED)
    # Past every check in the code: the unique outcome key alone must stop it.
    with pytest.raises(sqlalchemy.exc.IntegrityError), hotel.database.writing() as session:
        session.add(JournalEvent(intent_id=intent.id, type="settled", payload={}, outcome_of=intent.id,
                                 recorded_by="x", workstation="x"))
        session.flush()
    assert intent_of(hotel, intent.id).state is IntentState.CANCELLED
    with pytest.raises(journal.IntentClosed):
        hotel.run(journal.settle, intent.id, lambda s, a, i: None)


# --- what the journal keeps --------------------------------------------------------------------------


def test_states_are_read_from_the_events(hotel: Hotel):
    stay = charged_stay(hotel)
    intent = hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("1.00")))
    assert intent.state is IntentState.NEW
    hotel.run(journal.mark_sent, intent.id)
    hotel.run(journal.record_event, intent.id, EventType.PROGRESS, {"text": "PIN"})
    assert intent_of(hotel, intent.id).state is IntentState.SENT
    hotel.run(journal.record_event, intent.id, EventType.UNKNOWN, {"error": "timeout"})
    assert intent_of(hotel, intent.id).state is IntentState.UNKNOWN
    hotel.run(journal.record_event, intent.id, EventType.APPROVED, {"auth": "X"})
    assert intent_of(hotel, intent.id).state is IntentState.HAPPENED
    with pytest.raises(journal.IntentClosed):
        hotel.run(journal.mark_sent, intent.id)
    hotel.run(journal.close, intent.id, EventType.REVERSED, {"reversal": "R1"})
    view = intent_of(hotel, intent.id)
    assert view.state is IntentState.REVERSED and not view.state.is_open
    hotel.run(journal.record_event, intent.id, EventType.DECLINED)  # a late answer is kept, not an outcome
    view = intent_of(hotel, intent.id)
    assert view.state is IntentState.REVERSED and [e.payload for e in view.late_answers] == [{"late": "declined"}]
    with pytest.raises(journal.InvalidInput):
        hotel.run(journal.record_event, intent.id, EventType.SETTLED)


def test_unresolved_is_per_workstation_when_asked(hotel: Hotel):
    stay = charged_stay(hotel)
    mine = hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("1.00")))
    with hotel.database.writing() as session:
        other_desk = trusted_actor("ivan", "FRONT-2", Role.CASHIER)
        theirs = journal.record_intent(session, other_desk, request(stay.bill_id, hotel.money("2.00")))
    assert [i.id for i in hotel.query(journal.unresolved, "TEST-1")] == [mine.id]
    assert [i.id for i in hotel.query(journal.unresolved)] == [mine.id, theirs.id]


@pytest.mark.parametrize("secret", [
    {"pan": "1234"},
    {"card": {"cvv": "123"}},
    {"note": "card 4111 1111 1111 1111 swiped"},
    {"lines": ["ok", "4111111111111111"]},
])
def test_no_card_number_or_code_reaches_the_journal(hotel: Hotel, secret):
    stay = charged_stay(hotel)
    before = hotel.row_counts()
    with pytest.raises(SecretInJournal):
        hotel.run(journal.record_intent, IntentRequest(kind=KIND, device="t", request=secret, bill_id=stay.bill_id))
    assert hotel.row_counts() == before
    intent = hotel.run(journal.record_intent, IntentRequest(kind=KIND, device="t", request={"masked_pan": "****1111",
                                                                                            "trace": "123456"}))
    with pytest.raises(SecretInJournal):
        hotel.run(journal.record_event, intent.id, EventType.APPROVED, secret)


def test_journal_rows_cannot_be_changed_or_deleted(hotel: Hotel):
    stay = charged_stay(hotel)
    intent = hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("1.00")))
    hotel.run(journal.mark_sent, intent.id)
    with pytest.raises(LedgerImmutable), hotel.database.unit_of_work() as session:
        session.get_one(JournalIntent, intent.id).amount = hotel.money("0.01")
    with pytest.raises(LedgerImmutable), hotel.database.unit_of_work() as session:
        session.delete(session.scalars(select(JournalEvent)).first())
    for sql in ("UPDATE journal_intent SET device = 'x'", "DELETE FROM journal_event",
                "UPDATE journal_event SET type = 'settled'"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"), hotel.database.engine.begin() as c:
            c.execute(text(sql))
    assert intent_of(hotel, intent.id).state is IntentState.SENT


def test_sqlite_replace_cannot_rewrite_an_outcome(tmp_path):
    hotel = make_hotel(f"sqlite:///{tmp_path}/r.sqlite3")
    try:
        stay = charged_stay(hotel)
        intent = hotel.run(journal.record_intent, request(stay.bill_id, hotel.money("1.00")))
        hotel.run(journal.close, intent.id, EventType.CANCELLED)
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"), hotel.database.engine.begin() as c:
            c.execute(text("INSERT OR REPLACE INTO journal_event (intent_id, type, payload, outcome_of, recorded_at, "
                           "recorded_by, workstation) VALUES (:i, 'settled', '{}', :i, '2026-01-01', 'x', 'x')"),
                      {"i": intent.id})
        assert intent_of(hotel, intent.id).state is IntentState.CANCELLED
    finally:
        hotel.database.dispose()


def test_a_reconciliation_during_the_devices_wait_leaves_that_operation_alone(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "t.json")
    runner = Runner(hotel.database)
    seen: list[journal.Reconciled] = []

    def slow_terminal(intent, progress, cancel):
        # The clerk presses "Reconcile" on this desk while the guest is still typing the PIN.
        seen.append(journal.reconcile(runner, {KIND: FakeResolver(terminal)}, hotel.actor))
        return terminal(intent, progress, cancel)

    done = perform(runner, hotel.actor, request(stay.bill_id, hotel.money("12.00")), slow_terminal,
                   FakeResolver(terminal))
    assert seen[0].skipped == [done.intent.id] and terminal.asked == []
    assert done.state is IntentState.SETTLED and len(payments_on(hotel, stay.bill_id)) == 1


def test_retrying_a_key_whose_answer_was_kept_settles_it_without_asking_again(hotel: Hotel, tmp_path):
    stay = charged_stay(hotel)
    terminal = FakeTerminal(tmp_path / "t.json")
    resolver = FakeResolver(terminal, crash_settling=1)
    with pytest.raises(Crash):
        perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("7.00"), key="K-7"), terminal,
                resolver)
    again = perform(Runner(hotel.database), hotel.actor, request(stay.bill_id, hotel.money("7.00"), key="K-7"),
                    terminal, resolver)
    assert again.state is IntentState.SETTLED and terminal.calls == 1
    assert len(payments_on(hotel, stay.bill_id)) == 1


def test_a_request_that_is_not_plain_json_is_refused(hotel: Hotel):
    before = hotel.row_counts()
    with pytest.raises(journal.InvalidInput, match="plain JSON"):
        hotel.run(journal.record_intent, IntentRequest(kind=KIND, device="t", request={"amount": Decimal("1.5")}))
    assert hotel.row_counts() == before
