"""What each role may do: one right per write use case, and the one table that grants them."""

from __future__ import annotations

import enum
from typing import Protocol

from desk.core.errors import N_, NotAuthorised, Phrase
from desk.people.models import Role


class Right(enum.StrEnum):
    # Services on bills
    POST_CHARGE = "post_charge"  # any charge: a POS order, a company transfer's charge, the night audit's
    POST_SERVICE = "post_service"  # a catalogue service from the desk (minibar, laundry, parking)
    POST_NIGHT = "post_night"
    REVERSE_POSTING = "reverse_posting"  # cancel a charge (a POS cancellation, R6)
    VOID_POSTING = "void_posting"  # undo a mistaken charge, struck out (R19)
    # Bills
    OPEN_BILL = "open_bill"
    OPEN_ACCOUNT = "open_account"  # a company's or event's account, a walk-in client's folio
    MOVE_POSTINGS = "move_postings"
    SPLIT_BILL = "split_bill"
    # Money
    TAKE_PAYMENT = "take_payment"
    TAKE_DEPOSIT = "take_deposit"
    APPLY_DEPOSIT = "apply_deposit"
    OVERPAY = "overpay"  # take more than a bill owes
    CHANGE_PAYMENT_DATE = "change_payment_date"  # a payment dated other than today
    REFUND = "refund"
    RELEASE_PREAUTH = "release_preauth"  # free a card hold without charging it (R15)
    VOID_PAYMENT = "void_payment"
    TRANSFER_TO_COMPANY = "transfer_to_company"
    REVERSE_TRANSFER = "reverse_transfer"  # undo a transfer to a company: both its halves at once
    REQUEST_RECEIPT = "request_receipt"
    EMAIL_DOCUMENTS = "email_documents"  # a folio or bill sent to the payer through the outbox
    # Stays
    CREATE_GUEST = "create_guest"  # a guest's record: name, e-mail, phone
    CREATE_RESERVATION = "create_reservation"
    CANCEL_RESERVATION = "cancel_reservation"
    AMEND_RESERVATION = "amend_reservation"  # its dates and room
    SET_CREDIT_LIMIT = "set_credit_limit"  # how much a guest may owe before the desk says so
    CHANGE_RATE = "change_rate"  # a rate per night other than the room type's
    MARK_NO_SHOW = "mark_no_show"
    MOVE_ROOM = "move_room"
    MARK_HOUSEKEEPING = "mark_housekeeping"  # a room clean or dirty
    MANAGE_ROOMS = "manage_rooms"  # room types and rooms
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    CHECKOUT_OVERRIDE = "checkout_override"  # let a guest leave with a balance open
    RUN_NIGHT_AUDIT = "run_night_audit"  # close the business day: its nights, no-shows, the next date
    SET_CITY_TAX = "set_city_tax"  # the city tax per guest and night
    # The desk itself
    OPEN_CASH_DRAWER = "open_cash_drawer"  # outside a cash payment
    RUN_CASH_SHIFT = "run_cash_shift"  # open, cash in/out, X and Z reports, close
    READ_REPORTS = "read_reports"  # a cashier's own shifts
    READ_HOTEL_REPORTS = "read_hotel_reports"  # every shift, the hotel's revenue, balances and voids
    READ_AUDIT_TRAIL = "read_audit_trail"  # who did what: a manager's, since it shows every colleague's work
    MANAGE_DEVICES = "manage_devices"
    MANAGE_POS_KEYS = "manage_pos_keys"
    MANAGE_USERS = "manage_users"  # add, deactivate, reset, change a role (desk.people.admin)
    SET_UP_HOTEL = "set_up_hotel"  # the first start's set-up, on an empty database only
    MANAGE_CATALOGUE = "manage_catalogue"  # services, outlets, payment methods, currencies and rates
    OPERATE_DEVICES = "operate_devices"  # journal a device operation: print, take a card, reconcile
    SETTLE_CARD_BY_HAND = "settle_card_by_hand"  # end a pending card operation from the terminal's evidence
    SETTLE_RECEIPT_BY_HAND = "settle_receipt_by_hand"  # end a pending register document from the register's report
    BACK_UP = "back_up"  # copy the whole database to a file (every guest's data and every secret's hash)
    RESTORE = "restore"  # replace the whole database with a backup
    RESTORE_OLDER_THAN_ANCHORS = "restore_older_than_anchors"  # one that loses anchored trail entries or receipts
    IMPORT_DATA = "import_data"  # rooms, services, companies, guests from another system's CSV files
    # Invoices (desk.invoices): issued by whoever answers for the money at the desk; a credit note
    # takes revenue back, so it is a manager's, as a void is.
    ISSUE_INVOICE = "issue_invoice"
    ISSUE_CREDIT_NOTE = "issue_credit_note"


_CLERK = frozenset({
    Right.OPERATE_DEVICES,
    Right.POST_CHARGE, Right.POST_SERVICE, Right.POST_NIGHT,
    Right.OPEN_BILL, Right.OPEN_ACCOUNT, Right.MOVE_POSTINGS, Right.SPLIT_BILL,
    Right.TAKE_PAYMENT, Right.TAKE_DEPOSIT, Right.APPLY_DEPOSIT,
    Right.TRANSFER_TO_COMPANY, Right.REQUEST_RECEIPT, Right.EMAIL_DOCUMENTS,
    Right.CREATE_GUEST, Right.CREATE_RESERVATION, Right.CANCEL_RESERVATION, Right.CHECK_IN, Right.CHECK_OUT,
    Right.AMEND_RESERVATION, Right.MARK_NO_SHOW, Right.MOVE_ROOM, Right.MARK_HOUSEKEEPING,
})
_CASHIER = _CLERK | {
    Right.REFUND, Right.RELEASE_PREAUTH, Right.OVERPAY, Right.OPEN_CASH_DRAWER, Right.RUN_CASH_SHIFT,
    Right.READ_REPORTS, Right.ISSUE_INVOICE,
}

ROLE_RIGHTS: dict[Role, frozenset[Right]] = {
    Role.CLERK: _CLERK,
    Role.CASHIER: frozenset(_CASHIER),
    Role.MANAGER: frozenset(Right),
    # A POS check may open the guest's bill for it, or be paid from the deposit (R2).
    Role.POS: frozenset({Right.POST_CHARGE, Right.REVERSE_POSTING, Right.OPEN_BILL, Right.APPLY_DEPOSIT}),
}
"""Who may do what, as a hotel runs its desk.

- A **clerk** serves the guest at the desk: posts services, opens and splits bills, moves services
  between them, takes payments and deposits, applies deposits, transfers a bill to a company,
  asks for receipts, adds guests and their reservations, changes a reservation's dates and room,
  cancels one, marks a no-show, checks guests in and out (settled), moves a guest to another room,
  marks rooms clean, runs the night's room charges. A rate per night other than the room type's
  is a manager's. A clerk gives no money back and undoes nothing: refunds, voids,
  reversals, overpayments, back-dated payments and check-outs with a balance open need a
  manager's credentials in the dialog.
- A **cashier** also answers for the cash: refunds (money leaves the drawer they count at the end
  of the shift), takes more than a bill owes (the change or the overpayment is then in their
  drawer), opens the drawer, runs the cash shift and reads its X and Z reports, and issues invoices
  (a credit note, which takes revenue back, is a manager's). Voids, reversals
  (a company transfer's too), back-dating and overrides still need a manager: they change what
  was already recorded.
- A **manager** may do everything, and is the one whose credentials authorise the others.
- **pos** is the restaurant POS service's account: it posts POS orders to a room and cancels them
  (R6), nothing else; it never takes money at the desk.
"""


class HasRole(Protocol):
    @property
    def role(self) -> Role: ...


ROLE_NAMES: dict[Role, str] = {
    Role.CLERK: N_("clerk"),
    Role.CASHIER: N_("cashier"),
    Role.MANAGER: N_("manager"),
    Role.POS: N_("POS service"),
}

# What each right lets one do, as the end of "A clerk may not ...".
RIGHT_ACTIONS: dict[Right, str] = {
    Right.POST_CHARGE: N_("post a charge"),
    Right.POST_SERVICE: N_("post a service"),
    Right.POST_NIGHT: N_("post the night's room charge"),
    Right.REVERSE_POSTING: N_("reverse a charge"),
    Right.VOID_POSTING: N_("void a charge"),
    Right.OPEN_BILL: N_("open a bill"),
    Right.OPEN_ACCOUNT: N_("open an account"),
    Right.MOVE_POSTINGS: N_("move services between bills"),
    Right.SPLIT_BILL: N_("split a bill"),
    Right.TAKE_PAYMENT: N_("take a payment"),
    Right.TAKE_DEPOSIT: N_("take a deposit"),
    Right.APPLY_DEPOSIT: N_("pay a bill from the deposit"),
    Right.OVERPAY: N_("take more than the bill owes"),
    Right.CHANGE_PAYMENT_DATE: N_("date a payment other than today"),
    Right.REFUND: N_("refund a payment"),
    Right.RELEASE_PREAUTH: N_("release a pre-authorisation"),
    Right.VOID_PAYMENT: N_("void a payment"),
    Right.TRANSFER_TO_COMPANY: N_("transfer a bill to a company"),
    Right.REVERSE_TRANSFER: N_("reverse a transfer to a company"),
    Right.REQUEST_RECEIPT: N_("ask for a receipt"),
    Right.SET_CREDIT_LIMIT: N_("set a guest's credit limit"),
    Right.EMAIL_DOCUMENTS: N_("e-mail a document to the payer"),
    Right.CREATE_GUEST: N_("add a guest"),
    Right.CREATE_RESERVATION: N_("create a reservation"),
    Right.CANCEL_RESERVATION: N_("cancel a reservation"),
    Right.AMEND_RESERVATION: N_("change a reservation"),
    Right.CHANGE_RATE: N_("change the rate per night"),
    Right.MARK_NO_SHOW: N_("mark a no-show"),
    Right.MOVE_ROOM: N_("move a guest to another room"),
    Right.MARK_HOUSEKEEPING: N_("mark a room clean or dirty"),
    Right.MANAGE_ROOMS: N_("manage rooms and room types"),
    Right.CHECK_IN: N_("check a guest in"),
    Right.CHECK_OUT: N_("check a guest out"),
    Right.CHECKOUT_OVERRIDE: N_("check out with a balance open"),
    Right.RUN_NIGHT_AUDIT: N_("run the night audit"),
    Right.SET_CITY_TAX: N_("set the city tax"),
    Right.OPEN_CASH_DRAWER: N_("open the cash drawer"),
    Right.RUN_CASH_SHIFT: N_("run the cash shift"),
    Right.READ_REPORTS: N_("read reports"),
    Right.READ_HOTEL_REPORTS: N_("read the hotel's reports"),
    Right.READ_AUDIT_TRAIL: N_("read the audit trail"),
    Right.MANAGE_DEVICES: N_("set up devices"),
    Right.MANAGE_POS_KEYS: N_("manage POS keys and settings"),
    Right.MANAGE_USERS: N_("manage users"),
    Right.SET_UP_HOTEL: N_("set up the hotel"),
    Right.MANAGE_CATALOGUE: N_("change the hotel's catalogue and exchange rates"),
    Right.OPERATE_DEVICES: N_("operate the desk's devices"),
    Right.SETTLE_CARD_BY_HAND: N_("settle a card operation by hand"),
    Right.SETTLE_RECEIPT_BY_HAND: N_("settle a register's document by hand"),
    Right.BACK_UP: N_("back up the database"),
    Right.RESTORE: N_("restore the database from a backup"),
    Right.RESTORE_OLDER_THAN_ANCHORS: N_("restore a backup older than the last anchored entries"),
    Right.IMPORT_DATA: N_("import data from a file"),
    Right.ISSUE_INVOICE: N_("issue an invoice"),
    Right.ISSUE_CREDIT_NOTE: N_("issue a credit note"),
}


class MissingRight(NotAuthorised):
    """The signed-in user's role lacks the right; the message names it."""

    def __init__(self, right: Right, role: Role) -> None:
        super().__init__("A {role} may not {action}: a manager must authorise it",
                         role=Phrase(ROLE_NAMES[role]), action=Phrase(RIGHT_ACTIONS[right]))
        self.right = right
        self.role = role


# What only a manager may do; any role granted one of these is a manager's in all but name.
MANAGER_ONLY_RIGHTS = ROLE_RIGHTS[Role.MANAGER] - _CASHIER - ROLE_RIGHTS[Role.POS]


def holds_manager_rights(role: Role) -> bool:
    """A role that may authorise what others may not: its users sign in with a password only."""
    return bool(ROLE_RIGHTS.get(role, frozenset()) & MANAGER_ONLY_RIGHTS)


def may(role: Role, right: Right) -> bool:
    return right in ROLE_RIGHTS.get(role, frozenset())


def require(actor: HasRole, right: Right) -> None:
    """Refuse unless the actor's role has the right."""
    if not may(actor.role, right):
        raise MissingRight(right, actor.role)
