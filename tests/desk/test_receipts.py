"""Receipt requests: a sale receipt for a payment, a refund receipt for a refund, contacts validated."""

from __future__ import annotations

import pytest

from desk.core.errors import InvalidInput
from desk.fiscal.models import ReceiptKind
from desk.fiscal.receipts import request_receipt
from desk.ledger.payments import Tender, refund_payment, take_payment
from desk.ledger.postings import post_service
from desk.people.models import Role

from .conftest import Hotel


def test_sale_and_refund_receipts_are_recorded_with_normalised_contacts(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    sale = hotel.run(request_receipt, payment.id, "FP-1", email="guest@example.org", phone="+359 (88) 123-4567")
    assert (sale.kind, sale.email, sale.phone) == (ReceiptKind.SALE, "guest@example.org", "+359881234567")
    refund = hotel.as_role(Role.CASHIER).run(refund_payment, payment.id, hotel.money("5"))
    assert hotel.run(request_receipt, refund.id, "FP-2").kind is ReceiptKind.REFUND


@pytest.mark.parametrize(
    ("register", "email", "phone", "field"),
    [("FP-9", "", "", "register"), ("FP-1", "guest@", "", "email"), ("FP-1", "", "0881234567", "phone"),
     ("FP-1", "a b@c.de", "", "email"), ("FP-1", "", "+12", "phone")],
)
def test_bad_receipt_requests_write_nothing(hotel: Hotel, register, email, phone, field):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("35")))
    before = hotel.row_counts()
    with pytest.raises(InvalidInput) as caught:
        hotel.run(request_receipt, payment.id, register, email=email, phone=phone)
    assert caught.value.field == field
    assert hotel.row_counts() == before


def test_non_fiscal_methods_get_no_receipt(hotel: Hotel):
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("transfer", hotel.money("35")))
    with pytest.raises(InvalidInput):
        hotel.run(request_receipt, payment.id, "FP-1")
