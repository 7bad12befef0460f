"""Fiscal registers: the vendor-neutral interface, what a receipt holds, the signed chain of fiscal
documents, the ESC/POS register, receipt requests and the workflow that prints them.

Imports: cash, core, db, devices, hardware, hotel, journal, ledger, mail, people.
"""
