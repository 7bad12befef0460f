"""ZVT's numbers and what they mean: prompts (04 FF), result codes, currencies, card types."""

from __future__ import annotations

from hardware.terminal.interface import StatusMessage

# Intermediate status byte -> (stable key, English text).
PROMPTS: dict[int, tuple[str, str]] = {
    0x00: ("confirm_amount", "Waiting for the amount to be confirmed"),
    0x01: ("enter_pin", "Enter PIN"),
    0x02: ("enter_pin", "Enter PIN"),
    0x03: ("not_accepted", "Not accepted"),
    0x04: ("waiting_for_host", "Waiting for the bank"),
    0x05: ("please_wait", "Sending auto-reversal"),
    0x06: ("please_wait", "Sending post-bookings"),
    0x07: ("card_not_accepted", "Card not admitted"),
    0x08: ("card_not_accepted", "Card unknown"),
    0x09: ("card_not_accepted", "Card expired"),
    0x0A: ("insert_card", "Insert card"),
    0x0B: ("remove_card", "Please remove card"),
    0x0C: ("card_not_accepted", "Card not readable"),
    0x0D: ("error", "Processing error"),
    0x0E: ("please_wait", "Please wait"),
    0x0F: ("please_wait", "Automatic end of day running"),
    0x10: ("card_not_accepted", "Invalid card"),
    0x11: ("please_wait", "Balance display"),
    0x12: ("error", "System malfunction"),
    0x13: ("declined", "Payment not possible"),
    0x14: ("declined", "Credit not sufficient"),
    0x15: ("enter_pin", "Incorrect PIN"),
    0x16: ("declined", "Limit not sufficient"),
    0x17: ("please_wait", "Please wait"),
    0x18: ("declined", "PIN try limit exceeded"),
    0x19: ("card_not_accepted", "Card data incorrect"),
    0x1A: ("please_wait", "Service mode"),
    0x1B: ("approved", "Approved"),
    0x1C: ("approved", "Approved"),
    0x1D: ("declined", "Declined"),
    0x28: ("please_wait", "Currency selection, please wait"),
    0x29: ("please_wait", "Language selection, please wait"),
    0x2A: ("insert_card", "Insert card for loading"),
    0x2C: ("please_wait", "Application selection, please wait"),
    0x41: ("enter_pin", "Enter PIN, then remove card"),
    0x43: ("remove_card", "Not accepted, please remove card"),
    0xD2: ("please_wait", "Connecting"),
    0xD3: ("please_wait", "Connected"),
    0xE0: ("choose_application", "Choose the application"),
    0xE1: ("choose_language", "Choose the language"),
    0xF1: ("please_wait", "Offline"),
    0xF2: ("please_wait", "Online"),
    0xF3: ("please_wait", "Offline transaction"),
}


def prompt(status: int) -> StatusMessage:
    key, text = PROMPTS.get(status, ("please_wait", "Please wait"))
    return StatusMessage(key=key, text=text, raw=status)


ABORT_TIMEOUT = 0x6C  # abort via timeout or abort key
PREAUTH_GONE = 0xB8  # error pre-authorisation: not found, already booked or released
ALREADY_REVERSED = 0xB4
FUNCTION_NOT_POSSIBLE = 0x83
SYSTEM_ERROR = 0xFF

RESULTS: dict[int, str] = {
    0x00: "Approved",
    0x05: "Declined by the card issuer",
    0x33: "Card expired",
    0x51: "Insufficient funds",
    0x64: "Card not readable",
    0x65: "Card data not present",
    0x66: "Processing error",
    0x67: "Function not permitted for this card",
    0x68: "Function not permitted for credit cards",
    0x6A: "Turnover file full",
    0x6B: "Function deactivated (terminal not registered)",
    0x6C: "Aborted (timeout or abort key)",
    0x6E: "Card in blocked list",
    0x6F: "Wrong currency",
    0x71: "Credit not sufficient",
    0x72: "Chip error",
    0x73: "Card data incorrect",
    0x77: "End of day not possible",
    0x78: "Card expired",
    0x79: "Card not yet valid",
    0x7A: "Card unknown",
    0x7D: "Communication error",
    0x83: "Function not possible",
    0x85: "Key missing",
    0x89: "PIN pad defective",
    0x9A: "ZVT protocol error",
    0x9B: "Error from dial-up",
    0x9C: "Please wait",
    0xA0: "Receiver not ready",
    0xA1: "Remote station does not respond",
    0xA3: "No connection",
    0xB1: "Memory full",
    0xB2: "Merchant journal full",
    0xB4: "Already reversed",
    0xB5: "Reversal not possible",
    0xB7: "Pre-authorisation incorrect (amount too high) or amount wrong",
    0xB8: "Pre-authorisation no longer available",
    0xC2: "Diagnosis required",
    0xC3: "Maximum amount exceeded",
    0xC5: "Payment method not supported",
    0xC6: "Currency not applicable",
    0xC8: "Amount too small",
    0xCC: "Printer not ready",
    0xE4: "Terminal activation required",
    0xF0: "Open end-of-day batch present",
    0xFF: "System error",
}


def result_text(code: int) -> str:
    return RESULTS.get(code, f"Declined (code {code:02X})")


# ISO 4217 alphabetic <-> numeric, for the currencies a European front desk meets.
CURRENCIES: dict[str, int] = {
    "EUR": 978, "CHF": 756, "USD": 840, "GBP": 826, "BGN": 975, "RUB": 643, "CZK": 203, "PLN": 985,
    "HUF": 348, "SEK": 752, "DKK": 208, "NOK": 578, "RON": 946, "TRY": 949, "JPY": 392, "RSD": 941,
}
CURRENCY_BY_NUMBER = {number: alpha for alpha, number in CURRENCIES.items()}


def currency_number(alpha: str) -> int:
    try:
        return CURRENCIES[alpha.upper()]
    except KeyError:
        raise ValueError(f"currency {alpha!r} is not one the terminal driver knows") from None


def currency_alpha(number: int) -> str:
    return CURRENCY_BY_NUMBER.get(number, f"{number:03d}")


# ZVT card type (BMP 8A) -> brand, for end-of-day totals and results without a card name.
CARD_TYPES: dict[int, str] = {5: "girocard", 6: "Mastercard", 10: "Visa", 8: "American Express", 12: "Diners"}

# The brands of BMP 60 (individual totals), in the order the terminal sends them.
TOTALS_BRANDS = ("girocard", "JCB", "Eurocard/Mastercard", "American Express", "Visa", "Diners", "Other")
