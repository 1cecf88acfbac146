"""Regex alternations of many literal words, arranged as a trie.

The vocabularies (weapons, titles, targets, currencies...) become patterns like
"missiles|missile|mines|mine": longest word first, so that the longest word that fits wins.
Python's engine tries such branches one by one at every position, and with hundreds of words
that is most of the cost of scanning a sentence. The same words merged on their shared
prefixes, "mi(?:ssiles?|nes?)", are tried letter by letter instead.

The trie matches exactly what the longest-first list matches, in the same order of preference:
two literal words that both fit at one position are a prefix of one another, so they lie on one
path of the trie, where an optional (greedy) tail tries the longer word before the shorter one,
as the sorted list did; two distinct words of one length cannot both fit. Under IGNORECASE the
words are merged on their lower-cased letters, which compare alike anyway -- for ASCII words
only: the engine also equates some non-ASCII letters with ASCII ones ("ı" with "i"), so a list
holding any non-ASCII word keeps the plain longest-first form.
"""
from __future__ import annotations

import re


def may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """False when text, trailing whitespace aside, cannot end with any of the lower-case ASCII
    words as an IGNORECASE pattern reads them: a cheap test before searching for a pattern
    anchored at the end ("...(?:words)\\s+$"). Text with non-ASCII letters may always (the engine
    equates the long s with "s", for one)."""
    tail = text.rstrip()
    return not tail.isascii() or tail.lower().endswith(words)


def longest_first(words) -> str:
    """The plain alternation: every word escaped, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie(words, ignore_case: bool = False) -> str:
    """An alternation matching exactly what `longest_first(words)` matches (see the module)."""
    words = set(words)
    if "" in words or (ignore_case and not all(w.isascii() for w in words)):
        return longest_first(words)
    root: dict = {}
    for w in words:
        node = root
        for ch in (w.lower() if ignore_case else w):
            node = node.setdefault(ch, {})
        node[""] = None       # a word ends here
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # A shorter word ends here: the longer ones are tried first, then this one.
        body = body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body
