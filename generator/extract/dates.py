"""Dates: publication dates in many formats, and date expressions resolved against the article.

A resolved date keeps its precision: "on February 1" is a day, "last week" is a week, and a
weekday is the latest such day on or before the article's date (news reports the past).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .alternation import finditer_from, lowered, trie

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

_MONTHS = trie(MONTHS, ignore_case=True)      # DATE_EXPR is IGNORECASE
_MONTH = r"(?P<month>" + _MONTHS + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# "February 3, 2023", "Feb. 3", "3 February 2023", "2023-02-03", "on Thursday", "yesterday"...
DATE_EXPR = re.compile(
    r"\b(?:"
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d:])"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>"
    + _MONTHS + r")\.?(?:,?\s+(?P<year2>\d{4}))?"
    r"|(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<rel>yesterday|today|tonight|overnight|last\s+night|this\s+morning|earlier\s+today"
    r"|last\s+week|this\s+week|last\s+month)"
    r")\b",
    re.IGNORECASE,
)
# Where a DATE_EXPR match can begin: a digit, or the first word of one of its other forms
# (alternation.finditer_from). DATE_EXPR opens with \b before a word character, so only at the
# start of a word: the same \b here (\w is the same in the lower-cased ASCII text searched)
# passes over "mar" in "market" and the inner digits of "2022" without trying DATE_EXPR there.
_DATE_STARTS = re.compile(r"\b(?:\d|" + trie([*MONTHS, *WEEKDAYS, "yesterday", "today", "tonight",
                                                "overnight", "last", "this", "earlier"]) + ")")


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def parse_date(value) -> date | None:
    """A publication date from front matter or a header: ISO, "3 February 2023", "Feb. 3, 2023".

    Returns None when the text is not a real calendar date (2023-02-30 included).
    """
    if isinstance(value, date):
        return value
    if value is None:
        return None
    text = str(value).strip()
    m = _ISO_DATE.fullmatch(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _SLASH_DATE.fullmatch(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = DATE_EXPR.fullmatch(text.rstrip("."))
    if m and (m.group("year") or m.group("year2")):
        return _explicit(m, None)
    return None


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _explicit(m: re.Match, ref: date | None) -> date | None:
    if m.group("iso"):
        return parse_date(m.group("iso"))
    month = MONTHS[(m.group("month") or m.group("month2")).lower()]
    day = int(m.group("day") or m.group("day2"))
    year = m.group("year") or m.group("year2")
    if year:
        return _safe_date(int(year), month, day)
    if ref is None:
        return None
    # No year: the most recent such day not far after the article ("on Dec. 30" in a January
    # article is last year).
    d = _safe_date(ref.year, month, day)
    if d and d > ref + timedelta(days=31):
        d = _safe_date(ref.year - 1, month, day)
    return d


def resolve(m: re.Match, ref: date | None) -> tuple[date | None, str]:
    """The date a DATE_EXPR match refers to, and its precision (day | week | month)."""
    if m.group("weekday"):
        if ref is None:
            return None, "unknown"
        back = (ref.weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
        return ref - timedelta(days=back), "day"
    rel = m.group("rel")
    if rel:
        if ref is None:
            return None, "unknown"
        rel = " ".join(rel.lower().split())
        if rel == "yesterday":
            return ref - timedelta(days=1), "day"
        if rel in ("last week",):
            return ref - timedelta(days=7), "week"
        if rel == "this week":
            return ref, "week"
        if rel == "last month":
            first = ref.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month"
        return ref, "day"  # today, tonight, overnight, last night, this morning
    d = _explicit(m, ref)
    return d, ("day" if d else "unknown")


def find_date(text: str, ref: date | None) -> tuple[str | None, str]:
    """The first date expression in `text`, resolved: (ISO date or None, precision)."""
    for m in finditer_from(DATE_EXPR, _DATE_STARTS, text, lowered(text)):
        d, precision = resolve(m, ref)
        if d:
            return d.isoformat(), precision
    return None, "unknown"


def iter_dates(text: str, ref: date | None):
    """Every resolvable date expression: (start, end, ISO date, precision)."""
    for m in finditer_from(DATE_EXPR, _DATE_STARTS, text, lowered(text)):
        d, precision = resolve(m, ref)
        if d:
            yield m.start(), m.end(), d.isoformat(), precision
