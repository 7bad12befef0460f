"""CSV files of rooms, services, companies or guests, imported whole or not at all.

The first line names the columns (in any order; those marked optional may be left out). Each row
goes through the use case that adds one by hand, so it is checked exactly as the windows check it:
money through Money in the hotel's currency, VAT codes, room types and numbers, tax ids. Every row
is tried, in a savepoint of its own, so that one import lists every line at fault; if any is, the
whole file is refused and the unit of work rolls back: nothing is written.

Excel's "CSV UTF-8" (a byte-order mark, ``;`` between values where the decimal point is a comma)
and plain ``,``-separated files are both read; a decimal comma is accepted in amounts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desk.core.errors import DeskError, InvalidInput
from desk.core.money import Money
from desk.hotel.catalogue import add_service
from desk.hotel.reference import base_currency
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.companies import add_company
from desk.stays.reservations import new_guest
from desk.stays.rooms import add_room

# Lines a refusal lists at most: a file of a wrong kind would otherwise list every line.
MAX_PROBLEMS = 50


class CsvRefused(DeskError):
    """The file as a whole cannot be read as the kind asked for."""

    field = "file"


class ImportRefused(DeskError):
    """Rows the use cases refused, each with its line number; nothing was imported."""

    field = "file"

    def __init__(self, problems: list[tuple[int, DeskError]]) -> None:
        super().__init__("The file was not imported: {count} lines refused", count=len(problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    imported: int


@dataclass(frozen=True)
class _Kind:
    required: tuple[str, ...]
    optional: tuple[str, ...]
    add: Callable[[Session, Actor, dict[str, str]], None]


def _amount(session: Session, row: dict[str, str], column: str) -> Money | None:
    text = row.get(column, "").strip()
    if not text:
        return None
    if "." not in text:
        text = text.replace(",", ".")  # a decimal comma, as Excel writes it in Russia and Bulgaria
    currency = row.get("currency", "").strip().upper() or base_currency(session)
    return Money.of(text, currency)


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput("“{value}” is not a whole number", field="number", value=text) from None


def _room(session: Session, actor: Actor, row: dict[str, str]) -> None:
    floor = row.get("floor", "").strip()
    add_room(session, actor, row["number"], row["type"].strip(), _whole_number(floor) if floor else 0)


def _service(session: Session, actor: Actor, row: dict[str, str]) -> None:
    price = _amount(session, row, "price")
    if price is None:
        raise InvalidInput("A service needs a price", field="price")
    add_service(session, actor, row["code"], row["name"], price, row["vat"].strip(), row.get("category", ""),
                       {"ru": row.get("name_ru", ""), "bg": row.get("name_bg", "")})


def _company(session: Session, actor: Actor, row: dict[str, str]) -> None:
    add_company(session, actor, row["name"], row.get("tax_id", ""), row.get("address", ""),
                       _amount(session, row, "credit_limit"))


def _guest(session: Session, actor: Actor, row: dict[str, str]) -> None:
    new_guest(session, actor, row["first_name"], row["last_name"], row.get("email", ""), row.get("phone", ""))


KINDS: dict[str, _Kind] = {
    "rooms": _Kind(("number", "type"), ("floor",), _room),
    "services": _Kind(("code", "name", "price", "vat"), ("category", "name_ru", "name_bg", "currency"), _service),
    "companies": _Kind(("name",), ("tax_id", "address", "credit_limit", "currency"), _company),
    "guests": _Kind(("first_name", "last_name"), ("email", "phone"), _guest),
}


def read_file(path: Path) -> bytes:
    """The file's bytes, or CsvRefused saying why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CsvRefused("{file} cannot be read: {reason}", file=path.name, reason=exc.strerror or str(exc)) from None


def _text(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvRefused("The file is not UTF-8 text (save it as CSV UTF-8)") from None


def _separator(header: str) -> str:
    return ";" if header.count(";") >= header.count(",") and ";" in header else ","


def csv_rows(content: bytes, kind: str, required: tuple[str, ...],
             optional: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each non-empty row of ``content`` with its line number, by the column names of its first line;
    CsvRefused when the file as a whole is not of ``kind``."""
    text = _text(content)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first_line))
    header = [name.strip().lower() for name in next(reader, [])]
    known = required + optional
    if not set(required) <= set(header):
        if header and not set(header) & set(known):
            raise CsvRefused("The first line must name the columns; {kind} need {columns}", kind=kind,
                             columns=", ".join(required))
        missing = [name for name in required if name not in header]
        raise CsvRefused("Column {column} is missing; {kind} need {columns}", column=missing[0], kind=kind,
                         columns=", ".join(required))
    for name in header:
        if name not in known:
            raise CsvRefused("Unknown column {column}; {kind} have {columns}", column=name, kind=kind,
                             columns=", ".join(known))
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue  # an empty line, as spreadsheets leave at the end
        if len(values) != len(header):
            raise CsvRefused("Line {line} has {count} values, the header {columns}", line=line, count=len(values),
                             columns=len(header))
        yield line, dict(zip(header, values, strict=True))


def import_csv(session: Session, actor: Actor, kind: str, content: bytes, file_name: str) -> ImportSummary:
    """Import every row of ``content`` as ``kind`` (rooms, services, companies, guests), or none."""
    require(actor, Right.IMPORT_DATA)
    spec = KINDS.get(kind)
    if spec is None:
        raise CsvRefused("Nothing can be imported as {kind}", field="kind", kind=kind)
    problems: list[tuple[int, DeskError]] = []
    imported = 0
    for line, row in csv_rows(content, kind, spec.required, spec.optional):
        try:
            with session.begin_nested():
                spec.add(session, actor, row)
                session.flush()
        except DeskError as problem:
            problems.append((line, problem))
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        imported += 1
    if problems:
        raise ImportRefused(problems)
    record_change(session, actor, "import", kind, f"{imported} {kind} from {file_name}")
    return ImportSummary(kind, imported)
