"""Signed-in actors for tests: the demo staff, one per role, signed in through desk.people.auth."""

from __future__ import annotations

from desk.db.engine import Database
from desk.demo.seed import DEMO_USERS
from desk.people.auth import Actor, ManagerApproval, desk_signed_out, sign_in, use_hash_cost
from desk.people.models import Role


def use_the_suites_hash_cost() -> None:
    """Argon2 at its real cost takes a fifth of a second a hash on this machine; tests sign in hundreds of
    times. The cost is a parameter, not the logic under test (bench/bench_sign_in.py measures it).

    Called by tests/conftest.py and by each desk process a test starts that signs in (its kill children):
    at the real cost each re-hashed the suite's cheap hash, a fifth of a second a process. Not on import:
    the benches sign in through this module too, and measure at the program's real cost.
    """
    use_hash_cost(time_cost=1, memory_kib=256)

MANAGER_APPROVAL = ManagerApproval("maria", "manager")


def demo_credentials(role: Role) -> tuple[str, str]:
    """(user name, password) of the demo user with this role."""
    return next((username, password) for username, _name, r, password, _pin in DEMO_USERS if r is role)


def demo_pin(role: Role) -> str:
    return next(pin for _username, _name, r, _password, pin in DEMO_USERS if r is role)


def signed_in(database: Database, role: Role, workstation: str = "TEST-1") -> Actor:
    username, password = demo_credentials(role)
    # A sign-in writes (a failure count cleared, a hash renewed): in a writing unit, as ui/sign_in.py does.
    with database.writing() as session:
        actor = sign_in(session, username, password, workstation)
        # A test's actor is no desk kept open (nothing beats for it): left among the signed-in desks, it
        # would hold off every restore for minutes. A test wanting the desk there records it itself.
        desk_signed_out(session, workstation=workstation)
        return actor
