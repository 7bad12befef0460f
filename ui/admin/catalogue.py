"""The catalogue: services (named per language, priced, with their VAT rate), outlets, payment methods,
the currencies with their exchange rates (typed from a date on, or the ECB's daily file), and the
companies the hotel bills, with their credit limits.

Opened from **Administration → Services and payments…** by whoever may change the catalogue. A
code, once added, stays (postings name it): a service is changed, never renamed or removed. The POS
mapping tab says which service a till's item or category code posts as, per outlet.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.hotel.catalogue import (
    Catalogue,
    RegisterRow,
    ServiceRow,
    add_outlet,
    add_payment_method,
    add_register,
    add_service,
    catalogue,
    change_service,
    list_registers,
    set_service_outlet,
)
from desk.hotel.models import MethodKind
from desk.hotel.names import NameKind, Names, load_names
from desk.hotel.rates import RateRow, import_ecb, list_rates, set_rate
from desk.people.auth import Actor
from desk.pos.item_map import ItemMapRow, item_map, remove_item_map, set_item_map
from desk.pos.models import MapKind
from desk.reports.revenue import GROUP_NAMES
from desk.stays.companies import CompanyRow, add_company, change_company, list_companies
from ui.context import DeskContext
from ui.desk_text import ERROR_CONTEXT, error_text, translate_message
from ui.dialogs.common import (
    Column,
    FieldError,
    FieldProblem,
    RowsModel,
    amount_for_edit,
    fill_combo,
    hint_label,
    new_form,
    python_date,
    read_amount,
    rows_view,
)
from ui.i18n import current_language, format_amount, format_date, money_text, parse_decimal


def _edit(name: str, length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(length)
    return edit


def _percent(value: Decimal) -> str:
    whole = value == value.to_integral_value()
    return f"{format_amount(value, 0 if whole else 2)} %"


def revenue_group_text(names: Names, group: str) -> str:
    """A service's revenue group as the manager reads it: the hotel's own translation of it, else the
    revenue report's word for a group the catalogue offers, else the code as typed."""
    if not group:
        return "—"
    named = names.category(group)
    if named != group:
        return named
    return translate_message(ERROR_CONTEXT, GROUP_NAMES[group], {}) if group in GROUP_NAMES else group


class CatalogueDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueDialog")
        self.setWindowTitle(self.tr("Services and payments"))
        self.setMinimumWidth(860)
        self.ctx = ctx
        self.loaded: Catalogue | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._services_tab(), self.tr("&Services"))
        self.tabs.addTab(self._outlets_tab(), self.tr("&Outlets"))
        self.tabs.addTab(self._pos_map_tab(), self.tr("POS mappin&g"))
        self.tabs.addTab(self._methods_tab(), self.tr("&Payment methods"))
        self.tabs.addTab(self._rates_tab(), self.tr("&Currencies"))
        self.tabs.addTab(self._companies_tab(), self.tr("Co&mpanies"))
        self.tabs.addTab(self._registers_tab(), self.tr("Cash &registers"))
        layout.addWidget(self.tabs)
        self.error_label = FieldError("catalogueError")  # a refusal red, as the other windows show one
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- tabs --------------------------------------------------------------------------------------

    def _services_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.services_model = RowsModel([Column(self.tr("Code")), Column(self.tr("Name")),
                                         Column(self.tr("Price"), align_right=True), Column(self.tr("VAT")),
                                         Column(self.tr("Outlet"))], self)
        self.services_view = rows_view(self.services_model, "servicesView", stretch_column=1)
        self.services_view.setMinimumHeight(180)
        self.services_view.selectionModel().selectionChanged.connect(lambda *_: self._service_chosen())
        column.addWidget(self.services_view)
        form = new_form()
        self.code_edit = _edit("serviceCodeEdit", 24)
        form.addRow(self.tr("&Code:"), self.code_edit)
        self.name_edit = _edit("serviceNameEdit", 120)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.name_ru_edit = _edit("serviceNameRuEdit", 160)
        form.addRow(self.tr("Name in Russian:"), self.name_ru_edit)
        self.name_bg_edit = _edit("serviceNameBgEdit", 160)
        form.addRow(self.tr("Name in Bulgarian:"), self.name_bg_edit)
        self.category_edit = _edit("serviceCategoryEdit", 24)
        form.addRow(self.tr("Ca&tegory:"), self.category_edit)
        self.price_edit = _edit("servicePriceEdit", 20)
        form.addRow(self.tr("&Price:"), self.price_edit)
        self.tax_combo = QComboBox()
        self.tax_combo.setObjectName("serviceTaxCombo")
        form.addRow(self.tr("&VAT rate:"), self.tax_combo)
        self.service_outlet_combo = QComboBox()
        self.service_outlet_combo.setObjectName("serviceOutletCombo")
        form.addRow(self.tr("Sold at &outlet:"), self.service_outlet_combo)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_service_button = QPushButton(self.tr("&Add service"))
        self.add_service_button.setObjectName("addServiceButton")
        self.add_service_button.clicked.connect(self.add_service)
        self.save_service_button = QPushButton(self.tr("Sa&ve changes"))
        self.save_service_button.setObjectName("saveServiceButton")
        self.save_service_button.clicked.connect(self.save_service)
        row.addWidget(self.add_service_button)
        row.addWidget(self.save_service_button)
        column.addLayout(row)
        return tab

    def _outlets_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.outlets_model = RowsModel([Column(self.tr("Code")), Column(self.tr("Name"))], self)
        self.outlets_view = rows_view(self.outlets_model, "outletsView", stretch_column=1)
        column.addWidget(self.outlets_view)
        row = QHBoxLayout()
        self.outlet_code_edit = _edit("outletCodeEdit", 16)
        self.outlet_code_edit.setPlaceholderText(self.tr("Code"))
        self.outlet_name_edit = _edit("outletNameEdit", 80)
        self.outlet_name_edit.setPlaceholderText(self.tr("Name"))
        add = QPushButton(self.tr("Add &outlet"))
        add.setObjectName("addOutletButton")
        add.clicked.connect(self.add_outlet)
        row.addWidget(self.outlet_code_edit)
        row.addWidget(self.outlet_name_edit, 1)
        row.addWidget(add)
        column.addLayout(row)
        return tab

    def _map_kind_text(self, kind: MapKind) -> str:
        return {MapKind.ITEM: self.tr("item code"), MapKind.CATEGORY: self.tr("category code"),
                MapKind.DEFAULT: self.tr("any other line")}[kind]

    def _pos_map_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.pos_map: list[ItemMapRow] = []
        self.pos_map_model = RowsModel([Column(self.tr("Outlet")), Column(self.tr("POS line")),
                                        Column(self.tr("POS code")), Column(self.tr("Posts as service")),
                                        Column(self.tr("VAT")), Column(self.tr("Revenue group"))], self)
        self.pos_map_view = rows_view(self.pos_map_model, "posMapView", stretch_column=3)
        self.pos_map_view.selectionModel().selectionChanged.connect(lambda *_: self._pos_map_chosen())
        column.addWidget(self.pos_map_view)
        column.addWidget(hint_label(self.tr("A POS check's line posts as the service its item code is mapped to, "
                                            "else its category code's, else the outlet's service for any other "
                                            "line. A line none of them names still posts, and the revenue report "
                                            "lists its check."), "posMapHint"))
        form = new_form()
        self.map_outlet_combo = QComboBox()
        self.map_outlet_combo.setObjectName("mapOutletCombo")
        form.addRow(self.tr("Ou&tlet:"), self.map_outlet_combo)
        self.map_kind_combo = QComboBox()
        self.map_kind_combo.setObjectName("mapKindCombo")
        fill_combo(self.map_kind_combo, [(self._map_kind_text(kind), kind.value) for kind in MapKind])
        self.map_kind_combo.currentIndexChanged.connect(lambda *_: self._map_kind_chosen())
        form.addRow(self.tr("POS &line:"), self.map_kind_combo)
        self.map_code_edit = _edit("mapCodeEdit", 40)
        form.addRow(self.tr("POS co&de:"), self.map_code_edit)
        self.map_service_combo = QComboBox()
        self.map_service_combo.setObjectName("mapServiceCombo")
        form.addRow(self.tr("Posts as ser&vice:"), self.map_service_combo)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.map_button = QPushButton(self.tr("&Map"))
        self.map_button.setObjectName("mapButton")
        self.map_button.clicked.connect(self.save_pos_map)
        self.unmap_button = QPushButton(self.tr("&Remove mapping"))
        self.unmap_button.setObjectName("unmapButton")
        self.unmap_button.clicked.connect(self.remove_pos_map)
        row.addWidget(self.map_button)
        row.addWidget(self.unmap_button)
        column.addLayout(row)
        return tab

    def _kind_text(self, kind: MethodKind) -> str:
        return {
            MethodKind.CASH: self.tr("cash"), MethodKind.CARD: self.tr("card"),
            MethodKind.TRANSFER: self.tr("bank transfer"), MethodKind.DEPOSIT: self.tr("deposit"),
            MethodKind.COMPANY_ACCOUNT: self.tr("company account"), MethodKind.OTHER: self.tr("other"),
        }[kind]

    def _methods_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.methods_model = RowsModel([Column(self.tr("Code")), Column(self.tr("Name")), Column(self.tr("Kind"))],
                                       self)
        self.methods_view = rows_view(self.methods_model, "methodsView", stretch_column=1)
        column.addWidget(self.methods_view)
        row = QHBoxLayout()
        self.method_code_edit = _edit("methodCodeEdit", 16)
        self.method_code_edit.setPlaceholderText(self.tr("Code"))
        self.method_name_edit = _edit("methodNameEdit", 80)
        self.method_name_edit.setPlaceholderText(self.tr("Name"))
        self.method_kind_combo = QComboBox()
        self.method_kind_combo.setObjectName("methodKindCombo")
        fill_combo(self.method_kind_combo, [(self._kind_text(kind), kind) for kind in MethodKind])
        add = QPushButton(self.tr("Add &method"))
        add.setObjectName("addMethodButton")
        add.clicked.connect(self.add_method)
        for widget in (self.method_code_edit, self.method_name_edit, self.method_kind_combo, add):
            row.addWidget(widget)
        column.addLayout(row)
        return tab

    def _rates_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.rates_model = RowsModel([Column(self.tr("Currency")), Column(self.tr("Valid from")),
                                      Column(self.tr("Rate"), align_right=True), Column(self.tr("Source"))], self)
        self.rates_view = rows_view(self.rates_model, "ratesView", stretch_column=3)
        column.addWidget(self.rates_view)
        column.addWidget(hint_label(self.tr("A rate is what one unit of the currency is worth in the hotel's "
                                            "currency. A payment converts at the rate valid on its date."),
                                    "ratesHint"))
        row = QHBoxLayout()
        self.rate_currency_edit = _edit("rateCurrencyEdit", 3)
        self.rate_currency_edit.setPlaceholderText(self.tr("Currency"))
        self.rate_edit = _edit("rateEdit", 20)
        self.rate_edit.setPlaceholderText(self.tr("Rate"))
        self.rate_date_edit = QDateEdit(QDate.currentDate())
        self.rate_date_edit.setObjectName("rateDateEdit")
        self.rate_date_edit.setCalendarPopup(True)
        set_rate_button = QPushButton(self.tr("Set &rate"))
        set_rate_button.setObjectName("setRateButton")
        set_rate_button.clicked.connect(self.set_rate)
        import_button = QPushButton(self.tr("&Import the ECB's file…"))
        import_button.setObjectName("importRatesButton")
        import_button.clicked.connect(self.choose_rates_file)
        for widget in (self.rate_currency_edit, self.rate_edit, self.rate_date_edit, set_rate_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(import_button)
        column.addLayout(row)
        return tab

    def _companies_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.companies: list[CompanyRow] = []
        self.companies_model = RowsModel([Column(self.tr("Name")), Column(self.tr("Tax ID")),
                                          Column(self.tr("Address")), Column(self.tr("E-mail")),
                                          Column(self.tr("Credit limit"), align_right=True)], self)
        self.companies_view = rows_view(self.companies_model, "companiesView", stretch_column=2)
        self.companies_view.selectionModel().selectionChanged.connect(lambda *_: self._company_chosen())
        column.addWidget(self.companies_view)
        form = new_form()
        self.company_name_edit = _edit("companyNameEdit", 120)
        form.addRow(self.tr("&Name:"), self.company_name_edit)
        self.company_tax_id_edit = _edit("companyTaxIdEdit", 40)
        form.addRow(self.tr("&Tax ID:"), self.company_tax_id_edit)
        self.company_address_edit = _edit("companyAddressEdit", 240)
        form.addRow(self.tr("&Address:"), self.company_address_edit)
        self.company_email_edit = _edit("companyEmailEdit", 254)
        form.addRow(self.tr("&E-mail for invoices:"), self.company_email_edit)
        self.company_limit_edit = _edit("companyLimitEdit", 20)
        form.addRow(self.tr("Credit &limit (empty: none):"), self.company_limit_edit)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        add = QPushButton(self.tr("Add co&mpany"))
        add.setObjectName("addCompanyButton")
        add.clicked.connect(lambda: self.save_company(new=True))
        save = QPushButton(self.tr("Save c&ompany"))
        save.setObjectName("saveCompanyButton")
        save.clicked.connect(lambda: self.save_company(new=False))
        row.addWidget(add)
        row.addWidget(save)
        column.addLayout(row)
        return tab

    def _registers_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.registers_model = RowsModel([Column(self.tr("Code")), Column(self.tr("Name")),
                                          Column(self.tr("Prints on"))], self)
        self.registers_view = rows_view(self.registers_model, "registersView", stretch_column=2)
        column.addWidget(self.registers_view)
        column.addWidget(hint_label(self.tr("Which printer prints a register's receipts, and the card terminals, "
                                            "are set per workstation in Devices."), "registersHint"))
        row = QHBoxLayout()
        self.register_code_edit = _edit("registerCodeEdit", 16)
        self.register_code_edit.setPlaceholderText(self.tr("Code"))
        self.register_name_edit = _edit("registerNameEdit", 80)
        self.register_name_edit.setPlaceholderText(self.tr("Name"))
        add = QPushButton(self.tr("Add re&gister"))
        add.setObjectName("addRegisterButton")
        add.clicked.connect(self.add_register)
        self.register_settings_button = QPushButton(self.tr("Se&ttings…"))
        self.register_settings_button.setObjectName("registerSettingsButton")
        self.register_settings_button.clicked.connect(self.open_register_settings)
        self.devices_button = QPushButton(self.tr("&Devices…"))
        self.devices_button.setObjectName("devicesButton")
        for widget in (self.register_code_edit, self.register_name_edit, add):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.register_settings_button)
        row.addWidget(self.devices_button)
        column.addLayout(row)
        return tab

    # --- loading -----------------------------------------------------------------------------------

    def open(self) -> None:
        super().open()
        self.reload()

    def reload(self) -> None:
        language = current_language()
        self.ctx.query(self, lambda session: (catalogue(session), load_names(session, language),
                                              list_rates(session), list_companies(session),
                                              list_registers(session), item_map(session))).success(
            self._loaded).failure(self._refused).run()

    def _loaded(self, loaded: tuple[Catalogue, Names, list[RateRow], list[CompanyRow], list[RegisterRow],
                                    list[ItemMapRow]]) -> None:
        data, names, rates, companies, registers, mapping = loaded
        self.register_codes = [r.code for r in registers]
        self.registers_model.set_rows([(r.code, names.of(NameKind.CASH_REGISTER, r.code, r.name),
                                        ", ".join(f"{ws} · {printer}" for ws, printer in r.printers) or "—")
                                       for r in registers])
        self.companies = companies
        self.companies_model.set_rows([(c.name, c.tax_id, c.address, c.email or "—",
                                        money_text(c.credit_limit) if c.credit_limit else "—") for c in companies])
        self.rates_model.set_rows([(r.currency, format_date(r.valid_from) if r.valid_from else self.tr("accepted at"),
                                    format_amount(r.rate, 8), r.source) for r in rates])
        self.loaded = data
        tax_names, outlet_names = dict(data.taxes), dict(data.outlets)
        self.services_model.set_rows([(s.code, names.of(NameKind.SERVICE, s.code, s.name), money_text(s.price),
                                       names.of(NameKind.TAX_RATE, s.tax_code, tax_names.get(s.tax_code, s.tax_code)),
                                       names.of(NameKind.OUTLET, s.outlet_code, outlet_names.get(s.outlet_code, ""))
                                       if s.outlet_code else "—")
                                      for s in data.services])
        chosen_outlet = self.service_outlet_combo.currentData()
        fill_combo(self.service_outlet_combo, [(self.tr("none"), "")] + [
            (names.of(NameKind.OUTLET, code, name), code) for code, name in data.outlets], chosen_outlet)
        current = self.tax_combo.currentData()
        fill_combo(self.tax_combo, [(names.of(NameKind.TAX_RATE, code, name), code) for code, name in data.taxes],
                   current)
        self.outlets_model.set_rows([(code, names.of(NameKind.OUTLET, code, name)) for code, name in data.outlets])
        self.methods_model.set_rows([(code, names.of(NameKind.PAYMENT_METHOD, code, name), self._kind_text(kind))
                                     for code, name, kind in data.methods])
        self.price_edit.setPlaceholderText(data.currency)
        self._show_pos_map(data, names, mapping)

    def _show_pos_map(self, data: Catalogue, names: Names, mapping: list[ItemMapRow]) -> None:
        outlet_names, tax_names = dict(data.outlets), dict(data.taxes)
        self.pos_map = mapping
        self.pos_map_model.set_rows([
            (names.of(NameKind.OUTLET, m.outlet, outlet_names.get(m.outlet, m.outlet)), self._map_kind_text(m.kind),
             m.pos_code or "—", f"{names.of(NameKind.SERVICE, m.service, m.service_name)} ({m.service})",
             _percent(m.tax_percent), revenue_group_text(names, m.revenue_group))
            for m in mapping])
        fill_combo(self.map_outlet_combo, [(names.of(NameKind.OUTLET, code, name), code)
                                           for code, name in data.outlets], self.map_outlet_combo.currentData())
        services = [(f"{names.of(NameKind.SERVICE, s.code, s.name)} ({s.code}, "
                     f"{names.of(NameKind.TAX_RATE, s.tax_code, tax_names.get(s.tax_code, s.tax_code))})", s.code)
                    for s in data.services]
        fill_combo(self.map_service_combo, services, self.map_service_combo.currentData())

    def _map_kind_chosen(self) -> None:
        any_other = self.map_kind_combo.currentData() == MapKind.DEFAULT.value
        self.map_code_edit.setEnabled(not any_other)
        if any_other:
            self.map_code_edit.clear()

    def _pos_map_chosen(self) -> None:
        rows = self.pos_map_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.pos_map):
            return
        chosen = self.pos_map[rows[0].row()]
        self.map_outlet_combo.setCurrentIndex(max(0, self.map_outlet_combo.findData(chosen.outlet)))
        self.map_kind_combo.setCurrentIndex(max(0, self.map_kind_combo.findData(chosen.kind.value)))
        self.map_code_edit.setText(chosen.pos_code)
        self.map_service_combo.setCurrentIndex(max(0, self.map_service_combo.findData(chosen.service)))

    def _map_fields(self) -> tuple[str, str, str]:
        return (str(self.map_outlet_combo.currentData() or ""), str(self.map_kind_combo.currentData()),
                self.map_code_edit.text())

    def save_pos_map(self) -> None:
        self._change(set_item_map, *self._map_fields(), str(self.map_service_combo.currentData() or ""))

    def remove_pos_map(self) -> None:
        self._change(remove_item_map, *self._map_fields())

    def _service_chosen(self) -> None:
        rows = self.services_view.selectionModel().selectedRows()
        if not rows or self.loaded is None:
            return
        service: ServiceRow = self.loaded.services[rows[0].row()]
        self.code_edit.setText(service.code)
        self.name_edit.setText(service.name)
        self.name_ru_edit.setText(service.names.get("ru", ""))
        self.name_bg_edit.setText(service.names.get("bg", ""))
        self.category_edit.setText(service.category)
        self.price_edit.setText(amount_for_edit(service.price))
        self.tax_combo.setCurrentIndex(max(0, self.tax_combo.findData(service.tax_code)))
        self.service_outlet_combo.setCurrentIndex(max(0, self.service_outlet_combo.findData(service.outlet_code or "")))

    # --- changes -----------------------------------------------------------------------------------

    def _refused(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _change(self, use_case: Callable[..., Any], *args: object, then: Callable[[], object] | None = None,
                **kwargs: object) -> None:
        def done(_value: object) -> None:
            self.error_label.hide()
            if then is not None:
                then()
            self.reload()

        self.ctx.change(self, use_case, *args, **kwargs).success(done).failure(self._refused).run()

    def _service_fields(self) -> tuple[Any, ...] | None:
        if self.loaded is None:
            return None
        try:
            price = read_amount(self.price_edit.text(), self.loaded.currency, allow_zero=True)
        except FieldProblem as problem:
            self.error_label.setText(str(problem))
            self.error_label.show()
            return None
        names = {"ru": self.name_ru_edit.text(), "bg": self.name_bg_edit.text()}
        return self.code_edit.text(), self.name_edit.text(), price, self.tax_combo.currentData(), names

    def _then_outlet(self, code: str) -> Callable[[], object]:
        """After the service is saved, its outlet, if another one was chosen (a change of its own)."""
        outlet = str(self.service_outlet_combo.currentData() or "") or None
        known = {s.code: s.outlet_code for s in self.loaded.services} if self.loaded is not None else {}

        def set_outlet() -> None:
            if known.get(code.strip()) != outlet:
                self._change(set_service_outlet, code.strip(), outlet)

        return set_outlet

    def add_service(self) -> None:
        fields = self._service_fields()
        if fields is not None:
            code, name, price, tax, names = fields
            self._change(add_service, code, name, price, tax, self.category_edit.text(), names,
                         then=self._then_outlet(code))

    def save_service(self) -> None:
        fields = self._service_fields()
        if fields is not None:
            self._change(change_service, *fields, then=self._then_outlet(fields[0]))

    def add_outlet(self) -> None:
        def added() -> None:
            self.outlet_code_edit.clear()
            self.outlet_name_edit.clear()

        self._change(add_outlet, self.outlet_code_edit.text(), self.outlet_name_edit.text(), then=added)

    def add_method(self) -> None:
        def added() -> None:
            self.method_code_edit.clear()
            self.method_name_edit.clear()

        # Qt hands a str enum back as a plain str.
        kind = MethodKind(self.method_kind_combo.currentData())
        self._change(add_payment_method, self.method_code_edit.text(), self.method_name_edit.text(), kind,
                     then=added)

    def set_rate(self) -> None:
        try:
            rate = parse_decimal(self.rate_edit.text())
        except ValueError as problem:
            self.error_label.setText(str(problem))
            self.error_label.show()
            return
        day = python_date(self.rate_date_edit.date())
        self._change(set_rate, self.rate_currency_edit.text(), rate, day, then=self.rate_edit.clear)

    def choose_rates_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("The ECB's daily rates"), "",
                                                    self.tr("XML files (*.xml)"))
        if path:
            self.import_rates(Path(path))

    def import_rates(self, path: Path) -> None:
        def from_file(session: Any, actor: Actor) -> list[tuple[str, Decimal]]:
            # Read on the worker with the rest: the file may sit on a slow network share.
            return import_ecb(session, actor, path.read_bytes())

        self._change(from_file)

    def _company_chosen(self) -> None:
        rows = self.companies_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.companies):
            return
        company = self.companies[rows[0].row()]
        self.company_name_edit.setText(company.name)
        self.company_tax_id_edit.setText(company.tax_id)
        self.company_address_edit.setText(company.address)
        self.company_email_edit.setText(company.email)
        self.company_limit_edit.setText(amount_for_edit(company.credit_limit) if company.credit_limit else "")

    def save_company(self, *, new: bool) -> None:
        if self.loaded is None:
            return
        limit = None
        if self.company_limit_edit.text().strip():
            try:
                limit = read_amount(self.company_limit_edit.text(), self.loaded.currency, allow_zero=True)
            except FieldProblem as problem:
                self.error_label.setText(str(problem))
                self.error_label.show()
                return
        fields = (self.company_name_edit.text(), self.company_tax_id_edit.text(), self.company_address_edit.text(),
                  limit)
        email = self.company_email_edit.text()
        if new:
            self._change(add_company, *fields, email=email)
            return
        rows = self.companies_view.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.companies):
            self._change(change_company, self.companies[rows[0].row()].id, *fields, email=email)

    def open_register_settings(self) -> None:
        """The selected register's kind, server and tax settings (the first register when none is selected)."""
        from ui.admin.register_settings import RegisterSettingsDialog

        rows = self.registers_view.selectionModel().selectedRows()
        codes = getattr(self, "register_codes", [])
        index = rows[0].row() if rows else 0
        if index >= len(codes):
            return
        dialog = RegisterSettingsDialog(self.ctx, codes[index], self)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def add_register(self) -> None:
        def added() -> None:
            self.register_code_edit.clear()
            self.register_name_edit.clear()

        self._change(add_register, self.register_code_edit.text(), self.register_name_edit.text(), then=added)
