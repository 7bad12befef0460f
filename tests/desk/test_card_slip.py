"""Card slips on the receipt printer: ZVT terminal simulator -> ledger -> printer simulator, decoded to text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.operations import holds_of_folio
from desk.cards.slips import KIND, SlipNotPrinted, card_slip, print_card_slip
from desk.cards.terminal_workflow import card_pre_authorise, card_refund, card_release, card_sale
from desk.cards.terminals import list_terminals, set_terminal_slips
from desk.core.card_numbers import mask_card_numbers
from desk.core.errors import NotAuthorised, NotFound
from desk.devices.printers import DeviceHub, add_printer
from desk.journal.intents import IntentState, intents_of_payments, unresolved
from desk.people.models import Role
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from hardware.simulators.zvt_terminal import TEST_CARD_MASKED, TEST_CARD_PAN
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel


@pytest.fixture
def rig(hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(hotel, tmp_path)


@pytest.fixture
def printer(hotel: Hotel) -> Iterator[tuple[SimulatedPrinter, DeviceHub]]:
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    hotel.as_role(Role.MANAGER).run(add_printer, hotel.actor.workstation, "Front receipts",
                                    f"tcp://127.0.0.1:{server.port}", drawer=True)
    hub = DeviceHub(hotel.actor.workstation, status_timeout=1.0, job_timeout=5.0)
    try:
        yield engine, hub
    finally:
        hub.close()
        server.stop()


def sale(rig: Rig, amount: str = "42.50"):
    stay = rig.hotel.stay()
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur(amount), allow_overpay=True)
    assert done.settled
    return stay, done


def slips(engine: SimulatedPrinter) -> list[str]:
    return [engine.text(piece) for piece in engine.receipts()]


def test_an_approved_sale_prints_the_guests_slip_once_on_the_receipt_printer(rig: Rig, printer):
    engine, hub = printer
    _stay, done = sale(rig)
    outcome = print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id)
    assert outcome.printed and outcome.copies == 1 and outcome.printer == "Front receipts"
    [slip] = slips(engine)
    assert "CUSTOMER" in slip and "MERCHANT" not in slip and "SALE 42.50" in slip
    assert TEST_CARD_MASKED in slip and TEST_CARD_PAN not in slip and "COPY" not in slip
    # The same operation's slip is never printed twice on its own (a retried op, a second desk).
    again = print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id)
    assert again.skipped and len(slips(engine)) == 1
    [intent] = rig.hotel.query(intents_of_payments, KIND, [done.payment_id])
    assert intent.state is IntentState.SETTLED and intent.request["copies"] == ["customer"]


def test_the_merchant_copy_follows_the_terminals_setting_and_a_reprint_says_copy(rig: Rig, printer):
    engine, hub = printer
    rig.hotel.as_role(Role.MANAGER).run(set_terminal_slips, rig.terminal_id, own_printer=False, merchant_copy=True)
    _stay, done = sale(rig, "10.00")
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id).copies == 2
    customer, merchant = slips(engine)
    assert "CUSTOMER" in customer and "MERCHANT" in merchant
    reprint = print_card_slip(rig.runner, rig.cashier, hub, payment_id=done.payment_id, reprint=True)
    assert reprint.printed and len(slips(engine)) == 4 and "COPY" in slips(engine)[2]


def test_a_terminal_with_its_own_printer_prints_both_copies_itself_and_the_desk_none(rig: Rig, printer):
    engine, hub = printer
    rig.hotel.as_role(Role.MANAGER).run(set_terminal_slips, rig.terminal_id, own_printer=True, merchant_copy=False)
    [info] = rig.hotel.query(list_terminals, rig.hotel.actor.workstation)
    assert info.own_printer and not info.merchant_copy
    _stay, done = sale(rig)
    # Registered so: the terminal keeps its receipts and prints them, the desk receives none to print twice.
    assert not rig.sim.state.config_byte & 0x02
    assert [lines[0] for lines in rig.sim.state.printed_here] == ["MERCHANT RECEIPT", "CUSTOMER RECEIPT"]
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id).skipped
    assert print_card_slip(rig.runner, rig.cashier, hub, payment_id=done.payment_id, reprint=True).skipped
    assert engine.printed == []


def test_turning_the_terminals_own_printer_off_registers_it_again_for_the_desk(rig: Rig, printer):
    engine, hub = printer
    rig.hotel.as_role(Role.MANAGER).run(set_terminal_slips, rig.terminal_id, own_printer=True, merchant_copy=False)
    sale(rig, "5.00")
    rig.hotel.as_role(Role.MANAGER).run(set_terminal_slips, rig.terminal_id, own_printer=False, merchant_copy=False)
    _stay, done = sale(rig, "7.00")
    assert rig.sim.state.config_byte & 0x02 and len(rig.sim.state.printed_here) == 2
    # The connection registered the old way is closed: a terminal serves one ECR at a time.
    deadline = time.monotonic() + 10
    while rig.sim.open_connections() > 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert rig.sim.open_connections() == 1
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id).printed
    [slip] = slips(engine)
    assert "CUSTOMER" in slip and "SALE 7.00" in slip


def test_line_by_line_receipts_keep_the_merchants_copy_off_the_guests_paper(rig: Rig, printer):
    engine, hub = printer
    rig.sim.print_text_blocks = False  # a terminal that sends its receipts only as print lines (06 D1)
    _stay, done = sale(rig, "9.00")
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id).copies == 1
    [slip] = slips(engine)
    assert "CUSTOMER RECEIPT" in slip and "MERCHANT" not in slip


def test_refunds_and_pre_authorisations_get_their_slips_too(rig: Rig, printer):
    engine, hub = printer
    stay, done = sale(rig, "60.00")
    refund = card_refund(rig.runner, rig.cashier, rig.terminal_id, done.payment_id, eur("20.00"))
    assert refund.settled
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=refund.intent.id).printed
    hold = card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("150.00"))
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=hold.intent.id).printed
    texts = slips(engine)
    assert "REFUND 20.00" in texts[0] and "PRE_AUTHORISATION 150.00" in texts[1]
    assert all(TEST_CARD_PAN not in text for text in texts)


def test_a_pre_authorisations_slip_is_printed_again_marked_copy_whatever_became_of_the_hold(rig: Rig, printer):
    engine, hub = printer
    stay = rig.hotel.stay()
    hold = card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("150.00"))
    assert hold.settled
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=hold.intent.id).printed
    [held] = rig.hotel.query(holds_of_folio, stay.folio_id)
    # The hold is known by its card record: that is what the reservation's Credit card section shows.
    assert rig.hotel.query(lambda session: card_slip(session, record_id=held.id)) is not None
    again = print_card_slip(rig.runner, rig.cashier, hub, record_id=held.id, reprint=True)
    assert again.printed and again.copies == 1
    first, copy = slips(engine)
    assert "COPY" not in first and "COPY" in copy
    assert "PRE_AUTHORISATION 150.00" in copy and TEST_CARD_MASKED in copy and TEST_CARD_PAN not in copy
    # Released, it is still the same slip, as often as asked; an automatic one is never printed twice.
    assert card_release(rig.runner, rig.cashier, rig.terminal_id, held.id).settled
    assert print_card_slip(rig.runner, rig.cashier, hub, record_id=held.id, reprint=True).printed
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=hold.intent.id).skipped
    assert len(slips(engine)) == 3 and "PRE_AUTHORISATION 150.00" in slips(engine)[2]
    with pytest.raises(NotFound):
        print_card_slip(rig.runner, rig.cashier, hub, record_id=10**6, reprint=True)


def test_a_pre_authorisations_slip_that_did_not_print_points_at_the_pre_authorisation(rig: Rig, printer):
    engine, hub = printer
    stay = rig.hotel.stay()
    hold = card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("70.00"))
    engine.fail("paper_out")
    outcome = print_card_slip(rig.runner, rig.cashier, hub, intent_id=hold.intent.id)
    assert isinstance(outcome.problem, SlipNotPrinted)
    assert outcome.problem.template.endswith("use Print card slip on the pre-authorisation")


def test_a_printer_out_of_paper_keeps_the_payment_and_the_slip_is_reprinted(rig: Rig, printer):
    engine, hub = printer
    stay, done = sale(rig, "33.00")
    engine.fail("paper_out")
    outcome = print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id)
    assert isinstance(outcome.problem, SlipNotPrinted) and outcome.state is IntentState.FAILED
    assert "paper" in outcome.problem.message
    # The money stands: the payment is on the bill, the terminal's booking matches, nothing is pending.
    assert [p.amount for p in rig.payments(stay.folio_id) if p.method.kind.value == "card"] == [eur("33.00")]
    rig.assert_matches_terminal()
    assert rig.hotel.query(unresolved, rig.hotel.actor.workstation) == []
    engine.recover()
    assert print_card_slip(rig.runner, rig.cashier, hub, payment_id=done.payment_id, reprint=True).printed
    [slip] = slips(engine)
    assert "SALE 33.00" in slip and TEST_CARD_MASKED in slip


def test_an_offline_printer_is_told_and_nothing_else_changes(rig: Rig, printer):
    engine, hub = printer
    _stay, done = sale(rig)
    engine.fail("offline")
    outcome = print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id)
    assert outcome.problem is not None and not outcome.printed
    rig.assert_matches_terminal()


def test_a_whole_card_number_in_the_terminals_lines_is_never_printed():
    assert mask_card_numbers(f"CARD {TEST_CARD_PAN} VISA") == "CARD ************0010 VISA"
    assert mask_card_numbers(TEST_CARD_MASKED) == TEST_CARD_MASKED
    assert mask_card_numbers("Trace 000123 Receipt 0001") == "Trace 000123 Receipt 0001"


def test_no_slip_for_a_payment_typed_in_by_hand_and_only_a_manager_sets_slips(rig: Rig):
    assert rig.hotel.query(lambda session: card_slip(session, payment_id=10**6)) is None
    with pytest.raises(NotAuthorised):
        rig.hotel.as_role(Role.CLERK).run(set_terminal_slips, rig.terminal_id, own_printer=True,
                                          merchant_copy=True)


def test_the_terminals_command_sets_who_prints_the_slips(sqlite_hotel: Hotel, capsys, monkeypatch):
    from desk.cli.main import main

    url = sqlite_hotel.database.url
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    monkeypatch.setenv("DESK_TERMINAL_PASSWORD", "000000")
    assert main(["--database", url, "terminals", "add", "Front", "tcp://127.0.0.1:20007",
                 "--workstation", "FRONT-1"]) == 0
    [info] = sqlite_hotel.query(list_terminals, "FRONT-1")
    assert not info.own_printer and not info.merchant_copy  # the desk prints the guest's slip by default
    assert main(["--database", url, "terminals", "slips", str(info.id), "--merchant-copy"]) == 0
    assert "guest and merchant copies" in capsys.readouterr().out
    assert main(["--database", url, "terminals", "slips", str(info.id), "--own-printer"]) == 0
    [info] = sqlite_hotel.query(list_terminals, "FRONT-1")
    assert info.own_printer and not info.merchant_copy
    assert main(["--database", url, "terminals", "list"]) == 0
    assert "the terminal prints them" in capsys.readouterr().out


def test_a_slip_the_program_died_printing_is_closed_and_printed_again_on_request(rig: Rig, printer):
    from desk.journal.intents import IntentRequest, load_intent, mark_sent, record_intent

    engine, hub = printer
    _stay, done = sale(rig)
    slip = rig.hotel.query(lambda session: card_slip(session, intent_id=done.intent.id))
    # Killed after "sent", before the printer answered: the automatic slip's intent stays open.
    with rig.hotel.database.writing() as session:
        stale = record_intent(session, rig.cashier, IntentRequest(
            kind=KIND, device="Front receipts", payment_id=done.payment_id, key=f"slip:{slip.record_id}:auto",
            request={"record": slip.record_id, "copies": ["customer"], "reprint": False}))
        mark_sent(session, rig.cashier, stale.id)
    # After the restart the automatic print does not print blind a second time; the stale one is closed.
    assert print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id).skipped
    assert rig.hotel.query(load_intent, stale.id).state is IntentState.CANCELLED
    assert rig.hotel.query(unresolved, rig.hotel.actor.workstation) == []
    assert print_card_slip(rig.runner, rig.cashier, hub, payment_id=done.payment_id, reprint=True).printed
    assert len(slips(engine)) == 1


def test_a_printer_failing_without_a_known_reason_is_told_in_a_translated_phrase(rig: Rig, printer, monkeypatch):
    from desk.cards.slips import SLIP_PROBLEM_UNCLEAR
    from desk.core.errors import Phrase

    _engine, hub = printer
    _stay, done = sale(rig)

    def garbled(*_args, **_kwargs):
        raise RuntimeError("line noise")

    monkeypatch.setattr(hub, "print_document", garbled)
    outcome = print_card_slip(rig.runner, rig.cashier, hub, intent_id=done.intent.id)
    assert isinstance(outcome.problem, SlipNotPrinted) and not outcome.printed
    problem = outcome.problem.params["problem"]
    assert isinstance(problem, Phrase) and problem == SLIP_PROBLEM_UNCLEAR
    assert "line noise" not in outcome.problem.message and "no answer" not in outcome.problem.message
