"""Render Settle by hand for an online card operation to docs/screenshots/ (en, ru): an Adyen refund
whose confirmation never came, "It went through" chosen, the operator's reference typed.

    python -m tools.screenshots_settle_online
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from desk.core.money import Money
from desk.journal.intents import IntentView
from tools.screenshots import application, demo_hotel, save, settle, translated
from ui.cards.settle_by_hand import SettleByHandDialog

WORKSTATION = "FRONT-1"


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        ctx = hotel.desk("maria", "manager", WORKSTATION)
        intent = IntentView(1, "refund:9:0", "online_refund", "Adyen — Grand Hotel Adler, Konstanz", WORKSTATION,
                            "maria", datetime.now(UTC), None, None, 9, Money.of("1249.50", "EUR"),
                            {"operation": "refund"})
        for language in ("en", "ru"):
            with translated(app, language):
                dialog = SettleByHandDialog(ctx, intent)
                dialog.open()
                dialog.happened_radio.setChecked(True)
                dialog.reference_edit.setText("NC6HT9CRT65ZGN82")
                dialog.reason_edit.setText("Adyen Customer Area: refund settled on 7 December, batch 1207")
                dialog.adjustSize()
                settle()
                save(dialog, "settle_by_hand_online", language)
                dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
