"""Numbers written as digits or words, and money amounts with their currency."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Money
from .alternation import trie

UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12, "a dozen": 12,
    "couple": 2, "pair": 2,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "mln": 1_000_000, "bln": 1_000_000_000,
          "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000, "tn": 1_000_000_000_000}

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
# "five", "twenty-three", "1,200", "2.5", "a dozen", "two hundred"
NUMBER = re.compile(
    rf"\b(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_WORD})(?:[\s-](?:{_WORD}))?)"
    r"(?:\s+(?:hundred|thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
AT_LEAST = re.compile(r"\b(?:at\s+least|more\s+than|over|no\s+fewer\s+than|some)\s+$", re.IGNORECASE)

CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD",
                  "A$": "AUD"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                  "eur": "EUR", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "gbp": "GBP",
                  "yen": "JPY", "francs": "CHF", "swiss francs": "CHF", "chf": "CHF",
                  "hryvnias": "UAH", "hryvnia": "UAH", "roubles": "RUB", "rubles": "RUB",
                  "canadian dollars": "CAD", "australian dollars": "AUD", "kroner": "DKK",
                  "krona": "SEK", "kronor": "SEK", "zloty": "PLN", "yuan": "CNY", "renminbi": "CNY",
                  "rupees": "INR", "rupee": "INR", "rand": "ZAR", "lira": "TRY", "liras": "TRY",
                  "shekels": "ILS", "riyals": "SAR", "dirhams": "AED",
                  # a demonym fixes currencies that share a name
                  "danish kroner": "DKK", "danish krone": "DKK", "norwegian kroner": "NOK",
                  "norwegian krone": "NOK", "swedish kronor": "SEK", "swedish krona": "SEK",
                  "japanese yen": "JPY", "chinese yuan": "CNY", "indian rupees": "INR", "polish zloty": "PLN",
                  # "crowns" alone is Swedish, Norwegian, Danish or Czech: only with its country
                  "czech crowns": "CZK", "czech koruna": "CZK", "koruna": "CZK",
                  "swedish crowns": "SEK", "norwegian crowns": "NOK", "danish crowns": "DKK",
                  "turkish lira": "TRY", "us dollars": "USD", "u.s. dollars": "USD", "new zealand dollars": "NZD"}
# ISO 4217 codes written before the amount, as wire services do: "NOK 75 billion", "CHF 5m".
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CHF", "NOK", "SEK", "DKK", "CNY", "CAD", "AUD", "PLN",
                  "UAH", "RUB", "INR", "TRY", "ILS", "SAR", "AED", "KRW", "NZD", "CZK", "HUF", "RON")
_SIGN = r"(?P<sign>US\$|C\$|A\$|\$|€|£|¥|\b(?:" + "|".join(CURRENCY_CODES) + r")(?=\s?\d))"
_AMOUNT = r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|mln|mn|bln|tn|m|b|k)\b)?"
_WORDCUR = r"(?P<word>" + trie(CURRENCY_WORDS, ignore_case=True) + r")"     # MONEY is IGNORECASE
MONEY = re.compile(
    rf"(?:{_SIGN}\s?{_AMOUNT}{_SCALE}|\b{_AMOUNT.replace('amount', 'amount2')}"
    rf"(?:\s*(?P<scale2>trillion|billion|million|thousand|bn|mln|mn|bln|m))?\s+{_WORDCUR}\b)",
    re.IGNORECASE,
)


def word_value(text: str) -> int | None:
    """The integer a number phrase denotes: "five" -> 5, "twenty-three" -> 23, "1,200" -> 1200."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    try:
        return int(float(t)) if "." not in t else None
    except ValueError:
        pass
    total, current = 0, 0
    parts = re.split(r"[\s-]+", t)
    for part in parts:
        if part == "and" or (part in ("a", "an") and len(parts) > 1):
            continue
        if part in ("dozen", "pair", "couple"):
            current = max(current, 1) * UNITS[part]
        elif part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in ("hundred",):
            current = max(current, 1) * 100
        elif part in SCALES:
            total += max(current, 1) * SCALES[part]
            current = 0
        else:
            try:
                current += float(part)
            except ValueError:
                return None
    value = total + current
    return int(value) if value == int(value) else None


def parse_number(text: str) -> int | None:
    """The first number in a phrase ("at least five people" -> 5), or None."""
    m = NUMBER.search(text)
    return word_value(m.group(0)) if m else None


def is_at_least(text_before: str) -> bool:
    """Whether the words just before a number hedge it ("at least", "more than")."""
    return bool(AT_LEAST.search(text_before))


def find_money(text: str):
    """Every money amount in the text: (start, end, Money)."""
    # Each call gets Money objects of its own: a pledge's value may be replaced, and must not
    # be shared with another pledge's.
    for start, end, value, currency in _money_spans(text):
        yield start, end, Money(amount=value, currency=currency)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)  # the pledge rules ask about one sentence's sums many times
def _money_spans(text: str) -> tuple[tuple[int, int, float, str], ...]:
    if not _DIGIT.search(text):
        return ()      # every amount has a digit
    out = []
    for m in MONEY.finditer(text):
        if m.group("sign"):
            sign = m.group("sign").upper()      # MONEY ignores case: "chf 5 million" too
            currency = sign if sign in CURRENCY_CODES else CURRENCY_SIGNS[sign]
            amount, scale = m.group("amount"), m.group("scale")
        else:
            currency = CURRENCY_WORDS[m.group("word").lower()]
            amount, scale = m.group("amount2"), m.group("scale2")
        value = float(amount.replace(",", ""))
        if scale:
            value *= SCALES[scale.lower()]
        out.append((m.start(), m.end(), value, currency))
    return tuple(out)


def parse_money(text: str) -> Money | None:
    for _, _, money in find_money(text):
        return money
    return None
