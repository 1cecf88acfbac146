"""The cross-article entity index: people, places and countries/organisations.

Built once every fact sheet is known. It merges spellings of one name into one entity (config
aliases first, then transliteration variants such as Zelenskiy / Zelensky / Zelenskyy, then a
bare surname into the one full name that carries it), gives each entity its page address, and
rewrites the ids in the facts so that the JSON and the pages agree.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from slugify import slugify

from .config import Config
from .events import group_events
from .extract.actors import find_actors
from .model import FactSheet, Pledge, Statement, Strike
from .urls import entity_url


@dataclass
class Entity:
    section: str                    # person | place | actor
    id: str
    name: str
    kind: str                       # person/office/organization, place precision, country/organization
    names: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    statements: list[tuple[FactSheet, Statement]] = field(default_factory=list)
    strikes: list[tuple[FactSheet, Strike]] = field(default_factory=list)        # at a place / by an attacker
    pledges_given: list[tuple[FactSheet, Pledge]] = field(default_factory=list)
    pledges_received: list[tuple[FactSheet, Pledge]] = field(default_factory=list)
    country: str | None = None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: list = field(default_factory=list)     # a place's strikes grouped into events

    @property
    def url(self) -> str:
        # Asked for hundreds of thousands of times while rendering; the id is final once
        # the index is built, and a changed id makes a new address.
        cached = self.__dict__.get("_url")
        if cached is None or cached[0] != self.id:
            cached = self.__dict__["_url"] = (self.id, entity_url(self.section, self.id))
        return cached[1]

    @cached_property
    def article_count(self) -> int:
        # Asked by the templates and the page digests; the facts are final once the index is built.
        return len({sheet.article.id for sheet, _ in
                    self.statements + self.strikes + self.pledges_given + self.pledges_received})

    @property
    def fact_count(self) -> int:
        return (len(self.statements) + len(self.strikes) + len(self.pledges_given)
                + len(self.pledges_received))


@dataclass
class SiteIndex:
    sheets: list[FactSheet]                 # newest first
    people: dict[str, Entity]
    places: dict[str, Entity]
    actors: dict[str, Entity]
    speakers: dict[tuple[str, str], Entity]   # (article id, statement id) -> the speaker's page
    events: list = field(default_factory=list)  # strikes grouped into events, newest first (events.py)
    # article id -> (entity, positions of the article's facts it has) for each entity its facts
    # name; a fact's position counts its statements, then its strikes, then its pledges
    entities_of: dict[str, list[tuple[Entity, list[int]]]] = field(default_factory=dict)
    # (section, id) -> {"reported by" / "places reported on": entities}, for the related lists of pages
    related: dict[tuple[str, str], dict[str, list[Entity]]] = field(default_factory=dict)
    derived: dict = field(default_factory=dict)     # what the renderer works out once from the index

    def __post_init__(self):
        self.rank = {s.article.id: n for n, s in enumerate(self.sheets)}   # 0 = newest

    def sorted(self, section: str) -> list[Entity]:
        table = {"person": self.people, "place": self.places, "actor": self.actors}[section]
        return sorted(table.values(), key=lambda e: (e.name.casefold(), e.id))


def article_order(sheets: list[FactSheet]) -> list[FactSheet]:
    """Newest first; undated articles last; ties by title then id, for stable output."""
    ordered = sorted(sheets, key=lambda s: (s.article.title, s.article.id))
    ordered.sort(key=lambda s: s.article.date or "", reverse=True)
    return sorted(ordered, key=lambda s: s.article.date is None)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key: Zelenskiy, Zelensky and Zelenskyy share "zelensky"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['\u2019]s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\b(?:the|mr|mrs|ms|dr)\b", " ", s)
    s = re.sub(r"(?:iy|yy|ii|yi)\b", "y", s)
    s = s.replace("kh", "h").replace("ie", "e")
    return " ".join(s.split())


def build_index(sheets: list[FactSheet], config: Config) -> SiteIndex:
    sheets = article_order(sheets)
    people: dict[str, Entity] = {}
    places: dict[str, Entity] = {}
    actors: dict[str, Entity] = {}
    speaker_keys = _speaker_keys(sheets, config)
    speakers: dict[tuple[str, str], Entity] = {}
    refs: list[tuple] = []      # (fact's place or party, its entity): ids are written once known
    entities_of: dict[str, list[tuple[Entity, list[int]]]] = {}

    for sheet in sheets:
        touched: dict[int, tuple[Entity, list[int]]] = {}

        def touch(entity: Entity, position: int) -> None:
            touched.setdefault(id(entity), (entity, []))[1].append(position)
        for n, st in enumerate(sheet.statements):
            actor = _as_actor(st.speaker.name) if st.speaker.kind != "person" else None
            if actor:
                entity = _actor_entity(actors, actor)
                entity.statements.append((sheet, st))
                speakers[(sheet.article.id, st.id)] = entity
                touch(entity, n)
                continue
            key = speaker_keys[(sheet.article.id, _alias_key(st.speaker.name, config))]
            entity = people.get(key)
            if entity is None:
                entity = people[key] = Entity("person", "", st.speaker.name, st.speaker.kind)
            entity.names[st.speaker.name] += 1
            if st.speaker.role:
                entity.roles[st.speaker.role] += 1
            entity.statements.append((sheet, st))
            speakers[(sheet.article.id, st.id)] = entity
            touch(entity, n)
        first = len(sheet.statements)
        for n, sk in enumerate(sheet.strikes, first):
            name = config.place_aliases.get(sk.place.name, sk.place.name)
            key = str(sk.place.geonameid) if sk.place.geonameid else name_key(name)
            entity = places.get(key)
            if entity is None:
                entity = places[key] = Entity("place", "", name, sk.place.precision, country=sk.place.country,
                                              region=sk.place.region, lat=sk.place.lat, lon=sk.place.lon)
            entity.names[name] += 1
            entity.strikes.append((sheet, sk))
            refs.append((sk.place, entity))
            touch(entity, n)
            attacker = _first_actor(sk.attacker) if sk.attacker else None
            if attacker:   # "Russian forces": the first country or organisation named
                entity = _actor_entity(actors, attacker)
                entity.strikes.append((sheet, sk))
                touch(entity, n)
        first += len(sheet.strikes)
        for n, pl in enumerate(sheet.pledges, first):
            for party, role in ((pl.donor, "given"), (pl.recipient, "received")):
                if party is None:
                    continue
                actor = _as_actor(party.name)
                if actor:
                    entity = _actor_entity(actors, actor)
                else:
                    key = "name:" + name_key(party.name)
                    entity = actors.get(key)
                    if entity is None:
                        entity = actors[key] = Entity("actor", "", party.name, party.kind, country=party.country)
                    entity.names[party.name] += 1
                (entity.pledges_given if role == "given" else entity.pledges_received).append((sheet, pl))
                refs.append((party, entity))
                touch(entity, n)
        entities_of[sheet.article.id] = list(touched.values())

    _assign_ids(people, "person")
    _assign_ids(places, "place")
    _assign_ids(actors, "actor")
    # The facts name their entities' final ids, so that the JSON and the pages agree.
    for sheet in sheets:
        for st in sheet.statements:
            st.speaker.id = speakers[(sheet.article.id, st.id)].id
    for fact_part, entity in refs:
        fact_part.id = entity.id
    places = _by_id(places)
    events = group_events(places.values())
    for event in events:
        event.place.events.append(event)
    index = SiteIndex(sheets=sheets, people=_by_id(people), places=places, actors=_by_id(actors),
                      speakers=speakers, events=events, entities_of=entities_of)
    index.related = _related(index)
    return index


def _related(idx: SiteIndex) -> dict[tuple[str, str], dict[str, list[Entity]]]:
    """Per entity (section, id): who reported strikes on a place, and which places a speaker
    reported strikes on (made with the index, and kept in its snapshot). One walk over the strikes for all entities: walking each speaker's
    articles instead went through the busiest ones again for every speaker quoted in them."""
    reporters: dict[str, dict[str, Entity]] = {pid: {} for pid in idx.places}
    reported: dict[str, dict[str, Entity]] = {pid: {} for pid in idx.people}
    for sheet in idx.sheets:
        for s in sheet.strikes:
            speaker = idx.speakers.get((sheet.article.id, s.reported_by)) if s.reported_by else None
            if speaker is None:
                continue
            if s.place.id in idx.places:
                reporters[s.place.id][speaker.id] = speaker
                if speaker.section == "person":
                    reported[speaker.id][s.place.id] = idx.places[s.place.id]
    found: dict[tuple[str, str], dict[str, list[Entity]]] = {("actor", aid): {} for aid in idx.actors}
    for pid, people in reporters.items():
        found[("place", pid)] = {"reported by": sorted(people.values(), key=lambda x: x.name)}
    for sid, places in reported.items():
        found[("person", sid)] = {"places reported on": sorted(places.values(), key=lambda x: x.name)}
    return found


def _speaker_keys(sheets: list[FactSheet], config: Config) -> dict[tuple[str, str], str]:
    """(article id, name_key) -> merged key.

    Within an article, a shorter name joins the one longer name it ends with ("the General
    Staff" after "Ukraine's General Staff"). Across articles, a bare surname joins the one full
    name that ends with it ("Zelensky" and "Volodymyr Zelenskiy").
    """
    per_article: dict[str, set[str]] = defaultdict(set)
    for sheet in sheets:
        for st in sheet.statements:
            per_article[sheet.article.id].add(_alias_key(st.speaker.name, config))
    merged: dict[tuple[str, str], str] = {}
    for article_id, keys in per_article.items():
        for k in keys:
            longer = [o for o in keys if o != k and o.endswith(" " + k)]
            merged[(article_id, k)] = longer[0] if len(longer) == 1 else k
    by_last: dict[str, set[str]] = defaultdict(set)
    for k in set(merged.values()):
        if " " in k:
            by_last[k.rsplit(" ", 1)[1]].add(k)
    for key, k in merged.items():
        if " " not in k and len(by_last.get(k, ())) == 1:
            merged[key] = next(iter(by_last[k]))
    return merged


def _alias_key(name: str, config: Config) -> str:
    return name_key(config.speaker_aliases.get(name, name))


@lru_cache(maxsize=65536)
def _as_actor(name: str):
    """The country or organisation a name is, when the whole name is one (not "Russian troops")."""
    mentions = find_actors(name)
    stripped = re.sub(r"^(?:the|The)\s+|['\u2019]s$", "", name.strip())
    for m in mentions:
        if m.text == stripped and m.form in ("name", "seat"):
            return m.actor
    return None


@lru_cache(maxsize=65536)
def _first_actor(text: str):
    mentions = find_actors(text)
    return mentions[0].actor if mentions else None


def _actor_entity(actors: dict[str, Entity], actor) -> Entity:
    key = "actor:" + actor.name
    entity = actors.get(key)
    if entity is None:
        entity = actors[key] = Entity("actor", "", actor.name, actor.kind, country=actor.country)
    entity.names[actor.name] += 1
    return entity


def _assign_ids(table: dict[str, Entity], section: str) -> None:
    """Display name = the shortest spelling of two words or more ("Volodymyr Zelenskiy" over a
    bare "Zelensky" and over a name with its title fused in), then the most used; id = its
    slug, made unique."""
    for e in table.values():    # final names first, so ids never depend on the order of the walk
        if e.names:
            e.name = sorted(e.names.items(),
                            key=lambda kv: (len(kv[0].split()) < 2, len(kv[0].split()), -kv[1], kv[0]))[0][0]
    slugs = {key: slugify(e.name, max_length=60) or section for key, e in table.items()}
    shared = Counter(slugs.values())
    used: set[str] = {"index"}      # SECTION/index.html lists the section
    for key in sorted(table, key=lambda k: (table[k].name.casefold(), k)):
        e = table[key]
        base = slugs[key]
        if section == "place" and e.country and shared[base] > 1:   # two towns, one name
            base = f"{base}-{e.country.lower()}"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        e.id = slug


def _by_id(table: dict[str, Entity]) -> dict[str, Entity]:
    return {e.id: e for e in sorted(table.values(), key=lambda e: e.id)}


def actor_for(actors_by_name: dict[str, Entity], name: str | None) -> Entity | None:
    """The page of a country or organisation named in free text ("Russian" as an attacker)."""
    if not name:
        return None
    for m in find_actors(name):
        if m.actor.name in actors_by_name:
            return actors_by_name[m.actor.name]
    return None
