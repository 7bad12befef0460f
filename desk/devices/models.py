"""A workstation's printers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.types import utcnow
from desk.db.base import Base


class WorkstationPrinter(Base):
    """A receipt printer on one workstation, kept by the workstation's name (survives reinstalling).

    ``register_code`` is the cash register whose receipts it prints (None: test pages and copies
    only); ``drawer`` marks the printer whose drawer connector holds the cash drawer.
    """

    __tablename__ = "workstation_printer"
    __table_args__ = (UniqueConstraint("workstation", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(String(160))
    profile: Mapped[str] = mapped_column(String(40))
    paper_mm: Mapped[int]
    register_code: Mapped[str | None] = mapped_column(ForeignKey("cash_register.code"))
    drawer: Mapped[bool] = mapped_column(default=False)
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

