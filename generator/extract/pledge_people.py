"""Who acts for whom in an article: short names of organisations ("the Commission", "JICA")
and people tied to a country ("Poland's Defence Minister Jan Novak"), found once per article
so that later sentences can name them briefly."""
from __future__ import annotations

import re

from ..model import Party
from .actors import Actor, find_actors, lookup
from .pledge_phrases import donor_candidates, org_shapes, party_of, tokenize, vocab


def org_short_forms(body: str) -> dict[str, Actor]:
    """Last words of organisations named in the article ("Commission" for the European
    Commission), so that a later "the Commission" resolves to it."""
    out: dict[str, Actor] = {}
    for m in find_actors(body):
        if m.actor.kind == "organization" and m.form == "name" and " " in m.actor.name:
            last = m.actor.name.split()[-1]
            if last[:1].isupper() and lookup(last) is None:
                out.setdefault(last.lower(), m.actor)
    # Organisations known only by the shape of their name: "the Alliance" after "Sahel Aid Alliance".
    for m in org_shapes(body):
        name = re.sub(r"^(?:The|the)\s+", "", m.group(0))
        if " and " in name or lookup(name) is not None:
            continue
        last = name.split()[-1]
        if lookup(last) is None:
            out.setdefault(last.lower(), Actor(name, "organization", None))
        abbr = re.match(r"\s*\(([A-Z]{2,6})\)", body[m.end():m.end() + 12])
        if abbr and lookup(abbr.group(1)) is None:
            out.setdefault(abbr.group(1).lower(), Actor(name, "organization", None))    # "(JICA)"
    return out


APPOSED_NAME = re.compile(r"((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+),\s+(?:the\s+)?$")


_WORD_AFTER = re.compile(r"(?:['’]s)?\s+(\w+)")


def _apposed_people(sen, out: dict[str, Party]) -> None:
    """ "Joe Bloggs, the Irish foreign minister," and "Ann Lee, Canada's defence minister,"."""
    v = vocab()
    for m in find_actors(sen.text):
        if m.actor.kind != "country":
            continue
        name = APPOSED_NAME.search(sen.text[max(0, m.start - 60):m.start])
        after = _WORD_AFTER.match(sen.text[m.end:])
        if not name or not after or after.group(1).lower() not in v["person_titles"]:
            continue
        full = name.group(1)
        if lookup(full) is not None or full.split()[0].lower() in ("the", "a"):
            continue
        party = party_of(m.actor, full)
        out.setdefault(full, party)
        if " " in full:
            out.setdefault(full.split()[-1], party)


def people_of(body: str, statements, sentences=None, toks_of=None) -> dict[str, Party]:
    """Names of people who act for a country, from the article ("Poland's Defence Minister
    Jan Novak") and from the roles of the statements' speakers ("British Prime Minister").
    Sentence by sentence, so that the work grows with the article's length only.
    `toks_of`: the sentences' tokens, when the caller has made them already."""
    out: dict[str, Party] = {}
    if sentences is None:
        from ..text import split_sentences
        sentences = split_sentences(body)
    for n, sen in enumerate(sentences):
        toks = toks_of[n] if toks_of is not None else tokenize(sen.text, sen.start)
        for c in donor_candidates(sen.text, sen.start, toks, {}, persons_only=True):
            if c.party and c.party.person and c.party.kind == "country":
                full = c.party.person
                out.setdefault(full, c.party)
                if " " in full:
                    out.setdefault(full.split()[-1], c.party)
        _apposed_people(sen, out)
    for st in statements or []:
        role = getattr(st.speaker, "role", None) or ""
        found = [m for m in find_actors(role) if m.actor.kind == "country"]
        name = st.speaker.name
        if found and st.speaker.kind == "person" and name and name[:1].isupper():
            party = party_of(found[0].actor, name)
            out.setdefault(name, party)
            if " " in name:
                out.setdefault(name.split()[-1], party)
    return out
