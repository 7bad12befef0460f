# ruff: noqa: F811 - the registers' and the shift tests' fixtures are imported, then requested by name
"""The register's shift follows the till's cash shift from the desk's windows, the same on every registered register
(ATOL's web server, KKM-server, ErpNet.FP, each its fake as its own process): opened with the cash shift, cash in and
out, the X report, and the Z report when the cash shift closes. Each register's particular flows stay in its own
file (tests/ui/test_{atol,kkmserver,erpnet}_flow.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSpinBox
from sqlalchemy import select

from desk.fiscal.models import RegisterDocument
from tests.ui.test_atol_flow import atol  # noqa: F401 - fixture
from tests.ui.test_erpnet_flow import erpnet  # noqa: F401 - fixture
from tests.ui.test_flows import activate, apply, type_into, wait_closed, wait_dialog
from tests.ui.test_kkmserver_flow import kkm  # noqa: F401 - fixture
from tests.ui.test_shift import opened, till  # noqa: F401 - fixtures (opened: no PDF viewer starts)
from ui.main_window import MainWindow
from ui.ops import delivery

# Per register: its fixture, the till's currency, the field naming a document on its server, and what its server
# holds once the cash shift is closed (ATOL's and KKM-server's cash moves are not in their fakes' document list).
REGISTERS = {
    "atol": ("atol", "RUB", "type", ["openShift", "closeShift"]),
    "kkmserver": ("kkm", "RUB", "Command", ["OpenShift", "CloseShift"]),
    "erpnet": ("erpnet", "EUR", "type", ["deposit", "withdraw", "xreport", "zreport"]),
}


def kept(database) -> list[str]:
    with database.unit_of_work() as session:
        return list(session.scalars(select(RegisterDocument.kind).order_by(RegisterDocument.id)))


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_the_registers_shift_opens_takes_cash_in_and_out_and_closes_with_the_cash_shift(
        qtbot, request: pytest.FixtureRequest, till: MainWindow, demo_database, opened, kind: str):
    fixture, currency, field, at_the_end = REGISTERS[kind]
    server, _code = request.getfixturevalue(fixture)
    window = till
    qtbot.waitUntil(lambda: window.open_shift_action.isEnabled(), timeout=30_000)
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    type_into(qtbot, dialog, f"float{currency}Edit", "200")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: kept(demo_database) == ["shift_open"], timeout=30_000)

    for action, name, amount in ((window.cash_in_action, "cashInDialog", "50"),
                                 (window.cash_out_action, "cashOutDialog", "20")):
        qtbot.waitUntil(action.isEnabled, timeout=30_000)
        activate(qtbot, window)
        action.trigger()
        dialog = wait_dialog(qtbot, window, name)
        type_into(qtbot, dialog, "amountEdit", amount)
        type_into(qtbot, dialog, "reasonEdit", "Change for the till")  # keyClicks types Latin only
        apply(qtbot, dialog)
        wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: kept(demo_database) == ["shift_open", "cash_in", "cash_out"], timeout=30_000)

    activate(qtbot, window)
    window.x_report_action.trigger()
    x_dialog = wait_dialog(qtbot, window, "shiftReportDialog")
    qtbot.waitUntil(lambda: "x_report" in kept(demo_database), timeout=30_000)
    x_dialog.close()

    # Closing the cash shift (a blind count of 230 = 200 + 50 - 20) prints the register's Z, ending its shift.
    activate(qtbot, window)
    window.close_shift_action.trigger()
    closing = wait_dialog(qtbot, window, "closeShiftDialog")
    for denomination, pieces in (("200", "1"), ("10", "3")):
        spin = closing.findChild(QSpinBox, f"count_{currency}_{denomination}")
        spin.setFocus()
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, pieces)
        spin.interpretText()
    apply(qtbot, closing)
    z_dialog = wait_dialog(qtbot, window, "shiftReportDialog")
    qtbot.waitUntil(lambda: [d[field] for d in server.documents()] == at_the_end, timeout=30_000)
    assert delivery.wait_all(30_000)
    assert kept(demo_database) == ["shift_open", "cash_in", "cash_out", "x_report", "z_report"]
    z_dialog.close()
