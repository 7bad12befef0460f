"""The card form a fake operator's hosted page serves: what the guest types the card into on the
operator's own site, never on ours (R11). Each fake puts it at its own address and answers what follows
in its own protocol; the form and the checks of what was typed are the same for all of them.

Test cards (any future expiry, any 3-digit CVC): 4111 1111 1111 1111 (Visa) and 5555 5555 5555 4444
(Mastercard) are accepted; 4000 0000 0000 0002 fails the card check the operator makes before saving.
A number that fails the Luhn check, a past expiry or a short CVC is refused on the page, as an
operator's page does, and the guest may correct it. The fake keeps no card number: only its brand and
last four digits leave this module.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs

# Number: (brand, whether the operator's check of the card passes).
TEST_CARDS: dict[str, tuple[str, bool]] = {
    "4111111111111111": ("VISA", True),
    "5555555555554444": ("MASTERCARD", True),
    "4000000000000002": ("VISA", False),
}


@dataclass(frozen=True)
class TypedCard:
    """What the guest typed, without the number: the fake never holds it."""

    brand: str
    last4: str
    exp_month: int
    exp_year: int
    holder: str
    passes_check: bool


class CardRefused(Exception):
    """What the page tells the guest about what they typed."""


def luhn_ok(number: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def read_card_form(body: str, today: date) -> TypedCard:
    """The form the guest sent, checked as an operator's page checks it; :class:`CardRefused` if not."""
    fields = {name: values[0].strip() for name, values in parse_qs(body, keep_blank_values=True).items()}
    number = fields.get("card_number", "").replace(" ", "")
    if not (number.isdigit() and 12 <= len(number) <= 19 and luhn_ok(number)):
        raise CardRefused("The card number is not valid.")
    if number not in TEST_CARDS:
        raise CardRefused("This test system accepts only its test cards.")
    try:
        month, year = int(fields.get("exp_month", "")), int(fields.get("exp_year", ""))
    except ValueError:
        raise CardRefused("The expiry date is not valid.") from None
    if year < 100:
        year += 2000
    if not 1 <= month <= 12 or (year, month) < (today.year, today.month):
        raise CardRefused("The card has expired or the expiry date is not valid.")
    cvc = fields.get("cvc", "")
    if not (cvc.isdigit() and len(cvc) in (3, 4)):
        raise CardRefused("The security code (CVC) is not valid.")
    holder = fields.get("holder", "")
    if not holder or len(holder) > 50:
        raise CardRefused("Enter the name on the card.")
    brand, passes = TEST_CARDS[number]
    return TypedCard(brand, number[-4:], month, year, holder, passes)


def card_form_page(operator: str, action: str, cancel_action: str, error: str = "") -> bytes:
    """The page with the card form; the form posts to ``action``, Cancel to ``cancel_action``."""
    problem = f'<p id="error" class="error">{html.escape(error)}</p>' if error else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(operator)} – card</title>
<style>
body {{ font-family: sans-serif; background: #f4f5f7; margin: 0; }}
main {{ max-width: 26em; margin: 2em auto; background: white; padding: 1.5em 2em; border-radius: 6px; }}
h1 {{ font-size: 1.2em; }} label {{ display: block; margin-top: .8em; font-size: .9em; }}
input {{ width: 100%; padding: .4em; font-size: 1em; box-sizing: border-box; }}
.row {{ display: flex; gap: 1em; }} .error {{ color: #b00020; }}
button {{ margin-top: 1.2em; padding: .5em 1.5em; font-size: 1em; }}
.test {{ color: #666; font-size: .8em; }}
</style></head>
<body><main>
<h1>{html.escape(operator)} · secure card entry (test system)</h1>
{problem}
<form id="card" method="post" action="{html.escape(action)}" autocomplete="off">
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" maxlength="23">
<div class="row">
<div><label for="exp_month">Month</label><input id="exp_month" name="exp_month" maxlength="2"></div>
<div><label for="exp_year">Year</label><input id="exp_year" name="exp_year" maxlength="4"></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" maxlength="4"></div>
</div>
<label for="holder">Name on the card</label>
<input id="holder" name="holder" maxlength="50">
<button id="save" type="submit">Save card</button>
</form>
<form method="post" action="{html.escape(cancel_action)}"><button id="cancel" type="submit">Cancel</button></form>
<p class="test">Test cards: 4111 1111 1111 1111, 5555 5555 5555 4444; 4000 0000 0000 0002 fails the check.</p>
</main></body></html>
""".encode()


def message_page(operator: str, text: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(operator)}</title>'
            f'</head><body><p id="message">{html.escape(text)}</p></body></html>').encode()
