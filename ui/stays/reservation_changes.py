"""Changing a reservation from its card: its dates and rate, cancelling it with a reason, marking a
no-show. Each refusal (a room taken on the new nights, a rate the clerk may not set) shows next to
its field, and nothing is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from desk.core.money import Money
from desk.stays.booking import amend_reservation, mark_no_show
from desk.stays.models import Reservation
from desk.stays.reservations import cancel_reservation
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, amount_for_edit, hint_label, new_form, python_date, read_amount
from ui.i18n import qdate
from ui.ops.op import Op


class AmendReservationDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation: Reservation, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Change reservation {number}").format(number=reservation.number),
                         apply_text=self.tr("&Apply"))
        self.setObjectName("amendReservationDialog")
        self.reservation_id = reservation.id
        self.rate: Money = reservation.nightly_rate
        form = new_form()
        self.content.addLayout(form)
        self.arrival_edit = QDateEdit(qdate(reservation.arrival))
        self.arrival_edit.setObjectName("arrivalEdit")
        self.arrival_edit.setCalendarPopup(True)
        self.add_field(form, "arrival", self.tr("&Arrival:"), self.arrival_edit)
        self.departure_edit = QDateEdit(qdate(reservation.departure))
        self.departure_edit.setObjectName("departureEdit")
        self.departure_edit.setCalendarPopup(True)
        self.add_field(form, "departure", self.tr("De&parture:"), self.departure_edit)
        self.rate_edit = QLineEdit(amount_for_edit(reservation.nightly_rate))
        self.rate_edit.setObjectName("rateEdit")
        self.add_field(form, "nightly_rate", self.tr("Rate per ni&ght ({currency}):").format(
            currency=reservation.nightly_rate.currency), self.rate_edit)
        self.field_aliases = {"room": "departure"}

    def submit(self) -> Op[Any] | None:
        rate = self.read("nightly_rate", read_amount, self.rate_edit.text(), self.rate.currency, allow_zero=True)
        if rate is None:
            return None
        return self.change(amend_reservation, self.reservation_id, arrival=python_date(self.arrival_edit.date()),
                           departure=python_date(self.departure_edit.date()),
                           nightly_rate=None if rate == self.rate else rate).success(lambda _r: self.finish())


class CancelReservationDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation: Reservation, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Cancel reservation {number}").format(number=reservation.number),
                         apply_text=self.tr("Cancel &reservation"))
        self.setObjectName("cancelReservationDialog")
        self.reservation_id = reservation.id
        self.content.addWidget(hint_label(self.tr(
            "The room is free again for these nights. A folio with money on it is settled first."), "cancelHint"))
        form = new_form()
        self.content.addLayout(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(240)
        self.add_field(form, "reason", self.tr("R&eason:"), self.reason_edit)

    def submit(self) -> Op[Any] | None:
        return self.change(cancel_reservation, self.reservation_id, reason=self.reason_edit.text()).success(
            lambda _r: self.finish())


class NoShowDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation: Reservation, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("No-show {number}").format(number=reservation.number),
                         apply_text=self.tr("Mark &no-show"))
        self.setObjectName("noShowDialog")
        self.reservation_id = reservation.id
        self.content.addWidget(hint_label(self.tr(
            "The guest did not come: the room is free again; the folio stays open for a deposit or a "
            "no-show charge."), "noShowHint"))

    def submit(self) -> Op[Any] | None:
        return self.change(mark_no_show, self.reservation_id).success(lambda _r: self.finish())
