"""The demo hotel: settings, rooms and stays in every state, built through the use cases.

The top of desk: nothing imports it but the CLI and tests.

Imports: cash, core, fiscal.models, hotel, ledger, people, pos.models, stays.
"""
