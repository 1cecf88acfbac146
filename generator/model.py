"""The data model: plain dataclasses for articles and the facts extracted from them.

The JSON contract (docs/factsheet.md) is exactly `FactSheet.to_json()`; field names here are
the names in the JSON, so the schema and the code cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Evidence:
    """Where a fact comes from: a sentence index and character offsets into the article body."""
    sentence: int
    start: int
    end: int


@dataclass
class Speaker:
    name: str
    kind: str = "person"            # person | organization | office
    role: str | None = None         # "Ukrainian President", "governor of Donetsk region"
    id: str = ""                    # slug, the address of the speaker's page


@dataclass
class Place:
    name: str
    region: str | None = None
    country: str | None = None      # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    id: str = ""
    geonameid: int | None = None
    precision: str = "unknown"      # place | region | country | unknown
    ambiguous: bool = False         # several gazetteer candidates stayed plausible


@dataclass
class Party:
    """A donor or recipient: a country, an organisation, or a person acting for one."""
    name: str
    kind: str = "country"           # country | organization | person
    id: str = ""
    country: str | None = None      # ISO alpha-2 where the party is (or acts for) a country
    person: str | None = None       # "Ben Wallace" when he pledged for the United Kingdom


@dataclass
class Money:
    amount: float
    currency: str                   # ISO 4217: USD, EUR, GBP...


@dataclass
class Statement:
    speaker: Speaker
    text: str
    mode: str                       # direct | partial | indirect
    verb: str | None
    date: str | None                # ISO date when said, or None
    evidence: Evidence
    via: str | None = None          # an outlet that relayed it ("Interfax")
    date_precision: str = "unknown"  # day | week | month | unknown
    rule: str = ""                  # the rule that produced it, for `explain`
    id: str = ""
    origin: str = "rule"            # rule | editor: who stated this fact (corrections file)
    edited: list[str] = field(default_factory=list)   # fields an editor changed
    certainty: str = "stated"       # stated | attributed | unverified | denied: how the article presents it
    disputed_by: str | None = None  # who denies or disputes it, when the article says so


@dataclass
class Strike:
    place: Place
    weapon: str | None
    evidence: Evidence
    count: int | None = None
    target: str | None = None
    killed: int | None = None
    injured: int | None = None
    casualties_at_least: bool = False  # "at least five people"
    date: str | None = None
    date_precision: str = "unknown"
    attacker: str | None = None
    reported_by: str | None = None  # id of the statement that reports the strike
    reporter: str | None = None     # that statement's speaker name, for display
    rule: str = ""
    id: str = ""
    origin: str = "rule"            # rule | editor: who stated this fact (corrections file)
    edited: list[str] = field(default_factory=list)   # fields an editor changed
    certainty: str = "stated"       # stated | attributed | unverified | denied: how the article presents it
    disputed_by: str | None = None  # who denies or disputes it, when the article says so


@dataclass
class Pledge:
    donor: Party
    item: str
    evidence: Evidence
    recipient: Party | None = None
    quantity: int | None = None
    value: Money | None = None
    date: str | None = None
    date_precision: str = "unknown"
    status: str = "pledged"         # pledged | announced | approved | delivered | conditional | refused
    rule: str = ""
    id: str = ""
    origin: str = "rule"            # rule | editor: who stated this fact (corrections file)
    edited: list[str] = field(default_factory=list)   # fields an editor changed
    certainty: str = "stated"       # stated | attributed | unverified | denied: how the article presents it
    disputed_by: str | None = None  # who denies or disputes it, when the article says so


@dataclass
class ArticleMeta:
    id: str                         # slug, unique within a build
    title: str
    date: str | None                # ISO date of publication
    source: str                     # the input path as given
    url: str | None = None
    outlet: str | None = None
    credits: str | None = None      # "With reporting by Reuters and AFP"
    tags: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Article:
    meta: ArticleMeta
    body: str                       # the article text that all offsets refer to
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class FactSheet:
    article: ArticleMeta
    statements: list[Statement] = field(default_factory=list)
    strikes: list[Strike] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


def _plain(value):
    """dataclasses.asdict without its deep copies: the JSON of 10,000 sheets in a fraction of the
    time. Fields are read from the instance's dict, and plain values are kept without a call."""
    if isinstance(value, list):
        return [v if v.__class__ in _SCALARS else _plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        own = value.__dict__
        return {name: v if (v := own[name]).__class__ in _SCALARS else _plain(v)
                for name in value.__dataclass_fields__}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


SCHEMA_VERSION = 1
