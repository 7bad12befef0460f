"""The set-up window: the hotel, its money and VAT, and its first manager, in three pages.

Shown at the first start on an empty database (without ``--demo``). Finish writes everything, the
hotel and its first business day, in one use case (``desk.stays.business_day.open_hotel``) off the
GUI thread; a refusal is shown and the window stays, with what was typed, on the page it concerns.
"""

from __future__ import annotations

import zoneinfo
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk.core.errors import DeskError
from desk.core.money import MINOR_UNITS
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.setup import (
    TEXT_LIMITS,
    FirstManager,
    HotelSetup,
    VatRate,
    document_language,
    parse_rate,
    setup_actor,
)
from desk.people.passwords import MIN_PASSWORD_LENGTH
from desk.stays.business_day import open_hotel
from ui.desk_text import error_text
from ui.dialogs.common import FieldError, hint_label, new_form
from ui.ops.op import Op

# Countries whose fiscal documents the desk words in their own language, then a few common others.
COUNTRIES = ("BG", "RU", "GB", "DE", "FR", "GR", "IT", "RO", "RS", "TR", "US")
PAGE_HOTEL, PAGE_MONEY, PAGE_MANAGER = range(3)
# Which page shows a refusal about each field.
FIELD_PAGES = {"name": PAGE_HOTEL, "country": PAGE_HOTEL, "time_zone": PAGE_HOTEL,
               "currency": PAGE_MONEY, "rate": PAGE_MONEY, "vat": PAGE_MONEY}


def _table(headers: list[str], rows: list[tuple[str, ...]], name: str) -> QTableWidget:
    table = QTableWidget(max(len(rows), 0) + 3, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    return table


def _cells(table: QTableWidget) -> list[list[str]]:
    """The rows with anything typed in them, each cell stripped."""
    rows = []
    for row in range(table.rowCount()):
        items = [table.item(row, column) for column in range(table.columnCount())]
        cells = [item.text().strip() if item is not None else "" for item in items]
        if any(cells):
            rows.append(cells)
    return rows


class SetUpWizard(QWizard):
    """Emits ``set_up`` once the hotel is written; then the sign-in follows."""

    set_up = Signal()

    def __init__(self, database: Database, workstation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setUpWizard")
        self.database = database
        self.workstation = workstation
        self._op: Op[None] | None = None
        self._done = False
        self.setWindowTitle(self.tr("Set up the hotel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumWidth(620)
        self.setMinimumHeight(560)  # the money page's two tables show several rows each
        self.addPage(self._hotel_page())
        self.addPage(self._money_page())
        self.addPage(self._manager_page())

    # --- pages -------------------------------------------------------------------------------------

    def _hotel_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("The hotel"))
        page.setSubTitle(self.tr("As it is printed on receipts and invoices."))
        form = new_form()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("hotelNameEdit")
        self.name_edit.setMaxLength(120)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setMaxLength(240)
        form.addRow(self.tr("&Address:"), self.address_edit)
        self.tax_id_edit = QLineEdit()
        self.tax_id_edit.setObjectName("taxIdEdit")
        self.tax_id_edit.setMaxLength(40)
        form.addRow(self.tr("&Tax ID:"), self.tax_id_edit)
        # What an invoice prints for the seller; the same as Invoices → Seller's details changes later.
        self.vat_number_edit = self._text_edit("vatNumberEdit", TEXT_LIMITS["vat_number"])
        form.addRow(self.tr("&VAT number:"), self.vat_number_edit)
        self.accountable_person_edit = self._text_edit("accountablePersonEdit", TEXT_LIMITS["accountable_person"])
        form.addRow(self.tr("Accountable &person:"), self.accountable_person_edit)
        self.city_edit = self._text_edit("cityEdit", TEXT_LIMITS["city"])
        form.addRow(self.tr("C&ity:"), self.city_edit)
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("countryCombo")
        self.country_combo.setEditable(True)
        self.country_combo.addItems(COUNTRIES)
        self.country_combo.currentTextChanged.connect(self._show_document_language)
        form.addRow(self.tr("&Country:"), self.country_combo)
        self.document_language_label = QLabel()
        self.document_language_label.setObjectName("documentLanguageLabel")
        form.addRow(self.tr("Fiscal documents in:"), self.document_language_label)
        self.time_zone_combo = QComboBox()
        self.time_zone_combo.setObjectName("timeZoneCombo")
        self.time_zone_combo.setEditable(True)
        self.time_zone_combo.addItems(sorted(zoneinfo.available_timezones()))
        self.time_zone_combo.setCurrentText("Europe/Sofia")
        form.addRow(self.tr("&Time zone:"), self.time_zone_combo)
        page.setLayout(form)
        page.registerField("name*", self.name_edit)
        self._show_document_language(self.country_combo.currentText())
        return page

    def _show_document_language(self, country: str) -> None:
        names = {"en": self.tr("English"), "ru": self.tr("Russian"), "bg": self.tr("Bulgarian")}
        self.document_language_label.setText(names[document_language(country.strip())])

    def _money_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Money and VAT"))
        page.setSubTitle(self.tr("The currency the books are kept in, the others the desk accepts, and the VAT rates."))
        column = QVBoxLayout(page)
        form = new_form()
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("baseCurrencyCombo")
        self.currency_combo.addItems(sorted(MINOR_UNITS))
        self.currency_combo.setCurrentText("EUR")
        form.addRow(self.tr("&Base currency:"), self.currency_combo)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Other currencies (one unit in the base currency):")))
        self.currencies_table = _table([self.tr("Currency"), self.tr("Rate")], [], "otherCurrenciesTable")
        column.addWidget(self.currencies_table)
        column.addWidget(QLabel(self.tr("VAT rates:")))
        self.vat_table = _table([self.tr("Code"), self.tr("Name"), self.tr("Percent")],
                                [("VAT20", self.tr("VAT 20%"), "20"), ("VAT9", self.tr("VAT 9%"), "9"),
                                 ("NOVAT", self.tr("No VAT"), "0")], "vatTable")
        column.addWidget(self.vat_table)
        return page

    def _manager_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("The first manager"))
        page.setSubTitle(self.tr("Who signs in first and adds the colleagues."))
        column = QVBoxLayout(page)
        form = new_form()
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("managerUsernameEdit")
        self.username_edit.setMaxLength(40)
        form.addRow(self.tr("&User name:"), self.username_edit)
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setObjectName("managerNameEdit")
        self.full_name_edit.setMaxLength(120)
        form.addRow(self.tr("&Full name:"), self.full_name_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("managerPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("managerRepeatEdit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        column.addLayout(form)
        column.addWidget(hint_label(self.tr(
            "At least {length} characters, not the user name. You choose another at the first sign-in."
        ).format(length=MIN_PASSWORD_LENGTH), "passwordHint"))
        self.error_label = FieldError("setUpError")
        column.addWidget(self.error_label)
        page.registerField("username*", self.username_edit)
        page.registerField("password*", self.password_edit)
        return page

    @staticmethod
    def _text_edit(object_name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        return edit

    # --- finishing ---------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def read_setup(self) -> HotelSetup:
        """What the pages hold; DeskError (from the parsing of a rate) for what cannot be read."""
        others: dict[str, Decimal] = {}
        for cells in _cells(self.currencies_table):
            others[cells[0].upper()] = parse_rate(cells[1])
        vat = [VatRate(cells[0], cells[1] or cells[0], parse_rate(cells[2])) for cells in _cells(self.vat_table)]
        return HotelSetup(
            name=self.name_edit.text(), base_currency=self.currency_combo.currentText(),
            manager=FirstManager(self.username_edit.text().strip(), self.full_name_edit.text().strip(),
                                 self.password_edit.text()),
            vat_rates=vat, address=self.address_edit.text(), tax_id=self.tax_id_edit.text(),
            country=self.country_combo.currentText().strip().upper(),
            time_zone=self.time_zone_combo.currentText().strip(), other_currencies=others,
            vat_number=self.vat_number_edit.text(), accountable_person=self.accountable_person_edit.text(),
            city=self.city_edit.text())

    def accept(self) -> None:
        if self._done:
            super().accept()
            return
        if self._op is not None and self._op.is_running:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        try:
            setup = self.read_setup()
        except DeskError as exc:
            self._refused(exc)
            return
        database, workstation = self.database, self.workstation

        def work() -> None:
            Runner(database).run(open_hotel, setup_actor(workstation), setup)

        self.error_label.hide()
        finish = self.button(QWizard.WizardButton.FinishButton)
        self._op = Op(self, work).busy(finish).success(self._written).failure(self._refused).run()

    def _written(self, _value: None) -> None:
        self._done = True
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.set_up.emit()
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        field = getattr(exc, "field", None)
        text = error_text(exc)
        page = FIELD_PAGES.get(str(field), PAGE_MANAGER)
        self.show_error(text)
        if page != PAGE_MANAGER:
            # The refusal concerns an earlier page: go back to it, and say it there too.
            while self.currentId() > page:
                self.back()
            self.currentPage().setSubTitle(text)
