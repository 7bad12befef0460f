"""Recorded byte transcripts: record a conversation with a device, replay it byte-exact.

A transcript is text, one exchange a line: `> 1b40...` for bytes we sent, `< 16` for bytes the
device answered (hex; `#` starts a comment). Replay compares what the code writes now with what
was recorded as one stream (so a change in chunking is not a difference, a change in bytes is)
and fails with "written data differs from the expected" at the first differing byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hardware.errors import DeviceTimeout
from hardware.transport.base import BaseTransport, Transport, check_timeout


class TranscriptMismatch(AssertionError):
    """The code under test did not do what the recording says it did."""


@dataclass
class Exchange:
    direction: str  # ">" sent by us, "<" answered by the device
    data: bytes


def parse_transcript(text: str) -> list[Exchange]:
    exchanges: list[Exchange] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        direction, _, payload = line.partition(" ")
        if direction not in (">", "<"):
            raise ValueError(f"line {number}: must start with '>' or '<': {raw!r}")
        data = bytes.fromhex(payload)
        # Consecutive writes (or reads) are one stream: merge them.
        if exchanges and exchanges[-1].direction == direction:
            exchanges[-1].data += data
        else:
            exchanges.append(Exchange(direction, data))
    return exchanges


def format_transcript(exchanges: list[Exchange], width: int = 32) -> str:
    lines = []
    for exchange in exchanges:
        for start in range(0, len(exchange.data), width):
            lines.append(f"{exchange.direction} {exchange.data[start : start + width].hex()}")
    return "\n".join(lines) + "\n"


class PlaybackTransport(BaseTransport):
    """Plays the device's side of a transcript back to the code under test."""

    def __init__(self, transcript: str | list[Exchange], name: str = "playback") -> None:
        super().__init__(name)
        self._script = parse_transcript(transcript) if isinstance(transcript, str) else list(transcript)
        self._index = 0
        self._offset = 0
        self._open = False

    @classmethod
    def from_file(cls, path: str | Path) -> PlaybackTransport:
        return cls(Path(path).read_text(encoding="ascii"), name=f"playback {Path(path).name}")

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False

    def _current(self) -> Exchange | None:
        return self._script[self._index] if self._index < len(self._script) else None

    def _advance(self, used: int) -> None:
        self._offset += used
        current = self._current()
        if current is not None and self._offset >= len(current.data):
            self._index += 1
            self._offset = 0

    def write(self, data: bytes, timeout: float) -> None:
        check_timeout(timeout)
        pos = 0
        while pos < len(data):
            current = self._current()
            if current is None or current.direction != ">":
                expected = "the end of the transcript" if current is None else f"a read of {current.data.hex()}"
                raise TranscriptMismatch(
                    f"written data differs from the expected: wrote {data[pos:].hex()}, expected {expected}"
                )
            want = current.data[self._offset : self._offset + len(data) - pos]
            got = data[pos : pos + len(want)]
            if got != want:
                at = next(i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b)
                raise TranscriptMismatch(
                    "written data differs from the expected at byte "
                    f"{self._offset + at} of exchange {self._index}: wrote {got[at:at + 16].hex()}, "
                    f"expected {want[at:at + 16].hex()}"
                )
            pos += len(got)
            self._advance(len(got))

    def read(self, size: int, timeout: float) -> bytes:
        check_timeout(timeout)
        current = self._current()
        if current is None or current.direction != "<":
            # The recorded device said nothing here: that is what a timeout looks like.
            raise DeviceTimeout(f"No answer within {timeout:g} s.", device=self.name)
        data = current.data[self._offset : self._offset + size]
        self._advance(len(data))
        return data

    def discard_input(self) -> None:
        pass

    @property
    def finished(self) -> bool:
        return self._current() is None

    def assert_finished(self) -> None:
        current = self._current()
        if current is not None:
            raise TranscriptMismatch(
                f"the transcript is not finished: exchange {self._index} ({current.direction} "
                f"{current.data[self._offset:self._offset + 16].hex()}...) never happened"
            )


class RecordingTransport(BaseTransport):
    """Wraps a real transport and keeps every byte both ways, for a transcript."""

    def __init__(self, inner: Transport) -> None:
        super().__init__(f"recording {inner.name}")
        self.inner = inner
        self.exchanges: list[Exchange] = []

    def _note(self, direction: str, data: bytes) -> None:
        if self.exchanges and self.exchanges[-1].direction == direction:
            self.exchanges[-1].data += data
        else:
            self.exchanges.append(Exchange(direction, bytes(data)))

    @property
    def is_open(self) -> bool:
        return self.inner.is_open

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def write(self, data: bytes, timeout: float) -> None:
        self.inner.write(data, timeout)
        self._note(">", data)

    def read(self, size: int, timeout: float) -> bytes:
        data = self.inner.read(size, timeout)
        self._note("<", data)
        return data

    def discard_input(self) -> None:
        self.inner.discard_input()

    def transcript(self) -> str:
        return format_transcript(self.exchanges)
