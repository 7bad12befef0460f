"""Bank cards: operations on a card terminal (sale, refund, pre-authorisation, capture, release),
holds, end of day, the terminals of each workstation, and the slips they print; cards saved at an
online operator (Stripe, Adyen) and charged, held, refunded and deleted there.

Imports: core, db, devices, fiscal, hardware, hotel, journal, ledger, people, stays.models.
"""
