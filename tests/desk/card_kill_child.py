"""A desk process running one card workflow that SIGKILLs itself at a chosen step (for the kill tests).

    python -m tests.desk.card_kill_child URL TERMINAL_ID FLOW TARGET_ID KILL_AT
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any

from desk.cards import terminal_workflow as card_terminal
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.people.models import Role
from tests.actors import signed_in, use_the_suites_hash_cost


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class DyingRunner(Runner):
    def __init__(self, database: Database, die_before: Any) -> None:
        super().__init__(database)
        self.die_before = die_before

    def run(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        if use_case is self.die_before:
            die()
        return super().run(use_case, actor, *args, **kwargs)

    def finish(self, use_case, actor, *args, **kwargs):  # type: ignore[override]
        # The device's answer and its settling go through finish(): the kill points after the call are there.
        if use_case is self.die_before:
            die()
        return super().finish(use_case, actor, *args, **kwargs)


def main() -> None:
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    use_the_suites_hash_cost()
    url, terminal_id, flow, target, kill_at = sys.argv[1:6]
    database = Database(url)
    actor = signed_in(database, Role.CASHIER, "TEST-1")
    die_before = {"before_sent": journal.mark_sent, "after_approval": journal.settle}.get(kill_at)
    runner = DyingRunner(database, die_before)

    def progress(key: str) -> None:
        print("progress", key, flush=True)
        if kill_at == "after_sent" or (kill_at == "terminal_approved" and key == "approved"):
            die()

    options = {"watch": card_terminal.Watch(progress=progress)}
    amount = Money.of("30.00", "EUR")
    if flow == "sale":
        done = card_terminal.card_sale(runner, actor, int(terminal_id), int(target), amount, allow_overpay=True,
                                       **options)
    elif flow == "refund":
        done = card_terminal.card_refund(runner, actor, int(terminal_id), int(target), amount, **options)
    elif flow == "preauth":
        done = card_terminal.card_pre_authorise(runner, actor, int(terminal_id), int(target), amount, **options)
    else:
        done = card_terminal.card_capture(runner, actor, int(terminal_id), int(target), amount, **options)
    print("finished", done.state.value, flush=True)


if __name__ == "__main__":
    main()
