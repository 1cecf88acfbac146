"""Statements: who said what, with the words, the mode and the day it was said.

Each sentence (merged with its neighbours where a quotation runs across them) is searched for an
attribution: a reporting verb ("said", "told", "wrote") with its speaker before it ("Kovac
said"), after it ("said Kovac"), or "according to X". The words reported are the clause after
the verb ("X said that ..."), or the clause before the attribution ("..., the military said").
The mode follows from the quotation marks in those words: entirely quoted is `direct`, partly
quoted is `partial`, unquoted is `indirect`. A quoted passage with no attribution of its own
continues the previous speaker. Speakers go through `names.Entities`, which resolves pronouns,
role nouns and surnames to the people and organisations named earlier.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from ..model import Article, Evidence, Statement
from ..text import paragraphs as paragraph_spans, sentence_at
from . import dates
from .adverbials import is_content_first, skip_adverbials
from .coref import Entities
from .interviews import answer_label, interview_date
from .names import Mention, parse_mention, vocab
from .quotes import Quote, find_quotes, near, quote_text
from .statement_dates import DATELINE, lead_date, relative_date
from .attributions import attributions
from .tokens import subject_at_start, tokenize


@dataclass
class Unit:
    """One or more sentences that no quotation crosses."""
    start: int
    end: int
    first_sentence: int
    paragraph: int
    last_paragraph: int


@dataclass
class Found:
    """A statement before its speaker is resolved."""
    mention: Mention | None          # None: continues the previous speaker
    start: int
    end: int
    verb: str | None
    rule: str
    unit: Unit
    attr_span: tuple[int, int] | None = None
    via: str | None = None
    verbatim: bool = False           # unquoted, but the speaker's own words
    date: tuple[str | None, str] | None = None   # the occasion's date, found elsewhere


_FIRST = itemgetter(0)   # a C-level bisection key


def extract_statements(article: Article) -> list[Statement]:
    body = article.body
    paras = paragraph_spans(body)
    quotes = find_quotes(body, paras)
    units = _units(article, quotes)
    ref = dates.parse_date(article.meta.date)
    entities = Entities()
    entities.body = body
    entities.scan_titles(body)
    sources = _source_line(body, paras)
    for m in sources:
        entities.add(m, salient=False)
    source = sources[0] if sources else None
    out: list[Statement] = []
    prev: Unit | None = None
    last: Statement | None = None
    claimed_until = -1       # words already given to a speaker from an earlier unit
    occasion = None          # an interview's date, once one answer is found
    for n, unit in enumerate(units):
        if unit.end <= claimed_until:
            continue
        answer = _interview_answer(body, unit, paras)
        if answer is None and _is_headline(body, unit):
            continue
        entities.recent_start = prev.start if prev is not None else unit.start
        toks = tokenize(body, unit.start, unit.end, quotes)
        if answer is not None:
            occasion = occasion or interview_date(body, unit.start, ref)
            found = [replace(answer, date=occasion)]
        else:
            found = _find_in_unit(body, unit, quotes, paras, prev, toks) or _labelled_quote(
                body, unit, quotes, source)
        for f in found:
            if f.verbatim or "-colon:" in f.rule:
                claimed_until = max(claimed_until, f.end)
        _note_subject(body, unit, n, entities, ref, not found, toks)
        for f in found:
            st = _make_statement(article, f, quotes, entities, ref, last, n)
            if st is not None:
                out.append(st)
                last = st
            elif f.mention is not None:
                last = None   # a speaker we could not resolve: later quotes are not the last one's
        prev = unit
    # Said at the event the article reports, unless the text says otherwise.
    lead, prec, at = lead_date(body, paras, ref,
                                [(st.evidence.start, st.evidence.end) for st in out])
    for st in out:
        if st.date is None and lead and not st.evidence.start <= at < st.evidence.end:
            st.date, st.date_precision = lead, prec
    return out


def _source_line(body: str, paras: list[tuple[int, int]]) -> list[Mention]:
    """ "Source: Ivan Sokol, Head of Poltava Oblast Military Administration, on Telegram;
    ..." -- some outlets name the sources of a report on a line of its own."""
    for ps, pe in paras:
        line = body[ps:pe]
        if not line.startswith("Source:"):
            continue
        out = []
        for part in line[len("Source:"):].split(";"):
            m = re.match(r"\s*([^,]+(?:,\s*[^,]+?)?)(?:,?\s+(?:on|in|citing|via)\s+.*)?$", part)
            mention = parse_mention(m.group(1)) if m else None
            if mention is not None and mention.kind == "person":
                out.append(mention)
        return out
    return []


def _interview_answer(body: str, unit: Unit, paras: list[tuple[int, int]]) -> Found | None:
    """ "**Hlushchenko:** Bad. ...": a Q&A answer, labelled with the speaker's name, is the
    whole paragraph."""
    p_start, p_end = _para_at(paras, unit.start) if paras else (0, len(body))
    if p_start != unit.start:
        return None
    label = answer_label(body, p_start, p_end)
    mention = parse_mention(label[0]) if label else None
    if mention is None or mention.kind != "person":
        return None
    return Found(mention, label[1], p_end, "say", "interview-answer", unit,
                 attr_span=(unit.start, label[1]), verbatim=True)


def _labelled_quote(body: str, unit: Unit, quotes: list[Quote],
                    source: Mention | None) -> list[Found]:
    """ 'Quote: "..."' after a Source line: the source's words."""
    if source is None:
        return []
    m = re.match(r"Quote:\s*", body[unit.start:unit.end])
    at = unit.start + m.end() if m else -1
    q = next((q for q in near(quotes, at, at + 1) if m and q.start == at), None)
    if q is None:
        return []
    return [Found(source, q.start, q.end, "say", "quote-label:source", unit,
                  attr_span=(unit.start, q.start))]


def _note_subject(body: str, unit: Unit, n: int, entities: Entities, ref, dated: bool,
                  toks) -> None:
    """A person opening a sentence becomes the antecedent of the next "he" or "she", and the
    date of that sentence the date of what they say next ("Varga referred to the loan on
    March 9 ... He said ...")."""
    subject = subject_at_start(body, unit.start, unit.end, toks)
    m = parse_mention(subject) if subject else None
    if m is None or m.kind != "person":
        return
    if len(m.name.split()) < 2 and not m.role and entities.find_person(m.name) is None:
        # "Dicko does not dispute ...": a bare surname opening a sentence is the person named
        # in full earlier, perhaps only in passing ("When Aminata Dicko arrived ...").
        full = _full_name_before(body, m.name, unit.start)
        if full is None:
            return
        m = parse_mention(full)
        if m is None or m.kind != "person":
            return
    ent = entities.resolve(m, unit.start)
    # A date is the occasion's only in a sentence that reports nobody's words.
    d, prec = dates.find_date(body[unit.start:unit.end], ref) if dated else (None, "unknown")
    if ent is not None and d:
        ent.last_unit, ent.last_date = n, (d, prec)


def _full_name_before(body: str, surname: str, pos: int) -> str | None:
    found = None
    for at, name in _full_names(body, surname):
        if at >= pos:
            break
        found = name
    return found


@lru_cache(maxsize=256)
def _full_names(body: str, surname: str) -> tuple[tuple[int, str], ...]:
    """Every "First Surname" in the article, found once per surname so that looking one up
    stays independent of the article's length."""
    caps = vocab()["function_caps"]
    return tuple((m.start(), m.group(0)) for m in re.finditer(
        rf"\b([A-Z][a-z\u00e0-\u00ff'\u2019\-]+)\s+{re.escape(surname)}\b", body)
        if m.group(1) not in caps)


# --- units ------------------------------------------------------------------------

def _units(article: Article, quotes: list[Quote]) -> list[Unit]:
    units: list[Unit] = []
    starts = [q.start for q in quotes]
    for s in article.sentences:
        # The quote opening last before the unit's end is the only one that can run on.
        k = bisect_right(starts, units[-1].end - 1) - 1 if units else -1
        if k >= 0 and quotes[k].end > s.start:
            u = units[-1]
            u.end, u.last_paragraph = s.end, s.paragraph
            continue
        units.append(Unit(s.start, s.end, s.index, s.paragraph, s.paragraph))
    return units


_CREDIT = re.compile(r"(?i)(photo|image|picture|file photo|video|caption)\b\s*[:(]")
_CLOSED = re.compile(r"[.!?:\"'\u201d\u2019\u2033,]\s*$")


def _is_headline(body: str, unit: Unit) -> bool:
    """Headlines, captions and credits carry no statement: no closing punctuation, or a photo
    credit."""
    text = body[unit.start:unit.end].strip()
    if _CREDIT.match(text):
        return True
    return not _CLOSED.search(text) and len(text.split()) < 40


# --- finding statements in a unit ------------------------------------------------

def _find_in_unit(body: str, unit: Unit, quotes: list[Quote], paras: list[tuple[int, int]],
                  prev: Unit | None, toks) -> list[Found]:
    attrs = attributions(body, toks, unit.start, unit.end, quotes)
    if not attrs:
        q = _sole_quote(body, unit, quotes)
        if q is None:
            q = _opening_quote(body, unit, quotes)
            signer = _dash_signature(body, q, paras) if q is not None else None
            if signer is not None:
                return [Found(signer, q.start, q.end, None, "quote-dash-signature", unit,
                              attr_span=(q.end, q.end))]
            return []
        signer = _dash_signature(body, q, paras)
        if signer is not None:
            return [Found(signer, q.start, q.end, None, "quote-dash-signature", unit,
                          attr_span=(q.end, q.end))]
        return [Found(None, q.start, q.end, None, "quote-continues", unit)]
    attrs = _drop_nested(body, attrs, unit, quotes)
    v = vocab()
    out: list[Found] = []
    cursor = unit.start
    last_mention: Mention | None = None
    for n, a in enumerate(attrs):
        nxt_start = attrs[n + 1].start if n + 1 < len(attrs) else unit.end
        mention = a.mention
        if a.kind in ("participle", "coordinated"):
            # "..., adding ..." / "did not give a date, saying ...": the clause's own subject.
            mention = last_mention
            if mention is None:
                subj = subject_at_start(body, unit.start, unit.end, toks)
                mention = parse_mention(subj) if subj else None
            if mention is None or mention.generic:
                continue
        last_mention = mention
        if a.kind == "passive-this":
            if prev is not None and not any(f.unit is prev for f in out):
                out.append(Found(mention, prev.start, prev.end, a.lemma, "passive-this", prev,
                                 attr_span=(a.start, a.verb_end)))
            cursor = nxt_start
            continue
        after_start = skip_adverbials(body, a.verb_end, nxt_start, a.lemma)
        if mention is not None and mention.outlet and out and out[-1].unit is unit and \
                cursor == a.start and len(body[after_start:nxt_start].split()) < 3:
            # "Analysts said ..., the Guardian reported.": the outlet relays those words.
            out[-1] = replace(out[-1], via=out[-1].via or mention.outlet)
            continue
        before, after = (cursor, a.start), (after_start, nxt_start)
        spans = []
        if a.kind in ("inverted",) or (a.kind == "according" and a.content_before) or (
                a.kind in ("subject", "quoted-as")
                and is_content_first(body, before, after, quotes)):
            spans.append((before, "before"))
            # A split quote: '"...," he said, "..."' -- the second half is its own statement.
            if _quote_starts(body, after, quotes):
                spans.append((after, "after"))
        else:
            spans.append((after, "after"))
        kept = 0
        for (s, e), where in spans:
            verbatim = False
            if where == "after":
                e = _cut_tail(body, s, e, quotes)
            elif _dash_signed(body, s, a.start) and _para_at(paras, unit.start)[0] != unit.start:
                # "...The talks are over. ... - Varga wrote on X": a passage signed with a dash is
                # the speaker's own words, from the start of the paragraph.
                p_start = _para_at(paras, a.start)[0]
                s, verbatim = max(p_start, cursor if cursor > unit.start else p_start), True
            s, e = _trim(body, s, e)
            if where == "before" and s == unit.start:
                m = DATELINE.match(body, s, e)
                s = m.end() if m else s   # "KYIV, May 23 (Reuters) - ..." is not said by anyone
            if not _worth_keeping(body, s, e, quotes, a, where, v):
                continue
            if where == "before" and _relayed(body, toks, s, e):
                continue
            if a.kind == "coordinated" and out and out[-1].unit is unit and \
                    out[-1].end <= a.start and near(quotes, out[-1].start, e):
                # 'said the NUG would "document every crime" and vowed that ...': with a
                # quotation in it, the whole coordination is one reported statement; two plain
                # clauses ("said X, and warned that Y") are two.
                out[-1] = replace(out[-1], end=e)
                kept += 1
                continue
            if a.kind == "participle" and a.lemma in v["participle_continues"] and out and \
                    out[-1].unit is unit and out[-1].end <= a.start and not re.match(
                    r"\s*that\b", body[a.verb_end:]):
                # "..., accusing Western capitals of ...": the charge is part of what was said.
                out[-1] = replace(out[-1], end=e)
                kept += 1
                continue
            out.append(Found(mention, s, e, a.lemma, f"{a.kind}-{where}:{a.verb.lower()}", unit,
                             attr_span=(a.start, after_start), via=a.via, verbatim=verbatim))
            kept += 1
        if not kept and spans[-1][1] == "after" and mention is not None:
            q = _quote_after_colon(body, a.verb_end, unit, quotes, paras)
            if q is not None:
                # "Winding up, Whitlock said:" -- the quotation follows in the next paragraph.
                out.append(Found(mention, q.start, q.end, a.lemma,
                                 f"{a.kind}-colon:{a.verb.lower()}", unit,
                                 attr_span=(a.start, after_start)))
                kept += 1
        if kept:
            cursor = nxt_start if spans[-1][1] == "after" else a.verb_end
    return out


def _drop_nested(body: str, attrs: list, unit: Unit, quotes: list[Quote]) -> list:
    """ "Lind said Kyiv had asked Oslo for missiles": a speech act without quoted words that
    opens the clause another verb reports is part of that report, not a statement of its own."""
    out = []
    for n, a in enumerate(attrs):
        if out and a.needs_quote and a.kind == "subject" and not out[-1].needs_quote and \
                out[-1].kind in ("subject", "quoted-as"):
            p = out[-1]
            gap = body[skip_adverbials(body, p.verb_end, a.start, p.lemma):a.start]
            end = attrs[n + 1].start if n + 1 < len(attrs) else unit.end
            if re.fullmatch(r"\s*(?:that\s*)?", gap) and not near(quotes, a.start, end):
                continue
        out.append(a)
    return out


def _quote_after_colon(body: str, pos: int, unit: Unit, quotes: list[Quote],
                       paras: list[tuple[int, int]]) -> Quote | None:
    """The quotation opening the next paragraph, when an attribution ends its own paragraph
    with a colon."""
    rest = body[pos:unit.end]
    if not _COLON_ONLY.fullmatch(rest):
        return None
    p_start, p_end = _para_at(paras, unit.start)
    if p_end > unit.end + 1:
        return None
    k = bisect_right(paras, p_end, key=_FIRST)
    if k >= len(paras):
        return None
    nxt = paras[k]
    return next((q for q in near(quotes, nxt[0], nxt[0] + 1) if q.start == nxt[0]), None)


def _worth_keeping(body: str, s: int, e: int, quotes: list[Quote], a, where: str, v) -> bool:
    text = body[s:e]
    quoted = any(s <= q.start < e or q.start < s < q.end for q in near(quotes, s, e))
    if e - s < 3 or (len(text.split()) < 3 and not quoted):
        return False
    if a.needs_quote and not quoted:
        return False
    if where == "after" and a.lemma in v["clause_verbs"] and not quoted:
        # "confirmed the commitment during a call" reports no words; "confirmed (that) the
        # strikes had begun" does.
        lead = body[a.verb_end:s]
        if not re.search(r"\bthat\s*$", lead) and not _has_finite_verb(text, v):
            return False
    return True


def _relayed(body: str, toks, s: int, e: int) -> bool:
    """ '... officials said the army had "violated the ceasefire", the BBC reported': the outlet
    relays someone else's statement; it is not the speaker."""
    forms = vocab()["verb_forms"]
    for t in toks:
        if s <= t.start and t.end < e - 10 and not t.quoted and not t.text.endswith("s") and \
                forms.get(t.text) in ("say", "tell", "report", "announce", "write", "state"):
            return True
    return False


def _has_finite_verb(text: str, v) -> bool:
    words = re.findall(r"[A-Za-z\u2019'\d-]+", text.lower())
    markers = set(v["finite_markers"])
    # "so-called", "6 armoured vehicles": a hyphenated word, or one after a number, is an
    # adjective, not the verb of a clause; "to be spent" is no clause's verb either.
    return any((w in markers and words[k] != "to") or (
        w.endswith("ed") and len(w) > 4 and "-" not in w and not words[k][:1].isdigit())
        for k, w in enumerate(words[1:]))


@lru_cache(maxsize=1)
def _tail_pattern() -> re.Pattern:
    tails = "|".join(re.escape(t) for t in vocab()["content_tails"])
    return re.compile(rf"(?:,|\s[\u2013\u2014]|\s--)\s+(?:{tails})\b")


def _cut_tail(body: str, s: int, e: int, quotes: list[Quote]) -> int:
    """End the reported words before the writer's own comment (", amid ...")."""
    for m in _tail_pattern().finditer(body[s:e]):
        pos = s + m.start()
        if not any(q.start < pos < q.end for q in near(quotes, pos, pos + 1)):
            return pos
    return e


_DASH_END = re.compile(r"(?:\s[-\u2013\u2014]|--)\s*$")


def _dash_signed(body: str, s: int, attr_start: int) -> bool:
    return bool(_DASH_END.search(body[s:attr_start]))


def _dash_signature(body: str, q: Quote, paras: list[tuple[int, int]]) -> Mention | None:
    """ '"We will rebuild." — Mayor Ivan Sokol.': a name after a dash signs the quote."""
    p_end = _para_at(paras, q.start)[1] if paras else len(body)
    m = re.match(r"\s*(?:[\u2014\u2013]|--?)\s*([^.!?\"\u201c\u201d]{2,80}?)\.?\s*$",
                 body[q.end:p_end])
    if not m:
        return None
    mention = parse_mention(m.group(1))
    if mention is None or mention.generic or mention.kind == "pronoun":
        return None
    return mention


def _para_at(paras: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The paragraph holding pos (the one starting last at or before it)."""
    k = bisect_right(paras, pos, key=_FIRST) - 1
    return paras[max(k, 0)]


def _quote_starts(body: str, span: tuple[int, int], quotes: list[Quote]) -> bool:
    s, e = _trim(body, *span)
    return any(q.start == s for q in near(quotes, s, s + 1))


def _opening_quote(body: str, unit: Unit, quotes: list[Quote]) -> Quote | None:
    s, _ = _trim(body, unit.start, unit.end)
    return next((q for q in near(quotes, s, s + 1) if q.start == s), None)


def _sole_quote(body: str, unit: Unit, quotes: list[Quote]) -> Quote | None:
    """A unit that is one quotation and nothing else."""
    s, e = _trim(body, unit.start, unit.end)
    for q in near(quotes, s, s + 1):
        if q.start == s and q.end >= e - 1:
            return q
    return None


_LEAD = re.compile(r"^(?:[\s,;:\u2014\u2013]|--|-\s|that\s)+")
_TAIL = re.compile(r"(?:[\s,;:\u2014\u2013]|--|\s-)+(?:(?:while|whereas|and|but|as)\s*)?$")
# What a segment must end with for _TAIL to match (after trailing whitespace, which matches
# alone): most end in a word, and the search from every space is skipped.
_TAIL_ENDS = (",", ";", ":", "\u2014", "\u2013", "-", "while", "whereas", "and", "but", "as")
_TAIL_WORDS = ("whereas", "while", "and", "but", "as")   # longest first, for _tail_from
_TAIL_SEPARATORS = ",;:\u2014\u2013-"


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    seg = body[s:e]
    m = _LEAD.match(seg)
    if m:
        s += m.end()
    seg = body[s:e]
    m = _TAIL.search(seg, _tail_from(seg)) if seg[-1:].isspace() or seg.endswith(_TAIL_ENDS) else None
    if m:
        e = s + m.start()
    return s, e


def _tail_from(seg: str) -> int:
    """Where a _TAIL match in seg can begin at the earliest, read from the end: a match is a run
    of separators and whitespace, then at most one of the words, then whitespace. Stripping
    the trailing whitespace, the longest word seg then ends with (a shorter one is a match's
    word only when no longer one ends there: "whereas" ends in "as", but a match's word follows
    a separator) and the separators before it leaves the earliest start; searching from there
    finds the same leftmost match as a search of the whole segment, without trying the
    pattern at every space of a long clause."""
    k = len(seg.rstrip())
    for w in _TAIL_WORDS:
        if seg.endswith(w, 0, k):
            k -= len(w)
            break
    # str.strip's whitespace is the engine's \s: the run before the word holds separators and
    # whitespace alone
    while k and (seg[k - 1] in _TAIL_SEPARATORS or seg[k - 1].isspace()):
        k -= 1
    return k


# --- one statement ----------------------------------------------------------------

def _make_statement(article: Article, f: Found, quotes: list[Quote], entities: Entities,
                    ref, last: Statement | None, n: int) -> Statement | None:
    body = article.body
    s, e = f.start, f.end
    around = near(quotes, s, e + 1)
    inside = [q for q in around if s <= q.start and q.end <= e + 1]
    full = next((q for q in inside if q.start == s and q.end >= e - 1), None)
    if full is not None:
        mode, text = "direct", quote_text(body, full)
        s, e = full.inner_start, full.inner_end
        if "-after:" in f.rule and re.search(r"\bthat\s*$", body[
                f.attr_span[0]:f.start] if f.attr_span else "") and not re.search(
                r"[.!?,\u2026]\W*$", text):
            # 'said that "there is no problem ..."': a quoted clause, not a quoted sentence.
            mode = "partial"
    elif f.verbatim:
        mode, text = "direct", " ".join(body[s:e].split())
    elif any(q.start < e and q.end > s and not _quoted_name(body, q) for q in around):
        mode, text = "partial", " ".join(body[s:e].split())
    else:
        mode, text = "indirect", " ".join(body[s:e].split())
    if mode != "direct":
        text = text.rstrip(".").rstrip()
    if len(text.split()) < 2:
        return None
    hit = sentence_at(article.sentences, s)
    sentence = hit.index if hit is not None else f.unit.first_sentence
    if f.mention is None:
        # A quotation standing alone continues the speaker quoted just before it.
        if last is None or mode != "direct" or not _recent(article, last, f.unit):
            return None
        if last.speaker.kind == "person":
            entities.mentioned(entities.find_person(last.speaker.name), s)
        return Statement(speaker=replace(last.speaker), text=text, mode=mode, verb=last.verb,
                         date=last.date, evidence=Evidence(sentence, s, e), via=last.via,
                         date_precision=last.date_precision, rule=f.rule)
    ent = entities.resolve(f.mention, f.attr_span[0] if f.attr_span else s)
    if ent is None:
        return None
    d, prec = _attribution_date(body, f, ref)
    if d is None and f.date and f.date[0]:
        d, prec = f.date
    if d is None and ent.last_date and ent.last_unit is not None and n - ent.last_unit <= 1:
        d, prec = ent.last_date  # the same occasion: said in the sentence just before
    if d:
        ent.last_date = (d, prec)
    ent.last_unit = n
    rule = f.rule + ("+generic" if f.mention.generic or _unanchored(ent.name) else "")
    return Statement(speaker=ent.speaker(), text=text, mode=mode, verb=f.verb, date=d,
                     evidence=Evidence(sentence, s, e), via=f.via,
                     date_precision=prec if d else "unknown", rule=rule)


def _quoted_name(body: str, q: Quote) -> bool:
    """ 'missiles of the "Iskander-M" type': marks around a name or designation quote nobody."""
    words = body[q.inner_start:q.inner_end].split()
    return 0 < len(words) <= 3 and all(w[0].isupper() or w[0].isdigit() for w in words) and \
        not re.search(r"[.,!?;:]$", words[-1])


def _unanchored(name: str) -> bool:
    """A speaker that names nobody in particular: a document ("a joint statement", "a statement
    from the countries") or a bare collective ("the bloc") that no earlier name anchors. The
    model has no field for it, so the rule says it, for reviewers and for `explain`."""
    words = name.lower().split()
    if not words or any(w[:1].isupper() for w in name.split()):
        return False
    v = vocab()
    head = words[words.index("from") - 1] if "from" in words[1:] else words[-1]
    return head in v["source_nouns"] or " ".join(words) in v["unanchored_collectives"]


def _recent(article: Article, last: Statement, unit: Unit) -> bool:
    """The last statement ended in this paragraph or the one before."""
    para = article.sentences[last.evidence.sentence].paragraph
    hit = sentence_at(article.sentences, last.evidence.end - 1)
    end_para = hit.paragraph if hit is not None else para
    return unit.paragraph - end_para <= 1


_UNTIL_QUOTE = re.compile(r"[^\"\u201c\u2018]*")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_COLON_ONLY = re.compile(r"[^\w\"\u201c\u2018]*:\s*")


def _attribution_date(body: str, f: Found, ref) -> tuple[str | None, str]:
    """A date in the attribution clause only -- never in the reported words: "the military
    said on March 9, amid ..." or "On Friday, Lindqvist said ..."."""
    if f.attr_span is None:
        return None, "unknown"
    a_start, a_end = f.attr_span
    if f.start >= a_end:
        clause = body[f.unit.start:f.start]   # reported words come after the clause
    else:
        # '"...," said the coordinator, Jonas Verhoeven, in a statement on 17 June.': the
        # attribution runs on to the end of the sentence, up to a new quotation or clause.
        tail = _UNTIL_QUOTE.match(body[a_end:f.unit.end]).group(0)
        forms = vocab()["verb_forms"]
        cut = next((m.start() for m in _LATIN_WORD.finditer(tail)
                    if m.group(0) == "that" or m.group(0) in forms), len(tail))
        clause = body[a_start:a_end] + tail[:cut]
    d, prec = dates.find_date(clause, ref)
    if d is None:
        # "..., Sytnyk said the next day.": counted from the day the text named last.
        d, prec = relative_date(clause, body, f.unit.start, ref)
    return d, prec
