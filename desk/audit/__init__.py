"""The audit trail: who did what, where and when, in one chained, append-only record.

Each sign-in (and failed one), lock, switch of user, manager's approval, payment, refund, void,
setting and device change, key created or revoked, and night audit is one entry, written in the
unit of work that did it (``recording`` listens to every commit: the runner's units and the
sign-in's alike), chained by SHA-256 to the entry before (``chain``), checked by
``desk audit verify`` against the anchors each night audit leaves outside the database
(``anchors``), and read by managers (``reading``).

Imports: cards.models, core, db, devices.models, fiscal.models, hotel, ledger.models, mail.models,
people, pos.models, stays.models.
"""

# Loaded with the trail's tables (desk.db.schema loads those for every database): its listeners then hear
# every unit of work commit, in whichever process, before any is written.
from desk.audit import recording  # noqa: F401
