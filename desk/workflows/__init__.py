"""Workflows that call devices: one file per kind; the three steps they share are in ``steps``."""
