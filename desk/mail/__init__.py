"""Electronic receipts by e-mail: settings, the outbox and its sender."""
