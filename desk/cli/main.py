"""The ``desk`` command: run the workstation, manage its database, seed the demo hotel."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from collections.abc import Sequence

from desk.db.location import ENV_URL, resolve_url

# For a script that sets the mail server; DESK_SMTP_PASSWORD is a workstation's own override.
NEW_SMTP_PASSWORD_ENV = "DESK_SMTP_NEW_PASSWORD"


_FEATURE_COMMANDS = ("admin", "pos", "terminals", "night_audit", "cards", "backup", "city_tax", "imports",
                     "report", "audit", "invoice", "companies")


def _parser(*, features: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk", description=__doc__)
    parser.add_argument("--database", metavar="URL",
                        help=f"SQLAlchemy URL (default: ${ENV_URL}, else a SQLite file in the user's data folder)")
    parser.add_argument("-v", "--verbose", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="open the workstation window")
    run.add_argument("--demo", action="store_true", help="seed the demo hotel if the database is empty")
    run.add_argument("--user", default=None,
                     help="preselect this user name in the sign-in window (the password is still asked)")
    run.add_argument("--workstation", default=None, help="this desk's name (default: the host name)")
    run.add_argument("--language", choices=["en", "ru", "bg"], default=None)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the database to the latest schema")
    db_commands.add_parser("url", help="print the database in use")

    demo = commands.add_parser("demo", help="seed the demo hotel")
    demo.add_argument("--if-empty", action="store_true", help="do nothing when the hotel is set up")

    # Their modules load SQLAlchemy and tables: only when another command than ``run`` is parsed.
    if features:
        from desk.cli.devices import add_commands as add_device_commands

        add_device_commands(commands)
        from desk.cli.rooms import add_commands as add_room_commands

        add_room_commands(commands)
        from desk.cli.registers import add_commands as add_register_commands

        add_register_commands(commands)
    mail = commands.add_parser("mail", help="the SMTP server e-receipts are sent through")
    mail_commands = mail.add_subparsers(dest="mail_command", required=True)
    mail_commands.add_parser("show", help="print the mail settings (never a password)")
    mail_set = mail_commands.add_parser(
        "set", help="set the SMTP server (as a manager who signs in, or the database's owner)",
        epilog=("A new host, port, user or CA forgets the saved password: give it again with --ask-password "
                "(or in Settings -> E-mail). The desk user signing in comes from $DESK_USER and $DESK_PASSWORD "
                "when set, else is asked."))
    mail_set.add_argument("--host", required=True)
    mail_set.add_argument("--port", type=int, default=587)
    mail_set.add_argument("--security", default="starttls", help="none, starttls or tls")
    mail_set.add_argument("--user", default="", help="the SMTP login, if the server asks for one")
    mail_set.add_argument("--sender", required=True, help="the From address of e-receipts")
    mail_set.add_argument("--ca-file", help="a PEM file of the hotel's own CA, trusted besides the system's")
    mail_set.add_argument("--ask-password", action="store_true",
                          help="ask the SMTP password (or read $DESK_SMTP_NEW_PASSWORD) and save it sealed")

    fiscal = commands.add_parser("fiscal", help="the registers' fiscal journals")
    fiscal_commands = fiscal.add_subparsers(dest="fiscal_command", required=True)
    verify = fiscal_commands.add_parser("verify", help="check every register's chain of fiscal signs")
    verify.add_argument("--register", metavar="CODE", help="only this register")
    verify.add_argument("--anchor", metavar="FILE", action="append", default=[],
                        help="an anchor file the Z reports wrote (repeat for several): nothing up to its anchors "
                             "may be missing or changed")
    fiscal_commands.add_parser("keys", help="where the registers' signing keys and the anchor files are kept")
    country = fiscal_commands.add_parser("country", help="the hotel's country: its fiscal documents' language")
    country.add_argument("country", help="ISO 3166 two letters (BG, RU, ...); \"\" for none (English)")
    language = fiscal_commands.add_parser("language", help="a register's own language, whatever the country")
    language.add_argument("register", metavar="CODE")
    language.add_argument("language", choices=["en", "ru", "bg", "country"],
                          help="\"country\": the hotel's country's language")

    # Each feature's commands live in its own module, imported only when the parser is built.
    if features:
        for module in _FEATURE_COMMANDS:
            importlib.import_module(f"desk.cli.{module}").add_commands(commands)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line. ``desk run`` is parsed without the other commands: reading their modules
    imports their domain packages, a third of a second before the sign-in window (issue 23)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    global_options = argparse.ArgumentParser(add_help=False)
    global_options.add_argument("--database")
    global_options.add_argument("-v", "--verbose", action="store_true")
    _options, rest = global_options.parse_known_args(argv)
    return _parser(features=rest[:1] != ["run"]).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # Every command checks the schema first; how alembic did it is noise unless asked for.
        logging.getLogger("alembic").setLevel(logging.WARNING)
    if args.command == "run":
        # The GUI is a separate package: the domain never imports Qt, so it is found by name.
        gui = importlib.import_module("ui.app")
        return int(gui.main(args))
    # Not on the way to the sign-in window: SQLAlchemy and every table are half a second (issue 23).
    from desk.db.engine import Database, display_url, hide_password

    url = resolve_url(args.database)
    try:
        if args.command == "db":
            if args.db_command == "url":
                print(display_url(url))
                return 0
            Database(url).dispose()
            print(f"Database is up to date: {display_url(url)}")
            return 0
        if args.command == "demo":
            return seed_demo_command(url, if_empty=args.if_empty)
        if args.command == "devices":
            from desk.cli.devices import run as run_devices

            return run_devices(args, url)
        if args.command == "rooms":
            from desk.cli.rooms import run as run_rooms

            return run_rooms(args, url)
        if args.command == "registers":
            from desk.cli.registers import run as run_registers

            return run_registers(args, url)
        if args.command == "audit":
            from desk.cli.audit import run as run_audit

            return run_audit(args, url)
        if args.command == "fiscal":
            if args.fiscal_command == "keys":
                return fiscal_keys_command(url)
            if args.fiscal_command in ("country", "language"):
                return fiscal_language_command(url, args)
            return fiscal_verify_command(url, args.register, args.anchor)
        if args.command == "mail":
            return mail_command(url, args)
        if args.command == "cards":
            from desk.cli.cards import run as run_cards

            return run_cards(args, url)
        if args.command in ("init", "users", "rates", "services"):
            from desk.cli.admin import run as run_admin

            return run_admin(args, url)
        if args.command == "terminals":
            from desk.cli.terminals import run as run_terminals

            return run_terminals(args, url)
        if args.command == "night-audit":
            from desk.cli.night_audit import run as run_night_audit

            return run_night_audit(args, url)
        if args.command == "import":
            from desk.cli.imports import run as run_import

            return run_import(args, url)
        if args.command == "city-tax":
            from desk.cli.city_tax import run as run_city_tax

            return run_city_tax(args, url)
        if args.command in ("backup", "restore"):
            from desk.cli.backup import run as run_backup

            return run_backup(args, url)
        if args.command == "report":
            from desk.cli.report import run as run_report

            return run_report(args, url)
        if args.command == "invoice":
            from desk.cli.invoice import run as run_invoice

            return run_invoice(args, url)
        if args.command == "company":
            from desk.cli.companies import run as run_companies

            return run_companies(args, url)
        if args.command in ("serve", "pos"):
            from desk.cli.pos import run

            return run(args)
    except Exception as exc:  # a traceback would show the URL as typed, password and all
        details = "".join(traceback.format_exception(exc))
        logging.getLogger(__name__).debug("%s", hide_password(details, url))
        print(f"desk: {hide_password(str(exc), url)}", file=sys.stderr)
        return 1
    return 2


def mail_command(url: str | None, args: argparse.Namespace) -> int:
    """Set or show the SMTP server; set by a manager who signs in, or by the database's owner."""
    from desk.cli.operator import ask_secret, settings_operator
    from desk.core.errors import DeskError
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.mail.outbox import mail_setup, read_ca_file, set_mail_settings

    database = Database(url)
    try:
        if args.mail_command == "set":
            try:
                ca_pem = read_ca_file(args.ca_file) if args.ca_file else None
                admin = settings_operator(database)
                password = ask_secret("SMTP password: ", NEW_SMTP_PASSWORD_ENV) if args.ask_password else None
                Runner(database).run(set_mail_settings, admin, args.host, args.port, args.security,
                                     username=args.user, sender=args.sender, ca_pem=ca_pem, password=password)
            except DeskError as exc:
                print(f"desk: {exc.message}", file=sys.stderr)
                return 1
        setup = Runner(database).read(mail_setup)
    finally:
        database.dispose()
    config = setup.config
    if config is None:
        print("No mail server is set: desk mail set --host HOST --sender ADDRESS")
        return 0
    login = f", login {config.username}" if config.username else ""
    if setup.password_from_env:
        password = "password from $DESK_SMTP_PASSWORD"
    elif setup.password_saved:
        state = "" if setup.key_opens_password else ", which is missing or another one here"
        password = f"password saved encrypted, key file {setup.key_file}{state}"
    else:
        password = "no password saved"
    print(f"SMTP {config.host}:{config.port} ({config.security}{login}), from {config.sender}; {password}")
    return 0


def fiscal_verify_command(url: str | None, register: str | None, anchor_files: Sequence[str] = ()) -> int:
    """0 when every chain holds (and holds every anchor given); 1, naming the first broken link, when one
    does not; 2 when an anchor file cannot be read."""
    from desk.db.engine import Database
    from desk.fiscal.anchors import read_anchors
    from desk.fiscal.chain import registers_with_documents, verify

    try:
        anchors = [anchor for path in anchor_files for anchor in read_anchors(path)]
    except (OSError, ValueError) as exc:
        print(f"desk: the anchor file cannot be read: {exc}", file=sys.stderr)
        return 2
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            # A register whose every document was deleted is still named by its anchors.
            codes = [register] if register else sorted(
                set(registers_with_documents(session)) | {anchor.register for anchor in anchors})
            reports = [verify(session, code, anchors) for code in codes]
    finally:
        database.dispose()
    broken = 0
    for report in reports:
        if report.intact:
            held = sum(1 for anchor in anchors if anchor.register == report.register)
            print(f"{report.register}: {report.documents} documents, chain intact"
                  + (f", {held} anchors held" if held else ""))
        else:
            broken += 1
            print(f"{report.register}: BROKEN at document {report.broken_at:07d}: {report.reason}")
    if not reports:
        print("No fiscal documents yet.")
    return 1 if broken else 0


def fiscal_language_command(url: str | None, args: argparse.Namespace) -> int:
    """Set the hotel's country or a register's own language, as a manager signed in by password."""
    from desk.cli.operator import settings_operator
    from desk.core.errors import DeskError
    from desk.db.engine import Database
    from desk.db.runner import Runner
    from desk.fiscal.document_format import set_hotel_country, set_register_language

    database = Database(url)
    try:
        admin = settings_operator(database)
        if args.fiscal_command == "country":
            Runner(database).run(set_hotel_country, admin, args.country)
        else:
            language = "" if args.language == "country" else args.language
            Runner(database).run(set_register_language, admin, args.register, language)
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    return fiscal_keys_command(url)


def fiscal_keys_command(url: str | None) -> int:
    """Each register with its documents' language, its key file (present or not, with its fingerprint)
    and its anchor file."""
    from sqlalchemy import select

    from desk.core.errors import DeskError
    from desk.db.engine import Database
    from desk.fiscal.anchors import ANCHOR_DIR_ENV, anchor_file, anchor_folder
    from desk.fiscal.keys import KEY_DIR_ENV, existing_key, fingerprint, key_folder, key_path
    from desk.fiscal.models import CashRegister
    from desk.hotel.country import register_format

    database = Database(url)
    try:
        with database.unit_of_work() as session:
            codes = list(session.scalars(select(CashRegister.code).order_by(CashRegister.code)))
            languages = {code: register_format(session, code).language for code in codes}
    finally:
        database.dispose()
    print(f"Key folder: {key_folder()} (${KEY_DIR_ENV} moves it)")
    print(f"Anchor folder: {anchor_folder()} (${ANCHOR_DIR_ENV} moves it)")
    for code in codes:
        try:
            secret = existing_key(code)
            state = f"key {fingerprint(secret)}" if secret is not None else "no key file yet"
        except DeskError as exc:
            state = exc.message
        print(f"  {code}: documents in {languages[code]}; {key_path(code)}: {state}; anchors: {anchor_file(code)}")
    return 0


def seed_demo_command(url: str | None, *, if_empty: bool) -> int:
    from desk.db.engine import Database
    from desk.demo.seed import has_data, seed_demo

    database = Database(url)
    try:
        with database.writing() as session:
            if has_data(session):
                if if_empty:
                    return 0
                print("The database already holds a hotel; use an empty one for the demo.", file=sys.stderr)
                return 1
            seed_demo(session)
        print(f"Demo hotel seeded into {database.display_url}")
        return 0
    finally:
        database.dispose()
