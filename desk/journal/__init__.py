"""The journal of device and operator operations: intents, outcomes, reconciliation, steps."""
