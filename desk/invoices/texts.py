"""An invoice's printed words in the hotel's document language (desk has no Qt; English is the key).

The Bulgarian words are those of a Bulgarian invoice (ЗДДС art. 114: "Доставчик", "Получател",
"Данъчна основа", "Дата на данъчното събитие"...); a word missing here falls back to the bill's
words (desk.reports.labels), then prints in English.
"""

from __future__ import annotations

from collections.abc import Mapping

from desk.reports.labels import label

WORDS: Mapping[str, Mapping[str, str]] = {
    "bg": {
        "INVOICE": "ФАКТУРА",
        "CREDIT NOTE": "КРЕДИТНО ИЗВЕСТИЕ",
        "Original": "Оригинал",
        "Number": "Номер",
        "Date of issue": "Дата на издаване",
        "Date of supply": "Дата на данъчното събитие",
        "Place of supply": "Място на сделката",
        "Seller": "Доставчик",
        "Buyer": "Получател",
        "Company number": "ЕИК",
        "VAT number": "ДДС №",
        "Accountable person": "МОЛ",
        "Address": "Адрес",
        "to invoice No. {number} of {date}": "към фактура № {number} от {date}",
        "Reason": "Основание",
        "No.": "№",
        "Description": "Наименование на стоката/услугата",
        "Qty": "Кол.",
        "Unit price": "Ед. цена с ДДС",
        "VAT %": "ДДС %",
        "Net": "Данъчна основа",
        "VAT": "ДДС",
        "Amount": "Стойност",
        "Tax base": "Данъчна основа",
        "VAT {rate}%": "ДДС {rate}%",
        "Amount due": "Сума за плащане",
        "Amount credited": "Сума за възстановяване",
        "In words": "Словом",
        "Payment method": "Начин на плащане",
        "Currency": "Валута",
        "Bills": "Сметки",
        "Issued by": "Съставил",
        "Received by": "Получил",
        "Bank transfer": "По банков път",
        "Invoice {number}": "Фактура {number}",
        "Credit note {number}": "Кредитно известие {number}",
    },
    "ru": {
        "INVOICE": "СЧЁТ-ФАКТУРА",
        "CREDIT NOTE": "КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА",
        "Original": "Оригинал",
        "Number": "Номер",
        "Date of issue": "Дата составления",
        "Date of supply": "Дата оказания услуг",
        "Place of supply": "Место оказания услуг",
        "Seller": "Продавец",
        "Buyer": "Покупатель",
        "Company number": "ИНН",
        "VAT number": "Номер плательщика НДС",
        "Accountable person": "Руководитель",
        "Address": "Адрес",
        "to invoice No. {number} of {date}": "к счёту-фактуре № {number} от {date}",
        "Reason": "Основание",
        "No.": "№",
        "Description": "Наименование услуги",
        "Qty": "Кол-во",
        "Unit price": "Цена с НДС",
        "VAT %": "НДС %",
        "Net": "Без НДС",
        "VAT": "НДС",
        "Amount": "Сумма",
        "Tax base": "Сумма без НДС",
        "VAT {rate}%": "НДС {rate}%",
        "Amount due": "Всего к оплате",
        "Amount credited": "Всего к возврату",
        "In words": "Сумма прописью",
        "Payment method": "Способ оплаты",
        "Currency": "Валюта",
        "Bills": "Счета гостиницы",
        "Issued by": "Составил",
        "Received by": "Получил",
        "Bank transfer": "Безналичный расчёт",
        "Invoice {number}": "Счёт-фактура {number}",
        "Credit note {number}": "Корректировочный счёт-фактура {number}",
    },
}


def document_label(language: str, english: str, **params: object) -> str:
    """``english`` in the document's ``language``, with ``{name}`` placeholders filled from ``params``."""
    text = WORDS.get(language, {}).get(english)
    if text is None:
        return label(language, english, **params)
    return text.format(**params) if params else text
