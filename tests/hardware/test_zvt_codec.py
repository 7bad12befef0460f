"""ZVT codec, byte for byte.

Sources of the expected bytes:
- [REG] the registration example of the ZVT specification's transport chapter (PA00P016), as
  quoted in the public ecrterm test suite (wirelane/ecrterm, tests/test_data_encoding.py):
  "10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3" and the initialisation frame
  "10 02 06 93 03 12 34 56 10 03 CA A4". They fix the CRC (CRC-16/KERMIT over APDU + ETX, low byte
  first) and the APDU layout (password, config byte, currency 0978).
- [SPEC] PA00P015 (commands, bitmaps): BMP 04 amount = 6 bytes BCD in minor units; BMP 49 currency
  = 2 bytes BCD of the ISO 4217 number; LLVAR = F x F y then the data; APDU length FF xx xx with the
  two bytes low first (also how Wireshark's ZVT dissector reads it); BMP 22 masks digits with E.
"""

from __future__ import annotations

import socket
import threading

import pytest

from hardware.errors import ProtocolError
from hardware.simulators.zvt_terminal import SocketTransport
from hardware.terminal.zvt import apdu as apdus
from hardware.terminal.zvt import bmp, codes, framing, tlv
from hardware.terminal.zvt.apdu import Apdu
from hardware.terminal.zvt.client import CONFIG_BYTE
from hardware.terminal.zvt.framing import ACK, NAK, SerialLink


def hx(text: str) -> bytes:
    return bytes.fromhex(text)


# -- [REG] serial frames ------------------------------------------------------------------------------


def test_registration_frame_matches_the_specification_example() -> None:
    data = bmp.bcd(123456, 3) + bytes([0xBA]) + bmp.bcd(978, 2)
    request = apdus.command(apdus.REGISTRATION, data)
    assert request.encode() == hx("06 00 06 12 34 56 BA 09 78")
    assert framing.frame(request.encode()) == hx("10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3")


def test_initialisation_frame_matches_the_specification_example() -> None:
    assert framing.frame(hx("06 93 03 12 34 56")) == hx("10 02 06 93 03 12 34 56 10 03 CA A4")


def test_crc_is_kermit_over_apdu_and_etx() -> None:
    assert framing.crc16(hx("06 00 06 12 34 56 BA 09 78 03")) == 0xC324
    # The standard check value of CRC-16/KERMIT.
    assert framing.crc16(b"123456789") == 0x2189


def test_dle_inside_the_apdu_is_doubled_and_the_crc_is_over_the_unstuffed_bytes() -> None:
    raw = apdus.command(apdus.AUTHORISATION, bmp.amount(10).encode()).encode()
    assert raw == hx("06 01 07 04 00 00 00 00 00 10")
    framed = framing.frame(raw)
    crc = framing.crc16(raw + b"\x03")
    assert framed == hx("10 02 06 01 07 04 00 00 00 00 00 10 10 10 03") + bytes([crc & 0xFF, crc >> 8])


# -- [SPEC] APDUs and BMPs ----------------------------------------------------------------------------


def test_authorisation_of_one_euro() -> None:
    data = bmp.encode([bmp.amount(100), bmp.currency(978)])
    assert apdus.command(apdus.AUTHORISATION, data).encode() == hx("06 01 0A 04 00 00 00 00 01 00 49 09 78")


def test_acknowledgements() -> None:
    assert apdus.ack().encode() == hx("80 00 00")
    assert apdus.nack(0x83).encode() == hx("84 83 00")
    assert apdus.decode(hx("84 6B 00")).is_nack


def test_extended_length_is_ff_then_two_bytes_low_first() -> None:
    message = Apdu(0x06, 0xD3, bytes(300))
    encoded = message.encode()
    assert encoded[:5] == hx("06 D3 FF 2C 01")
    assert apdus.decode(encoded) == message
    # 254 still fits the short form; 255 needs the long one (FF would be ambiguous).
    assert Apdu(0x06, 0xD3, bytes(254)).encode()[:3] == hx("06 D3 FE")
    assert Apdu(0x06, 0xD3, bytes(255)).encode()[:5] == hx("06 D3 FF FF 00")


def test_bad_apdu_lengths_are_protocol_errors() -> None:
    with pytest.raises(ProtocolError):
        apdus.decode(hx("06 01 05 04 00"))
    with pytest.raises(ProtocolError):
        apdus.decode(hx("06 01"))


def test_llvar_and_lllvar() -> None:
    assert bmp.Bmp(bmp.CARD_NAME, b"VISA").encode() == hx("8B F0 F4 56 49 53 41")
    assert bmp.Bmp(bmp.ADDITIONAL_TEXT, b"AB").encode() == hx("3C F0 F0 F2 41 42")
    assert bmp.decode(hx("8B F0 F4 56 49 53 41 27 00")) == [bmp.Bmp(0x8B, b"VISA"), bmp.Bmp(0x27, b"\x00")]


def test_status_information_decodes_to_fields() -> None:
    data = hx("27 00 04 00 00 00 00 12 34 0B 00 00 42 87 00 07 29 52 50 00 01 49 09 78")
    fields = bmp.as_dict(bmp.decode(data))
    assert bmp.from_bcd(fields[bmp.AMOUNT]) == 1234
    assert bmp.from_bcd(fields[bmp.TRACE]) == 42
    assert bmp.from_bcd(fields[bmp.RECEIPT]) == 7
    assert bmp.bcd_digits(fields[bmp.TERMINAL_ID]) == "52500001"
    assert codes.currency_alpha(bmp.from_bcd(fields[bmp.CURRENCY])) == "EUR"


def test_unknown_bmp_and_cut_fields_are_protocol_errors() -> None:
    with pytest.raises(ProtocolError):
        bmp.decode(hx("FF 00"))
    with pytest.raises(ProtocolError):
        bmp.decode(hx("04 00 00 01"))
    with pytest.raises(ProtocolError):
        bmp.decode(hx("8B F0 F9 41"))


def test_masked_pan_is_kept_as_sent_and_a_full_one_is_masked() -> None:
    assert bmp.masked_pan(hx("47 61 73 EE EE EE 00 10")) == "476173******0010"
    assert bmp.decode(hx("22 F0 F8 47 61 73 EE EE EE 00 10"))[0].value == hx("47 61 73 EE EE EE 00 10")
    # Odd length padded with F.
    assert bmp.masked_pan(hx("EE EE EE EE EE EE 12 3F")) == "************123"
    full = bmp.masked_pan(hx("47 61 73 90 01 01 00 10"))
    assert full == "476173******0010"
    assert "4761739001010010" not in full
    assert bmp.pan_field("476173******0010").value == hx("47 61 73 EE EE EE 00 10")


def test_bcd_amounts() -> None:
    assert bmp.bcd(123456, 6) == hx("00 00 00 12 34 56")
    assert bmp.from_bcd(hx("00 00 00 12 34 56")) == 123456
    with pytest.raises(ValueError):
        bmp.bcd(10**12, 6)
    with pytest.raises(ProtocolError):
        bmp.from_bcd(hx("0A"))


# -- TLV ----------------------------------------------------------------------------------------------


def test_tlv_print_text_block() -> None:
    objects = (tlv.Tlv(0x1F07, b"\x02"), tlv.Tlv(0x25, children=(tlv.Tlv(0x07, b"AB"), tlv.Tlv(0x07, b"C"))))
    body = tlv.encode(objects)
    assert body == hx("1F 07 01 02 25 07 07 02 41 42 07 01 43")
    assert tlv.decode(body) == objects
    assert tlv.container(objects) == bytes([len(body)]) + body
    message = bmp.Bmp(bmp.TLV_CONTAINER, body).encode()
    assert message[:2] == hx("06 0D")


def test_tlv_long_lengths_and_tags() -> None:
    long_value = bytes(200)
    encoded = tlv.encode([tlv.Tlv(0x07, long_value)])
    assert encoded[:3] == hx("07 81 C8")
    assert tlv.decode(encoded)[0].value == long_value
    longer = tlv.encode([tlv.Tlv(0x07, bytes(300))])
    assert longer[:4] == hx("07 82 01 2C")
    assert tlv.decode(hx("1F 81 02 01 AA"))[0].tag == 0x1F8102
    assert tlv.is_constructed(0x25) and not tlv.is_constructed(0x07) and not tlv.is_constructed(0x1F07)
    with pytest.raises(ProtocolError):
        tlv.decode(hx("07 05 41"))


def test_prompts_are_mapped_to_stable_keys() -> None:
    assert codes.prompt(0x0A).key == "insert_card"
    assert codes.prompt(0x01).text == "Enter PIN"
    assert codes.prompt(0x0E).key == "please_wait"
    assert codes.prompt(0x99).key == "please_wait"


def test_client_registration_config_byte() -> None:
    # Receipts to the ECR as text blocks, intermediate status, ECR controls payment and admin.
    assert CONFIG_BYTE == 0xBE


# -- serial link: ACK, NAK and repetition over a real socket pair --------------------------------------


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    ours, theirs = SocketTransport(a), SocketTransport(b)
    yield ours, theirs
    ours.close()
    theirs.close()


def _read_frame(transport: SocketTransport) -> bytes:
    out = bytearray()
    while not out.endswith(b"\x10\x03") or len(out) < 4:
        out += transport.read(1, 2.0)
    out += transport.read_exact(2, 2.0)
    return bytes(out)


def test_a_nak_makes_the_sender_repeat_up_to_three_times(pair) -> None:
    ours, theirs = pair
    link = SerialLink(ours)
    seen: list[bytes] = []

    def peer() -> None:
        for answer in (NAK, NAK, ACK):
            seen.append(_read_frame(theirs))
            theirs.write(bytes([answer]), 1.0)

    thread = threading.Thread(target=peer)
    thread.start()
    link.send(apdus.ack(), 2.0)
    thread.join()
    assert seen == [framing.frame(hx("80 00 00"))] * 3


def test_three_naks_fail_the_send(pair) -> None:
    ours, theirs = pair
    link = SerialLink(ours)

    def peer() -> None:
        for _ in range(3):
            _read_frame(theirs)
            theirs.write(bytes([NAK]), 1.0)

    thread = threading.Thread(target=peer)
    thread.start()
    with pytest.raises(ProtocolError):
        link.send(apdus.ack(), 2.0)
    thread.join()


def test_a_damaged_frame_is_naked_and_the_repeat_accepted(pair) -> None:
    ours, theirs = pair
    link = SerialLink(ours)
    good = framing.frame(hx("04 FF 01 0A"))
    damaged = good[:-1] + bytes([good[-1] ^ 0xFF])
    theirs.write(damaged + good, 1.0)
    assert link.receive(2.0) == Apdu(0x04, 0xFF, b"\x0a")
    assert theirs.read_exact(2, 2.0) == bytes([NAK, ACK])


def test_a_frame_arriving_while_we_wait_for_our_ack_is_kept(pair) -> None:
    ours, theirs = pair
    link = SerialLink(ours)
    theirs.write(framing.frame(hx("04 FF 01 0E")) + bytes([ACK]), 1.0)
    link.send(apdus.command(apdus.ABORT), 2.0)
    assert link.receive(1.0) == Apdu(0x04, 0xFF, b"\x0e")
