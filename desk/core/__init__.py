"""The bottom of desk: exact money, domain errors, column types, card numbers found in free text."""
