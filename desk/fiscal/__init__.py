"""Fiscal registers: the vendor-neutral interface, the chained fiscal journal and the ESC/POS driver."""
