"""An amount in words, as an invoice's total is written out: Bulgarian ("Словом:"), Russian ("Сумма
прописью") and English.

Our own, not a library's: the grammar is the point and the tests hold it. Bulgarian says "и" before
the last word of a number ("сто двадесет и един", "две хиляди и пет"), counts thousands in the
feminine ("две хиляди") and says "хиляда" for one thousand; Russian declines the counted noun by the
number ("одна тысяча", "две тысячи", "пять тысяч"; "рубль, рубля, рублей"). Cents, stotinki and kopecks
are written in figures after the whole units, with their noun declined, as invoices write them.
"""

from __future__ import annotations

from decimal import Decimal

from desk.core.money import Money, minor_units

_BG_UNITS = {"m": ("нула", "един", "два"), "f": ("нула", "една", "две"), "n": ("нула", "едно", "две")}
_BG_SMALL = ("", "", "", "три", "четири", "пет", "шест", "седем", "осем", "девет", "десет", "единадесет",
             "дванадесет", "тринадесет", "четиринадесет", "петнадесет", "шестнадесет", "седемнадесет",
             "осемнадесет", "деветнадесет")
_BG_TENS = ("", "", "двадесет", "тридесет", "четиридесет", "петдесет", "шестдесет", "седемдесет", "осемдесет",
            "деветдесет")
_BG_HUNDREDS = ("", "сто", "двеста", "триста", "четиристотин", "петстотин", "шестстотин", "седемстотин",
                "осемстотин", "деветстотин")

_RU_UNITS = {"m": ("ноль", "один", "два"), "f": ("ноль", "одна", "две")}
_RU_SMALL = ("", "", "", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
             "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать",
             "восемнадцать", "девятнадцать")
_RU_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
            "девяносто")
_RU_HUNDREDS = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                "девятьсот")
# (one, few, many) and gender of each power of a thousand.
_RU_SCALES = ((("тысяча", "тысячи", "тысяч"), "f"), (("миллион", "миллиона", "миллионов"), "m"),
              (("миллиард", "миллиарда", "миллиардов"), "m"))

_EN_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ("thousand", "million", "billion")

# The whole unit and the hundredth of each currency: (singular, plural) and gender in Bulgarian,
# (one, few, many) and gender in Russian, (singular, plural) in English.
_CURRENCY_WORDS: dict[str, dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]]] = {
    "bg": {
        "BGN": (("лев", "лева"), "m", ("стотинка", "стотинки")),
        "EUR": (("евро", "евро"), "n", ("цент", "цента")),
        "USD": (("долар", "долара"), "m", ("цент", "цента")),
        "RUB": (("рубла", "рубли"), "f", ("копейка", "копейки")),
    },
    "ru": {
        "RUB": (("рубль", "рубля", "рублей"), "m", ("копейка", "копейки", "копеек")),
        "EUR": (("евро", "евро", "евро"), "m", ("цент", "цента", "центов")),
        "USD": (("доллар", "доллара", "долларов"), "m", ("цент", "цента", "центов")),
        "BGN": (("лев", "лева", "левов"), "m", ("стотинка", "стотинки", "стотинок")),
    },
    "en": {
        "EUR": (("euro", "euros"), "", ("cent", "cents")),
        "USD": (("dollar", "dollars"), "", ("cent", "cents")),
        "GBP": (("pound", "pounds"), "", ("penny", "pence")),
        "BGN": (("lev", "leva"), "", ("stotinka", "stotinki")),
        "RUB": (("rouble", "roubles"), "", ("kopeck", "kopecks")),
    },
}


def _bg_triple(number: int, gender: str) -> list[str]:
    """1..999 as its words, without the "и" that joins them."""
    words = []
    hundreds, rest = divmod(number, 100)
    if hundreds:
        words.append(_BG_HUNDREDS[hundreds])
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_BG_TENS[tens])
        if units:
            words.append(_BG_UNITS[gender][units] if units <= 2 else _BG_SMALL[units])
    elif rest:
        words.append(_BG_UNITS[gender][rest] if rest <= 2 else _BG_SMALL[rest])
    return words


def _bg_joined(words: list[str]) -> str:
    if len(words) < 2:
        return words[0]
    return " ".join([*words[:-1], "и", words[-1]])


def _bulgarian(number: int, gender: str) -> str:
    if number == 0:
        return _BG_UNITS[gender][0]
    groups: list[list[str]] = []
    millions, rest = divmod(number, 1_000_000)
    thousands, units = divmod(rest, 1000)
    if millions:
        if millions == 1:
            groups.append(["един", "милион"])
        else:
            groups.append([_bg_joined(_bg_triple(millions, "m")), "милиона"])
    if thousands:
        groups.append(["хиляда"] if thousands == 1 else [_bg_joined(_bg_triple(thousands, "f")), "хиляди"])
    last = _bg_triple(units, gender) if units else []
    if not last:
        return " ".join(word for group in groups for word in group)
    if len(last) == 1 and groups:
        # The last group a single word joins the rest with "и": "хиляда и сто", "две хиляди и пет".
        return " ".join(word for group in groups for word in group) + " и " + last[0]
    return " ".join([*(word for group in groups for word in group), _bg_joined(last)])


def russian_form(number: int, forms: tuple[str, ...]) -> str:
    """The noun's form after ``number``: один рубль, два рубля, пять рублей, одиннадцать рублей."""
    if 11 <= number % 100 <= 14:
        return forms[2]
    if number % 10 == 1:
        return forms[0]
    if 2 <= number % 10 <= 4:
        return forms[1]
    return forms[2]


def _ru_triple(number: int, gender: str) -> list[str]:
    words = []
    hundreds, rest = divmod(number, 100)
    if hundreds:
        words.append(_RU_HUNDREDS[hundreds])
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_RU_TENS[tens])
        if units:
            words.append(_RU_UNITS[gender][units] if units <= 2 else _RU_SMALL[units])
    elif rest:
        words.append(_RU_UNITS[gender][rest] if rest <= 2 else _RU_SMALL[rest])
    return words


def _russian(number: int, gender: str) -> str:
    if number == 0:
        return _RU_UNITS[gender][0]
    words: list[str] = []
    for power in range(len(_RU_SCALES), 0, -1):
        count = number // 1000 ** power % 1000
        if count:
            forms, scale_gender = _RU_SCALES[power - 1]
            words += [*_ru_triple(count, scale_gender), russian_form(count, forms)]
    words += _ru_triple(number % 1000, gender)
    return " ".join(words)


def _en_triple(number: int) -> list[str]:
    words = []
    hundreds, rest = divmod(number, 100)
    if hundreds:
        words += [_EN_SMALL[hundreds], "hundred"]
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_SMALL[units]}" if units else ""))
    elif rest:
        words.append(_EN_SMALL[rest])
    return words


def _english(number: int) -> str:
    if number == 0:
        return _EN_SMALL[0]
    words: list[str] = []
    for power in range(len(_EN_SCALES), 0, -1):
        count = number // 1000 ** power % 1000
        if count:
            words += [*_en_triple(count), _EN_SCALES[power - 1]]
    words += _en_triple(number % 1000)
    return " ".join(words)


def number_in_words(number: int, language: str, gender: str = "m") -> str:
    """A whole number from 0 to 999,999,999 in words; ``gender`` of the noun it counts (m, f, n)."""
    if not 0 <= number < 1_000_000_000:
        raise ValueError(f"{number} is out of the range written in words")
    if language == "bg":
        return _bulgarian(number, gender)
    if language == "ru":
        return _russian(number, "f" if gender == "f" else "m")
    return _english(number)


def amount_in_words(amount: Money, language: str) -> str:
    """The amount's whole units in words and its hundredths in figures: "Две евро и 00 цента"."""
    places = minor_units(amount.currency)
    value = abs(amount.amount)
    whole = int(value)
    minor = int((value - whole) * Decimal(10) ** places)
    cents = f"{minor:0{places}d}" if places else ""
    known = _CURRENCY_WORDS.get(language, _CURRENCY_WORDS["en"]).get(amount.currency)
    lang = language if language in ("bg", "ru") else "en"
    if known is None:
        text = f"{number_in_words(whole, lang)} {amount.currency}"
        joiner = {"bg": " и ", "ru": " ", "en": " and "}[lang]
        text += f"{joiner}{cents}" if cents else ""
        return text[0].upper() + text[1:]
    major, gender, hundredth = known
    if lang == "ru":
        text = f"{number_in_words(whole, 'ru', gender)} {russian_form(whole, major)}"
        if cents:
            text += f" {cents} {russian_form(minor, hundredth)}"
    elif lang == "bg":
        text = f"{number_in_words(whole, 'bg', gender)} {major[0] if whole == 1 else major[1]}"
        if cents:
            text += f" и {cents} {hundredth[0] if minor == 1 else hundredth[1]}"
    else:
        text = f"{number_in_words(whole, 'en')} {major[0] if whole == 1 else major[1]}"
        if cents:
            text += f" and {cents} {hundredth[0] if minor == 1 else hundredth[1]}"
    return text[0].upper() + text[1:]
