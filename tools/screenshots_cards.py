"""Render the card terminal's windows against the ZVT simulator to docs/screenshots/:
card payment mid-transaction, the Credit card section with holds (one over 5 days), pending operations,
Make payment with a terminal chosen, Settle by hand; and a card slip from the printer simulator to docs/receipts/.

    python -m tools.screenshots_cards
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select, text, update

from desk.cards.models import CardKind, CardRecord
from desk.cards.operations import CardRequest, plan_card_operation
from desk.cards.slips import print_card_slip
from desk.cards.terminal_workflow import card_pre_authorise, card_sale
from desk.cards.terminals import add_terminal, disconnect_all, list_terminals
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.devices.printers import add_printer
from desk.journal.intents import mark_sent, record_intent
from desk.people.auth import Actor, sign_in
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from hardware.simulators.zvt_terminal import ZvtSimulator
from tools.screenshots import OUT, settle, wait_until
from ui.cards.operations import OpenHoldsDialog, PendingCardOperationsDialog
from ui.cards.terminal import CardTerminalDialog
from ui.context import DeskContext
from ui.dialogs.payment import MakePaymentDialog
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card

WORKSTATION = "FRONT-1"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    sim = ZvtSimulator()
    port = sim.serve_tcp()
    paper = SimulatedPrinter(profile="TM-T20II", paper_mm=80)
    printer = TcpPrinterServer(paper, port=0).start()
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            add_terminal(session, manager, WORKSTATION, "Desk terminal", f"tcp://127.0.0.1:{port}?answer_timeout=60")
            add_printer(session, manager, WORKSTATION, "Front receipts", f"tcp://127.0.0.1:{printer.port}",
                        drawer=True)
        runner = Runner(database)
        ctx = DeskContext(database, manager)
        from desk.stays.reservation_card import load_reservation_card
        from ui.reservation_card.models import DEPOSIT_ACCOUNT  # noqa: F401 - the reservation card's models, loaded early

        folio_id = _in_house_folio(database)
        eur = Money.of
        terminal = runner.read(list_terminals, WORKSTATION)[0]
        for amount in ("300.00", "150.00"):
            card_pre_authorise(runner, manager, terminal.id, folio_id, eur(amount, "EUR"))
        with database.unit_of_work() as session:
            # The first hold was taken a week ago: the picture's temporary ledger is back-dated by hand.
            for name in session.execute(text(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'card_record'")).scalars():
                session.execute(text(f'DROP TRIGGER "{name}"'))
            first = session.scalars(select(CardRecord).order_by(CardRecord.id)).first()
            assert first is not None
            session.execute(update(CardRecord).where(CardRecord.id == first.id).values(
                created_at=datetime.now(UTC) - timedelta(days=7)))
        with database.unit_of_work() as session:
            bill_id = load_reservation_card(session, folio_id).folio.bills[0].bill.id
            # A sale nobody heard the end of, for the pending list: on another guest's bill, since
            # no second sale is taken on a bill while one is unresolved.
            other_bill = load_reservation_card(session, _in_house_folio(database, skip=folio_id)).folio.bills[0].bill.id
            asked = CardRequest(amount=eur("25.00", "EUR"), bill_id=other_bill, allow_overpay=True)
            request = plan_card_operation(session, manager, CardKind.SALE, terminal.id, asked)
            mark_sent(session, manager, record_intent(session, manager, request).id)
        OUT.mkdir(parents=True, exist_ok=True)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            card_window = open_reservation_card(ctx, folio_id)
            wait_until(lambda w=card_window: w.is_loaded)
            card_window.pre_authorisations_view.selectRow(1)
            settle()
            card_window.grab().save(str(OUT / f"card_holds_{language}.png"))

            # Capture of the 300,00 hold on a bill that owes less: the bill's balance is suggested and
            # the dialog says the rest goes back to the card.
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            hold = next(h for h in card.pre_authorisations if h.amount.amount == 300)
            capture = CardTerminalDialog(ctx, card, [terminal], CardKind.CAPTURE, hold=hold, bill_id=bill_id,
                                         parent=card_window)
            capture.open()
            capture.adjustSize()
            settle()
            capture.grab().save(str(OUT / f"card_capture_{language}.png"))
            capture.done(0)

            holds = OpenHoldsDialog(ctx, card_window)
            holds.open()
            wait_until(lambda h=holds: h.table.rowCount() == 2)
            settle()
            holds.grab().save(str(OUT / f"card_open_holds_{language}.png"))
            holds.done(0)

            sim.script("pin:30")
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            dialog = CardTerminalDialog(ctx, card, [terminal], CardKind.SALE, bill_id=bill_id,
                                        parent=card_window)
            dialog.open()
            dialog.start(terminal)
            message = dialog.findChild(QLabel, "terminalMessageLabel")
            pump_until(lambda m=message, d=dialog: "PIN" in m.text() and d._seconds_left <= 58)
            dialog.grab().save(str(OUT / f"card_payment_{language}.png"))
            dialog.reject()  # Cancel: the terminal aborts
            wait_until(lambda d=dialog: not d.is_busy)

            pending = PendingCardOperationsDialog(ctx, card_window)
            pending.open()
            wait_until(lambda p=pending: p.table.rowCount() == 1)
            settle()
            pending.grab().save(str(OUT / f"card_pending_{language}.png"))
            # When the terminal cannot tell: a manager settles it from the receipt (not applied here).
            pending.table.selectRow(0)
            pending.settle_by_hand()
            by_hand = pending.settle_dialog
            assert by_hand is not None
            by_hand.happened_radio.setChecked(True)
            by_hand.receipt_edit.setText("0017")
            by_hand.reason_edit.setText({"en": "Merchant copy in the drawer, 14:32",
                                         "ru": "Копия продавца в ящике кассы, 14:32"}[language])
            by_hand.username_edit.setText("maria")
            settle()
            by_hand.grab().save(str(OUT / f"card_settle_by_hand_{language}.png"))
            by_hand.done(0)
            pending.done(0)
            dialog.done(0)

            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            payment = MakePaymentDialog(ctx, card, bill_id, card_window, terminals=[terminal])
            payment.choose_terminal(terminal.id)
            payment.open()
            settle()
            payment.grab().save(str(OUT / f"make_payment_terminal_{language}.png"))
            payment.done(0)
            card_window.close()
            settle()
            remove_translators(app)  # type: ignore[arg-type]
        _card_slip(runner, ctx, manager, terminal.id, bill_id, paper)
        delivery.wait_all(10_000)
        ctx.close()
        disconnect_all()
        database.dispose()
    sim.close()
    printer.stop()
    return 0


def _card_slip(runner: Runner, ctx: DeskContext, actor: Actor, terminal_id: int, bill_id: int,
               paper: SimulatedPrinter) -> None:
    """A sale on the terminal simulator, its guest slip on the printer simulator, decoded to text and drawn."""
    from pathlib import Path

    done = card_sale(runner, actor, terminal_id, bill_id, Money.of("25.00", "EUR"), allow_overpay=True)
    paper.reset_output()
    outcome = print_card_slip(runner, actor, ctx.devices, intent_id=done.intent.id)
    if not outcome.printed:
        raise RuntimeError(f"the card slip did not print: {outcome}")
    folder = Path("docs/receipts")
    (folder / "card-slip-80mm.txt").write_text(paper.text() + "\n", encoding="utf-8")
    paper.save_png(folder / "card-slip-80mm.png")


def _texts() -> list[str]:
    return [label.text() for w in QApplication.topLevelWidgets() for label in w.findChildren(QLabel)
            if label.isVisible() and label.text()]


def pump_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Like ``wait_until`` without waiting for the ops: the terminal's op is meant to be running."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the terminal did not get there: " + repr(_texts()))
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def _in_house_folio(database: Database, skip: int | None = None) -> int:
    from desk.ledger.folios import load_folio
    from desk.ledger.models import Folio
    from desk.stays.models import Reservation, ReservationStatus

    with database.unit_of_work() as session:
        for folio_id in session.scalars(select(Folio.id).join(Reservation, Reservation.id == Folio.reservation_id)
                                        .where(Reservation.status == ReservationStatus.IN_HOUSE)
                                        .order_by(Reservation.number)):
            if folio_id != skip and load_folio(session, folio_id).bills[0].balance.amount > 150:
                return int(folio_id)
    raise LookupError("the demo hotel has no guest who owes enough")


if __name__ == "__main__":
    sys.exit(main())
