"""Electronic receipts by e-mail: the settings (password sealed), the outbox, and its sender.

Imports: core, db, fiscal.models, people, reports.
"""
