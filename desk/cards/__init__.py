"""Bank cards: operations on a card terminal (sale, refund, pre-authorisation, capture, release),
holds, end of day, the terminals of each workstation, and the slips they print.

Imports: core, db, devices, fiscal, hardware, hotel, journal, ledger, people.
"""
