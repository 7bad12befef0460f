"""Each feature of desk/ is one package whose docstring says what it may import, and does.

- Every package of desk/ ends its docstring with ``Imports: a, b.models, ...`` (or ``Imports:
  nothing``): the packages of desk/ it uses at run time (imports under ``TYPE_CHECKING`` are types
  only and do not count), ``x.models`` meaning only that feature's tables. The test holds the list
  exact both ways, so the docstring stays the map a newcomer reads.
- Leaving the tables aside, the arrows between features never come back: no cycle.
- Nobody imports a private name (``_x``) from another package, in desk/, ui/ or hardware/, by
  ``from m import _x`` or by ``m._x`` on an imported module. Modules of one package share theirs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The last paragraph of a package's docstring: "Imports: a, b.models, c." (it may wrap).
IMPORTS_LINE = re.compile(r"^Imports: (.+?)\.?\s*\Z", re.MULTILINE | re.DOTALL)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def runtime_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that runs, wherever it is (a function's too), except under TYPE_CHECKING."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for other in node.orelse:
                yield from runtime_imports(other)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from runtime_imports(node)


def absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def modules_of(root: Path, top: str) -> Iterator[tuple[str, Path]]:
    for path in sorted((root / top).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def feature_of(module: str) -> str | None:
    """``desk.ledger.payments`` -> ``ledger``; ``desk.ledger.models`` -> ``ledger.models``."""
    parts = module.split(".")
    if parts[0] != "desk" or len(parts) < 2:
        return None
    if len(parts) >= 3 and parts[2] == "models":
        return f"{parts[1]}.models"
    return parts[1]


def used_features(root: Path) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for module, path in modules_of(root, "desk"):
        own = module.split(".")
        if len(own) < 2 or not (root / "desk" / own[1]).is_dir():
            continue
        feature = own[1]
        seen = used.setdefault(feature, set())
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in runtime_imports(tree):
            targets = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                absolute(module, node, path.name == "__init__.py")]
            if isinstance(node, ast.ImportFrom) and targets[0] == "desk":
                targets = [f"desk.{a.name}" for a in node.names]
            for target in targets:
                other = feature_of(target)
                if other is not None and other.split(".")[0] != feature:
                    seen.add(other)
                elif target.split(".")[0] == "hardware":
                    seen.add("hardware")
    # A feature that uses another whole needs no separate word for its tables.
    return {f: {u for u in s if not (u.endswith(".models") and u.removesuffix(".models") in s)}
            for f, s in used.items()}


def declared_features(root: Path) -> dict[str, set[str] | None]:
    declared: dict[str, set[str] | None] = {}
    for init in sorted((root / "desk").glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        found = IMPORTS_LINE.search(doc)
        if not found:
            declared[init.parent.name] = None
            continue
        words = {w.strip() for w in found.group(1).replace("\n", " ").split(",")}
        declared[init.parent.name] = set() if words == {"nothing"} else words
    return declared


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle among the features (tables left aside), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.endswith(".models") or nxt == "hardware":
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def private_imports(root: Path, top: str) -> Iterator[str]:
    """``path:line name`` for every private name taken from another package."""
    for module, path in modules_of(root, top):
        package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_aliases: dict[str, str] = {}
        for node in runtime_imports(tree):
            if isinstance(node, ast.ImportFrom):
                source = absolute(module, node, path.name == "__init__.py")
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    if (root / Path(*full.split("."))).with_suffix(".py").exists() or (
                            root / Path(*full.split("."))).is_dir():
                        module_aliases[alias.asname or alias.name] = full
                    elif _private(alias.name) and _other_package(package, source):
                        yield f"{path.relative_to(root)}:{node.lineno} {source}.{alias.name}"
            else:
                for alias in node.names:
                    if alias.asname:
                        module_aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                    and node.value.id in module_aliases
                    and _other_package(package, module_aliases[node.value.id].rsplit(".", 1)[0])):
                yield f"{path.relative_to(root)}:{node.lineno} {module_aliases[node.value.id]}.{node.attr}"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _other_package(package: str, source_module: str) -> bool:
    """Whether a module of ``package`` importing from ``source_module`` crosses into another package."""
    source_package = source_module if source_module.count(".") < 1 else source_module.rsplit(".", 1)[0]
    return source_package != package and source_module != package


# -- the checks on the real tree -------------------------------------------------------------------


def test_every_feature_says_what_it_imports_and_imports_just_that():
    declared = declared_features(ROOT)
    missing = sorted(f for f, d in declared.items() if d is None)
    assert not missing, f"packages whose docstring lacks an 'Imports:' line: {missing}"
    used = used_features(ROOT)
    wrong = {f: {"undeclared": sorted(used.get(f, set()) - (d or set())),
                 "unused": sorted((d or set()) - used.get(f, set()))}
             for f, d in declared.items() if (d or set()) != used.get(f, set())}
    assert not wrong, f"docstrings out of step with the imports: {wrong}"


def test_the_features_have_no_cycle_apart_from_their_tables():
    found = cycle(used_features(ROOT))
    assert found is None, " -> ".join(found or [])


@pytest.mark.parametrize("top", ["desk", "ui", "hardware"])
def test_no_private_name_is_taken_from_another_package(top: str):
    found = list(private_imports(ROOT, top))
    assert not found, found


# -- the checks bite ------------------------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_the_import_check_sees_real_imports_and_not_type_only_ones(tmp_path: Path):
    root = _tree(tmp_path, {
        "desk/__init__.py": "",
        "desk/a/__init__.py": '"""A.\n\nImports: b."""\n',
        "desk/a/x.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desk.c.y import T\n"
                       "def f():\n    from desk.b import z\n    import desk.c.models\n",
        "desk/b/__init__.py": '"""B.\n\nImports: nothing."""\n',
        "desk/b/z.py": "",
        "desk/c/__init__.py": '"""C."""\n',
        "desk/c/models.py": "",
        "desk/c/y.py": "",
    })
    assert used_features(root)["a"] == {"b", "c.models"}
    assert declared_features(root) == {"a": {"b"}, "b": set(), "c": None}


def test_the_cycle_check_finds_a_cycle_but_not_through_tables():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b.models"}, "b": {"a"}}) is None


def test_the_private_name_check_bites(tmp_path: Path):
    root = _tree(tmp_path, {
        "desk/__init__.py": "",
        "desk/a/__init__.py": "",
        "desk/a/x.py": "def _mine(): pass\n",
        "desk/a/y.py": "from desk.a.x import _mine\n",  # the same package: allowed
        "desk/b/__init__.py": "",
        "desk/b/z.py": "from desk.a.x import _mine\nfrom desk.a import x\nx._mine()\nx.__name__\n",
    })
    assert sorted(private_imports(root, "desk")) == ["desk/b/z.py:1 desk.a.x._mine", "desk/b/z.py:3 desk.a.x._mine"]
