"""The audit trail on SQLite and PostgreSQL, driven through the real use cases: each kind of event is
one entry with who, where and when, written with what it records (a refusal writes none, a failed
sign-in is written although it failed); the chain holds, and ``verify`` names a changed entry, a
removed one and a tail written again (against the anchor of a night audit)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select, text

from desk.audit.anchors import anchor_file, read_anchors, write_anchor
from desk.audit.chain import GENESIS
from desk.audit.models import AuditEntry, AuditKind
from desk.audit.verify import verify
from desk.db.runner import Runner
from desk.devices.printers import add_printer, update_printer
from desk.hotel.catalogue import change_service
from desk.ledger.payments import Tender, refund_payment, take_payment, void_payment
from desk.people.auth import SignInRefused, lock_desk, sign_in
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.pos.keys import create_key, revoke_key
from desk.stays.night_audit import run_night_audit
from tests.actors import MANAGER_APPROVAL, demo_credentials, signed_in

from .conftest import MISSING_RIGHT, Hotel, charged_stay, refused


def _entries(hotel: Hotel, after: int = 0) -> list[AuditEntry]:
    with hotel.database.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.seq > after).order_by(AuditEntry.seq)))


def _last_seq(hotel: Hotel) -> int:
    entries = _entries(hotel)
    return entries[-1].seq if entries else 0


def _only(entries: list[AuditEntry], kind: AuditKind) -> AuditEntry:
    found = [e for e in entries if e.kind == kind.value]
    assert len(found) == 1, f"{kind}: {[(e.kind, e.summary) for e in entries]}"
    return found[0]


def test_each_kind_is_written_once_with_who_where_and_when(hotel: Hotel):
    runner = Runner(hotel.database)
    start = _last_seq(hotel)
    began = datetime.now(UTC) - timedelta(seconds=1)
    cashier = signed_in(hotel.database, Role.CASHIER, "TEST-1")
    username, password = demo_credentials(Role.CLERK)
    with hotel.database.writing() as session:
        clerk = sign_in(session, username, password, "TEST-1", replacing=cashier.username)
    with pytest.raises(SignInRefused), hotel.database.writing() as session:
        sign_in(session, username, "not the password", "TEST-1")
    runner.run(lock_desk, clerk)
    stay = charged_stay(hotel)
    paid = runner.run(take_payment, clerk, stay.bill_id, Tender("cash", hotel.money("40.00"))).value
    runner.run(refund_payment, cashier, paid.id, hotel.money("10.00"), reason="Minibar was not used")
    other = runner.run(take_payment, clerk, stay.bill_id, Tender("cash", hotel.money("5.00"))).value
    runner.run(void_payment, clerk, other.id, reason="Typed twice", approval=MANAGER_APPROVAL)
    manager = signed_in(hotel.database, Role.MANAGER, "TEST-1")
    runner.run(change_service, manager, "PARKING", "Parking, covered", hotel.money("15.00"), "VAT20")
    printer = runner.run(add_printer, manager, "TEST-1", "Receipts", "tcp://10.0.0.5:9100", paper_mm=80).value
    runner.run(update_printer, manager, printer.id, "Receipts", "tcp://10.0.0.6:9100", paper_mm=58)
    runner.run(create_key, manager, "bar-till")
    runner.run(revoke_key, manager, "bar-till")
    run_night_audit(runner, manager, reason="Test day")

    entries = _entries(hotel, start)
    assert all(e.at >= began and e.workstation == "TEST-1" for e in entries)
    by_kind = {kind: [e for e in entries if e.kind == kind.value] for kind in AuditKind}
    assert [e.username for e in by_kind[AuditKind.SIGN_IN]] == ["ivan", "maria"]
    switch = _only(entries, AuditKind.SWITCH_USER)
    assert (switch.username, json.loads(switch.content)["detail"]["from"]) == ("anna", "ivan")
    failed = _only(entries, AuditKind.SIGN_IN_FAILED)
    assert (failed.username, failed.workstation) == ("anna", "TEST-1") and "wrong password" in failed.summary
    assert _only(entries, AuditKind.LOCK).username == "anna"
    payment = by_kind[AuditKind.PAYMENT]
    assert [(e.username, e.folio_id, e.subject) for e in payment] == [
        ("anna", stay.folio_id, f"payment {paid.id}"), ("anna", stay.folio_id, f"payment {other.id}")]
    refund = _only(entries, AuditKind.REFUND)
    assert (refund.username, refund.folio_id) == ("ivan", stay.folio_id) and "Minibar was not used" in refund.summary
    void = _only(entries, AuditKind.VOID)
    assert (void.username, void.authorised_by, void.folio_id) == ("anna", "maria", stay.folio_id)
    override = _only(entries, AuditKind.OVERRIDE)
    assert (override.username, override.authorised_by, override.subject) == ("anna", "maria", "void_payment")
    setting = _only(entries, AuditKind.SETTING)
    assert setting.username == "maria" and setting.subject == "service PARKING"
    changes = json.loads(setting.content)["detail"]["changes"]
    assert [(c["columns"]["name"], c["columns"]["price"]) for c in changes] == [
        ({"before": "Parking (per day)", "after": "Parking, covered"},
         {"before": "EUR 12.00", "after": "EUR 15.00"})]
    added, changed = by_kind[AuditKind.DEVICE]
    assert (added.username, added.subject) == ("maria", f"workstation_printer {printer.id}")
    assert "added" in added.summary and "tcp://10.0.0.5:9100" in added.summary
    columns = json.loads(changed.content)["detail"]["changes"][0]["columns"]
    assert (columns["url"], columns["paper_mm"]) == ({"before": "tcp://10.0.0.5:9100", "after": "tcp://10.0.0.6:9100"},
                                                     {"before": 80, "after": 58})
    keys = by_kind[AuditKind.KEY]
    assert [e.summary for e in keys] == ["POS key bar-till created", "POS key bar-till revoked"]
    assert _only(entries, AuditKind.NIGHT_AUDIT).username == "maria"
    with hotel.database.unit_of_work() as session:
        assert verify(session, read_anchors(anchor_file())).intact
    # The night audit anchored the trail's last link outside the database.
    assert read_anchors(anchor_file())[-1].seq == _last_seq(hotel)


def test_a_refused_use_case_writes_no_entry(hotel: Hotel):
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    paid = runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("40.00"))).value
    before = _last_seq(hotel)
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: runner.run(void_payment, hotel.actor, paid.id, reason="no manager asked"))
    assert _last_seq(hotel) == before


def _break(hotel: Hotel, sql: str, **params: object) -> None:
    """What someone with the tables' owner's rights could do: the guards off, a row rewritten."""
    with hotel.database.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            for trigger in ("audit_entry_no_update", "audit_entry_no_delete"):
                connection.execute(text(f"DROP TRIGGER {trigger}"))
        else:
            connection.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        connection.execute(text(sql), params)


def _verified(hotel: Hotel):  # type: ignore[no-untyped-def]
    with hotel.database.unit_of_work() as session:
        return verify(session, read_anchors(anchor_file()) if anchor_file().exists() else ())


def _some_entries(hotel: Hotel) -> list[AuditEntry]:
    stay = charged_stay(hotel)
    runner = Runner(hotel.database)
    for amount in ("10.00", "20.00", "30.00"):
        runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money(amount)))
    return _entries(hotel)


def test_verify_names_a_changed_entry(hotel: Hotel):
    entries = _some_entries(hotel)
    assert _verified(hotel).intact
    target = entries[-2]
    _break(hotel, "UPDATE audit_entry SET summary = :s WHERE id = :id", s="payment 1.00 (cash)", id=target.id)
    report = _verified(hotel)
    assert (report.broken_at, report.entry_id) == (target.seq, target.id)
    assert "its summary was changed" in report.reason and target.at.isoformat() in report.describe()


def test_verify_names_a_changed_content_even_with_its_columns(hotel: Hotel):
    entries = _some_entries(hotel)
    target = entries[-2]
    content = json.loads(target.content)
    content["summary"] = "payment 1.00 (cash)"
    _break(hotel, "UPDATE audit_entry SET summary = :s, content = :c WHERE id = :id", s=content["summary"],
           c=json.dumps(content, sort_keys=True, separators=(",", ":")), id=target.id)
    report = _verified(hotel)
    assert (report.broken_at, report.entry_id) == (target.seq, target.id)
    assert "its hash does not match its content" in report.reason


def test_verify_names_a_removed_entry(hotel: Hotel):
    entries = _some_entries(hotel)
    target = entries[-2]
    _break(hotel, "DELETE FROM audit_entry WHERE id = :id", id=target.id)
    report = _verified(hotel)
    assert report.broken_at == target.seq and f"entry {target.seq} removed" in report.reason


def test_verify_names_a_tail_written_again_against_the_night_audit_anchor(hotel: Hotel):
    entries = _some_entries(hotel)
    with hotel.database.unit_of_work() as session:
        anchored = write_anchor(session, "2026-01-01")
    assert anchored is not None and anchored.seq == entries[-1].seq
    # The last entry removed and its predecessor's tail kept: the chain itself still holds.
    _break(hotel, "DELETE FROM audit_entry WHERE id = :id", id=entries[-1].id)
    with hotel.database.unit_of_work() as session:
        assert verify(session).intact
    report = _verified(hotel)
    assert report.broken_at == entries[-1].seq
    assert "removed: the anchor of the night audit of 2026-01-01" in report.reason
    # Written again (a forged entry in its place, hashed on): the anchor names it.
    stay = charged_stay(hotel)
    Runner(hotel.database).run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("99.00")))
    report = _verified(hotel)
    assert report.broken_at == entries[-1].seq and "is not the entry the anchor" in report.reason


def test_the_first_entry_follows_the_genesis(hotel: Hotel):
    assert _entries(hotel)[0].prev_hash == GENESIS


def test_two_processes_appending_at_once_keep_one_chain(hotel: Hotel):
    from .audit_writers import race_appends

    before = _last_seq(hotel)
    results = race_appends(hotel.database.url, writers=2, count=25)
    assert sorted(results) == [("DESK-0", "ok"), ("DESK-1", "ok")]
    entries = _entries(hotel, before)
    assert [e.seq for e in entries] == list(range(before + 1, before + 51))
    assert {e.workstation for e in entries} == {"DESK-0", "DESK-1"}
    # Interleaved, not one desk after the other, or the race proved nothing.
    switches = sum(1 for a, b in pairwise(entries) if a.workstation != b.workstation)
    assert switches >= 1
    assert _verified(hotel).intact


def test_a_manager_finds_who_authorised_a_void_by_kind_folio_user_and_day(hotel: Hotel):
    from desk.audit.reading import TrailFilter, day_bounds, read_trail

    runner = Runner(hotel.database)
    stay = charged_stay(hotel)
    other = charged_stay(hotel)
    paid = runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("5.00"))).value
    runner.run(take_payment, hotel.actor, other.bill_id, Tender("cash", hotel.money("6.00")))
    runner.run(void_payment, hotel.actor, paid.id, reason="Typed twice", approval=MANAGER_APPROVAL)
    manager = hotel.as_role(Role.MANAGER)
    today = datetime.now().astimezone().date()
    since, until = day_bounds(today, today)

    page = manager.run(read_trail, TrailFilter(kind="void", folio_id=stay.folio_id, since=since, until=until))
    assert [(line.username, line.authorised_by, line.reservation_id) for line in page.lines] == [
        ("anna", "maria", stay.reservation_id)]
    assert page.lines[0].reservation_number is not None and "Typed twice" in page.lines[0].summary
    payments = manager.run(read_trail, TrailFilter(kind="payment", username="anna")).lines
    assert {line.folio_id for line in payments} == {stay.folio_id, other.folio_id}
    assert manager.run(read_trail, TrailFilter(since=day_bounds(today + timedelta(days=1), None)[0])).lines == []
    assert {"anna", "maria"} <= set(page.users) and "TEST-1" in page.workstations
    cashier = hotel.as_role(Role.CASHIER)
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: cashier.run(read_trail, TrailFilter()))


def test_desk_audit_verify_says_intact_then_names_the_changed_entry(hotel: Hotel, capsys: pytest.CaptureFixture[str]):
    from desk.cli.main import main

    entries = _some_entries(hotel)
    assert main(["--database", hotel.database.url, "audit", "verify"]) == 0
    # The ledger's chain is checked by the same command, on the line after (tests/desk/test_ledger_chain.py).
    assert capsys.readouterr().out.splitlines()[0] == f"Audit trail: {len(entries)} entries, chain intact"
    target = entries[-1]
    _break(hotel, "UPDATE audit_entry SET username = 'maria' WHERE id = :id", id=target.id)
    assert main(["--database", hotel.database.url, "audit", "verify"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Audit trail: BROKEN at entry {target.seq} (id {target.id}) of {target.at.isoformat()}: "
        "its username was changed ('maria', recorded as 'anna')")


def test_the_trail_names_payment_methods_in_the_readers_language(hotel: Hotel):
    from desk.audit.reading import TrailFilter, read_trail
    from desk.hotel.models import PaymentMethod
    from desk.hotel.names import NameKind, set_names

    stay = charged_stay(hotel)
    Runner(hotel.database).run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("5.00")))
    with hotel.database.writing() as session:
        set_names(session, NameKind.PAYMENT_METHOD, "cash", {"ru": "Наличные"})
        stored = session.get_one(PaymentMethod, "cash").name
    manager = hotel.as_role(Role.MANAGER)
    assert manager.run(read_trail, TrailFilter(kind="payment"), language="ru").method_names["cash"] == "Наличные"
    assert manager.run(read_trail, TrailFilter(kind="payment")).method_names["cash"] == stored


def test_an_anchor_folder_that_cannot_be_written_is_named_in_words_the_reader_can_translate(
        sqlite_hotel: Hotel, tmp_path, monkeypatch, caplog):
    from desk.audit.anchors import ANCHOR_DIR_ENV, TrailAnchorNotWritten
    from desk.core.errors import Phrase

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the anchor folder should be")
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(blocker))
    with sqlite_hotel.database.unit_of_work() as session, pytest.raises(TrailAnchorNotWritten) as caught:
        write_anchor(session, "2026-01-01")
    reason = caught.value.params["reason"]
    # A phrase the GUI translates, not the operating system's English; that stays in the log.
    assert isinstance(reason, Phrase) and reason == "a file is in the way of the folder"
    assert "Not a directory" in caplog.text or "File exists" in caplog.text
