"""Strike dates: the day a strike sentence gives, skipping report dates and background.

Kept apart from strikes.py, which finds places; the rules here only read dates: the one
nearest a strike word, a paragraph's earlier date, "two days after" and "the next day", and a
time of day with no day named.
"""
from __future__ import annotations

import re
from datetime import timedelta

from ..model import Article, Sentence
from .alternation import absent, lowered, needles
from .dates import iter_dates, parse_date
from .numbers import word_value
from .strike_events import Events
from .strike_terms import Trigger, vocab


class SentenceDates:
    """Each sentence's own strike date, computed at most once: a paragraph's later sentences
    look back at it, and an article-long paragraph must not make that quadratic."""

    def __init__(self, article: Article, trigs_of: list, ref):
        self.article, self.trigs_of, self.ref = article, trigs_of, ref
        self._memo: dict[int, tuple[str, str] | None] = {}
        self._para_memo: dict[int, tuple[str, str] | None] = {}

    def of(self, i: int) -> tuple[str, str] | None:
        if i not in self._memo:
            self._memo[i] = _sentence_date(self.article.sentences[i].text, self.ref, self.trigs_of[i])
        return self._memo[i]

    def in_paragraph(self, sent: Sentence) -> tuple[str, str] | None:
        """A date earlier in the same paragraph sets the time for the sentences after it
        ("The occupiers attacked the region this morning. Two missiles hit ...")."""
        sentences = self.article.sentences
        i = sent.index - 1
        if i < 0 or sentences[i].paragraph != sent.paragraph:
            return None
        # _para_memo[j]: the latest date in sentences[..j] of j's paragraph.
        chain = []
        j = i
        while j not in self._para_memo:
            chain.append(j)
            if j == 0 or sentences[j - 1].paragraph != sentences[j].paragraph:
                break
            j -= 1
        for j in reversed(chain):
            prior = self._para_memo.get(j - 1) if j > 0 and sentences[j - 1].paragraph == sentences[j].paragraph else None
            self._para_memo[j] = self.of(j) or prior
        return self._para_memo[i]


# "since dawn on Tuesday", "since early morning on 3 May": a time of day before the date
# makes "since" count hours within that day, which is the day of the strikes.
SINCE_TIME_OF_DAY = re.compile(r"\bsince\s+(?:early\s+|late\s+)?(?:the\s+)?(?:dawn|daybreak|sunrise|morning|midnight"
                               r"|first\s+light|the\s+early\s+hours)\s+(?:on\s+|of\s+)?$", re.I)


# --- one sentence -------------------------------------------------------------------------

_APPOSED_DATE = re.compile(r",?\s*(?:the\s+)?")
_BOUND_BEFORE = re.compile(r"\b(?:since|until|by|from)\s+$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]*$", re.I)


def _sentence_date(text: str, ref, trigs: list[Trigger]) -> tuple[str, str] | None:
    """The date a strike sentence gives, skipping the date of the report ("said on Sunday")
    and of background clauses ("since the invasion Feb. 24"); nearest a strike word wins."""
    v = vocab()
    found = []
    spans = list(iter_dates(text, ref))
    for k, (s, e, iso, precision) in enumerate(spans):
        if k + 1 < len(spans) and _APPOSED_DATE.fullmatch(text[e:spans[k + 1][0]]):
            continue  # "on Monday, 5 February": the calendar date says which Monday
        before = text[:s]
        if _BOUND_BEFORE.search(before):
            continue
        if (_SINCE_BEFORE.search(before) and not SINCE_TIME_OF_DAY.search(before)) or \
                (ref and iso > ref.isoformat()):
            continue
        dist = min((abs(s - t.end) if s >= t.end else abs(t.start - e) for t in trigs), default=0)
        if v["report_re"].search(before):
            # "the army said on Saturday it has struck ...": the report's day is the best
            # there is for the strike it reports; a trailing "..., officials said on Sunday"
            # dates a toll update, not the strike.
            if not any(t.start > e for t in trigs):
                continue
            dist += 1000
        found.append((dist, iso, precision))
    if not found:
        return None
    _, iso, precision = min(found)
    return iso, precision


_N = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
DAYS_AFTER = re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+after\s+(?:[\w-]+\s+){{0,4}}$", re.I)
NEXT_DAY = re.compile(rf"\b(?:the\s+(?:next|following)\s+(?P<unit0>day|morning|night|evening)"
                      rf"|{_N}\s+(?P<unit>days?)\s+later)\b", re.I)
# Every match of NEXT_DAY holds one of these (alternation.needles): a sentence without any
# is not searched.
_NEXT_DAY_ND = needles(["next", "following", "later"])


def relative_date(sent: Sentence, trigs: list[Trigger], sentences: list[Sentence], events: Events,
                   ref) -> tuple[str, str] | None:
    """ "two days after a missile attack on X" (counted back from the sentence's own date, the
    one before it, or the report's) and "the next day ... strikes on X" (counted on from the
    incident told last)."""
    text = sent.text
    first = trigs[0].start
    m = DAYS_AFTER.search(text[:first])
    if m:
        n = 1 if m.group("n").lower() in ("a", "an") else word_value(m.group("n"))
        anchor = _last_date(text[:m.start()], ref) or (
            _last_date(sentences[sent.index - 1].text, ref) if sent.index else None) or ref
        if anchor is None or not n:
            return None
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        return (anchor - timedelta(days=days)).isoformat(), "day"
    m = None if absent(_NEXT_DAY_ND, lowered(text)) else NEXT_DAY.search(text)
    if m and events and events.last().date and events.last().date[1] == "day":
        n = 1 if m.group("unit0") else (1 if m.group("n").lower() in ("a", "an") else word_value(m.group("n")))
        if n:
            return (parse_date(events.last().date[0]) + timedelta(days=n)).isoformat(), "day"
    return None


def _last_date(text: str, ref):
    found = [iso for _s, _e, iso, precision in iter_dates(text, ref) if precision == "day"]
    return parse_date(found[-1]) if found else None


def same_day(text: str, ref) -> tuple[str, str] | None:
    """ "throughout the morning", "shortly before noon", "at 10:40": a time of day with no
    day named is the day of the report."""
    if ref is None or not vocab()["same_day_re"].search(text):
        return None
    return ref.isoformat(), "day"
