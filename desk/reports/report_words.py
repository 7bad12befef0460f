"""The reports' own words in the hotel's languages, for their PDF and CSV (desk has no Qt; the
screen translates the same English templates with Qt's catalogue). English is the key."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "Cashier report": "Кассовый отчёт",
        "Payments by shift, cashier and method": "Оплаты по сменам, кассирам и способам",
        "Cash drawer by shift": "Денежный ящик по сменам",
        "Shift": "Смена", "Workstation": "Рабочее место", "Cashier": "Кассир", "Method": "Способ оплаты",
        "Card brand": "Платёжная система", "Terminal": "Терминал", "Currency": "Валюта", "Payments": "Оплат",
        "Received": "Получено", "Refunds": "Возвратов", "Refunded": "Возвращено", "Voids": "Аннулирований",
        "Voided": "Аннулировано", "Net": "Итого", "Opened by": "Открыл", "Opened": "Открыта", "Closed": "Закрыта",
        "Float": "Размен", "Cash received": "Получено наличными", "Cash given back": "Выдано наличными",
        "Cash in": "Внесение", "Cash out": "Выплата", "Expected": "Должно быть", "Counted": "Пересчитано",
        "Over/short": "Излишек/недостача",
        "Voids, refunds and overrides": "Аннулирования, возвраты и разрешения",
        "By user and authorising manager": "По сотрудникам и разрешившим менеджерам",
        "Every void, refund and override": "Все аннулирования, возвраты и разрешения",
        "Charge voided": "Начисление аннулировано", "Charge reversed": "Начисление сторнировано",
        "Payment voided": "Оплата аннулирована", "Refund": "Возврат", "Override": "Разрешение менеджера",
        "User": "Сотрудник", "Authorised by": "Разрешил", "Kind": "Вид", "Count": "Количество", "Amount": "Сумма",
        "Time": "Время", "Folio": "Фолио", "Bill": "Счёт", "Record": "Запись", "Reason": "Основание",
        "From": "С", "To": "По", "Made": "Составлен", "Made {when} by {who}": "Составлен {when}, {who}",
        "Nothing in these days": "За эти дни ничего нет",
        "Open balances": "Открытые остатки", "In-house guests": "Проживающие гости",
        "Departed with a balance": "Выехавшие с остатком", "Companies by age": "Компании по срокам",
        "Reservation": "Бронь", "Guests": "Гости", "Room": "Номер", "Arrival": "Заезд", "Departure": "Выезд",
        "Charges": "Начислено", "Paid": "Оплачено", "Balance": "Остаток", "Deposit": "Депозит",
        "Company": "Компания", "0-30 days": "0–30 дней", "31-60 days": "31–60 дней", "61-90 days": "61–90 дней",
        "Over 90 days": "Свыше 90 дней", "Credit limit": "Кредитный лимит", "Over the limit": "Сверх лимита",
        "Aged on": "Сроки на",
        "Daily revenue": "Выручка за день", "Revenue by outlet, service group and VAT rate":
        "Выручка по точкам продаж, группам услуг и ставкам НДС", "POS checks by outlet": "Чеки POS по точкам продаж",
        "Room nights": "Проданные ночи", "Front desk": "Служба приёма", "Other": "Прочее", "Outlet": "Точка продаж",
        "Service group": "Группа услуг", "VAT %": "НДС %", "Postings": "Начислений", "VAT": "НДС",
        "Gross": "С НДС", "Check": "Чек", "Business date": "Операционный день", "Room revenue": "Выручка за номера",
        "Average rate": "Средний тариф", "Business date from": "Операционный день с",
        "accommodation": "проживание", "food": "питание", "minibar": "мини-бар", "laundry": "прачечная",
        "parking": "парковка", "spa": "спа", "tax": "налог",
    },
    "bg": {
        "Cashier report": "Касиерски отчет",
        "Payments by shift, cashier and method": "Плащания по смени, касиери и видове",
        "Cash drawer by shift": "Каса по смени",
        "Shift": "Смяна", "Workstation": "Работно място", "Cashier": "Касиер", "Method": "Вид плащане",
        "Card brand": "Картова схема", "Terminal": "Терминал", "Currency": "Валута", "Payments": "Плащания",
        "Received": "Получени", "Refunds": "Връщания", "Refunded": "Върнати", "Voids": "Анулирания",
        "Voided": "Анулирани", "Net": "Общо", "Opened by": "Отворена от", "Opened": "Отворена",
        "Closed": "Затворена", "Float": "Начална наличност", "Cash received": "Получени в брой",
        "Cash given back": "Върнати в брой", "Cash in": "Служебно въведени", "Cash out": "Служебно изведени",
        "Expected": "Очаквано", "Counted": "Преброено", "Over/short": "Излишък/липса",
        "Voids, refunds and overrides": "Анулирания, връщания и разрешения",
        "By user and authorising manager": "По служители и разрешили мениджъри",
        "Every void, refund and override": "Всички анулирания, връщания и разрешения",
        "Charge voided": "Анулирано начисление", "Charge reversed": "Сторнирано начисление",
        "Payment voided": "Анулирано плащане", "Refund": "Връщане", "Override": "Разрешение от мениджър",
        "User": "Служител", "Authorised by": "Разрешил", "Kind": "Вид", "Count": "Брой", "Amount": "Сума",
        "Time": "Час", "Folio": "Фолио", "Bill": "Сметка", "Record": "Запис", "Reason": "Основание",
        "From": "От", "To": "До", "Made": "Изготвен", "Made {when} by {who}": "Изготвен {when}, {who}",
        "Nothing in these days": "Няма нищо за тези дни",
        "Open balances": "Открити салда", "In-house guests": "Настанени гости",
        "Departed with a balance": "Напуснали с неплатено салдо", "Companies by age": "Фирми по давност",
        "Reservation": "Резервация", "Guests": "Гости", "Room": "Стая", "Arrival": "Пристигане",
        "Departure": "Заминаване", "Charges": "Начислено", "Paid": "Платено", "Balance": "Салдо",
        "Deposit": "Депозит", "Company": "Фирма", "0-30 days": "0–30 дни", "31-60 days": "31–60 дни",
        "61-90 days": "61–90 дни", "Over 90 days": "Над 90 дни", "Credit limit": "Кредитен лимит",
        "Over the limit": "Над лимита", "Aged on": "Давност към",
        "Daily revenue": "Дневни приходи", "Revenue by outlet, service group and VAT rate":
        "Приходи по обекти, групи услуги и ставки ДДС", "POS checks by outlet": "POS сметки по обекти",
        "Room nights": "Продадени нощувки", "Front desk": "Рецепция", "Other": "Други", "Outlet": "Обект",
        "Service group": "Група услуги", "VAT %": "ДДС %", "Postings": "Начисления", "VAT": "ДДС",
        "Gross": "С ДДС", "Check": "Сметка", "Business date": "Работен ден", "Room revenue": "Приходи от стаи",
        "Average rate": "Средна цена", "Business date from": "Работен ден от",
        "accommodation": "нощувка", "food": "храна", "minibar": "минибар", "laundry": "пералня",
        "parking": "паркинг", "spa": "спа", "tax": "такса",
    },
}


def word(language: str, english: str, **params: object) -> str:
    text = WORDS.get(language, {}).get(english, english)
    return text.format(**params) if params else text
