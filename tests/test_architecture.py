"""Layering rules that keep the domain and the hardware layer free of the GUI.

- `desk` (domain) and `hardware` never import Qt: they must run in a service, a script, a test
  without a display.
- `hardware` does not import `desk` or `ui`: drivers know nothing about folios or windows.
- `ui` imports neither `hardware` nor SQLAlchemy (not even for a type hint under TYPE_CHECKING).

Checked twice: statically (AST scan of every source file, so an import hidden in a function or a
rarely-taken branch is caught too) and dynamically (importing every module in a clean interpreter
must not load PySide6, so a transitive import through a third-party module is caught too).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_ROOTS = frozenset({"PySide6", "PySide2", "PyQt6", "PyQt5", "shiboken6", "shiboken2", "qtpy", "sip"})
GUI_FREE_PACKAGES = ("desk", "hardware")

# Modules that cannot be imported on their own: alembic's env.py runs migrations at import time
# and needs alembic's runtime context; a __main__ module runs the program. (The static checks still
# read them.)
IMPORT_SKIP = frozenset({"desk.db.migrations.env"})


# -- helpers (also exercised on synthetic trees below, to prove the checks bite) --------------------


def iter_sources(root: Path, package: str) -> Iterator[tuple[str, Path]]:
    """(dotted module name, path) for every .py file of `package` under `root`."""
    pkg_dir = root / package
    for path in sorted(pkg_dir.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def imported_modules(module: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) for every import in a source file, relative ones resolved.

    `importlib.import_module("x")` / `__import__("x")` with a literal name count as imports too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                drop = node.level - 1
                base = base[: len(base) - drop] if drop else base
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield node.lineno, target
            # `from . import ui` or `from pkg import PySide6`-style: the names may be modules too.
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}" if target else alias.name
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                name in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield node.lineno, first.value


def forbidden_imports(root: Path, packages: Iterable[str], banned_roots: Iterable[str]) -> list[str]:
    banned = frozenset(banned_roots)
    found = []
    for package in packages:
        for module, path in iter_sources(root, package):
            for lineno, target in imported_modules(module, path):
                if target.split(".")[0] in banned:
                    found.append(f"{path.relative_to(root)}:{lineno}: imports {target}")
    return sorted(set(found))


_IMPORT_ALL = r"""
import importlib, json, sys
request = json.load(sys.stdin)
modules, qt_roots = request["modules"], set(request["qt_roots"])
failed = {}
for name in modules:
    try:
        importlib.import_module(name)
    except Exception as exc:  # reported, not hidden: a module that cannot import is a bug too
        failed[name] = f"{type(exc).__name__}: {exc}"
qt = sorted(m for m in sys.modules if m.split(".")[0] in qt_roots)
print(json.dumps({"failed": failed, "qt": qt}))
"""


def import_in_clean_interpreter(root: Path, modules: list[str]) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL],
        input=json.dumps({"modules": modules, "qt_roots": sorted(QT_ROOTS)}),
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def importable_modules(root: Path, packages: Iterable[str]) -> list[str]:
    return [
        module
        for package in packages
        for module, _ in iter_sources(root, package)
        if module not in IMPORT_SKIP
        and ".migrations.versions." not in module
        and not module.endswith(".__main__")
    ]


# -- the rules on the real code ---------------------------------------------------------------------


def test_domain_and_hardware_do_not_load_qt_at_import() -> None:
    modules = importable_modules(ROOT, GUI_FREE_PACKAGES)
    result = import_in_clean_interpreter(ROOT, modules)
    assert result["failed"] == {}, f"modules that fail to import: {result['failed']}"
    assert result["qt"] == [], f"importing {GUI_FREE_PACKAGES} loaded Qt modules: {result['qt']}"


def test_domain_and_hardware_sources_do_not_import_qt() -> None:
    assert forbidden_imports(ROOT, GUI_FREE_PACKAGES, QT_ROOTS) == []


def test_ui_reaches_devices_only_through_desk() -> None:
    # Screens ask desk workflows; only desk/ builds and drives hardware objects.
    assert forbidden_imports(ROOT, ["ui"], {"hardware"}) == []


def test_ui_does_not_import_sqlalchemy() -> None:
    # Screens hold views and call use cases; sessions and queries stay in desk (even for type hints).
    assert forbidden_imports(ROOT, ["ui"], {"sqlalchemy"}) == []


def test_hardware_does_not_import_domain_or_ui() -> None:
    assert forbidden_imports(ROOT, ["hardware"], {"desk", "ui"}) == []


# -- the checks themselves catch violations (synthetic trees) ---------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6\n",
        "from PySide6.QtWidgets import QWidget\n",
        "import shiboken6 as sb\n",
        "def f():\n    from PyQt6 import QtCore\n",
        "import typing\nif typing.TYPE_CHECKING:\n    import PySide6.QtCore\n",
        "import importlib\nqt = importlib.import_module('PySide6.QtGui')\n",
    ],
)
def test_static_check_catches_qt_import(tmp_path: Path, source: str) -> None:
    root = _tree(
        tmp_path, {"desk/__init__.py": "", "desk/sub/bad.py": source, "hardware/ok.py": "import os\n"}
    )
    found = forbidden_imports(root, GUI_FREE_PACKAGES, QT_ROOTS)
    assert found, "the Qt import was not detected"
    assert all(f.startswith("desk/sub/bad.py:") for f in found), found


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("import desk.core.money\n", "desk.core.money"),
        ("from desk import money\n", "desk"),
        ("from ui.main_window import MainWindow\n", "ui.main_window"),
        ("import ui\n", "ui"),
    ],
)
def test_static_check_catches_hardware_importing_upper_layers(
    tmp_path: Path, source: str, target: str
) -> None:
    root = _tree(tmp_path, {"hardware/__init__.py": "", "hardware/printer.py": source})
    found = forbidden_imports(root, ["hardware"], {"desk", "ui"})
    assert f"hardware/printer.py:1: imports {target}" in found


@pytest.mark.parametrize(
    "source",
    [
        "from sqlalchemy.orm import Session\n",
        "from __future__ import annotations\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n",
        "import typing\nif typing.TYPE_CHECKING:\n    import sqlalchemy\n",
        "def f():\n    from sqlalchemy import select\n",
    ],
)
def test_static_check_catches_ui_importing_sqlalchemy(tmp_path: Path, source: str) -> None:
    root = _tree(tmp_path, {"ui/__init__.py": "", "ui/dialogs/bad.py": source, "ui/ok.py": "import desk.db.engine\n"})
    found = forbidden_imports(root, ["ui"], {"sqlalchemy"})
    assert found and all(f.startswith("ui/dialogs/bad.py:") for f in found), found


def test_static_check_resolves_relative_imports(tmp_path: Path) -> None:
    # `from .. import ui` inside hardware/usb/ means hardware.ui, not the top-level ui package.
    root = _tree(
        tmp_path,
        {
            "hardware/__init__.py": "",
            "hardware/usb/__init__.py": "from .. import ui\n",
            "hardware/usb/t.py": "from .escpos import PySide6\n",
        },
    )
    assert forbidden_imports(root, ["hardware"], {"desk", "ui"}) == []
    assert forbidden_imports(root, ["hardware"], QT_ROOTS) == []
    targets = {t for _, t in imported_modules("hardware.usb", root / "hardware/usb/__init__.py")}
    assert targets == {"hardware", "hardware.ui"}
    targets = {t for _, t in imported_modules("hardware.usb.t", root / "hardware/usb/t.py")}
    assert targets == {"hardware.usb.escpos", "hardware.usb.escpos.PySide6"}


def test_dynamic_check_catches_transitive_qt_import(tmp_path: Path) -> None:
    # desk.a does not mention Qt; it imports a helper outside the checked packages that does.
    root = _tree(
        tmp_path,
        {
            "desk/__init__.py": "",
            "desk/a.py": "import helper_lib\n",
            "desk/db/migrations/env.py": "raise RuntimeError('needs alembic context')\n",
            "desk/__main__.py": "raise SystemExit('would run the program')\n",
            "helper_lib.py": "import PySide6.QtCore\n",
        },
    )
    modules = importable_modules(root, ["desk"])
    assert "desk.db.migrations.env" not in modules and "desk.__main__" not in modules
    assert "desk.a" in modules
    result = import_in_clean_interpreter(root, modules)
    assert result["failed"] == {}
    assert "PySide6.QtCore" in result["qt"]  # type: ignore[operator]


# -- every write use case declares its right -------------------------------------------------------

RIGHT_CHECKS = frozenset({"require", "authorise"})


def write_use_cases(path: Path) -> Iterator[ast.FunctionDef]:
    """Public module-level functions taking ``(session, actor, ...)``: the use cases that write."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            names = [arg.arg for arg in node.args.args[:2]]
            if names == ["session", "actor"]:
                yield node


def declared_right(function: ast.FunctionDef) -> str | None:
    """The right the function checks as its first step (``require(actor, Right.X)`` or
    ``... = authorise(session, actor, Right.X, approval)``), or None."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body:
        return None
    first = body[0]
    call = first.value if isinstance(first, ast.Expr | ast.Assign) else None
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name) or call.func.id not in RIGHT_CHECKS:
        return None
    for arg in call.args:
        if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "Right":
            return arg.attr
    return None


def desk_use_cases() -> list[tuple[str, ast.FunctionDef]]:
    return [
        (f"{module}.{function.name}", function)
        for module, path in iter_sources(ROOT, "desk")
        if ".migrations" not in module and module != "desk.people.auth"  # auth holds the checks themselves
        for function in write_use_cases(path)
    ]


def test_every_write_use_case_declares_its_right_first():
    from desk.people.rights import Right

    use_cases = desk_use_cases()
    names = {name for name, _ in use_cases}
    # The walk finds the use cases the rights were written for (a broken walk finds none).
    assert {"desk.ledger.payments.take_payment", "desk.ledger.payments.refund_payment",
            "desk.ledger.postings.void_posting", "desk.stays.reservations.check_out", "desk.ledger.bills.split_bill",
            "desk.fiscal.receipts.request_receipt"} <= names
    missing = [name for name, function in use_cases if declared_right(function) is None]
    assert not missing, f"write use cases that do not check a right first: {missing}"
    unknown = [name for name, function in use_cases if declared_right(function) not in Right.__members__]
    assert not unknown, unknown


def test_the_right_check_finds_a_use_case_that_forgot_it(tmp_path: Path):
    source = tmp_path / "uc.py"
    source.write_text(
        "def good(session, actor, x):\n"
        '    """Doc."""\n'
        "    require(actor, Right.REFUND)\n"
        "def approved(session, actor, x, approval=None):\n"
        "    who = authorise(session, actor, Right.VOID_POSTING, approval)\n"
        "def late(session, actor, x):\n"
        "    y = x\n"
        "    require(actor, Right.REFUND)\n"
        "def forgot(session, actor, x):\n"
        "    return x\n"
        "def query(session, x):\n"
        "    return x\n",
        encoding="utf-8",
    )
    found = {function.name: declared_right(function) for function in write_use_cases(source)}
    assert found == {"good": "REFUND", "approved": "VOID_POSTING", "late": None, "forgot": None}
