"""Attribution clauses: where a unit of text says who said something -- "X said", "said X",
"according to X", "X was quoted as saying", "a statement from X read" -- built on the speaker
phrases that `tokens` reads around each reporting verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import DETERMINERS, Mention, is_cap, outlet_names, parse_mention, vocab
from .quotes import Quote
from .tokens import (CONJUNCTIONS, PARTICLES, PASSIVE, QUANTIFIERS, QUOTE_CHARS, Tok,
                     _boundary_ok, _left_np, _right_np, _starts_clause)


@dataclass
class Attribution:
    kind: str   # subject | inverted | participle | coordinated | according | quoted-as | label
    start: int                      # where the attribution clause starts
    verb: str                       # the verb as written
    verb_end: int                   # where the reported words may start
    lemma: str | None
    mention: Mention | None
    needs_quote: bool = False       # speech-act verbs count only with quoted words
    via: str | None = None
    content_before: bool = False


@lru_cache(maxsize=8)   # (cleared with the vocabulary, like every cache here)
def _word_set(table: str) -> frozenset[str]:
    return frozenset(vocab()[table])


def attributions(body: str, toks: list[Tok], ustart: int, uend: int,
                 quotes: list[Quote]) -> list[Attribution]:
    v = vocab()
    forms = v["verb_forms"]
    speech = _word_set("speech_verbs")
    out: list[Attribution] = []
    taken_until = -1
    # Most words are no reporting verb, no "according to" and no label: pick out the others
    # in one pass. The words are lower-case, and so are most tokens: a token is lower-cased
    # only when it is not already (str.islower: a letter, and no capital), not all of them.
    hits = []
    for n, tok in enumerate(toks):
        if tok.quoted:
            continue
        low = tok.text
        if not low.islower():
            low = low.lower()
        if low in forms or low == "according" or (not n and low in _LABELS):
            hits.append(n)
    for n in hits:
        if n <= taken_until:
            continue
        tok = toks[n]
        low = tok.text.lower()
        prev = toks[n - 1].text.lower() if n else ""
        if low == "according" and n + 1 < len(toks) and toks[n + 1].text.lower() == "to":
            r = _according_source(toks, n + 2)
            if r is None:
                continue
            end_i, phrase = r
            m = parse_mention(phrase)
            if m is None:
                continue
            before_words = [t for t in toks[:n] if t.text[0].isalnum()]
            start = toks[n - 1].start if n and toks[n - 1].text == "," else tok.start
            out.append(Attribution("according", start, "according to", toks[end_i].end, None, m,
                                   via=m.outlet if m.kind == "organization" else None,
                                   content_before=len(before_words) >= 4 and n > 0
                                   and (toks[n - 1].text == "," or body[toks[n - 1].start - 1:
                                                                        toks[n - 1].start] == ",")))
            taken_until = end_i
            continue
        if low in _LABELS and n == 0 \
                and n + 1 < len(toks) and toks[n + 1].text.lower() in ("from", "by"):
            # "Quote from Sokol: ..." -- a label before a quotation.
            r = _right_np(toks, n + 1)
            if r and r[0] + 1 < len(toks) and toks[r[0] + 1].text == ":":
                m = parse_mention(r[1])
                if m is not None:
                    out.append(Attribution("label", tok.start, tok.text, toks[r[0] + 1].end,
                                           "say", m))
                    taken_until = r[0] + 1
            continue
        lemma = forms.get(low)
        if lemma is None or not tok.text[0].islower():
            continue
        if prev in PASSIVE:
            att = _passive_agent(toks, n, lemma)
            if att is not None:
                out.append(att)
                taken_until = next((k for k, t in enumerate(toks) if t.end == att.verb_end), n)
            continue
        needs_quote = lemma not in speech
        nxt = toks[n + 1].text.lower() if n + 1 < len(toks) else ""
        if needs_quote and nxt == "that" and lemma in v["that_clause_verbs"]:
            needs_quote = False   # "promised that if elected he would ...": a reported clause
        if lemma == "read":
            att = _document_reads(toks, n)
            if att is not None:
                out.append(att)
            continue
        if lemma in ("quote", "cite"):
            att = _quoted_as(toks, n)
            if att:
                out.append(att)
                taken_until = next((k for k, t in enumerate(toks) if t.end == att.verb_end), n)
            continue
        if low.endswith("ing") and prev in (",", "and", "while", "before", "after", "by"):
            if needs_quote:
                continue
            out.append(Attribution("participle", toks[n - 1].start if prev == "," else tok.start,
                                   tok.text, tok.end, lemma, None, needs_quote))
            continue
        left = _left_np(toks, n)
        if left is not None and left[0] > 0 and toks[left[0] - 1].text.lower() == "what" and not \
                any(t.quoted or t.text in QUOTE_CHARS for t in toks[n + 1:n + 4]):
            # "what it calls a blockade": a label inside the reported words; only a quoted label
            # ('what he called a "historic" day') gives the speaker's own words.
            continue
        if left is not None and _negated(toks, n):
            continue   # "the government has not said how much": no words were reported
        if left is not None:
            start_i, phrase = left
            m = parse_mention(phrase)
            if m is not None:
                if lemma in vocab()["naming_verbs"] and start_i > 0 and \
                        toks[start_i - 1].text.lower() in ("that", "which") and \
                        n + 1 < len(toks) and toks[n + 1].text.lower() not in PARTICLES:
                    # "an announcement that the president called a turning point": the
                    # words after the verb are the speaker's verdict, quoted or not.
                    needs_quote = False
                att = Attribution("subject", toks[start_i].start, tok.text, tok.end, lemma, m,
                                  needs_quote, via=_told_outlet(toks, n, lemma))
                _citing(toks, n, att)
                out.append(att)
                continue
        if left is None and prev in ("and", "but") and nxt == "that" and not needs_quote:
            # "said its teams had treated 41 people, and warned that ...": a second reported
            # clause of the same subject.
            out.append(Attribution("coordinated", toks[n - 1].start, tok.text, tok.end, lemma,
                                   None))
            continue
        if prev in (",", "--", "\u2014") or (n and toks[n - 1].text in QUOTE_CHARS):
            right = _right_np(toks, n)
            if right is not None and _starts_clause(toks, right[0] + 1):
                # ", said Warsaw had asked ...": the name is the subject of the reported clause.
                right = None
            if right is not None:
                end_i, phrase = right
                m = parse_mention(phrase)
                if m is not None:
                    out.append(Attribution("inverted", tok.start, tok.text, toks[end_i].end, lemma,
                                           m, needs_quote))
                    taken_until = end_i
    return out


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_LABELS = ("quote", "quotes", "statement", "comment", "comments", "message")


def _document_reads(toks: list[Tok], n: int) -> Attribution | None:
    """ "A statement from the ministry read:", "the summary read": a document reads, a person
    does not report by reading. The speaker is the issuer after "from"/"by", else the document,
    which coreference ties to whoever issued it."""
    nouns = _word_set("source_nouns")
    for d in range(n - 1, max(n - 9, -1), -1):
        low = toks[d].text.lower()
        if low in nouns:
            break
        if not toks[d].text[0].isalnum() or low in CONJUNCTIONS or toks[d].quoted:
            return None
    else:
        return None
    start = d - 1 if d > 0 and toks[d - 1].text.lower() in DETERMINERS else d
    if not _boundary_ok(toks, start - 1):
        return None
    m = None
    if d + 1 < n and toks[d + 1].text.lower() in ("from", "by"):
        r = _right_np(toks[:n], d + 1)
        m = parse_mention(r[1]) if r else None
    elif d + 1 == n:
        m = Mention(toks[d].text, toks[d].text.lower(), "organization")
    if m is None:
        return None
    return Attribution("subject", toks[start].start, toks[n].text, toks[n].end, "say", m)


def _according_source(toks: list[Tok], i: int) -> tuple[int, str] | None:
    """The source after "according to": "X", or "a statement released by X", "information
    from X" -- the speaker is X, not the document."""
    if i < len(toks) and toks[i].text.lower() in _OBJECT_PRONOUNS and (
            i + 1 == len(toks) or not toks[i + 1].text[0].isalnum()):
        return i, _OBJECT_PRONOUNS[toks[i].text.lower()]   # "According to him, ..."
    nouns = _word_set("source_nouns")
    k = i
    while k < len(toks) and k - i < 6 and toks[k].text.lower() not in ("from", "by") \
            and toks[k].text not in (",", ".") and not is_cap(toks[k].text):
        k += 1
    if k < len(toks) and toks[k].text.lower() in ("from", "by") and any(
            t.text.lower() in nouns for t in toks[i:k]):
        r = _right_np(toks, k)
        if r is None and k + 1 < len(toks):
            # "a statement from the ministers": the document itself is the source.
            j = k + 1
            while j < len(toks) and toks[j].text[0].isalnum():
                j += 1
            noun = next(t for t in toks[i:k] if t.text.lower() in nouns)
            first = toks.index(noun)
            r = (j - 1, " ".join(t.text for t in toks[first:j]))
        return r
    return _right_np(toks, i - 1)


def _passive_agent(toks: list[Tok], n: int, lemma: str) -> Attribution | None:
    """ "This was reported by the spokesman, Ivan Bondar": the sentence before is theirs.
    "Kim was quoted as saying ...": the subject is the speaker."""
    if lemma in ("quote", "cite"):
        # "Kim was quoted as saying ...", "Kim was quoted by Interfax as saying ...": the
        # subject is the speaker, the agent the relay.
        k, via = n + 1, None
        if k < len(toks) and toks[k].text.lower() == "by":
            r = _right_np(toks, k)
            relay = parse_mention(r[1]) if r else None
            if relay is None:
                return None
            via, k = relay.outlet or relay.name, r[0] + 1
        if not (k + 1 < len(toks) and toks[k].text.lower() == "as"
                and toks[k + 1].text.lower() in vocab()["verb_forms"]):
            return None
        left = _left_np(toks, n - 1)
        m = parse_mention(left[1]) if left else None
        if m is None:
            return None
        verb = toks[k + 1]
        return Attribution("quoted-as", toks[left[0]].start, verb.text, verb.end,
                           vocab()["verb_forms"][verb.text.lower()], m, via=via)
    if n < 2 or toks[n - 2].text.lower() not in ("this", "that", "it") or n - 2 != 0:
        return None
    if n + 1 >= len(toks) or toks[n + 1].text.lower() != "by":
        return None
    r = _right_np(toks, n + 1)
    if r is None:
        return None
    m = parse_mention(r[1])
    if m is None:
        return None
    return Attribution("passive-this", toks[0].start, toks[n].text, toks[r[0]].end, lemma, m)


def _citing(toks: list[Tok], n: int, att: Attribution) -> None:
    """ "..., Interfax reported, citing (or quoting) the defence ministry": the ministry spoke,
    Interfax relayed it."""
    if n + 3 < len(toks) and toks[n + 1].text == "," and \
            toks[n + 2].text.lower() in ("citing", "quoting"):
        r = _right_np(toks, n + 2)
        m = parse_mention(r[1]) if r else None
        if m is None and n + 4 < len(toks) and toks[n + 3].text.lower() in QUANTIFIERS:
            # "reported, citing two sources": anonymous, but still not the outlet's own claim.
            r = _right_np(toks, n + 3)
            m = parse_mention(r[1]) if r else None
        if m is not None and att.mention is not None:
            att.via = att.mention.outlet or att.mention.name
            att.mention = m


def _quoted_as(toks: list[Tok], n: int) -> Attribution | None:
    """ "Interfax quoted Varga as saying ..." -- the speaker is Varga, Interfax relays him."""
    left = _left_np(toks, n)
    right = _right_np(toks, n)
    if right is None or not _as_follows(toks, right[0]):
        right = _phrase_before_as(toks, n)
        if right is None:
            return None
    end_i, phrase = right
    if end_i + 3 < len(toks) and toks[end_i + 1].text == "," and \
            toks[end_i + 2].text.lower() == "as":
        end_i += 1   # "quoted Igor Vasin, the mayor of Tokmak, as saying"
    if end_i + 2 >= len(toks) or toks[end_i + 1].text.lower() != "as":
        return None
    verb = toks[end_i + 2]
    relay = parse_mention(left[1]) if left else None   # "a local site": a relay unnamed
    m = parse_mention(phrase)
    if m is None:
        return None
    via = (relay.outlet or relay.name) if relay else None
    return Attribution("quoted-as", toks[left[0] if left else n].start, verb.text, verb.end,
                       vocab()["verb_forms"].get(verb.text.lower(), "say"), m, via=via)


def _negated(toks: list[Tok], n: int) -> bool:
    """ "has not said", "never confirmed", "hasn't said" -- but "not only said" reports."""
    for k in (n - 1, n - 2):
        if k < 0:
            break
        low = toks[k].text.lower().replace("\u2019", "'")
        if low in ("not", "never") or low.endswith("n't"):
            return not (k + 1 < len(toks) and toks[k + 1].text.lower() == "only")
        if low not in ("has", "have", "had", "yet", "so", "far", "also", "still"):
            break
    return False


def _as_follows(toks: list[Tok], end_i: int) -> bool:
    k = end_i + 1 + (end_i + 1 < len(toks) and toks[end_i + 1].text == ",")
    return k < len(toks) and toks[k].text.lower() == "as"


def _phrase_before_as(toks: list[Tok], n: int) -> tuple[int, str] | None:
    """ "quoted the port's deputy director, Ivan Petrov, as saying": a speaker phrase the
    noun-phrase reader stops inside (a lower-case possessive, a plain role word) still runs to
    the "as" that closes it, when nothing on the way could start a clause."""
    forms = vocab()["verb_forms"]
    for k in range(n + 2, min(len(toks) - 1, n + 16)):
        t = toks[k]
        low = t.text.lower()
        if low == "as" and toks[k + 1].text.lower() in forms:
            end_i = k - 1 - (toks[k - 1].text == ",")
            if end_i <= n:
                return None
            return end_i, " ".join(t.text for t in toks[n + 1:end_i + 1]).replace(" ,", ",")
        if t.quoted or t.text in QUOTE_CHARS or low in forms or low in CONJUNCTIONS or \
                t.text in (".", ";", ":", "(", ")"):
            return None
    return None


def _told_outlet(toks: list[Tok], n: int, lemma: str) -> str | None:
    """ "told Interfax" / "told German broadcaster ARD": the outlet relays the statement."""
    if lemma != "tell":
        return None
    window = " ".join(t.text for t in toks[n + 1:n + 5])
    for o in outlet_names():
        # the pattern holds the outlet's name as written: a window without it cannot match
        if o in window and re.match(rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{re.escape(o)}\b", window):
            return o
    return None
