"""The backup schedule's one row: the folder scheduled backups go to and how many are kept."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desk.db.base import Base


class BackupSchedule(Base):
    __tablename__ = "backup_schedule"
    id: Mapped[int] = mapped_column(primary_key=True)  # always 1: one schedule per hotel
    folder: Mapped[str] = mapped_column(String(500))
    keep: Mapped[int]
