"""Render the City tax window of the demo hotel to PNG (en, ru): the demo's amount, a new one from a
later date set by the manager, and a negative amount refused.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_city_tax
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from tools.screenshots import application, demo_hotel, save, settle, translated, wait_until
from ui.admin.city_tax import CityTaxDialog
from ui.i18n import qdate


def main() -> int:
    app = application()
    for language in ("en", "ru"):
        with demo_hotel() as hotel, translated(app, language):
            dialog = CityTaxDialog(hotel.desk("maria", "manager"))
            loads: list[None] = []
            dialog.loaded.connect(lambda seen=loads: seen.append(None))
            dialog.open()
            wait_until(lambda seen=loads: len(seen) == 1)
            start = date.today() + timedelta(days=30)
            dialog.amount_edit.setText("2.40")
            dialog.from_edit.setDate(qdate(start))
            dialog.set_tax()
            wait_until(lambda seen=loads: len(seen) == 2)
            dialog.amount_edit.setText("-1")
            dialog.set_tax()
            settle(300)
            save(dialog, "city_tax", language)
            dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
