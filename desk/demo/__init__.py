"""The demo hotel: settings, rooms and stays in every state, built through the use cases.

The top of desk: nothing imports it but the CLI and tests.

Imports: cash, core, db, devices.models, fiscal.models, hardware, hotel, ledger, people, pos.models, stays.
"""
