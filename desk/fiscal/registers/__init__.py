"""Registered fiscal registers reached over their vendors' HTTP servers, one module each, behind
:class:`desk.fiscal.interface.FiscalRegister`: ATOL's web server (``atol``) and KKM-server (``kkmserver``)."""
