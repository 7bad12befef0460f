"""The journal of device and operator operations: an intent committed before the device is asked,
what it answered, how it ended, and reconciliation when the answer was lost. The fiscal
documents' signed chain is not this journal: it is ``desk.fiscal.chain``.

Imports: core, db, people.
"""
