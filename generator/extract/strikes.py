"""Strikes: where missiles, rockets, drones, aircraft and artillery hit a named place.

A sentence reports a strike when it has a weapon word, a strike noun ("an Israeli strike"),
or an attack word together with a target or casualties; "strike" as a walkout, a goal or a
deal is vetoed by its neighbours (data/strikes.yaml). A place counts as hit only when grammar
ties it to the strike: the object of a preposition after the strike word ("strikes on
Poltava", "hit a factory in Lviv"), the object of a strike verb ("shelled Kherson"), a
fronted locative ("In the village of Petrivka, ... a single missile"), or the subject of a passive
("Kyiv was hit"). A place after "from" (the launch site) or inside an attacker's phrase is not.

An article tells one incident several times: a lead, a quote, a toll update. Mentions of one
place merge into one event unless their dates differ or one is marked as an earlier incident
("a previous strike"); tolls keep the highest figure reported, since updates only rise.
Sentences that name no place hand their details to the incident they continue; one on another
day, or a feature's lone placeless incident, falls on the article's home place (strike_home.py).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import timedelta
from functools import lru_cache

from slugify import slugify as _slugify

from ..model import Article, Evidence, Place, Sentence, Statement, Strike
from . import places as gaz
from .actors import find_actors, lookup
from .alternation import absent, lowered, may_end_with, needles, tail_start
from .dates import parse_date
from .strike_dates import SentenceDates, relative_date, same_day
from .strike_home import home_place
from .strike_outcomes import intercepted_aims
from .strike_repeats import by_day, repeat_split, split_repeats
from .strike_names import group_modifier, person_words as _person_words, unknown_names as _unknown_names
from .strike_events import Details, Event, Events, Mention, Reporters, fold_coarse
from .strike_terms import (Trigger, find_count, find_injured, find_killed, find_target,
                           is_strike_sentence, triggers, vocab, weapon_label)

LINK_PREPS = {"on", "in", "at", "near", "against", "into", "onto", "across", "of", "outside",
              "inside", "upon", "toward", "towards"}
# Between a strike word and its place, these words start another clause or another role.
BREAK = re.compile(r"\b(?:from|said|says|according|but|while|whereas|although|after|before|amid|during"
                   r"|arrived|visited|visiting|met|ahead)\b|(?<!such )\bas\b|[;:\u2014]|--")
PASSIVE = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,3}(?:,[^,]{0,40},\s*|,\s*(?:which|where)\b[^,;]{0,120},\s*)?(?:was|were|has\s+been|have\s+been|had\s+been|is|are|came|comes|come)"
                     r"\s+(?:\w+\s+){0,2}?(?:hit|struck|shelled|attacked|targeted|bombed|bombarded|pounded"
                     r"|under\s+(?:[\w-]+\s+){0,3}?(?:fire|attacks?|shelling|bombardment))\b", re.I)
# "the Lviv missile strike", "the Izium attack": the place names the strike.
ATTRIBUTIVE = re.compile(r"^\s+(?:(?!(?:that|which|who|the|a|an|and|or|but|as|of|in|on|at|to|by|for|with|from|is|was|were"
                         r"|are|has|had|have|said|says|told)\b)[\w-]+\s+){0,2}?(?:strikes?|attacks?|airstrikes?|shelling"
                         r"|bombing|bombardment)\b", re.I)
# "In Moscow, the ministry said that ...": a fronted place followed by a report is where the
# report was made, not where the strike it reports fell.
REPORTED_FROM = re.compile(r"\b(?:said|says|saying|quoted|quoting|cited|citing|reported|reporting|told|announced"
                           r"|according\s+to|claimed|stated)\b", re.I)
FRONTED = re.compile(r"^\W*(?:In|At|Near)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|settlement"
                     r"|region|district|port|suburb|outskirts)\s+of\s+(?:the\s+)?)?$")
INDEFINITE_PLACE = re.compile(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|port|region|settlement)\b", re.I)
PLURAL_PLACES = re.compile(r"\b(?:[Cc]ities|[Tt]owns|[Vv]illages|[Rr]egions|[Aa]reas|[Ss]ettlements|[Pp]rovinces|[Oo]blasts"
                           r"|across\s+(?:the\s+)?(?:country|[A-Z][a-z]+)|nationwide|throughout)\b")
FORCES = re.compile(r"\b(?:military|army|armed\s+forces|troops|forces|rebels|militants|militia|"
                    r"killed|wounded|injured|dead)\b", re.I)
# Broader: any sign of war. Without one, weapon words among sport or business talk are idioms.
MILITARY = re.compile(r"\b(?:military|army|armed\s+forces|troops|forces|rebels|militants|militia|soldiers|"
                      r"fighters|war|invasion|occupiers|hostilities|ceasefire|frontline|front\s+line|"
                      r"air\s+defen[cs]es?|civilians|casualties|killed|killing|died|wounded|injured|dead)\b", re.I)
FOLLOW_WINDOW = 4
WITH_WEAPON = re.compile(r"[^,;.]{0,25}?\bwith\s+(?:[\w-]+\s+){0,3}", re.I)
DISTRICT_AFTER = re.compile(r"\s+(?:district|raion|rayon|neighbou?rhood|quarter|locality|microdistrict)\b", re.I)
DISTRICT = re.compile(r"\b(?:district|raion|rayon|neighbou?rhood|quarter)$", re.I)
# "the Abu Nur camp on the northern edge of Kassala": the town only locates the camp.
# "the Karari locality of Omdurman", "the Shuhada district of Gaza City": the city holds it.
DISTRICT_OF = re.compile(r"\s+(?:locality|district|neighbou?rhood|quarter|area|suburb|raion|rayon)\s+of\s+(?:the\s+)?", re.I)
SITE_IN = re.compile(r"\s+(?:[\w-]+\s+)?(?:camp|neighbou?rhood|quarter|district|area)\s+(?:in|near|outside"
                     r"|on\s+the\s+(?:[\w-]+\s+)?(?:edge|outskirts|fringes?)\s+of)\s+(?:the\s+)?", re.I)
# A tally over months ("8,000 missiles since the invasion") is a record, not an incident.
AGGREGATE = re.compile(r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|full-scale|invasion|war|\d{4}|"
                       r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})"
                       r"|\b(?:so\s+far\s+this\s+year|in\s+total\s+since|over\s+the\s+past\s+(?:year|months))\b"
                       # "42 airstrikes in January alone": a month's count, not one raid.
                       r"|\b(?:in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"(?:\s+\d{4})?|(?:this|last|that)\s+(?:month|year))\s+alone\b", re.I)
# A toll over a war, a year or a campaign is not the toll of the incident being reported.
BROAD_SCOPE = re.compile(r"\b(?:since|war|invasion|conflict|this\s+year|so\s+far|overall|in\s+all|campaign)\b", re.I)   # sentences a toll update may trail the incident it updates
# Words without which AGGREGATE and BROAD_SCOPE cannot match (alternation.needles): most
# sentences hold none, and looking for them is several times cheaper than either pattern.
_AGGREGATE_ND = needles(["since", "far", "past", "alone"])
_BROAD_SCOPE_ND = needles(["since", "war", "invasion", "conflict", "year", "far", "overall", "all",
                           "campaign"])


def _aggregate(text: str, low: str | None) -> bool:
    """AGGREGATE.search(text); `low` is alternation.lowered(text)."""
    return not absent(_AGGREGATE_ND, low) and AGGREGATE.search(text) is not None


def _broad_scope(text: str, low: str | None) -> bool:
    """BROAD_SCOPE.search(text); `low` is alternation.lowered(text)."""
    return not absent(_BROAD_SCOPE_ND, low) and BROAD_SCOPE.search(text) is not None


def extract_strikes(article: Article, statements: list[Statement]) -> list[Strike]:
    trigs_of = [triggers(sent.text) for sent in article.sentences]
    armed = any(t.strength == "weapon" for trigs in trigs_of for t in trigs)
    if not FORCES.search(article.body) and (not armed or (
            not MILITARY.search(article.body) and vocab()["veto_re"].search(article.body))):
        # No armed force, war or casualty anywhere, and talk of matches, unions or deals:
        # "strike" is a walkout, a "missile of a throw" is sport and a delivery drone
        # hitting a chimney is an accident.
        return []
    ref = parse_date(article.meta.date)
    dates = SentenceDates(article, trigs_of, ref)
    actor_counts = Counter(m.actor.country for m in find_actors(article.body) if m.actor.country)
    ctx = gaz.article_context(article.body, dict(actor_counts))
    people = _person_words(article.body, statements)
    events = Events()
    pending: Details | None = None
    named = None  # (sentence index, Mention) of the last place a non-strike sentence names
    last_strike, lead_date = -99, None
    persons = frozenset(w for st in statements if st.speaker.kind == "person"
                        for w in st.speaker.name.split()[1:] if w[:1].isupper())
    home = _Lazy(lambda: home_place(article, ctx, people, persons))
    orphans: list = []   # placeless strike sentences before any place was hit
    loose: list[Details] = []  # tolls told before any place was hit
    for sent in article.sentences:
        text = sent.text
        low = lowered(text)
        trigs = trigs_of[sent.index]
        striking = bool(trigs) and is_strike_sentence(text, trigs, armed) and not _aggregate(text, low)
        if striking:
            date = relative_date(sent, trigs, article.sentences, events, ref) or \
                dates.of(sent.index) or dates.in_paragraph(sent) or same_day(text, ref)
            if lead_date is None and last_strike < 0 and sent.paragraph <= 1:
                lead_date = date
            prior = events.last().first if events else None
            if named and named[0] >= sent.index - 2 and (prior is None or named[0] > prior.sentence.index):
                prior = named[1]
            mentions = _mentions(sent, trigs, ctx, date, people, prior)
            again = repeat_split(text, ref) if mentions else None
            if again:
                mentions = split_repeats(mentions, again, sent.start, lambda lo, hi: _weapon(
                    [t for t in trigs if lo <= t.start < hi]), _tolls, text)
            if mentions:
                touched = [events.add(m) for m in mentions]
                if pending and sent.index - pending.sentence <= 3:
                    single = len(touched) == 1
                    for ev in touched:
                        ev.absorb(pending if single else _strip_tolls(pending), fill_only=True)
                    pending = None
            else:
                details = _details(sent, trigs, date)
                if PLURAL_PLACES.search(text):
                    details = _strip_tolls(details)  # a toll over several places is no one's
                own = dates.of(sent.index)
                # Bounded: a long live blog must not rescan every incident for each sentence.
                recent = [ev for ev in events.all[-8:] if sent.index - ev.mentions[-1].sentence.index <= 2]
                if recent and by_day(text, ref, sent.index, recent, lambda clause: _details(
                        dataclasses.replace(sent, text=clause), triggers(clause), None)):
                    pass
                elif events and own and events.last().date and own[0] != events.last().date[0] and \
                        details.weapon and not INDEFINITE_PLACE.search(text) and home.get() and \
                        not any(t.strength == "noun" and vocab()["earlier_re"].search(text[:t.start]) for t in trigs):
                    # "Then on Saturday a guided bomb landed next to a school": another day is
                    # another incident, at the place the article is about.
                    events.add(_home_mention(home.get(), sent, trigs, details))
                elif INDEFINITE_PLACE.search(text) or not events or sent.index - last_strike > FOLLOW_WINDOW:
                    pending = details
                    if not events and details.weapon:
                        orphans.append((sent, trigs, details))
                else:
                    events.last().absorb(details)
            last_strike = sent.index
        elif trigs:
            # "In Mykolaiv, air defence shot down 11 drones. Three hit the port of the city":
            # a place named in a sentence that reports no hit is what "the city" goes back to.
            named = _named_place(sent, ctx) or named
        if not striking and events and not _broad_scope(text, low) and (
                sent.index - last_strike <= FOLLOW_WINDOW or len(events) == 1):
            killed, injured = _tolls(text)
            if killed or injured:
                events.last().absorb(Details(sent.index, None, killed, injured, None, None, None))
        elif not striking and not events and not _broad_scope(text, low):
            killed, injured = _tolls(text)
            if killed or injured:
                loose.append(Details(sent.index, None, killed, injured, None, None, None))
    if not events and orphans and home.get():
        # A feature that tells one incident and names its place only in passing ("the
        # market in X", "reports from X"): the strike it describes fell there.
        sent, trigs, details = orphans[0]
        ev = events.add(_home_mention(home.get(), sent, trigs, details))
        for _s, _t, d in orphans[1:]:
            ev.absorb(d)
        for d in loose:
            if abs(d.sentence - sent.index) <= 3:
                ev.absorb(d)
    folded = intercepted_aims(fold_coarse(events.all), article.sentences)
    reporters = Reporters(statements)
    out = []
    for ev in folded:
        if ev.date is None and lead_date and not ev.first.earlier:
            ev.date = lead_date
        out.append(_strike(ev, reporters))
    return out


@lru_cache(maxsize=4096)   # the same names come again and again (factsheet.py uses it too)
def slugify(text: str) -> str:
    return _slugify(text)


class _Lazy:
    """A value computed on first use: most articles never need their home place."""

    def __init__(self, make):
        self._make, self._done, self._value = make, False, None

    def get(self):
        if not self._done:
            self._value, self._done = self._make(), True
        return self._value


def _home_mention(home, sent: Sentence, trigs: list[Trigger], d: Details) -> Mention:
    place, cand = home
    place = dataclasses.replace(place)
    t = next((t for t in trigs if t.weapon), trigs[0])
    return Mention(sentence=sent, start=sent.start + t.start, end=sent.start + t.end, place=place,
                   key=_key(place, cand), admin=_admin(place, cand), coarse=None, cand=cand,
                   weapon=d.weapon, killed=d.killed, injured=d.injured, date=d.date, target=d.target,
                   attacker=d.attacker, count=d.count, earlier=False, rule="strike-place:home")


def _tolls(text: str):
    k, k_hedged = find_killed(text)
    i, i_hedged = find_injured(text)
    return ((k, k_hedged) if k is not None else None), ((i, i_hedged) if i is not None else None)


VERB_WEAPON = {"shelled": "artillery", "shelling": "artillery", "shell": "artillery",
               "bombed": "airstrike", "bombing": "airstrike", "bombarded": "airstrike",
               "bombarding": "airstrike", "bomb": "airstrike", "rocketed": "rocket"}


INSTRUMENT = re.compile(r"^[^,;.]*?\b(?:from|with|by|using)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _weapon(trigs: list[Trigger], at: int | None = None, text: str = "", end: int = 0) -> tuple[str, str] | None:
    """The weapon of the strike on the place at `at`: one introduced by "with" right after
    the place ("hit a ship in the Gulf with two missiles"), else the nearest weapon word
    before it, else the nearest after it; "shelled" and "bombed" name their arm too."""
    found = []
    for k, t in enumerate(trigs):
        if t.weapon:
            found.append((t, (t.weapon, t.phrase)))
        elif t.text.lower() in VERB_WEAPON:
            cls = VERB_WEAPON[t.text.lower()]
            # "was shelled from Grad launchers", "bombed with drones": the named weapon says
            # more than the verb's usual arm.
            named = next((u for u in trigs[k + 1:] if u.weapon and u.start - t.end < 60 and
                          INSTRUMENT.search(text[t.end:u.start])), None) if text else None
            found.append((t, (named.weapon, named.phrase) if named else (cls, cls)))
    if not found:
        return None
    if at is None:
        return found[0][1]
    for t, w in found:
        if t.start >= end and t.strength == "weapon" and WITH_WEAPON.fullmatch(text[end:t.start]):
            return w
    before = [f for f in found if f[0].start < at]
    if before:
        return before[-1][1]
    return min(found, key=lambda f: f[0].start - at)[1]


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_BY_AFTER = re.compile(r"\W*by\b")
_DAY_BEFORE = re.compile(r"\b(?:the\s+previous\s+day|the\s+day\s+before)\b", re.I)


def _attacker(text: str) -> str | None:
    for m in find_actors(text):
        if m.form == "demonym" or _BY_BEFORE.search(text[:m.start]):
            return m.actor.name
    return None


def _details(sent: Sentence, trigs, date) -> Details:
    killed, injured = _tolls(sent.text)
    return Details(sent.index, _weapon(trigs), killed, injured, date, find_target(sent.text),
                    _attacker(sent.text))


def _strip_tolls(d: Details) -> Details:
    return Details(d.sentence, d.weapon, None, None, d.date, d.target, d.attacker, d.count)


_POSSESSOR = re.compile(r"\s*\b[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*)?['\u2019]s$")
_SETTLEMENT_OF = re.compile(
    r"\b(?:the\s+)?(?:(?!(?:in|on|at|of|near|into|onto|inside)\b)[\w-]+\s+){0,3}?(?:city|town|village|settlement|hamlet|port|capital"
    r"|suburbs?|outskirts|centre|center|vicinity|district|locality|neighbou?rhood|quarter"
    r"|region|province|oblast)"
    r"[\"'\u201c\u201d]*\s+of$", re.I)
_SETTLEMENT_WORD = re.compile(r"city|town|village|settlement|hamlet|port", re.I)
_GOVERNS_AREA = re.compile(r"\b(?:of|in|on|at|near|hit|struck|targeted|shelled)$", re.I)
_GOVERNS_SETTLEMENT = re.compile(r"\b(?:of|in|on|at|near|into|against|hit|struck|targeted|shelled"
                                 r"|pounded|attacked|bombed)$", re.I)
_TRAILING_ARTICLE = re.compile(r"(?:\b(?:the|a|an)|[\"'\u201c\u201d])$")
_SUCH_AS = re.compile(r"\b(?:such\s+as|including)$", re.I)


def _rstrip_quotes(text: str) -> str:
    """text without the whitespace, quotation marks and brackets it ends with."""
    while True:
        stripped = text.rstrip().rstrip("\"'\u201c\u201d\u2018\u2019(")
        if stripped == text:
            return text
        text = stripped


# The patterns below are anchored at the end of the text before a place; a cheap look at how
# that text ends rules most of them out before they are searched for.
def _prep_before(before: str) -> tuple[str, bool]:
    """The word that governs a place ("in", "on", "of", "struck"), past articles and
    settlement words, and whether a settlement word was passed ("the village of")."""
    b = _rstrip_quotes(before)
    if b.endswith(("'s", "\u2019s")):
        b = _POSSESSOR.sub("", b)  # "in Russia's Belgorod region"
    settled = False
    # (a match holds at most 5 runs of whitespace: only the tail need be searched)
    m = _SETTLEMENT_OF.search(b, tail_start(b, 6)) if may_end_with(b, ("of",)) else None
    if m:
        settled = bool(_SETTLEMENT_WORD.search(m.group(0)))
        b = b[:m.start()].rstrip()
        if not _GOVERNS_AREA.search(b, tail_start(b, 1)) and not settled:
            return "of", settled
        if settled and not _GOVERNS_SETTLEMENT.search(b, tail_start(b, 1)):
            return "of", True
    # (b never ends with whitespace here: _rstrip_quotes, _POSSESSOR and the rstrip above
    # take it.) A trailing article's one possible match is three characters long at most.
    if b.endswith(("the", "a", "an", "\"", "'", "\u201c", "\u201d")):
        t = _TRAILING_ARTICLE.search(b, max(0, len(b) - 3))
        if t:
            b = b[:t.start()]
    b = b.rstrip()
    if may_end_with(b, ("as", "including")) and _SUCH_AS.search(b, tail_start(b, 2)):
        return "in", settled  # "strikes on cities such as Kharkiv"
    return _last_word(b).lower(), settled


def _last_word(text: str) -> str:
    r"""The run of word characters and hyphens ending text, before closing quotation marks (what
    ([\w-]+)["'\u201c\u201d]*$ finds in text without trailing whitespace, read from the end
    rather than tried at every position)."""
    text = text.rstrip("\"'\u201c\u201d")
    k = len(text)
    while k and (text[k - 1].isalnum() or text[k - 1] in "_-"):   # exactly regex \w, or "-"
        k -= 1
    return text[k:]


# "would answer the attack on Hodeidah": a definite attack with no weapon or toll of its own
# names an incident already told, whatever day the sentence is about.
RECALLED = re.compile(r"\bthe\s+(?:attacks?|strikes?|bombing|shelling)$", re.I)
UNNAMED_SETTLEMENT = re.compile(r"\s+(?:villages?|hamlets?|settlements?)\b")
def _named_place(sent: Sentence, ctx) -> "tuple[int, Mention] | None":
    """The first settlement a sentence names, other than a launch site ("from X")."""
    for m in gaz.mentions_in(ctx, sent.text, sent.start):
        if _FROM_BEFORE.search(sent.text[:m.start - sent.start]):
            continue
        hit = gaz.resolve_candidate(m, ctx)
        if hit and hit[0].precision == "place":
            return sent.index, _Antecedent(hit[0], hit[1], sent)
    return None


@dataclasses.dataclass
class _Antecedent:
    place: Place
    cand: object
    sentence: Sentence


def _anaphors(text: str, items: list, prior: "Mention | None") -> list:
    """ "a missile hit a market in the same city": a settlement named by a definite noun is
    the nearest settlement named before it in the sentence, else the place of the incident
    the article was last telling."""
    out = []
    for m in vocab()["anaphor_re"].finditer(text):
        before = [it for it in items if it[1] <= m.start() and it[2] is not None and it[2].precision == "place"]
        if before:
            _s, _e, place, cand, src = before[-1]
        elif prior is not None and prior.place.precision == "place":
            place, cand, src = prior.place, prior.cand, prior.place.name
        else:
            continue
        out.append((m.start(), m.end(), dataclasses.replace(place), cand, src))
    return out


_IN_CONTAINER = re.compile(r"\s*(?:,\s*)?in\s+(?:the\s+)?")
_COMMA = re.compile(r"\s*,\s*")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
_COORDINATION = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*as\s+well\s+as)\s+(?:the\s+)?")


def _mentions(sent: Sentence, trigs: list[Trigger], ctx, date, people: set[str],
              prior: "Mention | None" = None) -> list[Mention]:
    text = sent.text
    found = gaz.mentions_in(ctx, text, sent.start)
    items = []  # (local start, local end, Place | None, Candidate | None, Mention | unlisted name)
    for m in found:
        hit = gaz.resolve_candidate(m, ctx)
        if hit and not group_modifier(text, m.start - sent.start, m.end - sent.start):
            items.append((m.start - sent.start, m.end - sent.start, hit[0], hit[1], m))
    covered = [(m.start - sent.start, m.end - sent.start) for m in found]
    for s, e, name, settled in _unknown_names(text, covered, people):
        items.append((s, e, None, None, name))
    items.sort(key=lambda t: t[0])
    items = sorted(items + _anaphors(text, items, prior), key=lambda t: t[0])
    earlier_re = vocab()["earlier_re"]
    out: list[Mention] = []
    place_at: dict[int, int] = {}  # id(mention) -> where its place is named in the sentence
    prev_end, prev_linked, prev_place = -1, False, None
    linked_spans: list[tuple[int, int]] = []
    of_sentence = None
    for s, e, place, cand, src in items:
        after = text[e:]
        linked, rule = _link(text, s, e, trigs, linked_spans, prev_end, prev_linked, place)
        between_prev = text[prev_end:s] if prev_end >= 0 else None
        is_container = (prev_linked and between_prev is not None and
                        (_IN_CONTAINER.fullmatch(between_prev) or
                         SITE_IN.fullmatch(between_prev) or DISTRICT_OF.fullmatch(between_prev) or
                         (_COMMA.fullmatch(between_prev) and place is not None and
                          place.precision in ("region", "country"))))
        if is_container:
            if prev_place is not None and out:
                _contain(out[-1], place, cand, text[s:e])
            prev_end = e
            continue
        if prev_linked and out and between_prev is not None and re.fullmatch(
                r"\s+(?:[\w-]+\s+)?(?:city|town|village|settlement|port)\s+of\s+", between_prev, re.I):
            # "in the Donetsk Oblast town of Siversk": the region only locates the town.
            region_mention = out.pop()
            linked_spans.pop()
            linked, rule = True, "strike-place:region-town"
            if place is not None and place.region is None:
                place.region = region_mention.place.name
        if _POSSESSIVE_AFTER.match(after) and (place is None or place.precision != "place"):
            # "Ukraine's energy grid", "Karabakh's main city": a whole country or area in the
            # possessive frames what follows; "Kyiv's Darnytskyi district" is still Kyiv.
            prev_end, prev_linked = e, False
            continue
        if not linked:
            prev_end, prev_linked = e, False
            continue
        trig = _nearest_trigger(trigs, s)
        if place is None:
            # An unlisted village is in the country of the place named just before it in
            # the sentence ("shelled Ariha and hit the nearby village of Nayrab").
            near = [it[2].country for it in items if it[2] is not None and it[2].country and
                    it[2].precision in ("place", "region") and it[1] <= s and it[2].country in ctx.countries]
            place = Place(name=src, country=near[-1] if near else None, precision="place")
            cand = None
        if trig and _BY_AFTER.match(text[trig.end:s]) and place.precision == "country":
            prev_end, prev_linked = e, False  # "a strike by rebels in Yemen": the attacker's home
            continue
        lo = min(s, trig.start) if trig else s
        hi = max(e, trig.end) if trig else e
        if of_sentence is None:   # what the sentence says whichever place it is about
            of_sentence = _tolls(text), find_target(text), _attacker(text)
        (killed, injured), target, attacker = of_sentence
        weapon = _weapon(trigs, s, text, e)
        earlier = bool(trig and earlier_re.search(text[:trig.start]))
        m_date = date
        if date and _DAY_BEFORE.search(text[e:e + 60]):
            m_date = ((parse_date(date[0]) - timedelta(days=1)).isoformat(), date[1])
        key, coarse = _key(place, cand), _coarse(place, cand)
        if UNNAMED_SETTLEMENT.match(after) and place.precision in ("place", "region"):
            # "an air strike on a Sagaing village": the name only locates the village hit;
            # the village, when named elsewhere, is the place.
            key, coarse = ("compass", place.country, gaz.skeleton(place.name)), "compass"
        out.append(Mention(
            sentence=sent, start=sent.start + lo, end=sent.start + hi, place=place,
            key=key, admin=_admin(place, cand), coarse=coarse, cand=cand,
            weapon=weapon, killed=killed, injured=injured, date=m_date,
            target=target, attacker=attacker,
            count=find_count(text, trig) if trig else None, earlier=earlier, rule=rule,
            recalled=bool(trig and weapon is None and killed is None and injured is None and
                          RECALLED.search(text[:trig.end]))))
        place_at[id(out[-1])] = s
        prev_end, prev_linked, prev_place = e, True, place
        linked_spans.append((s, e))
    # A place named and then named again ("hit Kherson ... in the city's centre") is one.
    unique: dict[tuple, Mention] = {}
    for mention in out:
        unique.setdefault(mention.key, mention)
    # An unlisted name called a district ("the Darnytskyi district") beside a city it is in.
    unlisted_districts = {id(m) for m in unique.values() if m.cand is None and
                          DISTRICT_AFTER.match(text, place_at.get(id(m), 0) + len(m.place.name))}
    out = [m for m in unique.values() if not _inside_another(m, unique.values()) and not (
        id(m) in unlisted_districts and any(o is not m and o.place.precision == "place" and
                                            id(o) not in unlisted_districts for o in unique.values()))]
    for mention in out:
        if mention.place.country is None and mention.key[0] == "name":
            attacker = _actor_country(mention.attacker)
            # An unlisted village is in the country the sentence names, else the article's.
            here = [a.actor.country for a in find_actors(text)
                    if a.actor.country and a.actor.country != attacker and a.actor.kind == "country"]
            mention.place.country = here[0] if here else ctx.dominant_country(exclude=attacker)
    if len(out) > 1:
        _split_tolls(text, out, place_at)
    return out


def _split_tolls(text: str, out: list[Mention], place_at: dict[int, int]) -> None:
    """One toll for places hit together ("strikes on A and B killed ten") belongs to none of
    them; places told in clauses of their own ("shelled A, killing six, and hit B, where two
    were wounded") each keep the toll of their clause."""
    if any(m.rule == "strike-place:coordinated" for m in out):
        for mention in out:
            mention.killed = mention.injured = None
        return
    ordered = sorted(out, key=lambda m: place_at.get(id(m), 0))
    for k, mention in enumerate(ordered):
        lo = place_at.get(id(mention), 0)
        hi = place_at.get(id(ordered[k + 1]), len(text)) if k + 1 < len(ordered) else len(text)
        mention.killed, mention.injured = _tolls(text[lo:hi])


def _inside_another(m: Mention, others) -> bool:
    """ "a missile hit a block in the Podilskyi district" after "In Kyiv": a city district
    named beside its city is part of the same hit, not a second place."""
    if not DISTRICT.search(m.place.name) or m.place.lat is None:
        return False
    return any(o is not m and o.place.lat is not None and not DISTRICT.search(o.place.name) and
               gaz.distance_km((m.place.lat, m.place.lon), (o.place.lat, o.place.lon)) < 30
               for o in others)


def _actor_country(actor_name: str | None) -> str | None:
    actor = lookup(actor_name) if actor_name else None
    return actor.country if actor else None


def _nearest_trigger(trigs: list[Trigger], at: int) -> Trigger | None:
    before = [t for t in trigs if t.end <= at]
    return before[-1] if before else None


def _link(text, s, e, trigs, linked_spans, prev_end, prev_linked, place=None) -> tuple[bool, str]:
    """Whether grammar ties the place at text[s:e] to a strike word, and by which rule."""
    before = text[:s]
    prep, _settled = _prep_before(before)
    if prev_linked and _COORDINATION.fullmatch(text[prev_end:s]):
        return True, "strike-place:coordinated"
    trig = _nearest_trigger(trigs, s)
    if trig is not None and s - trig.end <= 90:
        between = text[trig.end:s]
        other = any(ls >= trig.end and le <= s for ls, le in linked_spans)
        # "of" ties a place only close to the strike word ("the shelling of X", "struck the
        # district of X"); further on it belongs to something else ("at the request of the
        # Government of Somalia").
        far_of = prep == "of" and not _settled and len(between.split()) > 5
        if not BREAK.search(between) and not other and not far_of:
            if prep in LINK_PREPS:
                return True, f"strike-place:{trig.text.lower()}-{prep}"
            if trig.strength == "verb" and prep == trig.text.lower():
                return True, f"strike-place:{prep}-object"
    later = [t for t in trigs if t.start > e]
    if FRONTED.match(before) and later and not REPORTED_FROM.search(text[e:later[0].start]):
        return True, "strike-place:fronted"
    if PASSIVE.match(text[e:]):
        return True, "strike-place:passive"
    if ATTRIBUTIVE.match(text[e:]) and not (place is not None and place.precision == "country"):
        return True, "strike-place:attributive"
    if prep in ("in", "at", "near", "outside") and (trig is None or trig.end <= s - 200) and later and \
            TOLL_IN.search(before) and RELATIVE_STRIKE.match(text[e:later[0].start]) and \
            not (place is not None and place.precision == "country"):
        return True, "strike-place:toll-in"
    return False, ""


# "Three people were killed in X, where troops dropped two bombs", "one man was killed in the
# village of X after a drone hit his car": the toll names the place, the clause after it the
# strike that caused it.
TOLL_IN = re.compile(r"\b(?:was|were|been)\s+(?:[\w-]+\s+){0,2}?(?:killed|injured|wounded|hurt)"
                     r"(?:\s+and\s+(?:[\w-]+\s+){1,3}?(?:killed|injured|wounded|hurt))?"
                     r"\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|settlement|hamlet)\s+of\s+)?$", re.I)
RELATIVE_STRIKE = re.compile(r"[^;:.]{0,20}?(?:,\s*(?:where|which|when)|\s+(?:after|when|as))\b[^;:.]*$", re.I)


def _contain(m: Mention, container: Place | None, cand, text: str) -> None:
    """ "Smila, Cherkasy Oblast", "Sloviansk in Donetsk": the second place locates the first."""
    if container is None:
        if m.place.region is None and re.search(r"\b(?:district|region|oblast|province|governorate)\b", text, re.I):
            m.place.region = text
        return
    region_admin = (cand.country, cand.admin1) if cand is not None and cand.kind == "city" and \
        container.precision == "region" else None
    outside = (region_admin and m.admin and m.admin != region_admin) or \
        (container.country and m.place.country and container.country != m.place.country)
    if outside:
        # The gazetteer's namesake lies elsewhere: the article means a place it lacks.
        m.place = Place(name=m.place.name, precision="place")
        m.key, m.admin, m.coarse = ("name", gaz.skeleton(m.place.name)), region_admin, None
    if m.place.region is None and container.precision in ("region", "place"):
        m.place.region = container.name if container.precision == "region" else container.region or container.name
    if m.place.country is None:
        m.place.country = container.country
    if m.place.lat is None and container.lat is not None:
        m.place.lat, m.place.lon = container.lat, container.lon
    if m.admin is None and region_admin:
        m.admin = region_admin


def _key(place: Place, cand) -> tuple:
    if cand is None:
        return ("name", gaz.skeleton(place.name))
    if place.precision == "region" and cand.kind == "city":
        return ("region", cand.country, cand.admin1)
    if place.precision == "region" and cand.kind == "country":
        return ("compass", cand.country, gaz.skeleton(place.name))
    return (cand.kind, cand.geonameid or cand.name, cand.country)


def _admin(place: Place, cand) -> tuple | None:
    if cand is not None and cand.kind == "city":
        return (cand.country, cand.admin1)
    return None


def _coarse(place: Place, cand) -> str | None:
    if cand is None:
        return None
    if cand.kind == "country":
        return "country" if place.precision == "country" else "compass"
    if place.precision == "region" and cand.kind == "city":
        return "region"
    return None


def _strike(ev: Event, reporters: "Reporters") -> Strike:
    m = ev.first
    place = m.place
    if place.geonameid is not None and not place.id:
        canonical = next((c.name for c in gaz.candidates(place.name) if c.geonameid == place.geonameid), place.name)
        place.id = slugify(f"{canonical} {place.country or ''}")
    weapon = weapon_label(ev.weapon[1], ev.weapon[0]) if ev.weapon else None
    killed = ev.killed[0] if ev.killed else None
    injured = ev.injured[0] if ev.injured else None
    at_least = bool((ev.killed and ev.killed[1]) or (ev.injured and ev.injured[1]))
    reporter = reporters.of(m)
    return Strike(
        place=place, weapon=weapon, evidence=Evidence(m.sentence.index, m.start, m.end),
        count=ev.count, target=ev.target, killed=killed, injured=injured,
        casualties_at_least=at_least, date=ev.date[0] if ev.date else None,
        date_precision=ev.date[1] if ev.date else "unknown", attacker=ev.attacker,
        reported_by=reporter.id if reporter else None,
        reporter=reporter.speaker.name if reporter else None, rule=m.rule)

