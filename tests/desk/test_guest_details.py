"""A guest's details changed after booking: recorded with before and after, bad input refused with
nothing written, and the next night's city tax follows the new birth date. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select

from desk.audit.models import AuditEntry
from desk.core.errors import InvalidInput
from desk.ledger.models import Posting
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.booking import DocumentEntry, find_guests
from desk.stays.guest_details import edit_guest, guest_details
from desk.stays.models import DocumentKind, Reservation
from desk.stays.night_audit import charge_night, set_city_tax
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused


def _guest(hotel: Hotel, reservation_id: int) -> int:
    return hotel.query(lambda s: s.get_one(Reservation, reservation_id).guests[0].id)


def _city_tax_postings(hotel: Hotel, reservation_id: int) -> int:
    return hotel.query(lambda s: len(s.scalars(select(Posting).where(
        Posting.external_ref.like(f"city_tax%:{reservation_id}:%"))).all()))


def test_a_guest_made_a_child_after_booking_pays_no_city_tax_for_the_next_night(hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_city_tax, "CITYTAX", hotel.money("1.50"), today - timedelta(days=30), child_age_under=12)
    stay = hotel.stay(nights=3)
    guest = _guest(hotel, stay.reservation_id)
    manager.run(charge_night, stay.reservation_id, today)
    assert _city_tax_postings(hotel, stay.reservation_id) == 1
    hotel.run(edit_guest, guest, "Mila", "Petrova", birth_date=today.replace(year=today.year - 7))
    manager.run(charge_night, stay.reservation_id, today + timedelta(days=1))
    assert _city_tax_postings(hotel, stay.reservation_id) == 1


def test_name_contacts_and_a_document_are_changed_and_the_trail_keeps_before_and_after(hotel: Hotel):
    stay = hotel.stay()
    guest = _guest(hotel, stay.reservation_id)
    before = hotel.query(lambda s: guest_details(s, guest))
    start = hotel.query(lambda s: s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)))
    after = hotel.run(edit_guest, guest, "  Zlatomira ", "Hristova-Konstantinova", email="zh@example.bg",
                      phone="+359 88 123 4567", city_tax_exemption=" on   duty ", birth_date=date(1990, 2, 3),
                      new_document=DocumentEntry(DocumentKind.PASSPORT, "BG1234567", "bg", date(2020, 1, 2)))
    assert (after.first_name, after.last_name, after.email, after.phone, after.city_tax_exemption) == (
        "Zlatomira", "Hristova-Konstantinova", "zh@example.bg", "+359 88 123 4567", "on duty")
    assert after.documents[-1] == DocumentEntry(DocumentKind.PASSPORT, "BG1234567", "BG", date(2020, 1, 2))
    assert hotel.query(lambda s: guest_details(s, guest)) == after
    # The search finds the guest by the new name.
    assert [found.id for found in hotel.query(lambda s: find_guests(s, "hristova"))] == [guest]
    entries = hotel.query(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.seq > start, AuditEntry.subject == f"guest {guest}"))))
    assert len(entries) == 1
    detail = json.loads(entries[0].content)["detail"]
    assert (detail["before"]["last_name"], detail["after"]["last_name"]) == (before.last_name,
                                                                             "Hristova-Konstantinova")
    assert (detail["before"]["birth_date"], detail["after"]["birth_date"]) == (None, "1990-02-03")
    assert detail["after"]["documents"][-1] == "passport BG BG1234567"


def test_bad_details_are_refused_and_nothing_is_written(hotel: Hotel, today: date):
    stay = hotel.stay()
    guest = _guest(hotel, stay.reservation_id)
    refused(hotel, InvalidInput, "A birth date cannot be in the future",
            lambda: hotel.run(edit_guest, guest, "Mila", "Petrova", birth_date=today + timedelta(days=1)),
            field="birth_date")
    refused(hotel, InvalidInput, "A guest needs a name", lambda: hotel.run(edit_guest, guest, "  ", ""),
            field="name")
    refused(hotel, InvalidInput, "“{country}” is not a country code (two letters, such as BG)",
            lambda: hotel.run(edit_guest, guest, "Mila", "Petrova",
                              new_document=DocumentEntry(DocumentKind.PASSPORT, "X1", "Bulgaria")), field="country")
    refused(hotel, InvalidInput, "A phone number is at most {limit} characters",
            lambda: hotel.run(edit_guest, guest, "Mila", "Petrova", phone="1" * 41), field="phone")


def test_a_mistyped_document_is_corrected_and_one_entered_on_the_wrong_guest_removed_the_trail_keeps_both(
        hotel: Hotel):
    stay = hotel.stay()
    guest = _guest(hotel, stay.reservation_id)
    hotel.run(edit_guest, guest, "Mila", "Petrova",
              new_document=DocumentEntry(DocumentKind.PASSPORT, "BG1243567", "BG", date(2020, 1, 2)))
    typed = hotel.run(edit_guest, guest, "Mila", "Petrova",
                      new_document=DocumentEntry(DocumentKind.ID_CARD, "645009911", "BG"))  # her husband's
    passport, _card = typed.documents
    start = hotel.query(lambda s: s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)))
    corrected = DocumentEntry(DocumentKind.PASSPORT, " BG1234567 ", "bg", date(2020, 1, 2), passport.id)
    after = hotel.run(edit_guest, guest, "Mila", "Petrova", documents=[corrected])
    assert after.documents == (DocumentEntry(DocumentKind.PASSPORT, "BG1234567", "BG", date(2020, 1, 2)),)
    assert after.documents[0].id == passport.id  # the same record, corrected
    assert hotel.query(lambda s: guest_details(s, guest)) == after
    [entry] = hotel.query(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.seq > start, AuditEntry.subject == f"guest {guest}"))))
    detail = json.loads(entry.content)["detail"]
    assert detail["before"]["documents"] == ["passport BG BG1243567", "id_card BG 645009911"]
    assert detail["after"]["documents"] == ["passport BG BG1234567"]
    assert entry.username == hotel.actor.username


def test_a_document_of_another_guest_or_a_bad_correction_is_refused_and_nothing_is_written(hotel: Hotel):
    stay = hotel.stay(guests=2)
    mila, other = hotel.query(lambda s: [g.id for g in s.get_one(Reservation, stay.reservation_id).guests])
    hotel.run(edit_guest, mila, "Mila", "Petrova", new_document=DocumentEntry(DocumentKind.PASSPORT, "BG1", "BG"))
    [theirs] = hotel.run(edit_guest, other, "Ivan", "Petrov",
                         new_document=DocumentEntry(DocumentKind.PASSPORT, "BG2", "BG")).documents
    [mine] = hotel.query(lambda s: guest_details(s, mila)).documents
    refused(hotel, InvalidInput, "Document {document} is not one of this guest's: open the guest again",
            lambda: hotel.run(edit_guest, mila, "Mila", "Petrova", documents=[mine, theirs]), field="document")
    refused(hotel, InvalidInput, "A document needs its number",
            lambda: hotel.run(edit_guest, mila, "Mila", "Petrova",
                              documents=[DocumentEntry(DocumentKind.PASSPORT, "  ", "BG", None, mine.id)]),
            field="document")


def test_a_role_without_the_guests_right_may_not_remove_a_document(hotel: Hotel):
    stay = hotel.stay()
    guest = _guest(hotel, stay.reservation_id)
    hotel.run(edit_guest, guest, "Mila", "Petrova", new_document=DocumentEntry(DocumentKind.PASSPORT, "BG1", "BG"))
    pos = Hotel(hotel.database, trusted_actor("pos:till-1", "TILL-1", Role.POS), hotel.currency)
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: pos.run(edit_guest, guest, "Mila", "Petrova", documents=[]))
