"""Registered fiscal registers reached over their vendors' HTTP servers, one module each, behind
:class:`desk.fiscal.interface.FiscalRegister`: ATOL's web server (``atol``), KKM-server (``kkmserver``) and
ErpNet.FP (``erpnet``); and what none of them could tell, settled by a manager from the register's own report
(``by_hand``)."""
