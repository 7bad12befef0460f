"""The daily revenue report counts, per outlet, the POS lines no item or category mapping named (posted
as the outlet's default service), as computed here from the raw rows. SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import text

from desk.people.models import Role
from desk.reports.revenue import UNMAPPED, revenue_report
from desk.reports.tables import report_csv
from tests.actors import signed_in

from .conftest import Pos
from .helpers import check_body
from .test_item_map import _lines, _services


def _from_raw_rows(pos: Pos, today: date) -> dict[str, tuple[int, int]]:
    """(checks, unmapped lines) per outlet code: each check once, at the outlet its postings name."""
    with pos.hotel.database.unit_of_work() as session:
        checks = session.execute(text("SELECT pos_name, check_id, unmapped_lines FROM pos_check")).all()
        refs = session.execute(text(
            "SELECT external_ref, outlet_code FROM posting WHERE source = 'pos' AND business_date = :day"),
            {"day": today}).all()
    outlet_of = {ref.rsplit(":", 1)[0]: outlet for ref, outlet in refs}
    counted: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for pos_name, check_id, unmapped in checks:
        outlet = outlet_of.get(f"pos:{pos_name}:{check_id}")
        if outlet is not None:
            counted[outlet] += 1
            lines[outlet] += unmapped
    return {outlet: (counted[outlet], lines[outlet]) for outlet in counted}


def test_the_revenue_report_counts_each_outlets_lines_posted_as_its_default_service(pos: Pos, today: date):
    hotel = pos.hotel
    _services(pos)
    stay = hotel.stay()
    for check_id, codes in (("u-1", [("31", "MAIN"), ("77", "WINE"), ("99", "SOFT")]),
                            ("u-2", [("98", "SOFT"), ("97", "DESSERT")]),
                            ("u-3", [("31", "MAIN")])):
        lines = [(f"Item {code}", "1", "4.00", "20") for code, _category in codes]
        answer = pos.rest("POST", "/checks", json=_lines(check_body(hotel, stay, check_id, lines=lines), codes))
        assert answer.status_code == 201, answer.text
    expected = _from_raw_rows(pos, today)
    assert expected == {"REST": (3, 3)}
    manager = signed_in(hotel.database, Role.MANAGER)
    with hotel.database.unit_of_work() as session:
        report = revenue_report(session, manager, today)
    section = report.section(UNMAPPED)
    assert [(row[1], row[2]) for row in section.rows] == list(expected.values())
    assert "Restaurant" in str(section.rows[0][0])
    assert "POS lines posted as the outlet's default service" in report_csv(report, "en")
