"""A run that crosses midnight, replayed: ``python -m pytest -p tests.crossing_midnight -n 0 tests/desk/test_stays.py``.

Until pytest has collected the tests, ``date.today()``, ``datetime.now()``, ``datetime.today()`` and
``datetime.utcnow()`` read a day earlier, as if the run had started just before midnight; the tests then run on
the real clock, the one the hotel fixtures, the desk processes they start and the PostgreSQL server read. A test
module that kept a date from its import fails as it did in a run from 23:49 to 00:05 ("Arrival cannot be before
the business date"); tests/test_midnight.py keeps such reads out of the suite.

Only the date and datetime classes of the ``datetime`` module are replaced, before the suite imports anything
(``-p`` plugins are imported before any conftest). What they make is the real classes' own: a date built, read
from the database or compared is never of another type.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import pkgutil
from typing import Any

import pytest


def _import_the_program() -> None:
    """The program's modules imported before the replacement, bound to the real classes: SQLAlchemy maps a
    ``Mapped[date]`` column, and the drivers adapt a value, by its class. None of them reads the clock as it is
    imported; the test modules, imported after, are what this replays. FastAPI imports pydantic's v1 (which
    subclasses date) only as a route is added, and psycopg's C part caches the classes: imported here too."""
    for library in ("psycopg", "pydantic.v1"):
        importlib.import_module(library)
    for package in ("desk", "hardware", "ui"):
        for module in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if not module.name.endswith("__main__"):
                with contextlib.suppress(Exception):
                    importlib.import_module(module.name)


_import_the_program()

_REAL_DATE = datetime.date
_REAL_DATETIME = datetime.datetime
_COLLECTING = datetime.timedelta(days=-1)
_shift = [_COLLECTING]


class _ActsAsTheRealClass(type):
    """isinstance and issubclass of a replacement answer for the real class it stands for."""

    _real: type

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, cls._real)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, cls._real)


class _Date(_REAL_DATE, metaclass=_ActsAsTheRealClass):
    _real = _REAL_DATE

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:  # the real class's: nothing is made of this one
        return _REAL_DATE(*args, **kwargs)

    @classmethod
    def today(cls) -> Any:
        return _REAL_DATE.today() + _shift[0]


class _Datetime(_REAL_DATETIME, metaclass=_ActsAsTheRealClass):
    _real = _REAL_DATETIME

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        return _REAL_DATETIME(*args, **kwargs)

    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> Any:
        return _REAL_DATETIME.now(tz) + _shift[0]

    @classmethod
    def today(cls) -> Any:
        return _REAL_DATETIME.today() + _shift[0]

    @classmethod
    def utcnow(cls) -> Any:
        return _REAL_DATETIME.now(datetime.UTC).replace(tzinfo=None) + _shift[0]


datetime.date = _Date  # type: ignore[misc]
datetime.datetime = _Datetime  # type: ignore[misc]


def pytest_collection_finish(session: pytest.Session) -> None:
    collected_on = _Date.today()
    _shift[0] = datetime.timedelta(0)
    session.config.pluginmanager.get_plugin("terminalreporter").write_line(  # type: ignore[union-attr]
        f"crossing midnight: collected on {collected_on}, running on {_Date.today()}")
