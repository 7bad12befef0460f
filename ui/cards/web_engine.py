"""What QtWebEngine (the operator's card page, :mod:`ui.cards.new_card`) needs before the application
object exists. Kept apart so that start-up sets it without importing QtWebEngine itself."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt


def prepare_web_engine() -> None:
    """Call before the QApplication is made."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium will not run its sandbox as root (CI and containers run as root) and the page would
        # not open at all. As any other user the sandbox stays on: the operator's page is a web page.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # QtWebEngine shares OpenGL contexts with the widgets; Qt needs this set before the application.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
