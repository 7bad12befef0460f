"""A demo hotel: settings, forty rooms, and stays in every state, built through the use cases."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cash.shifts import open_shift
from desk.core.money import Money
from desk.fiscal.models import CashRegister
from desk.hotel.models import CurrencyRate, Hotel, MethodKind, Outlet, PaymentMethod, Room, RoomType, Service, TaxRate
from desk.hotel.names import NameKind, set_names
from desk.ledger.accounts import walk_in_folio
from desk.ledger.bills import split_bill
from desk.ledger.folios import BillView, folio_of_reservation, load_folio
from desk.ledger.models import Bill
from desk.ledger.payments import Tender, apply_deposit, take_deposit, take_payment, transfer_to_company
from desk.ledger.postings import OrderItem, post_charge, post_service
from desk.people.auth import desk_signed_out, hash_password, sign_in
from desk.people.models import Role, User
from desk.pos.models import PaymentMeaning, PosPaymentCode
from desk.stays.models import BusinessDay, CityTax, Company, Event, Guest, Reservation
from desk.stays.reservations import cancel_reservation, check_in, check_out, create_reservation, new_guest, post_night

CURRENCY = "EUR"
DEMO_WORKSTATION = "FRONT-1"
DEMO_HOTEL = ("Hotel Aurora", "BG204567891")  # name and tax ID: how desk.demo.printer knows it
# The demo staff: user name, full name, role, password, PIN (README.md lists them).
DEMO_USERS = [
    ("anna", "Anna Petrova", Role.CLERK, "anna", "1111"),
    ("ivan", "Ivan Georgiev", Role.CASHIER, "ivan", "2222"),
    ("maria", "Maria Dimitrova", Role.MANAGER, "manager", "9999"),
]


def eur(amount: str) -> Money:
    return Money.of(amount, CURRENCY)


def seed_settings(session: Session, base_currency: str = CURRENCY, country: str = "BG") -> None:
    """The hotel's settings: currencies, taxes, payment methods, outlets, catalogue, staff; its fiscal
    documents are in the language of ``country`` (English for a country the desk has no language of)."""
    name, tax_id = DEMO_HOTEL
    session.add(Hotel(name=name, base_currency=base_currency, address="12 Vitosha Blvd", tax_id=tax_id, city="Sofia",
                      country=country))
    if base_currency == CURRENCY:
        session.add_all([
            CurrencyRate(currency="USD", rate=Decimal("0.92")),
            CurrencyRate(currency="GBP", rate=Decimal("1.17")),
            CurrencyRate(currency="CHF", rate=Decimal("1.06")),
            CurrencyRate(currency="JPY", rate=Decimal("0.0061")),
        ])
    session.add_all([
        TaxRate(code="VAT9", name="VAT 9% (accommodation)", percent=Decimal(9)),
        TaxRate(code="VAT20", name="VAT 20%", percent=Decimal(20)),
        TaxRate(code="NOVAT", name="No VAT", percent=Decimal(0)),
    ])
    session.add_all([
        PaymentMethod(code="cash", name="Cash", kind=MethodKind.CASH, opens_drawer=True),
        PaymentMethod(code="card", name="Bank card", kind=MethodKind.CARD),
        PaymentMethod(code="transfer", name="Bank transfer", kind=MethodKind.TRANSFER, fiscal=False),
        PaymentMethod(code="voucher", name="Voucher", kind=MethodKind.OTHER, fiscal=False),
        PaymentMethod(code="deposit", name="Deposit", kind=MethodKind.DEPOSIT, fiscal=False),
        PaymentMethod(code="company", name="Company account", kind=MethodKind.COMPANY_ACCOUNT,
                      fiscal=False),
    ])
    session.add_all([
        CashRegister(code="FP-1", name="Front desk fiscal printer"),
        CashRegister(code="FP-2", name="Back office fiscal printer"),
        Outlet(code="REST", name="Restaurant Panorama"),
        Outlet(code="BAR", name="Lobby bar"),
    ])
    session.flush()
    # r_keeper keeps a currency code per payment type; these two mean "charge to room" (R2).
    session.add_all([
        PosPaymentCode(code="25", meaning=PaymentMeaning.CREDIT, name="Charge to room"),
        PosPaymentCode(code="26", meaning=PaymentMeaning.DEPOSIT, name="Room deposit"),
    ])

    def money(amount: str) -> Money:
        return Money.rounded(Decimal(amount), base_currency)

    catalogue = [
        ("ROOM", "Accommodation", "accommodation", "110.00", "VAT9"),
        ("BREAKFAST", "Breakfast", "food", "14.00", "VAT20"),
        ("MB-WATER", "Minibar: mineral water", "minibar", "3.50", "VAT20"),
        ("MB-BEER", "Minibar: beer", "minibar", "5.00", "VAT20"),
        ("MB-SNACK", "Minibar: snacks", "minibar", "4.20", "VAT20"),
        ("LAUNDRY", "Laundry", "laundry", "18.00", "VAT20"),
        ("PARKING", "Parking (per day)", "parking", "12.00", "VAT20"),
        ("SPA", "Spa visit", "spa", "35.00", "VAT20"),
        ("CITYTAX", "City tax", "tax", "1.50", "NOVAT"),
    ]
    session.add_all([
        Service(code=code, name=name, category=category, price=money(price), tax_code=tax)
        for code, name, category, price, tax in catalogue
    ])
    session.add_all([
        RoomType(code=code, name=code, default_rate=money(rate), beds=beds)
        for code, rate, beds in (("Single", "89.00", 1), ("Double", "110.00", 2), ("Twin", "110.00", 2),
                                 ("Suite", "160.00", 2))
    ])
    session.add_all([
        User(username=username, full_name=full_name, role=role, password_hash=hash_password(password),
             pin_hash=hash_password(pin))
        for username, full_name, role, password, pin in DEMO_USERS
    ])
    session.flush()
    seed_names(session)


# The demo hotel's catalogue in Russian and Bulgarian: kind -> code -> (ru, bg).
DEMO_NAMES: dict[NameKind, dict[str, tuple[str, str]]] = {
    NameKind.TAX_RATE: {
        "VAT9": ("НДС 9% (проживание)", "ДДС 9% (нощувки)"),
        "VAT20": ("НДС 20%", "ДДС 20%"),
        "NOVAT": ("Без НДС", "Без ДДС"),
    },
    NameKind.PAYMENT_METHOD: {
        "cash": ("Наличные", "В брой"),
        "card": ("Банковская карта", "Банкова карта"),
        "transfer": ("Банковский перевод", "Банков превод"),
        "voucher": ("Ваучер", "Ваучер"),
        "deposit": ("Депозит", "Депозит"),
        "company": ("Счёт компании", "Сметка на фирма"),
    },
    NameKind.CASH_REGISTER: {
        "FP-1": ("Фискальный принтер ресепшена", "Фискален принтер на рецепцията"),
        "FP-2": ("Фискальный принтер бэк-офиса", "Фискален принтер в бек офиса"),
    },
    # The name the README sets the terminal simulator up under (and the card screenshots).
    NameKind.CARD_TERMINAL: {
        "Desk terminal": ("Терминал ресепшена", "Терминал на рецепцията"),
    },
    NameKind.POS_PAYMENT_CODE: {
        "25": ("Оплата на номер", "Към сметката на стаята"),
        "26": ("Депозит номера", "Депозит на стаята"),
    },
    NameKind.OUTLET: {
        "REST": ("Ресторан «Панорама»", "Ресторант „Панорама“"),
        "BAR": ("Лобби-бар", "Лоби бар"),
    },
    NameKind.SERVICE: {
        "ROOM": ("Проживание", "Нощувка"),
        "BREAKFAST": ("Завтрак", "Закуска"),
        "MB-WATER": ("Мини-бар: минеральная вода", "Минибар: минерална вода"),
        "MB-BEER": ("Мини-бар: пиво", "Минибар: бира"),
        "MB-SNACK": ("Мини-бар: снеки", "Минибар: снаксове"),
        "LAUNDRY": ("Прачечная", "Пране"),
        "PARKING": ("Парковка (в сутки)", "Паркинг (на ден)"),
        "SPA": ("Посещение спа", "Посещение на спа"),
        "CITYTAX": ("Туристический налог", "Туристически данък"),
    },
    NameKind.CATEGORY: {
        "accommodation": ("Проживание", "Настаняване"),
        "food": ("Питание", "Храна"),
        "minibar": ("Мини-бар", "Минибар"),
        "laundry": ("Прачечная", "Пране"),
        "parking": ("Парковка", "Паркинг"),
        "spa": ("Спа", "Спа"),
        "tax": ("Налоги", "Данъци"),
    },
    NameKind.ROOM_TYPE: {
        "Single": ("Одноместный", "Единична"),
        "Double": ("Двухместный", "Двойна"),
        "Twin": ("Двухместный с двумя кроватями", "Двойна с две легла"),
        "Suite": ("Люкс", "Апартамент"),
    },
    # What the restaurant's POS sends: the order's description and the dishes on the check.
    NameKind.POS_TEXT: {
        "Restaurant": ("Ресторан", "Ресторант"),
        "Shopska salad": ("Шопский салат", "Шопска салата"),
        "Grilled trout": ("Форель на гриле", "Пъстърва на скара"),
        "Kavarma": ("Каварма", "Кавърма"),
        "House wine 0.5 l": ("Домашнее вино 0,5 л", "Домашно вино 0,5 л"),
        "Banitsa": ("Баница", "Баница"),
        "Espresso": ("Эспрессо", "Еспресо"),
    },
}


def seed_names(session: Session) -> None:
    """Russian and Bulgarian names for everything :func:`seed_settings` and the demo stays use."""
    for kind, names in DEMO_NAMES.items():
        for code, (russian, bulgarian) in names.items():
            set_names(session, kind, code, {"ru": russian, "bg": bulgarian})
    session.flush()


# Names go in pairs of one script and one gender, as guests' passports have them.
GUEST_NAMES = [
    ("Anna", "Schmidt"), ("Boris", "Novak"), ("Clara", "Rossi"), ("David", "Brown"), ("Elena", "Popescu"),
    ("Felix", "Müller"), ("Hugo", "Dubois"), ("Irina", "Horvat"), ("Jonas", "Jensen"), ("Katya", "Larsen"),
    ("Lukas", "Fischer"), ("Marta", "Kowalski"), ("Olga", "Silva"), ("Pavel", "Moreau"), ("Rosa", "Berg"),
    ("Stefan", "Weber"), ("Sofia", "Marino"), ("Thomas", "Wright"), ("Emma", "Lindqvist"), ("Noah", "Keller"),
    ("Мария", "Иванова"), ("Георги", "Колев"), ("Светлана", "Смирнова"), ("Дмитрий", "Волков"),
    ("Йордан", "Тодоров"), ("Надежда", "Стоянова"), ("Николай", "Петров"), ("Елена", "Димитрова"),
]


def seed_demo(session: Session, today: date | None = None, seed: int = 7) -> None:
    """Settings plus a lived-in hotel around ``today``."""
    today = today or date.today()
    rng = random.Random(seed)
    seed_settings(session)
    session.add(CityTax(valid_from=today - timedelta(days=365), service_code="CITYTAX",
                        per_person_night=eur("1.50"), set_by="demo"))
    # The demo stays are made as the clerk Anna would make them, through the same rights.
    actor = sign_in(session, "anna", "anna", DEMO_WORKSTATION)
    # The front desk's cashier has the drawer open: the demo's cash payments are linked to it.
    open_shift(session, sign_in(session, "ivan", "ivan", DEMO_WORKSTATION), [Money.of("200.00", CURRENCY)])

    room_types = ["Single", "Double", "Double", "Twin", "Suite"]
    rooms = [
        Room(number=f"{floor}{n:02d}", floor=floor, room_type=room_types[(floor + n) % 5],
             beds=1 if room_types[(floor + n) % 5] == "Single" else 2)
        for floor in range(1, 5)
        for n in range(1, 11)
    ]
    session.add_all(rooms)
    companies = [
        Company(name="Balkan Travel Ltd", search_name="balkan travel ltd", tax_id="BG131234567"),
        Company(name="Nordic Pharma AB", search_name="nordic pharma ab", tax_id="SE556677889901"),
        Company(name="Danube Logistics GmbH", search_name="danube logistics gmbh", tax_id="DE812345678"),
    ]
    session.add_all(companies)
    session.flush()
    summit = Event(name="Sofia Tech Summit", company_id=companies[1].id,
                   starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=2))
    session.add(summit)
    session.flush()

    def guest() -> Guest:
        first, last = rng.choice(GUEST_NAMES)
        return new_guest(session, actor, first, last, email=f"{first[0].lower()}.guest@example.org",
                         phone=f"+359 88 {rng.randrange(1000000, 9999999)}")

    def when(day: date, hour: int) -> datetime:
        return datetime.combine(day, time(hour, rng.randrange(60))).astimezone(UTC)

    number = iter(range(10001, 99999))
    free_rooms = [room.number for room in rooms]
    rng.shuffle(free_rooms)

    def stay(arrival: date, departure: date, sharing: bool = False, company: Company | None = None,
             event: Event | None = None, room: bool = True) -> Reservation:
        guests = [guest()] + ([guest()] if sharing else [])
        session.flush()
        return create_reservation(
            session, actor, number=f"R{next(number)}", guests=guests, arrival=arrival,
            departure=departure, nightly_rate=eur(rng.choice(["89.00", "110.00", "125.00", "160.00"])),
            room_number=free_rooms.pop() if room else None, company=company, event=event,
        )

    def restaurant(bill_id: int, day: date, check: int) -> None:
        menu = [("Shopska salad", "7.80"), ("Grilled trout", "18.50"), ("Kavarma", "16.90"),
                ("House wine 0.5 l", "14.00"), ("Banitsa", "4.60"), ("Espresso", "2.80")]
        items = [OrderItem(name, Decimal(rng.randint(1, 2)), eur(price))
                 for name, price in rng.sample(menu, rng.randint(2, 4))]
        order_total = sum((item.amount.amount for item in items), Decimal(0))
        post_charge(session, actor, bill_id=bill_id, description="Restaurant", quantity=1,
                    unit_price=eur(str(order_total)), tax_code="VAT20", ordered_at=when(day, 20),
                    source="pos", outlet_code="REST", check_number=str(check),
                    external_ref=f"pos:REST:{check}", items=items)

    check_numbers = iter(range(1040, 9999))

    def live(reservation: Reservation, until: date) -> int:
        check_in(session, actor, reservation.id, today=reservation.arrival)
        night = reservation.arrival
        while night < min(until, reservation.departure):
            post_night(session, actor, reservation.id, night)
            night += timedelta(days=1)
        bill_id = reservation_bill(reservation)
        for _ in range(rng.randint(0, 3)):
            day = reservation.arrival + timedelta(days=rng.randrange(max(1, (until - reservation.arrival).days)))
            post_service(session, actor, bill_id=bill_id, service_code=rng.choice(["MB-WATER", "MB-BEER", "MB-SNACK"]),
                         quantity=rng.randint(1, 3), ordered_at=when(day, 22))
        if rng.random() < 0.6:
            restaurant(bill_id, reservation.arrival, next(check_numbers))
        return bill_id

    def reservation_bill(reservation: Reservation) -> int:
        return load_folio(session, folio_id_of(reservation)).bills[0].bill.id

    def folio_id_of(reservation: Reservation) -> int:
        return folio_of_reservation(session, reservation.id)

    def bill_view(bill_id: int) -> BillView:
        return load_folio(session, session.get_one(Bill, bill_id).folio_id).bill(bill_id)

    def balance(bill_id: int) -> Money:
        return bill_view(bill_id).balance

    # Departed: lived, paid in full, checked out.
    for k in range(10):
        arrival = today - timedelta(days=rng.randint(6, 14))
        reservation = stay(arrival, arrival + timedelta(days=rng.randint(1, 4)))
        bill_id = live(reservation, reservation.departure)
        if k == 0:
            transfer_to_company(session, actor, bill_id, companies[0].id)
        else:
            take_payment(session, actor, bill_id, Tender(rng.choice(["cash", "card"]), balance(bill_id)))
        check_out(session, actor, reservation.id)
        if reservation.room is not None:
            free_rooms.append(reservation.room.number)

    # In house: some paid, some part-paid, some not, a few with deposits and shared rooms.
    for k in range(24):
        arrival = today - timedelta(days=rng.randint(0, 4))
        departure = today + timedelta(days=rng.randint(1, 5))
        reservation = stay(arrival, departure, sharing=k % 4 == 0,
                           company=companies[2] if k == 5 else None,
                           event=summit if k in (7, 8) else None)
        bill_id = live(reservation, today)
        due = balance(bill_id)
        if k % 3 == 0 and due.is_positive:
            take_payment(session, actor, bill_id, Tender("card", due, text=f"AUTH {rng.randint(100000, 999999)}"))
        elif k % 3 == 1 and due.is_positive:
            take_payment(session, actor, bill_id, Tender("cash", due.times(Decimal("0.5"))))
        if k in (2, 11):
            take_deposit(session, actor, folio_id_of(reservation), Tender("cash", eur("200.00")))
        if k == 11 and balance(bill_id).is_positive:
            apply_deposit(session, actor, bill_id, min(balance(bill_id), eur("150.00")))
        if k == 5:
            nights = [line for line in bill_view(bill_id).postings if line.posting.service_code == "ROOM"]
            if nights:
                split_bill(session, actor, bill_id, [line.posting.id for line in nights],
                           payer_company_id=companies[2].id)
        if k == 4 and balance(bill_id) > eur("46.00"):
            take_payment(session, actor, bill_id, Tender("cash", Money.of("50.00", "USD"),
                                                          text="Paid in US dollars"))

    # Arriving today and tomorrow, one cancelled.
    for k in range(8):
        arrival = today + timedelta(days=k % 2)
        reservation = stay(arrival, arrival + timedelta(days=rng.randint(1, 6)), sharing=k == 3,
                           room=k % 3 != 2)
        if k == 4:
            take_deposit(session, actor, folio_id_of(reservation), Tender("transfer", eur("120.00"),
                                                                         text="Bank ref 2026-4471"))
    cancelled = stay(today + timedelta(days=3), today + timedelta(days=5), room=False)
    cancel_reservation(session, actor, cancelled.id, reason="Plans changed")

    walk_in = walk_in_folio(session, actor, "Peter Novak")
    restaurant(walk_in.bills[0].id, today, next(check_numbers))
    # Opened last, so the past's postings are dated by their own days; tonight's audit charges tonight.
    session.add(BusinessDay(business_date=today, opened_by="demo"))
    # Its staff signed in to make the demo, and leave no desk behind that a restore would wait for.
    desk_signed_out(session, workstation=DEMO_WORKSTATION)

    session.flush()


def has_data(session: Session) -> bool:
    return session.scalar(select(Hotel.id).limit(1)) is not None
