"""Deposit (take one, pay a bill from it), move services, split a bill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton, QTabWidget

from desk.core.money import Money
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from tests.ui.test_dialogs_common import (
    apply_accepted,
    apply_refused,
    card_window,
    child,
    click,
    find_card,
    folio_now,
    ledger_counts,
    opened,
    retype,
)
from ui.dialogs import DepositDialog, MoveServicesDialog, SplitBillDialog
from ui.i18n import money_text


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


# --- deposit --------------------------------------------------------------------------------------


def test_take_a_deposit(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: not c.folio.deposit_balance)
    dialog = opened(qtbot, DepositDialog(desk_context, card, window))
    assert child(dialog, QTabWidget, "depositTabs").currentIndex() == 0
    choose(child(dialog, QComboBox, "methodCombo"), "transfer")
    assert not child(dialog, QCheckBox, "printReceiptCheck").isVisible()
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "300")
    retype(qtbot, child(dialog, QLineEdit, "textEdit"), "Bank ref 77")

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card)
    assert after.deposit_balance == Money.of("300", "EUR")
    deposit = after.deposit_payments[-1].payment
    assert (deposit.kind, deposit.method_code, deposit.text) == (PaymentKind.DEPOSIT, "transfer", "Bank ref 77")


def test_deposit_in_a_foreign_currency_shows_its_value(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: not c.folio.deposit_balance)
    dialog = opened(qtbot, DepositDialog(desk_context, card, window))
    choose(child(dialog, QComboBox, "currencyCombo"), "GBP")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "100")
    assert money_text(Money.of("117.00", "EUR")) in child(dialog, QLabel, "convertedLabel").text()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    apply_accepted(qtbot, dialog)
    assert folio_now(demo_database, card).deposit_balance == Money.of("117.00", "EUR")


def test_bad_deposit_amount_is_refused(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, DepositDialog(desk_context, card, window))
    before = ledger_counts(demo_database)
    assert "Enter a number" in apply_refused(qtbot, dialog, "amount")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "-20")
    assert "more than zero" in apply_refused(qtbot, dialog, "amount")
    assert ledger_counts(demo_database) == before


def deposit_and_open_bill(card) -> bool:
    return card.folio.deposit_balance.is_positive and any(v.balance.is_positive for v in card.folio.bills)


def test_pay_a_bill_from_the_deposit(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, deposit_and_open_bill)
    bill = next(v for v in card.folio.bills if v.balance.is_positive)
    dialog = opened(qtbot, DepositDialog(desk_context, card, window))
    tabs = child(dialog, QTabWidget, "depositTabs")
    tabs.setCurrentIndex(1)
    assert child(dialog, QPushButton, "applyButton").text().replace("&", "") == "Pay bill"
    maximum = min(card.folio.deposit_balance, bill.balance)
    assert child(dialog, QLineEdit, "applyAmountEdit").text() == f"{maximum.amount:f}"
    retype(qtbot, child(dialog, QLineEdit, "applyAmountEdit"), "20")

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card)
    assert after.deposit_balance == card.folio.deposit_balance - Money.of("20", "EUR")
    assert after.bill(bill.bill.id).paid == bill.paid + Money.of("20", "EUR")


def test_paying_more_than_the_deposit_or_the_bill_is_refused(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, deposit_and_open_bill)
    bill = next(v for v in card.folio.bills if v.balance.is_positive)
    dialog = opened(qtbot, DepositDialog(desk_context, card, window, pay_bill_id=bill.bill.id))
    assert child(dialog, QTabWidget, "depositTabs").currentIndex() == 1
    maximum = min(card.folio.deposit_balance, bill.balance)
    retype(qtbot, child(dialog, QLineEdit, "applyAmountEdit"), f"{maximum.amount + 1:f}")
    before = ledger_counts(demo_database)
    assert money_text(maximum) in apply_refused(qtbot, dialog, "applyAmount")
    assert ledger_counts(demo_database) == before


# --- move and split -------------------------------------------------------------------------------


def test_move_services_to_another_bill(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: len(c.folio.bills) >= 2)
    source, target = card.folio.bills[0], card.folio.bills[1]
    moved = [line.posting.id for line in source.postings if line.is_active][:2]
    dialog = opened(qtbot, MoveServicesDialog(desk_context, card, source.bill.id, moved, window))
    bills = child(dialog, QComboBox, "billCombo")
    assert [bills.itemData(i) for i in range(bills.count())] == [v.bill.id for v in card.folio.bills[1:]]
    choose(bills, target.bill.id)

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card)
    assert {line.posting.id for line in after.bill(target.bill.id).postings} >= set(moved)
    assert not {line.posting.id for line in after.bill(source.bill.id).postings} & set(moved)


def test_move_needs_another_bill(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].postings)
    bill = card.folio.bills[0]
    dialog = opened(
        qtbot, MoveServicesDialog(desk_context, card, bill.bill.id, [bill.postings[0].posting.id], window)
    )
    assert not child(dialog, QPushButton, "applyButton").isEnabled()
    assert "Split bill" in child(dialog, QLabel, "noTargetLabel").text()


def tick(dialog, rows: list[int]) -> list[int]:
    postings = child(dialog, QListWidget, "postingsList")
    ids = []
    for row in rows:
        item = postings.item(row)
        item.setCheckState(Qt.CheckState.Checked)
        ids.append(item.data(Qt.ItemDataRole.UserRole))
    return ids


@pytest.mark.parametrize("payer", ["guest", "company", "name"])
def test_split_a_bill_for_another_payer(qtbot, desk_context, demo_database, window, payer):
    card = find_card(demo_database, lambda c: len(c.folio.bills[0].postings) >= 3 and not c.folio.bills[0].paid)
    source = card.folio.bills[0]
    dialog = opened(qtbot, SplitBillDialog(desk_context, card, source.bill.id, window))
    ids = tick(dialog, [0, 2])
    assert child(dialog, QLabel, "selectedLabel").text().startswith("2 selected")
    if payer == "guest":
        expected = card.folio.folio.reservation.guests[-1].full_name
        choose(child(dialog, QComboBox, "guestCombo"), card.folio.folio.reservation.guests[-1].id)
    elif payer == "company":
        click(qtbot, dialog, "payerCompany")
        expected = card.companies[1].name
        choose(child(dialog, QComboBox, "companyCombo"), card.companies[1].id)
    else:
        click(qtbot, dialog, "payerName")
        expected = "Travel agency Orbit"
        retype(qtbot, child(dialog, QLineEdit, "payerNameEdit"), expected)

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card)
    new_bill = after.bills[-1]
    assert len(after.bills) == len(card.folio.bills) + 1
    assert new_bill.bill.payer_name == expected
    assert sorted(line.posting.id for line in new_bill.postings) == sorted(ids)
    assert new_bill.status is BillStatus.NOT_PAID


def test_split_needs_services_and_a_payer(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: len(c.folio.bills[0].postings) >= 2)
    dialog = opened(qtbot, SplitBillDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    before = ledger_counts(demo_database)
    assert "Tick the services" in apply_refused(qtbot, dialog, "postings")
    tick(dialog, [0])
    click(qtbot, dialog, "payerName")
    assert "payer's name" in apply_refused(qtbot, dialog, "payer")
    assert not child(dialog, QLabel, "postingsError").isVisible()
    assert ledger_counts(demo_database) == before


def test_a_paid_bill_is_not_split_and_the_clerk_is_told_why(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: len(c.folio.bills[0].postings) >= 3
                     and c.folio.bills[0].status is BillStatus.PAID)
    dialog = opened(qtbot, SplitBillDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    tick(dialog, [0])
    click(qtbot, dialog, "payerName")
    retype(qtbot, child(dialog, QLineEdit, "payerNameEdit"), "Colleague")
    before = ledger_counts(demo_database)
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: "Refund or void its payment first" in dialog.findChild(QLabel, "formError").text()
                    or any("Refund or void" in label.text() for label in dialog.findChildren(QLabel)),
                    timeout=30_000)
    assert ledger_counts(demo_database) == before
    assert dialog.isVisible()
