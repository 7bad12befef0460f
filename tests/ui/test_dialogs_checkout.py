"""Check out: settled bills, or a payment, a transfer to a company, or a manager's override; then the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import select

from desk.hotel.models import MethodKind
from desk.ledger.folios import BillStatus
from desk.stays.models import Reservation, ReservationStatus
from desk.stays.reservation_card import ReservationCardData
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
from ui.dialogs import CheckOutDialog, MakePaymentDialog, checkout
from ui.i18n import money_text


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


def settled(card: ReservationCardData) -> bool:
    return not any(v.balance for v in card.folio.bills) and not card.folio.deposit_balance


def one_open_bill(card: ReservationCardData) -> bool:
    return (
        len(card.folio.bills) == 1
        and card.folio.bills[0].status is BillStatus.NOT_PAID
        and not card.folio.deposit_balance
    )


def reservation_now(database, card: ReservationCardData) -> Reservation:
    with database.unit_of_work() as session:
        return session.scalars(
            select(Reservation).where(Reservation.id == card.folio.folio.reservation_id)
        ).one()


@pytest.fixture
def opened_urls(monkeypatch, tmp_path) -> list[QUrl]:
    """PDFs the dialog opens, written into a scratch folder instead of the user's documents."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    monkeypatch.setattr(checkout, "folio_pdf_directory", lambda: tmp_path)
    return urls


@pytest.fixture
def fake_renderer(monkeypatch, opened_urls) -> list[QUrl]:
    """Check-out tests that are not about the PDF do not depend on the reports."""

    def render(_session, _folio_id: int, path: Path, _language: str) -> Path:
        path.write_bytes(b"%PDF-1.4 fake")
        return path

    monkeypatch.setattr(checkout, "render_folio_pdf", render)
    return opened_urls


def test_settled_stay_checks_out_and_its_final_folio_opens(
    qtbot, desk_context, demo_database, window, opened_urls, tmp_path
):
    pytest.importorskip("desk.reports")
    card = find_card(demo_database, settled)
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    bills = child(dialog, QTableView, "billsView").model()
    assert bills.rowCount() == len(card.folio.bills)
    assert bills.index(0, 4).data() == money_text(card.folio.bills[0].balance)
    assert not child(dialog, QGroupBox, "overrideGroup").isVisible()
    assert child(dialog, QPushButton, "applyButton").isEnabled()

    apply_accepted(qtbot, dialog)

    assert reservation_now(demo_database, card).status is ReservationStatus.CHECKED_OUT
    assert len(opened_urls) == 1
    pdf = Path(opened_urls[0].toLocalFile())
    assert pdf.parent == tmp_path
    assert card.folio.folio.reservation.number in pdf.name
    assert pdf.read_bytes().startswith(b"%PDF")


def test_open_balance_blocks_check_out_and_says_what_is_open(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, one_open_bill)
    bill = card.folio.bills[0]
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    assert not child(dialog, QPushButton, "applyButton").isEnabled()
    status = child(dialog, QLabel, "statusLabel").text()
    assert bill.bill.number in status and money_text(bill.balance) in status
    assert child(dialog, QPushButton, "payButton").isVisible()
    assert not child(dialog, QPushButton, "depositButton").isVisible()


def test_pay_from_check_out_then_check_out(qtbot, desk_context, demo_database, window, fake_renderer):
    card = find_card(demo_database, one_open_bill)
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    click(qtbot, dialog, "payButton")
    payment = dialog.findChild(MakePaymentDialog)
    qtbot.waitUntil(payment.isVisible, timeout=30_000)
    methods = child(payment, QComboBox, "methodCombo")
    methods.setCurrentIndex(methods.findData(next(m.code for m in card.methods if m.kind is MethodKind.CARD)))
    payment.print_receipt_check.setChecked(False)
    apply_accepted(qtbot, payment)

    # The dialog follows the ledger: the bill is paid now, and Check out is enabled.
    apply = child(dialog, QPushButton, "applyButton")
    qtbot.waitUntil(apply.isEnabled, timeout=30_000)
    assert "settled" in child(dialog, QLabel, "statusLabel").text()
    apply_accepted(qtbot, dialog)
    assert reservation_now(demo_database, card).status is ReservationStatus.CHECKED_OUT


def test_transfer_to_a_company_account_settles_the_bill(
    qtbot, desk_context, demo_database, window, fake_renderer
):
    card = find_card(demo_database, one_open_bill)
    bill = card.folio.bills[0]
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    companies = child(dialog, QComboBox, "companyCombo")
    companies.setCurrentIndex(companies.findData(card.companies[-1].id))
    click(qtbot, dialog, "transferButton")
    apply = child(dialog, QPushButton, "applyButton")
    qtbot.waitUntil(apply.isEnabled, timeout=30_000)
    after = folio_now(demo_database, card).bill(bill.bill.id)
    assert after.status is BillStatus.PAID
    assert after.payments[-1].payment.payer_name == card.companies[-1].name
    apply_accepted(qtbot, dialog)
    assert reservation_now(demo_database, card).status is ReservationStatus.CHECKED_OUT


def test_manager_override_with_a_wrong_password_writes_nothing(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, one_open_bill)
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    child(dialog, QGroupBox, "overrideGroup").setChecked(True)
    assert child(dialog, QPushButton, "applyButton").isEnabled()
    before = ledger_counts(demo_database)
    assert "Say why" in apply_refused(qtbot, dialog, "reason")
    retype(qtbot, child(dialog, QLineEdit, "reasonEdit"), "Company pays by invoice")
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), "guess")
    assert "Wrong user name or password" in apply_refused(qtbot, dialog, "password")
    assert ledger_counts(demo_database) == before
    assert reservation_now(demo_database, card).status is ReservationStatus.IN_HOUSE


def test_manager_override_checks_out_with_the_balance_open(
    qtbot, desk_context, demo_database, window, fake_renderer
):
    card = find_card(demo_database, one_open_bill)
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    child(dialog, QGroupBox, "overrideGroup").setChecked(True)
    retype(qtbot, child(dialog, QLineEdit, "reasonEdit"), "Company pays by invoice")
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), "manager")
    apply_accepted(qtbot, dialog)
    reservation = reservation_now(demo_database, card)
    assert reservation.status is ReservationStatus.CHECKED_OUT
    assert (reservation.checkout_authorised_by, reservation.checkout_note) == ("maria", "Company pays by invoice")
    assert len(fake_renderer) == 1


def test_the_result_lines_stay_below_the_bills_table(qtbot, desk_context, demo_database, window, monkeypatch,
                                                     clerk):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no viewer
    monkeypatch.setattr(checkout, "render_folio_pdf",
                        lambda session, folio_id, path, language="en": Path(path))  # nothing written
    monkeypatch.setattr(checkout, "folio_pdf_directory",
                        lambda: Path("/a/rather/long/folder/name/for/the/final/folios/of/the/hotel"))
    from desk.ledger.payments import Tender, take_payment
    from tests.ui.test_dialogs_common import reload_card

    card = find_card(demo_database, lambda c: len(c.folio.bills) >= 2 and not c.folio.deposit_balance)
    with demo_database.writing() as session:
        for bill in card.folio.bills:
            if bill.balance.is_positive:
                take_payment(session, clerk, bill.bill.id, Tender("cash", bill.balance))
    card = reload_card(demo_database, card)
    dialog = opened(qtbot, CheckOutDialog(desk_context, card, window))
    click(qtbot, dialog, "applyButton")
    pdf_label = child(dialog, QLabel, "pdfLabel")
    qtbot.waitUntil(lambda: "no PDF viewer" in pdf_label.text(), timeout=30_000)
    table = child(dialog, QTableView, "billsView")
    deposit = child(dialog, QLabel, "depositLabel")
    status = child(dialog, QLabel, "statusLabel")

    def full_height(label: QLabel) -> bool:
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        return label.height() >= max(needed, label.fontMetrics().height())

    def laid_out() -> bool:
        # A squeezed label draws its text over its neighbours (the table's border, above).
        return (deposit.geometry().top() >= table.geometry().bottom()
                and all(full_height(label) for label in (deposit, status, pdf_label)))

    qtbot.waitUntil(laid_out, timeout=30_000)
