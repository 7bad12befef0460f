"""A desk process saving a card on the fake Adyen's terminal that SIGKILLs itself while the payment
waits there for the guest (for the kill test).

    python -m tests.desk.adyen_terminal_kill_child URL OPERATOR_ID RESERVATION_ID
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time

from desk.cards.card_page import NewCardOwner
from desk.cards.reader_save import save_card_on_reader
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.people.models import Role
from tests.actors import signed_in, use_the_suites_hash_cost


def die(_seconds: float) -> None:
    time.sleep(0.5)  # the payment reaches the terminal, whose answer now waits for the guest
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    use_the_suites_hash_cost()
    url, operator_id, reservation_id = sys.argv[1:4]
    database = Database(url)
    actor = signed_in(database, Role.CASHIER, "TEST-1")
    save_card_on_reader(Runner(database), actor, int(operator_id), "Anna Gast",
                        NewCardOwner(reservation_id=int(reservation_id)), pause=die)


if __name__ == "__main__":
    main()
