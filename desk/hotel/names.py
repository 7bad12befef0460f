"""Catalogue names in the clerk's language, falling back to the name stored with the record.

Settings rows (services, payment methods, outlets...) keep one stored name; ``name_translation``
holds the same name per language, keyed by the record's kind and code. Read paths load a
:class:`Names` book for the requested language once and ask it for every name they show.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.fiscal.models import CashRegister
from desk.hotel.models import NameTranslation, Outlet, PaymentMethod, Service, TaxRate
from desk.ledger.models import Posting


class NameKind(enum.StrEnum):
    SERVICE = "service"
    PAYMENT_METHOD = "payment_method"
    ROOM_TYPE = "room_type"
    OUTLET = "outlet"
    TAX_RATE = "tax_rate"
    CATEGORY = "category"
    CASH_REGISTER = "cash_register"
    # A card terminal's name (the button the clerk presses), keyed by the name it is configured under.
    CARD_TERMINAL = "card_terminal"
    # Texts a point of sale sends (an order's description, its items' names), keyed by the text.
    POS_TEXT = "pos_text"
    # A POS payment code's name (R2), keyed by the code.
    POS_PAYMENT_CODE = "pos_payment_code"


@dataclass(frozen=True)
class Names:
    """Every translated name of one language; a name not translated is shown as stored."""

    language: str = "en"
    texts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # The catalogue's own service names: a posting made under that name shows the translation.
    service_names: Mapping[str, str] = field(default_factory=dict)

    def of(self, kind: NameKind, code: str, stored: str) -> str:
        return self.texts.get((kind.value, code), stored)

    def service(self, service: Service) -> str:
        return self.of(NameKind.SERVICE, service.code, service.name)

    def method(self, method: PaymentMethod) -> str:
        return self.of(NameKind.PAYMENT_METHOD, method.code, method.name)

    def outlet(self, outlet: Outlet) -> str:
        return self.of(NameKind.OUTLET, outlet.code, outlet.name)

    def tax(self, tax: TaxRate) -> str:
        return self.of(NameKind.TAX_RATE, tax.code, tax.name)

    def register(self, register: CashRegister) -> str:
        return self.of(NameKind.CASH_REGISTER, register.code, register.name)

    def terminal(self, name: str) -> str:
        return self.of(NameKind.CARD_TERMINAL, name, name)

    def room_type(self, room_type: str) -> str:
        return self.of(NameKind.ROOM_TYPE, room_type, room_type)

    def category(self, category: str) -> str:
        return self.of(NameKind.CATEGORY, category, category)

    def pos_text(self, text: str) -> str:
        return self.of(NameKind.POS_TEXT, text, text)

    def posting(self, posting: Posting) -> str:
        """A posting's description: a service charged under its catalogue name, or a POS's
        text, in this language; anything a clerk typed, as typed."""
        code = posting.service_code
        if code is not None and self.service_names.get(code) == posting.description:
            return self.of(NameKind.SERVICE, code, posting.description)
        if posting.outlet_code is not None:
            # A POS check is posted under its outlet's name: shown as the outlet is, translated.
            outlet = posting.__dict__.get("outlet")  # only if loaded: never a lazy load here
            if outlet is not None and outlet.name == posting.description:
                return self.outlet(outlet)
            return self.pos_text(posting.description)
        return posting.description


def load_names(session: Session, language: str) -> Names:
    """The names book of ``language`` (English, the stored names, has no translations)."""
    texts = {
        (kind, code): text
        for kind, code, text in session.execute(
            select(NameTranslation.kind, NameTranslation.code, NameTranslation.text)
            .where(NameTranslation.language == language)
        )
    }
    service_names = {code: name for code, name in session.execute(select(Service.code, Service.name))}
    return Names(language, texts, service_names)


def set_names(session: Session, kind: NameKind, code: str, texts: Mapping[str, str]) -> None:
    """Store ``code``'s name in each language of ``texts`` (language -> text), replacing any."""
    for language, text in texts.items():
        session.merge(NameTranslation(kind=kind.value, code=code, language=language, text=text))
