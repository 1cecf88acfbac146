"""Speakers: parse the noun phrase of an attribution, and resolve references back to it.

A reporting clause names its speaker many ways: "Moldovan President Ana Rusu" (a role
before the name), "Petro Koval, the governor of Sumy region" (an appositive), "the
military" (an organisation named earlier), "he", or a bare surname. `parse_mention` splits the
phrase into name and role; `coref.Entities` remembers who has been named so far in an article
and resolves pronouns, role nouns and surnames to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Speaker
from .actors import lookup
from .alternation import trie
from .vocabulary import EXTRA, load_table

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our"}
# Lower-case particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = {"von", "der", "van", "de", "den", "la", "le", "da", "di", "al", "el", "bin",
                  "ibn", "du", "dos", "del", "y", "ten", "ter", "zu", "abu", "bint"}
CONNECTORS = {"of", "for", "and", "in", "on", "at"}
APOSTROPHES = "'\u2019"


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_table("statements")
    titles = [t.lower() for t in data["titles"]]
    data["title_words"] = {w for t in titles for w in t.split()} - CONNECTORS - {"the"}
    data["title_set"] = set(titles)
    heads = [h.lower() for h in data["organization_heads"]]
    data["org_head_set"] = set(heads)
    data["org_head_words"] = {h for h in heads if " " not in h}
    data["outlet_set"] = {o.lower() for o in data["outlets"]}
    data["generic_set"] = {g.lower() for g in data["generic_sources"]}
    data["honorific_map"] = {k.lower(): v for k, v in data["honorifics"].items()}
    for verb in EXTRA["reporting_verbs"]:       # config.yaml vocabulary.reporting_verbs
        data["reporting_verbs"].setdefault(verb, [verb])
        if verb not in data["speech_verbs"]:
            data["speech_verbs"].append(verb)
    forms = {}
    for lemma, fs in data["reporting_verbs"].items():
        for f in fs:
            forms[f] = lemma
    data["verb_forms"] = forms
    data["first_name_gender"] = {n: g for g, names in data["first_names"].items() for n in names}
    return data


def is_cap(tok: str) -> bool:
    if not tok:
        return False
    if tok[0].isupper() or tok[0].isdigit():
        return True
    # "al-Harthi", "el-Sayed", "bin-Salman": a lower-case particle joined to a capitalised name.
    head, dash, rest = tok.partition("-")
    return bool(dash) and head in NAME_PARTICLES and rest[:1].isupper()


_POSSESSIVE = re.compile(r"[" + APOSTROPHES + r"]s?$")


def strip_possessive(tok: str) -> str:
    if "'" not in tok and "\u2019" not in tok:
        return tok      # most words: no apostrophe, nothing to strip
    return _POSSESSIVE.sub("", tok)


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
    name: str                       # the name part ("Ana Rusu") or the office
    kind: str                       # person | organization | office | pronoun
    role: str | None = None
    gender: str | None = None       # "m" / "f" from an honorific or a pronoun
    generic: bool = False           # "officials", "sources": anonymous
    outlet: str | None = None       # a news organisation named in the phrase

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind="office" if self.kind == "pronoun" else self.kind,
                       role=self.role)


@lru_cache(maxsize=1)
def outlet_names() -> list[str]:
    """The outlets a text can name, longest first (generic words such as "agency" left out)."""
    return [o for o in sorted(vocab()["outlets"], key=len, reverse=True)
            if len(o) >= 3 and o.lower() not in ("news agency", "agency", "state news agency")]


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    names = outlet_names()
    each = [(o, re.compile(rf"(?<![\w-]){re.escape(o)}(?![\w-])")) for o in names]
    anyone = re.compile(rf"(?<![\w-])(?:{trie(names)})(?![\w-])")
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
    """Split "Moldovan President Ana Rusu" into role words and name words: the name
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
    if _one_unnamed(phrase):
        return Mention(phrase, bare, "office", generic=True)
    if low in v["generic_set"] or bare.lower() in v["generic_set"] or _generic(bare):
        # "an Israeli official" is one unnamed person; "officials", "sources" a collective.
        kind = "office" if bare and bare.split()[-1].lower() in v["title_words"] else "organization"
        return Mention(phrase, bare, kind, generic=True)
    parts = [p.strip() for p in re.split(r",\s*", phrase) if p.strip()]
    if len(parts) >= 2:
        return _parse_appositive(phrase, parts)
    return _parse_simple(phrase)


def _one_unnamed(phrase: str) -> bool:
    """ "a Western diplomat", "an aide to the minister": one person the text does not name."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() not in ("a", "an", "one", "another") or "," in phrase:
        return False
    head = words[:next((k for k, w in enumerate(words) if w in ("of", "to", "for")), len(words))]
    return _is_role_word(head[-1]) and not any(
        is_cap(w) and not is_country_word(w) and not _is_role_word(w) and not _is_org_word(w)
        and not _looks_acronym(w.replace("'s", ""))
        and w.lower() not in vocab()["generic_modifiers"]
        for w in head[1:])


def _generic(bare: str) -> bool:
    """Anonymous plurals: "Ukrainian officials", "U.S. officials", "local residents"."""
    words = bare.split()
    if not words:
        return True
    head = words[-1].lower()
    heads = {g.split()[-1] for g in vocab()["generic_set"]}
    mods = vocab()["generic_modifiers"]
    return head in heads and all(is_cap(w) or w.lower() in mods for w in words[:-1])


def _parse_appositive(phrase: str, parts: list[str]) -> Mention | None:
    first, rest = parts[0], ", ".join(parts[1:])
    a, b = _parse_simple(first), _parse_simple(rest)
    if a and b and a.kind in ("organization", "office") and b.kind == "organization" and \
            _proper(rest) and not _proper(" ".join(_drop_determiner(first.split()))) and \
            not is_country_word(rest):
        # "the U.N. refugee agency, UNHCR": the proper name is the speaker.
        return Mention(phrase, b.name, "organization", outlet=b.outlet)
    # "Petro Koval, the governor of Sumy region": name first, role after.
    if a and a.kind == "person" and not a.role:
        return Mention(phrase, a.name, "person", role=_role_text(rest), gender=a.gender)
    # "the regional governor, Ivan Sokol": role first, name after.
    if b and b.kind == "person" and not b.role:
        return Mention(phrase, b.name, "person", role=_role_text(first), gender=b.gender)
    return a or b


def _proper(text: str) -> bool:
    words = text.split()
    return bool(words) and all(is_cap(w) or w.lower() in CONNECTORS for w in words)


def _role_text(text: str) -> str | None:
    return " ".join(_drop_determiner(text.split())).rstrip(",") or None


TITLE_LINKS = CONNECTORS | {"to"}


def first_name_gender(name: str) -> str | None:
    first = name.split()[0] if name.split() else ""
    return vocab()["first_name_gender"].get(first)


def _name_start(words: list[str]) -> int | None:
    """Where a personal name starts in a run of capitalised words after a title's complement:
    at a known first name, else the last two words of a run of three or more."""
    known = vocab()["first_name_gender"]
    for i, w in enumerate(words):
        if w in known and i < len(words) - 1:
            return i
    return len(words) - 2 if len(words) >= 3 else None


def has_title_first(role_words: list[str]) -> bool:
    return bool(role_words) and _is_role_word(role_words[0]) and len(role_words) >= 3 and \
        role_words[1].lower() in TITLE_LINKS


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
    if has_title_first(role_words) and name_words and 2 <= len(name_words) <= 3 and has_org:
        # "Head of the Regional Military Administration Ivan Sokol": an organisation inside
        # the title does not make the person an organisation.
        return Mention(phrase, " ".join(name_words), "person", role=" ".join(role_words),
                       gender=gender or first_name_gender(name_words[0]))
    if has_org and not (name_words and role_words and _is_role_word(role_words[-1])):
        head = words[:words.index("of")] if "of" in words[1:] else words
        if not name_words and _is_role_word(words[-1]) and not _is_org_word(words[-1]) and \
                not _is_org_word(head[-1]):
            return Mention(phrase, text, "office", role=text)   # "a government spokesperson"
        return Mention(phrase, text, "organization", outlet=outlet)
    linked = role_words[:-1] if role_words and role_words[-1].lower() == "the" else role_words
    if name_words and linked and linked[-1].lower() in TITLE_LINKS and any(
            _is_role_word(w) for w in role_words[:-1]):
        # "Minister of Internal Affairs Taras Melnyk", "Ambassador to NATO": the title's
        # complement runs straight into the name, if there is one.
        cut = _name_start(name_words)
        if cut is None:
            return Mention(phrase, text, "office", role=text)
        name = " ".join(name_words[cut:])
        return Mention(phrase, name, "person", role=" ".join(role_words + name_words[:cut]),
                       gender=gender or first_name_gender(name))
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
        return Mention(phrase, " ".join(name_words), "person", role=role,
                       gender=gender or first_name_gender(name_words[0]))
    if role_words and any(_is_role_word(w) for w in role_words):
        return Mention(phrase, text, "office", role=text)
    if all(is_cap(w) or w.lower() in CONNECTORS for w in words) and is_cap(words[-1]):
        return Mention(phrase, text, "organization", outlet=outlet)
    return None
