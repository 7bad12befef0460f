"""A card reloaded after a change of its folio shows exactly what a fresh load shows, for every kind
of change, while reading only the postings it does not show yet (issue 23)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, update

from desk.core.money import Money
from desk.db.engine import Database
from desk.fiscal.marks import RECEIPT_INTENT, ReceiptState
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import print_receipt
from desk.hotel.catalogue import change_service
from desk.hotel.models import PaymentMethod
from desk.hotel.rates import set_rate
from desk.journal.intents import IntentRequest, record_intent
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import FolioView
from desk.ledger.models import Payment
from desk.ledger.payments import Tender, refund_payment, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_charge, post_service, void_posting
from desk.people.models import Role
from desk.stays.companies import add_company, change_company
from desk.stays.reservation_card import (
    ReservationCardData,
    load_reservation_card,
    poll_changes_and_catalogues,
    reload_reservation_card,
)
from tests.desk.conftest import Hotel, Stay
from tests.desk.fiscal_rig import fiscal_hotel, paid_bill
from tests.desk.online_rig import make_online_rig


def shown(card: ReservationCardData) -> tuple[Any, ...]:
    """Everything of the folio the card puts on screen, as plain values."""
    view: FolioView = card.folio
    return (
        view.balance, view.deposit_balance,
        [(b.bill.id, b.bill.payer_name, b.charges, b.paid, b.status, [line.posting.id for line in b.postings],
          [line.payment.id for line in b.payments]) for b in view.bills],
        [(line.posting.id, line.bill_id, line.posting.amount, line.posting.description, line.is_active,
          line.reversed_by.id if line.reversed_by else None) for line in view.postings],
        [(line.payment.id, line.payment.base_amount, line.voided_by.id if line.voided_by else None,
          [refund.id for refund in line.refunds], line.refundable) for line in view.payments],
        card.receipts, card.card_payments, card.card_slips, card.pre_authorisations,
    )


@pytest.fixture
def stay(hotel: Hotel) -> Stay:
    stay = hotel.stay()
    for code in ("LAUNDRY", "MB-WATER", "MB-BEER"):
        hotel.run(post_service, bill_id=stay.bill_id, service_code=code)
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("4.00")))
    return stay


def _reloaded_after(hotel: Hotel, stay: Stay, change: Callable[[], object]) -> None:
    before = hotel.query(load_reservation_card, stay.folio_id)
    change()
    again = hotel.query(reload_reservation_card, before)
    fresh = hotel.query(load_reservation_card, stay.folio_id)
    assert shown(again) == shown(fresh)
    assert shown(again) != shown(before)


def test_a_payment(hotel: Hotel, stay: Stay) -> None:
    _reloaded_after(hotel, stay, lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00"))))


def test_a_void_of_a_payment(hotel: Hotel, stay: Stay) -> None:
    paid = hotel.view(stay.folio_id).payments[0].payment.id
    _reloaded_after(hotel, stay, lambda: hotel.run(void_payment, paid, reason="keyed twice",
                                                   approval=hotel.approval()))


def test_a_refund_and_a_deposit(hotel: Hotel, stay: Stay) -> None:
    paid = hotel.view(stay.folio_id).payments[0].payment.id

    def change() -> None:
        hotel.run(refund_payment, paid, hotel.money("1.00"), reason="too much", approval=hotel.approval())
        hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("30.00")))

    _reloaded_after(hotel, stay, change)


def test_a_void_of_a_posting(hotel: Hotel, stay: Stay) -> None:
    beer = hotel.view(stay.folio_id).postings[-1].posting.id
    _reloaded_after(hotel, stay, lambda: hotel.run(void_posting, beer, reason="not taken", approval=hotel.approval()))


def test_a_transfer_to_a_new_bill(hotel: Hotel, stay: Stay) -> None:
    water = hotel.view(stay.folio_id).postings[1].posting.id

    def change() -> None:
        office = hotel.run(open_bill, stay.folio_id, payer_name="Office")
        hotel.run(move_postings, [water], office.id)
        hotel.run(take_payment, office.id, Tender("cash", hotel.money("1.00")))

    _reloaded_after(hotel, stay, change)


def test_another_workstations_posting_ordered_before_the_last(hotel: Hotel, stay: Stay) -> None:
    """The POS on its own connection, with an order taken an hour ago: shown in its place."""
    def change() -> None:
        pos = Database(hotel.database.url)
        try:
            with pos.writing() as session:
                post_charge(session, hotel.actor, bill_id=stay.bill_id, description="Lunch", quantity=1,
                            unit_price=hotel.money("14.00"), ordered_at=datetime.now(UTC) - timedelta(hours=1))
        finally:
            pos.dispose()

    _reloaded_after(hotel, stay, change)


def test_a_reload_reads_only_the_new_postings(hotel: Hotel, stay: Stay, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(30):
        hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    before = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("2.00")))
    parsed: list[str] = []
    original = Money.parse

    def counting(text: str) -> Money:
        parsed.append(text)
        return original(text)

    monkeypatch.setattr(Money, "parse", staticmethod(counting))
    again = hotel.query(reload_reservation_card, before)
    monkeypatch.undo()

    assert len([text for text in parsed if text == "EUR 3.50"]) < 30, parsed
    assert shown(again) == shown(hotel.query(load_reservation_card, stay.folio_id))


# --- the catalogues: one copy for every card, read again only when they changed -----------------


def test_a_reload_keeps_the_catalogues_it_showed_while_nothing_in_them_changed(hotel: Hotel, stay: Stay) -> None:
    before = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))

    again = hotel.query(reload_reservation_card, before)
    another_card = hotel.query(load_reservation_card, hotel.stay().folio_id, "en", before.catalogues)

    assert again.catalogues is before.catalogues
    assert another_card.catalogues is before.catalogues


@pytest.mark.parametrize("change", ["a company added", "a company renamed", "a service's price", "a translation",
                                    "a register's language", "a payment method"])
def test_a_catalogue_change_by_another_workstation_reaches_the_next_reload(hotel: Hotel, stay: Stay,
                                                                          change: str) -> None:
    manager = hotel.as_role(Role.MANAGER)
    company_id = manager.run(add_company, "Acme Travel", "ACME-1")
    before = hotel.query(load_reservation_card, stay.folio_id, "ru")
    if change == "a company added":
        manager.run(add_company, "Zeta Tours", "ZETA-1")
    elif change == "a company renamed":
        manager.run(change_company, company_id, "Acme Voyages", "ACME-1", "", None)
    elif change == "a service's price":
        manager.run(change_service, "PARKING", "Parking", hotel.money("13.00"), "VAT20", {"ru": "Парковка"})
    elif change == "a translation":
        manager.run(change_service, "PARKING", "Parking", hotel.money("12.00"), "VAT20", {"ru": "Стоянка"})
    else:  # written by hand on the server, as no use case does: the database's triggers still see it
        with hotel.database.writing() as session:
            if change == "a register's language":
                session.execute(update(CashRegister).values(language="bg"))
            else:
                session.execute(update(PaymentMethod).where(PaymentMethod.code == "cash").values(opens_drawer=False))

    again = hotel.query(reload_reservation_card, before, "ru")
    fresh = hotel.query(load_reservation_card, stay.folio_id, "ru")

    assert again.catalogues is not before.catalogues
    assert [(c.id, c.name) for c in again.companies] == [(c.id, c.name) for c in fresh.companies]
    assert [(s.code, s.price) for s in again.services] == [(s.code, s.price) for s in fresh.services]
    assert again.names.texts == fresh.names.texts
    assert again.catalogues.stamp == fresh.catalogues.stamp != before.catalogues.stamp


def test_the_desks_poll_brings_catalogues_changed_elsewhere_and_keeps_the_known_ones_otherwise(
    hotel: Hotel, stay: Stay
) -> None:
    known = hotel.query(load_reservation_card, stay.folio_id).catalogues
    stamp, _folios, same = hotel.query(poll_changes_and_catalogues, None, known)
    hotel.as_role(Role.MANAGER).run(add_company, "Zeta Tours", "ZETA-1")

    _stamp, _folios, changed = hotel.query(poll_changes_and_catalogues, stamp, known)

    assert same is known
    assert changed is not None and changed is not known
    assert "Zeta Tours" in [company.name for company in changed.companies]
    assert hotel.query(poll_changes_and_catalogues, stamp, None)[2] is None  # no card open: nothing read


# --- beside the folio: card payments, holds, slips and receipts, read again only when they changed ---


@pytest.fixture
def statements(hotel: Hotel) -> Iterator[list[str]]:
    """Every statement the hotel's engine runs from now on."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(hotel.database.engine, "before_cursor_execute", record)
    yield seen
    event.remove(hotel.database.engine, "before_cursor_execute", record)


def test_a_reload_after_a_payment_keeps_what_no_card_or_receipt_row_changed(
    hotel: Hotel, stay: Stay, statements: list[str]
) -> None:
    before = hotel.query(load_reservation_card, stay.folio_id)
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    statements.clear()

    again = hotel.query(reload_reservation_card, before)

    assert again.pre_authorisations is before.pre_authorisations
    assert again.card_payments is before.card_payments and again.card_slips is before.card_slips
    assert again.receipts.keys() == before.receipts.keys() | {payment.id}
    assert all(again.receipts[pid] is mark for pid, mark in before.receipts.items())
    assert not [s for s in statements if "card_record.folio_id = " in s], statements
    # The catalogues' stamp is one small read, not their rows.
    assert not [s for s in statements if "FROM company" in s or "FROM name_translation" in s], statements
    assert shown(again) == shown(hotel.query(load_reservation_card, stay.folio_id))


def test_a_receipt_printed_at_another_workstation_shows_its_mark_after_the_reload(hotel: Hotel) -> None:
    rig = fiscal_hotel(hotel)
    payment_id = paid_bill(rig.hotel)
    folio_id = hotel.query(lambda session: session.get_one(Payment, payment_id).folio_id)
    before = hotel.query(load_reservation_card, folio_id)
    assert before.receipts[payment_id].state is ReceiptState.NONE

    assert print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers).printed
    again = hotel.query(reload_reservation_card, before)

    assert again.receipts[payment_id].state is ReceiptState.PRINTED
    assert shown(again) == shown(hotel.query(load_reservation_card, folio_id))


def test_a_card_saved_at_another_workstation_shows_after_the_reload(hotel: Hotel) -> None:
    for rig in make_online_rig(hotel):
        stay = hotel.stay()
        before = hotel.query(load_reservation_card, stay.folio_id)
        assert before.saved_cards == []

        _stay, card_id = rig.saved_card(stay=stay)
        again = hotel.query(reload_reservation_card, before)

        assert [card.id for card in again.saved_cards] == [card_id]
        assert again.saved_cards == hotel.query(load_reservation_card, stay.folio_id).saved_cards


def test_a_reload_after_a_payment_reads_each_kind_of_row_once(hotel: Hotel, stay: Stay, statements: list[str]) -> None:
    """On PostgreSQL each statement is a round trip: the ledger's top ids, the folio's payments, the
    catalogues' stamp and the settings' version come in the reload's first statement, the folio's
    bills and guests with the folio, a payment's card record with the payment; the rates are the
    settings' version's."""
    before = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    statements.clear()

    again = hotel.query(reload_reservation_card, before)

    reads = [" ".join(s.split()) for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 6, "\n".join(reads)
    assert not [s for s in reads[1:] if "FROM posting_move" in s], reads  # no move written since the card's
    # No receipt row names the new payment (the first statement says so): its mark is known unread.
    assert not [s for s in reads[1:] if "FROM fiscal_document" in s or "FROM register_document" in s
                or "FROM journal_intent" in s], reads
    assert "FROM payment WHERE payment.folio_id" in reads[0] and "FROM catalogue_change" in reads[0], reads[0]
    assert not [s for s in reads[1:] if "FROM admin_change" in s or "FROM catalogue_change" in s], reads
    assert not [s for s in reads if s.startswith("SELECT bill.") or s.startswith("SELECT card_record.")], reads
    assert not [s for s in reads if "FROM currency_rate" in s], reads  # remembered while no rate was set
    assert shown(again) == shown(hotel.query(load_reservation_card, stay.folio_id))


def test_an_apply_on_a_card_up_to_date_reads_no_postings_and_no_moves(
    hotel: Hotel, stay: Stay, statements: list[str]
) -> None:
    before = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    statements.clear()

    again = hotel.query(reload_reservation_card, before)

    assert not [s for s in statements if "FROM posting" in s.split("WHERE")[0] and "max(" not in s], statements
    assert shown(again) == shown(hotel.query(load_reservation_card, stay.folio_id))
    office = hotel.run(open_bill, stay.folio_id, payer_name="Office")
    hotel.run(move_postings, [again.folio.postings[0].posting.id], office.id)  # a move, then, is read
    moved = hotel.query(reload_reservation_card, again)
    assert shown(moved) == shown(hotel.query(load_reservation_card, stay.folio_id)) != shown(again)


def test_a_new_payment_whose_receipt_is_pending_shows_it_pending_though_the_receipt_tables_top_ids_did_not_move(
    hotel: Hotel, stay: Stay
) -> None:
    """On PostgreSQL an intent committed late under a lower id leaves the receipt tables' highest ids
    as the card saw them: the new payment's mark is still read, not taken to be "never asked for"."""
    before = hotel.query(load_reservation_card, stay.folio_id)
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    hotel.as_role(Role.MANAGER).run(record_intent, IntentRequest(RECEIPT_INTENT, "FP-1", payment_id=payment.id))
    late = hotel.query(load_reservation_card, stay.folio_id).seen
    assert late is not None and before.seen is not None
    as_if_late = replace(before, seen=replace(before.seen, receipt_rows=late.receipt_rows))

    again = hotel.query(reload_reservation_card, as_if_late)

    assert again.receipts[payment.id].state is ReceiptState.UNSURE
    assert again.receipts == hotel.query(load_reservation_card, stay.folio_id).receipts


def test_a_reload_reads_the_bills_totals_by_the_same_statement_however_many_bills(
    hotel: Hotel, stay: Stay, statements: list[str]
) -> None:
    """On PostgreSQL the bills' ids go as one array: one prepared statement, and after a few runs one
    plan, for a folio of one bill or of several (a parameter each made a new text for each count)."""
    card = hotel.query(load_reservation_card, stay.folio_id)
    totals_read: list[list[str]] = []
    for _bills in (1, 2, 3):
        hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
        statements.clear()
        card = hotel.query(reload_reservation_card, card)
        totals_read.append([s for s in statements if "FROM bill_total" in s])
        hotel.run(open_bill, stay.folio_id, payer_name="Office")

    assert [len(card.folio.bills)] == [3]
    assert all(len(read) == 1 for read in totals_read), totals_read
    if hotel.database.engine.dialect.name == "postgresql":
        assert totals_read[0] == totals_read[1] == totals_read[2], totals_read


def test_a_rate_set_at_another_workstation_reaches_the_next_reload(hotel: Hotel, stay: Stay) -> None:
    before = hotel.query(load_reservation_card, stay.folio_id)
    assert before.rates["USD"] != Decimal("0.99")

    hotel.as_role(Role.MANAGER).run(set_rate, "USD", Decimal("0.99"), date.today())
    again = hotel.query(reload_reservation_card, before)

    assert again.rates["USD"] == Decimal("0.99")
