"""Add service, and service details (R5): the order's date, composition, and what became of it."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableView,
)

from desk.core.money import Money
from desk.hotel.models import Service
from desk.ledger.models import PostingKind
from desk.ledger.postings import void_posting
from tests.actors import MANAGER_APPROVAL
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
from ui import i18n
from ui.dialogs import AddServiceDialog, ServiceDetailsDialog
from ui.i18n import format_datetime, money_text


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


# --- add service ----------------------------------------------------------------------------------


def test_add_a_catalogue_service_to_another_bill(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: len(c.folio.bills) >= 2)
    first, second = card.folio.bills[0], card.folio.bills[1]
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, first.bill.id, window))
    bills = child(dialog, QComboBox, "billCombo")
    assert bills.currentData() == first.bill.id
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-BEER")
    assert child(dialog, QLineEdit, "priceEdit").text() == "5.00"
    assert "VAT 20%" in child(dialog, QLabel, "taxLabel").text()
    retype(qtbot, child(dialog, QLineEdit, "quantityEdit"), "3")
    assert child(dialog, QLabel, "totalLabel").text() == money_text(Money.of("15.00", "EUR"))
    choose(bills, second.bill.id)

    apply_accepted(qtbot, dialog)

    posting = folio_now(demo_database, card).bill(second.bill.id).postings[-1].posting
    assert (posting.service_code, posting.quantity, posting.amount) == ("MB-BEER", Decimal(3), Money.of("15", "EUR"))
    assert posting.tax_code == "VAT20"


def test_the_price_can_be_changed(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: True)
    bill = card.folio.bills[0]
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, bill.bill.id, window))
    choose(child(dialog, QComboBox, "serviceCombo"), "LAUNDRY")
    retype(qtbot, child(dialog, QLineEdit, "priceEdit"), "12.40")
    apply_accepted(qtbot, dialog)
    posting = folio_now(demo_database, card).bill(bill.bill.id).postings[-1].posting
    assert (posting.description, posting.amount) == ("Laundry", Money.of("12.40", "EUR"))


def test_several_lines_are_posted_in_one_apply(qtbot, desk_context, demo_database, window):
    """A minibar's count: beer and water put aside, parking edited, one Apply posts all three."""
    card = find_card(demo_database, lambda c: True)
    bill_id = card.folio.bills[0].bill.id
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, bill_id, window))
    lines = child(dialog, QListWidget, "linesList")
    assert not lines.isVisible()
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-BEER")
    retype(qtbot, child(dialog, QLineEdit, "quantityEdit"), "2")
    click(qtbot, dialog, "addLineButton")
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-WATER")
    click(qtbot, dialog, "addLineButton")
    choose(child(dialog, QComboBox, "serviceCombo"), "LAUNDRY")
    click(qtbot, dialog, "addLineButton")
    lines.setCurrentRow(2)
    click(qtbot, dialog, "removeLineButton")  # the laundry was a mistake
    assert lines.isVisible() and lines.count() == 2
    assert child(dialog, QLineEdit, "quantityEdit").text() == ""
    choose(child(dialog, QComboBox, "serviceCombo"), "PARKING")
    assert child(dialog, QLineEdit, "quantityEdit").text() == "1"
    assert child(dialog, QLabel, "grandTotalLabel").text() == money_text(Money.of("25.50", "EUR"))
    before = len(card.folio.bill(bill_id).postings)

    apply_accepted(qtbot, dialog)

    posted = folio_now(demo_database, card).bill(bill_id).postings[before:]
    assert [(line.posting.service_code, line.posting.quantity, line.posting.amount) for line in posted] == [
        ("MB-BEER", Decimal(2), Money.of("10", "EUR")), ("MB-WATER", Decimal(1), Money.of("3.50", "EUR")),
        ("PARKING", Decimal(1), Money.of("12", "EUR"))]


def test_enter_after_adding_a_line_posts_only_the_listed_lines(qtbot, desk_context, demo_database, window):
    """"Add another line" empties the fields: Enter then posts what was listed, not a line nobody entered."""
    card = find_card(demo_database, lambda c: True)
    bill_id = card.folio.bills[0].bill.id
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, bill_id, window))
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-BEER")
    retype(qtbot, child(dialog, QLineEdit, "quantityEdit"), "2")
    click(qtbot, dialog, "addLineButton")
    assert child(dialog, QComboBox, "serviceCombo").currentIndex() == -1
    quantity = child(dialog, QLineEdit, "quantityEdit")
    assert (quantity.text(), child(dialog, QLineEdit, "priceEdit").text()) == ("", "")
    assert child(dialog, QLabel, "grandTotalLabel").text() == money_text(Money.of("10", "EUR"))
    before = len(card.folio.bill(bill_id).postings)

    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.keyClick(quantity, Qt.Key.Key_Return)

    posted = folio_now(demo_database, card).bill(bill_id).postings[before:]
    assert [(line.posting.service_code, line.posting.quantity) for line in posted] == [("MB-BEER", Decimal(2))]


def test_a_typed_quantity_without_a_service_is_refused_even_with_lines_listed(qtbot, desk_context, demo_database,
                                                                              window):
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-BEER")
    click(qtbot, dialog, "addLineButton")
    retype(qtbot, child(dialog, QLineEdit, "quantityEdit"), "3")
    before = ledger_counts(demo_database)
    assert apply_refused(qtbot, dialog, "service") == "Choose a service."
    assert ledger_counts(demo_database) == before


def test_apply_with_no_line_and_no_service_is_refused(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    child(dialog, QComboBox, "serviceCombo").setCurrentIndex(-1)
    assert apply_refused(qtbot, dialog, "service") == "Choose a service."


def test_a_listed_line_the_desk_refuses_posts_none_and_is_shown_against_that_line(
        qtbot, desk_context, demo_database, window):
    """The catalogue lost a service since the card was read (the dialog still offers it): the desk refuses
    that listed line, so nothing is posted, and the dialog selects the line and says why under the list."""
    card = find_card(demo_database, lambda c: True)
    beer = next(service for service in card.services if service.code == "MB-BEER")
    gone = Service(code="MB-NUTS", name="Peanuts", category="minibar", price=Money.of("4", "EUR"),
                   tax_code=beer.tax_code, tax=beer.tax)
    card = replace(card, catalogues=replace(card.catalogues, services=[*card.services, gone]))
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    for code in ("MB-BEER", "MB-NUTS"):
        choose(child(dialog, QComboBox, "serviceCombo"), code)
        click(qtbot, dialog, "addLineButton")
    choose(child(dialog, QComboBox, "serviceCombo"), "MB-WATER")
    child(dialog, QListWidget, "linesList").setCurrentRow(0)
    before = ledger_counts(demo_database)

    assert apply_refused(qtbot, dialog, "lines") == "There is no service MB-NUTS"

    assert ledger_counts(demo_database) == before
    assert child(dialog, QListWidget, "linesList").currentRow() == 1
    assert child(dialog, QLabel, "serviceError").text() == ""


def test_delete_removes_the_selected_line_and_other_lines_has_a_shortcut(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    lines = child(dialog, QListWidget, "linesList")
    for code in ("MB-BEER", "MB-WATER"):
        choose(child(dialog, QComboBox, "serviceCombo"), code)
        click(qtbot, dialog, "addLineButton")
    assert child(dialog, QLabel, "linesLabel").buddy() is lines
    lines.setFocus()
    lines.setCurrentRow(0)
    qtbot.keyClick(lines, Qt.Key.Key_Delete)
    assert lines.count() == 1 and "3.50" in lines.item(0).text()
    assert child(dialog, QLabel, "grandTotalLabel").text() == money_text(Money.of("3.50", "EUR"))


@pytest.mark.parametrize("language", ["en", "ru", "bg"])
def test_every_shortcut_of_the_dialog_is_its_own_letter(qtbot, desk_context, demo_database, window, qm_dir, language):
    """Alt+letter reaches one field or button in every language (Russian had Alt+У twice, Bulgarian Alt+П)."""
    i18n.install_translator(QCoreApplication.instance(), language, qm_dir=qm_dir)
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    letters = [match.group(1).lower() for text in texts if (match := re.search(r"&([^&\s])", text))]
    assert len(letters) >= 8, texts
    assert sorted(letters) == sorted(set(letters)), texts


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("quantity", "0", "more than zero"),
        ("quantity", "1.2345", "3 decimals"),
        ("quantity", "a few", "not a number"),
        ("price", "-1", "cannot be negative"),
        ("price", "1.999", "decimals"),
    ],
)
def test_bad_quantity_or_price_is_refused(qtbot, desk_context, demo_database, window, field, typed, message):
    card = find_card(demo_database, lambda c: True)
    dialog = opened(qtbot, AddServiceDialog(desk_context, card, card.folio.bills[0].bill.id, window))
    retype(qtbot, child(dialog, QLineEdit, f"{field}Edit"), typed)
    before = ledger_counts(demo_database)
    assert message in apply_refused(qtbot, dialog, field)
    assert ledger_counts(demo_database) == before


# --- service details ------------------------------------------------------------------------------


def test_details_of_a_restaurant_order(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: any(line.posting.outlet_code for line in c.folio.postings))
    line = next(line for line in card.folio.postings if line.posting.outlet_code)
    dialog = ServiceDetailsDialog(desk_context, line.posting.id, window)
    opened(qtbot, dialog)
    posting = line.posting
    assert child(dialog, QLabel, "orderedLabel").text() == format_datetime(posting.ordered_at)
    assert child(dialog, QLabel, "checkLabel").text() == posting.check_number
    assert child(dialog, QLabel, "outletLabel").text() == "Restaurant Panorama"
    bill = card.folio.bill(line.bill_id)
    assert child(dialog, QLabel, "billLabel").text() == bill.bill.number
    items = child(dialog, QTableView, "itemsView").model()
    composition = dialog.details.items
    assert items.rowCount() == len(composition) >= 2
    name, quantity, price, amount = composition[0]
    assert [items.index(0, c).data() for c in range(4)] == [
        name, f"{quantity.normalize():f}", money_text(price), money_text(amount)
    ]
    assert dialog.findChild(QGroupBox, "reversalBox") is None


def test_details_of_a_voided_service_say_who_and_why(qtbot, desk_context, demo_database, window, clerk):
    card = find_card(demo_database, lambda c: True)
    line = card.folio.bills[0].postings[-1]
    with demo_database.writing() as session:
        void_posting(session, clerk, line.posting.id, reason="Posted to the wrong room", approval=MANAGER_APPROVAL)
    dialog = opened(qtbot, ServiceDetailsDialog(desk_context, line.posting.id, window))
    box = child(dialog, QGroupBox, "reversalBox")
    assert box.title() == "Voided"
    assert "anna" in child(dialog, QLabel, "reversalWhoLabel").text()
    assert child(dialog, QLabel, "reversalAuthorisedLabel").text() == "maria"
    assert child(dialog, QLabel, "reversalReasonLabel").text() == "Posted to the wrong room"
    assert dialog.details.reversal.kind is PostingKind.VOID


def test_details_of_a_missing_service_show_an_error_instead(qtbot, desk_context, window):
    dialog = ServiceDetailsDialog(desk_context, 999_999, window)
    dialog.open()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "opErrorBox") is not None, timeout=30_000)
    assert "does not exist" in window.findChild(QMessageBox, "opErrorBox").text()
