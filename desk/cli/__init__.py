"""Every ``desk`` command's parser, and what each command runs.

Imports: audit, cards, core, db, demo, devices, fiscal, hardware, hotel, mail, people, pos,
stays.
"""
