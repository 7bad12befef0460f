"""Render E-mail folio… (a long company address, a sent, a failed and a queued e-mail listed) to
docs/screenshots/email_folio_{en,ru}.png, and the folio PDF it attaches (Russian) to
docs/screenshots/email_folio_pdf_ru.png.

    python -m tools.screenshots_mail
"""

from __future__ import annotations

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select, update

from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.mail.models import MailOutbox
from desk.mailing.documents import email_document
from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import OUT, application, busiest_in_house_folio, demo_hotel, save, settle, wait_until
from ui.dialogs.email_document import EmailDocumentDialog
from ui.i18n import install_translator, remove_translators


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        database = hotel.database
        clerk = hotel.sign_in("anna", "anna", "FRONT-1")
        runner = Runner(database)
        folio_id = busiest_in_house_folio(database)
        sent = runner.run(email_document, clerk, "folio", folio_id, "konstantin.vasilyevich@accounts.example.com",
                          "ru").value
        failed = runner.run(email_document, clerk, "folio", folio_id, "buchhaltung@firma-beispiel.example", "en").value
        runner.run(email_document, clerk, "folio", folio_id, "guest@example.com", "bg")
        with database.writing() as session:
            session.execute(update(MailOutbox).where(MailOutbox.id == sent).values(sent_at=utcnow(), attempts=1))
            session.execute(update(MailOutbox).where(MailOutbox.id == failed).values(
                attempts=3, error_kind="recipient",
                last_error="buchhaltung@firma-beispiel.example: 550 5.1.1 mailbox unavailable"))
            pdf = session.scalars(select(MailOutbox.pdf).where(MailOutbox.id == sent)).one()
        OUT.mkdir(parents=True, exist_ok=True)
        pdf_path = f"{hotel.folder}/folio.pdf"
        with open(pdf_path, "wb") as out:
            out.write(pdf or b"")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", pdf_path, str(OUT / "email_folio_pdf_ru")],
                       check=True)
        with database.unit_of_work() as session:
            card = load_reservation_card(session, folio_id)
        ctx = hotel.context(clerk)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            dialog = EmailDocumentDialog(ctx, card)
            dialog.open()
            wait_until(lambda d=dialog: d.model.rowCount() == 3 and d.apply_button.isEnabled())
            dialog.findChild(QLineEdit, "addressEdit").setText("konstantin.vasilyevich@accounts.example.com")
            dialog.resize(900, dialog.sizeHint().height() + 60)
            settle()
            save(dialog, "email_folio", language)
            dialog.done(0)
            dialog.deleteLater()
            remove_translators(app)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
