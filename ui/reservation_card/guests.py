"""The card's Guests menu: one "Guest · name…" entry per guest of the reservation, each opening the
Guest… window (ui.stays.guest_details) and reloading the card after a change, whose header shows the
names."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from desk.people.rights import Right
from desk.stays.models import Guest
from ui.context import DeskContext
from ui.stays.guest_details import open_guest_dialog


def new_guests_menu(parent: QWidget) -> QMenu:
    menu = QMenu(QCoreApplication.translate("ReservationCard", "&Guests"), parent)
    menu.setObjectName("guestsMenu")
    return menu


def fill_guests_menu(menu: QMenu, ctx: DeskContext, guests: Sequence[Guest], card: QWidget,
                     reload: Callable[[], object]) -> None:
    """The reservation's guests now (none: the menu is disabled, as for a company's folio)."""
    menu.clear()
    may_edit = ctx.actor.may(Right.CREATE_GUEST)
    for guest in guests:
        action = menu.addAction(QCoreApplication.translate("ReservationCard", "Guest · {name}…").format(
            name=guest.full_name))
        action.setObjectName(f"guestAction{guest.id}")
        action.setEnabled(may_edit)
        action.triggered.connect(
            lambda _checked=False, guest_id=guest.id: open_guest_dialog(ctx, guest_id, card, lambda _d: reload()))
    menu.setEnabled(bool(guests))
