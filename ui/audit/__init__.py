"""The audit trail's viewer (Administration → Audit trail…)."""
