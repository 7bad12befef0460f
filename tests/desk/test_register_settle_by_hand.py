"""A register's document nothing could tell the end of, settled once by a manager from the register's report: its
number and sign (or УНП) kept as the receipt, or "not issued", after which, and only after which, it prints again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desk.audit.models import AuditEntry
from desk.core.errors import InvalidInput
from desk.fiscal.errors import RegisterAnswerUnknown
from desk.fiscal.interface import DocumentKind
from desk.fiscal.registers.by_hand import pending_register_documents, settle_register_document_by_hand
from desk.fiscal.settings import RegisterKind
from desk.fiscal.workflow import print_receipt
from desk.journal.intents import EventType, IntentState, load_intent
from desk.people.models import Role
from desk.people.rights import MissingRight

from .atol_rig import AtolHotel
from .conftest import MISSING_RIGHT, Hotel, make_hotel, refused
from .erpnet_rig import erpnet_hotel, start_erpnet_server
from .kkmserver_rig import LOGIN, PASSWORD, KkmServerProcess, kkm_hotel, start_kkm_server

LINES = (("Нощувка, стая 101", "100", "VAT9"),)


@pytest.fixture
def erpnet(hotel: Hotel, tmp_path: Path) -> Iterator[AtolHotel]:
    server = start_erpnet_server(tmp_path / "fm.json")
    yield erpnet_hotel(hotel, server)
    server.stop()


@pytest.fixture
def kkm(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AtolHotel]:
    monkeypatch.setenv("KKMSERVER_LOGIN", LOGIN)
    monkeypatch.setenv("KKMSERVER_PASSWORD", PASSWORD)
    hotel = make_hotel(database_url, "RUB")
    server: KkmServerProcess = start_kkm_server(tmp_path / "kkm.json")
    yield kkm_hotel(hotel, server)
    server.stop()
    hotel.database.dispose()


def receipt(rig: AtolHotel, payment_id: int):
    return print_receipt(rig.runner, rig.hotel.actor, payment_id, "FP-1", registers=rig.registers)


def pending_after_a_forgotten_answer(rig: AtolHotel, payment_id: int, *, printer_fault: str = ""):
    if printer_fault:
        rig.server.control("fault", fault=printer_fault)
    rig.server.control("fault", fault="lose_answer", forget=True)
    outcome = receipt(rig, payment_id)
    assert outcome.state is IntentState.UNKNOWN, outcome
    if printer_fault:
        rig.server.control("fault", fault=printer_fault, on=False)
    manager = rig.hotel.as_role(Role.MANAGER)
    [pending] = manager.query(pending_register_documents, manager.actor)
    return manager, pending


def test_an_erpnet_receipt_the_printer_issued_is_kept_with_the_sale_number_its_report_shows(erpnet: AtolHotel):
    rig = erpnet
    payment_id = rig.paid_bill(lines=LINES)
    manager, pending = pending_after_a_forgotten_answer(rig, payment_id)
    assert (pending.register, pending.register_kind, pending.document) == ("FP-1", RegisterKind.ERPNET,
                                                                           DocumentKind.SALE)
    assert str(pending.amount) == "EUR 100.00" and pending.last_event is EventType.UNKNOWN
    assert "lost" in pending.last_words
    [printed] = rig.server.receipts()
    assert printed["uniqueSaleNumber"].endswith(pending.sale_sequence)
    settled = manager.run(settle_register_document_by_hand, pending.intent_id, issued=True,
                          number=int(printed["receiptNumber"]), sale_number=printed["uniqueSaleNumber"],
                          reason="Printer's daily journal shows the receipt")
    assert settled.state is IntentState.SETTLED
    again = receipt(rig, payment_id)
    assert again.already and again.document.number == int(printed["receiptNumber"])
    assert again.document.content["sale_number"] == printed["uniqueSaleNumber"]
    assert len(rig.server.receipts()) == 1 and manager.query(pending_register_documents, manager.actor) == []
    with manager.database.unit_of_work() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.kind == "settled_by_hand")).all()
        assert entry.username == "maria" and "issued, number" in entry.summary
    refused(manager, InvalidInput, "Operation {key} is already {state}", lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=False, reason="again"), field="operation")


def test_an_erpnet_sale_number_of_another_sale_is_refused(erpnet: AtolHotel):
    rig = erpnet
    manager, pending = pending_after_a_forgotten_answer(rig, rig.paid_bill(lines=LINES))
    [printed] = rig.server.receipts()
    other = printed["uniqueSaleNumber"][:-7] + f"{int(pending.sale_sequence) + 1:07d}"
    another_sale = ("Sale number {number} is not the one the desk sent for this receipt (it ends in {sequence}): "
                    "that receipt is another sale's")
    refused(manager, InvalidInput, another_sale, lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=True, number=int(printed["receiptNumber"]),
        sale_number=other, reason="r"), field="sale_number")
    typed_wrong = "Type the unique sale number as the printer's report shows it, like DT279013-0001-0000042"
    refused(manager, InvalidInput, typed_wrong, lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=True, number=1, sale_number="12", reason="r"),
        field="sale_number")
    assert load_intent_state(manager, pending.intent_id) is IntentState.UNKNOWN


def load_intent_state(hotel: Hotel, intent_id: int) -> IntentState:
    return hotel.query(load_intent, intent_id).state


def test_a_receipt_not_issued_prints_again_only_once_a_manager_says_so(erpnet: AtolHotel):
    rig = erpnet
    payment_id = rig.paid_bill(lines=LINES)
    manager, pending = pending_after_a_forgotten_answer(rig, payment_id, printer_fault="fm_full")
    assert rig.server.receipts() == []
    with pytest.raises(RegisterAnswerUnknown):
        receipt(rig, payment_id)  # before the manager's word: never again blindly
    refused(rig.hotel, MissingRight, MISSING_RIGHT, lambda: rig.hotel.run(
        settle_register_document_by_hand, pending.intent_id, issued=False, reason="no receipt in the journal"))
    refused(manager, InvalidInput, "Say what the register's report shows", lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=False, reason="  "), field="reason")
    closed = rig.hotel.run(settle_register_document_by_hand, pending.intent_id, issued=False,
                           reason="No receipt in the printer's journal after 10:42", approval=rig.hotel.approval())
    assert closed.state is IntentState.CANCELLED and closed.outcome.payload["settled_by"] == "maria"
    outcome = receipt(rig, payment_id)
    assert outcome.printed and outcome.state is IntentState.SETTLED and len(rig.server.receipts()) == 1


def test_a_kkm_receipt_is_kept_with_the_fiscal_number_and_sign_once(kkm: AtolHotel):
    rig = kkm
    payment_id = rig.paid_bill()
    manager, pending = pending_after_a_forgotten_answer(rig, payment_id)
    assert pending.register_kind is RegisterKind.KKMSERVER
    sign_wrong = "Type the fiscal sign (ФП) the register's report shows: up to 10 digits"
    refused(manager, InvalidInput, sign_wrong, lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=True, number=7, fiscal_sign="12ab",
        reason="r"), field="fiscal_sign")
    refused(manager, InvalidInput, "Type the document number the register's report shows", lambda: manager.run(
        settle_register_document_by_hand, pending.intent_id, issued=True, number=None, fiscal_sign="1",
        reason="r"), field="number")
    refused(manager, InvalidInput, "Type the date and time the register's report shows, like 07.12.2026 14:05",
            lambda: manager.run(settle_register_document_by_hand, pending.intent_id, issued=True, number=31,
                                fiscal_sign="3826463735", issued_at="31.13.2026 25:00", reason="r"), field="issued_at")
    from sqlalchemy import update

    from desk.hotel.models import Hotel as HotelRow

    with manager.database.unit_of_work() as session:  # the register's report shows the hotel's clock
        session.execute(update(HotelRow).values(time_zone="Europe/Moscow"))
    asked = pending.asked_at.astimezone(ZoneInfo("Europe/Moscow"))
    before = (asked - timedelta(days=1)).strftime("%d.%m.%Y %H:%M")
    refused(manager, InvalidInput, "The register cannot have issued it at {when}: the desk asked for it at {asked}",
            lambda: manager.run(settle_register_document_by_hand, pending.intent_id, issued=True, number=31,
                                fiscal_sign="3826463735", issued_at=before, reason="r"), field="issued_at")
    shown = (asked + timedelta(minutes=1)).strftime("%d.%m.%Y %H:%M")
    manager.run(settle_register_document_by_hand, pending.intent_id, issued=True, number=31,
                fiscal_sign="3826463735", issued_at=shown, reason="Fiscal storage report: document 31")
    again = receipt(rig, payment_id)
    assert again.already and (again.document.number, again.document.sign) == (31, "3826463735")
    stamp = (asked + timedelta(minutes=1)).strftime("%Y%m%dT%H%M")
    assert again.document.content["qr"].startswith(f"t={stamp}&s=") and "fp=3826463735" in again.document.content["qr"]
    assert len(rig.server.receipts()) == 1
