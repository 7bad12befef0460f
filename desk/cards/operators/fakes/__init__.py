"""Operator fakes: real HTTP servers on loopback that answer as each operator's published API does."""
