"""Audit trail: who did what, where and when, for managers (Administration → Audit trail…).

Filters by days, user, workstation, kind and folio; the newest entries first. Opening an entry that
touched a folio (a payment, refund, void) opens that reservation card; any entry shows its details
below the table. Read off the GUI thread through the desk's runner, as every window reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.audit.models import AuditKind
from desk.audit.reading import MOST_SHOWN, TrailFilter, TrailLine, TrailPage, day_bounds, read_trail
from desk.core.errors import Phrase
from desk.core.money import Money
from desk.people.rights import RIGHT_ACTIONS, Right
from ui.cards.operations import operation_name
from ui.context import DeskContext
from ui.desk_text import error_text, format_param
from ui.dialogs.common import Column, FieldError, RowsModel, fill_combo, rows_view
from ui.dialogs.date_range import DateRange
from ui.i18n import current_language, format_date, format_datetime, format_money


def kind_name(kind: str) -> str:
    """An entry's kind as a manager reads it (an unknown one, from a newer desk, as it is stored)."""
    names = {
        AuditKind.SIGN_IN: QCoreApplication.translate("AuditTrail", "Sign-in"),
        AuditKind.SIGN_IN_FAILED: QCoreApplication.translate("AuditTrail", "Failed sign-in"),
        AuditKind.LOCK: QCoreApplication.translate("AuditTrail", "Desk locked"),
        AuditKind.SWITCH_USER: QCoreApplication.translate("AuditTrail", "Switch of user"),
        AuditKind.OVERRIDE: QCoreApplication.translate("AuditTrail", "Manager's approval"),
        AuditKind.PAYMENT: QCoreApplication.translate("AuditTrail", "Payment"),
        AuditKind.REFUND: QCoreApplication.translate("AuditTrail", "Refund"),
        AuditKind.VOID: QCoreApplication.translate("AuditTrail", "Void"),
        AuditKind.SETTING: QCoreApplication.translate("AuditTrail", "Setting"),
        AuditKind.DEVICE: QCoreApplication.translate("AuditTrail", "Device"),
        AuditKind.KEY: QCoreApplication.translate("AuditTrail", "Key"),
        AuditKind.NIGHT_AUDIT: QCoreApplication.translate("AuditTrail", "Night audit"),
        AuditKind.SETTLED_BY_HAND: QCoreApplication.translate("AuditTrail", "Settled by hand"),
        AuditKind.MAIL: QCoreApplication.translate("AuditTrail", "Document e-mailed"),
        AuditKind.INVOICE: QCoreApplication.translate("AuditTrail", "Invoice"),
        AuditKind.CARD_LEFT_AT_OPERATOR: QCoreApplication.translate("AuditTrail", "Card maybe kept at operator"),
    }
    return names.get(kind, kind)  # type: ignore[call-overload]


def _money(text: object) -> str:
    try:
        money = Money.parse(str(text))
    except (ValueError, TypeError):
        return str(text)
    return format_money(money.amount, money.currency)


def _failure_text(detail: dict[str, Any]) -> str:
    why = {
        "wrong password or PIN": QCoreApplication.translate("AuditTrail", "wrong password or PIN"),
        "unknown or inactive user": QCoreApplication.translate("AuditTrail", "unknown or inactive user"),
        "locked out": QCoreApplication.translate("AuditTrail", "locked out after too many attempts"),
    }.get(str(detail.get("why", "")), str(detail.get("why", "")))
    if detail.get("purpose") == "manager's approval":
        return QCoreApplication.translate("AuditTrail", "Manager's approval refused: {why}").format(why=why)
    return QCoreApplication.translate("AuditTrail", "Sign-in refused: {why}").format(why=why)


def _money_text(line: TrailLine, method_names: Mapping[str, str]) -> str:
    detail = line.detail
    code = str(detail.get("method", ""))
    amount, method, of = _money(detail.get("amount", "")), method_names.get(code, code), detail.get("of_payment")
    if line.kind == AuditKind.PAYMENT:
        text = QCoreApplication.translate("AuditTrail", "Payment {amount} ({method})").format(
            amount=amount, method=method)
    elif line.kind == AuditKind.REFUND:
        text = QCoreApplication.translate("AuditTrail", "Refund {amount} ({method}) of payment {payment}").format(
            amount=amount, method=method, payment=of)
    elif "voids_posting" in detail:
        text = QCoreApplication.translate("AuditTrail", "Void of charge {posting}: {amount}").format(
            posting=detail["voids_posting"], amount=amount)
    else:
        text = QCoreApplication.translate("AuditTrail", "Void {amount} ({method}) of payment {payment}").format(
            amount=amount, method=method, payment=of)
    reason = detail.get("reason")
    return f"{text}: {reason}" if reason else text


def _mail_text(detail: Mapping[str, Any]) -> str:
    document = {
        "folio": QCoreApplication.translate("AuditTrail", "Folio"),
        "bill": QCoreApplication.translate("AuditTrail", "Bill"),
    }.get(str(detail.get("kind")), str(detail.get("kind")))
    return QCoreApplication.translate("AuditTrail", "{document} {number} e-mailed to {address} ({language})").format(
        document=document, number=detail.get("document"), address=detail["recipient"],
        language=str(detail.get("language", "")))


def _table_name(table: str) -> str:
    names = {
        "hotel": QCoreApplication.translate("AuditTrail", "Hotel"),
        "currency_rate": QCoreApplication.translate("AuditTrail", "Currency rate"),
        "exchange_rate": QCoreApplication.translate("AuditTrail", "Exchange rate"),
        "tax_rate": QCoreApplication.translate("AuditTrail", "VAT rate"),
        "payment_method": QCoreApplication.translate("AuditTrail", "Payment method"),
        "outlet": QCoreApplication.translate("AuditTrail", "Outlet"),
        "service": QCoreApplication.translate("AuditTrail", "Service"),
        "room_type": QCoreApplication.translate("AuditTrail", "Room type"),
        "mail_settings": QCoreApplication.translate("AuditTrail", "E-mail settings"),
        "pos_setting": QCoreApplication.translate("AuditTrail", "POS setting"),
        "pos_payment_code": QCoreApplication.translate("AuditTrail", "POS payment code"),
        "workstation_printer": QCoreApplication.translate("AuditTrail", "Printer"),
        "card_terminal": QCoreApplication.translate("AuditTrail", "Card terminal"),
        "card_operator": QCoreApplication.translate("AuditTrail", "Card operator"),
        "cash_register": QCoreApplication.translate("AuditTrail", "Cash register"),
    }
    return names.get(table, table)


def _column_name(column: str) -> str:
    names = {
        "name": QCoreApplication.translate("AuditTrail", "name"),
        "base_currency": QCoreApplication.translate("AuditTrail", "base currency"),
        "address": QCoreApplication.translate("AuditTrail", "address"),
        "tax_id": QCoreApplication.translate("AuditTrail", "tax number"),
        "country": QCoreApplication.translate("AuditTrail", "country"),
        "time_zone": QCoreApplication.translate("AuditTrail", "time zone"),
        "currency": QCoreApplication.translate("AuditTrail", "currency"),
        "rate": QCoreApplication.translate("AuditTrail", "rate"),
        "valid_from": QCoreApplication.translate("AuditTrail", "valid from"),
        "source": QCoreApplication.translate("AuditTrail", "source"),
        "code": QCoreApplication.translate("AuditTrail", "code"),
        "percent": QCoreApplication.translate("AuditTrail", "percent"),
        "kind": QCoreApplication.translate("AuditTrail", "kind"),
        "opens_drawer": QCoreApplication.translate("AuditTrail", "opens the drawer"),
        "fiscal": QCoreApplication.translate("AuditTrail", "fiscal"),
        "category": QCoreApplication.translate("AuditTrail", "category"),
        "price": QCoreApplication.translate("AuditTrail", "price"),
        "tax_code": QCoreApplication.translate("AuditTrail", "VAT rate"),
        "outlet_code": QCoreApplication.translate("AuditTrail", "outlet"),
        "default_rate": QCoreApplication.translate("AuditTrail", "rate per night"),
        "beds": QCoreApplication.translate("AuditTrail", "beds"),
        "host": QCoreApplication.translate("AuditTrail", "server"),
        "port": QCoreApplication.translate("AuditTrail", "port"),
        "security": QCoreApplication.translate("AuditTrail", "security"),
        "username": QCoreApplication.translate("AuditTrail", "user"),
        "sender": QCoreApplication.translate("AuditTrail", "sender"),
        "password_sealed": QCoreApplication.translate("AuditTrail", "password"),
        "key_id": QCoreApplication.translate("AuditTrail", "key"),
        "ca_pem": QCoreApplication.translate("AuditTrail", "CA certificate"),
        "value": QCoreApplication.translate("AuditTrail", "value"),
        "meaning": QCoreApplication.translate("AuditTrail", "meaning"),
        "workstation": QCoreApplication.translate("AuditTrail", "workstation"),
        "url": QCoreApplication.translate("AuditTrail", "address of the device"),
        "profile": QCoreApplication.translate("AuditTrail", "profile"),
        "paper_mm": QCoreApplication.translate("AuditTrail", "paper width"),
        "register_code": QCoreApplication.translate("AuditTrail", "cash register"),
        "drawer": QCoreApplication.translate("AuditTrail", "cash drawer"),
        "text_as_image": QCoreApplication.translate("AuditTrail", "text as image"),
        "own_printer": QCoreApplication.translate("AuditTrail", "own printer"),
        "merchant_copy": QCoreApplication.translate("AuditTrail", "merchant's copy"),
        "operator": QCoreApplication.translate("AuditTrail", "operator"),
        "account": QCoreApplication.translate("AuditTrail", "account"),
        "api_base": QCoreApplication.translate("AuditTrail", "service address"),
        "currencies": QCoreApplication.translate("AuditTrail", "currencies"),
        "secret_sealed": QCoreApplication.translate("AuditTrail", "secret"),
        "key_prefix": QCoreApplication.translate("AuditTrail", "key prefix"),
        "retention_days": QCoreApplication.translate("AuditTrail", "days kept"),
        "language": QCoreApplication.translate("AuditTrail", "language"),
        "device_id": QCoreApplication.translate("AuditTrail", "device"),
        "taxation": QCoreApplication.translate("AuditTrail", "taxation"),
        "vat_map": QCoreApplication.translate("AuditTrail", "VAT codes"),
    }
    return names.get(column, column)


# Bookkeeping columns every change carries: the entry's own user and time say them already.
UNSHOWN_COLUMNS = ("id", "changed_at", "changed_by")


def changes_text(detail: Mapping[str, Any]) -> str:
    """A setting's or a device's change (each row's before and after, as desk.audit recorded them) in the
    reader's language: the table and column names translated, the values as they were typed."""
    states = {
        "added": QCoreApplication.translate("AuditTrail", "added"),
        "changed": QCoreApplication.translate("AuditTrail", "changed"),
        "deleted": QCoreApplication.translate("AuditTrail", "removed"),
    }
    parts = []
    for change in detail["changes"]:
        state = str(change.get("state", ""))
        shown = []
        for column, values in change.get("columns", {}).items():
            if column in UNSHOWN_COLUMNS:
                continue
            name = _column_name(column)
            if "before" not in values:
                shown.append(QCoreApplication.translate("AuditTrail", "{name} changed").format(name=name))
            elif state == "added":
                if values["after"] not in (None, ""):
                    shown.append(f"{name}: {values['after']}")
            elif state == "deleted":
                shown.append(f"{name}: {values['before']}")
            else:
                shown.append(f"{name}: {values['before']} → {values['after']}")
        parts.append(QCoreApplication.translate("AuditTrail", "{what} {key} {state}: {changes}").format(
            what=_table_name(str(change.get("table", ""))), key=change.get("key", ""),
            state=states.get(state, state), changes=", ".join(shown)))
    if detail.get("more"):
        parts.append(QCoreApplication.translate("AuditTrail", "and {count} more").format(count=detail["more"]))
    return "; ".join(parts)


def what_text(line: TrailLine, method_names: Mapping[str, str] | None = None) -> str:
    """What the entry recorded, in the reader's language where the desk has words for it (a setting's or a
    device's change too: its tables and columns named); otherwise as it was recorded.
    ``method_names``: payment methods' names by code (a method no longer there shows its code)."""
    detail = line.detail
    kind = line.kind
    if kind == AuditKind.SIGN_IN:
        return QCoreApplication.translate("AuditTrail", "{user} signed in").format(user=line.username)
    if kind == AuditKind.SIGN_IN_FAILED and "why" in detail:
        return _failure_text(detail)
    if kind == AuditKind.LOCK:
        return QCoreApplication.translate("AuditTrail", "{user} locked the desk").format(user=line.username)
    if kind == AuditKind.SWITCH_USER and "from" in detail:
        return QCoreApplication.translate("AuditTrail", "{before} handed the desk to {after}").format(
            before=detail["from"], after=line.username)
    if kind == AuditKind.OVERRIDE and "rights" in detail:
        actions = ", ".join(format_param(Phrase(RIGHT_ACTIONS[Right(right)]))
                            for right in detail["rights"] if right in Right.__members__.values())
        return QCoreApplication.translate("AuditTrail", "{manager} allowed {user} to {actions}").format(
            manager=line.authorised_by, user=line.username, actions=actions)
    if kind in (AuditKind.PAYMENT, AuditKind.REFUND, AuditKind.VOID) and "amount" in detail:
        return _money_text(line, method_names or {})
    if kind == AuditKind.SETTLED_BY_HAND and "card_operation" in detail:
        return _card_settled_text(line)
    if kind == AuditKind.CARD_LEFT_AT_OPERATOR and "operator" in detail:
        return QCoreApplication.translate(
            "AuditTrail", "Card of {holder} not saved ({key}): its answer was lost and {operator} may have kept the "
            "card; look it up in {operator}'s Card Manager and delete it there").format(
            holder=detail.get("holder", ""), key=detail.get("key", ""), operator=detail["operator"])
    if kind == AuditKind.SETTLED_BY_HAND and "key" in detail:
        if detail.get("issued"):
            return QCoreApplication.translate(
                "AuditTrail", "Register document {key} settled by hand as issued, number {number}: {reason}").format(
                key=detail["key"], number=detail.get("number"), reason=detail.get("reason", ""))
        return QCoreApplication.translate(
            "AuditTrail", "Register document {key} settled by hand as not issued: {reason}").format(
            key=detail["key"], reason=detail.get("reason", ""))
    if kind == AuditKind.NIGHT_AUDIT and "business_date" in detail:
        text = QCoreApplication.translate("AuditTrail", "Night audit of {date}").format(
            date=format_date(date.fromisoformat(detail["business_date"])))
        return f"{text}: {detail['reason']}" if detail.get("reason") else text
    if kind == AuditKind.MAIL and "recipient" in detail:
        return _mail_text(detail)
    if kind in (AuditKind.SETTING, AuditKind.DEVICE) and detail.get("changes"):
        return changes_text(detail)
    return line.summary


def _card_settled_text(line: TrailLine) -> str:
    detail = line.detail
    operation = operation_name(str(detail["card_operation"]))
    reason = detail.get("reason", "")
    if not detail.get("happened"):
        return QCoreApplication.translate(
            "AuditTrail", "{operation} {key} settled by hand as not done, authorised by {manager}: {reason}").format(
            operation=operation, key=detail["key"], manager=line.authorised_by, reason=reason)
    evidence = ""
    if detail.get("receipt_no") is not None:
        evidence = QCoreApplication.translate("AuditTrail", "terminal receipt {number}").format(
            number=detail["receipt_no"])
    elif detail.get("reference"):
        evidence = QCoreApplication.translate("AuditTrail", "operator's reference {reference}").format(
            reference=detail["reference"])
    amount = _money(detail["amount"]) if detail.get("amount") else ""
    shown = ", ".join(part for part in (amount, evidence) if part)
    if shown:
        return QCoreApplication.translate(
            "AuditTrail", "{operation} {key} settled by hand as done ({shown}), authorised by {manager}: {reason}"
        ).format(operation=operation, key=detail["key"], shown=shown, manager=line.authorised_by, reason=reason)
    return QCoreApplication.translate(
        "AuditTrail", "{operation} {key} settled by hand as done, authorised by {manager}: {reason}").format(
        operation=operation, key=detail["key"], manager=line.authorised_by, reason=reason)


def touched_text(line: TrailLine) -> str:
    """What the entry touched, in the reader's language where the desk has words for it."""
    detail = line.detail
    if "payment" in detail:
        touched = QCoreApplication.translate("AuditTrail", "payment {number}").format(number=detail["payment"])
    elif "posting" in detail:
        touched = QCoreApplication.translate("AuditTrail", "charge {number}").format(number=detail["posting"])
    elif "pos_key" in detail:
        touched = QCoreApplication.translate("AuditTrail", "POS key {name}").format(name=detail["pos_key"])
    elif "business_date" in detail:
        touched = QCoreApplication.translate("AuditTrail", "business day {date}").format(
            date=format_date(date.fromisoformat(detail["business_date"])))
    elif line.kind in (AuditKind.SIGN_IN, AuditKind.SIGN_IN_FAILED, AuditKind.LOCK, AuditKind.SWITCH_USER):
        touched = QCoreApplication.translate("AuditTrail", "user {name}").format(
            name=line.subject.removeprefix("user "))
    elif "register" in detail:
        touched = QCoreApplication.translate("AuditTrail", "register {code}").format(code=detail["register"])
    elif line.kind == AuditKind.OVERRIDE:
        touched = ""  # the rights it allowed are what the entry says
    else:
        touched = line.subject
    if line.reservation_number:
        return QCoreApplication.translate("AuditTrail", "{subject}, reservation {number}").format(
            subject=touched, number=line.reservation_number)
    return touched


class AuditTrailDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTrailDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 640)
        self.ctx = ctx
        self.page: TrailPage | None = None
        layout = QVBoxLayout(self)

        layout.addLayout(self._filters())

        self.model = RowsModel([Column(self.tr("When")), Column(self.tr("Kind")), Column(self.tr("User")),
                                Column(self.tr("Workstation")), Column(self.tr("Authorised by")),
                                Column(self.tr("Touched")), Column(self.tr("What"))], self)
        self.view = rows_view(self.model, "trailView", stretch_column=6)
        self.view.setMinimumHeight(300)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        layout.addWidget(self.view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)
        self.details = QPlainTextEdit()
        self.details.setObjectName("entryDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(120)
        layout.addWidget(self.details)
        self.error_label = FieldError("trailError")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("&Open reservation card"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._selection_changed()

    def _filters(self) -> QGridLayout:
        filters = QGridLayout()
        self.dates = DateRange(date.today(), date.today(), optional=True, first_on=True, last_on=False)
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("userCombo")
        self.workstation_combo = QComboBox()
        self.workstation_combo.setObjectName("workstationCombo")
        for combo in (self.user_combo, self.workstation_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        fill_combo(self.kind_combo, [(self.tr("every kind"), "")] + [(kind_name(k.value), k.value) for k in AuditKind])
        self.folio_edit = QLineEdit()
        self.folio_edit.setObjectName("folioEdit")
        self.folio_edit.setPlaceholderText(self.tr("folio number"))
        self.folio_edit.setMaxLength(9)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("showButton")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reload)
        filters.addWidget(self.dates, 0, 0, 1, 4)
        filters.addWidget(QLabel(self.tr("Kind:")), 0, 4)
        filters.addWidget(self.kind_combo, 0, 5)
        filters.addWidget(QLabel(self.tr("User:")), 1, 0)
        filters.addWidget(self.user_combo, 1, 1)
        filters.addWidget(QLabel(self.tr("Workstation:")), 1, 2)
        filters.addWidget(self.workstation_combo, 1, 3)
        filters.addWidget(QLabel(self.tr("Folio:")), 1, 4)
        filters.addWidget(self.folio_edit, 1, 5)
        filters.addWidget(self.show_button, 1, 6)
        filters.setColumnStretch(5, 1)
        return filters

    def open(self) -> None:
        super().open()
        self.reload()

    def current_filter(self) -> TrailFilter | None:
        """What the filters say, or None (and the error shown) when the folio is not a number."""
        since, until = day_bounds(self.dates.first(), self.dates.last())
        folio_text = self.folio_edit.text().strip().lstrip("0") or ("0" if self.folio_edit.text().strip() else "")
        if folio_text and not folio_text.isdigit():
            self._show_error(self.tr("A folio is given by its number, such as 000042."))
            return None
        return TrailFilter(since=since, until=until, username=self.user_combo.currentData() or "",
                           workstation=self.workstation_combo.currentData() or "", kind=self.kind_combo.currentData(),
                           folio_id=int(folio_text) if folio_text else None)

    def reload(self) -> None:
        wanted = self.current_filter()
        if wanted is None:
            return
        self.error_label.hide()
        actor, language = self.ctx.actor, current_language()
        self.ctx.query(self, lambda session: read_trail(session, actor, wanted, language=language)).busy(
            self.show_button).success(self._loaded).failure(lambda exc: self._show_error(error_text(exc))).run()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _names(self, combo: QComboBox, names: list[str], every: str) -> None:
        chosen = combo.currentData() or ""
        combo.blockSignals(True)
        fill_combo(combo, [(every, ""), *[(name, name) for name in names]], chosen)
        combo.blockSignals(False)

    def _loaded(self, page: TrailPage) -> None:
        self.page = page
        self._names(self.user_combo, page.users, self.tr("everyone"))
        self._names(self.workstation_combo, page.workstations, self.tr("every workstation"))
        self.model.set_rows([self._row(line) for line in page.lines],
                            struck=[n for n, line in enumerate(page.lines) if line.kind == AuditKind.SIGN_IN_FAILED])
        if page.more:
            self.count_label.setText(self.tr("The newest {count} entries; narrow the filters to see older ones.")
                                     .format(count=MOST_SHOWN))
        else:
            self.count_label.setText(self.tr("Entries: {count}").format(count=len(page.lines)))
        self._selection_changed()

    def _row(self, line: TrailLine) -> tuple[str, ...]:
        return (format_datetime(line.at), kind_name(line.kind), line.username, line.workstation,
                line.authorised_by or "", touched_text(line),
                what_text(line, self.page.method_names if self.page is not None else None))

    def selected(self) -> TrailLine | None:
        rows = self.view.selectionModel().selectedRows()
        lines = self.page.lines if self.page is not None else []
        return lines[rows[0].row()] if rows and rows[0].row() < len(lines) else None

    def _selection_changed(self) -> None:
        line = self.selected()
        self.open_button.setEnabled(line is not None and line.folio_id is not None)
        self.details.setPlainText("" if line is None else self._details(line))

    def _details(self, line: TrailLine) -> str:
        method_names = self.page.method_names if self.page is not None else None
        parts: list[Any] = [f"#{line.seq}  {format_datetime(line.at)}  {kind_name(line.kind)}",
                            what_text(line, method_names)]
        if line.authorised_by:
            parts.append(self.tr("Authorised by {user}").format(user=line.authorised_by))
        return "\n".join(str(part) for part in parts)

    def open_selected(self) -> None:
        line = self.selected()
        if line is None or line.folio_id is None:
            return
        from ui.reservation_card.window import open_reservation_card

        open_reservation_card(self.ctx, line.folio_id, parent=self.parentWidget())


__all__ = ["AuditTrailDialog"]
