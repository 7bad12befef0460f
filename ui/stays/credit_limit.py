"""Credit limit…: how much a guest may owe before the card's header and Open balances say so (a manager's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desk.core.money import Money
from desk.stays.credit import default_credit_limit_setting, set_credit_limit, set_default_credit_limit
from desk.stays.models import Reservation
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, amount_for_edit, hint_label, new_form, read_amount
from ui.ops.op import Op


class CreditLimitDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation: Reservation, currency: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Credit limit · {number}").format(number=reservation.number),
                         apply_text=self.tr("&Set limit"))
        self.setObjectName("creditLimitDialog")
        self.reservation_id = reservation.id
        self.currency = currency
        form = new_form()
        self.content.addLayout(form)
        limit = reservation.credit_limit
        self.limit_edit = QLineEdit(amount_for_edit(limit) if limit is not None else "")
        self.limit_edit.setObjectName("limitEdit")
        self.add_field(form, "limit", self.tr("&Limit ({currency}):").format(currency=currency), self.limit_edit)
        self.content.addWidget(hint_label(self.tr(
            "The most the guest may owe, less the deposit held, before the card and Open balances show it "
            "exceeded. Leave it empty for no limit."), "creditLimitHint"))

    def submit(self) -> Op[Any] | None:
        text = self.limit_edit.text().strip()
        limit: Money | None = None
        if text:
            limit = self.read("limit", read_amount, text, self.currency, allow_zero=True)
            if limit is None:
                return None
        return self.change(set_credit_limit, self.reservation_id, limit).success(lambda _r: self.finish())


class DefaultCreditLimitDialog(DeskDialog):
    """The limit each reservation made from now on gets; those made before keep theirs (a manager's)."""

    def __init__(self, ctx: DeskContext, limit: Money | None, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Default credit limit"), apply_text=self.tr("&Set limit"))
        self.setObjectName("defaultCreditLimitDialog")
        self.currency = currency
        form = new_form()
        self.content.addLayout(form)
        self.limit_edit = QLineEdit(amount_for_edit(limit) if limit is not None else "")
        self.limit_edit.setObjectName("limitEdit")
        self.add_field(form, "limit", self.tr("&Limit ({currency}):").format(currency=currency), self.limit_edit)
        self.content.addWidget(hint_label(self.tr(
            "Each new reservation gets this credit limit; a manager may change it on the card. Reservations "
            "made before keep theirs. Leave it empty for no limit."), "defaultCreditLimitHint"))

    def submit(self) -> Op[Any] | None:
        text = self.limit_edit.text().strip()
        limit: Money | None = None
        if text:
            limit = self.read("limit", read_amount, text, self.currency, allow_zero=True)
            if limit is None:
                return None
        return self.change(set_default_credit_limit, limit).success(lambda _r: self.finish())


def open_default_credit_limit(ctx: DeskContext, parent: QWidget | None,
                              shown: Callable[[DefaultCreditLimitDialog], object] | None = None) -> Op[Any]:
    """Read the limit off the GUI thread, then show the window with it."""

    def show(setting: tuple[Money | None, str]) -> None:
        dialog = DefaultCreditLimitDialog(ctx, setting[0], setting[1], parent)
        dialog.show()
        if shown is not None:
            shown(dialog)

    return ctx.query(parent, default_credit_limit_setting).success(show).run()
