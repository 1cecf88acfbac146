"""Clause parts of a pledge that pledges.py asks for: the "from" group of a noun, the fund a
sum comes out of, the lender of a signed agreement, the subject that pays out, the items of a
list whose parts carry clauses of their own, the items priced one by one, a partner "together
with" the donor, a recipient named by what it is, and items sent to a place rather than a party.

Each function takes pledges.py's sentence view (tokens, donor candidates, money spans)."""
from __future__ import annotations

import re

from .numbers import find_money
from ..model import Party
from .pledge_phrases import PREPOSITIONS, VERBISH, Cand, ItemNP, find_items, group_right, vocab


# A fund, facility or programme named as such is where money goes, not what is given: in
# "€80m to the Ukraine Energy Support Fund" the item is the money.
FUND_NAME = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s+(?:(?:of|for|and|the)\s+)?){1,5}"
    r"(?:Fund|Facility|Programme|Program|Initiative|Mechanism|Instrument|Trust)\b")


FUND_WORDS = ("Fund", "Facility", "Program", "Initiative", "Mechanism", "Instrument", "Trust")
_ANY_FUND_WORD = re.compile("|".join(FUND_WORDS))   # one scan instead of a test per word


def name_spans(text: str, base: int) -> list[tuple[int, int]]:
    """Spans of proper names of funds and facilities in a sentence."""
    if not _ANY_FUND_WORD.search(text):
        return []       # most sentences name no fund: skip the regex
    return [(base + m.start(), base + m.end()) for m in FUND_NAME.finditer(text)]


def tok_after(sen, offset: int) -> int | None:
    return sen.toks.at_or_after(offset)


def from_group(sen, after_tok: int) -> list[Cand]:
    k = after_tok
    if k < len(sen.toks) and sen.toks[k].low in ("from", "by"):
        return group_right(sen.cands, sen.toks[k].end, sen.text_of)
    return []


def fund_source(sen, lo: int, hi: int) -> list[Cand]:
    """ "released $7 million from the Yemen Humanitarian Fund": the fund gives the sum."""
    for a, b in sen.money:
        k = tok_after(sen, b)
        if k is not None and lo <= k < hi and sen.toks[k].low == "from":
            return [c for c in from_group(sen, k) if c.party and c.party.kind == "organization"]
    return []


def with_lender(sen, lo: int, hi: int) -> list[Cand]:
    """The organisation in "... agreement with the World Bank", which lends to the signer."""
    for k in range(lo, hi):
        if sen.toks[k].low == "with":
            found = group_right(sen.cands, sen.toks[k].end, sen.text_of)
            return [c for c in found[:1] if c.party and c.party.kind == "organization"
                    and c.start - sen.toks[k].end <= 5]
    return []


def clause_subject(sen, before: int) -> list[Cand]:
    """The first named party of the clause that is not inside a prepositional phrase:
    "The IMF's board completed the review of Egypt's programme, allowing a disbursement"."""
    for c in sen.cands:
        if c.first >= before:
            break
        if c.kind == "actor" and c.party and not (c.first and sen.toks[c.first - 1].low in PREPOSITIONS):
            # a lender pays out; a country first in the clause usually receives
            return [c] if c.party.kind == "organization" else []
    return []


def listed_items(sen, lo: int, hi: int) -> list:
    """Items of a list whose parts carry their own clauses: "two thousand shells bought
    abroad, and several hundred drones" -- one item from each comma- or "and"-part."""
    out, start = [], lo
    for k in range(lo, hi + 1):
        if k == hi or sen.toks[k].text in (",", ";") or sen.toks[k].low == "and":
            if k > start:
                found = find_items(sen.toks, start, k, sen.money, sen.actor_spans, one_pot=True)
                out += found[:1]
            start = k + 1
    return out


# Words that open an aside on the part before them: "for air defence, mostly missiles for ...".
ASIDES = {"mostly", "mainly", "largely", "chiefly", "primarily", "notably", "especially", "particularly"}
PURPOSE_OPENERS = {"for", "to", "towards", "toward"}


def priced_parts(sen, lo: int, hi: int) -> list:
    """A package's parts that each open with their own sum: "includes $2bn for air defence,
    mostly missiles, and $1bn to repair power plants" -- (item, sum) for every part, the item
    being what the sum is for when it names no thing ("repair power plants")."""
    toks = sen.toks
    lo_off = toks[lo].start if lo < len(toks) else sen.s.end
    hi_off = toks[hi - 1].end if hi else sen.s.end
    sums = [(sen.s.start + a, sen.s.start + b, m) for a, b, m in find_money(sen.s.text)]
    sums = [x for x in sums if lo_off <= x[0] < hi_off]
    if len(sums) < 2:
        return []
    out = []
    for n, (a, b, m) in enumerate(sums):
        first = toks.at_or_after(a)
        if first is None or (first > lo and toks[first - 1].text not in (",", ";", "and")
                             and toks[first - 1].low not in ("includes", "include", "including", "another")):
            return []      # a sum inside a part ("worth $5m"), not a list of priced parts
        start = tok_after(sen, b)
        end = toks.at_or_after(sums[n + 1][0]) if n + 1 < len(sums) else hi
        if start is None or end is None:
            return []
        stop = start
        while stop < end and re.match(r"\w", toks[stop].text) and toks[stop].low not in ASIDES:
            stop += 1
        found = find_items(toks, start, stop, sen.money, sen.actor_spans, one_pot=True)
        if found:
            out.append((found[0], (a, b, m)))
            continue
        if toks[start].low in ("in", "of"):
            return []
        if toks[start].low not in PURPOSE_OPENERS or start + 1 >= stop:
            continue
        last = start + 1
        while last + 1 < min(stop, start + 6) and toks[last + 1].low not in ("and", "or", "that", "which",
                                                                            "damaged", "destroyed"):
            last += 1
        item = ItemNP(text=sen.body[toks[start + 1].start:toks[last].end], kind="purpose",
                      start=toks[start + 1].start, end=toks[last].end, first=start + 1, last=last)
        out.append((item, (a, b, m)))
    return out


PURPOSE_ENDS = {"and", "or", "before", "after", "by", "during", "until", "through", "within", "from",
                "with", "in", "on", "at", "that", "which", "damaged", "destroyed", "over", "next", "this"}


def purpose_of(sen, after: int, hi: int) -> str | None:
    """What a bare sum is for, when a verb of purpose follows it: "£300m towards repairing
    Ukraine's power grid before winter" -> "towards repairing Ukraine's power grid"."""
    toks = sen.toks
    k = tok_after(sen, after)
    if k is None or k + 1 >= hi or toks[k].low not in PURPOSE_OPENERS:
        return None
    j = k + 1
    if toks[j].low == "help" and j + 1 < hi:
        j += 1
    verb = toks[j].low
    stem = verb[:-3] if verb.endswith("ing") else verb
    if not any(w in vocab()["purpose_verbs"] for w in (verb, stem, stem + "e")):
        return None
    last = j
    while last + 1 < min(hi, j + 6) and re.match(r"[\w'’]", toks[last + 1].text) \
            and toks[last + 1].low not in PURPOSE_ENDS:
        last += 1
    return sen.body[toks[k].start:toks[last].end] if last > j else None


def priced_items(sen, lo: int, hi: int) -> list:
    """Items in [lo, hi) each right after its own sum: "$5bn loan", "€1bn in grants"."""
    out = []
    limit = sen.toks[hi - 1].end if hi else sen.s.end
    lo_off = sen.toks[lo].start if lo < len(sen.toks) else sen.s.end
    part = next((t.start for t in sen.toks[lo:hi] if t.low in ("including", "includes", "which")), None)
    if part is not None:
        limit = min(limit, part)     # "$4bn, including $1bn in grants": a part, not a second pledge
    for a, b, m in find_money(sen.s.text):
        a, b = sen.s.start + a, sen.s.start + b
        if not (lo_off <= a < limit):
            continue
        k = tok_after(sen, b)
        if k is not None and sen.toks[k].low in ("in", "of") and re.fullmatch(r"\s*", sen.body[b:sen.toks[k].start]):
            k += 1
        if k is None or k >= hi or sen.body[b:sen.toks[k].start].strip() not in ("", "in", "of"):
            continue
        found = find_items(sen.toks, k, min(hi, k + 4), sen.money, sen.actor_spans, one_pot=True)
        if found and found[0].first <= k + 2:
            out.append((found[0], (a, b, m)))
    return out


def together_with(sen, donors: list[Cand]) -> list[Cand]:
    """ "Together with Germany, the Netherlands will finance ...": the partner gives too."""
    if not donors:
        return []
    first = min(c.first for c in donors)
    for k in range(max(0, first - 12), first - 1):
        w = sen.toks[k].low
        if w == "with" and k >= 1 and sen.toks[k - 1].low in ("together", "jointly", "along"):
            found = group_right(sen.cands, sen.toks[k].end, sen.text_of)
            return [c for c in found if c.last < first and c.party and c not in donors]
    return []


def beneficiary(sen, lo: int, hi: int) -> Party | None:
    """A recipient named by what it is: "to partner clinics", "for displaced families"."""
    toks = sen.toks
    heads = vocab()["beneficiaries"]
    for k in range(lo, min(hi, len(toks))):
        if toks[k].low not in ("to", "for"):
            continue
        j = k + 1
        while (j < hi and j - k <= 4 and re.match(r"[a-z]", toks[j].text) and toks[j].low not in heads
               and toks[j].low not in vocab()["purpose_verbs"] and toks[j].low not in VERBISH):
            if toks[j].low in ("the", "a", "an", "its", "their") and j == k + 1:
                k = j
            j += 1
        if j < hi and toks[j].low in heads and j > k:
            return Party(name=" ".join(t.text for t in toks[k + 1:j + 1]), kind="organization")
    return None


def to_place(sen, items, hi: int) -> bool:
    """Whether the items go to a place rather than a party: "troops to the front line"."""
    if not items:
        return False
    k = items[-1].last + 1
    toks = sen.toks
    if k + 1 < hi and toks[k].low in ("to", "into", "towards", "toward"):
        j = k + 1
        while j < hi and toks[j].low in ("the", "a", "its", "their", "his", "her", "our"):
            j += 1
        if j < hi and any(a <= toks[j].start < b for a, b, _ in sen.mentions):
            return False
        words = {t.low for t in toks[j:min(hi, j + 3)]}
        return bool(words & set(vocab()["destinations"]))
    return False
