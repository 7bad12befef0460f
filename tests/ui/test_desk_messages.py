"""desk/'s message templates reach ui/'s catalogue, have Russian and Bulgarian translations,
and are shown with their parameters formatted in the clerk's locale."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desk.core.errors import BillNotSettled, InvalidInput, NotFound
from desk.core.money import Money
from ui import desk_messages, i18n
from ui.desk_text import error_text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "desk_messages.py"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("desk_messages_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def translations(language: str, context: str) -> dict[str, str | None]:
    """source -> finished translation (None when unfinished) of one context of a .ts file."""
    root = ET.parse(ROOT / "resources" / "i18n" / f"desk_{language}.ts").getroot()
    found: dict[str, str | None] = {}
    for element in root.iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            found[message.findtext("source") or ""] = translation.text if finished else None
    return found


def test_no_refusal_is_raised_with_an_f_string(script):
    assert script.collect().untranslatable == []


def test_every_template_raised_in_desk_is_in_the_catalogue(script):
    catalogue = script.collect()
    assert catalogue.errors, "the walk found no templates: the script is broken"
    assert "Bill {bill} owes only {balance}" in catalogue.errors
    assert set(catalogue.errors) <= set(desk_messages.ERRORS), "run packaging/desk_messages.py"
    assert set(catalogue.texts) <= set(desk_messages.TEXTS), "run packaging/desk_messages.py"


def test_the_generated_catalogue_is_up_to_date():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", ["ru", "bg"])
@pytest.mark.parametrize(("context", "name"), [("DeskError", "errors"), ("DeskText", "texts")])
def test_every_template_has_a_translation_with_the_same_placeholders(script, language, context, name):
    templates = getattr(script.collect(), name)
    translated = translations(language, context)
    problems = []
    for template in templates:
        text = translated.get(template)
        if not text:
            problems.append(f"no {language} translation: {template}")
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(template)):
            problems.append(f"placeholders differ: {template} -> {text}")
    assert problems == []


def test_the_walk_catches_an_f_string_and_a_marked_template(script, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "errors.py").write_text("class DeskError(Exception): ...\nclass NotFound(DeskError): ...\n"
                                    "def N_(t): return t\n")
    (desk / "ledger").mkdir()
    (desk / "ledger" / "texts.py").write_text('HELLO = "Hello {name}"\n')
    (desk / "stays").mkdir()
    (desk / "stays" / "reservations.py").write_text(
        "from desk.core.errors import NotFound, N_\n"
        "def f(n):\n"
        '    raise NotFound(f"Room {n} is gone")\n'
        "def g(n):\n"
        '    raise NotFound("Room {room} is gone", room=n)\n'
        'LABELS = {"x": N_("Marked {key}")}\n'
    )
    catalogue = script.collect(desk)
    assert catalogue.errors == ["Marked {key}", "Room {room} is gone"]
    assert catalogue.texts == ["Hello {name}"]
    assert catalogue.untranslatable == ["desk/stays/reservations.py:3"]


@pytest.fixture
def russian(qtbot, qm_dir) -> Iterator[None]:
    saved = QLocale()
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(QCoreApplication.instance(), "en")
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


def test_a_refusal_is_translated_with_money_and_dates_in_the_locale(russian):
    owed = InvalidInput("Bill {bill} owes only {balance}", field="amount", bill="000123",
                        balance=Money.of("1234.5", "EUR"))
    assert error_text(owed) == "По счёту 000123 к оплате только 1\u00a0234,50\u00a0EUR"
    arrives = InvalidInput("Reservation {reservation} arrives on {date}", reservation="R1", date=dt.date(2026, 12, 24))
    assert error_text(arrives) == "Заезд по брони R1 — 24.12.2026"
    unsettled = BillNotSettled("Settle every bill before check-out (bills {bills})",
                               bills=[("000001", Money.of("10", "EUR")), ("000002", Money.of("5", "EUR"))])
    assert error_text(unsettled) == (
        "Перед выездом закройте все счета (счета 000001: 10,00\u00a0EUR, 000002: 5,00\u00a0EUR)")


def test_english_keeps_the_desks_own_text(qtbot):
    i18n.install_translator(QCoreApplication.instance(), "en")
    missing = NotFound("Payment {payment} does not exist", payment=7)
    assert error_text(missing) == missing.message == "Payment 7 does not exist"
    assert error_text(ValueError("plain")) == "plain"


def test_a_pending_card_operation_reads_as_pending_in_russian_not_as_the_terminals(russian):
    from desk.journal.intents import Reconciled
    from ui.cards.operations import reconciled_text

    pending = InvalidInput("A card operation on this is still pending: resolve it first", field="payment")
    assert "терминал" not in error_text(pending) and "операция по карте" in error_text(pending).lower()
    assert reconciled_text(Reconciled(still_unknown=[1], awaiting_confirmation=[1])) == (
        "Операции по картам: 1 ожидает подтверждения карточного оператора.")
