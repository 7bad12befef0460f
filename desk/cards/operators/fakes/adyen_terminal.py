"""The fake Adyen's payment terminals: Adyen's cloud Terminal API (``POST /sync``) as Adyen documents it,
for the desk's "save the card on the terminal" (see desk.cards.operators.adyen_terminal).

- A request is a ``SaleToPOIRequest`` whose MessageHeader has ProtocolVersion 3.0, MessageClass
  Service, MessageType Request, the category of its body, a SaleID, a ServiceID of 1 to 10 characters
  never used before by that SaleID, and the POIID of a terminal of the account. Otherwise it is
  rejected (an EventNotification ``Reject`` naming why) and nothing is done.
- ``Payment``: the answer waits until the terminal ends the payment: the guest presents a card
  (:meth:`FakeTerminals.present_card`: ``visa``/``mc`` approved and a token made when
  ``TokenRequestedType`` is Customer and ``SaleToAcquirerData`` asks for a recurring contract with a
  shopperReference; ``refused``: Failure, ErrorCondition Refusal), cancels on the terminal
  (:meth:`cancel_on_terminal`: Failure, Cancel), or we abort it. A terminal busy with another
  payment (or set :attr:`busy`) answers Failure, ErrorCondition Busy, at once.
- ``Abort``: names the payment's ServiceID in MessageReference; the payment ends Failure, Aborted.
  It has no answer of its own (an empty 200).
- ``TransactionStatus``: names the payment's SaleID and ServiceID; answers Failure InProgress while it
  waits at the terminal, Failure NotFound for a payment the terminal never had, and Success with the
  payment's own answer repeated (RepeatedMessageResponse) once it ended.

What the terminals did is in :attr:`FakeTerminals.done` (one record per payment), for tests to compare
with the desk's journal and saved cards; no card number is ever in it nor in any answer.
"""

from __future__ import annotations

import secrets
import string
import threading
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

# What a card presented on the fake terminal gives: brand, last four, and refused or not.
TERMINAL_CARDS: dict[str, tuple[str, str, str]] = {
    "visa": ("visa", "1111", ""),
    "mc": ("mc", "0004", ""),
    "refused": ("visa", "0002", "Refused"),
}
CATEGORIES = ("Payment", "Abort", "TransactionStatus")
# How long Adyen's cloud keeps a /sync open for the terminal before it answers without it.
CLOUD_WAIT_S = 150.0


def _psp() -> str:
    return "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(16))


class FakeTerminals:
    """The account's terminals by POIID, their payments, and what each one did."""

    def __init__(self, stored: dict[str, dict[str, Any]], now: Any) -> None:
        self._stored = stored  # the fake Adyen's stored payment methods, where a token made here goes too
        self._now = now
        self.terminals: dict[str, dict[str, Any]] = {}  # POIID -> {"busy": bool, "current": ServiceID key}
        self.payments: dict[tuple[str, str], dict[str, Any]] = {}  # (SaleID, ServiceID) -> the payment
        self.used: set[tuple[str, str]] = set()  # every (SaleID, ServiceID) seen
        self.done: list[dict[str, Any]] = []  # each payment's end, in order
        self.messages: list[tuple[str, str, str]] = []  # (category, POIID, ServiceID) of each request accepted
        self.cloud_wait_s = CLOUD_WAIT_S
        self._changed = threading.Condition()

    # --- test controls --------------------------------------------------------------------------

    def add_terminal(self, poiid: str = "V400m-324688179") -> str:
        with self._changed:
            self.terminals[poiid] = {"busy": False, "current": None}
        return poiid

    def set_busy(self, poiid: str, busy: bool = True) -> None:
        with self._changed:
            self.terminals[poiid]["busy"] = busy

    def waiting(self, poiid: str, timeout: float = 10.0) -> dict[str, Any]:
        """The payment the terminal shows the guest, once it arrived (the desk sends it from a thread)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.terminals[poiid]["current"] is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no payment reached terminal {poiid}")
                self._changed.wait(left)
            return self.payments[self.terminals[poiid]["current"]]

    def present_card(self, poiid: str, card: str = "visa") -> None:
        """The guest presents a card (and enters the PIN) on the terminal."""
        payment = self.waiting(poiid)
        brand, last4, refusal = TERMINAL_CARDS[card]
        with self._changed:
            if refusal:
                self._end(payment, "Failure", "Refusal", {"refusalReason": refusal, "refusalReasonCode": "2",
                                                          "message": refusal})
                return
            extra = {"cardSummary": last4, "expiryDate": "3/2030", "paymentMethod": brand}
            asked = payment["acquirer"]
            if payment["token_requested"] and asked.get("shopperReference") and (
                    asked.get("recurringContract") or asked.get("recurringProcessingModel")):
                token = _psp()
                self._stored[token] = {"shopperReference": asked["shopperReference"], "brand": brand, "last4": last4,
                                       "expiryMonth": 3, "expiryYear": 2030, "holderName": "", "deleted": False,
                                       "recurringProcessingModel": asked.get("recurringProcessingModel", ""),
                                       "on_charge": "ok"}
                extra.update({"tokenization.storedPaymentMethodId": token,
                              "tokenization.shopperReference": asked["shopperReference"],
                              "recurring.recurringDetailReference": token,
                              "recurring.shopperReference": asked["shopperReference"]})
            self._end(payment, "Success", "", extra, brand=brand, last4=last4)

    def cancel_on_terminal(self, poiid: str) -> None:
        """The guest (or the clerk) presses Cancel on the terminal itself."""
        payment = self.waiting(poiid)
        with self._changed:
            self._end(payment, "Failure", "Cancel", {"message": "Transaction cancelled"})

    # --- the protocol -----------------------------------------------------------------------------

    def handle(self, message: dict[str, Any]) -> tuple[int, Any]:
        """(HTTP status, answer): a payment's answer waits for the terminal, outside any lock of the fake."""
        request = message.get("SaleToPOIRequest")
        if not isinstance(request, dict):
            return 200, _reject("", "", "SaleToPOIRequest is missing")
        header = request.get("MessageHeader") or {}
        category = str(header.get("MessageCategory") or "")
        poiid, sale, service = (str(header.get(name) or "") for name in ("POIID", "SaleID", "ServiceID"))
        problem = ""
        if header.get("ProtocolVersion") != "3.0" or header.get("MessageClass") != "Service" \
                or header.get("MessageType") != "Request":
            problem = "MessageHeader: ProtocolVersion 3.0, MessageClass Service, MessageType Request expected"
        elif category not in CATEGORIES or not isinstance(request.get(f"{category}Request"), dict):
            problem = f"MessageCategory {category or 'missing'} and its request body do not match"
        elif not sale:
            problem = "SaleID is missing"
        elif not 1 <= len(service) <= 10:
            problem = "ServiceID is missing or longer than 10 characters"
        with self._changed:
            if not problem and poiid not in self.terminals:
                problem = f"POIID {poiid or 'missing'} is not a terminal of this account"
            elif not problem and (sale, service) in self.used:
                problem = f"ServiceID {service} was used before"
            if problem:
                return 200, _reject(poiid, service, problem)
            self.used.add((sale, service))
            self.messages.append((category, poiid, service))
            body = request[f"{category}Request"]
            if category == "Abort":
                return 200, self._abort(body)
            if category == "TransactionStatus":
                return 200, self._status(header, body)
            payment = self._start(header, body)
            if "answer" in payment:
                return 200, payment["answer"]
            deadline = time.monotonic() + self.cloud_wait_s
            while "answer" not in payment:
                left = deadline - time.monotonic()
                if left <= 0:
                    return 200, _reject(poiid, service, "Did not receive a response from the POI.")
                self._changed.wait(min(left, 0.5))
            return 200, payment["answer"]

    def _start(self, header: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        sale_data = body.get("SaleData") or {}
        amounts = (body.get("PaymentTransaction") or {}).get("AmountsReq") or {}
        asked = parse_qs(str(sale_data.get("SaleToAcquirerData") or ""))
        acquirer = {name: values[0] for name, values in asked.items()}
        terminal = self.terminals[header["POIID"]]
        payment: dict[str, Any] = {
            "header": header, "poiid": header["POIID"], "sale": header["SaleID"], "service": header["ServiceID"],
            "transaction": str((sale_data.get("SaleTransactionID") or {}).get("TransactionID") or ""),
            "amount": amounts.get("RequestedAmount"), "currency": str(amounts.get("Currency") or ""),
            "token_requested": sale_data.get("TokenRequestedType") == "Customer", "acquirer": acquirer,
            "state": "in_progress"}
        self.payments[(payment["sale"], payment["service"])] = payment
        if terminal["busy"] or terminal["current"] is not None:
            self._end(payment, "Failure", "Busy", {"message": "Terminal busy"}, occupy=False)
            return payment
        if not payment["currency"] or payment["amount"] is None:
            self._end(payment, "Failure", "MessageFormat", {"message": "AmountsReq: Currency and RequestedAmount"},
                      occupy=False)
            return payment
        terminal["current"] = (payment["sale"], payment["service"])
        self._changed.notify_all()
        return payment

    def _end(self, payment: dict[str, Any], result: str, condition: str, extra: dict[str, str], *,
             brand: str = "", last4: str = "", occupy: bool = True) -> None:
        response: dict[str, Any] = {"Result": result, "AdditionalResponse": urlencode(extra)}
        if condition:
            response["ErrorCondition"] = condition
        psp = _psp()
        header = {**payment["header"], "MessageType": "Response"}
        answer: dict[str, Any] = {
            "Response": response,
            "SaleData": {"SaleTransactionID": {"TransactionID": payment["transaction"]}},
            "POIData": {"POITransactionID": {"TransactionID": f"{psp}.{psp}",
                                             "TimeStamp": datetime.fromtimestamp(self._now(), UTC).isoformat()}}}
        if result == "Success":
            answer["PaymentResult"] = {"PaymentInstrumentData": {"CardData": {
                "PaymentBrand": brand, "MaskedPAN": f"411111******{last4}"}},
                "AmountsResp": {"AuthorizedAmount": 0, "Currency": payment["currency"]}}
        payment["answer"] = {"SaleToPOIResponse": {"MessageHeader": header, "PaymentResponse": answer}}
        payment["state"] = "done"
        self.done.append({"poiid": payment["poiid"], "service": payment["service"],
                          "transaction": payment["transaction"], "result": result, "condition": condition,
                          "token": extra.get("tokenization.storedPaymentMethodId", ""),
                          "shopperReference": payment["acquirer"].get("shopperReference", "")})
        if occupy:
            self.terminals[payment["poiid"]]["current"] = None
        self._changed.notify_all()

    def _abort(self, body: dict[str, Any]) -> dict[str, Any]:
        reference = body.get("MessageReference") or {}
        payment = self.payments.get((str(reference.get("SaleID") or ""), str(reference.get("ServiceID") or "")))
        if payment is not None and payment["state"] == "in_progress":
            self._end(payment, "Failure", "Aborted", {"message": "Transaction aborted by the sale system"})
        return {}

    def _status(self, header: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        reference = body.get("MessageReference") or {}
        asked = (str(reference.get("SaleID") or header["SaleID"]), str(reference.get("ServiceID") or ""))
        payment = self.payments.get(asked)
        answer_header = {**header, "MessageType": "Response"}
        if payment is None or payment["poiid"] != header["POIID"]:
            status: dict[str, Any] = {"Response": {"Result": "Failure", "ErrorCondition": "NotFound"}}
        elif payment["state"] == "in_progress":
            status = {"Response": {"Result": "Failure", "ErrorCondition": "InProgress"}}
        else:
            original = payment["answer"]["SaleToPOIResponse"]
            status = {"Response": {"Result": "Success"}, "MessageReference": {
                "MessageCategory": "Payment", "SaleID": asked[0], "ServiceID": asked[1]},
                "RepeatedMessageResponse": {"MessageHeader": original["MessageHeader"],
                                            "RepeatedResponseMessageBody": {
                                                "PaymentResponse": original["PaymentResponse"]}}}
        return {"SaleToPOIResponse": {"MessageHeader": answer_header, "TransactionStatusResponse": status}}


def _reject(poiid: str, service: str, why: str) -> dict[str, Any]:
    """Adyen's answer to a request it will not pass to a terminal: an EventNotification Reject."""
    return {"SaleToPOIRequest": {
        "MessageHeader": {"ProtocolVersion": "3.0", "MessageClass": "Event", "MessageCategory": "Event",
                          "MessageType": "Notification", "ServiceID": service, "POIID": poiid},
        "EventNotification": {"EventToNotify": "Reject", "EventDetails": urlencode({"message": why}),
                              "TimeStamp": datetime.now(UTC).isoformat()}}}
