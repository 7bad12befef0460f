"""Render the Devices window (two simulated printers, a card terminal), one printer's settings,
Settings -> E-mail, Settings -> POS connections and the locked desk to docs/screenshots/devices_,
printer_, mail_settings_, pos_connections_ and lock_{en,ru}.png.

    python -m tools.screenshots_devices
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableWidget

from desk.cards.terminals import add_terminal
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.devices.printers import add_printer
from desk.mail.outbox import KEY_FILE_ENV, set_mail_settings
from desk.people.auth import sign_in
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tools.screenshots import OUT, settle, wait_until
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.settings.devices import DevicesDialog, PrinterDialog
from ui.settings.mail import MailSettingsDialog
from ui.settings.pos import PosConnectionsDialog
from ui.sign_in import SignInDialog, SignInPurpose


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    front = TcpPrinterServer(SimulatedPrinter(), port=0).start()
    back_engine = SimulatedPrinter(profile="TM-T88V")
    back_engine.fail("paper_out")
    back = TcpPrinterServer(back_engine, port=0).start()
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", "FRONT-1")
        runner = Runner(database)
        runner.run(add_printer, manager, "FRONT-1", "Front desk receipts", f"tcp://127.0.0.1:{front.port}",
                   register_code="FP-1", drawer=True)
        runner.run(add_printer, manager, "FRONT-1", "Back office", f"tcp://127.0.0.1:{back.port}",
                   profile="TM-T88V", paper_mm=80, register_code="FP-2", text_as_image=True)
        runner.run(add_terminal, manager, "FRONT-1", "Desk terminal", "tcp://192.168.1.60:20007", "EUR", "123456")
        # The key that seals the mail password goes to the temporary folder, not the user's own.
        os.environ[KEY_FILE_ENV] = f"{folder}/mail.key"
        runner.run(set_mail_settings, manager, "smtp.hotel.example", 587, "starttls", username="frontdesk",
                   sender="frontdesk@hotel.example", password="screenshot-only")
        ctx = DeskContext(database, manager)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            dialog = DevicesDialog(ctx)
            dialog.open()
            table = dialog.findChild(QTableWidget, "printersTable")
            wait_until(lambda t=table: t.rowCount() == 2 and all(
                t.item(r, 6) is not None and t.item(r, 6).data(0x0101) is not None for r in range(2)))
            settle()
            OUT.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(OUT / f"devices_{language}.png"))
            # The printer that draws its text as an image, as a manager edits it.
            editor = PrinterDialog(ctx, "FRONT-1", dialog.registers, dialog.settings[0], dialog)
            editor.show()
            settle()
            editor.grab().save(str(OUT / f"printer_{language}.png"))
            editor.close()
            dialog.done(0)
            dialog.deleteLater()
            mail = MailSettingsDialog(ctx)
            mail.open()
            wait_until(lambda m=mail: m.setup is not None)
            mail.recipient_edit.setText("manager@hotel.example")
            mail.adjustSize()
            settle()
            mail.grab().save(str(OUT / f"mail_settings_{language}.png"))
            mail.done(0)
            mail.deleteLater()
            pos = PosConnectionsDialog(ctx)
            pos.open()
            wait_until(lambda p=pos: p.setup is not None)
            settle()
            pos.grab().save(str(OUT / f"pos_connections_{language}.png"))
            pos.done(0)
            pos.deleteLater()
            locked = SignInDialog(database, "FRONT-1", purpose=SignInPurpose.UNLOCK, locked_by=manager)
            locked.show()
            settle()
            locked.grab().save(str(OUT / f"lock_{language}.png"))
            locked.close()
            locked.deleteLater()
            remove_translators(app)  # type: ignore[arg-type]
        delivery.wait_all(10_000)
        ctx.close()
        database.dispose()
    front.stop()
    back.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
