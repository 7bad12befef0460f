"""Scheduled backups on SQLite and PostgreSQL: a manager sets the folder and the count; each run
writes a new backup there and removes the oldest of the schedule's own beyond the count, nothing else."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desk.backup.copy import inspect_backup
from desk.backup.schedule import NoBackupSchedule, scheduled_backup, set_backup_schedule
from desk.core.errors import InvalidInput
from desk.people.changes import changes_of
from desk.people.models import Role
from tests.desk.conftest import Hotel, refused


def test_each_scheduled_backup_keeps_the_newest_the_manager_asked_for(hotel: Hotel, tmp_path: Path):
    manager = hotel.as_role(Role.MANAGER)
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("the night manager's notes", encoding="utf-8")
    (folder / "desk-before-the-move.backup").write_text("kept by hand", encoding="utf-8")
    refused(manager, NoBackupSchedule,
            "No backup folder is set: a manager sets it and how many backups to keep first",
            lambda: scheduled_backup(manager.database, manager.actor, datetime(2026, 12, 5, 2, 30)))
    manager.run(set_backup_schedule, str(folder), 2)

    runs = [datetime(2026, 12, day, 2, 30, 0) for day in (5, 6, 7)]
    done = [scheduled_backup(manager.database, manager.actor, now) for now in runs]

    assert [run.file.name for run in done] == [f"desk-2026-12-0{day}-023000.backup" for day in (5, 6, 7)]
    assert done[2].removed == ("desk-2026-12-05-023000.backup",) and done[1].removed == ()
    assert sorted(file.name for file in folder.iterdir()) == [
        "desk-2026-12-06-023000.backup", "desk-2026-12-07-023000.backup", "desk-before-the-move.backup",
        "notes.txt"]
    assert inspect_backup(folder / "desk-2026-12-07-023000.backup").kind == hotel.database.engine.dialect.name
    removed = manager.query(changes_of, "backup_removed")
    assert [(change.username, change.code) for change in removed] == [
        (manager.actor.username, "desk-2026-12-07-023000.backup")]
    [schedule_set] = manager.query(changes_of, "backup_schedule")
    assert schedule_set.summary == f"none -> {folder}, keep 2"


def test_a_schedule_needs_a_full_path_to_a_folder_and_a_count(hotel: Hotel, tmp_path: Path):
    manager = hotel.as_role(Role.MANAGER)
    refused(manager, InvalidInput, "The backup folder must be a full path, such as /var/backups/desk",
            lambda: manager.run(set_backup_schedule, "backups", 7), field="folder")
    refused(manager, InvalidInput, "There is no folder {folder}",
            lambda: manager.run(set_backup_schedule, str(tmp_path / "missing"), 7), field="folder")
    refused(manager, InvalidInput, "Keep from 1 to {most} backups",
            lambda: manager.run(set_backup_schedule, str(tmp_path), 0), field="keep")


def test_the_timers_command_backs_up_into_the_folder_a_manager_set(sqlite_hotel: Hotel, tmp_path: Path,
                                                                     monkeypatch, capsys):  # type: ignore[no-untyped-def]
    from desk.cli.main import main
    from tests.actors import demo_credentials

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = sqlite_hotel.database.url
    sqlite_hotel.database.dispose()
    folder = tmp_path / "nightly"
    folder.mkdir()
    assert main(["--database", url, "backup", "--scheduled"]) == 1
    assert "No backup folder is set" in capsys.readouterr().err
    assert main(["--database", url, "backup", "--set-folder", str(folder), "--keep", "3"]) == 0
    assert main(["--database", url, "backup", "--scheduled"]) == 0
    [made] = folder.iterdir()
    assert f"Backed up to {made}" in capsys.readouterr().out
    assert inspect_backup(made).kind == "sqlite"
