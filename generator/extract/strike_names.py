"""Names in strike sentences that are not the gazetteer's: people, groups, unlisted villages.

Split from strikes.py, which links places to strike words; the rules here only decide whether
a capitalised name can be a place at all.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Statement
from . import places as gaz
from .actors import find_actors
from .alternation import trie
from .strike_terms import vocab

CAPSEQ = re.compile(r"(?<![\w-])(?:(?:al|el|ad|an|as|ash)-)?[A-Z][\w'\u2019-]*(?:\s+(?:al-|el-|ad-)?[A-Z][\w'\u2019-]*){0,3}")
SETTLEMENT_CUE = re.compile(r"\b(?:city|town|village|settlement|hamlet|port)\s+of\s+$", re.I)


def group_modifier(text: str, s: int, e: int) -> bool:
    """ "strikes on Huthi targets", "a strike on Hamas fighters": a name before a noun for an
    armed group's people or sites names whose they are, not where the strike fell; a group's
    name or a demonym ("in Canadian money") is never a town the gazetteer happens to spell alike."""
    if vocab()["group_noun_re"].match(text, e):
        return True
    return any((m.actor.kind == "organization" or m.form == "demonym") and m.start == 0 and m.end == e - s
               for m in find_actors(text[s:e]))


def person_words(body: str, statements: list[Statement]) -> set[str]:
    """Capitalised words that name people in this article: speakers, and whoever "said"."""
    words = {w for st in statements for w in st.speaker.name.split() if w[:1].isupper()}
    words |= set(re.findall(r"\b([A-Z][a-z]+)\s+(?:said|says|told|added|wrote)\b", body))
    return words


# "the shelling of Abu Shouk", "destroyed a training camp at Sakow": an unlisted name that
# grammar makes the scene of the hit.
OBJECT_AT = re.compile(r"\b(?:(?:shelling|shellings|bombing|bombardment|bombardments)\s+of"
                       r"|(?:hit|struck|destroyed|shelled|bombed|targeted|pounded|attacked|landed|fell)"
                       r"\s+(?:an?|the|two|three|several)?\s*(?:[\w-]+\s+){0,3}?(?:at|in))"
                       r"\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _strike_noun_before() -> re.Pattern:
    # Only whether it matches is asked, which the order of the words does not change.
    nouns = trie(vocab()["strike_nouns"], ignore_case=True)
    return re.compile(rf"\b(?:{nouns})[\"'\u201c\u201d]*\s+(?:on|at|in|against)\s+(?:the\s+)?[\"'\u201c]*$", re.I)


_POSSESSIVE = re.compile(r"['\u2019]s$")
_DESIGNATOR = re.compile(r"\s+(?:Village|City|Town|District|Region|Oblast|Province|Governorate)$")
_SITE_VERB = re.compile(
    r"\b(?:on|at|in|into|inside|near|beside|of|hit|hitting|struck|striking|shelled|shelling|targeted|targeting"
    r"|bombed|bombing|pounded|attacked)\s+(?:the\s+)?$", re.I)
_VILLAGE_NAME = re.compile(
    r"(?:(?:al|el|ad|an|as|ash)-)?[A-Z][a-z'\u2019]+(?:[\s-](?:(?:al|el|ad|ash|as)-)?[A-Z]?[a-z'\u2019]+)*")
_BUILDING_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:hospital|school|mosque|church|mall|market|plant|station|airport|air\s+base"
    r"|base|bridge|dam|university|hotel|building|tower|refinery|depot|factory|stadium)\b", re.I)


def unknown_names(text: str, covered: list[tuple[int, int]], people: set[str]) -> list[tuple[int, int, str, bool]]:
    """Capitalised names the gazetteer lacks that grammar marks as a place hit:
    "a strike on Kfar Sallam", "the village of Petrivka"."""
    v = vocab()
    strike_noun_before = _strike_noun_before()
    out = []
    _region_re, _settle, _compass, _cmap, not_places = gaz._vocab()
    for m in CAPSEQ.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        name = _POSSESSIVE.sub("", m.group(0)).rstrip("-")
        name = _DESIGNATOR.sub("", name)
        # Every test below is a pure function of the text, so they are free to come in any
        # order: those on the name alone, which turn most capitalised words away, go first.
        if len(name) < 3 or name.split()[0] in not_places:
            continue
        if not _VILLAGE_NAME.fullmatch(name) or set(name.split()) & people:
            continue  # "Tu-95", "RSF", a person's name: not a village
        before = text[max(0, m.start() - 80):m.start()]
        settled = SETTLEMENT_CUE.search(before)
        # "struck the Abu Nur refugee camp": a named camp or quarter is a place in itself.
        site = v["site_re"].match(text, m.start() + len(name)) and _SITE_VERB.search(before)
        if not (settled or site or strike_noun_before.search(before) or OBJECT_AT.search(before)):
            continue
        if find_actors(name) or group_modifier(text, m.start(), m.start() + len(name)):
            continue
        if not site and _BUILDING_AFTER.match(text[m.start() + len(name):]):
            continue  # "the al-Ahli hospital": a building's name; the town comes after it
        out.append((m.start(), m.start() + len(name), name, bool(settled)))
    return out


