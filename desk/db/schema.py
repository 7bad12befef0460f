"""Every table of the desk, gathered: each feature keeps its own ``models`` module.

A relationship names a class of another feature by its name, which SQLAlchemy looks up when the
mappers are first used; so whatever opens a database (and Alembic, and the schema tests) loads
every feature's tables from here first. This is the one module of ``desk.db`` that imports the
features above it (the trail's tables bring its listener, which hears every unit of work commit: desk.audit).
"""

from __future__ import annotations

import desk.audit.models
import desk.backup.models
import desk.cards.models
import desk.cash.models
import desk.devices.models
import desk.fiscal.models
import desk.hotel.models
import desk.imports.models
import desk.invoices.models
import desk.journal.models
import desk.ledger.models
import desk.mail.models
import desk.people.models
import desk.pos.models
import desk.stays.models
from desk.db.base import Base

FEATURE_MODELS = (
    desk.audit.models, desk.backup.models, desk.cards.models, desk.cash.models, desk.devices.models,
    desk.fiscal.models, desk.hotel.models, desk.imports.models, desk.invoices.models, desk.journal.models,
    desk.ledger.models, desk.mail.models, desk.people.models, desk.pos.models,
    desk.stays.models,
)
metadata = Base.metadata
