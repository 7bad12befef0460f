"""Bank cards: terminal operations, holds, end of day, terminal settings, slips."""
