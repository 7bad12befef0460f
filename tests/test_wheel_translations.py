"""A wheel built from a clean checkout carries the compiled translations.

The .qm files are build output (git-ignored, made by ``make translations``): a wheel built from what
git holds had none, and an installed desk spoke English only. The build compiles them (setup.py's
build_py); this builds a wheel from HEAD's files alone, without network or dependency installs, and
reads a translation back out of it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory when the machine has one (tmpfs): writing the checkout's thousand files to a busy disk
    took longer than building the wheel."""
    memory = Path("/dev/shm")
    if not (memory.is_dir() and os.access(memory, os.W_OK)):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(prefix="desk-wheel-", dir=memory) as folder:
        yield Path(folder)


@pytest.fixture
def qt_core():
    return pytest.importorskip("PySide6.QtCore")


def test_a_wheel_built_from_a_clean_checkout_speaks_russian_and_bulgarian(tmp_path: Path, scratch: Path,
                                                                          qt_core):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to archive")
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    source = scratch / "checkout"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(source, filter="data")
    assert not list(source.rglob("*.qm")), "the checkout is not clean: it holds compiled translations"

    wheels = scratch / "wheels"
    # The build backend's own build_wheel, as pip and `python -m build` call it (PEP 517) and as the wheel is
    # made: pip's other steps (its metadata run, resolving, copying) took two thirds of the time and are not
    # what this test is about.
    backend = tomllib.loads((source / "pyproject.toml").read_text("utf-8"))["build-system"]["build-backend"]
    built = subprocess.run([sys.executable, "-c", f"import importlib; importlib.import_module({backend!r})"
                            f".build_wheel({str(wheels)!r})"], cwd=source, capture_output=True, text=True,
                           timeout=240)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as contents:
        compiled = {name: contents.read(name) for name in contents.namelist() if name.endswith(".qm")}
    assert set(compiled) == {"ui/i18n/desk_ru.qm", "ui/i18n/desk_bg.qm"}

    for language, expected in (("ru", "Резервная копия базы данных"), ("bg", "Резервно копие на базата данни")):
        path = tmp_path / f"desk_{language}.qm"
        path.write_bytes(compiled[f"ui/i18n/desk_{language}.qm"])
        translator = qt_core.QTranslator()
        assert translator.load(str(path))
        assert translator.translate("BackupDialog", "Back up the database") == expected
