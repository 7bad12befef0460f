"""Bank cards at the desk: the card terminal's dialog, and the card operations to look after.

- :mod:`~ui.cards.terminal`: the terminal dialog (a sale, a refund, a pre-authorisation, its
  capture or release), the terminal pool, and printing a card slip later.
- :mod:`~ui.cards.operations`: pending card operations, open holds, the terminals' end of day.
- :mod:`~ui.cards.new_card`: "New card", the operator's own card page in a QtWebEngine window
  (:mod:`~ui.cards.web_engine`: what QtWebEngine needs before the application starts).
- :mod:`~ui.cards.reader_save`: "Terminal", a card presented on the operator's reader saved for later.
"""
