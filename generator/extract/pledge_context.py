"""Pledge details that a later sentence adds to a pledge already made.

Two constructions name no donor of their own and lean on the pledge before them:
- a value in apposition: "the trucks, worth €40 million, will arrive in May" gives the value of
  the truck pledge made earlier;
- a list announced by its package: "The package includes:" followed by bulleted lines, each an
  item (and count) of the pledge just made.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Evidence, Party, Pledge
from .actors import find_actors
from .numbers import find_money, word_value
from .pledge_phrases import (STOP, ItemNP, find_items, head_kind, is_number, named_items, party_of,
                             tokenize, vocab)

WORTH = re.compile(r"(?:\bworth|\bvalued\s+at|\bcosting|\bat\s+a\s+cost\s+of)\s+"
                   r"(?:(?:some|about|around|nearly|almost|roughly|up\s+to|more\s+than)\s+)?$", re.I)
DEFINITE = {"the", "these", "those", "this", "that", "its", "their"}
LIST_VERBS = {"include", "includes", "included", "comprises", "comprise", "contains",
              "contain", "covers", "consists", "is", "are", "will"}
BULLET = re.compile(r"^[ \t]*(?:[-*•–]|\d+[.)])[ \t]+(.+)$", re.M)


def add_apposed_values(sen, drafts: list) -> None:
    """ "the drones, worth £30 million, ..." : the value of the latest pledge of that kind.
    An abbreviation in brackets stays inside the phrase: "This Drawdown (PDA) package, valued at"."""
    text, base = sen.s.text, sen.s.start
    for a, b, money in find_money(text):
        if not WORTH.search(text[max(0, a - 40):a]):
            continue
        recent = drafts[-200:]       # a value in apposition refers back a few sentences at most
        if any(d.pledge.evidence.sentence == sen.s.index and d.pledge.value
               and abs(d.pledge.value.amount - money.amount) <= 0.01 * money.amount for d in recent):
            continue       # "a package worth €90m" already gave its value to its own pledge
        before = [t for t in sen.toks if t.end <= base + a]
        kind = None
        for k in range(len(before) - 1, max(-1, len(before) - 9), -1):
            if head_kind(before, k):
                j = k - 1
                while j >= 0 and not (before[j].low in DEFINITE or head_kind(before, j) is None
                                      and not re.match(r"[\w()]", before[j].text)):
                    j -= 1
                if j >= 0 and before[j].low in DEFINITE:
                    kind = head_kind(before, k)
                break
        if kind is None:
            continue
        for d in reversed(recent):
            if d.kind == kind and d.pledge.value is None and d.pledge.evidence.sentence <= sen.s.index:
                d.pledge.value = money
                break


def _list_lines(following) -> list[tuple[int, str, int]]:
    """The lines of a list that follows a colon: bulleted lines, or short paragraphs without
    a full stop (a Markdown list whose markers the reader removed)."""
    out = []
    for sen in following[:40]:
        bullets = [(sen.start + m.start(1), m.group(1), sen.index) for m in BULLET.finditer(sen.text)]
        if bullets:
            out += bullets
        elif not re.search(r"[.!?\"”’']\s*$", sen.text) and len(sen.text) < 200:
            out.append((sen.start, sen.text, sen.index))
        else:
            break
    return out


def package_list(sen, following, drafts: list, draft_type) -> list:
    """Items listed under "The package includes:" as pledges of the pledge made before it."""
    if not following or not sen.s.text.rstrip().endswith(":"):
        return []
    words = {t.low for t in sen.toks}
    if not any(vocab()["heads"].get(w) == "aid" for w in words) or not words & LIST_VERBS:
        return []
    lines = _list_lines(following)
    if not lines or not drafts:
        return []
    last = drafts[-1].pledge.evidence.sentence
    sources = []
    for d in reversed(drafts):      # drafts come in sentence order: the latest pledge's drafts
        if d.pledge.evidence.sentence != last:
            break
        sources.append(d)
    sources.reverse()
    out, seen = [], set()
    for off, line, index in lines:
        toks = tokenize(line, off)
        money = [(off + a, off + b) for a, b, _ in find_money(line)]
        items = find_items(toks, 0, len(toks), money, [], one_pot=True)
        if not items:
            continue
        it = items[0]
        for src in sources:
            key = (src.pledge.donor.name, it.text)
            if key in seen:
                continue
            seen.add(key)
            p = replace(src.pledge, donor=Party(**vars(src.pledge.donor)),
                        recipient=Party(**vars(src.pledge.recipient)) if src.pledge.recipient else None,
                        item=it.text, quantity=it.quantity, value=None,
                        evidence=Evidence(sentence=index, start=it.start, end=it.end),
                        rule="list:package")
            out.append(draft_type(p, it.kind, src.explicit_recipient, src.generic_donor))
    return out


def merge_drafts(drafts: list) -> list:
    """One donor and one kind of item is one pledge, unless the details disagree."""
    out: list = []
    by_donor: dict[str, list] = {}      # so that a long article compares a donor's own pledges only
    for d in drafts:
        p = d.pledge
        same_donor = by_donor.setdefault(p.donor.name.lower(), [])
        for o in same_donor:
            q = o.pledge
            # One donor's one sum named twice ("€80m for radars", then "€80 million to help
            # Moldova buy radar systems") is one pledge whatever the item words.
            same_sum = bool(q.value and p.value and q.value.currency == p.value.currency
                            and abs(q.value.amount - p.value.amount) <= 0.01 * q.value.amount)
            if o.kind != d.kind and not (same_sum and not q.quantity and not p.quantity):
                continue
            if q.rule.startswith("list:") and p.rule.startswith("list:") and q.item != p.item:
                continue      # two lines of one list are two things: Stingers and AIM-9Ms

            if q.value and p.value and abs(q.value.amount - p.value.amount) > 0.01 * q.value.amount:
                continue
            if q.quantity and p.quantity and q.quantity != p.quantity:
                continue
            if (o.explicit_recipient and d.explicit_recipient and q.recipient and p.recipient
                    and q.recipient.name != p.recipient.name):
                continue
            q.quantity = q.quantity or p.quantity
            q.value = q.value or p.value
            if not o.explicit_recipient and d.explicit_recipient:
                q.recipient, o.explicit_recipient = p.recipient, True
            if (q.item == vocab()["money_item"] or q.item.startswith(vocab()["money_item"] + " ")) and p.item != q.item:
                q.item = p.item
            break
        else:
            out.append(d)
            same_donor.append(d)
    return out


# A line of a donor list: "- the European Union: €1.2bn in grants", "Ireland, €5 million".
DONOR_LINE = re.compile(r"^\s*(?:[-*•–|]\s*|\d+[.)]\s+)?(?:and\s+)?[*_]*(?:the\s+|The\s+)?")
LINE_SEP = re.compile(r"[*_]*\s*(?::|,|–|—|-|\||\s(?=\S*\d))\s*")
SEGMENT = re.compile(r"[^;\n]+")


def _lead_in(sen) -> bool:
    """ "Other commitments announced included:", "donors pledged the following:" """
    v = vocab()
    if any(t.low in v["guards"] for t in sen.toks):
        return False     # "Donors that have not yet pledged:", "Kyiv asked for:"
    return any(t.low in v["commit_nouns"] or t.low in v["commit_verbs"] or t.low in v["lead_in_words"]
               for t in sen.toks)


def _donor_line(text: str, off: int, index: int, draft_type, status: str):
    """The pledge a donor-led line makes, or None when the line does not start with a donor."""
    lead = DONOR_LINE.match(text).end()
    found = [m for m in find_actors(text) if m.form != "demonym"]
    if not found or found[0].start != lead:
        return None
    m = found[0]
    sep = LINE_SEP.match(text, m.end)
    if not sep:
        return None
    rest_at = sep.end()
    toks = tokenize(text[rest_at:], off + rest_at)
    moneys = [(off + rest_at + a, off + rest_at + b, mo) for a, b, mo in find_money(text[rest_at:])]
    spans = [(a, b) for a, b, _ in moneys]
    if moneys:
        # the sum with what it is in ("€30 million in grants"), else plain funding
        a, b, money = moneys[0]
        if toks.covering(a) > 1:
            return None      # a list line leads with its sum: "Canada: C$25 million"
        k = toks.at_or_after(b)
        items = []
        # ... or what it is for ("3.5 billion yen for food aid")
        if k is not None and toks[k].low in ("in", "of", "for", "towards") and k + 1 < len(toks):
            items = [it for it in find_items(toks, k + 1, min(len(toks), k + 5), spans, [], one_pot=True)
                     if it.first <= k + 3]
        items = items[:1]
    else:
        money = None
        items = find_items(toks, 0, len(toks), spans, []) or _counted(toks)
        if not items or items[0].first > 3:
            return None      # "Germany, meanwhile, said ...": prose, not a list line
    out = []
    for it in items or [None]:
        p = Pledge(donor=party_of(m.actor), item=it.text if it else vocab()["money_item"],
                   evidence=Evidence(sentence=index, start=off + m.start, end=off + len(text.rstrip(" ;,."))),
                   quantity=it.quantity if it else None, value=money, status=status, rule="list:donor")
        out.append(draft_type(p, it.kind if it else "aid", False, False))
    return out


def _counted(toks) -> list:
    """ "40 prefabricated classrooms": in a list line, what a count counts is the item even when
    the vocabulary lacks its noun."""
    if not toks or not is_number(toks[0]):
        return []
    k = 1
    while k < len(toks) and k < 5 and re.match(r"[a-z][\w-]*$", toks[k].text) and toks[k].low not in STOP:
        k += 1
    if k == 1:
        return []
    it = ItemNP("", "", toks[1].start, toks[k - 1].end, 1, k - 1, word_value(toks[0].text))
    return named_items(toks, [it])


def donor_list(sen, following, draft_type) -> list:
    """Pledges listed donor by donor after a lead-in that ends in a colon, on the lines that
    follow or in semicolon-separated parts of the same sentence."""
    text, base = sen.s.text, sen.s.start
    colon = text.find(":")
    if colon < 0 or not _lead_in(sen):
        return []
    status = "pledged"
    segments = [(base + colon + 1 + m.start(), m.group(0), sen.s.index) for m in SEGMENT.finditer(text[colon + 1:])]
    if not text[colon + 1:].strip():
        segments = [(f.start + m.start(), m.group(0), f.index) for f in following[:40]
                    for m in SEGMENT.finditer(f.text)]
    out = []
    for off, seg, index in segments:
        if not seg.strip():
            continue
        got = _donor_line(seg, off, index, draft_type, status)
        if got is None:
            if not out and seg.lstrip().startswith("|"):
                continue      # a table's header and rule rows come before its donors
            break
        out += got
    return out


_DIGIT = re.compile(r"\d")   # as numbers.find_money tests for a digit
# "Germany (€170m)" or "Germany's €170m": a donor with its own sum right after it.
BRACKETED = re.compile(r"\s*\(\s*([^()]{1,40}?)\s*\)|['’]s\s+()")


def bracketed_sums(sen, draft_type) -> list:
    """ "Pledges came from Germany (€170m), France (€100m) and Italy (€50m)": each donor with
    its own sum in brackets is a pledge of that sum."""
    if not ("(" in sen.s.text or "s " in sen.s.text) or not _DIGIT.search(sen.s.text) or not _lead_in(sen):
        return []   # (each pledge here needs a sum, which has a digit, in the sentence)
    text, base = sen.s.text, sen.s.start
    out = []
    for m in find_actors(text):
        if m.form == "demonym":
            continue
        b = BRACKETED.match(text, m.end)
        if not b:
            continue
        inner = b.group(1) if b.group(1) is not None else text[b.end():b.end() + 40]
        money = list(find_money(inner))[:1]
        if not money or money[0][0] != 0 or (b.group(1) and money[0][1] != len(inner)):
            continue      # "(EU)", "(about $5m)": only a bare sum is the donor's pledge
        if b.group(1) is None and not re.match(r"\s*(?:[,;.]|and\b|$)", inner[money[0][1]:]):
            continue      # "Germany's €170m pledge" is the noun's, found with the noun
        p = Pledge(donor=party_of(m.actor), item=vocab()["money_item"],
                   evidence=Evidence(sentence=sen.s.index, start=base + m.start,
                                     end=base + (b.end(1) if b.group(1) else b.end() + money[0][1])),
                   value=money[0][2], status="pledged", rule="list:bracketed")
        out.append(draft_type(p, "aid", False, False))
    return out if len(out) >= 2 else []
