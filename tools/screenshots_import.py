"""Render the Import window of the demo hotel to PNG (en, ru): a services file with two bad lines,
refused whole with each line listed.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_import
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from tools.screenshots import application, demo_hotel, save, settle, translated, wait_until
from ui.admin.imports import ImportDialog

SERVICES = ("\ufeffcode;name;price;vat;name_ru\r\n"
            "MASSAGE;Relaxing full-body massage with aromatic oils (50 minutes);45,00;VAT20;"
            "Расслабляющий массаж всего тела с ароматическими маслами (50 минут)\r\n"
            "SAUNA;Finnish sauna;12,345;VAT20;Финская сауна\r\n"
            "TRANSFER;Airport transfer;60,00;VAT7;Трансфер из аэропорта\r\n")


def main() -> int:
    app = application()
    for language in ("en", "ru"):
        with demo_hotel() as hotel, translated(app, language):
            ctx = hotel.desk("maria", "manager")
            file = hotel.folder / "services-from-the-old-system.csv"
            file.write_bytes(SERVICES.encode())
            dialog = ImportDialog(ctx)
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("services"))
            dialog.file_edit.setText(str(file))
            results: list[object] = []
            dialog.finished_import.connect(results.append)
            dialog.show()
            dialog.start()
            wait_until(lambda seen=results: bool(seen), 60_000)
            settle(300)
            save(dialog, "import_refused", language)
            dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
