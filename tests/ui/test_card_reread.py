"""Apply to the card showing the payment (issue 23): the change's own work reads the open card again
right after its commit, so the card shows the payment with the change's outcome, without an op of its
own; a card closed, loading or shown newer meanwhile still ends showing the newest, and nothing crashes."""

from __future__ import annotations

import copy
import pickle
import threading
import time

import pytest
import shiboken6

import ui.reservation_card.window as card_window
from desk.ledger.payments import Tender, take_payment
from desk.people.models import Role
from desk.stays.reservation_card import reload_reservation_card
from tests.actors import signed_in
from tests.helpers import eur
from ui.context import ChangeNotice, DeskContext, Reread
from ui.ops import delivery
from ui.ops.op import Op
from ui.reservation_card.window import ReservationCard


@pytest.fixture
def ops(monkeypatch) -> list[int]:
    """The ids of the ops started from now on."""
    started: list[int] = []
    new_op_id = delivery.new_op_id

    def counted() -> int:
        started.append(new_op_id())
        return started[-1]

    monkeypatch.setattr(delivery, "new_op_id", counted)
    return started


@pytest.fixture
def rereads(monkeypatch) -> list[object]:
    """The cards read again by the card module's reload (a change's or the card's own), from now on."""
    read: list[object] = []

    def counted(session, shown, *args, **kwargs):
        read.append(shown)
        return reload_reservation_card(session, shown, *args, **kwargs)

    monkeypatch.setattr(card_window, "reload_reservation_card", counted)
    return read


def paid(cashier_card: ReservationCard) -> list[int]:
    return [line.payment.id for line in cashier_card.view.payments]


def apply(cashier_ctx: DeskContext, cashier_card: ReservationCard, amount: str = "1.00") -> Op[object]:
    return cashier_ctx.change(None, take_payment, cashier_card.view.bills[0].bill.id, Tender("cash", eur(amount))).run()


def ended_unseen(op: Op[object]) -> None:
    """Until the op's work has ended on the database thread, without letting the GUI thread take
    anything it sent (its notice and its outcome wait in the queue)."""
    deadline = time.monotonic() + 30
    while op._work.outcome is None:
        assert time.monotonic() < deadline, "the change did not end"
        time.sleep(0.005)


def test_apply_shows_the_payment_on_the_card_with_the_change_s_own_op(qtbot, cashier_ctx, cashier_card, ops, rereads):
    rows = cashier_card.payments_model.rowCount()
    payments: list[object] = []
    with qtbot.waitSignal(cashier_card.loaded, timeout=30_000):
        apply(cashier_ctx, cashier_card).success(payments.append)
    assert delivery.wait_all(30_000)

    assert len(ops) == 1  # the change's: no reload op of the card's, and no second trip to the database thread
    assert rereads == [rereads[0]] and payments[0].id in paid(cashier_card)
    assert cashier_card.payments_model.rowCount() == rows + 1


def test_a_card_closed_before_the_change_ends_gets_nothing_and_nothing_is_read_for_it(qtbot, cashier_ctx, cashier_card,
                                                                                     rereads):
    gate = threading.Event()

    def payment_held_until_the_card_closed(session, actor, *args, **kwargs):
        assert gate.wait(30)
        return take_payment(session, actor, *args, **kwargs)

    payments: list[object] = []
    cashier_ctx.change(None, payment_held_until_the_card_closed, cashier_card.view.bills[0].bill.id,
               Tender("cash", eur("1.00"))).success(payments.append).run()
    cashier_card.close()
    gate.set()
    assert delivery.wait_all(30_000)

    assert payments and rereads == []  # the change succeeded; no card to read again
    assert not shiboken6.isValid(cashier_card) or not cashier_card.isVisible()


def test_a_card_closed_after_its_new_data_was_read_takes_none_of_it(qtbot, cashier_ctx, cashier_card, ops, rereads):
    payments: list[object] = []
    op = apply(cashier_ctx, cashier_card).success(payments.append)
    ended_unseen(op)  # the card's new data is read and on its way
    assert len(rereads) == 1
    cashier_card.close()
    assert delivery.wait_all(30_000)
    qtbot.wait(10)  # the card's deletion

    assert payments and len(ops) == 1 and len(rereads) == 1  # the change's outcome came; the card asked nothing
    assert not shiboken6.isValid(cashier_card)


def test_a_card_shown_newer_meanwhile_does_not_go_back_to_the_change_s_older_data(
    qtbot, cashier_ctx, cashier_card, demo_database
):
    bill_id = cashier_card.view.bills[0].bill.id
    op = apply(cashier_ctx, cashier_card)
    ended_unseen(op)  # read from what the card showed before: the payment, and nothing after it
    other_desk = signed_in(demo_database, Role.CASHIER, "FRONT-2")
    with demo_database.writing() as session:
        later = take_payment(session, other_desk, bill_id, Tender("cash", eur("2.00")))
    with demo_database.unit_of_work() as session:  # the card shows newer data first (as if its own reload came)
        cashier_card.show_card(reload_reservation_card(session, cashier_card.card))
    assert later.id in paid(cashier_card)

    assert delivery.wait_all(30_000)

    assert later.id in paid(cashier_card)
    assert len(paid(cashier_card)) == len(set(paid(cashier_card)))


def test_a_change_while_the_card_reloads_ends_with_the_newest(qtbot, cashier_ctx, cashier_card, monkeypatch):
    # Each reload shown must have been read from what the card showed: its tables take only the lines
    # that differ from that.
    read_from: list[tuple[object, object]] = []
    show_card = cashier_card.show_card

    def shown(data):
        read_from.append((data.changes.since if data.changes is not None else None, cashier_card.card.folio))
        show_card(data)

    monkeypatch.setattr(cashier_card, "show_card", shown)
    payments: list[object] = []
    apply(cashier_ctx, cashier_card).success(payments.append)
    cashier_card.reload()  # queued behind the change, from what the card shows now: it comes back after the change's
    qtbot.waitUntil(lambda: bool(payments) and not cashier_card._loading and not cashier_card._reload_pending,
                    timeout=30_000)
    assert delivery.wait_all(30_000)

    assert payments[0].id in paid(cashier_card)
    assert len(paid(cashier_card)) == len(set(paid(cashier_card)))
    assert read_from and all(since is before for since, before in read_from)


def test_a_change_whose_reread_fails_still_succeeds_and_the_card_reads_for_itself(qtbot, cashier_ctx, cashier_card, ops,
                                                                                   monkeypatch, caplog):
    calls: list[object] = []

    def fails_once(session, shown, *args, **kwargs):
        calls.append(shown)
        if len(calls) == 1:
            raise RuntimeError("the server went away")
        return reload_reservation_card(session, shown, *args, **kwargs)

    monkeypatch.setattr(card_window, "reload_reservation_card", fails_once)
    payments: list[object] = []
    with qtbot.waitSignal(cashier_card.loaded, timeout=30_000):
        apply(cashier_ctx, cashier_card).success(payments.append)
    assert delivery.wait_all(30_000)

    assert payments[0].id in paid(cashier_card)
    assert len(calls) == 2 and len(ops) == 2  # the change's reread failed; the card's own reload read it
    assert "the changed folios' windows were not read again: the server went away" in caplog.text


def test_a_copied_or_pickled_notice_keeps_its_folios_and_drops_what_was_read():
    reread = Reread(object(), object(), lambda _session: None)
    notice = ChangeNotice([7, 9], {7: (reread, "the card's new data")})
    for copied in (copy.copy(notice), copy.deepcopy(notice), pickle.loads(pickle.dumps(notice))):
        assert isinstance(copied, ChangeNotice) and copied == {7, 9}
        assert copied.read_for(7, reread.owner, reread.shown) is None  # the window reads for itself
    assert notice.read_for(7, reread.owner, reread.shown) == "the card's new data"
