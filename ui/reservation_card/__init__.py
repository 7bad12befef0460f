"""The reservation card: one folio's window, and the table models it shows.

- :mod:`~ui.reservation_card.window`: :class:`~ui.reservation_card.window.ReservationCard` and
  :func:`~ui.reservation_card.window.open_reservation_card`; loading and reloading.
- :mod:`~ui.reservation_card.header`: the owner, the stay, its status, the balance, the deposit.
- :mod:`~ui.reservation_card.holds`: the Credit card section (saved cards, pre-authorisations).
- :mod:`~ui.reservation_card.breakdown`: the Services breakdown (postings, bills, payments), what
  is selected, and keeping the user's place across a reload.
- :mod:`~ui.reservation_card.actions`: the menus and buttons, when each is enabled, what each does.
- :mod:`~ui.reservation_card.base`: what the parts share; :mod:`~ui.reservation_card.tables`:
  how the card's tables look and fit their columns; :mod:`~ui.reservation_card.models`: the
  tables' models.

The card's dialogs (payment, refund, deposit, bills, services, details, check-out, void, receipt)
are in :mod:`ui.dialogs`; the card terminal's in :mod:`ui.cards`.
"""
