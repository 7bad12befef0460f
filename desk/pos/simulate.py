"""A small POS for demos and tests: look up a room, pick a guest, post a check, cancel it.

Speaks r_keeper's FarCards HTTP protocol or the REST API to a running ``desk serve``.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx

from desk.cards.operators.tls import verifying_context

MENU = (("Shopska salad", "7.80", 1), ("Grilled trout", "18.50", 2), ("House wine 0.5 l", "14.00", 1))
CREDIT_CODE = "25"


@dataclass
class Simulator:
    url: str  # e.g. http://127.0.0.1:8765
    key: str
    protocol: str = "farcards"  # or "rest"
    timeout: float = 10.0
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # httpx logs each URL, and a FarCards URL holds the key.
        logging.getLogger("httpx").setLevel(logging.WARNING)

    def _client(self) -> httpx.Client:
        # A client of its own for each call, but not a TLS context: one reads the whole CA bundle.
        return httpx.Client(base_url=self.url, timeout=self.timeout, verify=verifying_context())

    # -- FarCards --------------------------------------------------------------------------------

    def card_info(self, card: str) -> dict[str, str]:
        body = f'<?xml version="1.0" encoding="UTF-8"?><ROOT><QRY Card="{card}" Restaurant="1" UnitNo="1"/></ROOT>'
        with self._client() as client:
            answer = client.post(f"/farcards/{self.key}/getcardinfoex", content=body.encode(),
                                 headers={"Content-Type": "text/xml"})
        element = ET.fromstring(answer.content).find("GetCardInfoEx")
        return dict(element.attrib) if element is not None else {}

    def transactions(self, card: str, check: int, lines: list[tuple[str, str, int]], *, cancel: bool = False,
                     guid: str = "", code: str = CREDIT_CODE, tax: str = "20", **more: Any) -> dict[str, str]:
        body = transactions_body(card, check, lines, cancel=cancel, guid=guid, code=code, tax=tax, **more)
        with self._client() as client:
            answer = client.post(f"/farcards/{self.key}/transactionsex", content=body,
                                 headers={"Content-Type": "text/xml"})
        root = ET.fromstring(answer.content)
        element = root.find("TransactionsEx")
        result = dict(element.attrib) if element is not None else {}
        response = root.find(".//TRRESPONSE")
        if response is not None:
            result["err_text"] = response.get("err_text", "")
        return result

    # -- REST ------------------------------------------------------------------------------------

    def rest(self, method: str, path: str, body: Any = None, idempotency_key: str | None = None) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self.key}"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        with self._client() as client:
            answer = client.request(method, f"/api/v1{path}", json=body, headers=headers)
        return answer.status_code, answer.json()

    # -- the demo --------------------------------------------------------------------------------

    def run(self, room: str, *, cancel: bool = True) -> int:
        """Look up the room, charge its first guest a check, cancel it; returns 0 when all went through."""
        check = int(datetime.now(UTC).timestamp()) % 100000
        if self.protocol == "farcards":
            info = self.card_info(room)
            self.say(f"Room {room}: {info.get('Holder')} | {info.get('ScrMessage')}")
            card = room
            if info.get("Locked") == "1":
                codes = re.findall(r"(?:code: |; )(\d+) ", info.get("ScrMessage", ""))
                if not codes:
                    return 1
                card = codes[0]
                info = self.card_info(card)
                self.say(f"Guest {card}: {info.get('Holder')} | {info.get('ScrMessage')}")
            guid = str(uuid.uuid4())
            posted = self.transactions(card, check, list(MENU), guid=guid)
            self.say(f"Check {check} charged: Result={posted.get('Result')} {posted.get('err_text', '')}")
            if posted.get("Result") != "0":
                return 1
            if cancel:
                undone = self.transactions(card, check, list(MENU), guid=guid, cancel=True)
                self.say(f"Check {check} cancelled: Result={undone.get('Result')} {undone.get('err_text', '')}")
                return 0 if undone.get("Result") == "0" else 1
            return 0
        status, found = self.rest("GET", f"/rooms/{room}/guests")
        self.say(f"Room {room}: {status} {json.dumps(found)}")
        if status != 200 or not found["guests"]:
            return 1
        guest = found["guests"][0]
        lines = [{"item": name, "quantity": str(qty), "price": price, "tax": "20"} for name, price, qty in MENU]
        total = sum(Decimal(price) * qty for _, price, qty in MENU)
        body = {"check_id": f"sim-{uuid.uuid4().hex[:12]}", "check_number": str(check), "outlet": "REST",
                "workstation": "SIM-1", "cashier": "Simulator", "payment_code": CREDIT_CODE, "stay": found["stay"],
                "guest_id": guest["guest_id"], "closed_at": datetime.now(UTC).isoformat(), "currency": "EUR",
                "lines": lines, "tip": "0.00", "total": str(total)}
        status, posted = self.rest("POST", "/checks", body, idempotency_key=str(uuid.uuid4()))
        self.say(f"Check {check} charged: {status} {json.dumps(posted)}")
        if status != 201:
            return 1
        if cancel:
            status, undone = self.rest("POST", f"/checks/{body['check_id']}/cancel", {})
            self.say(f"Check {check} cancelled: {status} {json.dumps(undone)}")
            return 0 if status == 200 else 1
        return 0

    def say(self, line: str) -> None:
        self.log.append(line)
        print(line)


def transactions_body(card: str, check: int, lines: list[tuple[str, str, int]], *, cancel: bool = False,
                      guid: str = "", code: str = CREDIT_CODE, tax: str = "20", refund: Decimal | None = None,
                      closed_at: str | None = None, paid_otherwise: tuple[tuple[str, Decimal], ...] = (),
                      discount: Decimal = Decimal(0), envelope: str = "TRANSACTIONSEX", rk_uni: int = 1) -> bytes:
    """A TransactionsEx as r_keeper's FarCards sends it: a closed check charged to ``card``, its cancellation,
    or a refund of part of it (``refund``, with the refunded ``lines``).

    A line of negative quantity is a returned one; ``discount`` is off the whole check (listed apart,
    its sum negative as r_keeper writes it); ``paid_otherwise`` are the other tenders of a split
    check (code, amount): the room is charged the rest. ``closed_at`` is CHECKDATA's closedatetime,
    as the till writes it (no zone: the till's local time).
    """
    amount = sum(Decimal(price) * qty for _, price, qty in lines) - discount
    room = amount - sum((paid for _, paid in paid_otherwise), Decimal(0))
    summa = int(refund * 100) if refund is not None else int(room * 100) * (1 if cancel else -1)
    xml_lines = "".join(
        f'<LINE id="{n}" code="{n}" name="{name}" uni="{n}" type="dish" quantity="{qty}" price="{price}" '
        f'sum="{Decimal(price) * qty}"/>' for n, (name, price, qty) in enumerate(lines, 1))
    tenders = [(code, card, room), *((other, "", paid) for other, paid in paid_otherwise)]
    xml_payments = "".join(f'<PAYMENT id="{n}" code="{tender}" name="{tender}" cardcode="{holder}" amount="{paid}"/>'
                           for n, (tender, holder, paid) in enumerate(tenders, 1))
    xml_discounts = (f'<CHECKDISCOUNTS count="1"><DISCOUNT id="1" code="5" name="Check discount" sum="-{discount}"/>'
                     "</CHECKDISCOUNTS>") if discount else ""
    closed = f' closedatetime="{closed_at}"' if closed_at else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ROOT><TRANSACTIONS>'
        f'<{envelope} Card="{card}" PersonID="0" Account="0" Kind="0" Summa="{summa}" Restaurant="1" '
        f'RKDate="{(datetime.now(UTC).date() - datetime(1899, 12, 30).date()).days}" RKUni="{rk_uni}" '
        f'RKCheck="{check}"/>'
        '</TRANSACTIONS><INPBUF InpKind="1">'
        f'<CHECK stationcode="1" restaurantcode="1" generateddate="{datetime.now(UTC).isoformat()}">'
        f'<CHECKDATA checknum="{check}" orderguid="{guid or check}" waitername="Simulator"{closed}>'
        f'<CHECKLINES count="{len(lines)}">{xml_lines}</CHECKLINES>{xml_discounts}'
        f'<CHECKPAYMENTS count="{len(tenders)}">{xml_payments}</CHECKPAYMENTS>'
        f'<CHECKTAXES count="1"><TAX id="1" rate="{tax}" sum="0"/></CHECKTAXES>'
        '</CHECKDATA></CHECK></INPBUF></ROOT>').encode()
