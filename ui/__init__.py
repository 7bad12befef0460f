"""The Qt (PySide6) GUI of the cashier desk.

Widgets never block: database and device calls go through :mod:`ui.ops`. Every user-visible
string is translatable and every number, amount and date is formatted by :mod:`ui.i18n`.
"""
