"""r_keeper's FarCards HTTP protocol: the XML codec, with no database in it.

FarCards (ExtDllHTTP) POSTs two kinds of message to the processing server:

- ``getcardinfoex``: ``<ROOT><QRY Card= Restaurant= UnitNo=>[<INPBUF><CHECK>..]</QRY></ROOT>``, answered by
  ``<Root><GetCardInfoEx Result= Holder= Locked= WhyLock= Summa= ScrMessage= .../></Root>``;
- ``transactionsex``: ``<ROOT><TRANSACTIONS><TRANSACTIONSEX Card= Kind= Summa= RKCheck= .../>..</TRANSACTIONS>
  <INPBUF><CHECK><CHECKDATA><CHECKLINES/><CHECKDISCOUNTS/><CHECKPAYMENTS/><CHECKTAXES/></CHECKDATA></CHECK>
  </INPBUF></ROOT>`` (older set-ups write TRANSACTION for TRANSACTIONSEX), answered by
  ``<Root><TransactionsEx Result=/></Root>`` (0: all posted, 1: none), an error carrying
  ``<TRRESPONSE error_code= err_text=/>`` in its OutBuf.

ExtDllHTTP reads an answer only from an HTTP 200, so the service answers every refusal with 200
and Result 1; a card nobody knows is GetCardInfoEx Result 1 ("no such card").

Sums in transactions are minor units; a payment (Kind 0) takes money off the card as a negative
Summa (the room's share of the check) and gives it back as a positive one: all that is left of the
check on cancellation, part of it on a refund. Tags and attributes are matched
without regard to case, as FarCards does not promise one.
"""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_hardened

MAX_BODY = 256 * 1024


class MalformedMessage(ValueError):
    """The bytes are not a FarCards message we can read; nothing was done."""


# --- reading -------------------------------------------------------------------------------------


def _parse(body: bytes) -> ET.Element:
    if len(body) > MAX_BODY:
        raise MalformedMessage(f"The message is larger than {MAX_BODY // 1024} KiB")
    if not body.strip():
        raise MalformedMessage("The message is empty")
    # No DTDs at all: entity expansion and external entities are the classic XML attacks. The
    # parser refuses them as it reads, whatever the encoding: a filter on the bytes missed a
    # DOCTYPE written in UTF-16.
    try:
        root = parse_hardened(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise MalformedMessage("XML with a DOCTYPE or ENTITY is not accepted") from None
    except ET.ParseError as exc:
        raise MalformedMessage(f"The message is not well-formed XML ({exc})") from None
    except (ValueError, LookupError) as exc:  # an encoding expat does not know
        raise MalformedMessage(f"The message cannot be decoded ({exc})") from None
    return root


def _attrs(element: ET.Element) -> dict[str, str]:
    return {k.lower(): v for k, v in element.attrib.items()}


def _children(element: ET.Element | None, tag: str) -> list[ET.Element]:
    if element is None:
        return []
    return [child for child in element if child.tag.lower() == tag]


def _child(element: ET.Element | None, tag: str) -> ET.Element | None:
    found = _children(element, tag)
    return found[0] if found else None


def _find(element: ET.Element | None, tag: str) -> ET.Element | None:
    if element is None:
        return None
    return next((e for e in element.iter() if e.tag.lower() == tag), None)


def _int(value: str | None, what: str, default: int | None = None) -> int:
    if value is None or value.strip() == "":
        if default is None:
            raise MalformedMessage(f"{what} is missing")
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise MalformedMessage(f"{what} is not a whole number: {value[:40]!r}") from None


def _decimal(value: str | None, what: str, default: Decimal | None = None) -> Decimal:
    if value is None or value.strip() == "":
        if default is None:
            raise MalformedMessage(f"{what} is missing")
        return default
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        raise MalformedMessage(f"{what} is not a number: {value[:40]!r}") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 12:
        raise MalformedMessage(f"{what} is out of range: {value[:40]!r}")
    return number


def _card(value: str | None) -> str:
    card = (value or "").strip()
    if not card.isdigit() or len(card) > 19:
        raise MalformedMessage(f"Card must be numeric (got {card[:24]!r})")
    return card.lstrip("0") or "0"


@dataclass(frozen=True)
class CardQuery:
    card: str
    restaurant: int
    unit: int


def parse_card_query(body: bytes) -> CardQuery:
    root = _parse(body)
    qry = root if root.tag.lower() == "qry" else _find(root, "qry")
    if qry is None:
        raise MalformedMessage("The message has no QRY element")
    attrs = _attrs(qry)
    return CardQuery(_card(attrs.get("card")), _int(attrs.get("restaurant"), "Restaurant", 0),
                     _int(attrs.get("unitno"), "UnitNo", 0))


@dataclass(frozen=True)
class Transaction:
    card: str
    kind: int
    summa: int  # minor units; negative takes money off the card
    restaurant: int
    rk_check: int
    attributes: str = ""  # every attribute as sent: with the check's lines, a refund's identity


@dataclass(frozen=True)
class CheckLineXml:
    name: str
    quantity: Decimal
    price: Decimal
    amount: Decimal
    tax_percent: Decimal | None
    code: str = ""  # the dish's code at the till
    category: str = ""  # its category's code, when the till sends one


@dataclass(frozen=True)
class PaymentXml:
    code: str  # r_keeper's currency code
    card: str  # the card it was charged to, empty for cash and the like
    amount: Decimal | None


@dataclass(frozen=True)
class CheckXml:
    check_id: str
    check_number: str
    closed_at: datetime | None  # as the till wrote it: without a zone it is the hotel's local time
    lines: tuple[CheckLineXml, ...]
    payments: tuple[PaymentXml, ...]
    tax_rates: tuple[Decimal, ...]
    waiter: str
    station: str
    discount: Decimal = Decimal(0)  # the check's discounts together, as a positive sum

    @property
    def payment_codes(self) -> tuple[tuple[str, str], ...]:
        return tuple((p.code, p.card) for p in self.payments)


@dataclass(frozen=True)
class TransactionsRequest:
    transactions: tuple[Transaction, ...]
    check: CheckXml | None

    def identity(self) -> str:
        """The same for a message sent again after a timeout, different for another refund of the check."""
        parts = [t.attributes for t in self.transactions]
        if self.check is not None:
            parts += [f"{line.name}|{line.quantity}|{line.amount}" for line in self.check.lines]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MalformedMessage(f"Not an XML date and time: {value[:40]!r}") from None
    return moment


def _check(check: ET.Element | None, transactions: tuple[Transaction, ...]) -> CheckXml | None:
    if check is None:
        return None
    head = _attrs(check)
    data = _child(check, "checkdata")
    info = _attrs(data) if data is not None else {}
    number = info.get("checknum") or (str(transactions[0].rk_check) if transactions else "")
    guid = info.get("orderguid", "").strip("{} ")
    first = transactions[0] if transactions else None
    check_id = check_identity(f"{guid}/{number}" if guid else f"{first.restaurant if first else 0}-{number}")
    lines = []
    for line in _children(_child(data, "checklines"), "line"):
        a = _attrs(line)
        quantity = _decimal(a.get("quantity"), "LINE quantity", Decimal(1))
        price = _decimal(a.get("price"), "LINE price")
        amount = _decimal(a.get("sum"), "LINE sum", price * quantity)
        tax = _child(line, "taxes")
        rate = a.get("taxrate") or (_attrs(_children(tax, "tax")[0]).get("rate") if _children(tax, "tax") else None)
        lines.append(CheckLineXml((a.get("name") or a.get("code") or "?").strip()[:120], quantity, price, amount,
                                  _decimal(rate, "LINE tax rate") if rate else None,
                                  (a.get("code") or "").strip()[:40], _category(line, a)))
    payments = tuple(
        PaymentXml(a.get("code", "").strip(), a.get("cardcode", "").strip(),
                   _decimal(a["amount"], "PAYMENT amount") if a.get("amount") else None)
        for a in map(_attrs, _children(_child(data, "checkpayments"), "payment")))
    rates = tuple(_decimal(_attrs(t).get("rate"), "TAX rate", Decimal(0))
                  for t in _children(_child(data, "checktaxes"), "tax"))
    # r_keeper writes a discount's sum negative; either sign means money off the check.
    discount = sum((abs(_decimal(_attrs(d).get("sum"), "DISCOUNT sum", Decimal(0)))
                    for d in _children(_child(data, "checkdiscounts"), "discount")), Decimal(0))
    # Only the closing time says whose check it is: generateddate is when the message was made,
    # hours later for a check the till kept during an outage.
    return CheckXml(check_id, number[:40], _when(info.get("closedatetime")), tuple(lines), payments, rates,
                    (info.get("waitername") or "")[:40], (head.get("stationcode") or "")[:40], discount)


def _category(line: ET.Element, attributes: dict[str, str]) -> str:
    """The category code of a check line: a CATEG child's code, or the line's own categ attribute."""
    child = _child(line, "categ") or _child(line, "category")
    if child is not None:
        own = _attrs(child)
        return (own.get("code") or own.get("id") or "").strip()[:40]
    return (attributes.get("categcode") or attributes.get("categ") or "").strip()[:40]


CHECK_ID_LENGTH = 40  # what a check id may hold (desk.pos.checks, the pos_check table)


def check_identity(whole: str) -> str:
    """A check's id as the desk keeps it: the till's own when it fits, else a digest of all of it.

    An order's GUID and the check number together pass 40 characters; cutting them made the second
    check of a split order look like the first (refused as a conflict). The digest keeps the whole
    identity, and the same check sent again gets the same id, so a resend is still recognised.
    """
    if len(whole) <= CHECK_ID_LENGTH:
        return whole
    digest = base64.urlsafe_b64encode(hashlib.sha256(whole.encode("utf-8")).digest()).decode("ascii").rstrip("=")
    return "~" + digest[: CHECK_ID_LENGTH - 1]


def parse_transactions(body: bytes) -> TransactionsRequest:
    root = _parse(body)
    # ExtDllHTTP writes TRANSACTIONS holding TRANSACTIONSEX elements, older set-ups TRANSACTION.
    found = [e for e in root.iter() if e.tag.lower() in ("transactionsex", "transaction")]
    if not found:
        raise MalformedMessage("The message has no TRANSACTIONSEX or TRANSACTION element")
    transactions = []
    for element in found:
        a = _attrs(element)
        transactions.append(Transaction(_card(a.get("card")), _int(a.get("kind"), "Kind"),
                                        _int(a.get("summa"), "Summa"), _int(a.get("restaurant"), "Restaurant", 0),
                                        _int(a.get("rkcheck"), "RKCheck", 0),
                                        "|".join(f"{k}={v}" for k, v in sorted(a.items()))))
    inpbuf = _find(root, "inpbuf")
    check = _find(inpbuf, "check") if inpbuf is not None else None
    return TransactionsRequest(tuple(transactions), _check(check, tuple(transactions)))


# --- writing -------------------------------------------------------------------------------------

_SAFE_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value: str, limit: int = 255) -> str:
    # Fixed 256-byte fields on the till's side; control characters are not XML.
    return _SAFE_TEXT.sub(" ", value)[:limit]


def _document(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass(frozen=True)
class CardAnswer:
    found: bool
    holder: str = ""
    person_id: int = 0
    account: int = 0
    locked: bool = False
    why_locked: str = ""
    available: int = 0  # minor units the till may take off the card
    info: str = ""
    screen: str = ""
    printed: str = ""


def card_answer(answer: CardAnswer) -> bytes:
    root = ET.Element("Root")
    element = ET.SubElement(root, "GetCardInfoEx", Result="0" if answer.found else "1")
    if not answer.found and answer.screen:
        element.set("ScrMessage", _text(answer.screen))  # why, for the log and a till that shows it
    if answer.found:
        for name, value in (
            ("Deleted", "0"), ("Seize", "0"), ("StopDate", "0"), ("Holy", "0"), ("Manager", "0"),
            ("Locked", "1" if answer.locked else "0"), ("WhyLock", _text(answer.why_locked)),
            ("Holder", _text(answer.holder, 39)), ("PersonID", str(answer.person_id)),
            ("Account", str(answer.account)), ("Unpay", "0"), ("Bonus", "0"), ("Discount", "0"),
            ("DiscLimit", "0"), ("Summa", str(answer.available)), ("DopInfo", _text(answer.info)),
            ("ScrMessage", _text(answer.screen)), ("PrnMessage", _text(answer.printed)),
        ):
            element.set(name, value)
    return _document(root)


def transactions_answer(ok: bool, code: int = 0, text: str = "") -> bytes:
    root = ET.Element("Root")
    element = ET.SubElement(root, "TransactionsEx", Result="0" if ok else "1")
    if text or not ok:
        out = ET.SubElement(element, "OutBuf", OutKind="1")
        response = ET.SubElement(out, "TRRESPONSE", error_code=str(code))
        response.set("err_text", _text(text))
    return _document(root)
