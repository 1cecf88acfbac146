"""Small parts of pledge clauses that pledges.py assembles: where a wire story is datelined,
where a subject that opens with its sum starts, a second sum of the same donor ("and a
further €108m"), one more of the thing just named ("Germany another"), and the statements
that quote an offset, the recipient after a commitment, and what a bare sum is called."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ..model import Article, Party
from .actors import find_actors
from .numbers import find_money
from .pledge_clauses import purpose_of, tok_after
from .pledge_phrases import (ORDINAL, PREPOSITIONS, STOP, VERBISH, Cand, ItemNP, head_kind, is_number, party_of,
                             vocab)


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


def recipient_after(sen: _Sentence, lo: int, hi: int, donors: list[Cand], items) -> tuple[Party | None, int]:
    """The first country or organisation after the commitment that is not the donor."""
    donor_names = {c.party.name for c in donors if c.party}
    for a, b, m in sen.mentions:
        if not (lo <= a < hi) or m.actor.name in donor_names:
            continue
        if any(it.start <= a < it.end for it in items) and m.form == "demonym":
            continue
        if any(x <= a < y for x, y in sen.money):
            continue     # the "US" of "US$5 million"
        k = sen.toks.at_or_after(a)
        after = tok_after(sen, b)
        if (k and sen.toks[k - 1].low in ("a", "an") and after is not None
                and re.fullmatch(r"[a-z][\w-]*", sen.toks[after].text)
                and sen.toks[after].low not in PREPOSITIONS | {"and", "or", "said", "says"}):
            continue     # "a World Bank trust fund": a name used as a modifier, not a party
        if after is not None and any(t.low in vocab()["maker_nouns"] for t in sen.toks[after:after + 3]
                                     if t.text.islower()):
            continue     # "NASAMS co-developed with U.S. defense firm Raytheon": whose firm
        prev = sen.toks[k - 1].low if k else ""
        prev2 = sen.toks[k - 2].low if k and k >= 2 else ""
        if prev in ("since", "after", "before", "during", "until", "that", "which", "who"):
            continue     # "since Russia's invasion", "systems that Norway co-developed"
        if prev in ("the",) and prev2:
            prev = prev2
        if prev == "of" and k >= 2 and sen.toks[k - 2].low in vocab()["recipient_of"]:
            prev = "for"     # "the reconstruction of Ukraine", "the people of Haiti"
        if prev in ("from", "by", "against", "than", "at", "of", "between", "without", "within", "on"):
            continue
        if prev == "in" and prev2 in vocab()["made_in_verbs"]:
            continue     # "CV90s to be built in Sweden for Ukraine": where it is made
        if m.form in ("seat", "demonym") and prev not in ("to", "for", "with", "help"):
            continue
        if (k is not None and k + 1 < len(sen.toks) and prev not in ("to", "for", "with")
                and sen.toks[tok_after(sen, b) or k].low in vocab()["person_titles"]):
            continue     # "..., EU Commissioner Jana Novak said": whose official, not to whom
        if (any(a2 >= b and not sen.body[b:a2].strip() for a2, _ in sen.money)
                and prev not in VERBISH and prev not in vocab()["commit_verbs"]):
            continue     # "... and Chile $4 million": a donor with its verb left out
        if after is not None and prev in ("and", ",") and (
                is_number(sen.toks[after]) or sen.toks[after].low in ("another", "one")):
            continue     # "... and Germany another": a donor with its verb left out
        return party_of(m.actor), b
    return None, lo


def lists_parts(toks, i: int) -> bool:
    """ "including ..." or "which includes ..." after a package: what follows are its parts."""
    if toks[i].low == "including":
        return True
    return (toks[i].low in ("includes", "include", "comprises") and i > 1 and toks[i - 1].low in ("which", "that")
            and any(vocab()["heads"].get(t.low) == "aid" for t in toks[max(0, i - 6):i - 1]))


def main_country(article: Article, donors: set[str]) -> Party | None:
    """The country an article is about, when no pledge in it names where it goes: the one
    named most often (by name, not demonym), clearly ahead of the next, and not a donor."""
    # The headline counts too: it names what the article is about.
    text = f"{article.meta.title or ''}\n\n{article.body}"
    counts = Counter(m.actor for m in find_actors(text)
                     if m.form == "name" and m.actor.kind == "country" and m.actor.name not in donors)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return party_of(ranked[0][0])


def money_item(sen, trig, money, hi) -> str:
    """The name of a pledge of a bare sum: its kind ("loan" when lent), then what it is for."""
    name = vocab()["money_item_by_verb"].get(sen.toks[trig.last].low, vocab()["money_item"])
    purpose = purpose_of(sen, money[1], hi) if money else None
    return f"{name} {purpose}" if purpose else name


def region_end(sen, trig, triggers) -> int:
    """Token index where a trigger's object ends: the next trigger or a clause break."""
    end = len(sen.toks)
    toks = sen.toks
    for t in triggers:
        if t.first > trig.last:
            if (t.kind == "noun" and trig.kind == "commit" and t.first - trig.last <= 6
                    and all(re.match(r"[\w$€£¥]", x.text) and x.low not in STOP for x in toks[trig.last + 1:t.first])):
                continue      # "disbursed a €4bn tranche of ...": the noun is the verb's object
            end = min(end, t.first)
            if t.kind in ("verb", "commit"):
                # "..., Romania is to donate a third": the next chain's subject is not an object
                subj = [np_start(sen, c.first) for c in sen.cands if c.kind == "actor" and trig.last < c.first
                        and c.last < t.first and t.first - c.last <= 2]
                end = min([end] + subj)
    reporting = vocab()["reporting_verbs"]
    for k in range(trig.last + 1, end):
        if toks[k].text in (";", "—", "–", ":"):
            return k
        if toks[k].text == "," and k + 1 < end:
            if toks[k + 1].low in ("but", "which", "who", "while", "whereas"):
                return k        # "..., but warned that ...", "the Fund, which buys transformers"
            if toks[k + 1].low == "including" and any(vocab()["heads"].get(t.low) == "aid"
                                                     for t in toks[trig.last + 1:k]):
                return k        # "a package worth €1bn, including four IRIS-T": the parts follow
            if toks[k + 1].low == "and" and k + 2 < end and starts_party(sen, k + 2):
                return k        # "..., and Saudi Arabia signed ...": the next donor's clause
            if (toks[k + 1].low.endswith("ing") and toks[k + 1].low != "including"
                    and not head_kind(toks, k + 1) and not toks[k + 1].cap):
                return k        # "..., doubling the number it shipped to Poland": a side clause
            for j in range(k + 1, min(end, k + 11)):
                if toks[j].text == ",":
                    break
                if toks[j].low in reporting:
                    return k    # "..., the ministry said": the attribution is not the object
    return end


WORTH = {"worth", "valued", "at", "of", "totalling", "totaling"}


def part_of_package(sen, money, lo: int, hi: int):
    """ "ten tanks as part of a package worth €500m" or "... as part of a €500m package": the sum
    is the whole package's, a pledge of its own, not the price of the items listed before it.
    Returns the token where "as part of" starts and the package's name as an item, or None."""
    toks = sen.toks
    m_tok = toks.at_or_after(money[0])
    if m_tok is None or not lo < m_tok < hi:
        return None
    for k in range(max(lo + 1, m_tok - 9), m_tok - 2):
        if [t.low for t in toks[k:k + 3]] != ["as", "part", "of"]:
            continue
        j = k + 3 + (toks[k + 3].low in ("a", "an", "the", "its", "their", "this"))
        if j == m_tok:      # "as part of a €500m package"
            after = tok_after(sen, money[1])
            heads = [after] if after is not None and after < hi else []
        else:               # "as part of a new package worth €500m"
            heads = [i for i in range(j, m_tok) if vocab()["heads"].get(toks[i].low) == "aid"
                     and all(t.low in WORTH for t in toks[i + 1:m_tok])]
        if heads and vocab()["heads"].get(toks[heads[0]].low) == "aid":
            first = j if j < m_tok else heads[0]
            while first < heads[0] and not re.match(r"[a-z]", toks[first].text):
                first += 1
            return k, ItemNP("", "aid", toks[first].start, toks[heads[0]].end, first, heads[0])
    return None
