"""Getting another system's data in: rooms, services, companies, guests and reservations from CSV
files, each row checked by the use case that adds one by hand; a reservation re-imported by its
external id is updated, never duplicated.

Imports: core, db, hotel, ledger, people, stays.
"""
