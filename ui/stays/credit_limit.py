"""Credit limit…: how much a guest may owe before the card's header and Open balances say so (a manager's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from desk.core.money import Money
from desk.stays.credit import default_credit_limit_setting, set_credit_limit, set_default_credit_limit
from desk.stays.models import Reservation
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, amount_for_edit, hint_label, new_form, read_amount
from ui.ops.op import Op


class _LimitDialog(DeskDialog):
    """One amount in the hotel's currency, or none for no limit, and the hint that says what it limits."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None, title: str, limit: Money | None, currency: str,
                 hint: tuple[str, str]) -> None:
        # One context for both windows' shared words, read by lupdate as written here.
        super().__init__(ctx, parent, title=title,
                         apply_text=QCoreApplication.translate("CreditLimitDialog", "&Set limit"))
        self.currency = currency
        form = new_form()
        self.content.addLayout(form)
        self.limit_edit = QLineEdit(amount_for_edit(limit) if limit is not None else "")
        self.limit_edit.setObjectName("limitEdit")
        self.add_field(form, "limit", QCoreApplication.translate("CreditLimitDialog", "&Limit ({currency}):").format(
            currency=currency), self.limit_edit)
        self.content.addWidget(hint_label(*hint))

    def submit(self) -> Op[Any] | None:
        text = self.limit_edit.text().strip()
        limit: Money | None = None
        if text:
            limit = self.read("limit", read_amount, text, self.currency, allow_zero=True)
            if limit is None:
                return None
        return self.saved(limit).success(lambda _r: self.finish())

    def saved(self, limit: Money | None) -> Op[Any]:
        raise NotImplementedError


class CreditLimitDialog(_LimitDialog):
    def __init__(self, ctx: DeskContext, reservation: Reservation, currency: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, self.tr("Credit limit · {number}").format(number=reservation.number),
                         reservation.credit_limit, currency, (self.tr(
                             "The most the guest may owe, less the deposit held, before the card and Open balances "
                             "show it exceeded. Leave it empty for no limit."), "creditLimitHint"))
        self.setObjectName("creditLimitDialog")
        self.reservation_id = reservation.id

    def saved(self, limit: Money | None) -> Op[Any]:
        return self.change(set_credit_limit, self.reservation_id, limit)


class DefaultCreditLimitDialog(_LimitDialog):
    """The limit each reservation made from now on gets; those made before keep theirs (a manager's)."""

    def __init__(self, ctx: DeskContext, limit: Money | None, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, self.tr("Default credit limit"), limit, currency, (self.tr(
            "Each new reservation gets this credit limit; a manager may change it on the card. Reservations "
            "made before keep theirs. Leave it empty for no limit."), "defaultCreditLimitHint"))
        self.setObjectName("defaultCreditLimitDialog")

    def saved(self, limit: Money | None) -> Op[Any]:
        return self.change(set_default_credit_limit, limit)


def open_default_credit_limit(ctx: DeskContext, parent: QWidget | None,
                              shown: Callable[[DefaultCreditLimitDialog], object] | None = None) -> Op[Any]:
    """Read the limit off the GUI thread, then show the window with it."""

    def show(setting: tuple[Money | None, str]) -> None:
        dialog = DefaultCreditLimitDialog(ctx, setting[0], setting[1], parent)
        dialog.show()
        if shown is not None:
            shown(dialog)

    return ctx.query(parent, default_credit_limit_setting).success(show).run()
