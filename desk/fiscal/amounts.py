"""A receipt's amounts as a registered register takes them: corrections folded into the lines they correct, a
line's price and quantity the register checks, and JSON whose numbers are a Decimal's own digits.

ATOL, KKM-server and ErpNet.FP differ in how they are told a line's amount, never in what it is: one home for it.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desk.core.errors import InvalidInput
from desk.fiscal.errors import RegisterNotSetUp
from desk.fiscal.interface import SaleLine
from desk.fiscal.settings import RegisterSettings

CENT = Decimal("0.01")


def corrected(lines: tuple[SaleLine, ...], settings: RegisterSettings, register: str,
              known: Collection[str] | None = None) -> list[tuple[SaleLine, Decimal]]:
    """The receipt's sale lines with what each finally costs: a correction (a negative line) is taken off the lines
    of its own VAT code, the last first (a correction follows what it corrects), so each rate's VAT stays as the
    bill has it and the register never gets a negative price (ErpNet.FP is told the difference as a discount); one
    larger than its code's lines is refused before the register is asked. Every rate needs its VAT code, one of
    ``known`` when the register takes only those (an ATOL code set on a Bulgarian printer is none)."""
    codes: list[str] = []
    for line in lines:
        code = settings.vat_code(line.tax_percent)
        if code is None or (known is not None and code not in known):
            raise RegisterNotSetUp("Register {register} has no VAT code for the rate “{rate}”: a manager sets it "
                                   "(desk registers set {register} --vat ...)", register=register,
                                   rate=line.tax_percent or "none")
        codes.append(code)
    sold = [(line, code) for line, code in zip(lines, codes, strict=True) if Decimal(line.amount) >= 0]
    costs = [Decimal(line.amount) for line, _code in sold]
    owed: dict[str, Decimal] = {}
    for line, code in zip(lines, codes, strict=True):
        if Decimal(line.amount) < 0:
            owed[code] = owed.get(code, Decimal(0)) - Decimal(line.amount)
    for code, amount in owed.items():
        for index in reversed(range(len(sold))):
            if amount <= 0:
                break
            if sold[index][1] == code:
                taken = min(amount, costs[index])
                costs[index] -= taken
                amount -= taken
        if amount > 0:
            raise InvalidInput("Register {register} cannot print this receipt: its corrections at tax group {group} "
                               "take off {amount} more than the lines of that group sell", field="receipt",
                               register=register, group=code, amount=str(amount.quantize(CENT)))
    return [(line, cost) for (line, _code), cost in zip(sold, costs, strict=True)]


def unit_price(amount: Decimal, quantity: Decimal) -> tuple[Decimal, Decimal]:
    """A line's price and quantity as a register checks them (price x quantity = amount, to the cent); a total
    the unit price cannot make is one line of the total."""
    price = (amount / quantity).quantize(CENT, ROUND_HALF_UP) if quantity else amount
    if (price * quantity).quantize(CENT, ROUND_HALF_UP) != amount:
        return amount, Decimal(1)
    return price, quantity


def digits(value: Decimal) -> str:
    """A Decimal's own digits, never an exponent a register or a reader would misread."""
    if not value.is_finite():
        raise ValueError(f"{value} is no JSON number")
    return format(value, "f")


def exact_json(value: Any) -> bytes:
    """``value`` as JSON whose numbers are the Decimals' own digits, never a binary float's: ErpNet.FP binds a
    quantity, a price and an amount to .NET's decimal, so 0.333 kg or 1.5 nights reach the printer as written."""

    def text(item: Any) -> str:
        if isinstance(item, Decimal):
            return digits(item)
        if isinstance(item, float):
            raise TypeError("a binary float in a fiscal request: amounts and quantities go as Decimal")
        if isinstance(item, dict):
            return "{" + ",".join(f"{json.dumps(str(k), ensure_ascii=False)}:{text(v)}" for k, v in item.items()) + "}"
        if isinstance(item, list | tuple):
            return "[" + ",".join(text(v) for v in item) + "]"
        return json.dumps(item, ensure_ascii=False)

    return text(value).encode("utf-8")


def kept_json(value: Any) -> str:
    """A request and its answer as ``register_document`` keeps them: a Decimal (ErpNet.FP's quantities and amounts)
    as its digits in a string, so reading it back never goes through a float; ATOL's floats as they were sent."""

    def decimal(item: Any) -> Any:
        if isinstance(item, Decimal):
            return digits(item)
        raise TypeError(f"{type(item).__name__} is no JSON value")

    return json.dumps(value, ensure_ascii=False, default=decimal)
