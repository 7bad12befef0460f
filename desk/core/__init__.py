"""The bottom of desk: exact money, domain errors with their translatable templates, column types,
card numbers found and masked in free text, and the look of every PDF.

Imports: nothing.
"""
