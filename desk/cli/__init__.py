"""Every ``desk`` command's parser, and what each command runs.

Imports: cards, core, db, demo, devices, fiscal, hardware, hotel.models, mail, people, pos,
stays.models.
"""
