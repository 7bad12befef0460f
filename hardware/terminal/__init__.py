"""Card terminals: the interface the desk uses, its errors, and the ZVT driver."""

from hardware.terminal.errors import Declined, OutcomeUnknown, PreauthUnavailable, Refused, TerminalAborted
from hardware.terminal.interface import (
    BrandTotal,
    CardOperation,
    CardResult,
    CardTerminal,
    EndOfDayResult,
    Hooks,
    PrintOut,
    Receipt,
    ReceiptKind,
    StatusMessage,
    TerminalState,
)

__all__ = [
    "BrandTotal",
    "CardOperation",
    "CardResult",
    "CardTerminal",
    "Declined",
    "EndOfDayResult",
    "Hooks",
    "OutcomeUnknown",
    "PreauthUnavailable",
    "PrintOut",
    "Receipt",
    "ReceiptKind",
    "Refused",
    "StatusMessage",
    "TerminalAborted",
    "TerminalState",
]
