"""The Import window on the demo hotel: a services file imported; a file with bad lines refused
whole, each line listed in Russian, nothing written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from desk.hotel.catalogue import catalogue
from desk.imports.csv_import import ImportRefused, ImportSummary
from desk.people.models import Role
from ui import i18n
from ui.admin.imports import ImportDialog

WAIT_MS = 20_000


def _open(qtbot, context_of, kind: str) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    return dialog


def _services(database) -> set[str]:  # type: ignore[no-untyped-def]
    with database.unit_of_work() as session:
        return {service.code for service in catalogue(session).services}


def test_a_manager_imports_services(qtbot, context_of, demo_database, tmp_path: Path):
    dialog = _open(qtbot, context_of, "services")
    assert dialog.columns_label.text() == (
        "Columns: code, name, price, vat (optional: category, name_ru, name_bg, currency).")
    file = tmp_path / "services.csv"
    file.write_bytes("\ufeffcode;name;price;vat\r\nMASSAGE;Massage;45,00;VAT20\r\n".encode())
    dialog.file_edit.setText(str(file))
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(done.args[0], ImportSummary) and done.args[0].imported == 1
    assert dialog.result_label.text() == "Imported: 1."
    assert "MASSAGE" in _services(demo_database)


def test_a_bad_file_is_refused_whole_with_its_lines_in_russian(qtbot, qm_dir, context_of, demo_database,
                                                               tmp_path: Path):
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru", qm_dir=qm_dir)
    dialog = _open(qtbot, context_of, "services")
    file = tmp_path / "services.csv"
    file.write_bytes(b"code;name;price;vat\nMASSAGE;Massage;45;VAT20\nSAUNA;Sauna;12.345;VAT20\n")
    dialog.file_edit.setText(str(file))
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(done.args[0], ImportRefused)
    assert dialog.result_label.text() == "Файл не импортирован: отклонено строк: 1"
    assert dialog.problems_view.toPlainText().startswith("строка 3: ")
    assert "MASSAGE" not in _services(demo_database)


def test_a_dry_run_of_reservations_lists_what_would_change_and_writes_nothing(qtbot, context_of, demo_database,
                                                                              tmp_path: Path):
    from datetime import date, timedelta

    from sqlalchemy import func, select

    from desk.imports.reservations import ReservationImport
    from desk.stays.models import Reservation

    dialog = _open(qtbot, context_of, "reservations")
    assert dialog.dry_run_button.isVisible()
    day = date.today() + timedelta(days=400)
    file = tmp_path / "reservations.csv"
    past = date.today() - timedelta(days=30)
    file.write_text("external_id;guests;room_type;arrival;departure;status\n"
                    f"W-1;Olga Berg;Double;{day};{day + timedelta(days=2)};\n"
                    f"W-2;Ivan Petrov;Double;{day + timedelta(days=3)};{day};\n"
                    f"W-3;Anna Kern;Double;{past};{past + timedelta(days=2)};checked_out\n", encoding="utf-8")
    dialog.file_edit.setText(str(file))

    def count() -> int:
        with demo_database.unit_of_work() as session:
            return int(session.scalar(select(func.count(Reservation.id))) or 0)

    before = count()
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.dry_run_button, Qt.MouseButton.LeftButton)
    assert isinstance(done.args[0], ReservationImport) and done.args[0].dry_run
    assert dialog.result_label.text() == ("Would import: 2 new, 0 changed, 0 cancelled, 0 unchanged, 1 refused. "
                                          "Nothing was written.")
    listed = dialog.problems_view.toPlainText().splitlines()
    assert listed[0].startswith("line 2: W-1 new, confirmed (")
    assert listed[1] == "line 3: Departure must be after arrival"
    assert listed[2].startswith("line 4: W-3 new, checked out (")
    assert count() == before

    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Imported: 2 new, 0 changed, 0 cancelled, 0 unchanged, 1 refused."
    assert count() == before + 2
