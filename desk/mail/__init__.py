"""E-mail: the settings (password sealed), the outbox and its sender, the e-receipt's PDF it attaches;
the folios and bills a clerk sends to the payer are queued here by desk.mailing.

Imports: core, db, fiscal.models, hotel, ledger, people.
"""
