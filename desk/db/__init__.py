"""Where the data lives: the engine and units of work, the runner every write goes through, the
change tracking that tells other desks what changed, the declarative base, and the migrations.

It knows every feature's tables (``schema`` loads them all), and nothing else of theirs.

Imports: audit.models, backup.models, cards.models, cash.models, core, devices.models, fiscal.models, hotel.models,
imports.models, invoices.models, journal.models, ledger.models, mail.models, people.models, pos.models, stays.models.
"""
