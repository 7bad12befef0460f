"""Invoices and credit notes: issued from bills, numbered without gaps per hotel, frozen at issue
(canonical JSON and its hash, append-only in the database), drawn as PDF from what was issued.

Imports: core, db, hotel, ledger, people, reports, stays.models.
"""
