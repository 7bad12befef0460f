"""Rights: each write use case refuses a role without its right, and manager approvals are real."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desk.audit import reading as audit_reading
from desk.backup import schedule as backup_schedule
from desk.cards import card_page, saved_cards, terminals
from desk.cards import operations as cards
from desk.cards import operator_workflow as online
from desk.cards.models import CardKind, OnlineKind
from desk.cards.pending import settle_card_by_hand
from desk.cash import shifts
from desk.core.errors import BillNotSettled, NotAuthorised
from desk.devices import printers as devices
from desk.fiscal import chain, document_format, receipts
from desk.fiscal import settings as fiscal_settings
from desk.fiscal.interface import DocumentKind, Paper, Receipt
from desk.fiscal.registers.by_hand import pending_register_documents, settle_register_document_by_hand
from desk.hotel import catalogue, rates
from desk.hotel import setup as hotel_setup
from desk.hotel.models import MethodKind
from desk.imports import csv_import
from desk.imports import reservations as reservation_import
from desk.invoices import issuing as invoicing
from desk.invoices import seller as invoice_seller
from desk.journal import intents as journal
from desk.ledger import accounts, bills, payments, postings
from desk.ledger.models import Payment, Posting
from desk.ledger.payments import Tender
from desk.mail import outbox as mail
from desk.mailing import documents as mail_documents
from desk.people import admin as people_admin
from desk.people.auth import ManagerApproval, hash_password
from desk.people.models import Role, User
from desk.people.rights import ROLE_RIGHTS, MissingRight, Right
from desk.pos import checks as pos_checks
from desk.pos import item_map as pos_item_map
from desk.pos import keys as pos_keys
from desk.stays import booking, business_day, city_tax, companies, credit, guest_details, night_audit, rooms
from desk.stays import reservations as stays
from desk.stays.models import DocumentKind as DocumentKindOfGuest
from tests.actors import signed_in

from .conftest import MISSING_RIGHT, NOT_A_MANAGER, Hotel, Stay, refused
from .test_rates import ECB_FILE


@dataclass
class Scene:
    """A stay with a charge and a payment on it, to aim every use case at."""

    stay: Stay
    posting_id: int
    payment_id: int
    company_id: int
    transfer_id: int  # another stay's bill, transferred to the company


def scene(hotel: Hotel) -> Scene:
    stay = hotel.stay()
    spa = hotel.run(postings.post_service, bill_id=stay.bill_id, service_code="SPA")
    paid = hotel.run(payments.take_payment, stay.bill_id, Tender("cash", hotel.money("10")))
    with hotel.database.writing() as session:
        from desk.stays.models import Company

        company = Company(name="Acme", search_name="acme")
        session.add(company)
        session.flush()
        company_id = company.id
    other = hotel.stay(in_house=False)
    hotel.run(postings.post_service, bill_id=other.bill_id, service_code="SPA")
    transfer = hotel.run(payments.transfer_to_company, other.bill_id, company_id)
    return Scene(stay, spa.id, paid.id, company_id, transfer.id)


def pos_hotel(hotel: Hotel) -> Hotel:
    """The hotel as the restaurant POS service signs in to it."""
    with hotel.database.writing() as session:
        if session.get(User, "pos") is None:
            session.add(User(username="pos", full_name="Restaurant POS", role=Role.POS,
                             password_hash=hash_password("pos-secret")))
    from desk.people.auth import sign_in

    with hotel.database.unit_of_work() as session:
        actor = sign_in(session, "pos", "pos-secret", "POS-1")
    return Hotel(hotel.database, actor, hotel.currency)


# Every write use case in desk/, with arguments that would succeed for a role that has the right.
USE_CASES: dict[str, Any] = {
    "open_bill": lambda h, s: (bills.open_bill, (s.stay.folio_id,), {"payer_name": "X"}),
    "move_postings": lambda h, s: (bills.move_postings, ([s.posting_id], s.stay.bill_id), {}),
    "split_bill": lambda h, s: (bills.split_bill, (s.stay.bill_id, [s.posting_id]), {"payer_name": "X"}),
    "post_charge": lambda h, s: (postings.post_charge, (), {
        "bill_id": s.stay.bill_id, "description": "Dinner", "quantity": 1, "unit_price": h.money("5")}),
    "post_service": lambda h, s: (postings.post_service, (), {"bill_id": s.stay.bill_id, "service_code": "SPA"}),
    "post_services": lambda h, s: (postings.post_services, (), {
        "bill_id": s.stay.bill_id, "lines": [postings.ServiceLine("SPA"), postings.ServiceLine("MB-BEER", 2)]}),
    "reverse_posting": lambda h, s: (postings.reverse_posting, (s.posting_id,), {"reason": "r"}),
    "void_posting": lambda h, s: (postings.void_posting, (s.posting_id,), {"reason": "r"}),
    "take_payment": lambda h, s: (payments.take_payment, (s.stay.bill_id, Tender("cash", h.money("1"))), {}),
    "overpay": lambda h, s: (payments.take_payment, (s.stay.bill_id, Tender("cash", h.money("500"))),
                             {"allow_overpay": True}),
    "backdated_payment": lambda h, s: (payments.take_payment, (s.stay.bill_id, Tender(
        "cash", h.money("1"), paid_on=date.today() - timedelta(days=3))), {}),
    "take_deposit": lambda h, s: (payments.take_deposit, (s.stay.folio_id, Tender("cash", h.money("1"))), {}),
    "backdated_deposit": lambda h, s: (payments.take_deposit, (s.stay.folio_id, Tender(
        "cash", h.money("1"), paid_on=date.today() - timedelta(days=3))), {}),
    "apply_deposit": lambda h, s: (payments.apply_deposit, (s.stay.bill_id, h.money("1")), {}),
    "refund_payment": lambda h, s: (payments.refund_payment, (s.payment_id, h.money("1")), {}),
    "record_card_money": lambda h, s: (payments.record_card_money, (s.stay.bill_id, h.money("1")), {
        "method": None, "payer_name": "", "text": ""}),
    "record_card_refund": lambda h, s: (payments.record_card_refund, (s.payment_id, h.money("1")), {"text": ""}),
    "void_payment": lambda h, s: (payments.void_payment, (s.payment_id,), {"reason": "r"}),
    "transfer_to_company": lambda h, s: (payments.transfer_to_company, (s.stay.bill_id, s.company_id), {}),
    "reverse_company_transfer": lambda h, s: (payments.reverse_company_transfer, (s.transfer_id,), {"reason": "r"}),
    "request_receipt": lambda h, s: (receipts.request_receipt, (s.payment_id, "FP-1"), {}),
    "issue_receipt": lambda h, s: (chain.issue_receipt, ("FP-1", "K1", Receipt(
        DocumentKind.SALE, "EUR", (), (), "10.00", (), payment_id=s.payment_id)), {}),
    "issue_shift_document": lambda h, s: (chain.issue_shift_document, (
        "FP-1", "K2", DocumentKind.SHIFT_OPEN), {}),
    "record_print": lambda h, s: (chain.record_print, (1, False, Paper.PRINTED), {}),
    "check_print": lambda h, s: (chain.check_print, (1,), {}),
    "new_guest": lambda h, s: (stays.new_guest, ("Olga", "Berg"), {}),
    "create_reservation": lambda h, s: (stays.create_reservation, (), {
        "number": "X1", "guests": [], "arrival": date.today(), "departure": date.today() + timedelta(days=1),
        "nightly_rate": h.money("1")}),
    "company_folio": lambda h, s: (accounts.company_folio, (s.company_id,), {}),
    "event_folio": lambda h, s: (accounts.event_folio, (1,), {}),
    "walk_in_folio": lambda h, s: (accounts.walk_in_folio, ("Walk In",), {}),
    "check_in": lambda h, s: (stays.check_in, (s.stay.reservation_id,), {}),
    "check_out": lambda h, s: (stays.check_out, (s.stay.reservation_id,), {}),
    "check_out_override": lambda h, s: (stays.check_out, (s.stay.reservation_id,), {
        "override": ManagerApproval("anna", "anna"), "reason": "r"}),
    "cancel_reservation": lambda h, s: (stays.cancel_reservation, (s.stay.reservation_id,), {"reason": "r"}),
    "post_night": lambda h, s: (stays.post_night, (s.stay.reservation_id, date.today()), {}),
    "book": lambda h, s: (booking.book, (_booking(),), {}),
    "walk_in": lambda h, s: (booking.walk_in, (_booking(),), {}),
    "add_document": lambda h, s: (booking.add_document, (None, booking.DocumentEntry(
        DocumentKindOfGuest.PASSPORT, "P1", "BG")), {}),
    "amend_reservation": lambda h, s: (booking.amend_reservation, (s.stay.reservation_id,), {
        "departure": date.today() + timedelta(days=5)}),
    "move_room": lambda h, s: (booking.move_room, (s.stay.reservation_id, "102"), {}),
    "mark_no_show": lambda h, s: (booking.mark_no_show, (s.stay.reservation_id,), {}),
    "mark_room": lambda h, s: (booking.mark_room, ("101",), {"clean": False}),
    "add_room_type": lambda h, s: (rooms.add_room_type, ("DLX", "Deluxe", h.money("1"), 2), {}),
    "change_room_type": lambda h, s: (rooms.change_room_type, ("Double",), {"beds": 3}),
    "add_room": lambda h, s: (rooms.add_room, ("601", "Double", 6), {}),
    "change_room": lambda h, s: (rooms.change_room, ("101",), {"floor": 2}),
    "set_setting": lambda h, s: (pos_checks.set_setting, ("after_checkout", "refuse"), {}),
    "set_payment_code": lambda h, s: (pos_checks.set_payment_code, ("77", "credit"), {}),
    "remove_payment_code": lambda h, s: (pos_checks.remove_payment_code, ("25",), {}),
    "post_check": lambda h, s: (pos_checks.post_check, ("till", None), {}),
    "cancel_check": lambda h, s: (pos_checks.cancel_check, ("till", "C-1"), {}),
    "refund_check": lambda h, s: (pos_checks.refund_check, ("till", "C-1", "r-1", h.money("1")), {}),
    "create_key": lambda h, s: (pos_keys.create_key, ("till",), {}),
    "revoke_key": lambda h, s: (pos_keys.revoke_key, ("till",), {}),
    "add_terminal": lambda h, s: (terminals.add_terminal, ("TEST-1", "T", "tcp://127.0.0.1:1"), {}),
    "remove_terminal": lambda h, s: (terminals.remove_terminal, (1,), {}),
    "set_terminal_slips": lambda h, s: (terminals.set_terminal_slips, (1,), {"own_printer": True,
                                                                            "merchant_copy": False}),
    "read_trail": lambda h, s: (audit_reading.read_trail, (audit_reading.TrailFilter(),), {}),
    "plan_card_operation": lambda h, s: (cards.plan_card_operation, (CardKind.SALE, 1, cards.CardRequest(
        bill_id=s.stay.bill_id, amount=h.money("1"))), {}),
    "note_hold_expired": lambda h, s: (cards.note_hold_expired, (1,), {}),
    "plan_rules": lambda h, s: (cards.plan_rules, (CardKind.SALE, cards.CardRequest(bill_id=s.stay.bill_id)), {}),
    "plan_online_operation": lambda h, s: (online.plan_online_operation, (OnlineKind.CHARGE, 1, online.OnlineRequest(
        saved_card_id=1)), {}),
    "check_then_charge": lambda h, s: (card_page.check_then_charge, (1, card_page.ThenCharge(
        h.money("1"), bill_id=s.stay.bill_id)), {}),
    "settle_online_intent": lambda h, s: (online.settle_online_intent, (None,), {}),
    "note_card_left_at_operator": lambda h, s: (online.note_card_left_at_operator, (1,), {}),
    "add_operator": lambda h, s: (saved_cards.add_operator, ("Stripe", "stripe", "sk_test_x"), {}),
    "change_operator": lambda h, s: (saved_cards.change_operator, (1,), {
        "account": "", "api_base": "", "currencies": ("EUR",), "retention_days": 30}),
    "typed_operator_settings": lambda h, s: (saved_cards.typed_operator_settings, (None, "stripe"), {
        "name": "Stripe", "account": "", "api_base": "", "currencies": ("EUR",), "secret_key": "sk_test_x"}),
    "set_operator_reader": lambda h, s: (saved_cards.set_operator_reader, (1, "ws", "tmr_x"), {}),
    "set_register": lambda h, s: (fiscal_settings.set_register, ("FP-1",), {"kind": "atol"}),
    "save_register_settings": lambda h, s: (fiscal_settings.save_register_settings, ("FP-1",), {
        "kind": "atol", "address": "", "device_id": "", "taxation": "osn", "vat_text": "", "workstation": ""}),
    "settle_card_by_hand": lambda h, s: (settle_card_by_hand, (1,), {"happened": False, "reason": "r"}),
    "settle_register_document_by_hand": lambda h, s: (settle_register_document_by_hand, (1,), {
        "issued": False, "reason": "r"}),
    "pending_register_documents": lambda h, s: (pending_register_documents, (), {}),
    "record_end_of_day": lambda h, s: (cards.record_end_of_day, (1, 0, 0, None, None), {}),
    "record_intent": lambda h, s: (journal.record_intent, (None,), {}),
    "record_card_intent": lambda h, s: (cards.record_card_intent, (None,), {}),
    "settle_card_intent": lambda h, s: (cards.settle_card_intent, (None,), {}),
    "mark_sent": lambda h, s: (journal.mark_sent, (1,), {}),
    "record_event": lambda h, s: (journal.record_event, (1, journal.EventType.SENT), {}),
    "close": lambda h, s: (journal.close, (1, journal.EventType.CANCELLED), {}),
    "settle": lambda h, s: (journal.settle, (1, None), {}),
    "open_shift": lambda h, s: (shifts.open_shift, ([],), {}),
    "cash_in": lambda h, s: (shifts.cash_in, (h.money("1"), "float"), {}),
    "cash_out": lambda h, s: (shifts.cash_out, (h.money("1"), "bank"), {}),
    "close_shift": lambda h, s: (shifts.close_shift, ({},), {}),
    "add_printer": lambda h, s: (devices.add_printer, ("TEST-1", "P", "tcp://10.0.0.5"), {}),
    "update_printer": lambda h, s: (devices.update_printer, (1, "P", "tcp://10.0.0.5"), {}),
    "remove_printer": lambda h, s: (devices.remove_printer, (1,), {}),
    "open_drawer": lambda h, s: (devices.open_drawer, (), {}),
    "set_credit_limit": lambda h, s: (credit.set_credit_limit, (s.stay.reservation_id, h.money("100")), {}),
    "set_default_credit_limit": lambda h, s: (credit.set_default_credit_limit, (h.money("100"),), {}),
    "email_document": lambda h, s: (mail_documents.email_document, ("folio", s.stay.folio_id, "a@b.example", "en"),
                                    {}),
    "set_mail_settings": lambda h, s: (mail.set_mail_settings, ("127.0.0.1", 25, "none"), {"sender": "a@b.c"}),
    "set_hotel_country": lambda h, s: (document_format.set_hotel_country, ("RU",), {}),
    "set_register_language": lambda h, s: (document_format.set_register_language, ("FP-1", "ru"), {}),
    "drawer_for_payment": lambda h, s: (devices.drawer_for_payment, (s.payment_id,), {}),
    "start_business_days": lambda h, s: (business_day.start_business_days, (date.today(),), {}),
    "open_next_business_day": lambda h, s: (business_day.open_next_business_day, (date.today(),), {}),
    "start_night_audit": lambda h, s: (night_audit.start_night_audit, (date.today(), "r"), {}),
    "charge_night": lambda h, s: (night_audit.charge_night, (s.stay.reservation_id, date.today()), {}),
    "set_city_tax": lambda h, s: (night_audit.set_city_tax, ("CITYTAX", h.money("1"), date.today()), {}),
    "set_up_hotel": lambda h, s: (hotel_setup.set_up_hotel, (hotel_setup.HotelSetup(
        "Other", "EUR", hotel_setup.FirstManager("boss", "Boss", "boss-password-1"),
        [hotel_setup.VatRate("V", "V", Decimal(0))]),), {}),
    "open_hotel": lambda h, s: (business_day.open_hotel, (hotel_setup.HotelSetup(
        "Other", "EUR", hotel_setup.FirstManager("boss", "Boss", "boss-password-1"),
        [hotel_setup.VatRate("V", "V", Decimal(0))]),), {}),
    "add_user": lambda h, s: (people_admin.add_user, ("newbie", "New Bie", Role.CLERK, "newbie-pass-1"), {}),
    "set_user_active": lambda h, s: (people_admin.set_user_active, ("ivan", False), {}),
    "reset_secret": lambda h, s: (people_admin.reset_secret, ("ivan", "ivan-reset-pass1"), {}),
    "change_role": lambda h, s: (people_admin.change_role, ("ivan", Role.CLERK), {}),
    "set_tax_id": lambda h, s: (people_admin.set_tax_id, ("ivan", "500100732259"), {}),
    "add_service": lambda h, s: (catalogue.add_service, ("GYM", "Gym", h.money("5"), "VAT20"), {}),
    "change_service": lambda h, s: (catalogue.change_service, ("SPA", "Spa", h.money("5"), "VAT20"), {}),
    "add_outlet": lambda h, s: (catalogue.add_outlet, ("POOL", "Pool bar"), {}),
    "add_payment_method": lambda h, s: (catalogue.add_payment_method, ("cheque", "Cheque", MethodKind.OTHER), {}),
    "set_rate": lambda h, s: (rates.set_rate, ("USD", Decimal("0.9"), date.today()), {}),
    "import_ecb": lambda h, s: (rates.import_ecb, (ECB_FILE.read_bytes(),), {}),
    "add_register": lambda h, s: (catalogue.add_register, ("FP-9", "Bar register"), {}),
    "add_company": lambda h, s: (companies.add_company, ("Sea Co",), {}),
    "change_company": lambda h, s: (companies.change_company, (s.company_id, "Sea Co", "", "", None), {}),
    "set_service_outlet": lambda h, s: (catalogue.set_service_outlet, ("CITYTAX", None), {}),
    "set_guest_city_tax": lambda h, s: (city_tax.set_guest_city_tax, (1, None, "on duty"), {}),
    "edit_guest": lambda h, s: (guest_details.edit_guest, (1, "Mila", "Petrova"), {}),
    "set_item_map": lambda h, s: (pos_item_map.set_item_map, ("REST", "item", "31", "BREAKFAST"), {}),
    "remove_item_map": lambda h, s: (pos_item_map.remove_item_map, ("REST", "item", "31"), {}),
    "import_csv": lambda h, s: (csv_import.import_csv, ("guests", b"first_name;last_name\nA;B\n", "g.csv"), {}),
    "import_reservations": lambda h, s: (reservation_import.import_reservations, (
        b"external_id;guests;room_type;arrival;departure\nX;A B;Double;2099-01-01;2099-01-02\n", "r.csv"), {}),
    "issue_invoice": lambda h, s: (invoicing.issue_invoice, ([s.stay.bill_id],), {}),
    "issue_credit_note": lambda h, s: (invoicing.issue_credit_note, (1, "r"), {}),
    "set_invoice_seller": lambda h, s: (invoice_seller.set_invoice_seller, (), {
        "vat_number": "BG1", "accountable_person": "M", "city": "Sofia"}),
    "set_backup_schedule": lambda h, s: (backup_schedule.set_backup_schedule, ("/tmp", 7), {}),
}


def _booking() -> booking.Booking:
    """Arriving on the day the test runs (a walk-in's must be the business date), not the day it was collected."""
    return booking.Booking(date.today(), date.today() + timedelta(days=1), new_guests=(booking.NewGuest("A", "B"),),
                           room_type="Double")


CLERK_MAY_NOT_EVEN_WITH_APPROVAL = {
    "add_room_type", "change_room_type", "add_room", "change_room",
    "set_setting", "set_payment_code", "remove_payment_code", "create_key", "revoke_key",
    "open_shift", "cash_in", "cash_out", "close_shift", "add_terminal", "remove_terminal", "set_terminal_slips",
    "record_end_of_day",
    "add_printer", "update_printer", "remove_printer", "open_drawer", "set_mail_settings",
    "set_hotel_country", "set_register_language", "add_operator", "change_operator", "typed_operator_settings",
    "set_operator_reader", "set_register",
    "start_business_days", "open_next_business_day", "start_night_audit", "charge_night", "set_city_tax",
    "set_up_hotel", "open_hotel", "add_user", "set_user_active", "reset_secret", "change_role", "add_service",
    "change_service",
    "add_outlet", "add_payment_method", "set_rate", "import_ecb", "add_company", "change_company", "add_register",
    "import_csv", "import_reservations",
    "set_service_outlet", "set_item_map", "remove_item_map", "read_trail", "set_credit_limit",
    "set_default_credit_limit",
    "save_register_settings", "set_tax_id", "issue_invoice", "issue_credit_note", "set_invoice_seller",
    "set_backup_schedule"}
CLERK_REFUSED = {"reverse_posting", "void_posting", "overpay", "backdated_payment", "backdated_deposit",
                 "refund_payment", "void_payment", "reverse_company_transfer", "check_out_override",
                 "settle_card_by_hand"}
POS_ALLOWED = {"post_charge", "reverse_posting", "open_bill", "apply_deposit", "post_check", "cancel_check",
               "refund_check"}


def test_the_table_covers_every_write_use_case():
    from tests.test_architecture import desk_use_cases

    tested = {fn.__name__ for make in USE_CASES.values() for fn in [make(_FakeHotel(), _fake_scene())[0]]}
    assert tested == {name.rsplit(".", 1)[1] for name, _ in desk_use_cases()}


class _FakeHotel:
    def money(self, amount: str) -> Any:
        return None


def _fake_scene() -> Scene:
    return Scene(Stay(1, 1, 1), 1, 1, 1, 1)


@pytest.mark.parametrize("name", sorted(CLERK_REFUSED | CLERK_MAY_NOT_EVEN_WITH_APPROVAL))
def test_a_clerk_is_refused_what_needs_a_manager(sqlite_hotel: Hotel, name: str):
    hotel = sqlite_hotel
    s = scene(hotel)
    use_case, args, kwargs = USE_CASES[name](hotel, s)
    if name == "check_out_override":  # the clerk's override is her own credentials: not a manager's
        refused(hotel, NotAuthorised, NOT_A_MANAGER, lambda: hotel.run(use_case, *args, **kwargs), field="username")
    else:
        refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(use_case, *args, **kwargs))


@pytest.mark.parametrize("name", sorted(set(USE_CASES) - POS_ALLOWED))
def test_the_pos_service_is_refused_everything_but_its_charges(sqlite_hotel: Hotel, name: str):
    hotel = sqlite_hotel
    s = scene(hotel)
    pos = pos_hotel(hotel)
    use_case, args, kwargs = USE_CASES[name](hotel, s)
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: pos.run(use_case, *args, **kwargs))


def test_the_pos_service_posts_and_cancels_its_charges(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    pos = pos_hotel(hotel)
    charge = pos.run(postings.post_charge, bill_id=s.stay.bill_id, description="Dinner", quantity=1,
                     unit_price=hotel.money("30"), source="pos", check_number="C-17")
    reversal = pos.run(postings.reverse_posting, charge.id, reason="Cancelled in the POS")
    assert (reversal.reverses_id, reversal.created_by) == (charge.id, "pos")


# A card operation settled by hand is a journal event, not a ledger record with created/authorised by:
# tests/desk/test_card_settle_by_hand.py shows the approval there.
@pytest.mark.parametrize("name", sorted(CLERK_REFUSED - {"check_out_override", "reverse_posting",
                                                         "settle_card_by_hand",
                                                         "settle_register_document_by_hand"}))
def test_a_managers_approval_lets_the_clerk_do_it(sqlite_hotel: Hotel, name: str):
    hotel = sqlite_hotel
    s = scene(hotel)
    use_case, args, kwargs = USE_CASES[name](hotel, s)
    record = hotel.run(use_case, *args, **kwargs, approval=hotel.approval())
    assert (record.created_by, record.authorised_by) == ("anna", "maria")


def test_a_refusal_names_the_missing_right(sqlite_hotel: Hotel):
    s = scene(sqlite_hotel)
    with pytest.raises(MissingRight) as refused:
        sqlite_hotel.run(payments.refund_payment, s.payment_id, sqlite_hotel.money("1"))
    assert refused.value.right is Right.REFUND and "refund" in str(refused.value)


def test_an_unsaved_or_forged_manager_is_refused(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    # A User object that is not in the database, or a real name with a made-up password.
    for approval, field, template in (
            (ManagerApproval("nobody", "x"), "password", "Wrong user name or password"),
            (ManagerApproval("ivan", "ivan"), "username", NOT_A_MANAGER)):  # a real cashier: no right to void
        refused(hotel, NotAuthorised, template,
                lambda a=approval: hotel.run(postings.void_posting, s.posting_id, reason="r", approval=a), field=field)
    # A real manager's name with a wrong password: the failed attempt is counted, committed with the
    # refusal (a rollback would allow endless guessing), and nothing else is written.
    forged = ManagerApproval("maria", "not her password")
    refused(hotel, NotAuthorised, "Wrong user name or password",
            lambda: hotel.run(postings.void_posting, s.posting_id, reason="r", approval=forged), field="password",
            also_writes="user_account")
    assert hotel.query(lambda session: session.get_one(User, "maria").failed_sign_ins) == 1
    with pytest.raises(TypeError):
        postings.void_posting(None, hotel.actor, s.posting_id, reason="r",  # type: ignore[call-arg]
                              manager=User(username="nobody", full_name="Nobody", role=Role.MANAGER))


def test_an_actor_is_made_only_by_signing_in():
    from desk.people.auth import Actor

    with pytest.raises(TypeError, match=r"an Actor is made by desk\.people\.auth\.sign_in, not by hand"):
        Actor("maria", "FRONT-1", Role.MANAGER)


def test_the_ledger_names_the_manager_who_typed_the_credentials(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    hotel.run(payments.void_payment, s.payment_id, reason="wrong bill", approval=hotel.approval())
    with hotel.database.unit_of_work() as session:
        void = session.scalars(select(Payment).where(Payment.voids_id == s.payment_id)).one()
        assert (void.created_by, void.authorised_by) == ("anna", "maria")


def test_a_manager_signed_in_voids_without_retyping(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    manager = hotel.as_role(Role.MANAGER)
    manager.run(postings.void_posting, s.posting_id, reason="wrong room")
    with hotel.database.unit_of_work() as session:
        void = session.scalars(select(Posting).where(Posting.reverses_id == s.posting_id)).one()
        assert (void.created_by, void.authorised_by) == ("maria", "maria")


def test_a_manager_signed_in_still_needs_to_override_an_open_balance_explicitly(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, BillNotSettled, "Settle every bill before check-out (bills {bills})",
            lambda: manager.run(stays.check_out, s.stay.reservation_id))


def test_roles_grow_from_clerk_to_manager():
    assert ROLE_RIGHTS[Role.CLERK] < ROLE_RIGHTS[Role.CASHIER] < ROLE_RIGHTS[Role.MANAGER] == frozenset(Right)
    assert ROLE_RIGHTS[Role.POS] == {Right.POST_CHARGE, Right.REVERSE_POSTING, Right.OPEN_BILL, Right.APPLY_DEPOSIT}


def test_a_cashier_refunds_and_overpays_without_a_manager(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    s = scene(hotel)
    cashier = hotel.as_role(Role.CASHIER)
    refund = cashier.run(payments.refund_payment, s.payment_id, hotel.money("1"))
    over = cashier.run(payments.take_payment, s.stay.bill_id, Tender("cash", hotel.money("500")), allow_overpay=True)
    assert (refund.authorised_by, over.authorised_by) == (None, None)
    refused(hotel, MissingRight, MISSING_RIGHT,
                    lambda: cashier.run(payments.void_payment, s.payment_id, reason="r"))


def test_a_clerk_adds_a_guest_the_pos_service_may_not(sqlite_hotel: Hotel):
    from desk.stays.models import Guest

    hotel = sqlite_hotel

    def added(session: Any, actor: Any) -> int:
        guest = stays.new_guest(session, actor, " Olga ", "Berg")
        session.flush()
        return guest.id

    guest_id = hotel.run(added)
    with hotel.database.unit_of_work() as session:
        guest = session.get_one(Guest, guest_id)
        assert (guest.first_name, guest.last_name, guest.search_name) == ("Olga", "Berg", "berg olga")
    with pytest.raises(MissingRight) as refused:
        pos_hotel(hotel).run(stays.new_guest, "Olga", "Berg")
    assert refused.value.right is Right.CREATE_GUEST and "add a guest" in str(refused.value)


def test_a_clerk_actor_is_signed_in_with_its_role(sqlite_hotel: Hotel):
    actor = signed_in(sqlite_hotel.database, Role.CLERK)
    assert (actor.username, actor.role, actor.full_name) == ("anna", Role.CLERK, "Anna Petrova")
