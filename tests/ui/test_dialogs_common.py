"""Shared pieces of the card's dialogs, and the helpers the dialog tests use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QWidget
from sqlalchemy import func, select

from desk.core.money import Money
from desk.db.engine import Database
from desk.fiscal.models import ReceiptRequest
from desk.ledger.folios import BillStatus, FolioView, load_folio
from desk.ledger.models import Bill, Folio, Payment, Posting, PostingMove
from desk.stays.models import Reservation, ReservationStatus
from desk.stays.reservation_card import ReservationCardData, load_reservation_card
from ui.dialogs.common import FieldProblem, in_currency, read_amount, read_quantity
from ui.i18n import quantity_text
from ui.ops import delivery

# --- helpers for the dialog tests ---------------------------------------------------------------


def find_card(database: Database, wanted: Callable[[ReservationCardData], bool]) -> ReservationCardData:
    """The first in-house stay of the demo hotel whose card matches ``wanted``."""
    with database.unit_of_work() as session:
        folio_ids = session.scalars(
            select(Folio.id)
            .join(Reservation, Reservation.id == Folio.reservation_id)
            .where(Reservation.status == ReservationStatus.IN_HOUSE)
            .order_by(Reservation.number)
        ).all()
        for folio_id in folio_ids:
            card = load_reservation_card(session, folio_id)
            if wanted(card):
                return card
    raise AssertionError("the demo hotel has no such stay")


def unpaid_stay_card(qtbot: Any, context: Any, database: Database) -> Iterator[Any]:
    """An in-house stay's card with one bill not paid, opened and loaded; closed afterwards (a fixture's body)."""
    import shiboken6

    from ui.reservation_card.window import open_reservation_card

    card = find_card(database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].status is BillStatus.NOT_PAID
                     and c.folio.folio.reservation_id is not None)
    shown = open_reservation_card(context, card.folio.folio.id)
    qtbot.waitUntil(lambda: shown.is_loaded and shown.isVisible(), timeout=30_000)
    yield shown
    if shiboken6.isValid(shown):
        shown.close()


def reader_save_waiting(qtbot: Any, window: Any, device_asked: Callable[[], bool]) -> Any:
    """The reservation card's Terminal window, opened by its button, once the operator's device was asked
    (``device_asked``) and the window says to present the card; returned with its Cancel still enabled."""
    from ui.cards.reader_save import ReaderSaveDialog

    assert window.reader_card_button.isEnabled()
    window.reader_card_button.click()
    # The button first asks whether this workstation has a reader (else a Worldline receipt's reference).
    qtbot.waitUntil(lambda: window.findChild(ReaderSaveDialog, "readerSaveDialog") is not None, timeout=30_000)
    dialog = window.findChild(ReaderSaveDialog, "readerSaveDialog")
    assert dialog is not None
    # The GUI thread keeps delivering the ops' results while the request is on its way to the device.
    qtbot.waitUntil(device_asked, timeout=30_000)
    qtbot.waitUntil(lambda: "present the card" in dialog.message_label.text(), timeout=30_000)
    assert dialog.cancel_button.isEnabled()
    return dialog


def reload_card(database: Database, card: ReservationCardData) -> ReservationCardData:
    with database.unit_of_work() as session:
        return load_reservation_card(session, card.folio.folio.id)


def folio_now(database: Database, card: ReservationCardData) -> FolioView:
    with database.unit_of_work() as session:
        return load_folio(session, card.folio.folio.id)


def ledger_counts(database: Database) -> dict[str, int]:
    """How many rows every ledger table and the bills have: a refusal must leave them as they are."""
    with database.unit_of_work() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Posting, Payment, PostingMove, ReceiptRequest, Bill)
        }


def child(dialog: QWidget, kind: type, name: str):
    widget = dialog.findChild(kind, name)
    assert widget is not None, f"{type(dialog).__name__} has no {kind.__name__} {name!r}"
    return widget


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a clerk would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(edit, text)


def click(qtbot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(child(dialog, QAbstractButton, name), Qt.MouseButton.LeftButton)


def apply_accepted(qtbot, dialog: QDialog) -> None:
    """Click Apply and wait until the change is committed and the dialog accepted."""
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        click(qtbot, dialog, "applyButton")


def apply_refused(qtbot, dialog: QDialog, field: str) -> str:
    """Click Apply; return the message shown next to ``field`` (the dialog stays open)."""
    click(qtbot, dialog, "applyButton")
    error = child(dialog, QLabel, f"{field}Error")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert dialog.isVisible()
    return error.text()


def opened(qtbot, dialog: QDialog) -> QDialog:
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=30_000)
    return dialog


def card_window(qtbot) -> QWidget:
    """A window standing in for the card the dialogs open over (each test file's ``window`` fixture)."""
    widget = QWidget()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    return widget


# --- the shared pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("0", "EUR", "more than zero"),
        ("-5", "EUR", "more than zero"),
        ("12.345", "EUR", "at most 2 decimals"),
        ("12.5", "JPY", "no decimals"),
        ("twelve", "EUR", "not a number"),
        ("", "EUR", "Enter a number"),
        ("1e3", "EUR", "not a number"),
        ("1" * 30, "EUR", "too large"),
        ("1000000000000000", "EUR", "too large"),
    ],
)
def test_read_amount_refuses_what_is_not_money(qtbot, text, currency, message):
    with pytest.raises(FieldProblem, match=message):
        read_amount(text, currency)


def test_read_amount_reads_exact_money_within_a_maximum(qtbot):
    assert read_amount("12.50", "EUR") == Money.of("12.50", "EUR")
    assert read_amount("12.000", "EUR") == Money.of("12", "EUR")
    assert read_amount("0", "EUR", allow_zero=True) == Money.zero("EUR")
    with pytest.raises(FieldProblem, match="at most 10"):
        read_amount("10.01", "EUR", maximum=Money.of("10", "EUR"), too_much="at most 10")


def test_read_quantity(qtbot):
    assert read_quantity("2.5") == Decimal("2.5")
    for bad in ("0", "-1", "1.0001", "x", "1" * 30, "1000000000"):
        with pytest.raises(FieldProblem):
            read_quantity(bad)
    assert quantity_text(Decimal("2.000")) == "2"
    assert quantity_text(Decimal("0.920")) == "0.92"


def test_in_currency_converts_a_base_amount_into_a_foreign_one(qtbot):
    assert in_currency(Money.of("46.00", "EUR"), Decimal("0.92"), "USD") == Money.of("50.00", "USD")
    assert in_currency(Money.of("46.00", "EUR"), Decimal(1), "EUR") == Money.of("46.00", "EUR")
