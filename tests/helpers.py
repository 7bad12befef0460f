"""Small helpers every test suite uses (desk, pos, ui): written once here."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from desk.core.money import Money


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def pdf_text(source: str | os.PathLike[str] | bytes) -> str:
    """The text of a PDF (a file, or its bytes), a page after the other."""
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_words(source: str | os.PathLike[str] | bytes) -> str:
    """The PDF's text with every run of spaces and line breaks one space: table cells come out a line each."""
    return " ".join(pdf_text(source).split())


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on (yet)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def kill_child_when(code: str, reached: Callable[[], bool], device: str) -> subprocess.Popen[bytes]:
    """Run ``code`` in a child Python from the repository's root until ``reached()`` says it is where
    it must die (at its ``device``), then SIGKILL it there; the dead child is returned."""
    process = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1])
    try:
        deadline = time.monotonic() + 60
        while not reached():
            assert process.poll() is None, "the child died on its own"
            assert time.monotonic() < deadline, f"the child never reached the {device}"
            time.sleep(0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    return process


def desk_in_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``desk ARGS`` through ``desk.cli.main.main`` in this process, with ``env`` added to the environment for it
    alone: its exit status and what it printed, as ``subprocess.run([sys.executable, "-m", "desk", *args])`` gives
    them, without a second of a new interpreter importing the program. A test that is about the script's own way
    in, or about a process that dies, starts a real one."""
    import contextlib
    import io

    import pytest

    from desk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        status = main(list(args))
    return subprocess.CompletedProcess(["desk", *args], status, out.getvalue(), err.getvalue())


def index_condition(index: Mapping[str, Any]) -> Any:
    """The WHERE of an index as the inspector reflects it (SQLite's or PostgreSQL's): a partial
    index's condition, None for an index of every row."""
    options = index.get("dialect_options", {})
    where = options.get("sqlite_where")
    return where if where is not None else options.get("postgresql_where")
