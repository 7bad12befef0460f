"""Reservations and rooms: the New reservation window, moving a guest, the room rack."""
