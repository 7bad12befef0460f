"""The Bulgarian unique sale number (УНП) has no gaps: each ErpNet.FP sale takes the next sequence of its printer and
operator in its journal intent's own transaction, under the register's row lock (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.fiscal.registers.erpnet import ErpNetRegister
from desk.fiscal.workflow import KIND, print_receipt
from desk.journal.intents import IntentRequest, IntentState

from .atol_rig import AtolHotel
from .conftest import Hotel
from .erpnet_rig import ErpNetServerProcess, erpnet_hotel, start_erpnet_server

LINES = (("Нощувка, стая 101", "100", "VAT9"),)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ErpNetServerProcess]:
    running = start_erpnet_server(tmp_path / "fm.json")
    yield running
    running.stop()


@pytest.fixture
def rig(hotel: Hotel, server: ErpNetServerProcess) -> AtolHotel:
    return erpnet_hotel(hotel, server)


def receipt(rig: AtolHotel, payment_id: int):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)


def sent_numbers(rig: AtolHotel) -> list[str]:
    return [r["uniqueSaleNumber"] for r in rig.server.receipts()]


def printer(rig: AtolHotel) -> ErpNetRegister:
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    assert isinstance(register, ErpNetRegister)
    return register


def sale_intent(key: str) -> IntentRequest:
    """A sale's intent as print_receipt writes it, with what prepare read from the printer before."""
    return IntentRequest(kind=KIND, device="FP-1", key=key, request={"receipt": "sale", "register": "FP-1",
                                                                      "serial": "DT279013", "operator": "0001"})


def test_sales_follow_one_another_without_gaps_though_other_operations_come_between(rig: AtolHotel):
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    from desk.journal.intents import record_intent

    # Another device's operation between the two sales (a card payment at the terminal): an intent of its own.
    rig.runner.run(record_intent, rig.hotel.actor, IntentRequest(kind="card_payment", device="T-1"))
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == ["DT279013-0001-0000001", "DT279013-0001-0000002"]


def test_a_rolled_back_intent_leaves_no_gap(rig: AtolHotel):
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    register = printer(rig)
    with (pytest.raises(RuntimeError, match="the desk failed before its commit"),
          rig.hotel.database.unit_of_work() as session):
        taken = register.record_intent(session, rig.hotel.actor, sale_intent("rolled-back"))
        assert taken.key == "rolled-back"
        raise RuntimeError("the desk failed before its commit")
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == ["DT279013-0001-0000001", "DT279013-0001-0000002"]


def test_two_desks_at_once_take_two_numbers_the_second_waiting_for_the_first(rig: AtolHotel):
    from desk.fiscal.models import SaleNumber

    register = printer(rig)
    second: dict[str, object] = {}

    def other_desk() -> None:
        view = rig.runner.run(register.record_intent, rig.hotel.actor, sale_intent("second-desk")).value
        second["key"] = view.key

    with rig.hotel.database.writing() as session:
        register.record_intent(session, rig.hotel.actor, sale_intent("first-desk"))
        racer = threading.Thread(target=other_desk)
        racer.start()
        time.sleep(0.15)
        assert "key" not in second  # locked out until the first desk's transaction ends
    racer.join(10)
    assert second == {"key": "second-desk"}
    with rig.hotel.database.unit_of_work() as session:
        taken = {row.key: row.text for row in session.query(SaleNumber)}
    assert taken == {"first-desk": "DT279013-0001-0000001", "second-desk": "DT279013-0001-0000002"}


def test_a_number_sent_without_an_answer_is_never_given_again(rig: AtolHotel):
    rig.server.control("fault", fault="lose_answer", forget=True)
    lost = receipt(rig, rig.paid_bill(lines=LINES))
    assert not lost.printed and lost.state is IntentState.UNKNOWN
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == ["DT279013-0001-0000001", "DT279013-0001-0000002"]


def test_numbers_count_per_operator(rig: AtolHotel, monkeypatch: pytest.MonkeyPatch):
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    monkeypatch.setenv("ERPNET_OPERATOR", "7")
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == ["DT279013-0001-0000001", "DT279013-0007-0000001"]


def test_numbers_continue_after_the_sales_sent_before_they_were_kept(rig: AtolHotel):
    from desk.journal.intents import record_intent

    # A sale sent before 0046, its intent's id its sequence: its answer may never have come, so it is never reused.
    old = rig.runner.run(record_intent, rig.hotel.actor, sale_intent("sent-before-0046")).value
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == [f"DT279013-0001-{old.id + 1:07d}"]


def test_a_sale_the_printer_refused_outright_keeps_its_number_for_the_next_try(rig: AtolHotel):
    """Н-18 gives the УНП to the sale, printed on the fiscal receipt that closes it: a receipt the printer refused
    whole (ok false, voided, nothing issued) closed nothing, so the retry is the same sale under the same number,
    and the next sale follows it without a gap."""
    from desk.fiscal.models import SaleNumber

    payment_id = rig.paid_bill(lines=LINES)
    rig.server.control("fault", fault="fm_full")
    assert receipt(rig, payment_id).state is IntentState.FAILED
    assert receipt(rig, payment_id).state is IntentState.FAILED  # refused twice: still the one sale
    rig.server.control("fault", fault="fm_full", on=False)
    assert receipt(rig, payment_id).printed
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert sent_numbers(rig) == ["DT279013-0001-0000001", "DT279013-0001-0000002"]
    with rig.hotel.database.unit_of_work() as session:
        assert sorted(row.text for row in session.query(SaleNumber)) == [
            "DT279013-0001-0000001", "DT279013-0001-0000002"]


def test_writing_a_sales_intent_asks_the_printer_nothing_while_its_transaction_is_open(
        rig: AtolHotel, monkeypatch: pytest.MonkeyPatch):
    """The intent's transaction holds SQLite's write lock: a printer asked inside it would hold every desk."""
    from .register_server_rig import device_calls_in_transactions

    asked_inside = device_calls_in_transactions(monkeypatch, rig.hotel.database)
    register = printer(rig)  # a fresh register: it has read nothing from the printer yet
    rig.runner.run(register.record_intent, rig.hotel.actor, sale_intent("fresh-register"))
    assert receipt(rig, rig.paid_bill(lines=LINES)).printed
    assert asked_inside == []
