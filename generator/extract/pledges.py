"""Pledges: who commits to give what to whom.

A pledge is a commitment (a verb chain such as "will send", "agreed to provide", "pledged", or a
noun such as "a pledge by Britain", "Canada's offer of") with a donor and an item or a money
amount. The donor is the subject of the chain, the "from"/"by" phrase of the noun, or the agent
of a passive ("radars provided by Norway"). Requests, questions, denials and mere
possibilities ("urged Germany to send", "whether Germany will send") are not pledges; neither
is a vow without a thing to give ("vowed to retaliate").

Mentions of one pledge across an article (the headline fact, then its details) are merged: one
donor and one kind of item make one pledge, so that "Gripen fighters" and "12 Gripen jets" from
Sweden are one entry with quantity 12.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache

from ..model import Article, Evidence, Party, Pledge, Statement
from .actors import find_actors
from .dates import iter_dates, parse_date
from .numbers import find_money, word_value
from .pledge_clauses import (clause_subject, from_group, fund_source, listed_items, priced_parts,
                             beneficiary, name_spans, priced_items, to_place, together_with,
                             tok_after, with_lender)
from .pledge_parts import (Statements, dateline_country, further_sum, home_offices, lists_parts,
                           main_country, money_item, part_of_package, recipient_after, region_end,
                           np_start, one_more, purpose_between)
from .pledge_context import add_apposed_values, bracketed_sums, donor_list, merge_drafts, package_list
from .pledge_triggers import ADVERBS, AID_NOUNS, Trigger, find_triggers
from .pledge_people import org_short_forms, people_of
from .pledge_phrases import (PREPOSITIONS, Cand, donor_candidates, find_items,
                             group_left, group_right, head_kind, is_number, item_at,
                             named_items, party_of, people_pattern, pick_money, tokenize, vocab)


@dataclass
class Draft:
    pledge: Pledge
    kind: str                # item kind, for merging
    explicit_recipient: bool
    generic_donor: bool


class _Sentence:
    def __init__(self, article: Article, s, aliases, people=None, statements=(), people_re=None, home=None,
                 toks=None):
        self.s = s
        self.people = people or {}
        self.statements = statements if isinstance(statements, Statements) else Statements(statements)
        self.body = article.body
        self.toks = toks if toks is not None else tokenize(s.text, s.start)
        self._cands_of = (aliases, people, people_re, home)
        self.last_donors: list[Cand] = []     # the donors of the latest pledge before this sentence
        self.drafts: list = []                # pledges found so far in this sentence

    # The parts below are made on first use: most sentences have no pledge trigger, and of
    # those only a few are ever asked for their donors or items (by a later "they", "one
    # each"). Each is a function of the sentence and of article-wide tables that are complete
    # before the first sentence is read, so when it is made does not change what it is.
    @cached_property
    def cands(self) -> list[Cand]:
        s, (aliases, people, people_re, home) = self.s, self._cands_of
        cands = donor_candidates(s.text, s.start, self.toks, aliases, people, people_re)
        if home is not None:
            self.__dict__["cands"] = cands      # what home_offices reads as sen.cands
            cands = sorted(cands + home_offices(self, home), key=lambda c: c.start)
        return cands

    @cached_property
    def money(self) -> list[tuple[int, int]]:
        s = self.s
        return [(s.start + a, s.start + b) for a, b, _ in _money(s.text)]

    @cached_property
    def mentions(self) -> list:
        s = self.s
        return [(s.start + m.start, s.start + m.end, m) for m in find_actors(s.text)]

    @cached_property
    def actor_spans(self) -> list[tuple[int, int]]:
        s = self.s
        spans = [(a, b) for a, b, m in self.mentions if m.form != "demonym"]
        spans += name_spans(s.text, s.start)
        return spans

    def speaker_at(self, offset: int) -> Party | None:
        """The party of whoever says "we" here, when a statement quotes them."""
        for st in self.statements.at(offset):
            name = st.speaker.name or ""
            party = self.people.get(name) or self.people.get(name.split()[-1] if name else "")
            if party:
                return Party(**vars(party))
            found = find_actors(name)
            if found and found[0].end - found[0].start == len(name.strip()):
                return party_of(found[0].actor)
        return None

    def text_of(self, a: int, b: int) -> str:
        return self.body[a:b]


def _money(text):
    return list(find_money(text))


def _guarded(sen: _Sentence, lo_tok: int, hi_tok: int) -> bool:
    v = vocab()
    toks = sen.toks
    for k in range(max(0, lo_tok), min(hi_tok, len(toks))):
        w = toks[k].low
        if w in v["guards"] or w in ("n’t", "n't"):
            if w == "no" and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit():
                continue      # "No 10" is Downing Street
            return True
    return False


def _subject(sen: _Sentence, tok: int, prev_donors: list[Cand]) -> list[Cand]:
    """The donors a verb chain starting at token `tok` has as subject."""
    start = sen.toks[tok].start
    before = [k for k, c in enumerate(sen.cands) if c.end <= start]
    for step, k in enumerate(reversed(before)):
        c = sen.cands[k]
        if step > 2:
            break
        if c.kind == "pronoun":
            if c.text.lower() == "we":
                speaker = sen.speaker_at(c.start)
                return [Cand(c.start, c.end, c.text, speaker, "actor", first=c.first, last=c.last)] if speaker else []
            if c.text.lower() in ("he", "she"):
                return []
            earlier = [j for j in range(k) if sen.cands[j].kind != "pronoun"]
            if earlier:
                return group_left(sen.cands, earlier[-1], sen.text_of)
            return list(prev_donors)
        p = sen.toks[c.first - 1].low if c.first >= 1 else ""
        if p in PREPOSITIONS and not (step == 0 and c.extra.get("money")):
            continue      # "C$34m in Canadian money will go": the money's giver is the subject
        return group_left(sen.cands, k, sen.text_of)
    if not before:
        # "Berlin approved other help. The cabinet signed off on ...": an unnamed country's
        # institution is the country the sentence before was about
        k = _clause_start(sen.toks, tok)
        if (k + 1 < tok and sen.toks[k].low == "the" and sen.toks[k + 1].low in vocab()["institutions"]
                and tok - k <= 6):
            return [c for c in prev_donors if c.party and c.party.kind == "country"][:1]
    return []


def _shared_subject(sen: _Sentence, trig: Trigger, triggers, prev_donors) -> list[Cand]:
    """ "Canada would lend $2bn, as part of a G7 deal, and would provide $80m": a verb joined
    by "and" with no subject of its own shares the earlier verb's subject, not the nearest name."""
    k = trig.first - 1
    while k >= 0 and sen.toks[k].low in ("also", "then", "later", "further"):
        k -= 1
    if k < 1 or sen.toks[k].low != "and":
        return []
    earlier = [t for t in triggers if t.last < k and t.kind in ("verb", "commit")]
    return _subject(sen, earlier[-1].first, prev_donors) if earlier else []


def _clause_start(toks, k: int) -> int:
    """Index of the first token of the clause holding token k."""
    while k > 0 and toks[k - 1].text not in (".", ";", ":", "—") and toks[k - 1].low not in ("and", "but"):
        k -= 1
    return k


def _for_recipient(sen: _Sentence, d: Draft) -> bool:
    """Whether the draft's recipient is named after "for": "buy shells for Ukraine"."""
    r = d.pledge.recipient
    return bool(r) and any(m.actor.name == r.name and sen.body[max(0, a - 8):a].rstrip().lower().endswith("for")
                           for a, _, m in sen.mentions)


@lru_cache(maxsize=1)
def _condition_re() -> re.Pattern | None:
    # One pattern finds a condition wherever one of the words alone would.
    words = vocab()["conditions"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in words) + r")\b") if words else None


def _status_after(sen: _Sentence, lo: int, hi: int, status: str) -> str:
    text = sen.body[lo:hi].lower()
    found = _condition_re()
    if found is not None and found.search(text):
        return "conditional"
    return status


def _pledges_of(sen: _Sentence, trig: Trigger, triggers, prev_donors, prev_items: "_Latest", ref) -> list[Draft]:
    toks = sen.toks
    hi = region_end(sen, trig, triggers)
    lo = trig.last + 1
    donors: list[Cand] = []
    recipient = None
    one_each = None
    own_item = None
    money_before = None
    if trig.kind == "buy":
        drafts = _pledges_of(sen, replace(trig, kind="verb"), triggers, prev_donors, prev_items, ref)
        return [d for d in drafts if d.explicit_recipient and _for_recipient(sen, d)]
    if trig.kind in ("verb", "commit"):
        donors = _shared_subject(sen, trig, triggers, prev_donors) or _subject(sen, trig.first, prev_donors)
        donors += together_with(sen, donors)
        if trig.kind == "commit":
            # The object must follow the verb: "pledged $1bn", "agreed on a package".
            j = lo
            while j < hi and (toks[j].low in vocab()["determiners"] or toks[j].low in ("on", "for")
                              or any(a <= toks[j].start < b for a, b in sen.actor_spans)
                              or (toks[j].low in vocab()["transfer_nouns"] and j + 1 < hi
                                  and toks[j + 1].low == "of")):
                j += 1      # "offered Syria $100 million", "approved the delivery of 10 tanks"
            if j >= hi or not (head_kind(toks, j) or any(a <= toks[j].start < b for a, b in sen.money)
                               or toks[j].text[:1] in "$€£" or is_number(toks[j]) or toks[j].low.endswith(("-year", "-member"))
                               or (j + 1 < hi and head_kind(toks, j + 1))
                               or (j + 2 < hi and head_kind(toks, j + 2))):
                return []
            # A lone "agreed"/"announced" with something that is not given (a deal, a decision).
            verb = toks[trig.first].low
            if verb in vocab()["money_only_verbs"] and not any(
                    toks[lo].start <= a <= toks[min(lo + 3, hi - 1)].end for a, _ in sen.money):
                return []      # the sum must be the object: not "released figures showing $3bn"
            if not donors:
                donors = fund_source(sen, lo, hi)
            elif verb in vocab()["with_lender_verbs"] and donors[0].party and donors[0].party.kind == "country":
                lender = with_lender(sen, lo, hi)
                if lender:
                    recipient, donors = donors[0].party, lender
    elif trig.kind == "noun":
        donors = from_group(sen, trig.last + 1)
        after = tok_after(sen, donors[-1].end) if donors else None
        if after is not None:
            lo = max(lo, after)
        else:
            k = trig.first - 1
            while k >= 0 and toks[k].low in ("new", "latest", "fresh", "first", "forthcoming", "earlier"):
                k -= 1
            while k >= 0 and any(a <= toks[k].start < b for a, b in sen.money):
                k -= 1      # "Germany's €500 million pledge": the sum is the pledge's value
                money_before = next((sen.s.start + a, sen.s.start + b, m) for a, b, m in _money(sen.s.text)
                                    if sen.s.start + a <= toks[k + 1].start < sen.s.start + b)
            if k >= 0 and (toks[k].low in ("’s", "'s") or toks[k].text in ("'", "’")):
                k -= 1
            owner = [j for j, c in enumerate(sen.cands) if c.first <= k <= c.last and c.kind != "pronoun"]
            if not owner and k >= 0 and toks[k].low in ("its", "their"):
                # "thanked Britain for its pledge of": the possessive is the party just named
                owner = [j for j, c in enumerate(sen.cands) if c.last < k and c.kind != "pronoun"][-1:]
            if owner:
                donors = group_left(sen.cands, owner[-1], sen.text_of)
            j = trig.first - 1
            while j >= 0 and toks[j].low in ("a", "an", "new", "fresh", "further", "additional", "their", "its"):
                j -= 1
            if not donors and j >= 0 and toks[j].low in ("made", "make", "makes", "announced", "gave"):
                donors = _subject(sen, j, prev_donors)      # "donors made pledges totalling..."
            if (not donors and toks[trig.first].low in vocab()["payout_nouns"]
                    and any(toks[trig.first].end < a <= toks[min(trig.last + 3, len(toks) - 1)].end
                            for a, _ in sen.money)):
                # only a sum paid out ("a disbursement of $2bn"), not "a tranche of a loan"
                donors = clause_subject(sen, trig.first)
                own_item = item_at(toks, trig.first, trig.first + 1, sen.money, sen.actor_spans)
            if not donors:
                # "the German pledge": a demonym right before the noun
                for a, b, m in sen.mentions:
                    if m.form == "demonym" and b <= toks[trig.first].start and toks[trig.first].start - b <= 2:
                        donors = [Cand(a, b, m.text, party_of(m.actor), "actor")]
        # The recipient of "won pledges from ...": the subject of "won".
        k = trig.first - 1
        while k >= 0 and toks[k].low in ("a", "an", "the", "new", "fresh", "pledges"):
            k -= 1
        if k >= 0 and toks[k].low in ("won", "secured", "received", "got", "welcomed", "wins", "secures"):
            subj = _subject(sen, k, [])
            if subj and subj[0].party:
                recipient = subj[0].party
    elif trig.kind == "source":
        return _source(sen, trig, hi, ref)
    elif trig.kind == "with":
        donors = group_right(sen.cands, toks[trig.first].end, sen.text_of)
        gap = sen.body[donors[-1].end:toks[trig.last].start] if donors else "x"
        if not re.fullmatch(r"\s*(?:(?:alone|itself|also|each|too|separately)\s*)*", gap):
            return []
    elif trig.kind == "passive":
        donors = from_group(sen, trig.last)
        if donors:
            lo = tok_after(sen, donors[-1].end) or hi
        # the item is the noun phrase right before the participle, or before a comma and a
        # reduced relative: "a $5bn loan backed by frozen assets, agreed by the G7"
        h = trig.first - 1
        if h >= 0 and toks[h].text == ",":
            h = next((k for k in range(h - 1, max(-1, h - 14), -1)
                      if head_kind(toks, k) or toks[k].text in (";", ",", ":")), -1)
        item = item_at(toks, h, trig.first, sen.money, sen.actor_spans) if h >= 0 and head_kind(toks, h) else None
        items = named_items(toks, [item] if item else [])
        if items and any(t.low in vocab()["past_use_verbs"]
                         for t in toks[max(0, items[0].first - 4):items[0].last]):
            return []
        money = None
        if items:
            money = pick_money(sen.s.text, sen.s.start, sen.s.start, items[0].start)
            if money and sen.body[money[1]:items[0].start].strip():
                money = None      # only "$5bn loan", the sum that names the item
        return _assemble(sen, trig, donors, items[:1], money, lo, hi, recipient, ref)
    elif trig.kind == "include":
        k = trig.first - 1
        while k >= 0 and toks[k].low in ADVERBS | {"would", "will", "to", "also"}:
            k -= 1
        if k >= 1 and toks[k].text == ",":
            # "The package, the tenth since May, also includes": skip the apposition
            k = next((j - 1 for j in range(k - 1, max(0, k - 14), -1) if toks[j].text == ","), k)
        if k >= 0 and toks[k].low in ("it", "this") and sen.last_donors and k == _clause_start(toks, k):
            # "Sweden unveiled a package. It includes ...": the package just announced
            items = listed_items(sen, lo, hi)
            return _assemble(sen, trig, list(sen.last_donors), items, None, lo, hi, None, ref) if items else []
        if k < 0 or toks[k].low not in AID_NOUNS:
            return []
        noun = k
        k -= 1
        while k >= 1 and toks[k].low not in ("’s", "'s") and re.fullmatch(r"\d+(?:st|nd|rd|th)|[a-z-]+", toks[k].text) \
                and toks[k].low not in ("the", "this", "that") and noun - k < 4:
            k -= 1      # "Finland's 21st military package"
        if k >= 0 and toks[k].low in ("’s", "'s"):
            k -= 1
        owner = [j for j, c in enumerate(sen.cands) if c.first <= k <= c.last and c.kind == "actor"]
        if owner:
            donors = [sen.cands[owner[-1]]]
        elif k >= 0 and toks[k].low in ("the", "this", "that") and sen.last_donors:
            donors = list(sen.last_donors)      # the package just announced
        else:
            return []
        priced = priced_parts(sen, lo, hi)
        if priced:
            return [d for it, money in priced
                    for d in _assemble(sen, trig, donors, [it], money, lo, hi, recipient, ref)]
        items = listed_items(sen, lo, hi)
        if items:
            return _assemble(sen, trig, donors, items, None, lo, hi, recipient, ref)
    elif trig.kind == "receive":
        subj = _subject(sen, trig.first, [])
        if not subj or not subj[0].party:
            return []
        recipient = subj[0].party
        donors = []
        for k in range(lo, hi):
            if toks[k].low == "from":
                donors = from_group(sen, k)
                break
        if not donors:
            donors = [c for c in prev_donors if c.party and c.party.name != recipient.name][:1]
    elif trig.kind == "raise":
        k = next((k for k in range(lo, min(hi, lo + 10)) if toks[k].low == "from"), None)
        if k is None:
            return []
        money = pick_money(sen.s.text, sen.s.start, toks[lo].start if lo < len(toks) else 0, toks[k].start)
        if not money:
            return []
        donors = from_group(sen, k)
        subj = [c for c in sen.cands if c.end <= toks[trig.first].start and c.kind == "actor"]
        recipient = subj[-1].party if subj else None
        return _assemble(sen, trig, donors, [], money, lo, hi, recipient, ref)
    elif trig.kind == "come":
        money = pick_money(sen.s.text, sen.s.start, sen.s.start, toks[trig.first].start)
        if not money:
            return []
        donors = from_group(sen, trig.last)
        lo = tok_after(sen, donors[-1].end) if donors else hi
        return _assemble(sen, trig, donors, [], money, lo or hi, hi, None, ref)
    if not donors:
        return []
    inside = [c.first for c in donors if sen.s.start <= c.start < sen.s.end]
    first_donor_tok = min(inside) if inside else trig.first
    if trig.kind in ("verb", "commit") and _guarded(sen, first_donor_tok - 3, trig.last + 1):
        return []
    if trig.kind in ("verb", "commit") and _guarded(sen, first_donor_tok - 3, first_donor_tok):
        return []
    # "will lend two each": the item is the one just named
    if lo < hi and (is_number(toks[lo]) or toks[lo].low in ("one", "a")) and lo + 1 < hi and toks[lo + 1].low == "each":
        one_each = 1 if toks[lo].low in ("one", "a") else int(toks[lo].text) if toks[lo].text.isdigit() else None
    elif lo < hi and one_more(toks, lo, hi):
        one_each = 1      # "the US will send one battery, Romania is to donate a third"
    money = pick_money(sen.s.text, sen.s.start, toks[lo].start if lo < len(toks) else sen.s.end,
                       toks[hi - 1].end if hi else sen.s.end)
    money = money or money_before
    if not money and trig.kind == "verb" and donors and sen.s.start <= donors[0].start < sen.s.end:
        k = np_start(sen, donors[0].first)
        if k != donors[0].first:     # "C$34m in Canadian money will go towards ..."
            money = pick_money(sen.s.text, sen.s.start, toks[k].start, donors[0].start)
    further = []
    m_tok = sen.toks.at_or_after(money[0]) if money else None
    if money and trig.kind in ("verb", "commit") and m_tok and lo < m_tok - 1 < hi and toks[m_tok - 1].low == "and":
        counted = [it for it in find_items(toks, lo, m_tok - 1, sen.money, sen.actor_spans) if it.quantity]
        k = tok_after(sen, money[1])
        if counted and k is not None and k < hi:
            # "20 armoured vehicles and €10 million for drones": the sum is a gift of its own,
            # not the vehicles' price
            found = find_items(toks, k, hi, sen.money, sen.actor_spans, one_pot=True)
            further = _assemble(sen, trig, donors, found[:1], money, k, hi, None, ref)
            money, hi = None, m_tok - 1
    part = part_of_package(sen, money, lo, hi) if money and not further and trig.kind in ("verb", "commit") else None
    if part is not None and find_items(toks, lo, part[0], sen.money, sen.actor_spans):
        further = _assemble(sen, trig, donors, named_items(toks, [part[1]]), money, part[1].first, hi, None, ref)
        money, hi = None, part[0]
    if money and trig.kind in ("verb", "commit"):
        split = further_sum(sen, money, hi)
        if split is not None:
            cut, second = split      # "€1bn for Turkey and a further €108m in aid for Syria"
            k = tok_after(sen, second[1])
            if k is not None and k < hi:
                found = find_items(toks, k, hi, sen.money, sen.actor_spans, one_pot=True)
                further = _assemble(sen, trig, donors, found[:1], second, k, hi, None, ref)
            hi = cut
    if one_each is not None:
        earlier = find_items(toks, 0, trig.first, sen.money, sen.actor_spans, one_pot=True) or prev_items()
        items = [_copy_item(it, one_each) for it in earlier[:1]]
    else:
        items = find_items(toks, lo, hi, sen.money, sen.actor_spans)
        if money and items and money[0] < items[0].start:
            items = items[:1]     # "$5m for food and medicine" is one pot of money
        if not items and own_item:
            items = named_items(toks, [own_item])
    if money and items and purpose_between(toks, money[1], items[0].start):
        items = []      # "€20m to UNRWA to help it keep food flowing": the money is the gift
    pairs = priced_items(sen, lo, hi) if money else []
    if len(pairs) > 1:
        # "a €5bn loan and a €1bn grant": each item with the sum that names it
        return [d for it, m in pairs for d in _assemble(sen, trig, donors, [it], m, lo, hi, recipient, ref)]
    drafts = _assemble(sen, trig, donors, items, money, lo, hi, recipient, ref) + further
    if drafts and money and trig.kind in ("verb", "commit") and not further:
        drafts += _gapped(sen, trig, money, hi, ref)
    elif drafts and len(items) == 1 and trig.kind in ("verb", "commit"):
        drafts += _gapped_counts(sen, trig, items[0], hi, ref)
    return drafts


def _including(sen: _Sentence, trig: Trigger, lo: int, hi: int, ref) -> list[Draft]:
    """ "announced a $425m package for Ukraine on Monday, including 15 Bradleys": the things
    listed after a package pledged earlier in the sentence are pledges of its donor."""
    package = [d for d in sen.drafts if d.kind == "aid" and d.pledge.evidence.end <= sen.toks[trig.first].start]
    if not package:
        return []
    items = [it for it in listed_items(sen, lo, hi) if it.kind not in ("aid", "loan", "grant")]
    head = package[-1].pledge
    donors = [Cand(0, 0, head.donor.name, head.donor, "actor")]
    return _assemble(sen, trig, donors, items, None, lo, hi, head.recipient, ref) if items else []


def _source(sen: _Sentence, trig: Trigger, hi: int, ref) -> list[Draft]:
    """ "$90 million is a grant from Norway", "a €40m loan from the EIB": the noun is the item,
    the "from" phrase the donor, the sum right before the noun its value."""
    toks = sen.toks
    donors = from_group(sen, trig.last + 1)
    if not donors or _guarded(sen, trig.first - 6, trig.first):
        return []
    item = item_at(toks, trig.first, trig.first + 1, sen.money, sen.actor_spans)
    if item is None or any(t.low in vocab()["past_use_verbs"] for t in toks[max(0, item.first - 5):item.first]):
        return []
    items = named_items(toks, [item])
    money = None
    for a, b, m in _money(sen.s.text):
        a, b = sen.s.start + a, sen.s.start + b
        if b <= item.start and re.fullmatch(r"\s*(?:(?:is|was|are|were|will|be|as|a|an|in)\s+)*",
                                             sen.body[b:item.start]):
            money = (a, b, m)
    recipient = None
    verb = next((k for k in range(item.first - 1, max(-1, item.first - 6), -1)
                 if toks[k].low in vocab()["receive_verbs"]), None)
    if verb is not None:
        subj = _subject(sen, verb, [])
        recipient = subj[0].party if subj and subj[0].party else None
    lo = tok_after(sen, donors[-1].end)
    return _assemble(sen, trig, donors, items, money, lo if lo is not None else hi, hi, recipient, ref)


def _gapped(sen: _Sentence, trig: Trigger, money, hi: int, ref) -> list[Draft]:
    """A second donor with the verb left out: "Peru pledged $9 million and Chile $4 million"."""
    out = []
    limit = sen.toks[hi - 1].end if hi else sen.s.end
    if hi < len(sen.toks) and sen.toks[hi].text == ";":
        limit = sen.s.end      # "Sweden pledged SEK 300m; Norway NOK 250m"
    for c in sen.cands:
        if c.start < money[1] or c.start >= limit or c.kind == "pronoun" or c.party is None:
            continue
        if not re.search(r"(?:,|;|\band|\bwhile)\s*(?:the\s+)?$", sen.body[money[1]:c.start]):
            continue
        nxt = pick_money(sen.s.text, sen.s.start, c.end, limit)
        if nxt and not sen.body[c.end:nxt[0]].strip():
            k = tok_after(sen, nxt[1])
            out += _assemble(sen, trig, [c], [], nxt, k if k is not None else hi, hi, None, ref)
            money = nxt
    return out


def _gapped_counts(sen: _Sentence, trig: Trigger, item, hi: int, ref) -> list[Draft]:
    """A second donor and a count with the verb and item left out: "Spain will send six tanks,
    and Portugal three"."""
    toks = sen.toks
    for c in sen.cands:
        if c.start < item.end or c.kind == "pronoun" or c.party is None or c.extra.get("after_prep"):
            continue
        if not re.search(r"(?:,|\band|\bwhile)\s*(?:the\s+)?$", sen.body[item.end:c.start]):
            return []
        k = c.last + 1
        if k < len(toks) and (is_number(toks[k]) or toks[k].low == "another") and (
                k + 1 >= len(toks) or not re.match(r"\w", toks[k + 1].text)):
            count = 1 if toks[k].low == "another" else word_value(toks[k].text)
            if count:
                mention = replace(item, quantity=count)
                return _assemble(sen, trig, [c], [mention], None, k + 1, max(hi, k + 1), None, ref)
        return []
    return []


def _copy_item(it, quantity):
    return replace(it, quantity=quantity)


def _assemble(sen, trig, donors, items, money, lo, hi, recipient, ref) -> list[Draft]:
    if not donors or (not items and not money):
        return []
    toks = sen.toks
    explicit = recipient is not None
    item_end = max([it.last for it in items] + [lo])
    if recipient is None:
        rlo = toks[lo].start if lo < len(toks) else sen.s.end
        recipient, _ = recipient_after(sen, rlo, toks[hi - 1].end if hi else sen.s.end, donors, items)
        if recipient is None:
            recipient = beneficiary(sen, lo, hi)
        explicit = recipient is not None
    status = _status_after(sen, toks[min(item_end, len(toks) - 1)].end, toks[hi - 1].end if hi else sen.s.end, trig.status)
    # Several donors of one sum with a collective among them gave it together.
    if money and len(donors) > 1 and any(c.generic for c in donors):
        joint = Party(name=re.sub(r"^(?:the|The)\s+", "", sen.body[donors[0].start:donors[-1].end]),
                      kind="organization")
        donors = [Cand(donors[0].start, donors[-1].end, joint.name, joint, "collective", generic=True)]
    date_iso, precision = None, "unknown"
    for _, _, iso, prec in iter_dates(sen.s.text, ref):
        date_iso, precision = iso, prec
        break
    inside = [c for c in donors if sen.s.start <= c.start < sen.s.end]
    start = min([c.start for c in inside] + [toks[trig.first].start] + [it.start for it in items]
                + ([money[0]] if money else []))
    end = max([toks[trig.last].end] + [c.end for c in inside] + [it.end for it in items]
              + ([money[1]] if money else []))
    if to_place(sen, items, hi):
        return []
    if items and all(it.kind == "troops" for it in items) and not explicit:
        return []      # troops sent without a party to receive them are a deployment
    out = []
    for c in donors:
        if c.party is None or (recipient is not None and c.party.name == recipient.name):
            continue
        for it in (items or [None]):
            p = Pledge(
                donor=Party(**vars(c.party)),
                item=it.text if it else money_item(sen, trig, money, hi),
                evidence=Evidence(sentence=sen.s.index, start=start, end=end),
                recipient=Party(**vars(recipient)) if recipient else None,
                quantity=it.quantity if it else None,
                value=money[2] if money else None,
                date=date_iso, date_precision=precision, status=status,
                rule=(f"with:{toks[trig.last].low}" if trig.kind == "with" else
                      f"{trig.kind}:{' '.join(t.low for t in toks[trig.first:trig.last + 1])}"),
            )
            if p.item and p.item.lower() in ("it", "them"):
                continue
            out.append(Draft(p, it.kind if it else "aid", explicit, c.generic))
    return out


class _Latest:
    """What the latest sentence offering any has, for a later sentence that refers back to it
    ("they", an unnamed institution, "one each"). Worked out only when a sentence asks, which
    few do, and then from the latest sentence back. (`find` is a function of the sentence as it
    was made.)"""

    def __init__(self, find):
        self._find = find
        self._found: list = []
        self._pending: list[_Sentence] = []

    def add(self, sen: _Sentence) -> None:
        self._pending.append(sen)

    def __call__(self) -> list:
        for sen in reversed(self._pending):
            found = self._find(sen)
            if found:
                self._found = found
                break
        self._pending.clear()
        return self._found


def _lead_donors(sen: _Sentence) -> list[Cand]:
    """The group around the first donor named early in the sentence, if it names one."""
    lead = [c for c in sen.cands if c.kind != "pronoun" and c.first <= 3]
    return group_left(sen.cands, sen.cands.index(lead[0]), sen.text_of) if lead else []


def _named_items(sen: _Sentence) -> list:
    return find_items(sen.toks, 0, len(sen.toks), sen.money, sen.actor_spans, one_pot=True)


def extract_pledges(article: Article, statements: list[Statement]) -> list[Pledge]:
    ref: date | None = parse_date(article.meta.date)
    aliases = org_short_forms(article.body)
    # Tokens never change: the people pass and the pledge pass read the same ones.
    toks_of = [tokenize(s.text, s.start) for s in article.sentences]
    people = people_of(article.body, statements, article.sentences, toks_of)
    people_re = people_pattern(people)
    quoted = Statements(statements)
    home = dateline_country(article)
    drafts: list[Draft] = []
    prev_donors = _Latest(_lead_donors)
    prev_items = _Latest(_named_items)
    last_donors: list[Cand] = []
    sentences = article.sentences
    for n, s in enumerate(sentences):
        sen = _Sentence(article, s, aliases, people, quoted, people_re, home, toks_of[n])
        triggers = find_triggers(sen.toks)
        sen.last_donors = last_donors
        sen.drafts = []
        donors_before = prev_donors() if triggers else []
        for trig in triggers:
            sen.drafts += _pledges_of(sen, trig, triggers, donors_before, prev_items, ref)
        if sen.drafts:   # (drafts only grow: a sentence without one gets none here)
            for i in (i for i, t in enumerate(sen.toks) if sen.drafts and lists_parts(sen.toks, i)):
                trig = Trigger("include", i, i, "pledged")
                sen.drafts += _including(sen, trig, i + 1, region_end(sen, trig, triggers), ref)
        drafts.extend(sen.drafts)
        add_apposed_values(sen, drafts)
        listed = donor_list(sen, sentences[n + 1:n + 41], Draft) + bracketed_sums(sen, Draft)
        drafts.extend(listed or package_list(sen, sentences[n + 1:n + 41], drafts, Draft))
        # What a later "they", "one each" or "will receive" refers back to.
        prev_donors.add(sen)
        prev_items.add(sen)
        if drafts and drafts[-1].pledge.evidence.sentence == s.index:
            last = [d.pledge.donor for d in drafts if d.pledge.evidence.sentence == s.index]
            last_donors = [Cand(0, 0, p.name, p, "actor") for p in {p.name: p for p in last}.values()]
    drafts = merge_drafts(drafts)
    # "Ukraine's allies promised air defence and drones", then who gave which: the collective's
    # bare list only sums up the named donors' pledges, which are the facts.
    # (Named in the same sentence, "parts provided by Norway and other allies", they give jointly.)
    named_kinds = {d.kind for d in drafts if not d.generic_donor}
    joint = {d.pledge.evidence.sentence for d in drafts if not d.generic_donor}
    drafts = [d for d in drafts if not (d.generic_donor and d.kind in named_kinds and d.kind != "aid"
                                        and d.pledge.evidence.sentence not in joint
                                        and not d.pledge.value and not d.pledge.quantity)]
    # A pledge whose clause names no recipient goes to the party the article's pledges go to.
    named = Counter(d.pledge.recipient.name for d in drafts if d.explicit_recipient and d.pledge.recipient
                    and d.pledge.recipient.name[:1].isupper())
    default = None
    if named:
        name = named.most_common(1)[0][0]
        default = next(d.pledge.recipient for d in drafts if d.pledge.recipient and d.pledge.recipient.name == name)
    if default is None and drafts:
        default = main_country(article, {d.pledge.donor.name for d in drafts})
    out = []
    for d in drafts:
        p = d.pledge
        if p.recipient is None and default is not None and default.name != p.donor.name:
            p.recipient = Party(**vars(default))
        out.append(p)
    return out
