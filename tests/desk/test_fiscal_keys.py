"""The fiscal chain against someone who can write the database: keys outside it, anchors outside it.

The attacker of these tests holds the database (the owner's role: triggers can be dropped) and
whatever secret it keeps; the registers' keys are files of the workstation's user and the anchors
are lines the Z reports appended to a file elsewhere.
"""

from __future__ import annotations

import json
import os
import secrets
import stat

import pytest
from sqlalchemy import inspect, text

from desk.cash.shifts import close_shift, open_shift_of
from desk.cli.main import main
from desk.db.engine import Database, alembic_config
from desk.fiscal import chain
from desk.fiscal.anchors import ANCHOR_DIR_ENV, anchor_file, read_anchors
from desk.fiscal.errors import FiscalAnchorNotWritten, FiscalKeyProblem
from desk.fiscal.interface import DocumentKind
from desk.fiscal.keys import fingerprint, key_path
from desk.fiscal.workflow import close_register_shifts, print_receipt, reprint
from desk.people.models import Role

from .conftest import Hotel, refused
from .fiscal_rig import FiscalHotel, fiscal_hotel, paid_bill

NOT_SIGNED_WITH_THE_KEY = (
    "Document {number} of register {register} was not signed with the key file {path}: either the file is "
    "another register's or workstation's, or the document was changed in the database. Nothing was printed; run "
    "“desk fiscal verify” and call the manager")
NO_KEY_FILE_HERE = (
    "Register {register} has fiscal documents but its key file {path} is not on this workstation: copy it here "
    "from where the register's documents were signed; nothing was printed")
KEY_FILE_UNREADABLE = "The key file {path} of register {register} cannot be read ({reason}); nothing was printed"
NOT_A_KEY = ("The file {path} is not the signing key of register {register}: put the register's key file there; "
             "nothing was printed")
ANCHOR_NOT_WRITTEN = ("The anchor of document {number} could not be written to {path} ({reason}): fix the anchor "
                      "folder and print the report again")


def take_the_guards_off(connection, table: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        return
    for name in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table"), {"table": table}).scalars():
        connection.execute(text(f'DROP TRIGGER "{name}"'))


def secret_the_database_holds(connection) -> str | None:
    if "fiscal_key" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT secret FROM fiscal_key WHERE register_code = 'FP-1'")).scalar()


def sign_again(connection, secret: str, *, from_number: int, total: str | None = None) -> None:
    """Change document ``from_number``'s total (when given) and sign it and every later one again with ``secret``."""
    rows = connection.execute(text(
        "SELECT id, number, content, sign FROM fiscal_document WHERE register_code = 'FP-1' ORDER BY number")).all()
    prev_sign = chain.GENESIS
    for row_id, number, content_text, sign in rows:
        if number < from_number:
            prev_sign = sign
            continue
        content = json.loads(content_text)
        if number == from_number and total is not None:
            content["total"] = total
        data = chain.canonical(content)
        new_sign = chain.make_sign(secret, prev_sign, data)
        connection.execute(text("UPDATE fiscal_document SET content = :content, total = :total, prev_sign = :prev, "
                                "sign = :sign WHERE id = :id"),
                           {"content": data.decode("utf-8"), "total": content["total"], "prev": prev_sign,
                            "sign": new_sign, "id": row_id})
        prev_sign = new_sign


def receipts(rig: FiscalHotel, count: int) -> None:
    for _ in range(count):
        assert print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers).printed


def close_with_z(rig: FiscalHotel):
    cashier = rig.hotel.as_role(Role.CASHIER)
    cash_shift = cashier.query(open_shift_of, cashier.actor.workstation)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, cash_shift.id, registers=rig.registers)
    assert z.printed and z.document is not None and z.document.kind is DocumentKind.Z_REPORT
    return z.document


def test_an_attacker_with_the_database_only_changes_a_total_and_verify_names_it(hotel: Hotel):
    rig = fiscal_hotel(hotel)
    receipts(rig, 3)  # documents 1 (the shift opened) to 4
    secret = key_path("FP-1").read_text().strip()
    assert hotel.query(chain.verify, "FP-1").intact
    assert not any(secret in repr(row) for rows in hotel.snapshot().values() for row in rows)
    with hotel.database.engine.begin() as connection:
        take_the_guards_off(connection, "fiscal_document")
        # All the database gives them; without a secret there, a key of their own is all they have.
        sign_again(connection, secret_the_database_holds(connection) or secrets.token_hex(32), from_number=2,
                   total="EUR 0.01")
    report = hotel.query(chain.verify, "FP-1")
    assert not report.intact and report.broken_at == 2 and "sign" in report.reason, report
    # Nor does the register sign after a forged document: nothing is printed on top of it.
    outcome = print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    assert isinstance(outcome.problem, FiscalKeyProblem) and outcome.problem.template == NOT_SIGNED_WITH_THE_KEY
    assert outcome.document is None and rig.engine.text().count("SALE RECEIPT") == 3


def test_deleting_the_last_documents_is_caught_with_the_anchor(hotel: Hotel, capsys):
    rig = fiscal_hotel(hotel)
    receipts(rig, 2)
    z = close_with_z(rig)
    [anchor] = read_anchors(anchor_file("FP-1"))
    assert (anchor.register, anchor.number, anchor.sign) == ("FP-1", z.number, z.sign)
    assert anchor.issued_at == z.content["issued_at"] and anchor.key_id
    paper = rig.engine.text()
    assert "CHAIN ANCHOR" in paper and f"{z.number:07d}" in paper and z.sign[:32] in paper
    with hotel.database.engine.begin() as connection:
        take_the_guards_off(connection, "fiscal_print")
        take_the_guards_off(connection, "fiscal_document")
        last_two = "SELECT id FROM fiscal_document WHERE register_code = 'FP-1' AND number >= :first"
        connection.execute(text(f"DELETE FROM fiscal_print WHERE document_id IN ({last_two})"), {"first": z.number - 1})
        connection.execute(text(f"DELETE FROM fiscal_document WHERE id IN ({last_two})"), {"first": z.number - 1})
    url = hotel.database.url
    capsys.readouterr()
    assert main(["--database", url, "fiscal", "verify"]) == 0  # the chain alone cannot tell
    assert main(["--database", url, "fiscal", "verify", "--anchor", str(anchor_file("FP-1"))]) == 1
    out = capsys.readouterr().out
    assert f"documents {z.number - 1:07d} to {z.number:07d} are missing" in out, out


def test_a_changed_document_is_named_and_so_is_a_chain_signed_again_with_another_key(sqlite_hotel: Hotel, capsys):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    receipts(rig, 2)
    z = close_with_z(rig)
    anchors = str(anchor_file("FP-1"))
    url = hotel.database.url
    assert main(["--database", url, "fiscal", "verify", "--anchor", anchors]) == 0
    # Someone with the key file's folder as well: a key of their own, and every document signed again with it.
    own_key = secrets.token_hex(32)
    key_path("FP-1").write_text(own_key + "\n")
    with hotel.database.engine.begin() as connection:
        take_the_guards_off(connection, "fiscal_document")
        sign_again(connection, own_key, from_number=1, total=None)
        sign_again(connection, own_key, from_number=2, total="EUR 0.01")
    capsys.readouterr()
    assert main(["--database", url, "fiscal", "verify"]) == 0  # consistent with the key file now there
    assert main(["--database", url, "fiscal", "verify", "--anchor", anchors]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN at document {z.number:07d}" in out and "signed again with another key" in out, out


def test_a_document_that_differs_from_its_anchor_is_named(sqlite_hotel: Hotel, capsys):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    receipts(rig, 1)
    z = close_with_z(rig)
    secret = key_path("FP-1").read_text().strip()
    # Whoever holds the key itself can sign a changed Z; the anchor outside still names it.
    with hotel.database.engine.begin() as connection:
        take_the_guards_off(connection, "fiscal_document")
        sign_again(connection, secret, from_number=z.number, total="EUR 0.01")
    capsys.readouterr()
    assert main(["--database", hotel.database.url, "fiscal", "verify", "--anchor", str(anchor_file("FP-1"))]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN at document {z.number:07d}: it is not the document the anchor" in out, out


def test_the_key_file_is_made_for_its_owner_only_at_the_registers_first_document(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    assert not key_path("FP-1").exists()
    receipts(rig, 1)
    path = key_path("FP-1")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert len(path.read_text().strip()) == 64


def test_a_register_without_its_key_file_prints_nothing_and_is_never_keyed_again(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    receipts(rig, 1)
    path = key_path("FP-1")
    os.rename(path, path.with_suffix(".away"))
    outcome = print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    assert isinstance(outcome.problem, FiscalKeyProblem) and outcome.problem.template == NO_KEY_FILE_HERE
    assert not outcome.printed and not path.exists()
    cashier = rig.hotel.as_role(Role.CASHIER)
    refused(cashier, FiscalKeyProblem, NO_KEY_FILE_HERE,
            lambda: cashier.run(chain.issue_shift_document, "FP-1", "x-report-1", DocumentKind.X_REPORT))
    path.mkdir()  # something that is not a readable file, whoever runs the test (root reads any file)
    refused(cashier, FiscalKeyProblem, KEY_FILE_UNREADABLE,
            lambda: cashier.run(chain.issue_shift_document, "FP-1", "x-report-1", DocumentKind.X_REPORT))
    path.rmdir()
    os.rename(path.with_suffix(".away"), path)
    assert print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers).printed
    assert hotel.query(chain.verify, "FP-1").intact


def test_the_upgrade_moves_a_secret_the_database_held_to_the_key_file(database_url: str):
    from alembic import command

    database = Database(database_url, upgrade=False)
    command.upgrade(alembic_config(database.engine), "0016_desk_role")
    secret = secrets.token_hex(32)
    content = {"register": "FP-1", "number": 1, "shift": 1, "kind": "shift_open", "key": "open-FP-1-1",
               "issued_at": "2026-12-01T08:00:00+00:00", "payment_id": None, "refers_to": None,
               "cash_shift_id": None, "total": None, "body": {}}
    data = chain.canonical(content)
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO hotel (id, name, base_currency, address, tax_id) "
                                "VALUES (1, 'Hotel Aurora', 'EUR', 'Sofia', 'BG204567891')"))
        connection.execute(text("INSERT INTO cash_register (code, name, device) VALUES ('FP-1', 'Front', '')"))
        connection.execute(text("INSERT INTO fiscal_key (register_code, secret, created_at) "
                                "VALUES ('FP-1', :secret, CURRENT_TIMESTAMP)"), {"secret": secret})
        connection.execute(text(
            "INSERT INTO fiscal_document (id, register_code, number, shift_number, kind, key, content, prev_sign, "
            "sign) VALUES (1, 'FP-1', 1, 1, 'shift_open', 'open-FP-1-1', :content, :prev, :sign)"),
            {"content": data.decode("utf-8"), "prev": chain.GENESIS,
             "sign": chain.make_sign(secret, chain.GENESIS, data)})
    database.dispose()
    upgraded = Database(database_url)
    try:
        assert key_path("FP-1").read_text().strip() == secret
        with upgraded.engine.connect() as connection:
            assert "fiscal_key" not in inspect(connection).get_table_names()
            assert connection.execute(text("SELECT country FROM hotel")).scalar_one() == "BG"
            assert connection.execute(text("SELECT language FROM cash_register")).scalar_one() == ""
        with upgraded.unit_of_work() as session:
            assert chain.verify(session, "FP-1").intact
    finally:
        upgraded.dispose()


def test_a_file_that_is_not_a_key_is_refused_and_desk_fiscal_keys_shows_each_registers(sqlite_hotel: Hotel, capsys):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    receipts(rig, 1)
    path = key_path("FP-1")
    secret = path.read_text()
    assert main(["--database", hotel.database.url, "fiscal", "keys"]) == 0
    out = capsys.readouterr().out
    assert f"FP-1: documents in en; {path}: key {fingerprint(secret.strip())}" in out
    assert "FP-2" in out and "no key file yet" in out
    path.write_text("not a key\n")
    cashier = rig.hotel.as_role(Role.CASHIER)
    refused(cashier, FiscalKeyProblem, NOT_A_KEY,
            lambda: cashier.run(chain.issue_shift_document, "FP-1", "x-report-1", DocumentKind.X_REPORT))
    path.write_text(secret)


def test_a_z_whose_anchor_cannot_be_written_waits_and_its_reprint_writes_it(sqlite_hotel: Hotel, tmp_path, monkeypatch):
    hotel = sqlite_hotel
    rig = fiscal_hotel(hotel)
    receipts(rig, 1)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(blocked))
    cashier = rig.hotel.as_role(Role.CASHIER)
    cash_shift = cashier.query(open_shift_of, cashier.actor.workstation)
    cashier.run(close_shift, {})
    rig.engine.reset_output()
    [z] = close_register_shifts(rig.runner, cashier.actor, cash_shift.id, registers=rig.registers)
    assert isinstance(z.problem, FiscalAnchorNotWritten) and z.problem.template == ANCHOR_NOT_WRITTEN
    assert "Z REPORT" not in rig.engine.text()
    [waiting] = hotel.query(chain.waiting_for_reprint)
    assert waiting.kind is DocumentKind.Z_REPORT
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(tmp_path / "anchors"))
    assert reprint(rig.runner, cashier.actor, waiting.id, registers=rig.registers).printed
    [anchor] = read_anchors(anchor_file("FP-1"))
    assert (anchor.number, anchor.sign) == (waiting.number, waiting.sign)
    assert "Z REPORT" in rig.engine.text() and "COPY" not in rig.engine.text()


def test_an_anchor_file_that_names_the_z_with_another_sign_is_not_passed_over(sqlite_hotel: Hotel):
    """The anchor file already holds this Z's number with another sign (the database restored from an older
    backup, its later documents issued again): the Z is not printed as anchored while the file says
    otherwise; the file keeps what it had."""
    from dataclasses import replace

    from desk.fiscal.anchors import write_anchor

    rig = fiscal_hotel(sqlite_hotel)
    receipts(rig, 1)
    z = close_with_z(rig)
    before = anchor_file("FP-1").read_text(encoding="utf-8")
    assert write_anchor(z) == anchor_file("FP-1")  # its reprint: the same anchor, nothing added
    with pytest.raises(FiscalAnchorNotWritten) as caught:
        write_anchor(replace(z, sign="0" * 64))
    assert caught.value.template == ANCHOR_NOT_WRITTEN and "another sign" in caught.value.params["reason"]
    assert anchor_file("FP-1").read_text(encoding="utf-8") == before
