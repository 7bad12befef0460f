"""Folios, bills, postings, payments, deposits, transfers, and the texts written on them."""
