"""The Reports window: a manager's reports (a cashier's own shifts) in tables that sort and filter,
exported as PDF and CSV. The figures come from desk.reports, read on the database's worker."""
