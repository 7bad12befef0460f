"""New reservation: the guest (found, or new with a document), the room type or a room, the dates,
the rate per night (the room type's unless the clerk may set one), a company or an event; Apply
books it, or books and checks in at once for a walk-in, then opens its card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desk.ledger.folios import folio_of_reservation
from desk.stays.booking import (
    Booking,
    BookingChoices,
    DocumentEntry,
    GuestFound,
    NewGuest,
    book,
    booking_choices,
    find_guests,
    walk_in,
)
from desk.stays.city_tax import EXEMPTION_LENGTH
from desk.stays.models import DocumentKind, Reservation
from ui.context import DeskContext
from ui.dialogs.common import (
    DeskDialog,
    amount_for_edit,
    fill_combo,
    new_form,
    python_date,
    read_amount,
)
from ui.i18n import current_language, money_text, qdate
from ui.ops.op import Op

NEW_GUEST = -1



class NewReservationDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, choices: BookingChoices, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("New reservation"), apply_text=self.tr("&Book"))
        self.setObjectName("newReservationDialog")
        self.setMinimumWidth(560)
        self.choices = choices
        self.booked: Reservation | None = None
        self.opened_folio: int | None = None
        # Where the booked reservation's card is opened; replaced by tests and the main window.
        self.open_card: Callable[[int], object] | None = None
        self._rates = {t.code: t.rate for t in choices.room_types}
        self._build_guest_box()
        self._build_stay_box()
        self.field_aliases = {"guests": "name", "currency": "nightly_rate"}
        self._type_chosen()
        self.last_name_edit.setFocus()

    def _build_guest_box(self) -> None:
        choices = self.choices
        guest_box = QGroupBox(self.tr("Guest"))
        guest_form = new_form()
        guest_box.setLayout(guest_form)
        self.content.addWidget(guest_box)
        finder = QWidget()
        row = QHBoxLayout(finder)
        row.setContentsMargins(0, 0, 0, 0)
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findGuestEdit")
        self.find_edit.setPlaceholderText(self.tr("Name of a guest who stayed before"))
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setObjectName("findGuestButton")
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_guest)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.find_button)
        self.add_field(guest_form, "find", self.tr("Fin&d guest:"), finder, focus=self.find_edit)
        self.guest_combo = QComboBox()
        self.guest_combo.setObjectName("guestCombo")
        self.guest_combo.addItem(self.tr("New guest"), NEW_GUEST)
        self.guest_combo.currentIndexChanged.connect(self._guest_chosen)
        self.add_field(guest_form, "guests", self.tr("Gu&est:"), self.guest_combo)
        self.first_name_edit = QLineEdit()
        self.first_name_edit.setObjectName("firstNameEdit")
        self.first_name_edit.setMaxLength(80)
        self.add_field(guest_form, "first_name", self.tr("First &name:"), self.first_name_edit)
        self.last_name_edit = QLineEdit()
        self.last_name_edit.setObjectName("lastNameEdit")
        self.last_name_edit.setMaxLength(80)
        self.add_field(guest_form, "name", self.tr("&Last name:"), self.last_name_edit)
        self.document_kind_combo = QComboBox()
        self.document_kind_combo.setObjectName("documentKindCombo")
        fill_combo(self.document_kind_combo, [
            (self.tr("Passport"), DocumentKind.PASSPORT), (self.tr("Identity card"), DocumentKind.ID_CARD),
            (self.tr("Driving licence"), DocumentKind.DRIVING_LICENCE), (self.tr("Other document"), DocumentKind.OTHER),
        ])
        self.add_field(guest_form, "document_kind", self.tr("Doc&ument:"), self.document_kind_combo)
        self.document_edit = QLineEdit()
        self.document_edit.setObjectName("documentEdit")
        self.document_edit.setMaxLength(40)
        self.add_field(guest_form, "document", self.tr("Document nu&mber:"), self.document_edit)
        self.country_edit = QLineEdit()
        self.country_edit.setObjectName("countryEdit")
        self.country_edit.setMaxLength(2)
        self.country_edit.setPlaceholderText(self.tr("BG"))
        self.add_field(guest_form, "country", self.tr("Issuing countr&y:"), self.country_edit)
        self.issued_check = QCheckBox(self.tr("&Issued on:"))
        self.issued_check.setObjectName("issuedCheck")
        self.issued_edit = QDateEdit(qdate(choices.business_date))
        self.issued_edit.setObjectName("issuedEdit")
        self.issued_edit.setCalendarPopup(True)
        self.issued_edit.setEnabled(False)
        self.issued_check.toggled.connect(self.issued_edit.setEnabled)
        self.add_field(guest_form, "issued", self.issued_check, self.issued_edit)
        self._add_city_tax_fields(guest_form)

    def _add_city_tax_fields(self, guest_form: QFormLayout) -> None:
        # The city tax leaves out children under an age and guests with a reason: read from the documents.
        self.birth_date_check = QCheckBox(self.tr("B&orn on:"))
        self.birth_date_check.setObjectName("birthDateCheck")
        self.birth_date_edit = QDateEdit(qdate(self.choices.business_date).addYears(-30))
        self.birth_date_edit.setObjectName("birthDateEdit")
        self.birth_date_edit.setCalendarPopup(True)
        self.birth_date_edit.setEnabled(False)
        self.birth_date_check.toggled.connect(self.birth_date_edit.setEnabled)
        self.add_field(guest_form, "birth_date", self.birth_date_check, self.birth_date_edit)
        self.exemption_edit = QLineEdit()
        self.exemption_edit.setObjectName("cityTaxExemptionEdit")
        self.exemption_edit.setMaxLength(EXEMPTION_LENGTH)
        self.exemption_edit.setPlaceholderText(self.tr("Empty: the guest pays it"))
        self.add_field(guest_form, "city_tax_exemption", self.tr("No city ta&x because:"), self.exemption_edit)

    def _build_stay_box(self) -> None:
        choices = self.choices
        stay_box = QGroupBox(self.tr("Stay"))
        stay_form = new_form()
        stay_box.setLayout(stay_form)
        self.content.addWidget(stay_box)
        self.arrival_edit = QDateEdit(qdate(choices.business_date))
        self.arrival_edit.setObjectName("arrivalEdit")
        self.arrival_edit.setCalendarPopup(True)
        self.add_field(stay_form, "arrival", self.tr("&Arrival:"), self.arrival_edit)
        self.departure_edit = QDateEdit(qdate(choices.business_date).addDays(1))
        self.departure_edit.setObjectName("departureEdit")
        self.departure_edit.setCalendarPopup(True)
        self.add_field(stay_form, "departure", self.tr("De&parture:"), self.departure_edit)
        self.room_type_combo = QComboBox()
        self.room_type_combo.setObjectName("roomTypeCombo")
        fill_combo(self.room_type_combo, [
            (self.tr("{name} · {rate}").format(name=t.name, rate=money_text(t.rate)), t.code)
            for t in choices.room_types
        ])
        self.room_type_combo.currentIndexChanged.connect(self._type_chosen)
        self.add_field(stay_form, "room_type", self.tr("Room &type:"), self.room_type_combo)
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomCombo")
        self.add_field(stay_form, "room", self.tr("&Room:"), self.room_combo)
        self.rate_edit = QLineEdit()
        self.rate_edit.setObjectName("rateEdit")
        self.add_field(stay_form, "nightly_rate", self.tr("Rate per ni&ght ({currency}):").format(
            currency=choices.currency), self.rate_edit)
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("companyCombo")
        fill_combo(self.company_combo, [(self.tr("None"), None), *[(name, id_) for id_, name in choices.companies]])
        self.add_field(stay_form, "company", self.tr("&Company:"), self.company_combo)
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("eventCombo")
        fill_combo(self.event_combo, [(self.tr("None"), None), *[(name, id_) for id_, name in choices.events]])
        self.add_field(stay_form, "event", self.tr("E&vent:"), self.event_combo)
        self.walk_in_check = QCheckBox(self.tr("Check in no&w (walk-in)"))
        self.walk_in_check.setObjectName("walkInCheck")
        stay_form.addRow(self.walk_in_check)

    # --- choices -----------------------------------------------------------------------------

    def _type_chosen(self) -> None:
        code = self.room_type_combo.currentData()
        rooms = [room for room in self.choices.rooms if room.room_type == code]
        fill_combo(self.room_combo, [(self.tr("Any free room"), None), *[
            (room.number if room.clean else self.tr("{room} (not cleaned)").format(room=room.number), room.number)
            for room in rooms]])
        rate = self._rates.get(code)
        if rate is not None:
            self.rate_edit.setText(amount_for_edit(rate))

    def find_guest(self) -> None:
        text = self.find_edit.text()
        self.query(find_guests, text).success(self._show_guests).run()

    def _show_guests(self, found: list[GuestFound]) -> None:
        fill_combo(self.guest_combo, [(self.tr("New guest"), NEW_GUEST), *[
            (f"{guest.name} · {guest.document}" if guest.document else guest.name, guest.id) for guest in found]])
        if found:
            self.guest_combo.setCurrentIndex(1)
        else:
            self.error_label("find").show_message(self.tr("No guest of that name: fill in a new one below."))

    def _guest_chosen(self) -> None:
        new = self.guest_combo.currentData() == NEW_GUEST
        for name in ("first_name", "name", "document_kind", "document", "country", "issued", "birth_date",
                     "city_tax_exemption"):
            self.set_field_visible(name, new)

    # --- applying ----------------------------------------------------------------------------

    def booking(self) -> Booking | None:
        """What the form says, or None after refusing the fields the clerk must fix."""
        currency = self.choices.currency
        rate = self.read("nightly_rate", read_amount, self.rate_edit.text(), currency, allow_zero=True)
        guest = self.guest_combo.currentData()
        new_guests: tuple[NewGuest, ...] = ()
        guest_ids: tuple[int, ...] = ()
        if guest == NEW_GUEST:
            if not (self.first_name_edit.text().strip() or self.last_name_edit.text().strip()):
                self.refuse("name", self.tr("Type the guest's name, or find a guest who stayed before."))
            documents: tuple[DocumentEntry, ...] = ()
            if self.document_edit.text().strip() or self.country_edit.text().strip():
                documents = (DocumentEntry(
                    self.document_kind_combo.currentData(), self.document_edit.text(), self.country_edit.text(),
                    python_date(self.issued_edit.date()) if self.issued_check.isChecked() else None),)
            birth_date = python_date(self.birth_date_edit.date()) if self.birth_date_check.isChecked() else None
            new_guests = (NewGuest(self.first_name_edit.text(), self.last_name_edit.text(), documents=documents,
                                   birth_date=birth_date, city_tax_exemption=self.exemption_edit.text()),)
        else:
            guest_ids = (int(guest),)
        if self.refused or rate is None:
            return None
        room_type = self.room_type_combo.currentData()
        default = self._rates.get(room_type)
        return Booking(
            arrival=python_date(self.arrival_edit.date()),
            departure=python_date(self.departure_edit.date()),
            guest_ids=guest_ids,
            new_guests=new_guests,
            room_type=room_type,
            room_number=self.room_combo.currentData(),
            # The room type's rate untouched means "the room type's": no right is asked for it.
            nightly_rate=None if rate == default else rate,
            company_id=self.company_combo.currentData(),
            event_id=self.event_combo.currentData(),
        )

    def submit(self) -> Op[Any] | None:
        booking = self.booking()
        if booking is None:
            return None
        use_case = walk_in if self.walk_in_check.isChecked() else book
        return self.change(use_case, booking).success(self._booked)

    def _booked(self, reservation: Reservation) -> None:
        self.booked = reservation
        self.query(folio_of_reservation, reservation.id).success(self._open_card).run()

    def _open_card(self, folio_id: int) -> None:
        self.opened_folio = folio_id
        if self.open_card is not None:
            self.open_card(folio_id)
        self.finish()


def open_new_reservation(ctx: DeskContext, parent: QWidget | None,
                         open_card: Callable[[int], object] | None = None) -> Op[BookingChoices]:
    """Load what the window lists, then show it (nothing is read on the GUI thread)."""

    def show(choices: BookingChoices) -> None:
        dialog = NewReservationDialog(ctx, choices, parent)
        dialog.open_card = open_card
        dialog.show()

    return ctx.query(parent, booking_choices, current_language()).success(show).run()
