"""Guests, companies, events and reservations; check-in, check-out and the nights; the business day
and its night audit; search; and the reservation card's data, read in one unit of work
(``reservation_card``). "Card" alone means a
bank card everywhere in desk: the reservation card is always called so in full.

Imports: audit, cards, cash.models, core, db, fiscal, hotel, journal.models, ledger, people.
"""
