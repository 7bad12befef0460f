"""Render the cash register's settings window after Check connection on an ATOL register whose fiscal storage must
be replaced soon and whose documents have not reached the fiscal data operator (en, ru), to
docs/screenshots/register_storage_warning_{en,ru}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_storage_warning

The fake ATOL web server (hardware.simulators.atol) runs in this process on a free loopback port.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import update
from sqlalchemy.orm import Session

from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.models import CashRegister
from desk.fiscal.settings import set_register
from desk.people.auth import trusted_actor
from desk.people.models import Role
from hardware.simulators import atol as fake
from tools.screenshots import application, demo_hotel, save, settle, wait_until
from ui.i18n import install_translator, remove_translators

LONG_NAME = "Касса ресепшн, корпус Б — АТОЛ 30Ф (РН ККТ 0000000001012345, ФН 7380440700076549)"


def main() -> int:
    from ui.admin.register_settings import RegisterSettingsDialog

    app = application()
    server = fake.serve(0, None)
    server.storage.fn_expiring = True
    server.storage.faults.add("ofd_offline")
    address = f"http://127.0.0.1:{server.server_port}"

    def atol_register(session: Session) -> None:
        session.execute(update(CashRegister).where(CashRegister.code == "FP-2").values(name=LONG_NAME))
        set_register(session, trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER), "FP-2", kind="atol",
                     address=address, taxation="osn", vat_map={"20": "vat20", "": "none"},
                     workstation=DEMO_WORKSTATION)

    with demo_hotel(atol_register) as hotel:
        admin = hotel.desk("maria", "manager")
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            settings = RegisterSettingsDialog(admin, "FP-2")
            settings.open()
            settle(600)
            settings.findChild(QPushButton, "checkConnectionButton").click()
            result = settings.findChild(QLabel, "registerCheckResult")
            wait_until(lambda label=result: len(label.text()) > 40)
            settle()
            save(settings, "register_storage_warning", language)
            settings.close()
            remove_translators(app)  # type: ignore[arg-type]
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
