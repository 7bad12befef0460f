"""The TLV container of BMP 06: BER-style tags, lengths and nested (constructed) objects.

Tags: one byte, or more when the low five bits of the first are all set (1F xx, continuation bit
0x80 on the following bytes). Bit 0x20 of the first byte marks a constructed object, whose value is
itself a TLV sequence. Lengths: 00-7F in one byte, 81 xx, or 82 xx xx (big-endian).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from hardware.errors import ProtocolError


@dataclass(frozen=True)
class Tlv:
    """One data object. A constructed tag holds `children`; a primitive one holds `value`."""

    tag: int
    value: bytes = b""
    children: tuple[Tlv, ...] = field(default=())

    @property
    def constructed(self) -> bool:
        return is_constructed(self.tag)

    def find(self, tag: int) -> Tlv | None:
        """The first descendant (depth first) with `tag`."""
        for child in self.children:
            if child.tag == tag:
                return child
            found = child.find(tag)
            if found is not None:
                return found
        return None

    def find_all(self, tag: int) -> list[Tlv]:
        return [obj for obj in walk(self.children) if obj.tag == tag]


def tag_bytes(tag: int) -> bytes:
    if tag < 0:
        raise ValueError("a TLV tag is not negative")
    size = max(1, (tag.bit_length() + 7) // 8)
    return tag.to_bytes(size, "big")


def is_constructed(tag: int) -> bool:
    return bool(tag_bytes(tag)[0] & 0x20)


def encode_length(length: int) -> bytes:
    if length < 0:
        raise ValueError("a length is not negative")
    if length < 0x80:
        return bytes([length])
    if length <= 0xFF:
        return bytes([0x81, length])
    if length <= 0xFFFF:
        return bytes([0x82]) + length.to_bytes(2, "big")
    raise ValueError(f"TLV length {length} does not fit two bytes")


def decode_length(data: bytes, pos: int) -> tuple[int, int]:
    """(length, position after the length field)."""
    if pos >= len(data):
        raise ProtocolError("TLV length missing")
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    extra = first & 0x7F
    if extra not in (1, 2) or pos + 1 + extra > len(data):
        raise ProtocolError(f"TLV length form {first:02X} not understood")
    return int.from_bytes(data[pos + 1 : pos + 1 + extra], "big"), pos + 1 + extra


def decode_tag(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise ProtocolError("TLV tag missing")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise ProtocolError("TLV tag cut short")
            byte = data[pos]
            tag = (tag << 8) | byte
            pos += 1
            if not byte & 0x80:
                break
            if tag > 0xFFFFFFFF:
                raise ProtocolError("TLV tag longer than four bytes")
    return tag, pos


def encode(objects: Iterable[Tlv]) -> bytes:
    out = bytearray()
    for obj in objects:
        value = encode(obj.children) if obj.constructed else obj.value
        out += tag_bytes(obj.tag) + encode_length(len(value)) + value
    return bytes(out)


def decode(data: bytes) -> tuple[Tlv, ...]:
    objects: list[Tlv] = []
    pos = 0
    while pos < len(data):
        tag, pos = decode_tag(data, pos)
        length, pos = decode_length(data, pos)
        end = pos + length
        if end > len(data):
            raise ProtocolError(f"TLV object {tag:X} says {length} bytes, only {len(data) - pos} left")
        value = data[pos:end]
        if is_constructed(tag):
            objects.append(Tlv(tag, children=decode(value)))
        else:
            objects.append(Tlv(tag, value=value))
        pos = end
    return tuple(objects)


def container(objects: Iterable[Tlv]) -> bytes:
    """The value of BMP 06: total length, then the objects."""
    body = encode(objects)
    return encode_length(len(body)) + body


def walk(objects: Iterable[Tlv]) -> Iterator[Tlv]:
    for obj in objects:
        yield obj
        yield from walk(obj.children)
