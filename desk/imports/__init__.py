"""Getting another system's data in: rooms, services, companies and guests from CSV files, each row
checked by the use case that adds one by hand.

Imports: core, hotel, people, stays.
"""
