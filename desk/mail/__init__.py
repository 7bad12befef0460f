"""Electronic receipts by e-mail: the settings (password sealed), the outbox, its sender, and the
receipt's PDF it attaches.

Imports: core, db, fiscal.models, hotel, ledger, people.
"""
