"""The settings windows, opened from the main window's **Settings** menu.

- :mod:`~ui.settings.card_operators`: the hotel's accounts at online card operators, and their check.
- :mod:`~ui.settings.devices`: each workstation's printers and card terminals.
- :mod:`~ui.settings.mail`: the mail server e-receipts are sent through.
- :mod:`~ui.settings.pos`: POS connections (the tills' keys and payment codes).
"""
