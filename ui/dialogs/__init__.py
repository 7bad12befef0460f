"""The reservation card's dialogs: details, payments, refunds, receipts, services, bills, voids, check-out.

Each takes the workstation context and the card's data (loaded before it opens), is shown with
``open()``, runs exactly one use case through ``ctx.change`` on Apply, and accepts on success
(the cards of the folios it changed then reload on ``ctx.folios_changed``).
"""

from ui.dialogs.bills import MoveServicesDialog, SplitBillDialog
from ui.dialogs.checkout import CheckOutDialog
from ui.dialogs.deposit import DepositDialog
from ui.dialogs.details import ServiceDetailsDialog
from ui.dialogs.payment import MakePaymentDialog
from ui.dialogs.receipt import ReceiptDialog
from ui.dialogs.refund import MakeRefundDialog
from ui.dialogs.services import AddServiceDialog
from ui.dialogs.void import VoidDialog

__all__ = [
    "AddServiceDialog",
    "CheckOutDialog",
    "DepositDialog",
    "MakePaymentDialog",
    "MakeRefundDialog",
    "MoveServicesDialog",
    "ReceiptDialog",
    "ServiceDetailsDialog",
    "SplitBillDialog",
    "VoidDialog",
]
