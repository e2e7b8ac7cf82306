"""``chars.without_whitespace`` gives what the whitespace patterns it replaced gave
(``regex`` ``\\s+`` and ``[\\s　]+`` subbed out), on every code point and on mixed texts."""

from __future__ import annotations

import random
import sys

import regex

from piatable.normalize.chars import without_whitespace

_PATTERNS = (regex.compile(r"\s+"), regex.compile(r"[\s　]+"), regex.compile(r"[\s\u3000]+"))


def _code_points() -> list[str]:
    return [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_every_code_point_alone_and_between_letters() -> None:
    for ch in _code_points():
        for text in (ch, f"a{ch}b", f"変{ch}{ch}更"):
            want = _PATTERNS[0].sub("", text)
            assert without_whitespace(text) == want, hex(ord(ch))


def test_the_separators_that_only_str_split_takes_for_whitespace_are_kept() -> None:
    for sep in "\x1c\x1d\x1e\x1f":
        assert without_whitespace(f"a {sep} b") == f"a{sep}b"


def test_random_texts_match_all_three_patterns() -> None:
    rng = random.Random(13)
    pool = "あ変更 \u3000\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u2029\u200b\ufeff1a（）。"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 30)))
        got = without_whitespace(text)
        for p in _PATTERNS:
            assert got == p.sub("", text), repr(text)
