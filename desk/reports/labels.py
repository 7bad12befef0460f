"""The printed documents' own words per language (desk has no Qt, so no Qt translations here).

English is the key; a language or label missing here prints in English.
"""

from __future__ import annotations

from collections.abc import Mapping

from desk.ledger import texts

LABELS: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "Bill": "Счёт",
        "Bill {number}": "Счёт {number}",
        "Folio": "Фолио",
        "Folio {owner}": "Фолио {owner}",
        "Payer: {payer}": "Плательщик: {payer}",
        "Date": "Дата",
        "Service": "Услуга",
        "Qty": "Кол-во",
        "Price": "Цена",
        "VAT %": "НДС %",
        "Amount": "Сумма",
        "Total": "Итого",
        "VAT {rate}%: {amount}": "НДС {rate}%: {amount}",
        "Included VAT: {lines}": "В том числе НДС: {lines}",
        "Method": "Способ",
        "Reference": "Назначение",
        "Counts as": "Зачтено",
        "Paid:": "Оплачено:",
        "Balance due:": "К оплате:",
        "VAT number {tax_id}": "ИНН {tax_id}",
        "Reservation {number} · {guests} · room {room} · {arrival} – {departure}":
            "Бронь {number} · {guests} · номер {room} · {arrival} – {departure}",
        "Printed {when}": "Напечатано {when}",
        "Deposit account": "Депозитный счёт",
        "Kind": "Вид",
        "Balance": "Остаток",
        "Total charges:": "Всего начислено:",
        "Folio balance:": "Остаток по фолио:",
        "payment": "оплата",
        "deposit": "депозит",
        "refund": "возврат",
        "transfer": "перенос",
        "void": "аннулирование",
        "{outlet}, check {check}": "{outlet}, чек {check}",
        texts.VOID_OF_PAYMENT: "Аннулирование оплаты {payment}",
        texts.REFUNDED_OUTSIDE_DESK: "Оплата {payment} возвращена вне кассы",
        texts.REFUND_OF_PAYMENT: "Возврат оплаты {payment}",
        texts.TO_BILL: "На счёт {bill}",
        texts.FROM_DEPOSIT: "С депозита",
        texts.TO_ACCOUNT_OF: "На счёт компании {company}",
        texts.BILL_OF_PAYER: "Счёт {bill}, {payer}",
        texts.REVERSAL_OF_TRANSFER: "Отмена переноса на счёт компании {company}",
        texts.CARD_RECEIPT: "чек {receipt}",
        texts.CARD_TRACE: "номер операции {trace}",
        texts.CARD_AUTH: "код авторизации {auth}",
        texts.CARD_OPERATOR_REFERENCE: "номер {reference}",
        texts.CARD_REFUND_OF_PAYMENT: "Возврат оплаты {payment}: {card}",
        texts.CARD_REVERSAL_OF_PAYMENT: "Отмена оплаты {payment}: {card}",
    },
    "bg": {
        "Bill": "Сметка",
        "Bill {number}": "Сметка {number}",
        "Folio": "Фолио",
        "Folio {owner}": "Фолио {owner}",
        "Payer: {payer}": "Платец: {payer}",
        "Date": "Дата",
        "Service": "Услуга",
        "Qty": "Кол.",
        "Price": "Цена",
        "VAT %": "ДДС %",
        "Amount": "Сума",
        "Total": "Общо",
        "VAT {rate}%: {amount}": "ДДС {rate}%: {amount}",
        "Included VAT: {lines}": "Включен ДДС: {lines}",
        "Method": "Начин",
        "Reference": "Основание",
        "Counts as": "Отчетено",
        "Paid:": "Платено:",
        "Balance due:": "За плащане:",
        "VAT number {tax_id}": "ДДС номер {tax_id}",
        "Reservation {number} · {guests} · room {room} · {arrival} – {departure}":
            "Резервация {number} · {guests} · стая {room} · {arrival} – {departure}",
        "Printed {when}": "Отпечатано {when}",
        "Deposit account": "Депозитна сметка",
        "Kind": "Вид",
        "Balance": "Салдо",
        "Total charges:": "Общо начислено:",
        "Folio balance:": "Салдо на фолиото:",
        "payment": "плащане",
        "deposit": "депозит",
        "refund": "възстановяване",
        "transfer": "прехвърляне",
        "void": "анулиране",
        "{outlet}, check {check}": "{outlet}, сметка {check}",
        texts.VOID_OF_PAYMENT: "Анулиране на плащане {payment}",
        texts.REFUNDED_OUTSIDE_DESK: "Плащане {payment} е възстановено извън касата",
        texts.REFUND_OF_PAYMENT: "Възстановяване на плащане {payment}",
        texts.TO_BILL: "Към сметка {bill}",
        texts.FROM_DEPOSIT: "От депозита",
        texts.TO_ACCOUNT_OF: "По сметката на {company}",
        texts.BILL_OF_PAYER: "Сметка {bill}, {payer}",
        texts.REVERSAL_OF_TRANSFER: "Отмяна на прехвърлянето към {company}",
        texts.CARD_RECEIPT: "бележка {receipt}",
        texts.CARD_TRACE: "номер на операция {trace}",
        texts.CARD_AUTH: "код за авторизация {auth}",
        texts.CARD_OPERATOR_REFERENCE: "номер {reference}",
        texts.CARD_REFUND_OF_PAYMENT: "Възстановяване на плащане {payment}: {card}",
        texts.CARD_REVERSAL_OF_PAYMENT: "Сторниране на плащане {payment}: {card}",
    },
}


def label(language: str, english: str, **params: object) -> str:
    """``english`` in ``language``, with ``{name}`` placeholders filled from ``params``."""
    text = LABELS.get(language, {}).get(english, english)
    return text.format(**params) if params else text
