"""Scheduled backups: a manager sets the folder and how many to keep; ``desk backup --scheduled``
(the systemd timer's) writes a new one there and then removes the oldest beyond that count.

Only files this schedule names (``desk-YYYY-MM-DD-HHMMSS.backup``) are ever removed, and only after
the new backup was written and read back: a folder shared with other files loses none of them, and
a failed backup removes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desk.backup.copy import BackupInfo, back_up
from desk.backup.models import BackupSchedule
from desk.core.errors import DeskError, InvalidInput
from desk.db.engine import Database
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require

MOST_KEPT = 1000
_SCHEDULED_NAME = re.compile(r"desk-\d{4}-\d{2}-\d{2}-\d{6}\.backup")


class NoBackupSchedule(DeskError):
    def __init__(self) -> None:
        super().__init__("No backup folder is set: a manager sets it and how many backups to keep first")


@dataclass(frozen=True)
class ScheduledBackup:
    file: Path
    info: BackupInfo
    removed: tuple[str, ...]  # the older backups removed to keep the count


def set_backup_schedule(session: Session, actor: Actor, folder: str, keep: int) -> None:
    require(actor, Right.BACK_UP)
    path = Path(folder.strip())
    if not folder.strip() or not path.is_absolute():
        raise InvalidInput("The backup folder must be a full path, such as /var/backups/desk", field="folder")
    if not path.is_dir():
        raise InvalidInput("There is no folder {folder}", field="folder", folder=str(path))
    if not 1 <= keep <= MOST_KEPT:
        raise InvalidInput("Keep from 1 to {most} backups", field="keep", most=MOST_KEPT)
    schedule = session.get(BackupSchedule, 1)
    before = f"{schedule.folder}, keep {schedule.keep}" if schedule is not None else "none"
    if schedule is None:
        session.add(BackupSchedule(id=1, folder=str(path), keep=keep))
    else:
        schedule.folder, schedule.keep = str(path), keep
    record_change(session, actor, "backup_schedule", "backup", f"{before} -> {path}, keep {keep}")


def backup_schedule(session: Session) -> BackupSchedule | None:
    return session.get(BackupSchedule, 1)


def schedule_kept(session: Session) -> tuple[str, int] | None:
    """The folder and the count, as plain values for a window to show."""
    schedule = backup_schedule(session)
    return None if schedule is None else (schedule.folder, schedule.keep)


def scheduled_name(now: datetime) -> str:
    return f"desk-{now:%Y-%m-%d-%H%M%S}.backup"


def scheduled_backup(database: Database, actor: Actor, now: datetime) -> ScheduledBackup:
    """A new backup in the schedule's folder, then the oldest of its backups removed beyond the count."""
    require(actor, Right.BACK_UP)
    with database.unit_of_work() as session:
        schedule = backup_schedule(session)
        if schedule is None:
            raise NoBackupSchedule()
        folder, keep = Path(schedule.folder), schedule.keep
    target = folder / scheduled_name(now)
    info = back_up(database, actor, target)
    ours = sorted(file for file in folder.iterdir() if _SCHEDULED_NAME.fullmatch(file.name) and file.is_file())
    removed = [file for file in ours[:-keep] if file != target]
    for file in removed:
        file.unlink(missing_ok=True)
    if removed:
        with database.writing() as session:
            record_change(session, actor, "backup_removed", target.name,
                          f"kept the newest {keep} in {folder}, removed {', '.join(f.name for f in removed)}")
    return ScheduledBackup(target, info, tuple(file.name for file in removed))
