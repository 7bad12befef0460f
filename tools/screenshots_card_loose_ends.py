"""Render what the clerk reads when a card operator cannot tell how an operation ended, to docs/screenshots/
(en, ru): Pending card operations on an Adyen capture whose webhook does not come (what to check in the
Customer Area), and the New card window after a Converge card save whose answer was lost.

    python -m tools.screenshots_card_loose_ends
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from desk.cards.card_page import NewCardOwner
from desk.cards.operations import holds_of_folio
from desk.cards.operator_workflow import capture_online_hold, pre_authorise_saved_card, save_card
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.operators.fakes.converge import DEFAULT_MERCHANT, FakeConverge
from desk.cards.saved_cards import saved_cards
from desk.core.money import Money
from desk.db.runner import Runner
from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import (
    ADYEN_KEY,
    ADYEN_MERCHANT,
    application,
    busiest_in_house_folio,
    demo_hotel,
    save,
    settle,
    translated,
    wait_until,
)
from ui.cards.new_card import NewCardDialog
from ui.cards.operations import PendingCardOperationsDialog

WORKSTATION = "FRONT-1"
PIN = "K8ZQ2M4XW7T1P0RS5VNY3BHD6GJC9LFA"


def main() -> int:
    app = application()
    adyen = FakeAdyen(ADYEN_KEY, ADYEN_MERCHANT)
    adyen.hold_webhooks = True  # the webhook that does not come
    converge = FakeConverge(user="deskapi", pin=PIN)
    try:
        with demo_hotel() as hotel:
            database = hotel.database
            manager, cashier = hotel.manager_and_cashier(WORKSTATION)
            on_adyen = hotel.adyen_operator(manager, adyen.serve())
            on_converge = hotel.card_operator(manager, "Converge Hotel Adler", "converge", PIN,
                                              account=f"{DEFAULT_MERCHANT}/deskapi", api_base=converge.serve())
            runner = Runner(database)
            folio_id = busiest_in_house_folio(database)
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id)
            reservation_id = card.folio.folio.reservation_id
            holder = "Anna-Katharina Petrova-Wittgenstein"
            assert save_card(runner, cashier, on_adyen.id, "adyenjs_test$visa", holder,
                             reservation_id=reservation_id).settled
            [saved] = runner.read(lambda s: saved_cards(s, reservation_id=reservation_id))
            currency = card.folio.bills[0].balance.currency
            pre_authorise_saved_card(runner, cashier, on_adyen.id, saved.id, folio_id, Money.of("350.00", currency))
            adyen.send_webhooks()
            [hold] = runner.read(lambda s: holds_of_folio(s, folio_id))
            assert capture_online_hold(runner, cashier, on_adyen.id, hold.id, Money.of("120.00", currency),
                                       bill_id=card.folio.bills[0].bill.id).awaiting_confirmation
            converge.lose_next_answer(only="ccgettoken")
            lost = save_card(runner, cashier, on_converge.id, "enc_visa", holder, reservation_id=reservation_id)
            assert lost.card_may_be_left_at_operator
            ctx = hotel.context(cashier)
            for language in ("en", "ru"):
                with translated(app, language):
                    pending = PendingCardOperationsDialog(ctx)
                    pending.resize(900, 420)
                    pending.show()
                    wait_until(lambda p=pending: p.table.rowCount() == 1)
                    pending.table.selectRow(0)
                    settle()
                    save(pending, "card_pending_adyen_advice", language)
                    pending.close()
                    window = NewCardDialog(ctx, holder, NewCardOwner(reservation_id=reservation_id))
                    window.operator_name = on_converge.name
                    window.setWindowTitle(f"{window.windowTitle()} · {on_converge.name}")
                    window.show()
                    window._ended(lost)
                    settle()
                    save(window, "card_new_card_left_at_converge", language)
                    window.close()
    finally:
        adyen.close()
        converge.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
