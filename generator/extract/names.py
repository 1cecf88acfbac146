"""Speakers: parse the noun phrase of an attribution, and resolve references back to it.

A reporting clause names its speaker many ways: "Ukrainian President Volodymyr Zelenskiy" (a role
before the name), "Pavlo Kyrylenko, the governor of Donetsk region" (an appositive), "the
military" (an organisation named earlier), "he", or a bare surname. `parse_mention` splits the
phrase into name and role; `Entities` remembers who has been named so far in an article and
resolves pronouns, role nouns and surnames to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Speaker
from .actors import lookup

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our"}
# Lower-case particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = {"von", "der", "van", "de", "den", "la", "le", "da", "di", "al", "el", "bin",
                  "ibn", "du", "dos", "del", "y", "ten", "ter", "zu", "abu", "bint"}
CONNECTORS = {"of", "for", "and", "in", "on", "at"}
APOSTROPHES = "'\u2019"


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = yaml.safe_load(resources.files("generator").joinpath("data/statements.yaml")
                          .read_text("utf-8"))
    titles = [t.lower() for t in data["titles"]]
    data["title_words"] = {w for t in titles for w in t.split()} - CONNECTORS - {"the"}
    data["title_set"] = set(titles)
    heads = [h.lower() for h in data["organization_heads"]]
    data["org_head_set"] = set(heads)
    data["org_head_words"] = {h for h in heads if " " not in h}
    data["outlet_set"] = {o.lower() for o in data["outlets"]}
    data["generic_set"] = {g.lower() for g in data["generic_sources"]}
    data["honorific_map"] = {k.lower(): v for k, v in data["honorifics"].items()}
    forms = {}
    for lemma, fs in data["reporting_verbs"].items():
        for f in fs:
            forms[f] = lemma
    data["verb_forms"] = forms
    return data


def is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[0].isdigit())


def strip_possessive(tok: str) -> str:
    return re.sub(r"[" + APOSTROPHES + r"]s?$", "", tok)


def is_country_word(tok: str) -> bool:
    """ "Ukrainian", "Germany's", "U.S." -- a word that places an office in a country."""
    base = strip_possessive(tok)
    actor = lookup(base)
    return actor is not None and actor.kind == "country"


def _is_role_word(tok: str) -> bool:
    low = strip_possessive(tok).lower().rstrip(".")
    v = vocab()
    return low in v["title_words"] or low + "." in v["title_words"]


def _is_org_word(tok: str) -> bool:
    low = strip_possessive(tok).lower()
    return low in vocab()["org_head_words"]


def _looks_acronym(tok: str) -> bool:
    t = tok.replace(".", "")
    return len(t) >= 2 and t.isupper() and t.isalpha()


@dataclass
class Mention:
    """A parsed speaker phrase, before coreference."""
    text: str                       # the phrase as written
    name: str                       # the name part ("Volodymyr Zelenskiy") or the office
    kind: str                       # person | organization | office | pronoun
    role: str | None = None
    gender: str | None = None       # "m" / "f" from an honorific or a pronoun
    generic: bool = False           # "officials", "sources": anonymous
    outlet: str | None = None       # a news organisation named in the phrase

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind="office" if self.kind == "pronoun" else self.kind,
                       role=self.role)


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    names = [o for o in sorted(vocab()["outlets"], key=len, reverse=True)
             if len(o) >= 3 and o.lower() not in ("news agency", "agency", "state news agency")]
    each = [(o, re.compile(rf"(?<![\w-]){re.escape(o)}(?![\w-])")) for o in names]
    anyone = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(o) for o in names)})(?![\w-])")
    return anyone, each


def _outlet_in(text: str) -> str | None:
    """The longest outlet name in the phrase. One combined pattern rules out the usual case
    (no outlet at all) in a single pass."""
    anyone, each = _outlet_patterns()
    if not anyone.search(text):
        return None
    for o, pat in each:
        if pat.search(text):
            return o
    return None


def _clean(phrase: str) -> str:
    phrase = phrase.strip().strip(",;:").strip()
    return re.sub(r"\s+", " ", phrase)


def _drop_determiner(words: list[str]) -> list[str]:
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return words


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split "Ukrainian President Volodymyr Zelenskiy" into role words and name words: the name
    is the trailing run of capitalised words that are not titles, organisations or countries."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        low = w.lower()
        if low in NAME_PARTICLES and i < len(words) and (
                is_cap(words[i]) or words[i].lower() in NAME_PARTICLES):
            i -= 1
            continue
        if not is_cap(w) or _is_role_word(w) or _is_org_word(w) or is_country_word(w):
            break
        if w.endswith(("'s", "\u2019s")):
            break
        if low.rstrip(".") in vocab()["honorific_map"] or low in vocab()["honorific_map"]:
            break
        i -= 1
    return words[:i], words[i:]


def _honorific(words: list[str]) -> tuple[list[str], str | None, bool]:
    """Drop a courtesy title before a name; return (words, gender, had_honorific)."""
    hon = vocab()["honorific_map"]
    gender, found = None, False
    out = []
    for w in words:
        low = w.lower()
        if low in hon or low.rstrip(".") in hon:
            gender = hon.get(low, hon.get(low.rstrip(".")))
            found = True
            continue
        out.append(w)
    return out, gender, found


def parse_mention(phrase: str) -> Mention | None:
    """Parse a speaker phrase; None when it cannot name a speaker. Mentions are never changed
    after parsing, so the same phrase (repeated across a long article) is parsed once."""
    return _parse_mention(phrase)


@lru_cache(maxsize=8192)
def _parse_mention(phrase: str) -> Mention | None:
    phrase = _clean(phrase)
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        return Mention(phrase, low, "pronoun", gender=PRONOUNS[low])
    v = vocab()
    bare = " ".join(_drop_determiner(phrase.split()))
    if low in v["generic_set"] or bare.lower() in v["generic_set"] or _generic(bare):
        # "an Israeli official" is one unnamed person; "officials", "sources" a collective.
        kind = "office" if bare and bare.split()[-1].lower() in v["title_words"] else "organization"
        return Mention(phrase, bare, kind, generic=True)
    parts = [p.strip() for p in re.split(r",\s*", phrase) if p.strip()]
    if len(parts) >= 2:
        return _parse_appositive(phrase, parts)
    return _parse_simple(phrase)


def _generic(bare: str) -> bool:
    """Anonymous plurals: "Ukrainian officials", "U.S. officials", "local residents"."""
    words = bare.split()
    if not words:
        return True
    head = words[-1].lower()
    heads = {g.split()[-1] for g in vocab()["generic_set"]}
    if head in heads and all(is_cap(w) or w.lower() in ("local", "senior", "western", "military",
                                                        "government", "security", "other")
                             for w in words[:-1]):
        return True
    return False


def _parse_appositive(phrase: str, parts: list[str]) -> Mention | None:
    first, rest = parts[0], ", ".join(parts[1:])
    a, b = _parse_simple(first), _parse_simple(rest)
    # "Pavlo Kyrylenko, the governor of Donetsk region": name first, role after.
    if a and a.kind == "person" and not a.role:
        return Mention(phrase, a.name, "person", role=_role_text(rest), gender=a.gender)
    # "the regional governor, Valentyn Reznichenko": role first, name after.
    if b and b.kind == "person" and not b.role:
        return Mention(phrase, b.name, "person", role=_role_text(first), gender=b.gender)
    return a or b


def _role_text(text: str) -> str | None:
    return " ".join(_drop_determiner(text.split())).rstrip(",") or None


def _parse_simple(phrase: str) -> Mention | None:
    words = _drop_determiner(phrase.split())
    if not words:
        return None
    words, gender, had_hon = _honorific(words)
    if not words:
        return None
    text = " ".join(words)
    v = vocab()
    outlet = _outlet_in(text)
    lows = [strip_possessive(w).lower() for w in words]
    joined = " ".join(lows)
    has_org = any(w in v["org_head_words"] for w in lows) or any(
        h in joined for h in v["org_head_set"] if " " in h)
    role_words, name_words = _split_name(words)
    if has_org and not (name_words and role_words and _is_role_word(role_words[-1])):
        if not name_words and _is_role_word(words[-1]) and not _is_org_word(words[-1]):
            return Mention(phrase, text, "office", role=text)   # "a government spokesperson"
        return Mention(phrase, text, "organization", outlet=outlet)
    # "Syrian Observatory for Human Rights", "Ministry of Health": capitals joined by "of" or
    # "for" name an institution; people's names are short runs of capitals.
    if name_words and (role_words and role_words[-1].lower() in CONNECTORS or len(name_words) > 4):
        return Mention(phrase, text, "organization", outlet=outlet)
    if name_words and not role_words and len(name_words) == 1 and not had_hon:
        # A single capitalised word: an acronym or a known actor is an organisation.
        w = name_words[0]
        actor = lookup(strip_possessive(w))
        if actor is not None or _looks_acronym(w) or (outlet and outlet.lower() == w.lower()):
            return Mention(phrase, strip_possessive(w), "organization", outlet=outlet)
    if name_words and not all(is_country_word(w) for w in name_words):
        if lookup(" ".join(name_words)) is not None and not role_words:
            return Mention(phrase, " ".join(name_words), "organization", outlet=outlet)
        role = " ".join(role_words) or None
        return Mention(phrase, " ".join(name_words), "person", role=role, gender=gender)
    if role_words and any(_is_role_word(w) for w in role_words):
        return Mention(phrase, text, "office", role=text)
    if all(is_cap(w) or w.lower() in CONNECTORS for w in words) and is_cap(words[-1]):
        return Mention(phrase, text, "organization", outlet=outlet)
    return None


# --- coreference ----------------------------------------------------------------

@dataclass
class Entity:
    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    pos: int = -1                   # body offset of the first mention
    last_unit: int | None = None    # the sentence unit it last spoke or acted in
    last_date: tuple[str, str] | None = None

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind=self.kind, role=self.role)


# "Secretary of Defense Lloyd J. Austin III", "Dutch Prime Minister Mark Rutte": a title (with
# an optional country word) before a capitalised name, anywhere in the text.
_CAPW = r"[A-Z][\w\u2019'\-]*\.?"
_NAME = rf"{_CAPW}(?:\s+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})\s+)*{_CAPW}){{0,3}}"


def _title_pattern() -> re.Pattern:
    titles = sorted(vocab()["titles"], key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles if len(t) > 2)
    return re.compile(rf"\b(?P<title>(?i:{alt}))\s+(?P<name>{_NAME})")


_PREFIX = re.compile(r"((?:[A-Z][\w\u2019'.\-]*\s+){0,2})$")


class Entities:
    """The people and organisations an article has named so far, most recent last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.salient: list[Entity] = []   # subjects and speakers, for pronouns

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
                ent.role = ent.role or m.role
                ent.gender = ent.gender or m.gender
        else:
            ent = next((e for e in self.entities if e.kind == m.kind
                        and e.name.lower() == m.name.lower()), None)
            if ent is None:
                ent = Entity(m.name, m.kind, m.role, pos=pos)
                self.entities.append(ent)
        if salient:
            self.touch(ent)
        return ent

    def touch(self, ent: Entity) -> None:
        if ent in self.salient:
            self.salient.remove(ent)
        self.salient.append(ent)

    def scan_titles(self, text: str) -> None:
        """Register every "Title Name" mention, so that a later bare surname or role noun finds
        the full name ("Austin said" after "Secretary of Defense Lloyd J. Austin III")."""
        for m in _title_pattern().finditer(text):
            start = m.start()
            # Two words at most: a short window keeps the search independent of the text's length.
            prefix = _PREFIX.search(text[max(0, start - 160):start])
            phrase = (prefix.group(1) if prefix else "") + m.group(0)
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
            # "Zelenskiy" or "Mr Zelensky" -> "Volodymyr Zelenskiy"; spelling variants of the
            # same surname (Zelensky/Zelenskiy/Zelenskyy) count as one.
            if not _same_surname(etoks[-1], last):
                continue
            if len(toks) == 1 or toks[0] == etoks[0] or e.name.endswith(" " + name) or (
                    toks[0].lower() in NAME_PARTICLES):
                return e
        if len(toks) == 1:
            # "Sir Keir": a courtesy title goes with the first name.
            for e in people:
                if e.name.split()[0] == toks[0] and len(e.name.split()) > 1:
                    return e
        return None

    def resolve(self, m: Mention, pos: int = -1) -> Entity | None:
        """The entity a mention refers to, registering new names as they appear."""
        if m.kind == "pronoun":
            return self._pronoun(m, pos)
        if m.kind == "office" and not m.generic:
            ent = self._role_noun(m.name)
            if ent is not None:
                self.touch(ent)
                return ent
            return self.add(m, pos=pos)
        if m.kind == "organization" and not m.generic:
            if m.name.lower() in ("statement", "communique", "communiqu\u00e9", "report") \
                    and self.salient:
                return self.salient[-1]   # "the statement added": whoever issued it
            ent = self._org_noun(m.name)
            if ent is not None:
                self.touch(ent)
                return ent
        return self.add(m, pos=pos)

    def _pronoun(self, m: Mention, pos: int) -> Entity | None:
        word = m.name
        if word in ("he", "she"):
            for e in reversed(self.salient):
                # An office named by its title ("the prime minister") is a person too.
                if e.kind in ("person", "office") and e.gender in (None, m.gender):
                    if e.gender is None:
                        e.gender = m.gender
                    return e
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

    def _role_noun(self, phrase: str) -> Entity | None:
        """ "the Dutch leader" -> the person last named with a matching title and country."""
        words = phrase.split()
        if "of" in words[1:]:
            words = words[:words.index("of")]   # "the head of the region": a head
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
            wanted = [head_words[-1]] if head_words else []
        countries = {lookup(strip_possessive(w)) for w in country_words}
        fallback = None
        for e in reversed(self.salient + [x for x in self.entities if x not in self.salient]):
            if e.kind != "person" or not e.role:
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
        # "the Danish prime minister said" right after "She said": the person just quoted.
        if self.salient and self.salient[-1].kind == "person" and not self.salient[-1].role:
            return self.salient[-1]
        return None

    def _org_noun(self, phrase: str) -> Entity | None:
        """ "the military", "the ministry" -> the organisation last named with that head."""
        words = [w.lower() for w in phrase.split()]
        if len(words) > 2 or any(is_cap(w) for w in phrase.split()):
            return None
        head = " ".join(words)
        wanted = vocab()["role_synonyms"].get(head, [head])
        for e in reversed(self.salient + [x for x in self.entities if x not in self.salient]):
            if e.kind != "organization" or e.name.lower() == head:
                continue
            name = e.name.lower()
            if any(re.search(rf"\b{re.escape(t)}\b", name) for t in wanted):
                return e
        return None


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
