"""A desk process charging a saved card online that SIGKILLs itself at a chosen step (for the kill tests).

    python -m tests.desk.online_kill_child URL OPERATOR_ID CARD_ID BILL_ID KILL_AT

KILL_AT: before_sent (the intent committed, Stripe never asked), operator_done (Stripe charged the
card, its answer not yet journalled), after_approval (the approval journalled, the ledger not yet).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any

from desk.cards.operator_workflow import charge_saved_card
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType
from desk.people.models import Role
from tests.actors import signed_in, use_the_suites_hash_cost


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class DyingRunner(Runner):
    def __init__(self, database: Database, kill_at: str) -> None:
        super().__init__(database)
        self.kill_at = kill_at

    def _check(self, use_case: Any, args: tuple[Any, ...]) -> None:
        if self.kill_at == "before_sent" and use_case is journal.mark_sent:
            die()
        answer = use_case is journal.record_event and len(args) > 1 and args[1] is not EventType.PROGRESS
        if self.kill_at == "operator_done" and answer:
            die()
        if self.kill_at == "after_approval" and use_case is journal.settle:
            die()

    def run(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        self._check(use_case, args)
        return super().run(use_case, actor, *args, **kwargs)

    def finish(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        self._check(use_case, args)
        return super().finish(use_case, actor, *args, **kwargs)


def main() -> None:
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    use_the_suites_hash_cost()
    url, operator_id, card_id, bill_id, kill_at = sys.argv[1:6]
    database = Database(url)
    actor = signed_in(database, Role.CASHIER, "TEST-1")
    charge_saved_card(DyingRunner(database, kill_at), actor, int(operator_id), int(card_id), int(bill_id),
                      Money.of("30.00", "EUR"))
    print("finished", flush=True)


if __name__ == "__main__":
    main()
