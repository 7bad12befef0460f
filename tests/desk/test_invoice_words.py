"""Totals in words, as an invoice's "Словом:" / "Сумма прописью" / "In words" line writes them."""

from __future__ import annotations

import pytest

from desk.core.money import Money
from desk.invoices.words import amount_in_words, number_in_words


@pytest.mark.parametrize(("number", "gender", "words"), [
    (0, "m", "нула"),
    (1, "m", "един"), (1, "f", "една"), (1, "n", "едно"),
    (2, "m", "два"), (2, "f", "две"), (2, "n", "две"),
    (11, "m", "единадесет"), (12, "m", "дванадесет"), (14, "m", "четиринадесет"), (19, "m", "деветнадесет"),
    (20, "m", "двадесет"), (21, "m", "двадесет и един"), (22, "f", "двадесет и две"),
    (100, "m", "сто"), (101, "m", "сто и един"), (111, "m", "сто и единадесет"), (120, "m", "сто и двадесет"),
    (121, "m", "сто двадесет и един"), (200, "m", "двеста"), (300, "m", "триста"), (400, "m", "четиристотин"),
    (1000, "m", "хиляда"), (1001, "m", "хиляда и един"), (1100, "m", "хиляда и сто"),
    (1121, "m", "хиляда сто двадесет и един"), (2000, "m", "две хиляди"), (2005, "m", "две хиляди и пет"),
    (2520, "m", "две хиляди петстотин и двадесет"), (12000, "m", "дванадесет хиляди"),
    (21000, "m", "двадесет и една хиляди"), (1_000_000, "m", "един милион"), (2_000_000, "m", "два милиона"),
    (1_234_567, "m", "един милион двеста тридесет и четири хиляди петстотин шестдесет и седем"),
])
def test_bulgarian_numbers(number: int, gender: str, words: str):
    assert number_in_words(number, "bg", gender) == words


@pytest.mark.parametrize(("number", "gender", "words"), [
    (0, "m", "ноль"), (1, "m", "один"), (1, "f", "одна"), (2, "m", "два"), (2, "f", "две"),
    (11, "m", "одиннадцать"), (14, "m", "четырнадцать"), (19, "m", "девятнадцать"), (21, "f", "двадцать одна"),
    (100, "m", "сто"), (200, "m", "двести"), (1000, "m", "одна тысяча"), (2000, "m", "две тысячи"),
    (5000, "m", "пять тысяч"), (11000, "m", "одиннадцать тысяч"), (21000, "m", "двадцать одна тысяча"),
    (1_000_000, "m", "один миллион"), (3_000_000, "m", "три миллиона"), (5_000_000, "m", "пять миллионов"),
    (1_002_003, "m", "один миллион две тысячи три"),
])
def test_russian_numbers(number: int, gender: str, words: str):
    assert number_in_words(number, "ru", gender) == words


@pytest.mark.parametrize(("number", "words"), [
    (0, "zero"), (1, "one"), (13, "thirteen"), (21, "twenty-one"), (100, "one hundred"),
    (115, "one hundred fifteen"), (1000, "one thousand"), (1_000_000, "one million"),
    (2_300_045, "two million three hundred thousand forty-five"),
])
def test_english_numbers(number: int, words: str):
    assert number_in_words(number, "en") == words


@pytest.mark.parametrize(("amount", "language", "words"), [
    (Money.of("1.01", "BGN"), "bg", "Един лев и 01 стотинка"),
    (Money.of("2.02", "BGN"), "bg", "Два лева и 02 стотинки"),
    (Money.of("1000.00", "BGN"), "bg", "Хиляда лева и 00 стотинки"),
    (Money.of("2.00", "EUR"), "bg", "Две евро и 00 цента"),
    (Money.of("1.01", "EUR"), "bg", "Едно евро и 01 цент"),
    (Money.of("1321.50", "EUR"), "bg", "Хиляда триста двадесет и едно евро и 50 цента"),
    (Money.of("1.01", "RUB"), "ru", "Один рубль 01 копейка"),
    (Money.of("2.02", "RUB"), "ru", "Два рубля 02 копейки"),
    (Money.of("5.05", "RUB"), "ru", "Пять рублей 05 копеек"),
    (Money.of("11.11", "RUB"), "ru", "Одиннадцать рублей 11 копеек"),
    (Money.of("21.21", "RUB"), "ru", "Двадцать один рубль 21 копейка"),
    (Money.of("1000000.00", "RUB"), "ru", "Один миллион рублей 00 копеек"),
    (Money.of("1.01", "EUR"), "en", "One euro and 01 cent"),
    (Money.of("1250.99", "EUR"), "en", "One thousand two hundred fifty euros and 99 cents"),
])
def test_amounts(amount: Money, language: str, words: str):
    assert amount_in_words(amount, language) == words


def test_a_currency_without_its_words_is_written_with_its_code():
    assert amount_in_words(Money.of("3.50", "CHF"), "bg") == "Три CHF и 50"
