"""`python -m generator explain FILE`: every fact with its evidence, the rule behind it and, for
places, the gazetteer candidates and why one won. For editors checking a fact sheet."""
from __future__ import annotations

from .extract.factsheet import extract
from .extract.places import article_context, find_mentions, ranked
from .model import Article, FactSheet

CANDIDATES = 5


def explain(article: Article, sheet: FactSheet | None = None) -> str:
    sheet = sheet or extract(article)
    lines = [f"{article.meta.source}: {article.meta.title} ({article.meta.date or 'undated'})"]
    context = None
    for kind, facts in (("statement", sheet.statements), ("strike", sheet.strikes), ("pledge", sheet.pledges)):
        lines.append(f"\n{kind}s: {len(facts)}")
        for f in facts:
            lines.append(f"\n[{f.id}] {_summary(kind, f)}")
            lines.append(f"  rule: {f.rule or '?'}" + (f"  (origin: {f.origin}" + (
                f", edited: {', '.join(f.edited)}" if f.edited else "") + ")" if f.origin != "rule" or f.edited else ""))
            sentence = article.sentences[f.evidence.sentence].text if f.evidence.sentence < len(article.sentences) else ""
            lines.append(f"  sentence {f.evidence.sentence + 1}: {sentence}")
            lines.append(f"  evidence [{f.evidence.start}:{f.evidence.end}]: "
                         f"{article.body[f.evidence.start:f.evidence.end]!r}")
            if kind == "strike":
                context = context or article_context(article.body)
                lines.extend(_gazetteer(article, f, context))
    return "\n".join(lines)


def _summary(kind: str, f) -> str:
    if kind == "statement":
        role = f" ({f.speaker.role})" if f.speaker.role else ""
        return f"{f.speaker.name}{role} [{f.speaker.kind}], {f.mode}, {f.verb or '-'}, said {f.date or '?'}" \
               + (f", via {f.via}" if f.via else "") + f": {f.text!r}"
    if kind == "strike":
        p = f.place
        toll = ", ".join(x for x in (f"{f.killed} killed" if f.killed is not None else "",
                                     f"{f.injured} injured" if f.injured is not None else "") if x)
        return (f"{p.name} ({p.country or '?'}, {p.lat}, {p.lon}, precision {p.precision}"
                f"{', AMBIGUOUS' if p.ambiguous else ''}): {f.weapon or 'strike'}"
                f"{', ' + toll if toll else ''}, {f.date or 'undated'}"
                + (f", attacker {f.attacker}" if f.attacker else "")
                + (f", reported by {f.reporter} ({f.reported_by})" if f.reported_by else ""))
    value = f" worth {f.value.amount:,.0f} {f.value.currency}" if f.value else ""
    qty = f"{f.quantity} " if f.quantity else ""
    to = f" to {f.recipient.name}" if f.recipient else ""
    return f"{f.donor.name}{' (' + f.donor.person + ')' if f.donor.person else ''} -> {qty}{f.item}{value}{to} [{f.status}]"


def _gazetteer(article: Article, strike, context) -> list[str]:
    """The candidates the gazetteer offered for the place's name, best first, with scores."""
    sentence = article.sentences[strike.evidence.sentence] if strike.evidence.sentence < len(article.sentences) else None
    if sentence is None:
        return []
    mentions = [m for m in find_mentions(sentence.text, sentence.start)
                if m.core and strike.place.name and (m.core in strike.place.name or strike.place.name in m.core)]
    if not mentions:
        return ["  gazetteer: no mention of this name in the sentence (placed by context or an editor)"]
    lines = [f"  gazetteer candidates for {mentions[0].text!r} (score: population, country and region named in "
             "the article, distance to its other places):"]
    scored = ranked(mentions[0], context)
    for score, c in scored[:CANDIDATES]:
        lines.append(f"    {score:6.2f}  {c.name}, {c.country}, admin1 {c.admin1}, pop {c.population:,}, "
                     f"{c.kind}{'' if c.primary else ', alternate name'}  (geonameid {c.geonameid})")
    if len(scored) > CANDIDATES:
        lines.append(f"    ... and {len(scored) - CANDIDATES} more")
    return lines
