"""Elavon Converge, through its XML API (an HTTPS POST of ``xmldata=<txn>...</txn>``) with our own
client on httpx; answers parsed with defusedxml.

- A card is saved with ``ccgettoken`` (``ssl_verify=Y``) from what the terminal or Converge's hosted card
  form encrypted (``ssl_enc_track_data``: the card number never reaches our process), added to Card
  Manager; deleted with ``ccdeletetoken``.
- A charge is ``ccsale`` on the token flagged as a merchant-initiated unscheduled card-on-file
  transaction (``ssl_merchant_initiated_unscheduled=Y``, ``ssl_entry_mode=12``); a hold is
  ``ccauthonly``; ``cccomplete`` captures all or part of it (a partial completion ends the hold, the
  rest released); ``ccdelete`` releases it; ``ccreturn`` refunds.
- Converge has no idempotency key: every money request carries our key as its invoice number
  (``ssl_invoice_number``), and an answer lost on the way is never simply sent again: the desk first
  asks ``txnquery`` what Converge did under that invoice number (or transaction id), and settles that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, NoReturn
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

import httpx
from defusedxml import ElementTree as SafeXml

from desk.cards.operators.interface import (
    AnswerLost,
    CardOnFile,
    Declined,
    Done,
    Finding,
    Found,
    GuestLeftPage,
    HoldExpired,
    HostedPage,
    Operation,
    OperatorError,
    Refused,
    SavedToken,
)
from desk.cards.operators.tls import verifying_context
from desk.core.errors import InvalidAmount
from desk.core.money import Money

ANSWER_TIMEOUT_S = 60.0
DEFAULT_URL = "https://api.convergepay.com/VirtualMerchant/processxml.do"
# txnquery's date range around now: a lost answer is asked about within minutes, a crash within days.
QUERY_DAYS_BACK = 30
INVOICE_LENGTH = 25
_ACCOUNT = re.compile(r"^(\d{6,15})/([A-Za-z0-9_.\-]{1,15})$")
# Converge's ssl_result: 0 an approval, 1 a decline; any other value is no answer Converge documents.
APPROVED = "0"
DECLINED = "1"
# txnquery's ssl_trans_status: a settled payment is returned (ccreturn); before, it is voided (ccvoid).
SETTLED_STATUSES = frozenset({"STL"})
VOIDED_STATUS = "VOID"
UNSETTLED = "unsettled"  # our refusal code: a part of a payment not yet settled
_DATE = "%m/%d/%Y %H:%M:%S"


class _Error(Exception):
    """Converge's own error answer (errorCode, errorName, errorMessage): the request was not processed."""

    def __init__(self, code: str, name: str, message: str) -> None:
        super().__init__(message)
        self.code, self.name, self.message = code, name, message


def parse_account(account: str) -> tuple[str, str]:
    """``MerchantId/UserId`` as the hotel's Converge account is entered: (merchant, user)."""
    match = _ACCOUNT.match(account.strip())
    if match is None:
        raise ValueError(account)
    return match.group(1), match.group(2)


def invoice_number(key: str) -> str:
    """Our key as Converge's invoice number (25 characters at most): how a lost request is found."""
    return re.sub(r"[^A-Za-z0-9]", "", key)[:INVOICE_LENGTH]


# Converge's tokens are 16 digits shaped like a card number (and may pass its check): the desk keeps
# them spelled in letters, so that nothing it stores or journals reads as a card number.
_DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")
_LETTERS_AS_DIGITS = str.maketrans("ghijklmnop", "0123456789")
TOKEN_PREFIX = "cvt-"


def kept_token(token: str) -> str:
    return TOKEN_PREFIX + token.translate(_DIGITS_AS_LETTERS)


def sent_token(kept: str) -> str:
    return kept.removeprefix(TOKEN_PREFIX).translate(_LETTERS_AS_DIGITS)


def _ssl_amount(amount_minor: int, currency: str) -> str:
    """Minor units as Converge's ``ssl_amount`` text (``12.50``)."""
    return str(Money.from_minor(amount_minor, currency).amount)


def _minor_of(ssl_amount: str | None, currency: str) -> int:
    """Converge's ``ssl_amount`` text as minor units. An answer with none (or none we read) was not understood:
    what the card was charged is unknown, never 0, so it stays pending until txnquery tells."""
    try:
        return Money.of(ssl_amount, currency).minor if ssl_amount else _not_understood("no amount")
    except InvalidAmount:
        return _not_understood(f"the amount “{ssl_amount}”")


def _not_understood(what: str) -> NoReturn:
    raise AnswerLost(f"Converge's answer is not understood: {what}")


def _approved(result: str | None) -> bool:
    """Whether ``ssl_result`` says approved (True) or declined (False); missing or any other value is not
    understood: whether the card was charged is unknown, never a decline."""
    if result not in (APPROVED, DECLINED):
        _not_understood(f"ssl_result {result!r}")
    return result == APPROVED


class ConvergeOperator:
    """One Converge terminal: ``account`` is ``MerchantId/UserId``, ``pin`` the terminal's PIN (secret)."""

    def __init__(self, pin: str, account: str, *, api_base: str = "", name: str = "Converge",
                 timeout: float | None = None) -> None:
        self.name = name
        self._merchant, self._user = parse_account(account)
        self._pin = pin
        self._url = api_base or DEFAULT_URL
        self._timeout = ANSWER_TIMEOUT_S if timeout is None else timeout

    # --- the wire -------------------------------------------------------------------------------

    def _send(self, transaction_type: str, fields: dict[str, str]) -> Element:
        """One request, sent once: without an idempotency key a repeat could do it twice."""
        root = Element("txn")
        for name, value in {"ssl_merchant_id": self._merchant, "ssl_user_id": self._user, "ssl_pin": self._pin,
                            "ssl_transaction_type": transaction_type, **fields}.items():
            SubElement(root, name).text = value
        try:
            response = httpx.post(self._url, data={"xmldata": tostring(root, encoding="unicode")},
                                  timeout=self._timeout, verify=verifying_context())
        except httpx.TransportError as exc:
            raise AnswerLost(f"{type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise AnswerLost(f"Converge answered {response.status_code}")
        try:
            answer = SafeXml.fromstring(response.text)
        except Exception as exc:  # a cut or garbled answer: whether it was done is unknown
            raise AnswerLost(f"Converge's answer is not XML: {type(exc).__name__}") from None
        code = answer.findtext("errorCode")
        if code:
            raise _Error(code, answer.findtext("errorName") or "", answer.findtext("errorMessage") or "")
        return answer

    def _money(self, transaction_type: str, fields: dict[str, str], *, completing: bool = False) -> Element:
        try:
            answer = self._send(transaction_type, fields)
        except _Error as error:
            raise Refused(f"{error.name}: {error.message}", error.code) from None
        if not _approved(answer.findtext("ssl_result")):  # error answers are refused in _send
            message = answer.findtext("ssl_result_message") or "DECLINED"
            if completing:
                # The desk completes only a hold it knows open: the issuer let it lapse (R16).
                raise HoldExpired(message, message)
            raise Declined(message, message)
        return answer

    def _query(self, **fields: str) -> list[Element]:
        """txnquery: Converge's record of what it did, by transaction id or over a date range."""
        try:
            answer = self._send("txnquery", fields)
        except _Error as error:
            if error.code == "5004":  # no such transaction id
                return []
            raise Refused(f"{error.name}: {error.message}", error.code) from None
        return [answer] if answer.tag == "txn" else list(answer.iter("txn"))

    # --- the operations -------------------------------------------------------------------------

    def save_card(self, card_source: str, holder: str, key: str) -> SavedToken:
        first, last = _names(holder)
        try:
            answer = self._send("ccgettoken", {
                "ssl_enc_track_data": card_source, "ssl_verify": "Y", "ssl_add_token": "Y",
                "ssl_first_name": first, "ssl_last_name": last})
        except _Error as error:
            raise Refused(f"{error.name}: {error.message}", error.code) from None
        if answer.findtext("ssl_token_response") != "SUCCESS" or not answer.findtext("ssl_token"):
            message = answer.findtext("ssl_result_message") or answer.findtext("ssl_token_response") or "DECLINED"
            raise Declined(message, message)
        return _saved(answer, holder)

    def start_card_page(self, key: str, return_url: str, holder: str, keep_until: date | None = None,
                        language: str = "") -> HostedPage:
        """The Hosted Payment Page for a ccgettoken (verified, added to Card Manager): its session token,
        asked for with the terminal's credentials; the page sends the guest to ``return_url`` with the
        result fields (REDG)."""
        first, last = _names(holder)
        fields = {"ssl_merchant_id": self._merchant, "ssl_user_id": self._user, "ssl_pin": self._pin,
                  "ssl_transaction_type": "ccgettoken", "ssl_verify": "Y", "ssl_add_token": "Y",
                  "ssl_first_name": first, "ssl_last_name": last,
                  "ssl_receipt_link_method": "REDG", "ssl_receipt_link_url": return_url}
        try:
            response = httpx.post(f"{self._hosted_pages}/transaction_token", data=fields, timeout=self._timeout,
                                  verify=verifying_context())
        except httpx.TransportError as exc:
            raise AnswerLost(f"{type(exc).__name__}: {exc}") from None
        session = response.text.strip()
        if response.status_code != 200 or not session or "<" in session or " " in session:
            raise Refused(f"Converge refused the payment page: {session[:200]}", str(response.status_code))
        return HostedPage(f"{self._hosted_pages}?{urlencode({'ssl_txn_auth_token': session})}", session)

    def finish_card_page(self, page: HostedPage, holder: str, returned: str = "") -> SavedToken:
        """The result the page sent back, its token confirmed by Converge (ccquerytoken): an address the
        guest's browser carried is not taken on its word."""
        result = {name: values[0] for name, values in parse_qs(urlsplit(returned).query).items()}
        if not returned or result.get("ssl_result_message", "").upper() == "CANCELLED":
            # Converge cannot be asked what its page did: a window closed after the card was sent
            # leaves a token in Card Manager the desk never knew, which the clerk saves again. Looked
            # for and not found in Converge's API: ccquerytoken needs the token itself; txnquery
            # searches transactions by id, date range or card data (not our invoice number) and a
            # ccgettoken is no transaction; Card Manager has no search by ssl_customer_id.
            raise GuestLeftPage("The payment page was left without a card", "CANCELLED")
        if result.get("ssl_result") != APPROVED or result.get("ssl_token_response") != "SUCCESS":
            message = result.get("ssl_result_message") or "DECLINED"
            raise Declined(message, message)
        try:
            answer = self._send("ccquerytoken", {"ssl_token": result.get("ssl_token", "")})
        except _Error as error:
            raise Refused(f"{error.name}: {error.message}", error.code) from None
        if answer.findtext("ssl_token_response") != "SUCCESS":
            raise Refused("Converge does not know the token its page returned", "TOKEN_NOT_FOUND")
        return _saved(answer, holder)

    @property
    def _hosted_pages(self) -> str:
        parts = urlsplit(self._url)
        return f"{parts.scheme}://{parts.netloc}/hosted-payments"

    def _card_fields(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> dict[str, str]:
        return {"ssl_token": sent_token(card.token), "ssl_amount": _ssl_amount(amount_minor, currency),
                "ssl_transaction_currency": currency.upper(), "ssl_invoice_number": invoice_number(key),
                "ssl_merchant_initiated_unscheduled": "Y", "ssl_entry_mode": "12"}

    def charge(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return _done(self._money("ccsale", self._card_fields(card, amount_minor, currency, key)), currency)

    def pre_authorise(self, card: CardOnFile, amount_minor: int, currency: str, key: str) -> Done:
        return _done(self._money("ccauthonly", self._card_fields(card, amount_minor, currency, key)), currency)

    def _held(self, reference: str) -> Element:
        found = self._query(ssl_txn_id=reference)
        if not found:
            raise Refused(f"Converge has no transaction {reference}", "5004")
        return found[0]

    def capture(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        currency = self._held(reference).findtext("ssl_transaction_currency") or "USD"
        answer = self._money("cccomplete", {"ssl_txn_id": reference, "ssl_amount": _ssl_amount(amount_minor, currency)},
                             completing=True)
        return Done(reference, _minor_of(answer.findtext("ssl_amount"), currency), currency)

    def release(self, reference: str, key: str) -> Done:
        # What is released is read before Converge is asked, as a refund's void is: nothing read after
        # ccdelete can leave a release Converge did pending.
        released = _released(reference, self._held(reference))
        self._money("ccdelete", {"ssl_txn_id": reference})
        return released

    def refund(self, reference: str, amount_minor: int, key: str, currency: str = "") -> Done:
        payment = self._held(reference)
        currency = payment.findtext("ssl_transaction_currency") or "USD"  # the payment's own (R13)
        if payment.findtext("ssl_trans_status") not in SETTLED_STATUSES:
            # Converge returns only a settled payment; before the day's batch closes it is voided, whole.
            whole = _minor_of(payment.findtext("ssl_amount"), currency)
            if amount_minor != whole:
                raise Refused("Converge gives back only the whole payment before the day's settlement: refund "
                              "a part after it", UNSETTLED)
            self._money("ccvoid", {"ssl_txn_id": reference})
            return Done(reference, whole, currency, payment_reference=reference, reversed=True)
        answer = self._money("ccreturn", {"ssl_txn_id": reference, "ssl_amount": _ssl_amount(amount_minor, currency),
                                          "ssl_invoice_number": invoice_number(key)})
        return Done(answer.findtext("ssl_txn_id") or "", _minor_of(answer.findtext("ssl_amount"), currency),
                    currency, payment_reference=reference)

    def delete_card(self, card: CardOnFile, key: str) -> None:
        try:
            answer = self._send("ccdeletetoken", {"ssl_token": sent_token(card.token)})
        except _Error as error:
            raise Refused(f"{error.name}: {error.message}", error.code) from None
        if answer.findtext("ssl_token_response") not in ("SUCCESS", "Token Not Found"):
            raise Refused(answer.findtext("ssl_token_response") or "not deleted", "token")

    def check_connection(self) -> None:
        # txnquery of a transaction id that cannot exist: "no such transaction" is the answer to valid
        # credentials (merchant, user and PIN); a wrong one is refused as 4025.
        self._query(ssl_txn_id="000000-00000000-0000-0000-0000-000000000000")

    # --- asking what became of an operation -----------------------------------------------------

    def find(self, operation: Operation, key: str, *, card: CardOnFile | None = None, reference: str = "",
             holder: str = "", asked: Mapping[str, Any] | None = None) -> Found:
        try:
            return self._find(operation, key, card, reference)
        except (AnswerLost, OperatorError):
            return Found(Finding.CANNOT_TELL)

    def _voided(self, reference: str) -> bool:
        return self._held(reference).findtext("ssl_trans_status") == VOIDED_STATUS

    def _by_invoice(self, key: str, transaction_types: tuple[str, ...]) -> Element | None:
        now = datetime.now(UTC)
        listed = self._query(ssl_search_start_date=(now - timedelta(days=QUERY_DAYS_BACK)).strftime(_DATE),
                             ssl_search_end_date=(now + timedelta(days=1)).strftime(_DATE))
        for txn in listed:
            if txn.findtext("ssl_invoice_number") == invoice_number(key) and \
                    (txn.findtext("ssl_transaction_type") or "").upper() in transaction_types:
                return txn
        return None

    def _find(self, operation: Operation, key: str, card: CardOnFile | None, reference: str) -> Found:
        match operation:
            case Operation.SAVE:
                # txnquery lists transactions, never tokens, and no other request finds a token by our key
                # (see finish_card_page): a token made for an unanswered ccgettoken was never handed to us
                # and cannot be asked for.
                # Nothing is saved here (the card is saved again if wanted); Converge's Card Manager may
                # keep that card, which only a person can find there and delete.
                return Found(Finding.NOT_DONE, maybe_left_at_operator=True)
            case Operation.DELETE:
                assert card is not None
                self.delete_card(card, key)  # deleting a token twice deletes nothing more: a safe repeat
                return Found(Finding.DONE)
            case Operation.REFUND if reference and self._voided(reference):
                # A void (the same day's refund of the whole) carries no invoice: the payment says it.
                payment = self._held(reference)
                currency = payment.findtext("ssl_transaction_currency") or "USD"
                return Found(Finding.DONE, Done(reference, _minor_of(payment.findtext("ssl_amount"), currency),
                                                currency, payment_reference=reference, reversed=True))
            case Operation.CHARGE | Operation.PRE_AUTHORISE | Operation.REFUND:
                wanted = {Operation.CHARGE: ("SALE",), Operation.PRE_AUTHORISE: ("AUTHONLY", "SALE", "DELETE"),
                          Operation.REFUND: ("RETURN",)}[operation]
                txn = self._by_invoice(key, wanted)
                if txn is None or not _approved(txn.findtext("ssl_result")):
                    return Found(Finding.NOT_DONE)
                currency = txn.findtext("ssl_transaction_currency") or "USD"
                done = Done(txn.findtext("ssl_txn_id") or "", _minor_of(txn.findtext("ssl_amount"), currency),
                            currency, payment_reference=reference if operation is Operation.REFUND else "")
                if operation is Operation.PRE_AUTHORISE:
                    done = Done(done.reference, _minor_of(txn.findtext("ssl_auth_amount") or txn.findtext("ssl_amount"),
                                                       currency), currency)
                return Found(Finding.DONE, done)
            case Operation.RELEASE:
                hold = self._held(reference)
                deleted = (hold.findtext("ssl_transaction_type") or "").upper() == "DELETE"
                return Found(Finding.DONE, _released(reference, hold)) if deleted else Found(Finding.NOT_DONE)
            case Operation.CAPTURE:
                hold = self._held(reference)
                kind = (hold.findtext("ssl_transaction_type") or "").upper()
                currency = hold.findtext("ssl_transaction_currency") or "USD"
                amount = _minor_of(hold.findtext("ssl_amount"), currency)
                return Found(Finding.DONE, Done(reference, amount, currency)) if kind == "SALE" \
                    else Found(Finding.NOT_DONE)
        raise AssertionError(operation)


def _names(holder: str) -> tuple[str, str]:
    """Card Manager wants both names; a holder given as one word fills both."""
    first, _, last = holder.strip().rpartition(" ")
    return (first or last or "Guest")[:20], (last or "Guest")[:30]


def _saved(answer: Element, holder: str) -> SavedToken:
    masked = answer.findtext("ssl_card_number") or ""
    expiry = answer.findtext("ssl_exp_date") or "0000"  # MMYY
    brand = {"VISA": "visa", "MC": "mastercard", "AMEX": "amex", "DISC": "discover"}.get(
        (answer.findtext("ssl_card_short_description") or "").upper(), "card")
    return SavedToken(kept_token(answer.findtext("ssl_token") or ""), "", brand, masked[-4:], int(expiry[:2] or 0),
                      2000 + int(expiry[2:] or 0), holder)


def _released(reference: str, hold: Element) -> Done:
    """A hold released, from Converge's record of it: a release moves no money, so an amount the record does
    not state (or not readably) is left unsaid and the desk records the hold's own, where a charge's would
    stay pending."""
    currency = hold.findtext("ssl_transaction_currency") or "USD"
    try:
        amount: int | None = _minor_of(hold.findtext("ssl_amount"), currency)
    except AnswerLost:
        amount = None
    return Done(reference, amount, currency)


def _done(answer: Element, currency: str) -> Done:
    return Done(answer.findtext("ssl_txn_id") or "", _minor_of(answer.findtext("ssl_amount"), currency),
                currency.upper())
