"""Service details (R5): when an order was placed, what it consisted of, and what became of it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desk.hotel.names import Names
from desk.ledger.models import Bill, Posting, PostingKind
from desk.stays.reservation_card import PostingDetails, posting_details
from ui.context import DeskContext
from ui.desk_text import posting_description
from ui.dialogs.common import Column, RowsModel, add_row, fit_rows, heading_label, new_form, rows_view
from ui.i18n import current_language, format_datetime, money_text, quantity_text
from ui.ops.feedback import show_error


def source_text(posting: Posting, names: Names) -> str:
    """Where a charge came from: the outlet and check for POS orders."""
    if posting.outlet is not None:
        outlet = names.outlet(posting.outlet)
        if posting.check_number:
            return QCoreApplication.translate("ServiceDetailsDialog", "{outlet}, check {check}").format(
                outlet=outlet, check=posting.check_number
            )
        return outlet
    sources = {
        "desk": QCoreApplication.translate("ServiceDetailsDialog", "Front desk"),
        "audit": QCoreApplication.translate("ServiceDetailsDialog", "Night audit"),
        "pos": QCoreApplication.translate("ServiceDetailsDialog", "Point of sale"),
        "transfer": QCoreApplication.translate("ServiceDetailsDialog", "Transfer from another folio"),
    }
    return sources.get(posting.source, posting.source)


def bill_number(bill_id: int) -> str:
    return Bill(id=bill_id).number


class ServiceDetailsDialog(QDialog):
    """Read-only: loads the posting's details (off the GUI thread) when opened, then shows them."""

    def __init__(self, ctx: DeskContext, posting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceDetailsDialog")
        self.setWindowTitle(self.tr("Service details"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        self.ctx = ctx
        self.posting_id = posting_id
        self.details: PostingDetails | None = None
        self._layout = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self._keep: ServiceDetailsDialog | None = self if parent is None else None

    def open(self) -> None:
        self.ctx.query(self, posting_details, self.posting_id, current_language()).success(self._loaded).failure(
            self._not_loaded).run()

    def done(self, result: int) -> None:
        self._keep = None
        super().done(result)

    def _not_loaded(self, exc: BaseException) -> None:
        show_error(self.parentWidget(), exc)
        self._keep = None
        self.deleteLater()

    @staticmethod
    def _item_text(name: str, posting: Posting, names: Names) -> str:
        if name == posting.description:  # an order of one line: the posting itself
            return posting_description(posting, names)
        return names.pos_text(name) if posting.outlet_code else name

    def _loaded(self, details: PostingDetails) -> None:
        self.details = details
        posting = details.posting
        names = details.names
        self._layout.addWidget(
            heading_label(f"{posting_description(posting, names)} · {money_text(posting.amount)}", "titleLabel")
        )
        form = new_form()
        self._layout.addLayout(form)
        self._fact(form, self.tr("Ordered:"), format_datetime(posting.ordered_at), "orderedLabel")
        if posting.outlet is not None:
            self._fact(form, self.tr("Outlet:"), names.outlet(posting.outlet), "outletLabel")
            self._fact(form, self.tr("Check number:"), posting.check_number or "—", "checkLabel")
        else:
            self._fact(form, self.tr("Source:"), source_text(posting, names), "sourceLabel")
        self._fact(form, self.tr("Bill:"), details.bill_number, "billLabel")
        self._fact(
            form,
            self.tr("Tax:"),
            self.tr("{percent}% · {amount} included").format(
                percent=quantity_text(posting.tax_percent), amount=money_text(posting.tax_amount)
            ),
            "taxLabel",
        )
        self._fact(
            form,
            self.tr("Posted:"),
            self.tr("{when} by {user} at {workstation}").format(
                when=format_datetime(posting.created_at), user=posting.created_by, workstation=posting.workstation
            ),
            "postedLabel",
        )

        model = RowsModel(
            [
                Column(self.tr("Item")),
                Column(self.tr("Quantity"), align_right=True),
                Column(self.tr("Unit price"), align_right=True),
                Column(self.tr("Amount"), align_right=True),
            ],
            self,
        )
        model.set_rows(
            [
                (self._item_text(name, posting, names), quantity_text(quantity), money_text(price),
                 money_text(amount))
                for name, quantity, price, amount in details.items
            ]
        )
        self._layout.addWidget(QLabel(self.tr("Composition:")))
        self.items_view = rows_view(model, "itemsView")
        fit_rows(self.items_view, len(details.items), at_most=12)
        self._layout.addWidget(self.items_view)
        total = QLabel(self.tr("Total: {amount}").format(amount=money_text(posting.amount)))
        total.setObjectName("totalLabel")
        total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(total)

        for move in details.moves:
            moved = QLabel(
                self.tr("Moved from bill {source} to bill {target} on {when} by {user}.").format(
                    source=bill_number(move.from_bill_id),
                    target=bill_number(move.to_bill_id),
                    when=format_datetime(move.moved_at),
                    user=move.moved_by,
                )
            )
            moved.setObjectName("moveLabel")
            moved.setWordWrap(True)
            self._layout.addWidget(moved)

        if posting.kind is not PostingKind.CHARGE:
            self._cancellation(posting, self.tr("This line cancels another service"))
        elif details.reversal is not None:
            if details.reversal.kind is PostingKind.VOID:
                self._cancellation(details.reversal, self.tr("Voided"))
            else:
                self._cancellation(details.reversal, self.tr("Cancelled at its source"))

        self._layout.addWidget(self.buttons)
        super().open()
        self.close_button.setFocus()

    def _fact(self, form: QFormLayout, caption: str, text: str, object_name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        add_row(form, caption, label)
        return label

    def _cancellation(self, record: Posting, title: str) -> None:
        box = QGroupBox(title)
        box.setObjectName("reversalBox")
        form = new_form()
        box.setLayout(form)
        self._fact(form, self.tr("When:"), format_datetime(record.created_at), "reversalWhenLabel")
        self._fact(
            form,
            self.tr("Who:"),
            self.tr("{user} at {workstation}").format(user=record.created_by, workstation=record.workstation),
            "reversalWhoLabel",
        )
        self._fact(form, self.tr("Authorised by:"), record.authorised_by or "—", "reversalAuthorisedLabel")
        self._fact(form, self.tr("Why:"), record.reason or "—", "reversalReasonLabel")
        self._layout.addWidget(box)
