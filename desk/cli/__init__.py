"""Every ``desk`` command's parser, and what each command runs.

Imports: audit, backup, cards, core, db, demo, devices, fiscal, hardware, hotel, imports, invoices, ledger, mail,
people, pos, reports, stays.
"""
