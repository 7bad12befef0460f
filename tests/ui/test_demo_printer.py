"""The demo prints: ``desk run --demo`` gives each of the demo hotel's registers a printer simulator on the
demo workstation, and leaves a real hotel (or a printer the user assigned) alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, update

from desk.core.money import Money
from desk.demo.printer import demo_printer_name, start_demo_printers
from desk.devices.models import WorkstationPrinter
from desk.fiscal.workflow import REGISTERS, print_receipt
from desk.hotel.models import Hotel
from desk.ledger.payments import Tender, take_payment
from desk.people.models import Role
from tests.ui.test_dialogs_common import find_card
from ui.main_window import MainWindow
from ui.ops import delivery

ROOT = Path(__file__).resolve().parents[2]
WORKSTATION = "DEMO-7"


def demo_printers(database, workstation: str = WORKSTATION) -> list[WorkstationPrinter]:
    with database.unit_of_work() as session:
        return list(session.scalars(select(WorkstationPrinter).where(WorkstationPrinter.workstation == workstation)))


def test_the_demo_register_is_ready_and_prints_on_the_demo_workstation(qtbot, demo_database, context_of, tmp_path):
    printers = start_demo_printers(demo_database, WORKSTATION, tmp_path / "receipts")
    assert printers is not None and set(printers.servers) == {"FP-1", "FP-2"}
    try:
        ctx = context_of(Role.CASHIER, WORKSTATION)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
            ctx.reload_devices()
        label = window.devices_label
        qtbot.waitUntil(lambda: label.property("ready") is True and "FP-1" in label.text(), timeout=30_000)
        assert "FP-2" in label.text()
        assert "no printer" not in label.text()

        # A cash sale's receipt comes out of the simulator into the demo's receipts folder.
        card = find_card(demo_database, lambda c: any(b.balance.amount > 0 for b in c.folio.bills))
        bill = next(b for b in card.folio.bills if b.balance.amount > 0)
        with demo_database.writing() as session:
            from desk.cash.shifts import open_shift

            open_shift(session, ctx.actor, [Money.of("100", "EUR")])
            payment_id = take_payment(session, ctx.actor, bill.bill.id, Tender("cash", bill.balance)).id
        assert print_receipt(ctx.runner, ctx.actor, payment_id, "FP-1").printed
        folder = tmp_path / "receipts" / "FP-1"
        qtbot.waitUntil(lambda: any(folder.glob("receipt-*.png")), timeout=30_000)
        assert "ФИСКАЛЕН БОН" in next(folder.glob("receipt-*.txt")).read_text(encoding="utf-8")
    finally:
        assert delivery.wait_all(30_000)
        REGISTERS.close()
        printers.stop()


def test_a_second_start_moves_the_demo_printers_to_their_new_ports(demo_database, tmp_path):
    first = start_demo_printers(demo_database, WORKSTATION, tmp_path)
    assert first is not None
    first.stop()
    second = start_demo_printers(demo_database, WORKSTATION, tmp_path)
    assert second is not None
    second.stop()
    rows = demo_printers(demo_database)
    assert sorted((row.name, row.register_code, row.url) for row in rows) == [
        (demo_printer_name(code), code, second.url(code)) for code in ("FP-1", "FP-2")]
    assert [row.register_code for row in rows if row.drawer] == ["FP-1"]  # one drawer, on the front desk's


def test_a_printer_the_user_assigned_to_fp1_stays_and_gets_no_simulator(demo_database, tmp_path):
    with demo_database.writing() as session:
        session.add(WorkstationPrinter(workstation=WORKSTATION, name="Front desk TM-T20", url="tcp://192.0.2.5:9100",
                                       profile="TM-T20II", paper_mm=80, register_code="FP-1", changed_by="maria"))
    printers = start_demo_printers(demo_database, WORKSTATION, tmp_path)
    assert printers is not None
    printers.stop()
    assert set(printers.servers) == {"FP-2"}
    assert sorted(p.name for p in demo_printers(demo_database)) == ["Demo printer FP-2 (simulator)",
                                                                   "Front desk TM-T20"]


def test_a_real_hotel_gets_no_simulator(demo_database, tmp_path):
    with demo_database.writing() as session:
        session.execute(update(Hotel).values(name="Grand Hotel Varna", tax_id="BG111222333"))
    assert start_demo_printers(demo_database, WORKSTATION, tmp_path) is None
    assert demo_printers(demo_database) == []


def test_make_run_starts_the_demo_with_its_printer_assigned(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    env = {key: value for key, value in os.environ.items() if key != "DESK_DATABASE_URL"}
    # The demo's receipts go to the user's data folder: here, the test's.
    env.update(QT_QPA_PLATFORM="offscreen", DESK_EXIT_AFTER_MS="500", XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "desk", "--database", url, "-v", "run", "--demo",
                             "--workstation", "SMOKE-7"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "demo printer tcp://127.0.0.1:" in result.stderr and " prints FP-1 into " in result.stderr, result.stderr
    from desk.db.engine import Database

    database = Database(url)
    try:
        rows = demo_printers(database, "SMOKE-7")
        assert sorted((row.name, row.register_code) for row in rows) == [
            (demo_printer_name(code), code) for code in ("FP-1", "FP-2")]
        assert all(row.url.startswith("tcp://127.0.0.1:") for row in rows)
    finally:
        database.dispose()
