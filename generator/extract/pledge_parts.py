"""Small parts of pledge clauses that pledges.py assembles: where a wire story is datelined,
where a subject that opens with its sum starts, a second sum of the same donor ("and a
further €108m"), one more of the thing just named ("Germany another"), and the statements
that quote an offset."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Article, Party
from .actors import find_actors
from .numbers import find_money
from .pledge_phrases import ORDINAL, STOP, Cand, party_of, vocab


class Statements:
    """The article's statements by where they stand, to find the one quoting an offset."""

    def __init__(self, statements):
        self.spans = sorted(((st.evidence.start, st.evidence.end, n, st)
                             for n, st in enumerate(statements)), key=lambda x: (x[0], x[2]))
        self.starts = [x[0] for x in self.spans]
        self.longest = max((e - s for s, e, _, _ in self.spans), default=0)

    def at(self, offset: int):
        """Statements whose span holds offset, in the article's statement order."""
        k = bisect_right(self.starts, offset)
        found = []
        while k > 0 and offset - self.spans[k - 1][0] <= self.longest:
            k -= 1
            s, e, n, st = self.spans[k]
            if s <= offset < e:
                found.append((n, st))
        return [st for _, st in sorted(found, key=lambda x: x[0])]


DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]+?)(?:/[A-Z .'-]+)?\s*(?:,|\(|—|–|-)")


HOME_OFFICE = re.compile(r"\b[Tt]he (?:president|prime minister|chancellor|government|administration)\b(?! of)")


def dateline_country(article: Article):
    """The country of a wire story's dateline city ("WASHINGTON (AP) —"): its unnamed
    "the president" or "the government" is that country's."""
    m = DATELINE.match(article.body)
    found = [x for x in find_actors(m.group(1).title())] if m else []
    return party_of(found[0].actor) if found and found[0].form == "seat" else None


def home_offices(sen, home: Party) -> list[Cand]:
    out = []
    for m in HOME_OFFICE.finditer(sen.s.text):
        a, b = sen.s.start + m.start(), sen.s.start + m.end()
        first, last = sen.toks.covering(a), sen.toks.covering(b - 1)
        if first is not None and last is not None and not any(c.start < b and a < c.end for c in sen.cands):
            out.append(Cand(a, b, m.group(0), Party(**vars(home)), "actor", first=first, last=last))
    return out


def np_start(sen, k: int) -> int:
    """First token of a subject that opens with its sum: "about C$34m in Canadian money"."""
    toks = sen.toks
    if k >= 2 and toks[k - 1].low in ("in", "of"):
        m = next((a for a, b in sen.money if b <= toks[k - 1].start and not sen.body[b:toks[k - 1].start].strip()), None)
        if m is not None:
            k = toks.at_or_after(m)
            while k > 0 and toks[k - 1].low in ("about", "some", "around", "nearly", "roughly", "almost"):
                k -= 1
    return k


def starts_party(sen, k: int) -> bool:
    k += sen.toks[k].low == "the" and k + 1 < len(sen.toks)
    return any(c.first == k and c.kind == "actor" for c in sen.cands)


FURTHER = re.compile(r"\s*,?\s*and\s+(?:a\s+further|another|an\s+additional|a\s+separate|further|additional)\s+$")


def one_more(toks, lo: int, hi: int) -> bool:
    """Whether the object is one more of the thing just named: "another", "a third"."""
    k = lo + 1 if toks[lo].low == "another" else lo + 2 if (
        toks[lo].low == "a" and lo + 1 < hi and ORDINAL.fullmatch(toks[lo + 1].low)) else None
    return k is not None and (k >= hi or not re.match(r"\w", toks[k].text) or toks[k].low in STOP)


def purpose_between(toks, a: int, b: int) -> bool:
    """Whether a verb of keeping things running ("to help it keep food flowing") stands
    between offsets a and b: the money runs the work, it does not buy the things named."""
    upkeep = vocab()["upkeep_verbs"]
    return any(a <= t.start <= b and t.low in upkeep for t in toks)


def further_sum(sen, money, hi: int):
    """The token where a second sum of the same donor starts ("and a further €108m") and that
    sum, or None."""
    limit = sen.toks[hi - 1].end if hi else sen.s.end
    for a, b, m in ((sen.s.start + a, sen.s.start + b, m) for a, b, m in find_money(sen.s.text)):
        if money[1] < a < limit:
            found = FURTHER.search(sen.body[money[1]:a])
            if found:
                cut = sen.toks.at_or_after(money[1] + found.start() + found.group(0).index("and"))
                return (cut, (a, b, m)) if cut is not None else None
            return None
    return None
