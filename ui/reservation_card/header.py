"""The reservation card's header: the owner, the stay, its status, the balance and the deposit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel

from desk.core.money import Money
from desk.ledger.models import Folio
from desk.stays.credit import over_credit_limit
from desk.stays.models import ReservationStatus
from desk.stays.reservation_card import ReservationCardData
from ui.dialogs.common import FieldError
from ui.i18n import format_date, money_text
from ui.reservation_card.base import CardWindowBase

# A tab shows this much of the first guest's name; the card's title, its tooltip, shows it all.
TAB_NAME_CHARS = 24


class CardHeader(CardWindowBase):
    """Whose card it is, the stay's dates and status, the balance, its equivalents and the deposit."""

    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        self.owner_label = QLabel()
        self.owner_label.setObjectName("ownerLabel")
        font = QFont(self.owner_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.owner_label.setFont(font)
        self.owner_label.setWordWrap(True)
        self.owner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel()
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        bold = QFont(self.status_label.font())
        bold.setBold(True)
        self.status_label.setFont(bold)

        self.balance_label = QLabel()
        self.balance_label.setObjectName("balanceLabel")
        self.balance_label.setFont(font)
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_label.setToolTip(QCoreApplication.translate(
            "ReservationCard", "What the bills still owe, less the deposit held on account"))
        self.equivalents_label = QLabel()
        self.equivalents_label.setObjectName("equivalentsLabel")
        self.equivalents_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.equivalents_label.setWordWrap(True)
        self.deposit_label = QLabel()
        self.deposit_label.setObjectName("depositLabel")
        self.deposit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        grid.addWidget(self.owner_label, 0, 0)
        grid.addWidget(self.details_label, 1, 0)
        grid.addWidget(self.status_label, 2, 0)
        grid.addWidget(self.balance_label, 0, 1)
        grid.addWidget(self.equivalents_label, 1, 1)
        grid.addWidget(self.deposit_label, 2, 1)
        self.credit_label = FieldError("creditLabel")
        self.credit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.credit_label.setWordWrap(True)
        self.credit_label.hide()
        grid.addWidget(self.credit_label, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _show_header(self, card: ReservationCardData) -> None:
        view = card.folio
        folio = view.folio
        self.owner_label.setText(self._owner_name(folio))
        self.details_label.setText(self._details_text(folio))
        reservation = folio.reservation
        self.status_label.setVisible(reservation is not None)
        if reservation is not None:
            self.status_label.setText(reservation_status_text(reservation.status))
        for button, action in ((self.check_in_button, self.check_in_action),
                               (self.check_out_button, self.check_out_action)):
            button.setVisible(reservation is not None)
            action.setVisible(reservation is not None)
        # Company profiles use pre-authorisations but do not show them here (R14).
        self.pre_authorisations_box.setVisible(folio.company_id is None)

        balance = view.balance  # derived on each access: read once
        if balance.is_negative:
            self.balance_label.setText(QCoreApplication.translate(
                "ReservationCard", "In credit: {amount}").format(amount=money_text(-balance)))
        else:
            self.balance_label.setText(QCoreApplication.translate(
                "ReservationCard", "Balance: {amount}").format(amount=money_text(balance)))
        self.equivalents_label.setText(" · ".join(money_text(m) for m in self.balance_equivalents(card, balance)))
        self.equivalents_label.setToolTip(QCoreApplication.translate(
            "ReservationCard", "The balance in the other currencies the hotel accepts"))
        deposit = QCoreApplication.translate(
            "ReservationCard", "Deposit: {amount}").format(amount=money_text(view.deposit_balance))
        limit = reservation.credit_limit if reservation is not None else None
        if limit is not None:
            deposit += " · " + QCoreApplication.translate("ReservationCard", "Credit limit: {amount}").format(
                amount=money_text(limit))
        self.deposit_label.setText(deposit)
        over = over_credit_limit(limit, balance)
        self.credit_label.setVisible(over is not None)
        if limit is not None and over is not None:
            self.credit_label.setText(QCoreApplication.translate(
                "ReservationCard", "Credit limit {limit} exceeded by {amount}").format(
                limit=money_text(limit), amount=money_text(over)))
        self.tab_text = self._tab_text(folio)
        title = self._owner_name(folio)
        if reservation is not None:
            title = QCoreApplication.translate(
                "ReservationCard", "{number} · {guests}").format(number=reservation.number, guests=title)
        self.setWindowTitle(QCoreApplication.translate("ReservationCard", "Card · {title}").format(title=title))

    @staticmethod
    def balance_equivalents(card: ReservationCardData, balance: Money | None = None) -> list[Money]:
        """The balance in every other accepted currency, at the hotel's rates."""
        balance = card.folio.balance if balance is None else balance
        return [
            Money.rounded(balance.amount / rate, currency)
            for currency, rate in card.rates.items()
            if currency != card.currency and rate
        ]

    @staticmethod
    def _tab_text(folio: Folio) -> str:
        """Short enough for a tab among many: the first guest (and how many more) and the room."""
        reservation = folio.reservation
        if reservation is None:
            return folio.owner_label
        names = [guest.full_name for guest in reservation.guests]
        first = names[0] if names else reservation.number
        first = first if len(first) <= TAB_NAME_CHARS else first[:TAB_NAME_CHARS - 1].rstrip() + "…"
        who = first + (f" +{len(names) - 1}" if len(names) > 1 else "")
        where = reservation.room.number if reservation.room is not None else reservation.number
        return who if where == who else f"{who} · {where}"

    def _owner_name(self, folio: Folio) -> str:
        if folio.reservation is not None:
            return ", ".join(guest.full_name for guest in folio.reservation.guests) or folio.reservation.number
        return folio.owner_label

    def _details_text(self, folio: Folio) -> str:
        reservation = folio.reservation
        if reservation is not None:
            parts = [QCoreApplication.translate(
                "ReservationCard", "Reservation {number}").format(number=reservation.number)]
            if reservation.room is not None:
                parts.append(QCoreApplication.translate("ReservationCard", "Room {number}, {type}").format(
                    number=reservation.room.number, type=self.card_names().room_type(reservation.room.room_type)))
            else:
                parts.append(QCoreApplication.translate("ReservationCard", "No room yet"))
            parts.append(QCoreApplication.translate(
                "ReservationCard", "{arrival} – {departure}, {nights} nights").format(
                arrival=format_date(reservation.arrival), departure=format_date(reservation.departure),
                nights=reservation.nights))
            return " · ".join(parts)
        if folio.company is not None:
            return QCoreApplication.translate("ReservationCard", "Company account")
        if folio.event is not None:
            return QCoreApplication.translate("ReservationCard", "Event · {start} – {end}").format(
                start=format_date(folio.event.starts_on), end=format_date(folio.event.ends_on))
        return QCoreApplication.translate("ReservationCard", "Walk-in client")


def reservation_status_text(status: ReservationStatus) -> str:
    """A stay's status as the card (and the Import window) shows it."""
    return {
        ReservationStatus.CONFIRMED: QCoreApplication.translate("ReservationCard", "Confirmed"),
        ReservationStatus.IN_HOUSE: QCoreApplication.translate("ReservationCard", "In house"),
        ReservationStatus.CHECKED_OUT: QCoreApplication.translate("ReservationCard", "Checked out"),
        ReservationStatus.CANCELLED: QCoreApplication.translate("ReservationCard", "Cancelled"),
        ReservationStatus.NO_SHOW: QCoreApplication.translate("ReservationCard", "No-show"),
    }[status]
