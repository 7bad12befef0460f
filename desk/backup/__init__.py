"""Backups of the whole database and restoring one: SQLite through its online backup API,
PostgreSQL through pg_dump and pg_restore. Each recorded in admin_change.

Imports: core, db, people.
"""
