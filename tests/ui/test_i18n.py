"""ui.i18n: translators, locale-aware money/date formatting, exact number parsing."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from tests.ui.conftest import BUILD
from ui import i18n
from ui.i18n import format_amount, format_date, format_datetime, format_money, parse_decimal
from ui.ops import feedback

ROOT = Path(__file__).resolve().parents[2]
SPACES = ("\u00a0", "\u202f", " ")

EN = QLocale("en")
RU = QLocale("ru")
BG = QLocale("bg")


@pytest.fixture(autouse=True)
def restore_language(qtbot) -> Iterator[None]:
    saved = QLocale()
    yield
    i18n.remove_translators(QCoreApplication.instance())
    QLocale.setDefault(saved)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def without_spaces(text: str) -> str:
    for space in SPACES:
        text = text.replace(space, " ")
    return text


# --- translators ------------------------------------------------------------------------------


def test_build_script_writes_one_qm_per_language(qm_dir):
    assert sorted(p.name for p in qm_dir.iterdir()) == ["desk_bg.qm", "desk_ru.qm"]


def test_build_script_skips_up_to_date_files(qm_dir):
    result = subprocess.run([sys.executable, str(BUILD), "--qm-dir", str(qm_dir)],
                            capture_output=True, text=True, check=True)
    assert "translations up to date" in result.stdout


@pytest.fixture(scope="module")
def build_module():
    spec = importlib.util.spec_from_file_location("build_translations", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_update_collects_new_strings(tmp_path, build_module):
    sources = tmp_path / "ui"
    sources.mkdir()
    (sources / "window.py").write_text(
        'from PySide6.QtCore import QCoreApplication\n'
        'TITLE = QCoreApplication.translate("FolioWindow", "Bills and payments")\n',
        encoding="utf-8",
    )
    ts_dir = tmp_path / "ts"
    assert build_module.update(["ru"], source_dir=sources, ts_dir=ts_dir) == [ts_dir / "desk_ru.ts"]
    ts = (ts_dir / "desk_ru.ts").read_text(encoding="utf-8")
    assert "<source>Bills and payments</source>" in ts
    assert 'language="ru"' in ts
    assert build_module.update(["ru"], source_dir=sources, ts_dir=ts_dir) == []  # nothing changed


def test_missing_tool_fails_loudly(build_module):
    with pytest.raises(build_module.ToolMissing, match="pyside6-no-such-tool"):
        build_module.find_tool("no-such-tool")


def test_russian(qtbot, qm_dir):
    app = QCoreApplication.instance()
    assert i18n.install_translator(app, "ru", qm_dir=qm_dir) == "ru"
    assert tr("Op", "Error") == "Ошибка"
    assert tr("Numbers", "Enter a number.") == "Введите число."
    assert QLocale().language() == QLocale.Language.Russian
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in buttons.buttons()] == ["Отмена"]  # Qt's own qtbase_ru


def test_bulgarian_then_back_to_english(qtbot, qm_dir):
    app = QCoreApplication.instance()
    i18n.install_translator(app, "bg", qm_dir=qm_dir)
    assert tr("Op", "Error") == "Грешка"
    assert tr("Op", "Cancel") == "Отказ"

    i18n.install_translator(app, "en", qm_dir=qm_dir)
    assert tr("Op", "Error") == "Error"
    assert QLocale().language() == QLocale.Language.English


def test_error_box_of_an_op_is_translated(qtbot, qm_dir):
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    parent = QWidget()
    qtbot.addWidget(parent)
    box = feedback.show_error(parent, ValueError(""))
    assert box.windowTitle() == "Ошибка"
    assert box.text() == "Не удалось выполнить операцию."
    assert isinstance(box, QMessageBox)
    box.close()


def test_every_translation_is_finished():
    for language in ("ru", "bg"):
        source = (ROOT / "resources" / "i18n" / f"desk_{language}.ts").read_text(encoding="utf-8")
        assert 'type="unfinished"' not in source, f"desk_{language}.ts has untranslated strings"


def test_system_language_falls_back_to_english(qtbot, qm_dir):
    if QLocale.system().name().split("_")[0] in i18n.LANGUAGES:
        pytest.skip("the system language is supported; nothing to fall back from")
    assert i18n.install_translator(QCoreApplication.instance(), None, qm_dir=qm_dir) == "en"


def test_unknown_language_is_refused(qtbot):
    with pytest.raises(ValueError):
        i18n.install_translator(QCoreApplication.instance(), "de")


def test_missing_translation_file_warns_and_stays_english(qtbot, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="ui.i18n"):
        assert i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=tmp_path) == "ru"
    assert tr("Op", "Error") == "Error"
    assert "desk_ru.qm" in caplog.text


def test_pseudo_translation_stretches_every_string(qtbot, qm_dir, monkeypatch):
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)

    stretched = tr("Op", "The operation failed.")
    assert stretched.startswith("[The operation failed.") and stretched.endswith("]")
    assert len(stretched) >= len("The operation failed.") * 1.4
    assert tr("AnyWindow", "Make payment").startswith("[Make payment")
    assert tr("QShortcut", "Ctrl") != "[Ctrl··]"  # parsed by Qt, never stretched


def test_available_languages_are_named_in_themselves():
    assert i18n.available_languages() == [("en", "English"), ("ru", "Русский"), ("bg", "Български")]


# --- formatting -------------------------------------------------------------------------------


def test_format_money_russian_separators():
    text = format_money(Decimal("1234.5"), "RUB", 2, RU)
    assert without_spaces(text) == "1 234,50 RUB"


def test_format_money_english_separators():
    text = format_money(Decimal("1234.5"), "USD", 2, EN)
    assert "1,234.50" in text
    assert without_spaces(text) == "USD 1,234.50"


def test_format_money_uses_default_locale_and_currency_digits(qtbot):
    QLocale.setDefault(BG)
    assert without_spaces(format_money(Decimal("-12345.678"), "BHD", 3)) == "-12 345,678 BHD"
    assert without_spaces(format_money(Decimal("98765"), "JPY", 0)) == "98 765 JPY"


def test_format_money_looks_up_minor_units_in_the_domain():
    pytest.importorskip("desk.core.money")
    assert without_spaces(format_money(Decimal("5"), "KWD", locale=EN)) == "KWD 5.000"


def test_format_amount_is_exact_beyond_float_precision():
    amount = Decimal("12345678901234567.89")
    assert format_amount(amount, 2, EN) == "12,345,678,901,234,567.89"
    assert format_amount(Decimal("-0.004"), 2, EN) == "0.00"  # rounds to zero: no "-0.00"
    assert format_amount(Decimal("-0.5"), 2, EN) == "-0.50"
    with pytest.raises(TypeError):
        format_amount(1.5, 2, EN)  # type: ignore[arg-type]


def test_format_date_and_datetime_short_formats():
    day = dt.date(2024, 3, 9)
    moment = dt.datetime(2024, 3, 9, 14, 5)
    assert format_date(day, RU) == "09.03.2024"
    assert format_date(day, EN) == "3/9/24"
    assert format_datetime(moment, RU) == "09.03.2024 14:05"
    assert without_spaces(format_datetime(moment, EN)) == "3/9/24 2:05 PM"


def test_format_datetime_shows_aware_values_in_local_time():
    aware = dt.datetime(2024, 3, 9, 12, 0, tzinfo=dt.UTC)
    local = aware.astimezone().replace(tzinfo=None)
    assert format_datetime(aware, RU) == format_datetime(local, RU)


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("1234,50", RU, "1234.50"),
        ("1234.50", RU, "1234.50"),  # "." does not group in ru, so it can only be a decimal point
        ("1 234,50", RU, "1234.50"),
        ("1\u00a0234,5", RU, "1234.5"),
        ("-0,10", RU, "-0.10"),
        ("1234.50", EN, "1234.50"),
        ("1,234.50", EN, "1234.50"),
        ("  +7 ", EN, "7"),
        (".5", EN, "0.5"),
        ("1.234,5", QLocale("de"), "1234.5"),
        ("12,34,567.5", QLocale("en_IN"), "1234567.5"),
    ],
)
def test_parse_decimal_accepts_locale_numbers(text, locale, expected):
    result = parse_decimal(text, locale)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)
    assert str(result) == expected  # digits kept exactly, never via float


@pytest.mark.parametrize(
    "text",
    ["", "   ", "12a", "1e5", "1E5", "nan", "NaN", "inf", "-inf", "Infinity", "1,2", "1,2345",
     "12.", ",5", "1..2", "--1", "1-", "0x10", "١٢"],
)
def test_parse_decimal_rejects_garbage_in_english(text):
    with pytest.raises(ValueError):
        parse_decimal(text, EN)


@pytest.mark.parametrize("text", ["12a", "1e5", "nan", "inf", "", "1,2,3", "1 23,4"])
def test_parse_decimal_rejects_garbage_in_russian(text):
    with pytest.raises(ValueError):
        parse_decimal(text, RU)


def test_parse_decimal_reads_native_digits():
    assert parse_decimal("١٢٣٫٥", QLocale("ar_EG")) == Decimal("123.5")


def test_parse_decimal_error_message_is_translated(qtbot, qm_dir):
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    with pytest.raises(ValueError, match=re.escape("«12a» — не число.")):
        parse_decimal("12a")


def test_every_translated_string_is_a_literal_lupdate_can_collect():
    """A wrapper such as ``_tr(text)`` hides its strings from lupdate, and they stay English."""
    hidden = []
    for path in sorted(Path("ui").rglob("*.py")):
        if path == Path("ui/desk_text.py"):
            continue  # translates desk/'s templates, collected by packaging/desk_messages.py (test_desk_messages)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            position = {"translate": 1, "tr": 0}.get(name)
            if position is None or len(node.args) <= position:
                continue
            if not isinstance(node.args[position], ast.Constant):
                hidden.append(f"{path}:{node.lineno}")
    assert hidden == []
