"""The ZVT client against a simulator as strict as the specification (PA00P015).

The simulator sends intermediate status and receipt text only when a registration (06 00) asked
for them, forgets the registration when it restarts, marks the last print line by bit 7 of its
attribute, refuses a command while it still waits for a Completion to be acknowledged, and ends
the day with or without individual totals (BMP 60).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from hardware.errors import DeviceTimeout
from hardware.simulators.zvt_terminal import ZvtSimulator
from hardware.terminal import Hooks, ReceiptKind, Refused, StatusMessage
from hardware.terminal.zvt import apdu as apdus
from hardware.terminal.zvt import bmp, tlv
from hardware.terminal.zvt.apdu import Apdu
from hardware.terminal.zvt.client import (
    CONFIG_BYTE,
    ZvtTerminal,
    _Dialogue,
    copy_kind,
    serial_terminal,
    tcp_terminal,
)
from hardware.terminal.zvt.framing import TcpLink
from hardware.transport.tcp import TcpTransport


@pytest.fixture
def sim() -> Iterator[ZvtSimulator]:
    simulator = ZvtSimulator()
    yield simulator
    simulator.close()


def tcp(sim: ZvtSimulator, **options) -> ZvtTerminal:
    options.setdefault("answer_timeout", 10.0)
    return tcp_terminal("127.0.0.1", sim.serve_tcp(), **options)


class Recorder(Hooks):
    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[StatusMessage] = []
        self.on_status = self.statuses.append


def raw_dialogue(port: int, request: Apdu) -> list[Apdu]:
    """Send one command as a bare ECR would and acknowledge everything until the Completion."""
    link = TcpLink(TcpTransport("127.0.0.1", port))
    link.open()
    try:
        link.send(request, 2.0)
        assert link.receive(2.0).is_ack
        seen: list[Apdu] = []
        while True:
            message = link.receive(5.0)
            seen.append(message)
            link.send(apdus.ack(), 2.0)
            if message.command in (apdus.COMPLETION, apdus.ABORTED):
                return seen
    finally:
        link.close()


def sale_request(amount: int) -> Apdu:
    return apdus.command(apdus.AUTHORISATION, bmp.encode([bmp.amount(amount), bmp.currency(978)]))


# -- 1. registration ---------------------------------------------------------------------------------


def test_unregistered_the_simulator_sends_neither_status_nor_receipts(sim: ZvtSimulator) -> None:
    seen = raw_dialogue(sim.serve_tcp(), sale_request(1000))
    assert [m.command for m in seen] == [apdus.STATUS_INFORMATION, apdus.COMPLETION]
    assert len(sim.journal) == 1  # it took the payment, on its stored configuration


def test_the_desk_registers_before_its_first_sale_with_what_it_needs(sim: ZvtSimulator) -> None:
    terminal = tcp(sim)
    try:
        hooks = Recorder()
        result = terminal.sale(1000, "EUR", hooks)
    finally:
        terminal.close()
    assert sim.requests[:2] == [apdus.REGISTRATION, apdus.AUTHORISATION]
    assert sim.state.registered and sim.state.config_byte == CONFIG_BYTE
    # ECR prints payment and administration receipts, gets intermediate status and the receipt text.
    assert CONFIG_BYTE & 0x02 and CONFIG_BYTE & 0x04 and CONFIG_BYTE & 0x08 and CONFIG_BYTE & 0x80
    assert apdus.PRINT_TEXT_BLOCK in sim.state.permitted
    assert [s.key for s in hooks.statuses] == ["insert_card", "waiting_for_host"]
    assert [r.kind for r in result.receipts] == [ReceiptKind.MERCHANT, ReceiptKind.CUSTOMER]


def test_the_registration_carries_password_config_currency_and_permitted_commands() -> None:
    terminal = ZvtTerminal(link=None, password=123456, currency="CHF")  # type: ignore[arg-type]
    request = terminal._registration()
    assert request.command == apdus.REGISTRATION
    data = request.data
    assert data[:3] == bytes.fromhex("123456") and data[3] == CONFIG_BYTE and data[4:6] == bytes.fromhex("0756")
    (container,) = bmp.decode(data[6:])
    (permitted,) = tlv.decode(container.value)
    assert permitted.tag == 0x26
    assert [c.value for c in permitted.children if c.tag == 0x0A] == [b"\x06\xd3", b"\x06\xd1"]


def test_after_the_terminal_restarts_the_desk_registers_again(sim: ZvtSimulator) -> None:
    terminal = tcp(sim)
    try:
        terminal.sale(1000, "EUR")
        sim.restart()  # forgets the registration and drops the connection
        assert not sim.state.registered
        hooks = Recorder()
        second = terminal.sale(2000, "EUR", hooks)
    finally:
        terminal.close()
    assert sim.state.registrations == 2 and sim.state.registered
    assert [s.key for s in hooks.statuses] == ["insert_card", "waiting_for_host"]
    assert [r.kind for r in second.receipts] == [ReceiptKind.MERCHANT, ReceiptKind.CUSTOMER]


def test_a_refusal_not_registered_registers_and_sends_the_command_again() -> None:
    sim = ZvtSimulator(refuse_unregistered=True)
    terminal = serial_terminal(sim.serve_pty(), answer_timeout=10.0)
    try:
        terminal.sale(1000, "EUR")
        sim.restart()  # on a serial line the connection stays: only the 84 6B tells
        hooks = Recorder()
        second = terminal.sale(2000, "EUR", hooks)
    finally:
        terminal.close()
        sim.close()
    assert sim.state.registrations == 2
    assert [t.amount_minor for t in sim.journal] == [1000, 2000]
    assert second.amount_minor == 2000 and hooks.statuses


def test_the_simulator_refuses_an_unregistered_ecr_with_6b_when_so_configured() -> None:
    sim = ZvtSimulator(refuse_unregistered=True)
    link = TcpLink(TcpTransport("127.0.0.1", sim.serve_tcp()))
    link.open()
    try:
        link.send(sale_request(1000), 2.0)
        assert link.receive(2.0) == apdus.nack(0x6B)
    finally:
        link.close()
        sim.close()
    assert sim.journal == []


# -- 2. print lines ----------------------------------------------------------------------------------


def test_print_lines_make_two_receipts_split_at_the_last_line_flag() -> None:
    sim = ZvtSimulator(print_text_blocks=False)  # a terminal that knows only 06 D1
    terminal = tcp(sim)
    try:
        result = terminal.sale(1000, "EUR")
    finally:
        terminal.close()
        sim.close()
    assert len(result.receipts) == 2
    merchant, customer = result.receipts
    assert merchant.lines[0] == "MERCHANT RECEIPT" and merchant.lines[-1] == "APPROVED"
    assert customer.lines[0] == "CUSTOMER RECEIPT" and customer.lines[-1] == "APPROVED"
    assert "  Auth " + sim.journal[0].auth_code in merchant.lines  # indent of 2 in the attribute
    # Line by line there is no receipt type: each copy is known by its heading.
    assert [merchant.kind, customer.kind] == [ReceiptKind.MERCHANT, ReceiptKind.CUSTOMER]


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        (("  Händlerbeleg  ", "Kartenzahlung", "girocard"), ReceiptKind.MERCHANT),
        (("*** KUNDENBELEG ***", "Kartenzahlung"), ReceiptKind.CUSTOMER),
        (("Hotel Astoria", "Cardholder copy", "SALE 12.00"), ReceiptKind.CUSTOMER),
        # A merchant's copy asks for the cardholder's signature below its heading: the heading decides.
        (("MERCHANT  COPY", "SALE 12.00", "x", "y", "CARDHOLDER COPY follows"), ReceiptKind.MERCHANT),
        # A heading that names no copy proves nothing: the desk treats it as the guest's.
        (("Hotel Astoria", "SALE 12.00", "APPROVED"), ReceiptKind.UNKNOWN),
        (("a", "b", "c", "d", "CUSTOMER COPY"), ReceiptKind.UNKNOWN),
    ],
)
def test_a_receipt_sent_line_by_line_is_known_by_its_heading(lines: tuple[str, ...], kind: ReceiptKind) -> None:
    assert copy_kind(lines) is kind


@pytest.mark.parametrize("text_blocks", [True, False])
def test_a_terminal_that_prints_its_own_slips_is_registered_so_and_sends_none(text_blocks: bool) -> None:
    sim = ZvtSimulator(print_text_blocks=text_blocks)
    terminal = tcp(sim, ecr_prints=False)
    try:
        result = terminal.sale(1000, "EUR")
        totals = terminal.end_of_day()
    finally:
        terminal.close()
        sim.close()
    assert sim.state.registered
    assert not sim.state.config_byte & (0x02 | 0x04 | 0x80)  # receipts stay with the terminal
    assert sim.state.config_byte & 0x08  # the clerk still sees the terminal's prompts
    assert result.receipts == () and totals.receipts == ()
    headings = [lines[0] for lines in sim.state.printed_here]
    assert headings == ["MERCHANT RECEIPT", "CUSTOMER RECEIPT", "END OF DAY"]


def test_a_terminal_told_that_the_ecr_prints_without_its_text_prints_nothing_itself(sim: ZvtSimulator) -> None:
    port = sim.serve_tcp()
    # The ECR prints (02, 04) and builds its receipts from the Status-Information (no 80).
    registration = apdus.command(apdus.REGISTRATION, bmp.bcd(0, 3) + bytes([0x02 | 0x04 | 0x08]) + bmp.bcd(978, 2))
    raw_dialogue(port, registration)
    seen = [m.command for m in raw_dialogue(port, sale_request(1000))]
    assert apdus.PRINT_LINE not in seen and apdus.PRINT_TEXT_BLOCK not in seen
    assert sim.state.printed_here == []
    # Unregistered (restarted), it runs on its stored configuration and prints both copies itself.
    sim.restart()
    raw_dialogue(port, sale_request(500))
    assert [lines[0] for lines in sim.state.printed_here] == ["MERCHANT RECEIPT", "CUSTOMER RECEIPT"]


def test_the_simulator_marks_the_last_print_line_by_bit_7_not_ff() -> None:
    sim = ZvtSimulator(print_text_blocks=False)
    port = sim.serve_tcp()
    try:
        raw_dialogue(port, apdus.command(apdus.REGISTRATION, bytes.fromhex("000000") + bytes([CONFIG_BYTE])))
        seen = raw_dialogue(port, sale_request(1000))
    finally:
        sim.close()
    attributes = [m.data[0] for m in seen if m.command == apdus.PRINT_LINE]
    last = [a for a in attributes if a & 0x80]
    assert len(last) == 2 and all(a not in (0x80, 0xFF) for a in last)


def test_print_line_attributes_per_specification() -> None:
    terminal = ZvtTerminal(link=None)  # type: ignore[arg-type]
    dialogue = _Dialogue()
    hooks = Hooks()
    for data in (b"\x60HEAD", b"\x80rfu is not last", b"\xff\x02", b"\x03three", b"\xc0END", b"\xffold last"):
        terminal._print_line(data, dialogue, hooks)
    assert [r.lines for r in dialogue.receipts] == [
        ("HEAD", "rfu is not last", "", "", "   three", "END"),
        ("old last",),
    ]


def test_end_of_day_print_lines_are_the_administration_receipt() -> None:
    sim = ZvtSimulator(print_text_blocks=False)
    terminal = tcp(sim)
    try:
        terminal.sale(1000, "EUR")
        totals = terminal.end_of_day()
    finally:
        terminal.close()
        sim.close()
    assert [r.kind for r in totals.receipts] == [ReceiptKind.ADMINISTRATION]
    assert totals.receipts[0].lines[0] == "END OF DAY"


# -- 3. a second Completion --------------------------------------------------------------------------


@pytest.mark.shipped_settings
def test_the_client_listens_a_quarter_second_after_each_completion_unless_told_otherwise() -> None:
    # The suite shortens the window (tests/conftest.py); the program must not.
    assert ZvtTerminal(link=None).settle_time == 0.25  # type: ignore[arg-type]
    assert ZvtTerminal(link=None, settle_time=1.0).settle_time == 1.0  # type: ignore[arg-type]


@pytest.mark.shipped_settings
def test_a_second_completion_is_acknowledged_and_the_next_sale_goes_through(sim: ZvtSimulator) -> None:
    terminal = tcp(sim)
    try:
        sim.script("twice")
        first = terminal.sale(1000, "EUR")
        second = terminal.sale(2000, "EUR")
    finally:
        terminal.close()
    assert [t.amount_minor for t in sim.journal] == [1000, 2000]
    assert (first.amount_minor, second.amount_minor) == (1000, 2000)
    assert second.receipt_no == sim.journal[1].receipt_no


def test_the_simulator_refuses_a_command_while_its_second_completion_waits(sim: ZvtSimulator) -> None:
    # Without listening after the Completion, the next command meets a busy terminal: 84 83.
    terminal = tcp(sim, settle_time=0.0)
    try:
        sim.script("twice:0.3")
        terminal.sale(1000, "EUR")
        with pytest.raises(Refused) as refused:
            terminal.sale(2000, "EUR")
    finally:
        terminal.close()
    assert refused.value.result_code == 0x83
    assert [t.amount_minor for t in sim.journal] == [1000]


def test_a_late_completion_waiting_unread_is_acknowledged_before_the_next_command(sim: ZvtSimulator) -> None:
    # The duplicate comes after our listening window and waits in the input: discarded unread, the
    # terminal would still wait for its acknowledgement and refuse the next command (84 83).
    terminal = tcp(sim, settle_time=0.05)
    try:
        sim.script("twice:0.2")
        terminal.sale(1000, "EUR")
        time.sleep(0.4)
        second = terminal.sale(2000, "EUR")
    finally:
        terminal.close()
    assert second.amount_minor == 2000 and [t.amount_minor for t in sim.journal] == [1000, 2000]


# -- 4. end of day with and without individual totals ------------------------------------------------


@pytest.mark.parametrize("itemised", [True, False])
def test_end_of_day_with_or_without_individual_totals(itemised: bool) -> None:
    sim = ZvtSimulator(itemised_end_of_day=itemised)
    terminal = tcp(sim)
    try:
        for amount in (1000, 2000):
            terminal.sale(amount, "EUR")
        totals = terminal.end_of_day()
    finally:
        terminal.close()
        sim.close()
    assert totals.amount_minor == 3000
    if itemised:
        assert [(b.brand, b.count, b.amount_minor) for b in totals.brands] == [("Visa", 2, 3000)]
        assert (totals.first_receipt_no, totals.last_receipt_no) == (1, 2)
    else:
        assert totals.brands == () and totals.first_receipt_no is None and totals.last_receipt_no is None


@pytest.mark.shipped_settings
def test_nothing_is_left_unread_after_a_call(sim: ZvtSimulator) -> None:
    terminal = tcp(sim)
    try:
        sim.script("twice")
        terminal.sale(1000, "EUR")
        with pytest.raises(DeviceTimeout):
            terminal._link.receive(0.3)
    finally:
        terminal.close()
