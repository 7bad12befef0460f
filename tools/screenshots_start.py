"""Render the sign-in window as it shows at start, while the database opens behind it (the demo
hotel being set up, the longest line it shows), to docs/screenshots/sign_in_opening_{en,ru}.png.

    python -m tools.screenshots_start
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tools.screenshots import application, save_in_each_language
from ui.sign_in import SignInDialog


def main() -> int:
    app = application()

    def opening(_language: str) -> QWidget:
        dialog = SignInDialog(None, "FRONT-DESK-1", username="anna.petrova-konstantinova")
        dialog.show_progress(QCoreApplication.translate("Startup", "Setting up the demo hotel…"))
        dialog.secret_edit.setText("typed while it opens")
        dialog.show()
        return dialog

    save_in_each_language(app, "sign_in_opening", opening)
    return 0


if __name__ == "__main__":
    sys.exit(main())
