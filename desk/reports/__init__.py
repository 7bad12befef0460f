"""Printable documents: bills and folios as PDF, the manager's reports (derived from
the ledger each time, never stored), and the folder they are kept in.

Imports: cards, cash.models, core, hotel, ledger, people, pos.models, stays.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from desk.reports.pdf import render_bill_pdf, render_folio_pdf

__all__ = ["documents_folder", "render_bill_pdf", "render_folio_pdf"]

logger = logging.getLogger(__name__)

# Set to a folder (a shared drive, say) to keep printed bills and folios somewhere else.
FOLDER_VARIABLE = "DESK_DOCUMENTS_DIR"


def documents_folder(name: str = "Front desk") -> Path:
    """Where bills, folios and shift reports are saved: $DESK_DOCUMENTS_DIR, else ``name`` (the
    program's name in the clerk's language) in the user's documents folder; the temporary folder
    only when neither can be written."""
    from platformdirs import user_documents_dir

    configured = os.environ.get(FOLDER_VARIABLE, "").strip()
    path = Path(configured).expanduser() if configured else Path(user_documents_dir()) / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        logger.warning("cannot save documents in %s; using the temporary folder", path, exc_info=True)
        path = Path(tempfile.gettempdir())
    return path
