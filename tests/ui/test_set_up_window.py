"""From an empty database to a manager at work (issue 24): the set-up window writes the hotel and its
first manager, who signs in, chooses their own password, and adds a clerk and a service."""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton, QWizard
from sqlalchemy import select

from desk.core.money import Money
from desk.db.engine import Database
from desk.hotel.models import Hotel, Service
from desk.people.changes import changes_of
from desk.people.models import Role, User
from desk.stays.models import stored_business_date
from tests.actors import signed_in
from tests.ui.conftest import started_desk
from tests.ui.test_no_english import language  # noqa: F401  (the fixture: each test runs in ru and bg)

WORKSTATION = "FRONT-9"
ECB_FILE = Path(__file__).parents[1] / "desk" / "data" / "eurofxref-daily.xml"


def fill_set_up(wizard, *, password: str) -> None:
    wizard.name_edit.setText("Hotel Morava")
    wizard.address_edit.setText("3 Morava St, Varna")
    wizard.tax_id_edit.setText("BG999888777")
    wizard.country_combo.setCurrentText("BG")
    assert wizard.document_language_label.text() == "Bulgarian"
    wizard.time_zone_combo.setCurrentText("Europe/Sofia")
    wizard.next()
    wizard.currency_combo.setCurrentText("EUR")
    wizard.next()
    wizard.username_edit.setText("elena")
    wizard.full_name_edit.setText("Elena Ivanova")
    wizard.password_edit.setText(password)
    wizard.repeat_edit.setText(password)


def test_from_an_empty_database_a_manager_sets_up_the_hotel_and_adds_a_clerk_and_a_service(qtbot, tmp_path: Path):
    from ui.i18n import format_date, money_text

    url = f"sqlite:///{tmp_path}/hotel.sqlite3"
    with started_desk(url, WORKSTATION, None) as startup:
        qtbot.waitUntil(lambda: startup.set_up_wizard is not None and startup.set_up_wizard.isVisible(),
                        timeout=30_000)
        wizard = startup.set_up_wizard
        assert startup.sign_in_dialog is None  # nobody signs in to a hotel that does not exist

        # A weak password is refused, said on the page, and nothing is written.
        fill_set_up(wizard, password="elena")
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.error_label.isVisible(), timeout=10_000)
        assert wizard.error_label.text() == "A password has at least 10 characters"
        assert startup.sign_in_dialog is None

        wizard.password_edit.setText("first-manager-9")
        wizard.repeat_edit.setText("first-manager-9")
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: startup.sign_in_dialog is not None and startup.sign_in_dialog.isVisible(),
                        timeout=30_000)
        sign_in = startup.sign_in_dialog
        assert sign_in.username_edit.text() == "elena"
        assert wizard.password_edit.text() == ""  # not left in a window

        # The first sign-in asks for her own password before anything else.
        sign_in.secret_edit.setText("first-manager-9")
        qtbot.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sign_in.new_secret_box.isVisible(), timeout=10_000)
        assert not sign_in.new_pin_edit.isVisible()  # a manager has no PIN
        sign_in.new_password_edit.setText("elena-own-pass-7")
        sign_in.repeat_password_edit.setText("elena-own-pass-7")
        qtbot.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=30_000)
        window = startup.window

        # Administration → People: a clerk with a temporary password.
        assert window.people_action.isEnabled() and window.catalogue_action.isEnabled()
        window.people_action.trigger()
        people = window.people_dialog
        qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=10_000)
        people.username_edit.setText("anna")
        people.full_name_edit.setText("Anna Petrova")
        people.new_role_combo.setCurrentIndex(people.new_role_combo.findData(Role.CLERK))
        people.password_edit.setText("anna")
        qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: people.error_label.isVisible(), timeout=10_000)
        assert people.error_label.text() == "A password has at least 10 characters"
        people.password_edit.setText("anna-temp-pass1")
        qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: people.model.rowCount() == 2, timeout=10_000)
        assert people.model.index(0, 3).data() == "chooses a password at the next sign-in"
        people.close()

        # Administration → Services and payments: a service named in three languages.
        window.catalogue_action.trigger()
        catalogue = window.catalogue_dialog
        qtbot.waitUntil(lambda: catalogue.methods_model.rowCount() == 2 and catalogue.tax_combo.count() == 3,
                        timeout=10_000)
        catalogue.code_edit.setText("SPA")
        catalogue.name_edit.setText("Spa visit")
        catalogue.name_ru_edit.setText("Посещение спа")
        catalogue.name_bg_edit.setText("Посещение на спа")
        catalogue.price_edit.setText("35.00")
        catalogue.tax_combo.setCurrentIndex(catalogue.tax_combo.findData("VAT20"))
        qtbot.mouseClick(catalogue.add_service_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.services_model.rowCount() == 1, timeout=10_000)
        qtbot.mouseClick(catalogue.add_service_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.error_label.isVisible(), timeout=10_000)
        assert catalogue.error_label.text() == "There is already a service SPA"
        catalogue.outlet_code_edit.setText("BAR")
        catalogue.outlet_name_edit.setText("Lobby bar")
        qtbot.mouseClick(catalogue.findChild(QPushButton, "addOutletButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.outlets_model.rowCount() == 1, timeout=10_000)
        catalogue.method_code_edit.setText("voucher")
        catalogue.method_name_edit.setText("Voucher")
        qtbot.mouseClick(catalogue.findChild(QPushButton, "addMethodButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.methods_model.rowCount() == 3, timeout=10_000)
        # Currencies: the dollar accepted from a date by hand, then the ECB's file of a later day.
        catalogue.rate_currency_edit.setText("USD")
        catalogue.rate_edit.setText("0.91")
        catalogue.rate_date_edit.setDate(QDate(2026, 12, 1))
        qtbot.mouseClick(catalogue.findChild(QPushButton, "setRateButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.rates_model.rowCount() == 2, timeout=10_000)  # accepted, and dated
        catalogue.import_rates(ECB_FILE)
        qtbot.waitUntil(lambda: catalogue.rates_model.rowCount() == 3, timeout=10_000)
        assert [catalogue.rates_model.index(2, c).data() for c in range(4)] == [
            "USD", format_date(date(2026, 12, 4)), "0.95238095", "ECB"]
        catalogue.company_name_edit.setText("Black Sea Tours")
        catalogue.company_tax_id_edit.setText("BG175000111")
        catalogue.company_limit_edit.setText("5000")
        catalogue.company_email_edit.setText("accounts at blacksea")
        qtbot.mouseClick(catalogue.findChild(QPushButton, "addCompanyButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.error_label.isVisible(), timeout=10_000)
        assert "accounts at blacksea" in catalogue.error_label.text()
        catalogue.company_email_edit.setText("accounts@blacksea.bg")
        qtbot.mouseClick(catalogue.findChild(QPushButton, "addCompanyButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.companies_model.rowCount() == 1, timeout=10_000)
        assert [catalogue.companies_model.index(0, c).data() for c in (3, 4)] == [
            "accounts@blacksea.bg", money_text(Money.of("5000", "EUR"))]
        catalogue.register_code_edit.setText("FP-1")
        catalogue.register_name_edit.setText("Front desk register")
        qtbot.mouseClick(catalogue.findChild(QPushButton, "addRegisterButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: catalogue.registers_model.rowCount() == 1, timeout=10_000)
        qtbot.mouseClick(catalogue.devices_button, Qt.MouseButton.LeftButton)  # where its printer is chosen
        qtbot.waitUntil(lambda: window.devices_dialog.isVisible(), timeout=10_000)
        window.devices_dialog.close()
        catalogue.close()

        database = startup.database
        with database.unit_of_work() as session:
            assert session.scalars(select(Hotel.name)).one() == "Hotel Morava"
            # The hotel's first business day, stored with it: the first night audit closes that day.
            assert stored_business_date(session) == datetime.now(zoneinfo.ZoneInfo("Europe/Sofia")).date()
            anna = session.get(User, "anna")
            assert (anna.role, anna.must_change_secret) == (Role.CLERK, True)
            assert session.get(Service, "SPA").price.amount == 35
            assert [(c.username, c.workstation) for c in changes_of(session, "user", "anna")] == [
                ("elena", WORKSTATION)]


def test_a_clerk_finds_administration_disabled(qtbot, demo_database: Database):
    from ui.context import DeskContext
    from ui.main_window import MainWindow

    context = DeskContext(demo_database, signed_in(demo_database, Role.CLERK))
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert not window.people_action.isEnabled()
    assert not window.catalogue_action.isEnabled()
    context.close()


@pytest.mark.usefixtures("language")
def test_the_set_up_and_administration_windows_have_no_english(qtbot, demo_database: Database):
    from tests.ui.test_no_english import allowed_words, english_in
    from ui.admin.catalogue import CatalogueDialog
    from ui.admin.people import PeopleDialog
    from ui.context import DeskContext
    from ui.ops import delivery
    from ui.setup.wizard import COUNTRIES, SetUpWizard

    # Country codes and IANA time zones (Europe/Sofia) are identifiers, the same in every language.
    allowed = allowed_words(demo_database) | set(COUNTRIES) | {
        word for zone in zoneinfo.available_timezones() for word in re.split(r"[/_\-+0-9]+", zone) if word}
    problems: list[str] = []
    wizard = SetUpWizard(demo_database, WORKSTATION)
    qtbot.addWidget(wizard)
    wizard.show()
    for _page in range(3):
        problems += [f"set-up page {wizard.currentId()}: {p}" for p in english_in(wizard, allowed)]
        wizard.next()
    context = DeskContext(demo_database, signed_in(demo_database, Role.MANAGER))
    try:
        for dialog in (PeopleDialog(context), CatalogueDialog(context)):
            qtbot.addWidget(dialog)
            dialog.open()
            qtbot.waitUntil(dialog.isVisible, timeout=10_000)
            assert delivery.wait_all(30_000)
            qtbot.wait(50)
            problems += [f"{dialog.objectName()}: {p}" for p in english_in(dialog, allowed)]
            dialog.close()
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
