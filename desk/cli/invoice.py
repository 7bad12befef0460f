"""``desk invoice``: issue, credit, print and list invoices from a script, in the hotel's language.

It signs in like the settings commands (``DESK_USER`` and ``DESK_PASSWORD``, or the tables' owner on
PostgreSQL); the signed-in user's rights decide what it may issue.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desk.cli.operator import settings_operator
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.reference import base_currency


def add_commands(commands: Any) -> None:
    invoice = commands.add_parser("invoice", help="invoices and credit notes")
    sub = invoice.add_subparsers(dest="invoice_command", required=True)
    issue = sub.add_parser("issue", help="the next numbered invoice for a bill, or for a company's bills")
    whose = issue.add_mutually_exclusive_group(required=True)
    whose.add_argument("--bill", type=int, metavar="N", help="one bill (its number without leading zeros)")
    whose.add_argument("--company", type=int, metavar="ID", help="the company's bills not yet invoiced")
    issue.add_argument("--bills", metavar="1,2", help="with --company: only these of its bills")
    credit = sub.add_parser("credit", help="a credit note for an invoice: all it still has, an amount or lines")
    credit.add_argument("number", type=int, metavar="INVOICE_NO")
    how = credit.add_mutually_exclusive_group()
    how.add_argument("--amount", help="an amount in the invoice's currency, spread over its lines")
    how.add_argument("--lines", metavar="1,3 or 2:50.00", help="lines of the invoice, each whole or an amount of it")
    credit.add_argument("--reason", required=True)
    pdf = sub.add_parser("pdf", help="write an issued invoice or credit note as PDF")
    pdf.add_argument("number", type=int, metavar="NO")
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE")
    listing = sub.add_parser("list", help="invoices and credit notes, newest first")
    listing.add_argument("--from", dest="first", type=date.fromisoformat, help="issued on or after YYYY-MM-DD")
    listing.add_argument("--to", dest="last", type=date.fromisoformat, help="issued on or before YYYY-MM-DD")
    listing.add_argument("--buyer", default="", help="any part of the buyer's name")
    seller = sub.add_parser("seller", help="the hotel's VAT number, accountable person and city on invoices")
    seller.add_argument("--vat-number", default="")
    seller.add_argument("--accountable-person", default="")
    seller.add_argument("--city", default="")
    seller.add_argument("--address", default=None, help="the hotel's address (unchanged when not given)")
    seller.add_argument("--tax-id", default=None, help="the company number, ЕИК (unchanged when not given)")


def _numbers(text: str, field: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InvalidInput("{value} is not a list of numbers such as 1,2", field=field, value=text) from None


def _credit_lines(text: str, currency: str) -> list[Any]:
    from desk.invoices.issuing import CreditLine

    lines = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        number, _, amount = part.partition(":")
        if not number.isdigit():
            raise InvalidInput("{value} is not a list of lines such as 1,3 or 2:50.00", field="lines", value=text)
        lines.append(CreditLine(int(number), Money.of(amount, currency) if amount else None))
    return lines


def run(args: argparse.Namespace, url: str) -> int:
    from desk.invoices import issuing, reading
    from desk.invoices.pdf import invoice_pdf
    from desk.invoices.seller import set_invoice_seller

    database = Database(url)
    try:
        runner = Runner(database)
        command = args.invoice_command
        if command == "list":
            rows = runner.read(reading.list_invoices, reading.InvoiceFilter(args.first, args.last, args.buyer))
            for row in rows:
                of = f"  credits {row.credits}" if row.credits else ""
                left = f"  left to credit {row.left_to_credit}" if row.left_to_credit is not None else ""
                print(f"{row.number}  {row.kind.value:<11}  {row.issued_on.isoformat()}  {row.total}  "
                      f"{row.buyer}{of}{left}")
            if not rows:
                print("No invoices.")
            return 0
        if command == "pdf":
            invoice_id = runner.read(reading.invoice_id_of, args.number)
            args.out.write_bytes(runner.read(invoice_pdf, invoice_id))
            print(f"Written {args.out}")
            return 0
        actor = settings_operator(database)
        if command == "seller":
            runner.run(set_invoice_seller, actor, vat_number=args.vat_number,
                       accountable_person=args.accountable_person, city=args.city, address=args.address,
                       tax_id=args.tax_id)
            print("Saved.")
            return 0
        if command == "issue":
            if args.bill is not None:
                bill_ids = [args.bill]
            else:
                bill_ids = _numbers(args.bills, "bills") if args.bills else [
                    bill.bill_id for bill in runner.read(reading.invoiceable_bills, args.company)]
                if not bill_ids:
                    raise InvalidInput("The company has no bill to invoice", field="company")
            issued = runner.run(issuing.issue_invoice, actor, bill_ids).value
            print(f"Invoice {issuing.number_text(issued.number)}: {issued.total} to {issued.buyer_name}")
            return 0
        currency = runner.read(base_currency)
        amount = Money.of(args.amount, currency) if args.amount else None
        lines = _credit_lines(args.lines, currency) if args.lines else []
        credit = runner.run(issuing.issue_credit_note, actor, args.number, args.reason, amount=amount,
                            lines=lines).value
        print(f"Credit note {issuing.number_text(credit.number)}: {credit.total} to invoice "
              f"{issuing.number_text(args.number)}")
        return 0
    finally:
        database.dispose()
