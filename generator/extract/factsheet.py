"""Extraction: one article in, one fact sheet out.

Statements come first because strikes and pledges point back at the statement that reports them
(`reported_by`). Each extractor is a pure function of the article (and the statements), so the
result can be cached by the article's content hash.
"""
from __future__ import annotations

from ..model import Article, FactSheet
from .certainty import assess as assess_certainty
from .pledges import extract_pledges
from .statements import extract_statements
from .strikes import extract_strikes, slugify


def extract(article: Article) -> FactSheet:
    statements = extract_statements(article)
    for n, s in enumerate(statements, 1):
        s.id = f"st{n}"
        s.speaker.id = s.speaker.id or slugify(s.speaker.name) or "unknown"
    strikes = extract_strikes(article, statements)
    for n, k in enumerate(strikes, 1):
        k.id = f"sk{n}"
        k.place.id = k.place.id or slugify(" ".join(filter(None, [k.place.name, k.place.country]))) or "unknown"
    pledges = extract_pledges(article, statements)
    for n, p in enumerate(pledges, 1):
        p.id = f"pl{n}"
        for party in (p.donor, p.recipient):
            if party is not None:
                party.id = party.id or slugify(party.name) or "unknown"
    sheet = FactSheet(article=article.meta, statements=statements, strikes=strikes, pledges=pledges)
    assess_certainty(article, sheet)
    return sheet
