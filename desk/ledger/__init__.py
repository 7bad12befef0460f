"""The append-only ledger: folios and their bills, postings and their reversals, payments, deposits,
refunds, voids, transfers to a company's account, and the texts the desk writes on them. Every
rule about money (may this be refunded, voided, paid) is decided here once.

Imports: cards.models, cash, core, db, hotel, journal, people, stays.models.
"""

# Loaded with the ledger's tables (desk.db.schema loads those for every database): the chain's listeners
# then hear every unit of work that inserts a posting or payment commit, in whichever process.
from desk.ledger import chain  # noqa: F401
