"""Every ``desk`` command's parser, and what each command runs.

Imports: audit, backup, cards, core, db, demo, devices, fiscal, hardware, hotel, imports, invoices, mail,
people, pos, reports, stays.
"""
