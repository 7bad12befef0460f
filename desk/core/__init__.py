"""The bottom of desk: exact money, domain errors with their translatable templates, column types,
card numbers found and masked in free text, the look of every PDF, and the sealing of secrets the
desk must replay (with a key file outside the database).

Imports: nothing.
"""
