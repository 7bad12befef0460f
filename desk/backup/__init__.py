"""Backups of the whole database and restoring one: SQLite through its online backup API,
PostgreSQL through pg_dump and pg_restore, a restore checked first in a scratch copy (ledger, fiscal
chains, audit trail and their anchors). Each recorded in admin_change.

Imports: audit, core, db, fiscal, ledger, people.
"""
