"""Issuing invoices and credit notes: numbered without gaps, their content frozen at issue.

An invoice covers one bill, or several bills of one buyer (a company's folio). Its content (seller,
buyer, lines, totals per VAT rate, the total in words) is made once, here, in the hotel's document
language, stored as canonical JSON with its hash, and never made again: the PDF is drawn from it.

- **Number**: the series row is locked before the last number is read, in the issue's own
  transaction; a second desk waits for it, and an issue that rolls back takes its number with it.
  Invoices and credit notes share the one series (Bulgaria's rule), ten digits.
- **Date of supply** (the tax event): the latest business date of the charges invoiced, that is the
  stay's last night or the day of the last service. The date of issue is the day it is issued.
- **Credit note**: refers to its invoice's number and date; credits whole lines, chosen lines or an
  amount spread over the lines in proportion to what each still has, never more than the invoice
  still has; a reason is required.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.core.canonical import canonical
from desk.core.errors import InvalidInput, NotFound
from desk.core.money import Money, total
from desk.db.audit_notes import AuditNote, note
from desk.hotel.country import hotel_format
from desk.hotel.models import Hotel
from desk.hotel.names import load_names
from desk.hotel.reference import base_currency
from desk.invoices.models import Invoice, InvoiceBill, InvoiceKind, InvoiceSeries
from desk.invoices.texts import document_label
from desk.invoices.words import amount_in_words
from desk.ledger.folios import BillView, PostingLine, load_folio
from desk.ledger.invoiced import close_by_invoice, reopen_after_credit
from desk.ledger.lookup import get, lock_folios
from desk.ledger.models import Bill, Folio, Payment, PaymentKind, Posting
from desk.ledger.texts import fill, posting_text
from desk.people.auth import Actor
from desk.people.models import User
from desk.people.rights import Right, require
from desk.stays.models import Company, Guest

SERIES_ROW = 1
NUMBER_DIGITS = 10
CONTENT_VERSION = 1
REASON_LENGTH = 240


def number_text(number: int) -> str:
    return f"{number:0{NUMBER_DIGITS}d}"


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class CreditLine:
    """A line of the invoice (1 = its first) to credit; ``amount`` None: all it still has."""

    line: int
    amount: Money | None = None


def _next_number(session: Session) -> int:
    # Locked before the last number is read: another desk's issue waits here until this one commits
    # or rolls back, then reads this one's number as the last (READ COMMITTED reads anew per statement).
    series = session.execute(select(InvoiceSeries).where(InvoiceSeries.id == SERIES_ROW)
                             .with_for_update()).scalar_one()
    last = session.scalar(select(func.max(Invoice.number)))
    return (last if last is not None else series.first_number - 1) + 1


def hotel_today(session: Session) -> date:
    """The date at the hotel (its time zone when set up with one, else the workstation's): the date of issue."""
    zone = session.scalars(select(Hotel.time_zone).limit(1)).first()
    if zone:
        try:
            return datetime.now(ZoneInfo(zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a zone this machine does not know: its own date, as before time zones were set
    return date.today()


def _money_text(money: Money) -> str:
    return f"{money.amount}"


def _seller(session: Session) -> dict[str, str]:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    number, vat = _company_numbers(hotel.tax_id)
    return {"name": hotel.name, "address": hotel.address, "city": hotel.city, "tax_id": number,
            "vat_number": hotel.vat_number or vat, "accountable_person": hotel.accountable_person}


def _company_numbers(tax_id: str) -> tuple[str, str]:
    """(company number, VAT number) of a tax id as a company is recorded: "BG131234567" is a VAT
    number, its company number (ЕИК) the digits; digits alone are the company number only."""
    tax_id = tax_id.strip().replace(" ", "")
    if len(tax_id) > 2 and tax_id[:2].isalpha():
        return tax_id[2:], tax_id.upper()
    return tax_id, ""


def _buyer_of(session: Session, bill: Bill, folio: Folio) -> tuple[tuple[str, int], dict[str, Any]]:
    """Who the bill is invoiced to, and a key that two bills of one buyer share."""
    company_id = bill.payer_company_id or folio.company_id
    if company_id is not None:
        company = get(session, Company, company_id, "Company")
        number, vat = _company_numbers(company.tax_id)
        return ("company", company.id), {"kind": "company", "company_id": company.id, "name": company.name,
                                         "address": company.address, "tax_id": number, "vat_number": vat}
    if bill.payer_guest_id is not None:
        guest = get(session, Guest, bill.payer_guest_id, "Guest")
        return ("guest", guest.id), {"kind": "guest", "company_id": None, "name": guest.full_name, "address": "",
                                     "tax_id": "", "vat_number": ""}
    return ("bill", bill.id), {"kind": "payer", "company_id": None, "name": bill.payer_name, "address": "",
                               "tax_id": "", "vat_number": ""}


def _refuse_invoiced(session: Session, bill_ids: Sequence[int]) -> None:
    rows = session.execute(select(InvoiceBill.bill_id, Invoice).join(Invoice, Invoice.id == InvoiceBill.invoice_id)
                           .where(InvoiceBill.bill_id.in_(bill_ids))).all()
    for bill_id, invoice in rows:
        if credit_left(session, invoice):
            raise InvalidInput(
                "Bill {bill} is already on invoice {invoice}: issue a credit note for the whole invoice "
                "before invoicing the bill again", field="bills", bill=f"{bill_id:06d}",
                invoice=number_text(invoice.number))


def _issuer_name(session: Session, actor: Actor) -> str:
    """The person's full name as the users' records hold it: an actor a process made for itself
    (the screenshots, a command signed in as the database's owner) carries only a user name."""
    full_name = session.scalar(select(User.full_name).where(User.username == actor.username))
    return (full_name or "").strip() or actor.full_name or actor.username


def _lock_bills(session: Session, bill_ids: Sequence[int]) -> None:
    """The bills locked as a charge locks them (folios first, see desk.ledger.lookup): a charge on its
    way waits for the invoice to commit, then finds its bill closed by it."""
    folio_ids = {get(session, Bill, bill_id, "Bill").folio_id for bill_id in bill_ids}
    lock_folios(session, folio_ids)
    for bill_id in sorted(bill_ids):
        get(session, Bill, bill_id, "Bill", lock=True)


def _line_description(line: PostingLine, names: Any) -> str:
    posting = line.posting
    desk_text = posting_text(posting)
    if desk_text is not None:
        return fill(desk_text, lambda template, params: document_label(names.language, template, **params))
    return str(names.posting(posting))


def _rates(lines: Sequence[Mapping[str, Any]], currency: str) -> list[dict[str, str]]:
    by_rate: dict[str, list[Money]] = defaultdict(lambda: [Money.zero(currency)] * 3)
    for line in lines:
        net, vat, gross = by_rate[line["vat_percent"]]
        by_rate[line["vat_percent"]] = [net + Money.of(line["net"], currency), vat + Money.of(line["vat"], currency),
                                        gross + Money.of(line["gross"], currency)]
    return [{"vat_percent": rate, "net": _money_text(net), "vat": _money_text(vat), "gross": _money_text(gross)}
            for rate, (net, vat, gross) in sorted(by_rate.items(), key=lambda item: Decimal(item[0]))]


def _totals(lines: Sequence[Mapping[str, Any]], currency: str, language: str) -> dict[str, Any]:
    def summed(key: str) -> Money:
        return total((Money.of(line[key], currency) for line in lines), currency)

    gross = summed("gross")
    return {"rates": _rates(lines, currency), "net": _money_text(summed("net")), "vat": _money_text(summed("vat")),
            "gross": _money_text(gross), "words": amount_in_words(gross, language)}


def _freeze(session: Session, actor: Actor, content: dict[str, Any], *, kind: InvoiceKind, number: int,
            issued_on: date, supply_date: date, buyer: Mapping[str, Any], currency: str,
            credited: Invoice | None = None, reason: str = "") -> Invoice:
    data = canonical(content)
    invoice = Invoice(number=number, kind=kind, issued_on=issued_on, supply_date=supply_date,
                      credited_invoice_id=credited.id if credited is not None else None,
                      buyer_name=str(buyer["name"])[:160], buyer_company_id=buyer.get("company_id"),
                      total=Money.of(content["gross"], currency), reason=reason, content=data.decode("utf-8"),
                      content_hash=content_hash(data), created_by=actor.username, workstation=actor.workstation)
    session.add(invoice)
    session.flush()
    return invoice


def _line(posting: Posting, description: str) -> dict[str, Any]:
    return {"description": description, "quantity": f"{posting.quantity.normalize():f}",
            "unit_price": _money_text(posting.unit_price), "vat_percent": f"{posting.tax_percent.normalize():f}",
            "net": _money_text(posting.amount - posting.tax_amount), "vat": _money_text(posting.tax_amount),
            "gross": _money_text(posting.amount), "posting": posting.id}


def _transferred_bill(session: Session, posting: Posting) -> BillView | None:
    """The guest's bill a company's charge stands for (a transfer to the company's account)."""
    if posting.source != "transfer":
        return None
    bill_id = session.scalar(select(Payment.bill_id).where(Payment.company_posting_id == posting.id))
    if bill_id is None:
        return None
    bill = get(session, Bill, bill_id, "Bill")
    return load_folio(session, bill.folio_id).bill(bill_id)


def _transferred_lines(view: BillView, transfer: Posting, names: Any,
                       currency: str) -> list[tuple[dict[str, Any], date]]:
    """The lines of a guest's bill charged to a company. All of it transferred: its charges as they are.
    Part of it (the guest paid the rest): the part transferred, one line per VAT rate in proportion
    to the bill's charges at that rate, its VAT worked out of the gross."""
    charges = [line.posting for line in view.postings if line.is_active]
    last = max(posting.business_date for posting in charges)
    if total((p.amount for p in charges), currency) == transfer.amount:
        return [(_line(posting, _line_description(line, names)), posting.business_date)
                for line in view.postings if line.is_active for posting in [line.posting]]
    by_rate: dict[Decimal, Money] = defaultdict(lambda: Money.zero(currency))
    for posting in charges:
        by_rate[posting.tax_percent] += posting.amount
    left = {k: money for k, money in enumerate(sorted(by_rate.items()))}
    shares = _spread(transfer.amount, {k: money for k, (_rate, money) in left.items()})
    written = posting_text(transfer)
    description = transfer.description if written is None else fill(
        written, lambda template, params: document_label(names.language, template, **params))
    out = []
    for k, (rate, _money) in left.items():
        gross = shares.get(k, Money.zero(currency))
        vat = _vat_of(gross, rate)
        out.append(({"description": description, "quantity": "1", "unit_price": _money_text(gross),
                     "vat_percent": f"{rate.normalize():f}", "net": _money_text(gross - vat), "vat": _money_text(vat),
                     "gross": _money_text(gross), "posting": transfer.id}, last))
    return out


def _vat_of(gross: Money, percent: Decimal) -> Money:
    """The VAT included in a gross amount at ``percent``."""
    return Money.rounded(gross.amount * percent / (100 + percent), gross.currency)


def issue_invoice(session: Session, actor: Actor, bill_ids: Sequence[int], *, today: date | None = None) -> Invoice:
    """The next numbered invoice for these bills of one buyer, its content frozen."""
    require(actor, Right.ISSUE_INVOICE)
    bill_ids = list(dict.fromkeys(bill_ids))
    if not bill_ids:
        raise InvalidInput("Choose the bills to invoice", field="bills")
    number = _next_number(session)
    _lock_bills(session, bill_ids)
    _refuse_invoiced(session, bill_ids)
    fmt = hotel_format(session)
    language = fmt.language
    names = load_names(session, language)
    currency = base_currency(session)
    buyer_key: tuple[str, int] | None = None
    buyer: dict[str, Any] = {}
    lines: list[dict[str, Any]] = []
    methods: list[str] = []
    supply: date | None = None
    bill_numbers: list[str] = []
    covered: list[int] = []  # guests' bills transferred to the company, invoiced with it
    for bill_id in bill_ids:
        bill = get(session, Bill, bill_id, "Bill")
        folio_view = load_folio(session, bill.folio_id)
        key, found = _buyer_of(session, bill, folio_view.folio)
        if buyer_key is None:
            buyer_key, buyer = key, found
        elif key != buyer_key:
            raise InvalidInput("Bill {bill} is another buyer's: one invoice is for one buyer's bills",
                               field="bills", bill=bill.number)
        view = folio_view.bill(bill_id)
        charges = [line for line in view.postings if line.is_active]
        if not charges:
            raise InvalidInput("Bill {bill} has nothing to invoice", field="bills", bill=bill.number)
        bill_numbers.append(bill.number)
        for line in charges:
            posting: Posting = line.posting
            if posting.amount.currency != currency:
                raise InvalidInput("Bill {bill} holds an amount in {currency}: an invoice is in the hotel's "
                                   "currency, {base}", field="bills", bill=bill.number,
                                   currency=posting.amount.currency, base=currency)
            transferred = _transferred_bill(session, posting)
            if transferred is None:
                lines.append(_line(posting, _line_description(line, names)))
                supply = max(supply or posting.business_date, posting.business_date)
                continue
            # A guest's bill charged to the company: its services, at their own VAT rates, are what is
            # invoiced, and the guest's bill is then invoiced too (never a second time on its own).
            covered.append(transferred.bill.id)
            for expanded, business_date in _transferred_lines(transferred, posting, names, currency):
                lines.append(expanded)
                supply = max(supply or business_date, business_date)
        for payment_line in view.payments:
            payment = payment_line.payment
            if (payment.kind in (PaymentKind.PAYMENT, PaymentKind.TRANSFER) and payment_line.voided_by is None
                    and payment.base_amount.is_positive):
                name = names.method(payment.method)
                if name not in methods:
                    methods.append(name)
    assert supply is not None
    issued_on = today or hotel_today(session)
    content: dict[str, Any] = {
        "version": CONTENT_VERSION, "kind": InvoiceKind.INVOICE.value, "number": number_text(number),
        "issued_on": issued_on.isoformat(), "supply_date": supply.isoformat(), "language": language,
        "currency": currency, "seller": _seller(session), "buyer": buyer, "bills": bill_numbers, "lines": lines,
        "payment_method": ", ".join(methods) or document_label(language, "Bank transfer"),
        "issued_by": _issuer_name(session, actor),
        **_totals(lines, currency, language),
    }
    invoice = _freeze(session, actor, content, kind=InvoiceKind.INVOICE, number=number, issued_on=issued_on,
                      supply_date=supply, buyer=buyer, currency=currency)
    if covered:
        _refuse_invoiced(session, covered)
    invoiced = list(dict.fromkeys([*bill_ids, *covered]))
    session.add_all(InvoiceBill(invoice_id=invoice.id, bill_id=bill_id) for bill_id in invoiced)
    close_by_invoice(session, invoiced, number_text(number))
    note(session, AuditNote(kind="invoice", username=actor.username, workstation=actor.workstation,
                            subject=f"invoice {number_text(number)}",
                            summary=f"invoice {number_text(number)} to {buyer['name']}: {content['gross']} {currency}, "
                                    f"bills {', '.join(bill_numbers)}",
                            detail={"invoice": invoice.id, "number": number_text(number), "bills": bill_numbers,
                                    "gross": content["gross"], "hash": invoice.content_hash}))
    return invoice


def invoice_content(invoice: Invoice) -> dict[str, Any]:
    """The document as issued; refused if its stored content no longer matches its hash."""
    if content_hash(invoice.content.encode("utf-8")) != invoice.content_hash:
        raise InvalidInput("Invoice {number} does not match what was issued: its record was changed",
                           field="invoice", number=number_text(invoice.number))
    content: dict[str, Any] = json.loads(invoice.content)
    return content


def credited_per_line(session: Session, invoice: Invoice, *,
                      before: int | None = None) -> dict[int, dict[str, Money]]:
    """What the invoice's credit notes (those numbered before ``before``, when given) took back from each of its
    lines (net, vat, gross)."""
    currency = invoice.total.currency
    taken: dict[int, dict[str, Money]] = defaultdict(lambda: {k: Money.zero(currency) for k in ("net", "vat", "gross")})
    notes_of = select(Invoice).where(Invoice.credited_invoice_id == invoice.id)
    if before is not None:
        notes_of = notes_of.where(Invoice.number < before)
    notes = session.scalars(notes_of).all()
    for credit in notes:
        for line in invoice_content(credit)["lines"]:
            for key in ("net", "vat", "gross"):
                taken[int(line["line"])][key] += Money.of(line[key], currency)
    return taken


def credit_left(session: Session, invoice: Invoice) -> Money:
    """What a credit note may still take back from the invoice (zero: credited in full)."""
    credited = session.scalars(select(Invoice.total).where(Invoice.credited_invoice_id == invoice.id)).all()
    return invoice.total - total(credited, invoice.total.currency)


def _spread(amount: Money, left: dict[int, Money]) -> dict[int, Money]:
    """``amount`` over the lines in proportion to what each has left; the rounding goes to the last."""
    whole = total(left.values(), amount.currency)
    shares: dict[int, Money] = {}
    given = Money.zero(amount.currency)
    positive = [number for number, money in left.items() if money.is_positive]
    for number in positive[:-1]:
        share = Money.rounded(amount.amount * left[number].amount / whole.amount, amount.currency)
        shares[number] = share
        given += share
    if positive:
        shares[positive[-1]] = amount - given
    return shares


def issue_credit_note(session: Session, actor: Actor, invoice_number: int, reason: str, *,
                      amount: Money | None = None, lines: Sequence[CreditLine] = (),
                      today: date | None = None) -> Invoice:
    """A credit note for the invoice: all it still has (no ``amount``, no ``lines``), an amount spread
    over its lines, or chosen lines (each whole, or an amount of it)."""
    require(actor, Right.ISSUE_CREDIT_NOTE)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Say why the invoice is credited", field="reason")
    if len(reason) > REASON_LENGTH:
        raise InvalidInput("At most {limit} characters", field="reason", limit=REASON_LENGTH)
    if amount is not None and lines:
        raise InvalidInput("Credit either an amount or chosen lines, not both", field="amount")
    number = _next_number(session)
    invoice = session.scalars(select(Invoice).where(Invoice.number == invoice_number)).first()
    if invoice is None or invoice.kind is not InvoiceKind.INVOICE:
        raise NotFound("There is no invoice {number}", field="invoice", number=number_text(invoice_number))
    original = invoice_content(invoice)
    currency = invoice.total.currency
    taken = credited_per_line(session, invoice)
    invoice_lines = {k: line for k, line in enumerate(original["lines"], 1)}
    left = {k: Money.of(line["gross"], currency) - taken[k]["gross"] for k, line in invoice_lines.items()}
    still = total(left.values(), currency)
    if not still.is_positive:
        raise InvalidInput("Invoice {invoice} is credited in full", field="invoice",
                           invoice=number_text(invoice_number))
    wanted: dict[int, Money]
    if lines:
        wanted = {}
        for choice in lines:
            if choice.line not in invoice_lines:
                raise InvalidInput("Invoice {invoice} has no line {line}", field="lines",
                                   invoice=number_text(invoice_number), line=choice.line)
            wanted[choice.line] = choice.amount if choice.amount is not None else left[choice.line]
    elif amount is not None:
        if amount.currency != currency:
            raise InvalidInput("The invoice is in {currency}", field="amount", currency=currency)
        if amount > still:
            raise InvalidInput("Invoice {invoice} has {left} left to credit: {amount} is more",
                               field="amount", invoice=number_text(invoice_number), left=still, amount=amount)
        wanted = _spread(amount, left)
    else:
        wanted = {k: money for k, money in left.items() if money.is_positive}
    credit_lines: list[dict[str, Any]] = []
    for k, gross in sorted(wanted.items()):
        if not gross.is_positive:
            raise InvalidInput("A credit note credits a positive amount", field="amount")
        if gross > left[k]:
            raise InvalidInput("Line {line} of invoice {invoice} has {left} left to credit: {amount} is more",
                               field="lines", line=k, invoice=number_text(invoice_number), left=left[k], amount=gross)
        line = invoice_lines[k]
        if gross == left[k]:  # the rest of the line: exactly what is left of its VAT, no rounding drift
            vat = Money.of(line["vat"], currency) - taken[k]["vat"]
        else:
            vat = _vat_of(gross, Decimal(line["vat_percent"]))
        # A whole line keeps its quantity and price; a part of one is one of the amount credited, so
        # that quantity × unit price is the line's amount, as on Bulgarian credit notes.
        whole = gross == Money.of(line["gross"], currency)
        credit_lines.append({"line": k, "description": line["description"],
                             "quantity": line["quantity"] if whole else "1",
                             "unit_price": line["unit_price"] if whole else _money_text(gross),
                             "vat_percent": line["vat_percent"],
                             "net": _money_text(gross - vat), "vat": _money_text(vat), "gross": _money_text(gross)})
    issued_on = today or hotel_today(session)
    language = original["language"]
    content: dict[str, Any] = {
        "version": CONTENT_VERSION, "kind": InvoiceKind.CREDIT_NOTE.value, "number": number_text(number),
        "issued_on": issued_on.isoformat(), "supply_date": original["supply_date"], "language": language,
        "currency": currency, "seller": _seller(session), "buyer": original["buyer"], "bills": original["bills"],
        "lines": credit_lines, "payment_method": original["payment_method"],
        "issued_by": _issuer_name(session, actor), "reason": reason,
        "credited": {"number": original["number"], "issued_on": original["issued_on"]},
        **_totals(credit_lines, currency, language),
    }
    credit = _freeze(session, actor, content, kind=InvoiceKind.CREDIT_NOTE, number=number, issued_on=issued_on,
                     supply_date=invoice.supply_date, buyer=original["buyer"], currency=currency, credited=invoice,
                     reason=reason)
    if not credit_left(session, invoice).is_positive:
        reopen_after_credit(session, number_text(invoice_number), number_text(number))
    note(session, AuditNote(kind="invoice", username=actor.username, workstation=actor.workstation,
                            subject=f"credit note {number_text(number)}",
                            summary=f"credit note {number_text(number)} to invoice {original['number']}: "
                                    f"{content['gross']} {currency}, {reason}",
                            detail={"invoice": credit.id, "number": number_text(number),
                                    "credits": original["number"], "gross": content["gross"], "reason": reason,
                                    "hash": credit.content_hash}))
    return credit
