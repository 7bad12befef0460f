"""Void (R19): a manager's credentials and a reason, checked in the same transaction as the void."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desk.core.errors import NotAuthorised
from desk.ledger.folios import load_folio
from desk.ledger.models import PaymentKind, PostingKind
from desk.ledger.postings import void_posting
from desk.people.auth import ManagerApproval
from tests.actors import MANAGER_APPROVAL
from tests.ui.test_dialogs_common import (
    apply_accepted,
    apply_refused,
    card_window,
    child,
    find_card,
    folio_now,
    ledger_counts,
    opened,
    retype,
)
from ui.dialogs import VoidDialog


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


@pytest.fixture
def card(demo_database):
    return find_card(demo_database, lambda c: any(v.payments for v in c.folio.bills))


def fill(qtbot, dialog, *, reason: str, username: str, password: str) -> None:
    retype(qtbot, child(dialog, QLineEdit, "reasonEdit"), reason)
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), username)
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), password)


def test_void_a_service_with_a_managers_password(qtbot, desk_context, demo_database, card, window):
    line = card.folio.bills[0].postings[0]
    dialog = opened(qtbot, VoidDialog(desk_context, card, posting_id=line.posting.id, parent=window))
    assert child(dialog, QLabel, "subjectLabel").text() == line.posting.description
    assert child(dialog, QLineEdit, "passwordEdit").echoMode() is QLineEdit.EchoMode.Password
    fill(qtbot, dialog, reason="Charged to the wrong guest", username="maria", password="manager")

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card).posting(line.posting.id)
    assert after.reversed_by is not None
    void = after.reversed_by
    assert (void.kind, void.authorised_by, void.reason, void.created_by) == (
        PostingKind.VOID, "maria", "Charged to the wrong guest", "anna"
    )


def test_void_a_payment(qtbot, desk_context, demo_database, card, window):
    line = next(pl for v in card.folio.bills for pl in v.payments if not pl.refunds)
    dialog = opened(qtbot, VoidDialog(desk_context, card, payment_id=line.payment.id, parent=window))
    fill(qtbot, dialog, reason="Typed on the wrong bill", username="maria", password="manager")
    apply_accepted(qtbot, dialog)
    voided_by = folio_now(demo_database, card).payment(line.payment.id).voided_by
    assert voided_by is not None and voided_by.kind is PaymentKind.VOID and voided_by.authorised_by == "maria"


@pytest.mark.parametrize(
    ("username", "password", "field", "message"),
    [
        ("maria", "wrong", "password", "Wrong user name or password"),
        ("nobody", "manager", "password", "Wrong user name or password"),
        ("anna", "anna", "username", "not a manager"),
        ("", "manager", "username", "A manager must sign"),
        ("maria", "", "password", "password"),
    ],
)
def test_wrong_credentials_write_nothing(
    qtbot, desk_context, demo_database, card, window, username, password, field, message
):
    line = card.folio.bills[0].postings[0]
    dialog = opened(qtbot, VoidDialog(desk_context, card, posting_id=line.posting.id, parent=window))
    fill(qtbot, dialog, reason="Mistake", username=username, password=password)
    before = ledger_counts(demo_database)
    assert message in apply_refused(qtbot, dialog, field)
    assert ledger_counts(demo_database) == before
    assert child(dialog, QLineEdit, "passwordEdit").text() in ("", password)
    assert folio_now(demo_database, card).posting(line.posting.id).reversed_by is None


def test_a_reason_is_required(qtbot, desk_context, demo_database, card, window):
    line = card.folio.bills[0].postings[0]
    dialog = opened(qtbot, VoidDialog(desk_context, card, posting_id=line.posting.id, parent=window))
    fill(qtbot, dialog, reason="", username="maria", password="manager")
    before = ledger_counts(demo_database)
    assert "Say why" in apply_refused(qtbot, dialog, "reason")
    assert ledger_counts(demo_database) == before


def test_an_already_cancelled_line_cannot_be_voided_again(qtbot, desk_context, demo_database, card, window, clerk):
    line = card.folio.bills[0].postings[0]
    with demo_database.writing() as session:
        void_posting(session, clerk, line.posting.id, reason="first", approval=MANAGER_APPROVAL)
    fresh = find_card(demo_database, lambda c: c.folio.folio.id == card.folio.folio.id)
    dialog = opened(qtbot, VoidDialog(desk_context, fresh, posting_id=line.posting.id, parent=window))
    assert not child(dialog, QPushButton, "applyButton").isEnabled()
    assert "already cancelled" in child(dialog, QLabel, "formError").text()


def test_the_void_checks_the_password_before_writing(demo_database, card, clerk):
    line = card.folio.bills[0].postings[0]
    before = ledger_counts(demo_database)
    with pytest.raises(NotAuthorised) as refused, demo_database.writing() as session:
        void_posting(session, clerk, line.posting.id, reason="x", approval=ManagerApproval("maria", "nope"))
    assert refused.value.field == "password"
    assert ledger_counts(demo_database) == before


def test_voiding_a_company_transfer_reverses_both_halves(qtbot, desk_context, demo_database, window, clerk):
    from desk.ledger.accounts import company_folio
    from desk.ledger.payments import transfer_to_company
    from desk.stays.models import Company
    from tests.ui.test_dialogs_common import reload_card

    card = find_card(demo_database, lambda c: c.folio.bills[0].balance.is_positive)
    bill = card.folio.bills[0]
    with demo_database.writing() as session:
        company_id = session.scalars(select(Company.id)).first()
        account_id = company_folio(session, clerk, company_id).id
        before = load_folio(session, account_id).balance
        payment_id = transfer_to_company(session, clerk, bill.bill.id, company_id).id
    card = reload_card(demo_database, card)
    dialog = opened(qtbot, VoidDialog(desk_context, card, payment_id=payment_id, parent=window))
    assert "company account" in child(dialog, QLabel, "voidHeading").text()
    fill(qtbot, dialog, reason="The company refused the bill", username="maria", password="manager")
    apply_accepted(qtbot, dialog)
    assert folio_now(demo_database, card).bill(bill.bill.id).balance == bill.balance
    with demo_database.unit_of_work() as session:
        assert load_folio(session, account_id).balance == before
