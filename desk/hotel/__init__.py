"""The hotel's reference data (currencies, taxes, payment methods, outlets, services, rooms), read
once per unit of work, catalogue names in the reader's language, the first set-up and the
administration of the catalogue.

Imports: core, db, devices.models, fiscal.models, ledger.models, people.
"""
