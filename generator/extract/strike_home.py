"""The article's home place: the settlement a report is about when a strike sentence names none.

A feature that reconstructs one incident ("the strike on Monday was carried out by a drone")
or an interview with a mayor ("then on Saturday a guided bomb landed next to a school") tells
where it happened once, early or in passing, and then only "the village", "our city". The
settlement named most often across title and body, clearly more often than any other, is
where such placeless strikes fell. Nothing here fires when a sentence names its own place.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Article, Place
from . import places as gaz
from .actors import find_actors

# An unlisted name counts as a place only where a locative word introduces it.
_LOCATIVE = re.compile(r"(?:\b(?:[Ii]n|at|from|near|outside|(?:area|village|town|city|outskirts)\s+of)\s+(?:the\s+)?)$")
_NAME = re.compile(r"(?<![\w-])[A-Z][a-z'\u2019]+(?:[\s-][A-Z][a-z'\u2019]+){0,2}")
MIN_MENTIONS = 3


def home_place(article: Article, ctx: gaz.Context, people: set[str],
               persons: frozenset[str] = frozenset()) -> tuple[Place, object] | None:
    """The settlement the article keeps returning to, or None when none stands out.
    `persons` are the names of people quoted: a chancellor called Kehl is no town Kehl."""
    counts: Counter = Counter()
    places: dict[str, Place] = {}
    _r, _s, _c, _m, not_places = gaz._vocab()
    for text in (article.meta.title or "", article.body):
        found = gaz.scanned_mentions(ctx, text)
        for m in found:
            hit = gaz.resolve_candidate(m, ctx)
            if not hit or hit[0].precision != "place" or m.region_word or m.text in persons or (
                    ctx.countries and hit[0].country not in ctx.countries):
                continue  # "Bank" in "World Bank" is a hamlet in a country the article never names
            key = f"g{hit[1].geonameid}"
            counts[key] += 1
            places.setdefault(key, hit)
        spans = [(m.start, m.end) for m in found]
        for m in _NAME.finditer(text):
            if any(s <= m.start() < e for s, e in spans) or not _LOCATIVE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            name = m.group(0)
            if name.split()[0] in not_places or set(name.split()) & people or find_actors(name):
                continue
            key = "n" + gaz.skeleton(name)
            counts[key] += 1
            places.setdefault(key, (Place(name=name, precision="place"), None))
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    if n < MIN_MENTIONS or (rest and rest[0][1] >= n):
        return None
    place, cand = places[best]
    return Place(name=place.name, region=place.region, country=place.country or ctx.dominant_country(),
                 lat=place.lat, lon=place.lon, geonameid=place.geonameid, precision="place"), cand
