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


def needles(words) -> re.Pattern | None:
    """A prefilter for an IGNORECASE pattern that can only match where one of `words` (literal
    ASCII words) occurs: a case-sensitive alternation of the words, to search the lower-cased
    text with. It is exact as a test for absence -- no needle in text.lower() means no match of
    the pattern in text -- for ASCII text (see `lowered`), and several times faster than the
    pattern: without IGNORECASE and a leading lookbehind the engine skips to the positions
    where a needle can start. A word containing another is implied by it and left out.
    None when some word is not ASCII (the engine equates more letters then)."""
    low = {w.lower() for w in words}
    if not low or "" in low or not all(w.isascii() for w in low):
        return None
    return re.compile(trie(w for w in low if not any(o != w and o in w for o in low)))


def tail_start(text: str, runs: int) -> int:
    """Where to start searching text for a pattern anchored at its end ("...$"), for a pattern
    whose matches hold fewer than `runs` runs of whitespace besides any the text ends with:
    no match can begin before the runs-th last such run (str.split and \\s agree on what is
    whitespace). A search from there finds the same leftmost match, reading only the tail;
    it still sees the text before it, for \\b and lookbehinds."""
    parts = text.rsplit(None, runs)
    return len(parts[0]) if len(parts) > runs else 0


def lowered(text: str) -> str | None:
    """text.lower() for ASCII text, which keeps its offsets; None beyond ASCII."""
    return text.lower() if text.isascii() else None


def absent(needle_re: re.Pattern | None, low: str | None) -> bool:
    """Whether the pattern `needle_re` was made for surely finds nothing: see `needles`."""
    return needle_re is not None and low is not None and needle_re.search(low) is None


def word_starts(words, ignore_case: bool = False) -> re.Pattern | None:
    """An alternation of every word, case-sensitive, to find where one of them starts: in the
    lower-cased text (see `lowered`) for a pattern compiled IGNORECASE, else in the text itself.
    For `finditer_from`. None when a word is empty or, under ignore_case, not ASCII."""
    words = {w.lower() for w in words} if ignore_case else set(words)
    if not words or "" in words or (ignore_case and not all(w.isascii() for w in words)):
        return None
    return re.compile(trie(words))


def finditer_from(pattern: re.Pattern, starts: re.Pattern | None, text: str, hay: str | None):
    """pattern.finditer(text), for a pattern that never matches empty and whose every match
    begins with one of the words `starts` was made from (see word_starts); `hay` is where to
    look for them: lowered(text) for an IGNORECASE pattern, else text itself. The pattern is
    tried only where a word starts, which the engine finds far faster than it tries the
    pattern at every position. The matches are the same: finditer takes the leftmost match
    from where the last one ended, which can only begin where a word does, and a pattern
    tried at a position sees the text before it as in a scan (lookbehinds, \\b)."""
    if starts is None or hay is None:
        yield from pattern.finditer(text)
        return
    search, match = starts.search, pattern.match
    pos = 0
    while True:
        c = search(hay, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = m.end()
