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

from ..model import Evidence, Party
from .numbers import find_money
from .pledge_phrases import find_items, head_kind, tokenize, vocab

WORTH = re.compile(r"(?:\bworth|\bvalued\s+at|\bcosting|\bat\s+a\s+cost\s+of)\s+"
                   r"(?:(?:some|about|around|nearly|almost|roughly|up\s+to|more\s+than)\s+)?$", re.I)
DEFINITE = {"the", "these", "those", "this", "that", "its", "their"}
LIST_VERBS = {"include", "includes", "included", "comprises", "comprise", "contains",
              "contain", "covers", "consists", "is", "are", "will"}
BULLET = re.compile(r"^[ \t]*(?:[-*•–]|\d+[.)])[ \t]+(.+)$", re.M)


def add_apposed_values(sen, drafts: list) -> None:
    """ "the drones, worth £30 million, ..." : the value of the latest pledge of that kind."""
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
                                      and not re.match(r"\w", before[j].text)):
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
            if q.item == vocab()["money_item"] and p.item != q.item:
                q.item = p.item
            break
        else:
            out.append(d)
            same_donor.append(d)
    return out
