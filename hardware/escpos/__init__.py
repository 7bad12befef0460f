"""ESC/POS receipt printers: layout on python-escpos, status read-back, the driver."""
