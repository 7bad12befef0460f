"""What the desk asks of an online card operator, whoever it is: the operator half beside the
terminal's (hardware.terminal.interface).

Every call carries our own idempotency key, made and committed in the journal before the call; the
same key asks the same thing again without doing it twice. :meth:`CardOperator.find` asks what
became of an operation by that key, for a call whose answer was lost. No card number ever passes
through here: a card is a token the operator made (R11).
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class CardOnFile:
    """A saved card as the operator knows it: its token and, where the operator has one, its holder."""

    token: str
    customer: str = ""


@dataclass(frozen=True)
class SavedToken:
    """What saving a card gave: the token and what identifies the card to a person."""

    token: str
    customer: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    holder: str

    @property
    def masked_pan(self) -> str:
        return f"•••• {self.last4}"

    @property
    def expiry(self) -> str:
        return f"{self.exp_month:02d}/{self.exp_year:04d}"


@dataclass(frozen=True)
class Done:
    """An operation the operator did: its reference, and the money it moved or holds (minor units)."""

    reference: str
    # None only for a release the operator did without stating the hold's amount: it moves no money, and
    # the desk records the hold's own amount.
    amount_minor: int | None
    currency: str
    brand: str = ""
    last4: str = ""
    payment_reference: str = ""  # a refund's payment
    # A refund done as the payment's cancellation before settlement (a reversal, a void): nothing was
    # ever settled to give back.
    reversed: bool = False


class OperatorError(Exception):
    """The operator answered that it did not do it; ``code`` is its own (Stripe's ``code``)."""

    def __init__(self, message: str, code: str = "", decline_code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.decline_code = decline_code


class Declined(OperatorError):
    """The card's bank said no (card_declined and its decline_code)."""


class HoldExpired(OperatorError):
    """The hold is no longer there to capture: the bank released it (R16, charge_expired_for_capture)."""


class Refused(OperatorError):
    """The request was refused before anything moved: bad parameters, keys, a key reused for another body."""


class AnswerLost(Exception):
    """The request may have reached the operator and been done; only :meth:`CardOperator.find` can tell."""


class NotYetDone(AnswerLost):
    """The operator answered that it is neither done nor refused yet (processing, or waiting for the
    cardholder's authentication): pending, asked about again by our key, never taken as declined."""


class AwaitingConfirmation(NotYetDone):
    """The operator has the request and tells later, by webhook, whether it did it (Adyen's
    "received" for a capture, a cancel or a refund): pending until that webhook, never declined."""

    confirmed_later = True  # what the journal reads, which knows no operator's exceptions


class Operation(enum.StrEnum):
    SAVE = "save"
    CHARGE = "charge"
    PRE_AUTHORISE = "pre_authorise"
    CAPTURE = "capture"
    RELEASE = "release"
    REFUND = "refund"
    DELETE = "delete"


class Finding(enum.StrEnum):
    DONE = "done"
    NOT_DONE = "not_done"
    CANNOT_TELL = "cannot_tell"
    # It has the request and confirms it by webhook (Adyen's "received"): asking again tells no more.
    AWAITING_CONFIRMATION = "awaiting_confirmation"


@dataclass(frozen=True)
class Found:
    """What the operator says became of an operation asked under our key."""

    finding: Finding
    done: Done | None = None
    saved: SavedToken | None = None
    # Not found, yet the operator may keep what it did without a way to ask it (Converge's token of a
    # lost ccgettoken: txnquery lists transactions, never tokens): someone must look at the operator.
    maybe_left_at_operator: bool = False


class CardOperator(Protocol):
    """One operator account. Amounts in minor units of ``currency``; ``key`` is our idempotency key."""

    name: str

    def save_card(self, card_source: str, holder: str, key: str) -> SavedToken:
        """Save the card the operator's own page (or terminal) gave as ``card_source`` for later charges."""

    def charge(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        """Charge a saved card without the guest (a merchant-initiated transaction)."""

    def pre_authorise(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        """Hold an amount on a saved card, to capture later (manual capture)."""

    def capture(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        """Capture all or part of a hold, once; the rest is released (``currency``: the hold's)."""

    def release(self, reference: str, key: str) -> Done:
        """Free a hold without charging."""

    def refund(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        """Give back all or part of a payment, in the payment's currency."""

    def delete_card(self, card: CardOnFile, key: str) -> None:
        """Delete the token at the operator: it can never be charged again."""

    def check_connection(self) -> None:
        """Ask something that changes nothing with this account's keys: :class:`Refused` when the operator
        refuses them, :class:`AnswerLost` when it does not answer."""

    def find(self, operation: Operation, key: str, *, card: CardOnFile | None = None, reference: str = "",
             holder: str = "", asked: Mapping[str, Any] | None = None) -> Found:
        """What became of ``operation`` asked under ``key`` (of ``card``, of the payment ``reference``, or
        the card saved for ``holder``); ``asked``: the journal's request, for an operator that can only
        tell by replaying it under the same key (Adyen)."""


class CardPage(Protocol):
    """Where the guest's card is typed: the operator's own hosted page (never a field of ours, R11).

    Returns what the page gave back for the card (an operator's payment-method token), or "" when
    the clerk closed it.
    """

    def new_card(self, operator: str) -> str:
        ...


@dataclass(frozen=True)
class HostedPage:
    """The operator's own card page opened for one card: where the guest goes, and the operator's id of
    that page (Saferpay's Token), by which the card typed there is asked for afterwards."""

    page_url: str
    session: str
    saved_under: str = ""  # where the operator keeps the card saved there (Adyen's shopperReference)


# What the journal's save request holds instead of a card: the card is on the operator's own page.
ON_OPERATOR_PAGE = "operator-page"
# ... or the card presented on the operator's own reader: this prefix, then the reader.
READER_SOURCE_PREFIX = "reader:"


class GuestLeftPage(OperatorError):
    """The operator's page was left without a card: the guest cancelled there, or the window was closed
    before the card was sent. Nothing was saved."""


@runtime_checkable
class HostsCardPage(Protocol):
    """An operator whose own hosted page takes the card (R11): started with our key, the guest sent back
    to ``return_url`` when done, then finished by asking the operator what the page saved.

    :meth:`finish_card_page` raises :class:`GuestLeftPage` when no card was sent there, :class:`Declined`
    when the operator's check of the card failed; a lost answer is :class:`AnswerLost`. A card saved
    there is found afterwards by :meth:`CardOperator.find` with ``Operation.SAVE`` and the same key.
    """

    def start_card_page(self, key: str, return_url: str, holder: str, keep_until: date | None,
                        language: str = "") -> HostedPage:
        """``language``: the clerk's ("en", "ru", "bg"), which the page is shown in where the operator has it."""
        ...

    def finish_card_page(self, page: HostedPage, holder: str, returned: str) -> SavedToken:
        """``returned``: the address the page sent the guest back to ("" when the window was closed)."""
        ...


@runtime_checkable
class KeepsCardsUntil(Protocol):
    """An operator that deletes a saved card by itself after a lifetime given when it is saved
    (Saferpay's alias ``Lifetime``, R11): told the day the desk will delete it, it keeps it no longer."""

    def save_card_until(self, card_source: str, holder: str, key: str, keep_until: date | None) -> SavedToken:
        ...


@runtime_checkable
class ReversesPayments(Protocol):
    """An operator that gives back a whole payment the day it was made by reversing it (Adyen's
    ``/reversals``: cancelled while not yet captured, refunded once it is), which a manager's same-day
    void asks for instead of a refund of an amount."""

    def reverse(self, reference: str, key: str) -> Done:
        ...


@runtime_checkable
class AsksAgain(Protocol):
    """An operator that knows a request sent again as the same one (Saferpay: the same RequestId with a
    raised RetryIndicator): it answers what it did the first time, or does it now if the first never
    arrived. For the operations in ``asked_again`` a lost answer is resolved by asking again through
    :meth:`repeating`, not by :meth:`CardOperator.find`."""

    asked_again: frozenset[Operation]

    def repeating(self) -> CardOperator:
        ...


@runtime_checkable
class SendsAgain(Protocol):
    """An operator client that sends a request again on its own after a lost answer (Saferpay: up to
    three tries of 100 s each). :meth:`stopping_on` gives the same account's client that sends nothing
    more once ``cancel`` is set: the clerk stopped waiting, and the outcome is asked about later."""

    def stopping_on(self, cancel: threading.Event) -> CardOperator:
        ...


class ReaderBusy(Refused):
    """The reader is offline or busy with another operation: nothing was started on it."""


class ReaderStopped(OperatorError):
    """The reader ended without saving a card: the guest or the clerk cancelled, or nobody presented a
    card in time. The operator was told to forget it, so nothing can be saved afterwards."""


@dataclass
class ReaderWait:
    """How the desk waits for the guest at the reader: ``pause`` between two looks at it (a test's fake
    clock, or a wait that Cancel cuts short), Cancel asks the reader to stop, and after ``give_up_s``
    the reader is asked to stop as well."""

    cancel: threading.Event = field(default_factory=threading.Event)
    progress: Callable[[str], None] = lambda _key: None
    poll_s: float = 1.0
    give_up_s: float = 300.0
    # After the reader was asked to stop: a reader that neither stops nor answers (offline, its stop refused)
    # leaves the save unknown, found later by our key, rather than watched for ever.
    stop_patience_s: float = 30.0
    pause: Callable[[float], object] | None = None
    clock: Callable[[], float] = time.monotonic

    def wait(self) -> None:
        if self.pause is not None:
            self.pause(self.poll_s)
        elif self.cancel.is_set():
            time.sleep(self.poll_s)  # Cancel was asked: the reader's stop is watched at the same pace
        else:
            self.cancel.wait(self.poll_s)


@runtime_checkable
class SavesOnReader(Protocol):
    """An operator whose own card reader tokenises the card presented to it (R10: "Verify and save
    credit card" with the terminal; Stripe Terminal's process_setup_intent), driven from here.

    :class:`ReaderBusy` when the reader could not start, :class:`Declined` when the card was refused,
    :class:`ReaderStopped` when it ended without a card; a lost answer is :class:`AnswerLost`, and the
    card saved under our key is then found by :meth:`CardOperator.find` with ``Operation.SAVE``.
    An operator with ``resumes_on_reader = True`` takes the same key again, after a lost answer, as the
    same save still watched at its reader (the desk asks again while the guest may present the card).
    """

    def save_card_on_reader(self, reader: str, holder: str, key: str, wait: ReaderWait) -> SavedToken:
        ...
