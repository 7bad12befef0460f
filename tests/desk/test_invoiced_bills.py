"""An invoiced bill stays as invoiced, on SQLite and PostgreSQL: charges, reversals and moves onto it are
refused naming the invoice, a transfer to the company goes to a bill no invoice closed, and a credit
note for the whole invoice opens the bill again."""

from __future__ import annotations

from sqlalchemy import select

from desk.core.errors import ClosedForPosting
from desk.invoices.issuing import issue_credit_note, issue_invoice
from desk.ledger import bills, payments, postings
from desk.ledger.folios import bill_balance, load_folio
from desk.ledger.models import Folio
from desk.ledger.payments import Tender
from desk.people.models import Role
from desk.stays.models import Company

from .conftest import Hotel, Stay, refused

CLOSED = ("Bill {bill} is closed by invoice {invoice}: its services stay as invoiced. Post on another bill, "
          "or credit the whole invoice first")


def _company(hotel: Hotel) -> int:
    with hotel.database.writing() as session:
        company = Company(name="Balkan Travel Ltd", search_name="balkan travel ltd", tax_id="BG131234567")
        session.add(company)
        session.flush()
        return company.id


def _charged(hotel: Hotel, amount: str = "120.00") -> Stay:
    stay = hotel.stay()
    hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Night", quantity=1,
              unit_price=hotel.money(amount), tax_code="VAT9")
    return stay


def _company_bills(hotel: Hotel, company_id: int) -> list[int]:
    def ids(session):
        folio = session.scalars(select(Folio).where(Folio.company_id == company_id)).one()
        return [bill.id for bill in folio.bills]
    return hotel.query(ids)


def test_a_transfer_after_the_companys_invoice_lands_on_a_new_bill(hotel: Hotel):
    company_id = _company(hotel)
    first, second, third = _charged(hotel), _charged(hotel, "80.00"), _charged(hotel, "40.00")
    hotel.run(payments.transfer_to_company, first.bill_id, company_id)
    [invoiced] = _company_bills(hotel, company_id)
    hotel.as_role(Role.CASHIER).run(issue_invoice, [invoiced])

    hotel.run(payments.transfer_to_company, second.bill_id, company_id)
    invoiced_bill, new_bill = _company_bills(hotel, company_id)
    assert invoiced_bill == invoiced
    assert hotel.query(bill_balance, invoiced) == hotel.money("120.00")
    assert hotel.query(bill_balance, new_bill) == hotel.money("80.00")
    # The next transfer joins the newest bill not invoiced, rather than opening one more.
    hotel.run(payments.transfer_to_company, third.bill_id, company_id)
    assert _company_bills(hotel, company_id) == [invoiced, new_bill]
    assert hotel.query(bill_balance, new_bill) == hotel.money("120.00")


def test_a_charge_a_reversal_or_a_move_onto_an_invoiced_bill_is_refused_naming_the_invoice(hotel: Hotel):
    stay = _charged(hotel)
    hotel.as_role(Role.CASHIER).run(issue_invoice, [stay.bill_id])
    refusal = refused(hotel, ClosedForPosting, CLOSED, lambda: hotel.run(
        postings.post_charge, bill_id=stay.bill_id, description="Minibar", quantity=1,
        unit_price=hotel.money("5.00"), tax_code="VAT20"))
    assert refusal.params == {"bill": f"{stay.bill_id:06d}", "invoice": "0000000001"}
    night = hotel.query(load_folio, stay.folio_id).bill(stay.bill_id).postings[0].posting.id
    refused(hotel, ClosedForPosting, CLOSED,
            lambda: hotel.as_role(Role.MANAGER).run(postings.void_posting, night, reason="typo"))
    other = hotel.run(bills.open_bill, stay.folio_id, payer_name="Second payer")
    refused(hotel, ClosedForPosting, CLOSED, lambda: hotel.run(bills.move_postings, [night], other.id))
    extra = hotel.run(postings.post_charge, bill_id=other.id, description="Minibar", quantity=1,
                      unit_price=hotel.money("5.00"), tax_code="VAT20")
    refused(hotel, ClosedForPosting, CLOSED, lambda: hotel.run(bills.move_postings, [extra.id], stay.bill_id))
    # Paying what the invoice asks changes nothing it says.
    hotel.run(payments.take_payment, stay.bill_id, Tender("cash", hotel.money("120.00")))
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("0.00")


def test_a_credit_note_for_the_whole_invoice_opens_the_bill_again(hotel: Hotel):
    stay = _charged(hotel)
    hotel.as_role(Role.CASHIER).run(issue_invoice, [stay.bill_id])
    boss = hotel.as_role(Role.MANAGER)
    boss.run(issue_credit_note, 1, "discount", amount=hotel.money("20.00"))

    def charge() -> object:
        return hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Minibar", quantity=1,
                         unit_price=hotel.money("5.00"), tax_code="VAT20")

    refused(hotel, ClosedForPosting, CLOSED, charge)
    boss.run(issue_credit_note, 1, "wrong buyer")
    charge()
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("125.00")
    # Invoiced again, it is closed by the new invoice.
    hotel.as_role(Role.CASHIER).run(issue_invoice, [stay.bill_id])
    assert refused(hotel, ClosedForPosting, CLOSED, charge).params["invoice"] == "0000000004"


def test_a_charge_posted_while_the_bill_is_being_invoiced_waits_for_the_invoice_and_is_refused(hotel: Hotel):
    """Two desks at once: one issues the invoice, the other posts a charge onto its bill. The invoice's lock on the
    bill holds the charge until the invoice commits; the charge then finds its bill closed, never a line the frozen
    invoice does not have."""
    import threading

    from desk.core.errors import DeskError
    from desk.db.audit_notes import act_as

    stay = _charged(hotel)
    cashier = hotel.as_role(Role.CASHIER).actor
    ended: dict[str, object] = {}

    def other_desk() -> None:
        try:
            hotel.run(postings.post_charge, bill_id=stay.bill_id, description="Minibar", quantity=1,
                      unit_price=hotel.money("5.00"), tax_code="VAT20")
            ended["charge"] = "posted"
        except DeskError as exc:
            ended["charge"] = exc

    with hotel.database.writing() as session:
        act_as(session, cashier)
        issue_invoice(session, cashier, [stay.bill_id])
        racer = threading.Thread(target=other_desk)
        racer.start()
        racer.join(0.4)
        assert racer.is_alive() and ended == {}  # held by the bill's lock until the invoice commits
    racer.join(30)
    refusal = ended["charge"]
    assert isinstance(refusal, ClosedForPosting) and refusal.template == CLOSED
    assert refusal.params == {"bill": f"{stay.bill_id:06d}", "invoice": "0000000001"}
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("120.00")
