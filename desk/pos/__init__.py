"""The POS service: restaurant tills charge closed checks to a guest's room.

``desk serve`` runs two front ends on one process, each a thin adapter over the use cases in
:mod:`desk.pos.checks`: r_keeper's FarCards HTTP protocol (:mod:`desk.pos.farcards`) and a REST API
(:mod:`desk.pos.api`). It also receives the card operators' webhooks (Adyen's, at ``/webhooks/adyen``),
which :mod:`desk.cards.adyen_webhooks` checks and settles.

Imports: cards, core, db, hotel, ledger, people, stays.models.
"""
