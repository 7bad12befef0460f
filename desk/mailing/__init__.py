"""Documents sent to the payer by e-mail: a folio, a bill, an invoice or credit note,
rendered when the clerk sends it and handed to the outbox (desk.mail) with its audit entry.

It sits above both the outbox and the documents it renders, so that the outbox (which fiscal uses for
e-receipts) never depends on the reports or invoices that render PDFs.

Imports: core, db, hotel, invoices, ledger, mail.models, people, reports.
"""
