"""Carrying APDUs: raw on TCP, framed on a serial line.

Serial (a USB terminal is a CDC-ACM serial port): DLE STX, the APDU with every DLE doubled, DLE ETX,
then a CRC-16 (CCITT polynomial, reflected: 0x8408, start 0, i.e. CRC-16/KERMIT) over the APDU and
the ETX, low byte first. The receiver answers ACK (06) or NAK (15); a NAKed frame is sent again,
three tries in all. TCP needs none of that: APDUs follow each other on the stream.
"""

from __future__ import annotations

import contextlib
from collections import deque
from typing import Protocol

from hardware.errors import DeviceTimeout, ProtocolError
from hardware.terminal.zvt import apdu as apdus
from hardware.terminal.zvt.apdu import Apdu
from hardware.transport.base import Transport

STX = 0x02
ETX = 0x03
ACK = 0x06
DLE = 0x10
NAK = 0x15

TRIES = 3
# Bytes of one message follow each other closely; a gap longer than this inside a message means the
# message is broken (ZVT's T1 is shorter; a loaded machine is forgiven).
BYTE_GAP = 2.0


def crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def frame(apdu_bytes: bytes) -> bytes:
    crc = crc16(apdu_bytes + bytes([ETX]))
    stuffed = apdu_bytes.replace(bytes([DLE]), bytes([DLE, DLE]))
    return bytes([DLE, STX]) + stuffed + bytes([DLE, ETX, crc & 0xFF, crc >> 8])


class Link(Protocol):
    """Whole APDUs in and out over one transport."""

    @property
    def name(self) -> str: ...

    def open(self) -> None: ...

    def close(self) -> None: ...

    def send(self, message: Apdu, timeout: float) -> None: ...

    def receive(self, timeout: float) -> Apdu: ...

    def discard_input(self) -> None: ...


class _Reader:
    """Buffered bytes from a transport, each read bounded by a timeout."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.buffer = bytearray()

    def byte(self, timeout: float) -> int:
        if not self.buffer:
            self.buffer += self.transport.read(4096, timeout)
        value = self.buffer[0]
        del self.buffer[0]
        return value

    def exact(self, size: int, timeout: float) -> bytes:
        while len(self.buffer) < size:
            self.buffer += self.transport.read(4096, timeout)
        out = bytes(self.buffer[:size])
        del self.buffer[:size]
        return out

    def clear(self) -> None:
        self.buffer.clear()
        self.transport.discard_input()


class TcpLink:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self._reader = _Reader(transport)

    @property
    def name(self) -> str:
        return self.transport.name

    def open(self) -> None:
        self.transport.open()

    def close(self) -> None:
        self._reader.buffer.clear()
        self.transport.close()

    def send(self, message: Apdu, timeout: float) -> None:
        self.transport.write(message.encode(), timeout)

    def receive(self, timeout: float) -> Apdu:
        first = bytes([self._reader.byte(timeout)])
        head = first + self._reader.exact(2, BYTE_GAP)
        if head[2] == 0xFF:
            head += self._reader.exact(2, BYTE_GAP)
        length = apdus.data_length(head)
        return apdus.decode(head + self._reader.exact(length, BYTE_GAP))

    def discard_input(self) -> None:
        self._reader.clear()


class SerialLink:
    """DLE framing with CRC and ACK/NAK. Frames that arrive while we wait for our ACK are kept."""

    def __init__(self, transport: Transport, *, byte_gap: float = BYTE_GAP) -> None:
        self.transport = transport
        self.byte_gap = byte_gap
        self._reader = _Reader(transport)
        self._pending: deque[Apdu] = deque()

    @property
    def name(self) -> str:
        return self.transport.name

    def open(self) -> None:
        self.transport.open()

    def close(self) -> None:
        self._reader.buffer.clear()
        self._pending.clear()
        self.transport.close()

    def send(self, message: Apdu, timeout: float) -> None:
        data = frame(message.encode())
        for attempt in range(1, TRIES + 1):
            self.transport.write(data, timeout)
            if self._await_ack(timeout):
                return
            if attempt == TRIES:
                raise ProtocolError(f"The terminal refused the frame {TRIES} times (NAK).", device=self.name)
        raise AssertionError("unreachable")

    def _await_ack(self, timeout: float) -> bool:
        """True on ACK, False on NAK. A frame the peer sends meanwhile is read and kept.

        A peer that crossed our frame with its own still ACKs ours right after; one that sent a
        frame and no ACK soon after has moved on without ours, so we stop waiting early.
        """
        wait = timeout
        while True:
            byte = self._reader.byte(wait)
            if byte == ACK:
                return True
            if byte == NAK:
                return False
            if byte == DLE:
                nxt = self._reader.byte(self.byte_gap)
                if nxt == ACK:  # some terminals send DLE ACK
                    return True
                if nxt == NAK:
                    return False
                if nxt == STX:
                    received = self._read_frame_body()
                    if received is not None:
                        self._pending.append(received)
                        wait = min(wait, self.byte_gap)

    def receive(self, timeout: float) -> Apdu:
        if self._pending:
            return self._pending.popleft()
        bad = 0
        while True:
            if self._reader.byte(timeout) != DLE:
                continue  # a stray ACK or noise between frames
            if self._reader.byte(self.byte_gap) != STX:
                continue
            received = self._read_frame_body()
            if received is not None:
                return received
            bad += 1
            if bad >= TRIES:
                raise ProtocolError(f"{TRIES} frames in a row arrived damaged.", device=self.name)

    def _read_frame_body(self) -> Apdu | None:
        """After DLE STX: the body, DLE ETX, CRC. ACKs a good frame; NAKs a bad one (None)."""
        body = bytearray()
        while True:
            byte = self._reader.byte(self.byte_gap)
            if byte != DLE:
                body.append(byte)
                continue
            nxt = self._reader.byte(self.byte_gap)
            if nxt == DLE:
                body.append(DLE)
            elif nxt == ETX:
                break
            else:
                self._nak()
                return None
        crc_bytes = self._reader.exact(2, self.byte_gap)
        expected = crc16(bytes(body) + bytes([ETX]))
        if crc_bytes != bytes([expected & 0xFF, expected >> 8]):
            self._nak()
            return None
        try:
            message = apdus.decode(bytes(body))
        except ProtocolError:
            self._nak()
            return None
        self.transport.write(bytes([ACK]), self.byte_gap)
        return message

    def _nak(self) -> None:
        with contextlib.suppress(DeviceTimeout):
            self.transport.write(bytes([NAK]), self.byte_gap)

    def discard_input(self) -> None:
        self._pending.clear()
        self._reader.clear()
