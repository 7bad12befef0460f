"""What a hotel's fiscal receipt for a payment says.

A payment that settles a whole bill at once lists the bill's services (what the guest bought);
any other payment on a bill (a part payment, a second payer) is one line "Payment for bill N",
and a deposit one line "Advance payment", since the fiscal receipt must add up to the money that
changed hands. Every word is in the register's language (the paper follows the country, not the
clerk's screen): those lines, the method's name and the catalogue's service names.
Taxes are given by rate: a bill's own, shared out in proportion to the payment;
a refund's follow the items taken off the bill since (a refunded minibar at 20% returns 20% only),
and what no item explains follows the refunded payment's receipt; an advance carries none until
it pays a bill. Amounts are in the hotel's currency; the tender
line shows the currency the money moved in, with what was handed over and the change for cash.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.fiscal.chain import receipt_of_payment
from desk.fiscal.interface import Document, DocumentKind, Receipt, SaleLine, TaxLine, TenderLine
from desk.fiscal.registers import atol
from desk.fiscal.render import labels
from desk.hotel.country import register_format
from desk.hotel.models import MethodKind, PaymentMethod
from desk.hotel.names import load_names
from desk.ledger.folios import BillView, load_folio
from desk.ledger.lookup import get
from desk.ledger.models import Payment, PaymentKind, PostingKind


def receipt_refusal(method: PaymentMethod, kind: PaymentKind, *, has_register: bool = True,
                    voids_a_receipted_sale: bool = False) -> InvalidInput | None:
    """Why a payment of ``method`` and ``kind`` may not be receipted, or None: the one rule, asked by the
    receipt itself and by every screen that offers **Print receipt** (cash, card on a terminal, refunds).

    Money received (a payment, a deposit) gets a sale receipt and money given back a refund receipt,
    as does the void of a payment that had its sale receipt; a method the hotel keeps off the fiscal
    register (transfer, voucher, deposit, company account) gets none, and neither does a desk without
    a register."""
    receipted = (kind in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT, PaymentKind.REFUND)
                 or (kind is PaymentKind.VOID and voids_a_receipted_sale))
    if not receipted:
        return InvalidInput("Only payments and refunds get a fiscal receipt", field="payment")
    if not method.fiscal:
        return InvalidInput("{method} payments get no fiscal receipt", field="payment", method=method.name)
    if not has_register:
        return InvalidInput("No cash register is configured", field="register")
    return None


def payment_receipt_refusal(session: Session, payment: Payment, *, has_register: bool = True) -> InvalidInput | None:
    """:func:`receipt_refusal` for a recorded payment: a void is receipted when the payment it voids was."""
    return receipt_refusal(payment.method, payment.kind, has_register=has_register,
                           voids_a_receipted_sale=_voids_a_receipted_payment(session, payment))


@dataclass(frozen=True)
class ReceiptOffer:
    """A payment as the receipt window shows it, and why it may get no receipt (None when it may)."""

    payment: Payment
    refusal: InvalidInput | None


def receipt_offer(session: Session, payment_id: int, *, has_register: bool) -> ReceiptOffer:
    payment = get(session, Payment, payment_id, "Payment")
    return ReceiptOffer(payment, payment_receipt_refusal(session, payment, has_register=has_register))


def receipt_kind(session: Session, payment: Payment) -> DocumentKind:
    """Sale for a payment or deposit; refund for a refund, or for the void of a receipted payment."""
    refusal = payment_receipt_refusal(session, payment)
    if refusal is not None:
        raise refusal
    return DocumentKind.SALE if payment.kind in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT) else DocumentKind.REFUND


def issued_receipt(session: Session, payment_id: int, kind: DocumentKind) -> Document | None:
    """The payment's receipt of ``kind`` whichever register issued it: ours (the signed chain) or a registered one."""
    return receipt_of_payment(session, payment_id, kind) or atol.receipt_of_payment(session, payment_id, kind)


def _voids_a_receipted_payment(session: Session, payment: Payment) -> bool:
    return (payment.kind is PaymentKind.VOID and payment.voids_id is not None
            and issued_receipt(session, payment.voids_id, DocumentKind.SALE) is not None)


def _tax(gross: Money, percent: Decimal) -> Money:
    return gross.times(percent / (Decimal(100) + percent)) if percent else Money.zero(gross.currency)


def build_receipt(session: Session, payment_id: int, tendered: Money | None, register_code: str) -> Receipt:
    """The receipt of a payment, worded in the language of the register that prints it."""
    payment = get(session, Payment, payment_id, "Payment")
    kind = receipt_kind(session, payment)
    language = register_format(session, register_code).language
    words = labels(language)
    names = load_names(session, language)
    view = load_folio(session, payment.folio_id)
    currency = view.currency
    amount = abs(payment.base_amount)
    original_id = payment.voids_id if payment.kind is PaymentKind.VOID else payment.refund_of_id
    refund_of = None
    if kind is DocumentKind.REFUND and original_id is not None:
        original = issued_receipt(session, original_id, DocumentKind.SALE)
        refund_of = original.number if original is not None else None
    lines: list[SaleLine] = []
    groups: dict[Decimal, Money] = defaultdict(lambda: Money.zero(currency))
    bill_number = ""
    if payment.bill_id is not None:
        bill = view.bill(payment.bill_id)
        bill_number = bill.bill.number
        active = [line.posting for line in bill.postings if line.is_active]
        others = [p for p in bill.payments if p.payment.id != payment.id and p.voided_by is None
                  and p.payment.kind is not PaymentKind.VOID]
        for posting in active:
            groups[posting.tax_percent] += posting.amount
        if kind is DocumentKind.SALE and not others and amount == bill.charges and active:
            lines = [SaleLine(names.posting(p), _qty(p.quantity), str(p.amount.amount), _pct(p.tax_percent))
                     for p in active]
        else:
            if kind is DocumentKind.REFUND:
                groups = _refund_groups(session, bill, payment, original_id, amount, groups)
            else:
                groups = _share(groups, amount)
            label = words["payment_for_bill"] if kind is DocumentKind.SALE else words["refund_for_bill"]
            lines = [SaleLine(label.format(bill=bill_number), "1", str(amount.amount),
                              _pct(next(iter(groups))) if len(groups) == 1 else "")]
    else:
        label = words["advance"] if kind is DocumentKind.SALE else words["advance_returned"]
        lines = [SaleLine(label, "1", str(amount.amount), "")]
    taxes = tuple(TaxLine(_pct(p), str(g.amount), str(_tax(g, p).amount)) for p, g in sorted(groups.items()) if g)
    change = None
    if tendered is not None and payment.method.kind is MethodKind.CASH and tendered >= abs(payment.amount):
        change = str((tendered - abs(payment.amount)).amount)
    tender = TenderLine(names.method(payment.method), str(abs(payment.amount)),
                        str(tendered) if change is not None and tendered is not None else None, change)
    return Receipt(kind=kind, currency=currency, lines=tuple(lines), taxes=taxes, total=str(amount.amount),
                   tenders=(tender,), payment_id=payment.id, payer=payment.payer_name, bill=bill_number,
                   refund_of=refund_of)


def _refund_groups(session: Session, bill: BillView, refund: Payment, original_id: int | None,
                   amount: Money, on_bill: dict[Decimal, Money]) -> dict[Decimal, Money]:
    """A refund's gross by tax rate: first the rates of the items taken off the bill since the refunded payment
    (less what earlier refund receipts of the bill gave back at each rate), then, for what is left, the
    refunded payment's own receipt (else the bill) in proportion."""
    currency = amount.currency
    original = session.get(Payment, original_id) if original_id is not None else None
    sale = receipt_of_payment(session, original_id, DocumentKind.SALE) if original_id is not None else None
    proportion = _document_groups(sale, currency) if sale is not None else dict(on_bill)
    if refund.kind is PaymentKind.VOID:
        return _share(proportion, amount)  # the whole payment returned: as its receipt had it
    taken_off: dict[Decimal, Money] = defaultdict(lambda: Money.zero(currency))
    for line in bill.postings:
        reversal = line.reversed_by
        if (reversal is not None and original is not None and reversal.created_at >= original.created_at
                and line.posting.kind is PostingKind.CHARGE):
            taken_off[line.posting.tax_percent] += line.posting.amount
    for earlier in bill.payments:
        if earlier.payment.kind is not PaymentKind.REFUND or earlier.payment.id == refund.id:
            continue
        document = receipt_of_payment(session, earlier.payment.id, DocumentKind.REFUND)
        if document is not None:
            for percent, gross in _document_groups(document, currency).items():
                taken_off[percent] = taken_off[percent] - gross
    items = {p: g for p, g in taken_off.items() if g.is_positive}
    whole = sum((g for g in items.values()), Money.zero(currency))
    if not items:
        return _share(proportion, amount)
    if amount <= whole:
        return _share(items, amount)
    rest = _share(proportion, amount - whole)
    return {p: items.get(p, Money.zero(currency)) + rest.get(p, Money.zero(currency)) for p in items | rest}


def _document_groups(document: Document, currency: str) -> dict[Decimal, Money]:
    return {Decimal(t["percent"]): Money.of(t["gross"], currency) for t in document.content["body"].get("taxes", [])}


def _share(groups: dict[Decimal, Money], amount: Money) -> dict[Decimal, Money]:
    """``amount`` shared across tax rates in proportion to the bill; the last rate takes the rounding."""
    whole = sum((g.amount for g in groups.values()), Decimal(0))
    if not groups or whole <= 0:
        return {}
    shared: dict[Decimal, Money] = {}
    rest = amount
    rates = sorted(groups)
    for percent in rates[:-1]:
        part = amount.times(groups[percent].amount / whole)
        shared[percent] = part
        rest = rest - part
    shared[rates[-1]] = rest
    return shared


def _qty(quantity: Decimal) -> str:
    return format(quantity.normalize(), "f")


def _pct(percent: Decimal) -> str:
    return format(Decimal(percent).normalize(), "f")
