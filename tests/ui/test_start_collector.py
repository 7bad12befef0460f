"""The objects start-up built are kept out of the garbage collector's passes while the desk runs (issue 23)."""

from __future__ import annotations

import argparse
import gc
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.app import Startup


def test_start_up_s_objects_are_frozen_at_sign_in_and_let_go_at_shut_down(qtbot, demo_template: Path, tmp_path: Path):
    shutil.copy(demo_template, tmp_path / "desk.sqlite3")
    demo_url = f"sqlite:///{tmp_path}/desk.sqlite3"
    startup = Startup(QApplication.instance(), argparse.Namespace(database=demo_url, workstation="GC-1",
                                                                  demo=False, user="anna"))
    try:
        startup.start()
        dialog = startup.sign_in_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: startup.database is not None, timeout=30_000)
        assert gc.get_freeze_count() == 0  # nothing frozen for a window that may never be used
        qtbot.keyClicks(dialog.secret_edit, "anna")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=30_000)
        assert gc.get_freeze_count() > 10_000
    finally:
        startup.shut_down()
    assert gc.get_freeze_count() == 0
