"""A workstation's printers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.types import utcnow
from desk.db.base import Base


class WorkstationPrinter(Base):
    """A receipt printer on one workstation, kept by the workstation's name (survives reinstalling).

    ``register_code`` is the cash register whose documents it prints on this workstation, the only
    place a register's printer is set (None: test pages and copies only); ``drawer`` marks the
    printer whose drawer connector holds the cash drawer; ``text_as_image`` draws every text line
    as a picture, for a printer whose code pages do not match its profile.
    """

    __tablename__ = "workstation_printer"
    __table_args__ = (
        UniqueConstraint("workstation", "name"),
        # One printer per register on a workstation, so "where does FP-1 print here?" has one answer.
        Index("uq_workstation_printer_register", "workstation", "register_code", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40))  # looked up by the unique (workstation, name)
    name: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(String(160))
    profile: Mapped[str] = mapped_column(String(40))
    paper_mm: Mapped[int]
    register_code: Mapped[str | None] = mapped_column(ForeignKey("cash_register.code"))
    drawer: Mapped[bool] = mapped_column(default=False)
    text_as_image: Mapped[bool] = mapped_column(default=False, server_default=false())
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

