"""APDUs: control field (CCRC/APRC, or class/instruction), length, data.

The length is one byte for 0-254 data bytes; 255 and more are sent as FF followed by the length in
two bytes, low byte first. Answers are 80 00 00 (received, positive) and 84 xx 00 (negative, xx
an error code); every other control field is a command.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.errors import ProtocolError

# ECR -> terminal
REGISTRATION = (0x06, 0x00)
AUTHORISATION = (0x06, 0x01)
LOG_OFF = (0x06, 0x02)
REPEAT_RECEIPT = (0x06, 0x20)
PRE_AUTHORISATION = (0x06, 0x22)
PARTIAL_REVERSAL = (0x06, 0x23)
BOOK_TOTAL = (0x06, 0x24)
PRE_AUTH_REVERSAL = (0x06, 0x25)
REVERSAL = (0x06, 0x30)
REFUND = (0x06, 0x31)
END_OF_DAY = (0x06, 0x50)
ABORT = (0x06, 0xB0)
STATUS_ENQUIRY = (0x05, 0x01)
# terminal -> ECR
COMPLETION = (0x06, 0x0F)
ABORTED = (0x06, 0x1E)
STATUS_INFORMATION = (0x04, 0x0F)
INTERMEDIATE_STATUS = (0x04, 0xFF)
PRINT_LINE = (0x06, 0xD1)
PRINT_TEXT_BLOCK = (0x06, 0xD3)
# answers
ACK_CLASS = 0x80
NACK_CLASS = 0x84

MAX_DATA = 0xFFFF


@dataclass(frozen=True)
class Apdu:
    cls: int
    ins: int
    data: bytes = b""

    @property
    def command(self) -> tuple[int, int]:
        return (self.cls, self.ins)

    @property
    def is_ack(self) -> bool:
        return self.cls == ACK_CLASS

    @property
    def is_nack(self) -> bool:
        return self.cls == NACK_CLASS

    @property
    def is_answer(self) -> bool:
        return self.cls in (ACK_CLASS, NACK_CLASS)

    def encode(self) -> bytes:
        return bytes([self.cls, self.ins]) + encode_length(len(self.data)) + self.data

    def __repr__(self) -> str:
        # The data may hold a card number: the representation shows only its size.
        return f"Apdu({self.cls:02X} {self.ins:02X}, {len(self.data)} bytes)"


def command(control: tuple[int, int], data: bytes = b"") -> Apdu:
    return Apdu(control[0], control[1], data)


def ack() -> Apdu:
    return Apdu(ACK_CLASS, 0x00)


def nack(error: int) -> Apdu:
    return Apdu(NACK_CLASS, error)


def encode_length(length: int) -> bytes:
    if length < 0 or length > MAX_DATA:
        raise ValueError(f"APDU data of {length} bytes does not fit")
    if length < 0xFF:
        return bytes([length])
    return b"\xff" + length.to_bytes(2, "little")


def header_size(first_three: bytes) -> int:
    """How many header bytes the APDU starting with these three bytes has (3, or 5 if extended)."""
    return 5 if first_three[2] == 0xFF else 3


def data_length(header: bytes) -> int:
    if len(header) == 3 and header[2] != 0xFF:
        return header[2]
    if len(header) == 5 and header[2] == 0xFF:
        return int.from_bytes(header[3:5], "little")
    raise ProtocolError(f"bad APDU header {header.hex()}")


def decode(raw: bytes) -> Apdu:
    """One whole APDU from exactly its bytes."""
    if len(raw) < 3:
        raise ProtocolError(f"an APDU has at least 3 bytes, got {len(raw)}")
    size = header_size(raw[:3])
    if len(raw) < size:
        raise ProtocolError("extended APDU length cut short")
    length = data_length(raw[:size])
    if len(raw) != size + length:
        raise ProtocolError(f"APDU says {length} data bytes, has {len(raw) - size}")
    return Apdu(raw[0], raw[1], bytes(raw[size:]))
