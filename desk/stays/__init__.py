"""Guests, companies, events and reservations; check-in, check-out and the nights; search; and the
reservation card's data, read in one unit of work (``reservation_card``). "Card" alone means a
bank card everywhere in desk: the reservation card is always called so in full.

Imports: cards, core, db, fiscal, hotel, ledger, people.
"""
