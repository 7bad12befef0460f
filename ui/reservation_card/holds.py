"""The reservation card's Credit card section: saved cards and pre-authorisations (holds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from desk.cards.operations import HOLD_WARN_DAYS
from desk.stays.reservation_card import PreAuthorisation, SavedCard
from ui.field_error import ERROR_COLOR
from ui.reservation_card.base import CardWindowBase
from ui.reservation_card.tables import make_table, with_empty_text


class CardHolds(CardWindowBase):
    """The Credit card section: the saved cards, and the pre-authorisations with their buttons."""

    def _build_credit_card(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("ReservationCard", "Credit card"))
        box.setObjectName("creditCardBox")
        row = QHBoxLayout(box)

        saved = QVBoxLayout()
        saved.addWidget(QLabel(QCoreApplication.translate("ReservationCard", "Saved cards")))
        self.saved_cards_view = make_table("savedCardsView", self.saved_cards_model)
        self.saved_cards_empty = with_empty_text(self.saved_cards_view, QCoreApplication.translate(
            "ReservationCard", "No saved cards"),
                                                  "noSavedCardsLabel")
        # The holder, last, has the width the other columns leave (fitted to their texts), elided.
        self.saved_cards_view.horizontalHeader().setSectionResizeMode(
            self.saved_cards_model.HOLDER, QHeaderView.ResizeMode.Stretch)
        saved.addWidget(self.saved_cards_view)
        self.saved_cards_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        saved_buttons = QHBoxLayout()
        self.charge_saved_button = self._button("chargeSavedButton", self.charge_saved_action)
        self.pre_authorise_saved_button = self._button("preAuthoriseSavedButton", self.pre_authorise_saved_action)
        self.new_card_button = self._button("newCardButton", self.new_card_action)
        self.reader_card_button = self._button("readerCardButton", self.reader_card_action)
        # Under the saved cards a verb says enough; the whole name (and the menu's) is in the tooltip. Long
        # labels here would take the width the pre-authorisations' columns need.
        for button, short, action in (
                (self.charge_saved_button, QCoreApplication.translate("ReservationCard", "C&harge…"),
                 self.charge_saved_action),
                (self.pre_authorise_saved_button, QCoreApplication.translate("ReservationCard", "Pre-&authorise…"),
                 self.pre_authorise_saved_action),
                (self.new_card_button, QCoreApplication.translate("ReservationCard", "&New card…"),
                 self.new_card_action),
                (self.reader_card_button, QCoreApplication.translate("ReservationCard", "&Terminal…"),
                 self.reader_card_action)):
            button.setText(short)
            button.setToolTip(action.text().replace("&", ""))
        saved_buttons.addWidget(self.charge_saved_button)
        saved_buttons.addWidget(self.pre_authorise_saved_button)
        saved_buttons.addWidget(self.new_card_button)
        saved_buttons.addWidget(self.reader_card_button)
        saved_buttons.addStretch(1)
        saved.addLayout(saved_buttons)
        # Four ninths and five: the saved cards' five headers read whole in Russian (two fifths cut "days until
        # deletion" behind a scroll bar) and the holds' terminal names in Bulgarian (half cut them).
        row.addLayout(saved, 4)

        self.pre_authorisations_box = QWidget()
        pre = QVBoxLayout(self.pre_authorisations_box)
        pre.setContentsMargins(0, 0, 0, 0)
        pre.addWidget(QLabel(QCoreApplication.translate("ReservationCard", "Pre-authorisations")))
        self.pre_authorisations_view = make_table("preAuthorisationsView", self.pre_authorisations_model)
        self.pre_authorisations_empty = with_empty_text(
            self.pre_authorisations_view, QCoreApplication.translate(
                "ReservationCard", "No pre-authorisations"), "noPreAuthorisationsLabel")
        pre.addWidget(self.pre_authorisations_view)
        self.pre_authorisations_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.hold_advice_label = QLabel(QCoreApplication.translate("ReservationCard",
            "A pre-authorisation older than {days} days may already be released by the bank: "
            "pre-authorise close to arrival.").format(days=HOLD_WARN_DAYS))
        self.hold_advice_label.setObjectName("holdAdviceLabel")
        self.hold_advice_label.setWordWrap(True)
        self.hold_advice_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hold_advice_label.hide()
        pre.addWidget(self.hold_advice_label)
        hold_buttons = QHBoxLayout()
        self.pre_authorise_button = self._button("preAuthoriseButton", self.pre_authorise_action)
        self.capture_button = self._button("captureButton", self.capture_action)
        self.release_button = self._button("releaseButton", self.release_action)
        self.print_hold_slip_button = self._button("printHoldSlipButton", self.print_hold_slip_action)
        for button in (self.pre_authorise_button, self.capture_button, self.release_button,
                       self.print_hold_slip_button):
            hold_buttons.addWidget(button)
        hold_buttons.addStretch(1)
        pre.addLayout(hold_buttons)
        row.addWidget(self.pre_authorisations_box, 5)

        for view in (self.saved_cards_view, self.pre_authorisations_view):
            rows = view.verticalHeader().defaultSectionSize()
            view.setMaximumHeight(view.horizontalHeader().sizeHint().height() + rows * 3 + 2 * view.frameWidth())
        return box

    def current_saved_card(self) -> SavedCard | None:
        rows = self.saved_cards_view.selectionModel().selectedRows()
        return self.saved_cards_model.row_at(rows[0].row()) if rows else None

    def current_hold(self) -> PreAuthorisation | None:
        rows = self.pre_authorisations_view.selectionModel().selectedRows()
        return self.pre_authorisations_model.row_at(rows[0].row()) if rows else None

    def select_hold(self, hold_id: int) -> None:
        for row in range(self.pre_authorisations_model.rowCount()):
            item = self.pre_authorisations_model.row_at(row)
            if item is not None and item.id == hold_id:
                self.pre_authorisations_view.selectRow(row)
