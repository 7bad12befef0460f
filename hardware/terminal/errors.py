"""What a card terminal's refusal or silence means for the money."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hardware.errors import DeviceError

if TYPE_CHECKING:
    from hardware.terminal.interface import CardResult, StatusMessage


class Declined(DeviceError):
    """The terminal said no (or did not start): no money moved. `result_code` is the terminal's."""

    code = "terminal.declined"
    default_text = "The card terminal declined the transaction."

    def __init__(
        self,
        message: str | None = None,
        *,
        result_code: int,
        result: CardResult | None = None,
        device: str = "",
        **params: Any,
    ) -> None:
        super().__init__(message, device=device, result_code=result_code, **params)
        self.result_code = result_code
        self.result = result


class Refused(DeviceError):
    """The terminal refused the command itself (84 xx): busy, not registered, not supported.

    Not a decline: nothing was asked of the card. To a transaction it means the transaction did not
    start; to an enquiry (repeat the last receipt) it means the terminal will not say, so what the
    desk asked about stays unknown.
    """

    code = "terminal.refused"
    default_text = "The card terminal refused the command."

    def __init__(self, message: str | None = None, *, result_code: int, device: str = "", **params: Any) -> None:
        super().__init__(message, device=device, result_code=result_code, **params)
        self.result_code = result_code


class TerminalAborted(Declined):
    """Aborted on the terminal: the clerk's Cancel, the abort key, or the PIN entry timed out."""

    code = "terminal.aborted"
    default_text = "The transaction was aborted on the card terminal."

    @property
    def by_us(self) -> bool:
        return bool(self.params.get("by_us"))


class PreauthUnavailable(Declined):
    """The pre-authorisation is gone (the bank released it, or it was used): charge directly."""

    code = "terminal.preauth_unavailable"
    default_text = "The pre-authorisation is no longer available; the card can be charged directly."


class OutcomeUnknown(DeviceError):
    """The request reached the terminal (or may have) and no final answer came.

    The money may or may not have moved. Resolve it by asking the terminal (repeat last receipt)
    before settling or retrying. `last_status` is the terminal's last prompt, if any.
    """

    code = "terminal.outcome_unknown"
    default_text = "The card terminal did not say how the transaction ended."

    def __init__(
        self,
        message: str | None = None,
        *,
        last_status: StatusMessage | None = None,
        device: str = "",
        **params: Any,
    ) -> None:
        super().__init__(message, device=device, **params)
        self.last_status = last_status
