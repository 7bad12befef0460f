"""Pending register documents: a manager settles by hand, from the printer's report, a receipt nothing could tell."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QRadioButton
from sqlalchemy import select

from desk.core.money import Money
from desk.fiscal.models import CashRegister, RegisterDocument
from desk.fiscal.settings import set_register
from desk.journal.intents import EventType, IntentRequest, mark_sent, record_event, record_intent, unresolved
from desk.people.auth import trusted_actor
from desk.people.models import Role
from tests.ui.test_dialogs_common import apply_accepted, apply_refused, card_window, child, opened, retype
from ui.admin.register_documents import PendingRegisterDocumentsDialog


def pending_erpnet_receipt(database) -> tuple[str, int]:
    """An ErpNet.FP register's sale receipt whose answer was lost and whose task the server forgot."""
    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    with database.writing() as session:
        code = session.scalars(select(CashRegister.code).order_by(CashRegister.code)).first()
        set_register(session, manager, code, kind="erpnet", address="http://127.0.0.1:9", device_id="dt279013",
                     vat_map={"20": "Б", "9": "Г", "0": "А", "": "А"})
        total = Money.parse("EUR 118.40")
        intent = record_intent(session, manager, IntentRequest(
            kind="fiscal_receipt", device=code, amount=total,
            request={"receipt": "sale", "register": code, "total": str(total)}))
        mark_sent(session, manager, intent.id)
        record_event(session, manager, intent.id, EventType.UNKNOWN,
                     {"error": "AnswerLost: task was taken and then forgotten by the server"})
    return code, intent.id


def test_a_clerk_with_a_managers_password_settles_an_erpnet_receipt_from_the_printers_journal(
        qtbot, desk_context, demo_database):
    code, intent_id = pending_erpnet_receipt(demo_database)
    window = card_window(qtbot)
    dialog = opened(qtbot, PendingRegisterDocumentsDialog(desk_context, window))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    assert "forgotten by the server" in dialog.table.item(0, 4).text()
    dialog.table.selectRow(0)
    dialog.settle_button.click()
    settle = dialog.settle_dialog
    assert settle is not None
    qtbot.waitUntil(settle.isVisible, timeout=30_000)
    assert not child(settle, QLineEdit, "signEdit").isVisible()
    child(settle, QRadioButton, "issuedRadio").setChecked(True)
    retype(qtbot, child(settle, QLineEdit, "numberEdit"), "42")
    retype(qtbot, child(settle, QLineEdit, "signEdit"), f"DT279013-0001-{(intent_id + 1) % 10_000_000:07d}")
    retype(qtbot, child(settle, QLineEdit, "reasonEdit"), "Electronic journal, receipt 42 at 10:42")
    retype(qtbot, child(settle, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    assert "another sale" in apply_refused(qtbot, settle, "sale_number")

    retype(qtbot, child(settle, QLineEdit, "signEdit"), f"DT279013-0001-{intent_id % 10_000_000:07d}")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    apply_accepted(qtbot, settle)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=30_000)
    with demo_database.unit_of_work() as session:
        assert unresolved(session) == []
        [row] = session.scalars(select(RegisterDocument)).all()
        assert (row.register_code, row.number, row.recorded_by) == (code, 42, "anna")
        assert f"-{intent_id % 10_000_000:07d}" in row.content


def test_a_kkm_receipt_settled_by_hand_keeps_the_date_and_time_its_qr_code_shows(qtbot, desk_context, demo_database):
    from datetime import datetime, timedelta

    from desk.fiscal.registers.atol import receipt_qr

    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    with demo_database.writing() as session:
        code = session.scalars(select(CashRegister.code).order_by(CashRegister.code)).first()
        set_register(session, manager, code, kind="kkmserver", address="http://127.0.0.1:9", taxation="osn",
                     vat_map={"20": "vat20", "0": "vat0", "": "none"})
        total = Money.parse("RUB 3950.00")
        intent = record_intent(session, manager, IntentRequest(
            kind="fiscal_receipt", device=code, amount=total,
            request={"receipt": "sale", "register": code, "total": str(total)}))
        mark_sent(session, manager, intent.id)
    window = card_window(qtbot)
    dialog = opened(qtbot, PendingRegisterDocumentsDialog(desk_context, window))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    dialog.table.selectRow(0)
    dialog.settle_button.click()
    settle = dialog.settle_dialog
    assert settle is not None
    qtbot.waitUntil(settle.isVisible, timeout=30_000)
    assert not child(settle, QLineEdit, "issuedAtEdit").isVisible()
    child(settle, QRadioButton, "issuedRadio").setChecked(True)
    assert child(settle, QLineEdit, "issuedAtEdit").isVisible()
    retype(qtbot, child(settle, QLineEdit, "numberEdit"), "31")
    retype(qtbot, child(settle, QLineEdit, "signEdit"), "3826463735")
    retype(qtbot, child(settle, QLineEdit, "reasonEdit"), "Fiscal storage report: document 31")
    retype(qtbot, child(settle, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    assert "Type it as the register's report shows it." in apply_refused(qtbot, settle, "issued_at")
    shown = (datetime.now().astimezone() + timedelta(minutes=1)).strftime("%d.%m.%Y %H:%M")
    with demo_database.unit_of_work() as session:
        from desk.hotel.models import Hotel

        zone = session.scalars(select(Hotel.time_zone)).first()
    if zone:
        from zoneinfo import ZoneInfo

        shown = (datetime.now(ZoneInfo(zone)) + timedelta(minutes=1)).strftime("%d.%m.%Y %H:%M")
    retype(qtbot, child(settle, QLineEdit, "issuedAtEdit"), shown)
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    apply_accepted(qtbot, settle)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=30_000)
    with demo_database.unit_of_work() as session:
        [row] = session.scalars(select(RegisterDocument)).all()
        stamp = datetime.strptime(shown, "%d.%m.%Y %H:%M").strftime("%Y%m%dT%H%M")
        assert receipt_qr(row).startswith(f"t={stamp}&s=3950.00&") and "&fp=3826463735&" in receipt_qr(row)
