"""A run that crosses midnight: the suite collects on one day and may run a test on the next.

A date or time read as a module is imported (a constant, a parametrize argument, a default value) or once for
many tests (a module- or session-scoped fixture) is then the day before the one a hotel opens as the test runs
("Arrival cannot be before the business date"). Tests take the day from the ``today`` fixture
(tests/conftest.py) or read the clock in their own body. tests/crossing_midnight.py replays such a run:
``pytest -p tests.crossing_midnight tests/desk/test_stays.py`` collects on yesterday's date.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# What reads the clock: date.today(), datetime.now(), datetime.today(), datetime.utcnow(), desk's utcnow(),
# time.time() (by the last name called, however the module was imported).
CLOCK_CALLS = frozenset({"today", "now", "utcnow", "time"})
LONG_LIVED_SCOPES = frozenset({"module", "session", "package", "class"})
# A long-lived fixture may read the clock once for what it builds when its line says why and its tests read
# the day back from what it built, never from the clock again.
ON_PURPOSE = "# read once:"


def _clock_calls(node: ast.AST) -> Iterator[ast.Call]:
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            given = call.args or call.keywords
            if (name in CLOCK_CALLS and not given) or (name == "now" and given):
                yield call


def _long_lived_fixture(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(keyword.arg == "scope" and isinstance(keyword.value, ast.Constant)
               and keyword.value.value in LONG_LIVED_SCOPES
               for decorator in function.decorator_list if isinstance(decorator, ast.Call)
               for keyword in decorator.keywords)


def _read_at_import(tree: ast.Module) -> Iterator[ast.Call]:
    """Clock readings evaluated as the module is imported, or in a fixture that outlives one test."""

    def visit(node: ast.AST) -> Iterator[ast.Call]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for outside in (*node.decorator_list, *node.args.defaults, *node.args.kw_defaults):
                if outside is not None:
                    yield from _clock_calls(outside)
            if _long_lived_fixture(node):
                for statement in node.body:
                    yield from _clock_calls(statement)
            return  # its body runs when called: in the test
        if isinstance(node, ast.Lambda):
            yield from (call for default in node.args.defaults for call in _clock_calls(default))
            return
        if isinstance(node, ast.Call) and node in calls:
            yield node
        for child in ast.iter_child_nodes(node):
            yield from visit(child)

    calls = set(_clock_calls(tree))
    yield from visit(tree)


def test_no_test_reads_the_date_or_time_at_import() -> None:
    found = [f"{path.relative_to(TESTS.parent)}:{call.lineno}: {ast.unparse(call)}"
             for path in sorted(TESTS.rglob("*.py"))
             for lines in [path.read_text(encoding="utf-8").splitlines()]
             for call in _read_at_import(ast.parse("\n".join(lines)))
             if ON_PURPOSE not in lines[call.lineno - 1]]
    assert not found, "read before the test runs (use the today fixture, or read it in the test):\n" + "\n".join(found)


def test_the_check_finds_a_constant_a_parametrize_argument_a_default_and_a_session_fixture() -> None:
    source = '''
import datetime as dt
from datetime import date, timedelta
import pytest
TODAY = date.today()
NOW = dt.datetime.now(dt.UTC)
LATER = dt.datetime.now(tz=dt.UTC)
class Rows:
    DAY = date.today() + timedelta(days=1)
@pytest.mark.parametrize("day", [date.today()])
def test_a(day, later=date.today()): pass
@pytest.fixture(scope="session")
def opened(): return date.today()
def test_b(today): return date.today(), (lambda: dt.datetime.now(dt.UTC))()
@pytest.fixture
def fresh(): return date.today()
'''
    lines = [call.lineno for call in _read_at_import(ast.parse(source))]
    assert lines == [5, 6, 7, 9, 10, 11, 13]
