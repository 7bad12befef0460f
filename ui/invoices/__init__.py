"""Invoices on screen: the Invoices window (find, open the PDF, issue a credit note) and the
"Issue invoice" of a bill on the reservation card; every read and write through the desk's ops."""
