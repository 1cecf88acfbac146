"""Coreference: who "he", "the ministry", "the governor" or a bare surname refers to.

`Entities` remembers the people and organisations an article has named so far -- as speakers,
as sentence subjects, or in passing with a title ("met Chancellor Jonas Lind") -- with every
position where each was mentioned, so that a reference resolves to the right earlier entity.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Speaker
from .actors import lookup
from .alternation import finditer_from, lowered, trie, word_starts
from .names import (NAME_PARTICLES, Mention, is_cap, is_country_word, parse_mention,
                    strip_possessive, vocab)


# A document standing for whoever issued it ("the statement said", "the summary read").
DOCUMENTS = {"statement", "communique", "communiqu\u00e9", "report", "summary", "bulletin",
             "update", "readout"}


@dataclass
class Entity:
    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    pos: int = -1                   # body offset of the first mention
    last_unit: int | None = None    # the sentence unit it last spoke or acted in
    last_date: tuple[str, str] | None = None
    mentions: list[int] = field(default_factory=list)   # body offsets, sorted

    def last_before(self, pos: int) -> int:
        k = bisect_left(self.mentions, pos)
        return self.mentions[k - 1] if k else -1

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind=self.kind, role=self.role)


# "Secretary of Defense John Q. Carver III", "Belgian Prime Minister Jan Peeters": a title (with
# an optional country word) before a capitalised name, anywhere in the text.
_CAPW = r"[A-Z][\w\u2019'\-]*\.?"
_NAME = rf"{_CAPW}(?:\s+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})\s+)*{_CAPW}){{0,3}}"


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    alt = trie((t for t in vocab()["titles"] if len(t) > 2), ignore_case=True)
    return re.compile(rf"\b(?P<title>(?i:{alt}))\s+(?P<name>{_NAME})")


@lru_cache(maxsize=1)
def _title_starts() -> re.Pattern | None:
    # Where a match of _title_pattern can begin (alternation.finditer_from).
    return word_starts((t for t in vocab()["titles"] if len(t) > 2), ignore_case=True)


# Up to two capitalised words before a title ("U.S. Defense Secretary"), on the same line and not
# across a full stop: a word ending in "." must be an abbreviation with dots inside ("U.S.").
_PREFIX = re.compile(r"((?:[A-Z](?:[\w\u2019'\-]*|[\w\u2019'\-]*\.[\w\u2019'.\-]*)[ \t]+){0,2})$")


_BASED = re.compile(r"-based$")


class Entities:
    """The people and organisations an article has named so far, most recent last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.salient: list[Entity] = []   # subjects and speakers, for pronouns
        self.recent_start = -1            # where the sentence before the current one starts
        self.body = ""                    # the article, for names mentioned only in passing

    # registration ------------------------------------------------------------
    def add(self, m: Mention, salient: bool = True, pos: int = -1) -> Entity:
        if m.kind == "person":
            ent = self.find_person(m.name)
            if ent is None:
                ent = Entity(m.name, "person", m.role, m.gender, pos)
                self.entities.append(ent)
            else:
                if len(m.name.split()) > len(ent.name.split()):
                    ent.name = m.name
                if not ent.role or (m.role and len(m.role) > len(ent.role)
                                    and ent.role.lower() in m.role.lower()):
                    ent.role = m.role   # "Prime Minister" -> "Lebanon's caretaker Prime Minister"
                ent.gender = ent.gender or m.gender
        else:
            ent = next((e for e in self.entities if e.kind == m.kind
                        and e.name.lower() == m.name.lower()), None)
            if ent is None:
                ent = Entity(m.name, m.kind, m.role, pos=pos)
                self.entities.append(ent)
        if pos >= 0:
            insort(ent.mentions, pos)
        if salient:
            self.touch(ent)
        return ent

    def mentioned(self, ent: Entity | None, pos: int) -> None:
        """Someone's words continue at pos: they stay the one the discourse is about."""
        if ent is not None:
            insort(ent.mentions, pos)

    def touch(self, ent: Entity) -> None:
        if ent in self.salient:
            self.salient.remove(ent)
        self.salient.append(ent)

    def scan_titles(self, text: str) -> None:
        """Register every "Title Name" mention, so that a later bare surname or role noun finds
        the full name ("Carver said" after "Secretary of Defense John Q. Carver III")."""
        for m in finditer_from(_title_pattern(), _title_starts(), text, lowered(text)):
            start = m.start()
            # Two words at most: a short window keeps the search independent of the text's length.
            prefix = _PREFIX.search(text[max(0, start - 160):start])
            phrase = (prefix.group(1) if prefix else "") + m.group(0)
            if phrase.endswith(".") and len(phrase.split()[-1]) > 3:
                phrase = phrase[:-1]   # the full stop after "said manager Neil Carrow."
            mention = parse_mention(phrase)
            if mention and mention.kind == "person" and len(mention.name.split()) >= 2:
                self.add(mention, salient=False, pos=start)

    # lookup ------------------------------------------------------------------
    def find_person(self, name: str) -> Entity | None:
        toks = name.split()
        if not toks:
            return None
        people = [e for e in reversed(self.entities) if e.kind == "person"]
        for e in people:
            if e.name == name:
                return e
        last = strip_possessive(toks[-1])
        for e in people:
            etoks = e.name.split()
            # "Kovalchuk" or "Mr Kovalchuk" -> "Andriy Kovalchuk"; spelling variants of the
            # same surname (Kovalchuk/Kovalchuck) count as one.
            if not _same_surname(etoks[-1], last):
                continue
            if len(toks) == 1 or toks[0] == etoks[0] or e.name.endswith(" " + name) or (
                    toks[0].lower() in NAME_PARTICLES):
                return e
        if len(toks) == 1:
            # "Sir Edmund": a courtesy title goes with the first name.
            for e in people:
                if e.name.split()[0] == toks[0] and len(e.name.split()) > 1:
                    return e
        return None

    def resolve(self, m: Mention, pos: int = -1) -> Entity | None:
        """The entity a mention refers to, registering new names as they appear."""
        if m.kind == "pronoun":
            ent = self._pronoun(m, pos)
            if ent is not None and pos >= 0:
                insort(ent.mentions, pos)
            return ent
        if m.kind == "office" and not m.generic:
            ent = self._role_noun(m.name, pos)
            if ent is not None:
                self.touch(ent)
                return ent
            return self.add(m, pos=pos)
        if m.kind == "organization" and not m.generic:
            if m.name.lower() in DOCUMENTS \
                    and self.salient:
                # "the statement added": whoever issued it -- the last speaker if they spoke
                # just before, else an organisation that spoke lately.
                last = self.salient[-1]
                if last.kind != "person" or last.last_before(pos) >= self.recent_start:
                    return last
                org = next((e for e in reversed(self.salient[-3:]) if e.kind != "person"), None)
                if org is not None:
                    return org
            ent = self._org_noun(m.name, pos)
            if ent is not None:
                self.touch(ent)
                return ent
        return self.add(m, pos=pos)

    def _pronoun(self, m: Mention, pos: int) -> Entity | None:
        word = m.name
        if word in ("he", "she"):
            first = next((e for e in reversed(self.salient) if e.kind in ("person", "office")
                          and e.gender in (None, m.gender)), None)
            near = self._named_nearby(m.gender, pos)
            if near is not None and near is not first and (
                    first is None or first.last_before(pos) < self.recent_start):
                # "Meloni met Scholz on Tuesday. He said ...": the last speaker is paragraphs
                # away, while a man was named in the sentence just before.
                first = near
                self.touch(near)
            if first is not None:
                # An office named by its title ("the prime minister") is a person too.
                if first.gender is None:
                    first.gender = m.gender
                return first
            # Nobody has spoken yet: the person last named before the pronoun.
            named = [e for e in self.entities if e.kind == "person" and 0 <= e.pos < pos
                     and e.gender in (None, m.gender)]
            if named:
                ent = max(named, key=lambda e: e.pos)
                self.touch(ent)
                return ent
            return None
        if word in ("it", "they", "we"):
            for e in reversed(self.salient):
                if e.kind in ("organization", "office") and not (word == "it" and e.kind == "office"):
                    return e
            if word == "they":
                return None
        if self.salient:
            return self.salient[-1]
        return None

    def _named_nearby(self, gender: str | None, pos: int) -> Entity | None:
        """The person of that gender named last, in this sentence or the one before."""
        best, best_pos = None, self.recent_start
        for e in self.entities:
            if e.kind != "person" or e.gender not in (None, gender):
                continue
            p = e.last_before(pos)
            if p >= best_pos:
                best, best_pos = e, p
        return best if best_pos >= 0 else None

    def _role_noun(self, phrase: str, pos: int = -1) -> Entity | None:
        """ "the Dutch leader" -> the person last named with a matching title and country --
        named before pos: a summary's "the regional governor said" is not whichever governor the
        article names later."""
        words = phrase.split()
        cut = next((k for k, w in enumerate(words) if k and w in ("of", "to", "for")), None)
        if cut is not None:
            words = words[:cut]   # "the head of the region": a head; "envoy to Gaza": an envoy
        country_words = [w for w in words if is_country_word(w)]
        head_words = [w.lower() for w in words if not is_country_word(w)]
        head = " ".join(head_words)
        syn = vocab()["role_synonyms"]
        wanted = None
        for k in sorted(syn, key=len, reverse=True):
            if head.endswith(k):
                wanted = syn[k]
                break
        if wanted is None:
            if head_words and head_words[-1] not in vocab()["titles"]:
                # "Gaza's Civil Defence": a body, not a title -- its spokesman is not it.
                return None
            wanted = [head_words[-1]] if head_words else []
        countries = {lookup(strip_possessive(w)) for w in country_words}
        fallback = None
        for e in reversed(self.salient + [x for x in self.entities if x not in self.salient]):
            if e.kind != "person" or not e.role or (pos >= 0 and e.mentions and
                                                     e.mentions[0] > pos):
                continue
            role = e.role.lower()
            if not any(re.search(rf"\b{re.escape(t)}\b", role) for t in wanted):
                continue
            ecountries = {lookup(strip_possessive(w)) for w in e.role.split() if is_country_word(w)}
            if countries and ecountries and not (countries & ecountries):
                continue
            if countries and not ecountries:
                fallback = fallback or e
                continue
            return e
        if fallback is not None:
            return fallback
        for e in reversed(self.salient):
            # "The regional governor said ... The governor added": an office introduced by its
            # title alone, with no name.
            if e.kind != "office" or e.name.lower() == phrase.lower():
                continue
            name = e.name.lower()
            ecountries = {lookup(strip_possessive(w)) for w in e.name.split() if is_country_word(w)}
            if countries and not (countries & ecountries):
                continue
            if any(re.search(rf"\b{re.escape(t)}\b", name) for t in wanted):
                return e
        # "the Belgian prime minister said" right after "She said": the person just quoted.
        if self.salient and self.salient[-1].kind == "person" and not self.salient[-1].role:
            return self.salient[-1]
        return None

    def _org_noun(self, phrase: str, pos: int = -1) -> Entity | None:
        """ "the military", "the ministry" -> the organisation last named with that head."""
        # "the Manila-based lender": a place-based modifier does not name the organisation.
        kept = [w for w in phrase.split() if not _BASED.search(w)]
        if not kept or len(kept) > 2 or any(is_cap(w) for w in kept):
            return None
        words = [w.lower() for w in kept]
        head = " ".join(words)
        syn = vocab()["role_synonyms"]
        # "the resistance group" stands for whatever its head noun stands for.
        wanted = syn.get(head) or syn.get(words[-1], [head])
        # Named in passing in this sentence or the one before, it is the one meant ("The World
        # Bank approved a loan ..., the lender said"), even if a namesake spoke before.
        named = self._proper_named(wanted, self.recent_start, pos)
        if named is not None:
            return named
        for e in reversed(self.salient + [x for x in self.entities if x not in self.salient]):
            if e.kind != "organization" or e.name.lower() == head:
                continue
            name = e.name.lower()
            if any(re.search(rf"\b{re.escape(t)}\b", name) for t in wanted):
                return e
        return self._proper_named(wanted, pos - 1500, pos)

    def _proper_named(self, wanted: list[str], start: int, pos: int) -> Entity | None:
        """ "The World Bank approved a loan ..., the lender said": the organisation named in
        passing, last before pos, whose capitalised name ends in a matching head."""
        if pos < 0 or not self.body:
            return None
        heads = "|".join(re.escape(t.title()) for t in wanted if " " not in t)
        if not heads:
            return None
        found = None
        cap = r"[A-Z][\w\u2019'\-]*"
        for m in re.finditer(rf"(?:{cap}\s+){{1,4}}(?:{heads})\b(?:\s+(?:of|for)\s+(?:the\s+)?"
                             rf"{cap}(?:\s+(?:and\s+)?{cap})*)?",
                             self.body[max(start, 0):pos]):
            found = m.group(0)
        if found is None:
            return None
        words = found.split()
        while words and (words[0] in ("The", "A", "An") or words[0] in vocab()["function_caps"]):
            words = words[1:]
        if len(words) < 2:
            return None
        return self.add(Mention(" ".join(words), " ".join(words), "organization"),
                        salient=True, pos=max(start, 0))


def _same_surname(a: str, b: str) -> bool:
    a, b = strip_possessive(a).lower(), strip_possessive(b).lower()
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 6 and common >= max(len(a), len(b)) - 2
