"""Commitments: the words that make a clause a pledge.

A verb chain ("will send", "agreed to provide", "is ready to give"), a finite verb with its object
("pledged $1bn", "approved a loan"), a noun ("a pledge by Britain", "Canada's offer of"), a passive
with its agent ("a loan agreed by the G7"), or a gerund in a "with" clause ("with Japan alone
committing $50m"). Each is a Trigger; pledges.py finds its donor, item and recipient.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .pledge_phrases import VERBISH, Tok, vocab

ADVERBS = {"also", "soon", "now", "still", "then", "further", "additionally", "jointly",
           "each", "together", "quickly", "rapidly", "immediately", "likely", "all", "both",
           "themselves", "itself", "be", "eventually", "finally", "ultimately", "shortly"}
INCLUDE = {"include", "includes", "included", "comprises", "comprise", "comprised",
           "consists", "consist", "contains", "contain"}
SCALES = {"million", "billion", "trillion", "bn", "m", "mn", "k"}
AID_NOUNS = {"assistance", "aid", "support", "package", "contribution", "help", "commitments",
             "donation", "pledge"}


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Inflected form -> stem, for every verb of giving."""
    v = vocab()
    out: dict[str, str] = {}
    for stem in v["give_verbs"]:
        base = stem.split()[0]
        forms = {base, base + ("es" if base.endswith(("sh", "ch", "x", "ss")) else "s"),
                 base + ("d" if base.endswith("e") else "ed"),
                 (base[:-1] if base.endswith("e") else base) + "ing"}
        forms |= set(v["irregular"].get(base, []))
        for f in forms:
            out[f] = stem
    return out


@dataclass
class Trigger:
    kind: str          # verb | buy | commit | noun | source | passive | include | receive | raise | come
    first: int         # token span of the trigger words
    last: int
    status: str


def _adverbs(toks: list[Tok], j: int) -> int:
    while j < len(toks) and (toks[j].low in ADVERBS or toks[j].low.endswith("ly")
                             and toks[j].low not in ("supply", "fly")):
        j += 1
    return j


def _give_at(toks: list[Tok], j: int, forms) -> int | None:
    """Index of the last token of a verb of giving starting at j ("hand over" is two)."""
    if j >= len(toks):
        return None
    if toks[j].low in forms:
        return j
    if toks[j].low in ("hand", "handing", "handed") and j + 1 < len(toks) and toks[j + 1].low == "over":
        return j + 1
    # "Canadian money will go towards winter uniforms"
    if toks[j].low in ("go", "going") and j + 1 < len(toks) and toks[j + 1].low in ("towards", "toward"):
        return j + 1
    # "will pay for the training of pilots": paying for a thing gives it; "will pay out $5m"
    if toks[j].low in ("pay", "paying") and j + 1 < len(toks) and toks[j + 1].low in ("for", "out"):
        return j + 1
    return None


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _time_after(toks: list[Tok], j: int) -> int:
    """Index after a day between a verb and its "to": "agreed on Thursday to provide"."""
    if j + 1 < len(toks) and toks[j].low == "on" and toks[j + 1].low in WEEKDAYS:
        return j + 2
    if j < len(toks) and toks[j].low in ("yesterday", "today"):
        return j + 1
    return j


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Every word a trigger can start with. Each rule below asks first whether the word at i
    is one of its own; a word none of them lists starts no trigger and is skipped at once."""
    v = vocab()
    words = set(v["with_gerunds"]) | set(v["modals"]) | set(v["control"]) | set(v["plan_nouns"])
    words |= set(v["commit_nouns"]) | set(v["source_nouns"]) | set(v["passive"]) | INCLUDE
    words |= {phrase.split(" ")[0] for phrase in v["commit_verbs"]}    # "signed off on"
    words |= {"was", "were", "is", "are", "light", "raise", "raises", "raised", "raising"}
    return frozenset(words)


def find_triggers(toks: list[Tok]) -> list[Trigger]:
    v = vocab()
    forms = _forms()
    if not VERBISH:
        VERBISH.update(forms)
    openers = _openers()
    out: list[Trigger] = []
    n = len(toks)
    for i in [i for i, t in enumerate(toks) if t.low in openers]:   # most words open nothing
        low = toks[i].low
        nxt = toks[i + 1].low if i + 1 < n else ""
        prev = toks[i - 1].low if i else ""
        # "..., with Japan alone committing $50 million"
        if low in v["with_gerunds"] and prev != "to":
            w = next((k for k in range(i - 1, max(-1, i - 16), -1) if toks[k].low == "with"), None)
            if w is not None:
                # The clause starts at the nearest "with", "and" or comma: "..., with Japan
                # providing $5m and Korea adding $2m" has two donors, each with its own sum.
                w = next(k for k in range(i - 1, w - 1, -1) if toks[k].low in ("with", "and", ","))
            if w is not None and w + 1 < i:
                out.append(Trigger("with", w, i, "pledged"))
                continue
        # will send / would provide / will be sending
        if low in v["modals"]:
            j = _adverbs(toks, i + 1)
            g = _give_at(toks, j, forms)
            if g is not None:
                out.append(Trigger("verb", i, g, "pledged"))
                continue
            if j < n and toks[j].low in ("receive", "get"):
                out.append(Trigger("receive", i, j, "pledged"))
                continue
            if j < n and toks[j].low in v["buy_verbs"]:
                out.append(Trigger("buy", i, j, "pledged"))
                continue
            if j + 1 < n and toks[j].low == "come" and toks[j + 1].low == "from":
                out.append(Trigger("come", i, j + 1, "pledged"))
                continue
        # "said Norway was sending": the progressive of reported speech, moved into the past
        if low in ("was", "were") and any(x.low in v["reporting_verbs"] for x in toks[max(0, i - 8):i]):
            j = _adverbs(toks, i + 1)
            g = _give_at(toks, j, forms)
            if g is not None and toks[j].low.endswith("ing"):
                out.append(Trigger("verb", i, g, "pledged"))
                continue
        # is sending / are providing; is set to send / is going to send
        if low in ("is", "are") and i + 1 < n:
            j = _adverbs(toks, i + 1)
            g = _give_at(toks, j, forms)
            if g is not None and toks[j].low.endswith("ing"):
                out.append(Trigger("verb", i, g, "pledged"))
                continue
            if toks[j].low == "to" or (j + 1 < n and toks[j].low in ("set", "going", "due", "about")
                                       and toks[j + 1].low == "to"):
                k = _adverbs(toks, j + 1 if toks[j].low == "to" else j + 2)
                g = _give_at(toks, k, forms)
                if g is not None:
                    out.append(Trigger("verb", i, g, "pledged"))
                    continue
                if k < n and toks[k].low in ("receive", "get"):
                    out.append(Trigger("receive", i, k, "pledged"))
                    continue
        # agreed to provide / committed to providing / intends to deliver
        when = _time_after(toks, i + 1) if low in v["control"] else i + 1
        if low in v["control"] and when < n and toks[when].low == "to" and prev not in ("a", "an", "the"):
            j = _adverbs(toks, when + 1)
            g = _give_at(toks, j, forms)
            if g is not None:
                out.append(Trigger("verb", i, g, v["control"][low]))
                continue
            if j < n and toks[j].low in v["buy_verbs"]:
                out.append(Trigger("buy", i, j, v["control"][low]))
                continue
        # "signed an agreement to provide", "announced a plan to send": the noun's "to" clause
        # is the subject's own commitment
        if low in v["plan_nouns"] and nxt == "to" and prev in ("a", "an", "the", "its", "their"):
            g = _give_at(toks, _adverbs(toks, i + 2), forms)
            if g is not None:
                out.append(Trigger("verb", i, g, "pledged"))
                continue
        # pledges from X / a pledge by Britain / Canada's offer of / Germany's €500m pledge
        if low in v["commit_nouns"] and (nxt in ("from", "by", "of", "worth", "totalling", "totaling")
                                          or prev in SCALES or prev[:1].isdigit() or prev in ("a", "an", "the", "its", "their", "his", "her",
                                                      "’s", "'s", "new", "forthcoming", "fresh",
                                                      "latest", "first", "made")):
            out.append(Trigger("noun", i, i, v["commit_nouns"][low]))
            continue
        if low == "light" and prev == "green" and nxt in ("for", "to"):
            out.append(Trigger("commit", i - 1, i, "approved"))      # "gave the green light for"
            continue
        nxt2 = toks[i + 2].low if i + 2 < n else ""
        if f"{low} {nxt} {nxt2}" in v["commit_verbs"] and prev != "to":
            # "signed off on a €700m package"
            out.append(Trigger("commit", i, i + 2, v["commit_verbs"][f"{low} {nxt} {nxt2}"]))
            continue
        if (low in v["commit_verbs"] or f"{low} {nxt}" in v["commit_verbs"]) and prev != "to" and not (
                low in v["passive"] and nxt == "by"):
            two = f"{low} {nxt}" in v["commit_verbs"] and nxt in ("on", "to")
            last = i + 1 if two else i
            if nxt == "to" and not two:
                continue
            if nxt == "that" and low in v["that_reporting"]:
                continue      # "confirmed that the drones will be built": it reports; a pledge in it has its own verb
            if two and nxt == "to" and i + 2 < n and _give_at(toks, i + 2, forms) is not None:
                continue
            out.append(Trigger("commit", i, last, v["commit_verbs"].get(f"{low} {nxt}" if two else low)))
            continue
        # "$90 million is a grant from Norway"
        if low in v["source_nouns"] and nxt == "from":
            out.append(Trigger("source", i, i, "pledged"))
            continue
        if low in v["passive"] and nxt == "by":
            out.append(Trigger("passive", i, i + 1, "pledged" if low not in ("sent", "delivered") else "delivered"))
            continue
        if low in INCLUDE and i >= 1:
            # "consists of" lists its items after "of"
            last = i + 1 if nxt == "of" and low.startswith("consist") else i
            out.append(Trigger("include", i, last, "pledged"))
            continue
        if low in ("raise", "raises", "raised", "raising"):
            out.append(Trigger("raise", i, i, "pledged"))
    return out
