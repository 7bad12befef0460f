"""A company's e-mail address, on SQLite and PostgreSQL: kept when it looks like one, refused when it
does not, written in the trail with what it was before, offered by the e-mail dialog for the company's
account, and set from ``desk company``."""

from __future__ import annotations

import pytest

from desk.core.errors import InvalidInput
from desk.ledger.accounts import company_folio
from desk.mailing.documents import mail_suggestion
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.stays.companies import add_company, change_company, list_companies
from tests.actors import demo_credentials

from .conftest import Hotel, refused

NOT_AN_ADDRESS = "{email} is not an e-mail address"


def test_a_companys_address_is_kept_checked_and_in_the_trail(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    company_id = manager.run(add_company, "Black Sea Tours", "BG175000111", email=" accounts@blacksea.example ")
    refused(hotel, InvalidInput, NOT_AN_ADDRESS,
            lambda: manager.run(add_company, "Copy Co", email="accounts at example"), field="email")
    refused(hotel, InvalidInput, NOT_AN_ADDRESS, lambda: manager.run(
        change_company, company_id, "Black Sea Tours", "BG175000111", "", None, email="a@" + "b" * 250 + ".bg"),
        field="email")
    manager.run(change_company, company_id, "Black Sea Tours", "BG175000111", "", None, email="billing@blacksea.bg")
    # A caller that does not speak of the address (an import, an older window) leaves it as it is.
    manager.run(change_company, company_id, "Black Sea Tours Ltd", "BG175000111", "", None)
    [row] = [row for row in hotel.query(list_companies) if row.id == company_id]
    assert row.email == "billing@blacksea.bg"
    summaries = [change.summary for change in hotel.query(changes_of, "company", str(company_id))]
    assert "e-mail accounts@blacksea.example" in summaries[0]
    assert "e-mail accounts@blacksea.example -> Black Sea Tours, BG175000111, limit None, e-mail billing@blacksea.bg" \
        in summaries[1]


def test_the_email_dialog_offers_the_companys_address_for_its_account(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    company_id = manager.run(add_company, "Black Sea Tours", email="billing@blacksea.bg")
    folio_id = manager.run(company_folio, company_id).id
    assert hotel.query(mail_suggestion, folio_id).recipient == "billing@blacksea.bg"


def test_desk_company_adds_sets_and_lists_the_address(sqlite_hotel: Hotel, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]):
    from desk.cli.main import main

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = sqlite_hotel.database.url
    assert main(["--database", url, "company", "add", "Black Sea Tours", "--email", "accounts@blacksea.bg"]) == 0
    company_id = int(capsys.readouterr().out.split()[2].rstrip(":"))
    assert main(["--database", url, "company", "set", str(company_id), "--email", "no address"]) == 1
    assert "no address is not an e-mail address" in capsys.readouterr().err
    assert main(["--database", url, "company", "set", str(company_id), "--email", "billing@blacksea.bg"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "company", "list"]) == 0
    assert f"{company_id}: Black Sea Tours, tax ID -, e-mail billing@blacksea.bg, credit limit -" in \
        capsys.readouterr().out
