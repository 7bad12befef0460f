"""The hotel's reference data (currencies, taxes, payment methods, outlets, services, rooms), read
once per unit of work, and catalogue names in the reader's language.

Imports: core, db, fiscal.models, ledger.models.
"""
