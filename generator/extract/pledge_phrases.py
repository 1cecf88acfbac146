"""Phrases that pledges are made of: tokens, item noun phrases, donor noun phrases.

pledges.py finds the commitment (a verb chain or a noun) and asks this module for the phrases
around it: which item is given and how many, who gives it. Everything here works on tokens that
keep their offsets into the article body, so every phrase found can be cited as evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Party
from .actors import Actor, find_actors
from .alternation import trie
from .numbers import UNITS, find_money, word_value
from .vocabulary import load_table


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_table("pledges")
    heads: dict[str, str] = {}
    for kind, words in data["items"].items():
        for w in words:
            heads[w.lower()] = kind
    data["heads"] = heads
    for key in ("determiners", "units", "vague_numbers", "donor_heads", "donor_modifiers",
                "titles", "guards", "needs_modifier", "not_item_modifiers", "modals", "passive",
                "with_gerunds", "purpose_verbs", "person_titles", "reporting_verbs", "beneficiaries"):
        data[key] = {w.lower() for w in data[key]}
    data["institutions"] = sorted(data["institutions"], key=len, reverse=True)
    # By first word, so that a mention looks up only the institutions that can start there.
    data["institutions_by_first"] = {}
    for inst in data["institutions"]:
        data["institutions_by_first"].setdefault(inst.split()[0].lower(), []).append(inst)
    data["member_heads"] = sorted(data["member_heads"], key=len, reverse=True)
    return data


# Prepositions, conjunctions and auxiliaries: a noun phrase never runs across them.
STOP = {
    "to", "for", "with", "from", "in", "on", "by", "at", "of", "into", "onto", "against",
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "while", "as", "than",
    "will", "would", "shall", "is", "are", "was", "were", "be", "been", "being", "has", "have",
    "had", "do", "does", "did", "said", "says", "say", "if", "when", "after", "before",
    "because", "over", "under", "within", "without", "between", "including", "include",
    "includes", "via", "per", "each", "it", "they", "we", "he", "she", "them", "us", "this",
    "there", "here", "so", "then", "also", "not", "no", "can", "could", "may", "might",
    "should", "must", "during", "since", "until", "amid", "across", "through", "toward",
    "towards", "about", "like", "such", "what", "where", "how", "why",
}
ORG_SHAPE = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s+(?:(?:of|for|and|the)\s+)?){1,5}"
    r"(?:Bank|Fund|Foundation|Trust|Agency|Programme|Program|Organi[sz]ation|Alliance|Initiative)\b")
# The head words ORG_SHAPE ends with: a text without any holds no such name, and this
# plain search is far cheaper than ORG_SHAPE's.
_ORG_HEAD = re.compile(r"Bank|Fund|Foundation|Trust|Agency|Programme|Program|Organi[sz]ation|Alliance|Initiative")


def org_shapes(text: str):
    """ORG_SHAPE.finditer(text)."""
    return ORG_SHAPE.finditer(text) if _ORG_HEAD.search(text) else iter(())


SCALE_WORDS = {"hundred", "thousand", "million"}
PLURAL_MODEL = re.compile(r"[A-Z][A-Z-]*\d[\w-]*s")
MODEL_CODE = re.compile(r"(?=\S*\d)(?=\S*[A-Za-z])[A-Z0-9][\w-]*")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
PREPOSITIONS = {"to", "for", "with", "from", "against", "on", "of", "by", "at", "in", "into",
                "than", "toward", "towards", "about", "over", "among", "between", "within"}
PRONOUNS = {"they", "it", "we", "he", "she"}
# Nouns a collective can modify: "a donors conference" is not a donor.
COLLECTIVE_NOUNS = {"conference", "conferences", "meeting", "meetings", "summit", "group",
                    "fatigue", "forum", "coalition", "event", "countries", "list", "base"}
# (Every token starts with a non-space: the lookahead turns spaces away before the branches.)
TOKEN = re.compile(r"(?=\S)(?:(?:[A-Za-z]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[’']s\b|[’']ll\b|n[’']t\b"
                   r"|\w+(?:[-/.]\w+)*|[^\w\s])")
# Every non-space character starts a token (\w or [^\w\s]), so only whitespace lies between
# tokens: findall of (space, token) pairs finds the tokens TOKEN.finditer does, and their
# offsets follow from the lengths -- without a match object and its method calls per token.
_SPACED_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")


class Tok:
    """A word with its offsets into the article body; its lower-cased form is asked for many
    times per token, so it is computed once."""
    __slots__ = ("text", "start", "end", "i", "low")

    def __init__(self, text: str, start: int, end: int, i: int = 0):
        self.text, self.start, self.end, self.i = text, start, end, i
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end}, {self.i})"

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


class Toks(list):
    """Tokens in text order, with their start offsets kept for binary search."""

    def __init__(self, toks=(), starts=None):
        super().__init__(toks)
        self.starts = [t.start for t in self] if starts is None else starts

    def at_or_after(self, offset: int) -> int | None:
        """Index of the first token starting at or after offset."""
        k = bisect_left(self.starts, offset)
        return k if k < len(self) else None

    def covering(self, offset: int) -> int | None:
        """Index of the token containing offset, else of the first one after it."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self[k].end:
            return k
        return self.at_or_after(offset)


def tokenize(text: str, base: int = 0) -> Toks:
    """The tokens of text, offsets shifted by base."""
    toks, starts = [], []
    e = base
    for n, (space, t) in enumerate(_SPACED_TOKEN.findall(text)):
        s = e + len(space)
        e = s + len(t)
        toks.append(Tok(t, s, e, n))
        starts.append(s)
    return Toks(toks, starts)


TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
NUMBER_WORD = re.compile(rf"(?:{'|'.join(TENS)})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?")


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_WORD_CHAR = re.compile(r"\w")


def is_number(t: Tok) -> bool:
    return bool(_DIGITS.fullmatch(t.text)) or (
        t.low in UNITS and t.low not in {"a", "an", "single", "couple", "pair"}) or bool(
        NUMBER_WORD.fullmatch(t.low))



# --- items ----------------------------------------------------------------------------------

@dataclass
class ItemNP:
    text: str
    kind: str
    start: int
    end: int
    first: int            # token index of the first word of the item name
    last: int             # token index of its head
    quantity: int | None = None


def head_kind(toks: list[Tok], j: int) -> str | None:
    return _head_kind(toks[j].text)


@lru_cache(maxsize=8192)   # asked of every word of every sentence, often more than once
def _head_kind(text: str) -> str | None:
    v = vocab()
    low = text.lower()
    kind = v["heads"].get(low)
    if kind is None and low.endswith("s") and text[:1].isupper():
        kind = v["heads"].get(low[:-1])      # "Leopards", "Gepards"
    if kind is None and PLURAL_MODEL.fullmatch(text):
        kind = low[:-1]      # "15 CV90s": a counted model name is a thing given
    return kind


VERBISH: set[str] = set()


def _blocked(toks: list[Tok], j: int, money_spans) -> bool:
    t = toks[j]
    if any(s <= t.start < e for s, e in money_spans):
        return True
    return (t.low in STOP or t.low in VERBISH or t.low in vocab()["purpose_verbs"]
            or not _WORD_CHAR.match(t.text))


# "a package worth €1bn": the sum that follows names the package as surely as one before it.
VALUED = {"worth", "valued", "totalling", "totaling", "amounting"}


def item_at(toks: list[Tok], h: int, limit: int, money_spans, actor_spans) -> ItemNP | None:
    """The item noun phrase around the head word at token h, or None when it is not one."""
    v = vocab()
    # The head is the last item word of the phrase: "Leclerc XLR heavy battle tanks".
    last, j = h, h + 1
    while (j < min(limit, h + 6) and not _blocked(toks, j, money_spans)
           and toks[j].low not in v["determiners"]
           and not any(s <= toks[j].start < e for s, e in actor_spans)):
        if head_kind(toks, j) or (j == last + 1 and MODEL_CODE.fullmatch(toks[j].text)):
            last = j      # "Leopard 2A4s": a model code after the name is part of it
        j += 1
    post = None
    # "package of assistance", "pledges of aid": an aid word names its content after "of".
    if (head_kind(toks, last) in ("aid", "loan", "grant", "ammunition", "supplies") and last + 2 < limit
            and toks[last + 1].low == "of"):
        for k in range(last + 2, min(limit, last + 5)):
            if _blocked(toks, k, money_spans):
                break
            if head_kind(toks, k):
                post = k
    first = h
    k = h - 1
    while k >= 0 and h - k <= 5:
        t = toks[k]
        if (t.text.isdigit() and k >= 1 and re.fullmatch(r"[A-Z][A-Z0-9-]+", toks[k - 1].text)
                and not any(s <= toks[k - 1].start < e for s, e in actor_spans)):
            first, k = k - 1, k - 2      # "RBS 70 units": the number is part of the model name
            continue
        if (_blocked(toks, k, money_spans) or t.low in v["determiners"] or is_number(t)
                or t.low in v["commit_verbs"] or ORDINAL.fullmatch(t.low)
                or t.low in v["vague_numbers"] or t.low in SCALE_WORDS
                or any(s <= t.start < e for s, e in actor_spans)):
            break
        first = k
        k -= 1
    words = [t.low for t in toks[first:last + 1]]
    if any(w in v["not_item_modifiers"] for w in words):
        return None
    end_tok = post if post is not None else last
    if (toks[last].low in v["needs_modifier"] and first == last and post is None
            and not (head_kind(toks, last) == "aid"
                     and ((first >= 1 and any(a <= toks[first - 1].start < b for a, b in money_spans))
                          or (last + 1 < len(toks) and toks[last + 1].low in VALUED)))):
        return None      # "defence" alone is no item; "a $400m package" is one
    item = ItemNP(text="", kind=head_kind(toks, last) or "", start=toks[first].start,
                  end=toks[end_tok].end, first=first, last=end_tok)
    if first >= 1 and any(a <= toks[first - 1].start < b for a, b in money_spans):
        item.quantity = None      # "$400 million package": the number is the value
    else:
        item.quantity = _quantity(toks, first, item.kind)
    if item.kind == "service" and item.quantity is None and last + 2 < limit and toks[last + 1].low == "of":
        # "training of two hundred technicians": a service counts the people it serves
        k = last + 2
        while k < min(limit, last + 5) and (is_number(toks[k]) or toks[k].low in SCALE_WORDS | {"and"}):
            k += 1
        if k > last + 2:
            item.quantity = word_value(" ".join(t.text for t in toks[last + 2:k]))
    return item


def _quantity(toks: list[Tok], first: int, kind: str) -> int | None:
    """The count just before the item name: "14 Leopard tanks", "another of its systems"."""
    v = vocab()
    k = first - 1
    while k >= 0 and toks[k].low in {"more", "additional", "new", "other", "further", "extra",
                                     "fresh", "of", "its", "their", "the", "own", "modern"}:
        if toks[k].low == "of" and k >= 1:
            before = toks[k - 1]
            if before.low in v["units"] or before.low in v["vague_numbers"]:
                return None
            if before.low in ("another", "one"):
                return 1
        k -= 1
    if k < 0:
        return None
    t = toks[k]
    if is_number(t) or (t.low in SCALE_WORDS and k >= 1 and is_number(toks[k - 1])):
        # "two hundred", "one million", "1,200"
        j = k
        while j - 1 >= 0 and (is_number(toks[j - 1]) or toks[j - 1].low in SCALE_WORDS) and k - j < 3:
            j -= 1
        return word_value(" ".join(x.text for x in toks[j:k + 1]))
    if t.low in ("a", "an", "another", "one", "single") and kind not in (
            "aid", "loan", "grant", "service", "ammunition", "supplies", "troops"):
        return 1
    return None


def find_items(toks: list[Tok], lo: int, hi: int, money_spans, actor_spans,
               one_pot: bool = False) -> list[ItemNP]:
    """Items named in tokens [lo, hi): the first item phrase and those coordinated with it."""
    out: list[ItemNP] = []
    j = lo
    while j < hi:
        if (_head_kind(toks[j].text) and not any(s <= toks[j].start < e for s, e in money_spans)
                and not any(s <= toks[j].start < e for s, e in actor_spans)
                and not (j and toks[j].low in VERBISH and toks[j - 1].low in ("to", "will", "would"))):
            item = item_at(toks, j, hi, money_spans, actor_spans)
            if item:
                out.append(item)
                break
        j += 1
    if not out or one_pot:
        return named_items(toks, out)
    # "fuel, shells, and repairs", "trucks and additional radar systems"
    while True:
        k = _apposition_end(toks, out[-1].last + 1, hi)
        seps = 0
        while k < hi and (toks[k].low in {",", "and", "plus", "as", "well", "alongside"} or (
                toks[k].low in ("along", "together") and k + 1 < hi and toks[k + 1].low == "with")):
            k += 2 if toks[k].low in ("along", "together") else 1
            seps += 1
        if not seps or k >= hi:
            break
        nxt = None
        for j in range(k, min(hi, k + 9)):
            if head_kind(toks, j):
                nxt = item_at(toks, j, hi, money_spans, actor_spans)
                break
            t = toks[j]
            if (t.low == "of" and j > k and toks[j - 1].low in COUNTERS) or (
                    t.low == "up" and j + 1 < hi and toks[j + 1].low == "to") or (
                    t.low == "to" and j > k and toks[j - 1].low == "up"):
                continue      # "an undisclosed number of", "up to four"
            if t.text == "-" and j > k:
                continue      # "forty-five", "short-range"
            if t.low in STOP or not _WORD_CHAR.match(t.text) or t.low.endswith("ing"):
                break     # "..., bringing the total contribution to": a clause, not an item
        if not nxt or nxt.first < k and nxt.first != k:
            break
        out.append(nxt)
    return named_items(toks, out)


# Counters whose "of" phrase is the item: "an undisclosed number of launchers".
COUNTERS = {"number", "numbers", "batch", "batches", "dozens", "hundreds", "thousands", "lot", "lots"}


def _apposition_end(toks: list[Tok], k: int, hi: int) -> int:
    """Skip an apposition on the item before coordination: "a battery, its fourth, along with"."""
    if k + 2 < hi and toks[k].text == "," and toks[k + 1].low in ("its", "their", "the"):
        for j in range(k + 2, min(hi, k + 5)):
            if toks[j].text == ",":
                return j if not any(head_kind(toks, x) for x in range(k + 1, j)) else k
            if toks[j].low in STOP:
                break
    return k


_SPACED_JOINER = re.compile(r"\s+([-/])\s+")


def named_items(toks: list[Tok], items: list[ItemNP]) -> list[ItemNP]:
    for it in items:
        it.text = " ".join(t.text for t in toks[it.first:it.last + 1])
        it.text = _SPACED_JOINER.sub(r"\1", it.text)
    return items


def pick_money(text: str, base: int, lo: int, hi: int):
    """The money a clause pledges: a stated total first, else the first amount that is not one
    side of a ratio ("$1 for each $3") or a conversion in brackets."""
    found = [(base + s, base + e, m) for s, e, m in find_money(text)]
    found = [f for f in found if lo <= f[0] < hi]
    if not found:
        return None
    for s, e, m in found:
        if re.search(r"\btotal\s+(?:of\s+)?(?:some\s+|about\s+|nearly\s+)?$", text[max(0, s - base - 25):s - base]):
            return s, e, m
    for s, e, m in found:
        after = text[e - base:e - base + 12].lower()
        before = text[max(0, s - base - 2):s - base]
        if after.lstrip().startswith("for every") or "(" in before:
            continue
        return s, e, m
    return found[0]


# --- donors ---------------------------------------------------------------------------------

@dataclass
class Cand:
    """A noun phrase that can give: a country, an organisation, a collective, or a pronoun."""
    start: int
    end: int
    text: str
    party: Party | None      # None for a pronoun
    kind: str                # actor | collective | pronoun
    generic: bool = False    # a collective without a known actor ("international donors")
    first: int = 0           # token indexes
    last: int = 0
    extra: dict = field(default_factory=dict)


def party_of(actor: Actor, person: str | None = None) -> Party:
    return Party(name=actor.name, kind=actor.kind if actor.kind in ("country", "organization")
                 else "organization", country=actor.country, person=person)


def _tok_index(toks: list[Tok], offset: int) -> int | None:
    if isinstance(toks, Toks):
        return toks.covering(offset)
    return Toks(toks).covering(offset)


def _starts_with(toks: list[Tok], j: int, phrase: str) -> int:
    """Token count of `phrase` when it starts at token j, else 0."""
    words = phrase.lower().split()
    if j + len(words) > len(toks):
        return 0
    return len(words) if [t.low for t in toks[j:j + len(words)]] == words else 0


def _person_after(toks: list[Tok], j: int) -> tuple[str | None, int]:
    """A title and a name after a country: "Defence Minister Jan Novak" -> name, end;
    also in apposition: "the UK defence secretary, Grant Harlow, said"."""
    v = vocab()
    k = j
    while k < len(toks) and toks[k].low in v["titles"]:
        k += 1
    if k == j:
        return None, j
    names, end = _name_at(toks, k)
    if not names and k + 1 < len(toks) and toks[k].text == "," and toks[k - 1].low not in ("of", "the", "for"):
        names, end = _name_at(toks, k + 1)
        if end < len(toks) and toks[end].text != ",":
            names, end = [], k
    return (" ".join(t.text for t in names) if names else None), end


def _name_at(toks: list[Tok], k: int) -> tuple[list[Tok], int]:
    v = vocab()
    names = []
    while (k < len(toks) and toks[k].cap and toks[k].low not in v["titles"]
           and re.match(r"[A-Z][a-z]", toks[k].text) and len(names) < 3):
        names.append(toks[k])
        k += 1
    return names, k


def people_pattern(people: dict[str, Party] | None) -> re.Pattern | None:
    """One pattern for every person's name, longest first, compiled once per article."""
    if not people:
        return None
    alternation = trie(people)
    return re.compile(rf"\b(?:{alternation})\b(?![\w-])")


def _names_org(inside: list[Cand], text: str, base: int, s: int, e: int) -> bool:
    """Whether a country at the head of an organisation's name is part of that name:
    "Kenya Red Crescent Society", "Haiti Recovery Fund", not "Germany and the Asian Bank"."""
    if len(inside) != 1 or inside[0].party.kind != "country" or inside[0].party.person:
        return False
    c = inside[0]
    if not re.fullmatch(r"(?:[Tt]he\s+)?", text[s - base:c.start - base]) or c.end >= e:
        return False
    nxt = re.match(r" ([A-Z]\w*)", text[c.end - base:])
    return bool(nxt) and nxt.group(1).lower() not in ("and", "of", "the", "for")


def _after_actor(toks: Toks, last: int) -> int:
    """The token after an actor mention ending at token `last`, past a possessive ("Poland's")."""
    k = last + 1
    if k < len(toks) and (toks[k].low in ("’s", "'s") or (
            toks[k].text in ("'", "’") and toks[last].text.endswith("s"))):
        k += 1
    return k


def _titled(toks: Toks, base: int, m, titles) -> bool:
    """Whether a title follows the actor mention m, as _person_after needs to find a person."""
    first, last = _tok_index(toks, base + m.start), _tok_index(toks, base + m.end - 1)
    if first is None or last is None:
        return False
    k = _after_actor(toks, last)
    return k < len(toks) and toks[k].low in titles


def donor_candidates(text: str, base: int, toks: list[Tok], aliases: dict[str, Actor],
                     people: dict[str, Party] | None = None,
                     people_re: re.Pattern | None = None, persons_only: bool = False) -> list[Cand]:
    """`persons_only`: the caller wants only the parties that name a person ("Defence Minister
    Jan Novak"); without people or aliases given, only a country followed by a title names one,
    so a sentence where none does gives none (and an empty list)."""
    v = vocab()
    if not isinstance(toks, Toks):
        toks = Toks(toks)
    cands: list[Cand] = []
    mentions = find_actors(text)
    if persons_only and not people and not aliases and not any(_titled(toks, base, m, v["titles"]) for m in mentions):
        return []          # only a title after a country names a person (_person_after): none here
    for m in mentions:
        s, e = base + m.start, base + m.end
        first, last = _tok_index(toks, s), _tok_index(toks, e - 1)
        if first is None or last is None:
            continue
        k = _after_actor(toks, last)
        inst = 0
        if k < len(toks):
            inst = next((n for inst in v["institutions_by_first"].get(toks[k].low, ())
                         if (n := _starts_with(toks, k, inst))), 0)
        person, pend = _person_after(toks, k)
        if text[m.end:m.end + 1] == "-":
            continue           # "EU-hosted", "US-led", "American-made": a modifier, not a party
        if m.form == "demonym" and not inst and not person and not (
                k < len(toks) and toks[k].low in ("money", "funds", "funding", "cash")):
            continue           # "German tanks" names the maker, not a giver; "Norwegian money" gives
        if k < len(toks) and toks[k].text in ("Facility", "Compact", "Plan", "Mechanism"):
            continue           # "the Ukraine Facility" is named for whom it serves
        if k < len(toks) and toks[k].text.startswith("-"):
            continue
        end_tok = max(last, k + inst - 1 if inst else last, pend - 1 if person else last)
        if (first >= 2 and toks[first - 1].low == "in" and m.actor.kind == "country"
                and toks[first - 2].low in ("government", "authorities", "officials", "cabinet")):
            first -= 2      # "the government in Oslo" acts for Norway
            first -= first >= 1 and toks[first - 1].low == "the"
            s = toks[first].start
        cands.append(Cand(s, toks[end_tok].end, m.text, party_of(m.actor, person), "actor",
                          first=first, last=end_tok, extra={"possessive": k > last + 1 and not inst and not person,
                                                            "money": m.form == "demonym" and not inst and not person}))
    if persons_only and not people and not aliases and not any(c.party.person for c in cands):
        return []
    # An organisation the table lacks, known by the shape of its name: "Asian Development Bank".
    for m in org_shapes(text):
        s, e = base + m.start(), base + m.end()
        inside = [c for c in cands if c.start < e and s < c.end]
        if inside and not _names_org(inside, text, base, s, e):
            continue
        cands = [c for c in cands if c not in inside]
        first, last = _tok_index(toks, s), _tok_index(toks, e - 1)
        if first is not None and last is not None:
            name = re.sub(r"^(?:The|the)\s+", "", m.group(0))
            cands.append(Cand(s, e, name, Party(name=name, kind="organization"), "actor",
                              first=first, last=last))
    # People the article (or a statement) ties to a country: "Irish Prime Minister Ann Kelly".
    if people and people_re is None:
        people_re = people_pattern(people)
    for m in (people_re.finditer(text) if people_re else ()):
        s, e = base + m.start(), base + m.end()
        if any(c.start <= s < c.end for c in cands):
            continue
        first, last = _tok_index(toks, s), _tok_index(toks, e - 1)
        if first is not None and last is not None:
            # "the Bloggs administration", "Bloggs's government" act for the person's country
            k = last + 1
            if k < len(toks) and toks[k].low in ("’s", "'s"):
                k += 1
            if k < len(toks) and toks[k].low in ("administration", "government", "cabinet"):
                last, e = k, toks[k].end
            cands.append(Cand(s, e, m.group(0), Party(**vars(people[m.group(0)])), "actor",
                              first=first, last=last))
    # A short name for an organisation the article named in full: "the Commission".
    for t in (toks if aliases else ()):
        if t.low in aliases and t.cap and not any(c.start <= t.start < c.end for c in cands):
            cands.append(Cand(t.start, t.end, t.text, party_of(aliases[t.low]), "actor",
                              first=t.i, last=t.i))
    # Collectives: "international donors", "other G7 members", "EU member states".
    countries = [(base + m.start, base + m.end) for m in mentions if m.actor.kind == "country"]
    donor_heads = v["donor_heads"]
    for t in [t for t in toks if t.low in donor_heads]:
        if t.i + 1 < len(toks) and toks[t.i + 1].low in COLLECTIVE_NOUNS:
            continue       # "donors conference" is an event, not the donors
        k = t.i - 1
        while k >= 0 and t.i - k <= 5:
            w = toks[k]
            if w.low == "and":
                if not (k >= 1 and toks[k - 1].low in v["donor_modifiers"] and not toks[k - 1].cap):
                    break
            elif w.low in v["donor_modifiers"]:
                pass
            elif not (w.cap and w.low not in ("the", "a") and re.match(r"\w", w.text)
                      and not any(s <= w.start < e for s, e in countries)):
                break
            k -= 1
        first = k + 1
        while first < t.i and toks[first].low == "and":
            first += 1
        mods = [x.low for x in toks[first:t.i]]
        if first == t.i and t.low not in ("donors", "allies", "partners", "backers"):
            continue
        if k >= 0 and is_number(toks[k]) and not mods:
            continue
        s, e = toks[first].start, t.end
        inner = [c for c in cands if c.kind == "actor" and s <= c.start and c.end <= e]
        org = next((c for c in inner if c.party.kind == "organization"), None)
        span_text = " ".join(x.text for x in toks[first:t.i + 1])
        member = " ".join(mods[-1:] + [t.low]) if mods else t.low
        if org and not {"other", "some", "several", "many"} & set(mods) and (
                t.low in v["member_heads"] or member in v["member_heads"]):
            party, generic = org.party, False
        elif inner and t.low in ("governments", "leaders") and not {"other"} & set(mods):
            party, generic = inner[0].party, False
        else:
            party, generic = Party(name=span_text, kind="organization"), not inner
        cands = [c for c in cands if not (s <= c.start and c.end <= e)]
        cands.append(Cand(s, e, span_text, party, "collective", generic=generic, first=first, last=t.i))
    cands += [Cand(t.start, t.end, t.text, None, "pronoun", first=t.i, last=t.i)
              for t in toks if t.low in PRONOUNS]
    for c in cands:
        k = c.first - 1
        if k >= 0 and toks[k].low == "the":
            k -= 1
        c.extra["after_prep"] = k >= 0 and toks[k].low in PREPOSITIONS
    cands.sort(key=lambda c: c.start)
    return cands


def group_left(cands: list[Cand], idx: int, text_of) -> list[Cand]:
    """The candidate at idx and those coordinated before it: "the U.S., Germany and Romania"."""
    group = [cands[idx]]
    j = idx - 1
    while j >= 0 and cands[j].kind != "pronoun" and not cands[j].extra.get("after_prep"):
        gap = text_of(cands[j].end, group[0].start)
        if not re.fullmatch(r"\s*(?:,|,?\s*and|&|,?\s*as well as|,?\s*along with)\s*(?:the\s+)?", gap, re.I):
            break
        group.insert(0, cands[j])
        j -= 1
    return group


def group_right(cands: list[Cand], offset: int, text_of) -> list[Cand]:
    """Candidates coordinated from the first one starting right after offset."""
    after = [c for c in cands if c.start >= offset and c.kind != "pronoun"]
    if not after or not re.fullmatch(r"\s*(?:the\s+)?(?:\d+-\w+\s+)?", text_of(offset, after[0].start), re.I):
        return []
    group = [after[0]]
    for c in after[1:]:
        gap = text_of(group[-1].end, c.start)
        if not re.fullmatch(r"\s*(?:,|,?\s*and|&|,?\s*as well as)\s*(?:the\s+)?", gap, re.I):
            break
        group.append(c)
    return group
