"""Render the main window's status bar telling what an ATOL register's fiscal storage needs (en, ru).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_register_storage

The demo's FP-1 becomes an ATOL register on the fake web server (in this process), whose storage must be replaced
within 12 days and has documents the OFD has not confirmed for 4 days.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.settings import set_register
from desk.people.auth import trusted_actor
from desk.people.models import Role
from hardware.simulators import atol
from tools.screenshots import fiscal_demo, save_in_each_language, wait_until
from ui.context import DeskContext


def main() -> int:
    from datetime import timedelta

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    server = atol.serve(0, None)
    storage = server.storage
    storage.valid_until = atol._now() + timedelta(days=12)
    storage.unsent_since = atol._now() - timedelta(days=4, hours=2)
    storage.fn_expiring = True
    try:
        with fiscal_demo() as demo:
            manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
            demo.runner.run(set_register, manager, "FP-1", kind="atol",
                            address=f"http://127.0.0.1:{server.server_address[1]}", taxation="osn",
                            vat_map={"20": "vat20", "": "none"}, workstation=DEMO_WORKSTATION)

            def show(_language: str) -> QWidget:
                ctx = DeskContext(demo.database, demo.cashier)
                window = MainWindow(ctx)
                window.resize(1280, 640)
                window.show()
                wait_until(lambda: window.storage_watch.label.isVisible(), 30_000)
                return window

            save_in_each_language(app, "status_bar_storage", show)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
