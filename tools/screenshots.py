"""Render the main windows and dialogs of the demo hotel to PNG in docs/screenshots (en, ru)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.cards.operators.fakes.adyen import DEFAULT_HMAC_KEY
from desk.cards.saved_cards import OperatorInfo, add_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.printer import start_demo_printers
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.devices.models import WorkstationPrinter
from desk.fiscal.anchors import ANCHOR_DIR_ENV
from desk.fiscal.keys import KEY_DIR_ENV
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers
from desk.ledger.folios import load_folio
from desk.ledger.models import Folio, PaymentKind
from desk.people.auth import Actor, sign_in
from desk.stays.models import Reservation, ReservationStatus
from desk.stays.reservation_card import load_reservation_card
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery

OUT = Path("docs/screenshots")
# A long holder's name, to see the card windows hold it.
ADYEN_KEY = "AQE_screenshots"
ADYEN_MERCHANT = "HotelAdlerMuenchenECOM"
CARD_HOLDER = "Konstantin Aleksandrovich Rimsky-Korsakov-Wittgenstein"


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    delivery.wait_all(10_000)


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        QCoreApplication.processEvents()
        settle(50)
        waited += 50
    if not condition():
        raise TimeoutError("the window did not finish loading")


def save(widget: QWidget, name: str, language: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}_{language}.png"
    widget.grab().save(str(path))
    print(path)


def spin(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Wait without waiting for the running op (it waits for the guest's card, say), unlike ``wait_until``."""
    end = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def save_grown(widget: QWidget, name: str, language: str) -> None:
    """``save`` once the widget has grown to hold its words, whatever op is still running."""
    widget.adjustSize()
    QCoreApplication.processEvents()
    save(widget, name, language)


@dataclass
class DemoHotel:
    """A throw-away demo hotel (seeded today, in its own folder) and the desks signed in to it."""

    folder: Path
    database: Database
    contexts: list[DeskContext]

    def sign_in(self, username: str, password: str, workstation: str = DEMO_WORKSTATION) -> Actor:
        with self.database.unit_of_work() as session:
            return sign_in(session, username, password, workstation)

    def desk(self, username: str, password: str, workstation: str = DEMO_WORKSTATION) -> DeskContext:
        """A desk signed in as ``username``, closed with the hotel."""
        return self.context(self.sign_in(username, password, workstation))

    def manager_and_cashier(self, workstation: str = DEMO_WORKSTATION) -> tuple[Actor, Actor]:
        """The demo's manager (who sets card operators up) and cashier (who works with cards), signed in."""
        return self.sign_in("maria", "manager", workstation), self.sign_in("ivan", "ivan", workstation)

    def adyen_operator(self, manager: Actor, api_base: str) -> OperatorInfo:
        """The hotel's Adyen account, at a ``FakeAdyen(ADYEN_KEY, ADYEN_MERCHANT)`` served at ``api_base``."""
        return self.card_operator(manager, "Adyen Hotel Adler München", "adyen", ADYEN_KEY, account=ADYEN_MERCHANT,
                                  api_base=api_base, hmac_key=DEFAULT_HMAC_KEY)

    def card_operator(self, manager: Actor, *args: Any, **kwargs: Any) -> OperatorInfo:
        """A card operator added as Settings -> Card operators does (``add_operator``'s arguments), its secret
        kept under a mail key in the hotel's folder unless the environment names one already."""
        os.environ.setdefault("DESK_MAIL_KEY_FILE", str(self.folder / "desk.key"))
        with self.database.unit_of_work() as session:
            return add_operator(session, manager, *args, **kwargs)

    def first_reservation(self) -> int:
        with self.database.unit_of_work() as session:
            found = session.scalars(select(Reservation.id)).first()
        assert found is not None
        return found

    def context(self, actor: Actor) -> DeskContext:
        """A desk of ``actor`` (signed in already), closed with the hotel."""
        ctx = DeskContext(self.database, actor)
        self.contexts.append(ctx)
        return ctx


@contextmanager
def demo_hotel(prepare: Callable[[Session], object] | None = None) -> Iterator[DemoHotel]:
    """The demo hotel every screenshot starts from; ``prepare`` adds to it in the seeding unit of work."""
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
            if prepare is not None:
                prepare(session)
        hotel = DemoHotel(Path(folder), database, [])
        try:
            yield hotel
        finally:
            delivery.wait_all(30_000)
            for ctx in hotel.contexts:
                ctx.close()
            database.dispose()


@contextmanager
def translated(app: QApplication, language: str) -> Iterator[None]:
    """The application's texts in ``language`` while the block runs."""
    install_translator(app, language)  # type: ignore[arg-type]
    try:
        yield
    finally:
        remove_translators(app)  # type: ignore[arg-type]


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    return app


@dataclass
class FiscalDemo:
    """The demo hotel with FP-1 printing on a simulated printer at the demo workstation, its cashier signed in."""

    database: Database
    runner: Runner
    cashier: Actor
    engine: SimulatedPrinter
    registers: Registers


@contextmanager
def fiscal_demo(*, register_language: str | None = None) -> Iterator[FiscalDemo]:
    """A throw-away demo hotel whose register prints on a simulator over TCP, assigned as Devices does it;
    the register's key and anchors stay in the throw-away folder, not the user's own."""
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    registers = Registers()
    try:
        with tempfile.TemporaryDirectory() as folder:
            os.environ[KEY_DIR_ENV] = f"{folder}/fiscal-keys"
            os.environ[ANCHOR_DIR_ENV] = f"{folder}/fiscal-anchors"
            database = Database(f"sqlite:///{folder}/demo.sqlite3")
            with database.unit_of_work() as session:
                seed_demo(session, today=date.today())
                if register_language is not None:
                    session.execute(update(CashRegister).where(CashRegister.code == "FP-1")
                                    .values(language=register_language))
                session.add(WorkstationPrinter(workstation=DEMO_WORKSTATION, name="Receipts",
                                               url=f"tcp://127.0.0.1:{server.port}", profile="TM-T20II",
                                               paper_mm=80, register_code="FP-1", drawer=True,
                                               changed_by="screenshots"))
            with database.unit_of_work() as session:
                cashier = sign_in(session, "ivan", "ivan", DEMO_WORKSTATION)
            try:
                yield FiscalDemo(database, Runner(database), cashier, engine, registers)
            finally:
                registers.close()
                database.dispose()
    finally:
        server.stop()


def save_in_each_language(app: QApplication, name: str, show: Callable[[str], QWidget]) -> None:
    """``show(language)`` the widget under the English and the Russian translation, and save each."""
    for language in ("en", "ru"):
        with translated(app, language):
            widget = show(language)
            settle(600)
            save(widget, name, language)
            widget.close()


def save_reader_shots(ctx: DeskContext, reservation_id: int, language: str, *, names: tuple[str, str, str],
                      device: str, device_asked: Callable[[], bool], present: Callable[[], None]) -> None:
    """Settings -> Card operators with this workstation's card reader or terminal ``device``, the window waiting
    for the guest's card on it (once ``device_asked``), and its words once ``present`` made the device answer:
    saved as ``names`` (settings, waiting, ended)."""
    from desk.cards.card_page import NewCardOwner
    from ui.cards.reader_save import ReaderSaveDialog
    from ui.settings.card_operators import CardOperatorsDialog

    settings_name, waiting_name, ended_name = names
    settings = CardOperatorsDialog(ctx)
    settings.open()
    wait_until(lambda: settings.operator_combo.count() > 1 and settings.reader_edit.text() != "")
    settings.adjustSize()
    settle()
    save(settings, settings_name, language)
    settings.close()
    waiting = ReaderSaveDialog(ctx, CARD_HOLDER, NewCardOwner(reservation_id=reservation_id))
    waiting.show()
    waiting.start()
    spin(device_asked)
    # The "present the card" words: the device's id, and no longer the start's ellipsis.
    spin(lambda: device in waiting.message_label.text() and not waiting.message_label.text().endswith("…"))
    save_grown(waiting, waiting_name, language)
    present()
    spin(lambda: not waiting.is_busy)
    save_grown(waiting, ended_name, language)
    waiting.close()


def cards_on_busiest_stay(database: Database, cashier: Actor, operator_id: int, sources: tuple[str, str]) -> tuple[
        int, int]:
    """Two cards saved at the operator (``sources``, its test tokens) on the busiest in-house stay, under long
    holders' names: that stay's folio and the first card."""
    from desk.cards.operator_workflow import save_card
    from desk.cards.saved_cards import saved_cards

    runner = Runner(database)
    folio_id = busiest_in_house_folio(database)
    with database.unit_of_work() as session:
        reservation_id = load_reservation_card(session, folio_id).folio.folio.reservation_id
    for source, holder in zip(sources, ("Anna-Katharina Petrova-Wittgenstein",
                                        "Konstantin Aleksandrovich Rimsky-Korsakov"), strict=True):
        assert save_card(runner, cashier, operator_id, source, holder, reservation_id=reservation_id).settled
    with database.unit_of_work() as session:
        return folio_id, saved_cards(session, reservation_id=reservation_id)[0].id


def saved_cards_shown(ctx: DeskContext, folio_id: int, name: str, language: str) -> tuple[QWidget, Any]:
    """The stay's reservation card with its first saved card selected, saved as ``name``; the window (to parent
    the card dialogs) and the card's data in ``language``."""
    from ui.reservation_card.window import open_reservation_card

    window = open_reservation_card(ctx, folio_id)
    wait_until(lambda: window.is_loaded)
    window.saved_cards_view.selectRow(0)
    settle()
    save(window, name, language)
    with ctx.database.unit_of_work() as session:
        return window, load_reservation_card(session, folio_id, language)


def busiest_in_house_folio(database: Database) -> int:
    with database.unit_of_work() as session:
        folio_ids = session.scalars(
            select(Folio.id).join(Reservation).where(Reservation.status == ReservationStatus.IN_HOUSE)
        ).all()
        views = [load_folio(session, folio_id) for folio_id in folio_ids]
    # Payments first: the bills tab should show a bill that has some (issue 14).
    return max(views, key=lambda v: (len(v.payments), len(v.bills), len(v.postings))).folio.id


def add_payments(database: Database, folio_id: int) -> None:
    """Give the card's first bill what a real stay gathers: cash, a card, dollars and a refund."""
    from desk.core.money import Money
    from desk.demo.seed import DEMO_WORKSTATION
    from desk.ledger.payments import Tender, refund_payment, take_payment
    from desk.ledger.postings import post_service
    from desk.people.auth import trusted_actor
    from desk.people.models import Role

    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER, "Maria Dimitrova")
    with database.unit_of_work() as session:
        bill_id = load_folio(session, folio_id).bills[0].bill.id
        post_service(session, manager, bill_id=bill_id, service_code="SPA", quantity=4)
        cash = take_payment(session, manager, bill_id, Tender("cash", Money.of("50.00", "EUR")))
        # A stand-alone terminal's payment: the clerk types the slip's card and authorisation code.
        take_payment(session, manager, bill_id, Tender("card", Money.of("30.00", "EUR"),
                                                       text="VISA ****0010 · 007919"))
        take_payment(session, manager, bill_id, Tender("cash", Money.of("20.00", "USD")))
        refund_payment(session, manager, cash.id, Money.of("5.00", "EUR"), reason="Spa visit cut short")


def charge_room_over_rest(database: Database, room: str) -> tuple[int, int]:
    """A check charged to ``room`` by the POS simulator through the real service: its folio and posting."""
    import socket

    from desk.db.runner import Runner
    from desk.ledger.models import Posting
    from desk.people.auth import trusted_actor
    from desk.people.models import Role
    from desk.pos.embedded import EmbeddedService
    from desk.pos.keys import create_key
    from desk.pos.simulate import Simulator

    key = Runner(database).run(create_key, trusted_actor("admin", "FRONT-1", Role.MANAGER), "screenshots",
                               "REST").value
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    service = EmbeddedService(database, "127.0.0.1", port)
    if not service.start():
        raise RuntimeError("the POS service did not start")
    try:
        if Simulator(service.url, key, "rest").run(room, cancel=False) != 0:
            raise RuntimeError("the POS simulator's check was refused")
    finally:
        service.stop()
    with database.unit_of_work() as session:
        posting = session.scalars(select(Posting).where(Posting.source == "pos", Posting.external_ref.like(
            "pos:screenshots:%")).order_by(Posting.id.desc())).first()
        assert posting is not None
        return posting.folio_id, posting.id


def render_pos(ctx: DeskContext, language: str, folio_id: int, posting_id: int) -> None:
    from ui.dialogs import ServiceDetailsDialog
    from ui.reservation_card.window import open_reservation_card

    card = open_reservation_card(ctx, folio_id)
    wait_until(lambda: card.is_loaded)
    card.resize(1200, 820)
    card.select_postings([posting_id])
    settle()
    save(card, "card_pos", language)
    details = ServiceDetailsDialog(ctx, posting_id, card)
    details.open()
    wait_until(lambda: details.details is not None)
    details.adjustSize()
    settle(600)
    save(details, "pos_details", language)
    details.close()
    card.close()
    settle()


def render(ctx: DeskContext, language: str) -> None:
    from ui.dialogs import MakePaymentDialog, MakeRefundDialog, ReceiptDialog
    from ui.main_window import MainWindow
    from ui.reservation_card.window import open_reservation_card

    window = MainWindow(ctx)
    window.show()  # at its own default size: the status bar must read whole there (issue 22)
    wait_until(lambda: window.drawer_label.isVisible() and bool(window.registers) and not window._asking_devices)
    settle(1200)
    # As `make run` shows it: the registers online on the demo's printer simulators.
    wait_until(lambda: window.devices_label.property("ready") is True)
    save(window, "main_window", language)

    folio_id = busiest_in_house_folio(ctx.database)
    card = open_reservation_card(ctx, folio_id, window)
    wait_until(lambda: card.is_loaded)
    card.resize(1200, 820)
    settle()
    tabs = card.findChild(QTabWidget, "breakdownTabs")
    save(card, "card_services", language)
    if tabs is not None:
        tabs.setCurrentIndex(1)
        if card.card is not None:
            bills = card.card.folio.bills
            card.bills_view.selectRow(bills.index(max(bills, key=lambda b: len(b.payments))))
        settle()
        save(card, "card_bills", language)

    with ctx.database.unit_of_work() as session:
        data = load_reservation_card(session, folio_id, language)
    bill = max(data.folio.bills, key=lambda b: b.balance.amount)
    dialogs: list[tuple[str, QWidget]] = [("make_payment", MakePaymentDialog(ctx, data, bill.bill.id, card))]
    payments = [line for line in data.folio.payments
                if line.payment.kind is PaymentKind.PAYMENT and line.refundable.is_positive]
    if payments:
        dialogs.append(("make_refund", MakeRefundDialog(ctx, data, payments[0].payment.id, card)))
        dialogs.append(("receipt", ReceiptDialog(ctx, data, payments[0].payment.id, card)))
    for name, dialog in dialogs:
        dialog.open()
        settle(600)
        save(dialog, name, language)
        dialog.close()
    card.close()
    window.close()
    settle()


def render_receipt_refused(ctx: DeskContext, language: str) -> None:
    """The receipt window on a deposit applied to a bill: desk's rule refuses it, and the window says so."""
    from ui.dialogs import ReceiptDialog

    with ctx.database.unit_of_work() as session:
        for folio_id in session.scalars(select(Folio.id).order_by(Folio.id)):
            data = load_reservation_card(session, folio_id, language)
            applied = [line.payment.id for line in data.folio.payments if line.payment.kind is PaymentKind.TRANSFER]
            if applied:
                break
        else:
            return
    dialog = ReceiptDialog(ctx, data, applied[0])
    dialog.open()
    settle(600)
    save(dialog, "receipt_refused", language)
    dialog.close()


def render_sign_in_again(ctx: DeskContext, language: str) -> None:
    """The lock a desk shows when its user was deactivated since signing in (at their next action)."""
    from desk.people.auth import SignInAgain
    from ui.desk_text import error_text
    from ui.sign_in import SignInDialog, SignInPurpose

    refusal = SignInAgain("{user} may no longer act at this desk", user=ctx.actor.full_name or ctx.actor.username)
    dialog = SignInDialog(ctx.database, ctx.actor.workstation, purpose=SignInPurpose.UNLOCK,
                          username=ctx.actor.username, reason=error_text(refusal))
    dialog.show()
    settle()
    save(dialog, "locked_sign_in_again", language)
    dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--languages", nargs="+", default=["en", "ru"])
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            actor = sign_in(session, "anna", "anna", "FRONT-1")  # the demo clerk
        printers = start_demo_printers(database, actor.workstation, Path(folder) / "receipts")
        ctx = DeskContext(database, actor)
        ctx.reload_devices()
        pos_folio, pos_posting = charge_room_over_rest(database, "305")
        add_payments(database, busiest_in_house_folio(database))
        for language in args.languages:
            install_translator(app, language)  # type: ignore[arg-type]
            render(ctx, language)
            render_pos(ctx, language, pos_folio, pos_posting)
            render_sign_in_again(ctx, language)
            render_receipt_refused(ctx, language)
            remove_translators(app)  # type: ignore[arg-type]
        delivery.wait_all(10_000)
        ctx.close()
        if printers is not None:
            printers.stop()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
