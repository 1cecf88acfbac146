"""The words of strike reporting, read from data/strikes.yaml: weapons, triggers, casualties.

strikes.py decides which sentences report a strike and on which place; this module answers the
smaller questions about one sentence: which weapon, how many killed and injured, what was hit,
and whether "strike" here means something else (a walkout, a goal, a deal).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .alternation import absent, finditer_from, lowered, may_end_with, needles, trie, word_starts
from .numbers import TENS, UNITS, is_at_least, word_value
from .vocabulary import EXTRA, load_table


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    strength: str          # weapon | noun | verb
    weapon: str | None     # class, for weapon words
    phrase: str | None     # the weapon as written ("Kh-101 cruise missiles")


def _alt(words) -> str:
    # Every pattern built from these is compiled IGNORECASE.
    return trie(words, ignore_case=True)


def _words_re(words, ending: bool = False) -> re.Pattern:
    """Any of the words, as a whole word (not inside a longer one or a hyphenated compound);
    `ending`: only where a window of text ends (the word, then spaces, then its end)."""
    return re.compile(rf"(?<![\w-])(?:{_alt(words)})" + (r"\s+$" if ending else r"(?![\w-])"), re.IGNORECASE)


@lru_cache(maxsize=1)
def vocab() -> dict:
    d = load_table("strikes")
    for cls, words in EXTRA["weapons"].items():     # config.yaml vocabulary.weapons
        d["weapons"][cls]["types"] = list(d["weapons"][cls]["types"]) + list(words)
    weapon_of: dict[str, str] = {}
    for cls, spec in d["weapons"].items():
        for w in spec["words"] + spec["types"]:
            weapon_of[w.lower()] = cls
    d["weapon_of"] = weapon_of
    # A named type may run into its class word ("Kh-101 cruise missiles"): one weapon phrase.
    types = [t for spec in d["weapons"].values() for t in spec["types"]]
    words = [w for spec in d["weapons"].values() for w in spec["words"]]
    d["weapon_re"] = re.compile(
        rf"(?<![\w-])(?:(?:{_alt(types)})(?:\s+(?:{_alt(words)}))?|(?:{_alt(words)}))(?![\w-])",
        re.IGNORECASE)
    d["noun_re"] = _words_re(d["strike_nouns"])
    d["verb_re"] = _words_re(d["strike_verbs"])
    d["target_re"] = re.compile(rf"\b(?:{_alt(d['targets'])})\b", re.IGNORECASE)
    d["veto_re"] = _words_re(d["veto_context"])
    d["before_re"] = _words_re(d["not_strike_before"], ending=True)
    d["after_re"] = re.compile(rf"\s+(?:{_alt(d['not_strike_after'])})(?![\w-])", re.IGNORECASE)
    # What the patterns anchored at the end of a window ("...(?:words)\s+$") end with.
    d["before_ends"] = tuple(w.lower() for w in d["not_strike_before"])
    d["ground_bomb_ends"] = tuple(w.lower() for w in d["ground_bombs"])
    d["modal_ends"] = tuple(w.lower() for w in d["hypothetical"])
    d["event_weapon_set"] = {w.lower() for w in d["event_weapons"]}
    d["weapon_only_set"] = {w.lower() for w in d["weapon_only_verbs"]}
    d["ground_bomb_re"] = _words_re(d["ground_bombs"], ending=True)
    d["intercept_re"] = _words_re(d["interception"])
    d["damage_re"] = _words_re(d["damage_words"])
    d["ground_re"] = _words_re(d["ground_attack"])
    d["harm_re"] = re.compile(rf"\b(?:{_alt(d['killed_words'] + d['injured_words'])})\b", re.IGNORECASE)
    d["modal_re"] = _words_re(d["hypothetical"], ending=True)
    d["report_re"] = re.compile(rf"(?<![\w-])(?:{_alt(d['report_verbs'])})\s+(?:on\s+|late\s+|early\s+)?$",
                                re.IGNORECASE)
    d["anaphor_re"] = re.compile(
        rf"(?<![\w-])the\s+(?:(?:{_alt(d['anaphor_modifiers'])})\s+)?(?:{_alt(d['anaphor_nouns'])})(?![\w-])"
        r"(?!\s+of\b)(?!['\u2019]s)(?!\s+(?:council|hall|centre|center|authorities|administration|mayor))", re.IGNORECASE)
    d["site_re"] = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_alt(d['named_sites'])})(?![\w-])", re.IGNORECASE)
    d["supply_re"] = _words_re(d["supply_verbs"])
    d["group_noun_re"] = re.compile(rf"\s+(?:{_alt(d['group_nouns'])})(?![\w-])", re.IGNORECASE)
    d["about_weapons_re"] = re.compile(rf"\s*(?:{_alt(d['not_weapon_after'])})(?![\w-])", re.IGNORECASE)
    d["same_day_re"] = re.compile(
        rf"\b(?:(?:{_alt(d['same_day_lead'])})\s+(?:the\s+)?(?:{_alt(d['times_of_day'])})\b"
        rf"|at\s+(?:about\s+|around\s+|approximately\s+|roughly\s+)?\d{{1,2}}(?:[:.]\d{{2}}\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)"
        r"(?!\s*(?:GMT|UTC|local|Moscow|Kyiv|ET|EST|BST|CET)\b[^,;.]*\b(?:on|yesterday)\b))", re.IGNORECASE)
    # Where a match of weapon_re, noun_re or verb_re can begin (alternation.finditer_from).
    d["weapon_st"] = word_starts(types + words, ignore_case=True)
    d["noun_st"] = word_starts(d["strike_nouns"], ignore_case=True)
    d["verb_st"] = word_starts(d["strike_verbs"], ignore_case=True)
    # Prefilters (alternation.needles): the words each pattern cannot match without.
    for key, table in (("target", "targets"), ("veto", "veto_context"), ("ground", "ground_attack"),
                       ("intercept", "interception"), ("supply", "supply_verbs")):
        d[f"{key}_nd"] = needles(d[table])
    d["harm_nd"] = needles(d["killed_words"] + d["injured_words"])
    d["earlier_re"] = re.compile(rf"(?<![\w-])(?:{_alt(d['earlier_markers'])})\s+(?:[\w-]+\s+){{0,2}}$",
                                 re.IGNORECASE)
    return d


# --- triggers ---------------------------------------------------------------------------

_ANTI = re.compile(r"anti-?\s*$", re.I)
_ANTI_ENDS = ("anti", "anti-")
# Words that veto a trigger sit right before it: read a short window, not the whole text.
_BACK = 60


def triggers(text: str) -> list[Trigger]:
    """Weapon words, strike nouns and strike verbs in a sentence, in order, vetoes applied."""
    v = vocab()
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []   # sorted, non-overlapping spans already claimed
    low = lowered(text)
    for m in finditer_from(v["weapon_re"], v["weapon_st"], text, low):
        before = text[max(0, m.start() - _BACK):m.start()]
        # (may_end_with: a cheap test that the window can end as the pattern needs)
        if may_end_with(before, _ANTI_ENDS) and _ANTI.search(before):  # anti-missile, anti-drone
            continue
        if v["about_weapons_re"].match(text, m.end()):
            continue  # "air raid sirens", "missile defence": about weapons, not a hit
        if may_end_with(before, v["ground_bomb_ends"]) and v["ground_bomb_re"].search(before):
            continue
        phrase = m.group(0)
        cls = _weapon_class(phrase)
        out.append(Trigger(m.start(), m.end(), phrase, "weapon", cls, phrase))
        taken.append((m.start(), m.end()))
    for kind, rx in (("noun", v["noun_re"]), ("verb", v["verb_re"])):
        for m in finditer_from(rx, v[f"{kind}_st"], text, low):
            k = bisect.bisect_right(taken, (m.start(), float("inf"))) - 1
            if k >= 0 and taken[k][0] <= m.start() < taken[k][1]:
                continue
            word = m.group(0).lower()
            before = text[max(0, m.start() - _BACK):m.start()]
            if word.startswith("strik") or word == "struck":
                if (may_end_with(before, v["before_ends"]) and v["before_re"].search(before)) \
                        or v["after_re"].match(text, m.end()):
                    continue
            if kind == "verb" and may_end_with(before, v["modal_ends"]) and v["modal_re"].search(before):
                continue
            out.append(Trigger(m.start(), m.end(), m.group(0), kind, None, None))
            bisect.insort(taken, (m.start(), m.end()))
    if not any(t.strength == "weapon" for t in out):
        only = v["weapon_only_set"]
        out = [t for t in out if t.text.lower() not in only]
    return sorted(out, key=lambda t: t.start)


STRONG_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "shelling", "bombardment",
                "bombardments", "barrage", "barrages", "salvo", "salvoes", "raid", "raids",
                # verbs that only ever mean fire from a distance
                "shelled", "bombed", "bombarded", "bombarding", "rocketed"}


def is_strike_sentence(text: str, trigs: list[Trigger], weak_allowed: bool = True) -> bool:
    """Whether a sentence reports an attack from a distance at all (before any place).

    `weak_allowed`: whether "attacked" with a target or a toll may count, which it only may in
    an article that names weapons somewhere (else "protesters attacked a police station")."""
    v = vocab()
    has_weapon = any(t.strength == "weapon" for t in trigs)
    event_weapon = any(t.strength == "weapon" and t.text.lower() in v["event_weapon_set"] for t in trigs)
    has_strong_noun = any(t.strength in ("noun", "verb") and t.text.lower() in STRONG_NOUNS for t in trigs)
    has_attack_word = any(t.strength in ("noun", "verb") for t in trigs)
    casualties = bool(find_killed(text)[0] is not None or find_injured(text)[0] is not None)
    # (a target and harm words are looked for only where the answer depends on them; each
    # pattern only where its words occur at all)
    low = lowered(text)

    def found(key: str) -> bool:
        return not absent(v[f"{key}_nd"], low) and v[f"{key}_re"].search(text) is not None

    if not (has_weapon or casualties) and found("veto"):
        return False
    if not has_weapon and found("ground"):
        return False
    if found("intercept") and not v["damage_re"].search(v["intercept_re"].sub(" ", text)):
        return False  # "air defences shot down 20 drones over the region": nothing was hit
    if event_weapon or has_strong_noun:
        return True
    if has_weapon:
        harmed = casualties or found("harm")
        if not (has_attack_word or harmed) and found("supply"):
            return False  # "Canada is sending 800 drones ..." with a factory named in passing
        return has_attack_word or harmed or found("target")
    if not trigs or not weak_allowed:
        return False
    return found("target") or casualties


@lru_cache(maxsize=1024)  # a handful of weapon phrases recur across every article
def _weapon_class(phrase: str) -> str | None:
    weapon_of = vocab()["weapon_of"]
    low = phrase.lower()
    if low in weapon_of:
        return weapon_of[low]
    # "Kh-101 cruise missiles": the class word decides; a bare type name falls back to its class.
    for w in sorted(weapon_of, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(w)}$", low):
            return weapon_of[w]
    for w in sorted(weapon_of, key=len, reverse=True):
        if re.match(rf"{re.escape(w)}(?![\w-])", low):
            return weapon_of[w]
    return None


@lru_cache(maxsize=1024)   # a handful of weapon phrases recur across every article
def weapon_label(phrase: str, cls: str) -> str:
    """A weapon phrase that names its class: "Shahed" -> "Shahed drone", "Kalibr" -> "Kalibr missile"."""
    p = re.sub(r"\s+", " ", phrase.strip())
    if not _type_re().match(p):
        if not re.match(r"[A-Z]{2,}\b", p):  # "FPV drone" keeps its acronym
            p = p[:1].lower() + p[1:]  # sentence-initial "Cruise missiles"; "Shahed" keeps its capital
    low = p.lower()
    if cls == "airstrike":
        if re.search(r"\b(?:air\s*strikes?|airstrikes?)\b", low):
            return "airstrike"
        return f"{_singular(p)} airstrike" if not re.search(r"\b(?:bombs?|bombing|air)\b", low) else _singular(p)
    if cls == "artillery":
        if re.fullmatch(r"artillery(?: fire| shells?)?|shells?|shelling|shellings", low):
            return "artillery"
        return f"{_singular(p)} (artillery)"
    if re.search(rf"\b{cls}s?\b", low):
        return _singular(p)
    return f"{p} {cls}"


@lru_cache(maxsize=1)
def _type_re() -> re.Pattern:
    types = [t for spec in vocab()["weapons"].values() for t in spec["types"]]
    return re.compile(rf"(?:{_alt(types)})(?![\w-])", re.I)


def _singular(p: str) -> str:
    return re.sub(r"(?<=[a-z])s$", "", p) if not p.lower().endswith(("ss", "us")) else p


# --- casualties ---------------------------------------------------------------------------

_NUMWORDS = [w for w in list(UNITS) + list(TENS) if w not in ("a", "an", "single", "couple", "pair", "zero")]
NUM = (r"(?<![\w-])(?P<num>\d{1,3}(?:,\d{3})+|\d+|(?:" + _alt(_NUMWORDS) + r")(?:[\s-](?:" + _alt(_NUMWORDS)
       + r"))?)(?!\d)(?![A-Za-z])(?![:.,]\d)")


class _Cue:
    """Whether a text holds one of some literal words, as the IGNORECASE pattern of them
    finds: in ASCII text a search of the lower-cased text for the words (alternation.needles),
    much cheaper than the pattern."""

    def __init__(self, words, pattern: re.Pattern):
        # (only plain words: a pattern's alternatives with any syntax are left to the pattern)
        plain = all(re.fullmatch(r"[A-Za-z' -]+", w) for w in words)
        self.needles = needles(words) if plain else None
        self.starts = word_starts(words, ignore_case=True) if plain else None   # where one begins
        self.pattern = pattern

    def found(self, text: str, low: str | None) -> bool:
        """`low`: alternation.lowered(text)."""
        if low is not None and self.needles is not None:
            return self.needles.search(low) is not None
        return self.pattern.search(text) is not None


def _cue(words) -> _Cue:
    """The _Cue of some plain words."""
    return _Cue(words, re.compile("|".join(words), re.I))


_TOLL_VERBS = {"killed": "killing|killed|kills|kill|claimed the lives of",
               "injured": "wounding|wounded|injuring|injured|injures|wounds|hurting|hurt"}


@lru_cache(maxsize=1)
def _casualty_patterns():
    """Per kind, (cue, pattern, starts, cue2 or None) in the order the patterns are tried. The cue finds
    the word its pattern cannot match without (a casualty word, a verb of harm, "toll", "loss" or
    "lives"), as the pattern matches it: a sentence without it need not be searched. `starts`
    finds where a match can begin, for alternation.finditer_from. Some patterns need a second
    word as well ("were", "of whom"): most sentences with a casualty word lack it, and looking
    for it is cheaper than trying the pattern at every number."""
    v = vocab()
    fill = _alt(v["people_words"] + ["were", "was", "had", "been", "have", "has", "are", "is",
                                     "reportedly", "confirmed", "other", "also", "seriously",
                                     "critically", "severely", "lightly", "slightly", "people's"])
    filler = rf"(?:[A-Z][a-z]+s\s+)?(?:(?:{fill})\s+){{0,5}}"
    at_number = _AT_NUMBER   # the patterns that begin with NUM
    pats = {}
    for kind, words in (("killed", v["killed_words"]), ("injured", v["injured_words"])):
        w = _alt(words)
        verbs = _TOLL_VERBS[kind]
        has_word, has_verb = _Cue(words, re.compile(w, re.I)), _Cue(verbs.split("|"), re.compile(verbs, re.I))
        at_verb = has_verb.starts   # where a match starting with the verb can begin
        were_been = _cue(["were", "been"])
        pats[kind] = [
            (has_word, re.compile(rf"(?<![\w-]){NUM}\s+(?:of\s+(?:whom|them)\s+(?:were|had\s+been|have\s+been)\s+)"
                                  rf"(?:{w})\b", re.I), at_number, _cue(["whom", "them"])),
            (has_word, re.compile(rf"(?<![\w:-]){NUM}\s+{filler}(?:{w})\b", re.I), at_number),
            # "eleven people in the neighbouring houses were wounded"
            (has_word, re.compile(rf"(?<![\w:-]){NUM}\s+(?:{_alt(v['people_words'])})\s+(?:in|at|inside|near)\s+(?:the\s+)?"
                                  rf"(?:[\w-]+\s+){{1,3}}?(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:{w})\b", re.I),
             at_number, were_been),
            # "two of our drivers were killed", "three of the workers were wounded"
            (has_word, re.compile(rf"(?<![\w:-]){NUM}\s+of\s+(?:our|their|its|the|his|her)\s+(?:[\w-]+\s+){{1,2}}?"
                                  rf"(?:were|have\s+been|had\s+been|are)\s+(?:\w+\s+)?(?:{w})\b", re.I), at_number,
             _cue(["were", "been", "are"])),
            (has_verb, re.compile(rf"\b(?:{verbs})\s+(?:an\s+estimated\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?"
                                  rf"(?P<hedge>at\s+least\s+|more\s+than\s+|over\s+|some\s+)?{NUM}"
                                  rf"(?!\s+(?:years?|months?|days?|hours?|minutes?|kilomet|miles?|metres?|km)\b)", re.I),
             at_verb),
        ]
        one = _alt(v["person_words"])
        pats[kind].append((has_word, re.compile(
            rf"\b(?P<num>a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{one})\s+(?:was|has\s+been|had\s+been)\s+"
            rf"(?:\w+\s+)?(?:{w})\b", re.I), None, _cue(["was", "been"])))   # ("a" starts too often to look for)
        pats[kind].append((has_verb, re.compile(
            rf"\b(?:{verbs})\s+(?P<num>a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{one})\b", re.I), at_verb))
        # "injuring the driver": one person named by role.
        pats[kind].append((has_verb, re.compile(
            rf"\b(?:{verbs})\s+the\s+(?:[\w-]+\s+)?(?P<num>)(?:{one})\b(?!\s+(?:and|of)\b)", re.I), at_verb))
        if kind == "killed":
            pats[kind].append((_Cue(["toll"], re.compile("toll", re.I)), re.compile(
                rf"\b(?:death\s+)?toll\b[^.;]{{0,80}}?\b(?:to|at|reached|of)\s+(?P<hedge>at\s+least\s+)?{NUM}"
                rf"(?!\s+(?:\w+\s+)?(?:wounded|injured|hurt|injuries)\b)", re.I),
                word_starts(["death", "toll"], ignore_case=True)))
            pats[kind].append((_Cue(["loss", "lives"], re.compile("loss|lives", re.I)), re.compile(
                rf"\b(?:loss|lives)\s+of\s+(?P<hedge>at\s+least\s+)?{NUM}\s+(?:lives|people)", re.I),
                word_starts(["loss", "lives"], ignore_case=True)))
    return {kind: [p if len(p) == 4 else p + (None,) for p in ps] for kind, ps in pats.items()}


_NONE_BEFORE = re.compile(r"\b(?:no|not|none|nobody)\s+$", re.I)

# A pattern beginning with NUM can only match where a digit or a number word starts a word:
# those places are found once per text for all such patterns (the words' alternation finds
# its candidates fast, and the few inside words are dropped by NUM's own lookbehind test).
_AT_NUMBER = "at a number"
_NUMBER_WORDS = word_starts(_NUMWORDS, ignore_case=True)
_NUMBER_START = re.compile(r"\d|" + _NUMBER_WORDS.pattern) if _NUMBER_WORDS is not None else None


def _number_starts(low: str) -> list[int]:
    """Where NUM, whose lookbehind is (?<![\\w-]), may begin in lower-cased ASCII text."""
    out, pos = [], 0
    while (c := _NUMBER_START.search(low, pos)) is not None:
        k = c.start()
        if k == 0 or not (low[k - 1].isalnum() or low[k - 1] in "_-"):
            out.append(k)
        pos = k + 1      # (candidates may overlap: "a dozen" holds "dozen")
    return out


def _matches_at(rx: re.Pattern, starts: list[int], text: str):
    """rx.finditer(text) for a pattern that never matches empty and can only begin at one of
    the sorted `starts`: the leftmost match from where the last one ended is at the first
    start from there where rx matches."""
    pos = 0
    for k in starts:
        if k >= pos and (m := rx.match(text, k)) is not None:
            yield m
            pos = m.end()


@lru_cache(maxsize=4096)  # one sentence is asked about its toll from several places
def _find(text: str, kind: str) -> tuple[int | None, bool, int]:
    best, at_least, pos = None, False, -1
    cued: dict[_Cue, bool] = {}
    low = lowered(text)
    numbers = None
    for cue, rx, starts, also in _casualty_patterns()[kind]:
        if cue not in cued:
            cued[cue] = cue.found(text, low)
        if not cued[cue] or (also is not None and not also.found(text, low)):
            continue
        if starts is _AT_NUMBER:
            if numbers is None and low is not None and _NUMBER_START is not None:
                numbers = _number_starts(low)
            found = rx.finditer(text) if numbers is None else _matches_at(rx, numbers, text)
        else:
            found = finditer_from(rx, starts, text, low)
        for m in found:
            raw = m.group("num")
            if _NONE_BEFORE.search(text[:m.start("num")]):
                continue  # "no one was hurt"
            value = 1 if raw.lower() in ("a", "an", "") else word_value(raw)
            if value is None or value > 100000 or (len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2100):
                continue
            hedged = bool(m.groupdict().get("hedge")) or is_at_least(text[:m.start("num")])
            if best is None or value > best:
                best, at_least, pos = value, hedged, m.start()
    return best, at_least, pos


def find_killed(text: str) -> tuple[int | None, bool]:
    value, hedged, _ = _find(text, "killed")
    return value, hedged


def find_injured(text: str) -> tuple[int | None, bool]:
    value, hedged, _ = _find(text, "injured")
    return value, hedged


def find_target(text: str) -> str | None:
    v = vocab()
    if absent(v["target_nd"], lowered(text)):
        return None
    m = v["target_re"].search(text)
    return m.group(0).lower() if m else None


_OF_WHICH_HIT = re.compile(rf"[^.;]*?,\s*{NUM}\s+of\s+which\s+(?:hit|struck|landed)", re.I)
_COUNT_BEFORE = re.compile(rf"{NUM}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
_DIGIT = re.compile(r"\d")


def find_count(text: str, trig: Trigger) -> int | None:
    """ "four rocket attacks, two of which hit" -> 2; "three missile attacks" -> 3."""
    after = text[trig.end:trig.end + 40]
    m = _OF_WHICH_HIT.match(after)
    if m:
        return word_value(m.group("num"))
    m = _COUNT_BEFORE.search(text[max(0, trig.start - 40):trig.start])
    if m and not _DIGIT.search(text[trig.start - 2:trig.start]):
        return word_value(m.group("num"))
    return None
