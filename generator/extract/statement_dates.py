"""The day a statement was made, where the text makes it clear without a date of its own: the
day of the event the article reports (its dateline or lead), the day of a live blog, or a day
counted from the one named just before ("said the next day")."""
from __future__ import annotations

import re
from datetime import timedelta

from . import dates
from .alternation import absent, lowered, needles

# "KYIV, May 23 (Reuters) - ", "BERLIN (AP) — ", "(WASHINGTON) -- ": a city in capitals,
# perhaps a date and an agency, then a dash, at the start of an article's first paragraph.
DATELINE = re.compile(r"\(?[A-Z][A-Z.'\- ]*[A-Z.]\)?(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,2})?"
                      r"(?:\s*\([^()\n]{1,40}\))?\s*(?:--|[-:\u2013\u2014])\s+")

# A live blog's entry heading: a time of day alone on its line ("**14.20 GMT**", "09:45 CET").
_TIME_HEADING = re.compile(r"[*_#\s]*\d{1,2}[.:]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?[*_\s]*")

# A short line without closing punctuation: a heading or a label, not the lead's prose.
_HEADING = re.compile(r"[^.!?:;\n\"\u201d\u2019]{1,100}")

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_RELATIVE = re.compile(
    r"\b(?:the\s+(?P<next>next|following)\s+(?:day|morning)|a\s+day\s+(?P<later>later|after)"
    r"|(?P<n>two|three|four|five|six|seven|\d)\s+days\s+(?P<dir>later|earlier|before)"
    r"|the\s+(?:day|night)\s+(?P<before>before|earlier)|a\s+day\s+(?P<earlier>earlier))\b", re.I)
# Every match of _RELATIVE holds one of these (alternation.needles): most clauses hold none.
_RELATIVE_ND = needles(["next", "following", "later", "after", "earlier", "before"])

# How far back the day a relative phrase counts from may be named.
_ANCHOR_WINDOW = 1500


def lead_date(body: str, paras: list[tuple[int, int]], ref,
              reported: list[tuple[int, int]]) -> tuple[str | None, str, int]:
    """The day of the event the article reports, and where it is written: the first date in its
    opening paragraphs outside anyone's reported words, if within a week before publication.
    Headings are not the lead, but a date standing alone under them is the dateline; a live
    blog's entries, headed by times of day, are of its own day."""
    if ref is None or not paras:
        return None, "unknown", -1
    lead: list[tuple[int, int]] = []
    times = 0
    for ps, pe in paras[:8]:
        if _TIME_HEADING.fullmatch(body, ps, pe):
            times += 1
            continue
        found = _date_line(body[ps:pe], ref) if not lead and pe - ps < 40 else None
        if found:
            return found[0], found[1], -1
        if _HEADING.fullmatch(body[ps:pe].strip(" *_#")) and \
                not any(True for _ in dates.iter_dates(body[ps:pe], ref)):
            continue
        lead.append((ps, pe))
        if len(lead) == 2:
            break
    if not lead:
        return None, "unknown", -1
    start, end = lead[0][0], lead[-1][1]
    m = DATELINE.match(body, start, end)
    if m:
        # The dateline gives the day the reported event happened.
        iso, prec = dates.find_date(m.group(0), ref)
        if prec == "day" and _recent(iso, ref):
            return iso, prec, -1
    inside = None
    for ds, de, iso, prec in dates.iter_dates(body[start:end], ref):
        recent = prec == "day" and _recent(iso, ref)
        if any(s <= start + ds < e for s, e in reported):
            # "MPs debated Gaza on Tuesday ..., according to the ministry": a lead that is itself
            # attributed still dates the event -- for the other statements, when nothing else
            # in the lead does.
            inside = inside or ((iso, prec, start + ds) if recent else None)
            continue
        if recent:
            return iso, prec, -1
        break
    if inside:
        return inside
    if times >= 1 and _live_blog(body, paras):
        return ref.isoformat(), "day", -1
    return None, "unknown", -1


def relative_date(clause: str, body: str, pos: int, ref) -> tuple[str | None, str]:
    """ "said the next day", "two days later": a day counted from the last one named before
    pos, in the text just before it."""
    m = None if absent(_RELATIVE_ND, lowered(clause)) else _RELATIVE.search(clause)
    if m is None:
        return None, "unknown"
    if m.group("next") or m.group("later"):
        offset = 1
    elif m.group("n"):
        word = m.group("n").lower()
        offset = int(word) if word.isdigit() else _NUMBERS[word]
        offset = offset if m.group("dir").lower() == "later" else -offset
    else:
        offset = -1
    anchor = None
    for _, _, iso, prec in dates.iter_dates(body[max(0, pos - _ANCHOR_WINDOW):pos], ref):
        if prec == "day" and iso:
            anchor = iso
    d = dates.parse_date(anchor) if anchor else None
    if d is None:
        return None, "unknown"
    return (d + timedelta(days=offset)).isoformat(), "day"


def _date_line(text: str, ref) -> tuple[str, str] | None:
    """ "Jan. 8, 2025" alone on a line under a press release's headline."""
    found = list(dates.iter_dates(text, ref))
    if len(found) != 1:
        return None
    ds, de, iso, prec = found[0]
    rest = (text[:ds] + text[de:]).strip(" *_#\t")
    if rest or prec != "day" or not _recent(iso, ref):
        return None
    return iso, prec


def _live_blog(body: str, paras: list[tuple[int, int]]) -> bool:
    return sum(1 for ps, pe in paras if _TIME_HEADING.fullmatch(body, ps, pe)) >= 2


def _recent(iso: str | None, ref) -> bool:
    d = dates.parse_date(iso) if iso else None
    return d is not None and 0 <= (ref - d).days <= 7
