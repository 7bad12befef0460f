"""BMPs: the numbered data fields of ZVT messages, and the BCD and LLVAR forms they use.

A BMP is one byte naming the field, then its value: fixed length (binary or packed BCD), LLVAR
(F x F y: a two-digit length, then that many bytes), LLLVAR (F x F y F z), or the TLV container
(BMP 06). Decoding a sequence needs the length of every BMP met, so an unknown BMP stops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from hardware.errors import ProtocolError
from hardware.terminal.zvt import tlv


class Form(Enum):
    FIXED = "fixed"
    LLVAR = "llvar"
    LLLVAR = "lllvar"
    TLV = "tlv"


@dataclass(frozen=True)
class Field:
    name: str
    form: Form
    size: int = 0  # bytes, for FIXED


def _f(name: str, size: int) -> Field:
    return Field(name, Form.FIXED, size)


TIMEOUT = 0x01
MAX_STATUS_INFOS = 0x02
SERVICE_BYTE = 0x03
AMOUNT = 0x04
TLV_CONTAINER = 0x06
TRACE = 0x0B
TIME = 0x0C
DATE = 0x0D
EXPIRY = 0x0E
CARD_SEQUENCE = 0x17
PAYMENT_TYPE = 0x19
PAN = 0x22
TRACK2 = 0x23
TRACK3 = 0x24
RESULT_CODE = 0x27
TERMINAL_ID = 0x29
VU_NUMBER = 0x2A
TRACK1 = 0x2D
ORIGINAL_TRACE = 0x37
CVV = 0x3A
AUTH_ATTRIBUTE = 0x3B
ADDITIONAL_TEXT = 0x3C
PASSWORD = 0x3D
CURRENCY = 0x49
INDIVIDUAL_TOTALS = 0x60
RECEIPT = 0x87
TURNOVER = 0x88
CARD_TYPE = 0x8A
CARD_NAME = 0x8B
CARD_TYPE_ID = 0x8C
RESULT_CODE_AS = 0xA0
DATE_TIME = 0xAA
AID_PARAMETER = 0xBA

FIELDS: dict[int, Field] = {
    TIMEOUT: _f("timeout", 1),
    MAX_STATUS_INFOS: _f("max status infos", 1),
    SERVICE_BYTE: _f("service byte", 1),
    AMOUNT: _f("amount", 6),
    0x05: _f("pump number", 1),
    TLV_CONTAINER: Field("TLV container", Form.TLV),
    TRACE: _f("trace number", 3),
    TIME: _f("time", 3),
    DATE: _f("date", 2),
    EXPIRY: _f("expiry date", 2),
    CARD_SEQUENCE: _f("card sequence number", 2),
    PAYMENT_TYPE: _f("payment type / status byte", 1),
    PAN: Field("card number", Form.LLVAR),
    TRACK2: Field("track 2", Form.LLVAR),
    TRACK3: Field("track 3", Form.LLLVAR),
    RESULT_CODE: _f("result code", 1),
    TERMINAL_ID: _f("terminal id", 4),
    VU_NUMBER: _f("VU number", 15),
    TRACK1: Field("track 1", Form.LLVAR),
    0x2E: Field("sync chip data", Form.LLLVAR),
    ORIGINAL_TRACE: _f("original trace number", 3),
    CVV: _f("CVV", 2),
    AUTH_ATTRIBUTE: _f("authorisation attribute", 8),
    ADDITIONAL_TEXT: Field("additional text", Form.LLLVAR),
    PASSWORD: _f("password", 3),
    CURRENCY: _f("currency code", 2),
    0x4C: Field("blocked goods groups", Form.LLVAR),
    INDIVIDUAL_TOTALS: Field("individual totals", Form.LLLVAR),
    RECEIPT: _f("receipt number", 2),
    TURNOVER: _f("turnover record number", 3),
    CARD_TYPE: _f("card type", 1),
    CARD_NAME: Field("card name", Form.LLVAR),
    CARD_TYPE_ID: _f("card type id", 1),
    0x92: Field("additional data ec-Cash", Form.LLLVAR),
    0x9A: Field("Geldkarte payment data", Form.LLLVAR),
    RESULT_CODE_AS: _f("result code AS", 1),
    0xA7: Field("chip data", Form.LLVAR),
    DATE_TIME: _f("date YYMMDD", 3),
    0xAF: Field("EF_ID", Form.LLLVAR),
    AID_PARAMETER: _f("AID parameter", 5),
    0xD0: _f("algorithm key", 1),
    0xD1: Field("card offset / PIN data", Form.LLVAR),
    0xD2: _f("direct debit", 1),
    0xD3: _f("algorithm key", 1),
    0xE0: _f("min length", 1),
    0xF0: _f("display duration", 1),
    **{b: Field(f"text line {b - 0xE0}", Form.LLVAR) for b in range(0xE1, 0xEA)},
    **{b: Field(f"display line {b - 0xF0}", Form.LLVAR) for b in range(0xF1, 0xFA)},
}


# -- packed BCD -------------------------------------------------------------------------------------


def bcd(number: int, size: int) -> bytes:
    """`number` as `size` bytes of packed BCD, left-padded with zeros."""
    if number < 0:
        raise ValueError("BCD holds no negative numbers")
    digits = str(number)
    if len(digits) > size * 2:
        raise ValueError(f"{number} does not fit {size} BCD bytes")
    return bytes.fromhex(digits.rjust(size * 2, "0"))


def bcd_digits(data: bytes) -> str:
    text = data.hex().upper()
    if not text.isdigit():
        raise ProtocolError(f"not BCD: {text}")
    return text


def from_bcd(data: bytes) -> int:
    return int(bcd_digits(data)) if data else 0


def _var_length(data: bytes, pos: int, digits: int) -> tuple[int, int]:
    if pos + digits > len(data):
        raise ProtocolError("variable-length field cut short")
    length = 0
    for byte in data[pos : pos + digits]:
        if byte & 0xF0 != 0xF0 or byte & 0x0F > 9:
            raise ProtocolError(f"bad length byte {byte:02X} in a variable-length field")
        length = length * 10 + (byte & 0x0F)
    return length, pos + digits


def var_prefix(length: int, digits: int) -> bytes:
    if length >= 10**digits:
        raise ValueError(f"{length} bytes do not fit a {'L' * digits}VAR")
    return bytes(0xF0 | int(d) for d in str(length).rjust(digits, "0"))


# -- sequences -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bmp:
    """One field: its number and its value bytes (without the LLVAR prefix or TLV length)."""

    number: int
    value: bytes

    def encode(self) -> bytes:
        spec = FIELDS.get(self.number)
        if spec is None:
            raise ValueError(f"unknown BMP {self.number:02X}")
        if spec.form is Form.FIXED:
            if len(self.value) != spec.size:
                raise ValueError(f"BMP {self.number:02X} takes {spec.size} bytes, not {len(self.value)}")
            return bytes([self.number]) + self.value
        if spec.form is Form.LLVAR:
            return bytes([self.number]) + var_prefix(len(self.value), 2) + self.value
        if spec.form is Form.LLLVAR:
            return bytes([self.number]) + var_prefix(len(self.value), 3) + self.value
        return bytes([self.number]) + tlv.encode_length(len(self.value)) + self.value


def encode(fields: Iterable[Bmp]) -> bytes:
    return b"".join(field.encode() for field in fields)


def decode(data: bytes) -> list[Bmp]:
    """Every BMP of `data`, in order. An unknown BMP number is a protocol error."""
    out: list[Bmp] = []
    pos = 0
    while pos < len(data):
        number = data[pos]
        pos += 1
        spec = FIELDS.get(number)
        if spec is None:
            raise ProtocolError(f"unknown BMP {number:02X} at byte {pos - 1}")
        if spec.form is Form.FIXED:
            length = spec.size
        elif spec.form is Form.LLVAR:
            length, pos = _var_length(data, pos, 2)
        elif spec.form is Form.LLLVAR:
            length, pos = _var_length(data, pos, 3)
        else:
            length, pos = tlv.decode_length(data, pos)
        if pos + length > len(data):
            raise ProtocolError(f"BMP {number:02X} needs {length} bytes, {len(data) - pos} left")
        out.append(Bmp(number, data[pos : pos + length]))
        pos += length
    return out


def as_dict(fields: Iterable[Bmp]) -> dict[int, bytes]:
    """Fields by number; the first occurrence wins (a BMP appears once in a well-formed message)."""
    result: dict[int, bytes] = {}
    for field in fields:
        result.setdefault(field.number, field.value)
    return result


# -- values ----------------------------------------------------------------------------------------


def amount(minor_units: int) -> Bmp:
    return Bmp(AMOUNT, bcd(minor_units, 6))


def currency(numeric_code: int) -> Bmp:
    return Bmp(CURRENCY, bcd(numeric_code, 2))


def receipt(number: int) -> Bmp:
    return Bmp(RECEIPT, bcd(number, 2))


def trace(number: int) -> Bmp:
    return Bmp(TRACE, bcd(number, 3))


def masked_pan(value: bytes) -> str:
    """The card number as the terminal sent it, E nibbles shown as '*', F filler dropped.

    A terminal that sends a full number gets it masked here (first six, last four kept), so no
    full number leaves the codec.
    """
    nibbles = value.hex().upper()
    text = "".join("*" if n == "E" else n for n in nibbles if n != "F")
    if "*" not in text and len(text) > 10:
        text = text[:6] + "*" * (len(text) - 10) + text[-4:]
    return text


def pan_field(masked: str) -> Bmp:
    """BMP 22 from a masked number ('*' for hidden digits), padded with F to whole bytes."""
    nibbles = "".join("E" if ch == "*" else ch for ch in masked)
    if len(nibbles) % 2:
        nibbles += "F"
    return Bmp(PAN, bytes.fromhex(nibbles))


def text(value: bytes) -> str:
    """An ASCII / CP437 text field, trailing NULs and spaces dropped."""
    return value.rstrip(b"\x00 ").decode("cp437")
