"""The one shape of a fake register's server run as its own process (``python -m hardware.simulators.<name>``):
its address, its fiscal memory's file read whatever became of the program that asked, the test's hand on it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import httpx

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FakeRegisterServer:
    """A fake register's server on a free loopback port, its documents in ``state``."""

    process: subprocess.Popen[str]
    address: str
    state: Path
    module: ClassVar[str] = ""
    type_field: ClassVar[str] = "type"  # the document's field naming its kind
    receipt_types: ClassVar[tuple[str, ...]] = ()  # the kinds that are sale or refund receipts

    def control(self, command: str, **body: Any) -> None:
        httpx.post(f"{self.address}/sim/{command}", json=body).raise_for_status()

    def documents(self) -> list[dict[str, Any]]:
        """Read from the fake's file, as it keeps them whoever asked and whatever became of them."""
        return list(json.loads(self.state.read_text("utf-8"))["documents"]) if self.state.exists() else []

    def receipts(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if d[self.type_field] in self.receipt_types]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


Server = TypeVar("Server", bound=FakeRegisterServer)


def start_fake_server(kind: type[Server], state: Path, *arguments: str) -> Server:
    process = subprocess.Popen([sys.executable, "-m", kind.module, "--port", "0", "--state", str(state), *arguments],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    address = process.stdout.readline().split()[-1]
    assert address.startswith("http://127.0.0.1:"), address
    return kind(process, address, state)
