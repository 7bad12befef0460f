"""The cash shift of a workstation: the float, cash in and out, the payments taken in cash, the
blind count at closing, and its X and Z reports.

Imports: core, db, hotel, ledger.models, people.
"""
