"""The audit trail window on the demo hotel: a manager finds who authorised a void and opens its
reservation card from the entry; a cashier is refused the trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.db.runner import Runner
from desk.hotel.models import MethodKind, PaymentMethod
from desk.ledger.models import Folio, Payment, PaymentKind
from desk.ledger.payments import void_payment
from desk.people.models import Role
from desk.stays.models import Reservation, ReservationStatus
from tests.actors import MANAGER_APPROVAL, signed_in
from ui.audit.trail import AuditTrailDialog

WAIT_MS = 20_000


def _a_cash_payment(database) -> Payment:  # type: ignore[no-untyped-def]
    with database.unit_of_work() as session:
        voided = select(Payment.voids_id).where(Payment.voids_id.is_not(None))
        return session.scalars(select(Payment).join(PaymentMethod).join(Folio, Folio.id == Payment.folio_id)
                               .join(Reservation, Reservation.id == Folio.reservation_id).where(
            Reservation.status == ReservationStatus.IN_HOUSE,
            PaymentMethod.kind == MethodKind.CASH, Payment.kind == PaymentKind.PAYMENT,
            Payment.id.not_in(voided), Payment.refund_of_id.is_(None)).order_by(Payment.id)).first()


def test_a_manager_finds_who_authorised_a_void_and_opens_its_card(qtbot, context_of, demo_database, monkeypatch):
    payment = _a_cash_payment(demo_database)
    clerk = signed_in(demo_database, Role.CLERK)
    Runner(demo_database).run(void_payment, clerk, payment.id, reason="Typed twice", approval=MANAGER_APPROVAL)
    opened: list[int] = []
    monkeypatch.setattr("ui.reservation_card.window.open_reservation_card",
                        lambda _ctx, folio_id, parent=None: opened.append(folio_id))

    dialog = AuditTrailDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=WAIT_MS)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("void"))
    dialog.page = None
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=WAIT_MS)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, column).data() for column in range(dialog.model.columnCount())]
    assert row[1:5] == ["Void", "anna", "TEST-1", "maria"]
    assert ", reservation R" in row[5]  # the void's own record, on the reservation it opens
    assert f"of payment {payment.id}: Typed twice" in row[6]
    assert not dialog.open_button.isEnabled()
    dialog.view.selectRow(0)
    assert dialog.open_button.isEnabled() and "Typed twice" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [payment.folio_id]


def test_a_cashier_is_refused_the_trail(qtbot, context_of):
    dialog = AuditTrailDialog(context_of(Role.CASHIER))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert dialog.error_label.text() == "A cashier may not read the audit trail: a manager must authorise it"
    assert dialog.model.rowCount() == 0


def test_a_payment_methods_name_reads_in_the_readers_language(qtbot, context_of, demo_database, qm_dir):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    payment = _a_cash_payment(demo_database)
    clerk = signed_in(demo_database, Role.CLERK)
    Runner(demo_database).run(void_payment, clerk, payment.id, reason="Typed twice", approval=MANAGER_APPROVAL)
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    dialog = AuditTrailDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("void"))
    dialog.open()
    qtbot.waitUntil(lambda: dialog.page is not None and dialog.model.rowCount() == 1, timeout=WAIT_MS)
    what = dialog.model.index(0, 6).data()
    assert "(Наличные)" in what and "(cash)" not in what


def test_a_settings_change_reads_in_the_readers_language(qtbot, context_of, demo_database, qm_dir):
    from PySide6.QtCore import QCoreApplication

    from desk.audit.reading import TrailFilter, read_trail
    from desk.mail.outbox import set_mail_settings
    from ui import i18n
    from ui.audit.trail import what_text

    manager = signed_in(demo_database, Role.MANAGER)
    runner = Runner(demo_database)
    runner.run(set_mail_settings, manager, "mail.hotel.example", 587, "starttls", username="desk",
               sender="frontdesk@hotel.example", password="s3cret-pass")
    runner.run(set_mail_settings, manager, "smtp.hotel.example", 587, "starttls", username="desk",
               sender="frontdesk@hotel.example", password="an0ther-pass")
    page = runner.read(read_trail, manager, TrailFilter(kind="setting"))
    latest = page.lines[0]
    assert "host: mail.hotel.example -> smtp.hotel.example" in latest.summary  # as desk recorded it
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    text = what_text(latest)
    assert text.startswith("Настройки эл. почты 1 изменено: ")
    assert "сервер: mail.hotel.example → smtp.hotel.example" in text and "изменено: пароль" in text
    assert "host" not in text and "password" not in text and "changed" not in text


def test_a_card_operation_settled_by_hand_reads_in_the_readers_language(qapp, qm_dir):
    from datetime import datetime

    from desk.audit.reading import TrailLine
    from desk.core.money import Money
    from ui import i18n
    from ui.audit.trail import what_text
    from ui.i18n import money_text

    def settled(**detail: object) -> TrailLine:
        return TrailLine(7, datetime(2026, 12, 7, 9, 0), "settled_by_hand", "olga", "desk-1", "maria",
                         "card operation k1", "card operation k1 (online_refund) settled by hand as done", 3, None,
                         None, {"key": "k1", "card_operation": "online_refund", "reason": "Customer Area", **detail})

    done = settled(happened=True, reference="NC6HT9CRT65ZGN82", amount="EUR 30.00")
    amount = money_text(Money.of("30.00", "EUR"))  # as the reader's locale writes it
    assert what_text(done) == (f"Refund to card k1 settled by hand as done ({amount}, operator's reference "
                               "NC6HT9CRT65ZGN82), authorised by maria: Customer Area")
    i18n.install_translator(qapp, "ru", qm_dir=qm_dir)
    text = what_text(settled(happened=False))
    assert text.startswith("Возврат на карту k1 ") and "maria" in text and "settled" not in text


def test_a_card_converge_may_keep_reads_as_what_to_do(qapp):
    from datetime import datetime

    from desk.audit.reading import TrailLine
    from ui.audit.trail import what_text

    line = TrailLine(8, datetime(2026, 12, 7, 9, 0), "card_left_at_operator", "ivan", "desk-1", None,
                     "card save k2", "card save k2: answer lost", None, None, None,
                     {"key": "k2", "operator": "Converge", "holder": "Anna Gast", "reservation": 4})
    assert what_text(line) == ("Card of Anna Gast not saved (k2): its answer was lost and Converge may have kept "
                               "the card; look it up in Converge's Card Manager and delete it there")
