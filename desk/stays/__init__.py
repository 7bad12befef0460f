"""Reservations and the other folio owners, check-in and check-out, search, the reservation card."""
