"""How a ZVT transaction ended when the line fails, as PA00P015 says it (the outside check's findings).

- A Status-Information with result 00 that the ECR acknowledged is a successful payment (2.2.9):
  a line that drops before the Completion does not make it unknown.
- 84 xx is the terminal refusing a command; it is not a declined card.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.simulators.zvt_terminal import ZvtSimulator
from hardware.terminal import Declined, OutcomeUnknown, Refused
from hardware.terminal.zvt.client import ZvtTerminal, serial_terminal, tcp_terminal


@pytest.fixture
def sim() -> Iterator[ZvtSimulator]:
    simulator = ZvtSimulator()
    yield simulator
    simulator.close()


@pytest.fixture(params=["tcp", "pty"])
def term(sim: ZvtSimulator, request: pytest.FixtureRequest) -> Iterator[ZvtTerminal]:
    if request.param == "tcp":
        terminal = tcp_terminal("127.0.0.1", sim.serve_tcp(), answer_timeout=2.0)
    else:
        terminal = serial_terminal(sim.serve_pty(), answer_timeout=2.0)
    yield terminal
    terminal.close()


def test_an_acknowledged_approval_is_a_payment_though_the_line_drops_before_completion(
        sim: ZvtSimulator, term: ZvtTerminal) -> None:
    sim.script("drop_after_status")
    result = term.sale(1250, "EUR")
    (booked,) = sim.journal
    assert result.approved and result.result_code == 0
    assert (result.amount_minor, result.receipt_no, result.trace_no) == (1250, booked.receipt_no, booked.trace_no)


def test_a_drop_before_any_status_is_still_unknown(sim: ZvtSimulator, term: ZvtTerminal) -> None:
    sim.script("drop")
    with pytest.raises(OutcomeUnknown):
        term.sale(999, "EUR")


def test_a_refused_enquiry_is_a_refusal_not_a_decline(sim: ZvtSimulator, term: ZvtTerminal) -> None:
    assert term.sale(700, "EUR").approved
    sim.script("refuse_repeat")
    with pytest.raises(Refused) as refused:
        term.repeat_last_receipt()
    assert refused.value.result_code == 0x83 and not isinstance(refused.value, Declined)
    assert term.repeat_last_receipt().amount_minor == 700  # once only: the next enquiry is answered
