"""Render Administration → Default credit limit… on the demo hotel to
docs/screenshots/default_credit_limit_{en,ru}.png.

    python -m tools.screenshots_credit_default
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desk.core.money import Money
from tools.screenshots import application, demo_hotel, save_in_each_language
from ui.stays.credit_limit import DefaultCreditLimitDialog


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        ctx = hotel.desk("maria", "manager", "FRONT-1")

        def dialog(_language: str) -> QWidget:
            window = DefaultCreditLimitDialog(ctx, Money.of("1250000.00", "EUR"), "EUR")
            window.show()
            return window

        save_in_each_language(app, "default_credit_limit", dialog)
    return 0


if __name__ == "__main__":
    sys.exit(main())
