#!/usr/bin/env python3
"""Refresh the translation sources and compile them.

    python packaging/build_translations.py            # compile .ts -> ui/i18n/*.qm (same as --release)
    python packaging/build_translations.py --update   # collect strings from ui/**/*.py into the .ts files

``--update`` runs ``pyside6-lupdate`` over every ``ui/**/*.py`` and merges new strings into
``resources/i18n/desk_<lang>.ts`` (existing translations are kept; vanished ones are kept as
obsolete, so a reworded string can reuse its old translation). Then translate the entries marked
``type="unfinished"`` (with ``pyside6-linguist`` or by hand, removing the mark) and compile.

desk/ has no Qt: its refusals and ledger texts reach lupdate through ``ui/desk_messages.py``,
which ``packaging/desk_messages.py`` generates; run it before ``--update`` after changing a raise.

``--release`` runs ``pyside6-lrelease`` to build ``ui/i18n/desk_<lang>.qm``. Both steps skip files
that are already newer than their inputs, so running this on every build costs nothing; ``--force``
rebuilds anyway. A missing tool or a failing tool exits non-zero.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "ui"
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "ui" / "i18n"
LANGUAGES = ("ru", "bg")


class ToolMissing(RuntimeError):
    pass


def find_tool(name: str) -> list[str]:
    """The command that runs Qt's ``name`` tool (``lupdate``, ``lrelease``) from PySide6.

    Tries the ``pyside6-<name>`` wrapper beside this interpreter (a venv), then on PATH, then the
    binary shipped inside the PySide6 package (PySide6-Essentials has both tools).
    """
    wrapper = f"pyside6-{name}"
    beside = Path(sys.executable).parent / wrapper
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    on_path = shutil.which(wrapper)
    if on_path:
        return [on_path]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        package_dir = Path(spec.origin).parent
        for binary in (package_dir / name, package_dir / f"{name}.exe"):
            if binary.is_file():
                return [str(binary)]
    raise ToolMissing(
        f"{wrapper} not found (looked beside {sys.executable}, on PATH and in the PySide6 package); "
        "install PySide6-Essentials in this environment"
    )


def ts_path(language: str, ts_dir: Path = TS_DIR) -> Path:
    return ts_dir / f"desk_{language}.ts"


def qm_path(language: str, qm_dir: Path = QM_DIR) -> Path:
    return qm_dir / f"desk_{language}.qm"


def python_sources(source_dir: Path = SOURCE_DIR) -> list[Path]:
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def is_stale(target: Path, inputs: Iterable[Path]) -> bool:
    """True if ``target`` is missing or older than any of ``inputs``."""
    if not target.exists():
        return True
    built = target.stat().st_mtime
    return any(p.stat().st_mtime > built for p in inputs)


def _run(command: Sequence[str]) -> None:
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, command)


def update(
    languages: Sequence[str] = LANGUAGES,
    *,
    source_dir: Path = SOURCE_DIR,
    ts_dir: Path = TS_DIR,
    force: bool = False,
) -> list[Path]:
    """Merge the strings of ``source_dir/**/*.py`` into each ``.ts``; returns the files updated."""
    sources = python_sources(source_dir)
    if not sources:
        raise FileNotFoundError(f"no Python sources under {source_dir}")
    ts_dir.mkdir(parents=True, exist_ok=True)
    stale = [lang for lang in languages if force or is_stale(ts_path(lang, ts_dir), sources)]
    if not stale:
        return []
    lupdate = find_tool("lupdate")
    updated = []
    for language in stale:
        target = ts_path(language, ts_dir)
        # No source locations: line numbers would churn every .ts diff whenever code moves.
        _run([*lupdate, *map(str, sources), "-locations", "none",
              "-source-language", "en", "-target-language", language, "-ts", str(target)])
        target.touch()  # lupdate leaves an unchanged file alone; mark it up to date anyway
        updated.append(target)
    return updated


def release(
    languages: Sequence[str] = LANGUAGES,
    *,
    ts_dir: Path = TS_DIR,
    qm_dir: Path = QM_DIR,
    force: bool = False,
) -> list[Path]:
    """Compile each ``.ts`` into ``qm_dir``; returns the ``.qm`` files built."""
    qm_dir.mkdir(parents=True, exist_ok=True)
    todo = []
    for language in languages:
        source = ts_path(language, ts_dir)
        if not source.exists():
            raise FileNotFoundError(f"{source} is missing; run with --update first")
        if force or is_stale(qm_path(language, qm_dir), [source]):
            todo.append(language)
    if not todo:
        return []
    lrelease = find_tool("lrelease")
    built = []
    for language in todo:
        target = qm_path(language, qm_dir)
        _run([*lrelease, str(ts_path(language, ts_dir)), "-qm", str(target)])
        if not target.exists():
            raise FileNotFoundError(f"lrelease reported success but wrote no {target}")
        built.append(target)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from ui/**/*.py")
    parser.add_argument("--release", action="store_true", help="compile the .qm files (the default)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), metavar="LANG")
    parser.add_argument("--qm-dir", type=Path, default=QM_DIR, help=f"output directory (default {QM_DIR})")
    args = parser.parse_args(argv)

    try:
        if args.update:
            updated = update(args.languages, force=args.force)
            for path in updated:
                print(f"updated {path.relative_to(ROOT)}")
            if not updated:
                print("translation sources up to date")
        if args.release or not args.update:
            built = release(args.languages, qm_dir=args.qm_dir, force=args.force)
            for path in built:
                print(f"built {path}")
            if not built:
                print("translations up to date")
    except (ToolMissing, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"error: {' '.join(exc.cmd)} failed with exit status {exc.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
