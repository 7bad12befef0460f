"""New folio: an account for a company or an event, or a folio for a walk-in client (someone not
staying: a restaurant guest, a visitor). Apply opens it (a company's or event's existing account is
opened rather than a second made) on the same card a reservation has."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QWidget

from desk.ledger.accounts import company_folio, event_folio, walk_in_folio
from desk.ledger.models import Folio
from desk.stays.booking import BookingChoices, booking_choices
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, fill_combo, new_form
from ui.i18n import current_language
from ui.ops.op import Op


class NewFolioDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, choices: BookingChoices, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("New folio"), apply_text=self.tr("&Open"))
        self.setObjectName("newFolioDialog")
        self.opened_folio: int | None = None
        self.open_card: Callable[[int], object] | None = None
        form = new_form()
        self.content.addLayout(form)
        self.walk_in_radio = QRadioButton(self.tr("&Walk-in client"))
        self.walk_in_radio.setObjectName("walkInRadio")
        self.walk_in_radio.setChecked(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setMaxLength(120)
        self.add_field(form, "name", self.walk_in_radio, self.name_edit)
        self.company_radio = QRadioButton(self.tr("&Company account"))
        self.company_radio.setObjectName("companyRadio")
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("companyCombo")
        fill_combo(self.company_combo, [(name, id_) for id_, name in choices.companies])
        self.add_field(form, "company", self.company_radio, self.company_combo)
        self.event_radio = QRadioButton(self.tr("&Event account"))
        self.event_radio.setObjectName("eventRadio")
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("eventCombo")
        fill_combo(self.event_combo, [(name, id_) for id_, name in choices.events])
        self.add_field(form, "event", self.event_radio, self.event_combo)
        self.company_radio.setEnabled(bool(choices.companies))
        self.event_radio.setEnabled(bool(choices.events))
        for radio in (self.walk_in_radio, self.company_radio, self.event_radio):
            radio.toggled.connect(self._kind_chosen)
        self._kind_chosen()
        self.name_edit.setFocus()

    def _kind_chosen(self) -> None:
        self.name_edit.setEnabled(self.walk_in_radio.isChecked())
        self.company_combo.setEnabled(self.company_radio.isChecked())
        self.event_combo.setEnabled(self.event_radio.isChecked())

    def submit(self) -> Op[Any] | None:
        if self.walk_in_radio.isChecked():
            return self.change(walk_in_folio, self.name_edit.text()).success(self._opened)
        if self.company_radio.isChecked():
            return self.change(company_folio, self.company_combo.currentData()).success(self._opened)
        return self.change(event_folio, self.event_combo.currentData()).success(self._opened)

    def _opened(self, folio: Folio) -> None:
        self.opened_folio = folio.id
        if self.open_card is not None:
            self.open_card(folio.id)
        self.finish()


def open_new_folio(ctx: DeskContext, parent: QWidget | None,
                   open_card: Callable[[int], object] | None = None) -> Op[BookingChoices]:
    def show(choices: BookingChoices) -> None:
        dialog = NewFolioDialog(ctx, choices, parent)
        dialog.open_card = open_card
        dialog.show()

    return ctx.query(parent, booking_choices, current_language()).success(show).run()
