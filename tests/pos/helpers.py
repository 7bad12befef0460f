"""Building checks and reading what they did to the ledger."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select

from desk.ledger.models import Posting
from desk.pos.models import PosCheck
from desk.stays.models import Reservation
from tests.desk.conftest import Hotel, Stay

CENT = Decimal("0.01")


def stay_number(hotel: Hotel, stay: Stay) -> str:
    return hotel.query(lambda s: s.get_one(Reservation, stay.reservation_id).number)


def guest_ids(hotel: Hotel, stay: Stay) -> list[int]:
    return hotel.query(lambda s: [g.id for g in s.get_one(Reservation, stay.reservation_id).guests])


def check_body(hotel: Hotel, stay: Stay, check_id: str = "c-1", *, guest: int = 0, code: str = "25",
               lines: list[tuple[str, str, str, str]] | None = None, tip: str = "0.00",
               total: str | None = None, closed_at: datetime | None = None) -> dict[str, Any]:
    lines = lines or [("Grilled trout", "2", "18.50", "20"), ("Espresso", "1", "2.80", "20")]
    # Exact, and each line rounded as the service rounds it (Money.times, half up).
    computed = sum(((Decimal(q) * Decimal(p)).quantize(CENT, ROUND_HALF_UP) for _, q, p, _ in lines), Decimal(tip))
    return {
        "check_id": check_id, "check_number": check_id.split("-")[-1], "outlet": "REST", "workstation": "TILL-1",
        "cashier": "Ivan", "payment_code": code, "stay": stay_number(hotel, stay),
        "guest_id": guest_ids(hotel, stay)[guest], "closed_at": (closed_at or datetime.now(UTC)).isoformat(),
        "currency": "EUR", "lines": [{"item": i, "quantity": q, "price": p, "tax": t} for i, q, p, t in lines],
        "tip": tip, "total": total or f"{computed:.2f}",
    }


def pos_postings(hotel: Hotel) -> list[Posting]:
    return hotel.query(lambda s: list(s.scalars(select(Posting).where(Posting.source == "pos").order_by(Posting.id))))


def ledger_size(hotel: Hotel) -> dict[str, int]:
    counts = hotel.row_counts()
    return {k: v for k, v in counts.items() if k in ("posting", "posting_item", "payment", "bill", "pos_check",
                                                       "pos_request")}


def checks(hotel: Hotel) -> int:
    return hotel.query(lambda s: s.scalar(select(func.count(PosCheck.id))))
