"""A fake Elavon Converge XML API: a real HTTP server on loopback answering ``xmldata=<txn>...</txn>``
as Converge's developer guide describes it, for our client's tests and a newcomer's demo.

    python -m desk.cards.operators.fakes.converge [--port 12113] [--merchant 0022587]
        [--user apiuser] [--pin FAKEPIN] [--hold-days 7]

What it answers like Converge:
- ``POST .../processxml.do`` with a form field ``xmldata`` holding one ``<txn>``; every answer is HTTP
  200 with a ``<txn>`` (or a ``<txnlist>`` for a query by dates); a request Converge cannot process is
  answered with ``errorCode``, ``errorName`` and ``errorMessage`` (invalid credentials, a missing or
  malformed field, an unknown transaction id or token), one that was processed with ``ssl_result``
  (0 approved, 1 declined) and ``ssl_result_message``;
- ``ccgettoken`` from encrypted card data (``ssl_enc_track_data``, never a card number: the fake refuses
  ``ssl_card_number``), with ``ssl_verify`` and ``ssl_add_token``; the token is 16 digits, as
  Converge's are (and passes the card-number check, the worst case for the desk); ``ccdeletetoken``;
- ``ccsale`` and ``ccauthonly`` on a token (recording ``ssl_merchant_initiated_unscheduled``),
  ``cccomplete`` (once, at most the authorised amount; a partial completion ends the hold),
  ``ccdelete`` (an open authorisation), ``ccreturn`` (once per payment: the issue's rule, and only of a
  settled payment), ``ccvoid`` (a whole payment not yet settled); a payment is settled when the day's
  batch closes: ``settle_batch()``, or any ``advance`` of the clock (the fake's approximation);
- no idempotency: a request sent twice is done twice, which is why the desk asks ``txnquery`` (by
  ``ssl_txn_id``, or by ``ssl_search_start_date``/``ssl_search_end_date``, declined ones included);
- an authorisation older than ``hold_days`` on the fake's clock is declined at completion
  (``AUTHORIZATION EXPIRED``): the issuer let it lapse (R16).
The error codes are the fake's own approximation of Converge's: the desk reads only whether there
is one.

The Hosted Payment Page: ``POST /hosted-payments/transaction_token`` (the terminal's credentials,
``ssl_transaction_type=ccgettoken``, ``ssl_receipt_link_method=REDG`` and ``ssl_receipt_link_url``) answers
the session token as plain text; ``GET /hosted-payments?ssl_txn_auth_token=...`` is the card form (see
``card_form``); a good card is tokenised (verified, added to Card Manager) and the guest redirected to the
receipt link with ``ssl_result``, ``ssl_token``, the masked number and expiry; a card failing the check
comes back ``DECLINED``, Cancel ``CANCELLED``. ``ccquerytoken`` tells what a token is.

Encrypted card data it knows: ``enc_visa``, ``enc_mastercard`` (tokenised and charged),
``enc_declined`` (tokenised, declined when charged), ``enc_refused`` (its verification declined).
For tests: ``lose_next_answer()``, ``unreachable``, ``answer_delay``, ``advance(days=...)``; over HTTP
``POST /_fake/lose_next``, ``POST /_fake/advance?days=N``, ``GET /_fake/state``.
"""

from __future__ import annotations

import argparse
import json
import re
import secrets
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree as SafeXml

from desk.cards.operators.fakes.base import CONTROL_PREFIX, DAY, LoopbackFake
from desk.cards.operators.fakes.card_form import CardRefused, card_form_page, message_page, read_card_form

DEFAULT_MERCHANT = "0022587"
DEFAULT_USER = "apiuser"
DEFAULT_PIN = "FAKEPIN"
DEFAULT_HOLD_DAYS = 7
PATH = "/VirtualMerchantDemo/processxml.do"
# The Hosted Payment Page: its session token is asked for here, and the guest sent to HPP_PATH with it.
HPP_PATH = "/hosted-payments"
HPP_TOKEN_MINUTES = 15
# Brands as the HPP's card form reads them, as Converge names them.
_HPP_BRANDS = {"VISA": "VISA", "MASTERCARD": "MC"}
_DATE = "%m/%d/%Y %H:%M:%S"
_AMOUNT = re.compile(r"^\d{1,8}(\.\d{1,3})?$")

# Encrypted card data the fake knows: (short description, last four digits, expiry MMYY, behaviour).
TEST_CARDS: dict[str, tuple[str, str, str, str]] = {
    "enc_visa": ("VISA", "0019", "1230", "ok"),
    "enc_mastercard": ("MC", "0027", "0631", "ok"),
    "enc_declined": ("VISA", "0035", "1230", "declined"),
    "enc_refused": ("VISA", "0043", "1230", "refused"),
}


class ConvergeError(Exception):
    def __init__(self, code: str, name: str, message: str) -> None:
        super().__init__(message)
        self.code, self.name, self.message = code, name, message


def _luhn_token() -> str:
    """16 digits passing the Luhn check, as a card number would."""
    body = "4" + "".join(str(secrets.randbelow(10)) for _ in range(14))
    total = 0
    for position, char in enumerate(reversed(body + "0")):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return body + str((10 - total % 10) % 10)


class FakeConverge(LoopbackFake):
    thread_name = "fake-converge"
    base_path = PATH

    def __init__(self, merchant: str = DEFAULT_MERCHANT, user: str = DEFAULT_USER, pin: str = DEFAULT_PIN,
                 hold_days: int = DEFAULT_HOLD_DAYS) -> None:
        super().__init__(hold_days)
        self.credentials = (merchant, user, pin)
        self.tokens: dict[str, dict[str, Any]] = {}
        # Hosted Payment Page sessions by their ssl_txn_auth_token: what was asked, and if it is used.
        self.hpp_sessions: dict[str, dict[str, Any]] = {}
        self.transactions: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []  # (transaction type, invoice number) as received
        self._lose_only = ""

    # --- test controls --------------------------------------------------------------------------

    def lose_next_answer(self, count: int = 1, only: str = "") -> None:
        """The next ``count`` requests (of transaction type ``only``, if named) are done, their answers lost."""
        with self._lock:
            self._lose += count
            self._lose_only = only

    def advance(self, days: float) -> None:
        super().advance(days)
        self.settle_batch()  # a day has passed: the batch closed

    def settle_batch(self) -> None:
        """The day's batch closes: every approved payment so far is settled (returned now, no longer voided)."""
        with self._lock:
            for txn in self.transactions.values():
                txn["_settled"] = True
                if not txn.get("_voided"):
                    txn["ssl_trans_status"] = "STL"

    def state(self) -> dict[str, Any]:
        with self._lock:
            return json.loads(json.dumps({"tokens": self.tokens, "transactions": self.transactions,
                                          "requests": self.requests}))

    def by_invoice(self, invoice: str) -> list[dict[str, Any]]:
        return [t for t in self.transactions.values() if t["ssl_invoice_number"] == invoice]

    # --- one request ----------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: str) -> tuple[int, Any, bool]:
        """(status, XML text, drop the line instead of answering)."""
        parts = urlsplit(target)
        with self._lock:
            if parts.path.startswith(CONTROL_PREFIX):
                return self._control(method, parts.path, parse_qs(parts.query))
            if self.unreachable:
                return 0, "", True
            if parts.path == HPP_PATH + "/transaction_token":
                return (*self._hpp_session(method, body), False)
            if parts.path.startswith(HPP_PATH):
                return (*self._hpp_page(method, parts.path, parse_qs(parts.query), body), False)
            if method != "POST" or parts.path != PATH:
                return 404, "", False
            try:
                transaction_type = ""
                fields = self._fields(headers, body)
                transaction_type = fields.get("ssl_transaction_type", "").lower()
                self.requests.append((transaction_type, fields.get("ssl_invoice_number", "")))
                given = (fields.get("ssl_merchant_id"), fields.get("ssl_user_id"), fields.get("ssl_pin"))
                if given != self.credentials:
                    raise ConvergeError("4025", "Invalid Credentials",
                                        "The credentials supplied in the authorization request are invalid.")
                answer = self._do(transaction_type, fields)
            except ConvergeError as error:
                answer = Element("txn")
                for name, value in (("errorCode", error.code), ("errorName", error.name),
                                    ("errorMessage", error.message)):
                    SubElement(answer, name).text = value
            lose = self._lose > 0 and self._lose_only in ("", transaction_type)
            if lose:
                self._lose -= 1
            return 200, tostring(answer, encoding="unicode"), lose

    def reply(self, target: str, status: int, answer: Any) -> tuple[bytes, list[tuple[str, str]]]:
        if isinstance(answer, dict) and "_location" in answer:
            return b"", [("Location", str(answer["_location"])), ("Cache-Control", "no-store")]
        if isinstance(answer, dict):
            return answer["_html"], [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        if target.startswith(HPP_PATH):
            return answer.encode(), [("Content-Type", "text/plain")]
        return answer.encode(), [("Content-Type", "application/json" if target.startswith(CONTROL_PREFIX)
                                  else "text/xml")]

    def _control(self, method: str, path: str, query: dict[str, list[str]]) -> tuple[int, str, bool]:
        if method == "POST" and path == "/_fake/lose_next":
            self.lose_next_answer(int(query.get("count", ["1"])[0]))
            return 200, "{}", False
        if method == "POST" and path == "/_fake/advance":
            self.advance(float(query.get("days", ["1"])[0]))
            return 200, "{}", False
        if method == "GET" and path == "/_fake/state":
            return 200, json.dumps(self.state()), False
        return 404, "", False

    @staticmethod
    def _fields(headers: dict[str, str], body: str) -> dict[str, str]:
        if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            raise ConvergeError("4000", "Invalid Request", "xmldata must be sent as a form field")
        xmldata = parse_qs(body).get("xmldata", [""])[0]
        try:
            root = SafeXml.fromstring(xmldata)
        except Exception:
            raise ConvergeError("6042", "Invalid Request Format", "XML Syntax Error in the request") from None
        if root.tag != "txn":
            raise ConvergeError("6042", "Invalid Request Format", "The request is not a txn")
        return {child.tag: (child.text or "").strip() for child in root}

    # --- the Hosted Payment Page ----------------------------------------------------------------

    def _hpp_session(self, method: str, body: str) -> tuple[int, str]:
        """The session token the HPP is opened with (plain text), for a ccgettoken the page will do."""
        fields = {name: values[0] for name, values in parse_qs(body).items()}
        if method != "POST":
            return 405, ""
        given = (fields.get("ssl_merchant_id"), fields.get("ssl_user_id"), fields.get("ssl_pin"))
        if given != self.credentials:
            return 401, "4025 Invalid Credentials"
        if fields.get("ssl_transaction_type", "").lower() != "ccgettoken":
            return 400, "4013 Transaction Type Invalid: only ccgettoken on this fake's page"
        if fields.get("ssl_receipt_link_method") != "REDG" or not fields.get("ssl_receipt_link_url", "").startswith(
                ("https://", "http://")):
            return 400, "5000 ssl_receipt_link_method REDG and ssl_receipt_link_url are required"
        auth = secrets.token_urlsafe(24)
        self.hpp_sessions[auth] = {"fields": fields, "expires": self.now() + HPP_TOKEN_MINUTES * 60, "used": False}
        return 200, auth

    def _hpp_page(self, method: str, path: str, query: dict[str, list[str]], body: str) -> tuple[int, Any]:
        """GET /hosted-payments?ssl_txn_auth_token=...: the form; its POST makes the token (ccgettoken with
        the typed card, verified), then the guest goes to the receipt link with the result fields."""
        rest = path[len(HPP_PATH):].strip("/")
        auth = query.get("ssl_txn_auth_token", [""])[0] if not rest else rest.split("/")[0]
        session = self.hpp_sessions.get(auth)
        if session is None or session["used"] or self.now() > session["expires"]:
            return 404, {"_html": message_page("Converge", "This payment page has expired.")}
        page = f"{HPP_PATH}/{auth}"
        if method == "GET":
            return 200, {"_html": card_form_page("Converge", page, page + "/cancel")}
        back = session["fields"]["ssl_receipt_link_url"]
        if rest.endswith("/cancel"):
            session["used"] = True
            return 303, {"_location": _with_query(back, {"ssl_result": "1", "ssl_result_message": "CANCELLED"})}
        try:
            typed = read_card_form(body, datetime.fromtimestamp(self.now(), UTC).date())
        except CardRefused as refused:
            return 200, {"_html": card_form_page("Converge", page, page + "/cancel", str(refused))}
        session["used"] = True
        brand = _HPP_BRANDS.get(typed.brand, typed.brand)
        shown = {"ssl_card_number": f"{'4' if typed.brand == 'VISA' else '5'}1**********{typed.last4}",
                 "ssl_exp_date": f"{typed.exp_month:02d}{typed.exp_year % 100:02d}",
                 "ssl_card_short_description": brand}
        if not typed.passes_check:
            return 303, {"_location": _with_query(back, {"ssl_result": "1", "ssl_result_message": "DECLINED",
                                                          "ssl_token_response": "FAILURE"})}
        token = _luhn_token()
        self.tokens[token] = {"behaves": "ok", "deleted": False, "added": True, **shown}
        return 303, {"_location": _with_query(back, {
            "ssl_result": "0", "ssl_result_message": "APPROVAL", "ssl_token": token, "ssl_token_response": "SUCCESS",
            "ssl_add_token_response": "Card Added", **shown})}

    # --- Converge's transactions ----------------------------------------------------------------

    def _do(self, kind: str, fields: dict[str, str]) -> Element:
        match kind:
            case "ccgettoken":
                return self._get_token(fields)
            case "ccquerytoken":
                token = self.tokens.get(fields.get("ssl_token", ""))
                if token is None or token["deleted"]:
                    return _txn({"ssl_token_response": "Token Not Found"})
                return _txn({"ssl_token": fields["ssl_token"], "ssl_token_response": "SUCCESS",
                             **{k: v for k, v in token.items() if k.startswith("ssl_")}})
            case "ccdeletetoken":
                token = self.tokens.get(fields.get("ssl_token", ""))
                if token is None or token["deleted"]:
                    return _txn({"ssl_token_response": "Token Not Found"})
                token["deleted"] = True
                return _txn({"ssl_token_response": "SUCCESS"})
            case "ccsale" | "ccauthonly":
                return self._authorise(kind, fields)
            case "cccomplete":
                return self._complete(fields)
            case "ccdelete":
                txn = self._txn(fields)
                if txn["ssl_transaction_type"] != "AUTHONLY" or txn["ssl_result"] != "0":
                    raise ConvergeError("5040", "Invalid Transaction ID", "Only an open authorisation is deleted")
                txn["ssl_transaction_type"] = "DELETE"
                return _txn({"ssl_result": "0", "ssl_result_message": "APPROVAL", "ssl_txn_id": txn["ssl_txn_id"]})
            case "ccreturn":
                return self._return(fields)
            case "ccvoid":
                return self._void(fields)
            case "txnquery":
                return self._query(fields)
        raise ConvergeError("4013", "Transaction Type Invalid", f"{kind} is not a supported transaction type")

    @staticmethod
    def _required(fields: dict[str, str], *names: str) -> None:
        for name in names:
            if not fields.get(name):
                raise ConvergeError("4009", "Required Field Not Supplied", f"The field {name} is required")

    def _amount(self, fields: dict[str, str]) -> str:
        self._required(fields, "ssl_amount")
        if not _AMOUNT.match(fields["ssl_amount"]) or Decimal(fields["ssl_amount"]) <= 0:
            raise ConvergeError("5007", "Amount Invalid", "The amount supplied is invalid")
        return fields["ssl_amount"]

    def _get_token(self, fields: dict[str, str]) -> Element:
        if fields.get("ssl_card_number"):
            raise ConvergeError("6002", "Invalid Card Data", "This terminal takes no hand-keyed card number")
        self._required(fields, "ssl_enc_track_data")
        if fields.get("ssl_add_token") == "Y":
            self._required(fields, "ssl_first_name", "ssl_last_name")
        card = TEST_CARDS.get(fields["ssl_enc_track_data"])
        if card is None:
            raise ConvergeError("5000", "Credit Card Number Invalid", "The card data supplied is invalid")
        brand, last4, expiry, behaves = card
        shown = {"ssl_card_number": f"{'4' if brand == 'VISA' else '5'}1**********{last4}", "ssl_exp_date": expiry,
                 "ssl_card_short_description": brand}
        if fields.get("ssl_verify") == "Y" and behaves == "refused":
            return _txn({"ssl_result": "1", "ssl_result_message": "DECLINED", "ssl_token_response": "FAILURE",
                         **shown})
        token = _luhn_token()
        self.tokens[token] = {"behaves": behaves, "deleted": False, "added": fields.get("ssl_add_token") == "Y",
                              **shown}
        return _txn({"ssl_result": "0", "ssl_result_message": "APPROVAL", "ssl_token": token,
                     "ssl_token_response": "SUCCESS", "ssl_add_token_response": "Card Added", **shown})

    def _authorise(self, kind: str, fields: dict[str, str]) -> Element:
        amount = self._amount(fields)
        invoice = fields.get("ssl_invoice_number", "")
        if len(invoice) > 25:
            raise ConvergeError("5021", "Invoice Number Invalid", "The invoice number is longer than 25")
        currency = fields.get("ssl_transaction_currency", "USD")
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise ConvergeError("5028", "Currency Invalid", "The transaction currency is invalid")
        token = self.tokens.get(fields.get("ssl_token", ""))
        if token is None or token["deleted"]:
            raise ConvergeError("5087", "Invalid Token", "The token supplied is not valid")
        approved = token["behaves"] == "ok"
        txn_id = f"{secrets.randbelow(10**6):06d}O{secrets.token_hex(4).upper()}-{secrets.token_hex(4).upper()}"
        txn = {"ssl_txn_id": txn_id, "ssl_transaction_type": "SALE" if kind == "ccsale" else "AUTHONLY",
               "ssl_result": "0" if approved else "1", "ssl_result_message": "APPROVAL" if approved else "DECLINED",
               "ssl_amount": amount, "ssl_auth_amount": amount, "ssl_transaction_currency": currency,
               "ssl_invoice_number": invoice, "ssl_txn_time": self._time(),
               "ssl_card_number": token["ssl_card_number"],
               "ssl_card_short_description": token["ssl_card_short_description"],
               "ssl_merchant_initiated_unscheduled": fields.get("ssl_merchant_initiated_unscheduled", "N"),
               "ssl_entry_mode": fields.get("ssl_entry_mode", ""), "ssl_trans_status": "PEN",
               "_created": self.now(), "_returned": False, "_voided": False, "_settled": False}
        self.transactions[txn_id] = txn
        return _txn(txn)

    def _time(self) -> str:
        return datetime.fromtimestamp(self.now(), UTC).strftime("%m/%d/%Y %I:%M:%S %p")

    def _txn(self, fields: dict[str, str]) -> dict[str, Any]:
        self._required(fields, "ssl_txn_id")
        txn = self.transactions.get(fields["ssl_txn_id"])
        if txn is None:
            raise ConvergeError("5004", "Invalid Reference Number", "The transaction ID is invalid")
        return txn

    def _complete(self, fields: dict[str, str]) -> Element:
        txn = self._txn(fields)
        if txn["ssl_transaction_type"] != "AUTHONLY" or txn["ssl_result"] != "0":
            raise ConvergeError("5040", "Invalid Transaction ID", "Only an open authorisation is completed")
        amount = self._amount(fields) if fields.get("ssl_amount") else txn["ssl_amount"]
        if Decimal(amount) > Decimal(txn["ssl_auth_amount"]):
            raise ConvergeError("5007", "Amount Invalid", "The completion is more than was authorised")
        if self.now() - txn["_created"] > self.hold_days * DAY:
            return _txn({"ssl_result": "1", "ssl_result_message": "AUTHORIZATION EXPIRED",
                         "ssl_txn_id": txn["ssl_txn_id"]})
        # Completed once: a smaller amount ends the hold and the rest is released.
        txn.update(ssl_transaction_type="SALE", ssl_amount=amount)
        return _txn(txn)

    def _void(self, fields: dict[str, str]) -> Element:
        payment = self._txn(fields)
        if payment["ssl_transaction_type"] != "SALE" or payment["ssl_result"] != "0" or payment["_voided"]:
            raise ConvergeError("5040", "Invalid Transaction ID", "Only an approved sale not voided is voided")
        if payment.get("_settled"):
            raise ConvergeError("5089", "Transaction Settled", "A settled transaction is returned, not voided")
        payment["_voided"] = True
        payment["ssl_trans_status"] = "VOID"
        return _txn({"ssl_result": "0", "ssl_result_message": "APPROVAL", "ssl_txn_id": payment["ssl_txn_id"],
                     "ssl_transaction_type": "VOID", "ssl_amount": payment["ssl_amount"]})

    def _return(self, fields: dict[str, str]) -> Element:
        payment = self._txn(fields)
        if payment["ssl_transaction_type"] != "SALE" or payment["ssl_result"] != "0" or payment["_voided"]:
            raise ConvergeError("5040", "Invalid Transaction ID", "Only an approved sale is returned")
        if not payment.get("_settled"):
            raise ConvergeError("5088", "Transaction Not Settled",
                                "A transaction is returned once settled; before, it is voided")
        if payment["_returned"]:
            raise ConvergeError("5041", "Already Returned", "This payment was already returned")
        amount = self._amount(fields)
        if Decimal(amount) > Decimal(payment["ssl_amount"]):
            raise ConvergeError("5007", "Amount Invalid", "The return is more than the sale")
        payment["_returned"] = True
        txn_id = f"{secrets.randbelow(10**6):06d}R{secrets.token_hex(4).upper()}-{secrets.token_hex(4).upper()}"
        txn = {**payment, "ssl_txn_id": txn_id, "ssl_transaction_type": "RETURN", "ssl_amount": amount,
               "ssl_auth_amount": amount, "ssl_invoice_number": fields.get("ssl_invoice_number", ""),
               "ssl_txn_time": self._time(), "_created": self.now(), "_original": payment["ssl_txn_id"]}
        self.transactions[txn_id] = txn
        return _txn(txn)

    def _query(self, fields: dict[str, str]) -> Element:
        if fields.get("ssl_txn_id"):
            return _txn(self._txn(fields))
        self._required(fields, "ssl_search_start_date", "ssl_search_end_date")
        try:
            start = datetime.strptime(fields["ssl_search_start_date"], _DATE).replace(tzinfo=UTC).timestamp()
            end = datetime.strptime(fields["ssl_search_end_date"], _DATE).replace(tzinfo=UTC).timestamp()
        except ValueError:
            raise ConvergeError("5030", "Invalid Date", "The search dates are not MM/DD/YYYY hh:mm:ss") from None
        listed = Element("txnlist")
        found = [t for t in self.transactions.values() if start <= t["_created"] <= end]
        SubElement(listed, "ssl_txn_count").text = str(len(found))
        for txn in found:
            listed.append(_txn(txn))
        return listed


def _with_query(url: str, values: dict[str, str]) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode(values)}"


def _txn(values: dict[str, Any]) -> Element:
    txn = Element("txn")
    for name, value in values.items():
        if not name.startswith("_"):
            SubElement(txn, name).text = str(value)
    return txn


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake Elavon Converge XML API on loopback, for the desk's "
                                                 "demo and tests.")
    parser.add_argument("--port", type=int, default=12113)
    parser.add_argument("--merchant", default=DEFAULT_MERCHANT)
    parser.add_argument("--user", default=DEFAULT_USER)
    parser.add_argument("--pin", default=DEFAULT_PIN)
    parser.add_argument("--hold-days", type=int, default=DEFAULT_HOLD_DAYS)
    arguments = parser.parse_args()
    FakeConverge(arguments.merchant, arguments.user, arguments.pin,
                 arguments.hold_days).run_until_interrupted(arguments.port, "Converge")


if __name__ == "__main__":
    main()
