"""Credit limit…: how much a guest may owe before the card's header and Open balances say so (a manager's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desk.core.money import Money
from desk.stays.credit import set_credit_limit
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
