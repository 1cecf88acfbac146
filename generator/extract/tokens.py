"""The grammar of speaker phrases: tokens, and the noun phrase on either side of a reporting
verb. `attributions` builds the attribution clauses from them.

There is no parser: a speaker phrase is a run of capitalised words, titles and organisation
nouns ("Latvia's General Staff", "the regional governor", "Belgian Prime Minister Jan Peeters")
read outward from the verb, which is robust on news prose and easy to explain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import dates
from .names import DETERMINERS, NAME_PARTICLES, PRONOUNS, is_cap, strip_possessive, vocab
from .quotes import Quote, near

CONJUNCTIONS = {"and", "but", "that", "what", "while", "as", "when", "after", "because", "although",
                "though", "so", "where", "which", "who", "whom", "since", "before", "if", "until",
                "yet", "or", "then", "however", "also", "meanwhile", "whereas"}
QUANTIFIERS = {"two", "three", "four", "five", "several", "many", "some", "both", "other",
               "few", "multiple", "numerous", "dozens", "hundreds"}
PARTICLES = {"on", "for", "off", "up", "in", "out", "back", "upon"}
PASSIVE = {"was", "were", "is", "are", "been", "be", "being"}
SEPARATORS = {",", ";", ":", "\u2014", "\u2013", "--", "-", "(", ")"}
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2033"
INNER_CONNECTORS = {"of", "for", "and", "in", "on"}

# (Every token starts with a non-space: the lookahead turns spaces away before the branches.)
_TOKEN = re.compile(r"(?=\S)(?:--|\w+(?:[.'\u2019\-&/]\w+)*(?:\.['\u2019]s\b|\.?['\u2019]?)|[^\w\s])")
_ABBREV = re.compile(r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|"
                     r"St|Jr|Sr|No|Prof|Rev|Cmdr)\.")
# Every non-space character starts a token (\w or [^\w\s]), so only whitespace lies between
# tokens: findall of (space, token) pairs finds the tokens _TOKEN.finditer does, and their
# offsets follow from the lengths -- without a match object and three method calls per token.
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    quoted: bool


def tokenize(body: str, start: int, end: int, quotes: list[Quote]) -> list[Tok]:
    # Only the quotes overlapping the unit can hold its tokens (usually none). They are sorted
    # and disjoint: only the last one opening before a token can hold it, and the tokens come
    # in order, so one forward pointer finds it.
    inside = near(quotes, start, end)
    toks = []
    qi, pos = 0, start
    for space, t in _SPACED_TOKEN.findall(body, start, end):
        s = pos + len(space)
        e = pos = s + len(t)
        if t[-1] == "." and len(t) > 1 and not _ABBREV.fullmatch(t):
            t, e = t[:-1], e - 1
        inq = False
        if inside:
            while qi + 1 < len(inside) and inside[qi + 1].start < s:
                qi += 1
            q = inside[qi]
            inq = q.start < s and e <= q.end - (1 if q.closed else 0) and t not in QUOTE_CHARS
        toks.append(Tok(t, s, e, inq))
    return toks


@lru_cache(maxsize=1)
def _sets():
    v = vocab()
    mods = {w.lower() for w in v["np_modifiers"]}
    generic_heads = {g.split()[-1] for g in v["generic_set"]}
    out = {
        "lower_ok": v["title_words"] | v["org_head_words"] | mods | generic_heads
        | {w for h in v["org_head_set"] for w in h.split()},
        "heads": v["title_words"] | v["org_head_words"] | generic_heads
        | {h.split()[-1] for h in v["org_head_set"]},
        "adverbs": {a.lower() for a in v["verb_adverbs"]},
        "function_caps": set(v["function_caps"]),
        "months": set(dates.MONTHS) | {m.capitalize() for m in dates.MONTHS},
        "weekdays": {d.capitalize() for d in dates.WEEKDAYS},
    }
    # Lower-case words that may open a subject phrase (subject_at_start), or stand in one
    # (_np_ok), united once.
    out["opening_ok"] = out["lower_ok"] | DETERMINERS | NAME_PARTICLES
    out["np_lower_ok"] = out["lower_ok"] | NAME_PARTICLES | INNER_CONNECTORS | DETERMINERS
    return out


def _np_ok(tok: Tok) -> bool:
    if tok.quoted:
        return False
    t = tok.text
    if t[0] in QUOTE_CHARS or not (t[0].isalnum()):
        return False
    if is_cap(t):
        return True
    return strip_possessive(t).lower() in _sets()["np_lower_ok"]


def _head_ok(tok: Tok) -> bool:
    t = strip_possessive(tok.text)
    return (is_cap(t) and not t[0].isdigit()) or t.lower() in _sets()["heads"]


def _boundary_ok(toks: list[Tok], k: int) -> bool:
    """What stands before a subject phrase at k: nothing, punctuation or a conjunction."""
    if k < 0:
        return True
    t = toks[k].text
    if t.isdigit() or t.lower() in QUANTIFIERS:
        # "Two Ukrainian officials said": a count before the phrase, itself at a boundary.
        return _boundary_ok(toks, k - 1)
    return (not t[0].isalnum()) or t.lower() in CONJUNCTIONS or t.lower() in ("said", "added")


def _starts_clause(toks: list[Tok], k: int) -> bool:
    """A finite verb at k: what came before it is a clause's subject, not a speaker."""
    if k >= len(toks):
        return False
    t = toks[k].text
    low = t.lower()
    if not t[0].islower():
        return False
    return low in vocab()["finite_markers"] or (low.endswith("ed") and len(low) > 4)


_DATE_LEAD = {"in", "on", "since", "by", "until", "till", "last", "next", "early", "late", "mid",
              "of", "from", "through", "-", "between", "before", "after"}


def _is_month(toks: list[Tok], k: int) -> bool:
    """A month name used as a date ("May 5", "in May"), not as a name ("Jan Peeters", "Theresa
    May")."""
    if toks[k].text not in _sets()["months"]:
        return False
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    prev = toks[k - 1].text.lower() if k else ""
    return nxt[:1].isdigit() or prev[:1].isdigit() or prev in _DATE_LEAD


def _clean_np(toks: list[Tok], i: int, j: int) -> int | None:
    """Start index of a valid speaker phrase in toks[i:j] (j exclusive), or None."""
    s = _sets()
    # A sentence-opening word, date or number cuts the phrase: "On Friday Varga said".
    for k in range(j - 1, i - 1, -1):
        t = toks[k].text
        if t in s["function_caps"] or t in s["weekdays"] or (t in s["months"] and _is_month(toks, k)) or \
                (t[0].isdigit() and not (k > i and toks[k - 1].text in ("No", "No."))):
            i = k + 1
            break
    while i < j and (toks[i].text.lower() in INNER_CONNECTORS or (
            toks[i].text.lower() in NAME_PARTICLES and not _particle_run(toks, i, j))):
        i += 1
    if i >= j:
        return None
    # The head of "the head of the region" is "head": the word before "of".
    of = next((k for k in range(i + 1, j) if toks[k].text.lower() in ("of", "for", "to")), j)
    if not _head_ok(toks[of - 1]) or not any(_head_ok(t) for t in toks[i:j]):
        return None
    if all(t.text.lower() in DETERMINERS for t in toks[i:j]):
        return None
    return i


def _title_to(toks: list[Tok], k: int) -> bool:
    """ "ambassador to NATO", "envoy to the talks": "to" after a title stays in the phrase."""
    return toks[k].text == "to" and k > 0 and \
        strip_possessive(toks[k - 1].text).lower() in vocab()["title_words"]


def _particle_run(toks: list[Tok], i: int, j: int) -> bool:
    """ "von der Leyen": particles that lead into a capitalised surname."""
    while i < j and toks[i].text.lower() in NAME_PARTICLES:
        i += 1
    return i < j and is_cap(toks[i].text)


def _left_np(toks: list[Tok], v: int) -> tuple[int, str] | None:
    """The speaker phrase ending just before the verb at v: (start token index, phrase)."""
    s = _sets()
    j = v - 1
    while j >= 0:
        low = toks[j].text.lower()
        if toks[j].text == ")" and j >= 2 and toks[j - 2].text == "(":
            j -= 3  # "the Baltic News Service (BNS) said"
        elif low in s["adverbs"] and low not in PRONOUNS:
            j -= 1
        else:
            break
    if j < 0:
        return None
    if toks[j].text.lower() in PRONOUNS and not toks[j].quoted:
        return (j, toks[j].text) if _boundary_ok(toks, j - 1) else None
    suffix = ""
    end = j + 1
    if toks[j].text == ",":
        # "Varga, speaking in Szeged, said" / "Koval, the governor of Sumy, said" /
        # "the regional governor, Ivan Sokol, said"
        relative = False
        while True:
            k = j - 1
            while k >= 0 and j - k < 25 and toks[k].text not in (",", ";", ":") and \
                    not toks[k].quoted and toks[k].text not in QUOTE_CHARS:
                k -= 1
            if k < 1 or toks[k].text != "," or k == j - 1:
                if not relative:
                    return None
                k, inner = j, []
                break
            inner = toks[k + 1:j]
            if inner[0].text.lower() not in ("who", "whose") or not toks[k - 1].text[0].isalnum():
                break
            # "Olena Marko, 58, who lives across the road, told ...": the relative clause
            # describes the speaker; the name stands before it.
            j, relative = k, True
        first = inner[0].text if inner else ""
        if not inner or all(t.text.isdigit() for t in inner):
            pass   # an age: "Margaret Ellery, 71, said"
        elif first.lower() in DETERMINERS or strip_possessive(first).lower() in vocab()["title_words"]:
            suffix = ", " + " ".join(t.text for t in inner)
        elif all(is_cap(t.text) or t.text.lower() in NAME_PARTICLES for t in inner):
            # Role first, then the name: the phrase before the comma must hold a title.
            r = k
            while r - 1 >= 0 and _np_ok(toks[r - 1]):
                r -= 1
            if not any(strip_possessive(t.text).lower() in vocab()["title_words"]
                       or strip_possessive(t.text).lower() in vocab()["org_head_words"]
                       for t in toks[r:k]):
                # "Somerset's director of cricket, Elaine Foxley, said": a title with a plain
                # complement, from the clause boundary.
                r = _titled_role_start(toks, k)
                if r is None:
                    return None
                return r, " ".join(t.text for t in toks[r:k]) + ", " + " ".join(
                    t.text for t in inner)
            suffix = ", " + " ".join(t.text for t in inner)
        elif is_cap(first):
            return None
        end = k
    i = end
    while i - 1 >= 0 and (_np_ok(toks[i - 1]) or _title_to(toks, i - 1)):
        i -= 1
        if toks[i].text.lower() in DETERMINERS and not (
                i > 0 and (toks[i - 1].text.lower() in ("of", "for") or _title_to(toks, i - 1))
                and i - 1 > 0
                and _np_ok(toks[i - 2])):
            break
    start = _clean_np(toks, i, end)
    if start is None:
        return None
    if start > 0 and toks[start - 1].text.lower() in DETERMINERS:
        start -= 1
    if not _boundary_ok(toks, start - 1) and not _after_time_phrase(toks, start - 1):
        start = _modified_np(toks, start) if suffix or not _is_name_run(toks, start, end) else (
            _modified_np(toks, start) or _role_lead(toks, start))
        if start is None:
            return None
    phrase = " ".join(t.text for t in toks[start:end]) + suffix
    return start, phrase


def _is_name_run(toks: list[Tok], i: int, j: int) -> bool:
    """Two or more capitalised words that are not titles: a personal name."""
    words = toks[i:j]
    return len(words) >= 2 and all(is_cap(t.text) and t.text[0].isalpha() and
                                   strip_possessive(t.text).lower() not in vocab()["title_words"]
                                   for t in words)


def _plain_word(tok: Tok) -> bool:
    """A lower-case word that may describe a person ("farmer", "station manager"), not a verb
    or a function word."""
    t = tok.text
    low = t.lower()
    v = vocab()
    return not tok.quoted and t.replace("-", "").isalpha() and t[0].islower() and \
        low not in CONJUNCTIONS and low not in v["verb_forms"] and \
        low not in v["finite_markers"] and low not in PRONOUNS and low not in DETERMINERS and \
        low not in _DATE_LEAD and low not in PASSIVE and \
        not (low.endswith(("ed", "ing")) and len(low) > 4 and low not in v["title_words"])


def _role_lead(toks: list[Tok], start: int) -> int | None:
    """ "farmer Tom Pegg said", "EIB vice-president Katrin Ostermann said": a lower-case role
    noun, perhaps after an organisation's name, before a personal name at a clause boundary."""
    k = start - 1
    while k >= 0 and start - k <= 2 and _plain_word(toks[k]):
        k -= 1
    if k == start - 1:
        return None
    m = k
    while m >= 0 and k - m < 2 and is_cap(toks[m].text) and toks[m].text[0].isalpha() and \
            not toks[m].quoted and toks[m].text not in _sets()["function_caps"]:
        m -= 1
    for stop in (m, k):
        if stop >= 0 and toks[stop].text.lower() in DETERMINERS and _boundary_ok(toks, stop - 1):
            return stop
        if _boundary_ok(toks, stop):
            return stop + 1
    return None


def _titled_role_start(toks: list[Tok], k: int) -> int | None:
    """Where a role phrase ending at k starts, if it holds a title and opens at a clause
    boundary: "the Scottish Liberal Democrat candidate for the Western Isles"."""
    v = vocab()
    r = k
    while r - 1 >= 0 and k - r < 10:
        t = toks[r - 1]
        low = t.text.lower()
        if t.quoted or not t.text[0].isalnum() or low in CONJUNCTIONS or low in v["verb_forms"] \
                or low in v["finite_markers"] or low in PRONOUNS or (
                t.text[0].islower() and low.endswith("ed") and len(low) > 4):
            break
        r -= 1
    if r == k or not _boundary_ok(toks, r - 1):
        return None
    if not any(strip_possessive(t.text).lower() in v["title_words"] for t in toks[r:k]):
        return None
    return r


_TIME_WORDS = {"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
               "today", "yesterday", "tonight", "overnight", "day", "earlier", "later", "a.m",
               "p.m", "a.m.", "p.m."}


def _after_time_phrase(toks: list[Tok], k: int) -> bool:
    """ "On Friday Ivan Sokol said", "Last week the ministry said": a time phrase opening the
    clause stands between the boundary and the speaker."""
    s = _sets()
    dated = False
    while k >= 0:
        t = toks[k].text
        low = t.lower()
        if t in s["weekdays"] or _is_month(toks, k) or t in s["months"] or t[:1].isdigit() \
                or low in _TIME_WORDS:
            dated = True
        elif not (t in s["function_caps"] or low in _DATE_LEAD or t == ","):
            break
        k -= 1
    return dated and _boundary_ok(toks, k)


def _modified_np(toks: list[Tok], start: int) -> int | None:
    """ "the resistance group", "the territory's Health Ministry": a determiner, then up to
    three plain words modifying the head. Only a determiner at a clause boundary makes them part
    of the speaker phrase; otherwise they belong to the sentence before it."""
    k = start - 1
    while k >= 0 and start - k <= 3 and toks[k].text.lower() not in DETERMINERS and \
            toks[k].text[0].isalpha() and toks[k].text[0].islower() and not toks[k].quoted and \
            toks[k].text.lower() not in CONJUNCTIONS and \
            toks[k].text.lower() not in vocab()["verb_forms"]:
        k -= 1
    if k >= 0 and k < start - 1 and is_cap(toks[k].text) and \
            toks[k].text.endswith(("'s", "\u2019s")) and _boundary_ok(toks, k - 1):
        return k   # "Latvia's state-run news service LETA"
    if k < 0 or k == start - 1 or toks[k].text.lower() not in DETERMINERS or \
            not _boundary_ok(toks, k - 1):
        return None
    return k


def _right_np(toks: list[Tok], v: int) -> tuple[int, str] | None:
    """The speaker phrase just after the verb ("said Carver", "said the ministry")."""
    i = v + 1
    j = i
    stops = _sets()["function_caps"] | _sets()["weekdays"]
    if i + 2 < len(toks) and toks[i].text.lower() in DETERMINERS:
        # "the shadow National Unity Government": plain words between a determiner and a name.
        k = i + 1
        while k < len(toks) and k - i <= 2 and toks[k].text.isalpha() and toks[k].text.islower() \
                and not _np_ok(toks[k]) and toks[k].text not in vocab()["verb_forms"]:
            k += 1
        if k > i + 1 and k < len(toks) and not toks[k].quoted and (
                is_cap(toks[k].text) or toks[k].text.lower() in vocab()["title_words"]):
            j = plain_end = k
    plain_end = j if j > i else None
    lead = None
    if plain_end is not None and plain_end < len(toks) and toks[plain_end].text.lower() in \
            vocab()["title_words"] and not is_cap(toks[plain_end].text):
        lead = i   # "said the station manager, Gary Loades": the plain words are the role's
    if plain_end is None and i < len(toks) and _plain_word(toks[i]):
        # "said station manager Gary Loades": a lower-case role before a personal name.
        k = i
        while k < len(toks) and k - i < 3 and _plain_word(toks[k]):
            k += 1
        m = k
        while m < len(toks) and is_cap(toks[m].text) and not toks[m].quoted:
            m += 1
        if k > i and _is_name_run(toks, k, m):
            lead, j = i, k
            plain_end = k
    while j < len(toks) and _np_ok(toks[j]) and toks[j].text not in stops and \
            not _is_month(toks, j) and (
            j == i or toks[j].text.lower() not in DETERMINERS
            or toks[j - 1].text.lower() in ("of", "for")):
        j += 1
    while j > i and toks[j - 1].text.lower() in INNER_CONNECTORS:
        j -= 1
    if j == i or (plain_end is None and _clean_np(toks, i, j) != i) or (
            plain_end is not None and _clean_np(toks, plain_end, j) != plain_end):
        return None
    if lead is not None:
        plain_end = lead
    phrase = " ".join(t.text for t in toks[plain_end if plain_end is not None else i:j])
    # An appositive role: "said Petro Koval, the governor of Sumy region."
    titled = any(strip_possessive(t.text).lower() in vocab()["title_words"] for t in toks[i:j])
    if j + 1 < len(toks) and toks[j].text == "," and (
            toks[j + 1].text.lower() in DETERMINERS
            or toks[j + 1].text.lower() in vocab()["title_words"]
            or (titled and is_cap(toks[j + 1].text))):
        k = j + 1
        while k < len(toks) and _np_ok(toks[k]):
            k += 1
        k = _role_tail(toks, k)
        phrase += ", " + " ".join(t.text for t in toks[j + 1:k])
        j = k
    return j - 1, phrase


def _role_tail(toks: list[Tok], k: int) -> int:
    """ "the EU's foreign policy chief": plain words that end in a title and then punctuation
    finish an appositive role."""
    heads = _sets()["heads"]
    m = k
    while m < len(toks) and m - k < 4 and toks[m].text.isalpha() and not toks[m].quoted and \
            toks[m].text.lower() not in CONJUNCTIONS and \
            toks[m].text.lower() not in vocab()["verb_forms"]:
        m += 1
    if m > k and (m == len(toks) or not toks[m].text[0].isalnum()) and \
            toks[m - 1].text.lower() in heads:
        return m
    return k


def subject_at_start(body: str, start: int, end: int, toks: list[Tok] | None = None) -> str | None:
    """The capitalised phrase opening a sentence, if it names someone ("Prime Minister Jan
    Peeters confirmed ..."), for pronoun resolution. `toks` may be the sentence's tokens, already
    made; a quotation mark ends the phrase either way."""
    if toks is None:
        toks = tokenize(body, start, min(end, start + 200), [])
    i = 0
    opening = _sets()["opening_ok"]
    while i < len(toks) and ((_np_ok(toks[i]) and (
            is_cap(toks[i].text) or toks[i].text.lower() in opening)) or (i > 0 and _title_to(toks, i))):
        i += 1
    if i == 0 or i >= len(toks) or toks[i].text.lower() in ("and", "&"):
        return None
    if toks[0].text in _sets()["function_caps"]:
        return None
    phrase = " ".join(t.text for t in toks[:i])
    if toks[i].text == ",":
        # "Egypt's deputy foreign minister, Karim Fahmy, arrived ...": the name in apposition.
        j = i + 1
        while j < len(toks) and is_cap(toks[j].text) and toks[j].text[0].isalpha() or (
                j < len(toks) and toks[j].text.lower() in NAME_PARTICLES):
            j += 1
        if j > i + 1 and j < len(toks) and toks[j].text == ",":
            phrase += ", " + " ".join(t.text for t in toks[i + 1:j])
    return phrase
