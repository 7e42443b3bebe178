"""Faster whole-text scans with the same matches.

Python's regex engine tries a pattern at every character of the text unless the pattern starts with a
plain character or character class. Patterns that start with a group or an alternation of classes
((?P<n>[一二三]{1,3}|\\d{1,2})…, dates, counts) are tried at every character of a report, and most
characters of a report begin no match. `matches_from` jumps with a one-character class from one possible
beginning to the next and tries the pattern only there:

    list(matches_from(_COUNT, _COUNT_FIRST, text)) == list(_COUNT.finditer(text))

Correct when every match of the pattern begins with a character `first` matches and the pattern never
matches the empty string (tests/extractor/test_speed_helpers.py checks the patterns it is used with).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def matches_from(
    pattern: re.Pattern[str], first: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text, pos, endpos) yields, trying the pattern only where `first` matches.
    (A lookbehind still sees the text before each try, as in finditer.)"""
    end = len(text) if endpos is None else min(endpos, len(text))
    while pos < end:
        begin = first.search(text, pos, end)
        if begin is None:
            return
        m = pattern.match(text, begin.start(), end)
        if m is None:
            pos = begin.start() + 1
        else:
            yield m
            pos = max(m.end(), begin.start() + 1)  # (never stuck on an empty match)
