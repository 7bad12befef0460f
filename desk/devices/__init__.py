"""A workstation's printers, built into hardware objects, one owner per printer."""
