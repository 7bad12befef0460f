"""The hotel's reference data: currencies, taxes, payment methods, outlets, services, rooms."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    String,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.core.money import Money
from desk.core.types import ExactDecimal, MoneyType
from desk.db.base import Base, enum_column


class MethodKind(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    TRANSFER = "transfer"
    DEPOSIT = "deposit"
    COMPANY_ACCOUNT = "company_account"
    OTHER = "other"


class Hotel(Base):
    __tablename__ = "hotel"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    base_currency: Mapped[str] = mapped_column(String(3))
    address: Mapped[str] = mapped_column(String(240), default="")
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    # ISO 3166 alpha-2: the country whose language and number format its fiscal documents follow.
    country: Mapped[str] = mapped_column(String(2), default="")
    # IANA name (Europe/Sofia): where the hotel's day begins and ends.
    time_zone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # What an invoice names the seller by besides ``tax_id`` (the company number, Bulgaria's ЕИК): its
    # VAT number (ДДС №), the person who answers for it (МОЛ), the city invoices are issued in.
    vat_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    accountable_person: Mapped[str] = mapped_column(String(120), default="", server_default="")
    city: Mapped[str] = mapped_column(String(80), default="", server_default="")
    # The credit limit a new reservation gets (desk.stays.credit); None: no limit.
    default_credit_limit: Mapped[Money | None] = mapped_column(MoneyType(), default=None)

    @property
    def postal_address(self) -> str:
        """The address with its city, as every document prints it: the city has had a field of its own
        since invoices (0039), and an address typed before may already end with it."""
        address, city = self.address.strip(), self.city.strip()
        if not city or city.casefold() in address.casefold():
            return address
        return f"{address}, {city}" if address else city


class CurrencyRate(Base):
    """An accepted currency and what one unit of it is worth in the base currency."""

    __tablename__ = "currency_rate"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal(18, 8))


class ExchangeRate(Base):
    """What one unit of ``currency`` is worth in the base currency from ``valid_from`` on (until a
    later row): typed by a manager or imported from the central bank's file. desk.hotel.rates.rate_on
    is the one reader."""

    __tablename__ = "exchange_rate"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    valid_from: Mapped[date] = mapped_column(primary_key=True)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal(18, 8))
    source: Mapped[str] = mapped_column(String(24), default="hand")


class TaxRate(Base):
    __tablename__ = "tax_rate"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    percent: Mapped[Decimal] = mapped_column(ExactDecimal(6, 3))


class PaymentMethod(Base):
    __tablename__ = "payment_method"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[MethodKind] = mapped_column(enum_column(MethodKind))
    opens_drawer: Mapped[bool] = mapped_column(default=False)
    fiscal: Mapped[bool] = mapped_column(default=True)


class Outlet(Base):
    __tablename__ = "outlet"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))


class Service(Base):
    __tablename__ = "service"
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(24))
    price: Mapped[Money]
    tax_code: Mapped[str] = mapped_column(ForeignKey("tax_rate.code"))
    tax: Mapped[TaxRate] = relationship(lazy="joined")
    outlet_code: Mapped[str | None] = mapped_column(ForeignKey("outlet.code"), default=None)  # where it is sold


class NameTranslation(Base):
    """A catalogue name (service, payment method, room type...) in one of the GUI's languages."""

    __tablename__ = "name_translation"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    code: Mapped[str] = mapped_column(String(160), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(String(160))


class RoomType(Base):
    """A kind of room the hotel sells: its code names it in ``name_translation`` (kind room_type)."""

    __tablename__ = "room_type"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    default_rate: Mapped[Money]
    beds: Mapped[int] = mapped_column(default=2)


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10), unique=True)
    floor: Mapped[int]
    # The room type's code. No foreign key: rooms predate their types (0028 made a type of each
    # code in use), and the use cases that add or change a room check the type exists.
    room_type: Mapped[str] = mapped_column(String(40), index=True)
    beds: Mapped[int] = mapped_column(default=2)
    # Housekeeping: a check-out leaves the room dirty; check-in prefers clean rooms.
    clean: Mapped[bool] = mapped_column(default=True, server_default=true())



class CatalogueChange(Base):
    """One row per write to a table the reservation cards' catalogues are built from, written by
    database triggers (migration 0061_catalogue_stamp): its highest id and its count change with
    any such write, so a card learns that its catalogues are still current from one small read."""

    __tablename__ = "catalogue_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue: Mapped[str] = mapped_column(String(40))  # the table written to
