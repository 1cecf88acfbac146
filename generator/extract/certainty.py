"""How the article presents each fact: stated as fact, on someone's word, unverified, or denied.

Runs after the three extractors, on their facts and the sentences around them:
- a fact the reporter flags as not checked ("could not be independently verified", in its
  sentence or the next one of the paragraph) is `unverified`;
- a fact an actor denies in the same paragraph ("Russia denied targeting civilians") is
  `denied`, with `disputed_by` naming who;
- a statement, or a fact inside a statement or in a sentence with an attribution ("said",
  "according to"), is `attributed`;
- anything else is `stated`, in the reporter's own voice.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, FactSheet
from .actors import find_actors
from .alternation import absent, lowered, needles, trie
from .vocabulary import load_table


def _alt(words) -> str:
    # Every pattern built from these is compiled IGNORECASE.
    return trie(words, ignore_case=True)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = load_table("certainty")
    return {
        "unverified": re.compile(rf"\b(?:{_alt(data['unverified'])})\b", re.IGNORECASE),
        "denial": re.compile(rf"\b(?:{_alt(data['denial_verbs'])})\s+(?:\w+\s+){{0,3}}?(?:{_alt(data['denial_objects'])})\b",
                             re.IGNORECASE),
        "denial_verb": re.compile(rf"\b(?:{_alt(data['denial_verbs'])})\b", re.IGNORECASE),
        "attribution": re.compile(rf"\b(?:{_alt(data['attribution'])})\b", re.IGNORECASE),
        # Prefilters (alternation.needles): the words each pattern cannot match without.
        "unverified_nd": needles(data["unverified"]),
        "denial_nd": needles(data["denial_verbs"]),
        "attribution_nd": needles(data["attribution"]),
    }


def assess(article: Article, sheet: FactSheet) -> None:
    """Set `certainty` and `disputed_by` on every fact of the sheet, in place."""
    p = _patterns()
    sentences = article.sentences
    statements = sorted((s.evidence.start, s.evidence.end) for s in sheet.statements)
    denials = {}            # paragraph -> who denies
    flagged = set()         # sentence indexes that the reporter flags as unverified
    for s in sentences:
        low = lowered(s.text)
        if not absent(p["unverified_nd"], low) and p["unverified"].search(s.text):
            flagged.add(s.index)
            if s.index > 0 and sentences[s.index - 1].paragraph == s.paragraph:
                flagged.add(s.index - 1)    # "...killed 12. The toll could not be verified."
        m = None if absent(p["denial_nd"], low) else p["denial"].search(s.text)
        if m and s.paragraph not in denials:
            denials[s.paragraph] = _denier(s.text[:m.start()])
    for st in sheet.statements:
        st.certainty = "denied" if (st.verb or "").lower() in ("deny", "denied", "reject", "dismiss") \
            else "attributed"
    for fact in sheet.strikes + sheet.pledges:
        sentence = sentences[fact.evidence.sentence] if fact.evidence.sentence < len(sentences) else None
        if sentence is None:
            continue
        inside_statement = any(a <= fact.evidence.start and fact.evidence.end <= b for a, b in statements)
        if sentence.index in flagged:
            fact.certainty = "unverified"
        elif sentence.paragraph in denials:
            fact.certainty, fact.disputed_by = "denied", denials[sentence.paragraph]
        elif inside_statement or getattr(fact, "reported_by", None) or (
                not absent(p["attribution_nd"], lowered(sentence.text)) and p["attribution"].search(sentence.text)):
            fact.certainty = "attributed"
        else:
            fact.certainty = "stated"


def _denier(before: str) -> str | None:
    """Who denies: the last country or organisation named before the verb, else the last
    capitalised name there ("The Kremlin has denied ..." -> Russia; "Hamas denied" -> Hamas)."""
    actors = find_actors(before)
    if actors:
        return actors[-1].actor.name
    names = re.findall(r"\b(?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)*", before)
    return names[-1] if names else None
