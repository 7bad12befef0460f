"""The clerk reads what a database failure means, in their language, never the driver's words."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication

from desk.db import problems
from ui import i18n
from ui.desk_text import error_text


def test_a_full_disk_reads_as_the_desk_says_it_in_russian(qapp, qm_dir):
    failure = sqlite3.OperationalError("database or disk is full")
    app = QCoreApplication.instance()
    assert app is not None
    try:
        i18n.install_translator(app, "ru", qm_dir=qm_dir)
        shown = error_text(failure)
        assert "disk is full" not in shown and "места" in shown
    finally:
        i18n.install_translator(app, "en", qm_dir=qm_dir)
    assert error_text(failure) == problems.DISK_FULL
