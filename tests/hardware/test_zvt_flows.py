"""The ZVT client against the simulator, over a real TCP connection and a real pty.

Every flow runs on both links (`link` fixture). The simulator's journal is the bank's truth: a
flow that reports "unknown" must be resolvable from the terminal (repeat last receipt) to exactly
what the journal holds.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from hardware.simulators.zvt_terminal import TEST_CARD_PAN, ZvtSimulator
from hardware.terminal import (
    CardOperation,
    Declined,
    Hooks,
    OutcomeUnknown,
    PreauthUnavailable,
    ReceiptKind,
    StatusMessage,
    TerminalAborted,
)
from hardware.terminal.zvt.client import ZvtTerminal, serial_terminal, tcp_terminal


@pytest.fixture
def sim() -> Iterator[ZvtSimulator]:
    simulator = ZvtSimulator()
    yield simulator
    simulator.close()


@pytest.fixture(params=["tcp", "pty"])
def link(request) -> str:
    return request.param


def connect(sim: ZvtSimulator, link: str, **options) -> ZvtTerminal:
    options.setdefault("answer_timeout", 10.0)
    if link == "tcp":
        return tcp_terminal("127.0.0.1", sim.serve_tcp(), **options)
    return serial_terminal(sim.serve_pty(), **options)


@pytest.fixture
def terminal(sim: ZvtSimulator, link: str) -> Iterator[ZvtTerminal]:
    term = connect(sim, link)
    yield term
    term.close()


class Recorder(Hooks):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.statuses: list[StatusMessage] = []
        self.prints: list = []
        self.sent = 0
        self.on_status = self.statuses.append
        self.on_print = self.prints.append
        self.on_sent = self._sent

    def _sent(self) -> None:
        self.sent += 1


def test_sale_approved(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    hooks = Recorder()
    result = terminal.sale(1234, "EUR", hooks)
    (booked,) = sim.journal
    assert result.approved and result.operation is CardOperation.SALE
    assert (result.amount_minor, result.currency) == (1234, "EUR")
    assert result.receipt_no == booked.receipt_no
    assert (result.trace_no, result.auth_code) == (booked.trace_no, booked.auth_code)
    assert result.masked_pan == "476173******0010" and TEST_CARD_PAN not in repr(result)
    assert result.card_name == "VISA" and result.terminal_id == "52500001"
    assert result.when is not None
    assert hooks.sent == 1
    assert [s.key for s in hooks.statuses] == ["insert_card", "waiting_for_host"]
    assert [p.kind for p in hooks.prints] == [ReceiptKind.MERCHANT, ReceiptKind.CUSTOMER]
    assert [r.kind for r in result.receipts] == [ReceiptKind.MERCHANT, ReceiptKind.CUSTOMER]
    assert f"Receipt {booked.receipt_no:04d}" in "\n".join(result.receipts[0].lines)


def test_decline_carries_the_result_code_and_moves_no_money(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("decline:51")
    with pytest.raises(Declined) as caught:
        terminal.sale(5000, "EUR")
    assert caught.value.result_code == 0x51
    assert caught.value.code == "terminal.declined"
    assert sim.journal == []
    # The terminal is usable again at once.
    assert terminal.sale(100, "EUR").approved


def test_pin_delay_reports_the_prompts_as_they_come(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("pin:0.3")
    hooks = Recorder()
    result = terminal.sale(2000, "EUR", hooks)
    assert result.approved
    assert [s.key for s in hooks.statuses] == ["insert_card", "enter_pin", "waiting_for_host"]
    assert hooks.last_status is not None and hooks.last_status.key == "waiting_for_host"


def test_pin_timeout_on_the_terminal(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("pin_timeout:0.1")
    with pytest.raises(TerminalAborted) as caught:
        terminal.sale(2000, "EUR")
    assert caught.value.result_code == 0x6C and not caught.value.by_us
    assert sim.journal == []


def test_cancel_before_approval_aborts(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("pin:30")
    cancel = threading.Event()
    hooks = Recorder(cancel=cancel)
    hooks.on_status = lambda s: (hooks.statuses.append(s), s.key == "enter_pin" and cancel.set())
    with pytest.raises(TerminalAborted) as caught:
        terminal.sale(2000, "EUR", hooks)
    assert caught.value.by_us
    assert (0x06, 0xB0) in sim.requests
    assert sim.journal == []


def test_cancel_after_approval_is_too_late_and_the_payment_stands(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("slow_approval:0.5")
    cancel = threading.Event()
    hooks = Recorder(cancel=cancel)
    hooks.on_status = lambda s: (hooks.statuses.append(s), s.key == "approved" and cancel.set())
    result = terminal.sale(2000, "EUR", hooks)
    assert result.approved and result.cancel_too_late
    (booked,) = sim.journal
    assert booked.receipt_no == result.receipt_no


def sim_session_class() -> type:
    """The simulator's per-connection session (private to it), for a test that watches it."""
    import sys

    return sys.modules[ZvtSimulator.__module__]._Session  # type: ignore[no-any-return]


def test_timeout_then_resolved_by_repeat_last_receipt(sim: ZvtSimulator, link: str) -> None:
    term = connect(sim, link, answer_timeout=0.5)
    try:
        sim.script("silent:1.5")
        with pytest.raises(OutcomeUnknown) as caught:
            term.sale(4200, "EUR")
        assert caught.value.code == "terminal.outcome_unknown"
        # The simulator reads the question once its silent spell ends: a generous answer limit waits
        # for that instead of a sleep that a busy machine can outlast.
        term.answer_timeout = 30.0
        (booked,) = sim.journal
        resolved = term.repeat_last_receipt()
        assert (resolved.receipt_no, resolved.amount_minor) == (booked.receipt_no, 4200)
        assert resolved.operation is CardOperation.REPEAT_RECEIPT
    finally:
        term.close()


def test_disconnect_mid_transaction_is_unknown_and_resolvable(sim: ZvtSimulator, link: str) -> None:
    term = connect(sim, link, answer_timeout=0.5)
    try:
        sim.script("drop")
        with pytest.raises(OutcomeUnknown):
            term.sale(999, "EUR")
        (booked,) = sim.journal
        term.answer_timeout = 30.0  # the short limit was for the dropped sale only
        resolved = term.repeat_last_receipt()
        assert resolved.receipt_no == booked.receipt_no and resolved.trace_no == booked.trace_no
    finally:
        term.close()


def test_drop_before_approval_moves_no_money(sim: ZvtSimulator, link: str) -> None:
    term = connect(sim, link, answer_timeout=0.5)
    try:
        sim.script("drop_before")
        with pytest.raises(OutcomeUnknown):
            term.sale(999, "EUR")
        assert sim.journal == []
        term.answer_timeout = 30.0  # the short limit was for the dropped sale only
        assert term.sale(500, "EUR").approved
    finally:
        term.close()


def test_late_answer_is_skipped_and_the_next_call_gets_its_own(sim: ZvtSimulator, link: str,
                                                              monkeypatch) -> None:
    late_spell_over = threading.Event()
    real_wait = sim_session_class().wait

    def wait(session, seconds: float, **options) -> bool:
        try:
            return real_wait(session, seconds, **options)
        finally:  # the simulator now answers late (pty), or found the ECR gone (tcp)
            late_spell_over.set()

    monkeypatch.setattr(sim_session_class(), "wait", wait)
    term = connect(sim, link, answer_timeout=0.3)
    try:
        sim.script("late:0.8")
        with pytest.raises(OutcomeUnknown):
            term.sale(1500, "EUR")
        assert late_spell_over.wait(30)  # the late answer arrives while nobody listens
        monkeypatch.undo()
        term.answer_timeout = 10.0
        second = term.sale(700, "EUR")
        first, booked_second = sim.journal
        assert (second.receipt_no, second.amount_minor) == (booked_second.receipt_no, 700)
        assert second.receipt_no != first.receipt_no
    finally:
        term.close()


@pytest.mark.shipped_settings
def test_double_answer_counts_once(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sim.script("twice")
    first = terminal.sale(1000, "EUR")
    second = terminal.sale(2000, "EUR")
    assert [t.receipt_no for t in sim.journal] == [first.receipt_no, second.receipt_no]
    assert second.amount_minor == 2000


def test_pre_authorisation_captured_in_part(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    hold = terminal.pre_authorise(50000, "EUR")
    assert hold.operation is CardOperation.PRE_AUTHORISATION
    captured = terminal.capture(hold.receipt_no, 30000, "EUR", trace_no=hold.trace_no, auth_code=hold.auth_code)
    assert captured.operation is CardOperation.CAPTURE and captured.amount_minor == 30000
    assert sim.state.preauths[hold.receipt_no].state == "captured"
    # Once only.
    with pytest.raises(PreauthUnavailable):
        terminal.capture(hold.receipt_no, 1000, "EUR")


def test_capture_of_a_hold_the_bank_released(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    hold = terminal.pre_authorise(20000, "EUR")
    sim.bank_release()
    with pytest.raises(PreauthUnavailable) as caught:
        terminal.capture(hold.receipt_no, 20000, "EUR")
    assert caught.value.result_code == 0xB8
    assert caught.value.code == "terminal.preauth_unavailable"
    assert [t.operation for t in sim.journal] == ["pre_authorisation"]


def test_release_in_full_and_in_part(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    hold = terminal.pre_authorise(10000, "EUR")
    part = terminal.release(hold.receipt_no, 4000, "EUR", partial=True)
    assert part.operation is CardOperation.RELEASE
    assert sim.state.preauths[hold.receipt_no].amount_minor == 6000
    assert (0x06, 0x23) in sim.requests
    terminal.release(hold.receipt_no, 6000, "EUR")
    assert (0x06, 0x25) in sim.requests
    assert sim.state.preauths[hold.receipt_no].state == "released"


def test_refund_and_reversal(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    sale = terminal.sale(3000, "EUR")
    refund = terminal.refund(1000, "EUR")
    assert refund.operation is CardOperation.REFUND and refund.amount_minor == 1000
    void = terminal.reversal(sale.receipt_no)
    assert void.operation is CardOperation.REVERSAL and void.amount_minor == 3000
    with pytest.raises(Declined) as caught:
        terminal.reversal(sale.receipt_no)
    assert caught.value.result_code == 0xB4
    assert [t.operation for t in sim.journal] == ["sale", "refund", "reversal"]


def test_end_of_day_totals_match_the_journal(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    terminal.sale(1000, "EUR")
    terminal.sale(2500, "EUR")
    terminal.refund(500, "EUR")
    voided = terminal.sale(700, "EUR")
    terminal.reversal(voided.receipt_no)
    totals = terminal.end_of_day()
    assert totals.result_code == 0
    assert (totals.amount_minor, totals.currency, totals.count) == (3000, "EUR", 3)
    assert [(b.brand, b.count) for b in totals.brands] == [("Visa", 3)]
    assert totals.receipts and totals.receipts[0].kind is ReceiptKind.ADMINISTRATION
    # A new batch starts empty.
    assert terminal.end_of_day().count == 0


def test_status_registration_log_off_and_abort(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    state = terminal.register()
    assert state.ready and state.terminal_id == "52500001"
    assert sim.state.registered
    assert terminal.status().ready
    terminal.abort()
    terminal.log_off()
    assert not sim.state.registered
    assert [c for c in sim.requests] == [(0x06, 0x00), (0x05, 0x01), (0x06, 0xB0), (0x06, 0x02)]


def test_repeat_receipt_with_nothing_to_repeat_is_declined(terminal: ZvtTerminal) -> None:
    with pytest.raises(Declined):
        terminal.repeat_last_receipt()


def test_bad_amounts_send_nothing(sim: ZvtSimulator, terminal: ZvtTerminal) -> None:
    for amount in (0, -5, 1.5, True):
        with pytest.raises(ValueError):
            terminal.sale(amount, "EUR")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        terminal.sale(100, "XXX")
    assert sim.requests == []


def test_terminal_offline_before_sending_is_not_unknown(sim: ZvtSimulator) -> None:
    import socket

    from hardware.errors import DeviceOffline

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    term = tcp_terminal("127.0.0.1", free_port)
    with pytest.raises(DeviceOffline):
        term.sale(100, "EUR")
