"""A workstation's printers, kept in the database by workstation, built into hardware objects with
one owner each.

Imports: cash.models, core, db, fiscal.models, hardware, ledger, people.
"""
